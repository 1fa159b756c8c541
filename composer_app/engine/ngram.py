"""The baseline: an interpolated Witten-Bell n-gram over (inter-onset interval, pitch interval, duration)."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

MAX_STEPS = 64
MAX_INTERVAL = 60
N_IOI, N_INTERVAL, N_DUR = MAX_STEPS, 2 * MAX_INTERVAL + 1, MAX_STEPS
ALPHABET = N_IOI * N_INTERVAL * N_DUR
BOS = ("BOS",)

Event = tuple[int, int, int]


def events_of(notes: Sequence[tuple[int, int, int]]) -> list[Event]:
    """Events of notes 2..N: (ioi, interval, duration), in grid steps, clipped to the alphabet."""
    out = []
    for prev, cur in zip(notes, notes[1:]):
        ioi = min(max(cur[0] - prev[0], 1), MAX_STEPS)
        interval = min(max(cur[2] - prev[2], -MAX_INTERVAL), MAX_INTERVAL)
        out.append((ioi, interval, min(max(cur[1], 1), MAX_STEPS)))
    return out


class _Table:
    __slots__ = ("total", "events", "by_ioi_interval", "by_ioi")

    def __init__(self) -> None:
        self.total = 0
        self.events: dict[Event, int] = defaultdict(int)
        self.by_ioi_interval: dict[tuple[int, int], int] = defaultdict(int)
        self.by_ioi: dict[int, int] = defaultdict(int)

    def add(self, e: Event) -> None:
        self.total += 1
        self.events[e] += 1
        self.by_ioi_interval[e[0], e[1]] += 1
        self.by_ioi[e[0]] += 1


class NGramModel:
    """Variable-order n-gram (contexts of 0..order previous events) with Witten-Bell interpolation."""

    def __init__(self, order: int = 4) -> None:
        if not 1 <= order <= 8:
            raise ValueError("order must be 1 to 8")
        self.order = order
        self.tables: list[dict[tuple, _Table]] = [defaultdict(_Table) for _ in range(order + 1)]

    def fit(self, melodies: Sequence[Sequence[tuple[int, int, int]]]) -> "NGramModel":
        for notes in melodies:
            history: list = [BOS] * self.order
            for e in events_of(notes):
                for k in range(self.order + 1):
                    self.tables[k][tuple(history[len(history) - k:]) if k else ()].add(e)
                history.append(e)
        return self

    def _interpolate(self, history: list, order: int, count, base: float) -> float:
        p = base
        for k in range(0, order + 1):
            ctx = tuple(history[len(history) - k:]) if k else ()
            table = self.tables[k].get(ctx)
            if table is None or table.total == 0:
                continue
            types = len(table.events)
            p = (count(table) + types * p) / (table.total + types)
        return p

    def log2_probs(self, notes: Sequence[tuple[int, int, int]], order: int | None = None) -> tuple[float, float, int]:
        """(bits of all events, bits of pitch given onset, events scored) for one melody."""
        order = self.order if order is None else order
        history: list = [BOS] * self.order
        bits = pitch_bits = 0.0
        events = events_of(notes)
        for e in events:
            ioi_interval = (e[0], e[1])
            p = self._interpolate(history, order, lambda t, e=e: t.events.get(e, 0), 1.0 / ALPHABET)
            p_ii = self._interpolate(history, order, lambda t, k=ioi_interval: t.by_ioi_interval.get(k, 0),
                                     N_DUR / ALPHABET)
            p_i = self._interpolate(history, order, lambda t, k=e[0]: t.by_ioi.get(k, 0), N_INTERVAL * N_DUR / ALPHABET)
            bits -= math.log2(p)
            pitch_bits -= math.log2(p_ii / p_i)
            history.append(e)
        return bits, pitch_bits, len(events)
