"""The plan a generation is shaped by, and the do-nothing constraint every constraint extends."""

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
    unmet: list = field(default_factory=list)  # choices no note can meet (e.g. "end_on"): the student is told

    def __post_init__(self) -> None:
        enc = self.encoding
        if self.allowed is None:
            self.allowed = np.ones(enc.vocab_size, dtype=bool)
            self.allowed[enc.never_predicted()] = False
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
