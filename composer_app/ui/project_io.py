"""The window's document as a project (.composer) and back: save, open, restore after a crash (undoable)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from composer_app.core.project import Project


def project_of(window) -> Project:
    """A snapshot of what the window holds: melody, pending variations, settings, model, where it lives."""
    return window.session.project(window.panel.settings(), window.model.card if window.model is not None else None)


def show_project(window, project: Project, path: Path | None, restore: bool = False) -> None:
    """Make a project the window's document: opened from its file (a fresh undo history) or, with `restore`,
    recovered work put over the open document as one undoable step (the document stays unsaved)."""
    if not restore:
        window.safekeeping.new_document()
        window.undo.clear()
    window.session.open_project(project, path, restore,
                                QCoreApplication.translate("MainWindow", "Restore recovered work"))
    window.panel.apply_settings(project.generation)
    window.melody_changed()
    window.update_title()
