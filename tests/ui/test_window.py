"""The main window with the real model: continue, accept, files, drag and drop, clipboard, settings."""

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QDialog

from composer_app.core.melody import Melody
from composer_app.core.midifile import load_melody, read_midi
from composer_app.engine.bench import bench_seed_phrase
from composer_app.ui.dialogs.track_chooser import TrackChooser
from composer_app.ui.midi_mime import midi_mime_data


def generate(window, qtbot, **panel):
    for name, value in panel.items():
        getattr(window.panel, name).setValue(value)
    with qtbot.waitSignal(window.roll.state.ghosts_changed, timeout=10_000):
        assert window.start_continue()
    qtbot.waitUntil(lambda: window.worker is None)


def test_continue_shows_ghosts_and_accept_is_undoable(window, qtbot):
    window.set_document(bench_seed_phrase(), None)
    before = window.melody.contents()
    generate(window, qtbot, bars=2, variations=3)
    ghosts = window.roll.state.ghosts
    assert len(ghosts) == 3 and window.panel.list.count() == 3
    assert all(n.tick >= window.melody.end_tick for g in ghosts for n in g)
    window.actions["next_variation"].trigger()
    assert window.roll.state.ghost_index == 1
    chosen = ghosts[1].contents()
    window.actions["accept_variation"].trigger()
    assert window.roll.state.ghosts == []
    assert window.melody.contents() == sorted(before + chosen)
    window.undo.undo()
    assert window.melody.contents() == before
    window.undo.redo()
    assert window.melody.contents() == sorted(before + chosen)


def test_escape_discards_and_again_regenerates(window, qtbot):
    window.set_document(bench_seed_phrase(), None)
    generate(window, qtbot, bars=1, variations=2)
    window.actions["discard_variations"].trigger()
    assert window.roll.state.ghosts == [] and window.panel.list.count() == 0
    with qtbot.waitSignal(window.roll.state.ghosts_changed, timeout=10_000):
        window.actions["again"].trigger()
    qtbot.waitUntil(lambda: window.worker is None)
    assert len(window.roll.state.ghosts) == 2


def test_key_lock_from_the_panel(window, qtbot):
    window.set_document(bench_seed_phrase(), None)
    window.panel.key.setCurrentIndex(window.panel.key.findData("Eb"))
    generate(window, qtbot, bars=4, variations=4)
    scale = {3, 5, 7, 8, 10, 0, 2}
    assert all(n.pitch % 12 in scale for g in window.roll.state.ghosts for n in g)


def test_open_a_chopin_file_through_the_track_chooser(window, chopin_dir):
    path = chopin_dir / "chpn-p7_format0.mid"
    seen = {}

    def answer():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, TrackChooser)
        seen["rows"] = dialog.table.rowCount()
        seen["notes"] = dialog.table.item(0, 4).text()
        dialog.accept()

    QTimer.singleShot(0, answer)
    assert window.files.open_file(path)
    assert seen == {"rows": 1, "notes": "164"}
    song = read_midi(path)
    assert window.melody.contents() == song.melody().contents()  # the melody as the file has it
    from composer_app.core.chord_recognition import chords_of_song

    assert list(window.melody.chords) == chords_of_song(song, song.melody())[0]  # and its left hand's chords
    assert "chpn-p7_format0.mid" in window.windowTitle()


def test_cancelled_chooser_keeps_the_current_work(window, chopin_dir):
    window.melody.add(0, 120, 60)
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    assert not window.files.open_file(chopin_dir / "chpn-p7_format0.mid")
    assert window.melody.contents() == [(0, 120, 60, 80)]


def test_broken_file_is_one_sentence_and_nothing_lost(window, tmp_path, message_boxes):
    window.melody.add(0, 120, 60)
    bad = tmp_path / "broken.mid"
    bad.write_bytes(b"MThd\x00\x00\x00\x06\x00\x01\x00\x01\x01\xe0MTrk\x00\x00\x00\x09\x00\x90\x3c")
    assert not window.files.open_file(bad)
    assert message_boxes[-1][0] == "warning" and message_boxes[-1][2].startswith("“broken.mid” is damaged")
    assert window.melody.contents() == [(0, 120, 60, 80)]


def test_save_then_reopen_equals_the_document(window, tmp_path, monkeypatch):
    window.set_document(bench_seed_phrase(), None)
    window.melody.add(8000, 240, 70, 100)
    target = tmp_path / "song.mid"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.files.save()
    assert not window.isWindowModified() and window.path == target
    again = load_melody(target, all_notes=True)
    assert again.contents() == window.melody.contents() and again.key_signature == "C"


