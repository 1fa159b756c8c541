"""Turn a chord track into a playable accompaniment: a pattern per bar, voiced close and led smoothly.

Patterns (PATTERNS): "block" (the chord held), "broken" (Alberti bass: low, high, middle, high in eighths),
"waltz" (bass on the first beat, the chord on the others), "arpeggio" (up the chord in eighths), "bass-chord"
(bass on strong beats, the chord on the weak ones), "chorale" (alto, tenor and bass under the melody as
soprano, found by engine.four_voices under the rules of four-part writing). Each chord is voiced in three or four notes between C3
and C5, the voicing nearest the previous one (the least total movement), kept under the melody; the bass note
(the slash bass or the root) sits between E2 and D#3. The accompaniment plays softer than the melody.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from composer_app.core.chords import ChordEvent
from composer_app.core.keys import Key

PATTERNS = ("block", "broken", "waltz", "arpeggio", "bass-chord", "chorale")
LOW, HIGH = 48, 72  # C3-C5: the chord's voicing
BASS_LOW = 40  # E2: the bass note sits in E2..D#3


def voicings(pcs: Sequence[int], low: int = LOW, high: int = HIGH) -> list[tuple[int, ...]]:
    """Close and open positions of the chord's tones (up to four) within [low, high], each tone once."""
    tones = list(dict.fromkeys(pcs))[:4]
    out = []
    for perm in itertools.permutations(tones):
        for start in range(low, low + 12):
            if start % 12 != perm[0]:
                continue
            notes = [start]
            for pc in perm[1:]:
                nxt = notes[-1] + 1
                while nxt % 12 != pc:
                    nxt += 1
                notes.append(nxt)
            if notes[-1] <= high and notes[-1] - notes[0] <= 14:
                out.append(tuple(notes))
    return sorted(set(out))


def _nearest(options: list[tuple[int, ...]], previous: tuple[int, ...] | None, ceiling: int) -> tuple[int, ...]:
    under = [v for v in options if v[-1] < ceiling] or options
    if previous is None:
        centre = (LOW + HIGH) // 2
        return min(under, key=lambda v: abs(sum(v) / len(v) - centre))
    return min(under, key=lambda v: sum(min(abs(a - b) for b in previous) for a in v) + abs(v[-1] - previous[-1]))


def accompany(chords: Sequence[ChordEvent], melody: Sequence[tuple[int, int, int, int]], bar_ticks: int,
              beat_ticks: int, pattern: str = "block", key: Key | None = None) -> list[tuple[int, int, int, int]]:
    """(tick, duration, pitch, velocity) notes playing `chords` in `pattern`, under the melody's notes (`key`:
    the melody's, for the chorale's leading tones)."""
    if pattern not in PATTERNS:
        raise ValueError(f"unknown accompaniment pattern {pattern!r}; choose one of {', '.join(PATTERNS)}")
    velocities = sorted(n[3] for n in melody) or [80]
    velocity = max(30, velocities[len(velocities) // 2] - 22)
    if pattern == "chorale":
        from composer_app.engine.four_voices import four_voices

        chords = [c for c in chords if c.chord is not None]
        if not chords or not melody:
            return []
        parts = four_voices([(t, d, p) for t, d, p, _ in melody], list(chords),
                            key or Key(chords[-1].chord.root_pc), beat_ticks)
        return [(t, d, p, velocity) for name in ("alto", "tenor", "bass") for t, d, p in parts[name]]
    notes: list[tuple[int, int, int, int]] = []
    previous = None
    eighth = beat_ticks // 2 if bar_ticks % beat_ticks == 0 and beat_ticks % 2 == 0 else beat_ticks
    for event in chords:
        if event.chord is None:
            continue
        pcs = event.chord.pitch_classes()
        over = [n[2] for n in melody if n[0] < event.end and n[0] + n[1] > event.tick]
        ceiling = min(over) if over else HIGH + 1
        voicing = _nearest(voicings(pcs), previous, ceiling)
        previous = voicing
        bass = BASS_LOW + (event.chord.bass_pc - BASS_LOW) % 12
        notes += _pattern(pattern, event.tick, event.end, voicing, bass, bar_ticks, beat_ticks, eighth, velocity)
    return notes


def _pattern(pattern, start, end, voicing, bass, bar_ticks, beat_ticks, eighth, velocity):
    out = []

    def add(tick, length, pitch, vel=velocity):
        length = min(length, end - tick)
        if length > 0:
            out.append((tick, length, pitch, vel))

    if pattern == "block":
        for p in (bass, *voicing):
            add(start, end - start, p)
        return out
    if pattern in ("broken", "arpeggio"):
        if pattern == "broken":  # Alberti: low, high, middle, high
            lo, mid, hi = voicing[0], voicing[len(voicing) // 2], voicing[-1]
            cycle = [lo, hi, mid, hi]
        else:
            cycle = [bass, *voicing]
        tick, i = start, 0
        while tick < end:
            add(tick, eighth, cycle[i % len(cycle)], velocity - (0 if i % len(cycle) == 0 else 6))
            tick += eighth
            i += 1
        return out
    beats_per_bar = max(1, bar_ticks // beat_ticks)
    tick = start
    while tick < end:
        beat = ((tick // beat_ticks) % beats_per_bar)
        strong = beat == 0 if pattern == "waltz" else beat % 2 == 0
        if strong:
            add(tick, beat_ticks, bass, velocity + 4)
        else:
            for p in voicing:
                add(tick, beat_ticks * 3 // 4, p, velocity - 4)
        tick += beat_ticks
    return out
