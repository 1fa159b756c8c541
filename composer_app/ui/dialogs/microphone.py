"""Record from a microphone: choose the input, watch its level, a bar of count-in, record, stop; the take is
heard off the GUI thread and its notes join the document at the playhead as one undo step (as a MIDI take)."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from composer_app.audio.sound_take import heard_notes, level_fraction
from composer_app.session.live import Take
from composer_app.ui.live.microphone import Microphone, sound_inputs
from composer_app.ui.settings import flag
from composer_app.ui.workers import ProgressSignal


class MicrophoneDialog(QDialog):
    """Record / Grabar from a sound input; `recorded` is how many notes the last take added."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.setWindowTitle(self.tr("Record from Microphone"))
        self.mic = Microphone(self)
        self.mic.level_changed.connect(self._show_level)
        self.take: Take | None = None
        self.tasks: list = []
        self.hearing_task = None  # the take being heard, if any: its bar shows after 0.3 s
        self.recorded = 0
        self.hearing_seconds = 0.0  # from Stop to the notes in the document, last take
        self.stopped_at = 0.0
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.input = QComboBox()
        self.devices = sound_inputs()
        remembered = str(window.settings.value("microphone/input", ""))
        for d in self.devices:
            self.input.addItem(d.description(), bytes(d.id().data()).hex())
        if remembered and self.input.findData(remembered) >= 0:
            self.input.setCurrentIndex(self.input.findData(remembered))
        self.input.currentIndexChanged.connect(self._listen)
        form.addRow(self.tr("Input"), self.input)
        self.meter = QProgressBar()
        self.meter.setRange(0, 100)
        self.meter.setTextVisible(False)
        self.meter.setToolTip(self.tr("How loud the input is: play or sing, and keep the bar out of the far right"))
        form.addRow(self.tr("Level"), self.meter)
        self.source = QComboBox()
        self.source.addItem(self.tr("Singing or humming"), "voice")
        self.source.addItem(self.tr("Piano or another instrument"), "instrument")
        self.source.setToolTip(self.tr("A voice is followed one pitch at a time; an instrument may play chords"))
        remembered_source = str(window.settings.value("microphone/source", "voice"))
        self.source.setCurrentIndex(max(0, self.source.findData(remembered_source)))
        form.addRow(self.tr("What you record"), self.source)
        self.count_in = QCheckBox(self.tr("A bar of count-in first"))
        self.count_in.setChecked(flag(window.settings, "microphone/count_in", True))
        self.metronome = QCheckBox(self.tr("Metronome while recording (use headphones)"))
        self.metronome.setChecked(flag(window.settings, "microphone/metronome", False))
        self.grid = QCheckBox(self.tr("On the grid (16th notes at the song's tempo)"))
        self.grid.setChecked(flag(window.settings, "microphone/grid", True))
        self.melody_only = QCheckBox(self.tr("Only the melody (one note at a time)"))
        self.melody_only.setChecked(flag(window.settings, "microphone/melody", True))
        for box in (self.count_in, self.metronome, self.grid, self.melody_only):
            form.addRow("", box)
        self.source.currentIndexChanged.connect(
            lambda: self.melody_only.setEnabled(self.source.currentData() == "instrument"))
        self.melody_only.setEnabled(self.source.currentData() == "instrument")
        layout.addLayout(form)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.hearing = QProgressBar()  # how much of the take has been heard, while its notes are found
        self.hearing.setRange(0, 1000)
        self.hearing.setFormat("%p%")
        self.hearing.hide()
        layout.addWidget(self.hearing)
        self.heard_share = ProgressSignal(self)
        self.heard_share.changed.connect(lambda share: self.hearing.setValue(round(1000 * min(1.0, share))))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.record_button = QPushButton(self.tr("Record"))
        self.record_button.setDefault(True)
        self.record_button.clicked.connect(self.toggle)
        buttons.addButton(self.record_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        QShortcut(QKeySequence("Space"), self, self.toggle)  # as in the window: Space starts and stops
        self.record_button.setFocus()
        self.timer = QTimer(self)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._pump)
        self.resize(460, 0)
        if not self.devices:
            self.status.setText(self.tr("This computer has no sound input (microphone)."))
            self.record_button.setEnabled(False)
        else:
            self._listen()

    def _device(self):
        return self.devices[self.input.currentIndex()] if self.devices else None

    def _listen(self) -> None:
        """Show the chosen input's level before recording (nothing is kept)."""
        if self.take is not None or not self.devices:
            return
        self.window.settings.setValue("microphone/input", self.input.currentData())
        if self.mic.start(self._device(), max_seconds=0):
            self.status.setText(self.tr("Press Record (Space) and play or sing after the count-in."))
        else:
            self.status.setText(self.mic.error)

    def _show_level(self, db: float) -> None:
        self.meter.setValue(round(100 * level_fraction(db)))

    @property
    def recording(self) -> bool:
        return self.take is not None

    def toggle(self) -> None:
        if self.recording:
            self.stop()
        elif self.record_button.isEnabled():
            self.record()

    def record(self) -> bool:
        """Start a take at the playhead: the count-in's clicks, then everything the input hears."""
        for key, box in (("count_in", self.count_in), ("metronome", self.metronome), ("grid", self.grid),
                         ("melody", self.melody_only)):
            self.window.settings.setValue(f"microphone/{key}", "true" if box.isChecked() else "false")
        self.window.settings.setValue("microphone/source", self.source.currentData())
        self.window.live.player.stop()
        started = time.perf_counter()
        take = Take(self.session.melody, self.window.roll.state.playhead, started, self.count_in.isChecked(),
                    self.metronome.isChecked(), "1/16" if self.grid.isChecked() else "off")
        if not self.mic.start(self._device(), starts_at=take.recorder.start_time):
            self.status.setText(self.mic.error)
            return False
        self.take = take
        self.record_button.setText(self.tr("Stop"))
        self.input.setEnabled(False)
        self.timer.start()
        self._pump()
        return True

    def _pump(self) -> None:
        if self.take is None:
            return
        now = time.perf_counter()
        state = self.take.pump(now)
        for accent in state.clicks:
            self.window.live.midi.click(accent)
        self.window.roll.state.set_playhead(state.playhead)
        left = self.take.recorder.start_time - now
        if left > 0:
            self.status.setText(self.tr("Count-in: %1").replace("%1", str(int(left / self.take.beat_seconds) + 1)))
        else:
            sound = self.mic.take
            self.status.setText(self.tr("Recording: %1 s").replace("%1", f"{-left:.0f}"))
            if sound is not None and sound.full:
                self.stop()

    def stop(self) -> None:
        """Stop the take; its notes are heard off the GUI thread and added as one undo step."""
        from composer_app.ui.workers import Task

        take, self.take = self.take, None
        self.timer.stop()
        self.stopped_at = time.perf_counter()
        sound = self.mic.stop()
        self.record_button.setText(self.tr("Record"))
        self.record_button.setEnabled(False)
        if take is None or sound is None or sound.seconds < 0.2:
            self._ready(self.tr("Nothing was recorded."))
            return
        self.status.setText(self.tr("Hearing the notes..."))
        self.hearing.setValue(0)
        QTimer.singleShot(300, self.hearing, lambda: self.hearing.setVisible(self.hearing_task is not None))
        melody_only, source, share = self.melody_only.isChecked(), self.source.currentData(), self.heard_share
        task = Task(lambda: heard_notes(sound, melody=melody_only, source=source, progress=share.changed.emit))
        self.tasks.append(task)
        self.hearing_task = task
        task.signals.finished.connect(lambda notes: self._heard(take, notes))
        task.signals.error.connect(lambda e: self._ready(self.tr("The take could not be heard: %1").replace("%1", str(e))))
        self.window.pool.start(task)

    def _heard(self, take: Take, notes) -> None:
        take.feed_heard(notes)
        rows = take.stop(take.recorder.start_time + max((n.end for n in notes), default=0.0) + 1.0)
        if not rows:
            self._ready(self.tr("No notes were heard in the take: come closer to the microphone, or play louder."))
            return
        change = self.session.merge_take(rows, self.window.live.midi.mode, take.start_tick,
                                         self.tr("Record from Microphone"))
        self.recorded = len(change.after) if self.session.do(change) else 0
        self.hearing_seconds = time.perf_counter() - self.stopped_at
        self.window.roll.reveal(take.start_tick)
        self.window.show_message(self.tr("Recorded %1 notes from the microphone").replace("%1", str(self.recorded)), 5000)
        self._ready(self.tr("Recorded %1 notes. Record again, or close.").replace("%1", str(self.recorded)))

    def _ready(self, message: str) -> None:
        """Ready for another take: the input's level shows again, under what the last take gave."""
        self.hearing_task = None
        self.hearing.hide()
        self.record_button.setEnabled(True)
        self.input.setEnabled(True)
        self._listen()
        self.status.setText(message)

    def done(self, result: int) -> None:
        """Closing the dialog during a take discards it; the document is untouched."""
        self.take = None
        self.timer.stop()
        self.mic.stop()
        super().done(result)
