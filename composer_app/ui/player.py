"""Playback in the window: the built-in piano (or a MIDI output), with a moving playhead."""

from __future__ import annotations

import threading
import time

import mido
from PySide6.QtCore import QObject, QTimer, Signal

from composer_app.audio.render import melody_voices
from composer_app.audio.synth import render
from composer_app.core.melody import Melody
from composer_app.core.timing import TICKS_PER_QUARTER
from composer_app.midi.scheduler import PlaybackScheduler, PlayerThread, melody_events
from composer_app.ui.roll_state import RollState
from composer_app.ui.sound_out import SoundOut


class Player(QObject):
    """Plays the melody from the playhead (or the loop range) and moves the playhead while it sounds."""

    started = Signal()
    stopped = Signal()

    def __init__(self, state: RollState, sound: SoundOut, parent: QObject | None = None, midi=None) -> None:
        super().__init__(parent)
        self.state = state
        self.sound = sound
        self.midi = midi  # a MidiAdapter: when its output is open, playback goes there
        self.midi_player: PlayerThread | None = None
        self._generation = 0  # which play_melody a background render belongs to; stop() moves it on
        self.melody: Melody | None = None
        self.from_playhead = False
        self.looping = False
        self.timer = QTimer(self)
        self.timer.setInterval(30)
        self.timer.timeout.connect(self._tick)
        self.start_time = 0.0
        self.start_tick = 0
        self.end_tick = 0
        self.bpm = 120.0
        state.audition.connect(self.audition)

    @property
    def playing(self) -> bool:
        return self.timer.isActive()

    def toggle(self, melody: Melody | None = None) -> None:
        if self.playing:
            self.stop()
        elif melody is not None or self.melody is not None:
            self.play_melody(melody or self.melody, from_playhead=True)

    def play_melody(self, melody: Melody, from_playhead: bool = False, start_at: int | None = None) -> None:
        """Play `melody` (from the playhead, or from its first note); a loop range repeats until Stop."""
        self._halt()
        self.melody, self.from_playhead = melody, from_playhead
        start = self.state.playhead if from_playhead else (melody.notes[0].tick if len(melody) else 0)
        end = melody.end_tick
        self.looping = bool(from_playhead and self.state.loop)
        if self.looping:
            loop_start, end = self.state.loop
            start = start_at if start_at is not None and loop_start <= start_at < end else loop_start
        elif start_at is not None:
            start = start_at
        if start >= end and not self.looping:
            self.stopped.emit()
            return
        if self.midi is not None and self.midi.output_ready:
            if self.midi_player is None:
                self.midi_player = PlayerThread(PlaybackScheduler(self.midi.hub.send))
            self.midi_player.play(melody_events(melody, start_tick=start, end_tick=end))
        else:
            voices = melody_voices(melody, start, end)
            if voices and self.sound.available:
                self._render_async(voices)
        self.bpm = melody.bpm
        self.start_tick, self.end_tick = start, max(end, start + 1)
        self.start_time = time.perf_counter()
        self.timer.start()
        self.started.emit()

    def _render_async(self, voices) -> None:
        """Synthesis takes ~1 ms per note: do it off the GUI thread, then hand the samples to the mixer."""
        generation = self._generation

        def work() -> None:
            samples = render(voices)
            if generation == self._generation:
                self.sound.play_samples(samples)

        threading.Thread(target=work, name="render", daemon=True).start()

    def _tick(self) -> None:
        elapsed = time.perf_counter() - self.start_time
        tick = self.start_tick + int(elapsed * self.bpm / 60 * TICKS_PER_QUARTER)
        if tick >= self.end_tick:
            if self.looping and self.state.loop and self.melody is not None:
                self.play_melody(self.melody, from_playhead=True, start_at=self.state.loop[0])
                return
            self.stop()
            return
        self.state.set_playhead(tick)

    def document_changed(self, melody: Melody) -> None:
        """The melody being played was edited: play on with the new notes from here, or stop past its end."""
        if not self.playing or melody is not self.melody:
            return
        here = self.state.playhead
        if not self.looping and here >= melody.end_tick:
            self.stop()
            return
        self.play_melody(melody, self.from_playhead, start_at=here)

    def audition(self, pitch: int) -> None:
        """Sound one pitch briefly: on the MIDI output when there is one, else on the built-in piano."""
        if self.midi is not None and self.midi.output_ready:
            hub = self.midi.hub
            hub.send(mido.Message("note_on", note=pitch, velocity=90))
            QTimer.singleShot(300, lambda: hub.send(mido.Message("note_off", note=pitch, velocity=0)))
        else:
            self.sound.note(pitch)

    def stop(self) -> None:
        if self._halt():
            self.stopped.emit()

    def _halt(self) -> bool:
        """Silence everything; True if something was playing."""
        self._generation += 1
        if self.midi_player is not None:
            self.midi_player.stop()
        if self.timer.isActive():
            self.timer.stop()
            self.sound.stop()
            return True
        return False
