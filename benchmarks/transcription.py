"""Transcription, measured: note F1 (same pitch, onset within 50 ms) on melodies rendered by an independent
synthesizer (fluidsynth with Debian's TimGM6mb SoundFont: piano, and a flute), on voice-like tones synthesized
here (vibrato, breath noise, soft attacks) and on harder sung-like lines (vowel formants, scoops, glides, legato),
each heard both ways the app offers (the instrument model and the voice pitch tracker); the time to transcribe 30
seconds each way, and from Stop to notes for a 15-second microphone take.

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
import soxr

from composer_app.audio.sound_take import SoundTake, heard_notes
from composer_app.audio.transcribe import SAMPLE_RATE, HeardNote, hear, load_audio
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


VOWELS = {"a": (730, 1090, 2440), "e": (530, 1840, 2480), "i": (270, 2290, 3010), "o": (570, 840, 2410),
          "u": (300, 870, 2240)}  # formant frequencies of sung vowels (Hz)


def sung_like(melody: Melody, rng: np.random.Generator) -> np.ndarray:
    """Harder than voice_like: a glottal source through the formants of a vowel that changes with each note,
    scoops up into notes (from 60 cents flat), glides between legato notes, vibrato that starts late, jitter and
    shimmer, notes joined without a gap where the melody is legato, and breath noise."""
    rate = SAMPLE_RATE
    end = ticks_to_seconds(melody.end_tick, melody.tempos) + 0.5
    out = np.zeros(int(end * rate), np.float32)
    notes = list(melody)
    previous_pitch = None
    for k, n in enumerate(notes):
        start = ticks_to_seconds(n.tick, melody.tempos)
        stop = ticks_to_seconds(n.end, melody.tempos)
        legato = k + 1 < len(notes) and ticks_to_seconds(notes[k + 1].tick, melody.tempos) - stop < 0.03
        length = stop - start + (0.03 if legato else 0.0)
        t = np.arange(int(length * rate)) / rate
        cents = np.full(len(t), 0.0)
        if previous_pitch is not None and abs(previous_pitch - n.pitch) <= 7 and rng.random() < 0.5:
            glide = np.clip(1 - t / 0.06, 0, 1)  # a glide from the note before
            cents += 100 * (previous_pitch - n.pitch) * glide
        else:
            cents += -60 * np.clip(1 - t / 0.08, 0, 1)  # a scoop up into the note
        cents += 30 * np.sin(2 * np.pi * 5.5 * t + rng.uniform(0, 6)) * np.clip((t - 0.2) / 0.2, 0, 1)
        cents += sum(3 * np.sin(2 * np.pi * rng.uniform(0.5, 3) * t + rng.uniform(0, 6)) for _ in range(3))  # drift
        f0 = 440 * 2 ** ((n.pitch - 69 + cents / 100) / 12)
        phase = 2 * np.pi * np.cumsum(f0) / rate
        formants = VOWELS["aeiou"[rng.integers(5)]]
        tone = np.zeros(len(t))
        for h in range(1, 40):
            freq = h * f0.mean()
            if freq > rate / 2 - 500:
                break
            gain = sum(1 / (1 + ((freq - f) / (60 + 0.06 * f)) ** 2) for f in formants)
            tone += gain / h ** 1.0 * np.sin(h * phase)
        shimmer = 1 + 0.05 * np.sin(2 * np.pi * rng.uniform(3, 7) * t)
        envelope = np.minimum(1, t / 0.05) * np.minimum(1, (length - t) / 0.06) * shimmer
        i = int(start * rate)
        seg = (0.08 * tone * envelope).astype(np.float32)
        out[i:i + len(seg)] += seg[:len(out) - i]
        previous_pitch = n.pitch
    breath = rng.standard_normal(len(out)).astype(np.float32)
    breath = np.convolve(breath, np.ones(4) / 4, mode="same")  # softer highs
    out += 0.01 * breath.astype(np.float32)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--melodies", type=int, default=40)
    args = ap.parse_args()
    files = sorted((ROOT / "models" / "test-melodies").glob("*.mid"))[3::11][:args.melodies]
    rng = np.random.default_rng(0)
    materials = ["piano (fluidsynth, TimGM6mb)", "flute (fluidsynth, TimGM6mb)", "voice-like tones (vibrato, breath)",
                 "sung-like (formants, scoops, glides, legato)"]
    ways = {"instrument model (basic-pitch, --melody)": lambda x: hear(x, "instrument", melody=True),
            "voice pitch tracker (CREPE tiny, --voice)": lambda x: hear(x, "voice")}
    totals = {(m, w): [0, 0, 0] for m in materials for w in ways}
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        for i, f in enumerate(files):
            melody = load_melody(f)
            reference = [(ticks_to_seconds(n.tick, melody.tempos), n.pitch) for n in melody]
            sources = dict(zip(materials, (load_audio(render(melody, 0, folder, f"p{i}")),
                                           load_audio(render(melody, 73, folder, f"f{i}")),
                                           voice_like(melody, rng), sung_like(melody, rng))))
            for name, samples in sources.items():
                for way, heard in ways.items():
                    for k, v in enumerate(f1_counts(heard(samples), reference)):
                        totals[(name, way)][k] += v
        long = np.concatenate([load_audio(render(load_melody(f), 0, folder, f"s{i}")) for i, f in
                               enumerate(files[:6])])[:30 * SAMPLE_RATE]
        times = {way: [] for way in ways}
        for _ in range(5):
            for way, heard in ways.items():
                started = time.perf_counter()
                heard(long)
                times[way].append(time.perf_counter() - started)
    print(f"{len(files)} melodies; a note counts when its pitch is right and its onset within 50 ms\n")
    print("| material | way | precision | recall | F1 | notes |")
    print("|---|---|---|---|---|---|")
    for (name, way), (h, n, r) in totals.items():
        p, rc = h / max(1, n), h / max(1, r)
        print(f"| {name} | {way} | {p:.3f} | {rc:.3f} | {2 * p * rc / max(1e-9, p + rc):.3f} | {r} |")
    print()
    for way, runs in times.items():
        print(f"transcribing {len(long) / SAMPLE_RATE:.0f} s of audio, {way}: median {statistics.median(runs):.2f} s "
              f"(of 5 runs; one process, 2 threads at most)")
    take = SoundTake(44100)
    take.add(soxr.resample(long[:15 * SAMPLE_RATE], SAMPLE_RATE, 44100))
    for source in ("voice", "instrument"):
        runs = []
        for _ in range(5):
            started = time.perf_counter()
            heard_notes(take, source=source)
            runs.append(time.perf_counter() - started)
        print(f"a 15 s microphone take (44.1 kHz), from Stop to notes, {source}: median {statistics.median(runs):.2f} s")


if __name__ == "__main__":
    main()
