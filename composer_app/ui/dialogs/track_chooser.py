"""The dialog that asks which track holds the melody."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from composer_app.core import note_names
from composer_app.core.midifile import MidiSong
from composer_app.core.note_names import pitch_name


def instrument_name(part) -> str:
    """General MIDI's instrument name in the English window; in another language its family (the 128 names
    are a standard English list), e.g. "Piano", "Cuerdas"."""
    if note_names.language() == "en":
        return part.instrument
    if part.is_drums:
        return QCoreApplication.translate("TrackChooser", "Drums")
    families = (QCoreApplication.translate("TrackChooser", "Piano"),
                QCoreApplication.translate("TrackChooser", "Chromatic percussion"),
                QCoreApplication.translate("TrackChooser", "Organ"), QCoreApplication.translate("TrackChooser", "Guitar"),
                QCoreApplication.translate("TrackChooser", "Bass"), QCoreApplication.translate("TrackChooser", "Strings"),
                QCoreApplication.translate("TrackChooser", "Ensemble"), QCoreApplication.translate("TrackChooser", "Brass"),
                QCoreApplication.translate("TrackChooser", "Reeds"), QCoreApplication.translate("TrackChooser", "Flutes"),
                QCoreApplication.translate("TrackChooser", "Synth lead"),
                QCoreApplication.translate("TrackChooser", "Synth pad"),
                QCoreApplication.translate("TrackChooser", "Synth effects"),
                QCoreApplication.translate("TrackChooser", "Ethnic"),
                QCoreApplication.translate("TrackChooser", "Percussive"),
                QCoreApplication.translate("TrackChooser", "Sound effects"))
    return families[part.program // 8]


class TrackChooser(QDialog):
    """Lists the parts of a file (name, channel, instrument, notes, range); the default is preselected."""

    def __init__(self, song: MidiSong, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.song = song
        self.setWindowTitle(self.tr("Choose the melody track"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Which track of %1 holds the melody?").replace("%1", song.source)))
        headers = [self.tr("Track"), self.tr("Name"), self.tr("Channel"), self.tr("Instrument"), self.tr("Notes"),
                   self.tr("Range"), self.tr("Polyphony")]
        self.table = QTableWidget(len(song.parts), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, p in enumerate(song.parts):
            values = [str(p.number), p.name or "-", str(p.channel + 1), instrument_name(p), str(p.note_count),
                      f"{pitch_name(p.low)}-{pitch_name(p.high)}", str(p.polyphony)]
            for col, v in enumerate(values):
                item = QTableWidgetItem(v)
                item.setData(Qt.ItemDataRole.UserRole, p.number)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        default = song.default_part
        if default is not None:
            self.table.selectRow(song.parts.index(default))
        self.table.doubleClicked.connect(self.accept)
        layout.addWidget(self.table)
        self.all_notes = QCheckBox(self.tr("Keep all notes (not only the top line)"))
        layout.addWidget(self.all_notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 320)

    def chosen_part(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return int(self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole))

    @staticmethod
    def needs_choice(song: MidiSong) -> bool:
        """Several non-drum parts, or one polyphonic part (top line or all notes?)."""
        melodic = [p for p in song.parts if not p.is_drums]
        return len(melodic) > 1 or (len(melodic) == 1 and melodic[0].polyphony > 1)
