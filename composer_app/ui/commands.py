"""Undo commands: every edit of the melody is one NoteEdit (notes out, notes in, by id)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

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


class AcceptVariation(NoteEdit):
    """A NoteEdit that also hides the variations on redo and shows them again on undo."""

    def __init__(self, melody, before, after, text, show_variations, hide_variations) -> None:
        super().__init__(melody, before, after, text)
        self.show_variations, self.hide_variations = show_variations, hide_variations

    def redo(self) -> None:
        super().redo()
        self.hide_variations()

    def undo(self) -> None:
        super().undo()
        self.show_variations()


def accept_command(melody: Melody, notes: Sequence[tuple[int, int, int, int]], start: int, end: int, text: str,
                   show_variations, hide_variations) -> AcceptVariation:
    """Accepting a variation over [start, end): notes starting there are replaced, a note sounding into it is
    cut at `start`, and the variation's notes are added."""
    scratch = melody.copy()
    replaced = [n for n in melody.notes_in_range(start, end) if n.tick >= start]
    cut = [n for n in melody.notes_in_range(start, start + 1) if n.tick < start < n.end]
    scratch.remove([n.id for n in replaced])
    shortened = [replace(n, duration=start - n.tick) for n in cut]
    added = [scratch.add(*n) for n in notes]
    return AcceptVariation(melody, replaced + cut, shortened + added, text, show_variations, hide_variations)


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
