"""The window's live side: playback, the MIDI devices, recording and jam (composed into MainWindow)."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer

from composer_app.ui.settings import flag


class LiveControls(QObject):
    """The window's live side: sound, MIDI devices, playback, recording and jam; composed into MainWindow."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.say = window.show_message
        self._jam_tasks: list = []
        self.jam_settings = None
        self.computer_keys = None  # the computer keyboard as a piano, made when first turned on
        self.microphone_dialog = None  # Record from Microphone, made when first opened

    # -- playback ------------------------------------------------------------------------
    def start_sound(self) -> None:
        from composer_app.ui.live.midi_adapter import MidiAdapter
        from composer_app.ui.live.player import Player
        from composer_app.ui.live.sound_out import SoundOut

        self.sound = SoundOut(self, str(self.window.settings.value("sound/soundfont", "")) or None)
        self.sound.unavailable.connect(lambda msg: self.say(msg, 8000))
        self._say_instrument_problem()
        QTimer.singleShot(0, self.sound.start)
        self.midi = MidiAdapter(self.window.roll.state, self.sound, self)
        self.midi.status_changed.connect(self.window.midi_label.setText)
        self.midi.message.connect(lambda msg: self.say(msg, 10000))
        self.midi.recording_changed.connect(self._on_recording_changed)
        self.midi.live_notes_changed.connect(self._show_live_notes)
        self.midi.phrase_ended.connect(self._answer_phrase)
        self.player = Player(self.window.roll.state, self.midi.output, self)
        QTimer.singleShot(0, self.start_midi)
        play = self.window.actions["play"]
        play.setCheckable(True)
        self.player.started.connect(lambda: (play.setChecked(True), play.setText(self.tr("&Stop"))))
        self.player.stopped.connect(lambda: (play.setChecked(False), play.setText(self.tr("&Play/Stop"))))
        self.session.variations.events.changed.connect(self._stop_gone_variation)
        for name in ("metronome", "count_in"):  # remembered; they apply to the next Play
            action = self.window.actions[name]
            action.setChecked(flag(self.window.settings, f"play/{name}", False))
            setattr(self.player, name, action.isChecked())
            action.toggled.connect(lambda on, name=name: self._set_play_option(name, on))

    def _set_play_option(self, name: str, on: bool) -> None:
        setattr(self.player, name, on)
        self.window.settings.setValue(f"play/{name}", "true" if on else "false")

    def _stop_gone_variation(self) -> None:
        """A variation being auditioned was discarded (or accepted): it stops sounding."""
        p = self.player
        if p.playing and p.melody is not self.session.melody and all(p.melody is not m for m in self.session.variations.items):
            p.stop()

    def go_to(self, tick: int) -> None:
        """Home / End: the playhead to the start or the end, in view; playback goes on from there."""
        self.player.seek(tick)
        self.window.roll.reveal(tick)

    def apply_sound_settings(self) -> None:
        """Use the piano sound chosen in Preferences (a SoundFont that fails: the numpy piano, and why)."""
        self.sound.stop()
        self.sound.set_soundfont(str(self.window.settings.value("sound/soundfont", "")) or None)
        self._say_instrument_problem()

    def _say_instrument_problem(self) -> None:
        if self.sound.instrument_problem:
            self.say(self.tr("The synthesized piano plays: %1").replace(
                "%1", self.sound.instrument_problem), 10000)

    def start_midi(self) -> None:
        """Open the MIDI system and the remembered devices (none on a fresh machine: the built-in piano)."""
        s = self.window.settings
        self.midi.quantize = str(s.value("midi/quantize", "off"))
        self.midi.mode = str(s.value("midi/mode", "overdub"))
        self.midi.count_in = flag(s, "midi/count_in", True)
        self.midi.metronome = flag(s, "midi/metronome", True)
        self.midi.start(str(s.value("midi/api", "")) or None, str(s.value("midi/input", "")) or None,
                        str(s.value("midi/output", "")) or None, flag(s, "midi/thru", True))

    def keys_at_hand(self) -> bool:
        """The computer keyboard plays notes now (instead of a MIDI keyboard)."""
        return self.computer_keys is not None and self.computer_keys.enabled

    def toggle_computer_keys(self, on: bool) -> None:
        from composer_app.ui.live.computer_keys import ComputerKeyboard

        if self.computer_keys is None:
            self.computer_keys = ComputerKeyboard(self.midi.play_key, self.midi.release_key, self.say, self)
        self.computer_keys.set_enabled(on)
        if on:
            self.say(self.tr("Computer keyboard: A S D F G H J K play C D E F G A B C, W E T Y U the black keys; "
                             "Z and X change the octave, C and V the velocity"), 10000)

    def toggle_record(self) -> None:
        if self.midi.recording:
            count = self.midi.stop_recording()
            self.say(self.tr("Recorded %1 notes").replace("%1", str(count)), 5000)
        else:
            if not self.keys_at_hand() and (self.midi.hub is None or not self.midi.hub.input_connected):
                self.say(self.tr("Choose a MIDI input in Preferences to record, or play with the computer "
                                 "keyboard (Play > Computer Keyboard)."), 8000)
                self.window.actions["record"].setChecked(False)
                return
            self.player.stop()
            self.midi.start_recording(self.session)

    def record_microphone(self):
        """Record from a microphone (a dialog: input, level, count-in, record and stop)."""
        from composer_app.ui.dialogs.microphone import MicrophoneDialog

        if self.midi.recording:
            self.toggle_record()
        self.microphone_dialog = MicrophoneDialog(self.window)
        self.microphone_dialog.open()
        return self.microphone_dialog

    def toggle_jam(self, on: bool) -> None:
        """Call and response: when the player pauses for two beats, the model answers (and shows it as a ghost)."""
        from composer_app.session.live import CallAndResponse, JamSettings

        if not on:
            self.midi.jam = None
            return
        if self.window.model is None or (not self.keys_at_hand() and (self.midi.hub is None
                                                                        or not self.midi.hub.input_connected)):
            self.window.actions["jam"].setChecked(False)
            self.say(self.tr("Jam needs a MIDI input (Preferences) and the model."), 8000)
            return
        self.jam_settings = JamSettings(bars=self.window.panel.bars.value(), wait_beats=2.0, tempo=self.session.melody.bpm)
        self.midi.jam = CallAndResponse(self.jam_settings)
        self.say(self.tr("Jam: play a phrase, then pause for two beats."), 8000)

    def _answer_phrase(self, notes) -> None:
        """A phrase ended: the session makes the answer off the GUI thread; then it plays and shows."""
        from composer_app.ui.problems import in_words
        from composer_app.ui.workers import pool_executor

        self.session.jam_answer(self.window.model, notes, self.jam_settings,
                                       run=pool_executor(self.window.pool, self._jam_tasks),
                                       on_done=self._play_answer,
                                       on_failed=lambda e: self.say(in_words(e), 8000))

    def _play_answer(self, phrase, result) -> None:
        from composer_app.core.timing import ticks_to_seconds

        if self.midi.jam is None:
            return  # jam was switched off while the answer was being made
        answer = result.variations[0]
        if len(answer):
            first = answer.notes[0].tick
            self.player.play_melody(answer)
            length = ticks_to_seconds(answer.end_tick, answer.tempos) - ticks_to_seconds(first, answer.tempos)
            self.midi.jam.answering(time.perf_counter(), length)  # do not answer the answer

    def _on_recording_changed(self, recording: bool) -> None:
        self.window.actions["record"].setChecked(recording)
        if not recording:
            self.session.show_live([])

    def _show_live_notes(self) -> None:
        self.session.show_live(self.midi.live_notes)

    def toggle_play(self) -> None:
        """Space: stop, or play the selection if there is one, else the melody from the playhead (or loop)."""
        if self.player.playing:
            self.player.stop()
            return
        selected = self.session.selection_melody()
        if selected is not None and len(selected) > 1:
            self.player.play_melody(selected)
        else:
            self.player.play_melody(self.session.melody, from_playhead=True)

    def audition_variation(self) -> None:
        """Play the shown variation: a continuation on its own, a fill in its place (from a bar before the span
        into the bar after it)."""
        current, span = self.session.variations.current, self.session.variations.span
        if current is None:
            return
        melody = self.session.melody
        if span is not None and span[1] < melody.end_tick:  # a span inside the melody: hear it in context
            from composer_app.engine.fill import with_fill

            bar = melody.time_signature.bar_ticks
            self.player.play_range(with_fill(melody, current, *span), span[0] - bar, span[1] + bar)
        else:
            self.player.play_melody(current)

