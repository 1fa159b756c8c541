"""The window's file side: open (with the track chooser), save, export, clipboard (composed into MainWindow)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from composer_app.core.errors import ComposerError
from composer_app.core.formats import format_of
from composer_app.core.melody import Melody
from composer_app.core.midifile import read_song, write_midi
from composer_app.core.project import SUFFIX, load_project, save_project
from composer_app.ui.dialogs.track_chooser import TrackChooser
from composer_app.ui.midi_mime import midi_mime_data, set_clipboard
from composer_app.ui.problems import cannot_open
from composer_app.ui.project_io import project_of, show_project
from composer_app.ui.settings import add_recent_file, last_open_folder


class DocumentFiles(QObject):
    """The window's files: open (with the track chooser), save, export, clipboard; composed into MainWindow."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.say = window.show_message

    # -- document ------------------------------------------------------------------------



    def maybe_save(self) -> bool:
        """Ask before losing unsaved changes; True when it is fine to go on."""
        if self.window.undo.isClean():
            return True
        answer = QMessageBox.question(
            self.window, self.tr("Unsaved changes"), self.tr("Save the changes to this melody first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_document(self) -> None:
        if self.maybe_save():
            self.window.set_document(Melody(), None)

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open"), self._last_folder(),
            self.tr("Projects, MIDI files, scores and recordings (*.composer *.mid *.midi *.musicxml *.xml *.mxl "
                    "*.wav *.flac *.ogg *.mp3);;composer-app projects (*.composer);;MIDI files (*.mid *.midi);;"
                    "MusicXML scores (*.musicxml *.xml *.mxl);;Recordings (*.wav *.flac *.ogg *.mp3);;All files (*)"))
        if path:
            self.open_file(path)

    def _last_folder(self) -> str:
        return last_open_folder(self.window.settings)

    def open_suggestion(self) -> str:
        """Where a dialog that opens a file starts: the last folder a file was opened from, else home."""
        return self._last_folder()

    def save_suggestion(self, name: str) -> str:
        """What a Save or Export dialog suggests: `name` in the last folder saved or exported into, else
        Documents (never the folder the app was started from)."""
        return str(self._save_folder() / name)

    def saved_into(self, path: str | Path) -> None:
        """Remember the folder of a file just saved or exported, for the next Save or Export."""
        self.window.settings.setValue("last_save_folder", str(Path(path).parent))

    def _save_folder(self) -> Path:
        """Where Save suggests: the last folder saved into, else Documents (never where a file was imported from)."""
        from PySide6.QtCore import QStandardPaths

        folder = self.window.settings.value("last_save_folder", "")
        if folder and Path(str(folder)).is_dir():
            return Path(str(folder))
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def open_file(self, path: str | Path, part: int | None = None, ask: bool = True) -> bool:
        """Open a MIDI file (choosing a track when there are several); errors leave the current work as it is."""
        path = Path(path)
        fmt = format_of(path)
        if fmt is not None and fmt.kind == "project":
            return self.open_project(path)
        if fmt is not None and fmt.kind == "recording":
            return self.open_recording(path, ask)
        try:
            song = read_song(path)
            all_notes = False
            if part is None and ask and TrackChooser.needs_choice(song):
                chooser = TrackChooser(song, self.window)
                if chooser.exec() != QDialog.DialogCode.Accepted:
                    return False
                part, all_notes = chooser.chosen_part(), chooser.all_notes.isChecked()
            melody = song.melody(part, all_notes=all_notes)
        except ComposerError as e:
            QMessageBox.warning(self.window, self.tr("Cannot open file"), cannot_open(e, path))
            return False
        self.window.set_document(melody, None, imported_from=path)
        self.window.settings.setValue("last_folder", str(path.parent))
        add_recent_file(self.window.settings, str(path))
        self.window.fill_recent_menu()
        opened = self.tr("Opened %1: %2 notes").replace("%1", path.name).replace("%2", str(len(melody)))
        if not all_notes and self._chords_from_accompaniment(song, melody):
            opened += " " + self.tr("and %1 chords heard in the accompaniment (Undo takes them away)") \
                .replace("%1", str(len(self.session.melody.chords)))
        if song.meter_changes:  # a melody keeps one metre: its bars after the change are not the file's
            tick, n, d = song.meter_changes[0]
            ts = melody.time_signature
            opened += " " + self.tr("(the file changes to %1/%2 in bar %3; here it stays in %4/%5 throughout)") \
                .replace("%1", str(n)).replace("%2", str(d)).replace("%3", str(tick // ts.bar_ticks + 1)) \
                .replace("%4", str(ts.numerator)).replace("%5", str(ts.denominator))
        self.say(opened, 10000 if song.meter_changes else 5000)
        return True

    def _chords_from_accompaniment(self, song, melody) -> bool:
        """A file with more than its melody (a left hand, lower tracks) and no chord symbols: the chords it plays
        become the chord track, one undo step after the opening."""
        from composer_app.core.chord_recognition import chords_of_song

        if melody.chords:
            return False
        chords, source = chords_of_song(song, melody)
        if source != "accompaniment" or not chords:
            return False
        return self._set_recognised(chords)

    def _recognised_chords(self, lower, melody) -> bool:
        """Chords recognised from notes heard under a recording's melody, as one undo step."""
        from composer_app.core.chord_recognition import recognise_chords
        from composer_app.core.keys import melody_key

        ts = melody.time_signature
        chords = recognise_chords(lower, ts.bar_ticks, ts.beat_ticks, key=melody_key(melody)[0])
        return bool(chords) and self._set_recognised(chords)

    def _set_recognised(self, chords) -> bool:
        try:
            return self.session.do(self.session.set_chords(chords, self.tr("Chords from the Accompaniment")))
        except ComposerError:
            return False

    def open_recording(self, path: Path, ask: bool = True) -> bool:
        """A recording becomes the document: its notes heard by the transcription model, on the grid at the
        tempo heard (or as played), after a dialog that shows what was heard; errors leave the work as it is."""
        from composer_app.audio.transcribe import SAMPLE_RATE, hear_either, load_audio
        from composer_app.ui.dialogs.recording import RecordingDialog
        from composer_app.ui.workers import Cancelled, wait_for

        def hear(progress):
            samples = load_audio(path)
            progress(0.0)
            return (samples, *hear_either(samples, progress=progress))  # sung or played: the dialog can change it

        try:  # off the GUI thread: the window keeps painting, a bar that fills shows after 0.3 s
            samples, source, notes = wait_for(hear, self.window,
                                              self.tr("Hearing the notes in %1...").replace("%1", path.name),
                                              progress=True, cancellable=True)
        except Cancelled:
            self.say(self.tr("Opening %1 was cancelled; nothing changed.").replace("%1", path.name), 5000)
            return False
        except ComposerError as e:
            QMessageBox.warning(self.window, self.tr("Cannot open file"), self._recording_words(e, path))
            return False
        if not notes:
            QMessageBox.warning(self.window, self.tr("Cannot open file"),
                                self.tr("%1: no notes were heard in this recording.").replace("%1", path.name))
            return False
        dialog = RecordingDialog(notes, len(samples) / SAMPLE_RATE, path.stem, self.window, samples, source)
        if ask and dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        melody = dialog.melody()
        self.window.set_document(melody, None, imported_from=path)
        lower = dialog.accompaniment()
        with_chords = len(lower) >= 3 and self._recognised_chords(lower, melody)  # a piano's lower notes' chords
        self.window.settings.setValue("last_folder", str(path.parent))
        add_recent_file(self.window.settings, str(path))
        self.window.fill_recent_menu()
        opened = self.tr("Opened %1: %2 notes heard, at %3 BPM").replace("%1", path.name) \
            .replace("%2", str(len(melody))).replace("%3", f"{melody.bpm:.0f}")
        if with_chords:
            opened += " " + self.tr("and %1 chords heard in the accompaniment (Undo takes them away)") \
                .replace("%1", str(len(self.session.melody.chords)))
        self.say(opened, 8000)
        return True

    def _recording_words(self, e: ComposerError, path: Path) -> str:
        if e.reason == "missing":
            return self.tr("%1: the file is not there any more.").replace("%1", path.name)
        if e.reason == "too_long":
            return self.tr("%1: the recording is longer than 20 minutes; cut out the part to use.").replace("%1", path.name)
        return self.tr("%1 cannot be read as a recording. Open a WAV, FLAC or OGG file (an MP3 where your system "
                       "reads it).").replace("%1", path.name)

    def open_project(self, path: Path) -> bool:
        try:
            project = load_project(path)
        except ComposerError as e:
            QMessageBox.warning(self.window, self.tr("Cannot open file"), cannot_open(e, path))
            return False
        show_project(self.window, project, path)
        self.window.settings.setValue("last_folder", str(path.parent))
        add_recent_file(self.window.settings, str(path))
        self.window.fill_recent_menu()
        self.say(self.tr("Opened %1: %2 notes").replace("%1", path.name)
                                     .replace("%2", str(len(project.melody))), 5000)
        return True

    def save(self) -> bool:
        if self.session.path is None:
            return self.save_as()
        return self._write(self.session.melody, self.session.path, mark_clean=True)

    def save_as(self) -> bool:
        stem = (self.session.path or self.session.imported_from).stem if (self.session.path or self.session.imported_from) else self.tr("melody")
        suggestion = self.session.path or self._save_folder() / f"{stem}{SUFFIX}"
        path, chosen = QFileDialog.getSaveFileName(
            self.window, self.tr("Save"), str(suggestion),
            self.tr("composer-app project (*.composer);;MIDI file, melody only (*.mid)"))
        if not path:
            return False
        if not path.lower().endswith((".mid", ".midi", SUFFIX)):
            path += ".mid" if "*.mid" in chosen else SUFFIX
        path = Path(path)
        before = self.session.path
        if path.suffix.lower() == SUFFIX:
            self.session.path = path  # the project names the file it is saved as, not the one it came from
        if self._write(self.session.melody, path, mark_clean=True):
            self.session.path = path
            self.saved_into(path)
            add_recent_file(self.window.settings, str(path))
            self.window.fill_recent_menu()
            self.window.update_title()
            return True
        self.session.path = before
        return False

    def _write(self, melody: Melody, path: Path, mark_clean: bool = False, variations=()) -> bool:
        """Save the document as a project (.composer) or any melody as MIDI; a failure keeps file and document."""
        try:
            if mark_clean and path.suffix.lower() == SUFFIX:
                save_project(project_of(self.window), path)
            else:
                write_midi(melody, path, variations)
        except ComposerError as e:
            QMessageBox.warning(self.window, self.tr("Cannot save file"),
                                self.tr("%1\nYour work is still open; try another folder or name.").replace("%1", str(e)))
            return False
        if mark_clean:
            self.window.undo.setClean()
            self.window.safekeeping.work_is_safe()
        self.say(self.tr("Saved %1").replace("%1", path.name), 4000)
        return True

    def export_melody_of(self, what: str) -> Melody | None:
        if what == "melody":
            return self.session.melody
        if what == "selection":
            return self.session.selection_melody()
        return self.session.variations.current

    def export_dialog(self, what: str) -> None:
        melody = self.export_melody_of(what)
        if melody is None or not len(melody):
            QMessageBox.information(self.window, self.tr("Nothing to export"), self.tr("There are no notes to export."))
            return
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export MIDI"), self.save_suggestion(f"{what}.mid"),
                                              self.tr("MIDI files (*.mid)"))
        if path:
            self.saved_into(path)
            extra = self.window.chord_controls.accompaniment_parts(melody) if what == "melody" else []
            self._write(melody, Path(path), variations=extra)

    def export_wav_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export WAV"), self.save_suggestion("melody.wav"),
                                              self.tr("WAV audio (*.wav)"))
        if path:
            self.saved_into(path)
            try:
                from composer_app.audio.render import write_wav

                melody, player = self.session.melody, self.window.player
                backing = player.accompaniment(melody) if player.chords and melody.chords else ()
                write_wav(melody, Path(path), self.window.sound.instrument, backing)  # what Play plays
            except (ComposerError, OSError) as e:
                QMessageBox.warning(self.window, self.tr("Cannot export audio"), str(e))

    # -- drag and drop, clipboard --------------------------------------------------------
    def variation_mime(self):
        v = self.session.variations
        if not v:
            return None
        return midi_mime_data(v.current, f"variation-{v.index + 1}")

    def copy_as_midi_file(self) -> bool:
        melody = self.export_melody_of("variation") if self.session.variations else self.session.melody
        if melody is None:
            return False
        set_clipboard(midi_mime_data(melody, "melody" if melody is self.session.melody else "variation"))
        self.say(self.tr("Copied as a MIDI file"), 3000)
        return True
