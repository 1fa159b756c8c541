"""`composer-app evaluate`: bits per note of the model and of the n-gram baseline on MIDI files."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from composer_app.core.encoding import grid_melody_of_file
from composer_app.core.errors import ComposerError
from composer_app.core.formats import openable_suffixes
from composer_app.core.timing import STEP_TICKS
from composer_app.engine.model import LoadedModel
from composer_app.engine.ngram import NGramModel

LN2 = math.log(2)


@dataclass
class EvalMelody:
    name: str
    notes: list[tuple[int, int, int]]  # (tick, duration, pitch) on the 16th grid, monophonic
    bar_ticks: int


def collect_files(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files += sorted(q for q in p.rglob("*") if q.suffix.lower() in openable_suffixes("song"))
        elif p.exists():
            files.append(p)
        else:
            raise ComposerError(f"{p}: no such file or folder")
    if not files:
        raise ComposerError("there are no MIDI files to evaluate")
    return files


def load_eval_melodies(files: Iterable[Path]) -> tuple[list[EvalMelody], list[str]]:
    """Highest line of each file, onsets and durations quantized to 16ths; files that fail are listed."""
    out, skipped = [], []
    for path in files:
        try:
            notes, bar = grid_melody_of_file(path)
        except ComposerError as e:
            skipped.append(str(e))
            continue
        if len(notes) >= 2:
            out.append(EvalMelody(path.name, notes, bar))
    return out, skipped


def _log_softmax(x: np.ndarray) -> np.ndarray:
    m = x.max(axis=-1, keepdims=True)
    return x - m - np.log(np.exp(x - m).sum(axis=-1, keepdims=True))


def model_bits(model: LoadedModel, melodies: list[EvalMelody], style: int = 0) -> dict:
    """bits_per_note and pitch_bits_per_note of the model (first note of each melody given)."""
    enc = model.encoding
    is_hold = enc.is_hold()
    token_pitch = enc.token_pitch()
    bits = pitch_bits = 0.0
    scored = 0
    for m in melodies:
        e = enc.encode_notes(m.notes, m.bar_ticks)
        t = e.tokens
        h, c = model.initial_state(1)
        logits, _, _ = model.run(t[None, :-1], e.positions[None, :-1], e.meters[None, :-1], h, c,
                                 styles=np.full((1, len(t) - 1), style, dtype=np.int64))
        logp = _log_softmax(logits[0].astype(np.float64))
        token_lp = logp[np.arange(len(t) - 1), t[1:]]  # token_lp[i] = log P(t[i+1])
        start = int(e.note_tokens[0]) + 1
        while start < len(t) and is_hold[t[start]]:
            start += 1
        bits -= token_lp[start - 1:].sum() / LN2
        for idx in e.note_tokens[1:]:
            probs = enc.pitch_distribution(np.exp(logp[idx - 1]))
            pitch = token_pitch[t[idx]] - enc.low
            pitch_bits -= math.log2(probs[pitch] / probs.sum())
        scored += len(e.note_tokens) - 1
    return {"bits_per_note": bits / max(scored, 1), "pitch_bits_per_note": pitch_bits / max(scored, 1),
            "melodies": len(melodies), "notes": scored}


def baseline_training_melodies(model: LoadedModel) -> list[list[tuple[int, int, int]]]:
    """The model's training split, shipped next to it, as (step, steps, pitch) notes."""
    name = model.card.get("training", {}).get("baseline_data")
    if not name:
        raise ComposerError(f"{model.path.name}: its card names no training data for the baseline")
    path = model.path.parent / name
    try:
        with np.load(path, allow_pickle=False) as data:
            steps, lengths = data["steps"].astype(np.int64), data["lengths"]
    except (OSError, KeyError, ValueError) as e:
        raise ComposerError(f"{path.name}: the baseline's training data cannot be read") from e
    out, i = [], 0
    for n in lengths:
        out.append([tuple(row) for row in steps[i:i + n].tolist()])
        i += n
    return out


