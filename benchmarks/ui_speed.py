"""Piano-roll paint time, event-loop stalls during generation, and start-up time.

python benchmarks/ui_speed.py [--check]   (offscreen; --check compares ratios measured in this run)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def document(notes: int):
    from composer_app.core.melody import Melody

    rng = random.Random(1)
    return Melody.from_notes([(i * 120, rng.choice([120, 240, 480]), rng.randint(48, 84), rng.randint(40, 120))
                              for i in range(notes)])


def paint_ms(view, runs: int = 60) -> float:
    from PySide6.QtGui import QImage

    image = QImage(view.canvas.size(), QImage.Format.Format_ARGB32_Premultiplied)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        view.canvas.render(image)
        times.append(time.perf_counter() - t)
    return statistics.median(times[5:]) * 1000


def stall_during_generation(app, window) -> dict:
    from PySide6.QtCore import QTimer

    from composer_app.engine.bench import bench_seed_phrase

    window.set_document(bench_seed_phrase(), None)
    gaps, last = [], [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(2)
    timer.timeout.connect(tick)
    timer.start()
    window.panel.bars.setValue(32)
    window.panel.variations.setValue(8)
    results = []
    for _ in range(5):
        t = time.perf_counter()
        window.start_continue()
        while window.worker is not None:
            app.processEvents()
        results.append(time.perf_counter() - t)
        window.undo.setClean()
    timer.stop()
    gaps_ms = sorted(g * 1000 for g in gaps[1:])
    return {"generation_ms_median": round(statistics.median(results) * 1000, 1),
            "event_loop_max_gap_ms": round(gaps_ms[-1], 1),
            "event_loop_p99_gap_ms": round(gaps_ms[int(len(gaps_ms) * 0.99)], 1), "ticks": len(gaps_ms)}


def startup_ms(runs: int = 3) -> float:
    code = ("import time;t=time.perf_counter();from composer_app.ui.app import create_app;app=create_app();"
            "from composer_app.ui.main_window import MainWindow;w=MainWindow();w.show();app.processEvents();"
            "print('shown',flush=True)")
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        proc.stdout.readline()
        times.append(time.perf_counter() - t)
        proc.kill()
        proc.wait()
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    from composer_app.engine.model import load_model
    from composer_app.ui.app import create_app
    from composer_app.ui.main_window import MainWindow
    from composer_app.ui.roll.piano_roll import PianoRollView
    from composer_app.ui.workers import warm_up

    app = create_app()
    figures = {}
    for n in (1_000, 10_000, 100_000):
        view = PianoRollView(document(n))
        view.resize(1400, 800)
        view.show()
        view.state.transform.pixels_per_tick = 0.08  # a dense view: ~120 notes on screen
        view.state.transform.scroll_tick = n * 120 / 2
        app.processEvents()
        figures[f"paint_ms_{n}"] = round(paint_ms(view), 3)
        view.close()
    figures["paint_ratio_100k_vs_1k"] = round(figures["paint_ms_100000"] / figures["paint_ms_1000"], 2)
    window = MainWindow(load_model_in_background=False)
    model = load_model(force_cpu=True)
    warm_up(model)
    window.models.set_model(model)
    window.show()
    figures.update(stall_during_generation(app, window))
    window.close()
    figures["startup_to_window_ms"] = round(startup_ms(), 0)
    print(json.dumps(figures))
    ok = figures["paint_ratio_100k_vs_1k"] < 1.5 and figures["event_loop_max_gap_ms"] < 50
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
