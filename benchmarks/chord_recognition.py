"""Chords recognised from an accompaniment, measured against chords known beforehand.

1. Two-hand renders: each held-out folk tune of models/test-melodies (O'Neill's, Ryan's, miscFolk; never
   trained on) gets chords from the harmonizer (one a bar, and two a bar with sevenths); the app's accompaniment
   plays them in each pattern (two a bar in even metres only: half a bar of 3/4 falls between beats) (block, broken = Alberti, waltz, arpeggio); the recogniser hears only the
   accompaniment. A bar is right when every beat of it has the chord that was played (root and kind).
2. The held-out Bach chorales (models/harmony-held-out.jsonl): their alto, tenor and bass against the labels
   (one a beat, named from all four voices), beat by beat.

    python benchmarks/chord_recognition.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from composer_app.core.chord_recognition import recognise_chords  # noqa: E402
from composer_app.core.chords import chord_at  # noqa: E402
from composer_app.core.keys import melody_key  # noqa: E402
from composer_app.core.midifile import load_melody  # noqa: E402
from composer_app.engine.accompaniment import accompany  # noqa: E402
from composer_app.engine.harmonize import HarmonizeOptions, HarmonyModel, harmonize_melody  # noqa: E402

PATTERNS = ("block", "broken", "waltz", "arpeggio")


def same(a, b) -> bool:
    return a is not None and b is not None and a.chord.root_pc == b.chord.root_pc and a.chord.kind == b.chord.kind


def same_root(a, b) -> bool:
    return a is not None and b is not None and a.chord.root_pc == b.chord.root_pc


def bars_right(truth, found, bars: int, bar_ticks: int, beat_ticks: int, test=same) -> int:
    right = 0
    for bar in range(bars):
        beats = range(bar * bar_ticks, (bar + 1) * bar_ticks, beat_ticks)
        right += all(test(chord_at(truth, t), chord_at(found, t)) for t in beats if chord_at(truth, t) is not None)
    return right


def renders(limit: int) -> None:
    model = HarmonyModel.load()
    files = [p for p in sorted((ROOT / "models" / "test-melodies").glob("*.mid"))
             if p.name.startswith(("oneills", "ryans", "miscFolk")) and "-2" not in p.stem]
    files = files[:limit] if limit else files
    tally = {}
    for path in files:
        melody = load_melody(path)
        ts = melody.time_signature
        key = melody_key(melody)[0]
        if key is None:
            continue
        notes = [(n.tick, n.duration, n.pitch) for n in melody]
        bars = max(n.tick for n in melody) // ts.bar_ticks + 1
        for label, options in (("1 a bar", HarmonizeOptions(per_bar=1)), ("2 a bar", HarmonizeOptions(per_bar=2)),
                               ("2 a bar, sevenths", HarmonizeOptions(per_bar=2, sevenths=True))):
            if options.per_bar == 2 and (ts.bar_ticks // ts.beat_ticks) % 2:
                continue  # half a bar of 3/4 falls between beats: two chords a bar only in even metres
            truth = harmonize_melody(model, notes, key, ts.bar_ticks, ts.beat_ticks, options)[0]
            for pattern in PATTERNS:
                rows = accompany(truth, melody.contents(), ts.bar_ticks, ts.beat_ticks, pattern, key)
                found = recognise_chords(rows, ts.bar_ticks, ts.beat_ticks)
                t = tally.setdefault((label, pattern), [0, 0, 0])
                t[0] += bars_right(truth, found, bars, ts.bar_ticks, ts.beat_ticks)
                t[1] += bars_right(truth, found, bars, ts.bar_ticks, ts.beat_ticks, same_root)
                t[2] += bars
    print(f"two-hand renders of {len(files)} held-out folk tunes: bars whose every beat has the chord played")
    print("| chords | pattern | bars right (root and kind) | root right | bars |")
    print("| --- | --- | --- | --- | --- |")
    for (label, pattern), (right, root, bars) in tally.items():
        print(f"| {label} | {pattern} | {100 * right / bars:.1f}% | {100 * root / bars:.1f}% | {bars} |")


def chorales(limit: int) -> None:
    from music21 import corpus

    from composer_app.core.chords import Chord, ChordEvent
    from composer_app.core.harmony import BEAT

    records = [json.loads(line) for line in (ROOT / "models" / "harmony-held-out.jsonl").read_text().splitlines()]
    records = records[:limit] if limit else records
    right = root = total = 0
    for rec in records:
        score = corpus.parse(rec["piece"].split("#")[0])
        parts = list(score.parts)[1:4]  # alto, tenor, bass
        lower = [(round(float(n.offset) * BEAT), round(float(n.quarterLength) * BEAT), p.midi)
                 for part in parts for n in part.flatten().notes for p in n.pitches]
        bar = rec["beats_per_bar"] * BEAT
        found = recognise_chords(lower, bar, BEAT)
        for b, label in enumerate(rec["labels"]):
            if not label:
                continue
            truth = ChordEvent(b * BEAT, BEAT, Chord.of(label[0], label[1]))
            got = chord_at(found, b * BEAT)
            total += 1
            right += same(truth, got)
            root += same_root(truth, got)
    print(f"\n{len(records)} held-out chorales, alto + tenor + bass against the labels: {100 * right / total:.1f}% of "
          f"{total} beats right (root and kind), roots {100 * root / total:.1f}%")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="only the first N tunes and chorales")
    args = ap.parse_args()
    renders(args.limit)
    chorales(args.limit)


if __name__ == "__main__":
    main()
