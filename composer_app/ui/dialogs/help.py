"""Help: the keyboard shortcuts (from the actions themselves, plus the piano roll's keys) and About."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout

from composer_app import __version__


def roll_keys() -> list[tuple[str, str]]:
    """Keys the piano roll handles itself (not QActions)."""
    return [
        (QCoreApplication.translate("Help", "Move the selected notes"), QCoreApplication.translate("Help", "Arrow keys")),
        (QCoreApplication.translate("Help", "Make the selected notes longer or shorter"), QCoreApplication.translate("Help", "Shift+Left / Shift+Right")),
        (QCoreApplication.translate("Help", "Transpose by a semitone / an octave"), QCoreApplication.translate("Help", "Ctrl+Up/Down, Ctrl+Shift+Up/Down")),
        (QCoreApplication.translate("Help", "Zoom in and out"), QCoreApplication.translate("Help", "Ctrl+mouse wheel")),
        (QCoreApplication.translate("Help", "Drag without snapping to the grid"), QCoreApplication.translate("Help", "Alt while dragging")),
        (QCoreApplication.translate("Help", "Move the playhead / set a loop"), QCoreApplication.translate("Help", "Click / drag on the bar ruler")),
    ]


class ShortcutsDialog(QDialog):
    """Every command with its shortcut, as the window actually has them."""

    def __init__(self, actions: dict, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        rows = []
        for action in actions.values():
            keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
            if keys:
                rows.append((action.text().replace("&", ""), keys))
        rows += roll_keys()
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Keys")])
        for r, (what, keys) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(what))
            self.table.setItem(r, 1, QTableWidgetItem(keys))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # both columns whole: the keys as wide as they need, the commands at least as wide as the longest
        self.table.resizeColumnsToContents()
        widths = self.table.columnWidth(0) + self.table.columnWidth(1)
        self.resize(min(max(560, widths + 60), 1000), 620)


def about_text(model_name: str | None) -> str:
    return (QCoreApplication.translate("Help", "composer-app %1").replace("%1", __version__) + "\n\n"
            + QCoreApplication.translate("Help", "Play or draw a melody, then press Continue: a small LSTM writes several continuations to "
                 "audition, accept, edit and export.") + "\n\n"
            + QCoreApplication.translate("Help", "Model: %1").replace("%1", model_name or QCoreApplication.translate("Help", "not loaded")) + "\n"
            + QCoreApplication.translate("Help", "The bundled model was trained on public-domain collections: Irish and American dance tunes, "
                 "folk songs, Bach chorales and Palestrina and Monteverdi voices (music21 corpus)."))
