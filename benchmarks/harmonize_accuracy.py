"""The harmonizer on held-out chord-labelled chorales: chord and root accuracy per segment, for triads and
sevenths, one and two chords a bar, next to the diatonic baseline (per segment, the key's triad covering the
most melody duration). --write-card records the figures in the harmony model's card.

    python benchmarks/harmonize_accuracy.py [--model models/harmony.json] [--data models/harmony-held-out.jsonl]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from composer_app.engine.harmonize import HarmonyModel, held_out_accuracy

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=ROOT / "models" / "harmony.json")
    ap.add_argument("--data", type=Path, default=ROOT / "models" / "harmony-held-out.jsonl")
    ap.add_argument("--write-card", action="store_true")
    args = ap.parse_args()
    model = HarmonyModel.load(args.model)
    records = [json.loads(line) for line in args.data.read_text().splitlines() if line.strip()]
    figures = held_out_accuracy(model, records)
    print(f"{len(records)} held-out chorales")
    print("| vocabulary, chords per bar | segments | chord | baseline chord | root | baseline root |")
    print("|---|---|---|---|---|---|")
    for name, f in figures.items():
        print(f"| {name} | {f['segments']} | {f['chord']:.1%} | {f['baseline_chord']:.1%} | {f['root']:.1%} | "
              f"{f['baseline_root']:.1%} |")
    if args.write_card:
        doc = json.loads(args.model.read_text(encoding="utf-8"))
        doc["card"]["held_out_accuracy"] = figures
        args.model.write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")
        print(f"recorded in {args.model.name}")


if __name__ == "__main__":
    main()
