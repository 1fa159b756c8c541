"""Tools > Models...: every model the app knows, its card in words, and Use / Rename / Remove."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer_app.session.models import ModelEntry, ModelLibrary, ModelsError
from composer_app.ui.numbers import decimal, whole


def display_name(entry: ModelEntry) -> str:
    return QCoreApplication.translate("Models", "Bundled model") if entry.bundled else entry.name


def describe(entry: ModelEntry) -> str:
    """The card of a model as a few lines (or why it cannot be used)."""
    if entry.problem:
        return QCoreApplication.translate("Models", "This model cannot be used: %1").replace("%1", entry.problem)
    f, lines = entry.facts(), []
    if entry.bundled:
        lines.append(QCoreApplication.translate("Models", "The model that comes with the app: it knows folk tunes, "
                                                "songs, chorales and renaissance melodies."))
    if "melodies" in f:
        text = QCoreApplication.translate("Models", "Trained on %1 melodies").replace("%1", whole(f['melodies']))
        if "notes" in f:
            text += QCoreApplication.translate("Models", ", %1 notes").replace("%1", whole(f['notes']))
        if "folder" in f:
            text += f" ({f['folder']})"
        lines.append(text)
    if "parameters" in f:
        lines.append(QCoreApplication.translate("Models", "Size: %1 M parameters, %2 MB").replace(
            "%1", decimal(f['parameters'] / 1e6)).replace("%2", decimal(f.get('bytes', 0) / 1e6, 1)))
    if "bits_per_note" in f:
        lines.append(QCoreApplication.translate(
            "Models", "On %1 melodies it never saw: %2 bits per note (the n-gram: %3; lower is better)").replace(
            "%1", str(f["held_out_melodies"])).replace("%2", decimal(f['bits_per_note'])).replace(
            "%3", decimal(f['ngram_bits_per_note'])))
    if "seconds" in f:
        minutes = f["seconds"] / 60
        took = f"{decimal(minutes, 1)} min" if minutes >= 1 else f"{whole(f['seconds'])} s"
        lines.append(QCoreApplication.translate("Models", "Training: %1, %2 epochs").replace("%1", took).replace(
            "%2", str(f["epochs"])))
    return "\n".join(lines) or QCoreApplication.translate("Models", "Its card says nothing more.")


class ModelsDialog(QDialog):
    models_changed = Signal()
    use_requested = Signal(str)

    def __init__(self, library: ModelLibrary, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library, self.current = library, current
        self.setWindowTitle(self.tr("Models"))
        self.resize(640, 360)
        outer = QHBoxLayout(self)
        self.list = QListWidget()
        self.list.setToolTip(self.tr("The bundled model and the models you trained"))
        self.list.currentItemChanged.connect(self._show)
        outer.addWidget(self.list, 1)
        side = QVBoxLayout()
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.details.setMinimumWidth(280)
        side.addWidget(self.details, 1)
        self.folder_label = QLabel(self.tr("Trained models live in %1").replace("%1", str(library.folder)))
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        side.addWidget(self.folder_label)
        row = QHBoxLayout()
        self.use_button = QPushButton(self.tr("Use"))
        self.use_button.setToolTip(self.tr("Continue melodies with this model"))
        self.use_button.clicked.connect(self._use)
        self.rename_button = QPushButton(self.tr("Rename..."))
        self.rename_button.setToolTip(self.tr("Give this model another name"))
        self.rename_button.clicked.connect(self._rename)
        self.remove_button = QPushButton(self.tr("Remove..."))
        self.remove_button.setToolTip(self.tr("Delete this model and its folder"))
        self.remove_button.clicked.connect(self._remove)
        close = QPushButton(self.tr("Close"))
        close.setToolTip(self.tr("Close this window"))
        close.clicked.connect(self.accept)
        for b in (self.use_button, self.rename_button, self.remove_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(close)
        side.addLayout(row)
        outer.addLayout(side, 2)
        self.refresh()

    def refresh(self, select: str | None = None) -> None:
        select = select or (self.selected().key if self.selected() else self.current)
        self.list.clear()
        for entry in self.library.entries():
            label = display_name(entry) + (" " + self.tr("(in use)") if entry.key == self.current else "")
            if not entry.usable:
                label += " " + self.tr("(cannot be used)")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, entry)
            self.list.addItem(item)
            if entry.key == select:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)

    def selected(self) -> ModelEntry | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _show(self, *_args) -> None:
        entry = self.selected()
        self.details.setText(describe(entry) if entry else "")
        self.use_button.setEnabled(bool(entry and entry.usable and entry.key != self.current))
        self.rename_button.setEnabled(bool(entry and not entry.bundled))
        self.remove_button.setEnabled(bool(entry and not entry.bundled))

    def _use(self) -> None:
        entry = self.selected()
        if entry and entry.usable:
            self.current = entry.key
            self.use_requested.emit(entry.key)
            self.refresh(entry.key)

    def _rename(self) -> None:
        entry = self.selected()
        if not entry or entry.bundled:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename Model"), self.tr("New name:"), text=entry.name)
        if ok and name.strip():
            self.rename(entry.key, name)

    def rename(self, key: str, name: str) -> bool:
        try:
            self.library.rename(key, name)
        except ModelsError as e:
            QMessageBox.warning(self, self.tr("Rename Model"), str(e))
            return False
        self.refresh(key)
        self.models_changed.emit()
        return True

    def _remove(self) -> None:
        entry = self.selected()
        if not entry or entry.bundled:
            return
        answer = QMessageBox.question(self, self.tr("Remove Model"),
                                      self.tr("Delete the model \u201c%1\u201d and its folder? This cannot be undone.")
                                      .replace("%1", entry.name))
        if answer == QMessageBox.StandardButton.Yes:
            self.remove(entry.key)

    def remove(self, key: str) -> bool:
        try:
            self.library.remove(key)
        except ModelsError as e:
            QMessageBox.warning(self, self.tr("Remove Model"), str(e))
            return False
        self.refresh()
        self.models_changed.emit()
        return True
