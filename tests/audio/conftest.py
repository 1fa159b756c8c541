"""A real PulseAudio server with a null sink, for sound out (captured from its monitor) and sound in (its monitor,
remapped as an ordinary source, as the microphone)."""

import os
import shutil
import subprocess
import time

import pytest


@pytest.fixture
def pulse_null_sink(tmp_path):
    assert shutil.which("pulseaudio") and shutil.which("parec"), "run-tests.sh installs pulseaudio and pulseaudio-utils"
    runtime = tmp_path / "pulse"
    runtime.mkdir(mode=0o700)
    socket = runtime / "native"
    server = subprocess.Popen(
        ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit", "--use-pid-file=no",
         "--load=module-null-sink sink_name=null rate=44100",
         # the sink's monitor as an ordinary input (Qt lists no monitor sources): the microphone
         "--load=module-remap-source source_name=mic master=null.monitor source_properties=device.description=Microphone", f"--load=module-native-protocol-unix socket={socket}"],
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
