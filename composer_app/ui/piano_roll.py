"""A piano-roll view of a melody."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from composer_app.core.melody import Melody


class PianoRollView(QWidget):
    """Draws the notes of a melody; repaints when the melody changes."""

    def __init__(self, melody: Melody, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.melody = melody
        self.pixels_per_tick = 0.1
        self.row_height = 8.0
        melody.subscribe(self._on_changed)
        self.setMinimumSize(400, 300)

    def set_melody(self, melody: Melody) -> None:
        self.melody.unsubscribe(self._on_changed)
        self.melody = melody
        melody.subscribe(self._on_changed)
        self.update()

    def _on_changed(self, _melody: Melody) -> None:
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        top_pitch = 96
        end_tick = int(self.width() / self.pixels_per_tick)
        painter.setPen(QColor(40, 40, 60))
        painter.setBrush(QColor(90, 140, 220))
        for n in self.melody.notes_in_range(0, end_tick):
            painter.drawRect(QRectF(n.tick * self.pixels_per_tick, (top_pitch - n.pitch) * self.row_height,
                                    max(2.0, n.duration * self.pixels_per_tick), self.row_height))
        painter.end()
