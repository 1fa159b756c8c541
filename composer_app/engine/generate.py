"""continue_melody: K variations of a seed, sampled from the model with musical constraints."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from composer_app.core.encoding import MelodyEncoding, fill_context, monophonic_grid_notes, remaining_bucket
from composer_app.core.errors import ComposerError
from composer_app.core.keys import Key, detect_key
from composer_app.core.melody import Melody
from composer_app.core.note import Note
from composer_app.core.settings import GenerationSettings, settings_from
from composer_app.engine.constraints import Constraint, Plan, make_constraints
from composer_app.engine.model import LoadedModel
from composer_app.engine.shaping import Dynamics

MAX_CONTEXT_BARS = 16
NUCLEUS_CAP = 64  # top-p takes its nucleus from the 64 likeliest tokens (they hold top_p in nearly every step)


class GenerationCancelled(ComposerError):
    """The user stopped the generation."""


@dataclass
class ContinueOptions(GenerationSettings):
    """What to generate and how: the student's settings (core.settings, one schema) and, for one run, where."""

    seed: int | None = None
    start_tick: int | None = None  # default: where the seed ends
    region: tuple[int, int] | None = None  # continue from the notes in [start, end) only
    max_context_bars: int = MAX_CONTEXT_BARS
    follow_rhythm: bool = True  # keep near the seed's note lengths, none shorter than its shortest
    constraints: tuple = ()  # more Constraint objects, after the ones the settings ask for
    end_tick: int | None = None  # fill [start_tick, end_tick) exactly (a gap, a span to regenerate, an intro)
    hear_after: bool = True  # when filling: a model that can (version 3) reads what follows the gap first

    @classmethod
    def of(cls, settings: dict, **run) -> "ContinueOptions":
        """Options from settings as plain values (a project's, the panel's, the command line's)."""
        return cls(**settings_from(settings, strict=True), **run)

    def validate(self) -> None:
        self.check_settings(skip=("key",) if isinstance(self.key, Key) else ())  # a Key object is a key


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
    key = _choose_key(options.key, seed, melody.key_signature)

    encoded = enc.encode_notes(grid, bar_ticks)
    if grid:  # silence between the seed's last note and where the continuation starts
        encoded = enc.extend_with_rest(encoded, (grid[-1][0] + grid[-1][1]) // step, start_tick // step)
    tokens = list(encoded.tokens)
    positions = list(encoded.positions)
    if not grid:
        positions[0] = (start_tick // step) % bar_steps
    K = options.variations
    total_steps = options.bars * bar_steps
    filling = options.end_tick is not None
    prime_remaining = [0] * len(tokens)
    if filling:
        total_steps = max(1, (int(options.end_tick) - start_tick) // step)
        if options.hear_after and model.can_fill:  # what follows the gap too (encoding version 3)
            after = fill_after(enc, [(n.tick, n.duration, n.pitch) for n in melody],
                               start_tick + total_steps * step, bar_ticks)
            tokens, positions, prime_remaining = fill_context(enc, (tokens, positions), after,
                                                              (start_tick // step) % bar_steps, total_steps)
    uses_remaining = filling and options.hear_after and model.can_fill
    rng = np.random.default_rng(options.seed)

    # -- the constraints shape what may be chosen (engine.constraints) --
    plan = Plan(enc, key, key or _choose_key("auto", seed, melody.key_signature), grid, start_tick // step, total_steps, bar_steps, K)
    constraints = make_constraints(options, plan)
    for c in constraints:
        c.shape(plan)
    if not (plan.allowed & plan.is_note).any():
        raise ComposerError("no note fits both the key and the pitch range; widen the range", "no_fit")
    rooms = [c for c in constraints if type(c).room is not Constraint.room]
    narrowers = [c for c in constraints if type(c).narrow is not Constraint.narrow]
    listeners = [c for c in constraints if type(c).chose is not Constraint.chose]
    token_dur, is_rest, is_hold, allowed, preferred = plan.token_dur, plan.is_rest, plan.is_hold, plan.allowed, plan.preferred
    bias = plan.bias
    bias[~allowed] = -np.inf
    style = np.int64(plan.style)
    inv_temp = np.float32(1.0 / options.temperature)
    shortest_rest = int(np.flatnonzero(is_rest & (token_dur == 1))[0])
    # what may follow, by [previous token was a note (holds allowed), room left 0..max_duration]
    fits_room = token_dur[None, :] <= np.arange(enc.max_duration + 1)[:, None]
    hard_tab = np.stack([fits_room & allowed & ~is_hold, fits_room & allowed])
    soft_tab = hard_tab & preferred
    best_tab = np.where(soft_tab.any(axis=-1, keepdims=True), soft_tab, hard_tab)
    # the same as additive rows for the draw: each token's bias where it may come, -inf where not
    best_add = np.where(best_tab, bias, -np.inf).astype(np.float32)

    # -- prime the seed in one call, then one call per generated token --
    t = np.asarray(tokens, dtype=np.int64)[None, :]
    p = np.asarray(positions, dtype=np.int64)[None, :]
    m = np.full_like(t, bar_steps)
    h, c = model.initial_state(1)
    logits, h, c = model.run(t, p, m, h, c, styles=np.full_like(t, style),
                             remaining=np.asarray(prime_remaining, dtype=np.int64)[None, :])
    last = np.repeat(logits[:, -1, :], K, axis=0)
    h = np.repeat(h, K, axis=1)
    c = np.repeat(c, K, axis=1)
    # per-row bookkeeping in plain Python (K <= 8): numpy's per-call cost would dominate at this size
    # a HOLD may only follow a note; a gap that hears what follows starts between notes, as in training
    prev_is_note = [bool(enc.ends_sounding(tokens[-1])) and not uses_remaining] * K
    elapsed = [0] * K
    pos_now = [int(positions[-1])] * K
    out_tokens: list[list[int]] = []
    meters = np.full((K, 1), bar_steps, dtype=np.int64)
    styles = np.full((K, 1), style, dtype=np.int64)
    note_of, dur_of, hold_of = plan.is_note.tolist(), token_dur.tolist(), is_hold.tolist()
    D = enc.max_duration
    steps = 0

    def next_allowed() -> np.ndarray:
        """[K, V] float32: what may come next in each row (the room left, holds after notes, the
        constraints) as the draw adds it: the token's bias, or -inf."""
        rows = []
        for k in range(K):  # room for the next token: to the end, or less where a constraint says so
            room = D if elapsed[k] >= total_steps else total_steps - elapsed[k]
            for con in rooms:
                limit = con.room(k, elapsed[k])
                if limit is not None and limit < room:
                    room = limit
            rows.append(min(room, D))
        allowed = best_add[[int(b) for b in prev_is_note], rows]
        if not narrowers:
            return allowed
        for k in range(K):  # constraints that act in this row now: the ending, the variety of lengths, ...
            narrowed = None
            for con in narrowers:
                if narrowed is None:
                    hard = hard_tab[int(prev_is_note[k]), rows[k]]
                    said = con.narrow(k, elapsed[k], rows[k], hard, hard & preferred)
                else:
                    said = con.narrow(k, elapsed[k], rows[k], *narrowed)
                if said is not None:
                    narrowed = said
            if narrowed is not None:
                hard, soft = narrowed
                row = soft if soft.any() else hard if hard.any() else is_rest & (token_dur == 1)
                allowed[k] = np.where(row, bias, -np.inf)
        return allowed

    chosen = _draw(last, next_allowed(), inv_temp, options.top_p, rng)
    while True:
        if is_cancelled():
            raise GenerationCancelled("generation was cancelled")
        row_tokens = []
        for k in range(K):
            if elapsed[k] >= total_steps:
                chosen[k] = shortest_rest
                row_tokens.append(-1)
                continue
            token = chosen[k]
            row_tokens.append(token)
            for con in listeners:
                con.chose(k, token)
            length = dur_of[token]
            elapsed[k] += length
            prev_is_note[k] = note_of[token] or (hold_of[token] and prev_is_note[k])
            pos_now[k] = (pos_now[k] + length) % bar_steps
        out_tokens.append(row_tokens)
        steps += 1
        if progress is not None:
            progress(min(min(elapsed), total_steps) / total_steps)
        if min(elapsed) >= total_steps:
            break
        left = [remaining_bucket(total_steps - e) if uses_remaining and e < total_steps else 0 for e in elapsed]
        allowed = next_allowed()
        tokens_in = np.array(chosen, dtype=np.int64)[:, None]
        positions_in = np.array(pos_now, dtype=np.int64)[:, None]
        remaining_in = np.array(left, dtype=np.int64)[:, None]
        logits, h, c = model.run(tokens_in, positions_in, meters, h, c, styles=styles, remaining=remaining_in)
        chosen = _draw(logits[:, -1, :], allowed, inv_temp, options.top_p, rng)

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
                        model.provider, len(grid), {"unmet": list(plan.unmet)})


AFTER_TOKENS = 32  # how much of what follows a gap the model reads (as in training)


def fill_after(enc: MelodyEncoding, notes, end_tick: int, bar_ticks: int) -> tuple[list[int], list[int]]:
    """AFTER and the tokens of what follows a gap from end_tick ((tick, duration, pitch) notes; a note over the
    edge counts from it; a rest first when the next note comes later), with the position in the bar after each,
    as training showed them."""
    step = enc.step_ticks
    bar_steps = enc.bar_steps(bar_ticks)
    grid = monophonic_grid_notes([(max(t, end_tick), t + d - max(t, end_tick), p) for t, d, p in notes
                                  if t + d > end_tick], step)[:AFTER_TOKENS]
    time = end_step = end_tick // step
    tokens, positions = [enc.after], [end_step % bar_steps]
    if grid:
        for d in enc.pieces(grid[0][0] // step - end_step):  # silence before the next note
            time += d
            tokens.append(enc.rest_token(d))
            positions.append(time % bar_steps)
        encoded = enc.encode_notes(grid, bar_ticks)
        tokens += [int(t) for t in encoded.tokens[1:]]  # without its START
        positions += [int(p) for p in encoded.positions[1:]]
    return tokens[:AFTER_TOKENS + 1], [p % enc.max_position for p in positions[:AFTER_TOKENS + 1]]


def _choose_key(choice: str | Key | None, seed: list[Note], declared: str | None = None) -> Key | None:
    """The key to keep to: none, a chosen one, or (auto) the key signature the melody's file declares, else the
    key the seed's notes suggest."""
    if choice is None or choice == "none":
        return None
    if isinstance(choice, Key):
        return choice
    if choice == "auto" and declared:
        try:
            return Key.parse(declared)
        except ValueError:
            pass
    if choice == "auto":
        estimate = detect_key(seed)
        return estimate.key if estimate is not None and len(seed) >= 3 else None
    try:
        return Key.parse(choice)
    except ValueError as e:
        raise ComposerError(str(e)) from e


def _draw(logits: np.ndarray, allowed: np.ndarray, inv_temp: np.float32, top_p: float,
          rng: np.random.Generator) -> list[int]:
    """One token per row from softmax(logits x inv_temp + allowed), where `allowed` is [K, V] float32: the
    bias of each token that may come next, -inf for the others; restricted to the smallest set of likeliest
    tokens whose mass reaches top_p (taken from the NUCLEUS_CAP likeliest; ties at the cut-off kept). With
    top_p < 1 only the NUCLEUS_CAP likeliest are sorted and summed: a step's draw is a fixed cost of each
    generation step, and a cumulative sum over the whole vocabulary was most of it."""
    z = logits * inv_temp
    z += allowed
    k, v = z.shape
    if top_p < 1.0 and v > NUCLEUS_CAP:
        top = np.partition(z, v - NUCLEUS_CAP, axis=1)[:, -NUCLEUS_CAP:]  # the likeliest, unordered
        top.sort(axis=1)
        top = top[:, ::-1]
        peak = top[:, :1]
        total = np.exp(z - peak).sum(axis=1)  # the whole distribution's mass, for the cut
        cum = np.cumsum(np.exp(top - peak), axis=1)
        cut = np.minimum((cum < top_p * total[:, None]).sum(axis=1), NUCLEUS_CAP - 1)
        floor = np.maximum(top[np.arange(k), cut], np.float32(-3e38))[:, None]  # never an excluded token
        row, col = np.nonzero(z >= floor)  # the nucleus of every row (ties at the cut-off stay), row by row
        weight = np.cumsum(np.exp(z[row, col] - peak[row, 0]))
        ends = np.searchsorted(row, np.arange(1, k + 1)) - 1  # each row's last entry
        before = np.concatenate(([0.0], weight[ends[:-1]]))
        u = before + rng.random(k) * (weight[ends] - before)
        return col[np.minimum(np.searchsorted(weight, u, side="right"), ends)].tolist()
    e = np.exp(z - z.max(axis=1, keepdims=True))
    cum = np.cumsum(e, axis=1)
    pick = (cum <= (rng.random(k) * cum[:, -1])[:, None]).sum(axis=1)
    return np.minimum(pick, v - 1).tolist()
