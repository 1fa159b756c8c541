"""Constraints on what the model may write, each a small object (in the manner of transformers'
LogitsProcessorList). The sampling loop in `engine.generate` asks every constraint in CONSTRAINTS and never
changes when one is added:

- `shape(plan)`: once per generation, narrow what may be chosen at all (`plan.allowed`), lean the scores
  (`plan.bias`), say what is preferred where it fits (`plan.preferred`) or set a conditioning input
  (`plan.style`);
- `room(k, elapsed)`: how many grid steps row k's next token may fill (None: no limit of its own);
- `narrow(k, elapsed, room, hard, soft)`: in this row and step, the tokens that must (`hard`) and should
  (`soft`) be chosen from; return the new pair, or None when the constraint has nothing to say now;
- `chose(k, token)`: row k took this token (for constraints that remember).

A new constraint is one module here (its base, `Constraint`, and the `Plan` are in base.py) with a class that has `from_options(options, plan)` (None when the
options do not ask for it), one entry in CONSTRAINTS, and one setting in `core.settings`.
"""

from __future__ import annotations

from composer_app.engine.constraints.base import Constraint, Plan
from composer_app.engine.constraints.density import Density
from composer_app.engine.constraints.ending import EndOn
from composer_app.engine.constraints.key_lock import KeyLock
from composer_app.engine.constraints.pitch_range import PitchRange
from composer_app.engine.constraints.rhythm import FollowRhythm
from composer_app.engine.constraints.style import Style
from composer_app.engine.constraints.variety import VaryNoteLengths

CONSTRAINTS: tuple[type[Constraint], ...] = (PitchRange, KeyLock, Density, FollowRhythm, Style, EndOn,
                                             VaryNoteLengths)


def make_constraints(options, plan: Plan) -> list[Constraint]:
    """The constraints the options ask for, in the order they act."""
    made = (kind.from_options(options, plan) for kind in CONSTRAINTS)
    return [c for c in made if c is not None] + list(getattr(options, "constraints", ()) or ())


__all__ = ["CONSTRAINTS", "Constraint", "Plan", "make_constraints", "Density", "EndOn", "KeyLock", "PitchRange",
           "FollowRhythm", "Style", "VaryNoteLengths"]
