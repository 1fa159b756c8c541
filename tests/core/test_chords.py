import pytest

from composer_app.core.chords import (
    KINDS,
    Chord,
    ChordError,
    ChordEvent,
    check_chords,
    chord_at,
    parse_chord,
    parse_progression,
)

BAR = 1920


@pytest.mark.parametrize("text, root, kind, bass, pcs", [
    ("C", "C", "", None, (0, 4, 7)), ("Am7", "A", "m7", None, (9, 0, 4, 7)), ("G/B", "G", "", "B", (7, 11, 2)),
    ("F#dim", "F#", "dim", None, (6, 9, 0)), ("Bbmaj7", "Bb", "maj7", None, (10, 2, 5, 9)),
    ("Csus4", "C", "sus4", None, (0, 5, 7)), ("D7", "D", "7", None, (2, 6, 9, 0)),
    ("Em7b5", "E", "m7b5", None, (4, 7, 10, 2)), ("Do", "C", "", None, (0, 4, 7)), ("Lam7", "A", "m7", None, (9, 0, 4, 7)),
    ("Sol/Si", "G", "", "B", (7, 11, 2)), ("Fa#m", "F#", "m", None, (6, 9, 1)), ("Sibmaj7", "Bb", "maj7", None, (10, 2, 5, 9)),
    ("C/E", "C", "", "E", (0, 4, 7)), ("D/C", "D", "", "C", (0, 2, 6, 9)), ("Bø", "B", "m7b5", None, (11, 2, 5, 9)),
    ("G-7", "G", "m7", None, (7, 10, 2, 5)), ("E♭Δ", "Eb", "maj7", None, (3, 7, 10, 2)), ("A°7", "A", "dim7", None, (9, 0, 3, 6)),
])
def test_symbols_in_english_and_spanish_read_as_chords(text, root, kind, bass, pcs):
    chord = parse_chord(text)
    assert (chord.root, chord.kind, chord.bass) == (root, kind, bass)
    assert chord.pitch_classes() == pcs


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_symbol_written_reads_back_as_the_same_chord(lang):
    for root in ("C", "C#", "Db", "D", "Eb", "E", "F", "F#", "Gb", "G", "Ab", "A", "Bb", "B"):
        for kind in KINDS:
            for bass in (None, "E", "Bb"):
                chord = Chord(root, kind, None if bass and Chord(bass).root_pc == Chord(root).root_pc else bass)
                assert parse_chord(chord.symbol(lang)) == chord, chord.symbol(lang)


def test_spanish_names_the_roots_as_syllables():
    assert parse_chord("Am7").symbol("es") == "Lam7"
    assert parse_chord("G/B").symbol("es") == "Sol/Si"
    assert parse_chord("Bb").symbol("es") == "Sib"


@pytest.mark.parametrize("text", ["Hm7", "C7#11x", "Cmaj13", "X", "C/H", "", "7", "C/"])
def test_an_unknown_symbol_is_named_with_the_grammar(text):
    with pytest.raises(ChordError) as info:
        parse_chord(text)
    message = str(info.value)
    assert repr(text.strip()[:30]) in message and "root" in message and "bass" in message


def test_no_chord_is_none():
    assert parse_chord("N.C.") is None


def test_a_progression_of_words_gives_a_chord_a_bar():
    events = parse_progression("C G Am F", BAR)
    assert [(e.tick, e.duration, e.symbol()) for e in events] == [(0, BAR, "C"), (BAR, BAR, "G"), (2 * BAR, BAR, "Am"),
                                                                  (3 * BAR, BAR, "F")]


def test_chords_between_bar_lines_share_the_bar_and_percent_repeats_it():
    events = parse_progression("| C | G7 Am | % | N.C. | Do |", BAR, start_tick=BAR)
    assert [(e.tick, e.duration, e.symbol()) for e in events] == [
        (BAR, BAR, "C"), (2 * BAR, BAR // 2, "G7"), (2 * BAR + BAR // 2, BAR // 2, "Am"),
        (3 * BAR, BAR // 2, "G7"), (3 * BAR + BAR // 2, BAR // 2, "Am"), (5 * BAR, BAR, "C")]


@pytest.mark.parametrize("text, says", [("C G Hm F", "'Hm'"), ("", "empty"), ("| C || G |", "bar 2"), ("% C", "repeats")])
def test_a_bad_progression_says_where(text, says):
    with pytest.raises(ChordError, match=says):
        parse_progression(text, BAR)


def test_overlapping_or_empty_chords_are_refused():
    c, g = parse_chord("C"), parse_chord("G")
    with pytest.raises(ChordError, match="overlap"):
        check_chords([ChordEvent(0, 960, c), ChordEvent(480, 960, g)])
    with pytest.raises(ChordError, match="no length"):
        check_chords([ChordEvent(0, 0, c)])
    ok = check_chords([ChordEvent(960, 960, g), ChordEvent(0, 960, c)])
    assert [e.chord for e in ok] == [c, g]
    assert chord_at(ok, 0).chord == c and chord_at(ok, 1919).chord == g and chord_at(ok, 1920) is None
