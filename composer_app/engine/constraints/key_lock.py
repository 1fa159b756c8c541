"""Key lock: every note in the chosen (or detected) key's scale."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from composer_app.core.keys import Key
from composer_app.engine.constraints.base import Constraint, Plan


@dataclass
class KeyLock(Constraint):
    key: Key

    @classmethod
    def from_options(cls, options, plan: Plan) -> "KeyLock | None":
        return cls(plan.key) if plan.key is not None else None

    def shape(self, plan: Plan) -> None:
        in_key = np.zeros(128, dtype=bool)
        scale = self.key.pitch_classes()
        in_key[[p for p in range(128) if p % 12 in scale]] = True
        plan.allowed &= ~plan.is_note | in_key[np.clip(plan.token_pitch, 0, 127)]
