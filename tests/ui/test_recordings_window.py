"""Opening recordings in the window: the notes are heard off the GUI thread (the window keeps painting), and a
recording that cannot be used is one sentence with the open work untouched."""

import numpy as np
import soundfile

from tests.audio.test_bad_recordings import melody_tones


def test_bad_recordings_are_one_sentence_and_the_work_stays(window, tmp_path, message_boxes):
    window.melody.add(0, 120, 60)
    before = window.melody.contents()
    files = {"empty.wav": b"", "cut.wav": b"RIFF\x24\x00\x00\x00WAVEfmt ", "notes.ogg": b"C D E F G\n" * 50}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    soundfile.write(str(tmp_path / "quiet.wav"), np.zeros(22050 * 2, np.float32), 22050)
    soundfile.write(str(tmp_path / "hiss.flac"), 0.3 * np.random.default_rng(0).standard_normal(44100 * 3), 44100)
    expected = {"empty.wav": "cannot be read as a recording", "cut.wav": "cannot be read as a recording",
                "notes.ogg": "cannot be read as a recording", "quiet.wav": "no notes were heard",
                "hiss.flac": "no notes were heard"}
    for name, words in expected.items():
        assert not window.files.open_file(tmp_path / name)
        kind, _title, text = message_boxes[-1][:3]
        assert kind == "warning" and words in text and name in text, (name, text)
        assert window.melody.contents() == before


def test_a_recording_is_heard_while_the_window_keeps_painting(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialog

    from composer_app.ui.dialogs.recording import RecordingDialog

    take = tmp_path / "take.wav"
    soundfile.write(str(take), np.tile(melody_tones(44100), 6), 44100)  # 19 s
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))  # the GUI thread's event loop runs while the notes are heard
    timer.start(10)
    monkeypatch.setattr(RecordingDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    assert window.files.open_file(take)
    timer.stop()
    assert len(ticks) >= 5 and len(window.melody) >= 40


def test_a_sung_recording_is_heard_again_as_a_voice_when_chosen(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from composer_app.ui.dialogs.recording import RecordingDialog
    from tests.audio.test_transcribe import sung_tones

    pitches = [57, 60, 62, 64, 64, 62, 60, 59, 57, 60, 64, 67, 65, 64, 62, 60]
    take = tmp_path / "sung.wav"
    soundfile.write(str(take), sung_tones(pitches), 22050)
    seen = {}

    def choose_voice(dialog):
        seen["instrument"] = len(dialog.notes)
        dialog.source.setCurrentIndex(dialog.source.findData("voice"))
        seen["voice"], seen["text"] = len(dialog.notes), dialog.heard.text()
        dialog.tempo.setValue(120)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RecordingDialog, "exec", choose_voice)
    assert window.files.open_file(take)
    assert seen["voice"] == len(pitches) and "sung notes" in seen["text"], seen
    assert [n.pitch for n in window.melody] == pitches and window.melody.is_monophonic()
