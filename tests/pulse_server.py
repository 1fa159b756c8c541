"""A real PulseAudio server for the tests: a null sink (sound out, captured from its monitor) and the monitor
remapped as an ordinary source named Microphone (sound in; Qt lists no monitor sources)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def pulse_server(folder: Path):
    """Start one in `folder`; yields the environment that reaches it (PULSE_SERVER and its runtime folder)."""
    assert shutil.which("pulseaudio") and shutil.which("parec"), "run-tests.sh installs pulseaudio and pulseaudio-utils"
    runtime = folder / "pulse"
    runtime.mkdir(mode=0o700)
    socket = runtime / "native"
    server = subprocess.Popen(
        ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit", "--use-pid-file=no",
         "--load=module-null-sink sink_name=null rate=44100",
         "--load=module-remap-source source_name=mic master=null.monitor "
         "source_properties=device.description=Microphone",
         f"--load=module-native-protocol-unix socket={socket}"],
        env={**os.environ, "XDG_RUNTIME_DIR": str(runtime), "HOME": str(folder)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {**os.environ, "PULSE_SERVER": f"unix:{socket}", "XDG_RUNTIME_DIR": str(runtime), "HOME": str(folder)}
    try:
        for _ in range(100):
            if subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode == 0:
                break
            time.sleep(0.05)
        yield env
    finally:
        server.terminate()
        server.wait(timeout=10)
