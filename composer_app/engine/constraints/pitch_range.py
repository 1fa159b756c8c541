"""Pitch range: no note below `low` or above `high`."""

from __future__ import annotations

from dataclasses import dataclass

from composer_app.engine.constraints.base import Constraint, Plan


@dataclass
class PitchRange(Constraint):
    low: int
    high: int

    @classmethod
    def from_options(cls, options, plan: Plan) -> "PitchRange":
        return cls(options.low, options.high)

    def shape(self, plan: Plan) -> None:
        p = plan.token_pitch
        plan.allowed &= ~plan.is_note | ((p >= self.low) & (p <= self.high))
