"""Opening a recording: what was heard, at which tempo, on the grid or as played, the melody or every note."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from composer_app.audio.transcribe import HeardNote, estimate_tempo, melody_line, notes_to_melody


class RecordingDialog(QDialog):
    """The choices for a transcribed recording; `melody()` is the document they give."""

    def __init__(self, notes: list[HeardNote], seconds: float, name: str, parent: QWidget | None = None,
                 samples=None, source: str = "instrument") -> None:
        super().__init__(parent)
        self.notes, self.name, self.seconds, self.samples = notes, name, seconds, samples
        self.setWindowTitle(self.tr("Open a Recording"))
        layout = QVBoxLayout(self)
        self.heard = QLabel()
        self.heard.setWordWrap(True)
        layout.addWidget(self.heard)
        form = QFormLayout()
        self.source = QComboBox()
        self.source.addItem(self.tr("Piano or another instrument"), "instrument")
        self.source.addItem(self.tr("Singing or humming"), "voice")
        self.source.setToolTip(self.tr("A voice is followed one pitch at a time; an instrument may play chords"))
        self.source.setEnabled(samples is not None)
        self.source.setCurrentIndex(max(0, self.source.findData(source)))  # as heard; the student may change it
        self.source.currentIndexChanged.connect(self._hear_again)
        form.addRow(self.tr("What was recorded"), self.source)
        self.grid = QRadioButton(self.tr("On the grid (16th notes at the tempo)"))
        self.played = QRadioButton(self.tr("As played (the recording's own timing)"))
        self.grid.setChecked(True)
        self.tempo = QDoubleSpinBox()
        self.tempo.setRange(20, 300)
        self.tempo.setDecimals(1)
        self.tempo.setSuffix(" BPM")
        self.tempo.setValue(estimate_tempo(melody_line(notes) or notes))
        self.tempo.setToolTip(self.tr("The tempo heard in the recording; change it if the bars come out wrong"))
        self.only_melody = QCheckBox(self.tr("Only the melody (one note at a time)"))
        self.only_melody.setChecked(True)
        form.addRow(self.tr("Timing"), self.grid)
        form.addRow("", self.played)
        form.addRow(self.tr("Tempo"), self.tempo)
        form.addRow("", self.only_melody)
        layout.addLayout(form)
        self.played.toggled.connect(lambda on: self.tempo.setEnabled(not on))
        self._say_heard()
        self.buttons = buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                                  | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _say_heard(self) -> None:
        voice = self.source.currentData() == "voice"
        self.only_melody.setEnabled(not voice)
        text = self.tr("Heard %1 notes in %2 s of audio (%3 in the melody line).") if not voice else \
            self.tr("Heard %1 sung notes in %2 s of audio.")
        self.heard.setText(text.replace("%1", str(len(self.notes))).replace("%2", f"{self.seconds:.1f}")
                           .replace("%3", str(len(melody_line(self.notes)))))

    def _hear_again(self) -> None:
        """The other kind of sound chosen: the notes are heard again its way (off the GUI thread)."""
        from composer_app.audio.transcribe import hear
        from composer_app.core.errors import ComposerError
        from composer_app.ui.workers import Cancelled, wait_for

        source, samples = self.source.currentData(), self.samples
        try:
            self.notes = wait_for(lambda progress: hear(samples, source, progress=progress), self,
                                  self.tr("Hearing the notes..."), progress=True, cancellable=True)
        except Cancelled:  # back to the other way of hearing, and its notes
            self.source.blockSignals(True)
            self.source.setCurrentIndex(1 - self.source.currentIndex())
            self.source.blockSignals(False)
            return
        except ComposerError:
            self.notes = []
        if self.notes:
            self.tempo.setValue(estimate_tempo(melody_line(self.notes) or self.notes))
        self._say_heard()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.notes))

    def accompaniment(self) -> list[tuple[int, int, int]]:
        """A piano recording's lower notes (every note under the highest sounding one), on the melody's timing:
        what its chords are recognised from. Nothing for a voice, when every note is kept, or for a single line."""
        from composer_app.core.extract import skyline

        if self.source.currentData() == "voice" or not self.only_melody.isChecked():
            return []
        heard = notes_to_melody(self.notes, "played" if self.played.isChecked() else "grid", self.tempo.value())
        rows = [(n.tick, n.duration, n.pitch) for n in heard]
        top = {(n[0], n[2]) for n in skyline(rows)}
        lower = [r for r in rows if (r[0], r[2]) not in top]
        return lower if len(lower) >= 3 else []

    def melody(self):
        melody = self.only_melody.isChecked() or self.source.currentData() == "voice"
        chosen = melody_line(self.notes) if melody else self.notes
        return notes_to_melody(chosen, "played" if self.played.isChecked() else "grid", self.tempo.value(),
                               name=self.name, monophonic=melody)
