"""Chords from what an accompaniment plays: block, Alberti, waltz and arpeggio left hands, a two-hand file in
the window (one undo step), and `composer-app chords`."""

import json
import subprocess
import sys

import pytest

from composer_app.core.chord_recognition import recognise_chords
from composer_app.core.chords import parse_progression
from composer_app.core.keys import Key
from composer_app.core.melody import Melody
from composer_app.core.midifile import write_midi
from composer_app.engine.accompaniment import accompany

BAR = 1920
PROGRESSION = "| C | Am | Dm7 | G7 | C F | Dm G7 | Em A7 | Dm7 G7 | C |"


def tune() -> list[tuple[int, int, int, int]]:
    return [(i * 480, 480, (72, 76, 74, 77)[i % 4], 90) for i in range(36)]


@pytest.mark.parametrize("pattern", ["block", "broken", "waltz", "arpeggio"])
def test_each_pattern_gives_back_the_chords_it_plays(pattern):
    progression = PROGRESSION
    if pattern in ("broken", "arpeggio"):  # over half a bar they sound three tones of a seventh chord's four:
        progression = progression.replace("7", "")  # the chord they play is the triad
    chords = parse_progression(progression, BAR)
    rows = accompany(chords, tune(), BAR, 480, pattern, Key(0))
    found = recognise_chords(rows, BAR, 480)
    assert [(c.tick, c.chord.symbol()) for c in found] == [(c.tick, c.chord.symbol()) for c in chords]


def test_a_chord_held_through_a_bar_is_one_chord_and_silence_before_is_none():
    rows = [(BAR, 480, 48, 60), (BAR + 480, 480, 52, 60), (BAR + 960, 480, 55, 60), (BAR + 1440, 480, 52, 60)]
    found = recognise_chords(rows, BAR, 480)
    assert [(c.tick, c.duration, c.chord.symbol()) for c in found] == [(BAR, BAR, "C")]


def two_hands(path):
    """A melody track and a left-hand track (a waltz in 3/4 under a tune in F: F, C7, F, Bb)."""
    from composer_app.core.timing import TimeSignature

    bar = 1440
    chords = parse_progression("| F | C7 | F | Bb | F |", bar)
    melody = [(i * 480, 480, (77, 76, 77, 74, 72)[i % 5], 90) for i in range(15)]
    left = accompany(chords, melody, bar, 480, "waltz", Key(5))
    song = Melody.from_notes(melody, time_signature=TimeSignature(3, 4), key_signature="F", name="Waltz")
    write_midi(song, path, [("Left hand", left)])
    return ["F", "C7", "F", "Bb", "F"]


def test_the_chords_command_prints_the_chords_the_left_hand_plays(tmp_path):
    expected = two_hands(tmp_path / "waltz.mid")
    run = subprocess.run([sys.executable, "-m", "composer_app", "chords", str(tmp_path / "waltz.mid"), "--json"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    rows = json.loads(run.stdout)
    assert rows == [{"bar": i + 1, "beat": 1, "symbol": s} for i, s in enumerate(expected)]
    plain = subprocess.run([sys.executable, "-m", "composer_app", "chords", str(tmp_path / "waltz.mid")],
                           capture_output=True, text=True, timeout=120)
    assert "| F | C7 | F | Bb | F |" in plain.stdout and "accompaniment" in plain.stdout
    bad = subprocess.run([sys.executable, "-m", "composer_app", "chords", str(tmp_path / "none.mid")],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1
