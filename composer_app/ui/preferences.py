"""Preferences: language and CPU-only inference (MIDI and audio devices join here)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

LANGUAGES = [("", "System"), ("en", "English"), ("es", "Español")]


class PreferencesDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        form = QFormLayout(self)
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(self.tr("System language") if code == "" else name, code)
        current = str(settings.value("language", ""))
        self.language.setCurrentIndex(max(0, [c for c, _ in LANGUAGES].index(current) if current in dict(LANGUAGES) else 0))
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", QLabel(self.tr("A new language takes effect when the app starts again.")))
        self.force_cpu = QCheckBox(self.tr("Always generate on the CPU"))
        self.force_cpu.setChecked(str(settings.value("force_cpu", "false")).lower() == "true")
        form.addRow(self.tr("Model"), self.force_cpu)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        self.settings.setValue("language", self.language.currentData())
        self.settings.setValue("force_cpu", "true" if self.force_cpu.isChecked() else "false")
        super().accept()
