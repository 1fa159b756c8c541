"""Notation quantization on played, tick-late and other tools' files: every note kept in order, on its grid,
triplets only where the notes are triplets, and the MusicXML export of real files that used to fail."""

import shutil
import subprocess

import pytest

from composer_app.core.melody import Melody
from composer_app.core.midifile import load_melody
from composer_app.core.musicxml import musicxml_bytes
from composer_app.core.notation import quantize_for_notation

Q = 480


def rows(melody: Melody) -> list[tuple[int, int, int, int]]:
    return [(n.tick, n.duration, n.pitch, n.velocity) for n in melody]


def test_tick_late_notes_land_on_their_beats_with_their_values():
    late = [(i * 240 + 1, 239, 60 + i, 80) for i in range(8)]  # abc2midi's eighths, each a tick late
    q = quantize_for_notation(late, Q)
    assert [n[:2] for n in q.notes] == [(i * 240, 240) for i in range(8)] and q.tuplet_share() == 0


def test_played_triplets_are_triplets_and_played_sixteenths_are_not():
    import random

    rng = random.Random(1)
    triplets = [(b * Q + k * 160 + rng.randint(-15, 15) + 10, 150, 60 + k, 80) for b in range(4) for k in range(3)]
    q = quantize_for_notation(triplets, Q)
    assert [n[0] % Q for n in q.notes] == [0, 160, 320] * 4 and q.tuplet_share() == 1.0
    sixteenths = [(b * Q + k * 120 + rng.randint(-15, 15) + 10, 110, 60 + k, 80) for b in range(4) for k in range(4)]
    q = quantize_for_notation(sixteenths, Q)
    assert [n[0] % Q for n in q.notes] == [0, 120, 240, 360] * 4 and q.tuplet_share() == 0


def test_a_fast_run_keeps_every_note_in_order():
    run = [(i * 40, 40, 60 + i % 12, 80) for i in range(24)]  # 12 notes a beat, played: no 32nd grid holds them
    q = quantize_for_notation(run, Q)
    assert [n[2] for n in q.notes] == [n[2] for n in run]
    assert all(a[0] < b[0] and a[0] + a[1] <= b[0] for a, b in zip(q.notes, q.notes[1:]))


def test_a_line_is_one_voice_overlaps_trimmed_small_gaps_absorbed_rests_kept():
    legato = [(0, 500, 60, 80), (480, 260, 62, 80), (720, 200, 64, 80), (960, 480, 65, 80), (1920, 480, 67, 80)]
    q = quantize_for_notation(legato, Q)
    assert q.notes == [(0, 480, 60, 80), (480, 240, 62, 80), (720, 240, 64, 80), (960, 480, 65, 80),
                       (1920, 480, 67, 80)]  # the overlap cut, the 40-tick gap closed, the half-bar rest kept


