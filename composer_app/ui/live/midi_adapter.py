"""The thin Qt side of live MIDI: opens and polls the ports, and pumps the session's live logic (a take,
call and response: session.live) from a timer on the GUI thread."""

from __future__ import annotations

import time

import mido
from PySide6.QtCore import QObject, QTimer, Signal

from composer_app.core.errors import ComposerError
from composer_app.midi.hub import MidiHub
from composer_app.midi.output import CLICK, CLICK_ACCENT, MidiOutput, Output
from composer_app.session.live import CallAndResponse, Take
from composer_app.ui.live.sound_out import SoundOut
from composer_app.ui.roll.state import RollState


class MidiAdapter(QObject):
    """Owns the MidiHub for the window; everything here runs on the GUI thread (timers, not callbacks)."""

    status_changed = Signal(str)
    message = Signal(str)
    recording_changed = Signal(bool)
    phrase_ended = Signal(object)  # jam: the notes of a finished phrase
    live_notes_changed = Signal()

    def __init__(self, state: RollState, sound: SoundOut, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state, self.sound = state, sound
        self.hub: MidiHub | None = None
        self.take: Take | None = None
        self.session = None
        self.quantize = "off"
        self.mode = "overdub"  # or "replace"
        self.count_in = True
        self.metronome = True
        self.live_notes: list[tuple[int, int, int, int]] = []
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(1000)
        self.poll_timer.timeout.connect(self.poll)
        self.drain_timer = QTimer(self)
        self.drain_timer.setInterval(5)
        self.drain_timer.timeout.connect(self.drain)
        self._midi_output: MidiOutput | None = None
        self.jam: CallAndResponse | None = None  # while jamming

    # -- devices -------------------------------------------------------------------------
    def start(self, api: str | None, input_name: str | None, output_name: str | None, thru: bool = True) -> None:
        """Open the MIDI system and the remembered ports; without any, say so and keep working."""
        self.close()
        try:
            self.hub = MidiHub(api or None)
        except ComposerError as e:
            self.hub = None
            self.status_changed.emit(self.tr("MIDI: unavailable"))
            self.message.emit(str(e))
            return
        try:
            self.hub.open_input(input_name)
            self.hub.open_output(output_name)
        except ComposerError as e:
            self.message.emit(str(e))
        self.hub.thru = thru
        self.hub.on_message = self._thru_to_piano
        self.hub.poll()
        self.poll_timer.start()
        self.drain_timer.start()
        self._emit_status()

    def _thru_to_piano(self, _t: float, msg) -> None:
        """On the MIDI input's own thread, as a key arrives: into the built-in piano when no MIDI output is
        connected (the hub itself forwards to a MIDI output). Not through the GUI thread's drain timer, so
        a busy window adds no delay (benchmarks/thru_latency.py)."""
        hub = self.hub
        if hub is None or hub.output_connected or msg.type not in ("note_on", "note_off"):
            return
        if msg.type == "note_on" and msg.velocity > 0:
            self.sound.note_on(msg.note, msg.velocity)
        else:
            self.sound.note_off(msg.note)

    def _emit_status(self) -> None:
        hub = self.hub
        if hub is None:
            self.status_changed.emit(self.tr("MIDI: unavailable"))
            return
        parts = []
        if hub.wanted_input:
            parts.append(self.tr("MIDI in: %1").replace("%1", hub.wanted_input) if hub.input_connected
                         else self.tr("MIDI in: %1 (gone)").replace("%1", hub.wanted_input))
        if hub.wanted_output:
            parts.append(self.tr("MIDI out: %1").replace("%1", hub.wanted_output) if hub.output_connected
                         else self.tr("MIDI out: %1 (gone)").replace("%1", hub.wanted_output))
        else:
            parts.append(self.tr("MIDI out: built-in piano"))
        self.status_changed.emit(", ".join(parts))

    def poll(self) -> None:
        if self.hub is None:
            return
        changes = self.hub.poll()
        for name in changes.lost:
            self.message.emit(self.tr("MIDI device %1 was unplugged; what you recorded is kept.").replace("%1", name))
        for name in changes.reconnected:
            self.message.emit(self.tr("MIDI device %1 is back.").replace("%1", name))
        while True:
            try:
                error = self.hub.errors.get_nowait()
            except Exception:
                break
            self.message.emit(self.tr("MIDI error: %1").replace("%1", error))
        if changes:
            self._emit_status()

    @property
    def output_ready(self) -> bool:
        return self.hub is not None and self.hub.output_connected

    def output(self) -> Output:
        """Where notes sound now: the MIDI output when one is connected, else the built-in piano."""
        if self.output_ready:
            if self._midi_output is None or self._midi_output.hub is not self.hub:
                self._midi_output = MidiOutput(self.hub)
            return self._midi_output
        return self.sound

    # -- input: the timer pumps the session's live logic ------------------------------------
    def drain(self) -> None:
        now = time.perf_counter()
        if self.jam is not None:
            notes = self.jam.take_phrase(now)
            if notes:
                self.phrase_ended.emit(notes)
        if self.hub is not None:
            for t, msg in self.hub.drain():
                self._feed(t, msg)
        if self.take is not None:
            self._show_take(now)

    def _feed(self, t: float, msg) -> None:
        if self.take is not None:
            self.take.feed(t, msg)
        if self.jam is not None:
            self.jam.feed(t, msg)

    # -- keys played on the screen or the computer keyboard: as a MIDI keyboard's ------------
    def play_key(self, pitch: int, velocity: int = 100) -> None:
        """A key pressed elsewhere than on a MIDI keyboard: it sounds (thru) and is recorded and heard by Jam."""
        self._key(mido.Message("note_on", note=int(pitch), velocity=int(velocity)))

    def release_key(self, pitch: int) -> None:
        self._key(mido.Message("note_off", note=int(pitch), velocity=0))

    def _key(self, msg) -> None:
        if self.output_ready:
            self.hub.send(msg)
        elif msg.type == "note_on":
            self.sound.note_on(msg.note, msg.velocity)
        else:
            self.sound.note_off(msg.note)
        self._feed(time.perf_counter(), msg)
        if not self.drain_timer.isActive():
            self.drain_timer.start()

    def _show_take(self, now: float) -> None:
        state = self.take.pump(now)
        for accent in state.clicks:
            self.click(accent)
        self.live_notes = state.live_notes
        self.state.set_playhead(state.playhead)
        self.live_notes_changed.emit()

    def click(self, accent: bool) -> None:
        """A metronome click where notes sound now: a woodblock on the MIDI drum channel, or the built-in click."""
        if self.output_ready:  # a woodblock on the drum channel
            self.output().note(CLICK_ACCENT if accent else CLICK, 100 if accent else 70, 0.03, channel=9)
        else:
            self.sound.click(accent)

    # -- recording -----------------------------------------------------------------------
    @property
    def recording(self) -> bool:
        return self.take is not None

    def start_recording(self, session, start_tick: int | None = None) -> None:
        """Arm and record from the playhead; a one-bar count-in (with clicks) first when enabled."""
        self.session = session
        start = self.state.playhead if start_tick is None else start_tick
        self.take = Take(session.melody, start, time.perf_counter(), self.count_in, self.metronome, self.quantize)
        self.live_notes = []
        self.drain_timer.start()  # also without a MIDI system: keys from the computer keyboard
        self._show_take(time.perf_counter())  # the first click now
        self.recording_changed.emit(True)

    def stop_recording(self) -> int:
        """Stop; the recorded notes become one undoable edit. Returns how many notes were added."""
        take, self.take = self.take, None
        if take is None:
            return 0
        if self.hub is not None:
            for t, msg in self.hub.drain():
                take.feed(t, msg)
        notes = take.stop(time.perf_counter())
        self.live_notes = []
        self.live_notes_changed.emit()
        self.recording_changed.emit(False)
        change = self.session.merge_take(notes, self.mode, take.start_tick, self.tr("Record"))
        return len(change.after) if self.session.do(change) else 0

    def close(self) -> None:
        self.poll_timer.stop()
        self.drain_timer.stop()
        if self.hub is not None:
            self.hub.close()
            self.hub = None
