"""The metronome's click for the built-in sound: a short, bright tick (not a piano note), higher on the first
beat of a bar. Made once, in numpy: a 2 ms burst of a high sine with a fast decay and a touch of noise."""

from __future__ import annotations

import functools

import numpy as np

from composer_app.audio.synth import SAMPLE_RATE


@functools.lru_cache(maxsize=4)
def click(accent: bool, sample_rate: int = SAMPLE_RATE) -> np.ndarray:
    """Mono float32, about 30 ms; peak 0.5 (accent) or 0.35."""
    n = int(0.03 * sample_rate)
    t = np.arange(n) / sample_rate
    pitch = 2_000.0 if accent else 1_400.0
    decay = np.exp(-t / 0.004)
    noise = np.random.default_rng(7).standard_normal(n) * np.exp(-t / 0.001) * 0.3
    wave = (np.sin(2 * np.pi * pitch * t) + noise) * decay
    wave *= (0.5 if accent else 0.35) / max(1e-9, float(np.abs(wave).max()))
    return wave.astype(np.float32)
