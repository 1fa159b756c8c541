"""Chords in the window: the lane above the notes (type, move, resize, remove), a typed progression,
Harmonize and Another Harmonization, each one undo step; the accompaniment plays with the melody."""

from __future__ import annotations

from composer_app.core.melody import Melody
from tests.ui.mouse import click, drag

BAR = 1920


def tune() -> Melody:
    """Four bars in C: C E G C | F A C A | G B D G | C E G C."""
    rows = [60, 64, 67, 72, 65, 69, 72, 69, 67, 71, 74, 67, 60, 64, 67, 72]
    return Melody.from_notes([(i * 480, 480, p, 90) for i, p in enumerate(rows)], name="tune", key_signature="C")


def symbols(window) -> list[tuple[int, int, str]]:
    return [(c.tick, c.duration, c.symbol()) for c in window.melody.chords]


def test_a_typed_progression_lands_in_the_lane_and_undo_takes_it_back(window, qtbot):
    window.set_document(tune(), None)
    assert window.chord_controls.type_progression("| C | F | G7 | C |")
    assert symbols(window) == [(0, BAR, "C"), (BAR, BAR, "F"), (2 * BAR, BAR, "G7"), (3 * BAR, BAR, "C")]
    assert window.undo.count() == 1 and window.undo.undoText() == "Type chords"
    window.undo.undo()
    assert symbols(window) == []
    window.undo.redo()
    window.roll.state.set_playhead(2 * BAR + 100)  # from the bar of the playhead, replacing what is there
    assert window.chord_controls.type_progression("Dm7 G7")
    assert symbols(window)[2:] == [(2 * BAR, BAR, "Dm7"), (3 * BAR, BAR, "G7")]
    assert not window.chord_controls.type_progression("C Hm7")
    assert "not a chord symbol (Hm7)" in window.statusBar().currentMessage()
    assert window.undo.count() == 2


