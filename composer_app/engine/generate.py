"""continue_melody: K variations of a seed, sampled from the model with musical constraints."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from composer_app.core.encoding import STYLES, MelodyEncoding, monophonic_grid_notes, style_id
from composer_app.core.errors import ComposerError
from composer_app.core.keys import Key, detect_key
from composer_app.core.melody import Melody
from composer_app.core.note import Note
from composer_app.engine.model import LoadedModel
from composer_app.engine.shaping import (
    END_CHOICES,
    Dynamics,
    RhythmProfile,
    ending_pitch_classes,
    final_onset,
)

MAX_CONTEXT_BARS = 16


class GenerationCancelled(ComposerError):
    """The user stopped the generation."""


@dataclass
class ContinueOptions:
    """What to generate and how."""

    bars: int = 4
    variations: int = 4
    temperature: float = 1.0
    top_p: float = 0.95
    seed: int | None = None
    key: str | Key | None = "auto"  # "auto": detected from the seed; None: no key lock
    low: int = 36
    high: int = 96
    density: float = 0.0  # -1 (sparser) .. +1 (busier)
    start_tick: int | None = None  # default: where the seed ends
    region: tuple[int, int] | None = None  # continue from the notes in [start, end) only
    max_context_bars: int = MAX_CONTEXT_BARS
    style: str = "auto"  # "auto" (the model's unknown style) or one of STYLES
    end_on: str = "free"  # "free", "tonic" or "chord" (a tone of the tonic triad), on the last strong beat
    follow_rhythm: bool = True  # keep near the seed's note lengths, none shorter than its shortest

    def validate(self) -> None:
        if not 1 <= self.bars <= 32:
            raise ComposerError(f"bars must be 1 to 32, not {self.bars}")
        if not 1 <= self.variations <= 8:
            raise ComposerError(f"variations must be 1 to 8, not {self.variations}")
        if not 0.05 <= self.temperature <= 3.0:
            raise ComposerError(f"temperature must be between 0.05 and 3, not {self.temperature}")
        if not 0.05 <= self.top_p <= 1.0:
            raise ComposerError(f"top-p must be between 0.05 and 1, not {self.top_p}")
        if not 0 <= self.low <= self.high <= 127:
            raise ComposerError(f"the pitch range {self.low}-{self.high} is empty")
        if not -1.0 <= self.density <= 1.0:
            raise ComposerError(f"density must be between -1 and 1, not {self.density}")
        if self.style != "auto" and self.style not in STYLES:
            raise ComposerError(f"style must be auto or one of {', '.join(STYLES)}, not {self.style}")
        if self.end_on not in END_CHOICES:
            raise ComposerError(f"end on must be one of {', '.join(END_CHOICES)}, not {self.end_on}")


@dataclass
class Continuation:
    """The generated variations (new notes only) and how they were made."""

    variations: list[Melody]
    key: Key | None
    start_tick: int
    end_tick: int
    seconds: float
    steps: int
    provider: str
    seed_notes: int = 0
    extra: dict = field(default_factory=dict)


def _seed_notes(melody: Melody, options: ContinueOptions) -> list[Note]:
    notes = list(melody)
    if options.region is not None:
        start, end = options.region
        notes = [n for n in notes if start <= n.tick < end]
    return notes


def continue_melody(model: LoadedModel, melody: Melody, options: ContinueOptions | None = None,
                    progress: Callable[[float], None] | None = None,
                    cancel: threading.Event | Callable[[], bool] | None = None) -> Continuation:
    """Continue `melody` by options.bars bars, options.variations times, in one batch."""
    options = options or ContinueOptions()
    options.validate()
    started = time.perf_counter()
    enc: MelodyEncoding = model.encoding
    step = enc.step_ticks
    bar_ticks = melody.time_signature.bar_ticks
    bar_steps = enc.bar_steps(bar_ticks)
    is_cancelled = (cancel.is_set if isinstance(cancel, threading.Event) else cancel) or (lambda: False)

    seed = _seed_notes(melody, options)
    grid = monophonic_grid_notes([(n.tick, n.duration, n.pitch) for n in seed], step)
    seed_end = grid[-1][0] + grid[-1][1] if grid else 0
    if options.start_tick is not None:
        start_tick = -(-max(0, options.start_tick) // step) * step
        grid = [n for n in grid if n[0] < start_tick]
        if grid and grid[-1][0] + grid[-1][1] > start_tick:
            grid[-1] = (grid[-1][0], start_tick - grid[-1][0], grid[-1][2])
    else:
        start_tick = seed_end
    if grid:  # keep the last bars the model is comfortable with, cut at a bar line
        earliest = max(0, (start_tick // bar_ticks - options.max_context_bars) * bar_ticks)
        grid = [n for n in grid if n[0] >= earliest]
    key = _choose_key(options.key, seed)

    encoded = enc.encode_notes(grid, bar_ticks)
    if grid:  # silence between the seed's last note and where the continuation starts
        encoded = enc.extend_with_rest(encoded, (grid[-1][0] + grid[-1][1]) // step, start_tick // step)
    tokens = list(encoded.tokens)
    positions = list(encoded.positions)
    if not grid:
        positions[0] = (start_tick // step) % bar_steps
    K = options.variations
    total_steps = options.bars * bar_steps
    rng = np.random.default_rng(options.seed)
    style = np.int64(style_id(options.style))

    # -- static masks and biases over the vocabulary --
    token_pitch = enc.token_pitch()
    token_dur = enc.token_duration()
    is_note, is_hold, is_rest = enc.is_note(), enc.is_hold(), enc.is_rest()
    allowed = np.ones(enc.vocab_size, dtype=bool)
    allowed[[enc.PAD, enc.START]] = False
    allowed &= ~is_note | ((token_pitch >= options.low) & (token_pitch <= options.high))
    if key is not None:
        in_key = np.zeros(128, dtype=bool)
        scale = key.pitch_classes()
        in_key[[p for p in range(128) if p % 12 in scale]] = True
        allowed &= ~is_note | in_key[np.clip(token_pitch, 0, 127)]
    if not (allowed & is_note).any():
        raise ComposerError("no note fits both the key and the pitch range; widen the range")
    bias = np.zeros(enc.vocab_size, dtype=np.float32)
    if options.density:
        bias -= options.density * np.log2(np.maximum(token_dur, 1)).astype(np.float32) * 1.5
        bias[is_rest] -= options.density * 1.5
    # the seed's note lengths: a soft pull towards them, and (softly) nothing shorter than its shortest
    rhythm = RhythmProfile.of([d // step for _, d, _ in grid], enc.max_duration) if options.follow_rhythm else None
    preferred = np.ones(enc.vocab_size, dtype=bool)
    if rhythm is not None:
        bias[is_note] += rhythm.bias[token_dur[is_note]]
        preferred &= ~is_note | (token_dur >= rhythm.shortest)
    bias[~allowed] = -np.inf
    inv_temp = np.float32(1.0 / options.temperature)

    # -- the last note: on the last strong beat, on the chosen degree, held to the end --
    start_step = start_tick // step
    final_at = final_onset(start_step, start_step + total_steps, bar_steps) - start_step
    ending = ending_pitch_classes(options.end_on, key or _choose_key("auto", seed), grid[-1][2] if grid else None)
    ending_tokens = None
    if ending is not None:
        ending_tokens = allowed & is_note & np.isin(token_pitch % 12, list(ending))
        if not ending_tokens.any():
            ending_tokens = allowed & is_note
    length_of_note_token = np.where(is_note, token_dur, 0)
    shortest_rest = int(np.flatnonzero(is_rest & (token_dur == 1))[0])
    # what may follow, by [previous token was a note (holds allowed), room left 0..max_duration]
    fits_room = token_dur[None, :] <= np.arange(enc.max_duration + 1)[:, None]
    hard_tab = np.stack([fits_room & allowed & ~is_hold, fits_room & allowed])
    soft_tab = hard_tab & preferred
    best_tab = np.where(soft_tab.any(axis=-1, keepdims=True), soft_tab, hard_tab)

    # -- prime the seed in one call, then one call per generated token --
    t = np.asarray(tokens, dtype=np.int64)[None, :]
    p = np.asarray(positions, dtype=np.int64)[None, :]
    m = np.full_like(t, bar_steps)
    h, c = model.initial_state(1)
    logits, h, c = model.run(t, p, m, h, c, styles=np.full_like(t, style))
    last = np.repeat(logits[:, -1, :], K, axis=0)
    h = np.repeat(h, K, axis=1)
    c = np.repeat(c, K, axis=1)
    # per-row bookkeeping in plain Python (K <= 8): numpy's per-call cost would dominate at this size
    prev_is_note = [bool(enc.ends_sounding(tokens[-1]))] * K  # a HOLD may only follow a note
    elapsed = [0] * K
    pos_now = [int(positions[-1])] * K
    one_length = [0] * K  # the only note length a row has used so far (0: none yet, -1: several)
    out_tokens: list[list[int]] = []
    meters = np.full((K, 1), bar_steps, dtype=np.int64)
    styles = np.full((K, 1), style, dtype=np.int64)
    # a variation with no note or a single note length up to its last two bars is asked for another one there
    vary_from = total_steps - min(2, options.bars) * bar_steps
    ends = ending_tokens is not None
    note_of, dur_of, hold_of = is_note.tolist(), token_dur.tolist(), is_hold.tolist()
    D = enc.max_duration
    steps = 0
    while True:
        if is_cancelled():
            raise GenerationCancelled("generation was cancelled")
        done = [e >= total_steps for e in elapsed]
        rows = []
        for k in range(K):  # room for the next token: to the end, or to the last note's onset
            room = D if done[k] else total_steps - elapsed[k]
            if ends and elapsed[k] < final_at:
                room = final_at - elapsed[k]
            rows.append(min(room, D))
        mask = best_tab[[int(b) for b in prev_is_note], rows]  # [K, V]: what may come next in each row
        for k in range(K):  # the last note, the held ending, or the last bars asking for another note length
            monotone = one_length[k] >= 0 and elapsed[k] >= vary_from and not done[k]
            if not (monotone or (ends and elapsed[k] >= final_at and not done[k])):
                continue
            hard = hard_tab[int(prev_is_note[k]), rows[k]].copy()
            if ends and elapsed[k] == final_at:
                hard &= ending_tokens & (token_dur == rows[k])
            elif ends and elapsed[k] > final_at:
                hard &= is_hold & (token_dur == rows[k])
            soft = hard & preferred
            if monotone:  # a note of another length now if one fits (even a shorter one), else no such note
                other_notes = hard & is_note & (length_of_note_token != one_length[k])
                if other_notes.any():
                    soft = other_notes & preferred if (other_notes & preferred).any() else other_notes
                else:
                    soft &= length_of_note_token != one_length[k]
            mask[k] = soft if soft.any() else hard if hard.any() else is_rest & (token_dur == 1)
        x = last * inv_temp + bias
        x[~mask] = -np.inf
        chosen = _sample_top_p(x, options.top_p, rng).tolist()
        row_tokens = []
        for k in range(K):
            if done[k]:
                chosen[k] = shortest_rest
                row_tokens.append(-1)
                continue
            token = chosen[k]
            row_tokens.append(token)
            length = dur_of[token]
            if note_of[token]:
                one_length[k] = length if one_length[k] == 0 else (-1 if one_length[k] != length else length)
            elapsed[k] += length
            prev_is_note[k] = note_of[token] or (hold_of[token] and prev_is_note[k])
            pos_now[k] = (pos_now[k] + length) % bar_steps
        out_tokens.append(row_tokens)
        steps += 1
        if progress is not None:
            progress(min(min(elapsed), total_steps) / total_steps)
        if min(elapsed) >= total_steps:
            break
        logits, h, c = model.run(np.array(chosen, dtype=np.int64)[:, None], np.array(pos_now, dtype=np.int64)[:, None],
                                 meters, h, c, styles=styles)
        last = logits[:, -1, :]

    ts = melody.time_signature
    dynamics = Dynamics.of(seed, ts.bar_ticks, ts.beat_ticks)
    end_tick = start_tick + total_steps * step
    variations = []
    for k in range(K):
        row = [steps_tokens[k] for steps_tokens in out_tokens if steps_tokens[k] >= 0]
        notes = enc.decode(row, start_tick=start_tick)
        var = Melody.from_notes([(tk, min(d, end_tick - tk), pi, dynamics.velocity(tk, pi, ts.bar_ticks, ts.beat_ticks))
                                 for tk, d, pi in notes if tk < end_tick],
                                tempos=list(melody.tempos), time_signature=melody.time_signature,
                                key_signature=melody.key_signature or (key.name if key else None),
                                name=f"Variation {k + 1}")
        variations.append(var)
    return Continuation(variations, key, start_tick, end_tick, time.perf_counter() - started, steps,
                        model.provider, len(grid))


def _choose_key(choice: str | Key | None, seed: list[Note]) -> Key | None:
    if choice is None or choice == "none":
        return None
    if isinstance(choice, Key):
        return choice
    if choice == "auto":
        estimate = detect_key(seed)
        return estimate.key if estimate is not None and len(seed) >= 3 else None
    try:
        return Key.parse(choice)
    except ValueError as e:
        raise ComposerError(str(e)) from e


def _sample_top_p(logits: np.ndarray, top_p: float, rng: np.random.Generator) -> np.ndarray:
    """One token per row from softmax(logits) restricted to the smallest set with mass >= top_p."""
    x = logits - logits.max(axis=1, keepdims=True)
    probs = np.exp(x)
    probs /= probs.sum(axis=1, keepdims=True)
    if top_p < 1.0:
        # the probability of the last token needed to reach top_p is the cut-off (ties at it are kept);
        # the nucleus is almost always among the 64 likeliest tokens, so sort those first
        width = min(64, probs.shape[1])
        top = -np.sort(-np.partition(probs, probs.shape[1] - width, axis=1)[:, -width:], axis=1)
        cum = np.cumsum(top, axis=1)
        if (cum[:, -1] >= top_p).all():
            desc = top
        else:
            desc = -np.sort(-probs, axis=1)
            cum = np.cumsum(desc, axis=1)
        cut = (cum < top_p).sum(axis=1)
        threshold = desc[np.arange(len(desc)), np.minimum(cut, desc.shape[1] - 1)]
        probs = np.where(probs >= threshold[:, None], probs, 0.0)
    cum = np.cumsum(probs, axis=1)
    u = rng.random((probs.shape[0], 1)) * cum[:, -1:]
    return np.minimum((cum < u).sum(axis=1), probs.shape[1] - 1).astype(np.int64)
