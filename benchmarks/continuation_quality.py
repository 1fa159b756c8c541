"""Continuations of held-out melodies: python benchmarks/continuation_quality.py [FOLDER] [--model M] [--check].

The first 4 bars of each melody are continued by 8 bars, 4 variations each, temperature 1, no key lock:
once freely and once with End on tonic. --check: >= 95% of notes in the seed's key on the tonal tunes (dance
tunes and songs; the key a 4-bar seed suggests is no reference for modal renaissance voices), every
variation with more than one note length, no one-bar loops, End on tonic honoured every time.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from composer_app.engine.model import REPO, load_model
from composer_app.engine.quality import check_continuations

TONAL = ("oneills1850", "ryansMammoth", "miscFolk")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path, nargs="?", default=REPO / "models" / "test-melodies")
    parser.add_argument("--model", type=Path)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    model = load_model(args.model, force_cpu=True)
    files = sorted(args.folder.glob("*.mid"))
    report = check_continuations(model, files, variations=4)
    tonal = check_continuations(model, [f for f in files if f.name.startswith(TONAL)], variations=4)
    ending = check_continuations(model, files, variations=4, end_on="tonic", seed=1000)
    print(json.dumps({"free": report.as_dict(), "free_tonal_tunes": tonal.as_dict(), "end_on_tonic": ending.as_dict()}))
    ok = (tonal.in_key_fraction >= 0.95 and report.varied_rhythm_fraction == 1.0 and report.one_bar_loops == 0
          and ending.end_on_tonic_fraction == 1.0)
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
