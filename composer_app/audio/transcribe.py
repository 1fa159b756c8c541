"""Audio to notes: a recording (WAV, FLAC, OGG; MP3 where libsndfile reads it) becomes (start, end, pitch,
velocity) notes, by Spotify's basic-pitch model (Apache-2.0, resources/models/basic-pitch/nmp.onnx) run on the
app's own ONNX Runtime.

Loading is soundfile's (libsndfile), resampling soxr's. The model hears 2-second windows (43,844 samples at
22,050 Hz) that overlap by 30 frames; of each window's 172 frames the middle 142 are kept and every kept frame is
placed at its own time (window start + frame x 256 samples): concatenating the kept frames would drift, because
142 frames span 36,352 samples while the windows move on by 36,164 (about 0.3 s a minute; basic-pitch#190).
The frames become notes as basic-pitch decodes them (onset peaks followed while the note's frames stay on, then
the remaining energy taken greedily: its "melodia trick"), written here in numpy so the app needs neither
librosa nor scipy.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from composer_app.core.errors import ComposerError
from composer_app.core.formats import openable_suffixes

SAMPLE_RATE = 22050
HOP = 256
WINDOW = SAMPLE_RATE * 2 - HOP  # 43,844 samples
OVERLAP_FRAMES = 30
WINDOW_FRAMES = 172
KEEP = WINDOW_FRAMES - OVERLAP_FRAMES  # 142
WINDOW_HOP = WINDOW - OVERLAP_FRAMES * HOP  # 36,164 samples
LOWEST = 21  # the model's 88 rows are the piano's keys, A0 first
MAX_SECONDS = 20 * 60
# of hear_either's time, the pitch track's when an instrument is then heard (a minute of piano: 3.0 s, then 1.1 s)
SUNG_SHARE = 0.74
Progress = Callable[[float], None]  # told the share of the work done, 0 to 1, from the thread doing it
AUDIO_SUFFIXES = openable_suffixes("recording")  # core.formats: the one table of what opens


class AudioError(ComposerError):
    """A recording cannot be read or transcribed; the message says why in one sentence."""

    bad_input = True


@dataclass(frozen=True)
class HeardNote:
    start: float  # seconds
    end: float
    pitch: int
    velocity: int


def model_path() -> Path:
    from composer_app.paths import resources_dir

    return resources_dir() / "models" / "basic-pitch" / "nmp.onnx"


def load_audio(path: str | os.PathLike) -> np.ndarray:
    """Mono samples at 22,050 Hz; AudioError for anything that is not a readable recording. The file is read
    and resampled five seconds at a time, so a long, many-channel or high-rate file never sits in memory whole
    (20 minutes at most: 106 MB of samples at 22,050 Hz, whatever the file's rate and channels)."""
    import soundfile
    import soxr

    path = Path(path)
    if not path.exists():
        raise AudioError(f"{path.name}: no such file", "missing")
    if path.is_dir():
        raise AudioError(f"{path.name}: it is a folder, not a recording", "folder")
    too_long = AudioError(f"{path.name}: the recording lasts more than {MAX_SECONDS // 60} minutes", "too_long")
    parts: list[np.ndarray] = []
    try:
        with soundfile.SoundFile(str(path)) as f:
            rate = f.samplerate
            if rate <= 0 or f.channels <= 0:
                raise ValueError("no samples")
            if f.frames / rate > MAX_SECONDS:
                raise too_long
            stream = soxr.ResampleStream(rate, SAMPLE_RATE, 1, dtype="float32") if rate != SAMPLE_RATE else None
            read = 0
            while True:
                block = f.read(frames=rate * 5, dtype="float32", always_2d=True)
                if not len(block):
                    break
                read += len(block)
                if read > (MAX_SECONDS + 5) * rate:  # a header that under-states the length
                    raise too_long
                mono = np.ascontiguousarray(block.mean(axis=1), dtype=np.float32)
                parts.append(stream.resample_chunk(mono) if stream is not None else mono)
            if stream is not None:
                parts.append(stream.resample_chunk(np.zeros(0, np.float32), last=True))
    except AudioError:
        raise
    except FileNotFoundError as e:
        raise AudioError(f"{path.name}: no such file", "missing") from e
    except (RuntimeError, ValueError, OSError, TypeError, MemoryError) as e:  # LibsndfileError is a RuntimeError
        raise AudioError(f"{path.name}: it cannot be read as a recording (WAV, FLAC or OGG)", "unreadable") from e
    samples = np.concatenate(parts) if parts else np.zeros(0, np.float32)
    return np.ascontiguousarray(np.nan_to_num(samples, nan=0.0, posinf=0.0, neginf=0.0), dtype=np.float32)


def sounds_like_noise(samples: np.ndarray, limit: float = 0.2) -> bool:
    """True when the louder parts of a recording are noise (hiss, wind, a fan): the median spectral flatness
    (50-5,000 Hz) of its frames above 1% of the loudest is over `limit`. Measured: white noise 0.56, pink 0.32;
    piano, flute and sung-like melodies 0.000-0.002."""
    n, hop = 2048, 1024
    if len(samples) < n:
        return False
    frames = np.lib.stride_tricks.sliding_window_view(samples, n)[::hop]
    rms = np.sqrt((frames.astype(np.float64) ** 2).mean(axis=1))
    loud = frames[rms > rms.max() * 0.01] if rms.max() > 0 else frames[:0]
    if not len(loud):
        return False
    spectrum = np.abs(np.fft.rfft(loud * np.hanning(n), axis=1)) ** 2
    freqs = np.fft.rfftfreq(n, 1 / SAMPLE_RATE)
    band = spectrum[:, (freqs > 50) & (freqs < 5000)] + 1e-12
    flatness = np.exp(np.log(band).mean(axis=1)) / band.mean(axis=1)
    return float(np.median(flatness)) > limit


def nothing_to_hear(samples: np.ndarray) -> bool:
    """Silence (or no samples at all) or noise: no notes to look for."""
    return not len(samples) or float(np.max(np.abs(samples))) < 1e-4 or sounds_like_noise(samples)


_sessions: dict[str, object] = {}


def listening_session(path: Path):
    """An ONNX Runtime session on the CPU (two threads at most) for one of the bundled listening models, opened
    once: basic-pitch's here, CREPE's in pitch_track.py."""
    key = str(path)
    if key not in _sessions:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = max(1, min(2, os.cpu_count() or 1))
        _sessions[key] = ort.InferenceSession(key, options, providers=["CPUExecutionProvider"])
    return _sessions[key]


def _model():
    return listening_session(model_path())


def posteriorgrams(samples: np.ndarray, batch: int = 8, progress: Progress | None = None
                   ) -> tuple[np.ndarray, np.ndarray]:
    """(frames, onsets): [n_frames, 88] note and onset activations, frame k at k x 256 samples (`progress`
    is told the share of windows heard after each batch)."""
    pad = OVERLAP_FRAMES * HOP // 2
    audio = np.concatenate([np.zeros(pad, np.float32), samples, np.zeros(WINDOW, np.float32)])
    starts = list(range(0, max(1, len(samples) + pad), WINDOW_HOP))
    n_frames = int(np.ceil(len(samples) / HOP)) + 1
    frames = np.zeros((n_frames, 88), np.float32)
    onsets = np.zeros((n_frames, 88), np.float32)
    session = _model()
    half = OVERLAP_FRAMES // 2
    for i in range(0, len(starts), batch):
        chunk = starts[i:i + batch]
        x = np.stack([audio[s:s + WINDOW] for s in chunk])[:, :, None]
        note, onset, _contour = session.run(["StatefulPartitionedCall:1", "StatefulPartitionedCall:2",
                                             "StatefulPartitionedCall:0"], {"serving_default_input_2:0": x})
        for w, s in enumerate(chunk):
            # kept frame j of this window sounds at s + (half + j) x 256 - pad samples of the recording
            first = (s + half * HOP - pad) / HOP
            index = np.rint(first + np.arange(KEEP)).astype(int)
            ok = (index >= 0) & (index < n_frames)
            np.maximum.at(frames, index[ok], note[w, half:half + KEEP][ok])
            np.maximum.at(onsets, index[ok], onset[w, half:half + KEEP][ok])
        if progress is not None:
            progress(min(1.0, (i + len(chunk)) / len(starts)))
    return frames, onsets


def decode(frames: np.ndarray, onsets: np.ndarray, onset_threshold: float = 0.5, frame_threshold: float = 0.3,
           min_frames: int = 11, energy_tol: int = 11, melodia: bool = True) -> list[tuple[int, int, int, float]]:
    """basic-pitch's note decoding: (start frame, end frame, pitch, amplitude) events."""
    n = frames.shape[0]
    if n < 3:
        return []
    diffs = [np.concatenate([np.zeros((k, 88)), frames])[k:] - np.concatenate([np.zeros((k, 88)), frames])[:-k]
             for k in (1, 2)]
    frame_diff = np.clip(np.min(diffs, axis=0), 0, None)
    frame_diff[:2] = 0
    if frame_diff.max() > 0:
        frame_diff = onsets.max() * frame_diff / frame_diff.max()
    onsets = np.maximum(onsets, frame_diff)  # onsets inferred from rising frames too
    peak = np.zeros_like(onsets)
    inner = (onsets[1:-1] > onsets[:-2]) & (onsets[1:-1] > onsets[2:])
    peak[1:-1][inner] = onsets[1:-1][inner]
    times, pitches = np.where(peak >= onset_threshold)
    energy = frames.astype(np.float64).copy()
    events = []
    for start, p in zip(times[::-1], pitches[::-1]):  # backwards in time
        if start >= n - 1:
            continue
        i, k = start + 1, 0
        while i < n - 1 and k < energy_tol:
            k = k + 1 if energy[i, p] < frame_threshold else 0
            i += 1
        i -= k
        if i - start <= min_frames:
            continue
        energy[start:i, max(0, p - 1):p + 2] = 0
        events.append((int(start), int(i), int(p) + LOWEST, float(frames[start:i, p].mean())))
    while melodia and energy.max() > frame_threshold:
        mid, p = np.unravel_index(int(np.argmax(energy)), energy.shape)
        energy[mid, p] = 0
        ends = []
        for step in (1, -1):
            i, k = mid + step, 0
            while 0 < i < n - 1 and k < energy_tol:
                k = k + 1 if energy[i, p] < frame_threshold else 0
                energy[i, max(0, p - 1):p + 2] = 0
                i += step
            ends.append(i - step - step * k)
        end, start = ends[0], ends[1]
        if end - start <= min_frames:
            continue
        events.append((int(start), int(end), int(p) + LOWEST, float(frames[start:end, p].mean())))
    return sorted(events)


def transcribe(samples: np.ndarray, melody: bool = False, progress: Progress | None = None) -> list[HeardNote]:
    """The notes of mono 22,050 Hz samples; with `melody`, only the strongest line (one note at a time). None
    in silence or in noise."""
    if nothing_to_hear(samples):
        return []
    frames, onsets = posteriorgrams(samples, progress=progress)
    seconds = HOP / SAMPLE_RATE
    notes = [HeardNote(s * seconds, e * seconds, p, int(np.clip(round(127 * a), 20, 127)))
             for s, e, p, a in decode(frames, onsets)]
    return melody_line(notes) if melody else notes


SOURCES = ("instrument", "voice")  # what a recording holds: a piano or other instrument, or singing/humming


def hear(samples: np.ndarray, source: str = "instrument", melody: bool = False,
         progress: Progress | None = None) -> list[HeardNote]:
    """The notes of a recording by what it holds: an instrument (basic-pitch; every note, or with `melody` the
    strongest line) or a voice (sung or hummed: one pitch at a time, by the pitch tracker of pitch_track.py,
    which is the better of the two on sung material: docs/sound-in.md)."""
    if source not in SOURCES:
        raise AudioError("what was recorded is 'instrument' or 'voice'", "usage")
    if source == "instrument":
        return transcribe(samples, melody=melody, progress=progress)
    if nothing_to_hear(samples):
        return []
    from composer_app.audio.pitch_track import pitch_track, sung_notes

    return sung_notes(samples, pitch_track(samples, progress=progress))


def hear_either(samples: np.ndarray, melody: bool = False,
                progress: Progress | None = None) -> tuple[str, list[HeardNote]]:
    """What a recording holds ("voice" when its pitch sways as a singer's does: pitch_track.sounds_sung) and
    its notes heard that way (`progress`: the pitch track is SUNG_SHARE of the work when an instrument is
    heard after it)."""
    if nothing_to_hear(samples):
        return "instrument", []
    from composer_app.audio.pitch_track import pitch_track, sounds_sung, sung_notes

    track = pitch_track(samples, progress=progress and (lambda f: progress(SUNG_SHARE * f)))
    if sounds_sung(track):
        if progress is not None:
            progress(1.0)
        return "voice", sung_notes(samples, track)
    return "instrument", transcribe(samples, melody=melody, progress=progress and (
        lambda f: progress(SUNG_SHARE + (1 - SUNG_SHARE) * f)))


def melody_line(notes: list[HeardNote], overlap: float = 0.6) -> list[HeardNote]:
    """One note at a time, the strongest: notes taken loudest (and longest) first, each kept unless it overlaps
    a kept one by more than `overlap` of the shorter. A melody's overtones and echoes, which the model also
    hears, are quieter than its notes (the highest line would keep them)."""
    kept: list[HeardNote] = []
    for n in sorted(notes, key=lambda n: -n.velocity * (n.end - n.start) ** 0.5):
        if all(min(n.end, k.end) - max(n.start, k.start) <= overlap * min(n.end - n.start, k.end - k.start)
               for k in kept):
            kept.append(n)
    return sorted(kept, key=lambda n: n.start)


def estimate_tempo(notes: list[HeardNote], low: float = 60.0, high: float = 180.0) -> float:
    """The tempo (quarter notes a minute) whose 16th-note grid the note starts fit best: each start scores by how
    far, in seconds, it lies from the grid (placed where the starts fall), so a few milliseconds of a singer's or
    player's unevenness weigh the same at every tempo; between tempos that fit alike (60, 90, 120 for quarter
    notes at 120), the one nearer 110 wins."""
    starts = np.array([n.start for n in notes])
    if len(starts) < 4:
        return 120.0
    best, best_score = 120.0, -1.0
    for bpm in np.arange(low, high + 0.01, 0.5):
        step = 60.0 / bpm / 4
        angles = 2 * np.pi * starts / step
        phase = np.arctan2(np.sin(angles).mean(), np.cos(angles).mean())
        off = (angles - phase + np.pi) % (2 * np.pi) - np.pi  # each start's distance from the grid, in radians
        seconds = off / (2 * np.pi) * step
        fit = float(np.mean(np.exp(-(seconds / 0.02) ** 2)))
        score = fit - 0.05 * abs(np.log2(bpm / 110))  # a mild preference for moderate tempos
        if score > best_score:
            best, best_score = float(bpm), score
    return best


def notes_to_melody(notes: list[HeardNote], timing: str = "grid", bpm: float | None = None, name: str = "Recording",
                    monophonic: bool = False):
    """A Melody of the heard notes: "played" keeps their timing (at 120 quarter notes a minute, a second is
    two quarters); "grid" places them on 16th notes at the estimated (or given) tempo."""
    from composer_app.core.melody import Melody
    from composer_app.core.timing import TICKS_PER_QUARTER, TempoChange

    if timing not in ("played", "grid"):
        raise AudioError("timing is 'played' or 'grid'", "bad_option")
    if timing == "played":
        bpm = 120.0
    elif bpm is None:
        bpm = estimate_tempo(notes)
    ticks_per_second = TICKS_PER_QUARTER * bpm / 60
    step = TICKS_PER_QUARTER // 4
    rows = []
    for n in notes:
        start, end = n.start * ticks_per_second, n.end * ticks_per_second
        if timing == "grid":
            start = round(start / step) * step
            end = max(start + step, round(end / step) * step)
        rows.append([max(0, round(start)), max(1, round(end - start)), n.pitch, n.velocity])
    if monophonic:  # a melody: each note ends where the next begins at the latest
        rows.sort()
        for a, b in zip(rows, rows[1:]):
            if b[0] > a[0]:
                a[1] = min(a[1], b[0] - a[0])
    return Melody.from_notes([tuple(r) for r in rows], tempos=[TempoChange(0, round(60_000_000 / bpm))], name=name)


def recording_melody(path: str | os.PathLike, timing: str = "grid", bpm: float | None = None,
                     melody: bool = True, source: str = "instrument"):
    """A recording as a Melody document (its melody line by default), ready to continue."""
    notes = hear(load_audio(path), source, melody=melody)
    melody = melody or source == "voice"
    if not notes:
        raise AudioError(f"{Path(path).name}: no notes were heard in it", "silent")
    return notes_to_melody(notes, timing, bpm, name=Path(path).stem, monophonic=melody)

