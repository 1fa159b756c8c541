"""Melodies cut into segments for harmonizing (bars or half bars), what sounds in each, and chord-labelled
melodies (the harmonizer's training and held-out records): music theory on notes, no model.

A labelled record is a JSON object: "tonic" (pitch class), "mode", "bar_starts" and "soprano" ([offset,
quarters, pitch, fermata]) in quarter notes, "beats_per_bar", and "labels": one [root pc, kind] (or null) per
quarter-note beat (composer_app.training.harmony_data writes them from the Bach chorales).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from composer_app.core.chords import TRIAD_OF
from composer_app.core.keys import Key

BEAT = 480  # a labelled record's quarter note, in ticks
SEGMENTS = {"bar": 1, "half": 2}  # segment name -> chords per bar


@dataclass
class Segment:
    start: int
    end: int
    phrase_end: bool = False


def segments_of(notes: list[tuple[int, int, int]], bar_ticks: int, per_bar: int, beat_ticks: int) -> list[Segment]:
    """The melody's bars (or half bars) from the first bar line to its last note; a segment ends a phrase when
    it holds the last note, or a note followed by at least a beat of silence."""
    if not notes:
        return []
    end = max(t + d for t, d, _ in notes)
    size = bar_ticks // per_bar if bar_ticks % per_bar == 0 else bar_ticks
    first = (min(t for t, _, _ in notes) // size) * size
    segs = [Segment(s, s + size) for s in range(first, end, size)]
    ordered = sorted(notes)
    for a, b in zip(ordered, ordered[1:] + [None]):
        note_end = a[0] + a[1]
        if b is None or b[0] - note_end >= beat_ticks:
            i = min(len(segs) - 1, max(0, (note_end - 1 - first) // size))
            segs[i].phrase_end = True
    return segs


def observations(notes, segments: list[Segment], tonic: int, beat_ticks: int) -> np.ndarray:
    """[segments, 12]: beats each pitch class (above the tonic) sounds in each segment; the note sounding at a
    segment's start counts one beat more (strong-beat notes are mostly chord tones: +7 points of half-bar chord
    accuracy on the validation chorales)."""
    obs = np.zeros((len(segments), 12))
    if not segments:
        return obs
    first, size = segments[0].start, segments[0].end - segments[0].start
    for t, d, p in notes:
        i = max(0, (t - first) // size)
        while i < len(segments) and segments[i].start < t + d:
            s = segments[i]
            overlap = min(t + d, s.end) - max(t, s.start)
            if overlap > 0:
                obs[i, (p - tonic) % 12] += overlap / beat_ticks + (t <= s.start)
            i += 1
    return obs


def diatonic_baseline(notes, key: Key, segments: list[Segment]) -> list[tuple[int, str]]:
    """Per segment, the diatonic triad of the key covering the most melody duration (ties: I, V, IV, ...)."""
    steps = (0, 2, 4, 5, 7, 9, 11) if key.mode == "major" else (0, 2, 3, 5, 7, 8, 10)
    order = (0, 4, 3, 5, 1, 2, 6)  # I V IV vi ii iii vii: the tie-break
    triads = []
    for d in order:
        tones = {steps[d], steps[(d + 2) % 7], steps[(d + 4) % 7]}
        third, fifth = (steps[(d + 2) % 7] - steps[d]) % 12, (steps[(d + 4) % 7] - steps[d]) % 12
        kind = "" if third == 4 else "dim" if fifth == 6 else "m"
        if key.mode == "minor" and d == 4:  # the dominant of a minor key is major (raised leading tone)
            tones, kind = {7, 11, 2}, ""
        triads.append(((key.tonic + steps[d]) % 12, kind, tones))
    obs = observations(notes, segments, key.tonic, 1)
    out = []
    for row in obs:
        best = max(triads, key=lambda tr: (sum(row[pc] for pc in tr[2]), -triads.index(tr)))
        out.append((best[0], best[1]))
    return out


def record_notes(rec: dict) -> list[tuple[int, int, int]]:
    return [(round(o * BEAT), max(1, round(d * BEAT)), int(p)) for o, d, p, _ in rec["soprano"]]


def record_segments(rec: dict, per_bar: int) -> list[Segment]:
    """The chorale's bars (halves of full bars when per_bar is 2), phrase ends where a fermata note starts."""
    starts = [round(s * BEAT) for s in rec["bar_starts"]]
    end = round(len(rec["labels"]) * BEAT)
    bounds = starts + [end]
    full = rec["beats_per_bar"] * BEAT
    segs = []
    for a, b in zip(bounds, bounds[1:]):
        if b <= a:
            continue
        if per_bar == 2 and b - a == full and rec["beats_per_bar"] % 2 == 0:
            segs += [Segment(a, a + full // 2), Segment(a + full // 2, b)]
        else:
            segs.append(Segment(a, b))
    for o, _, _, fermata in rec["soprano"]:
        if fermata:
            t = round(o * BEAT)
            for s in segs:
                if s.start <= t < s.end:
                    s.phrase_end = True
    if segs:
        segs[-1].phrase_end = True
    return segs


def segment_labels(rec: dict, segs: list[Segment], sevenths: bool) -> list[tuple[int, str] | None]:
    """Each segment's chord relative to the tonic: the label of most beats in it (the first beat on a tie)."""
    out = []
    for s in segs:
        beats = [rec["labels"][b] for b in range(s.start // BEAT, min(len(rec["labels"]), -(-s.end // BEAT)))]
        beats = [((r - rec["tonic"]) % 12, k if sevenths else TRIAD_OF[k]) for r, k in (b for b in beats if b)]
        if not beats:
            out.append(None)
            continue
        counts = Counter(beats)
        top = max(counts.values())
        out.append(next(b for b in beats if counts[b] == top))
    return out
