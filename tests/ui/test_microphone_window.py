"""Record from Microphone on a computer without a sound input (the input list emptied: no device to fake here
but its absence)."""


def test_without_a_sound_input_the_dialog_says_so(window, monkeypatch):
    from composer_app.ui.dialogs import microphone

    monkeypatch.setattr(microphone, "sound_inputs", lambda: [])  # a computer without a microphone
    dialog = window.live.record_microphone()
    assert "no sound input" in dialog.status.text() and not dialog.record_button.isEnabled()
    dialog.toggle()
    assert not dialog.recording
    dialog.close()


def test_a_long_take_shows_a_bar_that_fills_while_it_is_heard(window, qtbot, monkeypatch):
    """A minute of sound takes seconds to hear: a bar under the status fills, then hides with the notes in.
    (The sound is put in the take as the capture would: capturing it is tests/audio/test_microphone.py's.)"""
    import time

    import numpy as np
    from PySide6.QtCore import QTimer

    from composer_app.audio.sound_take import SoundTake
    from composer_app.session.live import Take
    from tests.audio.test_bad_recordings import melody_tones

    dialog = window.live.record_microphone()
    sound = SoundTake(22050)
    sound.add(np.tile(melody_tones(22050), 20))  # 64 s
    dialog.take = Take(window.session.melody, 0, time.perf_counter(), False, False, "1/16")
    monkeypatch.setattr(dialog.mic, "stop", lambda: sound)
    dialog.source.setCurrentIndex(dialog.source.findData("instrument"))
    shown = []
    timer = QTimer()
    timer.timeout.connect(lambda: dialog.hearing.isVisible() and shown.append(dialog.hearing.value()))
    timer.start(20)
    dialog.stop()
    qtbot.waitUntil(lambda: dialog.record_button.isEnabled(), timeout=60000)
    timer.stop()
    assert len(shown) >= 3 and shown == sorted(shown) and shown[-1] > shown[0], shown
    assert not dialog.hearing.isVisible() and dialog.recorded > 20 and len(window.melody) == dialog.recorded
    dialog.close()
