"""The built-in piano through QAudioSink into a real PulseAudio null sink, captured from its monitor."""

import os
import shutil
import subprocess
import sys
import time

import numpy as np
import pytest

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


@pytest.fixture
def pulse_null_sink(tmp_path):
    assert shutil.which("pulseaudio") and shutil.which("parec"), "run-tests.sh installs pulseaudio and pulseaudio-utils"
    runtime = tmp_path / "pulse"
    runtime.mkdir(mode=0o700)
    socket = runtime / "native"
    server = subprocess.Popen(
        ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit", "--use-pid-file=no",
         "--load=module-null-sink sink_name=null rate=44100", f"--load=module-native-protocol-unix socket={socket}"],
        env={**os.environ, "XDG_RUNTIME_DIR": str(runtime), "HOME": str(tmp_path)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {**os.environ, "PULSE_SERVER": f"unix:{socket}", "XDG_RUNTIME_DIR": str(runtime), "HOME": str(tmp_path),
           "QT_QPA_PLATFORM": "offscreen"}
    for _ in range(100):
        if subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode == 0:
            break
        time.sleep(0.05)
    yield env
    server.terminate()
    server.wait(timeout=10)


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
