"""Musical checks on continuations: in key, rhythmic variety, no one-bar loops, End on honoured."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from composer_app.core.keys import detect_key, melody_key
from composer_app.core.melody import Melody
from composer_app.core.midifile import load_melody
from composer_app.engine.generate import ContinueOptions, continue_melody
from composer_app.engine.model import LoadedModel


@dataclass
class QualityReport:
    continuations: int
    notes: int
    in_key_fraction: float
    varied_rhythm_fraction: float  # continuations with more than one distinct duration
    one_bar_loops: int
    end_on_tonic_fraction: float | None = None  # with End on tonic: last note on the last bar line, on the tonic

    def as_dict(self) -> dict:
        return self.__dict__.copy()


def is_one_bar_loop(melody: Melody, start: int, bar: int, bars: int) -> bool:
    """True when every bar of the continuation repeats its first bar exactly."""
    rows = [[(n.tick - start - k * bar, n.duration, n.pitch) for n in melody.notes if start + k * bar <= n.tick < start + (k + 1) * bar]
            for k in range(bars)]
    return bars > 1 and all(r == rows[0] for r in rows)


def check_continuations(model: LoadedModel, files: list[Path], seed_bars: int = 4, bars: int = 8,
                        temperature: float = 1.0, seed: int = 0, variations: int = 1, end_on: str = "free",
                        style: str = "auto") -> QualityReport:
    """Continue the first `seed_bars` bars of each file (no key lock) and measure every variation."""
    total = in_key = varied = loops = count = ended = 0
    for i, path in enumerate(files):
        melody = load_melody(path)
        bar = melody.time_signature.bar_ticks
        prefix = melody.copy()
        prefix.remove([n.id for n in prefix if n.tick >= seed_bars * bar])
        estimate = detect_key(prefix)
        if len(prefix) < 4 or estimate is None:
            continue
        r = continue_melody(model, prefix, ContinueOptions(bars=bars, variations=variations, temperature=temperature,
                                                           top_p=1.0, key=None, seed=seed + i, start_tick=seed_bars * bar,
                                                           end_on=end_on, style=style, low=36, high=96))
        tonic = (r.key or melody_key(prefix)[0] or estimate.key).tonic  # the file's key, as the engine takes it
        for v in r.variations:
            count += 1
            total += len(v)
            in_key += sum(estimate.key.contains(n.pitch) for n in v)
            varied += len({n.duration for n in v}) > 1
            loops += is_one_bar_loop(v, r.start_tick, bar, bars)
            last = v.notes[-1] if len(v) else None
            ended += last is not None and last.tick == r.end_tick - bar and last.pitch % 12 == tonic
    return QualityReport(count, total, in_key / max(total, 1), varied / max(count, 1), loops,
                         ended / max(count, 1) if end_on == "tonic" else None)
