"""A scripted session for end-to-end tests of the real app in a subprocess:

    COMPOSER_TEST_SCRIPT=script.json python -m tests.scripted_app [FILE]   (from the repository's root)

The app is the real one (composer_app.ui.app.run_app); this module only hands it a hook that follows the
script once the window is up.

The script is plain data: {"edits": [[tick, duration, pitch, velocity], ...], "interval_ms": 50,
"dump": "out.composer", "continue_every_ms": 0}. Each edit is pushed as one undoable "Add note", as a click
with the draw tool would; "dump" writes the document as a project and quits (after any recovery was
restored); "continue_every_ms" presses Continue (8 bars x 8 variations) again and again, to load the machine
while sound plays (the thru latency benchmark; the variations are not auditioned). (How long the window takes
to come up is the app's own `composer-app --start-check`.)
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from composer_app.core.project import save_project
from composer_app.ui.project_io import project_of


def run_script(window) -> None:
    path = os.environ.get("COMPOSER_TEST_SCRIPT")
    if not path:
        return
    script = json.loads(Path(path).read_text())
    edits = [tuple(e) for e in script.get("edits", [])]
    interval = int(script.get("interval_ms", 50))

    def step() -> None:
        if edits:
            window.session.do(window.session.add_notes([edits.pop(0)], "Add note", select=False))
            QTimer.singleShot(interval, step)
        elif script.get("dump"):
            save_project(project_of(window), script["dump"])
            QApplication.instance().exit(0)  # leave the loop without closing (and asking to save)

    QTimer.singleShot(interval, step)
    every = int(script.get("continue_every_ms", 0))
    if every:
        from composer_app.engine.generate import ContinueOptions

        window.generations_started = 0
        window.live.audition_variation = lambda: None  # only the keys should sound (their onsets are measured)

        def press_continue() -> None:
            if window.model is not None and window.worker is None and len(window.melody):
                if window.session.variations.items:
                    window.generation.discard()
                if window.start_continue(ContinueOptions(bars=8, variations=8)):
                    window.generations_started += 1
                    print(f"generation {window.generations_started}", flush=True)

        timer = QTimer(window)
        timer.timeout.connect(press_continue)
        timer.start(every)


def main() -> int:
    from composer_app.ui.app import run_app

    return run_app(open_path=sys.argv[1] if len(sys.argv) > 1 else None, after_start=run_script)


if __name__ == "__main__":
    sys.exit(main())
