"""Long fuzz run of the MIDI importer: python benchmarks/fuzz_import.py --cases 200000 FOLDER."""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

from composer_app.core.fuzz import check_one, mutate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    corpus = [p.read_bytes() for p in sorted(args.folder.glob("*.mid"))]
    rng = random.Random(args.seed)
    times = []
    start = time.perf_counter()
    for i in range(args.cases):
        data = mutate(corpus[i % len(corpus)], rng)
        try:
            times.append(check_one(data))
        except Exception as e:  # anything but MidiImportError is a finding
            print(f"case {i}: {type(e).__name__}: {e}", file=sys.stderr)
            return 1
    times.sort()
    print(f"{args.cases} cases from {len(corpus)} files in {time.perf_counter() - start:.0f} s: only MidiImportError; "
          f"median {statistics.median(times) * 1000:.1f} ms, max {times[-1] * 1000:.1f} ms per case")
    return 0


if __name__ == "__main__":
    sys.exit(main())
