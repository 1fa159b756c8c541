"""The app's own sound: the bundled piano as an SFZ instrument (sfizz through the pysfizz package, which a
plain `pip install` brings on Linux, macOS and Windows), another SFZ instrument, a SoundFont (.sf2/.sf3,
TinySoundFont through the tinysoundfont package, where installed), or the numpy piano of `synth.py` as the
fallback when none of them can play.

Every instrument renders mono float32 at SAMPLE_RATE: single notes (`render_voice`: audition, metronome),
whole passages (`render`: playback, `render` and WAV export), and, for the SoundFont, live notes held as
long as the key is (`note_on`/`note_off`/`generate`: MIDI thru into the built-in piano).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from composer_app.audio.rendering import RELEASE_LIMIT_S, InstrumentError, trim_tail, voice_events
from composer_app.audio.sf2 import SoundFontError, check, read_soundfont
from composer_app.audio.synth import SAMPLE_RATE, Voice
from composer_app.audio.synth import render as render_builtin
from composer_app.audio.synth import render_voice as render_builtin_voice

BUNDLED_INSTRUMENT = ("piano", "piano.sfz")  # resources/sounds/piano/piano.sfz (from piano.sf2)
MAX_SOUNDFONT_BYTES = 1 << 30
GAIN_DB = 12.0  # the piano preset is recorded quietly; this brings it to the level of the numpy piano


def bundled_instrument_path() -> Path:
    """The bundled piano: next to the sources, or inside a PyInstaller bundle."""
    from composer_app.paths import resources_dir

    return resources_dir().joinpath("sounds", *BUNDLED_INSTRUMENT)


def open_instrument(path: str | Path):
    """The instrument in a file: an SFZ instrument (.sfz) or a SoundFont (.sf2, .sf3); InstrumentError if not.
    Without the tinysoundfont package (a plain pip install leaves it out) a .sf2 plays as its SFZ copy."""
    from composer_app.audio.sfz_piano import SfzPiano

    path = Path(path)
    if path.suffix.lower() == ".sfz":
        return SfzPiano(path)
    if path.suffix.lower() == ".sf2" and not has_soundfont_player():
        return soundfont_as_sfz(path)
    return SoundFontPiano(path)


def has_soundfont_player() -> bool:
    try:
        import tinysoundfont  # noqa: F401
    except ImportError:
        return False
    return True


def checked_soundfont(path: Path) -> tuple[bytes, object]:
    """The bytes of a SoundFont and its structure, checked in Python before a synthesizer trusts them."""
    label = path.name
    try:
        if path.stat().st_size > MAX_SOUNDFONT_BYTES:
            raise InstrumentError(f"{label}: it is larger than {MAX_SOUNDFONT_BYTES >> 30} GB")
        data = path.read_bytes()
    except OSError as e:
        raise InstrumentError(f"{label}: it cannot be read ({e.strerror or e})") from e
    try:
        sf = read_soundfont(data, label)
        check(sf, label)
    except SoundFontError as e:
        raise InstrumentError(str(e)) from e
    return data, sf


def soundfont_as_sfz(path: Path, program: int = 0):
    """A SoundFont's piano played by sfizz: its preset written once as SFZ and WAV samples into the cache
    (by the file's contents, so an edited file is written again)."""
    import hashlib

    from composer_app.audio.sfz import piano_preset, preset_to_sfz
    from composer_app.audio.sfz_piano import SfzPiano
    from composer_app.core.user_folders import cache_dir

    data, sf = checked_soundfont(path)
    folder = cache_dir() / "sfz" / hashlib.sha256(data).hexdigest()[:24]
    try:
        preset = piano_preset(sf, program)
        made = next(iter(folder.glob("*.sfz")), None) or preset_to_sfz(sf, folder, preset)
    except SoundFontError as e:
        raise InstrumentError(f"{path.name}: {e}") from e
    except OSError as e:
        raise InstrumentError(f"{path.name}: it cannot be prepared for playing ({e.strerror or e})") from e
    piano = SfzPiano(made)
    piano.name = f"{piano.preset_name} ({path.name})"
    return piano


class BuiltinPiano:
    """Additive synthesis in numpy: always available, the fallback."""

    name = "synthesized piano"
    live = False

    def render_voice(self, pitch: int, velocity: int, seconds: float) -> np.ndarray:
        return render_builtin_voice(pitch, velocity, seconds)

    def render(self, voices: Iterable[Voice]) -> np.ndarray:
        return render_builtin(voices)


class SoundFontPiano:
    """A preset of a SoundFont (bank 0, program 0 when there is one), played by TinySoundFont."""

    live = True

    def __init__(self, path: str | Path, program: int = 0) -> None:
        path = Path(path)
        label = path.name
        data, _ = checked_soundfont(path)
        try:
            import tinysoundfont
        except ImportError as e:
            raise InstrumentError("playing .sf2/.sf3 SoundFonts needs the tinysoundfont package "
                                  "(pip install --no-deps tinysoundfont)") from e
        self.path = path
        # One synthesizer per use, each with its lock, so none waits for another: passages (playback thread,
        # WAV export), single notes (audition, metronome) and live keys (thru, pulled by the audio device).
        self._lock = threading.Lock()
        self._offline, self.preset_name = self._open(tinysoundfont, data, program, label)
        self._voice_lock = threading.Lock()
        self._voice, _ = self._open(tinysoundfont, data, program, label)
        self._live_lock = threading.Lock()
        self._live, _ = self._open(tinysoundfont, data, program, label)
        self.name = f"{self.preset_name} ({label})"

    @staticmethod
    def _open(tinysoundfont, data: bytes, program: int, label: str):
        """A synthesizer on the bytes that were checked (read once; never the file again, which may change)."""
        synth = tinysoundfont.Synth(gain=GAIN_DB, samplerate=SAMPLE_RATE)
        try:
            sfid = synth.sfload(data)
        except Exception as e:  # noqa: BLE001  (the library raises its own and OSError for bad files)
            raise InstrumentError(f"{label}: the SoundFont cannot be loaded; it may be damaged or compressed "
                                  "in a way this player does not support") from e
        bank, preset = 0, program
        name = synth.sfpreset_name(sfid, bank, preset)
        if name is None:  # no piano at 0:program: the first preset of bank 0 there is
            found = next(((b, p) for b in (0, 128) for p in range(128) if synth.sfpreset_name(sfid, b, p)), None)
            if found is None:
                raise InstrumentError(f"{label}: the SoundFont has no presets")
            bank, preset = found
            name = synth.sfpreset_name(sfid, bank, preset)
        synth.program_select(0, sfid, bank, preset)
        return synth, name

    # -- offline ---------------------------------------------------------------------------
    def _frames(self, synth, count: int) -> np.ndarray:
        if count <= 0:
            return np.zeros(0, np.float32)
        stereo = np.frombuffer(synth.generate(count), dtype=np.float32).reshape(-1, 2)
        return stereo.mean(axis=1)

    def render_voice(self, pitch: int, velocity: int, seconds: float) -> np.ndarray:
        return self._render([Voice(0.0, seconds, pitch, velocity)], self._voice, self._voice_lock)

    def render(self, voices: Iterable[Voice]) -> np.ndarray:
        return self._render(voices, self._offline, self._lock)

    def _render(self, voices: Iterable[Voice], synth, lock: threading.Lock) -> np.ndarray:
        events = voice_events(voices)
        if not events:
            return np.zeros(0, np.float32)
        parts, pos = [], 0
        with lock:
            synth.notes_off()
            synth.sounds_off()
            for at, on, pitch, velocity in events:
                parts.append(self._frames(synth, at - pos))
                pos = at
                if on:
                    synth.noteon(0, pitch, velocity)
                else:
                    synth.noteoff(0, pitch)
            parts.append(self._frames(synth, int(RELEASE_LIMIT_S * SAMPLE_RATE)))
            synth.sounds_off()
        return trim_tail(np.concatenate(parts), pos)

    # -- live (thru) -------------------------------------------------------------------------
    def note_on(self, pitch: int, velocity: int) -> None:
        with self._live_lock:
            self._live.noteon(0, int(pitch), max(1, min(127, int(velocity))))

    def note_off(self, pitch: int) -> None:
        with self._live_lock:
            self._live.noteoff(0, int(pitch))

    def all_notes_off(self) -> None:
        with self._live_lock:
            self._live.notes_off()

    def generate(self, frames: int) -> np.ndarray:
        with self._live_lock:
            return self._frames(self._live, frames)


def load_instrument(soundfont: str | Path | None = None) -> tuple:
    """The instrument in a file (the bundled piano by default), or the numpy piano and the sentence saying why.

    soundfont "builtin" asks for the numpy piano itself."""
    if soundfont == "builtin":
        return BuiltinPiano(), None
    try:
        return open_instrument(soundfont or bundled_instrument_path()), None
    except InstrumentError as e:
        return BuiltinPiano(), str(e)


_default = None


def default_instrument():
    """The bundled SoundFont piano (loaded once), or the numpy piano where it cannot play."""
    global _default
    if _default is None:
        _default, _ = load_instrument(None)
    return _default
