"""Window behaviours a student relies on: accept over a selection, undo of Accept, Again with new settings,
loop, Play state, pitch names, tempo and time signature, remembered settings and save folder."""

from pathlib import Path

from PySide6.QtCore import Qt

from composer_app.core.melody import Melody
from composer_app.engine.bench import bench_seed_phrase
from tests.ui.test_window import generate


def test_pitch_range_boxes_take_note_names(window, qtbot):
    box = window.panel.low
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "C4")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert box.value() == 60 and box.text() == "C4"
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "F#3")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert box.value() == 54
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "64")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert box.value() == 64 and box.text() == "E4"


def test_accepting_a_continuation_of_a_selection_replaces_the_bars_it_fills(window, qtbot):
    window.set_document(bench_seed_phrase(), None)
    first_two_bars = [n.id for n in window.melody if n.tick < 2 * 1920]
    window.roll.state.set_selection(first_two_bars)
    window.panel.from_selection.setChecked(True)
    generate(window, qtbot, bars=2, variations=2)
    assert window.ghost_range == (2 * 1920, 4 * 1920)
    chosen = window.roll.state.ghosts[0].contents()
    assert window.accept_variation()
    m = window.melody
    assert m.is_monophonic()
    assert [n.content() for n in m if 2 * 1920 <= n.tick < 4 * 1920] == chosen
    assert [n.content() for n in m if n.tick >= 4 * 1920] == [n for n in bench_seed_phrase().contents() if n[0] >= 4 * 1920]


def test_undo_of_accept_brings_the_variations_back_and_redo_hides_them(window, qtbot):
    window.set_document(bench_seed_phrase(), None)
    generate(window, qtbot, bars=2, variations=3)
    ghosts = [g.contents() for g in window.roll.state.ghosts]
    window.generation.cycle(1)
    before = window.melody.contents()
    assert window.accept_variation()
    assert window.roll.state.ghosts == [] and window.panel.list.count() == 0
    window.undo.undo()
    assert window.melody.contents() == before
    assert [g.contents() for g in window.roll.state.ghosts] == ghosts and window.panel.list.count() == 3
    assert window.roll.state.ghost_index == 1
    window.undo.redo()
    assert window.roll.state.ghosts == [] and window.melody.contents() != before


def test_again_uses_the_settings_changed_after_the_first_continue(window, qtbot):
    window.set_document(bench_seed_phrase(), None)
    generate(window, qtbot, bars=2, variations=2)
    window.panel.bars.setValue(4)
    window.panel.variations.setValue(3)
    with qtbot.waitSignal(window.roll.state.ghosts_changed, timeout=10_000):
        assert window.generation.again()
    qtbot.waitUntil(lambda: window.worker is None)
    assert len(window.roll.state.ghosts) == 3
    assert window.ghost_range == (window.melody.end_tick, window.melody.end_tick + 4 * 1920)


def test_play_shows_that_it_plays_and_a_loop_repeats(window, qtbot):
    window.set_document(Melody.from_notes([(i * 120, 120, 60 + i % 5, 80) for i in range(16)]), None)
    play = window.actions["play"]
    window.roll.state.loop = (0, 480)  # a quarter note at 120 BPM: 0.5 s
    play.trigger()
    assert play.isChecked() and window.player.playing
    qtbot.wait(1300)  # past the loop's end twice
    assert window.player.playing and play.isChecked()
    assert 0 <= window.roll.state.playhead < 480
    play.trigger()
    assert not window.player.playing and not play.isChecked()


def test_playback_stops_when_undo_empties_the_bars_ahead(window, qtbot):
    window.set_document(Melody.from_notes([(0, 240, 60, 80)]), None)
    window.melody.add(240, 240, 62, 80)
    window.roll.state.set_playhead(0)
    window.actions["play"].trigger()
    assert window.player.playing
    qtbot.wait(200)
    window.melody.remove([n.id for n in window.melody])  # as an undo would
    qtbot.waitUntil(lambda: not window.player.playing, timeout=2000)
    assert not window.actions["play"].isChecked()


