"""Audio to notes with basic-pitch's model: melodies rendered by an independent synthesizer (Debian's fluidsynth
with the TimGM6mb General MIDI SoundFont, not the app's piano) are heard back note for note."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from composer_app.audio.transcribe import AudioError, HeardNote, estimate_tempo, load_audio, notes_to_melody, transcribe
from composer_app.core.melody import Melody
from composer_app.core.midifile import load_melody, write_midi
from composer_app.core.timing import TempoChange, ticks_to_seconds

ROOT = Path(__file__).resolve().parents[2]
SOUNDFONT = Path("/usr/share/sounds/sf2/TimGM6mb.sf2")


def render(midi: Path, wav: Path) -> Path:
    assert shutil.which("fluidsynth") and SOUNDFONT.exists(), "fluidsynth and timgm6mb-soundfont are installed by run-tests.sh"
    subprocess.run(["fluidsynth", "-ni", "-F", str(wav), "-r", "44100", str(SOUNDFONT), str(midi)], check=True,
                   capture_output=True, timeout=120)
    return wav


def f1(heard: list[HeardNote], reference: list[tuple[float, int]], tolerance: float = 0.05) -> float:
    """Note F1: same pitch, onset within 50 ms, each note matched once."""
    used, hits = set(), 0
    for start, pitch in reference:
        for j, n in enumerate(heard):
            if j not in used and n.pitch == pitch and abs(n.start - start) <= tolerance:
                used.add(j)
                hits += 1
                break
    precision, recall = hits / max(1, len(heard)), hits / max(1, len(reference))
    return 2 * precision * recall / max(1e-9, precision + recall)


def test_solo_piano_melodies_are_heard_note_for_note(tmp_path):
    files = sorted((ROOT / "models" / "test-melodies").glob("*.mid"))[5::60][:6]
    scores = []
    for f in files:
        melody = load_melody(f)
        reference = [(ticks_to_seconds(n.tick, melody.tempos), n.pitch) for n in melody]
        heard = transcribe(load_audio(render(f, tmp_path / f"{f.stem}.wav")), melody=True)
        scores.append(f1(heard, reference))
    assert np.mean(scores) >= 0.90, scores


def test_onsets_do_not_drift_in_a_long_recording(tmp_path):
    """Two minutes of quarter notes at 120: the last ones are heard as on time as the first (placing each
    window's frames at their own time, not one after the other)."""
    rows = [(i * 480, 400, 60 + (i * 5) % 12, 90) for i in range(240)]  # 120 s
    midi = tmp_path / "long.mid"
    write_midi(Melody.from_notes(rows, tempos=[TempoChange(0, 500_000)]), midi)
    heard = transcribe(load_audio(render(midi, tmp_path / "long.wav")), melody=True)
    by_start = {round(n.start * 2): n for n in heard}  # the nearest half second
    errors = [by_start[i].start - i / 2 for i in range(230, 240) if i in by_start and by_start[i].pitch == rows[i][2]]
    assert len(errors) >= 8 and max(abs(e) for e in errors) < 0.03, errors


def test_played_timing_keeps_seconds_and_grid_timing_snaps_to_sixteenths():
    notes = [HeardNote(0.51, 0.98, 60, 80), HeardNote(1.02, 1.49, 62, 80), HeardNote(1.49, 2.2, 64, 80)]
    played = notes_to_melody(notes, "played")
    assert played.bpm == 120 and [n.tick for n in played] == [490, 979, 1430]  # 960 ticks a second
    grid = notes_to_melody(notes, "grid", bpm=120, monophonic=True)
    assert [n.tick for n in grid] == [480, 960, 1440] and all(n.duration % 120 == 0 for n in grid)
    assert grid.is_monophonic()


def test_the_tempo_is_estimated_from_where_notes_start():
    rng = np.random.default_rng(1)
    starts = np.cumsum(rng.choice([0.3, 0.6, 0.15], size=40))  # eighths, quarters, 16ths at 100 bpm
    assert abs(estimate_tempo([HeardNote(float(s), float(s) + 0.1, 60, 80) for s in starts]) - 100) <= 1
    # quarter notes at 120 sung or played a little unevenly (10 ms), starting anywhere: still 120, not 90 or 60
    # (a fit measured against the 16th grid in radians favoured slow tempos, whose grid forgives more)
    for seed in range(5):
        rng = np.random.default_rng(seed)
        starts = 0.37 + 0.5 * np.arange(16) + rng.normal(0, 0.01, 16)
        assert estimate_tempo([HeardNote(float(s), float(s) + 0.4, 60, 80) for s in starts]) == 120


def test_a_file_that_is_not_a_recording_is_one_sentence(tmp_path):
    with pytest.raises(AudioError, match="cannot be read as a recording"):
        load_audio(ROOT / "README.md")
    with pytest.raises(AudioError, match="no such file"):
        load_audio(tmp_path / "missing.wav")


def test_transcribe_command_writes_a_melody_and_says_what_it_heard(tmp_path):
    tune = sorted((ROOT / "models" / "test-melodies").glob("miscFolk_*.mid"))[0]
    wav = render(tune, tmp_path / "tune.wav")
    out = tmp_path / "heard.mid"
    run = subprocess.run([sys.executable, "-m", "composer_app", "transcribe", str(wav), "--melody", "--json", "-o",
                          str(out)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    info = json.loads(run.stdout)
    assert info["timing"] == "grid" and 20 <= info["bpm"] <= 300 and len(info["notes"]) > 20
    written = load_melody(out)
    assert written.is_monophonic() and len(written) == len(info["notes"])
    bad = subprocess.run([sys.executable, "-m", "composer_app", "transcribe", str(ROOT / "README.md"), "-o",
                          str(tmp_path / "x.mid")], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "cannot be read as a recording" in bad.stderr and bad.stderr.count("\n") == 1


def test_continue_takes_a_recording_as_its_seed(tmp_path):
    tune = sorted((ROOT / "models" / "test-melodies").glob("miscFolk_*.mid"))[0]
    wav = render(tune, tmp_path / "tune.wav")
    out = tmp_path / "continued.mid"
    run = subprocess.run([sys.executable, "-m", "composer_app", "continue", str(wav), "--bars", "2", "--json",
                          "-o", str(out)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    info = json.loads(run.stdout)
    assert info["seed_notes"] >= 0.8 * len(load_melody(tune)) and len(info["variations"]) == 4
    # fill, render and melody take a recording as they take a MIDI file
    filled = tmp_path / "filled.mid"
    run = subprocess.run([sys.executable, "-m", "composer_app", "fill", str(wav), "--bars", "2-3", "--variations", "2",
                          "-o", str(filled)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and filled.exists(), run.stderr
    played = tmp_path / "played.wav"
    run = subprocess.run([sys.executable, "-m", "composer_app", "render", str(wav), "-o", str(played)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and len(load_audio(played)) > 22050, run.stderr
    line = tmp_path / "line.mid"
    run = subprocess.run([sys.executable, "-m", "composer_app", "melody", str(wav), "-o", str(line)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and len(load_melody(line)) >= 0.8 * len(load_melody(tune)), run.stderr


def sung_tones(pitches, seconds_each=0.5, rate=22050, seed=0):
    """A voice-like line: falling harmonics, 5.5 Hz vibrato of +-30 cents, soft attacks, breath noise."""
    rng = np.random.default_rng(seed)
    parts = []
    for p in pitches:
        t = np.arange(int(seconds_each * rate)) / rate
        f0 = 440 * 2 ** ((p - 69) / 12) * 2 ** (0.025 * np.sin(2 * np.pi * 5.5 * t + rng.uniform(0, 6)))
        phase = 2 * np.pi * np.cumsum(f0) / rate
        tone = sum(np.sin(k * phase) / k ** 1.5 for k in range(1, 6))
        parts.append(0.2 * tone * np.minimum(1, t / 0.06) * np.minimum(1, (seconds_each - t) / 0.05))
    out = np.concatenate(parts)
    return (out + 0.01 * rng.standard_normal(len(out))).astype(np.float32)


def test_singing_is_heard_better_by_following_the_voice_than_by_the_instrument_model(tmp_path):
    import soundfile

    pitches = [57, 60, 62, 64, 64, 62, 60, 59, 57, 60, 64, 67, 65, 64, 62, 60]
    wav = tmp_path / "sung.wav"
    soundfile.write(str(wav), sung_tones(pitches), 22050)
    heard = {}
    for way in ("--voice", "--melody"):
        run = subprocess.run([sys.executable, "-m", "composer_app", "transcribe", str(wav), way, "--timing", "played",
                              "--json"], capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
        info = json.loads(run.stdout)
        hits = sum(any(n["pitch"] == p and abs(n["start"] - 0.5 * i) <= 0.05 for n in info["notes"])
                   for i, p in enumerate(pitches))
        precision, recall = hits / max(1, len(info["notes"])), hits / len(pitches)
        heard[way] = 2 * precision * recall / max(1e-9, precision + recall)
    assert heard["--voice"] >= 0.9 and heard["--voice"] > heard["--melody"], heard
