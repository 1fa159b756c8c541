"""Opening a recording: what was heard, at which tempo, on the grid or as played, the melody or every note."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
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

    def __init__(self, notes: list[HeardNote], seconds: float, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notes, self.name = notes, name
        self.setWindowTitle(self.tr("Open a Recording"))
        layout = QVBoxLayout(self)
        line = melody_line(notes)
        self.heard = QLabel(self.tr("Heard %1 notes in %2 s of audio (%3 in the melody line).")
                            .replace("%1", str(len(notes))).replace("%2", f"{seconds:.1f}")
                            .replace("%3", str(len(line))))
        self.heard.setWordWrap(True)
        layout.addWidget(self.heard)
        form = QFormLayout()
        self.grid = QRadioButton(self.tr("On the grid (16th notes at the tempo)"))
        self.played = QRadioButton(self.tr("As played (the recording's own timing)"))
        self.grid.setChecked(True)
        self.tempo = QDoubleSpinBox()
        self.tempo.setRange(20, 300)
        self.tempo.setDecimals(1)
        self.tempo.setSuffix(" BPM")
        self.tempo.setValue(estimate_tempo(line or notes))
        self.tempo.setToolTip(self.tr("The tempo heard in the recording; change it if the bars come out wrong"))
        self.only_melody = QCheckBox(self.tr("Only the melody (one note at a time)"))
        self.only_melody.setChecked(True)
        form.addRow(self.tr("Timing"), self.grid)
        form.addRow("", self.played)
        form.addRow(self.tr("Tempo"), self.tempo)
        form.addRow("", self.only_melody)
        layout.addLayout(form)
        self.played.toggled.connect(lambda on: self.tempo.setEnabled(not on))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def melody(self):
        melody = self.only_melody.isChecked()
        chosen = melody_line(self.notes) if melody else self.notes
        return notes_to_melody(chosen, "played" if self.played.isChecked() else "grid", self.tempo.value(),
                               name=self.name, monophonic=melody)
