"""Runs tests/real_display on a real X server (Xvfb) with a window manager (openbox), as a student's desktop
has, and a PulseAudio server whose null sink's monitor is the microphone, with QT_QPA_PLATFORM=xcb (offscreen
Qt hides platform key bindings and focus rules)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from tests.pulse_server import pulse_server
from tests.x_server import x_server

REPO = Path(__file__).resolve().parents[1]


def test_the_window_on_a_real_display_passes_its_tests(tmp_path):
    with x_server() as display, pulse_server(tmp_path) as sound:  # sound: the microphone test's input
        env = {**sound, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display}
        started = time.perf_counter()
        run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/real_display"],
                             cwd=REPO, env=env, capture_output=True, text=True, timeout=900)
        print(run.stdout[-6000:], run.stderr[-3000:], f"{time.perf_counter() - started:.0f} s", sep="\n")
        assert run.returncode == 0, run.stdout[-6000:]
        assert " passed" in run.stdout and " failed" not in run.stdout
