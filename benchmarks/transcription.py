"""Transcription, measured: note F1 (same pitch, onset within 50 ms) on melodies rendered by an independent
synthesizer (fluidsynth with Debian's TimGM6mb SoundFont: piano, and a flute for a sung-like line) and on
voice-like tones synthesized here (vibrato, breath noise, soft attacks); and the time to transcribe 30 seconds.

    python benchmarks/transcription.py [--melodies 40]      # needs fluidsynth and timgm6mb-soundfont
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import numpy as np

from composer_app.audio.transcribe import SAMPLE_RATE, HeardNote, load_audio, transcribe
from composer_app.core.melody import Melody
from composer_app.core.midifile import load_melody, write_midi
from composer_app.core.timing import ticks_to_seconds

ROOT = Path(__file__).resolve().parents[1]
SOUNDFONT = "/usr/share/sounds/sf2/TimGM6mb.sf2"


def f1_counts(heard: list[HeardNote], reference: list[tuple[float, int]]) -> tuple[int, int, int]:
    used, hits = set(), 0
    for start, pitch in reference:
        for j, n in enumerate(heard):
            if j not in used and n.pitch == pitch and abs(n.start - start) <= 0.05:
                used.add(j)
                hits += 1
                break
    return hits, len(heard), len(reference)


def render(melody: Melody, program: int, folder: Path, name: str) -> Path:
    midi, wav = folder / f"{name}.mid", folder / f"{name}.wav"
    write_midi(melody, midi)
    if program:  # the melody track's program change
        import mido

        mid = mido.MidiFile(str(midi))
        for track in mid.tracks:
            for msg in track:
                if msg.type == "program_change":
                    msg.program = program
        mid.save(str(midi))
    subprocess.run(["fluidsynth", "-ni", "-F", str(wav), "-r", "44100", SOUNDFONT, str(midi)], check=True,
                   capture_output=True, timeout=120)
    return wav


def voice_like(melody: Melody, rng: np.random.Generator) -> np.ndarray:
    """A sung-like line: harmonics falling off, 5.5 Hz vibrato of +-30 cents, soft attacks, breath noise."""
    end = ticks_to_seconds(melody.end_tick, melody.tempos) + 0.5
    out = np.zeros(int(end * SAMPLE_RATE), np.float32)
    for n in melody:
        start = ticks_to_seconds(n.tick, melody.tempos)
        length = ticks_to_seconds(n.end, melody.tempos) - start
        t = np.arange(int(length * SAMPLE_RATE)) / SAMPLE_RATE
        f0 = 440 * 2 ** ((n.pitch - 69) / 12) * 2 ** (0.025 * np.sin(2 * np.pi * 5.5 * t + rng.uniform(0, 6)))
        phase = 2 * np.pi * np.cumsum(f0) / SAMPLE_RATE
        tone = sum(np.sin(k * phase) / k ** 1.5 for k in range(1, 6))
        envelope = np.minimum(1, t / 0.06) * np.minimum(1, (length - t) / 0.05)
        i = int(start * SAMPLE_RATE)
        out[i:i + len(t)] += (0.2 * tone * envelope).astype(np.float32)[:len(out) - i]
    out += (0.01 * rng.standard_normal(len(out))).astype(np.float32)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--melodies", type=int, default=40)
    args = ap.parse_args()
    files = sorted((ROOT / "models" / "test-melodies").glob("*.mid"))[3::11][:args.melodies]
    rng = np.random.default_rng(0)
    totals = {"piano (fluidsynth, TimGM6mb)": [0, 0, 0], "flute (fluidsynth, TimGM6mb)": [0, 0, 0],
              "voice-like tones (vibrato, breath)": [0, 0, 0]}
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        for i, f in enumerate(files):
            melody = load_melody(f)
            reference = [(ticks_to_seconds(n.tick, melody.tempos), n.pitch) for n in melody]
            sources = {"piano (fluidsynth, TimGM6mb)": load_audio(render(melody, 0, folder, f"p{i}")),
                       "flute (fluidsynth, TimGM6mb)": load_audio(render(melody, 73, folder, f"f{i}")),
                       "voice-like tones (vibrato, breath)": voice_like(melody, rng)}
            for name, samples in sources.items():
                h, n, r = f1_counts(transcribe(samples, melody=True), reference)
                for k, v in enumerate((h, n, r)):
                    totals[name][k] += v
        long = np.concatenate([load_audio(render(load_melody(f), 0, folder, f"s{i}")) for i, f in
                               enumerate(files[:6])])[:30 * SAMPLE_RATE]
        times = []
        for _ in range(5):
            started = time.perf_counter()
            transcribe(long, melody=True)
            times.append(time.perf_counter() - started)
    print(f"{len(files)} melodies; a note counts when its pitch is right and its onset within 50 ms\n")
    print("| material | precision | recall | F1 | notes |")
    print("|---|---|---|---|---|")
    for name, (h, n, r) in totals.items():
        p, rc = h / max(1, n), h / max(1, r)
        print(f"| {name} | {p:.3f} | {rc:.3f} | {2 * p * rc / max(1e-9, p + rc):.3f} | {r} |")
    print(f"\ntranscribing {len(long) / SAMPLE_RATE:.0f} s of audio: median {statistics.median(times):.2f} s "
          f"(of 5 runs; model and decoding, one process, 2 threads at most)")


if __name__ == "__main__":
    main()
