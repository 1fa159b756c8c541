"""Time from starting composer-app to its window on screen, for the frozen bundle and from the sources.

    python benchmarks/start_time.py [--app dist/composer-app-cpu/composer-app] [--runs 7] [--check]
    python benchmarks/start_time.py --real-display [--runs 9] [--check]

--real-display measures the sources as a student sees them: on a real X server (Xvfb) with a window manager
(openbox), the time until the window is exposed and drawn; --check then exits 1 unless the median is at most
1.5 s. Needs the Debian packages xvfb, openbox and xdotool (./run-tests.sh installs them).

Each run starts the app offscreen with a fresh settings folder as `composer-app --start-check`, which prints
"shown: ..." as soon as the main window is up (the event loop has run once after show()) and quits; the time
is from the start of the process to that line. Medians over the runs; the sources (python -m composer_app) are measured in the
same session as the reference. --check exits 1 unless the bundle's median is under 2.5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def time_start(command: list[str], display: str | None = None) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        screen = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": display} if display else {"QT_QPA_PLATFORM": "offscreen"}
        env = {**os.environ, **screen,
               "COMPOSER_APP_CONFIG_DIR": str(Path(tmp) / "config"), "COMPOSER_APP_DATA_DIR": str(Path(tmp) / "data")}
        start = time.perf_counter()
        proc = subprocess.Popen(command + ["--start-check"], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=tmp)
        for line in proc.stdout:
            if line.startswith("shown:"):
                elapsed = time.perf_counter() - start
                break
        else:
            raise RuntimeError(f"{command[0]} never showed its window")
        proc.wait(timeout=30)
        return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", type=Path, default=ROOT / "dist" / "composer-app-cpu" / "composer-app")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--real-display", action="store_true",
                        help="the sources on Xvfb with openbox, until the window is exposed and drawn")
    args = parser.parse_args()
    if args.real_display:
        return real_display(args.runs, args.check)
    rows = {}
    for label, command in (("bundle", [str(args.app)]), ("sources", [sys.executable, "-m", "composer_app"])):
        if label == "bundle" and not args.app.exists():
            print(f"{args.app} does not exist: build it with scripts/build-app.sh")
            return 2
        time_start(command)  # the first run fills the disk cache
        times = [time_start(command) for _ in range(args.runs)]
        rows[label] = statistics.median(times)
        print(f"{label:8s} median {rows[label]:.2f} s (min {min(times):.2f}, max {max(times):.2f}, {args.runs} runs)")
    print(f"bundle / sources: {rows['bundle'] / rows['sources']:.2f}")
    if args.check:
        ok = rows["bundle"] < 2.5
        print("check:", "pass" if ok else "FAIL (2.5 s)")
        return 0 if ok else 1
    return 0


def real_display(runs: int, check: bool) -> int:
    sys.path.insert(0, str(ROOT))
    from tests.x_server import x_server

    command = [sys.executable, "-m", "composer_app"]
    with x_server() as display:
        time_start(command, display)  # the first run fills the disk cache
        times = [time_start(command, display) for _ in range(runs)]
    median = statistics.median(times)
    print(f"real display (Xvfb + openbox), sources: median {median:.2f} s "
          f"(min {min(times):.2f}, max {max(times):.2f}, {runs} runs)")
    if check:
        ok = median <= 1.5
        print("check:", "pass" if ok else "FAIL (1.5 s)")
        return 0 if ok else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
