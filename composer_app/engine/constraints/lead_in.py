"""Lead in: a span that the music after it follows at once (an intro before a first note or a pickup) ends
sounding, so no silent beats sit between it and that note: its last token, the one that reaches the span's end,
is a note or a held note, never a rest."""

from __future__ import annotations

from dataclasses import dataclass

from composer_app.engine.constraints.base import Constraint, Plan


@dataclass
class LeadIn(Constraint):
    """Asked for by the window's Write an Intro (options.constraints), not by a setting."""

    @classmethod
    def from_options(cls, options, plan: Plan) -> "LeadIn | None":
        return None

    def shape(self, plan: Plan) -> None:
        self.plan = plan

    def narrow(self, k: int, elapsed: int, room: int, hard, soft):
        plan = self.plan
        left = plan.total_steps - elapsed
        if left <= 0:
            return None
        silent_to_the_end = plan.is_rest & (plan.token_dur >= left)
        narrowed = hard & ~silent_to_the_end
        if not narrowed.any():
            return None
        return narrowed, soft & ~silent_to_the_end
