"""Autosave and crash recovery: one recovery file per open document and running app, in the user's data folder.

While a document has unsaved changes the window writes it every 30 s as a project file named
`PID-DOCUMENT.composer` in `recovery/`; a clean save or close removes it. At start, every recovery file
whose app is no longer running is offered back (time, name). Nothing here imports Qt.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from composer_app.core.project import Project, ProjectError, load_project, save_project
from composer_app.core.user_folders import data_dir

AUTOSAVE_SECONDS = 30.0


def recovery_dir() -> Path:
    return data_dir() / "recovery"


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if handle:
            ctypes.windll.kernel32.CloseHandle(handle)
            return True
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass(frozen=True)
class Recoverable:
    """A recovery file left by an app that is no longer running."""

    path: Path
    saved_at: float  # seconds since the epoch
    title: str
    notes: int

    def describe(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.saved_at))
        return f"{self.title} ({self.notes} notes, {when})"


class Autosaver:
    """Writes one document's recovery file; the caller says when (a timer) and what (a Project)."""

    def __init__(self, document_id: int, folder: Path | None = None, pid: int | None = None) -> None:
        self.folder = folder or recovery_dir()
        self.path = self.folder / f"{pid or os.getpid()}-{document_id}.composer"
        self.saved_revision: int | None = None
        self.last_saved_at = 0.0

    def save(self, project: Project, revision: int) -> bool:
        """Write the project unless this revision is already on disk; True when it wrote."""
        if revision == self.saved_revision and self.path.exists():
            return False
        self.folder.mkdir(parents=True, exist_ok=True)
        save_project(project, self.path, keep_backup=False)
        self.saved_revision, self.last_saved_at = revision, time.time()
        return True

    def discard(self) -> None:
        """The document is saved or closed: no recovery needed."""
        self.path.unlink(missing_ok=True)
        self.saved_revision = None


def recoverable(folder: Path | None = None) -> list[Recoverable]:
    """Recovery files of apps that are no longer running, newest first; unreadable ones are skipped."""
    folder = folder or recovery_dir()
    found = []
    for path in sorted(folder.glob("*.composer")) if folder.is_dir() else []:
        try:
            pid = int(path.stem.split("-", 1)[0])
        except ValueError:
            continue
        if _running(pid):
            continue
        try:
            project = load_project(path)
            saved_at = path.stat().st_mtime
        except (ProjectError, OSError):
            continue
        title = project.document.get("title") or project.melody.name or path.stem
        found.append(Recoverable(path, saved_at, title, len(project.melody)))
    return sorted(found, key=lambda r: -r.saved_at)
