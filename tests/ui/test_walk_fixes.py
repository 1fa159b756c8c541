"""What a student met walking the window (issue 18), offscreen where keys and focus do not matter."""

from __future__ import annotations

from composer_app.core.melody import Melody
from composer_app.core.project import load_project, save_project


def phrase(bars: int = 2) -> Melody:
    pitches = (60, 62, 64, 65, 67, 65, 64, 62)
    return Melody.from_notes([(i * 240, 240, pitches[i % 8], 90) for i in range(8 * bars)], name="phrase")


def test_after_recovery_save_as_keeps_the_accepted_variations_and_points_at_the_new_file(window, qtbot, tmp_path,
                                                                                        monkeypatch):
    from composer_app.session.recovery import Recoverable
    from composer_app.ui.dialogs.recovery_dialog import restore_into
    from composer_app.ui.main_window import MainWindow

    window.set_document(phrase(), None)
    assert window.start_continue()
    qtbot.waitUntil(lambda: len(window.session.variations) > 0, timeout=20000)
    assert window.accept_variation()
    first = tmp_path / "first.composer"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(first), ""))
    assert window.files.save_as()
    assert len(load_project(first).accepted) == 1
    window.roll.select_all()
    window.roll.transpose_selection(2)  # unsaved work, as the autosave keeps it when the app is killed
    autosaved = tmp_path / "autosave.composer"
    save_project(window.current_project(), autosaved)
    window.undo.setClean()

    other = MainWindow(load_model_in_background=False)  # the app started again
    qtbot.addWidget(other)
    assert restore_into(other, Recoverable(autosaved, 0.0, "first", len(window.melody)))
    assert len(other.accepted) == 1 and other.melody.contents() == window.melody.contents()
    second = tmp_path / "second.composer"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(second), ""))
    assert other.files.save_as()
    project = load_project(second)
    assert len(project.accepted) == 1
    assert project.document["path"] == str(second)
    other.undo.setClean()


def test_work_accepted_but_never_saved_comes_back_with_its_accepted_variation(window, qtbot, tmp_path, monkeypatch):
    from composer_app.session.recovery import Recoverable
    from composer_app.ui.dialogs.recovery_dialog import restore_into
    from composer_app.ui.main_window import MainWindow

    window.set_document(phrase(), None)
    assert window.start_continue()
    qtbot.waitUntil(lambda: len(window.session.variations) > 0, timeout=20000)
    assert window.accept_variation()
    autosaved = tmp_path / "autosave.composer"
    save_project(window.current_project(), autosaved)
    window.undo.setClean()
    other = MainWindow(load_model_in_background=False)
    qtbot.addWidget(other)
    assert restore_into(other, Recoverable(autosaved, 0.0, "phrase", len(window.melody)))
    target = tmp_path / "kept.composer"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    assert other.files.save_as()
    project = load_project(target)
    assert len(project.accepted) == 1 and project.document["path"] == str(target)
    other.undo.setClean()
