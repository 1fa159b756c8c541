"""Texts a widget shows cut off: a label narrower than its text, a combo box whose items do not fit its field,
a window narrower than its title (the window manager cuts it with an ellipsis)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QStyle, QStyleOptionComboBox, QWidget

TITLE_ROOM = 140  # what a window manager's title bar takes besides the title: the icon and three buttons


def combo_field_width(box: QComboBox) -> int:
    opt = QStyleOptionComboBox()
    box.initStyleOption(opt)
    return box.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                      QStyle.SubControl.SC_ComboBoxEditField, box).width()


def cut_off(widget: QWidget) -> list[str]:
    """The texts shown in `widget` (and its visible children) that do not fit where they are shown."""
    found = []
    for label in widget.findChildren(QLabel):
        if label.isVisibleTo(widget) and label.text() and not label.wordWrap() and label.width() > 0:
            if label.width() < label.fontMetrics().horizontalAdvance(label.text().replace("&", "")):
                found.append(label.text())
        elif label.isVisibleTo(widget) and label.wordWrap() and label.text():
            if label.height() < label.heightForWidth(label.width()):
                found.append(label.text())
    for box in widget.findChildren(QComboBox):
        if not box.isVisibleTo(widget):
            continue
        room = combo_field_width(box)
        for i in range(box.count()):
            text = box.itemText(i)
            if box.fontMetrics().horizontalAdvance(text) > room:
                found.append(text)
    if widget.isWindow() and widget.windowTitle():
        from PySide6.QtGui import QGuiApplication

        title = f"{widget.windowTitle().replace('[*]', '')} — {QGuiApplication.applicationDisplayName()}"
        if widget.width() < widget.fontMetrics().horizontalAdvance(title) + TITLE_ROOM:
            found.append(title)
    return found
