"""Harmonize a melody: chords for each bar (or half bar) from a hidden Markov model learned from the Bach
chorales (models/harmony.json, built by `composer_app.training.harmony`).

The hidden state is a chord relative to the key's tonic (root and kind); it emits the melody's pitch classes,
each weighted by how many beats it sounds, with probabilities that depend only on the pitch's interval above
the chord's root and the chord's kind (so thin data is shared across roots). Transitions are learned per mode
and per segment length (a bar or half a bar); a cadence table says which chords end phrases in the chorales.
The best harmonization is the Viterbi path; alternatives are drawn from the posterior and kept when different.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from composer_app.core.chords import Chord, ChordEvent
from composer_app.core.errors import ComposerError
from composer_app.core.harmony import (
    BEAT,
    SEGMENTS,
    Segment,
    diatonic_baseline,
    observations,
    record_notes,
    record_segments,
    segment_labels,
    segments_of,
)
from composer_app.core.keys import Key
from composer_app.core.spelling import spell_chord


def bundled_harmony_path() -> Path:
    from composer_app.paths import models_dir

    return models_dir() / "harmony.json"


@dataclass
class HarmonyTables:
    """One vocabulary of chords (triads, or with sevenths) and its probabilities, for both modes."""

    states: list[tuple[int, str]]  # (root above the tonic, kind)
    emission: dict[str, dict[str, np.ndarray]]  # segment -> kind -> log P(interval above the root), 12
    initial: dict[str, np.ndarray]  # mode -> log P(first chord), S
    cadence: dict[str, np.ndarray]  # mode -> log P(chord at a phrase end) - log P(chord), S
    transition: dict[str, np.ndarray]  # f"{mode}/{segment}" -> log P(next | previous), S x S


def _table(values, shape: tuple[int, ...]) -> np.ndarray:
    a = np.asarray(values, dtype=np.float64)
    if a.shape != shape or not np.isfinite(a).all():
        raise ValueError("a table has the wrong shape or values")
    return a


class HarmonyModel:
    """The harmonizer's tables, read from a JSON file (no code in it is ever run)."""

    def __init__(self, doc: dict, path: Path | None = None) -> None:
        self.card = doc.get("card", {})
        self.path = path
        self.vocabularies: dict[str, HarmonyTables] = {}
        for name, t in doc["vocabularies"].items():
            states = [(int(r) % 12, str(k)) for r, k in t["states"]]
            size = len(states)


            self.vocabularies[name] = HarmonyTables(
                states,
                {seg: {k: _table(v, (12,)) for k, v in e.items()} for seg, e in t["emission"].items()},
                {m: _table(v, (size,)) for m, v in t["initial"].items()},
                {m: _table(v, (size,)) for m, v in t["cadence"].items()},
                {k: _table(v, (size, size)) for k, v in t["transition"].items()},
            )
            if any(k not in e for e in self.vocabularies[name].emission.values() for _, k in states):
                raise ValueError(f"a chord kind of {name} has no emission table")

    @classmethod
    def load(cls, path: str | Path | None = None) -> "HarmonyModel":
        path = Path(path) if path else bundled_harmony_path()
        try:
            return cls(json.loads(path.read_text(encoding="utf-8")), path)
        except OSError as e:
            raise ComposerError(f"{path.name}: the harmony model cannot be read ({e.strerror or e})", "missing") from e
        except (ValueError, KeyError, TypeError) as e:
            raise ComposerError(f"{path.name}: the harmony model is damaged", "damaged") from e


def _emission_scores(tables: HarmonyTables, obs: np.ndarray, segment: str) -> np.ndarray:
    """[segments, states] log-likelihood of each segment's notes under each chord."""
    mat = np.zeros((12, len(tables.states)))
    emission = tables.emission.get(segment) or tables.emission["bar"]
    for j, (root, kind) in enumerate(tables.states):
        mat[:, j] = np.roll(emission[kind], root)  # interval (pc - root) -> pc above the tonic
    return obs @ mat


