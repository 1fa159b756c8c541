"""Build the bundled model's training corpus from the music21 package's public-domain collections.

One command, deterministic output: `python -m composer_app.training.corpus --out data/corpus`.
Each melody (a tune, or one voice of a chorale, mass movement or madrigal) becomes a JSON line
{"id", "piece", "source", "style", "title", "meter": [num, den], "notes": [[tick, dur, pitch]]}
with ticks at 480 per quarter, tick 0 on a bar line (pickups are padded), notes on a 16th grid.
Voices of one piece share `piece`, so a split by piece never puts a chorale's alto in training and
its soprano in the test set.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from fractions import Fraction
from pathlib import Path

from composer_app.core.timing import STEP_TICKS

SOURCES = {
    "oneills1850": "O'Neill's Music of Ireland (1850), music21 corpus, public domain",
    "ryansMammoth": "Ryan's Mammoth Collection (1883), music21 corpus, public domain",
    "miscFolk": "Miscellaneous folk tunes (American Fife, Northumbrian Minstrelsy), music21 corpus, public domain",
    "bach": "J. S. Bach chorales, all four voices, music21 corpus, public domain",
    "palestrina": "G. P. da Palestrina, mass movements, every voice (Humdrum transcriptions), music21 corpus, public domain",
    "monteverdi": "C. Monteverdi, madrigals books 3-5, every voice, music21 corpus, public domain",
}
# The style each collection teaches (the model's style input; 0 is "unknown").
STYLE_OF_SOURCE = {"oneills1850": "dance", "ryansMammoth": "dance", "miscFolk": "song", "bach": "chorale",
                   "palestrina": "renaissance", "monteverdi": "renaissance"}
# Held out from every training set: lyrical airs, for the cross-style check.
EVAL_ONLY = {"airdsAirs": "Aird's Airs (1782-1803), music21 corpus, public domain"}
ONE_LINE_SOURCES = ("oneills1850", "ryansMammoth", "miscFolk", "airdsAirs")
TICKS_PER_16TH = STEP_TICKS


def _melody_from_part(part, source: str, ident: str, title: str) -> dict | None:
    """Monophonic 16th-grid notes of a part, or None if it does not fit the grid."""
    from music21 import chord, meter, note

    measures = list(part.getElementsByClass("Measure"))
    if not measures:
        return None
    ts = measures[0].timeSignature or next(iter(part.recurse().getElementsByClass(meter.TimeSignature)), None)
    if ts is None:
        ts = meter.TimeSignature("4/4")
    bar_ql = Fraction(ts.barDuration.quarterLength).limit_denominator(64)
    first_len = Fraction(measures[0].highestTime).limit_denominator(64)
    pad = bar_ql - first_len if 0 < first_len < bar_ql else Fraction(0)
    notes: list[list[int]] = []
    off_grid = total = 0
    for n in part.stripTies().flatten().notes:
        if n.duration.isGrace or n.quarterLength == 0:
            continue  # ornaments are not part of the line
        if isinstance(n, chord.Chord):
            pitch = max(p.midi for p in n.pitches)
        elif isinstance(n, note.Note):
            pitch = n.pitch.midi
        else:
            continue
        total += 1
        onset = (Fraction(n.offset).limit_denominator(64) + pad) * 4
        end = onset + Fraction(n.quarterLength).limit_denominator(64) * 4
        if onset.denominator != 1 or end.denominator != 1:
            off_grid += 1  # triplets and the like are rounded to the 16th grid
        start16, end16 = round(onset), round(end)
        if end16 <= start16:
            continue
        tick = start16 * TICKS_PER_16TH
        if notes and notes[-1][0] == tick:
            notes[-1][2] = max(notes[-1][2], pitch)
            continue
        if notes and notes[-1][0] + notes[-1][1] > tick:
            notes[-1][1] = tick - notes[-1][0]
        notes.append([tick, (end16 - start16) * TICKS_PER_16TH, pitch])
    if total == 0 or off_grid > 0.1 * total:
        return None  # mostly off the grid: skip the tune rather than distort it
    if len(notes) < 8:
        return None
    return {"id": ident, "piece": ident.split(":")[0], "source": source, "style": STYLE_OF_SOURCE.get(source, ""),
            "title": title, "meter": [ts.numerator, ts.denominator], "notes": notes}


def _parse_file(job: tuple[str, str]) -> list[dict]:
    source, name = job
    from music21 import corpus, stream

    try:
        parsed = corpus.parse(name)
    except Exception as e:  # a broken corpus file is skipped, not fatal
        print(f"skipped {name}: {type(e).__name__}", file=sys.stderr)
        return []
    out = []
    scores = list(parsed.scores) if isinstance(parsed, stream.Opus) else [parsed]
    for i, score in enumerate(scores):
        title = (score.metadata.title if score.metadata else "") or ""
        piece = f"{name}#{i}"
        parts = list(score.parts) if score.parts else [score]
        if source in ONE_LINE_SOURCES:
            parts = parts[:1]
        for v, part in enumerate(parts):
            ident = piece if source in ONE_LINE_SOURCES else f"{piece}:{v}"
            melody = None
            try:
                melody = _melody_from_part(part, source, ident, title)
            except Exception as e:
                print(f"skipped {ident}: {type(e).__name__}", file=sys.stderr)
            if melody:
                out.append(melody)
    return out


def corpus_jobs() -> list[tuple[str, str]]:
    from music21 import corpus

    jobs = []
    for path in sorted(str(p) for p in corpus.getPaths()):
        rel = path.split("corpus/", 1)[1] if "corpus/" in path else path
        top = rel.split("/")[0]
        if top in ("oneills1850", "ryansMammoth", "miscFolk", "palestrina", *EVAL_ONLY) or (
                top == "monteverdi" and rel.endswith(".mxl")):
            jobs.append((top, rel))
    jobs += [("bach", name) for name in sorted(corpus.chorales.Iterator(returnType="filename"))]
    return jobs


def build(out: Path, workers: int = 2) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    jobs = corpus_jobs()
    start = time.time()
    melodies: list[dict] = []
    with multiprocessing.Pool(workers) as pool:
        for i, result in enumerate(pool.imap(_parse_file, jobs, chunksize=4), 1):
            melodies.extend(result)
            if i % 50 == 0 or i == len(jobs):
                print(f"\r{i}/{len(jobs)} files, {len(melodies)} melodies, {time.time() - start:.0f} s", end="", flush=True)
    print()
    melodies.sort(key=lambda m: m["id"])
    target = out / "melodies.jsonl"
    tmp = target.with_suffix(".tmp")
    with open(tmp, "w") as f:
        for m in melodies:
            f.write(json.dumps(m, separators=(",", ":")) + "\n")
    tmp.replace(target)
    counts: dict[str, int] = {}
    notes: dict[str, int] = {}
    for m in melodies:
        counts[m["source"]] = counts.get(m["source"], 0) + 1
        notes[m["source"]] = notes.get(m["source"], 0) + len(m["notes"])
    (out / "sources.json").write_text(json.dumps({"counts": counts, "notes": notes, "licences": SOURCES,
                                                  "eval_only": EVAL_ONLY, "styles": STYLE_OF_SOURCE}, indent=2))
    print(f"{len(melodies)} melodies -> {target} ({counts})")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("data/corpus"))
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    build(args.out, args.workers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
