"""One undoable change of the document, and a Qt-free history of them.

Every edit a student makes (a note drawn, a drag, a tempo typed, a variation accepted, a take recorded, a
recovered project restored) is one `Change`: notes out and notes in by id, and optionally the header
(tempo map, metre, key, name) before and after. The session's named operations (`session.edits`) make
changes; `Session.apply` and `Session.revert` carry them out; a history (this module's `History`, or the
window's undo stack wrapping each change in one generic command) keeps them for undo.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from composer_app.core.melody import Header
from composer_app.core.note import Note


@dataclass
class Change:
    """`before` notes (by id) become `after`; `header_before` becomes `header_after` when given."""

    label: str
    before: list[Note] = field(default_factory=list)
    after: list[Note] = field(default_factory=list)
    header_before: Header | None = None
    header_after: Header | None = None
    select_after: bool = False  # select the notes that came in (paste, duplicate, draw, accept)
    accepted: str | None = None  # accepting a variation of this name (undo brings the variations back)
    variations_before: tuple | None = None
    document_after: dict | None = None  # where the document lives after it (a restored project's path)
    document_before: dict | None = None
    merge_key: str | None = None  # consecutive changes with the same key make one undo step (typing a tempo)

    @property
    def empty(self) -> bool:
        return self.before == self.after and self.header_before == self.header_after and self.accepted is None

    def absorb(self, later: "Change") -> bool:
        """Fold a later change into this one when both are header-only steps with the same merge key."""
        if self.merge_key is None or later.merge_key != self.merge_key or self.before or self.after \
                or later.before or later.after:
            return False
        self.header_after, self.label = later.header_after, later.label
        return True


class History:
    """Undo and redo without Qt (the command line and the session's tests); the window uses its QUndoStack."""

    def __init__(self, session) -> None:
        self.session = session
        self.done: list[Change] = []
        self.undone: list[Change] = []

    def push(self, change: Change) -> None:
        self.session.apply(change)
        self.undone.clear()
        if self.done and self.done[-1].absorb(change):
            return
        self.done.append(change)

    def undo(self) -> bool:
        if not self.done:
            return False
        change = self.done.pop()
        self.session.revert(change)
        self.undone.append(change)
        return True

    def redo(self) -> bool:
        if not self.undone:
            return False
        change = self.undone.pop()
        self.session.apply(change)
        self.done.append(change)
        return True

    def clear(self) -> None:
        self.done.clear()
        self.undone.clear()
