"""Keys and scales, and Krumhansl-Schmuckler key detection."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from composer_app.core.note import Note

# Krumhansl-Kessler probe-tone profiles, tonic first.
MAJOR_PROFILE = np.array([6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88])
MINOR_PROFILE = np.array([6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17])

MAJOR_STEPS = (0, 2, 4, 5, 7, 9, 11)
MINOR_STEPS = (0, 2, 3, 5, 7, 8, 10)  # natural minor; harmonic/melodic notes allowed by `scale(…, loose=True)`

# Spelling as used in MIDI key signatures (and by mido).
MAJOR_NAMES = ["C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"]
MINOR_NAMES = ["Cm", "C#m", "Dm", "Ebm", "Em", "Fm", "F#m", "Gm", "G#m", "Am", "Bbm", "Bm"]
_ALIASES = {"Gb": 6, "C#": 1, "Cb": 11, "A#": 10, "D#": 3, "G#": 8, "Db": 1, "Fb": 4, "E#": 5, "B#": 0}
_LETTERS = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}


@dataclass(frozen=True, slots=True)
class Key:
    """A key: tonic pitch class (0 = C) and mode ('major' or 'minor')."""

    tonic: int
    mode: str = "major"

    def __post_init__(self) -> None:
        if not 0 <= self.tonic < 12 or self.mode not in ("major", "minor"):
            raise ValueError(f"not a key: tonic {self.tonic}, mode {self.mode}")

    @property
    def name(self) -> str:
        return (MAJOR_NAMES if self.mode == "major" else MINOR_NAMES)[self.tonic]

    def pitch_classes(self) -> frozenset[int]:
        """Pitch classes of the key's scale (natural minor plus the raised 7th for minor keys)."""
        steps = MAJOR_STEPS if self.mode == "major" else MINOR_STEPS + (11,)
        return frozenset((self.tonic + s) % 12 for s in steps)

    def contains(self, pitch: int) -> bool:
        return pitch % 12 in self.pitch_classes()

    def __str__(self) -> str:
        return self.name

    @classmethod
    def parse(cls, text: str) -> "Key":
        """Parse 'C', 'F#', 'Bb', 'Am', 'C#m', 'Eb minor', 'd minor'."""
        raw = text.strip()
        words = raw.replace("_", " ").split()
        mode = "major"
        if len(words) == 2 and words[1].lower() in ("major", "minor", "maj", "min"):
            raw, mode = words[0], "minor" if words[1].lower().startswith("min") else "major"
        elif raw.endswith("m") and len(raw) >= 2:
            raw, mode = raw[:-1], "minor"
        if not raw or raw[0].upper() not in _LETTERS:
            raise ValueError(f"not a key name: {text!r} (try C, F#, Bb, Am, C#m)")
        pc = _LETTERS[raw[0].upper()]
        for accidental in raw[1:]:
            if accidental in "#♯":
                pc += 1
            elif accidental in "b♭":
                pc -= 1
            else:
                raise ValueError(f"not a key name: {text!r} (try C, F#, Bb, Am, C#m)")
        return cls(pc % 12, mode)


@dataclass(frozen=True, slots=True)
class KeyEstimate:
    """A detected key with a confidence in [0, 1] (the profile correlation, floored at 0)."""

    key: Key
    confidence: float


def pitch_class_histogram(notes: Iterable[Note]) -> np.ndarray:
    """Duration-weighted histogram of pitch classes."""
    hist = np.zeros(12)
    for n in notes:
        hist[n.pitch % 12] += max(n.duration, 1)
    return hist


def _profiles() -> np.ndarray:
    rows = [np.roll(MAJOR_PROFILE, t) for t in range(12)] + [np.roll(MINOR_PROFILE, t) for t in range(12)]
    return np.array(rows)


_PROFILES = _profiles()


def detect_key(notes: Iterable[Note]) -> KeyEstimate | None:
    """Most likely key of the notes (Krumhansl-Schmuckler), or None when there are no notes."""
    hist = pitch_class_histogram(notes)
    if hist.sum() == 0:
        return None
    if np.count_nonzero(hist) == 1:
        return KeyEstimate(Key(int(np.argmax(hist)), "major"), 0.0)
    x = hist - hist.mean()
    if not np.any(x):  # every pitch class equally often (a chromatic run): no key stands out
        return KeyEstimate(Key(int(np.argmax(hist)), "major"), 0.0)
    p = _PROFILES - _PROFILES.mean(axis=1, keepdims=True)
    corr = (p @ x) / (np.linalg.norm(p, axis=1) * np.linalg.norm(x))
    best = int(np.argmax(corr))
    key = Key(best % 12, "major" if best < 12 else "minor")
    return KeyEstimate(key, float(max(0.0, corr[best])))


def melody_key(melody) -> tuple[Key | None, bool]:
    """The key a melody is in: the key signature its file declares when it has one (True), otherwise the
    detected key of at least three notes (False); (None, False) without either."""
    declared = getattr(melody, "key_signature", None)
    if declared:
        try:
            return Key.parse(declared), True
        except ValueError:
            pass
    notes = list(melody)
    estimate = detect_key(notes) if len(notes) >= 3 else None
    return (estimate.key if estimate else None), False
