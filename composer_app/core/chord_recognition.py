"""Chords from what an accompaniment plays: a left hand, lower tracks, a chorale's lower voices.

Each beat's sounding pitch classes (weighted by how long they sound in it, the lowest note counting double) are
scored against chord templates (LABEL_KINDS on every root: what it covers, less what it leaves out and what
lies outside it, a little more for the simpler chord and for a root in the bass). A Viterbi search over the
beats then picks the chords and where they change: a change costs least on a bar line, more at the half bar,
most on another beat, and little where three notes or more are struck together (CHANGE_COST, chosen on
chorales of the training split), so a waltz's lone bass note or an Alberti bass's broken tones keep one chord
through the bar while a chorale's voices may change chord on every beat. numpy only; the same scoring labels the chorales for training.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from composer_app.core.chords import KINDS, ChordEvent
from composer_app.core.keys import Key
from composer_app.core.spelling import spell_chord

LABEL_KINDS = ("", "m", "dim", "aug", "7", "maj7", "m7", "m7b5", "dim7")
TEMPLATES = [(root, kind) for root in range(12) for kind in LABEL_KINDS]
_MASKS = np.array([np.isin(np.arange(12), [(root + i) % 12 for i in KINDS[kind]]) for root, kind in TEMPLATES])
_ROOTS = np.array([root for root, _ in TEMPLATES])
_SIMPLER = {"": 0.0, "m": 0.0, "7": 0.15, "dim": 0.25, "m7": 0.25, "maj7": 0.35, "m7b5": 0.35, "dim7": 0.3, "aug": 0.6}
_SIMPLER_COST = np.array([_SIMPLER[kind] for _, kind in TEMPLATES])

# what a change of chord costs (in beats' worth of fit) on a bar line, at the half bar, on another beat
CHANGE_COST = {"bar": 0.0, "half": 0.35, "beat": 0.8, "struck": 0.15}
STRUCK = 3  # notes struck together that make a beat "struck" (a block chord, a chorale's voices moving together)


def template_scores(weights: np.ndarray, bass: int | None) -> np.ndarray:
    """How well each template (TEMPLATES order) covers one beat's weighted pitch classes; higher is better."""
    total = float(weights.sum())
    if total <= 0:
        return np.zeros(len(TEMPLATES))
    covered = _MASKS @ weights
    missing = (_MASKS & (weights == 0)).sum(axis=1)
    scores = covered - (total - covered) - 0.3 * missing * total / 4 - _SIMPLER_COST * total / 4
    if bass is not None:
        scores = scores + 0.2 * total / 4 * (_ROOTS == bass)
    return scores


def label_beat(weights: np.ndarray, bass: int | None) -> tuple[int, str] | None:
    """The (root pc, kind) whose template best covers the weighted pitch classes of one beat."""
    if weights.sum() <= 0:
        return None
    return TEMPLATES[int(np.argmax(template_scores(weights, bass)))]


