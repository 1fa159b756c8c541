"""The computer keyboard as a piano, as DAWs offer it: the home row (A S D F G H J K L) plays the white keys and
the row above (W E  T Y U  O P) the black ones, Z and X shift an octave down and up, C and V make it softer and
louder. While it is on, those letters play notes instead of their shortcuts (Ctrl and Alt shortcuts still work),
and nothing is taken from a text box the student is typing in. Notes go where a MIDI keyboard's go: they sound
(MIDI out or the built-in piano) and are recorded by Record, with its count-in and metronome, and heard by Jam."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit

K = Qt.Key
NOTE_KEYS = {K.Key_A: 0, K.Key_W: 1, K.Key_S: 2, K.Key_E: 3, K.Key_D: 4, K.Key_F: 5, K.Key_T: 6, K.Key_G: 7,
             K.Key_Y: 8, K.Key_H: 9, K.Key_U: 10, K.Key_J: 11, K.Key_K: 12, K.Key_O: 13, K.Key_L: 14, K.Key_P: 15}
CONTROL_KEYS = {K.Key_Z, K.Key_X, K.Key_C, K.Key_V}


class ComputerKeyboard(QObject):
    """While enabled, an application-wide event filter that turns letter keys into notes."""

    def __init__(self, play, release, say, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.play, self.release, self.say = play, release, say  # play(pitch, velocity), release(pitch)
        self.enabled = False
        self.octave = 4  # the A key plays C4 (middle C)
        self.velocity = 100
        self.held: dict[int, int] = {}  # key -> pitch sounding

    def set_enabled(self, on: bool) -> None:
        app = QApplication.instance()
        if on == self.enabled or app is None:
            return
        self.enabled = on
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
            self.release_all()

    def release_all(self) -> None:
        for pitch in self.held.values():
            self.release(pitch)
        self.held.clear()

    def _typing(self) -> bool:
        focus = QApplication.focusWidget()
        if isinstance(focus, QComboBox):
            return focus.isEditable()
        return isinstance(focus, (QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit))

    def _ours(self, event) -> bool:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        return (mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
                and (event.key() in NOTE_KEYS or event.key() in CONTROL_KEYS) and not self._typing())

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return False
        if not self._ours(event):
            return False
        if kind == QEvent.Type.ShortcutOverride:  # the letter is a note now, not its shortcut
            event.accept()
            return True
        if event.isAutoRepeat():
            return True
        key = event.key()
        if kind == QEvent.Type.KeyRelease:
            pitch = self.held.pop(key, None)
            if pitch is not None:
                self.release(pitch)
            return True
        if key in NOTE_KEYS:
            if key not in self.held:
                pitch = max(0, min(127, 12 * (self.octave + 1) + NOTE_KEYS[key]))
                self.held[key] = pitch
                self.play(pitch, self.velocity)
        elif key in (K.Key_Z, K.Key_X):
            self.octave = max(-1, min(8, self.octave + (1 if key == K.Key_X else -1)))
            self.say(self.tr("Computer keyboard: A plays C%1").replace("%1", str(self.octave)), 3000)
        else:
            self.velocity = max(20, min(127, self.velocity + (20 if key == K.Key_V else -20)))
            self.say(self.tr("Computer keyboard: velocity %1").replace("%1", str(self.velocity)), 3000)
        return True
