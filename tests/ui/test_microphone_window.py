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
