"""Live logic without Qt or ports, driven by made-up times: count-in, metronome, a take, call and response."""

import mido

from composer_app.core.melody import Melody
from composer_app.core.timing import TempoChange, TimeSignature
from composer_app.session.live import CallAndResponse, JamSettings, Metronome, Take


def on(p, v=90):
    return mido.Message("note_on", note=p, velocity=v)


def off(p):
    return mido.Message("note_off", note=p, velocity=0)


def test_metronome_counts_in_then_clicks_with_accents_on_the_bar():
    m = Metronome(start=10.0, beat_seconds=0.5, beats_per_bar=3, count_in=3, keeps_going=True)
    assert m.due(9.9) == []
    assert m.due(10.0) == [True]  # the count-in's first beat
    assert m.due(11.6) == [False, False, True]  # the take's downbeat at 11.5 is accented
    assert m.due(12.1) == [False]
    quiet = Metronome(start=0.0, beat_seconds=0.5, beats_per_bar=4, count_in=4, keeps_going=False)
    assert len(quiet.due(100.0)) == 4  # only the count-in


def test_a_take_counts_in_a_bar_and_places_notes_at_the_tempo_of_where_it_starts():
    melody = Melody(tempos=[TempoChange(0, 500_000), TempoChange(1920, 1_000_000)], time_signature=TimeSignature(2, 4))
    take = Take(melody, start_tick=1920, now=100.0, count_in=True, metronome=False)  # 60 bpm from bar 2
    state = take.pump(100.0)
    assert state.clicks == [True] and state.playhead == 1920
    first = 100.0 + 2 * 1.0  # two beats of count-in at 60 bpm
    take.feed(first, on(60))
    take.feed(first + 0.5, off(60))
    take.feed(first + 1.0, on(62))
    state = take.pump(first + 1.25)
    assert state.clicks == [False] and [n[2] for n in state.live_notes] == [60, 62]
    assert state.playhead == 1920 + 600
    notes = take.stop(first + 1.5)
    assert notes == [(1920, 240, 60, 90), (2400, 240, 62, 90)]


def test_call_and_response_waits_for_the_pause_and_ignores_its_own_answer():
    rules = CallAndResponse(JamSettings(tempo=120, wait_beats=2))
    rules.feed(0.0, on(60))
    rules.feed(0.4, off(60))
    rules.feed(0.5, on(64))
    rules.feed(0.9, off(64))
    assert rules.take_phrase(1.8) is None  # 0.9 s + two beats of 0.5 s is 1.9 s
    phrase = rules.take_phrase(1.95)
    assert [n[2] for n in phrase] == [60, 64]
    rules.answering(2.0, 2.0)
    rules.feed(2.5, on(67))  # the answer coming back through the keyboard's thru: not a phrase
    rules.feed(3.0, off(67))
    assert rules.take_phrase(10.0) is None
    rules.feed(4.5, on(65))
    rules.feed(4.8, off(65))
    assert [n[2] for n in rules.take_phrase(6.0)] == [65]
