"""Continuations of held-out melodies: python benchmarks/continuation_quality.py [FOLDER] [--model M] [--check]."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from composer_app.engine.model import REPO, load_model
from composer_app.engine.quality import check_continuations


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path, nargs="?", default=REPO / "models" / "test-melodies")
    parser.add_argument("--model", type=Path)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    model = load_model(args.model, force_cpu=True)
    report = check_continuations(model, sorted(args.folder.glob("*.mid")))
    print(json.dumps(report.as_dict()))
    ok = report.in_key_fraction >= 0.9 and report.varied_rhythm_fraction >= 0.95 and report.one_bar_loops == 0
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
