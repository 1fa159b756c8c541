"""Notes as they sound: start and end in seconds under the tempo map. The one way notes become timed
events, used by the MIDI scheduler, the audio render and the window's player."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from composer_app.core.note import Note
from composer_app.core.timing import TempoChange, ticks_to_seconds


@dataclass(frozen=True, slots=True)
class Sounding:
    """A note in seconds from where playing starts."""

    start: float
    end: float
    pitch: int
    velocity: int


def sounding_notes(notes: Iterable[Note], tempos: list[TempoChange] | tuple[TempoChange, ...],
                   start_tick: int = 0, end_tick: int | None = None) -> list[Sounding]:
    """The notes that start in [start_tick, end_tick), timed in seconds from start_tick under `tempos`."""
    t0 = ticks_to_seconds(start_tick, tempos)
    out = []
    for n in notes:
        if n.tick < start_tick or (end_tick is not None and n.tick >= end_tick):
            continue
        out.append(Sounding(ticks_to_seconds(n.tick, tempos) - t0, ticks_to_seconds(n.end, tempos) - t0,
                            n.pitch, n.velocity))
    return out