def test_every_chopin_file_is_one_line_on_its_grids(chopin_files):
    """The melody of each of the 51 files: every note, in order, on its quarter's grid, as long as a step."""
    for path in chopin_files:
        melody = load_melody(path)
        q = quantize_for_notation(rows(melody), Q, line=melody.is_monophonic() or None)
        assert [n[2] for n in q.notes] == [n.pitch for n in melody], path.name
        for t, d, _, _ in q.notes:
            steps = q.grids.get(t // Q, 4)
            assert (t % Q) * steps % Q == 0 and d >= 1, (path.name, t, steps)
        assert all(a[0] + a[1] <= b[0] for a, b in zip(q.notes, q.notes[1:])), path.name


def reread_pitches(xml: bytes) -> tuple[list[int], int, int]:
    """The first part's pitches in order (a tied note once), and how many of its notes are in tuplets."""
    from music21 import converter

    notes = list(converter.parseData(xml, format="musicxml").parts[0].flatten().notes)
    pitches = [p.midi for n in notes if n.tie is None or n.tie.type == "start" for p in n.pitches]
    return pitches, sum(bool(n.duration.tuplets) for n in notes), len(notes)


@pytest.mark.parametrize("name", ["chpn-p1_format0.mid", "chpn-p11_format0.mid", "chpn-p14_format0.mid",
                                  "chpn-e12_format0.mid", "chpn-p18_format0.mid"])
def test_chopin_files_that_failed_now_export_with_every_note(chopin_dir, name):
    melody = load_melody(chopin_dir / name)  # 2048th rests and inexpressible durations before
    pitches, _, _ = reread_pitches(musicxml_bytes(melody))
    assert pitches == [n.pitch for n in melody]


ABC = """X:1
T:Straight
M:4/4
L:1/8
K:D
| DFAd fedc | BAGF E2 FG | A2 d2 c2 BA | d6 z2 |
X:2
T:Jig
M:6/8
L:1/8
K:G
G2B d2B | c2A F2A | GAB cde | d3 B2 z |
X:3
T:Triplets
M:4/4
L:1/8
K:Am
A2 (3cBA E2 (3AcA | G2 (3BAG D4 | cBAG (3FED (3CB,A, | A,8 |
"""


def test_other_tools_files_abc2midi_tunes_export_on_the_score_grid(tmp_path):
    """abc2midi writes every note a tick late: the export puts each back where the score has it."""
    from music21 import converter

    assert shutil.which("abc2midi"), "run-tests.sh installs abcmidi"
    (tmp_path / "tunes.abc").write_text(ABC)
    subprocess.run(["abc2midi", "tunes.abc"], cwd=tmp_path, check=True, capture_output=True)
    scores = converter.parse(ABC, format="abc")
    for number, score in zip((1, 2, 3), scores.scores):
        melody = load_melody(tmp_path / f"tunes{number}.mid")
        assert any(n.tick % 10 == 1 for n in melody)  # the files really are a tick late
        xml = musicxml_bytes(melody)
        part = converter.parseData(xml, format="musicxml").parts[0]
        got = [(float(n.getOffsetInHierarchy(part)), n.pitch.midi) for n in part.flatten().notes
               if n.tie is None or n.tie.type == "start"]
        want = [(float(n.getOffsetInHierarchy(score)), n.pitch.midi) for n in score.flatten().notes
                if n.tie is None or n.tie.type == "start"]
        assert [p for _, p in got] == [p for _, p in want], number
        assert [o for o, _ in got] == pytest.approx([o - want[0][0] for o, _ in want]), number
        _, in_tuplets, total = reread_pitches(xml)
        assert (in_tuplets > 0) == (number == 3), (number, in_tuplets, total)


def test_a_tune_written_from_the_app_keeps_its_grid(tmp_path):
    tune = Melody.from_notes([(i * 240, 240, 60 + i % 5, 90) for i in range(16)], key_signature="C")
    pitches, in_tuplets, _ = reread_pitches(musicxml_bytes(tune))
    assert pitches == [n.pitch for n in tune] and in_tuplets == 0


def test_chord_pieces_tie_across_a_triplet_quarter():
    notes = [(0, 160, 60, 80), (160, 160, 62, 80), (320, 400, 64, 80)]  # a triplet whose last note runs on
    q = quantize_for_notation(notes, Q)
    assert [p[:2] + (p[4],) for p in q.pieces()] == [(0, 160, None), (160, 160, None), (320, 160, "start"),
                                                      (480, 240, "stop")]



def test_a_pickup_is_an_incomplete_first_measure(chopin_dir):
    """Prelude 7 starts with a beat-3 upbeat: measure 0 holds that quarter alone (implicit, not counted)."""
    import re

    from music21 import converter

    melody = load_melody(chopin_dir / "chpn-p7_format0.mid")
    xml = musicxml_bytes(melody, [("Bass", [(960, 480, 45), (1920, 1440, 45)])])
    assert xml.decode().count('<measure implicit="yes" number="0">') == 2  # in every part
    score = converter.parseData(xml, format="musicxml")
    first = score.parts[0].getElementsByClass("Measure")[0]
    assert first.paddingLeft == 2.0 and [n.nameWithOctave for n in first.notesAndRests] == ["E4"]
    pitches, _, _ = reread_pitches(xml)
    assert pitches == [n.pitch for n in melody]
    on_the_beat = Melody.from_notes([(0, 480, 64, 80), (480, 480, 65, 80)])
    assert not re.search(rb'implicit="yes"', musicxml_bytes(on_the_beat))
