"""The named operations on the document. Each returns one `Change` (or None when it would change nothing)
for `Session.do` to carry out as one undo step; none of them changes the document by itself."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from composer_app.core.chords import ChordError, ChordEvent, check_chords
from composer_app.core.melody import Header, Melody
from composer_app.core.timing import TempoChange, TimeSignature
from composer_app.session.changes import Change

Row = tuple[int, int, int, int]  # (tick, duration, pitch, velocity)


class DocumentEdits:
    """Mixed into Session: every way the student changes the document."""

    melody: Melody

    def _notes(self, ids: Iterable[int]) -> list:
        return [self.melody.get(i) for i in dict.fromkeys(ids) if i in self.melody]

    def _change(self, label: str, before: list, after: list, **kw) -> Change | None:
        change = Change(label, before, after, **kw)
        return None if change.empty else change

    # -- notes -----------------------------------------------------------------------------
    def add_notes(self, rows: Sequence[Row], label: str = "Add notes", select: bool = True) -> Change | None:
        """New notes (tick, duration, pitch, velocity) with fresh ids; they become the selection."""
        if not rows:
            return None
        return Change(label, [], self.melody.draft(rows), select_after=select)

    def delete_notes(self, ids: Iterable[int], label: str = "Delete notes") -> Change | None:
        notes = self._notes(ids)
        return Change(label, notes, []) if notes else None

    def move_notes(self, ids: Iterable[int], dtick: int = 0, dpitch: int = 0, label: str = "Move notes"
                   ) -> Change | None:
        """Shift notes; the earliest stops at tick 0 and the others keep their distance from it."""
        notes = self._notes(ids)
        if not notes:
            return None
        dtick = self.allowed_shift([n.id for n in notes], dtick)
        return self._change(label, notes, self.melody.moved([n.id for n in notes], dtick, dpitch))

    def allowed_shift(self, ids: Iterable[int], dtick: int) -> int:
        """How far notes may move in time: the earliest stops at tick 0 (a drag's preview asks this too)."""
        notes = self._notes(ids)
        return max(dtick, -min(n.tick for n in notes)) if notes else dtick

    def transpose_notes(self, ids: Iterable[int], semitones: int, label: str = "Transpose") -> Change | None:
        return self.move_notes(ids, 0, semitones, label)

    def resize_notes(self, ids: Iterable[int], ddur: int, label: str = "Resize notes") -> Change | None:
        notes = self._notes(ids)
        return self._change(label, notes, self.melody.resized([n.id for n in notes], ddur=ddur)) if notes else None

    def set_velocities(self, velocities: dict[int, int], label: str = "Set velocity") -> Change | None:
        velocities = {i: v for i, v in velocities.items() if i in self.melody}
        notes = self._notes(velocities)
        return self._change(label, notes, self.melody.with_velocity(velocities)) if notes else None

    def quantize_notes(self, ids: Iterable[int] | None, grid: str | int, label: str = "Quantize") -> Change | None:
        """Snap the notes (all of them for None) to the grid."""
        notes = list(self.melody) if ids is None else self._notes(ids)
        return self._change(label, notes, self.melody.quantized([n.id for n in notes], grid)) if notes else None

    def paste_notes(self, rows: Sequence[Row], at_tick: int, label: str = "Paste") -> Change | None:
        """Clipboard rows (ticks from the first note) placed at `at_tick`."""
        return self.add_notes([(at_tick + t, d, p, v) for t, d, p, v in rows], label)

    def duplicate_notes(self, ids: Iterable[int], step: int, label: str = "Duplicate") -> Change | None:
        """A copy of the notes right after them, moved by their length rounded up to the grid step."""
        notes = self._notes(ids)
        if not notes:
            return None
        start, end = min(n.tick for n in notes), max(n.end for n in notes)
        length = -(-(end - start) // step) * step
        return self.add_notes([(n.tick + length, n.duration, n.pitch, n.velocity) for n in notes], label)

    # -- tempo and metre -------------------------------------------------------------------
    def _header_change(self, label: str, after: Header) -> Change | None:
        before = self.melody.header()
        if after == before:
            return None
        return Change(label, header_before=before, header_after=after, merge_key="meter")

    def set_tempo(self, bpm: float, label: str = "Tempo") -> Change | None:
        """The tempo the piece starts at; a tempo map with later changes is scaled as a whole (each change keeps
        its place and its ratio to the first tempo, so a ritardando stays a ritardando)."""
        h = self.melody.header()
        if round(self.melody.bpm) == round(bpm):
            return None
        first = h.tempos[0].tempo if h.tempos and h.tempos[0].tick == 0 else 500_000
        ratio = round(60_000_000 / bpm) / first
        later = tuple(TempoChange(t.tick, max(1, round(t.tempo * ratio))) for t in h.tempos if t.tick > 0)
        return self._header_change(label, replace(h, tempos=(TempoChange(0, round(60_000_000 / bpm)),) + later))

    def make_room(self, ticks: int, label: str = "Make room for an intro") -> Change | None:
        """Everything (notes and later tempo changes) moves `ticks` later, so music can go before it."""
        if ticks <= 0 or len(self.melody) == 0:
            return None
        h = self.melody.header()
        tempos = (h.tempos[0],) + tuple(TempoChange(t.tick + ticks, t.tempo) for t in h.tempos[1:])
        notes = list(self.melody)
        chords = tuple(ChordEvent(c.tick + ticks, c.duration, c.chord) for c in h.chords)
        return Change(label, notes, self.melody.moved([n.id for n in notes], ticks, 0), h,
                      replace(h, tempos=tempos, chords=chords))

    def set_time_signature(self, numerator: int, denominator: int, label: str = "Time signature") -> Change | None:
        return self._header_change(label, replace(self.melody.header(),
                                                  time_signature=TimeSignature(numerator, denominator)))

    # -- chords ----------------------------------------------------------------------------
    def set_chords(self, events, label: str = "Chords") -> Change | None:
        """The chord track becomes `events` (ChordError if they overlap or have no length; nothing changes)."""
        before = self.melody.header()
        after = replace(before, chords=tuple(check_chords(list(events))))
        if after == before:
            return None
        return Change(label, header_before=before, header_after=after)

    def put_chord(self, tick: int, chord, label: str = "Chord") -> Change | None:
        """`chord` at `tick`: it replaces the chord sounding there (keeping its time), else it lasts from `tick`
        to the next chord or the end of the bar, whichever comes first (None: remove the chord there)."""
        chords = list(self.melody.chords)
        here = next((c for c in chords if c.tick <= tick < c.end), None)
        if here is not None:
            chords.remove(here)
            if chord is not None:
                chords.append(ChordEvent(here.tick, here.duration, chord))
        elif chord is not None:
            bar = self.melody.time_signature.bar_ticks
            end = min([c.tick for c in chords if c.tick > tick] + [(tick // bar + 1) * bar])
            chords.append(ChordEvent(tick, end - tick, chord))
        return self.set_chords(chords, label)

    def move_chord(self, tick: int, new_tick: int, new_end: int | None = None, label: str = "Move chord") -> Change | None:
        """The chord starting at `tick` moves to `new_tick` (keeping its length) or, with `new_end`, spans
        [new_tick, new_end); ChordError when another chord is in the way (nothing changes)."""
        chords = list(self.melody.chords)
        this = next((c for c in chords if c.tick == tick), None)
        if this is None:
            return None
        chords.remove(this)
        end = new_end if new_end is not None else new_tick + this.duration
        for other in chords:
            if other.tick < end and new_tick < other.end:
                raise ChordError(f"there is already a chord ({other.symbol()}) there", "overlap")
        return self.set_chords(chords + [ChordEvent(max(0, new_tick), end - max(0, new_tick), this.chord)], label)

    # -- what comes from elsewhere ---------------------------------------------------------
    def accept(self, label: str | None = None) -> Change | None:
        """The current variation replaces what the document has in the bars it fills (None: nothing to accept)."""
        chosen = self.variations.current
        if chosen is None:
            return None
        start, end = self.variations.span or ((chosen.notes[0].tick, chosen.end_tick) if len(chosen) else (0, 0))
        replaced = [n for n in self.melody.notes_in_range(start, end) if n.tick >= start]
        cut = [n for n in self.melody.notes_in_range(start, start + 1) if n.tick < start < n.end]
        shortened = [replace(n, duration=start - n.tick) for n in cut]
        # a note tied over the span's end keeps its part after the span (one over the whole span: both ends)
        tails = [(end, n.end - end, n.pitch, n.velocity) for n in replaced + cut if n.end > end]
        shortened += self.melody.draft(tails)
        name = label or chosen.name or f"Variation {self.variations.index + 1}"
        return Change(name, replaced + cut, shortened + self.melody.draft(n.content() for n in chosen),
                      select_after=True, accepted=name, variations_before=self.variations.snapshot())

    def merge_take(self, notes: Sequence[Row], mode: str, start: int, label: str = "Record") -> Change | None:
        """A recorded take into the document: overdub adds, replace first removes what starts in its span."""
        notes = [n for n in notes if n[0] >= 0]
        if not notes:
            return None
        if mode not in ("overdub", "replace"):
            raise ValueError(f"unknown recording mode {mode!r}")
        removed = []
        if mode == "replace":
            end = max(t + d for t, d, _, _ in notes)
            removed = self._notes(self.melody.select_range(start, end))
        return Change(label, removed, self.melody.draft(notes))

    def restore(self, project, label: str = "Restore recovered work") -> Change:
        """A recovered project replaces the document's notes, header and whereabouts (one undo step)."""
        r = project.melody
        return Change(label, list(self.melody), list(r), self.melody.header(), r.header(),
                      document_before=self.whereabouts(),
                      document_after={"path": project.document.get("path"), "accepted": list(project.accepted)})
