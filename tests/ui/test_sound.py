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
