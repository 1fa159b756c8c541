"""The token encoding shared by training and inference: one token per note, rest or hold.

A monophonic melody on a 16th-note grid becomes a sequence of tokens:

- START begins every sequence (its position is where the first note falls in the bar);
- NOTE(pitch, d): a note of `d` sixteenths (1..16) at the current time; time advances by d;
- HOLD(d): the previous note lasts d sixteenths longer (for notes longer than a whole 4/4 bar);
- REST(d): silence of d sixteenths.

Next to each token the model sees the position in the bar (in sixteenths) *after* that token, i.e.
where the token it has to predict begins, the bar length in sixteenths (the meter) and, from version 2,
a style id (STYLES; 0 is "unknown"). Version 2 keeps version 1's tokens, so a version 1 model (no style
input) still loads and runs. Pitches outside
the range are moved by octaves into it. The round trip is exact for monophonic melodies on the grid
whose first note is at the start (leading silence is not encoded).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from composer_app.core.errors import EncodingError
from composer_app.core.timing import STEP_TICKS, TICKS_PER_QUARTER

ENCODING_NAME = "note-duration"
ENCODING_VERSION = 3
READABLE_VERSIONS = (1, 2, 3)
# Version 3 (filling a gap): one more token, AFTER, which opens what comes after a gap (the right-hand
# context, read first), and a `remaining` input: how many grid steps of the gap are left before the token to
# predict (bucketed by remaining_bucket; 0 where no gap is being filled). A version 3 model continues exactly
# as version 2 (no AFTER, remaining 0).
REMAINING_BUCKETS = 80
FILL_ORDERS = ("psmr", "psm", "spm")  # how a version 3 model reads both sides of a gap (fill_context)
REREAD = 16  # "psmr": how many tokens before the gap are read a second time, after what follows (~2 bars)
# The model's style input: the id is the index. "unknown" is what Auto asks for (trained by dropping labels).
STYLES = ("unknown", "dance", "song", "chorale", "renaissance")


def style_id(name: str | None) -> int:
    """The style input for a style name ("auto", None or an unknown name: 0)."""
    return STYLES.index(name) if name in STYLES else 0


@dataclass(frozen=True)
class EncodedMelody:
    """Parallel int64 arrays: tokens, position in bar after each token, bar length; note -> token index."""

    tokens: np.ndarray
    positions: np.ndarray
    meters: np.ndarray
    note_tokens: np.ndarray  # index of each note's NOTE token in `tokens`


class MelodyEncoding:
    """Token vocabulary and conversion; validated in the constructor."""

    PAD = 0
    START = 1

    def __init__(self, low: int = 36, high: int = 96, max_duration: int = 16, steps_per_quarter: int = 4,
                 max_position: int = 64, fill: bool = False, fill_order: str = "psmr") -> None:
        if not 0 <= low < high <= 127:
            raise EncodingError(f"invalid pitch range {low}-{high}")
        if not 1 <= max_duration <= 64:
            raise EncodingError(f"invalid maximum duration {max_duration}")
        if steps_per_quarter not in (2, 4, 8) or TICKS_PER_QUARTER % steps_per_quarter:
            raise EncodingError(f"invalid grid of {steps_per_quarter} steps per quarter")
        self.low, self.high = low, high
        self.max_duration = max_duration
        self.steps_per_quarter = steps_per_quarter
        self.step_ticks = TICKS_PER_QUARTER // steps_per_quarter
        self.max_position = max_position
        self.num_pitches = high - low + 1
        self.rest_base = 2
        self.hold_base = self.rest_base + max_duration
        self.note_base = self.hold_base + max_duration
        self.note_end = self.note_base + self.num_pitches * max_duration
        self.fill = fill  # version 3: the AFTER token and the remaining input
        if fill_order not in FILL_ORDERS:
            raise EncodingError(f"unknown fill order {fill_order!r}")
        self.fill_order = fill_order  # what a gap's model reads first (see fill_context)
        self.after = self.note_end if fill else -1
        self.vocab_size = self.note_end + (1 if fill else 0)
        self.version = 3 if fill else 2

    # -- description ---------------------------------------------------------------------
    def card(self) -> dict:
        """What a model card records about the encoding."""
        return {
            "name": ENCODING_NAME, "version": self.version, "low": self.low, "high": self.high,
            "max_duration": self.max_duration, "steps_per_quarter": self.steps_per_quarter,
            "max_position": self.max_position, "vocab_size": self.vocab_size, "styles": list(STYLES),
            "tokens": {"pad": 0, "start": 1, "rest": [self.rest_base, self.hold_base - 1],
                       "hold": [self.hold_base, self.note_base - 1],
                       "note": [self.note_base, self.note_end - 1], "note_index": "note_base + (pitch - low) * max_duration + (duration - 1)",
                       **({"after": self.after} if self.fill else {})},
            **({"remaining_buckets": REMAINING_BUCKETS, "fill_order": self.fill_order} if self.fill else {}),
        }

    @classmethod
    def from_card(cls, card: dict) -> "MelodyEncoding":
        """The encoding a model card describes; EncodingError if it is not one we know."""
        if card.get("name") != ENCODING_NAME or card.get("version") not in READABLE_VERSIONS:
            raise EncodingError(f"the model uses encoding {card.get('name')!r} version {card.get('version')!r}; "
                                f"this app knows {ENCODING_NAME!r} versions {', '.join(map(str, READABLE_VERSIONS))}")
        enc = cls(card["low"], card["high"], card["max_duration"], card["steps_per_quarter"], card["max_position"],
                  fill=card.get("version") == 3, fill_order=card.get("fill_order", "spm"))
        if enc.vocab_size != card.get("vocab_size"):
            raise EncodingError("the model card's vocabulary size does not match its encoding")
        return enc

    # -- token arithmetic ----------------------------------------------------------------
    def note_token(self, pitch: int, duration: int) -> int:
        return self.note_base + (pitch - self.low) * self.max_duration + (duration - 1)

    def rest_token(self, duration: int) -> int:
        return self.rest_base + duration - 1

    def hold_token(self, duration: int) -> int:
        return self.hold_base + duration - 1

    def token_duration(self) -> np.ndarray:
        """Sixteenths each token advances time by (0 for PAD and START)."""
        d = np.zeros(self.vocab_size, dtype=np.int64)
        steps = np.arange(1, self.max_duration + 1)
        d[self.rest_base:self.hold_base] = steps
        d[self.hold_base:self.note_base] = steps
        d[self.note_base:self.note_end] = np.tile(steps, self.num_pitches)
        return d

    def token_pitch(self) -> np.ndarray:
        """Pitch of each NOTE token, -1 for the others."""
        p = np.full(self.vocab_size, -1, dtype=np.int64)
        p[self.note_base:self.note_end] = np.repeat(np.arange(self.low, self.high + 1), self.max_duration)
        return p

    def token_class(self) -> np.ndarray:
        """The factorized model's class of each token: 0 PAD (and AFTER, which takes PAD's otherwise unused input
        embedding: padding only ever follows a sequence), 1 START, 2 REST, 3 HOLD, 4 + (pitch - low) a note."""
        k = np.zeros(self.vocab_size, dtype=np.int64)
        k[self.START] = 1
        k[self.rest_base:self.hold_base] = 2
        k[self.hold_base:self.note_base] = 3
        k[self.note_base:self.note_end] = 4 + np.repeat(np.arange(self.num_pitches), self.max_duration)
        return k

    @property
    def num_classes(self) -> int:
        return 4 + self.num_pitches

    def is_note(self) -> np.ndarray:
        v = np.arange(self.vocab_size)
        return (v >= self.note_base) & (v < self.note_end)

    def never_predicted(self) -> list[int]:
        """Tokens a model never chooses: PAD, START and (version 3) AFTER."""
        return [self.PAD, self.START] + ([self.after] if self.fill else [])

    def is_hold(self) -> np.ndarray:
        v = np.arange(self.vocab_size)
        return (v >= self.hold_base) & (v < self.note_base)

    def is_rest(self) -> np.ndarray:
        v = np.arange(self.vocab_size)
        return (v >= self.rest_base) & (v < self.hold_base)

    def transpose(self, tokens: np.ndarray, semitones: int) -> np.ndarray:
        """Tokens with every note moved by `semitones` (the caller keeps them in range)."""
        out = np.array(tokens, dtype=np.int64, copy=True)
        out[(out >= self.note_base) & (out < self.note_end)] += semitones * self.max_duration
        return out

    def pitch_distribution(self, probs: np.ndarray) -> np.ndarray:
        """Per-pitch probability (summed over lengths) from a distribution over the vocabulary [..., V]."""
        notes = probs[..., self.note_base:self.note_end]
        return notes.reshape(*notes.shape[:-1], self.num_pitches, self.max_duration).sum(axis=-1)

    def extend_with_rest(self, encoded: EncodedMelody, end_step: int, until_step: int) -> EncodedMelody:
        """The encoding followed by silence from `end_step` (where it stops) to `until_step` (grid steps)."""
        tokens, positions = list(encoded.tokens), list(encoded.positions)
        bar = int(encoded.meters[0]) if len(encoded.meters) else 16
        time = end_step
        for d in self.pieces(until_step - end_step):
            tokens.append(self.rest_token(d))
            time += d
            positions.append(time % bar)
        return self._arrays(tokens, positions, bar, list(encoded.note_tokens))

    def ends_sounding(self, token: int) -> bool:
        """True when a HOLD may follow `token` (it is a note or a hold)."""
        return int(token) >= self.hold_base

    def pieces(self, steps: int) -> list[int]:
        """A length in grid steps cut into token-sized pieces (rests and held notes longer than one token)."""
        full, rest = divmod(max(0, steps), self.max_duration)
        return [self.max_duration] * full + ([rest] if rest else [])

    def fit_pitch(self, pitch: int) -> int:
        """Move a pitch by octaves into the encoding's range."""
        while pitch < self.low:
            pitch += 12
        while pitch > self.high:
            pitch -= 12
        return pitch

    def bar_steps(self, bar_ticks: int) -> int:
        """Bar length in grid steps, kept within the position range."""
        return int(min(self.max_position, max(1, round(bar_ticks / self.step_ticks))))

    # -- melody <-> tokens ---------------------------------------------------------------
    def encode_notes(self, notes: Iterable[tuple[int, int, int]], bar_ticks: int) -> EncodedMelody:
        """Encode (tick, duration, pitch) notes; ticks must be on the grid and not overlap."""
        notes = sorted(notes)
        step = self.step_ticks
        bar = self.bar_steps(bar_ticks)
        tokens: list[int] = [self.START]
        note_tokens: list[int] = []
        if not notes:
            pos0 = 0
            return self._arrays(tokens, [pos0], bar, note_tokens)
        first = notes[0][0]
        if first % step:
            raise EncodingError(f"a note at tick {first} is not on the 16th-note grid")
        time = first // step
        positions = [time % bar]
        for tick, duration, pitch in notes:
            if tick % step or duration % step or duration <= 0:
                raise EncodingError(f"a note at tick {tick} (length {duration}) is not on the 16th-note grid")
            onset = tick // step
            if onset < time:
                raise EncodingError(f"notes overlap at tick {tick}; the encoding takes one note at a time")
            for d in self.pieces(onset - time):
                tokens.append(self.rest_token(d))
                time += d
                positions.append(time % bar)
            first_piece, *more = self.pieces(duration // step)
            note_tokens.append(len(tokens))
            tokens.append(self.note_token(self.fit_pitch(pitch), first_piece))
            time += first_piece
            positions.append(time % bar)
            for d in more:
                tokens.append(self.hold_token(d))
                time += d
                positions.append(time % bar)
        return self._arrays(tokens, positions, bar, note_tokens)

    def _arrays(self, tokens, positions, bar, note_tokens) -> EncodedMelody:
        t = np.asarray(tokens, dtype=np.int64)
        return EncodedMelody(t, np.asarray(positions, dtype=np.int64) % self.max_position,
                             np.full(len(t), bar, dtype=np.int64), np.asarray(note_tokens, dtype=np.int64))

    def decode(self, tokens: Sequence[int], start_tick: int = 0) -> list[tuple[int, int, int]]:
        """(tick, duration, pitch) notes of a token sequence beginning at `start_tick`."""
        step = self.step_ticks
        notes: list[list[int]] = []
        time = 0
        last_was_note = False
        for token in tokens:
            token = int(token)
            if token in (self.PAD, self.START, self.after):
                continue
            if not 0 <= token < self.vocab_size:
                raise EncodingError(f"token {token} is outside the vocabulary of {self.vocab_size}")
            if token < self.hold_base:
                time += token - self.rest_base + 1
                last_was_note = False
            elif token < self.note_base:
                d = token - self.hold_base + 1
                if last_was_note:
                    notes[-1][1] += d * step
                time += d  # a hold with no note before it is silence
            else:
                index = token - self.note_base
                pitch = self.low + index // self.max_duration
                d = index % self.max_duration + 1
                notes.append([start_tick + time * step, d * step, pitch])
                time += d
                last_was_note = True
        return [tuple(n) for n in notes]  # type: ignore[misc]


def fill_context(encoding: "MelodyEncoding", before: tuple[list, list], after: tuple[list, list], gap_start: int,
                 gap_steps: int) -> tuple[list[int], list[int], list[int]]:
    """What a version 3 model reads before it fills a gap: tokens, positions and remaining inputs.

    `before`: the tokens and positions up to the gap (START first); `after`: AFTER and the tokens that follow
    the gap with their positions; gap_start: the position in the bar where the gap begins. Orders:
    - "psmr" (the default): the music before, then AFTER and what follows, then START and the last REREAD
      tokens before the gap once more: what follows is recent when the LSTM writes the gap, and so is the
      music just before it;
    - "psm": the same without the second reading (START at the gap's position);
    - "spm": AFTER and what follows first, then the music before.
    The last input carries the gap's length (remaining_bucket); every other is 0."""
    if encoding.fill_order == "spm":
        tokens = list(after[0]) + list(before[0])
        positions = list(after[1]) + list(before[1])
    else:
        tokens = list(before[0]) + list(after[0]) + [encoding.START]
        positions = list(before[1]) + list(after[1]) + [gap_start]
        if encoding.fill_order == "psmr":
            first = max(0, len(before[0]) - REREAD)
            while first < len(before[0]) and before[0][first] == encoding.START:
                first += 1
            if first < len(before[0]):
                positions[-1] = before[1][first - 1] if first > 0 else gap_start  # START: where the reading starts
                tokens += list(before[0][first:])
                positions += list(before[1][first:])
    remaining = [0] * len(tokens)
    remaining[-1] = remaining_bucket(gap_steps)
    return tokens, positions, remaining


def context_scored_from(encoding: "MelodyEncoding", before_len: int, after_len: int, context_len: int) -> list[int]:
    """Which targets of a fill context a model learns from (index j predicts token j + 1): the music before
    predicting itself and, in the psm orders, AFTER predicting what follows and what follows itself; never the
    markers, nor the second reading of the music before (it is known)."""
    if encoding.fill_order == "spm":
        return [j for j in range(context_len - 1) if j != after_len - 1]  # not the jump to the music before
    # the music before, up to the jump to AFTER; then AFTER -> what follows
    return list(range(before_len - 1)) + list(range(before_len, before_len + after_len - 1))


def remaining_bucket(steps: int) -> int:
    """The remaining input for `steps` grid steps of a gap left (>= 1): exact up to 64 (4 bars of 4/4), then
    four buckets per doubling; 0 means no gap is being filled."""
    steps = max(1, int(steps))
    if steps <= 64:
        return steps
    return min(REMAINING_BUCKETS - 1, 65 + int(4 * np.log2(steps / 64)))


def monophonic_grid_notes(notes: Iterable[tuple[int, int, int]], step_ticks: int = STEP_TICKS) -> list[tuple[int, int, int]]:
    """Quantize (tick, duration, pitch) to the grid and make them monophonic (highest note wins)."""
    by_onset: dict[int, tuple[int, int]] = {}
    for tick, dur, pitch in notes:
        onset = round(tick / step_ticks) * step_ticks
        length = max(step_ticks, round(dur / step_ticks) * step_ticks)
        if onset not in by_onset or pitch > by_onset[onset][1]:
            by_onset[onset] = (length, pitch)
    out: list[list[int]] = []
    for onset in sorted(by_onset):
        length, pitch = by_onset[onset]
        if out and out[-1][0] + out[-1][1] > onset:
            out[-1][1] = onset - out[-1][0]
        out.append([onset, length, pitch])
    return [tuple(n) for n in out]  # type: ignore[misc]


def grid_melody_of_file(path) -> tuple[list[tuple[int, int, int]], int]:
    """The melody line of a MIDI file on the 16th grid, leading empty bars dropped; and its bar length in ticks.

    Raises MidiImportError for a file that cannot be read.
    """
    from composer_app.core.midifile import read_midi

    melody = read_midi(path).melody()
    bar = melody.time_signature.bar_ticks
    notes = monophonic_grid_notes([(n.tick, n.duration, n.pitch) for n in melody])
    if notes and notes[0][0] >= bar:
        shift = (notes[0][0] // bar) * bar  # keep the position in the bar
        notes = [(t - shift, d, p) for t, d, p in notes]
    return notes, bar
