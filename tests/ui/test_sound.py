import numpy as np

from composer_app.ui.live.sound_out import MixerDevice, SoundOut


def test_mixer_sums_voices_and_fades_on_stop(qtbot):
    mixer = MixerDevice()
    a = np.full(1000, 0.2, dtype=np.float32)
    mixer.add(a)
    mixer.add(a)
    out = mixer.mix(500)
    assert np.allclose(out, np.tanh(0.4), atol=1e-6)
    mixer.clear(fade_frames=100)
    tail = mixer.mix(200)
    assert tail[0] > 0.3 and abs(tail[99]) < 0.01 and np.all(tail[100:] == 0)


def test_no_audio_device_is_said_once_and_the_app_keeps_working(qtbot):
    sound = SoundOut()
    messages = []
    sound.unavailable.connect(messages.append)
    ok = sound.start()
    if not ok:  # this machine has no audio device
        assert len(messages) == 1 and "audio" in messages[0]
    sound.note(60)  # silently ignored or played; never raises
    sound.stop()
    assert ok == sound.available


def test_a_passage_played_in_parts_sounds_as_rendered_whole(qapp):
    """Long pieces are rendered a few seconds at a time and mixed at each part's time: the same samples."""
    import numpy as np

    from composer_app.audio.instrument import bundled_instrument_path, open_instrument
    from composer_app.audio.synth import SAMPLE_RATE, Voice
    from composer_app.ui.live.sound_out import PART_SECONDS, MixerDevice, passage_parts

    piano = open_instrument(bundled_instrument_path())
    voices = [Voice(i * 0.45, 0.6, 48 + (i * 5) % 30, 50 + (i * 11) % 70) for i in range(30)]  # 13.5 s
    parts = passage_parts(voices)
    assert len(parts) == 4 and [o for o, _ in parts] == [0.0, PART_SECONDS, 2 * PART_SECONDS, 3 * PART_SECONDS]
    assert sum(len(p) for _, p in parts) == 30 and all(0 <= v.start < PART_SECONDS for _, p in parts for v in p)
    whole = piano.render(voices)
    mixer = MixerDevice()
    for offset, part in parts:
        mixer.add(piano.render(part), int(offset * SAMPLE_RATE))
    mixed = np.concatenate([mixer.mix(4410) for _ in range(len(whole) // 4410)])
    n = len(mixed)
    error = np.sqrt(np.mean((mixed - np.tanh(whole[:n])) ** 2)) / np.sqrt(np.mean(whole[:n] ** 2))
    assert error < 0.03  # -30 dB (1.5% measured: where a part's last tail is faded); misplaced parts give ~100%


def test_the_built_in_metronome_is_a_click_not_a_piano_note():
    from composer_app.audio.click import click
    from composer_app.audio.synth import SAMPLE_RATE, render_voice

    for accent in (True, False):
        c = click(accent)
        assert len(c) <= 0.05 * SAMPLE_RATE and 0.3 <= np.abs(c).max() <= 0.55
        energy = np.cumsum(c.astype(np.float64) ** 2)
        assert energy[int(0.01 * SAMPLE_RATE)] > 0.95 * energy[-1]  # over within 10 ms
        spectrum = np.abs(np.fft.rfft(c, 8192))
        assert np.fft.rfftfreq(8192, 1 / SAMPLE_RATE)[spectrum.argmax()] > 1000  # bright, not a low piano tone
    assert np.abs(click(True)).max() > np.abs(click(False)).max()
    piano = render_voice(96, 100, 0.04)
    assert len(piano) > len(click(True))  # the piano note it replaces rings on


def test_play_with_the_metronome_mixes_clicks_on_the_notes_clock(qapp):
    from composer_app.audio.click import click
    from composer_app.core.melody import Melody
    from composer_app.core.performance import clicks

    sound = SoundOut()
    sound.sink = object()  # the mixer without an audio device: what would be heard is what it holds
    melody = Melody.from_notes([(i * 480, 480, 60 + i, 90) for i in range(4)])
    beats = clicks(melody.tempos, 1920, 4, 0, melody.end_tick, count_in=True)
    sound.play(melody, 0, melody.end_tick, beats, lead=2.0)
    deadline = __import__("time").monotonic() + 10
    while len(sound.mixer._voices) < 9 and __import__("time").monotonic() < deadline:
        __import__("time").sleep(0.02)
    voices = list(sound.mixer._voices)
    ticks = [v for v in voices if len(v[0]) == len(click(True))]
    assert len(ticks) == 8  # 4 counted in, 4 with the notes
    delays = sorted(-pos for _, pos in ticks)
    sound.sink = None
    assert delays[0] == 0 and abs(delays[4] - 2.0 * 44_100) < 50  # the first beat of the notes after the count-in
