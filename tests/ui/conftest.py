import pytest

from composer_app.engine.model import bundled_model_path, load_model


@pytest.fixture(scope="session")
def loaded_model():
    return load_model(bundled_model_path(), force_cpu=True)


@pytest.fixture
def window(qtbot, loaded_model):
    from composer_app.ui.main_window import MainWindow

    w = MainWindow(load_model_in_background=False)
    w.models.set_model(loaded_model)
    qtbot.addWidget(w)
    w.resize(1200, 700)
    w.show()
    qtbot.waitExposed(w)
    w.undo.setClean()
    yield w
    w.undo.setClean()  # no "save changes?" prompt at teardown


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch):
    """Record message boxes instead of blocking on them (a modal box would hang an offscreen test)."""
    from PySide6.QtWidgets import QMessageBox

    shown = []

    def record(kind, answer):
        def box(parent, title, text, *args, **kwargs):
            shown.append((kind, title, text))
            return answer
        return box

    monkeypatch.setattr(QMessageBox, "warning", record("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "information", record("information", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.Discard))
    monkeypatch.setattr(QMessageBox, "about", record("about", None))
    return shown


from tests.midi.conftest import jack_server, keyboard, synth  # noqa: E402,F401  (real JACK ports for the window)
