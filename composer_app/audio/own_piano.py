"""A student's own piano from a folder of WAV key samples: each file's key from its name (C4.wav, 60.wav,
Do4.wav, Piano_F#3_forte.wav) or, when the name says none, heard in its sound; every key of the piano played by
repitching the nearest sample; loudness evened out; saved as a SoundFont (.sf2) that the app's SoundFont
player (TinySoundFont) and any other SoundFont player play.

No maintained Python library writes SoundFonts (sf2utils only reads them; sf-creator writes SFZ), so the file is
written by the app's own SoundFont module (audio/sf2.py), which also reads and checks SoundFonts."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from composer_app.audio.sf2 import KeyZone, sampled_instrument
from composer_app.audio.transcribe import AUDIO_SUFFIXES, AudioError
from composer_app.core.note_names import parse_pitch

LOWEST, HIGHEST = 21, 108  # the piano's keys, A0 to C8
MAX_SAMPLE_SECONDS = 12.0  # a key's sample is cut (and faded) after this
MAX_FILES = 512
MAX_FILE_BYTES = 200 << 20
TARGET_RMS = 0.045  # each sample's first half second at this loudness: through the player's gain, as loud as the bundled piano
HEADROOM = 0.97


@dataclass
class KeySample:
    """A sample of one key: mono float32 at `rate`, starting at its attack."""

    path: Path
    key: int
    from_name: bool  # the key was read from the file name (else heard)
    samples: np.ndarray
    rate: int


def key_from_name(stem: str) -> int | None:
    """The key a file name gives: a note name in either language (C4, F#3, Bb2, Do4, Solb2) or a MIDI number
    21-108, as the whole name or as one of its parts (Piano_C4_forte, 60-soft); None when it gives none."""
    parts = [p for p in re.split(r"[\s_.\-]+", stem) if p]
    for part in reversed(parts):
        if part.isdigit():
            value = int(part)
            if LOWEST <= value <= HIGHEST and len(part) >= 2:
                return value
            continue
        pitch = parse_pitch(part)
        if pitch is not None:
            return pitch
    return None


def heard_key(samples: np.ndarray, rate: int) -> int | None:
    """The key a sample sounds, by the transcription model: the strongest note of its first two seconds."""
    import soxr

    from composer_app.audio.transcribe import SAMPLE_RATE, transcribe

    clip = samples[: rate * 2]
    if rate != SAMPLE_RATE:
        clip = soxr.resample(clip, rate, SAMPLE_RATE)
    notes = transcribe(np.ascontiguousarray(clip, dtype=np.float32))
    if not notes:
        return None
    best = max(notes, key=lambda n: n.velocity * (n.end - n.start))
    return best.pitch


def read_sample(path: Path) -> tuple[np.ndarray, int]:
    """A WAV (FLAC, OGG) file as mono float32 and its rate; AudioError in one sentence when it cannot be."""
    import soundfile

    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise AudioError(f"{path.name}: it is larger than {MAX_FILE_BYTES >> 20} MB", "too_long")
        info = soundfile.info(str(path))
        frames = min(info.frames, int(info.samplerate * (MAX_SAMPLE_SECONDS + 2)))
        data, rate = soundfile.read(str(path), frames=frames, dtype="float32", always_2d=True)
    except AudioError:
        raise
    except (RuntimeError, ValueError, OSError, TypeError) as e:
        raise AudioError(f"{path.name}: it cannot be read as a recording (WAV, FLAC or OGG)", "unreadable") from e
    mono = data.mean(axis=1)
    if rate > 48000:  # SoundFont players expect ordinary rates; 96/192 kHz samples come down to 48 kHz
        import soxr

        mono, rate = soxr.resample(mono, rate, 48000), 48000
    return np.ascontiguousarray(mono, dtype=np.float32), int(rate)


def trimmed(samples: np.ndarray, rate: int) -> np.ndarray:
    """From just before the attack (the first sample above 1/30 of the peak) to at most MAX_SAMPLE_SECONDS, with
    a short fade at the end; empty for silence."""
    peak = float(np.max(np.abs(samples))) if len(samples) else 0.0
    if peak < 1e-4:
        return np.zeros(0, np.float32)
    start = max(0, int(np.argmax(np.abs(samples) > peak / 30)) - rate // 500)
    out = samples[start:start + int(MAX_SAMPLE_SECONDS * rate)].copy()
    fade = min(len(out), rate // 20)
    out[len(out) - fade:] *= np.linspace(1, 0, fade, dtype=np.float32)
    return out


def evened(samples: np.ndarray, rate: int) -> np.ndarray:
    """Brought to a common loudness: the first half second's RMS at TARGET_RMS, peaks kept under full scale."""
    head = samples[: rate // 2]
    rms = float(np.sqrt(np.mean(head.astype(np.float64) ** 2))) if len(head) else 0.0
    gain = TARGET_RMS / max(rms, 1e-6)
    peak = float(np.max(np.abs(samples))) * gain
    if peak > HEADROOM:
        gain *= HEADROOM / peak
    return (samples * gain).astype(np.float32)


def read_folder(folder: str | os.PathLike, progress=None) -> tuple[list[KeySample], list[str]]:
    """The key samples of a folder (subfolders included) and a sentence for each file left out."""
    folder = Path(folder)
    if not folder.is_dir():
        raise AudioError(f"{folder.name}: no such folder", "missing")
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in AUDIO_SUFFIXES)
    if len(files) > MAX_FILES:
        raise AudioError(f"{folder.name}: it has more than {MAX_FILES} recordings; keep one per key", "too_many")
    found: list[KeySample] = []
    skipped: list[str] = []
    for i, path in enumerate(files):
        if progress is not None:
            progress(i, len(files), path.name)
        try:
            raw, rate = read_sample(path)
        except AudioError as e:
            skipped.append(str(e))
            continue
        sound = trimmed(raw, rate)
        if len(sound) < rate // 20:
            skipped.append(f"{path.name}: it is silent")
            continue
        key = key_from_name(path.stem)
        from_name = key is not None
        if key is None:
            key = heard_key(sound, rate)
            if key is None:
                skipped.append(f"{path.name}: no key in its name (like C4 or Do4) and no note heard in it")
                continue
        found.append(KeySample(path, key, from_name, evened(sound, rate), rate))
    return found, skipped


def key_ranges(keys: list[int]) -> list[tuple[int, int]]:
    """For sorted distinct keys, the keys each plays: up to halfway to its neighbours, the lowest down to A0
    and the highest up to C8 (wider when a sample lies outside the piano)."""
    ranges = []
    for i, k in enumerate(keys):
        low = min(LOWEST, k) if i == 0 else (keys[i - 1] + k) // 2 + 1
        high = max(HIGHEST, k) if i == len(keys) - 1 else (k + keys[i + 1]) // 2
        ranges.append((low, high))
    return ranges


def build_piano(samples: list[KeySample], name: str = "My piano") -> bytes:
    """A SoundFont of the samples (one per key: when two give the same key, the first by file name)."""
    by_key: dict[int, KeySample] = {}
    for s in sorted(samples, key=lambda s: s.path.name):
        by_key.setdefault(s.key, s)
    keys = sorted(by_key)
    if not keys:
        raise AudioError("no key samples to build a piano from", "empty")
    zones = []
    for k, (low, high) in zip(keys, key_ranges(keys)):
        s = by_key[k]
        pcm = np.clip(np.round(s.samples * 32767), -32768, 32767).astype("<i2").tobytes()
        zones.append(KeyZone(s.path.stem, pcm, s.rate, k, low, high))
    return sampled_instrument(zones, name)


def save_piano(folder: str | os.PathLike, target: str | os.PathLike, name: str) -> tuple[list[KeySample], list[str], int]:
    """Read a folder's key samples, build the piano and save it at `target` (safely: the old file stays whole
    until the new one is written); the samples used, the files left out and the bytes written (nothing is
    written, and 0 returned, when no sample was usable)."""
    from composer_app.core.safe_save import save_bytes

    samples, skipped = read_folder(folder)
    if not samples:
        return [], skipped, 0
    data = build_piano(samples, name)
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    save_bytes(target, data, keep_backup=False)
    return samples, skipped, len(data)


__all__ = ["KeySample", "build_piano", "save_piano", "heard_key", "key_from_name", "key_ranges", "read_folder"]
