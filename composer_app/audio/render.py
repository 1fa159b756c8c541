"""Render a melody with the built-in piano, to samples or a WAV file."""

from __future__ import annotations

import io
import os
import wave
from pathlib import Path

import numpy as np

from composer_app.audio.synth import SAMPLE_RATE, Voice, to_int16
from composer_app.core.errors import ComposerError
from composer_app.core.melody import Melody
from composer_app.core.midifile import write_bytes_atomically
from composer_app.core.performance import sounding_notes

MAX_SECONDS = 30 * 60


class AudioExportError(ComposerError):
    """A WAV file could not be written."""

    bad_input = False  # the command could not finish (exit 1), not bad input


def melody_voices(melody: Melody, start_tick: int = 0, end_tick: int | None = None) -> list[Voice]:
    """Voices (in seconds from start_tick) for the notes that start in [start_tick, end_tick)."""
    return [Voice(s.start, max(0.02, s.end - s.start), s.pitch, s.velocity)
            for s in sounding_notes(melody, melody.tempos, start_tick, end_tick)]


def render_melody(melody: Melody, instrument=None, backing=()) -> np.ndarray:
    """The melody (and `backing`: the Notes that play with it, such as the chords' accompaniment, under the
    melody's tempo map) as mono samples at SAMPLE_RATE, played by instrument (default: the bundled SoundFont
    piano, or the numpy piano where it cannot play)."""
    from composer_app.audio.instrument import default_instrument

    voices = melody_voices(melody)
    if backing:
        under = Melody.from_notes([n.content() for n in backing],
                                  tempos=list(melody.tempos), time_signature=melody.time_signature)
        voices = sorted(voices + melody_voices(under), key=lambda v: v.start)
    if voices and max(v.start + v.length for v in voices) > MAX_SECONDS:
        raise AudioExportError(f"the melody lasts more than {MAX_SECONDS // 60} minutes, too long to render")
    return (instrument or default_instrument()).render(voices)


def wav_bytes(samples: np.ndarray, sample_rate: int = SAMPLE_RATE) -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(sample_rate)
        w.writeframes(to_int16(samples).tobytes())
    return buf.getvalue()


def write_wav(melody: Melody, path: str | os.PathLike, instrument=None, backing=()) -> float:
    """Render (with `backing`, as render_melody) and write a 16-bit mono WAV atomically; return its length in
    seconds."""
    samples = render_melody(melody, instrument, backing)
    try:
        write_bytes_atomically(Path(path), wav_bytes(samples))
    except ComposerError as e:
        raise AudioExportError(str(e)) from e
    return len(samples) / SAMPLE_RATE
