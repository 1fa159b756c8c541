"""The Spanish window shows no English words (nor the app's English name, nor keys written as Ctrl+ where
Spanish menus say Control+): every dialog below is opened in Spanish, screenshotted (saved
where COMPOSER_SCREENSHOTS points, to look at) and every text it shows (labels, buttons, lists, tables,
menus, titles, the status bar) is checked against the words that exist only in the English texts.

Dialogs checked: the main window with its menus, toolbar, Continue panel and status bar; Preferences; Models;
Train on a Folder; Recover unsaved work; the track chooser; Keyboard Shortcuts; About; Undo History; the Open
file dialog (Qt's own, in Spanish from Qt's translations); the message for a file that does not open; Harmonize;
Check Part-Writing (with faults listed); Open a Recording; Record from Microphone."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTableWidget,
    QWidget,
)

from composer_app.core import note_names
from composer_app.core.melody import Melody

REPO = Path(__file__).resolve().parents[2]
# Names and units that read the same in both languages.
SAME_IN_BOTH = {"midi", "cpu", "gpu", "wav", "alsa", "jack", "coremidi", "windows",
                "soundfont", "soundfonts", "onnx", "cuda", "lstm", "auto", "sfz", "mid", "ctrl", "shift", "alt", "esc",
                "tab", "del", "backspace", "home", "end", "space", "return", "enter", "music", "corpus", "ms",
                "control", "intro",  # Qt's Spanish key names say Control, Intro
                "english"}  # the language chooser names each language in its own language


# Words of Qt's own dialogs (the file dialog's labels, buttons and columns) that are not in the app's texts.
QT_ENGLISH = {"look", "file", "files", "name", "type", "cancel", "directory", "size", "date", "modified",
              "back", "forward", "computer", "detail", "view", "list", "new", "hidden", "show", "choose", "all",
              "recent", "places", "open", "save", "yes", "close", "apply", "reset", "help", "discard"}


def english_only_words() -> set[str]:
    """Words of the English texts that no Spanish translation uses (and Qt's own dialogs' words)."""
    tree = ET.parse(REPO / "resources" / "i18n" / "composer_es.ts")
    english, spanish = set(), set()
    for m in tree.iter("message"):
        source, translation = m.find("source"), m.find("translation")
        if translation is None or translation.get("type") in ("vanished", "obsolete"):
            continue
        english |= set(re.findall(r"[a-z]{3,}", (source.text or "").lower()))
        spanish |= set(re.findall(r"[a-záéíóúñü]{3,}", (translation.text or "").lower()))
    return (english | QT_ENGLISH) - spanish - SAME_IN_BOTH


def shown_texts(widget: QWidget) -> list[str]:
    """Every text a student sees in `widget` (and its menus)."""
    texts = [widget.windowTitle()]
    for w in [widget] + widget.findChildren(QWidget):
        if not w.isVisibleTo(widget) and w is not widget:
            continue
        texts.append(w.toolTip())
        if isinstance(w, QLabel):  # a command to type (<code>) reads the same in any language
            texts.append(re.sub(r"<[^>]+>", " ", re.sub(r"<code>.*?</code>", " ", w.text())))
        elif isinstance(w, QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QListWidget):
            texts += [w.item(i).text() for i in range(w.count())]
        elif isinstance(w, QTableWidget):
            texts += [w.horizontalHeaderItem(c).text() for c in range(w.columnCount()) if w.horizontalHeaderItem(c)]
            texts += [w.item(r, c).text() for r in range(w.rowCount()) for c in range(w.columnCount()) if w.item(r, c)]
    if isinstance(widget, QMainWindow):
        menus = [a.menu() for a in widget.menuBar().actions() if a.menu()]
        while menus:
            menu = menus.pop()
            texts.append(menu.title())
            for a in menu.actions():
                texts.append(a.text())
                if isinstance(a.menu(), QMenu):
                    menus.append(a.menu())
        texts.append(widget.statusBar().currentMessage())
    return [t for t in texts if t]


def english_in(widget: QWidget, name: str, words: set[str]) -> list[str]:
    folder = os.environ.get("COMPOSER_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))
    return [f"{name}: {t!r}" for t in shown_texts(widget) + [QApplication.applicationDisplayName()]
            if set(words_of(t)) & words or "composer-app" in t or "Ctrl+" in t]  # Spanish menus say Control+


def words_of(text: str) -> list[str]:
    """The words of a text, leaving out file names and paths (a student's own names)."""
    kept = " ".join(w for w in text.replace("&", "").split() if "/" not in w and not re.search(r"\w\.\w", w))
    return re.findall(r"[a-záéíóúñü]{3,}", kept.lower())


@pytest.fixture
def spanish(qapp):
    from composer_app.ui.app import install_translation

    before, title = set(qapp.findChildren(QTranslator)), qapp.applicationDisplayName()
    assert install_translation(qapp, "es") == "es"
    yield english_only_words()
    qapp.setApplicationDisplayName(title)
    for t in set(qapp.findChildren(QTranslator)) - before:
        QCoreApplication.removeTranslator(t)
    note_names.set_language("en")
    QLocale.setDefault(QLocale.c())


def student_voices(folder: Path) -> Path:
    """Four voices with parallel fifths and octaves, so the part-writing table has rows."""
    from composer_app.core.midifile import write_midi

    rows = {"Soprano": [72, 74], "Alto": [64, 66], "Tenor": [55, 57], "Bass": [48, 50]}
    path = folder / "voces.mid"
    write_midi(Melody.from_notes([(i * 480, 480, p, 80) for i, p in enumerate(rows["Soprano"])], name="Soprano"),
               path, [(name, [(i * 480, 480, p, 80) for i, p in enumerate(ps)]) for name, ps in rows.items()
                      if name != "Soprano"])
    return path


def test_the_check_finds_english(spanish, qtbot):
    label = QLabel("Continue the melody")
    qtbot.addWidget(label)
    assert english_in(label, "probe", spanish)


def test_no_english_in_any_spanish_dialog(spanish, qtbot, loaded_model, tmp_path, chopin_dir, monkeypatch):
    from composer_app.audio.transcribe import HeardNote
    from composer_app.core.midifile import read_midi
    from composer_app.session.recovery import Recoverable
    from composer_app.ui.chords import HarmonizeDialog
    from composer_app.ui.dialogs.help import ShortcutsDialog, about_text
    from composer_app.ui.dialogs.microphone import MicrophoneDialog
    from composer_app.ui.dialogs.models_dialog import ModelsDialog
    from composer_app.ui.dialogs.part_writing import PartWritingDialog
    from composer_app.ui.dialogs.preferences import PreferencesDialog
    from composer_app.ui.dialogs.recording import RecordingDialog
    from composer_app.ui.dialogs.recovery_dialog import RecoveryDialog
    from composer_app.ui.dialogs.track_chooser import TrackChooser
    from composer_app.ui.dialogs.train_dialog import TrainDialog
    from composer_app.ui.main_window import MainWindow

    found: list[str] = []
    w = MainWindow(load_model_in_background=False)
    qtbot.addWidget(w)
    w.models.set_model(loaded_model)
    w.set_document(Melody.from_notes([(i * 240, 240, (60, 62, 64, 65, 67)[i % 5], 90) for i in range(12)]), None)
    w.resize(1280, 760)
    w.show()
    qtbot.waitExposed(w)
    w.statusBar().showMessage(w.models.where_it_runs(type("Choice", (), {"why": "no_gpu", "timings_ms": {}})()))
    found += english_in(w, "main-window", spanish)
    assert w.panel.key.itemText(2) == "Do mayor" and "Do" in w.panel.low.text()

    dialogs = {
        "preferences": PreferencesDialog(w.settings, w, None),
        "models": ModelsDialog(w.models.library, w.models.current, w),
        "train": TrainDialog(w.models.library, w),
        "recovery": RecoveryDialog([Recoverable(tmp_path / "1-1.composer", 0.0, "Preludio", 120)], w),
        "track-chooser": TrackChooser(read_midi(chopin_dir / "chpn_op7_1_format0.mid"), w),
        "shortcuts": ShortcutsDialog(w.actions, w),
        "harmonize": HarmonizeDialog(w.settings, w),
        "part-writing": PartWritingDialog(student_voices(tmp_path), w),
        "microphone": MicrophoneDialog(w),
        "recording": RecordingDialog([HeardNote(0.5 * i, 0.5 * i + 0.4, 60 + i, 80) for i in range(8)], 4.0, "toma", w),
    }
    for name, dialog in dialogs.items():
        dialog.show()
        qtbot.waitExposed(dialog)
        found += english_in(dialog, name, spanish)
        dialog.close()
    import importlib.util

    real_find_spec = importlib.util.find_spec
    with monkeypatch.context() as m:  # an installation without PyTorch: the dialog says how to add it
        m.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "torch" else real_find_spec(name, *a))
        no_torch = TrainDialog(w.models.library, w)
        qtbot.addWidget(no_torch)
        no_torch.show()
        qtbot.waitExposed(no_torch)
        assert no_torch.install_hint.isVisible()
        found += english_in(no_torch, "train-without-pytorch", spanish)
        no_torch.close()
    about = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("MainWindow", "About composer-app"),
                        about_text(w.models.model_name(loaded_model)),
                        QMessageBox.StandardButton.Ok, w)
    about.show()
    found += english_in(about, "about", spanish)
    about.close()
    w.show_history()
    found += english_in(w.undo_view, "undo-history", spanish)
    files = QFileDialog(w, "Abrir")
    files.setOption(QFileDialog.Option.DontUseNativeDialog)
    files.show()
    qtbot.waitExposed(files)
    found += english_in(files, "open-file-dialog", spanish)
    files.close()
    from composer_app.core.errors import MidiImportError
    from composer_app.ui.problems import cannot_open

    box = QMessageBox(QMessageBox.Icon.Warning, "No se puede abrir",
                      cannot_open(MidiImportError("take.wav: it is a WAV audio recording", "audio"), "take.wav"),
                      QMessageBox.StandardButton.Ok, w)
    box.show()
    found += english_in(box, "cannot-open", spanish)
    box.close()
    assert dialogs["part-writing"].table.rowCount() >= 2
    # the shortcut list's key column is whole
    shortcuts = dialogs["shortcuts"]
    table = shortcuts.table
    metrics = table.fontMetrics()
    widest_keys = max(metrics.horizontalAdvance(table.item(r, 1).text()) for r in range(table.rowCount()))
    assert table.columnWidth(1) >= widest_keys
    w.undo.setClean()
    assert found == [], "\n".join(found)
