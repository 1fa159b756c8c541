"""Record from Microphone end to end through a real PulseAudio server: a melody rendered by fluidsynth (not the
app's piano) is played into a null sink with paplay while the window's microphone dialog records the sink's
monitor (remapped as an ordinary source named Microphone); after Stop the notes are heard and join the document as one undo step."""

import json
import shutil
import subprocess
import sys

from composer_app.core.melody import Melody
from composer_app.core.midifile import write_midi

RECORD = r"""
import json, subprocess, sys, time
from PySide6.QtWidgets import QApplication
app = QApplication([])
from composer_app.ui.main_window import MainWindow
from composer_app.core.melody import Melody

def wait(seconds, until=lambda: False):
    end = time.perf_counter() + seconds
    while time.perf_counter() < end and not until():
        app.processEvents()
        time.sleep(0.005)

w = MainWindow(load_model_in_background=False)
w.set_document(Melody.from_notes([]), None)
w.show()
wait(0.5)
dialog = w.live.record_microphone()
names = [dialog.input.itemText(i) for i in range(dialog.input.count())]
dialog.input.setCurrentIndex(names.index("Microphone"))
dialog.count_in.setChecked(True)
dialog.source.setCurrentIndex(dialog.source.findData("instrument"))  # a piano melody is played into it
wait(0.3)
assert dialog.record(), dialog.status.text()
counting = dialog.status.text()
wait(2.0 + 0.05)  # one bar of 4/4 at 120: the count-in
player = subprocess.Popen(["paplay", sys.argv[1]])
loudest = [0]

def played():
    loudest[0] = max(loudest[0], dialog.meter.value())
    return player.poll() is not None

wait(30, played)
wait(0.5)
meter = loudest[0]
dialog.stop()
wait(10, lambda: dialog.recorded > 0 or dialog.record_button.isEnabled())
notes = [(n.tick, n.pitch) for n in w.melody]
undo_text = w.undo.undoText()
w.undo.undo()
# a take closed before Stop is dropped: the document stays as it was
assert dialog.record()
wait(2.5)
dialog.close()
wait(1.0)
closed = len(w.melody)
print(json.dumps({"closed": closed, "notes": notes, "hearing": dialog.hearing_seconds, "names": names, "counting": counting,
                  "status": dialog.status.text(), "undo": undo_text, "after_undo": len(w.melody), "meter": meter}))
w.undo.setClean()
w.close()
"""


def tune() -> Melody:
    pitches = [60, 62, 64, 65, 67, 65, 64, 62, 60, 64, 67, 72, 67, 64, 60, 60]
    return Melody.from_notes([(i * 480, 440, p, 90) for i, p in enumerate(pitches)])  # quarter notes at 120 BPM


def test_a_take_from_the_microphone_becomes_notes_at_the_playhead(pulse_null_sink, tmp_path):
    env = {**pulse_null_sink, "COMPOSER_APP_CONFIG_DIR": str(tmp_path / "config"),
           "COMPOSER_APP_DATA_DIR": str(tmp_path / "data")}
    assert shutil.which("fluidsynth") and shutil.which("paplay")
    midi, wav = tmp_path / "tune.mid", tmp_path / "tune.wav"
    write_midi(tune(), midi)
    subprocess.run(["fluidsynth", "-ni", "-F", str(wav), "-r", "44100", "/usr/share/sounds/sf2/TimGM6mb.sf2", str(midi)],
                   check=True, capture_output=True, timeout=60)
    done = subprocess.run([sys.executable, "-c", RECORD, str(wav)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["counting"].startswith("Count-in"), result
    assert result["meter"] >= 40, result  # the level meter saw the sound
    heard = result["notes"]
    expected = [(n.tick, n.pitch) for n in tune()]
    assert [p for _, p in heard] == [p for _, p in expected] or \
        sum(a == b for a, b in zip([p for _, p in heard], [p for _, p in expected])) >= 14, result
    # in time: each note where the tune has it, give or take a 16th (the sound's way through the server)
    offset = heard[0][0] - expected[0][0]
    assert abs(offset) <= 240, result
    assert sum(abs(t - offset - e) <= 120 for (t, _), (e, _) in zip(heard, expected)) >= 14, result
    assert result["undo"] == "Record from Microphone" and result["after_undo"] == 0 and result["closed"] == 0, result
    assert result["hearing"] < 10.0, result  # from Stop to the notes in the document: no hang (its speed: benchmarks/transcription.py)