def test_tempo_and_time_signature_are_undoable_document_settings(window, qtbot):
    window.set_document(Melody(), None)
    window.tempo_box.setValue(90)
    window.meter_box.setCurrentIndex(window.meter_box.findData("3/4"))
    assert round(window.melody.bpm) == 90 and str(window.melody.time_signature) == "3/4"
    assert window.isWindowModified()
    window.undo.undo()
    assert str(window.melody.time_signature) == "4/4" and window.meter_box.currentText() == "4/4"
    window.undo.undo()
    assert round(window.melody.bpm) == 120 and window.tempo_box.value() == 120


def test_continue_settings_are_remembered_across_restarts(window, qtbot):
    from composer_app.ui.main_window import MainWindow

    window.panel.bars.setValue(6)
    window.panel.style.setCurrentIndex(window.panel.style.findData("chorale"))
    window.panel.end_on.setCurrentIndex(window.panel.end_on.findData("chord"))
    window.close()
    again = MainWindow(load_model_in_background=False)
    qtbot.addWidget(again)
    assert again.panel.bars.value() == 6 and again.panel.end_on.currentData() == "chord"
    assert again.panel.style.currentData() == "chorale"


def test_save_suggests_a_folder_of_the_students_not_the_imported_files(window, chopin_dir, monkeypatch, tmp_path):
    assert window.files.open_file(chopin_dir / "chpn-p7_format0.mid", ask=False)
    suggested = []
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        lambda parent, title, where, filters: (suggested.append(where), ("", ""))[1])
    window.files.save_as()
    assert suggested and Path(suggested[0]).parent != chopin_dir
    assert suggested[0].endswith(".composer")


def test_first_steps_hint_and_example_seed(window, qtbot):

    window.set_document(Melody(), None)
    assert window.hint.isVisible()
    window.open_example()
    assert len(window.melody) > 8 and window.hint.isVisible() and not window.isWindowModified()
    window.session.do(window.session.add_notes([(20000, 240, 60, 80)], "Add note", select=False))
    assert not window.hint.isVisible()


def test_every_control_has_a_tooltip_and_help_lists_the_shortcuts(window, qtbot):
    from PySide6.QtWidgets import QAbstractButton, QAbstractSlider, QAbstractSpinBox, QComboBox

    from composer_app.ui.dialogs.help import ShortcutsDialog

    controls = [w for kind in (QAbstractSpinBox, QAbstractSlider, QComboBox, QAbstractButton)
                for w in window.panel.findChildren(kind)
                if w.isVisibleTo(window.panel) and not w.objectName().startswith("qt_")]  # Qt's own dock buttons
    assert len(controls) > 12
    assert [w.objectName() or type(w).__name__ for w in controls if not w.toolTip()] == []
    assert all(a.toolTip() for a in window.actions.values())
    dialog = ShortcutsDialog(window.actions, window)
    qtbot.addWidget(dialog)
    texts = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    keys = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert "Continue" in texts and "Ctrl+Return" in keys[texts.index("Continue")]
    assert "Keyboard Shortcuts" in texts and len(texts) > 30


def test_about_names_the_version(window, message_boxes):
    from composer_app import __version__

    window.show_about()
    assert message_boxes[-1][0] == "about" and __version__ in message_boxes[-1][2]


def test_cancel_stops_a_running_continue_and_keeps_the_document(window, qtbot):
    window.set_document(bench_seed_phrase(), None)
    before = window.melody.contents()
    window.panel.bars.setValue(32)
    window.panel.variations.setValue(8)
    assert window.start_continue()
    window.generation.cancel()
    qtbot.waitUntil(lambda: window.worker is None, timeout=10_000)
    assert window.roll.state.ghosts == [] and window.melody.contents() == before
    assert "cancelled" in window.statusBar().currentMessage()
    assert window.panel.continue_button.text() == "Continue"
