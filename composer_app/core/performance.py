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


@dataclass(frozen=True, slots=True)
class Click:
    """A metronome click in seconds from where playing starts (negative: a count-in before it)."""

    time: float
    accent: bool  # the first beat of a bar


def clicks(tempos: list[TempoChange] | tuple[TempoChange, ...], bar_ticks: int, beats_per_bar: int,
           start_tick: int, end_tick: int, count_in: bool = False, metronome: bool = True) -> list[Click]:
    """The beats of [start_tick, end_tick) on the bar grid, timed like sounding_notes; with `count_in`, one
    bar of beats before start_tick at its tempo (so the first note comes on the beat after them)."""
    beat_ticks = max(1, bar_ticks // max(1, beats_per_bar))
    t0 = ticks_to_seconds(start_tick, tempos)
    out = []
    if count_in:
        first = -(-start_tick // beat_ticks) * beat_ticks  # the first beat at or after the start
        lead = ticks_to_seconds(first, tempos) - t0
        beat_seconds = ticks_to_seconds(first + beat_ticks, tempos) - ticks_to_seconds(first, tempos)
        out += [Click(lead - (beats_per_bar - k) * beat_seconds, k == 0) for k in range(beats_per_bar)]
    if metronome:
        tick = -(-start_tick // beat_ticks) * beat_ticks
        while tick < end_tick:
            out.append(Click(ticks_to_seconds(tick, tempos) - t0, tick % bar_ticks == 0))
            tick += beat_ticks
    return out
