"""Four voices for the chorale style: the melody as soprano, and alto, tenor and bass found by search over the
chords of a chord track, under the common-practice rules (core.part_writing): ranges, no crossing, upper voices
within an octave, no parallel fifths or octaves (forbidden outright), complete chords with the root doubled
rather than the leading tone, the leading tone rising to the tonic, and the least motion (a Viterbi search over
every voicing of every chord).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from composer_app.core.chords import ChordEvent
from composer_app.core.errors import ComposerError
from composer_app.core.keys import Key
from composer_app.core.part_writing import RANGES

FORBIDDEN = 1000.0  # parallel fifths or octaves
AWKWARD = 100.0  # crossing or spacing the soprano forces; kept only when nothing else fits


@dataclass
class _Segment:
    tick: int
    end: int
    chord: object
    first: int  # the soprano at the segment's start (or its first note in it)
    last: int  # the soprano just before the segment ends
    low: int  # the soprano's lowest and highest notes in the segment
    high: int


def _segments(soprano: list[tuple[int, int, int]], chords: list[ChordEvent]) -> list[_Segment]:
    out = []
    previous = None
    for c in chords:
        if c.chord is None:
            continue
        inside = [n for n in soprano if n[0] < c.end and n[0] + n[1] > c.tick]
        if not inside:
            if previous is None:
                continue
            first = last = low = high = previous
        else:
            first, last = inside[0][2], inside[-1][2]
            low, high = min(n[2] for n in inside), max(n[2] for n in inside)
        previous = last
        out.append(_Segment(c.tick, c.end, c.chord, first, last, low, high))
    return out


def _candidates(seg: _Segment, key: Key) -> tuple[np.ndarray, np.ndarray]:
    """[N, 4] voicings (soprano first, alto, tenor, bass) and their cost on their own."""
    chord = seg.chord
    tones = chord.pitch_classes()
    root, pcs = chord.root_pc, set(tones)
    third = next((pc for pc in pcs if (pc - root) % 12 in (3, 4)), None)
    seventh = next((pc for pc in pcs if (pc - root) % 12 in (9, 10, 11) and len(pcs) >= 4), None)
    fifth = next((pc for pc in pcs if (pc - root) % 12 in (6, 7, 8)), None)
    leading = (key.tonic - 1) % 12
    bass_choices = {chord.bass_pc: 0.0} if chord.bass else {root: 0.0, **({third: 2.0} if third is not None else {})}
    b_lo, b_hi = RANGES["bass"]
    t_lo, t_hi = RANGES["tenor"]
    a_lo, a_hi = RANGES["alto"]
    rows, costs = [], []
    for b in range(b_lo, b_hi + 1):
        if b % 12 not in bass_choices:
            continue
        for t in range(max(t_lo, b + 1), t_hi + 1):
            if t % 12 not in pcs:
                continue
            for a in range(max(a_lo, t + 1), a_hi + 1):
                if a % 12 not in pcs or a - t > 12:
                    continue
                present = [seg.first % 12, a % 12, t % 12, b % 12]
                if root not in present or (third is not None and third not in present):
                    continue
                cost = bass_choices[b % 12]
                cost += 1.0 if fifth is not None and fifth not in present else 0.0
                cost += 3.0 if seventh is not None and seventh not in present else 0.0
                cost += 10.0 * max(0, present.count(leading) - 1)
                cost += 2.0 if third is not None and present.count(third) > 1 and (third - root) % 12 == 4 else 0.0
                # a crossing is worse than a wide space: where the soprano leaps down within a beat, space
                cost += AWKWARD * (3 * (a >= seg.low) + (seg.high - a > 12))
                cost += 0.02 * abs(t - b - 12)  # a tenor near an octave above the bass sounds full
                rows.append((seg.first, a, t, b))
                costs.append(cost)
    return np.asarray(rows, dtype=np.int64).reshape(-1, 4), np.asarray(costs)


def _transition(prev: np.ndarray, cur: np.ndarray, prev_seg: _Segment, key: Key, next_pcs: set[int]) -> np.ndarray:
    """[Np, Nc] the cost of going from each voicing to each: motion, parallels, the leading tone, overlap."""
    p = prev.copy()
    p[:, 0] = prev_seg.last  # the soprano just before the change
    motion = (np.abs(p[:, None, 1] - cur[None, :, 1]) + np.abs(p[:, None, 2] - cur[None, :, 2])
              + 0.5 * np.abs(p[:, None, 3] - cur[None, :, 3])).astype(float)
    cost = motion
    for u, lo in itertools.combinations(range(4), 2):
        before = (p[:, u] - p[:, lo])[:, None]
        after = (cur[:, u] - cur[:, lo])[None, :]
        moved = (p[:, None, u] != cur[None, :, u]) & (p[:, None, lo] != cur[None, :, lo])
        fifths = (before % 12 == 7) & (after % 12 == 7) & (before > 0) & (after > 0)
        octaves = (before % 12 == 0) & (after % 12 == 0)
        cost = cost + FORBIDDEN * (moved & (fifths | octaves))
    leading = (key.tonic - 1) % 12
    if key.tonic % 12 in next_pcs:  # the leading tone in an inner voice rises to the tonic where it can
        for v in (1, 2):
            held = (p[:, None, v] % 12 == leading) & (cur[None, :, v] != p[:, None, v] + 1)
            cost = cost + 4.0 * held
    cost = cost + 3.0 * ((cur[None, :, 1] > p[:, None, 0]) | (cur[None, :, 2] > p[:, None, 1]))  # overlap
    return cost


def _by_beat(chords: list[ChordEvent], beat_ticks: int) -> list[ChordEvent]:
    """Each chord cut at the beats: the lower voices may move within a chord (a held chord is joined again)."""
    out = []
    for c in sorted(chords, key=lambda c: c.tick):
        cuts = [c.tick] + [t for t in range((c.tick // beat_ticks + 1) * beat_ticks, c.end, beat_ticks)] + [c.end]
        out += [ChordEvent(a, b - a, c.chord) for a, b in zip(cuts, cuts[1:]) if b > a]
    return out


def four_voices(soprano: list[tuple[int, int, int]], chords: list[ChordEvent], key: Key, beat_ticks: int = 480
                ) -> dict[str, list[tuple[int, int, int]]]:
    """Soprano (the melody as given), alto, tenor and bass as (tick, duration, pitch) notes: a voicing a beat,
    a note held while its chord and pitch stay."""
    segs = _segments(sorted(soprano), _by_beat(chords, beat_ticks))
    if not segs:
        raise ComposerError("four voices need a melody and chords under it", "empty")
    cands, costs = zip(*(_candidates(s, key) for s in segs))
    for s, c in zip(segs, cands):
        if len(c) == 0:
            raise ComposerError(f"the chord {s.chord} cannot be voiced under the melody at tick {s.tick}", "no_fit")
    score = costs[0].copy()
    backs = []
    for i in range(1, len(segs)):
        total = score[:, None] + _transition(cands[i - 1], cands[i], segs[i - 1], key, set(segs[i].chord.pitch_classes()))
        backs.append(total.argmin(axis=0))
        score = total.min(axis=0) + costs[i]
    path = [int(score.argmin())]
    for back in reversed(backs):
        path.append(int(back[path[-1]]))
    path.reverse()
    voices: dict[str, list[tuple[int, int, int]]] = {"soprano": sorted(soprano), "alto": [], "tenor": [], "bass": []}
    starts = {c.tick for c in chords}
    for seg, cand, j in zip(segs, cands, path):
        _, a, t, b = (int(x) for x in cand[j])
        for name, pitch in (("alto", a), ("tenor", t), ("bass", b)):
            line = voices[name]
            if line and seg.tick not in starts and line[-1][2] == pitch and line[-1][0] + line[-1][1] == seg.tick:
                line[-1] = (line[-1][0], seg.end - line[-1][0], pitch)  # held through the chord
            else:
                line.append((seg.tick, seg.end - seg.tick, pitch))
    return voices


def voices_key(melody) -> Key:
    """The key four voices are written in: the melody's (declared, else heard), else its last chord's root."""
    from composer_app.core.keys import melody_key

    key = melody_key(melody)[0]
    if key is not None:
        return key
    last = next((c.chord for c in reversed(melody.chords) if c.chord is not None), None)
    return Key(last.root_pc if last else 0)


def lower_voices(melody, key: Key | None = None, velocity: int = 72) -> list[tuple[str, list[tuple[int, int, int, int]]]]:
    """Alto, tenor and bass under a Melody document's chord track, as ("alto", notes) parts with `velocity`."""
    parts = four_voices([(n.tick, n.duration, n.pitch) for n in melody], list(melody.chords),
                        key or voices_key(melody), melody.time_signature.beat_ticks)
    return [(name, [(t, d, p, velocity) for t, d, p in parts[name]]) for name in ("alto", "tenor", "bass")]

