"""Tools > Train on a Folder, end to end: a real training process on Chopin files, its progress and plot,
cancel and resume, and the new model in the Continue panel, generating."""

from __future__ import annotations

import importlib.util
import shutil

import pytest

from composer_app.core.model_folder import is_trained
from composer_app.engine.generate import ContinueOptions

TINY = ["--hidden", "32", "--embedding", "16", "--batch-size", "8", "--threads", "1"]


def _folder(tmp_path, chopin_files, count=4):
    folder = tmp_path / "my pieces"
    folder.mkdir()
    for f in chopin_files[:count]:
        shutil.copy(f, folder / f.name)
    (folder / "broken.mid").write_bytes(b"MThd\x00\x00\x00\x06junk")
    return folder


def test_train_dialog_end_to_end(window, qtbot, tmp_path, chopin_files):
    pytest.importorskip("torch", reason="training needs the train extra (torch)")
    folder = _folder(tmp_path, chopin_files)
    dialog = window.models.show_train_dialog()
    assert not dialog.install_hint.isVisible()
    dialog.set_folder(folder)
    qtbot.waitUntil(lambda: dialog.data is not None and not dialog.running(), timeout=60_000)
    assert dialog.data["files"] == 5 and dialog.data["melodies"] == 4 and dialog.data["skipped_count"] == 1
    assert "5 files" in dialog.found.text() and "1 skipped" in dialog.found.text()
    assert dialog.skipped.count() == 1 and "broken.mid" in dialog.skipped.item(0).text()
    assert dialog.start_button.isEnabled() and not dialog.resume_button.isVisible()

    # a long run, cancelled after its first epoch: the epoch stays and Resume is offered
    progress = []
    dialog.progress.valueChanged.connect(progress.append)
    dialog.extra_args = TINY + ["--epochs", "200"]
    dialog.start()
    assert dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.plot.valid.count() >= 1, timeout=120_000)
    dialog.cancel()
    qtbot.waitUntil(lambda: not dialog.running(), timeout=10_000)
    assert dialog.can_resume() and dialog.resume_button.isEnabled()
    assert "Resume" in dialog.status.text()
    assert window.panel.model_choice.findData(dialog.out.name) < 0  # nothing half-made is offered
    epochs_before = dialog.plot.valid.count()

    # resume to the end (a budget of a few more epochs): the plot keeps the earlier epochs and grows
    dialog.name.setText("My Chopin")
    dialog.extra_args = TINY + ["--epochs", str(epochs_before + 2)]
    dialog.start(resume=True)
    qtbot.waitUntil(lambda: not dialog.running(), timeout=180_000)
    assert dialog.finished_model, dialog.errors
    assert dialog.plot.valid.count() == epochs_before + 2
    assert dialog.plot.train.count() > dialog.plot.valid.count()  # steps within epochs, too
    assert progress and max(progress) == 1000 and len(set(progress)) > 3
    assert "bits per note" in dialog.status.text()
    key = dialog.out.name
    assert not (dialog.out / "cache").exists() and not (dialog.out / "checkpoint.pt").exists()

    # the new model is in the Continue panel with its card, and it generates
    i = window.panel.model_choice.findData(key)
    assert i >= 0 and window.panel.model_choice.itemText(i) == "My Chopin"
    assert "bits per note (the n-gram" in window.panel.model_choice.model().item(i).toolTip()
    window.panel.model_choice.setCurrentIndex(i)
    window.panel.model_choice.activated.emit(i)
    qtbot.waitUntil(lambda: window.model is not None and window.model.path.parent.name == key, timeout=30_000)
    assert window.settings.value("model") == key
    window.set_document(window.melody.__class__.from_notes([(k * 480, 480, 60 + k, 80) for k in range(8)]), None)
    assert window.start_continue(ContinueOptions(bars=2, variations=2, seed=1))
    qtbot.waitUntil(lambda: window.worker is None and len(window.session.variations.items) == 2, timeout=30_000)
    assert all(len(v) > 0 for v in window.session.variations.items)

    # the plot speaks the result's units and labels each epoch once
    assert dialog.plot.y_axis.titleText() == "bits per note (lower is better)"
    labels = dialog.plot.epoch_labels()
    assert labels == sorted(set(labels)) and all(x == int(x) for x in labels)

    # training again from the same dialog makes a second model next to the first, never over it
    first = dialog.out
    dialog.extra_args = TINY + ["--epochs", "1"]
    dialog.start()
    assert dialog.out != first and dialog.name.text() == "My Chopin 2"
    qtbot.waitUntil(lambda: not dialog.running(), timeout=180_000)
    assert dialog.finished_model and is_trained(first)
    names = [window.panel.model_choice.itemText(k) for k in range(window.panel.model_choice.count())]
    assert "My Chopin" in names and "My Chopin 2" in names

    # stopped while it still reads the files: no epoch, so no Resume is promised
    dialog.set_folder(folder)
    qtbot.waitUntil(lambda: dialog.data is not None and not dialog.running(), timeout=60_000)
    dialog.extra_args = TINY + ["--epochs", "200"]
    dialog.start()
    dialog.cancel()
    qtbot.waitUntil(lambda: not dialog.running(), timeout=10_000)
    assert not dialog.can_resume() and not dialog.resume_button.isVisible()
    assert "nothing to resume" in dialog.status.text()


