"""A small question for a number, in a dialog wide enough for its title (a window manager cuts a title that
does not fit the window with an ellipsis)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QInputDialog, QWidget

TITLE_ROOM = 140  # the title bar's icon and buttons


class NumberDialog(QInputDialog):
    def title_width(self) -> int:
        shown = f"{self.windowTitle()} — {QGuiApplication.applicationDisplayName()}"  # as X11 window managers show it
        return self.fontMetrics().horizontalAdvance(shown) + TITLE_ROOM

    def showEvent(self, event) -> None:  # noqa: N802  (Qt's name)
        super().showEvent(event)  # QInputDialog lays itself out here, to the size its contents need
        if self.width() < self.title_width():
            self.resize(self.title_width(), self.height())


def number_dialog(parent: QWidget, title: str, label: str, value: int, low: int, high: int) -> NumberDialog:
    dialog = NumberDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setInputMode(QInputDialog.InputMode.IntInput)
    dialog.setIntRange(low, high)
    dialog.setIntValue(value)
    return dialog


def ask_number(parent: QWidget, title: str, label: str, value: int, low: int, high: int) -> int | None:
    """The number chosen, or None when the student cancels."""
    dialog = number_dialog(parent, title, label, value, low, high)
    return dialog.intValue() if dialog.exec() == QDialog.DialogCode.Accepted else None
