"""The built-in piano through QAudioSink into a real PulseAudio null sink, captured from its monitor."""

import subprocess
import sys
import time

import numpy as np

PLAY = r"""
import time
from PySide6.QtWidgets import QApplication
app = QApplication([])
from composer_app.ui.live.sound_out import SoundOut
sound = SoundOut()
assert sound.start(), sound.error
time.sleep(0.3)
sound.note(69, 110, 1.2)  # A4, 440 Hz
end = time.time() + 2.0
while time.time() < end:
    app.processEvents()
    time.sleep(0.005)
sound.close()
print("played")
"""


def test_sound_reaches_the_audio_device(pulse_null_sink, tmp_path):
    env = pulse_null_sink
    capture = tmp_path / "capture.raw"
    with open(capture, "wb") as out:
        rec = subprocess.Popen(["parec", "-d", "null.monitor", "--format=s16le", "--rate=44100", "--channels=1"],
                               stdout=out, env=env)
        time.sleep(0.2)
        played = subprocess.run([sys.executable, "-c", PLAY], env=env, capture_output=True, text=True, timeout=60)
        rec.terminate()
        rec.wait(timeout=10)
    assert played.returncode == 0 and "played" in played.stdout, played.stderr[-2000:]
    x = np.frombuffer(capture.read_bytes(), "<i2").astype(np.float64) / 32768
    assert np.sqrt(np.mean(x ** 2)) > 0.01  # not silence
    start = int(np.argmax(np.abs(x) > 0.05))
    seg = x[start:start + 22050]
    spectrum = np.abs(np.fft.rfft(seg * np.hanning(len(seg))))
    peak = np.fft.rfftfreq(len(seg), 1 / 44100)[np.argmax(spectrum)]
    assert abs(peak - 440.0) < 5, peak
