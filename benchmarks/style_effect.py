"""What the Style choice changes: note-length and interval statistics of continuations per style.

    python benchmarks/style_effect.py [FOLDER] [--model M] [--seeds 60] [--json]

Continues the first 4 bars of up to --seeds held-out melodies by 8 bars (4 variations, temperature 1,
no key lock) once per style and reports, per style: notes per bar, mean note length (16ths), share of
notes of a quarter or longer, mean absolute interval (semitones), share of steps (1-2 semitones) and of
leaps (5+), share of rests.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from composer_app.core.midifile import load_melody
from composer_app.engine.generate import ContinueOptions, continue_melody
from composer_app.engine.model import REPO, load_model


def statistics(variations, bar_ticks: int, bars: int, start: int, end: int) -> dict:
    lengths, intervals, notes, sounding = [], [], 0, 0
    for v in variations:
        pitches = [n.pitch for n in v]
        lengths += [n.duration / 120 for n in v]
        intervals += list(np.abs(np.diff(pitches)))
        notes += len(v)
        sounding += sum(n.duration for n in v)
    total = (end - start) * len(variations)
    intervals = np.array(intervals) if intervals else np.zeros(1)
    lengths = np.array(lengths) if lengths else np.zeros(1)
    return {"notes_per_bar": round(notes / (bars * len(variations)), 2), "mean_length_16ths": round(float(lengths.mean()), 2),
            "long_notes": round(float((lengths >= 4).mean()), 3), "mean_abs_interval": round(float(intervals.mean()), 2),
            "steps": round(float(((intervals >= 1) & (intervals <= 2)).mean()), 3),
            "leaps": round(float((intervals >= 5).mean()), 3), "rest_share": round(1 - sounding / max(total, 1), 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=REPO / "models" / "test-melodies")
    parser.add_argument("--model", type=Path)
    parser.add_argument("--seeds", type=int, default=60)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    model = load_model(args.model, force_cpu=True)
    styles = ["auto", *model.styles[1:]]
    files = sorted(args.folder.glob("*.mid"))[: args.seeds]
    report = {}
    for style in styles:
        per_style = []
        for i, path in enumerate(files):
            melody = load_melody(path)
            bar = melody.time_signature.bar_ticks
            prefix = melody.copy()
            prefix.remove([n.id for n in prefix if n.tick >= 4 * bar])
            if len(prefix) < 4:
                continue
            r = continue_melody(model, prefix, ContinueOptions(bars=8, variations=4, temperature=1.0, top_p=1.0, key=None,
                                                               seed=i, start_tick=4 * bar, style=style))
            per_style.append(statistics(r.variations, bar, 8, r.start_tick, r.end_tick))
        report[style] = {k: round(float(np.mean([s[k] for s in per_style])), 3) for k in per_style[0]}
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        keys = list(next(iter(report.values())))
        print("| style | " + " | ".join(keys) + " |")
        print("| --- " * (len(keys) + 1) + "|")
        for style, row in report.items():
            print(f"| {style} | " + " | ".join(str(row[k]) for k in keys) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
