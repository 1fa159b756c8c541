"""Notes and chord symbols spelled as a score writes them: by the key, the chord sounding, the line's direction."""

from composer_app.core.chords import Chord, ChordEvent
from composer_app.core.keys import Key
from composer_app.core.melody import Melody
from composer_app.core.musicxml import musicxml_bytes
from composer_app.core.spelling import spell_chord, spell_line


def test_chord_symbols_are_spelled_in_the_key():
    F, C, Em = Key.parse("F"), Key.parse("C"), Key.parse("Em")
    assert spell_chord(10, "7", F).symbol() == "Bb7" and spell_chord(10, "", C).symbol() == "Bb"
    assert spell_chord(6, "dim", C).symbol() == "F#dim" and spell_chord(3, "dim", Em).symbol() == "D#dim"
    assert spell_chord(8, "", C).symbol() == "Ab" and spell_chord(10, "", Key.parse("Am")).symbol() == "Bb"
    assert spell_chord(1, "", Key.parse("Am")).symbol() == "C#"  # V of iv in A minor


def test_a_secondary_dominant_is_spelled_from_its_root_and_passing_notes_by_direction():
    em = Key.parse("Em")
    b7 = [ChordEvent(0, 1920, Chord("B", "7"))]
    assert spell_line([(0, 480, 59), (480, 480, 63), (960, 480, 66), (1440, 480, 69)], em, b7) == \
        ["B3", "D#4", "F#4", "A4"]  # never B-Eb-Gb-Bbb
    d7 = [ChordEvent(0, 1920, Chord("D", "7"))]  # V7 of G in C major: its third is F#
    assert spell_line([(0, 480, 66)], Key.parse("C"), d7) == ["F#4"]
    rising = spell_line([(0, 240, 60), (240, 240, 61), (480, 240, 62)], Key.parse("C"))
    falling = spell_line([(0, 240, 64), (240, 240, 63), (480, 240, 62)], Key.parse("C"))
    assert rising[1] == "C#4" and falling[1] == "E-4"


def test_the_export_spells_an_accompaniment_by_its_chords():
    from music21 import converter

    tune = Melody.from_notes([(0, 1920, 71, 80), (1920, 1920, 67, 80)], key_signature="Em",
                             chords=(ChordEvent(0, 1920, Chord("B", "7")), ChordEvent(1920, 1920, Chord("E", "m"))))
    left = [(0, 1920, 47), (0, 1920, 51), (0, 1920, 54), (0, 1920, 57), (1920, 1920, 52), (1920, 1920, 55)]
    xml = musicxml_bytes(tune, [("Accompaniment", left)])
    part = converter.parseData(xml, format="musicxml").parts[1]
    names = [p.name for n in part.flatten().notes if n.isChord or n.isNote for p in n.pitches]
    assert names[:4] == ["B", "D#", "F#", "A"] and b"<root-step>B</root-step>" in xml


def test_held_out_chorales_are_spelled_as_bach_wrote_them():
    """Three held-out chorales as MIDI notes (their four voices) -> MusicXML: >= 98% of notes named as written."""
    import json
    from pathlib import Path

    from music21 import converter, corpus

    records = [json.loads(line) for line in
               (Path(__file__).resolve().parents[2] / "models" / "harmony-held-out.jsonl").read_text().splitlines()]
    right = total = 0
    for rec in records[:3]:
        score = corpus.parse(rec["piece"].split("#")[0])
        voices = [[n for n in part.flatten().notes if n.isNote and n.quarterLength > 0] for part in score.parts[:4]]
        sharps = score.flatten().getElementsByClass("KeySignature")[0].sharps
        key = Key((sharps * 7 + (9 if rec["mode"] == "minor" else 0)) % 12, rec["mode"])
        melody = Melody.from_notes([(round(n.offset * 480), round(n.quarterLength * 480), n.pitch.midi, 80)
                                    for n in voices[0]], key_signature=key.name)
        parts = [(str(i), [(round(n.offset * 480), round(n.quarterLength * 480), n.pitch.midi) for n in v])
                 for i, v in enumerate(voices[1:])]
        written = converter.parseData(musicxml_bytes(melody, parts), format="musicxml").parts
        for voice, part in zip(voices, written):
            got = [n for n in part.flatten().notes if n.isNote and (n.tie is None or n.tie.type == "start")]
            want = [n for n in voice if n.tie is None or n.tie.type == "start"]
            assert [n.pitch.midi for n in got] == [n.pitch.midi for n in want]
            right += sum(a.pitch.name == b.pitch.name for a, b in zip(got, want))
            total += len(want)
    assert total > 500 and right >= 0.98 * total, (right, total)