def test_without_the_train_extra_the_dialog_says_what_to_install(qtbot, tmp_path, monkeypatch, chopin_files):
    from composer_app.session.models import ModelLibrary
    from composer_app.ui.dialogs.train_dialog import TrainDialog

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "torch" else real(name, *a))
    dialog = TrainDialog(ModelLibrary(tmp_path / "models"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.install_hint.isVisible() and "pip install 'composer-app[train]'" in dialog.install_hint.text()
    dialog.set_folder(_folder(tmp_path, chopin_files, 2))  # counting the pieces needs no torch
    qtbot.waitUntil(lambda: dialog.data is not None and not dialog.running(), timeout=60_000)
    assert dialog.data["melodies"] == 2
    assert not dialog.start_button.isEnabled()


def test_an_unreadable_folder_is_one_sentence(qtbot, tmp_path):
    from composer_app.session.models import ModelLibrary
    from composer_app.ui.dialogs.train_dialog import TrainDialog

    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("not music")
    dialog = TrainDialog(ModelLibrary(tmp_path / "models"))
    qtbot.addWidget(dialog)
    dialog.set_folder(empty)
    qtbot.waitUntil(lambda: not dialog.running(), timeout=60_000)
    assert dialog.found.text() == f"{empty}: no MIDI files (.mid, .midi) or recordings (.wav, .flac, .ogg) in it"
    assert not dialog.start_button.isEnabled()
    dialog.close()
    assert not list((tmp_path / "models").glob("*"))  # the folder made for it went again


def test_closing_the_window_while_training_asks_first(window, qtbot, tmp_path, chopin_files, message_boxes):
    pytest.importorskip("torch", reason="training needs the train extra (torch)")
    dialog = window.models.show_train_dialog()
    dialog.set_folder(_folder(tmp_path, chopin_files, 3))
    qtbot.waitUntil(lambda: dialog.data is not None and not dialog.running(), timeout=60_000)
    dialog.extra_args = TINY + ["--epochs", "500"]
    dialog.start()
    qtbot.waitUntil(lambda: dialog.plot.valid.count() >= 1, timeout=120_000)  # an epoch is kept
    assert not window.close()  # the (recorded) answer is not Yes: the window and the training stay
    assert message_boxes[-1][:2] == ("question", "Training is running")
    assert window.isVisible() and dialog.running()
    dialog.cancel()
    qtbot.waitUntil(lambda: not dialog.running(), timeout=10_000)
    assert dialog.can_resume()
