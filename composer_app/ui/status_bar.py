"""The window's status bar: messages on the left that stop a gap short of the fields on the right (the key, the
last generation, the model, MIDI), drawn cut with an ellipsis when they are longer than the room (the whole
text in the tooltip); the message itself is kept whole (currentMessage)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QStatusBar, QStyle, QStyleOption

GAP = 16  # pixels between a message and the first field, and between fields


class StatusBar(QStatusBar):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.fields: list[QLabel] = []
        self.messageChanged.connect(self._tip)

    def add_field(self, label: QLabel) -> None:
        label.setContentsMargins(GAP, 0, 0, 0)
        self.fields.append(label)
        self.addPermanentWidget(label)

    def message_rect(self) -> QRect:
        """Where a message is drawn: from the left edge to a gap before the first visible field's text."""
        right = self.width() - 12
        for f in self.fields:
            if f.isVisible() and f.text():
                right = min(right, f.x() + f.contentsMargins().left() - GAP)
        return QRect(6, 0, max(0, right - 6), self.height())

    def shown_message(self) -> str:
        """The message as drawn: whole, or cut with an ellipsis to the room it has."""
        text = self.currentMessage()
        return self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, self.message_rect().width())

    def _tip(self, text: str) -> None:
        self.setToolTip(text if text and self.shown_message() != text else "")

    def paintEvent(self, event) -> None:  # noqa: N802  (Qt's name; as QStatusBar paints, with the text cut)
        if not self.currentMessage():
            super().paintEvent(event)
            return
        p = QPainter(self)
        opt = QStyleOption()
        opt.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, opt, p, self)
        for f in self.fields:
            if f.isVisible():
                frame = QStyleOption()
                frame.rect = f.geometry().adjusted(-2, -1, 2, 1)
                frame.palette = self.palette()
                self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameStatusBarItem, frame, p, f)
        p.setPen(self.palette().windowText().color())
        p.drawText(self.message_rect(), Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
                   | Qt.TextFlag.TextSingleLine, self.shown_message())
        p.end()
