"""The piano roll: keyboard, ruler, note canvas, velocity lane and scroll bars, plus its edit operations."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QScrollBar, QWidget

from composer_app.core.melody import Melody
from composer_app.session.session import Session
from composer_app.ui.roll.chord_lane import ChordLane
from composer_app.ui.roll.note_canvas import NoteCanvas
from composer_app.ui.roll.parts import BarRuler, KeyboardStrip, VelocityLane
from composer_app.ui.roll.state import RollState

NOTES_MIME = "application/x-composer-app-notes"


class PianoRollView(QWidget):
    """The editor for the session's document; every edit is a session change (one undo step)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.melody = melody = session.melody
        self.state = RollState(session)
        self.canvas = NoteCanvas(melody, self.state)
        self.keyboard = KeyboardStrip(self.state)
        self.ruler = BarRuler(melody, self.state)
        self.velocity = VelocityLane(melody, self.state)
        self.chords = ChordLane(melody, self.state)
        self.hbar = QScrollBar(Qt.Orientation.Horizontal)
        self.vbar = QScrollBar(Qt.Orientation.Vertical)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(QLabel(""), 0, 0)
        layout.addWidget(self.ruler, 0, 1)
        chords_label = QLabel(self.tr("Chords"))
        chords_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(chords_label, 1, 0)
        layout.addWidget(self.chords, 1, 1)
        layout.addWidget(self.keyboard, 2, 0)
        layout.addWidget(self.canvas, 2, 1)
        layout.addWidget(self.vbar, 2, 2)
        velocity_label = QLabel(self.tr("Velocity"))
        velocity_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(velocity_label, 3, 0)
        layout.addWidget(self.velocity, 3, 1)
        layout.addWidget(self.hbar, 4, 1)
        self.canvas.zoom_requested.connect(self.zoom)
        self.canvas.scroll_requested.connect(self.scroll_by)
        self.hbar.valueChanged.connect(self._on_hbar)
        self.vbar.valueChanged.connect(self._on_vbar)
        melody.subscribe(self.update_scrollbars)
        self.state.changed.connect(self.update_scrollbars)
        self.state.playhead_moved.connect(self._follow)
        self.state.session.events.document.connect(self._show_document)
        self.update_scrollbars()
        self.setFocusProxy(self.canvas)
        self.canvas.installEventFilter(self)

    # -- document ------------------------------------------------------------------------
    def set_melody(self, melody: Melody) -> None:
        """Edit another melody: the session's document is replaced and the view follows."""
        if self.state.session.melody is not melody:
            self.state.session.replace_document(melody)
        else:
            self._show_document(melody)

    def _show_document(self, melody: Melody) -> None:
        self.melody.unsubscribe(self.update_scrollbars)
        self.melody = melody
        melody.subscribe(self.update_scrollbars)
        self.canvas.set_melody(melody)
        self.ruler.melody = melody
        self.velocity.set_melody(melody)
        self.chords.set_melody(melody)
        self.show_notes()

    def show_notes(self) -> None:
        """Scroll so the notes (or middle C) are in view."""
        t = self.state.transform
        pitches = [n.pitch for n in self.melody]
        centre = (min(pitches) + max(pitches)) / 2 if pitches else 66
        self.state.set_view(0, min(127.0, centre + self.canvas.height() / t.row_height / 2))
        self.update_scrollbars()

    # -- scrolling and zoom --------------------------------------------------------------
    def update_scrollbars(self, *_args) -> None:
        t = self.state.transform
        end = max(self.melody.end_tick, *(g.end_tick for g in self.state.ghosts), 0) if self.state.ghosts else self.melody.end_tick
        total = end + 8 * self.melody.time_signature.bar_ticks
        page = int(self.canvas.width() / t.pixels_per_tick)
        if t.scroll_tick > max(0, total - page):  # the document or its variations got shorter: no empty view
            self.state.set_view(scroll_tick=max(0, total - page))
            return  # set_view asks again
        self.hbar.blockSignals(True)
        self.hbar.setRange(0, max(0, total - page))
        self.hbar.setPageStep(max(1, page))
        self.hbar.setSingleStep(max(1, self.state.grid_ticks))
        self.hbar.setValue(int(t.scroll_tick))
        self.hbar.blockSignals(False)
        rows = self.canvas.height() / t.row_height
        self.vbar.blockSignals(True)
        self.vbar.setRange(0, max(0, int(127 - rows + 1)))
        self.vbar.setPageStep(max(1, int(rows)))
        self.vbar.setValue(int(127 - t.top_pitch))
        self.vbar.blockSignals(False)

    def _on_hbar(self, value: int) -> None:
        self.state.set_view(scroll_tick=value)

    def _on_vbar(self, value: int) -> None:
        self.state.set_view(top_pitch=127 - value)

    def scroll_by(self, dticks: float, dpitches: float) -> None:
        t = self.state.transform
        rows = self.canvas.height() / t.row_height
        self.state.set_view(t.scroll_tick + dticks, max(rows - 1, min(127.0, t.top_pitch + dpitches)))

    def zoom(self, factor: float, anchor: float | None = None, vertical: bool = False) -> None:
        size = self.canvas.height() if vertical else self.canvas.width()
        self.state.zoom(factor, size / 2 if anchor is None else anchor, vertical)

    def reveal(self, tick: int) -> None:
        """Scroll so `tick` sits at 40% of the view when it is off screen."""
        t = self.state.transform
        x = t.x(tick)
        if x < 0 or x > self.canvas.width() * 0.6:
            self.state.set_view(scroll_tick=tick - 0.4 * self.canvas.width() / t.pixels_per_tick)
            self.update_scrollbars()

    def settle(self) -> None:
        """After variations go away: when the view shows mostly empty bars past the end, bring the end back
        to 70% of the view."""
        t = self.state.transform
        end_x = t.x(self.melody.end_tick)
        if end_x < self.canvas.width() * 0.5:
            self.state.set_view(scroll_tick=max(0.0, self.melody.end_tick - 0.7 * self.canvas.width() / t.pixels_per_tick))
            self.update_scrollbars()

    def _follow(self, tick: int) -> None:
        t = self.state.transform
        if not self.state.follow_playhead:
            return
        x = t.x(tick)
        if x < 0 or x > self.canvas.width() * 0.9:
            self.state.set_view(scroll_tick=tick - 0.1 * self.canvas.width() / t.pixels_per_tick)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.update_scrollbars()

    # -- edit operations (used by actions and keys) --------------------------------------
    def selected_ids(self) -> list[int]:
        return sorted(i for i in self.state.selection if i in self.melody)

    def select_all(self) -> None:
        self.state.set_selection({n.id for n in self.melody})

    def delete_selection(self) -> bool:
        return self.session.do(self.session.delete_notes(self.selected_ids(), self.tr("Delete notes")))

    def move_selection(self, dtick: int = 0, dpitch: int = 0, text: str | None = None) -> bool:
        return self.session.do(self.session.move_notes(self.selected_ids(), dtick, dpitch, text or self.tr("Move notes")))

    def transpose_selection(self, semitones: int) -> bool:
        return self.move_selection(0, semitones, self.tr("Transpose"))

    def resize_selection(self, ddur: int) -> bool:
        return self.session.do(self.session.resize_notes(self.selected_ids(), ddur, self.tr("Resize notes")))

    def quantize_selection(self) -> bool:
        return self.session.do(self.session.quantize_notes(self.selected_ids() or None, self.state.grid,
                                                           self.tr("Quantize")))

    def selection_notes(self) -> list:
        return [self.melody.get(i) for i in self.selected_ids()]

    def copy_selection(self) -> bool:
        notes = self.selection_notes()
        if not notes:
            return False
        start = min(n.tick for n in notes)
        data = QMimeData()
        data.setData(NOTES_MIME, json.dumps([[n.tick - start, n.duration, n.pitch, n.velocity] for n in notes]).encode())
        from composer_app.ui.midi_mime import midi_mime_data, set_clipboard

        midi = midi_mime_data(Melody.from_notes([(n.tick - start, n.duration, n.pitch, n.velocity) for n in notes],
                                                tempos=list(self.melody.tempos), time_signature=self.melody.time_signature),
                              "selection")
        for fmt in midi.formats():
            data.setData(fmt, midi.data(fmt))
        if midi.hasUrls():
            data.setUrls(midi.urls())
        set_clipboard(data)
        return True

    def cut_selection(self) -> bool:
        return self.copy_selection() and self.delete_selection()

    def paste(self, at_tick: int | None = None) -> bool:
        data = QApplication.clipboard().mimeData()
        if data is None or not data.hasFormat(NOTES_MIME):
            return False
        try:
            rows = json.loads(bytes(data.data(NOTES_MIME)).decode())
            notes = [(int(t), int(d), int(p), int(v)) for t, d, p, v in rows]
        except (ValueError, TypeError):
            return False
        start = self.state.playhead if at_tick is None else at_tick
        return self.session.do(self.session.paste_notes(notes, start, self.tr("Paste")))

    def duplicate_selection(self) -> bool:
        return self.session.do(self.session.duplicate_notes(self.selected_ids(), self.state.grid_ticks,
                                                            self.tr("Duplicate")))

    # -- keys ----------------------------------------------------------------------------
    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.canvas and event.type() == event.Type.KeyPress:
            return self.handle_key(event)
        return super().eventFilter(obj, event)

    def handle_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        mods = event.modifiers()
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        step = self.state.grid_ticks
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            sign = -1 if key == Qt.Key.Key_Left else 1
            return self.resize_selection(sign * step) if shift else self.move_selection(sign * step, 0)
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            sign = 1 if key == Qt.Key.Key_Up else -1
            return self.transpose_selection(sign * (12 if ctrl or shift else 1))
        return False
