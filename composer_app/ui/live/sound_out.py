"""The built-in piano through QAudioSink: a pull-mode device that mixes pre-rendered voices."""

from __future__ import annotations

import threading
from dataclasses import replace

import numpy as np
from PySide6.QtCore import QIODevice, QObject, QThread, QTimer, Signal

from composer_app.audio.click import click as click_sound
from composer_app.audio.instrument import BuiltinPiano, load_instrument
from composer_app.audio.synth import SAMPLE_RATE, to_int16

BUFFER_MS = 10  # the audio device's buffer: key-to-sound latency of thru, traded against underruns
PREPARE_AFTER_MS = 1000  # when an instrument's remaining parts load, after the window is up
PART_SECONDS = 4.0  # a passage is rendered in parts of notes starting within this long


def passage_parts(voices) -> list[tuple[float, list]]:
    """The voices in parts by start time: (seconds from the start, the part's voices timed from there)."""
    parts: dict[int, list] = {}
    for v in voices:
        parts.setdefault(int(v.start // PART_SECONDS), []).append(v)
    return [(k * PART_SECONDS, [replace(v, start=v.start - k * PART_SECONDS) for v in part])
            for k, part in sorted(parts.items())]


class MixerDevice(QIODevice):
    """Audio pulled by the sink: the sum of the queued sample buffers (cheap: numpy adds, no synthesis)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._voices: list[list] = []  # [samples, position]
        self.frames_played = 0
        self.live = None  # an instrument playing held notes (thru), pulled here with the voices

    def add(self, samples: np.ndarray, delay: int = 0) -> None:
        """Mix `samples` in, starting `delay` frames from now."""
        with self._lock:
            self._voices.append([samples, -max(0, int(delay))])

    def clear(self, fade_frames: int = 256) -> None:
        """Stop everything with a short fade (no click)."""
        with self._lock:
            for v in self._voices:
                samples, pos = v
                if pos < 0:  # not started yet: nothing to fade
                    v[0], v[1] = samples[:0], 0
                    continue
                rest = samples[pos:pos + fade_frames].copy()
                rest *= np.linspace(1.0, 0.0, len(rest), dtype=np.float32)
                v[0], v[1] = rest, 0

    def mix(self, frames: int) -> np.ndarray:
        out = np.zeros(frames, dtype=np.float32)
        with self._lock:
            alive = []
            for v in self._voices:
                samples, pos = v
                skip = max(0, -pos)  # frames of this buffer before it starts
                if skip < frames:
                    chunk = samples[max(0, pos):pos + frames]
                    out[skip:skip + len(chunk)] += chunk
                v[1] = pos + frames
                if v[1] < len(samples):
                    alive.append(v)
            self._voices = alive
        live = self.live
        if live is not None:
            out += live.generate(frames)
        self.frames_played += frames
        return np.tanh(out)

    def readData(self, maxlen: int):  # noqa: N802
        frames = maxlen // 2
        return to_int16(self.mix(frames)).tobytes() if frames else b""

    def writeData(self, data) -> int:  # noqa: N802
        return -1

    def bytesAvailable(self) -> int:  # noqa: N802
        return 4096 + super().bytesAvailable()

    def isSequential(self) -> bool:  # noqa: N802
        return True


class AudioThread(QThread):
    """The audio device lives on a thread of its own: it pulls samples every few milliseconds, and a busy
    GUI thread (painting, handling a generation's results) must never make it wait (an underrun)."""

    def __init__(self, mixer: MixerDevice, device, fmt) -> None:
        super().__init__()
        self.mixer, self.device, self.fmt = mixer, device, fmt
        self.ready = threading.Event()
        self.ok = False

    def run(self) -> None:
        from PySide6.QtMultimedia import QAudioSink

        sink = QAudioSink(self.device, self.fmt)
        sink.setBufferSize(SAMPLE_RATE * 2 * BUFFER_MS // 1000)
        # Unbuffered: otherwise QIODevice reads ahead 16 KB (186 ms) at a time, and a key played in between
        # waits for the next read (measured: 70 ms median thru latency instead of about 30)
        self.mixer.open(QIODevice.OpenModeFlag.ReadOnly | QIODevice.OpenModeFlag.Unbuffered)
        sink.start(self.mixer)
        self.ok = sink.error().value == 0  # NoError (QtAudio.Error in Qt 6.8+, QAudio.Error before)
        self.ready.set()
        if self.ok:
            self.exec()
        sink.stop()
        self.mixer.close()


class SoundOut(QObject):
    """The built-in piano as an Output; owns the audio sink; without an audio device it says so once and is silent."""

    unavailable = Signal(str)

    def __init__(self, parent: QObject | None = None, soundfont: str | None = None) -> None:
        super().__init__(parent)
        self.mixer = MixerDevice()  # no parent: it moves to the audio thread
        self.sink = None
        self.error: str | None = None
        self.instrument = BuiltinPiano()
        self.instrument_problem: str | None = None
        self.set_soundfont(soundfont)
        self._generation = 0  # which play() a background render belongs to; stop() moves it on

    def start(self) -> bool:
        try:
            from PySide6.QtMultimedia import QAudioFormat, QMediaDevices
        except ImportError as e:
            return self._fail(f"Qt Multimedia is missing ({e.name})")
        device = QMediaDevices.defaultAudioOutput()
        if device.isNull():
            return self._fail(self.tr("There is no audio output device; sound is off (MIDI output still works)."))
        fmt = QAudioFormat()
        fmt.setSampleRate(SAMPLE_RATE)
        fmt.setChannelCount(1)
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        if not device.isFormatSupported(fmt):
            return self._fail(self.tr("The audio device does not take 44.1 kHz 16-bit sound; sound is off."))
        thread = AudioThread(self.mixer, device, fmt)
        self.mixer.moveToThread(thread)
        thread.start(QThread.Priority.TimeCriticalPriority)
        if not thread.ready.wait(10) or not thread.ok:
            thread.quit()
            thread.wait(5000)
            return self._fail(self.tr("The audio device could not be opened; sound is off."))
        self.sink = thread
        self._prepare_instrument()
        return True

    def _prepare_instrument(self) -> None:
        """An instrument that loads parts of itself on first use gets them a second after the window is up,
        off the GUI thread (the first audition or key then need not wait)."""
        instrument = self.instrument
        if hasattr(instrument, "prepare"):
            QTimer.singleShot(PREPARE_AFTER_MS, self, lambda: threading.Thread(
                target=instrument.prepare, name="instrument-load", daemon=True).start())

    def _fail(self, message: str) -> bool:
        self.error = message
        self.unavailable.emit(message)
        return False

    @property
    def available(self) -> bool:
        return self.sink is not None and self.error is None

    def play_samples(self, samples: np.ndarray, delay: int = 0) -> None:
        if self.available:
            self.mixer.add(samples, delay)

    def set_soundfont(self, soundfont: str | None) -> str | None:
        """Play with this SoundFont (None: the bundled piano; "builtin": the numpy piano); the sentence saying
        why the numpy piano plays instead, or None."""
        instrument, problem = load_instrument(soundfont)
        self.instrument, self.instrument_problem = instrument, problem
        self.mixer.live = instrument if instrument.live else None
        if self.sink is not None:
            self._prepare_instrument()
        return problem

    def note(self, pitch: int, velocity: int = 90, seconds: float = 0.4, channel: int = 0) -> None:
        if self.available:
            self.mixer.add(self.instrument.render_voice(pitch, velocity, seconds))

    def note_on(self, pitch: int, velocity: int) -> None:
        """A key pressed (thru): held until note_off with a SoundFont, a short note with the numpy piano."""
        if not self.available:
            return
        if self.instrument.live:
            self.instrument.note_on(pitch, velocity)
        else:
            self.note(pitch, velocity)

    def note_off(self, pitch: int) -> None:
        if self.available and self.instrument.live:
            self.instrument.note_off(pitch)

    def stop(self) -> None:
        self.mixer.clear()
        if self.instrument.live:
            self.instrument.all_notes_off()
        self._generation += 1

    # -- the Output protocol (composer_app.midi.output) -----------------------------------
    def click(self, accent: bool) -> None:
        """One metronome click now (a tick, not a piano note)."""
        if self.available:
            self.mixer.add(click_sound(accent))

    def play(self, melody, start_tick: int, end_tick: int, clicks=(), lead: float = 0.0, accompaniment=()) -> None:
        """Render the notes off the GUI thread, a few seconds at a time (the first part sounds after a few
        milliseconds, however long the piece), and hand each part to the mixer at its time; metronome `clicks`
        and a count-in (`lead` seconds before the first note) on the same clock."""
        from composer_app.audio.render import melody_voices

        instrument = self.instrument
        voices = melody_voices(melody, start_tick, end_tick)
        if accompaniment:
            from composer_app.audio.synth import Voice
            from composer_app.core.performance import sounding_notes

            voices = sorted(voices + [Voice(n.start, max(0.02, n.end - n.start), n.pitch, n.velocity)
                                      for n in sounding_notes(accompaniment, melody.tempos, start_tick, end_tick)],
                            key=lambda v: v.start)
        if not (voices or clicks) or not self.available:
            return
        self._generation += 1
        generation = self._generation

        def work() -> None:
            started = None

            def begin() -> int:
                for c in clicks:  # on the clock the notes keep (started once the first part is ready)
                    self.mixer.add(click_sound(c.accent), max(0, int((c.time + lead) * SAMPLE_RATE)))
                return self.mixer.frames_played

            for offset, part in passage_parts(voices):
                samples = instrument.render(part)
                if generation != self._generation:  # stopped or replaced meanwhile
                    return
                if started is None:
                    started = begin()
                due = int((offset + lead) * SAMPLE_RATE) - (self.mixer.frames_played - started)
                self.play_samples(samples, max(0, due))
            if started is None and generation == self._generation:
                begin()

        threading.Thread(target=work, name="render", daemon=True).start()

    def close(self) -> None:
        if self.sink is not None:
            self.sink.quit()
            self.sink.wait(5000)
            self.sink = None
