"""The model chooser in the Continue panel and Tools > Models, with real model files."""

from __future__ import annotations

import json
import shutil

from composer_app.engine.model import bundled_model_path
from composer_app.session.models import BUNDLED, models_dir


def _install(name, folder_name, damage=False):
    folder = models_dir() / folder_name
    folder.mkdir(parents=True)
    src = bundled_model_path()
    data = bytearray(src.read_bytes())
    if damage:
        data[len(data) // 3] ^= 0x55
    (folder / "model.onnx").write_bytes(bytes(data))
    card = json.loads(src.with_suffix(".json").read_text())
    card["name"] = name
    (folder / "model.json").write_text(json.dumps(card))
    return folder


def test_panel_lists_models_and_greys_a_damaged_one_with_the_reason(qtbot):
    from composer_app.ui.main_window import MainWindow

    _install("Reels", "reels")
    _install("Broken", "broken", damage=True)
    w = MainWindow(load_model_in_background=False)
    qtbot.addWidget(w)
    box = w.panel.model_choice
    assert [box.itemData(i) for i in range(box.count())] == [BUNDLED, "broken", "reels"]
    broken = box.model().item(box.findData("broken"))
    assert not broken.isEnabled() and "SHA-256 differs" in broken.toolTip()
    assert box.model().item(box.findData("reels")).isEnabled()
    assert not w.models.choose("broken")  # never loaded
    assert w.models.current == BUNDLED


def test_a_remembered_model_that_is_gone_falls_back_to_the_bundled_one(qtbot):
    from composer_app.ui.main_window import MainWindow

    folder = _install("Jigs", "jigs")
    w = MainWindow(load_model_in_background=True)
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: w.model is not None, timeout=30_000)
    assert w.models.choose("jigs")
    qtbot.waitUntil(lambda: w.model is not None and w.model.name == "Jigs", timeout=30_000)
    w.close()
    shutil.rmtree(folder)
    again = MainWindow(load_model_in_background=True)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.model is not None, timeout=30_000)
    assert again.models.current == BUNDLED and again.model.path == bundled_model_path()
    assert "no longer in the models folder" in again.statusBar().currentMessage()


def test_models_dialog_renames_and_removes(qtbot):
    from composer_app.session.models import ModelLibrary
    from composer_app.ui.dialogs.models_dialog import ModelsDialog

    _install("Airs", "airs")
    dialog = ModelsDialog(ModelLibrary(), BUNDLED)
    qtbot.addWidget(dialog)
    changes = []
    dialog.models_changed.connect(lambda: changes.append(1))
    dialog.list.setCurrentRow(1)
    assert "Trained on 10,820 melodies" in dialog.details.text() and "bits per note" in dialog.details.text()
    assert dialog.rename_button.isEnabled() and dialog.use_button.isEnabled()
    assert dialog.rename("airs", "Slow airs")
    assert dialog.list.currentItem().text() == "Slow airs"
    dialog.list.setCurrentRow(0)
    assert not dialog.remove_button.isEnabled()  # the bundled model stays
    assert dialog.remove("airs")
    assert dialog.list.count() == 1 and len(changes) == 2
    assert not (models_dir() / "airs").exists()


def test_the_status_bar_says_where_generation_runs_and_why(qtbot):
    from composer_app.ui.main_window import MainWindow

    w = MainWindow(load_model_in_background=True)
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: w.model is not None, timeout=30_000)
    # this machine has no GPU; the student reads "processor", not "no usable CUDA GPU"
    said = w.statusBar().currentMessage()
    assert said.startswith("Generating on the processor (CPU)") and "CUDA" not in said
    assert w.model_label.toolTip() == said
    assert w.model_label.text() == "Model: bundled (CPU)"
