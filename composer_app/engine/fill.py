"""Generation inside a melody: fill a span (a gap between two phrases, bars to write again), or write an
intro before the first note. A span is checked first; a fill fits it exactly (engine.generate fills
[start_tick, end_tick) token by token, each token no longer than what is left), and a model of encoding
version 3 reads what follows the span before it writes."""

from __future__ import annotations

from dataclasses import replace

from composer_app.core.errors import ComposerError
from composer_app.core.melody import Melody
from composer_app.engine.generate import Continuation, ContinueOptions, continue_melody
from composer_app.engine.model import LoadedModel

MAX_SPAN_BARS = 32


class SpanError(ComposerError):
    """A span that cannot be filled; the message says why in one sentence, `reason` which case it is
    (span_empty, span_reversed, span_zero, span_long, span_after, span_grid, span_text, span_meter)."""


def bars_span(melody: Melody, text: str) -> tuple[int, int]:
    """Ticks [start, end) of "A-B" (bars counted from 1 as the app shows them, both included) or "A"."""
    first, _, last = text.partition("-")
    try:
        a, b = int(first), int(last or first)
    except ValueError:
        raise SpanError(f"{text!r} is not a span of bars: write the first and last bar, e.g. 3-4", "span_text") from None
    if b < a:
        raise SpanError(f"the span {a}-{b} ends before it starts: write the first bar first, e.g. {b}-{a}",
                        "span_reversed")
    if a < 1:
        raise SpanError("bars are counted from 1", "span_text")
    bar = melody.time_signature.bar_ticks
    return (a - 1) * bar, b * bar


def check_meter(melody: Melody, end: int, meter_changes=()) -> None:
    """SpanError if a span ending at `end` reaches a change of metre of the file the melody came from
    ((tick, numerator, denominator)): a melody has one metre, the first, so its bars after a change are not
    the file's bars."""
    bar = melody.time_signature.bar_ticks
    for tick, n, d in meter_changes:
        if end > tick:
            raise SpanError(f"the file changes metre to {n}/{d} in bar {tick // bar + 1} (counted in "
                            f"{melody.time_signature.numerator}/{melody.time_signature.denominator}); "
                            f"this app fills only the bars before that change", "span_meter")


def check_span(melody: Melody, start: int, end: int) -> None:
    """SpanError unless [start, end) is a span the melody can have filled."""
    bar = melody.time_signature.bar_ticks
    if len(melody) == 0:
        raise SpanError("there is no melody to fill in yet: play, draw or open one first", "span_empty")
    if end < start:
        raise SpanError("the span ends before it starts", "span_reversed")
    if end == start:
        raise SpanError("the span is empty: choose at least one step of time to fill", "span_zero")
    if start < 0:
        raise SpanError("the span starts before the first bar", "span_text")
    if end - start > MAX_SPAN_BARS * bar:
        raise SpanError(f"the span is {(end - start) / bar:g} bars long; fill at most {MAX_SPAN_BARS} bars at a time",
                        "span_long")
    last_bar = -(-melody.end_tick // bar)
    if start >= melody.end_tick:
        raise SpanError(f"the span starts after the melody ends (bar {last_bar}): use Continue to add bars at the end",
                        "span_after")


def fill_span(model: LoadedModel, melody: Melody, start: int, end: int, options: ContinueOptions | None = None,
              progress=None, cancel=None) -> Continuation:
    """Variations of [start, end) that fit it exactly, hearing the music before it (and, with a version 3
    model, after it)."""
    check_span(melody, start, end)
    step = model.encoding.step_ticks
    if start % step or end % step:
        raise SpanError("a span starts and ends on the 16th-note grid", "span_grid")
    options = replace(options or ContinueOptions(), start_tick=start, end_tick=end, region=None)
    return continue_melody(model, melody, options, progress=progress, cancel=cancel)


def with_fill(melody: Melody, fill: Melody, start: int, end: int) -> Melody:
    """The whole melody with [start, end) replaced by `fill`: notes inside go; a note tied over the span's start
    or end is cut there (its part outside the span stays)."""
    kept = []
    for n in melody:
        if n.tick < start:
            kept.append((n.tick, min(n.duration, start - n.tick), n.pitch, n.velocity))
            if n.end > end:  # over the whole span: its tail after it stays too
                kept.append((end, n.end - end, n.pitch, n.velocity))
        elif n.tick >= end:
            kept.append((n.tick, n.duration, n.pitch, n.velocity))
        elif n.end > end:
            kept.append((end, n.end - end, n.pitch, n.velocity))
    kept += [(n.tick, n.duration, n.pitch, n.velocity) for n in fill if start <= n.tick < end]
    return Melody.from_notes(sorted(kept), tempos=list(melody.tempos), time_signature=melody.time_signature,
                             key_signature=melody.key_signature, name=fill.name or melody.name, chords=melody.chords)