def harmonize_notes(model: HarmonyModel, notes: list[tuple[int, int, int]], key: Key, segments: list[Segment],
                    beat_ticks: int, sevenths: bool = False, cadence: bool = True, alternatives: int = 1,
                    segment: str = "bar", seed: int | None = None) -> list[tuple[list[tuple[int, str]], float]]:
    """Up to `alternatives` different chord sequences (root pc, kind) for the segments, best first, each with
    its log-probability."""
    tables = model.vocabularies["sevenths" if sevenths else "triads"]
    mode = key.mode
    trans = tables.transition.get(f"{mode}/{segment}")
    if trans is None:
        trans = tables.transition[f"{mode}/bar"]
    emit = _emission_scores(tables, observations(notes, segments, key.tonic, beat_ticks), segment)
    if cadence:
        for i, s in enumerate(segments):
            if s.phrase_end:
                emit[i] += tables.cadence[mode]
        _final_cadence(emit, tables.states, notes, key, segments)
        _half_cadences(emit, tables.states, notes, key, segments, segment)
    n, size = emit.shape
    if n == 0:
        return []
    init = tables.initial[mode]
    # Viterbi
    score = init + emit[0]
    back = np.zeros((n, size), dtype=np.int64)
    for i in range(1, n):
        cand = score[:, None] + trans
        back[i] = cand.argmax(axis=0)
        score = cand.max(axis=0) + emit[i]
    path = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i, path[-1]]))
    path.reverse()
    found = {tuple(path): float(score.max())}
    if alternatives > 1:
        # forward filtering, backward sampling
        alpha = np.zeros((n, size))
        alpha[0] = init + emit[0]
        for i in range(1, n):
            alpha[i] = _logsumexp(alpha[i - 1][:, None] + trans, axis=0) + emit[i]
        rng = np.random.default_rng(seed)
        for _ in range(alternatives * 20):
            if len(found) >= alternatives:
                break
            s = [_sample(alpha[-1], rng)]
            for i in range(n - 2, -1, -1):
                s.append(_sample(alpha[i] + trans[:, s[-1]], rng))
            s.reverse()
            if tuple(s) not in found:
                found[tuple(s)] = _path_score(s, init, trans, emit)
    ranked = sorted(found.items(), key=lambda kv: -kv[1])[:alternatives]
    return [([((tables.states[j][0] + key.tonic) % 12, tables.states[j][1]) for j in p], sc) for p, sc in ranked]


FINAL_TONIC = 30.0  # log-units against any other last chord where the melody ends on the tonic: all but a rule
FINAL_DOMINANT = 6.0  # for the dominant (V, V7) in the segment before it: the authentic cadence real tunes end on


def _final_cadence(emit: np.ndarray, states, notes: list[tuple[int, int, int]], key: Key,
                   segments: list[Segment]) -> None:
    """A melody that ends on the tonic ends on the tonic chord (from the segment its last note starts in), after
    the dominant where the melody allows it."""
    last = max(notes, default=None)
    if len(emit) == 0 or last is None or last[2] % 12 != key.tonic:
        return
    roots = np.array([root for root, _ in states])  # relative to the tonic
    final = next((i for i, s in enumerate(segments) if s.end > last[0]), len(segments) - 1)
    emit[final:] -= FINAL_TONIC * (roots != 0)
    if final > 0:
        emit[final - 1] += FINAL_DOMINANT * (roots == 7)


HALF_CADENCE = 3.0  # for the dominant where a 4-bar phrase rests on the 2nd, 5th or 7th degree
RESTING_DEGREES = {2, 7, 11}  # semitones above the tonic: scale degrees 2, 5 and 7


def phrase_rests(notes: list[tuple[int, int, int]], bar_ticks: int) -> list[tuple[int, int]]:
    """(bar start tick, pitch) of the note each 4-bar phrase rests on (held from the downbeat of its 4th bar for
    half the bar or more; bars counted from the first full bar, after a pickup), the tune's last phrase left out."""
    ordered = sorted(notes)
    if not ordered or bar_ticks <= 0:
        return []
    first = ordered[0][0]
    first_bar = first // bar_ticks + (1 if first % bar_ticks else 0)
    last_bar = (ordered[-1][0]) // bar_ticks
    out = []
    for bar in range(first_bar + 3, last_bar, 4):
        tick = bar * bar_ticks
        sounding = [n for n in ordered if n[0] <= tick < n[0] + n[1]]
        if sounding and sounding[-1][0] + sounding[-1][1] - tick >= bar_ticks // 2:
            out.append((tick, sounding[-1][2]))
    return out


def _half_cadences(emit: np.ndarray, states, notes, key: Key, segments: list[Segment], segment: str) -> None:
    """Where a 4-bar phrase rests on the 2nd, 5th or 7th degree, the dominant is preferred under it."""
    if len(segments) == 0:
        return
    size = segments[0].end - segments[0].start
    bar_ticks = size * (2 if segment == "half" else 1)
    roots = np.array([root for root, _ in states])
    for tick, pitch in phrase_rests(notes, bar_ticks):
        if (pitch - key.tonic) % 12 not in RESTING_DEGREES:
            continue
        for i, s in enumerate(segments):
            if tick <= s.start < tick + bar_ticks and i < len(segments) - 1:
                emit[i] += HALF_CADENCE * (roots == 7)


