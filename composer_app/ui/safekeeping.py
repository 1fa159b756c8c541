"""Never losing work in the window: autosave every 30 s while dirty, recovery at start, a crash log.

The window composes one Safekeeping; it asks the window for a Project snapshot (`current_project`) and
whether the document is dirty, and writes through session.recovery (no Qt below this module).
"""

from __future__ import annotations

import itertools
import os
import sys
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from composer_app.core.errors import ComposerError
from composer_app.session.recovery import AUTOSAVE_SECONDS, Autosaver, data_dir

_document_ids = itertools.count(1)


def autosave_interval() -> float:
    """Seconds between autosaves (COMPOSER_AUTOSAVE_SECONDS shortens it for tests)."""
    try:
        return max(0.2, float(os.environ.get("COMPOSER_AUTOSAVE_SECONDS", AUTOSAVE_SECONDS)))
    except ValueError:
        return AUTOSAVE_SECONDS


class Safekeeping(QObject):
    """Autosaves one window's document and removes the recovery file when the work is safe."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.autosaver = Autosaver(next(_document_ids))
        self.revision = 0
        self.timer = QTimer(self)
        self.timer.setInterval(int(autosave_interval() * 1000))
        self.timer.timeout.connect(self.autosave)
        self.timer.start()
        self.last_error: str | None = None

    def document_changed(self, *_args) -> None:
        self.revision += 1

    def new_document(self) -> None:
        """Another document replaces the current one (after the user chose to save or discard)."""
        self.autosaver.discard()
        self.autosaver = Autosaver(next(_document_ids))
        self.revision += 1

    def autosave(self) -> bool:
        """Write the recovery file if the document has unsaved changes; remove it if it has none."""
        if not self.window.is_dirty():
            self.autosaver.discard()
            return False
        try:
            wrote = self.autosaver.save(self.window.current_project(), self.revision)
        except ComposerError as e:  # a full disk must not interrupt the student; say it once
            if self.last_error != str(e):
                self.last_error = str(e)
                self.window.statusBar().showMessage(self.tr("Autosave failed: %1").replace("%1", str(e)), 10000)
            return False
        self.last_error = None
        return wrote

    def work_is_safe(self) -> None:
        """Saved or deliberately closed: the recovery file is not needed."""
        self.autosaver.discard()

    def close(self) -> None:
        self.timer.stop()


def crash_log_path() -> Path:
    return data_dir() / "crash.log"


def install_crash_handler(windows) -> None:
    """Uncaught exceptions: logged to the data folder, every open document autosaved, the user told once."""
    told = []

    def handle(kind, value, tb) -> None:
        log = crash_log_path()
        try:
            log.parent.mkdir(parents=True, exist_ok=True)
            with open(log, "a", encoding="utf-8") as f:
                f.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} ---\n")
                f.write("".join(traceback.format_exception(kind, value, tb)))
        except OSError:
            pass
        for w in list(windows()):
            try:
                w.safekeeping.autosave()
            except Exception:  # noqa: BLE001  (saving what we can matters more than why one failed)
                pass
        if not told:
            told.append(True)
            parent = next(iter(windows()), None)
            QMessageBox.warning(parent, "composer-app",
                                QCoreApplication.translate("Safekeeping", "Something went wrong inside composer-app. "
                                                           "Your work was autosaved; the details are in %1.")
                                .replace("%1", str(log)))
        sys.__excepthook__(kind, value, tb) if os.environ.get("COMPOSER_DEBUG") else None

    sys.excepthook = handle
