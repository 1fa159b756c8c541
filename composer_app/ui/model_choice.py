"""Which model continues the melody: the Continue panel's choice, loading it in the background, Tools > Models
and Tools > Train on a Folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtWidgets import QLabel, QWidget

from composer_app.engine.model import LoadedModel, bundled_model_path
from composer_app.session.models import BUNDLED, ModelLibrary
from composer_app.ui.numbers import decimal
from composer_app.ui.panels.continue_panel import ContinuePanel
from composer_app.ui.settings import provider_setting
from composer_app.ui.workers import ModelLoader

Say = Callable[[str, int], None]  # a status-bar message and how long it shows (ms)


class ModelChoice(QObject):
    """The model library, the model in use (remembered, loaded off the GUI thread), and the two dialogs."""

    model_changed = Signal()

    def __init__(self, parent: QWidget, settings, panel: ContinuePanel, label: QLabel, say: Say,
                 pool: QThreadPool | None = None, library: ModelLibrary | None = None) -> None:
        super().__init__(parent)
        self.parent_widget, self.settings, self.panel, self.label, self.say = parent, settings, panel, label, say
        self.pool = pool or QThreadPool.globalInstance()
        self.library = library or ModelLibrary()
        self.current = BUNDLED
        self.model: LoadedModel | None = None
        self.error: str | None = None
        self.notice = ""
        self.train_dialog = None
        self._request = 0
        self._loaders: list = []
        panel.model_chosen.connect(self.choose)
        panel.manage_models_requested.connect(self.show_models)
        self.refresh()

    # -- loading -------------------------------------------------------------------------
    def start(self, model_path=None) -> None:
        """Load the remembered model (the bundled one if it is gone or fails its checks), or model_path if given."""
        if model_path is not None:
            self.current = BUNDLED if Path(model_path) == self.library.bundled else str(model_path)
            self.refresh()
            self.load(model_path)
            return
        key = str(self.settings.value("model", BUNDLED))
        entry = self.library.entry(key)
        if entry is None or not entry.usable:
            if key != BUNDLED:
                reason = entry.problem if entry is not None else self.tr("it is no longer in the models folder")
                self.notice = self.tr(
                    "The model you chose last cannot be used (%1); using the bundled model.").replace("%1", reason)
                self.say(self.notice, 10000)
            key = BUNDLED
        self.current = key
        self.refresh()
        self.load(None if key == BUNDLED else self.library.entry(key).path)

    def load(self, path=None) -> None:
        """Load a model in the background (the bundled one for None); only the latest request is used."""
        loader = ModelLoader(path, provider_setting(self.settings))
        self._request = request = self._request + 1
        loader.signals.finished.connect(lambda c: self._loaded(c) if request == self._request else None)
        loader.signals.failed.connect(lambda e: self.set_model_error(e) if request == self._request else None)
        self._loaders = [loader]  # keep its signals alive until it reports
        self.panel.set_model_status(self.tr("Loading the model..."), False)
        self.pool.start(loader)

    def _loaded(self, choice) -> None:
        self.set_model(choice.model)
        where = self.where_it_runs(choice)
        self.label.setToolTip(where)
        notice, self.notice = self.notice, ""
        self.say(f"{notice} {where}" if notice else where, 10000)

    def where_it_runs(self, choice) -> str:
        """Why the model runs where it does, in the student's words."""
        cpu, gpu = choice.timings_ms.get("CPUExecutionProvider"), choice.timings_ms.get("CUDAExecutionProvider")
        texts = {
            "cpu_chosen": self.tr("Generating on the processor (CPU), as chosen in Preferences."),
            "no_gpu": self.tr("Generating on the processor (CPU): no graphics card is needed for this small "
                              "model."),
            "gpu_chosen_but_none": self.tr("Generating on the processor (CPU): Preferences ask for the graphics "
                                           "card, but there is none the app can use."),
            "cuda_failed": self.tr("Generating on the processor (CPU): the graphics card's driver could not start."),
            "gpu_chosen": self.tr("Generating on the graphics card (GPU), as chosen in Preferences."),
        }
        if choice.why in texts:
            return texts[choice.why]
        if choice.why in ("gpu_faster", "cpu_faster") and cpu is not None and gpu is not None:
            text = (self.tr("Generating on the graphics card (GPU): a step takes %1 ms there and %2 ms on the "
                            "processor.") if choice.why == "gpu_faster" else
                    self.tr("Generating on the processor (CPU): a step takes %1 ms there and %2 ms on the "
                            "graphics card."))
            first, second = (gpu, cpu) if choice.why == "gpu_faster" else (cpu, gpu)
            return text.replace("%1", decimal(first)).replace("%2", decimal(second))
        return self.tr("Generating on %1").replace("%1", choice.reason)

    def model_name(self, model: LoadedModel, short: bool = False) -> str:
        """The bundled model by what it knows, in the student's language (`short`: only that it is the bundled
        one, for the status bar); a trained one by its given name."""
        if model.path is not None and Path(model.path).resolve() == Path(bundled_model_path()).resolve():
            return self.tr("bundled") if short else self.tr("bundled model (folk tunes, songs, chorales, renaissance)")
        return model.name

    def set_model(self, model: LoadedModel) -> None:
        self.model, self.error = model, None
        provider = self.tr("GPU") if "CUDA" in model.provider else self.tr("CPU")
        name = self.model_name(model)
        self.label.setText(self.tr("Model: %1 (%2)").replace("%1", self.model_name(model, short=True))
                           .replace("%2", provider))
        self.panel.set_model_status(self.tr("%1 on %2").replace("%1", name).replace("%2", provider), True)
        self.panel.set_styles(model.styles)
        self.model_changed.emit()

    def set_model_error(self, message: str) -> None:
        self.model, self.error = None, message
        self.label.setText(self.tr("Model: unavailable"))
        self.panel.set_model_status(self.tr("Generation is unavailable: %1").replace("%1", message), False)
        self.model_changed.emit()

    # -- choosing ------------------------------------------------------------------------
    def refresh(self) -> None:
        self.panel.set_models(self.library.entries(), self.current)

    def choose(self, key: str) -> bool:
        """Use the model with this key (remembered for the next start); False if it cannot be used."""
        entry = self.library.entry(key)
        if entry is None or not entry.usable:
            self.refresh()
            return False
        self.current = key
        self.settings.setValue("model", key)
        self.refresh()
        self.load(None if entry.bundled else entry.path)
        return True

    def show_models(self) -> None:
        from composer_app.ui.dialogs.models_dialog import ModelsDialog

        dialog = ModelsDialog(self.library, self.current, self.parent_widget)
        dialog.use_requested.connect(self.choose)
        dialog.models_changed.connect(self._after_change)
        dialog.exec()

    def _after_change(self) -> None:
        if self.library.entry(self.current) is None:  # the model in use was removed
            self.choose(BUNDLED)
        self.refresh()

    def show_train_dialog(self):
        from composer_app.ui.dialogs.train_dialog import TrainDialog

        if self.train_dialog is None:
            self.train_dialog = TrainDialog(self.library, self.parent_widget)
            self.train_dialog.model_trained.connect(self._trained)
        self.train_dialog.show()
        self.train_dialog.raise_()
        return self.train_dialog

    def _trained(self, key: str) -> None:
        self.refresh()
        self.say(self.tr("A new model is ready: %1").replace(
            "%1", self.library.entry(key).name if self.library.entry(key) else key), 10000)

    def may_close(self) -> bool:
        """Ask before closing the window stops a training that is running; False keeps the window open."""
        dialog = self.train_dialog
        if dialog is None or not (dialog.running() and dialog.mode == "train"):
            return True
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(self.parent_widget, self.tr("Training is running"),
                                      self.tr("Quit and stop the training? The finished epochs are kept for Resume."))
        return answer == QMessageBox.StandardButton.Yes

    def close(self) -> None:
        if self.train_dialog is not None:
            self.train_dialog.stop()
