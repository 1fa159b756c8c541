"""MusicXML in and out through music21: a lead sheet with chord symbols, more parts, and broken files."""

import pytest

from composer_app.core.chords import KINDS, Chord, ChordEvent, parse_progression
from composer_app.core.errors import MidiImportError
from composer_app.core.melody import Melody
from composer_app.core.midifile import read_song
from composer_app.core.musicxml import MusicXmlError, musicxml_bytes, read_musicxml, write_musicxml

BAR = 1920


def lead_sheet() -> Melody:
    notes = [(0, 480, 67, 80), (480, 240, 69, 80), (720, 240, 71, 80), (960, 960, 72, 80), (1920, 2880, 74, 80),
             (4800, 960, 71, 80), (5760, 1920, 67, 80)]  # a note tied over the bar line, a pickup-free start
    return Melody.from_notes(notes, name="Tune", key_signature="G",
                             chords=tuple(parse_progression("| G | D7/F# | Em7 C | G |", BAR)))


def test_a_lead_sheet_round_trips_notes_metre_key_and_chords(tmp_path):
    melody = lead_sheet()
    path = tmp_path / "tune.musicxml"
    write_musicxml(melody, path)
    song = read_song(path)
    assert song.key_signature == "G" and str(song.time_signature) == "4/4"
    assert [c[:3] for c in song.melody().contents()] == [c[:3] for c in melody.contents()]
    assert song.chords == melody.chords
    text = path.read_text()
    assert "<harmony" in text and "<root-step>D</root-step>" in text and "<bass-step>F</bass-step>" in text
    assert "<tie type=\"start\"" in text  # the long note is tied over the bar line, as notation needs


def test_every_chord_kind_survives_the_trip(tmp_path):
    chords = tuple(ChordEvent(i * 480, 480, Chord("Bb" if i % 2 else "F#", kind)) for i, kind in enumerate(KINDS))
    melody = Melody.from_notes([(i * 480, 480, 72, 80) for i in range(len(KINDS))], chords=chords)
    path = tmp_path / "kinds.musicxml"
    write_musicxml(melody, path)
    assert [c.symbol() for c in read_musicxml(path).chords] == [c.symbol() for c in chords]


def test_more_parts_and_chords_within_a_part(tmp_path):
    melody = lead_sheet()
    block = [(0, 1920, p) for p in (48, 55, 64)] + [(1920, 960, 50), (1920, 1920, 62)]  # unequal lengths: 2 layers
    path = tmp_path / "parts.musicxml"
    write_musicxml(melody, path, [("Accompaniment", block)])
    song = read_musicxml(path)
    assert [p.name for p in song.parts][0] == "Tune" and song.parts[1].name == "Accompaniment"
    played = sorted((t, d, p) for part in song.parts[1:] for t, d, p, _ in part.notes)
    assert played == sorted(block)


def test_a_broken_score_is_one_sentence_and_no_file_is_damaged(tmp_path, monkeypatch):
    bad = tmp_path / "broken.musicxml"
    bad.write_text('<?xml version="1.0"?><score-partwise><part id="P1"><measure number="1"><note>')
    with pytest.raises(MidiImportError, match="broken.musicxml: it cannot be read as MusicXML"):
        read_musicxml(bad)
    with pytest.raises(MidiImportError, match="no such file"):
        read_musicxml(tmp_path / "missing.musicxml")
    target = tmp_path / "keep.musicxml"
    target.write_bytes(musicxml_bytes(lead_sheet()))
    before = target.read_bytes()
    from music21.musicxml.m21ToXml import GeneralObjectExporter

    def fail(self, *args, **kwargs):
        raise ValueError("cannot notate")

    monkeypatch.setattr(GeneralObjectExporter, "parse", fail)
    with pytest.raises(MusicXmlError, match="could not be written as MusicXML"):
        write_musicxml(lead_sheet(), target)
    assert target.read_bytes() == before  # the old score is whole


def test_clefs_by_range_title_from_the_file_and_no_composer_made_up():
    from music21 import converter

    melody = Melody.from_notes([(i * 480, 480, p, 80) for i, p in enumerate((67, 69, 71, 72))], name="Air",
                               key_signature="G")
    parts = [("Alto", [(i * 480, 480, p) for i, p in enumerate((62, 64, 62, 64))]),
             ("Tenor", [(i * 480, 480, p) for i, p in enumerate((55, 57, 59, 55))]),
             ("Bass", [(i * 480, 480, p) for i, p in enumerate((43, 48, 47, 43))])]
    xml = musicxml_bytes(melody, parts, title="exported-file")
    score = converter.parseData(xml, format="musicxml")
    clefs = [type(p.flatten().getElementsByClass("Clef")[0]).__name__ for p in score.parts]
    assert clefs == ["TrebleClef", "TrebleClef", "Treble8vbClef", "BassClef"]
    assert score.metadata.bestTitle == "Air" and b"Music21" not in xml and b'type="composer"' not in xml
    untitled = Melody.from_notes([(0, 480, 60, 80)])
    assert converter.parseData(musicxml_bytes(untitled, title="my-song"), format="musicxml").metadata.bestTitle == "my-song"
