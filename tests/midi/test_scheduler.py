"""The playback scheduler with fake time."""

import mido

from composer_app.core.melody import Melody
from composer_app.midi.recorder import Recorder
from composer_app.midi.scheduler import PlaybackScheduler, melody_events


class FakeClock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_events_are_sent_when_due_offs_before_ons():
    clock, sent = FakeClock(), []
    s = PlaybackScheduler(sent.append, clock)
    s.load(melody_events(Melody.from_notes([(0, 480, 60, 80), (480, 480, 62, 80)])))  # 0.5 s each at 120 bpm
    s.start()
    assert s.pump() == 1 and sent[0].type == "note_on"
    clock.now += 0.49
    assert s.pump() == 0 and s.next_due() == 100.5
    clock.now += 0.01
    assert s.pump() == 2 and [m.type for m in sent[1:]] == ["note_off", "note_on"]
    clock.now += 1
    assert s.pump() == 1 and not s.playing


def test_a_program_change_among_the_notes_is_sent_and_playback_goes_on():
    clock, sent = FakeClock(), []
    s = PlaybackScheduler(sent.append, clock)
    events = melody_events(Melody.from_notes([(0, 480, 60, 80)]), channel=1)
    s.load([(0.0, 0, mido.Message("program_change", channel=1, program=0))] + events)
    s.start()
    assert s.pump() == 2 and [m.type for m in sent] == ["program_change", "note_on"]
    clock.now += 1
    assert s.pump() == 1 and sent[-1].type == "note_off" and not s.playing


def test_stop_silences_every_sounding_note():
    clock, sent = FakeClock(), []
    s = PlaybackScheduler(sent.append, clock)
    s.load(melody_events(Melody.from_notes([(0, 960, 60, 80), (0, 960, 64, 80), (480, 960, 67, 80)])))
    s.start()
    clock.now += 0.6
    s.pump()
    sent.clear()
    s.stop()
    offs = sorted(m.note for m in sent if m.type == "note_off")
    assert offs == [60, 64, 67]
    assert sent[-1].type == "control_change" and sent[-1].control == 123


def test_a_failing_device_still_gets_every_note_off():
    clock, attempts = FakeClock(), []

    def broken(msg):
        attempts.append(msg)
        raise OSError("device unplugged")

    s = PlaybackScheduler(broken, clock)
    s.events = []
    s.sounding = {(0, 60): 1, (0, 62): 1}
    s.channels = {0}
    s.stop()
    assert [m.type for m in attempts] == ["note_off", "note_off", "control_change"]


def test_recorder_quantizes_on_input():
    rec = Recorder(start_time=10.0, bpm=120, quantize=120)
    rec.feed(10.26, mido.Message("note_on", note=60, velocity=90))  # 0.26 s = 249.6 ticks -> 240
    rec.feed(10.49, mido.Message("note_off", note=60))
    assert rec.finish(11.0) == [(240, 240, 60, 90)]
