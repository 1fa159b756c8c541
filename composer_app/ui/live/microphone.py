"""A sound input (microphone, line in) through QAudioSource: the blocks it delivers go into a SoundTake
(audio.sound_take), whose level the meter shows; nothing here transcribes."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Signal

from composer_app.audio.sound_take import SoundTake


def sound_inputs() -> list:
    """The sound inputs this computer has (QAudioDevice), the default first."""
    from PySide6.QtMultimedia import QMediaDevices

    default = QMediaDevices.defaultAudioInput()
    inputs = list(QMediaDevices.audioInputs())
    inputs.sort(key=lambda d: d.id() != default.id())
    return inputs


class Microphone(QObject):
    """One sound input, listened to until `stop()`; `take` holds what it heard (from `lead_seconds` on)."""

    level_changed = Signal(float)  # dBFS of the last block
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = None
        self.io = None
        self.take: SoundTake | None = None
        self.sample_format = "int16"
        self.error = ""

    def start(self, device=None, starts_at: float | None = None, max_seconds: float | None = None) -> bool:
        """Listen to `device` (the default input when None); the take starts at `starts_at` (perf_counter time,
        after a count-in). False and `error` when it cannot be opened."""
        from PySide6.QtMultimedia import QAudioFormat, QAudioSource, QMediaDevices

        self.stop()
        if device is None or device.isNull():
            device = QMediaDevices.defaultAudioInput()
        if device.isNull():
            self.error = self.tr("This computer has no sound input (microphone).")
            return False
        fmt = QAudioFormat()
        fmt.setSampleRate(44100)
        fmt.setChannelCount(1)
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        if not device.isFormatSupported(fmt):
            fmt = device.preferredFormat()
        if fmt.sampleFormat() not in (QAudioFormat.SampleFormat.Int16, QAudioFormat.SampleFormat.Float):
            fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        self.sample_format = "float32" if fmt.sampleFormat() == QAudioFormat.SampleFormat.Float else "int16"
        kwargs = {} if max_seconds is None else {"max_seconds": max_seconds}
        self.take = SoundTake(fmt.sampleRate(), fmt.channelCount(), starts_at, **kwargs)
        self.source = QAudioSource(device, fmt, self)
        # half a second of room: a busy moment on the GUI thread loses no sound (the meter still moves with
        # every block the device delivers)
        self.source.setBufferSize(fmt.bytesForDuration(500_000))
        self.io = self.source.start()
        error = self.source.error()
        if self.io is None or error != type(error).NoError:  # QtAudio.Error (QAudio.Error before Qt 6.7)
            self.error = self.tr("The sound input %1 cannot be opened.").replace("%1", device.description())
            self.stop()
            return False
        self.io.readyRead.connect(self._read)
        return True

    def _read(self) -> None:
        if self.io is None or self.take is None:
            return
        data = bytes(self.io.readAll().data())
        if data:
            self.take.add(data, self.sample_format, time.perf_counter())
            self.level_changed.emit(self.take.level_db)

    @property
    def listening(self) -> bool:
        return self.source is not None

    def stop(self) -> SoundTake | None:
        """Stop listening; what was heard (None if nothing was started)."""
        take = self.take
        if self.source is not None:
            self._read()  # the last block
            self.source.stop()
            self.source.deleteLater()
        self.source = self.io = None
        self.take = None
        return take