def test_the_lane_moves_resizes_types_and_removes_chords(window, qtbot):
    window.set_document(tune(), None)
    window.chord_controls.type_progression("C F")
    lane = window.roll.chords
    t = window.roll.state.transform
    y = lane.height() / 2
    # drag the right edge of the first chord back by half a bar
    drag(lane, (t.x(BAR) - 2, y), (t.x(BAR // 2) - 2, y))
    assert symbols(window)[0] == (0, BAR // 2, "C")
    # move it later by a quarter
    drag(lane, (t.x(BAR // 4), y), (t.x(BAR // 2), y))
    assert symbols(window)[0] == (BAR // 4, BAR // 2, "C")
    # onto the F: refused, nothing changes, and the status bar says why
    count = window.undo.count()
    drag(lane, (t.x(BAR // 2), y), (t.x(BAR + BAR // 4), y))
    assert symbols(window)[0] == (BAR // 4, BAR // 2, "C") and window.undo.count() == count
    assert "already a chord" in window.statusBar().currentMessage()
    # type a chord in the empty second half of the first bar (Spanish names are read too)
    assert lane.edit_at(3 * BAR // 4 + 10, "Lam7")
    assert symbols(window)[1] == (3 * BAR // 4, BAR // 4, "Am7")
    # select the F and remove it with Delete (the window's Delete goes to the lane when it has the focus)
    click(lane, (t.x(BAR + 100), y))
    lane.setFocus()
    qtbot.waitUntil(lane.hasFocus, timeout=2000)
    window.actions["delete"].trigger()
    assert [s for _, _, s in symbols(window)] == ["C", "Am7"]
    assert window.undo.count() == count + 2
    for _ in range(count + 2):
        window.undo.undo()
    assert symbols(window) == []


def test_harmonize_and_another_harmonization_are_one_undo_step_each(window, qtbot):
    window.set_document(tune(), None)
    assert window.chord_controls.harmonize(per_bar=1, sevenths=False)
    first = symbols(window)
    assert first[0][2] == "C" and first[-1][2] == "C" and first[-1][0] + first[-1][1] >= 4 * BAR
    assert "Harmonized in C (1 of" in window.statusBar().currentMessage()
    assert window.actions["another_harmonization"].isEnabled()
    window.actions["another_harmonization"].trigger()
    second = symbols(window)
    assert second != first and window.undo.count() == 2
    window.undo.undo()
    assert symbols(window) == first


def test_harmonize_an_empty_document_says_so(window, qtbot):
    window.set_document(Melody(), None)
    assert not window.chord_controls.harmonize(per_bar=1, sevenths=False)
    assert "no melody to harmonize" in window.statusBar().currentMessage()
    assert window.undo.count() == 0


def test_the_chords_play_under_the_melody_when_asked(window, qtbot):
    window.set_document(tune(), None)
    window.chord_controls.type_progression("C F G C")
    sent = []
    output = window.player.output()
    real_play = output.play

    def play(melody, start, end, clicks=(), lead=0.0, accompaniment=()):
        sent.append(list(accompaniment))
        return real_play(melody, start, end, clicks, lead, accompaniment)

    output.play = play
    try:
        window.chord_controls.pattern_actions["waltz"].trigger()
        window.actions["play"].trigger()
        qtbot.waitUntil(lambda: len(sent) == 1, timeout=3000)
        window.actions["play"].trigger()
        backing = sent[-1]
        assert backing and all(n.pitch < 72 for n in backing)
        assert {n.pitch % 12 for n in backing if n.tick < BAR} <= {0, 4, 7}
        assert {n.pitch % 12 for n in backing if BAR <= n.tick < 2 * BAR} <= {5, 9, 0}
        window.actions["play_chords"].setChecked(False)
        window.actions["play"].trigger()
        qtbot.waitUntil(lambda: len(sent) == 2, timeout=3000)
        window.actions["play"].trigger()
        assert sent[-1] == []
    finally:
        output.play = real_play


def test_chords_survive_a_project_and_a_midi_file(window, qtbot, tmp_path, monkeypatch):
    window.set_document(tune(), None)
    window.chord_controls.type_progression("C F G7 C")
    before = symbols(window)
    for name in ("tune.composer", "tune.mid"):
        target = tmp_path / name
        monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        assert window.files.save_as()
        window.set_document(Melody(), None)
        assert window.files.open_file(target)
        assert symbols(window) == before, name


def test_spanish_names_in_the_lane(window, qtbot):
    from composer_app.core.note_names import set_language

    window.set_document(tune(), None)
    window.chord_controls.type_progression("Am7 G/B")
    set_language("es")
    try:
        assert [c.symbol("es") for c in window.melody.chords] == ["Lam7", "Sol/Si"]
        assert window.chord_controls.type_progression("Rem7 Sol7")
        assert [c.symbol() for c in window.melody.chords] == ["Dm7", "G7"]
    finally:
        set_language("en")



def test_four_voices_are_exported_and_checked_in_the_window(window, qtbot, tmp_path):
    from composer_app.core.midifile import read_midi

    window.set_document(tune(), None)
    assert not window.chord_controls.export_four_voices(str(tmp_path / "none.mid"))
    assert "need a melody and chords" in window.statusBar().currentMessage()
    window.chord_controls.type_progression("C F G C")
    target = tmp_path / "satb.mid"
    assert window.chord_controls.export_four_voices(str(target))
    song = read_midi(target)
    assert [p.name for p in song.parts] == ["Soprano", "Alto", "Tenor", "Bass"]
    assert [c.symbol() for c in song.chords] == ["C", "F", "G", "C"]
    dialog = window.chord_controls.check_voices(str(target))
    qtbot.addWidget(dialog)
    # only the melody's own leading tone (B to D in bar 3) is marked: the voices found under it break no rule
    assert [(f.kind, f.voices) for f in dialog.faults] == [("leading_tone", ("soprano",))]
    assert "Things to look at: 1" in dialog.summary.text()
    # a student's voices with parallel fifths: marked with bar, beat and voices
    from composer_app.core.melody import Melody
    from composer_app.core.midifile import write_midi

    rows = {"Soprano": [72, 74], "Alto": [64, 66], "Tenor": [55, 57], "Bass": [48, 50]}
    student = tmp_path / "student.mid"
    write_midi(Melody.from_notes([(i * 480, 480, p, 80) for i, p in enumerate(rows["Soprano"])], name="Soprano"),
               student, [(name, [(i * 480, 480, p, 80) for i, p in enumerate(ps)]) for name, ps in rows.items()
                         if name != "Soprano"])
    dialog = window.chord_controls.check_voices(str(student))
    qtbot.addWidget(dialog)
    cells = [[dialog.table.item(r, c).text() for c in range(3)] for r in range(dialog.table.rowCount())]
    assert ["Bar 1, beat 2", "parallel fifths", "tenor, bass"] in cells
    assert ["Bar 1, beat 2", "parallel octaves", "soprano, bass"] in cells
    dialog = window.chord_controls.check_voices(str(tmp_path / "satb.mid").replace("satb", "none"))
    qtbot.addWidget(dialog)
    assert "cannot be read" in dialog.summary.text()


def test_the_chorale_pattern_plays_three_voices_under_the_melody(window, qtbot):
    window.set_document(tune(), None)
    window.chord_controls.type_progression("C F G C")
    window.chord_controls.pattern_actions["chorale"].trigger()
    backing = window.player.accompaniment(window.melody)
    assert backing and all(n.pitch < 72 for n in backing)
    starts = {}
    for n in backing:
        starts.setdefault(n.tick, []).append(n.pitch)
    assert all(len(starts[c.tick]) == 3 for c in window.melody.chords)  # alto, tenor and bass at every chord
    assert all(len(v) <= 3 for v in starts.values())


def test_export_a_lead_sheet_and_open_it_again(window, qtbot, tmp_path):
    from composer_app.core.musicxml import read_musicxml

    window.set_document(tune(), None)
    window.chord_controls.type_progression("C F G7 C")
    window.actions["play_chords"].setChecked(False)
    target = tmp_path / "lead.musicxml"
    assert window.chord_controls.export_musicxml(str(target))
    song = read_musicxml(target)
    assert [p.name for p in song.parts] == ["tune"]
    assert [(c.tick, c.duration, c.symbol()) for c in song.chords] == symbols(window)
    assert [c[:3] for c in song.melody().contents()] == [c[:3] for c in window.melody.contents()]  # no velocities
    window.actions["play_chords"].setChecked(True)
    window.chord_controls.pattern_actions["chorale"].trigger()
    assert window.chord_controls.export_musicxml(str(target))
    assert [p.name for p in read_musicxml(target).parts] == ["tune", "Alto", "Tenor", "Bass"]
    # and the window opens it like a MIDI file, chords included
    window.set_document(Melody(), None)
    assert window.files.open_file(target, part=1)
    assert [c[:3] for c in window.melody.contents()] == [c[:3] for c in tune().contents()]
    assert symbols(window)[2][2] == "G7"


def test_a_fill_under_chords_puts_chord_tones_on_the_beats(window, qtbot):
    window.set_document(tune(), None)
    window.chord_controls.type_progression("C F G C")
    window.session.set_loop((BAR, 3 * BAR))  # bars 2 and 3: F and G
    window.panel.variations.setValue(4)
    window.actions["fill"].trigger()
    # (variations that come out note for note the same are listed once)
    qtbot.waitUntil(lambda: window.worker is None and len(window.session.variations) > 0, timeout=20000)
    on_beat = [(n.tick, n.pitch) for v in window.session.variations.items for n in v if n.tick % 480 == 0]
    assert len(on_beat) >= 2 * len(window.session.variations)
    for tick, pitch in on_beat:
        chord = next(c.chord for c in window.melody.chords if c.tick <= tick < c.end)
        assert pitch % 12 in chord.pitch_classes(), (tick, pitch, chord)


def test_the_roll_shades_the_tones_of_each_chord(window, qtbot):
    window.set_document(tune(), None)
    canvas = window.roll.canvas
    t = window.roll.state.transform
    window.roll.state.set_view(0, 77)
    x = int(t.x(BAR // 2 + 60))  # between grid lines
    y_c, y_d = int(t.y(72) + t.row_height / 2), int(t.y(74) + t.row_height / 2)  # C5 and D5: both white keys in C
    plain = canvas.grab().toImage()
    assert plain.pixelColor(x, y_c) == plain.pixelColor(x, y_d)
    window.chord_controls.type_progression("C G")
    shaded = canvas.grab().toImage()
    assert shaded.pixelColor(x, y_c) != shaded.pixelColor(x, y_d)  # C is a tone of C major, D is not
    assert shaded.pixelColor(x, y_d) == plain.pixelColor(x, y_d)
    x2 = int(t.x(BAR + BAR // 2 + 60))
    assert shaded.pixelColor(x2, y_d) != shaded.pixelColor(x2, y_c)  # under G, D is the chord tone


def test_export_melody_as_midi_carries_the_chords_and_their_accompaniment(window, qtbot, tmp_path, monkeypatch):
    from composer_app.core.midifile import read_midi

    window.set_document(tune(), None)
    window.chord_controls.type_progression("C F G C")
    window.chord_controls.pattern_actions["broken"].trigger()
    target = tmp_path / "melody.mid"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    window.actions["export_melody"].trigger()
    song = read_midi(target)
    assert [p.name for p in song.parts] == ["tune", "Accompaniment"] and len(song.chords) == 4
    window.actions["play_chords"].setChecked(False)  # chords that do not play: the Chords track only
    window.actions["export_melody"].trigger()
    song = read_midi(target)
    assert [p.name for p in song.parts] == ["tune"] and len(song.chords) == 4


def test_chords_typed_past_the_end_of_the_melody_are_kept_and_said(window, qtbot):
    window.set_document(tune(), None)  # four bars
    assert window.chord_controls.type_progression("C F G C Am Dm")
    assert len(window.melody.chords) == 6
    assert "2 of the chords come after the melody ends (bar 5)" in window.statusBar().currentMessage()


def test_the_harmonize_dialog_asks_how_many_and_remembers(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from composer_app.ui.chords import HarmonizeDialog

    def choose(dialog):
        dialog.per_bar.setCurrentIndex(1)
        dialog.sevenths.setChecked(True)
        dialog.alternatives.setValue(2)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(HarmonizeDialog, "exec", choose)
    window.set_document(tune(), None)
    assert window.chord_controls.harmonize()
    assert len(window.chord_controls.harmonizations) == 2 and "(1 of 2)" in window.statusBar().currentMessage()
    assert any(c.tick % BAR for c in window.melody.chords) or len(window.melody.chords) >= 4
    window.actions["another_harmonization"].trigger()
    window.actions["another_harmonization"].trigger()  # round again to the first
    assert window.chord_controls.shown == 0
    again = HarmonizeDialog(window.settings, window)
    qtbot.addWidget(again)
    assert again.alternatives.value() == 2 and again.sevenths.isChecked() and again.per_bar.currentData() == 2


def test_a_recording_opens_as_its_melody_on_the_grid(window, qtbot, tmp_path, monkeypatch):
    import shutil
    import subprocess

    from composer_app.core.midifile import write_midi
    from composer_app.ui.dialogs.recording import RecordingDialog

    assert shutil.which("fluidsynth")
    midi, wav = tmp_path / "tune.mid", tmp_path / "tune.wav"
    write_midi(tune(), midi)
    subprocess.run(["fluidsynth", "-ni", "-F", str(wav), "-r", "44100", "/usr/share/sounds/sf2/TimGM6mb.sf2", str(midi)],
                   check=True, capture_output=True, timeout=60)
    shown = []

    def accept(dialog):
        shown.append((dialog.tempo.value(), dialog.heard.text()))
        dialog.tempo.setValue(120)
        return QDialog.DialogCode.Accepted

    from PySide6.QtWidgets import QDialog

    monkeypatch.setattr(RecordingDialog, "exec", accept)
    assert window.files.open_file(wav)
    assert shown and "Heard" in shown[0][1]
    heard = [(n.tick, n.pitch) for n in window.melody]
    expected = [(n.tick, n.pitch) for n in tune()]
    hits = len(set(heard) & set(expected))
    assert hits >= 0.9 * len(expected) and len(heard) <= len(expected) + 2
    assert window.melody.is_monophonic() and round(window.melody.bpm) == 120
    assert "notes heard" in window.statusBar().currentMessage()


def test_a_two_hand_file_opens_with_the_chords_its_left_hand_plays_one_undo_step(window, tmp_path):
    from tests.core.test_chord_recognition import two_hands

    expected = two_hands(tmp_path / "waltz.mid")
    assert window.files.open_file(tmp_path / "waltz.mid", ask=False)
    assert [c.chord.symbol() for c in window.melody.chords] == expected
    assert len(window.melody) == 15 and window.undo.count() == 1  # the melody as it was, the chords one step
    assert "chords heard in the accompaniment" in window.statusBar().currentMessage()
    window.undo.undo()
    assert not window.melody.chords and len(window.melody) == 15
