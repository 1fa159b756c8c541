"""End on: the last note falls on the last strong beat, on the tonic or a tone of the tonic chord, and is
held to the end."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from composer_app.engine.constraints.base import Constraint, Plan
from composer_app.engine.shaping import ending_pitch_classes, final_onset


@dataclass
class EndOn(Constraint):
    final_at: int  # grid steps from the start of the continuation
    pitch_classes: set[int]
    tokens: np.ndarray | None = None  # [V] the notes it may end on

    @classmethod
    def from_options(cls, options, plan: Plan) -> "EndOn | None":
        grid = plan.seed_grid
        ending = ending_pitch_classes(options.end_on, plan.seed_key, grid[-1][2] if grid else None)
        if ending is None:
            return None
        start = plan.start_step
        return cls(final_onset(start, start + plan.total_steps, plan.bar_steps) - start, ending)

    def shape(self, plan: Plan) -> None:
        self.plan = plan
        tokens = plan.allowed & plan.is_note & np.isin(plan.token_pitch % 12, list(self.pitch_classes))
        if not tokens.any():  # no such note in the range or key: it ends on another note, and says so
            plan.unmet.append("end_on")
            tokens = plan.allowed & plan.is_note
        self.tokens = tokens

    def room(self, k: int, elapsed: int) -> int | None:
        return self.final_at - elapsed if elapsed < self.final_at else None

    def narrow(self, k: int, elapsed: int, room: int, hard: np.ndarray, soft: np.ndarray):
        if elapsed < self.final_at or elapsed >= self.plan.total_steps:
            return None
        plan = self.plan
        if elapsed == self.final_at:
            hard = hard & self.tokens & (plan.token_dur == room)
        else:
            hard = hard & plan.is_hold & (plan.token_dur == room)
        return hard, hard & plan.preferred
