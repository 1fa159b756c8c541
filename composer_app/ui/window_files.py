"""The window's file side: open (with the track chooser), save, export, drag and drop, clipboard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from composer_app.core.errors import ComposerError
from composer_app.core.keys import detect_key
from composer_app.core.melody import Melody
from composer_app.core.midifile import read_midi, write_midi
from composer_app.ui.midi_mime import midi_mime_data, midi_paths_in, set_clipboard
from composer_app.ui.settings import add_recent_file
from composer_app.ui.track_chooser import TrackChooser


class FileActions:
    """Mixed into MainWindow: everything that reads or writes files or hands MIDI to other programs."""

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

