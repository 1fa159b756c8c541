"""No two actions share a key, on any platform's key bindings (Qt adds platform keys to its standard ones:
Ctrl+D deletes on X11, for example)."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtGui import QKeySequence

from composer_app.ui.actions import _specs
from tests.ui.platform_keys import ALL, ROWS, bindings


def same_key(text: str) -> str:
    """One spelling per physical key: Backtab is Shift+Tab; Enter and Return stay apart (two keys)."""
    portable = QKeySequence(text).toString(QKeySequence.SequenceFormat.PortableText)
    return portable.replace("Shift+Backtab", "Shift+Tab").replace("Backtab", "Shift+Tab")


def keys_on(platform: str) -> dict[str, list[str]]:
    """action name -> its keys on `platform` (standard keys resolved through Qt's table)."""
    out = {}
    for name, spec in _specs().items():
        keys = []
        for s in spec.shortcuts:
            if isinstance(s, QKeySequence.StandardKey):
                keys += bindings(s.name, platform)
            else:
                keys.append(s)
        spelled = dict.fromkeys(QKeySequence(k).toString(QKeySequence.SequenceFormat.PortableText) for k in keys)
        out[name] = [same_key(k) for k in spelled]  # the same spelling twice is one key (Qt keeps one)
    return out


def clashes(keys: dict[str, list[str]]) -> list[str]:
    owners = defaultdict(set)
    problems = []
    for name, ks in keys.items():
        if len(ks) != len(set(ks)):
            problems.append(f"{name} lists one key twice: {ks}")
        for k in ks:
            owners[k].add(name)
    problems += [f"{k}: {sorted(names)}" for k, names in owners.items() if len(names) > 1]
    return problems


def test_every_standard_key_used_is_in_the_table(qapp):
    used = {s.name for spec in _specs().values() for s in spec.shortcuts if isinstance(s, QKeySequence.StandardKey)}
    assert used <= set(ROWS), f"add Qt's rows for {sorted(used - set(ROWS))} to tests/ui/platform_keys.py"


def test_no_two_actions_share_a_key_on_any_platform(qapp):
    for platform in ALL:
        assert clashes(keys_on(platform)) == [], platform


def test_the_check_finds_a_clash():
    """Qt's Delete on X11 includes Ctrl+D: bound to Delete, it would take Duplicate's key."""
    keys = {"delete": [same_key(k) for k in bindings("Delete", "x11")], "duplicate": [same_key("Ctrl+D")],
            "previous": [same_key("Shift+Tab"), same_key("Backtab")]}
    found = clashes(keys)
    assert any("Ctrl+D" in p for p in found) and any("previous lists one key twice" in p for p in found)


def test_no_two_actions_share_a_key_in_the_running_window(window):
    """The keys as this platform's Qt actually bound them."""
    keys = {name: [same_key(k.toString(QKeySequence.SequenceFormat.PortableText)) for k in a.shortcuts()]
            for name, a in window.actions.items()}
    assert clashes(keys) == []
