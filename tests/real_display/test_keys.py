"""Keys as a student presses them on X11: variations, duplicate, discard, focus in the Continue panel,
Home and End, the playhead after playback."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from composer_app.core.melody import Melody
from tests.real_display.conftest import click, press


def phrase(bars: int = 2) -> Melody:
    pitches = (60, 62, 64, 65, 67, 65, 64, 62)
    return Melody.from_notes([(i * 240, 240, pitches[i % 8], 90) for i in range(8 * bars)], name="phrase")


def with_variations(window, qtbot):
    window.set_document(phrase(), None)
    window.panel.variations.setValue(3)
    window.panel.bars.setValue(2)
    assert window.start_continue()
    qtbot.waitUntil(lambda: len(window.session.variations) == 3, timeout=20000)
    window.roll.canvas.setFocus()
    qtbot.wait(100)


def test_tab_and_shift_tab_go_through_the_variations(active_window, qtbot):
    w = active_window
    with_variations(w, qtbot)
    assert w.session.variations.index == 0
    press(qtbot, "Tab")
    assert w.session.variations.index == 1
    press(qtbot, "shift+Tab")
    assert w.session.variations.index == 0
    press(qtbot, "shift+Tab")
    assert w.session.variations.index == 2  # round the list


def test_ctrl_d_duplicates_the_selection(active_window, qtbot):
    w = active_window
    w.set_document(phrase(1), None)
    w.roll.canvas.setFocus()
    press(qtbot, "ctrl+a", "ctrl+d")
    assert len(w.melody) == 16 and w.undo.count() == 1
    press(qtbot, "Delete")
    assert len(w.melody) == 8


def test_escape_discards_stops_the_audition_and_keeps_the_view_on_the_music(active_window, qtbot):
    w = active_window
    with_variations(w, qtbot)
    qtbot.waitUntil(lambda: w.player.playing, timeout=5000)  # the first variation is auditioned
    w.roll.reveal(w.session.variations.span[1])
    qtbot.wait(100)
    press(qtbot, "Escape")
    assert not w.session.variations and not w.player.playing
    t = w.roll.state.transform
    assert t.x(w.melody.end_tick) >= w.roll.canvas.width() * 0.5  # the melody's end is in view, not empty bars


def test_undoing_an_accept_keeps_the_music_in_view(active_window, qtbot):
    w = active_window
    with_variations(w, qtbot)
    press(qtbot, "Return")
    assert w.undo.count() == 1 and not w.session.variations
    press(qtbot, "ctrl+z")
    assert len(w.session.variations) == 3
    press(qtbot, "Escape")
    t = w.roll.state.transform
    assert 0 <= t.x(w.melody.end_tick) <= w.roll.canvas.width()


def test_keys_reach_the_window_after_choosing_a_key_in_the_panel(active_window, qtbot):
    """Choosing in a list hands the keys back to the roll: Space plays and Home goes to the start; the Key box
    keeps its choice."""
    w = active_window
    w.set_document(phrase(), None)
    box = w.panel.key
    click(qtbot, box)  # opens the list
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=3000)
    press(qtbot, "Down", "Down", "Down", "Return")  # a key, chosen with the keyboard
    chosen = box.currentIndex()
    assert chosen >= 2
    assert QApplication.focusWidget() is w.roll.canvas
    w.roll.state.set_playhead(960)
    press(qtbot, "Home")
    assert w.roll.state.playhead == 0 and box.currentIndex() == chosen
    press(qtbot, "space")
    qtbot.waitUntil(lambda: w.player.playing, timeout=3000)
    press(qtbot, "space")
    assert not w.player.playing and box.currentIndex() == chosen


def test_home_and_end_work_wherever_the_focus_is(active_window, qtbot):
    w = active_window
    w.set_document(phrase(), None)
    w.panel.style.setFocus()
    press(qtbot, "End")
    assert w.roll.state.playhead == w.melody.end_tick
    w.panel.end_on.setFocus()
    style, end_on = w.panel.style.currentIndex(), w.panel.end_on.currentIndex()
    press(qtbot, "Home")
    assert w.roll.state.playhead == 0
    assert (w.panel.style.currentIndex(), w.panel.end_on.currentIndex()) == (style, end_on)


def test_the_playhead_returns_to_where_playback_started(active_window, qtbot):
    w = active_window
    w.set_document(phrase(), None)
    w.roll.state.set_playhead(480)
    press(qtbot, "space")
    qtbot.waitUntil(lambda: w.roll.state.playhead > 700, timeout=5000)
    press(qtbot, "space")
    assert not w.player.playing and w.roll.state.playhead == 480
    w.roll.state.set_playhead(w.melody.end_tick + 1920)  # past the end: Space plays from the start
    press(qtbot, "space")
    qtbot.waitUntil(lambda: w.player.playing, timeout=3000)
    assert w.player.start_tick == 0
    press(qtbot, "space")


def test_ctrl_shift_enter_fills_the_span_and_ctrl_g_generates_again(active_window, qtbot):
    w = active_window
    w.set_document(phrase(4), None)
    w.session.set_loop((1920, 3840))
    w.roll.canvas.setFocus()
    press(qtbot, "ctrl+shift+Return")
    qtbot.waitUntil(lambda: w.worker is None and len(w.session.variations) > 0, timeout=20000)
    assert w.session.variations.span == (1920, 3840)
    first = [n.content() for n in w.session.variations.current]
    press(qtbot, "ctrl+g")
    qtbot.waitUntil(lambda: w.worker is None and [n.content() for n in w.session.variations.current] != first,
                    timeout=20000)
    assert w.session.variations.span == (1920, 3840)


def test_with_the_computer_keyboard_letters_are_notes_and_ctrl_shortcuts_still_work(active_window, qtbot):
    w = active_window
    w.set_document(phrase(1), None)
    played = []
    w.sound.note_on = lambda pitch, velocity: played.append(pitch)
    w.sound.note_off = lambda pitch: None
    w.actions["computer_keys"].setChecked(True)
    metronome = w.actions["metronome"].isChecked()
    press(qtbot, "a", "w", "c")  # C4, C#4; C is softer now, not the metronome's shortcut
    assert played[:2] == [60, 61] and w.actions["metronome"].isChecked() == metronome
    press(qtbot, "ctrl+a")  # Ctrl shortcuts are untouched
    assert len(w.roll.selected_ids()) == len(w.melody)
    w.actions["computer_keys"].setChecked(False)
    press(qtbot, "c")  # off: C is the metronome again
    assert w.actions["metronome"].isChecked() != metronome


def test_record_from_the_microphone_with_the_keys(active_window, qtbot, tmp_path):
    """Ctrl+Alt+R opens the microphone window, Space records (after the count-in) and stops, Escape closes; the
    take's notes land after the phrase as one undo step, which Ctrl+Z takes back."""
    import os
    import subprocess

    from composer_app.core.midifile import write_midi

    assert os.environ.get("PULSE_SERVER"), "tests/test_real_display.py starts a PulseAudio server for this test"
    w = active_window
    w.set_document(phrase(1), None)
    w.live.go_to(1920)  # the playhead after the phrase
    tune = Melody.from_notes([(i * 480, 440, p, 90) for i, p in enumerate((67, 69, 71, 72))])
    write_midi(tune, tmp_path / "tune.mid")
    subprocess.run(["fluidsynth", "-ni", "-F", str(tmp_path / "tune.wav"), "-r", "44100",
                    "/usr/share/sounds/sf2/TimGM6mb.sf2", str(tmp_path / "tune.mid")], check=True, capture_output=True)
    press(qtbot, "ctrl+alt+r")
    dialog = w.live.microphone_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.record_button.isEnabled(), timeout=5000)
    dialog.input.setCurrentIndex(dialog.input.findText("Microphone"))
    dialog.source.setCurrentIndex(dialog.source.findData("instrument"))
    qtbot.waitUntil(lambda: dialog.isActiveWindow(), timeout=5000)
    undo_before = w.undo.count()
    press(qtbot, "space")
    assert dialog.recording and dialog.status.text().startswith("Count-in")
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Recording"), timeout=5000)
    player = subprocess.Popen(["paplay", str(tmp_path / "tune.wav")])
    qtbot.waitUntil(lambda: player.poll() is not None, timeout=30000)
    press(qtbot, "space")
    assert not dialog.recording
    qtbot.waitUntil(lambda: dialog.recorded > 0, timeout=10000)  # status: {dialog.status.text()}
    press(qtbot, "Escape")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    w.activateWindow()  # the window manager gives the focus back to the main window: wait for it before Ctrl+Z
    qtbot.waitUntil(lambda: w.isActiveWindow(), timeout=5000)
    added = [(n.tick, n.pitch) for n in w.melody if n.tick >= 1920]
    # the four notes in time (a 16th either way); the last note's long ring may be heard once more
    assert [p for _, p in added][:4] == [67, 69, 71, 72] and len(added) <= 5, added
    assert all(abs(t - added[0][0] - 480 * i) <= 120 for i, (t, _) in enumerate(added[:4])), added
    assert w.undo.count() == undo_before + 1
    w.roll.canvas.setFocus()
    press(qtbot, "ctrl+z")
    assert len(w.melody) == 8
