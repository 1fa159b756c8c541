"""Notation quantization: played or tick-late notes as a score writes them, apart from the document (the MIDI
keeps what was played).

Per quarter note the grid that fits its onsets: 16ths, 8th-note triplets or 16th triplets only where the notes
clearly fit them better, 32nds where they fit three times better or 16ths would merge two notes of a line,
and finer only where the source itself is that fast (a run of 64ths). Onsets snap to it; in a line of one note at a time, overlaps are
trimmed and small gaps absorbed, so a melody is one voice; no note is shorter than its grid's step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

# steps per quarter note, in the order they are preferred, and how much better than 16ths a grid must fit
# (its total onset error times this factor) to be chosen: triplets only where the notes clearly fit them
GRIDS = ((4, 1.0), (3, 2.0), (6, 3.0), (8, 3.0))
FINEST = (16, 32)  # only when every grid above would merge two notes of a line: 64ths, then 128ths


@dataclass(frozen=True)
class Quantized:
    """Notes on their grids: (tick, duration, pitch, velocity) rows, the steps per quarter chosen for each
    quarter note that has onsets, and the ticks per quarter."""

    notes: list[tuple[int, int, int, int]]
    grids: dict[int, int]
    tpq: int

    def in_tuplets(self, tick: int) -> bool:
        return self.grids.get(tick // self.tpq, 4) % 3 == 0

    def tuplet_share(self) -> float:
        """The share of notes that start in a quarter written in triplets."""
        return sum(self.in_tuplets(n[0]) for n in self.notes) / len(self.notes) if self.notes else 0.0

    def pieces(self) -> list[tuple[int, int, int, int, str | None]]:
        """The notes as written: one that crosses into or out of a quarter in triplets is split at the quarter
        line, its pieces tied ('start', 'continue', 'stop'; None for a whole note), so each piece is a value
        of its own quarter's grid."""
        out = []
        for t, d, p, v in self.notes:
            cuts = [t]
            q = t // self.tpq + 1
            while q * self.tpq < t + d:
                line = q * self.tpq
                if self.in_tuplets(line - 1) or self.in_tuplets(line):
                    cuts.append(line)
                q += 1
            cuts.append(t + d)
            for i in range(len(cuts) - 1):
                tie = None if len(cuts) == 2 else "start" if i == 0 else "stop" if i == len(cuts) - 2 else "continue"
                out.append((cuts[i], cuts[i + 1] - cuts[i], p, v, tie))
        return out


def _snap(offset: float, steps: int, tpq: int) -> Fraction:
    """The grid point (as a fraction of a quarter) nearest an offset in ticks from the quarter's start."""
    return Fraction(round(offset * steps / tpq), steps)


def _choose(offsets: Sequence[int], tpq: int, line: bool) -> int:
    """Steps per quarter for the onsets of one quarter note (ticks from its start, sorted): the preferred grid
    whose weighted error is least among those that keep the onsets of a line apart."""
    best, best_cost = None, None
    for steps, weight in GRIDS:
        snapped = [_snap(o, steps, tpq) for o in offsets]
        if line and len(set(snapped)) < len(set(offsets)):
            continue
        cost = weight * sum(abs(o - float(s) * tpq) for o, s in zip(offsets, snapped))
        if best_cost is None or cost < best_cost - 1e-9:
            best, best_cost = steps, cost
    if best is not None:
        return best
    for steps in FINEST:
        if len({_snap(o, steps, tpq) for o in offsets}) == len(set(offsets)):
            return steps
    return FINEST[-1]


def quantize_for_notation(notes: Sequence[tuple[int, ...]], tpq: int, line: bool | None = None) -> Quantized:
    """Notes (tick, duration, pitch[, velocity]) on notation grids. `line`: the notes are one line (one note at
    a time), so overlaps are trimmed, small gaps absorbed and two onsets never merge (default: when no two
    notes overlap by more than a 16th)."""
    rows = sorted((int(n[0]), int(n[1]), int(n[2]), int(n[3]) if len(n) > 3 else 80) for n in notes)
    if not rows:
        return Quantized([], {}, tpq)
    if line is None:
        line = all(b[0] - a[0] > 0 and a[0] + a[1] - b[0] <= tpq // 4 for a, b in zip(rows, rows[1:]))
    # each onset belongs to the quarter it sounds in (one played a little early may snap to the next beat)
    by_quarter: dict[int, list[int]] = {}
    for t, *_ in rows:
        by_quarter.setdefault(t // tpq, []).append(t)
    grids = {q: _choose(sorted(set(o - q * tpq for o in ons)), tpq, line) for q, ons in by_quarter.items()}

    def on_grid(tick: int, quarter: int) -> int:
        steps = grids.get(quarter, 4)
        return quarter * tpq + int(_snap(tick - quarter * tpq, steps, tpq) * tpq)

    starts = [on_grid(t, t // tpq) for t, *_ in rows]
    if line:  # a run faster than its grid: later onsets move on by a step, in order (no two share a tick)
        for i in range(1, len(starts)):
            if starts[i] <= starts[i - 1]:
                starts[i] = starts[i - 1] + _step(grids, starts[i - 1], tpq)
    out = []
    for i, ((t, d, p, v), start) in enumerate(zip(rows, starts)):
        end_tick = t + d
        end = on_grid(end_tick, end_tick // tpq)
        if line and i + 1 < len(rows):
            nxt = starts[i + 1]
            gap = nxt - end
            if end > nxt or gap < tpq // 4 or gap * 4 < nxt - start:  # overlap trimmed, a small gap absorbed
                end = nxt
        end = max(end, start + _step(grids, start, tpq))
        if line and i + 1 < len(rows):
            end = min(end, starts[i + 1])
        out.append((start, end - start, p, v))
    return Quantized(out, grids, tpq)


def _step(grids: dict[int, int], tick: int, tpq: int) -> int:
    """The grid step (in ticks, at least one) at a tick."""
    return max(1, tpq // grids.get(tick // tpq, 4))
