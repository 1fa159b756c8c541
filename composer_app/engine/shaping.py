"""What a continuation takes from its seed besides pitches: note lengths, dynamics and where it ends."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from composer_app.core.keys import Key
from composer_app.core.note import Note
from composer_app.core.settings import END_CHOICES  # noqa: F401  (re-exported)


@dataclass(frozen=True)
class RhythmProfile:
    """Seed note lengths in grid steps: the shortest and a bias per length (0 for the seed's most common)."""

    shortest: int
    bias: np.ndarray  # [max_duration + 1], index = length in steps

    @classmethod
    def of(cls, lengths: Sequence[int], max_duration: int, strength: float = 0.7) -> RhythmProfile | None:
        """None for seeds too short to say anything (fewer than three notes)."""
        if len(lengths) < 3:
            return None
        counts = np.zeros(max_duration + 1)
        for d in lengths:
            counts[min(max(int(d), 1), max_duration)] += 1
        smoothed = counts[1:] + 0.3
        bias = np.zeros(max_duration + 1, dtype=np.float32)
        bias[1:] = strength * np.log(smoothed / smoothed.max())
        return cls(min(min(max(int(d), 1), max_duration) for d in lengths), bias)


@dataclass(frozen=True)
class Dynamics:
    """Velocity = base + slope * (pitch - centre) + accent[metric class], fitted to the seed, kept in its span."""

    base: float
    slope: float
    centre: float
    accent: tuple[float, float, float]  # downbeat, other beats, off the beat
    low: int
    high: int

    @classmethod
    def of(cls, seed: Sequence[Note], bar_ticks: int, beat_ticks: int) -> Dynamics:
        velocities = np.array([n.velocity for n in seed], dtype=np.float64)
        if len(seed) == 0:
            return cls(80.0, 0.0, 60.0, (0.0, 0.0, 0.0), 80, 80)
        median = float(np.median(velocities))
        low, high = int(velocities.min()), int(velocities.max())
        pitches = np.array([n.pitch for n in seed], dtype=np.float64)
        centre = float(pitches.mean())
        if len(seed) < 4 or velocities.std() < 1.0:
            return cls(median, 0.0, centre, (0.0, 0.0, 0.0), low, high)
        classes = np.array([metric_class(n.tick, bar_ticks, beat_ticks) for n in seed])
        # least squares with a ridge, so a class the seed barely has stays near the mean
        x = np.zeros((len(seed), 4))
        x[:, 0] = pitches - centre
        x[np.arange(len(seed)), 1 + classes] = 1.0
        ridge = np.diag([0.5, 0.5, 0.5, 0.5])
        target = velocities - median
        coef = np.linalg.solve(x.T @ x + ridge, x.T @ target)
        return cls(median, float(coef[0]), centre, (float(coef[1]), float(coef[2]), float(coef[3])), low, high)

    def velocity(self, tick: int, pitch: int, bar_ticks: int, beat_ticks: int) -> int:
        v = round(self.base + self.slope * (pitch - self.centre) + self.accent[metric_class(tick, bar_ticks, beat_ticks)])
        return min(max(v, self.low, 1), self.high, 127)


def metric_class(tick: int, bar_ticks: int, beat_ticks: int) -> int:
    """0 on the downbeat, 1 on another beat, 2 off the beat."""
    if tick % bar_ticks == 0:
        return 0
    return 1 if tick % beat_ticks == 0 else 2


def final_onset(start: int, end: int, bar: int) -> int:
    """Where the last note of a continuation over [start, end) begins (grid steps): the last bar line
    inside it, else the last half-bar, else the start."""
    last_bar = (end - 1) // bar * bar
    if last_bar > start:
        return last_bar
    if bar % 2 == 0:
        half = (end - 1) // (bar // 2) * (bar // 2)
        if half > start:
            return half
    return start


def ending_pitch_classes(end_on: str, key: Key | None, fallback_pitch: int | None) -> set[int] | None:
    """Pitch classes the last note may take for an End-on choice; None means free."""
    if end_on == "free":
        return None
    if key is None:
        if fallback_pitch is None:
            return None
        key = Key(fallback_pitch % 12, "major")
    third = 3 if key.mode == "minor" else 4
    degrees = (0,) if end_on == "tonic" else (0, third, 7)
    return {(key.tonic + d) % 12 for d in degrees}
