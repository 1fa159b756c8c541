"""The melody document: tick-sorted notes plus tempo, time and key signature."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from composer_app.core.chords import ChordEvent
from composer_app.core.note import MAX_PITCH, MAX_VELOCITY, MIN_PITCH, MIN_VELOCITY, Note
from composer_app.core.timing import DEFAULT_TEMPO, TICKS_PER_QUARTER, TempoChange, TimeSignature, grid_ticks

MAX_TICK = 2**31 - 1

Listener = Callable[["Melody"], None]


@dataclass(frozen=True)
class Header:
    """What a melody document holds besides its notes."""

    tempos: tuple[TempoChange, ...]
    time_signature: TimeSignature
    key_signature: str | None = None
    name: str = ""
    chords: tuple[ChordEvent, ...] = ()


def _sort_key(note: Note) -> tuple[int, int, int]:
    return (note.tick, note.pitch, note.id)


@dataclass(eq=False)
class Melody:
    """A melody document at 480 ticks per quarter.

    Notes are kept sorted by (tick, pitch, id); every edit goes through a by-id operation
    that clamps its values and notifies listeners. Equality compares the music, not the ids.
    """

    tempos: list[TempoChange] = field(default_factory=lambda: [TempoChange(0, DEFAULT_TEMPO)])
    time_signature: TimeSignature = field(default_factory=TimeSignature)
    key_signature: str | None = None
    name: str = ""
    chords: tuple[ChordEvent, ...] = ()  # the chord track: in time order, none overlapping (core.chords)
    ticks_per_quarter: int = TICKS_PER_QUARTER
    _notes: list[Note] = field(default_factory=list, repr=False)
    _keys: list[tuple[int, int, int]] = field(default_factory=list, repr=False)
    _by_id: dict[int, Note] = field(default_factory=dict, repr=False)
    _next_id: int = field(default=1, repr=False)
    _max_duration: int = field(default=0, repr=False)
    _listeners: list[Listener] = field(default_factory=list, repr=False)

    @classmethod
    def from_notes(cls, notes: Iterable[tuple[int, int, int, int] | Note], **kwargs) -> "Melody":
        """A melody from (tick, duration, pitch, velocity) tuples or notes (ids are reassigned)."""
        melody = cls(**kwargs)
        made = [
            melody._make(n.tick, n.duration, n.pitch, n.velocity) if isinstance(n, Note) else melody._make(*n)
            for n in notes
        ]
        made.sort(key=_sort_key)
        melody._notes = made
        melody._keys = [_sort_key(n) for n in made]
        melody._by_id = {n.id: n for n in made}
        melody._max_duration = max((n.duration for n in made), default=0)
        return melody

    # -- reading -------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._notes)

    def __iter__(self) -> Iterator[Note]:
        return iter(self._notes)

    def __contains__(self, note_id: object) -> bool:
        return note_id in self._by_id

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Melody):
            return NotImplemented
        return (
            self.tempos == other.tempos
            and self.time_signature == other.time_signature
            and self.key_signature == other.key_signature
            and self.chords == other.chords
            and self.contents() == other.contents()
        )

    __hash__ = None  # type: ignore[assignment]

    @property
    def notes(self) -> tuple[Note, ...]:
        return tuple(self._notes)

    @property
    def tempo(self) -> int:
        """The first tempo, in microseconds per quarter note."""
        return self.tempos[0].tempo if self.tempos else DEFAULT_TEMPO

    @property
    def bpm(self) -> float:
        return 60_000_000 / self.tempo

    def get(self, note_id: int) -> Note:
        return self._by_id[note_id]

    def contents(self) -> list[tuple[int, int, int, int]]:
        """The notes as sorted (tick, duration, pitch, velocity) tuples, without ids."""
        return sorted(n.content() for n in self._notes)

    @property
    def end_tick(self) -> int:
        """Tick at which the last note stops (0 for an empty melody)."""
        return max((n.end for n in self._notes), default=0)

    def bars(self) -> float:
        return self.end_tick / self.time_signature.bar_ticks

    def notes_in_range(self, start: int, end: int) -> list[Note]:
        """Notes sounding anywhere in [start, end), in tick order; O(log n + k)."""
        lo = bisect.bisect_left(self._keys, (start - self._max_duration + 1, -1, -1))
        hi = bisect.bisect_left(self._keys, (end, -1, -1))
        return [n for n in self._notes[lo:hi] if n.end > start]

    def select_range(self, start: int, end: int, low: int = MIN_PITCH, high: int = MAX_PITCH) -> list[int]:
        """Ids of notes that start in [start, end) with pitch in [low, high]."""
        lo = bisect.bisect_left(self._keys, (start, -1, -1))
        hi = bisect.bisect_left(self._keys, (end, -1, -1))
        return [n.id for n in self._notes[lo:hi] if low <= n.pitch <= high]

    def is_monophonic(self) -> bool:
        """True when no two notes sound at the same time."""
        return all(a.end <= b.tick for a, b in zip(self._notes, self._notes[1:]))

    def copy(self) -> "Melody":
        """A deep copy keeping ids (listeners are not copied)."""
        clone = Melody(
            tempos=list(self.tempos),
            time_signature=self.time_signature,
            key_signature=self.key_signature,
            name=self.name,
            chords=self.chords,
        )
        for n in self._notes:
            clone._insert(n)
        clone._next_id = self._next_id
        return clone

    # -- listeners -----------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener(self)

    # -- storage -------------------------------------------------------------------------
    def _make(self, tick: int, duration: int, pitch: int, velocity: int = 80, note_id: int | None = None) -> Note:
        if note_id is None:
            note_id = self._next_id
        if note_id >= self._next_id:
            self._next_id = note_id + 1
        tick = int(tick)
        tick = 0 if tick < 0 else MAX_TICK - 1 if tick >= MAX_TICK else tick
        duration = int(duration)
        duration = 1 if duration < 1 else min(duration, MAX_TICK - tick)
        pitch = int(pitch)
        velocity = int(velocity)
        return Note(note_id, tick, duration, MIN_PITCH if pitch < MIN_PITCH else MAX_PITCH if pitch > MAX_PITCH else pitch,
                    MIN_VELOCITY if velocity < MIN_VELOCITY else MAX_VELOCITY if velocity > MAX_VELOCITY else velocity)

    def _insert(self, note: Note) -> None:
        key = _sort_key(note)
        i = bisect.bisect_left(self._keys, key)
        self._keys.insert(i, key)
        self._notes.insert(i, note)
        self._by_id[note.id] = note
        self._next_id = max(self._next_id, note.id + 1)
        self._max_duration = max(self._max_duration, note.duration)

    def _discard(self, note_id: int) -> Note:
        note = self._by_id.pop(note_id)
        i = bisect.bisect_left(self._keys, _sort_key(note))
        del self._keys[i]
        del self._notes[i]
        return note

    def _replace_all(self, updated: list[Note]) -> None:
        for n in updated:
            self._discard(n.id)
        for n in updated:
            self._insert(n)

    # -- edits (by id, clamped, notify) --------------------------------------------------
    def add(self, tick: int, duration: int, pitch: int, velocity: int = 80) -> Note:
        """Add a note and return it with its new id."""
        note = self._make(tick, duration, pitch, velocity)
        self._insert(note)
        self._changed()
        return note

    def add_notes(self, notes: Iterable[Note]) -> list[Note]:
        """Insert notes, keeping their ids when free (used by undo and paste)."""
        return self.apply((), notes)

    def apply(self, remove_ids: Iterable[int], notes: Iterable[Note]) -> list[Note]:
        """Remove notes by id, then insert notes keeping free ids; listeners hear one change (used by undo)."""
        for i in list(remove_ids):
            if i in self._by_id:
                self._discard(i)
        added = []
        for n in notes:
            note_id = n.id if n.id not in self._by_id and n.id > 0 else None
            note = self._make(n.tick, n.duration, n.pitch, n.velocity, note_id)
            self._insert(note)
            added.append(note)
        self._changed()
        return added

    def header(self) -> "Header":
        """Tempo map, time signature, key signature, name and chords (what is not notes)."""
        return Header(tuple(self.tempos), self.time_signature, self.key_signature, self.name, tuple(self.chords))

    def set_header(self, header: "Header") -> None:
        """Replace what is not notes; notify."""
        tempos = sorted(header.tempos, key=lambda t: t.tick)
        if not tempos or tempos[0].tick != 0:
            raise ValueError("the tempo map must start at tick 0")
        self.tempos, self.time_signature = tempos, header.time_signature
        self.key_signature, self.name = header.key_signature, header.name
        self.chords = tuple(header.chords)
        self._changed()

    def set_meter(self, tempos: Iterable[TempoChange] | None = None, time_signature: TimeSignature | None = None) -> None:
        """Replace the tempo map and/or the time signature (the first tempo must be at tick 0); notify."""
        if tempos is not None:
            tempos = sorted(tempos, key=lambda t: t.tick)
            if not tempos or tempos[0].tick != 0:
                raise ValueError("the tempo map must start at tick 0")
            self.tempos = tempos
        if time_signature is not None:
            self.time_signature = time_signature
        self._changed()

    def remove(self, ids: Iterable[int]) -> list[Note]:
        """Remove notes by id; return what was removed (unknown ids are ignored)."""
        removed = [self._discard(i) for i in list(ids) if i in self._by_id]
        self._changed()
        return removed

    def _edited(self, ids: Iterable[int], change: Callable[[Note], Note]) -> list[Note]:
        return [change(self._by_id[i]) for i in dict.fromkeys(ids) if i in self._by_id]

    # -- what an edit would give (the notes by id, clamped; the melody does not change) ----
    def draft(self, notes: Iterable[tuple[int, int, int, int]]) -> list[Note]:
        """New notes with fresh ids, clamped, not yet in the melody (apply() puts them in)."""
        return [self._make(*n) for n in notes]

    def moved(self, ids: Iterable[int], dtick: int = 0, dpitch: int = 0) -> list[Note]:
        """The notes shifted in time and pitch (clamped at tick 0 and the MIDI pitch range)."""
        return self._edited(ids, lambda n: self._make(n.tick + dtick, n.duration, n.pitch + dpitch, n.velocity, n.id))

    def resized(self, ids: Iterable[int], duration: int | None = None, ddur: int = 0) -> list[Note]:
        """The notes with a new length, or `ddur` ticks longer (at least one tick)."""
        return self._edited(
            ids,
            lambda n: self._make(n.tick, (duration if duration is not None else n.duration + ddur), n.pitch, n.velocity, n.id),
        )

    def with_velocity(self, velocities: dict[int, int]) -> list[Note]:
        """The notes (by id) with the given velocities."""
        return self._edited(velocities, lambda n: self._make(n.tick, n.duration, n.pitch, velocities[n.id], n.id))

    def quantized(self, ids: Iterable[int] | None = None, grid: str | int = "1/16", durations: bool = True,
                  strength: float = 1.0) -> list[Note]:
        """The notes with onsets (and lengths) snapped to a grid such as '1/16' or '1/8T'."""
        step = grid_ticks(grid)
        ids = [n.id for n in self._notes] if ids is None else ids

        def snap(n: Note) -> Note:
            target = round(n.tick / step) * step
            tick = n.tick + round((target - n.tick) * strength)
            duration = n.duration
            if durations:
                target_d = max(step, round(n.duration / step) * step)
                duration = n.duration + round((target_d - n.duration) * strength)
            return self._make(tick, duration, n.pitch, n.velocity, n.id)

        return self._edited(ids, snap)

    # -- edits in place ------------------------------------------------------------------
    def move(self, ids: Iterable[int], dtick: int = 0, dpitch: int = 0) -> list[Note]:
        """Shift notes in time and pitch (clamped at tick 0 and the MIDI pitch range)."""
        return self._store(self.moved(ids, dtick, dpitch))

    def resize(self, ids: Iterable[int], duration: int | None = None, ddur: int = 0) -> list[Note]:
        """Set the length of notes, or change it by `ddur` ticks (at least one tick)."""
        return self._store(self.resized(ids, duration, ddur))

    def transpose(self, ids: Iterable[int], semitones: int) -> list[Note]:
        return self.move(ids, 0, semitones)

    def set_velocity(self, ids: Iterable[int], velocity: int) -> list[Note]:
        return self._store(self.with_velocity({i: velocity for i in ids}))

    def _store(self, updated: list[Note]) -> list[Note]:
        self._replace_all(updated)
        self._changed()
        return updated

    def replace_notes(self, notes: Iterable[Note]) -> None:
        """Put back notes with the same ids exactly as given (used by undo)."""
        self._replace_all([self._make(n.tick, n.duration, n.pitch, n.velocity, n.id) for n in notes if n.id in self._by_id])
        self._changed()

    def quantize(self, ids: Iterable[int] | None = None, grid: str | int = "1/16", durations: bool = True,
                 strength: float = 1.0) -> list[Note]:
        """Snap onsets (and lengths) of notes to a grid such as '1/16' or '1/8T'."""
        return self._store(self.quantized(ids, grid, durations, strength))

    def clear(self) -> None:
        self._notes.clear()
        self._keys.clear()
        self._by_id.clear()
        self._max_duration = 0
        self._changed()


def quantize_notes(notes: Iterable[Note], grid: str | int) -> list[Note]:
    """Quantized copies of notes (onsets to nearest step, lengths to at least one step)."""
    step = grid_ticks(grid)
    return [
        replace(n, tick=round(n.tick / step) * step, duration=max(step, round(n.duration / step) * step))
        for n in notes
    ]
