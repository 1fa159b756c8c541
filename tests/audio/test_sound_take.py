"""A microphone take without a device: the count-in left out, the level, the length cap, and heard notes fed
into a recording take as a keyboard's would be."""

import numpy as np

from composer_app.audio.sound_take import SoundTake, level_fraction
from composer_app.audio.transcribe import HeardNote
from composer_app.core.melody import Melody
from composer_app.session.live import Take


def tone(seconds: float, rate: int, amplitude: float = 0.5) -> np.ndarray:
    return (amplitude * np.sin(2 * np.pi * 440 * np.arange(round(seconds * rate)) / rate)).astype(np.float32)


def test_the_count_in_is_left_out_by_when_the_sound_arrived_and_the_level_is_the_last_block():
    # the take starts at t=100.5; the server delivered its first block late (at 100.9, holding 0.4 s of sound)
    take = SoundTake(rate=1000, channels=1, starts_at=100.5)
    take.add((tone(0.4, 1000, 0.01) * 32767).astype("<i2").tobytes(), arrived=100.9)
    assert -45 < take.level_db < -35
    take.add((tone(0.4, 1000, 0.5) * 32767).astype("<i2").tobytes(), arrived=101.31)  # a little later than due
    assert -7 < take.level_db < -5
    # the first sample was heard at 100.5 (the earliest both arrivals allow): nothing of the first block is
    # before the take's start, so all 800 frames are the take
    assert abs(take.first_sample_at - 100.5) < 1e-9 and take.lead_frames == 0 and take.seconds == 0.8
    late = SoundTake(rate=1000, channels=1, starts_at=101.0)
    late.add(np.zeros(400, np.float32), arrived=100.9)
    late.add(tone(0.4, 1000), arrived=101.3)
    assert late.lead_frames == 500 and abs(len(late.samples()) - 300 * 22.05) < 3
    assert level_fraction(take.level_db) > 0.85 and level_fraction(-120) == 0 and level_fraction(3) == 1


def test_stereo_float_blocks_become_mono_and_a_take_stops_growing_at_its_limit():
    take = SoundTake(rate=2000, channels=2, max_seconds=1.0)
    left = tone(0.75, 2000)
    stereo = np.stack([left, left], axis=1).reshape(-1)
    take.add(stereo.tobytes(), "float32")
    assert take.kept == 1500 and not take.full
    take.add(stereo.tobytes(), "float32")
    assert take.kept == 2000 and take.frames == 3000 and take.full and take.seconds == 1.0
    assert np.allclose(np.concatenate(take.blocks)[:1500], left, atol=1e-6)


def test_samples_come_at_the_transcription_rate():
    take = SoundTake(rate=44100)
    take.add(tone(1.0, 44100))
    samples = take.samples()
    assert abs(len(samples) - 22050) <= 2 and samples.dtype == np.float32


def test_heard_notes_join_a_take_on_the_grid_one_after_another():
    melody = Melody.from_notes([])  # 120 BPM, 4/4: a 16th is 0.125 s
    take = Take(melody, start_tick=1920, now=10.0, count_in=True, metronome=False, quantize="1/16")
    assert take.recorder.start_time == 12.0  # a bar of count-in
    heard = [HeardNote(0.02, 0.6, 60, 90), HeardNote(0.49, 0.99, 64, 80), HeardNote(0.9, 1.2, 67, 70)]
    take.feed_heard(heard)
    rows = take.stop(20.0)
    assert [(t, p) for t, _, p, _ in rows] == [(1920, 60), (1920 + 480, 64), (1920 + 840, 67)]
    # each note ends where the next starts: one note at a time
    assert rows[0][1] == 480 and rows[1][1] == 360
