"""The window on a real X server with a window manager, driven by real key presses (xdotool sends them
through the X server, so Qt's platform key bindings and the focus rules apply as for a student).
tests/test_real_display.py starts Xvfb and openbox and runs these with QT_QPA_PLATFORM=xcb."""

from __future__ import annotations

import os
import subprocess

import pytest

if os.environ.get("QT_QPA_PLATFORM") != "xcb":
    pytest.exit("tests/real_display runs on a real X server (QT_QPA_PLATFORM=xcb); "
                "tests/test_real_display.py starts one", returncode=2)

from tests.ui.conftest import loaded_model, message_boxes, window  # noqa: E402,F401


def press(qtbot, *keys: str) -> None:
    """Press keys as a student does (xdotool names: ctrl+d, shift+Tab, Escape, Home, space), each once a window
    of the app holds the keyboard (a key pressed while the window manager moves the focus is lost)."""
    from PySide6.QtWidgets import QApplication

    for key in keys:
        qtbot.waitUntil(lambda: QApplication.activeWindow() is not None, timeout=5000)
        subprocess.run(["xdotool", "key", "--clearmodifiers", key], check=True, timeout=10)
        qtbot.wait(120)


def click(qtbot, widget) -> None:
    """A real mouse click in the middle of `widget`."""
    centre = widget.mapToGlobal(widget.rect().center())
    subprocess.run(["xdotool", "mousemove", str(centre.x()), str(centre.y()), "click", "1"], check=True, timeout=10)
    qtbot.wait(200)


@pytest.fixture
def active_window(window, qtbot):  # noqa: F811  (the fixture above)
    """The window, raised and holding the keyboard focus (on the roll)."""
    window.raise_()
    window.activateWindow()
    window.roll.canvas.setFocus()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=5000)
    return window
