"""Preparation of a training folder into the sharded token cache: files per second and peak memory by folder size.

    python benchmarks/prepare_cache.py [--sizes 1000 2000 4000] [--workers 2] [--check]

Writes folders of generated MIDI files (random-walk melodies of 150-400 notes in 4/4, 3/4 and 6/8, one in
fifty broken on purpose), then prepares each in a fresh process (so each peak is its own) with
`composer_app.training.cache.prepare`, and reads the cache back. Prints files/s, the peak RSS of the
preparing process (before reading back) and of its largest worker, and the read-back time and peak (the
melody index grows with the number of melodies; the tokens stay on disk behind memory maps). --check exits 1 unless memory is flat in the folder's size
(the largest folder's peaks within 1.25x of the smallest's) and the rate holds (at least 0.7x).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def make_folder(folder: Path, count: int, seed: int = 7) -> None:
    import numpy as np

    from composer_app.core.melody import Melody
    from composer_app.core.midifile import write_midi
    from composer_app.core.timing import TimeSignature

    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True)
    for i in range(count):
        sub = folder / f"set-{i // 500:03d}"
        sub.mkdir(exist_ok=True)
        path = sub / f"tune-{i:06d}.mid"
        if i % 50 == 49:
            path.write_bytes(b"MThd\x00\x00\x00\x06\x00\x01")  # broken: must be skipped with its reason
            continue
        meter = [(4, 4), (3, 4), (6, 8)][i % 3]
        tick, pitch, notes = 0, int(rng.integers(60, 72)), []
        for _ in range(int(rng.integers(150, 400))):
            dur = int(rng.choice([120, 240, 240, 480, 480, 720, 960]))
            pitch = int(np.clip(pitch + rng.choice([-4, -2, -1, 0, 1, 2, 3, 5]), 48, 84))
            notes.append((tick, dur, pitch, 80))
            tick += dur
        write_midi(Melody.from_notes(notes, time_signature=TimeSignature(*meter)), path)


def child(folder: Path, cache: Path, workers: int) -> None:
    from composer_app.training.cache import prepare, read_cache

    start = time.perf_counter()
    index = prepare(folder, cache, workers=workers)
    seconds = time.perf_counter() - start
    main_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    start = time.perf_counter()
    melodies = read_cache(cache)
    tokens = sum(len(m.encoded.tokens) for m in melodies)
    checksum = sum(int(m.encoded.tokens.sum()) for m in melodies)  # reads every token through the memory maps
    read_seconds = time.perf_counter() - start
    print(json.dumps({"files": index["files"], "melodies": index["melodies"], "skipped": index["skipped_count"],
                      "tokens": tokens, "checksum": checksum, "seconds": seconds, "main_peak_mb": main_peak, "worker_peak_mb": worker_peak,
                      "read_seconds": read_seconds,
                      "after_read_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--child", nargs=2, metavar=("FOLDER", "CACHE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]), args.workers)
        return 0
    rows = []
    with tempfile.TemporaryDirectory(prefix="prepare-bench-") as tmp:
        for size in args.sizes:
            folder = Path(tmp) / f"folder-{size}"
            t = time.perf_counter()
            make_folder(folder, size)
            made = time.perf_counter() - t
            out = subprocess.run([sys.executable, __file__, "--workers", str(args.workers), "--child", str(folder),
                                  str(Path(tmp) / f"cache-{size}")], capture_output=True, text=True, check=True)
            row = json.loads(out.stdout.strip().splitlines()[-1])
            row["files_per_second"] = row["files"] / row["seconds"]
            rows.append(row)
            print(f"{size:6d} files (made in {made:4.1f} s): prepared in {row['seconds']:5.1f} s = "
                  f"{row['files_per_second']:6.0f} files/s; {row['melodies']} melodies, {row['skipped']} skipped, "
                  f"{row['tokens']:,} tokens; peak RSS main {row['main_peak_mb']:.0f} MB, "
                  f"largest worker {row['worker_peak_mb']:.0f} MB; read back in {row['read_seconds']:.2f} s "
                  f"(peak {row['after_read_mb']:.0f} MB with the melody index)", flush=True)
    first, last = rows[0], rows[-1]
    ratios = {"main_peak": last["main_peak_mb"] / first["main_peak_mb"],
              "worker_peak": last["worker_peak_mb"] / first["worker_peak_mb"] if first["worker_peak_mb"] else 1.0,
              "rate": last["files_per_second"] / first["files_per_second"]}  # one worker: no worker processes
    print(f"largest / smallest folder ({args.sizes[-1]} / {args.sizes[0]} files): main peak x{ratios['main_peak']:.2f}, "
          f"worker peak x{ratios['worker_peak']:.2f}, files/s x{ratios['rate']:.2f}")
    if args.check:
        ok = ratios["main_peak"] <= 1.25 and ratios["worker_peak"] <= 1.25 and ratios["rate"] >= 0.7
        print("check:", "pass" if ok else "FAIL (memory must stay flat and the rate hold)")
        return 0 if ok else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
