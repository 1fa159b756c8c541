"""Undo commands: every edit of the melody is one NoteEdit (notes out, notes in, by id)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtGui import QUndoCommand

from composer_app.core.melody import Melody
from composer_app.core.note import Note


class NoteEdit(QUndoCommand):
    """Replace `before` (notes by id) with `after`; undo does the reverse. Ids are kept, so undo is exact."""

    def __init__(self, melody: Melody, before: Sequence[Note], after: Sequence[Note], text: str) -> None:
        super().__init__(text)
        self.melody = melody
        self.before = list(before)
        self.after = list(after)

    def redo(self) -> None:
        self.after = self.melody.apply([n.id for n in self.before], self.after)

    def undo(self) -> None:
        self.melody.apply([n.id for n in self.after], self.before)


class SessionEdit(QUndoCommand):
    """One undo step for an edit the session computed (accept, a recorded take): it applies and reverts it."""

    def __init__(self, session, change) -> None:
        super().__init__(change.label)
        self.session, self.change = session, change

    def redo(self) -> None:
        self.session.apply(self.change)

    def undo(self) -> None:
        self.session.revert(self.change)


def edit_notes(melody: Melody, ids: Iterable[int], change, text: str) -> NoteEdit | None:
    """A NoteEdit that applies `change(melody_copy, ids)` (a Melody edit method) to the given notes."""
    ids = [i for i in ids if i in melody]
    if not ids:
        return None
    scratch = melody.copy()
    change(scratch, ids)
    before = [melody.get(i) for i in ids]
    after = [scratch.get(i) for i in ids]
    if before == after:
        return None
    return NoteEdit(melody, before, after, text)


def add_notes(melody: Melody, notes: Sequence[tuple[int, int, int, int]], text: str) -> NoteEdit:
    """A NoteEdit adding (tick, duration, pitch, velocity) notes with fresh ids."""
    scratch = melody.copy()
    added = [scratch.add(*n) for n in notes]
    return NoteEdit(melody, [], added, text)


def remove_notes(melody: Melody, ids: Iterable[int], text: str) -> NoteEdit | None:
    notes = [melody.get(i) for i in ids if i in melody]
    return NoteEdit(melody, notes, [], text) if notes else None


class SetMeter(QUndoCommand):
    """Change the tempo map and/or time signature; consecutive tempo changes merge into one undo step."""

    ID = 7301

    def __init__(self, melody: Melody, tempos=None, time_signature=None, text: str = "") -> None:
        super().__init__(text)
        self.melody = melody
        self.before = (list(melody.tempos), melody.time_signature)
        self.after = (list(tempos) if tempos is not None else list(melody.tempos),
                      time_signature if time_signature is not None else melody.time_signature)

    def id(self) -> int:  # noqa: A003
        return self.ID

    def mergeWith(self, other) -> bool:  # noqa: N802
        if not isinstance(other, SetMeter) or other.melody is not self.melody:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        self.melody.set_meter(*self.after)

    def undo(self) -> None:
        self.melody.set_meter(*self.before)
