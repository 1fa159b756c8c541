"""Follow chords: a note that starts on a beat while a chord sounds is one of the chord's tones (rests, held
notes and notes between beats stay free, so passing notes remain possible)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from composer_app.core.chords import ChordEvent, chord_at
from composer_app.engine.constraints.base import Constraint, Plan


@dataclass
class FollowChords(Constraint):
    chords: Sequence[ChordEvent]
    beat_ticks: int
    plan: Plan | None = field(default=None, repr=False)
    _by_chord: dict = field(default_factory=dict, repr=False)

    @classmethod
    def from_options(cls, options, plan: Plan) -> "FollowChords | None":
        return None  # asked for by a run (options.constraints), not by a setting

    def shape(self, plan: Plan) -> None:
        self.plan = plan
        self.chords = sorted(self.chords, key=lambda c: c.tick)

    def _tones(self, event: ChordEvent) -> np.ndarray:
        mask = self._by_chord.get(event.chord)
        if mask is None:
            plan = self.plan
            fits = np.isin(plan.token_pitch % 12, list(event.chord.pitch_classes()))
            mask = ~plan.is_note | fits
            self._by_chord[event.chord] = mask
        return mask

    def narrow(self, k: int, elapsed: int, room: int, hard: np.ndarray, soft: np.ndarray):
        plan = self.plan
        tick = (plan.start_step + elapsed) * plan.encoding.step_ticks
        if tick % self.beat_ticks:
            return None
        event = chord_at(self.chords, tick)
        if event is None or event.chord is None:
            return None
        tones = self._tones(event)
        narrowed_hard = hard & tones
        if not (narrowed_hard & plan.is_note).any():
            return None  # no chord tone fits the range or key here: leave the step free
        return narrowed_hard, soft & tones
