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
