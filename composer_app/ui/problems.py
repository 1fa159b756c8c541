"""What went wrong with a file, said in the student's language: one sentence by the kind of problem (the
error's `reason`), what to do about it, and (in the English window) the technical detail after it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from composer_app.core import note_names
from composer_app.core.safe_save import backup_path


def cannot_open(error: Exception, path: Path | str) -> str:
    """The message for a MIDI file or project that did not open."""
    path = Path(path)
    reason = getattr(error, "reason", "")
    name = path.name
    project = path.suffix.lower() == ".composer"
    sentences = {
        "audio": QCoreApplication.translate("Problems", "“%1” is a sound recording, not a MIDI file. composer-app opens MIDI files (.mid) and its own "
                    "projects (.composer): export the melody as MIDI from the program that made it, or play or "
                    "draw it here."),
        "not_midi": QCoreApplication.translate("Problems", "“%1” is not a MIDI file. composer-app opens MIDI files (.mid) and its own projects "
                       "(.composer)."),
        "missing": QCoreApplication.translate("Problems", "“%1” is not there any more: it was moved, renamed or deleted."),
        "folder": QCoreApplication.translate("Problems", "“%1” is a folder: open a MIDI file inside it."),
        "unreadable": QCoreApplication.translate("Problems", "“%1” cannot be read: check that you may open it and that its disk is connected."),
        "too_large": QCoreApplication.translate("Problems", "“%1” is far larger than any melody, so it was not opened."),
        "unsupported": QCoreApplication.translate("Problems", "“%1” is a kind of MIDI file this app does not read (timed in seconds, or a set of "
                          "separate patterns). Save it as a standard MIDI file (type 0 or 1) and open that."),
        "no_notes": QCoreApplication.translate("Problems", "“%1” has no notes to continue (only drums or nothing)."),
        "newer": QCoreApplication.translate("Problems", "“%1” was saved by a newer composer-app: update the app to open it. The file was not "
                    "changed."),
        "not_project": QCoreApplication.translate("Problems", "“%1” is not a composer-app project."),
    }
    if reason == "damaged" and project:
        bak = backup_path(path)
        text = (QCoreApplication.translate("Problems", "“%1” is damaged and cannot be opened. The copy saved before it, “%2”, is next to it: "
                   "open that one.").replace("%2", bak.name) if bak.exists() else
                QCoreApplication.translate("Problems", "“%1” is damaged and cannot be opened, and there is no earlier copy (.bak) next to it."))
    elif reason in sentences:
        text = sentences[reason]
    else:
        text = QCoreApplication.translate("Problems", "“%1” is damaged or not a file this app reads, so it was not opened.")
    text = text.replace("%1", name)
    if note_names.language() == "en" and str(error):
        text += "\n\n" + QCoreApplication.translate("Problems", "Details: %1").replace("%1", str(error))
    return text


def in_words(error: Exception | str) -> str:
    """Any other problem the window reports (generation, models, recovery), in the student's language: a
    sentence by its kind; without one, the English sentence in the English window and a general one (with the
    English detail after it) in another language."""
    reason = getattr(error, "reason", "")
    sentences = {
        "no_fit": QCoreApplication.translate("Problems", "No note fits both the key and the pitch range: widen the "
                                             "range or choose another key."),
        "span_empty": QCoreApplication.translate("Problems", "There is no melody to fill in yet: play, draw or "
                                                 "open one first."),
        "span_reversed": QCoreApplication.translate("Problems", "The span ends before it starts."),
        "span_zero": QCoreApplication.translate("Problems", "The span is empty: drag over at least one step of time "
                                                "on the ruler."),
        "span_long": QCoreApplication.translate("Problems", "The span is too long: fill at most 32 bars at a time."),
        "span_after": QCoreApplication.translate("Problems", "The span starts after the melody ends: use Continue "
                                                 "to add bars at the end."),
        "span_grid": QCoreApplication.translate("Problems", "A span starts and ends on the 16th-note grid."),
        "span_text": QCoreApplication.translate("Problems", "That is not a span of bars."),
        "model": QCoreApplication.translate("Problems", "The model cannot be used: its file is damaged, incomplete or "
                                            "not one this app can run. Choose another model or train it again."),
    }
    if reason in sentences:
        text = sentences[reason]
        if note_names.language() == "en" and str(error) and not reason.startswith("span"):
            text += " " + QCoreApplication.translate("Problems", "(%1)").replace("%1", str(error))
        return text
    if note_names.language() == "en":
        return str(error)
    return QCoreApplication.translate("Problems", "Something went wrong (details in English: %1)").replace(
        "%1", str(error))
