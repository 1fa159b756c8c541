"""The window with real JACK ports: record from a keyboard, play to a synth, see a device go and come back."""

import time

from composer_app.core.melody import Melody
from tests.midi.conftest import VirtualKeyboard


def use_midi(window, input_name="", output_name=""):
    s = window.settings
    s.setValue("midi/api", "jack")
    s.setValue("midi/input", input_name)
    s.setValue("midi/output", output_name)
    s.setValue("midi/count_in", "false")
    s.setValue("midi/metronome", "false")
    s.setValue("midi/quantize", "1/16")
    window.live.start_midi()


def test_record_from_a_keyboard_shows_notes_live_and_is_one_undo(window, qtbot, keyboard):
    window.set_document(Melody(), None)
    use_midi(window, keyboard.port_name)
    assert "in: " + keyboard.port_name in window.midi_label.text()
    window.actions["record"].trigger()
    assert window.midi.recording
    time.sleep(0.05)
    keyboard.send(0x90, 60, 100)
    qtbot.waitUntil(lambda: any(n[2] == 60 for n in window.roll.state.live_notes), timeout=2000)
    time.sleep(0.25)
    keyboard.send(0x80, 60, 0)
    for p in (64, 67):
        keyboard.send(0x90, p, 90)
        time.sleep(0.12)
        keyboard.send(0x80, p, 0)
    qtbot.wait(100)
    window.actions["record"].trigger()
    assert not window.midi.recording and window.roll.state.live_notes == []
    assert [n.pitch for n in window.melody] == [60, 64, 67]
    assert all(n.tick % 120 == 0 for n in window.melody)  # quantized to 1/16 on input
    assert window.undo.count() == 1
    window.undo.undo()
    assert len(window.melody) == 0


def test_play_goes_to_the_midi_output_and_stop_leaves_nothing_sounding(window, qtbot, synth):
    window.set_document(Melody.from_notes([(i * 240, 480, 60 + i, 90) for i in range(16)]), None)
    use_midi(window, output_name=synth.port_name)
    window.live.toggle_play()
    qtbot.waitUntil(lambda: len(synth.received) >= 5 and window.roll.state.playhead > 0, timeout=3000)
    window.live.toggle_play()
    time.sleep(0.1)
    assert synth.sounding() == set()
    assert window.roll.state.playhead == 0  # back where playback started, as in a DAW


def test_unplugged_keyboard_is_shown_as_gone_and_comes_back(window, qtbot, jack_server):
    kb = VirtualKeyboard("winkbd")
    use_midi(window, kb.port_name)
    kb.close()
    window.midi.poll()
    assert "(gone)" in window.midi_label.text()
    kb2 = VirtualKeyboard("winkbd")
    window.midi.poll()
    assert "(gone)" not in window.midi_label.text() and window.midi.hub.input_connected
    kb2.close()


def test_record_without_an_input_says_what_to_do(window):
    use_midi(window)
    window.actions["record"].trigger()
    assert not window.midi.recording and not window.actions["record"].isChecked()
    assert "MIDI input" in window.statusBar().currentMessage()


def test_jam_in_the_window_answers_a_phrase(window, qtbot, keyboard):
    from composer_app.core.melody import Melody

    window.set_document(Melody(), None)  # 120 bpm: a beat is 0.5 s
    use_midi(window, keyboard.port_name)
    window.actions["jam"].setChecked(True)
    assert window.midi.jam is not None
    for p in (60, 64, 67, 72, 67, 64, 62, 60):
        keyboard.send(0x90, p, 90)
        qtbot.wait(220)
        keyboard.send(0x80, p, 0)
        qtbot.wait(30)
    qtbot.waitUntil(lambda: len(window.roll.state.ghosts) == 1, timeout=3000)
    answer = window.roll.state.ghosts[0]
    assert len(answer) > 0 and all(n.pitch % 12 in {0, 2, 4, 5, 7, 9, 11} for n in answer)
    window.actions["jam"].setChecked(False)
    assert window.midi.jam is None


