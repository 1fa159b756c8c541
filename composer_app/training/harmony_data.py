"""Chord-labelled melodies from the Bach chorales (music21's corpus, public domain), for the harmonizer.

Each chorale becomes one JSON line: its key (music21's analysis), bar starts, the soprano's notes, each note's
fermata (the chorales mark phrase ends with them), and one chord label per quarter-note beat. A beat's label is
the chord template (root and kind among LABEL_KINDS) that best covers what the four voices sound in that beat,
weighted by duration, the bass counting double: the chord the harmony textbooks would name, passing notes
mostly ignored.

    python -m composer_app.training.harmony_data --out data/harmony-chorales.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

from composer_app.core.chord_recognition import LABEL_KINDS, label_beat  # noqa: F401  (LABEL_KINDS: the labels' kinds)
from composer_app.training.data import split_of


def chorale_record(name: str) -> dict | None:
    from music21 import corpus

    score = corpus.parse(name)
    parts = list(score.parts)
    named = {}
    for part in parts:
        for voice in ("soprano", "alto", "tenor", "bass"):
            if voice in (part.partName or "").lower() and voice not in named:
                named[voice] = part
    parts = [named[v] for v in ("soprano", "alto", "tenor", "bass")] if len(named) == 4 else parts
    if len(parts) != 4:
        return None
    key = score.analyze("key")
    measures = parts[0].getElementsByClass("Measure")
    bar_starts = [float(m.offset) for m in measures]
    ts = parts[0].recurse().getElementsByClass("TimeSignature")
    if not ts or ts[0].denominator != 4:
        return None
    voices = []
    for part in parts:
        notes = []
        for n in part.flatten().notes:
            if n.isChord:
                n = n.notes[-1]
            fermata = any(type(e).__name__ == "Fermata" for e in n.expressions)
            notes.append((float(n.offset), float(n.quarterLength), int(n.pitch.midi), fermata))
        voices.append(notes)
    if not voices[0]:
        return None
    end = max(o + d for o, d, _, _ in voices[0])
    labels = []
    for b in range(int(np.ceil(end))):
        w = np.zeros(12)
        bass = None
        for v, notes in enumerate(voices):
            for o, d, p, _ in notes:
                overlap = min(o + d, b + 1) - max(o, b)
                if overlap > 0:
                    w[p % 12] += overlap * (2 if v == 3 else 1)
                    if v == 3 and o <= b < o + d:
                        bass = p % 12
        label = label_beat(w, bass)
        labels.append([label[0], label[1]] if label else None)
    return {"piece": f"{name}#0", "split": split_of(f"{name}#0"), "tonic": key.tonic.pitchClass, "mode": key.mode,
            "bar_starts": bar_starts, "beats_per_bar": ts[0].numerator,
            "soprano": [[o, d, p, f] for o, d, p, f in voices[0]], "labels": labels}


def _job(name: str) -> dict | None:
    try:
        return chorale_record(name)
    except Exception as e:  # a corpus file music21 cannot read is skipped
        print(f"skipped {name}: {type(e).__name__}", file=sys.stderr)
        return None


def build(out: Path, workers: int = 2) -> int:
    from music21 import corpus

    names = sorted(corpus.chorales.Iterator(returnType="filename"))
    out.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with ProcessPoolExecutor(workers) as pool, open(out, "w") as f:
        for rec in pool.map(_job, names, chunksize=4):
            if rec and rec["mode"] in ("major", "minor"):
                f.write(json.dumps(rec) + "\n")
                count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("data/harmony-chorales.jsonl"))
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    print(f"{build(args.out, args.workers)} chorales written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
