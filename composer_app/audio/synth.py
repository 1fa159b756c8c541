"""The built-in piano: additive synthesis in numpy (velocity, envelope, release, polyphony, no clicks)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

SAMPLE_RATE = 44_100
RELEASE_S = 0.12
ATTACK_S = 0.003


@dataclass(frozen=True)
class Voice:
    """A note to render: start and length in seconds, MIDI pitch and velocity."""

    start: float
    length: float
    pitch: int
    velocity: int


def frequency(pitch: int) -> float:
    return 440.0 * 2.0 ** ((pitch - 69) / 12)


def render_voice(pitch: int, velocity: int, length: float, sample_rate: int = SAMPLE_RATE) -> np.ndarray:
    """One piano-like note (mono float32), including its release tail."""
    f0 = frequency(pitch)
    total = length + RELEASE_S
    n = max(1, int(total * sample_rate))
    t = np.arange(n, dtype=np.float32) / sample_rate
    v = velocity / 127.0
    brightness = 0.35 + 0.65 * v
    out = np.zeros(n, dtype=np.float32)
    inharmonicity = 0.0004 * (1 + (pitch - 21) / 88)
    for k in range(1, 9):
        fk = f0 * k * np.sqrt(1 + inharmonicity * k * k)
        if fk >= sample_rate * 0.45:
            break
        amp = (brightness ** (k - 1)) / k
        decay = 1.2 + 0.9 * k + f0 / 400.0  # higher partials and higher notes die faster
        out += amp * np.exp(-decay * t) * np.sin(2 * np.pi * fk * t + 0.3 * k)
    env = np.ones(n, dtype=np.float32)
    attack = max(1, int(ATTACK_S * sample_rate))
    env[:attack] = np.linspace(0.0, 1.0, attack, dtype=np.float32)
    release_start = min(n, int(length * sample_rate))
    tail = n - release_start
    if tail > 0:  # a raised-cosine release: no click when the key is let go
        env[release_start:] *= 0.5 * (1 + np.cos(np.linspace(0, np.pi, tail, dtype=np.float32)))
    return (out * env * (0.15 + 0.85 * v) * 0.3).astype(np.float32)


def render(voices: Iterable[Voice], sample_rate: int = SAMPLE_RATE, tail: float = RELEASE_S) -> np.ndarray:
    """Mix voices into one mono float32 buffer, soft-limited to [-1, 1]."""
    voices = list(voices)
    if not voices:
        return np.zeros(0, dtype=np.float32)
    end = max(v.start + v.length for v in voices) + tail + 0.01
    out = np.zeros(int(end * sample_rate) + 1, dtype=np.float32)
    cache: dict[tuple[int, int, int], np.ndarray] = {}
    for v in voices:
        key = (v.pitch, v.velocity, int(v.length * 1000))
        wave = cache.get(key)
        if wave is None:
            wave = cache[key] = render_voice(v.pitch, v.velocity, v.length, sample_rate)
        i = int(v.start * sample_rate)
        out[i:i + len(wave)] += wave[: len(out) - i]
    return np.tanh(out).astype(np.float32)


def to_int16(samples: np.ndarray) -> np.ndarray:
    return (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2")
