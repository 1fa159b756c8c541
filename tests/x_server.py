"""A real X server (Xvfb) with a window manager (openbox) for tests and benchmarks that need one."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
from pathlib import Path


@contextlib.contextmanager
def x_server(width: int = 1400, height: int = 900):
    """Start Xvfb on a free display and openbox on it; yield the DISPLAY value; stop both."""
    for tool in ("Xvfb", "openbox", "xdotool"):
        if shutil.which(tool) is None:
            raise RuntimeError(f"{tool} is not installed (Debian packages xvfb, openbox, xdotool; ./run-tests.sh "
                               "installs them)")
    number = next(n for n in range(40, 99) if not Path(f"/tmp/.X11-unix/X{n}").exists()
                  and not Path(f"/tmp/.X{n}-lock").exists())
    display = f":{number}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {**os.environ, "DISPLAY": display}
    wm = None
    try:
        deadline = time.monotonic() + 15
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if xvfb.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"Xvfb did not start on {display}")
            time.sleep(0.05)
        wm = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 15
        while subprocess.run(["xdotool", "getactivewindow"], env=env, capture_output=True).returncode != 0 and \
                subprocess.run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], env=env,
                               capture_output=True, text=True).stdout.find("window id") < 0:
            if time.monotonic() > deadline:
                break
            time.sleep(0.05)
        yield display
    finally:
        for p in (wm, xvfb):
            if p is not None:
                p.terminate()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    p.wait(timeout=5)
