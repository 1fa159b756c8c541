"""Style: a conditioning input of the model (dance tune, song or air, chorale, renaissance; auto: unknown)."""

from __future__ import annotations

from dataclasses import dataclass

from composer_app.core.encoding import style_id
from composer_app.engine.constraints.base import Constraint, Plan


@dataclass
class Style(Constraint):
    style: str

    @classmethod
    def from_options(cls, options, plan: Plan) -> "Style":
        return cls(options.style)

    def shape(self, plan: Plan) -> None:
        plan.style = style_id(self.style)
