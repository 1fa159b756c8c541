"""The student's walk, round 3: each defect found on a real display, with a test that failed before its fix
(offscreen where keys and focus do not matter; tests/real_display/ where they do)."""

from __future__ import annotations

import pytest

from composer_app.core.melody import Melody
from tests.ui.test_spanish import spanish  # noqa: F401  (the Spanish app, as a fixture)


def phrase(bars: int = 2) -> Melody:
    pitches = (60, 62, 64, 65, 67, 65, 64, 62)
    return Melody.from_notes([(i * 240, 240, pitches[i % 8], 90) for i in range(8 * bars)], name="phrase")


def wait_for_variations(window, qtbot) -> None:
    qtbot.waitUntil(lambda: window.worker is None and len(window.session.variations) > 0, timeout=20000)


def test_an_intro_accepted_undone_and_discarded_leaves_the_melody_as_it_was(window, qtbot):
    window.set_document(phrase(), None)
    window.undo.setClean()
    original = window.melody.contents()
    assert window.generation.intro(1)
    wait_for_variations(window, qtbot)
    window.actions["accept_variation"].trigger()
    window.undo.undo()  # Ctrl+Z: the intro's variations come back
    assert len(window.session.variations) > 0
    window.actions["discard_variations"].trigger()  # Esc: the room made for the intro goes with them
    assert window.melody.contents() == original
    assert window.undo.isClean() and not window.isWindowModified()
    assert not window.undo.canRedo()  # Redo does not move the melody a bar later with nothing before it
    window.undo.redo()
    assert window.melody.contents() == original


def test_discarding_an_intro_leaves_nothing_to_redo(window, qtbot):
    window.set_document(phrase(), None)
    window.undo.setClean()
    original = window.melody.contents()
    assert window.generation.intro(1)
    wait_for_variations(window, qtbot)
    window.actions["discard_variations"].trigger()
    assert window.melody.contents() == original and window.undo.isClean() and not window.undo.canRedo()


def test_an_intro_leads_into_a_pickup_on_its_beat(window, qtbot, chopin_dir):
    """Prelude 7 starts on beat 3 of 3/4: the intro fills the bars before it and the two beats before the
    pickup, so no silent beats sit between the intro and the first note."""
    assert window.files.open_file(chopin_dir / "chpn-p7_format0.mid", ask=False)
    bar = window.melody.time_signature.bar_ticks
    beat = window.melody.time_signature.beat_ticks
    first = window.melody.notes[0].tick
    assert first % bar == 2 * beat  # the anacrusis
    assert window.generation.intro(1)
    wait_for_variations(window, qtbot)
    start, end = window.session.variations.span
    pickup = window.melody.notes[0].tick
    assert pickup % bar == 2 * beat and end == pickup and start == pickup // bar * bar - bar
    for v in window.session.variations.items:
        assert v and max(n.end for n in v) == pickup  # sounds up to the pickup


def said_in(window) -> list[str]:
    said = []
    window.statusBar().messageChanged.connect(lambda text: said.append(text))
    return said


def test_a_narrow_range_is_named_as_the_reason_not_creativity(window, qtbot):
    from composer_app.engine.generate import ContinueOptions

    window.set_document(phrase(), None)
    said = said_in(window)
    assert window.start_continue(ContinueOptions(bars=2, variations=4, low=60, high=62, seed=3))
    qtbot.waitUntil(lambda: window.worker is None and len(window.session.variations) > 0, timeout=30000)
    advice = [s for s in said if "range" in s]
    assert advice and "C4 to D4" in advice[0] and "widen" in advice[0], said
    assert not any("Creativity" in s for s in said), said


def test_an_end_on_no_note_in_the_range_can_meet_is_said(window, qtbot):
    from composer_app.engine.generate import ContinueOptions

    window.set_document(phrase(), None)
    said = said_in(window)  # no C between D4 and B4
    assert window.start_continue(ContinueOptions(bars=2, variations=2, low=62, high=71, end_on="tonic",
                                                 key="C major", seed=3))
    qtbot.waitUntil(lambda: window.worker is None and len(window.session.variations) > 0, timeout=30000)
    assert any("End on" in s and "D4 to B4" in s for s in said), said
    said.clear()
    assert window.start_continue(ContinueOptions(bars=2, variations=2, low=60, high=72, end_on="tonic",
                                                 key="C major", seed=3))
    qtbot.waitUntil(lambda: window.worker is None and len(said) > 0, timeout=30000)
    assert not any("End on" in s for s in said), said
    assert all(v.notes[-1].pitch % 12 == 0 for v in window.session.variations.items)


def test_identical_variations_are_listed_once(window, qtbot):
    from composer_app.engine.generate import ContinueOptions

    window.set_document(phrase(), None)
    said = said_in(window)
    assert window.start_continue(ContinueOptions(bars=2, variations=4, temperature=0.05, top_p=0.05, seed=3))
    qtbot.waitUntil(lambda: window.worker is None and len(window.session.variations) > 0, timeout=30000)
    items = window.session.variations.items
    assert len({tuple(n.content() for n in v) for v in items}) == len(items) < 4
    assert window.panel.list.count() == len(items)
    assert any(f"Only {len(items)} of the 4 variations came out different" in s for s in said), said


