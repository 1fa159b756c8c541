"""The window's chord commands: type a progression, harmonize the melody (and try another harmonization),
clear the chords, play them as an accompaniment in a chosen pattern. Each change of the chords is one undo
step through the session."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QMenu,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from composer_app.core.chords import ChordError, parse_progression
from composer_app.core.errors import ComposerError
from composer_app.core.keys import Key, melody_key
from composer_app.core.note_names import key_name, language
from composer_app.engine.accompaniment import PATTERNS


def pattern_names() -> dict[str, str]:
    return {"block": QCoreApplication.translate("Chords", "Block Chords"),
            "broken": QCoreApplication.translate("Chords", "Broken (Alberti)"),
            "waltz": QCoreApplication.translate("Chords", "Waltz"),
            "arpeggio": QCoreApplication.translate("Chords", "Arpeggio"),
            "bass-chord": QCoreApplication.translate("Chords", "Bass and Chord"),
            "chorale": QCoreApplication.translate("Chords", "Four Voices (Chorale)")}


class HarmonizeDialog(QDialog):
    """How to harmonize: chords per bar, sevenths, cadences."""

    def __init__(self, settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Harmonize"))
        form = QFormLayout(self)
        self.per_bar = QComboBox()
        self.per_bar.addItem(self.tr("One chord a bar"), 1)
        self.per_bar.addItem(self.tr("Two chords a bar"), 2)
        self.per_bar.setCurrentIndex(0 if int(settings.value("chords/per_bar", 1)) == 1 else 1)
        self.sevenths = QCheckBox(self.tr("With sevenths (G7, Dm7, Bm7b5)"))
        self.sevenths.setChecked(settings.value("chords/sevenths", "false") in (True, "true"))
        self.cadence = QCheckBox(self.tr("Cadences where phrases end"))
        self.cadence.setChecked(settings.value("chords/cadence", "true") in (True, "true"))
        self.alternatives = QSpinBox()
        self.alternatives.setRange(1, 4)
        self.alternatives.setValue(max(1, min(4, int(settings.value("chords/alternatives", 4)))))
        self.alternatives.setToolTip(self.tr("How many different harmonizations to try (Another Harmonization, "
                                             "Ctrl+Alt+H, goes through them)"))
        form.addRow(self.tr("Chords"), self.per_bar)
        form.addRow("", self.sevenths)
        form.addRow("", self.cadence)
        form.addRow(self.tr("Harmonizations"), self.alternatives)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class ChordControls(QObject):
    """Connects the chord actions of the window to the session and the player."""

    def __init__(self, window, actions: dict[str, QAction]) -> None:
        super().__init__(window)
        self.window = window
        self.actions = actions
        self.harmonizations: list = []  # the alternatives of the last harmonization
        self.shown = 0
        self._model = None
        actions["chords_type"].triggered.connect(lambda: self.type_progression())
        actions["harmonize"].triggered.connect(lambda: self.harmonize())
        actions["another_harmonization"].triggered.connect(self.another)
        actions["clear_chords"].triggered.connect(self.clear)
        actions["check_voices"].triggered.connect(lambda: self.check_voices())
        actions["export_musicxml"].triggered.connect(lambda: self.export_musicxml())
        actions["export_four_voices"].triggered.connect(lambda: self.export_four_voices())
        actions["play_chords"].setChecked(window.settings.value("chords/play", "true") in (True, "true"))
        actions["play_chords"].toggled.connect(self._play_chords)
        self.patterns = QActionGroup(self)
        chosen = str(window.settings.value("chords/pattern", "block"))
        self.pattern = chosen if chosen in PATTERNS else "block"
        self.pattern_actions = {}
        for name, text in pattern_names().items():
            action = QAction(text, self)
            action.setCheckable(True)
            action.setChecked(name == self.pattern)
            action.triggered.connect(lambda _c=False, n=name: self._pattern(n))
            self.patterns.addAction(action)
            self.pattern_actions[name] = action
        actions["another_harmonization"].setEnabled(False)

    def menu(self, m: QMenu) -> QMenu:
        """The Chords menu, filled into `m`."""
        m.setTitle(self.tr("Ch&ords"))
        for name in ("chords_type", "harmonize", "another_harmonization", "clear_chords", None, "play_chords"):
            if name is None:
                m.addSeparator()
            else:
                m.addAction(self.actions[name])
        patterns = m.addMenu(self.tr("Accompaniment &Pattern"))
        for action in self.pattern_actions.values():
            patterns.addAction(action)
        m.addSeparator()
        m.addAction(self.actions["export_four_voices"])
        m.addAction(self.actions["check_voices"])
        return m

    @property
    def session(self):
        return self.window.session

    def attach_player(self) -> None:
        """Tell the window's player (made when the sound starts) whether and how to play the chords."""
        player = self.window.player
        player.chords, player.pattern = self.actions["play_chords"].isChecked(), self.pattern

    def _play_chords(self, on: bool) -> None:
        self.window.settings.setValue("chords/play", "true" if on else "false")
        if getattr(self.window.live, "player", None) is not None:
            self.window.player.chords = bool(on)

    def _pattern(self, name: str) -> None:
        self.pattern = name
        self.window.settings.setValue("chords/pattern", name)
        if getattr(self.window.live, "player", None) is not None:
            self.window.player.pattern = name

    # -- typing ------------------------------------------------------------------------------
    def type_progression(self, text: str | None = None) -> bool:
        """Chords typed as "C G Am F" (one a bar) or "| C | G7 Am |", from the bar of the playhead; they replace
        the chords in the bars they cover."""
        melody = self.session.melody
        bar = melody.time_signature.bar_ticks
        start = (self.window.roll.state.playhead // bar) * bar
        asked = text is None
        current = " ".join(c.symbol(language()) for c in melody.chords if c.tick >= start)
        while True:
            if asked:
                text, ok = QInputDialog.getText(
                    self.window, self.tr("Type Chords"),
                    self.tr("Chords from bar %1, one a bar (C G Am F) or by bar (| C | G7 Am |):").replace(
                        "%1", str(start // bar + 1)), text=text or current)
                if not ok:
                    return False
            try:
                events = parse_progression(text, bar, start, melody.time_signature.beat_ticks)
                end = max(e.end for e in events) if events else start
                kept = [c for c in melody.chords if c.end <= start or c.tick >= end]
                done = self.session.do(self.session.set_chords(kept + events, self.tr("Type chords")))
                melody_end = -(-melody.end_tick // bar) * bar
                after = [e for e in events if e.tick >= melody_end]
                if done and after and len(melody):  # allowed (a lead sheet may run ahead), but said
                    self.window.show_message(
                        self.tr("%1 of the chords come after the melody ends (bar %2): continue the melody to fill "
                                "them.").replace("%1", str(len(after))).replace("%2", str(melody_end // bar + 1)),
                        8000)
                return done
            except ChordError as e:
                message = self._words(e)
                if not asked:
                    self.window.show_message(message, 8000)
                    return False
                QMessageBox.warning(self.window, self.tr("Type Chords"), message)

    def _words(self, e: ChordError) -> str:
        return {"unknown_chord": self.tr("Something typed is not a chord symbol (%1). Write a root (C, F#, Bb or "
                                         "Do, Fa#, Sib), then a kind (m, 7, maj7, m7, dim, aug, sus4, m7b5) and an "
                                         "optional bass (/E).").replace("%1", str(e).split(" is not")[0].strip("'\"")),
                "empty": self.tr("Type at least one chord, for example C G Am F."),
                "bar_full": self.tr("A bar has more chords than beats (%1 in a bar of %2 beats): put a | between "
                                    "the bars, e.g. | E7 | A |.").replace("%1", str(getattr(e, "counts", ("", ""))[0]))
                .replace("%2", str(getattr(e, "counts", ("", ""))[1])),
                "overlap": self.tr("There is already a chord there; move or shorten it first.")}.get(e.reason, str(e))

    # -- harmonizing -------------------------------------------------------------------------
    def harmonize(self, per_bar: int | None = None, sevenths: bool | None = None, cadence: bool = True,
                  alternatives: int = 4) -> bool:
        """Chords for the whole melody (asks how when nothing is given): the best of 1-4 alternatives, which
        Another Harmonization goes through."""
        from composer_app.engine.harmonize import HarmonizeOptions, HarmonyModel, harmonize_melody

        melody = self.session.melody
        if len(melody) == 0:
            self.window.show_message(self.tr("There is no melody to harmonize yet: play or draw one first."))
            return False
        if per_bar is None:
            dialog = HarmonizeDialog(self.window.settings, self.window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            per_bar, sevenths, cadence = dialog.per_bar.currentData(), dialog.sevenths.isChecked(), dialog.cadence.isChecked()
            alternatives = dialog.alternatives.value()
            s = self.window.settings
            s.setValue("chords/alternatives", alternatives)
            s.setValue("chords/per_bar", per_bar)
            s.setValue("chords/sevenths", "true" if sevenths else "false")
            s.setValue("chords/cadence", "true" if cadence else "false")
        key = melody_key(melody)[0] or Key(0, "major")
        ts = melody.time_signature
        try:
            if self._model is None:
                self._model = HarmonyModel.load()
            self.harmonizations = harmonize_melody(
                self._model, [(n.tick, n.duration, n.pitch) for n in melody], key, ts.bar_ticks, ts.beat_ticks,
                HarmonizeOptions(bool(sevenths), int(per_bar), bool(cadence), int(alternatives)))
        except ComposerError as e:
            self.window.show_message(
                self.tr("The harmonizer's tables (harmony.json) are missing or damaged: reinstall composer-app.")
                if e.reason in ("missing", "damaged") else self.tr("The melody cannot be harmonized."), 8000)
            return False
        self.key = key
        self.shown = 0
        self.actions["another_harmonization"].setEnabled(len(self.harmonizations) > 1)
        return self._show(self.tr("Harmonize"))

    def another(self) -> bool:
        """The next of the last harmonization's alternatives (one undo step each)."""
        if len(self.harmonizations) < 2:
            return False
        self.shown = (self.shown + 1) % len(self.harmonizations)
        return self._show(self.tr("Another harmonization"))

    def _show(self, label: str) -> bool:
        chords = self.harmonizations[self.shown]
        done = self.session.do(self.session.set_chords(chords, label))
        shown = " ".join(c.symbol(language()) for c in chords[:12]) + (" ..." if len(chords) > 12 else "")
        self.window.show_message(self.tr("Harmonized in %1 (%2 of %3): %4").replace("%1", key_name(self.key))
                                 .replace("%2", str(self.shown + 1)).replace("%3", str(len(self.harmonizations)))
                                 .replace("%4", shown), 10000)
        return done

    def clear(self) -> bool:
        return self.session.do(self.session.set_chords([], self.tr("Clear chords")))

    # -- four voices -------------------------------------------------------------------------
    def check_voices(self, path: str | None = None):
        """Show the part-writing faults of four voices: the open document's (its melody over the alto, tenor and
        bass of its chords) when it has a melody and chords, else a MIDI file of four voices chosen here (or
        `path`); returns the dialog."""
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from composer_app.ui.dialogs.part_writing import PartWritingDialog

        melody = self.session.melody
        if path is None and len(melody) and melody.chords:
            dialog = PartWritingDialog(None, self.window, melody=melody, title=self.window.session.title)
            dialog.show()
            return dialog
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Check Part-Writing"),
                                                  self.window.files.open_suggestion(),
                                                  self.tr("MIDI files (*.mid *.midi)"))
            if not path:
                return None
        dialog = PartWritingDialog(Path(path), self.window)
        dialog.show()
        return dialog

    def export_four_voices(self, path: str | None = None) -> bool:
        """Write the melody as soprano with alto, tenor and bass found under its chords, and the chords."""
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from composer_app.core.midifile import write_midi
        from composer_app.engine.four_voices import lower_voices

        melody = self.session.melody
        if len(melody) == 0 or not melody.chords:
            self.window.show_message(self.tr("Four voices need a melody and chords: type chords or press "
                                             "Harmonize first."), 8000)
            return False
        try:
            parts = lower_voices(melody)
        except ComposerError:
            self.window.show_message(self.tr("No four voices fit under this melody and these chords."), 8000)
            return False
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export Four Voices"),
                                                  self.window.files.save_suggestion("four-voices.mid"),
                                                  self.tr("MIDI files (*.mid)"))
            if not path:
                return False
            self.window.files.saved_into(path)
        soprano = melody.copy()
        soprano.name = "Soprano"
        try:
            write_midi(soprano, Path(path), [(name.capitalize(), notes) for name, notes in parts])
        except ComposerError:
            self.window.show_message(self.tr("The file could not be written there; choose another folder. "
                                             "Nothing was changed."), 8000)
            return False
        self.window.show_message(self.tr("Four voices written to %1").replace("%1", Path(path).name))
        return True

    # -- a score out -------------------------------------------------------------------------
    def export_musicxml(self, path: str | None = None) -> bool:
        """The melody with its chord symbols as MusicXML; when the chords play, their accompaniment as more parts
        (alto, tenor and bass in the chorale pattern)."""
        from pathlib import Path

        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication, QFileDialog

        from composer_app.core.musicxml import SUFFIXES, write_musicxml

        melody = self.session.melody
        if len(melody) == 0:
            self.window.show_message(self.tr("There is no melody to export yet: play or draw one first."))
            return False
        if path is None:
            stem = self.window.session.title.rsplit(".", 1)[0] or "melody"
            path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export as MusicXML"),
                                                  self.window.files.save_suggestion(f"{stem}.musicxml"),
                                                  self.tr("MusicXML scores (*.musicxml *.xml)"))
            if not path:
                return False
            self.window.files.saved_into(path)
            if not path.lower().endswith(SUFFIXES):
                path += ".musicxml"
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            parts = [(name, [(t, d, p) for t, d, p, _ in notes]) for name, notes in self.accompaniment_parts(melody)]
            write_musicxml(melody, Path(path), parts, title=Path(path).stem)
        except ComposerError as e:
            self.window.show_message(
                self.tr("MusicXML needs the music21 package, which this installation lacks.") if e.reason == "missing"
                else self.tr("The file could not be written there; choose another folder. Nothing was changed."), 8000)
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.window.show_message(self.tr("Score written to %1").replace("%1", Path(path).name))
        return True

    def accompaniment_parts(self, melody) -> list[tuple[str, list[tuple[int, int, int, int]]]]:
        """What the chords add to an exported file, as (name, notes) parts: nothing without chords or when they do
        not play; alto, tenor and bass in the chorale pattern; else one accompaniment in the chosen pattern."""
        from composer_app.engine.accompaniment import accompany
        from composer_app.engine.four_voices import lower_voices, voices_key

        if not melody.chords or not self.actions["play_chords"].isChecked():
            return []
        key = voices_key(melody)
        ts = melody.time_signature
        if self.pattern == "chorale":
            try:
                names = {"alto": self.tr("Alto"), "tenor": self.tr("Tenor"), "bass": self.tr("Bass")}
                return [(names[name], notes) for name, notes in lower_voices(melody, key)]
            except ComposerError:
                pass  # no four voices fit: block chords instead
        rows = accompany(melody.chords, melody.contents(), ts.bar_ticks, ts.beat_ticks,
                         "block" if self.pattern == "chorale" else self.pattern, key)
        return [(self.tr("Accompaniment"), rows)]

