"""An uncaught exception: logged in the data folder, the open work autosaved, the student told once."""

import sys

from composer_app.session.recovery import recovery_dir
from composer_app.ui.safekeeping import crash_log_path, install_crash_handler


def test_uncaught_exception_is_logged_autosaved_and_shown_once(window, message_boxes):
    window.session.do(window.session.add_notes([(0, 480, 60, 80)], "Add note", select=False))  # unsaved work
    old = sys.excepthook
    install_crash_handler(lambda: [window])
    try:
        for _ in range(2):
            try:
                raise RuntimeError("a bug in a slot")
            except RuntimeError:
                sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old
    log = crash_log_path().read_text()
    assert log.count("RuntimeError: a bug in a slot") == 2
    assert [f.name for f in recovery_dir().glob("*.composer")] == [window.safekeeping.autosaver.path.name]
    warnings = [m for m in message_boxes if m[0] == "warning"]
    assert len(warnings) == 1 and str(crash_log_path()) in warnings[0][2]
