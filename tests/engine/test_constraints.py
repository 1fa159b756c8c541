"""Constraints plug into the sampling loop as objects; the settings schema is the one source of defaults."""

from dataclasses import dataclass

import pytest

from composer_app.core.errors import ComposerError
from composer_app.core.settings import SETTINGS, GenerationSettings, settings_from
from composer_app.engine.bench import bench_seed_phrase
from composer_app.engine.constraints import CONSTRAINTS, Constraint, Plan
from composer_app.engine.generate import ContinueOptions, continue_melody


@dataclass
class OnlyEvenPitches(Constraint):
    """A constraint written outside the engine: it narrows what may be chosen at all."""

    @classmethod
    def from_options(cls, options, plan):
        return cls()

    def shape(self, plan: Plan) -> None:
        plan.allowed &= ~plan.is_note | (plan.token_pitch % 2 == 0)


@dataclass
class StopAfterOneBar(Constraint):
    """One that limits the room of each row and then asks for rests only (a per-step rule)."""

    bar: int = 16

    @classmethod
    def from_options(cls, options, plan):
        return cls(plan.bar_steps)

    def shape(self, plan: Plan) -> None:
        self.plan = plan

    def narrow(self, k, elapsed, room, hard, soft):
        if elapsed < self.bar:
            return None
        rests = hard & self.plan.is_rest
        return rests, rests


def test_a_new_constraint_is_one_object_and_the_loop_obeys_it(model):
    seed = bench_seed_phrase()
    plain = continue_melody(model, seed, ContinueOptions(bars=4, variations=4, seed=5, key=None))
    assert any(n.pitch % 2 for v in plain.variations for n in v)  # without it, odd pitches come
    even = continue_melody(model, seed, ContinueOptions(bars=4, variations=4, seed=5, key=None,
                                                        constraints=(OnlyEvenPitches(),)))
    assert all(n.pitch % 2 == 0 for v in even.variations for n in v) and all(len(v) for v in even.variations)
    short = continue_melody(model, seed, ContinueOptions(bars=4, variations=2, seed=5,
                                                         constraints=(StopAfterOneBar(16),)))
    bar = seed.time_signature.bar_ticks
    assert all(n.tick < short.start_tick + bar for v in short.variations for n in v)


def test_the_settings_ask_for_the_built_in_constraints(model):
    from composer_app.engine.constraints import make_constraints

    seed = bench_seed_phrase()
    options = ContinueOptions(key="C", end_on="tonic", density=0.5)
    from composer_app.core.keys import Key

    plan = Plan(model.encoding, Key.parse("C"), Key.parse("C"), [(0, 480, 60)] * 4, 0, 64, 16, 4)
    kinds = {type(c).__name__ for c in make_constraints(options, plan)}
    assert {"PitchRange", "KeyLock", "Density", "FollowRhythm", "Style", "EndOn", "VaryNoteLengths"} <= kinds
    free = ContinueOptions(key=None, end_on="free", density=0.0)
    plan.key = None
    kinds = {type(c).__name__ for c in make_constraints(free, plan)}
    assert not {"KeyLock", "Density", "EndOn"} & kinds
    assert len(CONSTRAINTS) == 7 and seed is not None


def test_one_schema_gives_the_defaults_everywhere():
    from composer_app.cli import build_parser

    defaults = {s.name: s.default for s in SETTINGS}
    assert GenerationSettings().settings() == defaults
    assert ContinueOptions().settings() == defaults
    args = build_parser().parse_args(["continue", "x.mid", "-o", "y.mid"])
    assert {s.name: getattr(args, s.name) for s in SETTINGS} == defaults


def test_settings_are_checked_by_the_schema():
    assert settings_from({"bars": 99, "top_p": 0.5, "key": "none", "style": "jazz", "other": 1}) == \
        {"top_p": 0.5, "key": None}
    with pytest.raises(ComposerError, match="bars must be 1 to 32"):
        settings_from({"bars": 99}, strict=True)
    with pytest.raises(ComposerError, match="style must be one of"):
        ContinueOptions(style="jazz").validate()
