"""Variety: a variation that has used one note length only (or none) up to its last two bars is asked for
a note of another length there."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from composer_app.engine.constraints.base import Constraint, Plan


@dataclass
class VaryNoteLengths(Constraint):
    vary_from: int  # grid steps from the start
    one_length: list[int] = field(default_factory=list)  # per row: 0 none yet, -1 several, else the one length

    @classmethod
    def from_options(cls, options, plan: Plan) -> "VaryNoteLengths":
        return cls(plan.total_steps - min(2, options.bars) * plan.bar_steps, [0] * plan.variations)

    def shape(self, plan: Plan) -> None:
        self.plan = plan
        self.length_of_note_token = np.where(plan.is_note, plan.token_dur, 0)
        self.note_of, self.dur_of = plan.is_note.tolist(), plan.token_dur.tolist()

    def narrow(self, k: int, elapsed: int, room: int, hard: np.ndarray, soft: np.ndarray):
        if self.one_length[k] < 0 or elapsed < self.vary_from or elapsed >= self.plan.total_steps:
            return None
        other_notes = hard & self.plan.is_note & (self.length_of_note_token != self.one_length[k])
        if other_notes.any():  # a note of another length now if one fits (even a shorter one)
            preferred = other_notes & self.plan.preferred
            soft = preferred if preferred.any() else other_notes
        else:  # else no such note
            soft = soft & (self.length_of_note_token != self.one_length[k])
        return hard, soft

    def chose(self, k: int, token: int) -> None:
        if self.note_of[token]:
            length, one = self.dur_of[token], self.one_length[k]
            self.one_length[k] = length if one == 0 else (-1 if one != length else length)
