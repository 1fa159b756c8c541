"""The window's document as a project (.composer) and back: save, open, restore after a crash (undoable)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from composer_app.core.melody import Melody
from composer_app.core.project import Project


def project_of(window) -> Project:
    """A snapshot of what the window holds: melody, pending variations, settings, model, where it lives."""
    state = window.roll.state
    ghosts = [[n.content() for n in g] for g in state.ghosts]
    ghost_range = window.ghost_range or (0, 0)
    model = None
    if window.model is not None:
        model = {"name": window.model.name, "sha256": str(window.model.card.get("sha256", ""))}
    where = window.path or window.imported_from
    title = where.name if where else QCoreApplication.translate("MainWindow", "Untitled")
    return Project(window.melody, ghosts, state.ghost_index if ghosts else 0, ghost_range,
                   list(getattr(window, "accepted", [])), window.panel.settings(), model,
                   {"title": title, "path": str(where) if where else None})


def variations_of(project: Project, like: Melody) -> list[Melody]:
    return [Melody.from_notes(v, tempos=list(like.tempos), time_signature=like.time_signature,
                              key_signature=like.key_signature, name=f"Variation {k + 1}")
            for k, v in enumerate(project.pending)]


def show_project(window, project: Project, path: Path | None) -> None:
    """Make a loaded project the window's document (a fresh undo history)."""
    window.set_document(project.melody, path)
    window.accepted = list(project.accepted)
    window.panel.apply_settings(project.generation)
    ghosts = variations_of(project, project.melody)
    if ghosts:
        window.show_variations(ghosts, project.pending_index, project.pending_range)


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
        window.path = Path(where)
    elif where:
        window.imported_from = Path(where)
    window.panel.apply_settings(project.generation)
    ghosts = variations_of(project, window.melody)
    if ghosts:
        window.show_variations(ghosts, project.pending_index, project.pending_range)
    window._update_title()
