"""The chord lane above the notes: the chord track's symbols in time. Click selects a chord, drag moves it,
drag its right edge to lengthen or shorten it, double-click types a chord (where there is none, it lasts to
the next chord or the end of the bar), Delete removes the selected one; each is one undo step."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from composer_app.core.chords import ChordError, ChordEvent, chord_at, parse_chord
from composer_app.core.melody import Melody
from composer_app.core.note_names import language
from composer_app.ui.roll.state import RollState

EDGE = 6  # pixels: where a press on a chord's right edge resizes it


class ChordLane(QWidget):
    """Chord symbols over the bars; every edit is a session change."""

    problem = Signal(str)  # an edit that could not be made, in the student's words

    def __init__(self, melody: Melody, state: RollState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.melody = melody
        self.state = state
        self.selected: int | None = None  # the selected chord's start tick
        self.drag: tuple[str, ChordEvent, float] | None = None  # ("move" | "resize", chord, press x)
        self.preview: tuple[int, int] | None = None  # where the dragged chord would go
        self.setFixedHeight(26)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setToolTip(self.tr("Chords: double-click to type one (C, Am7, G/B; Do, Lam7, Sol/Si), drag to move, "
                                "drag the right edge to resize, Delete to remove"))
        state.changed.connect(self.update)
        melody.subscribe(self._on_melody)

    def set_melody(self, melody: Melody) -> None:
        self.melody.unsubscribe(self._on_melody)
        self.melody = melody
        melody.subscribe(self._on_melody)
        self.selected = None
        self.update()

    def _on_melody(self, _m) -> None:
        if self.selected is not None and not any(c.tick == self.selected for c in self.melody.chords):
            self.selected = None
        self.update()

    # -- what is where -----------------------------------------------------------------------
    def chord_at_x(self, x: float) -> ChordEvent | None:
        return chord_at(list(self.melody.chords), int(self.state.transform.tick(x)))

    def _rect(self, tick: int, end: int) -> QRectF:
        t = self.state.transform
        return QRectF(t.x(tick) + 1, 2, max(4.0, t.x(end) - t.x(tick) - 2), self.height() - 4)

    # -- edits -------------------------------------------------------------------------------
    def _do(self, make) -> bool:
        try:
            change = make()
        except ChordError as e:
            self.problem.emit(self._words(e))
            return False
        return self.state.session.do(change)

    def _words(self, e: ChordError) -> str:
        if e.reason == "overlap":
            return self.tr("There is already a chord there; move or shorten it first.")
        if e.reason == "unknown_chord":
            return self.tr("That is not a chord symbol: write a root (C, F#, Bb or Do, Fa#, Sib), then a kind "
                           "(m, 7, maj7, m7, dim, aug, sus4, m7b5) and an optional bass (/E).")
        return str(e)

    def edit_at(self, tick: int, text: str | None = None) -> bool:
        """Type a chord at `tick` (asks for it when `text` is None); an empty text removes the chord there."""
        here = chord_at(list(self.melody.chords), tick)
        if text is None:
            text, ok = QInputDialog.getText(self, self.tr("Chord"), self.tr("Chord symbol (C, Am7, G/B; Do, Lam7, Sol/Si):"),
                                            text=here.symbol(language()) if here else "")
            if not ok:
                return False
        session = self.state.session
        beat = self.melody.time_signature.beat_ticks
        start = here.tick if here else max(0, tick) // beat * beat  # a new chord starts on the beat it is in
        if not text.strip():
            return self._do(lambda: session.put_chord(start, None, self.tr("Remove chord")))
        try:
            chord = parse_chord(text)
        except ChordError as e:
            self.problem.emit(self._words(e))
            return False
        done = self._do(lambda: session.put_chord(start, chord, self.tr("Chord")))
        if done:
            self.selected = start
        return done

    def delete_selected(self) -> bool:
        if self.selected is None:
            return False
        session = self.state.session
        done = self._do(lambda: session.put_chord(self.selected, None, self.tr("Remove chord")))
        self.selected = None
        return done

    # -- mouse and keys ----------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        x = event.position().x()
        chord = self.chord_at_x(x)
        self.selected = chord.tick if chord else None
        if chord and event.button() == Qt.MouseButton.LeftButton:
            near_end = abs(self.state.transform.x(chord.end) - x) <= EDGE
            self.drag = ("resize" if near_end else "move", chord, x)
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.drag is None:
            chord = self.chord_at_x(event.position().x())
            near = chord is not None and abs(self.state.transform.x(chord.end) - event.position().x()) <= EDGE
            self.setCursor(Qt.CursorShape.SizeHorCursor if near else Qt.CursorShape.ArrowCursor)
            return
        kind, chord, x0 = self.drag
        t = self.state.transform
        delta = (event.position().x() - x0) / t.pixels_per_tick
        if kind == "move":
            start = max(0, self.state.snap(chord.tick + delta))
            self.preview = (start, start + chord.duration)
        else:
            end = max(chord.tick + self.state.grid_ticks, self.state.snap(chord.end + delta))
            self.preview = (chord.tick, end)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        drag, preview = self.drag, self.preview
        self.drag = self.preview = None
        if drag is None or preview is None or preview == (drag[1].tick, drag[1].end):
            self.update()
            return
        session = self.state.session
        label = self.tr("Move chord") if drag[0] == "move" else self.tr("Resize chord")
        if self._do(lambda: session.move_chord(drag[1].tick, preview[0], preview[1], label)):
            self.selected = preview[0]
        self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.drag = self.preview = None
        self.edit_at(int(self.state.transform.tick(event.position().x())))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.delete_selected():
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2) and self.selected is not None:
            self.edit_at(self.selected)
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        tick = int(self.state.transform.tick(event.pos().x()))
        chord = chord_at(list(self.melody.chords), tick)
        menu = QMenu(self)
        menu.addAction(self.tr("Edit Chord...") if chord else self.tr("Add Chord..."), lambda: self.edit_at(tick))
        if chord:
            self.selected = chord.tick
            menu.addAction(self.tr("Remove Chord"), self.delete_selected)
        menu.exec(event.globalPos())

    # -- painting ----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        pal = self.palette()
        w, h = self.width(), self.height()
        p.fillRect(0, 0, w, h, pal.base().color().darker(103))
        t = self.state.transform
        t0, t1 = t.visible_ticks(w)
        lang = language()
        playing = chord_at(list(self.melody.chords), self.state.playhead)
        dragged = self.drag[1].tick if self.drag and self.preview else None
        for c in self.melody.chords:
            if c.end < t0 or c.tick > t1:
                continue
            span = self.preview if c.tick == dragged else (c.tick, c.end)
            r = self._rect(*span)
            fill = QColor(70, 130, 200, 90) if c is playing else QColor(120, 120, 140, 60)
            if c.tick == self.selected:
                fill = QColor(70, 130, 200, 160)
            p.fillRect(r, fill)
            p.setPen(QPen(pal.mid().color(), 1))
            p.drawRect(r)
            p.setPen(pal.text().color())
            p.drawText(r.adjusted(4, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, c.symbol(lang))
        p.setPen(QPen(pal.mid().color(), 1))
        p.drawLine(QPointF(0, h - 0.5), QPointF(w, h - 0.5))
        p.end()
