"""Alt+letter clashes: two entries of one menu bar or one menu that underline the same letter."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QMenuBar


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def clashes(bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(where, first text, second text) for every letter used twice in the bar or in one of its menus."""
    found = []

    def check(where: str, actions) -> None:
        seen: dict[str, str] = {}
        for a in actions:
            if a.isSeparator() or not a.isVisible():
                continue
            letter = mnemonic(a.text())
            if letter is not None:
                if letter in seen:
                    found.append((where, seen[letter], a.text()))
                seen.setdefault(letter, a.text())
            if a.menu() is not None:
                check(a.text(), a.menu().actions())

    check("menu bar", bar.actions())
    return found

