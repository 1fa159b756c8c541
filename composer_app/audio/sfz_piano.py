"""An SFZ instrument (the bundled piano, or one a student chooses) played by sfizz through the pysfizz
package, whose wheels carry the synthesizer for Linux, macOS and Windows and need nothing but numpy."""

from __future__ import annotations

import atexit
import re
import threading
import weakref
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from composer_app.audio.rendering import RELEASE_LIMIT_S, InstrumentError, trim_tail, voice_events
from composer_app.audio.synth import SAMPLE_RATE, Voice

OFFLINE_BLOCK = 512
LIVE_BLOCK = 64  # frames a live key waits at most before it sounds (1.5 ms), on top of the audio buffer
# The bundled piano is recorded quietly; at this gain it plays as loud as TinySoundFont playing the SoundFont
# at the app's gain (measured in tests/audio/test_sfz.py).
GAIN = 4.02
MAX_SFZ_BYTES = 4 << 20
SAMPLE_QUALITY = 2  # sfizz's interpolation: 2 renders 3.5x faster than its best (10), no difference heard


_open_pianos: weakref.WeakSet = weakref.WeakSet()


@atexit.register
def _close_all() -> None:
    """The synthesizers go before the interpreter does (else the binding lists them as leaked on stderr)."""
    for piano in list(_open_pianos):
        piano.close()


class SfzPiano:
    """An .sfz instrument: passages, single notes and live keys, each on a synthesizer of its own."""

    live = True

    def __init__(self, path: str | Path) -> None:
        path = Path(path)
        label = path.name
        try:
            import pysfizz._sfizz as sfizz
        except ImportError as e:
            raise InstrumentError("the SFZ player (the pysfizz package) is not installed") from e
        try:
            if path.stat().st_size > MAX_SFZ_BYTES:
                raise InstrumentError(f"{label}: it is too large to be an SFZ instrument")
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as e:
            raise InstrumentError(f"{label}: it cannot be read ({e.strerror or e})") from e
        title = re.search(r"^//\s*instrument:\s*(.+)$", text, re.MULTILINE)
        self.preset_name = title.group(1).strip() if title else path.stem
        self.name = f"{self.preset_name} ({label})"
        self.path = path
        self._sfizz, self._label = sfizz, label
        self._lock, self._voice_lock, self._live_lock = threading.Lock(), threading.Lock(), threading.Lock()
        self._closed = False
        self._offline = self._open(OFFLINE_BLOCK)  # loaded here: a file sfizz cannot play is said now
        # Single notes and live keys get synthesizers of their own on first use, or from prepare(): each load
        # takes about 50 ms and holds the interpreter, so the window starts without them (and `render`
        # never loads them).
        self._voice = self._live = None
        self._pending = np.zeros(0, np.float32)  # live frames made but not yet asked for
        _open_pianos.add(self)

    def prepare(self) -> None:
        """Load the synthesizers of single notes and live keys now (on a worker thread, once the window is up)."""
        try:
            self._voice_synth()
            self._live_synth()
        except InstrumentError:
            pass  # the file played a moment ago; if it cannot now, the first note that needs it says so

    def close(self) -> None:
        """Let the synthesizers go; the piano plays silence from now on."""
        with self._lock, self._voice_lock, self._live_lock:
            self._closed = True
            self._offline = self._voice = self._live = None

    def _open(self, block: int):
        synth = self._sfizz.Synth(SAMPLE_RATE, block)
        synth.enable_freewheeling()  # offline: every sample is read before a note needs it
        synth.set_sample_quality(SAMPLE_QUALITY)
        if not synth.load_sfz_file(str(self.path)) or synth.get_num_regions() == 0:
            raise InstrumentError(f"{self._label}: the SFZ instrument cannot be loaded (no playable regions, or "
                                  "samples missing beside it)")
        return synth

    def _voice_synth(self):
        """The synthesizer of single notes, loaded on first need (no lock held while it loads)."""
        if self._voice is None and not self._closed:
            made = self._open(OFFLINE_BLOCK)
            with self._voice_lock:
                if self._voice is None and not self._closed:
                    self._voice = made
        return self._voice

    def _live_synth(self):
        """The synthesizer of live keys, loaded on first need (no lock held while it loads, so the audio
        thread never waits for it). Live keys run in real time: the start of every sample is in memory and
        sfizz's own threads bring the rest while it sounds. Waiting for it instead (freewheeling) stalled the
        audio thread up to 3 ms the first time a sample was used and gave dropouts (benchmarks/thru_latency.py)."""
        if self._live is None and not self._closed:
            made = self._open(LIVE_BLOCK)
            made.disable_freewheeling()
            with self._live_lock:
                if self._live is None and not self._closed:
                    self._live = made
        return self._live

    @staticmethod
    def _block(synth) -> np.ndarray:
        left, right = synth.render_block()
        return (np.asarray(left, dtype=np.float32) + np.asarray(right, dtype=np.float32)) * (GAIN / 2)

    # -- offline ---------------------------------------------------------------------------
    def render_voice(self, pitch: int, velocity: int, seconds: float) -> np.ndarray:
        return self._render([Voice(0.0, seconds, pitch, velocity)], self._voice_synth(), self._voice_lock)

    def render(self, voices: Iterable[Voice]) -> np.ndarray:
        return self._render(voices, self._offline, self._lock)

    def _render(self, voices: Iterable[Voice], synth, lock: threading.Lock) -> np.ndarray:
        if synth is None:
            return np.zeros(0, np.float32)
        events = voice_events(voices)
        if not events:
            return np.zeros(0, np.float32)
        last = events[-1][0]
        total = last + int(RELEASE_LIMIT_S * SAMPLE_RATE)
        parts, pos, k = [], 0, 0
        with lock:
            synth.all_sound_off()
            while pos < total:
                while k < len(events) and events[k][0] < pos + OFFLINE_BLOCK:
                    at, on, pitch, velocity = events[k]
                    (synth.note_on if on else synth.note_off)(at - pos, pitch, velocity)
                    k += 1
                parts.append(self._block(synth))
                pos += OFFLINE_BLOCK
                if k == len(events) and synth.get_num_active_voices() == 0:
                    break
            synth.all_sound_off()
        return trim_tail(np.concatenate(parts)[:total], last)

    # -- live (thru) -------------------------------------------------------------------------
    def note_on(self, pitch: int, velocity: int) -> None:
        synth = self._live_synth()
        with self._live_lock:
            if synth is not None and synth is self._live:
                synth.note_on(0, int(pitch), max(1, min(127, int(velocity))))

    def note_off(self, pitch: int) -> None:
        with self._live_lock:
            if self._live is not None:
                self._live.note_off(0, int(pitch), 0)

    def all_notes_off(self) -> None:
        with self._live_lock:
            if self._live is not None:
                self._live.all_sound_off()
            self._pending = np.zeros(0, np.float32)

    def generate(self, frames: int) -> np.ndarray:
        with self._live_lock:
            if self._live is None:
                return np.zeros(frames, np.float32)
            out = [self._pending]
            have = len(self._pending)
            while have < frames:
                block = self._block(self._live)
                out.append(block)
                have += len(block)
            joined = np.concatenate(out)
            self._pending = joined[frames:]
            return joined[:frames]
