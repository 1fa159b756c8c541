"""The keys Qt binds to each standard key sequence the app's actions use, per platform: a copy of the rows of
Qt's own table (QPlatformThemePrivate::keyBindings in qtbase's src/gui/kernel/qplatformtheme.cpp) for these
standard keys. On macOS, Qt's "Ctrl" is the Command key and "Meta" the Control key.

Platforms: windows, macos, x11 (any X11 or Wayland desktop), kde and gnome (x11 plus their own rows)."""

from __future__ import annotations

ALL = ("windows", "macos", "x11", "kde", "gnome")
X11 = ("x11", "kde", "gnome")

# standard key -> [(sequence, platforms)]
ROWS: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "New": [("Ctrl+N", ALL)],
    "Open": [("Ctrl+O", ALL)],
    "Save": [("Ctrl+S", ALL)],
    "SaveAs": [("Ctrl+Shift+S", ("gnome", "macos", "kde"))],
    "Preferences": [("Ctrl+,", ("macos",))],
    "Quit": [("Ctrl+Q", X11 + ("macos",))],
    "Undo": [("Alt+Backspace", ("windows",)), ("Ctrl+Z", ALL), ("F14", X11)],
    "Redo": [("Alt+Shift+Backspace", ("windows",)), ("Ctrl+Shift+Z", ALL), ("Ctrl+Y", ("windows",))],
    "Cut": [("Ctrl+X", ALL), ("Shift+Del", ("windows",) + X11), ("F20", X11), ("Meta+K", ("macos",))],
    "Copy": [("Ctrl+Ins", X11 + ("windows",)), ("Ctrl+C", ALL), ("F16", X11)],
    "Paste": [("Ctrl+Shift+Ins", X11), ("Ctrl+V", ALL), ("Shift+Ins", ("windows",) + X11), ("F18", X11),
              ("Meta+Y", ("macos",))],
    "Delete": [("Ctrl+D", X11), ("Del", ALL), ("Meta+D", ("macos",))],
    "SelectAll": [("Ctrl+A", ALL)],
    "ZoomIn": [("Ctrl++", ALL)],
    "ZoomOut": [("Ctrl+-", ALL)],
    "HelpContents": [("F1", ("windows",) + X11), ("Ctrl+?", ("macos",))],
}


def bindings(standard_key: str, platform: str) -> list[str]:
    return [seq for seq, platforms in ROWS[standard_key] if platform in platforms]
