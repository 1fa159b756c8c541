"""The thin Qt side of live MIDI: polls ports, drains the input queue, records into the document."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

from composer_app.core.errors import ComposerError
from composer_app.core.melody import Melody
from composer_app.midi.hub import MidiHub
from composer_app.midi.output import MidiOutput, Output
from composer_app.midi.recorder import INPUT_QUANTIZE, Recorder
from composer_app.ui.roll_state import RollState
from composer_app.ui.sound_out import SoundOut


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
        self.recorder: Recorder | None = None
        self.melody: Melody | None = None
        self.session = None
        self.undo = None
        self.quantize = "off"
        self.mode = "overdub"  # or "replace"
        self.count_in = True
        self.metronome = True
        self.record_start_tick = 0
        self.live_notes: list[tuple[int, int, int, int]] = []
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(1000)
        self.poll_timer.timeout.connect(self.poll)
        self.drain_timer = QTimer(self)
        self.drain_timer.setInterval(5)
        self.drain_timer.timeout.connect(self.drain)
        self.click_timer = QTimer(self)
        self.click_timer.timeout.connect(self._click)
        self._beat = 0
        self._midi_output: MidiOutput | None = None
        self.jam_listener = None  # a PhraseListener while jamming
        self.jam_busy_until = 0.0

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
            parts.append(self.tr("in: %1").replace("%1", hub.wanted_input) if hub.input_connected
                         else self.tr("in: %1 (gone)").replace("%1", hub.wanted_input))
        if hub.wanted_output:
            parts.append(self.tr("out: %1").replace("%1", hub.wanted_output) if hub.output_connected
                         else self.tr("out: %1 (gone)").replace("%1", hub.wanted_output))
        else:
            parts.append(self.tr("out: built-in piano"))
        self.status_changed.emit("MIDI " + ", ".join(parts))

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

    # -- input ---------------------------------------------------------------------------
    def drain(self) -> None:
        if self.hub is None:
            return
        if self.jam_listener is not None:
            notes = self.jam_listener.take_phrase(time.perf_counter())
            if notes:
                self.phrase_ended.emit(notes)
        events = self.hub.drain()
        if not events:
            if self.recorder is not None:
                self._update_live()
            return
        for t, msg in events:
            if self.recorder is not None:
                self.recorder.feed(t, msg)
            if self.jam_listener is not None and t > self.jam_busy_until:
                self.jam_listener.feed(t, msg)
        if self.recorder is not None:
            self._update_live()

    def _update_live(self) -> None:
        now = time.perf_counter()
        self.live_notes = list(self.recorder.notes) + self.recorder.sounding(now)
        self.state.set_playhead(max(self.record_start_tick, self.recorder.tick_at(now)))
        self.live_notes_changed.emit()

    # -- recording -----------------------------------------------------------------------
    @property
    def recording(self) -> bool:
        return self.recorder is not None

    def start_recording(self, session, undo, start_tick: int | None = None) -> None:
        """Arm and record from the playhead; a one-bar count-in (with clicks) first when enabled."""
        self.session, self.undo = session, undo
        melody = self.melody = session.melody
        self.record_start_tick = self.state.playhead if start_tick is None else start_tick
        beat_s = 60.0 / melody.bpm * 4 / melody.time_signature.denominator
        lead = beat_s * melody.time_signature.numerator if self.count_in else 0.0
        self.recorder = Recorder(start_time=time.perf_counter() + lead, bpm=melody.bpm,
                                 start_tick=self.record_start_tick, quantize=INPUT_QUANTIZE.get(self.quantize))
        self.live_notes = []
        if self.metronome or self.count_in:
            self._beat = -melody.time_signature.numerator if self.count_in else 0
            self.click_timer.setInterval(int(beat_s * 1000))
            self._click()
            self.click_timer.start()
        self.recording_changed.emit(True)

    def _click(self) -> None:
        if self._beat >= 0 and not self.metronome:
            self.click_timer.stop()
            return
        accent = self.melody is not None and self._beat % self.melody.time_signature.numerator == 0
        if self.output_ready:  # a woodblock on the drum channel
            self.output().note(76 if accent else 77, 100 if accent else 70, 0.03, channel=9)
        else:
            self.sound.note(96 if accent else 89, 100 if accent else 70, 0.04)
        self._beat += 1

    def stop_recording(self) -> int:
        """Stop; the recorded notes become one undoable edit. Returns how many notes were added."""
        self.click_timer.stop()
        rec, self.recorder = self.recorder, None
        if rec is None:
            return 0
        self.drain_recorded_events(rec)
        notes = [n for n in rec.finish(time.perf_counter()) if n[0] >= 0]
        self.live_notes = []
        self.live_notes_changed.emit()
        self.recording_changed.emit(False)
        change = self.session.merge_take(notes, self.mode, self.record_start_tick, self.tr("Record")) \
            if self.session is not None else None
        if not self.session.do(change):
            return 0
        return len(change.after)

    def drain_recorded_events(self, rec: Recorder) -> None:
        if self.hub is not None:
            for t, msg in self.hub.drain():
                rec.feed(t, msg)

    def close(self) -> None:
        self.poll_timer.stop()
        self.drain_timer.stop()
        self.click_timer.stop()
        if self.hub is not None:
            self.hub.close()
            self.hub = None
