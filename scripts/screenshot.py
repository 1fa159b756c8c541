"""Render the main window offscreen with a harmonized seed and ghost variations: python scripts/screenshot.py OUT.png"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

SEED_FILE = "oneills1850_0001-0050.abc_8.mid"


def take(out: Path, language: str | None = None, dark: bool = False) -> Path:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QColor, QPalette

    from composer_app.core.midifile import load_melody
    from composer_app.engine.model import REPO, load_model
    from composer_app.ui.app import create_app, install_translation

    app = create_app()
    if language:
        install_translation(app, language)
    if dark:
        pal = QPalette()
        for role, colour in ((QPalette.ColorRole.Window, "#2b2d31"), (QPalette.ColorRole.Base, "#1e1f22"),
                             (QPalette.ColorRole.Text, "#e6e6e6"), (QPalette.ColorRole.WindowText, "#e6e6e6"),
                             (QPalette.ColorRole.Button, "#2b2d31"), (QPalette.ColorRole.ButtonText, "#e6e6e6")):
            pal.setColor(role, QColor(colour))
        app.setPalette(pal)
    from composer_app.ui.main_window import MainWindow

    window = MainWindow(load_model_in_background=False)
    from composer_app.ui.workers import warm_up

    model = load_model(force_cpu=True)
    warm_up(model)
    window.models.set_model(model)
    window.resize(1400, 820)
    window.show()
    seed_path = REPO / "models" / "test-melodies" / SEED_FILE
    melody = load_melody(seed_path)
    bar = melody.time_signature.bar_ticks
    melody.remove([n.id for n in melody if n.tick >= 8 * bar])
    window.set_document(melody, None, imported_from=seed_path)
    window.chord_controls.harmonize(per_bar=1, sevenths=False)  # the chord lane and the chord tones shaded
    window.panel.bars.setValue(4)
    window.panel.variations.setValue(4)
    options = window.panel.options(None)
    options.seed = 7
    window.start_continue(options)
    deadline = time.time() + 20
    while window.worker is not None and time.time() < deadline:
        app.processEvents()
    roll = window.roll
    t = roll.state.transform
    t.pixels_per_tick = roll.canvas.width() / (12.3 * bar)
    t.scroll_tick = 0
    pitches = [n.pitch for n in melody] + [n.pitch for g in roll.state.ghosts for n in g]
    t.row_height = max(8.0, min(18.0, roll.canvas.height() / (max(pitches) - min(pitches) + 8)))
    rows = roll.canvas.height() / t.row_height
    t.top_pitch = min(127.0, (max(pitches) + min(pitches)) / 2 + rows / 2)
    window.generation.cycle(1)
    window.player.stop()
    roll.state.set_playhead(0)
    roll.update_scrollbars()
    app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out))
    window.undo.setClean()
    window.close()
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshot.png")
    lang = sys.argv[2] if len(sys.argv) > 2 else None
    print(f"wrote {take(target, lang)}")
