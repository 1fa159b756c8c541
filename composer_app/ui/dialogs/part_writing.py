"""Check my part-writing: the faults of a student's four voices (the open document's melody with the alto, tenor
and bass under its chords, or a MIDI file with soprano, alto, tenor and bass tracks), listed by bar and beat in
the student's words, in the order of the music."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from composer_app.core.errors import ComposerError
from composer_app.core.keys import Key
from composer_app.core.note_names import key_name
from composer_app.core.part_writing import Fault, check_part_writing, song_key, voices_of_song


def fault_words(kind: str) -> str:
    words = {"range": QCoreApplication.translate("PartWriting", "out of its range"),
             "crossing": QCoreApplication.translate("PartWriting", "the voices cross"),
             "spacing": QCoreApplication.translate("PartWriting", "more than an octave apart"),
             "parallel_fifths": QCoreApplication.translate("PartWriting", "parallel fifths"),
             "parallel_octaves": QCoreApplication.translate("PartWriting", "parallel octaves"),
             "leading_tone": QCoreApplication.translate("PartWriting", "the leading tone does not rise to the tonic")}
    return words[kind]


def voice_words(voice: str) -> str:
    words = {"soprano": QCoreApplication.translate("PartWriting", "soprano"),
             "alto": QCoreApplication.translate("PartWriting", "alto"),
             "tenor": QCoreApplication.translate("PartWriting", "tenor"),
             "bass": QCoreApplication.translate("PartWriting", "bass")}
    return words[voice]


def check_file(path: Path) -> tuple[list[Fault], int, int, Key | None]:
    """The faults of the four voices in a MIDI file, with its bar and beat lengths and its key."""
    from composer_app.core.midifile import read_midi

    song = read_midi(path)
    voices = voices_of_song(song)
    key = song_key(song, voices)
    ts = song.time_signature
    return check_part_writing(voices, key.tonic if key else None), ts.bar_ticks, ts.beat_ticks, key


def check_document(melody) -> tuple[list[Fault], int, int, Key | None]:
    """The faults of the open document's four voices: its melody as the soprano, and the alto, tenor and bass
    written under its chords (ComposerError when they cannot be)."""
    from composer_app.engine.four_voices import lower_voices, voices_key

    key = voices_key(melody)
    voices = {"soprano": [(n.tick, n.duration, n.pitch) for n in melody]}
    voices |= {name: [(t, d, p) for t, d, p, _ in notes] for name, notes in lower_voices(melody, key)}
    ts = melody.time_signature
    return check_part_writing(voices, key.tonic), ts.bar_ticks, ts.beat_ticks, key


class PartWritingDialog(QDialog):
    """The faults of four voices, a row each: a file's (`path`), or the open document's (`melody`)."""

    def __init__(self, path: Path | None = None, parent=None, melody=None, title: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Check Part-Writing: %1").replace("%1", path.name if path else title))
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("What"), self.tr("Voices")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.file_button = None
        if path is None:  # the document's voices: a file of the student's own can be checked from here too
            self.file_button = buttons.addButton(self.tr("Check a File..."), QDialogButtonBox.ButtonRole.ActionRole)
            self.file_button.clicked.connect(self.check_a_file)
        layout.addWidget(buttons)
        self.faults: list[Fault] = []
        try:
            self.faults, bar, beat, key = check_file(path) if path is not None else check_document(melody)
        except ComposerError as e:
            if path is None:
                self.summary.setText(self.tr("No alto, tenor and bass fit under this melody and these chords."))
            else:
                self.summary.setText(self.tr("This file cannot be checked: it needs four voices as four tracks "
                                             "named Soprano, Alto, Tenor and Bass.") if e.reason == "not_four" else
                                     self.tr("This file cannot be read as MIDI."))
            self.resize(520, 200)
            return
        where = self.tr("Bar %1, beat %2")
        self.table.setRowCount(len(self.faults))
        for r, f in enumerate(self.faults):
            self.table.setItem(r, 0, QTableWidgetItem(where.replace("%1", str(f.tick // bar + 1))
                                                      .replace("%2", str(f.tick % bar // beat + 1))))
            self.table.setItem(r, 1, QTableWidgetItem(fault_words(f.kind)))
            self.table.setItem(r, 2, QTableWidgetItem(", ".join(voice_words(v) for v in f.voices)))
        self.table.resizeColumnsToContents()
        key_text = key_name(key) if key else self.tr("unknown")
        self.summary.setText(self.tr("No faults found (key: %1).").replace("%1", key_text) if not self.faults else
                             self.tr("Things to look at: %1 (key: %2).").replace("%1", str(len(self.faults)))
                             .replace("%2", key_text))
        self.resize(620, 420)

    def check_a_file(self):
        """Choose a MIDI file of four voices and check it instead (a new dialog; this one closes)."""
        from PySide6.QtWidgets import QFileDialog

        from composer_app.ui.settings import app_settings, last_open_folder

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Check Part-Writing"), last_open_folder(app_settings()),
                                              self.tr("MIDI files (*.mid *.midi)"))
        if not path:
            return None
        dialog = PartWritingDialog(Path(path), self.parent())
        dialog.show()
        self.close()
        return dialog
