"""The computer keyboard as a piano: letters play and record notes like a MIDI keyboard's."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from composer_app.core.melody import Melody


def test_letters_record_notes_when_the_computer_keyboard_plays(window, qtbot):
    window.set_document(Melody(), None)
    window.live.midi.count_in = False
    window.live.midi.metronome = False
    played = []
    real_on = window.sound.note_on
    window.sound.note_on = lambda pitch, velocity: (played.append(pitch), real_on(pitch, velocity))
    window.actions["computer_keys"].setChecked(True)
    window.actions["record"].trigger()
    assert window.midi.recording
    canvas = window.roll.canvas
    for key in (Qt.Key.Key_A, Qt.Key.Key_D, Qt.Key.Key_G):  # C4, E4, G4
        QTest.keyPress(canvas, key)
        qtbot.wait(150)
        QTest.keyRelease(canvas, key)
        qtbot.wait(50)
    QTest.keyClick(canvas, Qt.Key.Key_X)  # an octave up: A plays C5
    QTest.keyPress(canvas, Qt.Key.Key_A)
    qtbot.wait(150)
    QTest.keyRelease(canvas, Qt.Key.Key_A)
    window.actions["record"].trigger()
    assert not window.midi.recording
    assert [n.pitch for n in window.melody] == [60, 64, 67, 72] and played == [60, 64, 67, 72]
    assert window.undo.count() == 1
    window.actions["computer_keys"].setChecked(False)
    QTest.keyClick(canvas, Qt.Key.Key_A)  # off: the letter is a letter again
    assert played == [60, 64, 67, 72]


def test_typing_in_a_box_is_not_playing(window, qtbot):
    window.actions["computer_keys"].setChecked(True)
    played = []
    window.sound.note_on = lambda pitch, velocity: played.append(pitch)
    box = window.panel.bars  # a spin box: the student types a number
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_A)
    assert played == []
    window.actions["computer_keys"].setChecked(False)


def test_the_on_screen_keys_record_like_a_midi_keyboard(window, qtbot):
    from tests.ui.mouse import drag

    window.set_document(Melody(), None)
    window.roll.state.set_view(0, 70)
    window.live.midi.count_in = False
    window.live.midi.metronome = False
    window.actions["computer_keys"].setChecked(True)  # no MIDI input: the on-screen keys and letters play
    window.actions["record"].trigger()
    t = window.roll.state.transform
    keys = window.roll.keyboard
    drag(keys, (20, t.y(60) + 3), (20, t.y(64) + 3), steps=4)  # a glissando up from C4 to E4
    qtbot.wait(50)
    window.actions["record"].trigger()
    window.actions["computer_keys"].setChecked(False)
    pitches = [n.pitch for n in window.melody]
    assert pitches[0] == 60 and pitches[-1] == 64 and pitches == sorted(pitches) and window.undo.count() == 1
