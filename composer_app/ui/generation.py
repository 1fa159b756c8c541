"""Continue and its variations in the window: start (off the GUI thread), progress, cancel, again,
cycle, choose, accept (one undo step) and discard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from composer_app.core.errors import ComposerError
from composer_app.core.timing import STEP_TICKS
from composer_app.engine.fill import SpanError
from composer_app.engine.generate import ContinueOptions, GenerationCancelled
from composer_app.session.session import Session
from composer_app.ui.actions import keys_of
from composer_app.ui.model_choice import ModelChoice
from composer_app.ui.numbers import decimal
from composer_app.ui.panels.continue_panel import ContinuePanel
from composer_app.ui.problems import in_words
from composer_app.ui.roll.piano_roll import PianoRollView
from composer_app.ui.workers import Generation, pool_executor

VARIATION_ACTIONS = ("next_variation", "previous_variation", "accept_variation", "discard_variations", "export_variation")


class GenerationControls(QObject):
    """What the Generate menu and the Continue panel do."""

    def __init__(self, parent: QWidget, session: Session, panel: ContinuePanel, roll: PianoRollView,
                 models: ModelChoice, actions: dict, label: QLabel, say: Callable[[str, int], None],
                 audition: Callable[[], None], pool: QThreadPool) -> None:
        super().__init__(parent)
        self.parent_widget, self.session, self.panel, self.roll, self.models = parent, session, panel, roll, models
        self.actions, self.label, self.say, self.audition, self.pool = actions, label, say, audition, pool
        self.worker: Generation | None = None
        self._tasks: list = []  # running pool tasks (their signals must outlive the call that started them)
        self.last_options: ContinueOptions | None = None
        self.room_step = -1  # after an intro moved the melody later: the undo index right after that move
        self.last_generation_ms: float | None = None
        panel.continue_requested.connect(self.start)
        panel.again_requested.connect(self.again)
        panel.accept_requested.connect(self.accept)
        panel.discard_requested.connect(self.discard)
        panel.cancel_requested.connect(self.cancel)
        panel.variation_chosen.connect(self.choose)
        roll.state.ghosts_changed.connect(self.update_actions)
        session.variations.events.changed.connect(self._show_list)
        session.variations.events.index.connect(panel.show_variation)

    def start(self, options: ContinueOptions | None = None) -> bool:
        if self.worker is not None:
            return False
        if options is None:  # Continue: not an intro any more
            self.room_step = -1
        model = self.models.model
        if model is None:
            QMessageBox.information(self.parent_widget, self.tr("Generation unavailable"),
                                    self.models.error or self.tr("The model is still loading."))
            return False
        options = options or self.panel.options(self.session.selection_range())
        self._follow_chords(options)
        self.last_options = options
        self.worker = Generation()
        self.worker.signals.progress.connect(lambda f: self.panel.progress.setValue(int(f * 100)))
        self.panel.set_busy(True)
        self.session.continue_melody(model, options, run=pool_executor(self.pool, self._tasks),
                                     on_done=self._done, on_failed=self._failed,
                                     progress=self.worker.signals.progress.emit, cancel=self.worker.cancel_event)
        return True

    def _follow_chords(self, options: ContinueOptions) -> None:
        """With chords in the chord track, what is generated follows them (notes on the beats are chord tones)."""
        from composer_app.engine.constraints.chord_tones import FollowChords

        melody = self.session.melody
        kept = tuple(c for c in options.constraints if not isinstance(c, FollowChords))
        options.constraints = kept + ((FollowChords(list(melody.chords), melody.time_signature.beat_ticks),)
                                      if melody.chords else ())

    def again(self) -> bool:
        """Generate anew with the panel's current settings, where the last variations were (a continuation
        from the same place, or the same span filled)."""
        options = self.panel.options(self.session.selection_range())
        if self.last_options is not None:
            last = self.last_options
            options.region, options.start_tick, options.end_tick = last.region, last.start_tick, last.end_tick
        options.seed = None
        return self.start(options)

    def fill(self) -> bool:
        """Fill the span: the range dragged on the ruler, else the bars of the selected notes."""
        self.room_step = -1
        span = self.session.fill_span()
        return self._fill(span, self.tr("Drag on the ruler over the bars to fill, or select notes, then press "
                                        "Fill (%1).").replace("%1", keys_of(self.actions["fill"])))

    def regenerate(self) -> bool:
        """Write the selected notes again in the time they take (on the grid)."""
        self.room_step = -1
        span = self.session.selection_span(STEP_TICKS)
        return self._fill(span, self.tr("Select the notes to write again first."))

    def intro(self, bars: int) -> bool:
        """Write `bars` bars before the first note: the melody moves later by that much (an undo step of its
        own, taken back again if the intro's variations are discarded), then the bars before it are filled."""
        melody = self.session.melody
        if len(melody) == 0:
            self.say(in_words(SpanError("", "span_empty")), 8000)
            return False
        bar = melody.time_signature.bar_ticks
        first = melody.notes[0].tick
        room = max(0, bars * bar - (first // bar) * bar)  # empty bars before the first note count
        if room and not self.session.do(self.session.make_room(room, self.tr("Make room for an intro"))):
            return False
        self.room_step = self.parent_widget.undo.index() if room else -1
        first = melody.notes[0].tick
        start = (first // bar - bars) * bar
        from composer_app.engine.constraints.lead_in import LeadIn

        # up to a pickup's beat, sounding to its end: no silent beats before the first note
        return self._fill((start, max(start + bars * bar, first - first % STEP_TICKS)), "", (LeadIn(),))

    def _fill(self, span, hint: str, constraints: tuple = ()) -> bool:
        from composer_app.engine.fill import check_span

        if span is None:
            self.say(hint, 8000)
            return False
        try:
            check_span(self.session.melody, *span)
        except ComposerError as e:
            self.say(in_words(e), 10000)
            return False
        options = self.panel.options(None)
        options.start_tick, options.end_tick = span
        options.constraints = tuple(options.constraints) + constraints
        if self.models.model is not None and not self.models.model.can_fill:
            self.say(self.tr("This model hears only the music before the span (it was made before models could "
                             "fill); a model trained now hears both sides."), 8000)
        return self.start(options)

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def _finish(self) -> None:
        self.worker = None
        self.panel.set_busy(False)

    def _done(self, result) -> None:
        self._finish()
        self.last_generation_ms = result.seconds * 1000
        self.label.setText(self.tr("Last generation: %1 ms").replace("%1", decimal(self.last_generation_ms, 1)))
        self.roll.update_scrollbars()
        self.roll.reveal(result.start_tick)
        self.audition()
        self._say_if_alike(result)

    def _say_if_alike(self, result) -> None:
        """Say when the settings kept the model from what was asked: an End on no note in the range can meet,
        variations that came out the same or go back and forth between two notes (a narrow range or low
        creativity), each with the setting to change."""
        from composer_app.core.note_names import pitch_name
        from composer_app.session.variations import how_alike

        items, options = result.variations, self.last_options
        span = ((pitch_name(options.low), pitch_name(options.high)) if options is not None else ("", ""))
        if "end_on" in result.extra.get("unmet", ()):
            text = self.tr("No note that End on asks for lies in the pitch range (%1 to %2): the variations end on "
                           "other notes. Widen the range to end there.")
            self.say(text.replace("%1", span[0]).replace("%2", span[1]), 12000)
            return
        distinct, fewest = how_alike(items)
        alike = (len(items) > 1 and distinct < len(items)) or (fewest is not None and fewest <= 2)
        if not alike:
            return
        if options is not None and options.high - options.low < 12:  # fewer than an octave of notes to use
            text = self.tr("The pitch range (%1 to %2) leaves the model few notes to choose from: widen it for "
                           "more varied variations.")
            self.say(text.replace("%1", span[0]).replace("%2", span[1]), 12000)
        elif len(items) > 1 and distinct < len(items):
            text = self.tr("Only %1 of the %2 variations came out different: with Creativity and Top-p this low "
                           "the model keeps to its safest notes. Raise either for different ones.")
            self.say(text.replace("%1", str(distinct)).replace("%2", str(len(items))), 12000)
        else:
            self.say(self.tr("The variations go back and forth between two notes: raise Creativity or Top-p for "
                             "more varied ones."), 12000)

    def _failed(self, error: Exception) -> None:
        self._finish()
        if isinstance(error, GenerationCancelled):
            self.say(self.tr("Generation cancelled"), 3000)
        else:
            QMessageBox.warning(self.parent_widget, self.tr("Generation failed"), in_words(error))

    def update_actions(self) -> None:
        has = bool(self.session.variations)
        for name in VARIATION_ACTIONS:
            self.actions[name].setEnabled(has)
        self.actions["again"].setEnabled(self.last_options is not None or has)

    def cycle(self, step: int) -> None:
        self.session.variations.cycle(step)
        self.audition()

    def choose(self, index: int) -> None:
        if 0 <= index < len(self.session.variations):
            self.session.variations.choose(index)
            self.audition()

    def _show_list(self) -> None:
        v = self.session.variations
        self.panel.set_variations(v.items)
        if v:
            self.panel.show_variation(v.index)
        else:
            self.roll.settle()

    def accept(self) -> bool:
        """The shown variation replaces what the document has in its bars (one undo step; undo brings the
        variations back; an intro's room stays tied to them, so discarding them after that undo takes it too)."""
        label = self.tr("Accept variation %1").replace("%1", str(self.session.variations.index + 1))
        return self.session.do(self.session.accept(label))

    def discard(self) -> None:
        """The variations go; the room made for an intro they would have filled goes with them."""
        self.session.variations.clear()
        undo = self.parent_widget.undo
        if self.room_step >= 0 and undo.index() == self.room_step:  # nothing done since
            undo.undo()
            forget_redo(undo)  # Redo must not move the melody later again with no intro before it
        self.room_step = -1


def forget_redo(stack) -> None:
    """Drop the steps a stack could redo: an obsolete command pushed deletes them and is itself dropped."""
    from PySide6.QtGui import QUndoCommand

    nothing = QUndoCommand()
    nothing.setObsolete(True)
    stack.push(nothing)