def _logsumexp(x: np.ndarray, axis: int) -> np.ndarray:
    m = x.max(axis=axis, keepdims=True)
    return (m + np.log(np.exp(x - m).sum(axis=axis, keepdims=True))).squeeze(axis)


def _sample(logp: np.ndarray, rng: np.random.Generator) -> int:
    p = np.exp(logp - logp.max())
    return int(rng.choice(len(p), p=p / p.sum()))


def _path_score(path, init, trans, emit) -> float:
    total = init[path[0]] + emit[0, path[0]]
    for i in range(1, len(path)):
        total += trans[path[i - 1], path[i]] + emit[i, path[i]]
    return float(total)


def spelled(root_pc: int, kind: str, key: Key) -> Chord:
    """A chord spelled in the key (core.spelling: flats in flat keys, bVII flat, the leading tone sharp)."""
    return spell_chord(root_pc, kind, key)


@dataclass
class HarmonizeOptions:
    sevenths: bool = False
    per_bar: int = 1  # chords per bar: 1 or 2
    cadence: bool = True
    alternatives: int = 1  # 1-4 harmonizations to audition
    seed: int | None = None


def harmonize_melody(model: HarmonyModel, notes: list[tuple[int, int, int]], key: Key, bar_ticks: int,
                     beat_ticks: int, options: HarmonizeOptions | None = None) -> list[list[ChordEvent]]:
    """Chord tracks for a melody of (tick, duration, pitch) notes: one list of chords per alternative, best first."""
    options = options or HarmonizeOptions()
    if options.per_bar not in (1, 2):
        raise ComposerError("chords per bar must be 1 or 2", "bad_option")
    if not 1 <= options.alternatives <= 4:
        raise ComposerError("ask for 1 to 4 harmonizations", "bad_option")
    if not notes:
        raise ComposerError("the melody has no notes to harmonize", "empty")
    segments = segments_of(notes, bar_ticks, options.per_bar, beat_ticks)
    found = harmonize_notes(model, notes, key, segments, beat_ticks, options.sevenths, options.cadence,
                            options.alternatives, "half" if options.per_bar == 2 else "bar", options.seed)
    out = []
    for chords, _ in found:
        events: list[ChordEvent] = []
        for seg, (root, kind) in zip(segments, chords):
            chord = spelled(root, kind, key)
            if events and events[-1].chord == chord:  # the same chord held on
                events[-1] = ChordEvent(events[-1].tick, seg.end - events[-1].tick, chord)
            else:
                events.append(ChordEvent(seg.start, seg.end - seg.start, chord))
        out.append(events)
    return out


def held_out_accuracy(model: HarmonyModel, records: list[dict]) -> dict:
    """Chord and root accuracy per segment on labelled chorales, for one and two chords a bar, triads and
    sevenths, next to the diatonic baseline (the triad covering the most melody duration)."""
    out = {}
    for sevenths in (False, True):
        for name, per_bar in SEGMENTS.items():
            hits = {"model": [0, 0], "baseline": [0, 0]}
            total = 0
            for rec in records:
                segs = record_segments(rec, per_bar)
                labels = segment_labels(rec, segs, sevenths)
                key = Key(rec["tonic"], rec["mode"])
                notes = record_notes(rec)
                best = harmonize_notes(model, notes, key, segs, BEAT, sevenths, True, 1, name)[0][0]
                base = diatonic_baseline(notes, key, segs)
                for lab, m, b in zip(labels, best, base):
                    if lab is None:
                        continue
                    total += 1
                    truth = ((lab[0] + rec["tonic"]) % 12, lab[1])
                    for who, guess in (("model", m), ("baseline", b)):
                        hits[who][0] += guess == truth
                        hits[who][1] += guess[0] == truth[0]
            key_name = f"{'sevenths' if sevenths else 'triads'}, {'one' if per_bar == 1 else 'two'} a bar"
            out[key_name] = {"segments": total, "chord": round(hits["model"][0] / total, 4),
                             "root": round(hits["model"][1] / total, 4),
                             "baseline_chord": round(hits["baseline"][0] / total, 4),
                             "baseline_root": round(hits["baseline"][1] / total, 4)}
    return out
