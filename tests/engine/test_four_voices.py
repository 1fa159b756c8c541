"""Four voices found under a melody follow the rules, on real melodies and their suggested chords."""

from pathlib import Path

import pytest

from composer_app.core.chords import parse_progression
from composer_app.core.errors import ComposerError
from composer_app.core.keys import Key, melody_key
from composer_app.core.midifile import load_melody
from composer_app.core.part_writing import RANGES, check_part_writing
from composer_app.engine.four_voices import four_voices
from composer_app.engine.harmonize import HarmonizeOptions, HarmonyModel, harmonize_melody

MELODIES = Path(__file__).resolve().parents[2] / "models" / "test-melodies"


def sung_melodies():
    """Every 12th test melody that a soprano can sing (C4-A5)."""
    out = []
    for f in sorted(MELODIES.glob("*.mid"))[::12]:
        m = load_melody(f)
        pitches = [n.pitch for n in m]
        if 60 <= min(pitches) and max(pitches) <= 81:
            out.append((f.name, m))
    return out


def test_four_voices_under_suggested_chords_break_no_rule():
    model = HarmonyModel.load()
    checked = 0
    for name, melody in sung_melodies():
        key = melody_key(melody)[0] or Key(0)
        ts = melody.time_signature
        notes = [(n.tick, n.duration, n.pitch) for n in melody]
        chords = harmonize_melody(model, notes, key, ts.bar_ticks, ts.beat_ticks, HarmonizeOptions(per_bar=2))[0]
        parts = four_voices(notes, chords, key, ts.beat_ticks)
        assert parts["soprano"] == sorted(notes)
        faults = [f for f in check_part_writing(parts, key.tonic) if "soprano" not in f.voices or f.kind == "crossing"
                  or f.kind.startswith("parallel")]
        faults = [f for f in faults if f.kind != "leading_tone"]  # the melody's own leading tones are the student's
        assert faults == [], (name, [f.describe() for f in faults[:3]])
        for voice in ("alto", "tenor", "bass"):
            low, high = RANGES[voice]
            assert all(low <= p <= high for _, _, p in parts[voice])
            for t, _, p in parts[voice]:  # every lower note is a tone of its chord
                chord = next(c.chord for c in chords if c.tick <= t < c.end)
                assert p % 12 in chord.pitch_classes()
        checked += 1
    assert checked >= 15


def test_a_cadence_in_c_is_voiced_completely():
    soprano = [(0, 1920, 72), (1920, 1920, 71), (3840, 1920, 72)]
    parts = four_voices(soprano, parse_progression("C G C", 1920), Key(0), 480)
    for (t, _, s) in soprano:
        sounding = {p % 12 for v in ("alto", "tenor", "bass") for tt, d, p in parts[v] if tt <= t < tt + d} | {s % 12}
        assert sounding >= ({0, 4} if t != 1920 else {7, 11})
    assert [p % 12 for _, _, p in parts["bass"]] == [0, 7, 0]


def test_no_chords_is_a_clear_error():
    with pytest.raises(ComposerError, match="need a melody and chords"):
        four_voices([(0, 480, 72)], [], Key(0))


def test_no_crossings_or_parallels_on_any_held_out_tune_a_soprano_can_sing():
    """Every held-out folk tune and chorale soprano in a soprano's range (91 tunes), one and two chords a bar:
    182 voicings. O'Neill's 1276-1375 no. 29 leaps down an octave inside a beat: the alto crossed it before."""
    model = HarmonyModel.load()
    voiced, faults = 0, []
    for f in sorted(MELODIES.glob("*.mid")):
        if not f.name.startswith(("oneills", "ryans", "miscFolk", "bach")) or "-2" in f.stem:
            continue
        melody = load_melody(f)
        pitches = [n.pitch for n in melody]
        if not (60 <= min(pitches) and max(pitches) <= 81):
            continue
        key = melody_key(melody)[0] or Key(0)
        ts = melody.time_signature
        notes = [(n.tick, n.duration, n.pitch) for n in melody]
        for per_bar in (1, 2):
            chords = harmonize_melody(model, notes, key, ts.bar_ticks, ts.beat_ticks, HarmonizeOptions(per_bar=per_bar))[0]
            parts = four_voices(notes, chords, key, ts.beat_ticks)
            voiced += 1
            faults += [(f.name, x.describe()) for x in check_part_writing(parts, key.tonic)
                       if x.kind == "crossing" or x.kind.startswith("parallel")]
    assert voiced >= 180 and faults == []