def test_save_as_project_keeps_variations_and_settings_and_reopens(window, qtbot, tmp_path, monkeypatch):
    window.set_document(bench_seed_phrase(), None)
    window.panel.style.setCurrentIndex(window.panel.style.findData("song"))
    window.panel.end_on.setCurrentIndex(window.panel.end_on.findData("tonic"))
    generate(window, qtbot, bars=2, variations=3)
    window.melody.add(20000, 240, 70, 100)
    target = tmp_path / "piece"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.files.save()
    saved = tmp_path / "piece.composer"
    assert window.path == saved and not window.isWindowModified()
    assert saved.stat().st_mode & 0o777 != 0o600
    notes, ghosts = window.melody.contents(), [g.contents() for g in window.roll.state.ghosts]
    window.set_document(bench_seed_phrase(), None)
    assert window.files.open_file(saved)
    assert window.melody.contents() == notes and [g.contents() for g in window.roll.state.ghosts] == ghosts
    assert window.panel.style.currentData() == "song" and window.panel.end_on.currentData() == "tonic"
    assert window.panel.list.count() == 3


def test_variation_mime_is_a_valid_smf_and_drop_opens_files(window, qtbot, tmp_path):
    window.set_document(bench_seed_phrase(), None)
    generate(window, qtbot, bars=2, variations=2)
    mime = window.files.variation_mime()
    assert mime.hasUrls() and mime.hasFormat("audio/midi")
    path = Path(mime.urls()[0].toLocalFile())
    assert path.suffix == ".mid" and path.read_bytes() == bytes(mime.data("audio/midi"))
    assert read_midi(path).melody(all_notes=True) == window.roll.state.ghosts[0]
    # the drop handler opens a dropped .mid (the drag itself cannot be driven in a test)
    dropped = tmp_path / "dropped.mid"
    dropped.write_bytes(path.read_bytes())
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(dropped))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.undo.setClean()
    window.dropEvent(event)
    assert event.isAccepted() and window.imported_from == dropped
    assert window.melody.contents() == read_midi(dropped).melody().contents()


def test_copy_as_midi_file_puts_an_smf_on_the_clipboard(window):
    window.set_document(bench_seed_phrase(), None)
    assert window.files.copy_as_midi_file()
    data = QApplication.clipboard().mimeData()
    assert bytes(data.data("audio/midi"))[:4] == b"MThd"
    again = read_midi(bytes(data.data("audio/midi"))).melody()
    assert again.contents() == window.melody.contents() and again.key_signature == "C"


def test_midi_mime_data_helper():
    mime = midi_mime_data(Melody.from_notes([(0, 480, 60, 80)]), "a b/c")
    assert Path(mime.urls()[0].toLocalFile()).name == "a-b-c.mid"


def test_settings_are_remembered_in_the_isolated_folder(qtbot, loaded_model, isolated_settings):
    from composer_app.ui.main_window import MainWindow

    w = MainWindow(load_model_in_background=False)
    qtbot.addWidget(w)
    w.grid_box.setCurrentText("1/8T")
    w.close()
    assert (isolated_settings / "composer-app.ini").exists()
    w2 = MainWindow(load_model_in_background=False)
    qtbot.addWidget(w2)
    assert w2.roll.state.grid == "1/8T"


def test_generation_unavailable_without_a_model(qtbot, tmp_path, message_boxes):
    from composer_app.ui.main_window import MainWindow

    w = MainWindow(load_model_in_background=False)
    qtbot.addWidget(w)
    w.models.set_model_error("missing.onnx: the model file does not exist")
    assert not w.panel.continue_button.isEnabled()
    assert not w.start_continue()
    assert "does not exist" in message_boxes[-1][2]


def test_model_loads_in_the_background(qtbot):
    from composer_app.ui.main_window import MainWindow

    w = MainWindow(load_model_in_background=True)
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: w.model is not None, timeout=10_000)
    assert "CPU" in w.model_label.text()


def test_preferences_dialog_saves_language(window, monkeypatch):
    from composer_app.ui.dialogs.preferences import PreferencesDialog

    dialog = PreferencesDialog(window.settings, window)
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    dialog.accept()
    assert window.settings.value("language") == "es"
    assert QDialog.DialogCode.Accepted == dialog.result()
