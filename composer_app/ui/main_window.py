"""The main window: menus, toolbar, piano roll, Continue dock, status bar, files."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QThreadPool, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QMenu, QMessageBox, QUndoView, QVBoxLayout, QWidget

from composer_app.core.errors import ComposerError
from composer_app.core.keys import melody_key
from composer_app.core.melody import Melody
from composer_app.core.note_names import key_name
from composer_app.core.timing import GRIDS
from composer_app.engine.model import LoadedModel
from composer_app.session.session import Session
from composer_app.ui.actions import build_actions, keys_of
from composer_app.ui.chords import ChordControls
from composer_app.ui.document_files import DocumentFiles
from composer_app.ui.generation import GenerationControls
from composer_app.ui.live.live_controls import LiveControls
from composer_app.ui.menus import MainToolbar, build_menus
from composer_app.ui.midi_mime import midi_paths_in
from composer_app.ui.model_choice import ModelChoice
from composer_app.ui.panels.continue_panel import ContinuePanel
from composer_app.ui.project_io import project_of
from composer_app.ui.roll.piano_roll import PianoRollView
from composer_app.ui.safekeeping import Safekeeping
from composer_app.ui.settings import app_settings, recent_files
from composer_app.ui.status_bar import StatusBar
from composer_app.ui.undo import UndoStackHistory


class MainWindow(QMainWindow):
    """One melody document with its undo stack, the piano roll and the Continue panel."""

    def __init__(self, melody: Melody | None = None, load_model_in_background: bool = True, model_path=None) -> None:
        super().__init__()
        self.settings = app_settings()
        self.session = Session(melody if melody is not None else Melody())
        self.pool = QThreadPool.globalInstance()
        self.undo = QUndoStack(self)
        self.session.history = UndoStackHistory(self.session, self.undo)
        self.safekeeping = Safekeeping(self)
        self.roll = PianoRollView(self.session)
        self.hint = QLabel()
        self.hint.setObjectName("first_steps_hint")
        self.hint.setStyleSheet("QLabel#first_steps_hint { padding: 6px 10px; background: palette(tool-tip-base); "
                                "color: palette(tool-tip-text); }")
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.hint)
        column.addWidget(self.roll, 1)
        self.setCentralWidget(central)
        self.showing_example = False
        self.painted = False
        self.actions = build_actions(self)
        self.files = DocumentFiles(self)
        self.live = LiveControls(self)
        self.panel = ContinuePanel(self.files.variation_mime)
        self.panel.name_keys({name: keys_of(a) for name, a in self.actions.items()})
        self.hint.setText(self.tr("Play a phrase on your MIDI keyboard or draw notes (Draw tool, key 2), then press "
                                  "Continue (%1).").replace("%1", keys_of(self.actions["continue"])))
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
        self.recent_menu, history, self.tool_group = build_menus(self.menuBar(), self.actions,
                                                                  self.panel.toggleViewAction())
        history.triggered.connect(self.show_history)
        self.undo_view: QUndoView | None = None
        self.addActions(list(self.actions.values()))  # shortcuts work wherever the focus is in the window
        self.toolbar = MainToolbar(self.actions)
        self.addToolBar(self.toolbar)
        self.tempo_box, self.meter_box, self.grid_box = self.toolbar.tempo_box, self.toolbar.meter_box, self.toolbar.grid_box
        self._build_status_bar()
        self.models = ModelChoice(self, self.settings, self.panel, self.model_label, self.show_message, self.pool)
        self.generation = GenerationControls(self, self.session, self.panel, self.roll, self.models, self.actions,
                                             self.generation_label, self.show_message,
                                             lambda: self.live.audition_variation(), self.pool)
        self.chord_controls = ChordControls(self, self.actions)
        menus = self.menuBar().actions()
        self.menuBar().insertMenu(menus[5] if len(menus) > 5 else None, self.chord_controls.menu(QMenu(self)))
        self._connect()
        self.setAcceptDrops(True)
        self.resize(1280, 760)
        self._restore_settings()
        self.update_title()
        self.generation.update_actions()
        self.melody_changed()
        self.live.start_sound()
        self.chord_controls.attach_player()
        if load_model_in_background:
            QTimer.singleShot(0, lambda: self.models.start(model_path))

    # -- the session's document, as the rest of the window reads it ------------------------
    @property
    def sound(self):
        return self.live.sound

    @property
    def midi(self):
        return self.live.midi

    @property
    def player(self):
        return self.live.player

    @property
    def melody(self) -> Melody:
        return self.session.melody

    @property
    def path(self) -> Path | None:
        return self.session.path

    @path.setter
    def path(self, path: Path | None) -> None:
        self.session.path = path

    @property
    def imported_from(self) -> Path | None:
        return self.session.imported_from

    @property
    def accepted(self) -> list[dict]:
        return self.session.accepted

    @property
    def ghost_range(self) -> tuple[int, int] | None:
        return self.session.variations.span

    @property
    def model(self) -> LoadedModel | None:
        return self.models.model

    @property
    def worker(self):
        return self.generation.worker

    def start_continue(self, options=None) -> bool:
        return self.generation.start(options)

    def accept_variation(self) -> bool:
        return self.generation.accept()

    def show_message(self, text: str, ms: int = 5000) -> None:
        self.statusBar().showMessage(text, ms)

    # -- construction --------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        sb = StatusBar(self)
        self.setStatusBar(sb)
        self.midi_label = QLabel(self.tr("MIDI: no devices"))
        self.model_label = QLabel(self.tr("Model: loading..."))
        self.generation_label = QLabel("")
        self.key_label = QLabel("")
        for w in (self.key_label, self.generation_label, self.model_label, self.midi_label):
            sb.add_field(w)

    def _connect(self) -> None:
        a, r = self.actions, self.roll
        a["new"].triggered.connect(self.files.new_document)
        a["open"].triggered.connect(self.files.open_dialog)
        a["save"].triggered.connect(self.files.save)
        a["save_as"].triggered.connect(self.files.save_as)
        a["export_melody"].triggered.connect(lambda: self.files.export_dialog("melody"))
        a["export_selection"].triggered.connect(lambda: self.files.export_dialog("selection"))
        a["export_variation"].triggered.connect(lambda: self.files.export_dialog("variation"))
        a["export_wav"].triggered.connect(self.files.export_wav_dialog)
        a["copy_midi"].triggered.connect(self.files.copy_as_midi_file)
        a["preferences"].triggered.connect(self.show_preferences)
        a["train"].triggered.connect(self.models.show_train_dialog)
        a["models"].triggered.connect(self.models.show_models)
        a["quit"].triggered.connect(self.close)
        a["undo"].triggered.connect(self.undo.undo)
        a["redo"].triggered.connect(self.undo.redo)
        self.undo.canUndoChanged.connect(a["undo"].setEnabled)
        self.undo.canRedoChanged.connect(a["redo"].setEnabled)
        a["undo"].setEnabled(False)
        a["redo"].setEnabled(False)
        self.undo.cleanChanged.connect(self.update_title)  # a method: dropped with the window (a lambda is not)
        self.undo.cleanChanged.connect(self._update_hint)
        a["cut"].triggered.connect(r.cut_selection)
        a["copy"].triggered.connect(r.copy_selection)
        a["paste"].triggered.connect(lambda: r.paste())
        a["delete"].triggered.connect(lambda: r.chords.delete_selected() if r.chords.hasFocus() else r.delete_selection())
        r.chords.problem.connect(lambda text: self.show_message(text, 8000))
        a["duplicate"].triggered.connect(r.duplicate_selection)
        a["select_all"].triggered.connect(r.select_all)
        a["transpose_up"].triggered.connect(lambda: r.transpose_selection(1))
        a["transpose_down"].triggered.connect(lambda: r.transpose_selection(-1))
        a["octave_up"].triggered.connect(lambda: r.transpose_selection(12))
        a["octave_down"].triggered.connect(lambda: r.transpose_selection(-12))
        a["quantize"].triggered.connect(r.quantize_selection)
        a["zoom_in"].triggered.connect(lambda: r.zoom(1.25))
        a["zoom_out"].triggered.connect(lambda: r.zoom(0.8))
        a["tool_select"].triggered.connect(lambda: r.state.set_tool("select"))
        a["tool_draw"].triggered.connect(lambda: r.state.set_tool("draw"))
        a["tool_erase"].triggered.connect(lambda: r.state.set_tool("erase"))
        a["play"].triggered.connect(self.live.toggle_play)
        a["go_start"].triggered.connect(lambda: self.live.go_to(0))
        a["go_end"].triggered.connect(lambda: self.live.go_to(self.melody.end_tick))
        a["record"].triggered.connect(self.live.toggle_record)
        a["record_microphone"].triggered.connect(self.live.record_microphone)
        a["jam"].toggled.connect(self.live.toggle_jam)
        a["computer_keys"].toggled.connect(self.live.toggle_computer_keys)
        self.roll.state.key_down.connect(lambda pitch, velocity: self.midi.play_key(pitch, velocity))
        self.roll.state.key_up.connect(lambda pitch: self.midi.release_key(pitch))
        g = self.generation
        a["continue"].triggered.connect(lambda: g.start())
        a["again"].triggered.connect(g.again)
        a["fill"].triggered.connect(g.fill)
        a["regenerate"].triggered.connect(g.regenerate)
        a["intro"].triggered.connect(self.ask_intro)
        a["next_variation"].triggered.connect(lambda: g.cycle(1))
        a["previous_variation"].triggered.connect(lambda: g.cycle(-1))
        a["accept_variation"].triggered.connect(g.accept)
        a["discard_variations"].triggered.connect(g.discard)
        a["about"].triggered.connect(self.show_about)
        a["shortcuts"].triggered.connect(self.show_shortcuts)
        self.panel.done_choosing.connect(lambda: self.roll.canvas.setFocus())
        self.panel.notice.connect(lambda text: self.show_message(text, 8000))
        self.toolbar.grid_chosen.connect(self.roll.state.set_grid)
        self.toolbar.tempo_chosen.connect(self._set_tempo)
        self.toolbar.time_signature_chosen.connect(self._set_time_signature)
        self.session.events.edited.connect(self.melody_changed)
        self.session.events.edited.connect(self.safekeeping.document_changed)
        self.session.events.document.connect(self.safekeeping.document_changed)

    # -- the document's safety -----------------------------------------------------------
    def is_dirty(self) -> bool:
        return not self.undo.isClean()

    def current_project(self):
        return project_of(self)

    # -- the document ----------------------------------------------------------------------
    def update_title(self, *_args) -> None:
        name = (self.path or self.imported_from).name if (self.path or self.imported_from) else self.tr("Untitled")
        self.setWindowTitle(f"{name}[*]")  # Qt adds " — " and the app's name (in the app's language)
        self.setWindowModified(not self.undo.isClean())

    def open_example(self) -> None:
        """First run: an example seed to continue right away (a clean document, not saved anywhere)."""
        from composer_app.core.midifile import load_melody
        from composer_app.paths import resources_dir

        try:
            melody = load_melody(resources_dir() / "seeds" / "example-seed.mid")
        except ComposerError:
            return  # a missing example is no reason to bother the student
        self.set_document(melody, None)
        self.showing_example = True
        self.melody_changed()

    def _update_hint(self, *_args) -> None:
        self.hint.setVisible(len(self.melody) == 0 or (self.showing_example and self.undo.isClean()))

    def melody_changed(self, *_args) -> None:
        self._update_hint()
        if getattr(self.live, "player", None) is not None:
            self.player.document_changed(self.melody)
        if hasattr(self, "toolbar"):
            self.toolbar.show_meter(self.melody)
        key, from_file = melody_key(self.melody)
        self.roll.state.set_key(key)
        self.panel.set_detected_key(key, from_file)
        self.key_label.setText(self.tr("Key: %1").replace("%1", key_name(key)) if key else "")

    def set_document(self, melody: Melody, path: Path | None, imported_from: Path | None = None) -> None:
        self.showing_example = False
        self.safekeeping.new_document()
        self.undo.clear()
        self.session.replace_document(melody, path, imported_from)  # the views follow its event
        self.melody_changed()
        self.update_title()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if midi_paths_in(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = midi_paths_in(event.mimeData())
        if paths and self.files.maybe_save():
            event.acceptProposedAction()
            self.files.open_file(paths[0])

    # -- settings ------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        try:
            remembered = json.loads(str(self.settings.value("continue/settings", "{}")))
        except ValueError:
            remembered = {}
        if isinstance(remembered, dict):
            self.panel.apply_settings(remembered)
        grid = self.settings.value("grid", "1/16")
        if grid in GRIDS:
            self.grid_box.setCurrentText(str(grid))
        self.fill_recent_menu()

    def _save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("grid", self.roll.state.grid)
        self.settings.setValue("continue/settings", json.dumps(self.panel.settings()))
        self.settings.sync()

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = recent_files(self.settings)
        for f in files:
            action = self.recent_menu.addAction(Path(f).name)
            action.setToolTip(f)
            action.triggered.connect(lambda _=False, f=f: self.files.open_file(f))
        self.recent_menu.setEnabled(bool(files))

    def _set_tempo(self, bpm: int) -> None:
        self.session.do(self.session.set_tempo(bpm, self.tr("Tempo %1").replace("%1", str(bpm))))

    def _set_time_signature(self, num: int, den: int) -> None:
        self.session.do(self.session.set_time_signature(
            num, den, self.tr("Time signature %1").replace("%1", f"{num}/{den}")))

    # -- dialogs -------------------------------------------------------------------------
    def ask_intro(self) -> bool:
        from composer_app.ui.dialogs.ask import ask_number

        bars = ask_number(self, self.tr("Write an Intro"), self.tr("Bars before the first note:"), 1, 1, 8)
        return bars is not None and self.generation.intro(bars)

    def show_history(self) -> None:
        if self.undo_view is None:
            from PySide6.QtCore import Qt

            self.undo_view = QUndoView(self.undo, self)
            self.undo_view.setWindowFlag(Qt.WindowType.Tool, True)
            self.undo_view.setEmptyLabel(self.tr("<original>"))
        self.undo_view.setWindowTitle(self.tr("Undo History"))
        self.undo_view.resize(320, 400)
        self.undo_view.show()
        self.undo_view.raise_()

    def show_preferences(self) -> None:
        from composer_app.ui.dialogs.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self, self.midi.hub)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.live.apply_sound_settings()
            self.live.start_midi()

    def show_about(self) -> None:
        from composer_app.ui.dialogs.help import about_text

        QMessageBox.about(self, self.tr("About composer-app"),
                          about_text(self.models.model_name(self.model) if self.model is not None else None))

    def show_shortcuts(self) -> None:
        from composer_app.ui.dialogs.help import ShortcutsDialog

        ShortcutsDialog(self.actions, self).exec()

    def paintEvent(self, event) -> None:  # noqa: N802
        self.painted = True  # drawn at least once (what --start-check waits for)
        super().paintEvent(event)

    # -- closing -------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.models.may_close() or not self.files.maybe_save():
            event.ignore()
            return
        self.generation.cancel()
        self.models.close()
        if self.midi.recording:
            self.midi.stop_recording()
        self.player.stop()
        self.midi.close()
        self.sound.close()
        self._save_settings()
        self.safekeeping.work_is_safe()  # saved, or the student chose to discard
        self.safekeeping.close()
        event.accept()

