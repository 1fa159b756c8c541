"""The note area of the piano roll: paints the visible range, edits with the mouse, one undo entry per drag."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QWheelEvent
from PySide6.QtWidgets import QWidget

from composer_app.core.melody import Melody
from composer_app.core.note import Note
from composer_app.ui.roll.state import VARIATION_COLOURS, RollState

BLACK_KEYS = {1, 3, 6, 8, 10}
RESIZE_MARGIN = 6.0


@dataclass
class Drag:
    kind: str  # move, resize, draw, rubber, erase
    origin: QPointF
    note: Note | None = None
    dtick: int = 0
    dpitch: int = 0
    ddur: int = 0
    current: QPointF | None = None
    erased: set | None = None


SELECTED_HUE = 232  # deep blue: apart from every variation's ghost colour (state.VARIATION_COLOURS) and the notes'


def velocity_colour(velocity: int, selected: bool, palette_dark: bool) -> QColor:
    """Notes get more saturated and darker (light theme) with velocity; selected ones are a deeper blue (paler
    on a dark theme), a colour no variation's ghost has."""
    if selected:
        light = (125 - int(velocity / 127 * 65)) if not palette_dark else (190 + int(velocity / 127 * 45))
        return QColor.fromHsl(SELECTED_HUE, 255, light)
    sat = 90 + int(velocity / 127 * 165)
    light = (190 - int(velocity / 127 * 90)) if not palette_dark else (110 + int(velocity / 127 * 90))
    return QColor.fromHsl(210, min(255, sat), light)


def blend(colour: QColor, under: QColor, amount: float) -> QColor:
    """The opaque colour of `colour` laid over `under` with the given opacity."""
    return QColor(round(under.red() + (colour.red() - under.red()) * amount),
                  round(under.green() + (colour.green() - under.green()) * amount),
                  round(under.blue() + (colour.blue() - under.blue()) * amount))


