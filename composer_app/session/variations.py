"""The generated variations shown as ghosts: which ones, which is current, which bars they fill."""

from __future__ import annotations

from composer_app.core.melody import Melody
from composer_app.session.events import Events


class Variations:
    """Pending variations (not part of the document until accepted). Events: changed, index."""

    def __init__(self) -> None:
        self.events = Events("changed", "index")
        self.items: list[Melody] = []
        self.index = 0
        self.span: tuple[int, int] | None = None  # [start, end) ticks the variations fill

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    @property
    def current(self) -> Melody | None:
        return self.items[self.index] if self.items else None

    def show(self, items: list[Melody], span: tuple[int, int] | None = None, index: int = 0) -> None:
        """Show `items`; one that is note for note an earlier one is not listed again."""
        self.items = distinct(items)
        self.index = min(max(0, index), max(0, len(self.items) - 1))
        self.span = span if self.items else None
        self.events.changed.emit()

    def clear(self) -> None:
        if self.items or self.span is not None:
            self.items, self.index, self.span = [], 0, None
            self.events.changed.emit()

    def choose(self, index: int) -> None:
        if 0 <= index < len(self.items) and index != self.index:
            self.index = index
            self.events.index.emit(index)

    def cycle(self, step: int) -> None:
        if self.items:
            self.choose((self.index + step) % len(self.items))

    def snapshot(self) -> tuple[list[Melody], int, tuple[int, int] | None]:
        return list(self.items), self.index, self.span


def distinct(items: list[Melody]) -> list[Melody]:
    """The variations that differ, each first occurrence kept in order."""
    seen, kept = set(), []
    for m in items:
        notes = tuple(n.content() for n in m)
        if notes not in seen:
            seen.add(notes)
            kept.append(m)
    return kept


def how_alike(items: list[Melody], long_enough: int = 6) -> tuple[int, int | None]:
    """(how many different variations there are, the fewest different pitches a variation of at least
    `long_enough` notes uses, None without one): 4 variations that are one two-note loop give (1, 2), which is
    worth telling the student about; a short variation of two notes is not."""
    distinct = {tuple(n.content() for n in m) for m in items}
    fewest = min((len({n.pitch for n in m}) for m in items if len(m) >= long_enough), default=None)
    return len(distinct), fewest
