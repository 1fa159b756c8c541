"""The window's status bar: messages on the left that stop short of the fields on the right (the key, the last
generation, the model, MIDI), cut with an ellipsis when they are longer than the room (the whole text in the
tooltip), and a gap before each field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStatusBar

GAP = 16  # pixels between a message and the first field, and between fields


class StatusBar(QStatusBar):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.fields: list[QLabel] = []

    def add_field(self, label: QLabel) -> None:
        label.setContentsMargins(GAP, 0, 0, 0)
        self.fields.append(label)
        self.addPermanentWidget(label)

    def message_room(self) -> int:
        """Pixels a message may take: from the left edge to the first visible field's text, less a gap."""
        right = self.width() - 12
        for f in self.fields:
            if f.isVisible() and f.text():
                right = min(right, f.x() + f.contentsMargins().left() - GAP)
        return max(0, right - 6)

    def showMessage(self, text: str, timeout: int = 0) -> None:  # noqa: N802  (Qt's name)
        shown = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, self.message_room()) if text else text
        self.setToolTip(text if shown != text else "")
        super().showMessage(shown, timeout)