def baseline_bits(train: list[list[tuple[int, int, int]]], melodies: list[EvalMelody], max_order: int = 4) -> dict:
    """The n-gram baseline at orders 1..max_order; the best order's figures, plus every order's."""
    model = NGramModel(max_order).fit(train)
    test = [[(t // STEP_TICKS, d // STEP_TICKS, p) for t, d, p in m.notes] for m in melodies]
    by_order = {}
    for order in range(1, max_order + 1):
        bits = pitch = 0.0
        count = 0
        for notes in test:
            b, pb, n = model.log2_probs(notes, order)
            bits, pitch, count = bits + b, pitch + pb, count + n
        by_order[order] = {"bits_per_note": bits / max(count, 1), "pitch_bits_per_note": pitch / max(count, 1),
                           "melodies": len(test), "notes": count}
    best = min(by_order, key=lambda o: by_order[o]["bits_per_note"])
    return {**by_order[best], "order": best, "by_order": {str(k): round(v["bits_per_note"], 4) for k, v in by_order.items()}}


def evaluate(model: LoadedModel, paths: Iterable[Path], fill_bars: int | None = None) -> dict:
    files = collect_files(paths)
    melodies, skipped = load_eval_melodies(files)
    if not melodies:
        raise ComposerError("none of the files has a melody of two notes or more")
    result = model_bits(model, melodies)
    result["baseline"] = baseline_bits(baseline_training_melodies(model), melodies)
    result["ratio_bits_per_note"] = result["bits_per_note"] / result["baseline"]["bits_per_note"]
    result["model"] = model.path.name
    result["skipped_files"] = skipped
    if fill_bars:
        result["fill"] = fill_bits(model, melodies, fill_bars)
        result["fill_bits_per_note"] = result["fill"]["fill_bits_per_note"]
        result["left_only_bits_per_note"] = result["fill"]["left_only_bits_per_note"]
    return result


def _cut_at(notes: list[tuple[int, int, int]], *ticks: int) -> list[tuple[int, int, int]]:
    """Notes split where they cross the given ticks (as the app cuts a note tied over a span's edge)."""
    out = []
    for t, d, p in notes:
        edges = [x for x in ticks if t < x < t + d]
        for x in edges:
            out.append((t, x - t, p))
            d, t = t + d - x, x
        out.append((t, d, p))
    return out


def fill_bits(model: LoadedModel, melodies: list[EvalMelody], bars: int = 2) -> dict:
    """Bits per note of a `bars`-bar span in the middle of each melody given both sides (what follows read
    first, as a version 3 model fills), next to the same notes given only the left side (as a continuation).
    A model that cannot fill gets the left-only figure for both."""
    from composer_app.core.encoding import fill_context, remaining_bucket
    from composer_app.engine.generate import fill_after

    enc = model.encoding
    dur = enc.token_duration()
    totals = {"fill": 0.0, "left": 0.0}
    notes_scored = spans = 0
    for m in melodies:
        bar = m.bar_ticks
        length_bars = (m.notes[-1][0] + m.notes[-1][1]) // bar
        if length_bars < bars + 2:
            continue
        a = (length_bars // 2 - bars // 2) * bar
        b = a + bars * bar
        notes = _cut_at(m.notes, a, b)
        left = [n for n in notes if n[0] < a]
        middle = [n for n in notes if a <= n[0] < b]
        if not left or not middle:
            continue
        bar_steps = enc.bar_steps(bar)
        e = enc.encode_notes(left + middle, bar)
        whole = enc.extend_with_rest(enc.encode_notes(left, bar), (left[-1][0] + left[-1][1]) // enc.step_ticks,
                                     a // enc.step_ticks)
        boundary = len(whole.tokens)
        if list(e.tokens[:boundary]) != list(whole.tokens):
            continue  # a rest across the span's start: the tokens do not split there
        tokens, positions = list(e.tokens), list(e.positions)
        gap_tokens = tokens[boundary:]
        steps_in_gap = sum(int(dur[t]) for t in gap_tokens)
        if steps_in_gap != (b - a) // enc.step_ticks:
            gap_tokens += [enc.rest_token(d) for d in enc.pieces((b - a) // enc.step_ticks - steps_in_gap)]
        spans += 1
        notes_scored += len(middle)
        for mode in ("left", "fill"):
            seq, pos = tokens[:boundary], positions[:boundary]
            rem = [0] * len(seq)
            hearing = mode == "fill" and model.can_fill
            if hearing:
                seq, pos, rem = fill_context(enc, (seq, pos), fill_after(enc, notes, b, bar),
                                             (a // enc.step_ticks) % bar_steps, (b - a) // enc.step_ticks)
            first = len(seq)
            left_steps = (b - a) // enc.step_ticks
            time = a // enc.step_ticks
            for t in gap_tokens:
                if hearing:
                    rem[-1] = remaining_bucket(left_steps)
                seq.append(int(t))
                time += int(dur[t])
                pos.append(time % bar_steps)
                rem.append(0)
                left_steps -= int(dur[t])
            x = np.asarray(seq[:-1], dtype=np.int64)[None, :]
            p = np.asarray(pos[:-1], dtype=np.int64)[None, :] % enc.max_position
            r = np.asarray(rem[:-1], dtype=np.int64)[None, :]
            h, c = model.initial_state(1)
            logits, _, _ = model.run(x, p, np.full_like(x, bar_steps), h, c, styles=np.zeros_like(x), remaining=r)
            logp = _log_softmax(logits[0].astype(np.float64))
            targets = np.asarray(seq[first:], dtype=np.int64)
            totals[mode] -= logp[np.arange(first - 1, len(seq) - 1), targets].sum() / LN2
    if not spans:
        raise ComposerError(f"none of the melodies is long enough for a {bars}-bar span with music on both sides")
    return {"fill_bits_per_note": totals["fill"] / notes_scored, "left_only_bits_per_note": totals["left"] / notes_scored,
            "fill_bars": bars, "spans": spans, "notes": notes_scored, "model_can_fill": model.can_fill}

