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


def test_the_key_written_in_the_file_is_the_auto_key_and_the_tonic_ends_on_it(window, qtbot, chopin_dir):
    """Chopin's Prelude 7 declares A major: Auto says so, and "end on the tonic" ends on A (the notes alone
    suggest F# minor)."""
    from composer_app.core.keys import detect_key

    assert window.files.open_file(chopin_dir / "chpn-p7_format0.mid", ask=False)
    assert window.melody.key_signature == "A" and detect_key(window.melody).key.name == "F#m"
    assert window.panel.key.itemText(0) == "Auto (A, from the file)"
    assert window.key_label.text() == "Key: A"
    window.panel.end_on.setCurrentIndex(window.panel.end_on.findData("tonic"))
    window.panel.variations.setValue(4)
    assert window.start_continue()
    qtbot.waitUntil(lambda: len(window.session.variations) == 4, timeout=30000)
    assert {v.notes[-1].pitch % 12 for v in window.session.variations.items} == {9}


def test_without_a_key_in_the_file_auto_guesses(window):
    window.set_document(phrase(), None)
    from composer_app.core.keys import detect_key

    assert window.melody.key_signature is None
    assert window.panel.key.itemText(0) == f"Auto ({detect_key(window.melody).key.name})"


def test_a_piece_with_tempo_changes_says_so_and_scales_them_all(window, chopin_dir):
    assert window.files.open_file(chopin_dir / "chpn-p7_format0.mid", ask=False)
    tempos = list(window.melody.tempos)
    assert len(tempos) > 1
    box = window.tempo_box
    assert box.suffix() == " BPM (changes later)" and str(len(tempos) - 1) in box.toolTip()
    box.setValue(round(window.melody.bpm * 2))  # twice as fast
    after = list(window.melody.tempos)
    assert [t.tick for t in after] == [t.tick for t in tempos]
    assert all(abs(b.tempo * 2 - a.tempo) <= 2 * a.tempo / 100 for a, b in zip(tempos[1:], after[1:]))
    window.undo.undo()
    assert list(window.melody.tempos) == tempos
    window.set_document(phrase(), None)
    assert window.tempo_box.suffix() == " BPM"


def test_extreme_settings_are_explained(window, qtbot):
    from composer_app.engine.generate import ContinueOptions

    window.set_document(phrase(), None)
    said = []
    window.statusBar().messageChanged.connect(lambda text: said.append(text))
    assert window.start_continue(ContinueOptions(bars=2, variations=4, temperature=0.1, top_p=0.5, seed=3))
    qtbot.waitUntil(lambda: window.worker is None and len(window.session.variations) > 0, timeout=30000)
    assert any("came out different" in s or "between two notes" in s for s in said), said
    said.clear()
    assert window.start_continue(ContinueOptions(bars=2, variations=4, seed=3))
    qtbot.waitUntil(lambda: window.worker is None and len(said) > 0, timeout=30000)
    assert not any("came out different" in s or "between two notes" in s for s in said), said


def test_an_inverted_range_is_swapped_and_said(window, qtbot):
    window.set_document(phrase(), None)
    window.panel.low.setValue(80)
    window.panel.high.setValue(60)
    assert window.start_continue()
    assert (window.panel.low.value(), window.panel.high.value()) == (60, 80)
    assert "swapped" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.worker is None, timeout=30000)


def test_a_sound_recording_is_not_a_midi_file_said_plainly(window, tmp_path, message_boxes):
    import wave

    path = tmp_path / "take.wav"
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(44100)
        w.writeframes(b"\0\0" * 4410)
    before = window.melody.contents()
    assert not window.files.open_file(path)  # a recording is transcribed; a silent one has no notes to give
    kind, title, text = message_boxes[-1]
    assert "no notes were heard" in text and "take.wav" in text
    assert window.melody.contents() == before
    disguised = tmp_path / "take.mid"  # a recording named as a MIDI file is still said plainly
    disguised.write_bytes(path.read_bytes())
    assert not window.files.open_file(disguised)
    kind, title, text = message_boxes[-1]
    assert "sound recording, not a MIDI file" in text and "take.mid" in text and "MThd" not in text.split("\n")[0]
    assert window.melody.contents() == before


def test_a_damaged_project_points_to_its_backup(window, tmp_path, message_boxes):
    from composer_app.core.project import Project

    path = tmp_path / "song.composer"
    save_project(Project(phrase()), path)
    save_project(Project(phrase(3)), path)  # the second save keeps the first as song.composer.bak
    path.write_text(path.read_text()[:200])  # cut short: damaged
    assert not window.files.open_file(path)
    text = message_boxes[-1][2]
    assert "damaged" in text and "song.composer.bak" in text and "Expecting" not in text.split("\n")[0]
    assert len(load_project(tmp_path / "song.composer.bak").melody) == 16


def test_the_recovery_dialog_shows_its_title_and_entries_whole(qtbot):
    from composer_app.session.recovery import Recoverable
    from composer_app.ui.dialogs.recovery_dialog import RecoveryDialog

    found = [Recoverable(__import__("pathlib").Path("/nowhere/1-1.composer"), 0.0,
                         "Prelude in A major, Op. 28 No. 7 (a long title of recovered work)", 1234)]
    dialog = RecoveryDialog(found)
    qtbot.addWidget(dialog)
    dialog.show()
    metrics = dialog.fontMetrics()
    assert dialog.list.viewport().width() >= metrics.horizontalAdvance(dialog.entry_text(found[0]))
    assert dialog.width() >= metrics.horizontalAdvance(dialog.windowTitle()) + 100


def test_opening_a_file_that_changes_metre_says_the_melody_keeps_one(window, tmp_path):
    """A melody has one metre; a file whose metre changes is opened in its first, and the window says so."""
    import mido

    song = mido.MidiFile(ticks_per_beat=480)
    track = mido.MidiTrack()
    song.tracks.append(track)
    track.append(mido.MetaMessage("time_signature", numerator=4, denominator=4, time=0))
    for i in range(16):
        track.append(mido.Message("note_on", note=60 + i % 8, velocity=80, time=0))
        track.append(mido.Message("note_off", note=60 + i % 8, velocity=0, time=480))
    track.append(mido.MetaMessage("time_signature", numerator=3, denominator=4, time=0))
    for _ in range(6):
        track.append(mido.Message("note_on", note=64, velocity=80, time=0))
        track.append(mido.Message("note_off", note=64, velocity=0, time=480))
    path = tmp_path / "changes.mid"
    song.save(path)
    assert window.files.open_file(path, ask=False)
    said = window.statusBar().currentMessage()
    assert "22 notes" in said and "changes to 3/4 in bar 5" in said and "stays in 4/4" in said
    assert (window.melody.time_signature.numerator, window.melody.time_signature.denominator) == (4, 4)
