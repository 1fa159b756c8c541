"""What every instrument shares: its error, how long a tail it renders, and how a rendering ends."""

from __future__ import annotations

import numpy as np

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
