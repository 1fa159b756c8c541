"""Spelling notes and chord roots as a score writes them: from the key (its scale's letters, a minor key's
raised sixth and seventh sharp), the chord sounding (a chord tone by its interval above the chord's root: B7 is
B-D#-F#-A, never B-Eb-Gb-Bbb) and, for other chromatic notes, the direction the line moves (up: sharp, down:
flat)."""

from __future__ import annotations

from collections.abc import Sequence

from composer_app.core.chords import KINDS, LETTER_PC, Chord, ChordEvent, chord_at
from composer_app.core.keys import Key

LETTERS = "CDEFGAB"
NATURAL = LETTER_PC  # a letter's pitch class without accidentals
FLAT_MAJOR_TONICS = {5, 10, 3, 8, 1, 6}  # F Bb Eb Ab Db Gb
FLAT_MINOR_TONICS = {2, 7, 0, 5, 10, 3}  # Dm Gm Cm Fm Bbm Ebm
# chromatic roots by their distance above the tonic: True where a score writes them with a flat
_CHROMATIC_ROOT_FLAT = {"major": {1: True, 3: True, 6: False, 8: True, 10: True},
                        "minor": {1: True, 4: False, 6: False, 9: False, 11: False}}
# letters above a chord's root for each interval in semitones (a kind may say otherwise: _KIND_STEPS)
_INTERVAL_STEPS = {0: 0, 1: 1, 2: 1, 3: 2, 4: 2, 5: 3, 6: 4, 7: 4, 8: 5, 9: 5, 10: 6, 11: 6, 14: 1}
_KIND_STEPS = {"aug": {8: 4}, "dim7": {9: 6}}


def _tonic_name(key: Key) -> str:
    return key.name.rstrip("m") if key.mode == "minor" else key.name


def key_uses_flats(key: Key) -> bool:
    return key.tonic in (FLAT_MAJOR_TONICS if key.mode == "major" else FLAT_MINOR_TONICS)


def root_uses_flats(root_pc: int, key: Key) -> bool:
    """Whether a chord root is written with a flat in this key (flats in flat keys; bII, bIII, bVI, bVII flat
    and #IV sharp in major; the leading tone and raised sixth sharp in minor)."""
    return _CHROMATIC_ROOT_FLAT[key.mode].get((root_pc - key.tonic) % 12, key_uses_flats(key))


def spell_chord(root_pc: int, kind: str, key: Key | None, bass_pc: int | None = None) -> Chord:
    """A chord symbol spelled in the key: Bb7 in F, not A#7."""
    flats = root_uses_flats(root_pc, key) if key is not None else False
    return Chord.of(root_pc, kind, flats=flats, bass_pc=bass_pc)


def _letter_name(letter: str, pc: int) -> tuple[str, int]:
    alter = (pc - NATURAL[letter] + 6) % 12 - 6
    return letter, alter


def key_scale(key: Key) -> dict[int, tuple[str, int]]:
    """Pitch class -> (letter, alteration) for the key's scale (a minor key: natural, with the raised sixth and
    seventh on their own letters)."""
    tonic = _tonic_name(key)
    first = LETTERS.index(tonic[0])
    steps = (0, 2, 4, 5, 7, 9, 11) if key.mode == "major" else (0, 2, 3, 5, 7, 8, 10)
    out = {}
    for i, s in enumerate(steps):
        pc = (key.tonic + s) % 12
        out[pc] = _letter_name(LETTERS[(first + i) % 7], pc)
    if key.mode == "minor":
        for i, s in ((5, 9), (6, 11)):
            pc = (key.tonic + s) % 12
            out.setdefault(pc, _letter_name(LETTERS[(first + i) % 7], pc))
    return out


def chord_tone_name(chord: Chord, pc: int) -> tuple[str, int] | None:
    """How a tone of the chord is written: by its interval above the root's letter; None if not a tone of it."""
    offset = (pc - chord.root_pc) % 12
    intervals = {i % 12: i for i in KINDS[chord.kind]}
    if offset not in intervals:
        return None
    steps = _KIND_STEPS.get(chord.kind, {}).get(intervals[offset], _INTERVAL_STEPS[intervals[offset]])
    letter = LETTERS[(LETTERS.index(chord.root[0]) + steps) % 7]
    name = _letter_name(letter, pc)
    return name if abs(name[1]) <= 2 else None


def music21_name(letter: str, alter: int, midi: int) -> str:
    """"E-4", "D#5", "B#3": the letter, accidentals and octave of a MIDI pitch spelled on that letter."""
    octave = (midi - NATURAL[letter] - alter) // 12 - 1
    return f"{letter}{'#' * alter if alter > 0 else '-' * -alter}{octave}"


def spell_line(notes: Sequence[tuple[int, int, int]], key: Key | None,
               chords: Sequence[ChordEvent] = ()) -> list[str]:
    """music21 names for a line's (tick, duration, pitch) notes in order: the key's letter for a note of its
    scale, the chord's letter for a chromatic tone of the chord sounding (the third of a secondary dominant),
    else sharp going up and flat going down."""
    scale = key_scale(key) if key is not None else {}
    flats = key_uses_flats(key) if key is not None else False
    events = [c for c in chords if c.chord is not None]
    out = []
    for i, (tick, _, pitch) in enumerate(notes):
        pc = pitch % 12
        sounding = chord_at(events, tick) if events else None
        named = chord_tone_name(sounding.chord, pc) if sounding is not None else None
        if pc in scale:
            letter, alter = scale[pc]
        elif named is not None:
            letter, alter = named
        else:
            following = next((n[2] for n in notes[i + 1:] if n[2] != pitch), None)
            up = following > pitch if following is not None else not flats
            letter, alter = _nearest(pc, sharp=up)
        out.append(music21_name(letter, alter, pitch))
    return out


def _nearest(pc: int, sharp: bool) -> tuple[str, int]:
    """A pitch class on a letter with at most one accidental: the natural, else the sharp or the flat."""
    for letter, natural in NATURAL.items():
        if natural == pc:
            return letter, 0
    for letter, natural in NATURAL.items():
        if (natural + (1 if sharp else -1)) % 12 == pc:
            return letter, 1 if sharp else -1
    raise ValueError(pc)
