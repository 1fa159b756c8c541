"""Start the Qt application: translations, icon, palette, the main window (the model loads in the background)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from composer_app.paths import resources_dir


def install_translation(app, language: str | None) -> str:
    """Load the Spanish (or other) translation for `language` or the system locale; return the code used."""
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

    from composer_app.core import note_names

    code = language or QLocale.system().name().split("_")[0]
    note_names.set_language("en")
    if code == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return "en"
    translator = QTranslator(app)
    if translator.load(str(resources_dir() / "i18n" / f"composer_{code}.qm")):
        app.installTranslator(translator)
        qt = QTranslator(app)
        if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
        extra = QTranslator(app)  # the few of Qt's own texts its catalog lacks (the file dialog's "type" label)
        if extra.load(str(resources_dir() / "i18n" / f"qt_extra_{code}.qm")):
            app.installTranslator(extra)
        note_names.set_language(code)
        app.setApplicationDisplayName(QCoreApplication.translate("App", "composer-app"))  # in window titles
        QLocale.setDefault(QLocale(code))  # numbers as the student reads them (10.820; 1,00)
        return code
    return "en"


def create_app(argv: list[str] | None = None):
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from composer_app.ui.settings import app_settings

    # The audio device pulls samples through Python: with the default 5 ms GIL switch interval a thread
    # generating variations can hold it long enough to starve a 10 ms audio buffer (dropouts measured by
    # benchmarks/thru_latency.py --generate); 1 ms hands it over sooner.
    sys.setswitchinterval(0.001)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("composer-app")
    app.setOrganizationName("composer-app")
    app.setApplicationDisplayName("composer-app")
    icon = resources_dir() / "icons" / "composer-app.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    install_translation(app, str(app_settings().value("language", "")) or None)
    return app


def run_app(argv: list[str] | None = None, open_path: str | None = None, start_check: bool = False,
            after_start=None) -> int:
    """Create the QApplication, show the main window (with open_path opened: a MIDI file or a project, as a
    file manager's "Open with" passes it) and run the event loop. `start_check`: print one line once the
    window is on screen and leave (how long start-up takes, and that a file opens). `after_start(window)`
    runs once the window is up (an embedding program's hook)."""
    app = create_app(argv)
    import shiboken6
    from PySide6.QtCore import QTimer

    from composer_app.ui.dialogs.recovery_dialog import offer_recovery
    from composer_app.ui.main_window import MainWindow
    from composer_app.ui.safekeeping import install_crash_handler
    from composer_app.ui.settings import app_settings

    started = time.perf_counter()
    windows: list[MainWindow] = []

    def make_window() -> MainWindow:
        w = MainWindow()
        windows.append(w)
        w.show()
        return w

    window = make_window()
    install_crash_handler(lambda: [w for w in windows if shiboken6.isValid(w) and w.isVisible()])

    def when_started() -> None:
        restored = offer_recovery(window, make_window)
        settings = app_settings()
        if open_path:
            window.files.open_file(Path(open_path))
        elif not restored and settings.value("first_run_done", "false") != "true":
            window.open_example()
        settings.setValue("first_run_done", "true")
        if start_check:
            QTimer.singleShot(0, lambda: report_start(window, started))
        elif after_start is not None:
            after_start(window)

    QTimer.singleShot(0, when_started)
    code = app.exec()
    # Leaving: the windows go with Qt's objects now; an error while they are torn down is not a crash to
    # report (a message box here would wait for a click that never comes), and there is nothing to autosave.
    sys.excepthook = sys.__excepthook__
    for w in windows:
        if shiboken6.isValid(w):
            w.safekeeping.timer.stop()
    return code


def report_start(window, started: float) -> None:
    """--start-check: once the window is on screen and drawn (exposed by the window system and painted, as a
    student sees it), say so and leave."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    handle = window.windowHandle()
    if handle is None or not handle.isExposed() or not getattr(window, "painted", False):
        QTimer.singleShot(5, lambda: report_start(window, started))
        return
    seconds = time.perf_counter() - started
    print(f"shown: {window.session.title or 'Untitled'}, {len(window.melody)} notes, "
          f"{seconds:.2f} s after the app started", flush=True)
    QApplication.instance().exit(0)  # leave the loop without closing (and asking to save)
