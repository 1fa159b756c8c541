"""Real mouse events sent to real widgets."""

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

L = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


def send(widget, kind, pos, buttons=L, modifiers=NONE, button=None):
    p = QPointF(*pos)
    event = QMouseEvent(kind, p, widget.mapToGlobal(p), button if button is not None else
                        (L if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton), buttons, modifiers)
    QApplication.sendEvent(widget, event)


def drag(widget, start, end, modifiers=NONE, steps=4):
    send(widget, QEvent.Type.MouseButtonPress, start, modifiers=modifiers)
    for i in range(1, steps + 1):
        x = start[0] + (end[0] - start[0]) * i / steps
        y = start[1] + (end[1] - start[1]) * i / steps
        send(widget, QEvent.Type.MouseMove, (x, y), modifiers=modifiers)
    send(widget, QEvent.Type.MouseButtonRelease, end, buttons=Qt.MouseButton.NoButton, modifiers=modifiers)


def click(widget, pos, modifiers=NONE):
    send(widget, QEvent.Type.MouseButtonPress, pos, modifiers=modifiers)
    send(widget, QEvent.Type.MouseButtonRelease, pos, buttons=Qt.MouseButton.NoButton, modifiers=modifiers)
