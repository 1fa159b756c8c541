"""Sound from a microphone as it arrives, without Qt: the blocks a capture device delivers are kept from the
take's start (the count-in is left out), the level of the last block is measured for the meter, and a take
stops growing at MAX_SECONDS (so a forgotten recording never fills the memory). When the take ends, its sound
is resampled to the transcription's rate and heard (`heard_notes`)."""

from __future__ import annotations

import math

import numpy as np

from composer_app.audio.transcribe import SAMPLE_RATE, HeardNote, Progress, hear

MAX_SECONDS = 10 * 60  # a take is at most ten minutes (26 MB of 44.1 kHz float samples)
SILENCE_DB = -90.0


class SoundTake:
    """Mono float32 samples at `rate`; the take itself starts at `starts_at` (a `time.perf_counter()` time: after
    the count-in), placed in the sound by when its blocks arrived, not by when the capture was asked to start
    (a sound server may take a second to deliver its first block)."""

    def __init__(self, rate: int, channels: int = 1, starts_at: float | None = None,
                 max_seconds: float = MAX_SECONDS) -> None:
        if rate <= 0 or channels <= 0:
            raise ValueError("a capture has a positive rate and channel count")
        self.rate, self.channels = int(rate), int(channels)
        self.starts_at = starts_at
        self.first_sample_at: float | None = None  # when the first sample was heard (the earliest arrival allows)
        self.limit = round(max_seconds * rate)
        self.blocks: list[np.ndarray] = []
        self.frames = 0  # frames delivered, count-in included
        self.kept = 0  # frames kept
        self.level_db = SILENCE_DB  # peak of the last block, dBFS
        self.full = False

    def add(self, data: bytes | np.ndarray, sample_format: str = "int16", arrived: float | None = None) -> None:
        """One block as the device delivers it (interleaved int16 or float32 frames), and when it arrived."""
        if isinstance(data, np.ndarray):
            samples = data.astype(np.float32, copy=False).reshape(-1)
        elif sample_format == "int16":
            samples = np.frombuffer(data, "<i2").astype(np.float32) / 32768.0
        elif sample_format == "float32":
            samples = np.frombuffer(data, "<f4").astype(np.float32)
        else:
            raise ValueError(f"unknown sample format {sample_format}")
        usable = len(samples) - len(samples) % self.channels
        mono = samples[:usable].reshape(-1, self.channels).mean(axis=1)
        if len(mono):
            peak = float(np.max(np.abs(mono)))
            self.level_db = 20 * math.log10(peak) if peak > 1e-9 else SILENCE_DB
        self.frames += len(mono)
        if arrived is not None:  # this block's last frame was heard by `arrived` at the latest
            start = arrived - self.frames / self.rate
            self.first_sample_at = start if self.first_sample_at is None else min(self.first_sample_at, start)
        room = self.limit - self.kept
        if len(mono) > room:
            mono, self.full = mono[:room], True
        if len(mono):
            self.blocks.append(mono.copy())
            self.kept += len(mono)

    @property
    def lead_frames(self) -> int:
        """The frames before the take starts (the count-in)."""
        if self.starts_at is None or self.first_sample_at is None:
            return 0
        return max(0, round((self.starts_at - self.first_sample_at) * self.rate))

    @property
    def seconds(self) -> float:
        """How long the take is (without the count-in)."""
        return max(0, self.kept - self.lead_frames) / self.rate

    def samples(self) -> np.ndarray:
        """The take as mono float32 at the transcription's rate (22,050 Hz), from where it starts."""
        import soxr

        joined = np.concatenate(self.blocks) if self.blocks else np.zeros(0, np.float32)
        joined = joined[self.lead_frames:]
        if self.rate != SAMPLE_RATE and len(joined):
            joined = soxr.resample(joined, self.rate, SAMPLE_RATE)
        return np.ascontiguousarray(joined, dtype=np.float32)


def heard_notes(take: SoundTake, melody: bool = True, source: str = "voice",
                progress: Progress | None = None) -> list[HeardNote]:
    """The notes heard in a take, seconds from the take's start: a voice's (sung or hummed), or an instrument's
    (its melody line unless `melody` is False)."""
    samples = take.samples()
    if len(samples) < SAMPLE_RATE // 10:
        return []
    return hear(samples, source, melody=melody, progress=progress)


def level_fraction(level_db: float, floor_db: float = -60.0) -> float:
    """A meter's fill (0-1) for a level in dBFS: -60 dB and below is empty, 0 dB is full."""
    return max(0.0, min(1.0, (level_db - floor_db) / -floor_db))


__all__ = ["MAX_SECONDS", "SoundTake", "heard_notes", "level_fraction"]
