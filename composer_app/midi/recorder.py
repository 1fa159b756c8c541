"""Turning timestamped note messages into notes: count-in, quantize on input, replace or overdub."""

from __future__ import annotations

from dataclasses import dataclass, field

import mido

from composer_app.core.timing import GRIDS, TICKS_PER_QUARTER

# the grids offered for quantizing while recording (ticks, or None for off)
INPUT_QUANTIZE = {"off": None, **{g: GRIDS[g] for g in ("1/8", "1/16", "1/8T", "1/16T")}}


@dataclass
class Recorder:
    """Notes from (time in seconds, message) pairs; `start_time` is when tick `start_tick` sounds."""

    start_time: float
    bpm: float = 120.0
    start_tick: int = 0
    quantize: int | None = None  # grid in ticks, or None
    notes: list[tuple[int, int, int, int]] = field(default_factory=list)  # finished (tick, dur, pitch, vel)
    onsets_seconds: list[float] = field(default_factory=list)  # arrival time of each note-on, in order
    _open: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)

    def tick_at(self, t: float) -> int:
        return self.start_tick + round((t - self.start_time) * self.bpm / 60 * TICKS_PER_QUARTER)

    def _snap(self, tick: int) -> int:
        if not self.quantize:
            return tick
        return round(tick / self.quantize) * self.quantize

    def feed(self, t: float, message: mido.Message) -> tuple[int, int, int, int] | None:
        """Take one message; return the note it finished, if any."""
        if message.type == "note_on" and message.velocity > 0:
            key = (message.channel, message.note)
            finished = self._close(key, t)
            self._open[key] = (self.tick_at(t), message.velocity)
            self.onsets_seconds.append(t)
            return finished
        if message.type in ("note_off", "note_on"):
            return self._close((message.channel, message.note), t)
        return None

    def _close(self, key: tuple[int, int], t: float) -> tuple[int, int, int, int] | None:
        started = self._open.pop(key, None)
        if started is None:
            return None
        tick, velocity = started
        end = self.tick_at(t)
        onset = max(0, self._snap(tick))
        duration = max(self.quantize or 1, self._snap(end) - onset if self.quantize else end - tick)
        note = (onset, duration, key[1], velocity)
        self.notes.append(note)
        return note

    @property
    def holding(self) -> bool:
        """Whether a note is still held (no note-off yet)."""
        return bool(self._open)

    def sounding(self, t: float) -> list[tuple[int, int, int, int]]:
        """Notes still held, as if released at time t (for drawing them while they are played)."""
        return [(max(0, self._snap(tick)), max(1, self.tick_at(t) - tick), key[1], vel)
                for key, (tick, vel) in self._open.items()]

    def finish(self, t: float) -> list[tuple[int, int, int, int]]:
        """Close every held note at time t; return all recorded notes."""
        for key in list(self._open):
            self._close(key, t)
        return sorted(self.notes)
