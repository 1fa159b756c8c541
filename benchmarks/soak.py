"""Soak: continue / accept / undo / redo cycles in the real window on a 2,000-note document.

    QT_QPA_PLATFORM=offscreen python benchmarks/soak.py [--cycles 1000] [--check]

Each cycle: Continue (on the worker thread, as the Continue button does), wait for the variations, Accept,
Undo, Redo, Undo (so the document stays at 2,000 notes and the variations come back). A 5 ms timer on
the GUI thread measures the longest stall of the event loop; RSS is read after a warm-up of 50 cycles
and at the end. --check exits 1 if memory grew by 20 MB or more, or a stall reached 100 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("COMPOSER_APP_CONFIG_DIR", tempfile.mkdtemp(prefix="soak-config-"))
os.environ.setdefault("COMPOSER_APP_DATA_DIR", tempfile.mkdtemp(prefix="soak-data-"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=1000)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()

    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from composer_app.core.melody import Melody
    from composer_app.engine.model import load_model
    from composer_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow(load_model_in_background=False)
    window.models.set_model(load_model(force_cpu=True))
    window.player.play_melody = lambda *a, **k: None  # no audition sound: the soak measures the editor
    window.resize(1200, 700)
    window.show()
    notes = [(i * 240, 240, 55 + (i * 7) % 24, 80) for i in range(2000)]
    window.set_document(Melody.from_notes(notes), None)
    window.panel.bars.setValue(4)
    window.panel.variations.setValue(4)

    longest = [0.0]
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def beat() -> None:
        now = clock.elapsed()
        longest[0] = max(longest[0], now - last[0] - 5)
        last[0] = now

    ticker = QTimer()
    ticker.setInterval(5)
    ticker.timeout.connect(beat)
    ticker.start()

    def wait_for_variations() -> None:
        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(1)
        poll.timeout.connect(lambda: window.worker is None and loop.quit())
        poll.start()
        loop.exec()
        poll.stop()

    def cycle() -> None:
        assert window.start_continue()
        wait_for_variations()
        assert window.accept_variation()
        window.undo.undo()
        window.undo.redo()
        window.undo.undo()
        app.processEvents()

    started = time.perf_counter()
    baseline = None
    warmup = min(50, args.cycles // 2)
    for i in range(args.cycles):
        cycle()
        if i + 1 == warmup:
            baseline = rss_mb()
            longest[0] = 0.0  # stalls while caches warm up are not what the soak is about
    end = rss_mb()
    result = {"cycles": args.cycles, "notes": len(window.melody), "seconds": round(time.perf_counter() - started, 1),
              "rss_after_warmup_mb": round(baseline, 1), "rss_end_mb": round(end, 1),
              "growth_mb": round(end - baseline, 1), "longest_gui_stall_ms": round(longest[0], 1),
              "undo_steps": window.undo.count()}
    print(json.dumps(result))
    assert len(window.melody) == 2000
    if args.check and (result["growth_mb"] >= 20 or result["longest_gui_stall_ms"] >= 100):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
