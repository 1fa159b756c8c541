"""MIDI files on the clipboard and in drags: a temporary .mid as a file URL plus audio/midi bytes."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from PySide6.QtCore import QMimeData, QUrl

from composer_app.core.formats import format_of
from composer_app.core.melody import Melody
from composer_app.core.midifile import melody_to_bytes, write_bytes_atomically

MIDI_MIME_TYPES = ("audio/midi", "audio/x-midi")
_drag_dir: Path | None = None


def drag_folder() -> Path:
    """A folder for the temporary files handed to other programs (kept until the app exits)."""
    global _drag_dir
    if _drag_dir is None or not _drag_dir.exists():
        _drag_dir = Path(tempfile.mkdtemp(prefix="composer-app-drag-"))
    return _drag_dir


def midi_mime_data(melody: Melody, name: str) -> QMimeData:
    """QMimeData holding `melody` as an SMF: a file URL (DAWs, file managers) and raw audio/midi bytes."""
    data = melody_to_bytes(melody)
    safe = re.sub(r"[^\w.-]+", "-", name).strip("-") or "melody"
    path = drag_folder() / f"{safe}.mid"
    write_bytes_atomically(path, data, keep_backup=False)  # a scratch copy for the drop: no .bak beside it
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    for kind in MIDI_MIME_TYPES:
        mime.setData(kind, data)
    mime.setText(str(path))
    return mime


def midi_paths_in(mime: QMimeData) -> list[Path]:
    """Local files of a kind composer-app opens (MIDI files, projects) carried by a drop."""
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls()
            if u.isLocalFile() and format_of(u.toLocalFile()) is not None]


_clear_registered = False


def set_clipboard(mime: QMimeData) -> None:
    """Put data on the clipboard, and empty the clipboard before the app is torn down.

    Qt's clipboard still owning data when QApplication is destroyed crashes on exit (seen with the
    offscreen platform), so the clipboard is cleared at interpreter exit.
    """
    global _clear_registered
    import atexit

    from PySide6.QtWidgets import QApplication

    QApplication.clipboard().setMimeData(mime)
    if not _clear_registered:
        _clear_registered = True

        def clear() -> None:
            app = QApplication.instance()
            if app is not None:
                QApplication.clipboard().clear()

        atexit.register(clear)