def test_a_long_status_message_stops_short_of_the_key_field(window, qtbot, chopin_dir):
    from composer_app.ui.status_bar import GAP

    assert window.files.open_file(chopin_dir / "chpn-p7_format0.mid", ask=False)
    qtbot.wait(50)
    long = "The pitch range leaves the model few notes to choose from: widen it for more varied variations. " * 3
    window.show_message(long, 10000)
    bar, key = window.statusBar(), window.key_label
    shown = bar.shown_message()
    assert bar.currentMessage() == long and key.text() and shown.endswith("…") and bar.toolTip() == long
    text_left = key.mapTo(bar, key.contentsRect().topLeft()).x()
    assert 6 + bar.fontMetrics().horizontalAdvance(shown) <= text_left - GAP


def test_no_text_is_cut_off_in_the_key_box_the_intro_dialog_or_preferences(window, qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from composer_app.core.keys import Key
    from composer_app.ui.dialogs.ask import number_dialog
    from composer_app.ui.dialogs.preferences import PreferencesDialog
    from tests.ui.fits import cut_off

    for name in ("Bb minor", "F# minor", "Eb major"):
        window.panel.set_detected_key(Key.parse(name), from_file=True)
        qtbot.wait(30)
        assert cut_off(window.panel) == []
    intro = number_dialog(window, window.tr("Write an Intro"), window.tr("Bars before the first note:"), 1, 1, 8)
    qtbot.addWidget(intro)
    intro.show()
    qtbot.waitExposed(intro)
    assert cut_off(intro) == []
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("sound/soundfont", str(tmp_path / "The grand piano recorded at my grandmother's house.sf2"))
    prefs = PreferencesDialog(settings, window)
    qtbot.addWidget(prefs)
    prefs.show()
    qtbot.waitExposed(prefs)
    assert cut_off(prefs) == []


def test_no_two_menu_entries_share_an_alt_letter_in_english(window):
    from tests.ui.mnemonics import clashes

    assert clashes(window.menuBar()) == []


@pytest.mark.usefixtures("spanish")
def test_no_two_menu_entries_share_an_alt_letter_in_spanish(qtbot, loaded_model):
    from composer_app.ui.main_window import MainWindow
    from tests.ui.mnemonics import clashes

    w = MainWindow(load_model_in_background=False)
    qtbot.addWidget(w)
    assert w.menuBar().actions()[0].text() == "&Archivo"
    assert clashes(w.menuBar()) == []


def test_selected_notes_have_a_colour_no_variation_has():
    import math

    from PySide6.QtGui import QColor

    from composer_app.ui.roll.note_canvas import velocity_colour
    from composer_app.ui.roll.state import VARIATION_COLOURS

    def apart(a: QColor, b: QColor) -> float:
        return math.dist(a.getRgb()[:3], b.getRgb()[:3])

    for dark in (False, True):
        for velocity in range(1, 128):
            chosen = velocity_colour(velocity, True, dark)
            assert min(apart(chosen, QColor(c)) for c in VARIATION_COLOURS) > 60, (velocity, dark, chosen.name())
            assert apart(chosen, velocity_colour(velocity, False, dark)) > 50, (velocity, dark)


def test_the_view_stays_on_the_music_after_auditioning_and_after_esc(window, qtbot):
    window.set_document(phrase(12), None)
    window.roll.state.set_playhead(0)
    window.panel.bars.setValue(2)
    window.actions["continue"].trigger()
    wait_for_variations(window, qtbot)
    qtbot.waitUntil(lambda: window.player.playing, timeout=5000)
    view = window.roll.state.transform.scroll_tick
    assert view > 4 * 1920  # the view went to the variations
    qtbot.waitUntil(lambda: window.roll.state.playhead > 12 * 1920, timeout=5000)
    view = window.roll.state.transform.scroll_tick
    window.player.stop()  # the audition ends: the playhead goes back to bar 1, the view stays
    assert window.session.playhead == 0 and window.roll.state.transform.scroll_tick == view
    window.actions["next_variation"].trigger()
    qtbot.waitUntil(lambda: window.player.playing and window.roll.state.playhead > 12 * 1920, timeout=5000)
    window.actions["discard_variations"].trigger()  # Esc
    assert window.roll.state.transform.scroll_tick > 4 * 1920
    t = window.roll.state.transform
    assert 0 <= t.x(window.melody.end_tick) <= window.roll.canvas.width()  # the melody's end is in view


def test_export_dialogs_start_in_the_last_folder_used_or_documents(window, qtbot, tmp_path, monkeypatch):
    import os
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog

    window.set_document(phrase(), None)
    asked = []

    def save(parent, title, suggestion, *args, **kwargs):
        asked.append(suggestion)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", save)
    here = Path(os.getcwd()).resolve()
    window.files.export_dialog("melody")
    window.files.export_wav_dialog()
    window.chord_controls.export_musicxml()
    window.chord_controls.check_voices()
    assert len(asked) == 4
    for suggestion in asked:
        assert Path(suggestion).is_absolute() and Path(suggestion).resolve().parent != here, asked
    exported = tmp_path / "exports"
    exported.mkdir()

    def save_there(parent, title, suggestion, *args, **kwargs):
        asked.append(suggestion)
        return str(exported / Path(suggestion).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_there)
    window.chord_controls.export_musicxml()
    asked.clear()
    window.files.export_dialog("melody")  # the next export starts where the last one went
    assert Path(asked[0]).parent == exported


def test_check_part_writing_checks_the_open_documents_four_voices_in_bar_order(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from composer_app.core.midifile import write_midi
    from composer_app.core.part_writing import VOICES

    tune = Melody.from_notes([(i * 480, 480, p, 80) for i, p in enumerate([72, 71, 69, 67, 65, 64, 62, 60] * 2)])
    window.set_document(tune, None)
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (asked.append(a), ("", ""))[1])
    assert window.chord_controls.type_progression("C G Am F")
    dialog = window.chord_controls.check_voices()  # no file asked for: the document's own voices
    qtbot.addWidget(dialog)
    assert asked == [] and dialog.file_button is not None
    assert "Things to look at" in dialog.summary.text() or "No faults" in dialog.summary.text()
    # a student's file with faults all over: rows in the order of the music (bar, beat, then voices)
    rows = {"Soprano": [72, 74, 76, 60], "Alto": [64, 66, 68, 62], "Tenor": [55, 57, 59, 64], "Bass": [48, 50, 52, 40]}
    student = tmp_path / "student.mid"
    write_midi(Melody.from_notes([(i * 480, 480, p, 80) for i, p in enumerate(rows["Soprano"])], name="Soprano"),
               student, [(name, [(i * 480, 480, p, 80) for i, p in enumerate(ps)]) for name, ps in rows.items()
                         if name != "Soprano"])
    dialog = window.chord_controls.check_voices(str(student))
    qtbot.addWidget(dialog)
    order = {v: i for i, v in enumerate(VOICES)}
    keys = [(f.tick, [order[v] for v in f.voices]) for f in dialog.faults]
    assert len(keys) > 4 and keys == sorted(keys)
    bars = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert bars == sorted(bars, key=lambda t: [int(x) for x in t.replace(",", "").split() if x.isdigit()])


def test_chords_land_on_beats_and_a_bar_takes_no_more_chords_than_beats(window, qtbot, chopin_dir):
    assert window.files.open_file(chopin_dir / "chpn-p7_format0.mid", ask=False)  # 3/4
    window.undo.undo()  # without the chords its left hand plays (recognised on opening, one undo step)
    assert not window.melody.chords
    beat, bar = window.melody.time_signature.beat_ticks, window.melody.time_signature.bar_ticks
    window.roll.state.set_playhead(0)
    assert window.chord_controls.type_progression("E7 E7 A A")  # one a bar
    assert [(c.tick, c.duration) for c in window.melody.chords] == [(i * bar, bar) for i in range(4)]
    assert window.chord_controls.type_progression("| E7 A |")  # two in 3/4: 2 + 1 beats
    assert [(c.tick, c.duration) for c in window.melody.chords][:2] == [(0, 2 * beat), (2 * beat, beat)]
    count = window.undo.count()
    assert not window.chord_controls.type_progression("| E7 E7 A A |")  # four in a bar of three beats
    assert "more chords than beats (4 in a bar of 3 beats)" in window.statusBar().currentMessage()
    assert window.undo.count() == count
    lane = window.roll.chords
    assert lane.edit_at(5 * bar + beat + 200, "D")  # what a double-click inside beat 2 of bar 6 asks for
    assert any(c.tick == 5 * bar + beat and c.symbol() == "D" for c in window.melody.chords)


def test_wav_export_renders_what_plays_the_chords_accompaniment_too(window, qtbot, tmp_path, monkeypatch):
    import numpy as np
    import soundfile
    from PySide6.QtWidgets import QFileDialog

    from composer_app.audio.transcribe import load_audio, transcribe

    tune = Melody.from_notes([(i * 1920, 480, p, 90) for i, p in enumerate((72, 77, 79, 72))], key_signature="C")
    window.set_document(tune, None)  # one note a bar, high: the chords sound under it, in the silences
    assert window.chord_controls.type_progression("C F G C")
    window.actions["play_chords"].setChecked(True)
    out = tmp_path / "what-plays.wav"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.files.export_wav_dialog()
    heard = transcribe(load_audio(out))
    low = {n.pitch % 12 for n in heard if n.pitch < 67}
    assert {0, 5, 7} <= low, sorted(n.pitch for n in heard)  # the roots of C, F and G under the melody
    window.actions["play_chords"].setChecked(False)  # chords off: the melody alone, as Play plays it then
    window.files.export_wav_dialog()
    samples, _ = soundfile.read(str(out))
    alone = transcribe(load_audio(out))
    low_alone = [n.pitch for n in alone if n.pitch < 67]  # the piano's low partials may be heard, not the chords
    assert not {0, 5, 7} <= {p % 12 for p in low_alone} and len(low_alone) < len([n for n in heard if n.pitch < 67])
    assert np.abs(samples).max() > 0.05
