"""The window's document as a project (.composer) and back: save, open, restore after a crash (undoable)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from composer_app.core.melody import Melody
from composer_app.core.project import Project


def project_of(window) -> Project:
    """A snapshot of what the window holds: melody, pending variations, settings, model, where it lives."""
    return window.session.project(window.panel.settings(), window.model.card if window.model is not None else None)


def show_project(window, project: Project, path: Path | None) -> None:
    """Make a loaded project the window's document (a fresh undo history)."""
    window.safekeeping.new_document()
    window.undo.clear()
    window.session.open_project(project, path)
    window.panel.apply_settings(project.generation)
    window._on_melody_changed()
    window._update_title()


class RestoreDocument(QUndoCommand):
    """Replace the document's notes and metadata by a recovered project's; undo brings back what was there."""

    def __init__(self, melody: Melody, project: Project, text: str) -> None:
        super().__init__(text)
        self.melody = melody
        self.before = (list(melody), list(melody.tempos), melody.time_signature, melody.key_signature, melody.name)
        r = project.melody
        self.after = (list(r), list(r.tempos), r.time_signature, r.key_signature, r.name)

    def _set(self, state) -> None:
        notes, tempos, ts, key, name = state
        m = self.melody
        m.tempos, m.time_signature, m.key_signature, m.name = list(tempos), ts, key, name
        m.apply([n.id for n in m], notes)

    def redo(self) -> None:
        self._set(self.after)

    def undo(self) -> None:
        self._set(self.before)


def restore_project(window, project: Project) -> None:
    """Bring a recovered project into the window as one undoable step (the document stays unsaved)."""
    window.undo.push(RestoreDocument(window.melody, project, QCoreApplication.translate("MainWindow", "Restore recovered work")))
    where = project.document.get("path")
    if where and Path(where).suffix.lower() == ".composer":
        window.session.path = Path(where)
    elif where:
        window.session.imported_from = Path(where)
    window.panel.apply_settings(project.generation)
    window.session.show_pending(project)
    window._update_title()
