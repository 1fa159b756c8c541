"""The window's file side: open (with the track chooser), save, export, drag and drop, clipboard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from composer_app.core.errors import ComposerError
from composer_app.core.keys import detect_key
from composer_app.core.melody import Melody
from composer_app.core.midifile import read_midi, write_midi
from composer_app.core.project import SUFFIX, load_project, save_project
from composer_app.ui.midi_mime import midi_mime_data, midi_paths_in, set_clipboard
from composer_app.ui.project_io import project_of, show_project
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
        if hasattr(self, "player"):
            self.player.document_changed(self.melody)
        if hasattr(self, "tempo_box"):
            self.show_meter()
        estimate = detect_key(self.melody) if len(self.melody) >= 3 else None
        self.roll.state.set_key(estimate.key if estimate else None)
        self.panel.set_detected_key(estimate.key if estimate else None)
        self.key_label.setText(self.tr("Key: %1").replace("%1", estimate.key.name) if estimate else "")

    def set_document(self, melody: Melody, path: Path | None, imported_from: Path | None = None) -> None:
        self.safekeeping.new_document()
        self.undo.clear()
        self.session.replace_document(melody, path, imported_from)  # the views follow its event
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
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open"), self._last_folder(),
            self.tr("Projects and MIDI files (*.composer *.mid *.midi);;composer-app projects (*.composer);;"
                    "MIDI files (*.mid *.midi);;All files (*)"))
        if path:
            self.open_file(path)

    def _last_folder(self) -> str:
        return str(self.settings.value("last_folder", str(Path.home())))

    def _save_folder(self) -> Path:
        """Where Save suggests: the last folder saved into, else Documents (never where a file was imported from)."""
        from PySide6.QtCore import QStandardPaths

        folder = self.settings.value("last_save_folder", "")
        if folder and Path(str(folder)).is_dir():
            return Path(str(folder))
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def open_file(self, path: str | Path, part: int | None = None, ask: bool = True) -> bool:
        """Open a MIDI file (choosing a track when there are several); errors leave the current work as it is."""
        path = Path(path)
        if path.suffix.lower() == SUFFIX:
            return self.open_project(path)
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

    def open_project(self, path: Path) -> bool:
        try:
            project = load_project(path)
        except ComposerError as e:
            QMessageBox.warning(self, self.tr("Cannot open file"), str(e))
            return False
        show_project(self, project, path)
        self.settings.setValue("last_folder", str(path.parent))
        add_recent_file(self.settings, str(path))
        self._fill_recent_menu()
        self.statusBar().showMessage(self.tr("Opened %1: %2 notes").replace("%1", path.name)
                                     .replace("%2", str(len(project.melody))), 5000)
        return True

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._write(self.melody, self.path, mark_clean=True)

    def save_as(self) -> bool:
        stem = (self.path or self.imported_from).stem if (self.path or self.imported_from) else self.tr("melody")
        suggestion = self.path or self._save_folder() / f"{stem}{SUFFIX}"
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Save"), str(suggestion),
            self.tr("composer-app project (*.composer);;MIDI file, melody only (*.mid)"))
        if not path:
            return False
        if not path.lower().endswith((".mid", ".midi", SUFFIX)):
            path += ".mid" if "*.mid" in chosen else SUFFIX
        path = Path(path)
        if self._write(self.melody, path, mark_clean=True):
            self.path = path
            self.settings.setValue("last_save_folder", str(path.parent))
            add_recent_file(self.settings, str(path))
            self._fill_recent_menu()
            self._update_title()
            return True
        return False

    def _write(self, melody: Melody, path: Path, mark_clean: bool = False, variations=()) -> bool:
        """Save the document as a project (.composer) or any melody as MIDI; a failure keeps file and document."""
        try:
            if mark_clean and path.suffix.lower() == SUFFIX:
                save_project(project_of(self), path)
            else:
                write_midi(melody, path, variations)
        except ComposerError as e:
            QMessageBox.warning(self, self.tr("Cannot save file"),
                                self.tr("%1\nYour work is still open; try another folder or name.").replace("%1", str(e)))
            return False
        if mark_clean:
            self.undo.setClean()
            self.safekeeping.work_is_safe()
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
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export MIDI"), str(self._save_folder() / f"{what}.mid"),
                                              self.tr("MIDI files (*.mid)"))
        if path:
            self._write(melody, Path(path))

    def export_wav_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export WAV"), str(self._save_folder() / "melody.wav"),
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

