"""The generation settings, declared once: name, type, default, limits and words for each.

The Continue panel, the project file (`generation`), the remembered settings and the command line's flags
are all made from SETTINGS, so they share one set of defaults. A new setting (for a new constraint) is one
more entry here; `GenerationSettings` and the engine's `ContinueOptions` pick it up as a field.
"""

from __future__ import annotations

from dataclasses import dataclass

from composer_app.core.encoding import STYLES
from composer_app.core.errors import ComposerError

STYLE_CHOICES = ("auto",) + STYLES[1:]  # auto: the model's "unknown" style, judged from the seed
END_CHOICES = ("free", "tonic", "chord")


@dataclass(frozen=True)
class Setting:
    """One generation setting."""

    name: str
    kind: type
    default: object
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] | None = None
    help: str = ""
    nullable: bool = False  # None is a value ("key": no key lock)
    label: str = ""  # the name in messages (default: the name with spaces)

    @property
    def words(self) -> str:
        return self.label or self.name.replace("_", " ")

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")

    def check(self, value) -> None:
        """ComposerError in one sentence when the value does not fit."""
        if value is None and self.nullable:
            return
        if self.kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if isinstance(value, bool) or not isinstance(value, self.kind):
            raise ComposerError(f"{self.words} must be {self.kind.__name__}, not {value!r}")
        if self.low is not None and not self.low <= value <= self.high:
            raise ComposerError(f"{self.words} must be {_num(self.low)} to {_num(self.high)}, "
                                f"not {value}")
        if self.choices is not None and value not in self.choices:
            raise ComposerError(f"{self.words} must be one of {', '.join(self.choices)}, not {value}")
        if isinstance(value, str) and len(value) > 40:
            raise ComposerError(f"{self.words} is too long")


def _num(x: float) -> str:
    return f"{x:g}"


SETTINGS: tuple[Setting, ...] = (
    Setting("bars", int, 4, 1, 32, help="how many bars each variation adds"),
    Setting("variations", int, 4, 1, 8, help="how many different continuations to offer at once"),
    Setting("temperature", float, 1.0, 0.05, 3.0, help="creativity: low for the model's safest choices"),
    Setting("top_p", float, 0.95, 0.05, 1.0, help="choose only among the likeliest notes making up this share",
            label="top-p"),
    Setting("key", str, "auto", nullable=True, help="auto, none, or a key such as C, F#, Bb, Am"),
    Setting("low", int, 48, 0, 127, help="lowest note (MIDI number)"),
    Setting("high", int, 88, 0, 127, help="highest note (MIDI number)"),
    Setting("density", float, 0.0, -1.0, 1.0, help="-1 sparser .. +1 busier"),
    Setting("style", str, "auto", choices=STYLE_CHOICES, help="the kind of music to continue in"),
    Setting("end_on", str, "free", choices=END_CHOICES,
            help="the last note: on the last strong beat, on the tonic or a tone of the tonic chord"),
)
BY_NAME = {s.name: s for s in SETTINGS}


@dataclass
class GenerationSettings:
    """What the student chooses in the Continue panel (saved in projects and remembered between runs)."""

    bars: int = BY_NAME["bars"].default
    variations: int = BY_NAME["variations"].default
    temperature: float = BY_NAME["temperature"].default
    top_p: float = BY_NAME["top_p"].default
    key: str | None = BY_NAME["key"].default  # "auto": from the seed; None ("none"): no key lock
    low: int = BY_NAME["low"].default
    high: int = BY_NAME["high"].default
    density: float = BY_NAME["density"].default
    style: str = BY_NAME["style"].default
    end_on: str = BY_NAME["end_on"].default

    def check_settings(self, skip: tuple[str, ...] = ()) -> None:
        """ComposerError in one sentence for the first setting that does not fit (`skip`: names not checked)."""
        for s in SETTINGS:
            if s.name not in skip:
                s.check(getattr(self, s.name))
        if self.low > self.high:
            raise ComposerError(f"the pitch range {self.low}-{self.high} is empty")

    def settings(self) -> dict:
        """The settings as plain values (a project's `generation`, the remembered settings)."""
        return {s.name: getattr(self, s.name) for s in SETTINGS}


def settings_from(values: dict, strict: bool = False) -> dict:
    """The known settings in `values`, each checked; a value that does not fit is left out (or, with
    `strict`, a ComposerError)."""
    out = {}
    for s in SETTINGS:
        if s.name not in values:
            continue
        value = values[s.name]
        if s.name == "key" and value == "none":
            value = None
        try:
            s.check(value)
        except ComposerError:
            if strict:
                raise
            continue
        out[s.name] = float(value) if s.kind is float and value is not None else value
    return out

