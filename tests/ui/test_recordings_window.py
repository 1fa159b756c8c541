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


def test_a_sung_recording_is_heard_as_a_voice_and_the_student_may_change_it(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from composer_app.ui.dialogs.recording import RecordingDialog
    from tests.audio.test_transcribe import sung_tones

    pitches = [57, 60, 62, 64, 64, 62, 60, 59, 57, 60, 64, 67, 65, 64, 62, 60]
    take = tmp_path / "sung.wav"
    soundfile.write(str(take), sung_tones(pitches), 22050)
    seen = {}

    def look_and_choose(dialog):
        seen["guessed"], seen["voice"], seen["text"] = dialog.source.currentData(), len(dialog.notes), dialog.heard.text()
        dialog.source.setCurrentIndex(dialog.source.findData("instrument"))  # heard again the other way
        seen["instrument"] = len(dialog.notes)
        dialog.source.setCurrentIndex(dialog.source.findData("voice"))
        dialog.tempo.setValue(120)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RecordingDialog, "exec", look_and_choose)
    assert window.files.open_file(take)
    assert seen["guessed"] == "voice" and seen["voice"] == len(pitches) and "sung notes" in seen["text"], seen
    assert seen["instrument"] > len(pitches), seen  # the instrument model breaks the vibrato into pieces
    assert [n.pitch for n in window.melody] == pitches and window.melody.is_monophonic()


def test_played_and_sung_recordings_are_told_apart(tmp_path):
    """The guess of what a recording holds: fluidsynth's piano, flute and violin (not the app's sound) are
    instruments, also tuned a third of a semitone flat; sung lines are voices."""
    import subprocess

    from composer_app.audio.transcribe import hear_either, load_audio
    from composer_app.core.melody import Melody
    from composer_app.core.midifile import write_midi
    from tests.audio.test_transcribe import sung_tones

    pitches = [60, 62, 64, 65, 67, 65, 64, 62, 60, 64, 67, 72]
    midi = tmp_path / "tune.mid"
    write_midi(Melody.from_notes([(i * 480, 440, p, 90) for i, p in enumerate(pitches)]), midi)
    for program in (0, 73, 40):
        import mido

        mid = mido.MidiFile(str(midi))
        for track in mid.tracks:
            for msg in track:
                if msg.type == "program_change":
                    msg.program = program
        mid.save(str(tmp_path / "p.mid"))
        wav = tmp_path / f"i{program}.wav"
        subprocess.run(["fluidsynth", "-ni", "-F", str(wav), "-r", "44100", "/usr/share/sounds/sf2/TimGM6mb.sf2",
                        str(tmp_path / "p.mid")], check=True, capture_output=True, timeout=60)
        samples = load_audio(wav)
        assert hear_either(samples)[0] == "instrument", program
        flat = np.interp(np.arange(0, len(samples), 2 ** (-1 / 36)), np.arange(len(samples)), samples)  # 33 cents flat
        assert hear_either(flat.astype(np.float32))[0] == "instrument", program
    for seed in range(3):
        source, notes = hear_either(sung_tones(pitches, seed=seed))
        assert source == "voice" and [n.pitch for n in notes] == pitches


def _watch_progress_dialogs(seen: list):
    """A timer that notes, every 20 ms, the visible progress dialog's (maximum, value, has a Cancel button)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

    def look() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QProgressDialog) and w.isVisible():
                seen.append((w.maximum(), w.value(), bool(w.findChildren(QPushButton)), w))

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(20)
    return timer


def test_a_long_recording_shows_a_bar_that_fills(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from composer_app.ui.dialogs.recording import RecordingDialog

    take = tmp_path / "long.wav"
    soundfile.write(str(take), np.tile(melody_tones(22050), 10), 22050)  # 32 s: seconds of hearing
    monkeypatch.setattr(RecordingDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    seen: list = []
    timer = _watch_progress_dialogs(seen)
    assert window.files.open_file(take)
    timer.stop()
    values = [v for m, v, _, _ in seen if m == 1000]
    assert len(values) >= 3 and values == sorted(values) and values[-1] >= 500 and values[0] < values[-1], seen
    assert all(cancel for *_, cancel, _ in seen)


def test_cancel_while_hearing_leaves_the_work_as_it_was(window, tmp_path, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialog, QPushButton

    from composer_app.ui.dialogs.recording import RecordingDialog

    asked = []
    monkeypatch.setattr(RecordingDialog, "exec", lambda self: asked.append(1) or QDialog.DialogCode.Rejected)

    window.melody.add(0, 480, 60)
    before = window.melody.contents()
    take = tmp_path / "long.wav"
    soundfile.write(str(take), np.tile(melody_tones(22050), 20), 22050)
    seen: list = []
    timer = _watch_progress_dialogs(seen)
    cancel = QTimer()
    cancel.timeout.connect(lambda: seen and seen[-1][3].findChild(QPushButton).click())  # once the bar shows
    cancel.start(50)
    assert not window.files.open_file(take)
    timer.stop()
    cancel.stop()
    assert seen and not asked and window.melody.contents() == before
    assert "cancelled" in window.statusBar().currentMessage()


def test_a_two_hand_piano_recording_opens_with_the_chords_of_its_lower_notes(window, tmp_path, monkeypatch):
    """A tune over a left hand (bass and chord in quarters), played by fluidsynth's piano (not the app's): the
    chords it plays become the chord track, one undo step (which notes are the melody stays the recording's guess)."""
    import subprocess

    from PySide6.QtWidgets import QDialog

    from composer_app.core.chords import parse_progression
    from composer_app.core.keys import Key
    from composer_app.core.melody import Melody
    from composer_app.core.midifile import write_midi
    from composer_app.engine.accompaniment import accompany
    from composer_app.ui.dialogs.recording import RecordingDialog

    bar = 1920
    played = "C F G C Am F G C"
    chords = parse_progression(played, bar)
    tune = [(i * 480, 460, (76, 77, 79, 81, 79, 77, 76, 74)[i % 8], 100) for i in range(32)]
    left = accompany(chords, tune, bar, 480, "bass-chord", Key(0))  # quarter notes, softer than the tune
    write_midi(Melody.from_notes(tune, key_signature="C"), tmp_path / "two-hands.mid", [("Left hand", left)])
    subprocess.run(["fluidsynth", "-ni", "-F", str(tmp_path / "two-hands.wav"), "-r", "44100",
                    "/usr/share/sounds/sf2/TimGM6mb.sf2", str(tmp_path / "two-hands.mid")], check=True,
                   capture_output=True)
    def at_the_tempo_played(dialog):  # the student sets the tempo the tune was played at, as the dialog asks
        dialog.tempo.setValue(120)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RecordingDialog, "exec", at_the_tempo_played)
    assert window.files.open_file(tmp_path / "two-hands.wav")
    ts = window.melody.time_signature
    roots = {c.tick // ts.bar_ticks: c.chord.root_pc for c in window.melody.chords}
    first = min(n.tick for n in window.melody) // ts.bar_ticks  # where the heard music starts
    expected = [c.chord.root_pc for c in chords]
    right = sum(roots.get(first + i) == pc for i, pc in enumerate(expected))
    assert right >= 6, (roots, expected)
    assert window.undo.count() == 1 and "chords heard" in window.statusBar().currentMessage()
    window.undo.undo()
    assert not window.melody.chords and len(window.melody) >= 8
