"""Dynamics marks from velocities: one where a phrase's loudness changes clearly, none for an accent."""

import re

from composer_app.core.dynamics import dynamic_marks, mark_of
from composer_app.core.melody import Melody
from composer_app.core.musicxml import musicxml_bytes

BAR = 1920


def bars_of(velocities_per_bar: list[int]) -> list[tuple[int, int]]:
    return [(b * BAR + i * 480, v) for b, v in enumerate(velocities_per_bar) for i in range(4)]


def test_a_phrase_that_gets_soft_gets_one_mark_where_it_changes():
    marks = dynamic_marks(bars_of([96, 96, 96, 96, 50, 48, 50, 49]), BAR)
    assert marks == [(0, "f"), (4 * BAR, "p")]


def test_steady_playing_and_a_single_loud_bar_get_one_mark():
    assert dynamic_marks(bars_of([80, 84, 77, 82, 79, 81]), BAR) == [(0, "mf")]
    assert dynamic_marks(bars_of([64, 64, 110, 64, 64]), BAR) == [(0, "mp")]  # one accented bar is not a new dynamic
    assert dynamic_marks([], BAR) == []


def test_marks_are_the_nearest_level():
    assert [mark_of(v) for v in (20, 45, 66, 80, 100, 127)] == ["pp", "p", "mp", "mf", "f", "ff"]


def test_musicxml_carries_the_marks_and_each_notes_velocity():
    notes = [(t, 480, 72, v) for t, v in bars_of([100, 100, 100, 40, 40, 40])]
    xml = musicxml_bytes(Melody.from_notes(notes, key_signature="C")).decode()
    measures = re.split(r"<measure ", xml)[1:]
    with_marks = [(i + 1, mark) for i, m in enumerate(measures) for mark in re.findall(r"<dynamics[^>]*>\s*<(\w+)", m)]
    assert with_marks == [(1, "f"), (4, "pp")]
    velocities = {round(float(v) * 90 / 100) for v in re.findall(r'<note dynamics="([\d.]+)"', xml)}
    assert velocities == {100, 40}
