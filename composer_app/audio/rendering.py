"""What every instrument shares: its error, how long a tail it renders, and how a rendering ends."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from composer_app.audio.synth import SAMPLE_RATE, Voice
from composer_app.core.errors import ComposerError

RELEASE_LIMIT_S = 2.0  # the longest tail rendered after the last note ends
SILENCE = 1e-4


class InstrumentError(ComposerError):
    """An instrument (a SoundFont, an SFZ file) cannot be played; the message says why."""


def trim_tail(x: np.ndarray, keep: int) -> np.ndarray:
    """Drop the silent end of a rendering, never before `keep` frames."""
    loud = np.flatnonzero(np.abs(x[keep:]) > SILENCE)
    end = keep + (int(loud[-1]) + 1 if len(loud) else 0)
    out = x[:end].copy()
    fade = min(len(out), 256)
    if fade:
        out[-fade:] *= np.linspace(1.0, 0.0, fade, dtype=np.float32)
    return out


def voice_events(voices: Iterable[Voice]) -> list[tuple[int, int, int, int]]:
    """Note-on and note-off events of voices as (frame, on, pitch, velocity), in order: at the same instant,
    note-offs before note-ons; velocities in 1..127."""
    events = []
    for v in voices:
        start = int(round(v.start * SAMPLE_RATE))
        end = max(start + 1, int(round((v.start + v.length) * SAMPLE_RATE)))
        events.append((start, 1, int(v.pitch), max(1, min(127, int(v.velocity)))))
        events.append((end, 0, int(v.pitch), 0))
    events.sort()
    return events
