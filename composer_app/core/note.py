"""A single note of a melody."""

from __future__ import annotations

from dataclasses import dataclass

MIN_PITCH, MAX_PITCH = 0, 127
MIN_VELOCITY, MAX_VELOCITY = 1, 127


def clamp(value: int, low: int, high: int) -> int:
    """Return value limited to [low, high]."""
    return low if value < low else high if value > high else value


@dataclass(frozen=True, slots=True)
class Note:
    """A note: onset and length in ticks, MIDI pitch and velocity; id is stable across edits."""

    id: int
    tick: int
    duration: int
    pitch: int
    velocity: int = 80

    @property
    def end(self) -> int:
        """Tick at which the note stops sounding."""
        return self.tick + self.duration

    def content(self) -> tuple[int, int, int, int]:
        """The note without its id: (tick, duration, pitch, velocity)."""
        return (self.tick, self.duration, self.pitch, self.velocity)
