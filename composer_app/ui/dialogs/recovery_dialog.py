"""At start: offer the work that a crashed or killed composer-app left in recovery files."""

from __future__ import annotations

import os

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from composer_app.core.errors import ComposerError
from composer_app.core.project import load_project
from composer_app.session.recovery import Recoverable, recoverable
from composer_app.ui.problems import in_words
from composer_app.ui.project_io import show_project


class RecoveryDialog(QDialog):
    """A list of recovered documents (name, notes, time): restore the ticked ones, discard, or decide later."""

    def __init__(self, found: list[Recoverable], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recover unsaved work"))
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("composer-app closed without saving this work. Restore it?"))
        label.setWordWrap(True)
        layout.addWidget(label)
        self.list = QListWidget()
        for r in found:
            item = QListWidgetItem(self.entry_text(r))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, r)
            self.list.addItem(item)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.discard_button = buttons.addButton(self.tr("Discard"), QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.discard_button.clicked.connect(lambda: self.done(2))
        layout.addWidget(buttons)
        # wide enough for the title and every entry, whole (within reason)
        metrics = self.fontMetrics()
        widest = max([metrics.horizontalAdvance(self.entry_text(r)) for r in found] +
                     [metrics.horizontalAdvance(self.windowTitle()) + 120, 360])
        self.resize(min(widest + 90, 900), min(200 + 24 * len(found), 500))

    def entry_text(self, r: Recoverable) -> str:
        """"Prelude (120 notes, 2 Dec 2026 17:40)" in the student's language."""
        when = QLocale().toString(QDateTime.fromSecsSinceEpoch(int(r.saved_at)), QLocale.FormatType.ShortFormat)
        return self.tr("%1 (%2 notes, %3)").replace("%1", r.title).replace("%2", str(r.notes)).replace("%3", when)

    def chosen(self) -> list[Recoverable]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]


def restore_into(window, found: Recoverable) -> bool:
    """Restore one recovery file into `window` (undoable); its file goes once the window has autosaved it."""
    try:
        project = load_project(found.path)
    except ComposerError as e:
        window.statusBar().showMessage(in_words(e), 8000)
        return False
    show_project(window, project, None, restore=True)
    window.safekeeping.autosave()
    found.path.unlink(missing_ok=True)
    return True


def offer_recovery(window, make_window=None) -> int:
    """Offer every recovery file of a composer-app that is gone; return how many were restored."""
    found = recoverable()
    if not found:
        return 0
    if os.environ.get("COMPOSER_TEST_RESTORE") == "all":  # the crash-recovery test answers the dialog this way
        chosen = found
    else:
        from PySide6.QtWidgets import QApplication

        window.repaint()  # the window is drawn before the question comes over it, not left black behind it
        QApplication.processEvents()
        dialog = RecoveryDialog(found, window)
        result = dialog.exec()
        if result == 2:
            for r in found:
                r.path.unlink(missing_ok=True)
            return 0
        if result != QDialog.DialogCode.Accepted:
            return 0
        chosen = dialog.chosen()
    restored = 0
    for i, r in enumerate(chosen):
        target = window if i == 0 else (make_window() if make_window else None)
        if target is not None and restore_into(target, r):
            restored += 1
    return restored