def beat_profiles(notes: Sequence[tuple[int, ...]], beat_ticks: int, beats: int) -> tuple[np.ndarray, list]:
    """Per beat: the pitch-class weights of (tick, duration, pitch, ...) notes (the share of the beat each
    sounds, the beat's lowest note counting double) and the lowest pitch class sounding (None in silence)."""
    weights = np.zeros((beats, 12))
    lowest: list[tuple[int, int] | None] = [None] * beats
    for n in notes:
        t, d, p = int(n[0]), int(n[1]), int(n[2])
        for b in range(max(0, t // beat_ticks), min(beats, (t + d - 1) // beat_ticks + 1)):
            overlap = min(t + d, (b + 1) * beat_ticks) - max(t, b * beat_ticks)
            if overlap > 0:
                weights[b, p % 12] += overlap / beat_ticks
                if lowest[b] is None or p < lowest[b][0]:
                    lowest[b] = (p, overlap)
    for b, low in enumerate(lowest):
        if low is not None:
            weights[b, low[0] % 12] += low[1] / beat_ticks
    return weights, [low[0] % 12 if low else None for low in lowest]


def recognise_chords(notes: Sequence[tuple[int, ...]], bar_ticks: int, beat_ticks: int,
                     key: Key | None = None, start: int = 0) -> list[ChordEvent]:
    """The chords that (tick, duration, pitch, ...) accompaniment notes play, from `start`, with their
    harmonic rhythm (one a bar, a half bar or a beat, as the notes change): ChordEvents, roots spelled in the
    key (core.spelling: Bb7 in F, not A#7)."""
    notes = [n for n in notes if n[0] + n[1] > start]
    if not notes or bar_ticks <= 0 or beat_ticks <= 0:
        return []
    end = max(n[0] + n[1] for n in notes)
    first_bar = start // bar_ticks
    origin = first_bar * bar_ticks
    shifted = [(n[0] - origin, n[1], n[2]) for n in notes]
    beats = -(-(end - origin) // beat_ticks)
    weights, bass = beat_profiles(shifted, beat_ticks, beats)
    per_bar = max(1, bar_ticks // beat_ticks)
    totals = weights.sum(axis=1)
    emit = np.stack([template_scores(weights[b], bass[b]) / max(totals[b], 1e-9) * min(1.0, totals[b])
                     for b in range(beats)])
    sounding = totals > 0
    attacks = np.zeros(beats, dtype=int)  # notes struck together on each beat: a chord struck anew
    for t, _, _ in shifted:
        if t >= 0 and t % beat_ticks <= beat_ticks // 16:
            attacks[t // beat_ticks] += 1
    # Viterbi: score[b, s] the best fit of beats 0..b with template s at beat b
    score = emit[0].copy()
    back = np.zeros((beats, len(TEMPLATES)), dtype=np.int32)
    for b in range(1, beats):
        in_bar = b % per_bar
        where = "bar" if in_bar == 0 else "half" if per_bar % 2 == 0 and in_bar == per_bar // 2 else "beat"
        best = int(np.argmax(score))
        cost = CHANGE_COST[where]
        if attacks[b] >= STRUCK:  # three notes or more struck at once: a new chord is likelier here
            cost = min(cost, CHANGE_COST["struck"])
        change = score[best] - cost
        stay = score
        back[b] = np.where(stay >= change, np.arange(len(TEMPLATES)), best)
        score = np.maximum(stay, change) + emit[b]
    path = [int(np.argmax(score))]
    for b in range(beats - 1, 0, -1):
        path.append(int(back[b, path[-1]]))
    path.reverse()
    events: list[ChordEvent] = []
    for b, s in enumerate(path):
        if not sounding[b] and not events:
            continue  # nothing played yet: no chord before the accompaniment starts
        root, kind = TEMPLATES[s]
        chord = spell_chord(root, kind, key)
        tick = origin + b * beat_ticks
        if events and events[-1].chord == chord:
            events[-1] = ChordEvent(events[-1].tick, tick + beat_ticks - events[-1].tick, chord)
        else:
            events.append(ChordEvent(tick, beat_ticks, chord))
    return events


def accompaniment_notes(song, melody) -> list[tuple[int, int, int]]:
    """What a file plays besides its melody: every note of its other tracks (drums left out) and the notes of
    the melody's own track that are not the melody (a left hand on the same track)."""
    taken = {(n.tick, n.pitch) for n in melody}
    out = []
    for part in song.parts:
        if part.is_drums:
            continue
        out.extend((t, d, p) for t, d, p, *_ in part.notes if (t, p) not in taken)
    return sorted(out)


def chords_of_song(song, melody) -> tuple[list[ChordEvent], str]:
    """The chord track of a file and where it came from: its chord symbols ("symbols") when it has them, else
    the chords its accompaniment plays ("accompaniment"), spelled in the file's key, else none ("")."""
    if song.chords:
        return list(song.chords), "symbols"
    lower = accompaniment_notes(song, melody)
    if len(lower) < 3:
        return [], ""
    ts = song.time_signature
    return recognise_chords(lower, ts.bar_ticks, ts.beat_ticks, key=_key_of(melody, lower)), \
        "accompaniment"


def _key_of(melody, lower) -> Key | None:
    """The file's key signature (core.keys.melody_key), else the key all its notes suggest."""
    from composer_app.core.keys import detect_key, melody_key
    from composer_app.core.note import Note

    key, declared = melody_key(melody)
    if declared:
        return key
    found = detect_key(list(melody) + [Note(0, t, d, p, 64) for t, d, p in lower])
    return found.key if found is not None else None
