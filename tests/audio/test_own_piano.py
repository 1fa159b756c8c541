"""A piano from a student's own key samples: keys from file names or heard, every key played by the nearest
sample, loudness evened, written as a SoundFont that the app's player and fluidsynth (independent) both play."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import mido
import numpy as np
import pytest
import soundfile

from composer_app.audio.own_piano import build_piano, key_from_name, key_ranges, read_folder
from composer_app.audio.sf2 import check, read_soundfont
from composer_app.audio.transcribe import load_audio, transcribe

SOUNDFONT = "/usr/share/sounds/sf2/TimGM6mb.sf2"


def key_sample(path: Path, key: int, velocity: int = 100) -> Path:
    """One key of a General MIDI piano, rendered by fluidsynth (not the app's piano)."""
    mid = mido.MidiFile()
    track = mido.MidiTrack()
    mid.tracks.append(track)
    track += [mido.Message("note_on", note=key, velocity=velocity, time=0),
              mido.Message("note_off", note=key, velocity=0, time=1200)]
    midi = path.with_suffix(".mid")
    mid.save(str(midi))
    subprocess.run(["fluidsynth", "-ni", "-F", str(path), "-r", "44100", SOUNDFONT, str(midi)], check=True,
                   capture_output=True, timeout=60)
    midi.unlink()
    return path


@pytest.fixture(scope="module")
def key_folder(tmp_path_factory):
    assert shutil.which("fluidsynth"), "run-tests.sh installs fluidsynth and timgm6mb-soundfont"
    folder = tmp_path_factory.mktemp("keys")
    for name, key, velocity in (("C3", 48, 100), ("G3", 55, 60), ("Do4", 60, 127), ("67", 67, 40),
                                ("piano_C5_forte", 72, 100), ("take 7", 64, 90)):
        key_sample(folder / f"{name}.wav", key, velocity)
    (folder / "notes.txt").write_text("not a sample")
    (folder / "broken.wav").write_bytes(b"RIFF\x00\x00")
    soundfile.write(str(folder / "silence_C6.wav"), np.zeros(44100, np.float32), 44100)
    return folder


def test_keys_from_names_in_either_language():
    assert [key_from_name(n) for n in ("C4", "c#3", "Bb2", "Do4", "Solb2", "60", "Piano_F#3_forte", "Grand-A0-soft",
                                       "take 7", "piano_01", "A", "21")] == \
        [60, 49, 46, 60, 42, 60, 54, 21, None, None, None, 21]


def test_each_key_plays_the_nearest_sample_over_the_whole_piano():
    assert key_ranges([48, 55, 60]) == [(21, 51), (52, 57), (58, 108)]
    assert key_ranges([60]) == [(21, 108)]
    ranges = key_ranges([30, 41, 47, 80, 101])
    covered = [k for low, high in ranges for k in range(low, high + 1)]
    assert covered == list(range(21, 109))  # every key once


def test_a_folder_of_samples_becomes_a_soundfont_both_players_play_in_tune(key_folder, tmp_path):
    from composer_app.audio.instrument import SoundFontPiano
    from composer_app.audio.synth import SAMPLE_RATE, Voice

    samples, skipped = read_folder(key_folder)
    assert sorted((s.path.name, s.key, s.from_name) for s in samples) == [
        ("67.wav", 67, True), ("C3.wav", 48, True), ("Do4.wav", 60, True), ("G3.wav", 55, True),
        ("piano_C5_forte.wav", 72, True), ("take 7.wav", 64, False)]  # the unnamed one heard as E4
    assert len(skipped) == 2 and any("broken.wav" in s for s in skipped) and any("silent" in s for s in skipped)
    # loudness evened: a soft and a loud key come out alike
    loudness = [float(np.sqrt(np.mean(s.samples[: s.rate // 2] ** 2))) for s in samples]
    assert max(loudness) / min(loudness) < 1.05
    data = build_piano(samples, "Mi piano")
    font = read_soundfont(data)
    check(font)
    assert font.presets() == [(0, 0, "Mi piano")]
    path = tmp_path / "mine.sf2"
    path.write_bytes(data)
    pitches = [36, 50, 57, 61, 64, 66, 70, 76, 84, 96]  # sampled keys and keys between and beyond them
    piano = SoundFontPiano(path)
    played = piano.render([Voice(i * 0.5, 0.45, k, 100) for i, k in enumerate(pitches)])
    soundfile.write(str(tmp_path / "app.wav"), played, SAMPLE_RATE)
    assert [n.pitch for n in transcribe(load_audio(tmp_path / "app.wav"), melody=True)] == pitches
    assert 0.03 < float(np.sqrt(np.mean(played ** 2))) < 0.3 and float(np.max(np.abs(played))) < 1.0
    melody = tmp_path / "m.mid"
    mid = mido.MidiFile()
    track = mido.MidiTrack()
    mid.tracks.append(track)
    for k in pitches:
        track += [mido.Message("note_on", note=k, velocity=100, time=0),
                  mido.Message("note_off", note=k, velocity=0, time=440), mido.Message("note_on", note=k, velocity=0, time=40)]
    mid.save(str(melody))
    subprocess.run(["fluidsynth", "-ni", "-F", str(tmp_path / "fs.wav"), "-r", "44100", str(path), str(melody)],
                   check=True, capture_output=True, timeout=60)
    heard = [n.pitch for n in transcribe(load_audio(tmp_path / "fs.wav"), melody=True)]
    assert heard[: len(pitches)] == pitches


def test_instrument_command_writes_the_soundfont_and_refuses_a_folder_without_samples(key_folder, tmp_path):
    out = tmp_path / "my-piano.sf2"
    run = subprocess.run([sys.executable, "-m", "composer_app", "instrument", str(key_folder), "-o", str(out),
                          "--json"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    info = json.loads(run.stdout)
    assert info["keys"] == [48, 55, 60, 64, 67, 72] and info["ranges"][0] == [21, 51] and info["ranges"][-1] == [70, 108]
    check(read_soundfont(out.read_bytes()))
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "readme.txt").write_text("no sound here")
    for folder in (empty, tmp_path / "missing"):
        bad = subprocess.run([sys.executable, "-m", "composer_app", "instrument", str(folder), "-o",
                              str(tmp_path / "x.sf2")], capture_output=True, text=True, timeout=60)
        assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr, bad.stderr
        assert not (tmp_path / "x.sf2").exists()


def test_without_tinysoundfont_a_soundfont_plays_as_its_sfz_copy_in_tune(key_folder, tmp_path, monkeypatch):
    """A plain `pip install` has no tinysoundfont (it comes --no-deps from the set-up scripts): the app's own
    piano, a .sf2, then plays through sfizz from an SFZ copy in the cache, in tune."""
    import sys

    from composer_app.audio.instrument import SoundFontPiano, open_instrument
    from composer_app.audio.rendering import InstrumentError
    from composer_app.audio.sfz_piano import SfzPiano
    from composer_app.audio.synth import SAMPLE_RATE, Voice

    monkeypatch.setenv("COMPOSER_APP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setitem(sys.modules, "tinysoundfont", None)  # import tinysoundfont raises ImportError
    path = tmp_path / "Piano de casa.sf2"
    path.write_bytes(build_piano(read_folder(key_folder)[0], "Mi piano"))
    with pytest.raises(InstrumentError):
        SoundFontPiano(path)
    piano = open_instrument(path)
    assert isinstance(piano, SfzPiano) and piano.name == "Mi piano (Piano de casa.sf2)"
    pitches = [36, 50, 57, 61, 64, 66, 70, 76, 84, 96]
    played = piano.render([Voice(i * 0.5, 0.45, k, 100) for i, k in enumerate(pitches)])
    soundfile.write(str(tmp_path / "sfz.wav"), played, SAMPLE_RATE)
    assert [n.pitch for n in transcribe(load_audio(tmp_path / "sfz.wav"), melody=True)] == pitches
    assert 0.03 < float(np.sqrt(np.mean(played ** 2))) < 0.3
    assert open_instrument(path).name == piano.name  # the second time from the cache
    assert len(list((tmp_path / "data" / "cache" / "sfz").iterdir())) == 1