class NoteCanvas(QWidget):
    """Draws rows, grid, notes, ghost variations, playhead and loop; handles select/draw/erase tools."""

    zoom_requested = Signal(float, float, bool)  # factor, anchor, vertical
    scroll_requested = Signal(float, float)  # dx ticks, dy pitches

    def __init__(self, melody: Melody, state: RollState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.melody = melody
        self.state = state
        self.session = state.session
        self.drag: Drag | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(200, 120)
        melody.subscribe(self._on_melody)
        state.changed.connect(self.update)

    def set_melody(self, melody: Melody) -> None:
        self.melody.unsubscribe(self._on_melody)
        self.melody = melody
        melody.subscribe(self._on_melody)
        self.update()

    def _on_melody(self, _m: Melody) -> None:
        live = {i for i in self.state.selection if i in self.melody}
        if live != self.state.selection:
            self.state.set_selection(live)
        self.update()

    # -- hit testing ---------------------------------------------------------------------
    def note_at(self, pos: QPointF) -> Note | None:
        t = self.state.transform
        tick = t.tick(pos.x())
        pitch = t.pitch(pos.y())
        for n in reversed(self.melody.notes_in_range(int(tick), int(tick) + 1)):
            if n.pitch == pitch:
                return n
        return None

    def _near_right_edge(self, note: Note, pos: QPointF) -> bool:
        x, _, w, _ = self.state.transform.note_rect(note.tick, note.duration, note.pitch)
        return x + w - RESIZE_MARGIN <= pos.x() <= x + w + 1

    # -- mouse ---------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self.setFocus()
        pos = event.position()
        note = self.note_at(pos)
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        tool = self.state.tool
        if tool == "erase":
            self.drag = Drag("erase", pos, erased=set())
            if note is not None:
                self.drag.erased.add(note.id)
            self.update()
            return
        if note is not None:
            if shift:
                sel = set(self.state.selection) ^ {note.id}
                self.state.set_selection(sel)
            elif note.id not in self.state.selection:
                self.state.set_selection({note.id})
            if note.id in self.state.selection:
                kind = "resize" if self._near_right_edge(note, pos) else "move"
                self.drag = Drag(kind, pos, note)
                self.state.audition.emit(note.pitch)
            return
        if tool == "draw":
            t = self.state.transform
            tick = self.state.snap_floor(t.tick(pos.x()), not self._alt(event))
            pitch = t.pitch(pos.y())
            if 0 <= pitch <= 127:
                self.drag = Drag("draw", pos, Note(0, tick, self.state.grid_ticks, pitch, 90))
                self.state.audition.emit(pitch)
            return
        if not shift:
            self.state.set_selection(set())
        self.drag = Drag("rubber", pos, current=pos)

    @staticmethod
    def _alt(event) -> bool:
        return bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position()
        d = self.drag
        if d is None:
            note = self.note_at(pos)
            resize = note is not None and self.state.tool != "erase" and self._near_right_edge(note, pos)
            self.setCursor(Qt.CursorShape.SizeHorCursor if resize else Qt.CursorShape.ArrowCursor)
            return
        t = self.state.transform
        snap = not self._alt(event)
        if d.kind == "move":
            raw = t.tick(pos.x()) - t.tick(d.origin.x())
            new_tick = self.state.snap(d.note.tick + raw, snap)
            d.dtick = self.session.allowed_shift(self.state.selection, new_tick - d.note.tick)
            dpitch = t.pitch(pos.y()) - t.pitch(d.origin.y())
            if dpitch != d.dpitch:
                self.state.audition.emit(max(0, min(127, d.note.pitch + dpitch)))
            d.dpitch = dpitch
        elif d.kind == "resize":
            raw_end = d.note.end + (t.tick(pos.x()) - t.tick(d.origin.x()))
            end = self.state.snap(raw_end, snap)
            min_len = self.state.grid_ticks if snap else 1
            d.ddur = max(min_len, end - d.note.tick) - d.note.duration
        elif d.kind == "draw":
            end = self.state.snap(t.tick(pos.x()), snap)
            step = self.state.grid_ticks if snap else 1
            d.ddur = max(step, end - d.note.tick) - d.note.duration
        elif d.kind == "rubber":
            d.current = pos
        elif d.kind == "erase":
            note = self.note_at(pos)
            if note is not None:
                d.erased.add(note.id)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        d, self.drag = self.drag, None
        if d is None:
            return
        s = self.session
        if d.kind == "move" and (d.dtick or d.dpitch):
            s.do(s.move_notes(sorted(self.state.selection), d.dtick, d.dpitch, self.tr("Move notes")))
        elif d.kind == "resize" and d.ddur:
            s.do(s.resize_notes(sorted(self.state.selection), d.ddur, self.tr("Resize notes")))
        elif d.kind == "draw":
            n = d.note
            s.do(s.add_notes([(n.tick, n.duration + d.ddur, n.pitch, n.velocity)], self.tr("Draw note")))
        elif d.kind == "erase" and d.erased:
            s.do(s.delete_notes(d.erased, self.tr("Erase notes")))
        elif d.kind == "rubber":
            self._select_rubber(d, bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
        self.update()

    def _select_rubber(self, d: Drag, add: bool) -> None:
        t = self.state.transform
        rect = QRectF(d.origin, d.current).normalized()
        t0, t1 = t.tick(rect.left()), t.tick(rect.right())
        p_hi, p_lo = t.pitch(rect.top()), t.pitch(rect.bottom())
        hits = {n.id for n in self.melody.notes_in_range(int(t0), int(t1) + 1) if p_lo <= n.pitch <= p_hi}
        self.state.set_selection((self.state.selection | hits) if add else hits)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        delta = event.angleDelta()
        mods = event.modifiers()
        if mods & Qt.KeyboardModifier.ControlModifier:
            factor = 1.15 ** (delta.y() / 120)
            vertical = bool(mods & Qt.KeyboardModifier.ShiftModifier)
            self.zoom_requested.emit(factor, event.position().y() if vertical else event.position().x(), vertical)
        elif mods & Qt.KeyboardModifier.ShiftModifier or delta.x():
            amount = delta.x() or delta.y()
            self.scroll_requested.emit(-amount / 120 * 60 / self.state.transform.pixels_per_tick, 0)
        else:
            self.scroll_requested.emit(0, delta.y() / 120 * 3)
        event.accept()

    # -- painting ------------------------------------------------------------------------
    def _paint_chord_tones(self, p: QPainter, w: int, low: int, high: int, rows: dict, key_pcs) -> None:
        """Under each chord of the chord track, the rows of its tones in a warm tint (stronger for the chord at
        the playhead): where the melody meets the harmony."""
        chords = self.melody.chords
        if not chords:
            return
        t = self.state.transform
        t0, t1 = t.visible_ticks(w)
        warm = QColor(255, 150, 40)
        here = self.state.playhead
        for c in chords:
            if c.chord is None or c.end < t0 or c.tick > t1:
                continue
            x0, x1 = max(0.0, t.x(c.tick)), min(float(w), t.x(c.end))
            strength = 0.32 if c.tick <= here < c.end else 0.18
            tones = set(c.chord.pitch_classes())
            for pitch in range(low, high + 1):
                if pitch % 12 in tones:
                    row = rows[(pitch % 12 in BLACK_KEYS, key_pcs is not None and pitch % 12 in key_pcs)]
                    p.fillRect(QRectF(x0, t.y(pitch), x1 - x0, t.row_height), blend(warm, row, strength))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        # Every full-height fill is an opaque, pre-blended colour: translucent fills take Qt's slow
        # blending path (about 0.2 ms per grid line here) and would cost 20+ ms a frame.
        p = QPainter(self)
        t = self.state.transform
        w, h = self.width(), self.height()
        pal = self.palette()
        base = pal.base().color()
        text = pal.text().color()
        dark = base.lightness() < 128
        p.fillRect(0, 0, w, h, base)
        low, high = t.visible_pitches(h)
        key_pcs = self.state.key.pitch_classes() if self.state.key else None
        black_row = blend(text, base, 0.07) if not dark else base.darker(135)
        tint = QColor(80, 160, 255)
        rows = {(False, False): base, (True, False): black_row,
                (False, True): blend(tint, base, 0.10), (True, True): blend(tint, black_row, 0.10)}
        octave = blend(text, base, 0.18)
        for pitch in range(low, high + 1):
            y = t.y(pitch)
            colour = rows[(pitch % 12 in BLACK_KEYS, key_pcs is not None and pitch % 12 in key_pcs)]
            if colour is not base:
                p.fillRect(QRectF(0, y, w, t.row_height), colour)
            if pitch % 12 == 0:
                p.fillRect(0, int(y + t.row_height), w, 1, octave)
        if self.state.loop:
            a, b = self.state.loop
            p.fillRect(QRectF(t.x(a), 0, t.x(b) - t.x(a), h), blend(QColor(255, 200, 0), base, 0.15))
        self._paint_chord_tones(p, w, low, high, rows, key_pcs)
        self._paint_grid(p, w, h, text, base)
        t0, t1 = t.visible_ticks(w)
        self._paint_ghosts(p, t0, t1, low, high)
        self._paint_notes(p, t0, t1, low, high, dark)
        if self.drag is not None and self.drag.kind == "rubber" and self.drag.current is not None:
            p.setPen(QPen(pal.highlight().color(), 1, Qt.PenStyle.DashLine))
            fill = QColor(pal.highlight().color())
            fill.setAlpha(40)
            p.setBrush(fill)
            p.drawRect(QRectF(self.drag.origin, self.drag.current).normalized())
        x = t.x(self.state.playhead)
        if 0 <= x <= w:
            p.fillRect(int(x) - 1, 0, 2, h, QColor(230, 60, 50))
        p.end()

    def _paint_grid(self, p: QPainter, w: int, h: int, text: QColor, base: QColor) -> None:
        t = self.state.transform
        ts = self.melody.time_signature
        bar, beat, step = ts.bar_ticks, ts.beat_ticks, self.state.grid_ticks
        t0, t1 = t.visible_ticks(w)
        weak, mid, strong = blend(text, base, 0.08), blend(text, base, 0.2), blend(text, base, 0.42)
        if step * t.pixels_per_tick >= 5:
            for tick in range((t0 // step) * step, t1 + 1, step):
                if tick % beat:
                    p.fillRect(int(t.x(tick)), 0, 1, h, weak)
        if beat * t.pixels_per_tick >= 4:
            for tick in range((t0 // beat) * beat, t1 + 1, beat):
                if tick % bar:
                    p.fillRect(int(t.x(tick)), 0, 1, h, mid)
        for tick in range((t0 // bar) * bar, t1 + 1, bar):
            p.fillRect(int(t.x(tick)), 0, 1, h, strong)

    def _paint_ghosts(self, p: QPainter, t0: int, t1: int, low: int, high: int) -> None:
        t = self.state.transform
        for k, ghost in enumerate(self.state.ghosts):
            current = k == self.state.ghost_index
            colour = QColor(VARIATION_COLOURS[k % len(VARIATION_COLOURS)])
            fill = QColor(colour)
            fill.setAlpha(160 if current else 55)
            edge = QColor(colour)
            edge.setAlpha(255 if current else 120)
            p.setPen(QPen(edge, 1.5 if current else 1, Qt.PenStyle.SolidLine if current else Qt.PenStyle.DashLine))
            p.setBrush(fill)
            for n in ghost.notes_in_range(t0, t1):
                if low <= n.pitch <= high:
                    p.drawRoundedRect(QRectF(*t.note_rect(n.tick, n.duration, n.pitch)).adjusted(0, 1, 0, -1), 3, 3)

    def _paint_notes(self, p: QPainter, t0: int, t1: int, low: int, high: int, dark: bool) -> None:
        t = self.state.transform
        d = self.drag
        sel = self.state.selection
        outline = QPen(QColor(20, 30, 50) if not dark else QColor(230, 235, 245), 1)
        sel_outline = QPen(QColor(255, 140, 0), 2)
        # notes that the shown variations would replace (a fill inside the melody) are drawn faded
        span = self.state.session.variations.span if self.state.ghosts else None
        replaced_pen = QPen(blend(outline.color(), self.palette().base().color(), 0.35), 1, Qt.PenStyle.DashLine)
        for n in self.melody.notes_in_range(t0 - (d.dtick if d else 0), t1 + 1):
            tick, dur, pitch = n.tick, n.duration, n.pitch
            selected = n.id in sel
            if d is not None and selected:
                if d.kind == "move":
                    tick, pitch = tick + d.dtick, max(0, min(127, pitch + d.dpitch))
                elif d.kind == "resize":
                    dur = max(1, dur + d.ddur)
            if d is not None and d.kind == "erase" and n.id in d.erased:
                continue
            if not low <= pitch <= high:
                continue
            if span is not None and span[0] <= n.tick < span[1] and not selected:
                p.setPen(replaced_pen)
                p.setBrush(blend(velocity_colour(n.velocity, False, dark), self.palette().base().color(), 0.3))
            else:
                p.setPen(sel_outline if selected else outline)
                p.setBrush(velocity_colour(n.velocity, selected, dark))
            p.drawRoundedRect(QRectF(*t.note_rect(tick, dur, pitch)).adjusted(0, 1, 0, -1), 3, 3)
        if self.state.live_notes:
            p.setPen(QPen(QColor(150, 20, 20), 1))
            p.setBrush(QColor(230, 70, 60))
            for tick, dur, pitch, _vel in self.state.live_notes:
                if low <= pitch <= high and tick < t1 and tick + dur > t0:
                    p.drawRoundedRect(QRectF(*t.note_rect(tick, dur, pitch)).adjusted(0, 1, 0, -1), 3, 3)
        if d is not None and d.kind == "draw":
            n = d.note
            p.setPen(sel_outline)
            p.setBrush(velocity_colour(n.velocity, True, dark))
            p.drawRoundedRect(QRectF(*t.note_rect(n.tick, n.duration + d.ddur, n.pitch)).adjusted(0, 1, 0, -1), 3, 3)

