"""Which model continues the melody: the Continue panel's choice, Tools > Models and Tools > Train on a Folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from composer_app.session.models import BUNDLED, ModelLibrary


class ModelChoice(QObject):
    """A part of the main window: the model library, the model in use (remembered), and the two dialogs."""

    def __init__(self, window, library: ModelLibrary | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.library = library or ModelLibrary()
        self.current = BUNDLED
        self.train_dialog = None
        window.panel.model_chosen.connect(self.choose)
        window.panel.manage_models_requested.connect(self.show_models)
        self.refresh()

    def start(self, model_path=None) -> None:
        """Load the remembered model (the bundled one if it is gone or fails its checks), or model_path if given."""
        if model_path is not None:
            self.current = BUNDLED if Path(model_path) == self.library.bundled else str(model_path)
            self.refresh()
            self.window.load_model(model_path)
            return
        key = str(self.window.settings.value("model", BUNDLED))
        entry = self.library.entry(key)
        if entry is None or not entry.usable:
            if key != BUNDLED:
                reason = entry.problem if entry is not None else self.tr("it is no longer in the models folder")
                self.window.model_notice = self.tr(
                    "The model you chose last cannot be used (%1); using the bundled model.").replace("%1", reason)
                self.window.statusBar().showMessage(self.window.model_notice, 10000)
            key = BUNDLED
        self.current = key
        self.refresh()
        self.window.load_model(None if key == BUNDLED else self.library.entry(key).path)

    def refresh(self) -> None:
        self.window.panel.set_models(self.library.entries(), self.current)

    def choose(self, key: str) -> bool:
        """Use the model with this key (remembered for the next start); False if it cannot be used."""
        entry = self.library.entry(key)
        if entry is None or not entry.usable:
            self.refresh()
            return False
        self.current = key
        self.window.settings.setValue("model", key)
        self.refresh()
        self.window.load_model(None if entry.bundled else entry.path)
        return True

    def show_models(self) -> None:
        from composer_app.ui.models_dialog import ModelsDialog

        dialog = ModelsDialog(self.library, self.current, self.window)
        dialog.use_requested.connect(self.choose)
        dialog.models_changed.connect(self._after_change)
        dialog.exec()

    def _after_change(self) -> None:
        if self.library.entry(self.current) is None:  # the model in use was removed
            self.choose(BUNDLED)
        self.refresh()

    def show_train_dialog(self):
        from composer_app.ui.train_dialog import TrainDialog

        if self.train_dialog is None:
            self.train_dialog = TrainDialog(self.library, self.window)
            self.train_dialog.model_trained.connect(self._trained)
        self.train_dialog.show()
        self.train_dialog.raise_()
        return self.train_dialog

    def _trained(self, key: str) -> None:
        self.refresh()
        self.window.statusBar().showMessage(self.tr("A new model is ready: %1").replace(
            "%1", self.library.entry(key).name if self.library.entry(key) else key), 10000)

    def may_close(self) -> bool:
        """Ask before closing the window stops a training that is running; False keeps the window open."""
        dialog = self.train_dialog
        if dialog is None or not (dialog.running() and dialog.mode == "train"):
            return True
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(self.window, self.tr("Training is running"),
                                      self.tr("Quit and stop the training? The finished epochs are kept for Resume."))
        return answer == QMessageBox.StandardButton.Yes

    def close(self) -> None:
        if self.train_dialog is not None:
            self.train_dialog.stop()
