"""Tools > Train on a Folder...: a model of the student's own, trained in a separate process.

The training runs `composer-app train ... --progress json` through QProcess, so neither a crash nor importing
torch can take the editor down; the dialog reads one JSON event per line (prepare, data, log, step, epoch,
done). Cancel stops the process; the epochs finished so far stay in the model's folder and Resume goes on
from there.
"""

from __future__ import annotations

import html
import importlib.util
import json
import shutil
import sys
import time
from pathlib import Path

from PySide6.QtCore import QProcess, QProcessEnvironment, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from composer_app.core.model_folder import BEST, CHECKPOINT, TRAINING_INFO, can_resume, is_trained
from composer_app.core.training_events import read_event
from composer_app.session.models import ModelLibrary
from composer_app.ui.dialogs.loss_plot import LossPlot
from composer_app.ui.numbers import decimal, whole

INSTALL_HINT = "pip install 'composer-app[train]'"
PRESETS = (("auto", []), ("small", ["--hidden", "128", "--embedding", "64"]),
           ("standard", ["--hidden", "256", "--embedding", "128"]))


def training_available() -> bool:
    """Whether this Python can train (PyTorch from the train extra is installed; never in the packaged app)."""
    return not getattr(sys, "frozen", False) and importlib.util.find_spec("torch") is not None


def cli_command() -> list[str]:
    """How to run composer-app's command line from this process."""
    return [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "composer_app"]


