"""Recordings in every format read, and recordings that are not what they seem: one sentence each (exit code 2 on the command line, no traceback),
nothing written; odd but real recordings (8 channels, 192 kHz float) are heard; mutated WAV files never raise
anything but the one-sentence AudioError."""

import random
import subprocess
import sys

import numpy as np
import pytest
import soundfile

from composer_app.audio.transcribe import SAMPLE_RATE, AudioError, load_audio, transcribe
from composer_app.core.fuzz import mutate


def melody_tones(rate: int, seconds_each: float = 0.4, pitches=(60, 64, 67, 72, 67, 64, 60, 62)) -> np.ndarray:
    """A plain melody of decaying harmonic tones."""
    parts = []
    for p in pitches:
        t = np.arange(int(seconds_each * rate)) / rate
        f = 440 * 2 ** ((p - 69) / 12)
        tone = sum(np.sin(2 * np.pi * k * f * t) / k ** 2 for k in range(1, 5)) * np.exp(-3 * t)
        parts.append(0.3 * tone * np.minimum(1, t / 0.005))
    return np.concatenate(parts).astype(np.float32)


def cli(*args):
    return subprocess.run([sys.executable, "-m", "composer_app", *map(str, args)], capture_output=True, text=True,
                          timeout=120)


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    good = folder / "good.wav"
    soundfile.write(str(good), melody_tones(22050), 22050)
    files = {
        "empty": folder / "empty.wav",
        "truncated header": folder / "truncated.wav",
        "not audio": folder / "notes.wav",
        "silence": folder / "silence.wav",
        "noise": folder / "noise.wav",
    }
    files["empty"].write_bytes(b"")
    files["truncated header"].write_bytes(good.read_bytes()[:30])
    files["not audio"].write_text("these are my notes: C D E F G\n" * 40)
    soundfile.write(str(files["silence"]), np.zeros(22050 * 3, np.float32), 22050)
    noise = np.random.default_rng(1).standard_normal(22050 * 4).astype(np.float32) * 0.3
    soundfile.write(str(files["noise"]), noise, 22050)
    return folder, good, files


@pytest.mark.parametrize("kind, words", [("empty", "cannot be read as a recording"),
                                         ("truncated header", "cannot be read as a recording"),
                                         ("not audio", "cannot be read as a recording"),
                                         ("silence", "no notes were heard"),
                                         ("noise", "no notes were heard")])
def test_each_bad_recording_is_one_sentence_and_nothing_is_written(bad_files, kind, words):
    folder, _, files = bad_files
    out = folder / f"{kind}.mid"
    run = cli("transcribe", files[kind], "-o", out)
    assert run.returncode == 2 and words in run.stderr and run.stderr.count("\n") == 1, run.stderr
    assert "Traceback" not in run.stderr and not out.exists()


def test_eight_channels_and_192_khz_float_are_heard_like_the_plain_file(bad_files):
    folder, good, _ = bad_files
    plain = [n.pitch for n in transcribe(load_audio(good), melody=True)]
    assert plain == [60, 64, 67, 72, 67, 64, 60, 62]
    tones = melody_tones(192000)
    eight = folder / "eight.wav"
    soundfile.write(str(eight), np.tile(tones[:, None] / 2, (1, 8)), 192000, subtype="FLOAT")
    info = soundfile.info(str(eight))
    assert (info.channels, info.samplerate, info.subtype) == (8, 192000, "FLOAT")
    samples = load_audio(eight)
    assert abs(len(samples) - len(tones) * SAMPLE_RATE / 192000) < 64
    assert [n.pitch for n in transcribe(samples, melody=True)] == plain
    # FLAC, OGG and MP3 (the libsndfile that soundfile's wheels carry reads and writes MP3) are heard alike
    for suffix, fmt in ((".flac", "FLAC"), (".ogg", "OGG"), (".mp3", "MP3")):
        other = folder / f"tones{suffix}"
        soundfile.write(str(other), melody_tones(44100), 44100, format=fmt)
        assert [n.pitch for n in transcribe(load_audio(other), melody=True)] == plain, suffix


def test_a_two_hour_recording_is_refused_by_its_length_before_it_is_read(tmp_path):
    import resource
    import time

    long = tmp_path / "two-hours.flac"
    with soundfile.SoundFile(str(long), "w", 8000, 1, "PCM_16") as f:
        block = np.zeros(8000 * 600, np.int16)
        for _ in range(12):  # 12 x 10 minutes of silence
            f.write(block)
    assert soundfile.info(str(long)).duration == 7200
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    with pytest.raises(AudioError, match="lasts more than 20 minutes"):
        load_audio(long)
    assert time.perf_counter() - started < 1.0  # refused from the header, not after reading two hours
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000  # KB: nothing big was held
    run = cli("transcribe", long, "-o", tmp_path / "x.mid")
    assert run.returncode == 2 and "more than 20 minutes" in run.stderr and run.stderr.count("\n") == 1


def test_mutated_wav_files_give_notes_or_one_sentence(bad_files, tmp_path):
    _, good, _ = bad_files
    original = good.read_bytes()
    rng = random.Random(7)
    outcomes = {"heard": 0, "refused": 0}
    for case in range(150):
        path = tmp_path / f"case{case % 4}.wav"
        # every other case mutates the header (its first 64 bytes), the others the whole file
        path.write_bytes(mutate(original[:64], rng) + original[64:] if case % 2 else mutate(original, rng))
        try:
            samples = load_audio(path)
            transcribe(samples[: SAMPLE_RATE * 30])
            outcomes["heard"] += 1
        except AudioError as e:
            assert str(e).count(".") <= 2 and "\n" not in str(e)
            outcomes["refused"] += 1
    assert outcomes["heard"] > 10 and outcomes["refused"] > 10, outcomes
