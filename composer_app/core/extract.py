"""Melody extraction from polyphonic parts: the highest sounding line ("skyline")."""

from __future__ import annotations

from collections.abc import Sequence

NoteTuple = tuple[int, int, int, int]  # (tick, duration, pitch, velocity)


def skyline(notes: Sequence[NoteTuple], min_duration: int = 1) -> list[NoteTuple]:
    """The highest sounding line of polyphonic notes, as a monophonic list.

    At each onset the highest new note is a candidate. It is kept when it is at least as high
    as the kept note still sounding (which is then cut where the new one starts), or when that
    note has ended. A lower note entering under a held melody note is accompaniment and dropped.
    Notes shorter than `min_duration` ticks (ornaments, grace-note debris) are ignored.
    """
    by_onset: dict[int, NoteTuple] = {}
    for n in notes:
        if n[1] < min_duration:
            continue
        best = by_onset.get(n[0])
        if best is None or n[2] > best[2]:
            by_onset[n[0]] = n
    line: list[list[int]] = []
    for tick in sorted(by_onset):
        cand = by_onset[tick]
        if line:
            last = line[-1]
            if last[0] + last[1] > tick:  # still sounding
                if cand[2] < last[2]:
                    continue
                last[1] = tick - last[0]
        line.append(list(cand))
    return [tuple(n) for n in line if n[1] > 0]  # type: ignore[misc]


def max_polyphony(notes: Sequence[NoteTuple]) -> int:
    """Largest number of notes sounding at one time."""
    events = sorted([(n[0], 1) for n in notes] + [(n[0] + n[1], -1) for n in notes])
    level = peak = 0
    for _, step in events:
        level += step
        peak = max(peak, level)
    return peak
