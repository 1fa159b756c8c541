"""Train the harmonizer's tables (models/harmony.json) from chord-labelled chorales (training.harmony_data), and
measure them on the held-out chorales next to the diatonic baseline. numpy only: no torch needed.

    python -m composer_app.training.harmony data/harmony-chorales.jsonl --out models/harmony.json \
        --held-out models/harmony-held-out.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from composer_app.core.chords import TRIAD_OF
from composer_app.core.keys import Key
from composer_app.engine.harmonize import HarmonyModel, Segment, diatonic_baseline, harmonize_notes

BEAT = 480
SEGMENTS = {"bar": 1, "half": 2}
MIN_COUNT = 3
SOURCE = "J. S. Bach chorales (music21 corpus, public domain); chords labelled per beat by template matching"


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


def _log_normalize(counts: np.ndarray, axis: int = -1) -> np.ndarray:
    return np.log(counts / counts.sum(axis=axis, keepdims=True))


def train_tables(records: list[dict], sevenths: bool) -> dict:
    """One vocabulary's tables as plain lists (JSON)."""
    from composer_app.engine.harmonize import observations

    all_labels: Counter = Counter()
    per_segment = {}
    for name, per_bar in SEGMENTS.items():
        seqs = []
        for rec in records:
            segs = record_segments(rec, per_bar)
            obs = observations(record_notes(rec), segs, rec["tonic"], BEAT)
            labels = segment_labels(rec, segs, sevenths)
            seqs.append((rec["mode"], segs, obs, labels))
            if name == "bar":
                all_labels.update(lab for lab in labels if lab)
        per_segment[name] = seqs
    states = sorted(lab for lab, n in all_labels.items() if n >= MIN_COUNT)
    index = {s: i for i, s in enumerate(states)}
    size = len(states)
    kinds = sorted({k for _, k in states})
    emission, initial, cadence, transition = {}, {}, {}, {}
    for name, seqs in per_segment.items():
        emit = {k: np.full(12, 0.5) for k in kinds}
        for mode in ("major", "minor"):
            prior = np.full(size, 0.1)
            first = np.full(size, 0.1)
            ends = np.full(size, 0.1)
            trans = np.zeros((size, size))
            for m, segs, obs, labels in seqs:
                if m != mode:
                    continue
                ids = [index.get(lab) if lab else None for lab in labels]
                for i, (seg, j) in enumerate(zip(segs, ids)):
                    if j is None:
                        continue
                    prior[j] += 1
                    root, kind = states[j]
                    emit[kind] += np.roll(obs[i], -root)  # pitch class above the tonic -> interval above the root
                    if seg.phrase_end:
                        ends[j] += 1
                if ids and ids[0] is not None:
                    first[ids[0]] += 1
                for a, b in zip(ids, ids[1:]):
                    if a is not None and b is not None:
                        trans[a, b] += 1
            p = prior / prior.sum()
            trans = trans + 2.0 * p[None, :]
            transition[f"{mode}/{name}"] = _log_normalize(trans).round(4).tolist()
            if name == "bar":
                initial[mode] = _log_normalize(first + 2.0 * p).round(4).tolist()
                cadence[mode] = (_log_normalize(ends + 2.0 * p) - np.log(p)).round(4).tolist()
        emission[name] = {k: _log_normalize(v).round(4).tolist() for k, v in emit.items()}
    return {"states": [[r, k] for r, k in states], "emission": emission, "initial": initial, "cadence": cadence,
            "transition": transition}


def accuracy(model: HarmonyModel, records: list[dict]) -> dict:
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--out", type=Path, default=Path("models/harmony.json"))
    parser.add_argument("--held-out", type=Path, default=None, help="also write the held-out chorales here")
    args = parser.parse_args(argv)
    records = [json.loads(line) for line in args.data.read_text().splitlines() if line.strip()]
    train = [r for r in records if r["split"] == "train"]
    held = [r for r in records if r["split"] != "train"]
    doc = {"card": {"name": "composer-app chorale harmonizer", "kind": "hidden Markov model", "source": SOURCE,
                    "chorales": {"train": len(train), "held_out": len(held)}},
           "vocabularies": {"triads": train_tables(train, False), "sevenths": train_tables(train, True)}}
    model = HarmonyModel(doc)
    doc["card"]["held_out_accuracy"] = accuracy(model, held)
    args.out.write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")
    if args.held_out:
        args.held_out.write_text("".join(json.dumps(r, separators=(",", ":")) + "\n" for r in held), encoding="utf-8")
    print(json.dumps(doc["card"], indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
