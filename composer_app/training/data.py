"""Training data: melodies -> encoded arrays, deterministic split, transposition, batches."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from composer_app.core.encoding import (
    EncodedMelody,
    MelodyEncoding,
    context_scored_from,
    fill_context,
    grid_melody_of_file,
    remaining_bucket,
    style_id,
)
from composer_app.core.errors import ComposerError
from composer_app.core.timing import STEP_TICKS


@dataclass
class MelodyRecord:
    """A melody for training: id, (tick, duration, pitch) notes on the grid, bar length in ticks, style id."""

    id: str
    notes: list[tuple[int, int, int]]
    bar_ticks: int
    source: str = ""
    style: int = 0
    piece: str = ""  # voices of one piece share it (the split keeps them together)

    @property
    def split_key(self) -> str:
        return self.piece or self.id


def split_of(melody_id: str, valid: float = 0.05, test: float = 0.05) -> str:
    """'train', 'valid' or 'test', fixed by a hash of the id (so adding melodies never moves others)."""
    x = int(hashlib.sha256(melody_id.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    return "test" if x < test else "valid" if x < test + valid else "train"


def load_corpus_jsonl(path: Path) -> list[MelodyRecord]:
    records = []
    with open(path) as f:
        for line in f:
            m = json.loads(line)
            num, den = m["meter"]
            records.append(MelodyRecord(m["id"], [tuple(n) for n in m["notes"]], num * 1920 // den, m["source"],
                                        style_id(m.get("style")), m.get("piece", m["id"])))
    return records


def melodies_from_midi(files: Iterable[Path], min_notes: int = 8) -> tuple[list[MelodyRecord], list[str]]:
    """Melody line of each MIDI file, quantized to 16ths; the second list says what was skipped and why."""
    records, skipped = [], []
    for path in files:
        try:
            notes, bar = grid_melody_of_file(path)
        except ComposerError as e:
            skipped.append(str(e))
            continue
        if len(notes) < min_notes:
            skipped.append(f"{path.name}: fewer than {min_notes} melody notes")
            continue
        records.append(MelodyRecord(path.name, notes, bar, "midi"))
    return records, skipped


def encode_records(encoding: MelodyEncoding, records: Iterable[MelodyRecord]) -> list[EncodedMelody]:
    """Tokens of each melody (taken as they are when the record comes encoded from the training cache)."""
    return [getattr(r, "encoded", None) or encoding.encode_notes(r.notes, r.bar_ticks) for r in records]


def transpositions(encoding: MelodyEncoding, enc: EncodedMelody) -> np.ndarray:
    """Semitone shifts (within -6..+5, i.e. every key once) that keep all notes in the range."""
    pitches = encoding.token_pitch()[enc.tokens]
    pitches = pitches[pitches >= 0]
    if len(pitches) == 0:
        return np.array([0])
    lo, hi = encoding.low - pitches.min(), encoding.high - pitches.max()
    shifts = np.arange(max(-6, lo), min(5, hi) + 1)
    return shifts if len(shifts) else np.array([0])


MAX_GAP_TOKENS = 64  # a training gap spans at most this many tokens (about 8 bars of a dance tune)
SUFFIX_TOKENS = 32  # how much of what follows a gap the model reads first


def fill_example(encoding: MelodyEncoding, tokens: np.ndarray, positions: np.ndarray, s: int, e: int,
                 rng: np.random.Generator, tables: tuple[np.ndarray, np.ndarray] | None = None
                 ) -> tuple[list[int], list[int], list[int], list[int]] | None:
    """A window [s, e) of a melody made into a gap to fill (version 3): AFTER, up to SUFFIX_TOKENS tokens that
    follow the gap, then the window from its start through the gap. Returns input tokens, positions,
    remaining (the gap left before each target; 0 outside the gap) and targets (-100: not scored); None when
    the window is too short."""
    n = e - s
    if n < 4:
        return None
    dur, is_hold = tables or (encoding.token_duration(), encoding.is_hold())  # batches() makes them once
    g0 = int(rng.integers(1, n - 1))  # the gap's first token (the prefix keeps at least one)
    while g0 > 1 and is_hold[tokens[s + g0]]:
        g0 -= 1  # a gap starts between notes, as the app cuts it
    g1 = int(rng.integers(g0 + 1, min(n, g0 + MAX_GAP_TOKENS) + 1))
    while s + g1 < len(tokens) and g1 < n and is_hold[tokens[s + g1]]:
        g1 += 1  # and ends between notes
    suffix = list(range(s + g1, min(len(tokens), s + g1 + SUFFIX_TOKENS)))
    before = ([int(t) for t in tokens[s:s + g0]], [int(p) for p in positions[s:s + g0]])
    after = ([encoding.after] + [int(tokens[k]) for k in suffix],
             [int(positions[s + g1 - 1])] + [int(positions[k]) for k in suffix])
    gap = [int(t) for t in tokens[s + g0:s + g1]]
    context, pos, remaining = fill_context(encoding, before, after, int(positions[s + g0 - 1]),
                                           sum(int(dur[t]) for t in gap))
    seq = context + gap
    pos = pos + [int(p) for p in positions[s + g0:s + g1]]
    left = sum(int(dur[t]) for t in gap)
    for t in gap[:-1]:  # the input before each later gap token sees what is left of the gap
        left -= int(dur[t])
        remaining.append(remaining_bucket(left))
    targets = [-100] * (len(context) - 1) + seq[len(context):]  # the gap, from the context's last input
    for j in context_scored_from(encoding, len(before[0]), len(after[0]), len(context)):
        targets[j] = seq[j + 1]  # and what the context predicts of itself, but not its markers
    return seq[:-1], pos[:-1], remaining, targets


def batches(encoding: MelodyEncoding, melodies: list[EncodedMelody], batch_size: int, max_len: int,
            rng: np.random.Generator | None, augment: bool, styles: list[int] | None = None,
            style_dropout: float = 0.0, fill_rate: float = 0.0) -> Iterator[tuple[np.ndarray, ...]]:
    """(tokens, positions, meters, styles, targets, remaining) int64 arrays [B, T]; targets are -100 where
    padded.

    styles[i] is melody i's style id (default 0, unknown); when training, each window's style is replaced
    by 0 with probability style_dropout, so the model also learns to continue without a label. With a
    version 3 encoding, a share `fill_rate` of the training windows become gaps to fill (fill_example);
    remaining is 0 everywhere else.

    Long melodies are cut into windows of max_len+1 tokens (a random offset each epoch when training);
    windows are grouped by length so little is padded.
    """
    windows = []
    for i, enc in enumerate(melodies):
        n = len(enc.tokens)
        offset = int(rng.integers(0, max_len)) if (rng is not None and n > max_len + 1) else 0
        starts = [0] + list(range(offset if offset else max_len, n - 1, max_len)) if n > max_len + 1 else [0]
        for s in sorted(set(starts)):
            if n - s >= 2:
                windows.append((i, s, min(n, s + max_len + 1)))
    if rng is not None:
        order = rng.permutation(len(windows))
        windows = [windows[k] for k in order]
    # sort within chunks of 50 batches by length, then shuffle the batches
    chunk = batch_size * 50
    groups = []
    for c in range(0, len(windows), chunk):
        part = sorted(windows[c:c + chunk], key=lambda w: w[2] - w[1])
        groups += [part[k:k + batch_size] for k in range(0, len(part), batch_size)]
    if rng is not None:
        groups = [groups[k] for k in rng.permutation(len(groups))]
    filling = fill_rate > 0 and encoding.fill and rng is not None
    tables = (encoding.token_duration(), encoding.is_hold()) if filling else None
    for group in groups:
        rows = []
        for i, s, e in group:
            enc = melodies[i]
            stop = min(len(enc.tokens), e + SUFFIX_TOKENS)  # the window and what may follow a gap in it
            tokens, positions = enc.tokens[s:stop], enc.positions[s:stop]
            if augment and rng is not None:
                tokens = encoding.transpose(tokens, int(rng.choice(transpositions(encoding, enc))))
            made = fill_example(encoding, tokens, positions, 0, e - s, rng, tables) if (
                filling and rng.random() < fill_rate) else None
            if made is None:
                made = (tokens[:e - s - 1], positions[:e - s - 1], [0] * (e - s - 1), tokens[1:e - s])
            style = styles[i] if styles is not None else 0
            if style and rng is not None and style_dropout and rng.random() < style_dropout:
                style = 0
            rows.append((made, int(enc.meters[0]) if len(enc.meters) else 16, style))
        length = max(len(made[0]) for made, _, _ in rows)
        tok = np.zeros((len(group), length), np.int64)
        pos = np.zeros_like(tok)
        met = np.full_like(tok, 16)
        sty = np.zeros_like(tok)
        tgt = np.full_like(tok, -100)
        rem = np.zeros_like(tok)
        for row, ((t_in, p_in, r_in, t_out), meter, style) in enumerate(rows):
            k = len(t_in)
            tok[row, :k] = t_in
            pos[row, :k] = p_in
            met[row, :k] = meter
            tgt[row, :k] = t_out
            rem[row, :k] = r_in
            sty[row, :k] = style
        yield tok, pos, met, sty, tgt, rem


BASELINE_MAX_NOTES = 2_000_000


def save_baseline_data(path: Path, records: list[MelodyRecord], max_notes: int = BASELINE_MAX_NOTES) -> None:
    """The training split as plain arrays (for the n-gram baseline at evaluation time); no pickle.

    At most max_notes notes (whole melodies, in the split's order), so a huge folder stays a small file."""
    parts, total = [], 0
    for r in records:
        if total >= max_notes:
            break
        parts.append(np.asarray(r.notes, dtype=np.int64).reshape(-1, 3))
        total += len(parts[-1])
    records = records[:len(parts)]
    notes = np.concatenate(parts) if parts else np.zeros((0, 3), np.int64)
    lengths = np.array([len(r.notes) for r in records], dtype=np.int64)
    bars = np.array([r.bar_ticks for r in records], dtype=np.int64)
    steps = notes.copy()
    steps[:, :2] //= STEP_TICKS
    np.savez_compressed(path, steps=steps.astype(np.int32), lengths=lengths, bars=bars)
