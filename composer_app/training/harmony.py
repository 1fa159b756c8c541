"""Train the harmonizer's tables (models/harmony.json) from chord-labelled chorales (training.harmony_data).
numpy only: no torch needed. `benchmarks/harmonize_accuracy.py --write-card` then measures them on the held-out
chorales next to the diatonic baseline and records the figures in the card.

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

from composer_app.core.harmony import BEAT, SEGMENTS, observations, record_notes, record_segments, segment_labels

MIN_COUNT = 3
SOURCE = "J. S. Bach chorales (music21 corpus, public domain); chords labelled per beat by template matching"


def _log_normalize(counts: np.ndarray, axis: int = -1) -> np.ndarray:
    return np.log(counts / counts.sum(axis=axis, keepdims=True))


def train_tables(records: list[dict], sevenths: bool) -> dict:
    """One vocabulary's tables as plain lists (JSON)."""
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
    args.out.write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")
    if args.held_out:
        args.held_out.write_text("".join(json.dumps(r, separators=(",", ":")) + "\n" for r in held), encoding="utf-8")
    print(json.dumps(doc["card"], indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
