"""Start the Qt application and show the main window."""

from __future__ import annotations

import sys


def run_app(argv: list[str] | None = None) -> int:
    """Create the QApplication, show the main window and run the event loop."""
    from PySide6.QtWidgets import QApplication

    from composer_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("composer-app")
    app.setOrganizationName("composer-app")
    window = MainWindow()
    window.show()
    return app.exec()
