"""Continuation over given chords, measured: the share of notes on the beats that are tones of the chord
sounding there, for the real chorale sopranos (against their labelled chords), for the model continuing them
freely, and for the model continuing them over those chords (the constraint FollowChords).

For each held-out chorale (models/harmony-held-out.jsonl) the first half of the soprano is the seed; the model
writes the rest (as many bars, 4 variations) and its on-beat notes are compared with the chorale's own chords
there. The chords are the labelled ones, one a beat.

    python benchmarks/chord_following.py [--seed 0]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from composer_app.core.chords import Chord, ChordEvent, chord_at
from composer_app.core.harmony import BEAT, record_notes
from composer_app.core.melody import Melody
from composer_app.engine.constraints.chord_tones import FollowChords
from composer_app.engine.generate import ContinueOptions, continue_melody
from composer_app.engine.model import load_model

ROOT = Path(__file__).resolve().parents[1]


def beat_chords(rec: dict) -> list[ChordEvent]:
    out = []
    for b, label in enumerate(rec["labels"]):
        if label:
            out.append(ChordEvent(b * BEAT, BEAT, Chord.of(label[0], label[1])))
    return out


def share(notes, chords) -> tuple[int, int]:
    hits = total = 0
    for t, _, p in notes:
        if t % BEAT:
            continue
        c = chord_at(chords, t)
        if c is None:
            continue
        total += 1
        hits += p % 12 in c.chord.pitch_classes()
    return hits, total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    model = load_model(None, threads=1)
    records = [json.loads(line) for line in (ROOT / "models" / "harmony-held-out.jsonl").read_text().splitlines()]
    tally = {"real": [0, 0], "free": [0, 0], "over chords": [0, 0]}
    for rec in records:
        notes = record_notes(rec)
        chords = beat_chords(rec)
        bar = rec["beats_per_bar"] * BEAT
        end = max(t + d for t, d, _ in notes)
        half = (end // bar // 2) * bar
        if half < bar or end - half < bar:
            continue
        bars = (end - half) // bar
        seed = Melody.from_notes([(t, min(d, half - t), p, 80) for t, d, p in notes if t < half])
        seed.time_signature = type(seed.time_signature)(rec["beats_per_bar"], 4)
        for name, constraints in (("free", ()), ("over chords", (FollowChords(chords, BEAT),))):
            options = ContinueOptions(bars=bars, variations=4, seed=args.seed, start_tick=half,
                                      constraints=constraints, style="chorale")
            result = continue_melody(model, seed, options)
            for v in result.variations:
                h, n = share([(x.tick, x.duration, x.pitch) for x in v], chords)
                tally[name][0] += h
                tally[name][1] += n
        h, n = share([x for x in notes if x[0] >= half], chords)
        tally["real"][0] += h
        tally["real"][1] += n
    print("| melody notes on the beats | chord tones | notes |")
    print("|---|---|---|")
    for name, label in (("real", "the chorale's own soprano"), ("free", "the model, free"),
                        ("over chords", "the model over the chords")):
        h, n = tally[name]
        print(f"| {label} | {h / n:.1%} | {n} |")


if __name__ == "__main__":
    main()
