"""Dynamics marks from velocities: where a phrase's loudness changes clearly, the mark a player would read
(pp to ff), not one per note. Used by the score export; the notes keep their own velocities too."""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median

# the velocity each mark stands for (as notation programs play them back) and the boundaries half-way between
MARKS = (("pp", 33), ("p", 49), ("mp", 64), ("mf", 80), ("f", 96), ("ff", 112))
CLEAR_CHANGE = 12  # a bar's loudness must move this much from the last mark's level, as well as cross a boundary


def mark_of(velocity: float) -> str:
    """The dynamics mark nearest a velocity."""
    return min(MARKS, key=lambda m: abs(m[1] - velocity))[0]


def level_of(mark: str) -> int:
    return dict(MARKS)[mark]


def dynamic_marks(notes: Sequence[tuple[int, int]], bar_ticks: int) -> list[tuple[int, str]]:
    """(tick, mark) for notes given as (tick, velocity): one at the first note, then one where the loudness
    (each bar's median velocity) changes to another mark by a clear step and stays there for the next bar too
    (a single accent is not a new dynamic). The mark goes on the first note of the bar that changes."""
    if not notes or bar_ticks <= 0:
        return []
    bars: dict[int, list[int]] = {}
    first_tick: dict[int, int] = {}
    for tick, velocity in sorted(notes):
        bar = tick // bar_ticks
        bars.setdefault(bar, []).append(velocity)
        first_tick.setdefault(bar, tick)
    order = sorted(bars)
    loudness = [median(bars[b]) for b in order]
    marks = [(first_tick[order[0]], mark_of(loudness[0]))]
    for i in range(1, len(order)):
        current = marks[-1][1]
        here = mark_of(loudness[i])
        if here == current or abs(loudness[i] - level_of(current)) < CLEAR_CHANGE:
            continue
        stays = i + 1 >= len(order) or mark_of(loudness[i + 1]) == here or (
            abs(loudness[i + 1] - level_of(current)) >= CLEAR_CHANGE
            and (loudness[i + 1] - level_of(current)) * (loudness[i] - level_of(current)) > 0)
        if stays:
            marks.append((first_tick[order[i]], here))
    return marks
