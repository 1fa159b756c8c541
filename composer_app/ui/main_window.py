"""The main window: menus, toolbar, piano roll, Continue dock, status bar, files."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QThreadPool, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QToolBar,
    QUndoView,
)

from composer_app.core.errors import ComposerError
from composer_app.core.keys import detect_key
from composer_app.core.melody import Melody
from composer_app.core.midifile import read_midi, write_midi
from composer_app.core.timing import GRIDS
from composer_app.engine.generate import ContinueOptions
from composer_app.engine.model import LoadedModel
from composer_app.ui.actions import build_actions
from composer_app.ui.commands import NoteEdit, add_notes
from composer_app.ui.continue_panel import ContinuePanel
from composer_app.ui.midi_mime import midi_mime_data, midi_paths_in, set_clipboard
from composer_app.ui.piano_roll import PianoRollView
from composer_app.ui.settings import add_recent_file, app_settings, recent_files
from composer_app.ui.track_chooser import TrackChooser
from composer_app.ui.workers import ContinueWorker, ModelLoader


class MainWindow(QMainWindow):
    """One melody document with its undo stack, the piano roll and the Continue panel."""

    def __init__(self, melody: Melody | None = None, load_model_in_background: bool = True, model_path=None) -> None:
        super().__init__()
        self.settings = app_settings()
        self.melody = melody if melody is not None else Melody()
        self.path: Path | None = None
        self.imported_from: Path | None = None
        self.model: LoadedModel | None = None
        self.model_error: str | None = None
        self.worker: ContinueWorker | None = None
        self.last_options: ContinueOptions | None = None
        self.last_generation_ms: float | None = None
        self.pool = QThreadPool.globalInstance()
        self.undo = QUndoStack(self)
        self.roll = PianoRollView(self.melody, self.undo)
        self.setCentralWidget(self.roll)
        self.actions = build_actions(self)
        self.panel = ContinuePanel(self.variation_mime)
        self.addDockWidget(self._dock_area(), self.panel)
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
        self._start_sound()
        if load_model_in_background:
            QTimer.singleShot(0, lambda: self.load_model(model_path))

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
        m = bar.addMenu(self.tr("&Generate"))
        for name in ("continue", "again", "next_variation", "previous_variation", "accept_variation", "discard_variations"):
            m.addAction(a[name])
        m = bar.addMenu(self.tr("&Play"))
        m.addAction(a["play"])
        m.addAction(a["record"])
        m.addAction(a["jam"])
        m = bar.addMenu(self.tr("&Help"))
        m.addAction(a["about"])
        for action in a.values():
            if action not in self.findChildren(QAction):
                self.addAction(action)
            else:
                self.addAction(action)

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
        a["new"].triggered.connect(self.new_document)
        a["open"].triggered.connect(self.open_dialog)
        a["save"].triggered.connect(self.save)
        a["save_as"].triggered.connect(self.save_as)
        a["export_melody"].triggered.connect(lambda: self.export_dialog("melody"))
        a["export_selection"].triggered.connect(lambda: self.export_dialog("selection"))
        a["export_variation"].triggered.connect(lambda: self.export_dialog("variation"))
        a["export_wav"].triggered.connect(self.export_wav_dialog)
        a["copy_midi"].triggered.connect(self.copy_as_midi_file)
        a["preferences"].triggered.connect(self.show_preferences)
        a["quit"].triggered.connect(self.close)
        a["undo"].triggered.connect(self.undo.undo)
        a["redo"].triggered.connect(self.undo.redo)
        self.undo.canUndoChanged.connect(a["undo"].setEnabled)
        self.undo.canRedoChanged.connect(a["redo"].setEnabled)
        a["undo"].setEnabled(False)
        a["redo"].setEnabled(False)
        self.undo.cleanChanged.connect(lambda _clean: self._update_title())
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
        a["play"].triggered.connect(self.toggle_play)
        a["record"].triggered.connect(self.toggle_record)
        a["jam"].toggled.connect(self.toggle_jam)
        a["continue"].triggered.connect(self.start_continue)
        a["again"].triggered.connect(self.again)
        a["next_variation"].triggered.connect(lambda: self.cycle_variation(1))
        a["previous_variation"].triggered.connect(lambda: self.cycle_variation(-1))
        a["accept_variation"].triggered.connect(self.accept_variation)
        a["discard_variations"].triggered.connect(self.discard_variations)
        a["about"].triggered.connect(self.show_about)
        self.grid_box.currentTextChanged.connect(self._set_grid)
        self.panel.continue_requested.connect(self.start_continue)
        self.panel.again_requested.connect(self.again)
        self.panel.accept_requested.connect(self.accept_variation)
        self.panel.discard_requested.connect(self.discard_variations)
        self.panel.cancel_requested.connect(self.cancel_continue)
        self.panel.variation_chosen.connect(self.choose_variation)
        self.roll.state.ghosts_changed.connect(self._update_variation_actions)
        self.melody.subscribe(self._on_melody_changed)

    # -- settings ------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        grid = self.settings.value("grid", "1/16")
        if grid in GRIDS:
            self.grid_box.setCurrentText(str(grid))
        self._fill_recent_menu()

    def _save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("grid", self.roll.state.grid)
        self.settings.sync()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = recent_files(self.settings)
        for f in files:
            action = self.recent_menu.addAction(Path(f).name)
            action.setToolTip(f)
            action.triggered.connect(lambda _=False, f=f: self.open_file(f))
        self.recent_menu.setEnabled(bool(files))

    def _set_grid(self, grid: str) -> None:
        self.roll.state.set_grid(grid)

    # -- document ------------------------------------------------------------------------
    def _update_title(self) -> None:
        name = (self.path or self.imported_from).name if (self.path or self.imported_from) else self.tr("Untitled")
        self.setWindowTitle(f"{name}[*] - composer-app")
        self.setWindowModified(not self.undo.isClean())

    def _on_melody_changed(self, *_args) -> None:
        estimate = detect_key(self.melody) if len(self.melody) >= 3 else None
        self.roll.state.key = estimate.key if estimate else None
        self.panel.set_detected_key(estimate.key if estimate else None)
        self.key_label.setText(self.tr("Key: %1").replace("%1", estimate.key.name) if estimate else "")

    def set_document(self, melody: Melody, path: Path | None, imported_from: Path | None = None) -> None:
        self.melody.unsubscribe(self._on_melody_changed)
        self.discard_variations()
        self.melody = melody
        self.path, self.imported_from = path, imported_from
        self.undo.clear()
        self.roll.set_melody(melody)
        melody.subscribe(self._on_melody_changed)
        self._on_melody_changed()
        self._update_title()

    def maybe_save(self) -> bool:
        """Ask before losing unsaved changes; True when it is fine to go on."""
        if self.undo.isClean():
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"), self.tr("Save the changes to this melody first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_document(self) -> None:
        if self.maybe_save():
            self.set_document(Melody(), None)

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open MIDI file"), self._last_folder(),
                                              self.tr("MIDI files (*.mid *.midi);;All files (*)"))
        if path:
            self.open_file(path)

    def _last_folder(self) -> str:
        return str(self.settings.value("last_folder", str(Path.home())))

    def open_file(self, path: str | Path, part: int | None = None, ask: bool = True) -> bool:
        """Open a MIDI file (choosing a track when there are several); errors leave the current work as it is."""
        path = Path(path)
        try:
            song = read_midi(path)
            all_notes = False
            if part is None and ask and TrackChooser.needs_choice(song):
                chooser = TrackChooser(song, self)
                if chooser.exec() != QDialog.DialogCode.Accepted:
                    return False
                part, all_notes = chooser.chosen_part(), chooser.all_notes.isChecked()
            melody = song.melody(part, all_notes=all_notes)
        except ComposerError as e:
            QMessageBox.warning(self, self.tr("Cannot open file"), str(e))
            return False
        self.set_document(melody, None, imported_from=path)
        self.settings.setValue("last_folder", str(path.parent))
        add_recent_file(self.settings, str(path))
        self._fill_recent_menu()
        self.statusBar().showMessage(self.tr("Opened %1: %2 notes").replace("%1", path.name).replace("%2", str(len(melody))), 5000)
        return True

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._write(self.melody, self.path, mark_clean=True)

    def save_as(self) -> bool:
        suggestion = self.path or (self.imported_from.with_name(self.imported_from.stem + "-melody.mid")
                                   if self.imported_from else Path(self._last_folder()) / "melody.mid")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save melody"), str(suggestion),
                                              self.tr("MIDI files (*.mid)"))
        if not path:
            return False
        path = Path(path) if path.lower().endswith((".mid", ".midi")) else Path(path + ".mid")
        if self._write(self.melody, path, mark_clean=True):
            self.path = path
            add_recent_file(self.settings, str(path))
            self._fill_recent_menu()
            self._update_title()
            return True
        return False

    def _write(self, melody: Melody, path: Path, mark_clean: bool = False, variations=()) -> bool:
        try:
            write_midi(melody, path, variations)
        except ComposerError as e:
            QMessageBox.warning(self, self.tr("Cannot save file"), str(e))
            return False
        if mark_clean:
            self.undo.setClean()
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", path.name), 4000)
        return True

    def export_melody_of(self, what: str) -> Melody | None:
        if what == "melody":
            return self.melody
        if what == "selection":
            notes = self.roll.selection_notes()
            return Melody.from_notes(notes, tempos=list(self.melody.tempos), time_signature=self.melody.time_signature,
                                     key_signature=self.melody.key_signature, name="Selection") if notes else None
        ghosts = self.roll.state.ghosts
        return ghosts[self.roll.state.ghost_index] if ghosts else None

    def export_dialog(self, what: str) -> None:
        melody = self.export_melody_of(what)
        if melody is None or not len(melody):
            QMessageBox.information(self, self.tr("Nothing to export"), self.tr("There are no notes to export."))
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export MIDI"), str(Path(self._last_folder()) / f"{what}.mid"),
                                              self.tr("MIDI files (*.mid)"))
        if path:
            self._write(melody, Path(path))

    def export_wav_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export WAV"), str(Path(self._last_folder()) / "melody.wav"),
                                              self.tr("WAV audio (*.wav)"))
        if path:
            try:
                from composer_app.audio.render import write_wav

                write_wav(self.melody, Path(path))
            except (ComposerError, OSError) as e:
                QMessageBox.warning(self, self.tr("Cannot export audio"), str(e))

    # -- drag and drop, clipboard --------------------------------------------------------
    def variation_mime(self):
        ghosts = self.roll.state.ghosts
        if not ghosts:
            return None
        k = self.roll.state.ghost_index
        return midi_mime_data(ghosts[k], f"variation-{k + 1}")

    def copy_as_midi_file(self) -> bool:
        melody = self.export_melody_of("variation") if self.roll.state.ghosts else self.melody
        if melody is None:
            return False
        set_clipboard(midi_mime_data(melody, "melody" if melody is self.melody else "variation"))
        self.statusBar().showMessage(self.tr("Copied as a MIDI file"), 3000)
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if midi_paths_in(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = midi_paths_in(event.mimeData())
        if paths and self.maybe_save():
            event.acceptProposedAction()
            self.open_file(paths[0])

    # -- model and generation ------------------------------------------------------------
    def load_model(self, path=None) -> None:
        force_cpu = str(self.settings.value("force_cpu", "false")).lower() == "true"
        loader = ModelLoader(path, force_cpu)
        loader.signals.finished.connect(self.set_model)
        loader.signals.failed.connect(self.set_model_error)
        self.pool.start(loader)

    def set_model(self, model: LoadedModel) -> None:
        self.model, self.model_error = model, None
        provider = model.provider.replace("ExecutionProvider", "")
        self.model_label.setText(self.tr("Model: %1 (%2)").replace("%1", model.name).replace("%2", provider))
        self.panel.set_model_status(self.tr("%1 on %2").replace("%1", model.name).replace("%2", provider), True)

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
        self.worker = ContinueWorker(self.model, self.melody, options)
        self.worker.signals.finished.connect(self._continue_done)
        self.worker.signals.failed.connect(self._continue_failed)
        self.worker.signals.cancelled.connect(self._continue_cancelled)
        self.worker.signals.progress.connect(lambda f: self.panel.progress.setValue(int(f * 100)))
        self.panel.set_busy(True)
        self.pool.start(self.worker)
        return True

    def again(self) -> bool:
        options = self.last_options or self.panel.options(self._selection_range())
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
        self.roll.state.set_ghosts(result.variations)
        self.panel.set_variations(result.variations)
        self.roll._update_scrollbars()
        self.roll.reveal(result.start_tick)
        self.audition_variation()

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
        self.roll.state.cycle_ghost(step)
        self.panel.show_variation(self.roll.state.ghost_index)
        self.audition_variation()

    def choose_variation(self, index: int) -> None:
        if 0 <= index < len(self.roll.state.ghosts):
            self.roll.state.ghost_index = index
            self.roll.state.ghosts_changed.emit()
            self.roll.state.changed.emit()
            self.audition_variation()

    def accept_variation(self) -> bool:
        ghosts = self.roll.state.ghosts
        if not ghosts:
            return False
        chosen = ghosts[self.roll.state.ghost_index]
        command = add_notes(self.melody, [n.content() for n in chosen],
                            self.tr("Accept variation %1").replace("%1", str(self.roll.state.ghost_index + 1)))
        self.undo.push(command)
        self.discard_variations()
        self.roll.state.set_selection({n.id for n in command.after})
        return True

    def discard_variations(self) -> None:
        if self.roll.state.ghosts:
            self.roll.state.set_ghosts([])
            self.panel.set_variations([])

    # -- playback ------------------------------------------------------------------------
    def _start_sound(self) -> None:
        from composer_app.ui.midi_adapter import MidiAdapter
        from composer_app.ui.player import Player
        from composer_app.ui.sound_out import SoundOut

        self.sound = SoundOut(self)
        self.sound.unavailable.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
        QTimer.singleShot(0, self.sound.start)
        self.midi = MidiAdapter(self.roll.state, self.sound, self)
        self.midi.status_changed.connect(self.midi_label.setText)
        self.midi.message.connect(lambda msg: self.statusBar().showMessage(msg, 10000))
        self.midi.recording_changed.connect(self._on_recording_changed)
        self.midi.live_notes_changed.connect(self._show_live_notes)
        self.midi.phrase_ended.connect(self._answer_phrase)
        self.player = Player(self.roll.state, self.sound, self, midi=self.midi)
        QTimer.singleShot(0, self.start_midi)
        self.player.started.connect(lambda: self.actions["play"].setText(self.tr("&Stop")))
        self.player.stopped.connect(lambda: self.actions["play"].setText(self.tr("&Play/Stop")))

    def start_midi(self) -> None:
        """Open the MIDI system and the remembered devices (none on a fresh machine: the built-in piano)."""
        s = self.settings
        self.midi.quantize = str(s.value("midi/quantize", "off"))
        self.midi.mode = str(s.value("midi/mode", "overdub"))
        self.midi.count_in = str(s.value("midi/count_in", "true")) == "true"
        self.midi.metronome = str(s.value("midi/metronome", "true")) == "true"
        self.midi.start(str(s.value("midi/api", "")) or None, str(s.value("midi/input", "")) or None,
                        str(s.value("midi/output", "")) or None, str(s.value("midi/thru", "true")) == "true")

    def toggle_record(self) -> None:
        if self.midi.recording:
            count = self.midi.stop_recording()
            self.statusBar().showMessage(self.tr("Recorded %1 notes").replace("%1", str(count)), 5000)
        else:
            if self.midi.hub is None or not self.midi.hub.input_connected:
                self.statusBar().showMessage(self.tr("Choose a MIDI input in Preferences to record."), 8000)
                self.actions["record"].setChecked(False)
                return
            self.player.stop()
            self.midi.start_recording(self.melody, self.undo)

    def toggle_jam(self, on: bool) -> None:
        """Call and response: when the player pauses for two beats, the model answers (and shows it as a ghost)."""
        from composer_app.midi.jam import JamSettings, PhraseListener

        if not on:
            self.midi.jam_listener = None
            return
        if self.model is None or self.midi.hub is None or not self.midi.hub.input_connected:
            self.actions["jam"].setChecked(False)
            self.statusBar().showMessage(self.tr("Jam needs a MIDI input (Preferences) and the model."), 8000)
            return
        self.jam_settings = JamSettings(bars=self.panel.bars.value(), wait_beats=2.0, tempo=self.melody.bpm)
        self.midi.jam_listener = PhraseListener(self.jam_settings)
        self.statusBar().showMessage(self.tr("Jam: play a phrase, then pause for two beats."), 8000)

    def _answer_phrase(self, notes) -> None:
        from composer_app.core.timing import ticks_to_seconds
        from composer_app.midi.jam import answer_phrase

        phrase, result = answer_phrase(self.model, notes, self.jam_settings)
        answer = result.variations[0]
        if len(answer):
            first = answer.notes[0].tick
            self.player.play_melody(answer)
            length = ticks_to_seconds(answer.end_tick, answer.tempos) - ticks_to_seconds(first, answer.tempos)
            self.midi.jam_busy_until = time.perf_counter() + length  # do not answer the answer
        self.roll.state.set_ghosts([answer])
        self.panel.set_variations([answer])

    def _on_recording_changed(self, recording: bool) -> None:
        self.actions["record"].setChecked(recording)
        if not recording:
            self.roll.state.live_notes = []
            self.roll.state.changed.emit()

    def _show_live_notes(self) -> None:
        self.roll.state.live_notes = list(self.midi.live_notes)
        self.roll.state.changed.emit()

    def toggle_play(self) -> None:
        """Space: stop, or play the selection if there is one, else the melody from the playhead (or loop)."""
        if self.player.playing:
            self.player.stop()
            return
        selected = self.roll.selection_notes()
        if len(selected) > 1:
            self.player.play_melody(Melody.from_notes(selected, tempos=list(self.melody.tempos),
                                                      time_signature=self.melody.time_signature))
        else:
            self.player.play_melody(self.melody, from_playhead=True)

    def audition_variation(self) -> None:
        ghosts = self.roll.state.ghosts
        if ghosts:
            self.player.play_melody(ghosts[self.roll.state.ghost_index])

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
            self.start_midi()

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About composer-app"),
                          self.tr("composer-app continues your melodies with a small LSTM.\n"
                                  "The bundled model was trained on public-domain folk tunes and Bach chorales."))

    # -- closing -------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.maybe_save():
            event.ignore()
            return
        self.cancel_continue()
        if self.midi.recording:
            self.midi.stop_recording()
        self.player.stop()
        self.midi.close()
        self.sound.close()
        self._save_settings()
        event.accept()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)


__all__ = ["MainWindow", "NoteEdit", "time"]
