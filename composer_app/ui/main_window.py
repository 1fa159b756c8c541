"""The main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from composer_app.core.errors import ComposerError
from composer_app.core.melody import Melody
from composer_app.core.midifile import load_melody, write_midi
from composer_app.ui.piano_roll import PianoRollView


class MainWindow(QMainWindow):
    """Menu bar, piano roll and status bar around one melody document."""

    def __init__(self, melody: Melody | None = None) -> None:
        super().__init__()
        self.melody = melody if melody is not None else Melody()
        self.path: Path | None = None
        self.roll = PianoRollView(self.melody)
        self.setCentralWidget(self.roll)
        self.resize(1100, 650)
        self._build_menus()
        self._update_title()
        self.statusBar().showMessage(self.tr("Open a MIDI file to begin."))

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for text, shortcut, slot in (
            (self.tr("&Open..."), QKeySequence.StandardKey.Open, self.open_dialog),
            (self.tr("Export &MIDI..."), QKeySequence.StandardKey.SaveAs, self.export_dialog),
            (self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close),
        ):
            action = QAction(text, self)
            action.setShortcut(shortcut)
            action.triggered.connect(slot)
            file_menu.addAction(action)

    def _update_title(self) -> None:
        name = self.path.name if self.path else self.tr("Untitled")
        self.setWindowTitle(f"{name} - composer-app")

    def open_file(self, path: str | Path) -> bool:
        """Load a MIDI file's melody; on failure show one sentence and keep the current work."""
        try:
            melody = load_melody(path)
        except ComposerError as e:
            QMessageBox.warning(self, self.tr("Cannot open file"), str(e))
            return False
        self.melody = melody
        self.path = Path(path)
        self.roll.set_melody(melody)
        self._update_title()
        self.statusBar().showMessage(self.tr("%n notes", "", len(melody)))
        return True

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open MIDI file"), "", self.tr("MIDI files (*.mid *.midi)"))
        if path:
            self.open_file(path)

    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export MIDI"), "", self.tr("MIDI files (*.mid)"))
        if path:
            try:
                write_midi(self.melody, path)
            except ComposerError as e:
                QMessageBox.warning(self, self.tr("Cannot save file"), str(e))


__all__ = ["MainWindow", "Qt"]