def test_space_plays_the_selection_when_there_is_one(window, qtbot, synth):
    window.set_document(Melody.from_notes([(i * 480, 240, 60 + i, 90) for i in range(8)]), None)
    use_midi(window, output_name=synth.port_name)
    window.roll.state.set_selection({n.id for n in window.melody.notes[5:7]})
    window.live.toggle_play()
    qtbot.waitUntil(lambda: sum(1 for _, m in synth.received if m[0] & 0xF0 == 0x90) >= 2, timeout=3000)
    qtbot.wait(700)
    played = [m[1] for _, m in synth.received if m[0] & 0xF0 == 0x90 and m[2] > 0]
    assert played == [65, 66]
    window.live.toggle_play()


def test_play_with_count_in_and_metronome_clicks_a_woodblock_on_the_drum_channel(window, qtbot, synth):
    """Play > Count-in and Metronome: a bar of clicks first, then the notes with a click on every beat, on
    General MIDI percussion (channel 10), the bar's first beat accented."""
    bpm = 240  # a beat every 0.25 s
    window.set_document(Melody.from_notes([(i * 480, 480, 60 + i, 90) for i in range(8)],
                                          tempos=[__import__("composer_app.core.timing", fromlist=["TempoChange"])
                                                  .TempoChange(0, 60_000_000 // bpm)]), None)
    use_midi(window, output_name=synth.port_name)
    window.actions["count_in"].setChecked(True)
    window.actions["metronome"].setChecked(True)
    window.live.toggle_play()
    qtbot.waitUntil(lambda: sum(1 for _, m in synth.received if m[0] == 0x99) >= 8 and
                    any(m[0] == 0x90 for _, m in synth.received), timeout=6000)
    window.live.toggle_play()
    ons = [(t, m) for t, m in synth.received if m[0] in (0x90, 0x99) and m[2] > 0]
    clicks = [(t, m) for t, m in ons if m[0] == 0x99]
    first_note = next(t for t, m in ons if m[0] == 0x90)
    assert {m[1] for _, m in clicks} <= {76, 77} and clicks[0][1][1] == 76  # the bar starts accented
    before = [t for t, _ in clicks if t < first_note - 0.05]
    assert len(before) == 4  # one bar of 4/4 counted in
    gaps = [b - a for a, b in zip(before, before[1:])]
    assert all(0.15 < g < 0.35 for g in gaps)  # on the beat at 240 BPM (the machine may be busy)
    assert window.settings.value("play/metronome") == "true"


def test_the_chords_play_on_their_own_channel_of_the_midi_output(window, qtbot, synth):
    rows = [60, 64, 67, 72, 65, 69, 72, 69]
    window.set_document(Melody.from_notes([(i * 240, 240, p, 90) for i, p in enumerate(rows)]), None)
    window.chord_controls.type_progression("| C F |")  # the melody lasts a bar: C, then F in its second half
    window.chord_controls.pattern_actions["block"].trigger()
    use_midi(window, output_name=synth.port_name)
    window.live.toggle_play()
    qtbot.waitUntil(lambda: any(m[0] & 0xF0 == 0x90 and m[0] & 0x0F == 1 and m[2] > 0 and m[1] % 12 == 5
                                for _, m in synth.received), timeout=4000)  # the F chord on channel 2
    window.live.toggle_play()
    time.sleep(0.1)
    on = [m for _, m in synth.received if m[0] & 0xF0 == 0x90 and m[2] > 0]
    melody = {m[1] for m in on if m[0] & 0x0F == 0}
    backing = {m[1] for m in on if m[0] & 0x0F == 1}
    assert melody <= set(rows) and backing and max(backing) < min(melody)
    assert {p % 12 for p in backing} <= {0, 4, 7, 5, 9}
    assert synth.sounding() == set()  # stop silences both channels
