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

A new constraint is one module here with a class that has `from_options(options, plan)` (None when the
options do not ask for it), one entry in CONSTRAINTS, and one setting in `core.settings`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from composer_app.core.encoding import MelodyEncoding
from composer_app.core.keys import Key


@dataclass
class Plan:
    """What one generation is shaped by; built by the engine, changed by the constraints' `shape`."""

    encoding: MelodyEncoding
    key: Key | None  # the key lock (None: none)
    seed_key: Key | None  # the key of the seed, locked or not (for where to end)
    seed_grid: list[tuple[int, int, int]]  # the seed on the grid: (tick, duration, pitch)
    start_step: int
    total_steps: int
    bar_steps: int
    variations: int
    allowed: np.ndarray = field(default=None)  # [V] bool
    bias: np.ndarray = field(default=None)  # [V] float32
    preferred: np.ndarray = field(default=None)  # [V] bool
    style: int = 0

    def __post_init__(self) -> None:
        enc = self.encoding
        if self.allowed is None:
            self.allowed = np.ones(enc.vocab_size, dtype=bool)
            self.allowed[[enc.PAD, enc.START]] = False
        if self.bias is None:
            self.bias = np.zeros(enc.vocab_size, dtype=np.float32)
        if self.preferred is None:
            self.preferred = np.ones(enc.vocab_size, dtype=bool)
        self.token_pitch = enc.token_pitch()
        self.token_dur = enc.token_duration()
        self.is_note, self.is_hold, self.is_rest = enc.is_note(), enc.is_hold(), enc.is_rest()


class Constraint:
    """The do-nothing constraint; subclasses override what they need."""

    @classmethod
    def from_options(cls, options, plan: Plan) -> "Constraint | None":
        raise NotImplementedError

    def shape(self, plan: Plan) -> None:
        pass

    def room(self, k: int, elapsed: int) -> int | None:
        return None

    def narrow(self, k: int, elapsed: int, room: int, hard: np.ndarray, soft: np.ndarray):
        return None

    def chose(self, k: int, token: int) -> None:
        pass


def make_constraints(options, plan: Plan) -> list[Constraint]:
    """The constraints the options ask for, in the order they act."""
    made = (kind.from_options(options, plan) for kind in CONSTRAINTS)
    return [c for c in made if c is not None] + list(getattr(options, "constraints", ()) or ())


from composer_app.engine.constraints.density import Density  # noqa: E402
from composer_app.engine.constraints.ending import EndOn  # noqa: E402
from composer_app.engine.constraints.key_lock import KeyLock  # noqa: E402
from composer_app.engine.constraints.pitch_range import PitchRange  # noqa: E402
from composer_app.engine.constraints.rhythm import FollowRhythm  # noqa: E402
from composer_app.engine.constraints.style import Style  # noqa: E402
from composer_app.engine.constraints.variety import VaryNoteLengths  # noqa: E402

CONSTRAINTS: tuple[type[Constraint], ...] = (PitchRange, KeyLock, Density, FollowRhythm, Style, EndOn,
                                             VaryNoteLengths)

__all__ = ["CONSTRAINTS", "Constraint", "Plan", "make_constraints", "Density", "EndOn", "KeyLock", "PitchRange",
           "FollowRhythm", "Style", "VaryNoteLengths"]
