"""Note density: lean towards longer notes and rests (below 0) or shorter notes (above 0)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from composer_app.engine.constraints.base import Constraint, Plan


@dataclass
class Density(Constraint):
    density: float

    @classmethod
    def from_options(cls, options, plan: Plan) -> "Density | None":
        return cls(options.density) if options.density else None

    def shape(self, plan: Plan) -> None:
        plan.bias -= self.density * np.log2(np.maximum(plan.token_dur, 1)).astype(np.float32) * 1.5
        plan.bias[plan.is_rest] -= self.density * 1.5
