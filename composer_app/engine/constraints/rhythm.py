"""Follow the seed's rhythm: a soft pull towards its note lengths, and (softly) nothing shorter than its
shortest."""

from __future__ import annotations

from dataclasses import dataclass

from composer_app.engine.constraints.base import Constraint, Plan
from composer_app.engine.shaping import RhythmProfile


@dataclass
class FollowRhythm(Constraint):
    profile: RhythmProfile

    @classmethod
    def from_options(cls, options, plan: Plan) -> "FollowRhythm | None":
        if not getattr(options, "follow_rhythm", True):
            return None
        step = plan.encoding.step_ticks
        profile = RhythmProfile.of([d // step for _, d, _ in plan.seed_grid], plan.encoding.max_duration)
        return cls(profile) if profile is not None else None

    def shape(self, plan: Plan) -> None:
        notes = plan.is_note
        plan.bias[notes] += self.profile.bias[plan.token_dur[notes]]
        plan.preferred &= ~notes | (plan.token_dur >= self.profile.shortest)
