"""Ticks, grids, tempo and time signatures."""

from __future__ import annotations

from dataclasses import dataclass

TICKS_PER_QUARTER = 480
STEP_TICKS = TICKS_PER_QUARTER // 4  # the grid the model writes on and the n-gram baseline counts: a 16th note
DEFAULT_TEMPO = 500_000  # microseconds per quarter note (120 bpm)

# Grid name -> length in ticks at 480 ticks per quarter.
GRIDS: dict[str, int] = {
    "1/4": 480,
    "1/8": 240,
    "1/16": 120,
    "1/32": 60,
    "1/4T": 320,
    "1/8T": 160,
    "1/16T": 80,
    "1/32T": 40,
}


def grid_ticks(grid: str | int) -> int:
    """Length of a grid step in ticks, from a name such as '1/16' or '1/8T' or a tick count."""
    if isinstance(grid, int):
        if grid <= 0:
            raise ValueError(f"a grid must be at least one tick, not {grid}")
        return grid
    try:
        return GRIDS[grid]
    except KeyError:
        raise ValueError(f"unknown grid {grid!r}; use one of {', '.join(GRIDS)}") from None


@dataclass(frozen=True, slots=True)
class TempoChange:
    """A tempo that holds from `tick` on, in microseconds per quarter note."""

    tick: int
    tempo: int

    @property
    def bpm(self) -> float:
        return 60_000_000 / self.tempo


@dataclass(frozen=True, slots=True)
class TimeSignature:
    """A time signature such as 3/4."""

    numerator: int = 4
    denominator: int = 4

    def __post_init__(self) -> None:
        if not 1 <= self.numerator <= 64:
            raise ValueError(f"time signature numerator {self.numerator} is out of range")
        if self.denominator not in (1, 2, 4, 8, 16, 32, 64):
            raise ValueError(f"time signature denominator {self.denominator} is not a power of two")

    @property
    def bar_ticks(self) -> int:
        """Length of one bar in ticks."""
        return self.numerator * TICKS_PER_QUARTER * 4 // self.denominator

    @property
    def beat_ticks(self) -> int:
        """Length of one beat (the denominator's note value) in ticks."""
        return TICKS_PER_QUARTER * 4 // self.denominator

    def __str__(self) -> str:
        return f"{self.numerator}/{self.denominator}"


def ticks_to_seconds(tick: int, tempos: list[TempoChange] | tuple[TempoChange, ...]) -> float:
    """Time in seconds of `tick` under a tempo map (sorted by tick)."""
    seconds = 0.0
    last_tick, tempo = 0, DEFAULT_TEMPO
    for change in tempos:
        if change.tick >= tick:
            break
        seconds += (change.tick - last_tick) * tempo / 1e6 / TICKS_PER_QUARTER
        last_tick, tempo = change.tick, change.tempo
    return seconds + (tick - last_tick) * tempo / 1e6 / TICKS_PER_QUARTER


def seconds_to_ticks(seconds: float, tempos: list[TempoChange] | tuple[TempoChange, ...], from_tick: int = 0) -> int:
    """The tick reached `seconds` after `from_tick` under a tempo map (sorted by tick)."""
    target = ticks_to_seconds(from_tick, tempos) + seconds
    elapsed, last_tick, tempo = 0.0, 0, DEFAULT_TEMPO
    for change in tempos:
        span = (change.tick - last_tick) * tempo / 1e6 / TICKS_PER_QUARTER
        if elapsed + span > target:
            break
        elapsed += span
        last_tick, tempo = change.tick, change.tempo
    return last_tick + int((target - elapsed) * 1e6 * TICKS_PER_QUARTER / tempo + 1e-6)


def tempo_at(tick: int, tempos: list[TempoChange] | tuple[TempoChange, ...]) -> int:
    """The tempo (microseconds per quarter) in force at `tick`."""
    tempo = DEFAULT_TEMPO
    for change in tempos:
        if change.tick > tick:
            break
        tempo = change.tempo
    return tempo
