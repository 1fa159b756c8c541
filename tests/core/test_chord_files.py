"""The chord track in MIDI files (a "Chords" track of text events) and in project files (format 2)."""

import json

import mido
import pytest

from composer_app.core.chords import parse_progression
from composer_app.core.melody import Melody
from composer_app.core.midifile import melody_to_bytes, read_midi
from composer_app.core.project import Project, ProjectError, load_project, project_from_bytes, save_project
from tests.core.midibytes import notes, smf

BAR = 1920


def tune_with_chords() -> Melody:
    return Melody.from_notes([(0, 960, 60, 80), (960, 960, 64, 80), (BAR, BAR, 67, 80), (2 * BAR, BAR, 72, 80)],
                             chords=tuple(parse_progression("| C | G7/B Am | Fmaj7 |", BAR)))


def test_chords_written_to_midi_are_a_chords_track_of_text_events_and_read_back():
    melody = tune_with_chords()
    data = melody_to_bytes(melody)
    mid = mido.MidiFile(file=__import__("io").BytesIO(data))
    [track] = [t for t in mid.tracks if t.name == "Chords"]
    assert [m.text for m in track if m.type == "text"] == ["C", "G7/B", "Am", "Fmaj7"]
    song = read_midi(data, "tune.mid")
    assert song.melody().chords == melody.chords


def test_markers_that_are_chords_are_read_but_section_names_are_not():
    chords = [mido.MetaMessage("marker", text=t, time=BAR if i else 0) for i, t in enumerate(["Dm7", "G7", "Cmaj7"])]
    song = read_midi(smf([chords, notes(0, [62, 65, 67, 71])]), "lead.mid")
    assert [c.symbol() for c in song.chords] == ["Dm7", "G7", "Cmaj7"]
    assert [c.tick for c in song.chords] == [0, BAR, 2 * BAR]
    sections = [mido.MetaMessage("marker", text=t, time=BAR) for t in ["A", "Verse", "B", "Chorus", "Bridge"]]
    assert read_midi(smf([sections, notes(0, [60, 62])]), "song.mid").chords == ()


def test_a_project_keeps_its_chords_and_undoes_nothing_else(tmp_path):
    melody = tune_with_chords()
    path = tmp_path / "song.composer"
    save_project(Project(melody), path)
    assert json.loads(path.read_text())["version"] == 2
    again = load_project(path).melody
    assert again.chords == melody.chords and again == melody


def test_a_version_1_project_opens_without_chords(tmp_path):
    doc = Project(Melody.from_notes([(0, 480, 60, 80)])).to_json()
    doc["version"] = 1
    del doc["melody"]["chords"]
    project = project_from_bytes(json.dumps(doc).encode(), "old.composer")
    assert project.melody.chords == () and project.melody.contents() == [(0, 480, 60, 80)]


@pytest.mark.parametrize("rows, says", [([[0, 1920, "Hm7"]], "'Hm7' is not a chord symbol"),
                                        ([[0, 1920, "C"], [960, 1920, "G"]], "overlap"),
                                        ([[0, 0, "C"]], "out of range"), ([[0, 1920, 5]], "not text")])
def test_a_damaged_chord_track_is_one_sentence(rows, says):
    doc = Project(Melody.from_notes([(0, 480, 60, 80)])).to_json()
    doc["melody"]["chords"] = rows
    with pytest.raises(ProjectError, match=says) as info:
        project_from_bytes(json.dumps(doc).encode(), "bad.composer")
    assert str(info.value).startswith("bad.composer: the project is damaged")