class TrainDialog(QDialog):
    model_trained = Signal(str)  # the new model's key in the library

    def __init__(self, library: ModelLibrary, parent: QWidget | None = None, start_folder: str = "") -> None:
        super().__init__(parent)
        self.library = library
        self.setWindowTitle(self.tr("Train on a Folder"))
        self.resize(620, 640)
        self.folder: Path | None = None
        self.out: Path | None = None
        self.created_out = False
        self.process: QProcess | None = None
        self.mode = ""  # "prepare" or "train" while a process runs
        self.buffer = b""
        self.errors: list[str] = []
        self.data: dict | None = None
        self.finished_model: str | None = None
        self.cancelled = False
        self.started_at = 0.0
        self.extra_args: list[str] = []  # more arguments for the command (tests: a tiny network, few steps)
        self.start_folder = start_folder

        outer = QVBoxLayout(self)
        command = f"<code>{html.escape(INSTALL_HINT, quote=False)}</code>"  # a command to type, the same in any language
        self.install_hint = QLabel(
            self.tr("Training needs PyTorch, which the packaged app leaves out. Install the app from its sources "
                    "with PyTorch to train: %1").replace("%1", command) if getattr(sys, "frozen", False) else
            self.tr("Training needs PyTorch, which this installation leaves out. Install it with: %1").replace(
                "%1", command))
        self.install_hint.setTextFormat(Qt.TextFormat.RichText)
        self.install_hint.setWordWrap(True)
        self.install_hint.setStyleSheet("color: palette(highlight); font-weight: bold;")
        self.install_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.install_hint)

        form = QFormLayout()
        row = QHBoxLayout()
        self.folder_edit = QLineEdit()
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setPlaceholderText(self.tr("A folder of MIDI files or recordings (.mid, .wav, .flac, .ogg), "
                                                    "subfolders included"))
        self.folder_edit.setToolTip(self.tr("The folder whose music the model learns"))
        self.choose_button = QPushButton(self.tr("Choose..."))
        self.choose_button.setToolTip(self.tr("Pick the folder of MIDI files to train on"))
        self.choose_button.clicked.connect(self.choose_folder)
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.choose_button)
        form.addRow(self.tr("Folder"), row)
        self.found = QLabel(self.tr("No folder chosen yet."))
        self.found.setWordWrap(True)
        form.addRow(self.tr("Pieces found"), self.found)
        self.skipped = QListWidget()
        self.skipped.setMaximumHeight(80)
        self.skipped.setToolTip(self.tr("Files that cannot be trained on, each with the reason"))
        self.skipped.setVisible(False)
        form.addRow("", self.skipped)
        self.name = QLineEdit()
        self.name.setToolTip(self.tr("The name the model has in the Continue panel"))
        form.addRow(self.tr("Model name"), self.name)
        self.preset = QComboBox()
        self.preset.addItem(self.tr("Automatic (by the amount of music)"), "auto")
        self.preset.addItem(self.tr("Small (2 x 128, for a few pieces)"), "small")
        self.preset.addItem(self.tr("Standard (2 x 256, for large folders)"), "standard")
        self.preset.setToolTip(self.tr("The size of the network; Automatic picks the small one for less than "
                                       "150,000 notes"))
        form.addRow(self.tr("Network"), self.preset)
        self.fine_tune = QCheckBox(self.tr("Start from the bundled model (fine-tune)"))
        self.fine_tune.setToolTip(self.tr("Begin with what the bundled model knows and adapt it to this folder: "
                                          "usually better on a few pieces, and the network is the bundled one's"))
        self.fine_tune.toggled.connect(lambda on: self.preset.setEnabled(not on))
        form.addRow("", self.fine_tune)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 24 * 60)
        self.minutes.setValue(20)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setToolTip(self.tr("Training stops after this long at most (earlier when it stops improving)"))
        form.addRow(self.tr("Longest training"), self.minutes)
        outer.addLayout(form)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        outer.addWidget(self.progress)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        outer.addWidget(self.status)
        self.plot = LossPlot()
        outer.addWidget(self.plot, 1)

        buttons = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setToolTip(self.tr("Start training from the beginning"))
        self.start_button.clicked.connect(lambda: self.start(resume=False))
        self.resume_button = QPushButton(self.tr("Resume"))
        self.resume_button.setToolTip(self.tr("Go on from the last finished epoch of the stopped training"))
        self.resume_button.clicked.connect(lambda: self.start(resume=True))
        self.cancel_button = QPushButton(self.tr("Cancel Training"))
        self.cancel_button.setToolTip(self.tr("Stop training; the finished epochs are kept for Resume"))
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Close this window"))
        self.close_button.clicked.connect(self.close)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.resume_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        outer.addLayout(buttons)
        self.available = training_available()
        self.install_hint.setVisible(not self.available)
        self._update_buttons()

    # -- choosing the folder -------------------------------------------------------------
    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of MIDI files"), self.start_folder)
        if folder:
            self.set_folder(Path(folder))

    def set_folder(self, folder: Path) -> None:
        """Use this folder: find an unfinished training of it (to resume) or a new model folder, then count it."""
        if self.running():
            return
        self._drop_unused_out()
        self.folder = folder.resolve()
        self.folder_edit.setText(str(self.folder))
        self.data, self.finished_model = None, None
        self.plot.clear()
        self.out, self.created_out = None, False
        for candidate in self.library.unfinished():
            try:
                info = json.loads((candidate / TRAINING_INFO).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if isinstance(info, dict) and info.get("source") == str(self.folder):
                self.out = candidate
                self.name.setText(str(info.get("name") or folder.name))
                break
        if self.out is None:
            self.out = self.library.folder_for(folder.name)
            self.created_out = True
            self.name.setText(self.library.unused_name(folder.name))  # a second model of a folder: "name 2"
        self.found.setText(self.tr("Counting the pieces..."))
        self._run("prepare", ["train", str(self.folder), "--out", str(self.out), "--prepare-only",
                              "--progress", "json"])

    # -- running ---------------------------------------------------------------------------
    def running(self) -> bool:
        return self.process is not None and self.process.state() != QProcess.ProcessState.NotRunning

    def can_resume(self) -> bool:
        return self.out is not None and can_resume(self.out)

    def start(self, resume: bool = False) -> None:
        if self.running() or self.folder is None or self.out is None or not self.available:
            return
        name = " ".join(self.name.text().split()) or self.folder.name
        if is_trained(self.out) and not resume:  # trained before: a new model next to it, never over it
            self.out, self.created_out = self.library.folder_for(self.folder.name), True
            name = self.library.unused_name(name)
            self.name.setText(name)
        self.out.mkdir(parents=True, exist_ok=True)
        (self.out / TRAINING_INFO).write_text(json.dumps({"source": str(self.folder), "name": name}),
                                                encoding="utf-8")
        args = ["train", str(self.folder), "--out", str(self.out), "--progress", "json",
                "--max-minutes", str(self.minutes.value())]
        if self.fine_tune.isChecked():
            args += ["--from", "bundled"]
        else:
            args += dict(PRESETS)[self.preset.currentData()]
        if not resume:
            args.append("--fresh")
        self.plot.clear()
        self.cancelled = False
        self.started_at = time.monotonic()
        self.status.setText(self.tr("Starting the training..."))
        self._run("train", args + self.extra_args)

    def cancel(self) -> None:
        if not self.running():
            return
        self.cancelled = True
        self.status.setText(self.tr("Stopping..."))
        self.process.terminate()
        if not self.process.waitForFinished(3000):
            self.process.kill()
            self.process.waitForFinished(3000)

    def _run(self, mode: str, args: list[str]) -> None:
        command = cli_command()
        process = QProcess(self)
        env = QProcessEnvironment.systemEnvironment()
        env.insert("PYTHONUNBUFFERED", "1")
        process.setProcessEnvironment(env)
        process.readyReadStandardOutput.connect(self._read_output)
        process.readyReadStandardError.connect(self._read_errors)
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._process_error)
        self.process, self.mode, self.buffer, self.errors = process, mode, b"", []
        process.start(command[0], command[1:] + args)
        self._update_buttons()

    def _read_output(self) -> None:
        self.buffer += bytes(self.process.readAllStandardOutput())
        *lines, self.buffer = self.buffer.split(b"\n")
        for line in lines:
            event = read_event(line)
            if event is not None:  # else a stray line (a library's warning): not an event
                self.handle(event)

    def _read_errors(self) -> None:
        text = bytes(self.process.readAllStandardError()).decode("utf-8", "replace")
        self.errors += [line.strip() for line in text.splitlines() if line.strip()]
        self.errors = self.errors[-20:]

    def handle(self, event: dict) -> None:
        kind = event.get("event")
        if kind == "prepare":
            done, total = int(event.get("done", 0)), max(1, int(event.get("total", 1)))
            self.progress.setValue(round(1000 * done / total))
            self.status.setText(self.tr("Reading the files: %1 of %2").replace("%1", str(done)).replace("%2", str(total)))
        elif kind == "data":
            self.data = event
            self._show_data(event)
        elif kind == "step":
            epoch, batch, batches = int(event["epoch"]), int(event["batch"]), max(1, int(event["batches"]))
            position = epoch - 1 + batch / batches
            self.plot.add_step(position, float(event["loss"]))
            eta = float(event.get("eta_seconds", 0))
            elapsed = time.monotonic() - self.started_at
            self.progress.setValue(round(1000 * elapsed / max(elapsed + eta, 1e-6)))
            self.status.setText(self.tr("Epoch %1, batch %2 of %3: loss %4; at most %5 left").replace(
                "%1", str(epoch)).replace("%2", str(batch)).replace("%3", str(batches)).replace(
                "%4", f"{float(event['loss']):.3f}").replace("%5", _duration(eta)))
        elif kind == "epoch":
            self.plot.add_epoch(int(event["epoch"]), float(event["train_loss"]), float(event["valid_loss"]))
        elif kind == "done":
            self.finished_model = str(event.get("model", ""))
            ev = (event.get("card") or {}).get("evaluation") or {}
            text = self.tr("Done: the model is in the Continue panel's model list.")
            if ev:
                text += " " + self.tr("On %1 held-out pieces: %2 bits per note (the n-gram: %3).").replace(
                    "%1", str(ev.get("held_out_melodies"))).replace("%2", decimal(ev['bits_per_note'])).replace(
                    "%3", decimal(ev['ngram_bits_per_note']))
            self.status.setText(text)
            self.progress.setValue(1000)

    def _show_data(self, data: dict) -> None:
        text = self.tr("%1 files: %2 melodies, %3 notes").replace("%1", whole(data['files'])).replace(
            "%2", whole(data['melodies'])).replace("%3", whole(data['notes']))
        if data.get("skipped_count"):
            text += "; " + self.tr("%1 skipped (below)").replace("%1", str(data["skipped_count"]))
        self.found.setText(text)
        self.skipped.clear()
        self.skipped.addItems(list(data.get("skipped", [])))
        self.skipped.setVisible(bool(data.get("skipped")))

    def _finished(self, code: int, _status) -> None:
        mode, self.mode = self.mode, ""
        self._read_output()
        if self.buffer.strip():
            self.buffer += b"\n"
            self._read_output()
        if mode == "prepare":
            self.progress.setValue(0)
            if code == 0 and self.data is not None:
                self.status.setText(self.tr("Ready to train.") if not self.can_resume() else
                                    self.tr("A stopped training of this folder can be resumed."))
            else:
                self.found.setText(self._error_sentence() or self.tr("The folder cannot be read."))
                self.status.setText("")
        elif self.cancelled:
            self.status.setText(
                self.tr("Training stopped. The finished epochs are kept: Resume goes on from them.")
                if self.can_resume() else
                self.tr("Training stopped before its first epoch was finished, so there is nothing to resume: "
                        "Start begins again."))
        elif code == 0 and self.finished_model:
            self._tidy_model_folder()
            self.model_trained.emit(self.out.name)
        else:
            self.status.setText(self.tr("Training failed: %1").replace(
                "%1", self._error_sentence() or self.tr("the training process ended unexpectedly")))
        self._update_buttons()

    def _process_error(self, error) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self.status.setText(self.tr("The training process could not be started."))
            self.mode = ""
            self._update_buttons()

    def _error_sentence(self) -> str:
        for line in reversed(self.errors):
            if line.startswith("composer-app: "):
                return line[len("composer-app: "):]
        return self.errors[-1] if self.errors else ""

    def _tidy_model_folder(self) -> None:
        """Keep the model, its card and metrics; the cache and checkpoints are not needed any more."""
        shutil.rmtree(self.out / "cache", ignore_errors=True)
        for name in (CHECKPOINT, BEST):
            (self.out / name).unlink(missing_ok=True)
        try:
            self.library.rename(self.out.name, " ".join(self.name.text().split()) or self.folder.name)
        except Exception:  # noqa: BLE001  (the name stays the default one; nothing is lost)
            pass

    def _update_buttons(self) -> None:
        busy = self.running()
        ready = self.available and self.data is not None and not busy and bool(self.data.get("melodies"))
        self.start_button.setEnabled(ready)
        self.resume_button.setEnabled(ready and self.can_resume())
        self.resume_button.setVisible(self.can_resume())
        self.cancel_button.setEnabled(busy and self.mode == "train")
        self.choose_button.setEnabled(not busy)
        for w in (self.name, self.preset, self.fine_tune, self.minutes):
            w.setEnabled(not busy)
        self.preset.setEnabled(not busy and not self.fine_tune.isChecked())

    def _drop_unused_out(self) -> None:
        """A model folder this dialog made and never trained into goes away again."""
        if self.out is not None and self.created_out and not self.can_resume() and not is_trained(self.out):
            shutil.rmtree(self.out, ignore_errors=True)

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.running() and self.mode == "train":
            answer = QMessageBox.question(self, self.tr("Training is running"),
                                          self.tr("Stop the training? The finished epochs are kept for Resume."))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.stop()
        event.accept()

    def stop(self) -> None:
        """Stop whatever runs (the window is closing); tidy a model folder that was never used."""
        if self.running():
            self.cancelled = True
            self.process.kill()
            self.process.waitForFinished(3000)
        self._drop_unused_out()


def _duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    return f"{seconds // 60} min {seconds % 60:02d} s" if seconds >= 60 else f"{seconds} s"
