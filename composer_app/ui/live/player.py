"""Playback in the window, with a moving playhead, on whichever Output is in use (MIDI or the built-in piano)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from composer_app.core.melody import Melody
from composer_app.core.performance import clicks
from composer_app.core.timing import seconds_to_ticks
from composer_app.midi.output import Output
from composer_app.ui.roll.state import RollState


class Player(QObject):
    """Plays the melody from the playhead (or the loop range) and moves the playhead while it sounds."""

    started = Signal()
    stopped = Signal()

    def __init__(self, state: RollState, output: Callable[[], Output], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.output = output  # the Output in use now (asked at every start: devices come and go)
        self.playing_on: Output | None = None
        self.melody: Melody | None = None
        self.from_playhead = False
        self.looping = False
        self.timer = QTimer(self)
        self.timer.setInterval(30)
        self.timer.timeout.connect(self._tick)
        self.start_time = 0.0
        self.start_tick = 0
        self.end_tick = 0
        self.return_to: int | None = None  # where the playhead was when playback started (it goes back there)
        self.metronome = False  # clicks on the beats while the document plays
        self.count_in = False  # a bar of clicks before it plays
        self.chords = True  # the chord track's accompaniment plays with the document
        self.pattern = "block"  # how it plays the chords (engine.accompaniment.PATTERNS)
        self._backing: tuple[tuple, list] | None = None  # the last accompaniment and what it was made of
        state.audition.connect(self.audition)

    @property
    def playing(self) -> bool:
        return self.timer.isActive()

    def toggle(self, melody: Melody | None = None) -> None:
        if self.playing:
            self.stop()
        elif melody is not None or self.melody is not None:
            self.play_melody(melody or self.melody, from_playhead=True)

    def play_range(self, melody: Melody, start: int, end: int) -> None:
        """Play [start, end) of `melody` (a fill heard in its place: a bar before it into the bar after)."""
        self.play_melody(melody, start_at=max(0, start), end_at=end)

    def play_melody(self, melody: Melody, from_playhead: bool = False, start_at: int | None = None,
                    end_at: int | None = None) -> None:
        """Play `melody` (from the playhead, or from its first note); a loop range repeats until Stop. When it
        stops, the playhead goes back to where it was when playback started (as DAWs do)."""
        if self.return_to is None:
            self.return_to = self.state.playhead
        self._halt()
        self.melody, self.from_playhead = melody, from_playhead
        plan = self.state.session.playback_range(melody, from_playhead, start_at)
        if plan is not None and end_at is not None:
            plan = (plan[0], min(plan[1], end_at), plan[2]) if plan[0] < min(plan[1], end_at) else None
        if plan is None:
            self.looping = False
            self._return()
            self.stopped.emit()
            return
        start, end, self.looping = plan
        self.playing_on = self.output()
        ts = melody.time_signature
        document = from_playhead and melody is self.state.session.melody
        count_in = document and self.count_in and start_at is None  # not again at each loop
        beats = clicks(melody.tempos, ts.bar_ticks, ts.numerator, start, end, count_in,
                       document and self.metronome) if document and (self.metronome or count_in) else []
        lead = -min((c.time for c in beats), default=0.0) if count_in else 0.0
        backing = self.accompaniment(melody) if self.chords and (melody.chords or self.state.session.melody.chords) else ()
        self.playing_on.play(melody, start, end, beats, lead, backing)
        self.start_tick, self.end_tick = start, max(end, start + 1)
        self.start_time = time.perf_counter() + lead  # the playhead waits for the count-in
        self.timer.start()
        self.started.emit()

    def accompaniment(self, melody: Melody) -> list:
        """The chord track played in the chosen pattern under `melody` (the document, or a variation or fill
        heard in its place), as notes. Made again only when the notes, chords or pattern changed: a loop that
        starts over, or Play pressed again, does not search four voices on the GUI thread again."""
        from composer_app.core.errors import ComposerError
        from composer_app.core.keys import melody_key
        from composer_app.engine.accompaniment import accompany

        chords = melody.chords or self.state.session.melody.chords
        made_of = (tuple(melody.contents()), tuple(chords), self.pattern, melody.time_signature)
        if self._backing is not None and self._backing[0] == made_of:
            return self._backing[1]
        ts = melody.time_signature
        try:
            rows = accompany(chords, melody.contents(), ts.bar_ticks, ts.beat_ticks, self.pattern,
                             melody_key(self.state.session.melody)[0])
        except ComposerError:  # four voices that cannot be found under this melody: the block chords instead
            rows = accompany(chords, melody.contents(), ts.bar_ticks, ts.beat_ticks, "block")
        backing = list(Melody.from_notes(rows))
        self._backing = (made_of, backing)
        return backing

    def _tick(self) -> None:
        elapsed = time.perf_counter() - self.start_time
        if elapsed < 0:  # counting in
            return
        tick = seconds_to_ticks(elapsed, self.melody.tempos, self.start_tick)
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
        """Sound one pitch briefly on the Output in use."""
        self.output().note(pitch, 90, 0.3)

    def stop(self) -> None:
        halted = self._halt()
        self._return()
        if halted:
            self.stopped.emit()

    def _return(self) -> None:
        """The playhead goes back; the view stays on the music just heard (it does not jump to bar 1)."""
        if self.return_to is not None:
            follow, self.state.follow_playhead = self.state.follow_playhead, False
            try:
                self.state.set_playhead(self.return_to)
            finally:
                self.state.follow_playhead = follow
            self.return_to = None

    def seek(self, tick: int) -> None:
        """Move the playhead (Home, End); playing goes on from there (past the end it stops there)."""
        playing, melody = self.playing, self.melody
        self.return_to = None
        self._halt()
        self.state.set_playhead(tick)
        if playing and melody is self.state.session.melody and tick < melody.end_tick:
            self.play_melody(melody, from_playhead=True)
        elif playing:
            self.stopped.emit()

    def _halt(self) -> bool:
        """Silence everything; True if something was playing."""
        if self.playing_on is not None:
            self.playing_on.stop()
        if self.timer.isActive():
            self.timer.stop()
            return True
        return False
