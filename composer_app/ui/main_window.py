"""The main window: menus, toolbar, piano roll, Continue dock, status bar, files."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QByteArray, QThreadPool, QTimer
from PySide6.QtGui import QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSpinBox,
    QToolBar,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from composer_app.core.errors import ComposerError
from composer_app.core.keys import detect_key
from composer_app.core.melody import Melody
from composer_app.core.timing import GRIDS
from composer_app.engine.generate import ContinueOptions, GenerationCancelled
from composer_app.engine.model import LoadedModel
from composer_app.session.session import Session
from composer_app.ui.actions import build_actions
from composer_app.ui.continue_panel import ContinuePanel
from composer_app.ui.document_files import DocumentFiles
from composer_app.ui.live_controls import LiveControls
from composer_app.ui.midi_mime import midi_paths_in
from composer_app.ui.model_choice import ModelChoice
from composer_app.ui.piano_roll import PianoRollView
from composer_app.ui.project_io import project_of
from composer_app.ui.safekeeping import Safekeeping
from composer_app.ui.settings import app_settings, provider_setting, recent_files
from composer_app.ui.undo import UndoStackHistory
from composer_app.ui.workers import Generation, ModelLoader, pool_executor

METERS = ((4, 4), (3, 4), (2, 4), (2, 2), (6, 8), (3, 8), (9, 8), (12, 8), (5, 4), (6, 4))


class MainWindow(QMainWindow):
    """One melody document with its undo stack, the piano roll and the Continue panel."""

    def __init__(self, melody: Melody | None = None, load_model_in_background: bool = True, model_path=None) -> None:
        super().__init__()
        self.settings = app_settings()
        self.session = Session(melody if melody is not None else Melody())
        self.model: LoadedModel | None = None
        self.model_error: str | None = None
        self.worker: Generation | None = None
        self._tasks: list = []  # running pool tasks (their signals must outlive the call that started them)
        self.last_options: ContinueOptions | None = None
        self.last_generation_ms: float | None = None
        self.pool = QThreadPool.globalInstance()
        self.undo = QUndoStack(self)
        self.session.history = UndoStackHistory(self.session, self.undo)
        self.safekeeping = Safekeeping(self)
        self.roll = PianoRollView(self.session)
        self.hint = QLabel(self.tr("Play a phrase on your MIDI keyboard or draw notes (Draw tool, key 2), "
                                   "then press Continue (Ctrl+Enter)."))
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
        self.actions = build_actions(self)
        self.files = DocumentFiles(self)
        self.live = LiveControls(self)
        self.panel = ContinuePanel(self.files.variation_mime)
        self.addDockWidget(self._dock_area(), self.panel)
        self.models = ModelChoice(self)
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._connect()
        self.setAcceptDrops(True)
        self.resize(1280, 760)
        self._restore_settings()
        self._update_title()
        self._update_variation_actions()
        self._on_melody_changed()
        self.live.start_sound()
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

    @staticmethod
    def _dock_area():
        from PySide6.QtCore import Qt

        return Qt.DockWidgetArea.RightDockWidgetArea

    # -- construction --------------------------------------------------------------------
    def _build_menus(self) -> None:
        a = self.actions
        bar = self.menuBar()
        m = bar.addMenu(self.tr("&File"))
        for name in ("new", "open"):
            m.addAction(a[name])
        self.recent_menu = m.addMenu(self.tr("Open &Recent"))
        for name in ("save", "save_as"):
            m.addAction(a[name])
        m.addSeparator()
        for name in ("export_melody", "export_selection", "export_variation", "export_wav", "copy_midi"):
            m.addAction(a[name])
        m.addSeparator()
        m.addAction(a["preferences"])
        m.addSeparator()
        m.addAction(a["quit"])
        m = bar.addMenu(self.tr("&Edit"))
        for name in ("undo", "redo"):
            m.addAction(a[name])
        history = m.addMenu(self.tr("Undo &History"))
        self.undo_view: QUndoView | None = None
        history_action = history.addAction(self.tr("Show History..."))
        history_action.triggered.connect(self.show_history)
        m.addSeparator()
        for name in ("cut", "copy", "paste", "delete", "duplicate", "select_all"):
            m.addAction(a[name])
        m.addSeparator()
        for name in ("transpose_up", "transpose_down", "octave_up", "octave_down", "quantize"):
            m.addAction(a[name])
        m = bar.addMenu(self.tr("&View"))
        for name in ("zoom_in", "zoom_out"):
            m.addAction(a[name])
        m.addAction(self.panel.toggleViewAction())
        m = bar.addMenu(self.tr("&Tools"))
        self.tool_group = QActionGroup(self)
        for name in ("tool_select", "tool_draw", "tool_erase"):
            self.tool_group.addAction(a[name])
            m.addAction(a[name])
        a["tool_select"].setChecked(True)
        m.addSeparator()
        m.addAction(a["train"])
        m.addAction(a["models"])
        m = bar.addMenu(self.tr("&Generate"))
        for name in ("continue", "again", "next_variation", "previous_variation", "accept_variation", "discard_variations"):
            m.addAction(a[name])
        m = bar.addMenu(self.tr("&Play"))
        m.addAction(a["play"])
        m.addAction(a["record"])
        m.addAction(a["jam"])
        m = bar.addMenu(self.tr("&Help"))
        m.addAction(a["shortcuts"])
        m.addAction(a["about"])
        self.addActions(list(a.values()))  # shortcuts work wherever the focus is in the window

    def _build_toolbar(self) -> None:
        tb = QToolBar(self.tr("Main"))
        tb.setObjectName("main_toolbar")
        a = self.actions
        for name in ("new", "open", "save", None, "undo", "redo", None, "tool_select", "tool_draw", "tool_erase", None,
                     "play", "record", "continue"):
            if name is None:
                tb.addSeparator()
            else:
                tb.addAction(a[name])
        tb.addSeparator()
        tb.addWidget(QLabel(self.tr(" Grid ")))
        self.grid_box = QComboBox()
        for g in GRIDS:
            self.grid_box.addItem(g, g)
        self.grid_box.setCurrentText("1/16")
        self.grid_box.setToolTip(self.tr("Snap grid (hold Alt while dragging to snap off)"))
        tb.addWidget(self.grid_box)
        tb.addSeparator()
        tb.addWidget(QLabel(self.tr(" Tempo ")))
        self.tempo_box = QSpinBox()
        self.tempo_box.setRange(20, 300)
        self.tempo_box.setSuffix(" BPM")
        self.tempo_box.setToolTip(self.tr("Tempo of the piece, in quarter notes per minute"))
        tb.addWidget(self.tempo_box)
        tb.addWidget(QLabel(self.tr(" Time ")))
        self.meter_box = QComboBox()
        for num, den in METERS:
            self.meter_box.addItem(f"{num}/{den}", f"{num}/{den}")
        self.meter_box.setToolTip(self.tr("Time signature of the piece"))
        tb.addWidget(self.meter_box)
        self.addToolBar(tb)

    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self.midi_label = QLabel(self.tr("MIDI: no devices"))
        self.model_label = QLabel(self.tr("Model: loading..."))
        self.generation_label = QLabel("")
        self.key_label = QLabel("")
        for w in (self.key_label, self.generation_label, self.model_label, self.midi_label):
            sb.addPermanentWidget(w)

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
        self.undo.cleanChanged.connect(self._clean_changed)  # a method: dropped with the window (a lambda is not)
        self.undo.cleanChanged.connect(self._update_hint)
        a["cut"].triggered.connect(r.cut_selection)
        a["copy"].triggered.connect(r.copy_selection)
        a["paste"].triggered.connect(lambda: r.paste())
        a["delete"].triggered.connect(r.delete_selection)
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
        a["record"].triggered.connect(self.live.toggle_record)
        a["jam"].toggled.connect(self.live.toggle_jam)
        a["continue"].triggered.connect(self.start_continue)
        a["again"].triggered.connect(self.again)
        a["next_variation"].triggered.connect(lambda: self.cycle_variation(1))
        a["previous_variation"].triggered.connect(lambda: self.cycle_variation(-1))
        a["accept_variation"].triggered.connect(self.accept_variation)
        a["discard_variations"].triggered.connect(self.discard_variations)
        a["about"].triggered.connect(self.show_about)
        a["shortcuts"].triggered.connect(self.show_shortcuts)
        self.grid_box.currentTextChanged.connect(self._set_grid)
        self.tempo_box.valueChanged.connect(self._set_tempo)
        self.meter_box.currentIndexChanged.connect(self._set_time_signature)
        self.panel.continue_requested.connect(self.start_continue)
        self.panel.again_requested.connect(self.again)
        self.panel.accept_requested.connect(self.accept_variation)
        self.panel.discard_requested.connect(self.discard_variations)
        self.panel.cancel_requested.connect(self.cancel_continue)
        self.panel.variation_chosen.connect(self.choose_variation)
        self.roll.state.ghosts_changed.connect(self._update_variation_actions)
        self.session.variations.events.changed.connect(self._show_variation_list)
        self.session.variations.events.index.connect(self.panel.show_variation)
        self.session.events.edited.connect(self._on_melody_changed)
        self.session.events.edited.connect(self.safekeeping.document_changed)
        self.session.events.document.connect(self.safekeeping.document_changed)

    # -- the document's safety -----------------------------------------------------------
    def is_dirty(self) -> bool:
        return not self.undo.isClean()

    def current_project(self):
        return project_of(self)

    # -- the document ----------------------------------------------------------------------
    def _clean_changed(self, _clean: bool) -> None:
        self._update_title()

    def _update_title(self) -> None:
        name = (self.path or self.imported_from).name if (self.path or self.imported_from) else self.tr("Untitled")
        self.setWindowTitle(f"{name}[*] - composer-app")
        self.setWindowModified(not self.undo.isClean())

    def open_example(self) -> None:
        """First run: an example seed to continue right away (a clean document, not saved anywhere)."""
        from composer_app.core.midifile import load_melody
        from composer_app.ui.app import resources_dir

        try:
            melody = load_melody(resources_dir() / "seeds" / "example-seed.mid")
        except ComposerError:
            return  # a missing example is no reason to bother the student
        self.set_document(melody, None)
        self.showing_example = True
        self._on_melody_changed()

    def _update_hint(self, *_args) -> None:
        self.hint.setVisible(len(self.melody) == 0 or (self.showing_example and self.undo.isClean()))

    def _on_melody_changed(self, *_args) -> None:
        self._update_hint()
        if getattr(self.live, "player", None) is not None:
            self.player.document_changed(self.melody)
        if hasattr(self, "tempo_box"):
            self.show_meter()
        estimate = detect_key(self.melody) if len(self.melody) >= 3 else None
        self.roll.state.set_key(estimate.key if estimate else None)
        self.panel.set_detected_key(estimate.key if estimate else None)
        self.key_label.setText(self.tr("Key: %1").replace("%1", estimate.key.name) if estimate else "")

    def set_document(self, melody: Melody, path: Path | None, imported_from: Path | None = None) -> None:
        self.showing_example = False
        self.safekeeping.new_document()
        self.undo.clear()
        self.session.replace_document(melody, path, imported_from)  # the views follow its event
        self._on_melody_changed()
        self._update_title()

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
        self._fill_recent_menu()

    def _save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("grid", self.roll.state.grid)
        self.settings.setValue("continue/settings", json.dumps(self.panel.settings()))
        self.settings.sync()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = recent_files(self.settings)
        for f in files:
            action = self.recent_menu.addAction(Path(f).name)
            action.setToolTip(f)
            action.triggered.connect(lambda _=False, f=f: self.files.open_file(f))
        self.recent_menu.setEnabled(bool(files))

    def _set_tempo(self, bpm: int) -> None:
        self.session.do(self.session.set_tempo(bpm, self.tr("Tempo %1").replace("%1", str(bpm))))

    def _set_time_signature(self, index: int) -> None:
        num, den = (int(x) for x in str(self.meter_box.itemData(index)).split("/"))
        self.session.do(self.session.set_time_signature(
            num, den, self.tr("Time signature %1").replace("%1", f"{num}/{den}")))

    def show_meter(self) -> None:
        """Show the document's tempo and time signature in the toolbar (without making an undo step)."""
        for box in (self.tempo_box, self.meter_box):
            box.blockSignals(True)
        self.tempo_box.setValue(round(self.melody.bpm))
        ts = str(self.melody.time_signature)
        i = self.meter_box.findData(ts)
        if i < 0:
            self.meter_box.addItem(ts, ts)
            i = self.meter_box.count() - 1
        self.meter_box.setCurrentIndex(i)
        for box in (self.tempo_box, self.meter_box):
            box.blockSignals(False)

    def _set_grid(self, grid: str) -> None:
        self.roll.state.set_grid(grid)

    # -- model and generation ------------------------------------------------------------
    def load_model(self, path=None) -> None:
        """Load a model in the background (the bundled one for None); only the latest request is used."""
        loader = ModelLoader(path, provider_setting(self.settings))
        self._model_request = request = getattr(self, "_model_request", 0) + 1
        loader.signals.finished.connect(lambda c: self._loaded(c) if request == self._model_request else None)
        loader.signals.failed.connect(lambda e: self.set_model_error(e) if request == self._model_request else None)
        self._loaders = [loader]  # keep its signals alive until it reports
        self.panel.set_model_status(self.tr("Loading the model..."), False)
        self.pool.start(loader)

    def _loaded(self, choice) -> None:
        self.set_model(choice.model)
        self.model_label.setToolTip(choice.reason)
        notice, self.model_notice = getattr(self, "model_notice", ""), ""
        where = self.tr("Generating on %1").replace("%1", choice.reason)
        self.statusBar().showMessage(f"{notice} {where}" if notice else where, 10000)

    def set_model(self, model: LoadedModel) -> None:
        self.model, self.model_error = model, None
        provider = model.provider.replace("ExecutionProvider", "")
        self.model_label.setText(self.tr("Model: %1 (%2)").replace("%1", model.name).replace("%2", provider))
        self.panel.set_model_status(self.tr("%1 on %2").replace("%1", model.name).replace("%2", provider), True)
        self.panel.set_styles(model.styles)

    def set_model_error(self, message: str) -> None:
        self.model, self.model_error = None, message
        self.model_label.setText(self.tr("Model: unavailable"))
        self.panel.set_model_status(self.tr("Generation is unavailable: %1").replace("%1", message), False)

    def _selection_range(self) -> tuple[int, int] | None:
        notes = self.roll.selection_notes()
        return (min(n.tick for n in notes), max(n.end for n in notes)) if notes else None

    def start_continue(self, options: ContinueOptions | None = None) -> bool:
        if self.worker is not None:
            return False
        if self.model is None:
            QMessageBox.information(self, self.tr("Generation unavailable"),
                                    self.model_error or self.tr("The model is still loading."))
            return False
        options = options or self.panel.options(self._selection_range())
        self.last_options = options
        self.worker = Generation()
        self.worker.signals.progress.connect(lambda f: self.panel.progress.setValue(int(f * 100)))
        self.panel.set_busy(True)
        self.session.continue_melody(self.model, options, run=pool_executor(self.pool, self._tasks),
                                     on_done=self._continue_done, on_failed=self._continue_error,
                                     progress=self.worker.signals.progress.emit, cancel=self.worker.cancel_event)
        return True

    def again(self) -> bool:
        """Generate anew with the panel's current settings, from where the last Continue started."""
        options = self.panel.options(self._selection_range())
        if self.last_options is not None:
            options.region, options.start_tick = self.last_options.region, self.last_options.start_tick
        options.seed = None
        return self.start_continue(options)

    def cancel_continue(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def _finish_worker(self) -> None:
        self.worker = None
        self.panel.set_busy(False)

    def _continue_done(self, result) -> None:
        self._finish_worker()
        self.last_generation_ms = result.seconds * 1000
        self.generation_label.setText(self.tr("Last generation: %1 ms").replace("%1", f"{self.last_generation_ms:.1f}"))
        self.roll._update_scrollbars()
        self.roll.reveal(result.start_tick)
        self.live.audition_variation()

    def _continue_error(self, error: Exception) -> None:
        if isinstance(error, GenerationCancelled):
            self._continue_cancelled()
        else:
            self._continue_failed(str(error))

    def _continue_failed(self, message: str) -> None:
        self._finish_worker()
        QMessageBox.warning(self, self.tr("Generation failed"), message)

    def _continue_cancelled(self) -> None:
        self._finish_worker()
        self.statusBar().showMessage(self.tr("Generation cancelled"), 3000)

    def _update_variation_actions(self) -> None:
        has = bool(self.roll.state.ghosts)
        for name in ("next_variation", "previous_variation", "accept_variation", "discard_variations",
                     "export_variation"):
            self.actions[name].setEnabled(has)
        self.actions["again"].setEnabled(self.last_options is not None or has)

    def cycle_variation(self, step: int) -> None:
        self.session.variations.cycle(step)
        self.live.audition_variation()

    def choose_variation(self, index: int) -> None:
        if 0 <= index < len(self.session.variations):
            self.session.variations.choose(index)
            self.live.audition_variation()

    def _show_variation_list(self) -> None:
        v = self.session.variations
        self.panel.set_variations(v.items)
        if v:
            self.panel.show_variation(v.index)

    def accept_variation(self) -> bool:
        """The shown variation replaces what the document has in its bars (one undo step; undo brings the
        variations back)."""
        label = self.tr("Accept variation %1").replace("%1", str(self.session.variations.index + 1))
        return self.session.do(self.session.accept(label))

    def discard_variations(self) -> None:
        self.session.variations.clear()

    # -- dialogs -------------------------------------------------------------------------
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
        from composer_app.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self, self.midi.hub)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.live.apply_sound_settings()
            self.live.start_midi()

    def show_about(self) -> None:
        from composer_app.ui.help import about_text

        QMessageBox.about(self, self.tr("About composer-app"),
                          about_text(self.model.name if self.model is not None else None))

    def show_shortcuts(self) -> None:
        from composer_app.ui.help import ShortcutsDialog

        ShortcutsDialog(self.actions, self).exec()

    # -- closing -------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.models.may_close() or not self.files.maybe_save():
            event.ignore()
            return
        self.cancel_continue()
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

