"""The keyboard, the bar ruler and the velocity lane around the note canvas."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from composer_app.core.melody import Melody
from composer_app.core.note_names import pitch_name
from composer_app.ui.roll.note_canvas import BLACK_KEYS, velocity_colour
from composer_app.ui.roll.state import RollState


class KeyboardStrip(QWidget):
    """A vertical piano keyboard to play on: press a key and it sounds until released (and is recorded while
    recording, like a MIDI keyboard's); drag over the keys to play them in turn. Pressing nearer the key's tip
    (to the right) plays louder, as a finger further out on a real key does."""

    def __init__(self, state: RollState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.held: int | None = None
        self.setFixedWidth(56)
        state.changed.connect(self.update)

    def _velocity(self, x: float) -> int:
        return max(20, min(127, round(40 + 87 * x / max(1, self.width()))))

    def _press(self, event: QMouseEvent) -> None:
        pitch = self.state.transform.pitch(event.position().y())
        if pitch == self.held or not 0 <= pitch <= 127:
            return
        self._release()
        self.held = pitch
        self.state.key_down.emit(pitch, self._velocity(event.position().x()))
        self.update()

    def _release(self) -> None:
        if self.held is not None:
            self.state.key_up.emit(self.held)
            self.held = None
            self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._press(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._press(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._release()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        t = self.state.transform
        w, h = self.width(), self.height()
        p.fillRect(0, 0, w, h, QColor(250, 250, 250))
        low, high = t.visible_pitches(h)
        font = p.font()
        font.setPointSizeF(max(6.0, min(9.0, t.row_height * 0.6)))
        p.setFont(font)
        for pitch in range(low, high + 1):
            y = t.y(pitch)
            black = pitch % 12 in BLACK_KEYS
            colour = QColor(35, 35, 40) if black else QColor(252, 252, 252)
            if pitch == self.held:  # the key being played
                colour = QColor(90, 150, 230)
            p.fillRect(QRectF(0, y, w * (0.62 if black else 1.0), t.row_height), colour)
            p.setPen(QPen(QColor(170, 170, 170), 1))
            p.drawLine(QPointF(0, y + t.row_height), QPointF(w, y + t.row_height))
            if pitch % 12 == 0 and t.row_height >= 7:
                p.setPen(QColor(60, 60, 60))
                p.drawText(QRectF(0, y, w - 4, t.row_height), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                           pitch_name(pitch))
        p.setPen(QPen(QColor(120, 120, 120), 1))
        p.drawLine(QPointF(w - 0.5, 0), QPointF(w - 0.5, h))
        p.end()


class BarRuler(QWidget):
    """Bar numbers and beats; click moves the playhead, drag sets the loop range."""

    def __init__(self, melody: Melody, state: RollState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.melody = melody
        self.state = state
        self.press_tick: int | None = None
        self.setFixedHeight(24)
        state.changed.connect(self.update)

    def _tick_at(self, x: float) -> int:
        return self.state.snap(self.state.transform.tick(x))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.press_tick = self._tick_at(event.position().x())
        self.state.set_playhead(self.press_tick)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.press_tick is None:
            return
        tick = self._tick_at(event.position().x())
        if tick != self.press_tick:
            self.state.loop = (min(tick, self.press_tick), max(tick, self.press_tick))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.press_tick = None

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        t = self.state.transform
        w, h = self.width(), self.height()
        pal = self.palette()
        p.fillRect(0, 0, w, h, pal.window().color())
        ts = self.melody.time_signature
        bar, beat = ts.bar_ticks, ts.beat_ticks
        t0, t1 = t.visible_ticks(w)
        if self.state.loop:
            a, b = self.state.loop
            p.fillRect(QRectF(t.x(a), 0, t.x(b) - t.x(a), h), QColor(255, 190, 0, 120))
        p.setPen(pal.text().color())
        every = max(1, int(40 / max(1e-6, bar * t.pixels_per_tick)) + 1)
        for tick in range((t0 // beat) * beat, t1 + 1, beat):
            x = t.x(tick)
            if tick % bar == 0:
                number = tick // bar + 1
                p.drawLine(QPointF(x, h * 0.35), QPointF(x, h))
                if (number - 1) % every == 0:
                    p.drawText(QPointF(x + 3, h * 0.55), str(number))
            elif beat * t.pixels_per_tick >= 6:
                p.drawLine(QPointF(x, h * 0.7), QPointF(x, h))
        x = t.x(self.state.playhead)
        p.setPen(QPen(QColor(230, 60, 50), 2))
        p.drawLine(QPointF(x, 0), QPointF(x, h))
        p.end()


class VelocityLane(QWidget):
    """One bar per visible note; drag up or down over notes to set velocities (one undo entry per drag)."""

    def __init__(self, melody: Melody, state: RollState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.melody = melody
        self.state = state
        self.pending: dict[int, int] = {}
        self.setFixedHeight(72)
        state.changed.connect(self.update)
        melody.subscribe(self._on_melody)

    def set_melody(self, melody: Melody) -> None:
        self.melody.unsubscribe(self._on_melody)
        self.melody = melody
        melody.subscribe(self._on_melody)
        self.update()

    def _on_melody(self, _m) -> None:
        self.update()

    def _velocity_at(self, y: float) -> int:
        return max(1, min(127, round((1 - y / max(1, self.height() - 4)) * 127)))

    def _apply(self, pos: QPointF) -> None:
        t = self.state.transform
        tick = t.tick(pos.x())
        velocity = self._velocity_at(pos.y())
        slack = 4 / t.pixels_per_tick
        hits = [n for n in self.melody.notes_in_range(int(tick - slack), int(tick + slack) + 1)
                if abs(t.x(n.tick) - pos.x()) <= 4 or n.tick <= tick < n.end]
        if self.state.selection:
            hits = [n for n in hits if n.id in self.state.selection] or hits
        for n in hits[:1] if not self.state.selection else hits:
            self.pending[n.id] = velocity
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.pending = {}
        self._apply(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._apply(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pending, self.pending = self.pending, {}
        session = self.state.session
        session.do(session.set_velocities(pending, self.tr("Set velocity")))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        t = self.state.transform
        w, h = self.width(), self.height()
        pal = self.palette()
        dark = pal.base().color().lightness() < 128
        p.fillRect(0, 0, w, h, pal.base().color().darker(104))
        t0, t1 = t.visible_ticks(w)
        for n in self.melody.notes_in_range(t0, t1 + 1):
            v = self.pending.get(n.id, n.velocity)
            x = t.x(n.tick)
            bar_h = (h - 4) * v / 127
            p.fillRect(QRectF(x, h - bar_h, 4, bar_h), velocity_colour(v, n.id in self.state.selection, dark))
        p.setPen(QPen(pal.mid().color(), 1))
        p.drawLine(QPointF(0, 0.5), QPointF(w, 0.5))
        p.end()
