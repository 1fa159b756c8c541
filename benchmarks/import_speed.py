"""Import time of a dense 1 MB MIDI file: python benchmarks/import_speed.py [--check]."""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time

import mido

from composer_app.core.midifile import read_midi


def dense_file(target_bytes: int = 1_000_000) -> bytes:
    """About `target_bytes` of notes with running status (the worst case per byte)."""
    mid = mido.MidiFile(type=1)
    track = mido.MidiTrack()
    mid.tracks.append(track)
    i = 0
    while i * 6 < target_bytes - 100:
        track.append(mido.Message("note_on", note=48 + i % 36, velocity=64, time=1))
        track.append(mido.Message("note_on", note=48 + i % 36, velocity=0, time=1))
        i += 1
    buf = io.BytesIO()
    mid.save(file=buf)
    return buf.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 unless the median is under 1 s and under mido's own parse")
    args = parser.parse_args()
    data = dense_file()
    ours, theirs = [], []
    for _ in range(5):
        t = time.perf_counter()
        song = read_midi(data, name="dense.mid")
        song.melody()
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        mido.MidiFile(file=io.BytesIO(data), clip=True)
        theirs.append(time.perf_counter() - t)
    a, b = statistics.median(ours), statistics.median(theirs)
    print(f"1 MB dense file ({len(data):,} bytes, {sum(p.note_count for p in song.parts):,} notes): "
          f"import + melody median {a * 1000:.0f} ms; mido parse alone {b * 1000:.0f} ms; ratio {b / a:.1f}x")
    return 0 if not args.check or (a < 1.0 and a < b) else 1


if __name__ == "__main__":
    sys.exit(main())
