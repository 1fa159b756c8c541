"""Chord symbols as students write them, and chords placed in time.

Grammar (docs/chords.md): ROOT KIND [/BASS]
- ROOT and BASS: a letter C D E F G A B, or a syllable Do Re Mi Fa Sol La Si, then any # or b (also ♯ ♭):
  C, F#, Bb, Do, Fa#, Sib.
- KIND, one of KINDS: "" (major), m, dim, aug, sus2, sus4, 6, m6, 7, maj7, m7, m7b5, dim7, mmaj7, 7sus4, add9, 9,
  m9, maj9; also written M/maj (major), min/- (minor), ° (dim), + (aug), sus (sus4), M7/Δ (maj7), -7/min7 (m7),
  ø/ø7 (m7b5), °7 (dim7).
- "N.C." is no chord.

A progression: "C G Am F" (one chord a bar) or "| C | G | Am F |" (chords between bar lines share the bar).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from composer_app.core.errors import ComposerError

KINDS: dict[str, tuple[int, ...]] = {
    "": (0, 4, 7), "m": (0, 3, 7), "dim": (0, 3, 6), "aug": (0, 4, 8), "sus2": (0, 2, 7), "sus4": (0, 5, 7),
    "6": (0, 4, 7, 9), "m6": (0, 3, 7, 9), "7": (0, 4, 7, 10), "maj7": (0, 4, 7, 11), "m7": (0, 3, 7, 10),
    "m7b5": (0, 3, 6, 10), "dim7": (0, 3, 6, 9), "mmaj7": (0, 3, 7, 11), "7sus4": (0, 5, 7, 10),
    "add9": (0, 4, 7, 14), "9": (0, 4, 7, 10, 14), "m9": (0, 3, 7, 10, 14), "maj9": (0, 4, 7, 11, 14),
}
_KIND_ALIASES = {
    "M": "", "maj": "", "min": "m", "-": "m", "°": "dim", "+": "aug", "sus": "sus4", "M7": "maj7", "Δ": "maj7",
    "Δ7": "maj7", "ma7": "maj7", "-7": "m7", "min7": "m7", "ø": "m7b5", "ø7": "m7b5", "-7b5": "m7b5", "°7": "dim7",
    "+5": "aug", "7sus": "7sus4", "mM7": "mmaj7", "m(maj7)": "mmaj7", "-6": "m6", "2": "add9",
}
TRIAD_OF = {"": "", "m": "m", "dim": "dim", "aug": "aug", "sus2": "sus2", "sus4": "sus4", "6": "", "m6": "m",
            "7": "", "maj7": "", "m7": "m", "m7b5": "dim", "dim7": "dim", "mmaj7": "m", "7sus4": "sus4",
            "add9": "", "9": "", "m9": "m", "maj9": ""}
NO_CHORD = "N.C."

LETTER_PC = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
_SYLLABLES = {"do": "C", "re": "D", "mi": "E", "fa": "F", "sol": "G", "la": "A", "si": "B"}
_LETTER_SYLLABLE = {v: k.capitalize() for k, v in _SYLLABLES.items()}
SHARP_NAMES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")
FLAT_NAMES = ("C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B")
GRAMMAR = ("a root (C, F#, Bb or Do, Fa#, Sib), then a kind (m, 7, maj7, m7, dim, aug, sus4, m7b5, ...) and "
           "an optional bass (/E)")


class ChordError(ComposerError):
    """A chord symbol or progression that cannot be read; the message names it and the grammar."""


@dataclass(frozen=True, slots=True)
class Chord:
    """A chord symbol: root spelled as a letter with accidentals ("Bb"), a kind from KINDS, an optional bass."""

    root: str
    kind: str = ""
    bass: str | None = None

    @property
    def root_pc(self) -> int:
        return _pc(self.root)

    @property
    def bass_pc(self) -> int:
        return _pc(self.bass) if self.bass else self.root_pc

    @property
    def triad(self) -> str:
        """The kind reduced to a triad ("" major, "m", "dim", "aug", "sus2", "sus4")."""
        return TRIAD_OF[self.kind]

    def pitch_classes(self) -> tuple[int, ...]:
        """The chord's tones as pitch classes, root first (a bass not in the chord comes first)."""
        tones = tuple((self.root_pc + i) % 12 for i in KINDS[self.kind])
        if self.bass and self.bass_pc not in tones:
            return (self.bass_pc, *tones)
        return tones

    def symbol(self, lang: str = "en") -> str:
        """"Bbmaj7/D" in English, "Sibmaj7/Re" in Spanish."""
        text = spell(self.root, lang) + self.kind
        return text + "/" + spell(self.bass, lang) if self.bass else text

    def __str__(self) -> str:
        return self.symbol()

    @classmethod
    def of(cls, root_pc: int, kind: str = "", flats: bool = False, bass_pc: int | None = None) -> "Chord":
        """A chord from pitch classes, spelled with sharps or flats."""
        names = FLAT_NAMES if flats else SHARP_NAMES
        bass = names[bass_pc % 12] if bass_pc is not None and bass_pc % 12 != root_pc % 12 else None
        return cls(names[root_pc % 12], kind, bass)


def _pc(name: str) -> int:
    return (LETTER_PC[name[0]] + name.count("#") - name.count("b")) % 12


def spell(name: str, lang: str = "en") -> str:
    """A root or bass ("F#") in the student's language ("Fa#" in Spanish)."""
    return _LETTER_SYLLABLE[name[0]] + name[1:] if lang == "es" else name


_SYLLABLE = re.compile(r"(?i:do|re|mi|fa|sol|la|si)")


def _accidentals(text: str, end: int) -> tuple[str, int] | None:
    accidentals = ""
    while end < len(text) and text[end] in "#b♯♭":
        accidentals += "#" if text[end] in "#♯" else "b"
        end += 1
        if len(accidentals) > 2:
            return None
    return accidentals, end


def _roots(text: str) -> list[tuple[str, int]]:
    """Every way the text can start with a root: a Spanish syllable ("Fa"), an English letter ("F")."""
    out = []
    m = _SYLLABLE.match(text)
    if m:
        out.append((_SYLLABLES[m.group(0).lower()], m.end()))
    if text[:1] in LETTER_PC:
        out.append((text[0], 1))
    read = []
    for letter, end in out:
        acc = _accidentals(text, end)
        if acc is not None:
            read.append((letter + acc[0], acc[1]))
    return read


def _kind_and_bass(rest: str) -> tuple[str, str | None] | None:
    bass = None
    if "/" in rest:
        rest, bass_text = rest.split("/", 1)
        bass_text = bass_text.strip()
        whole = [r for r, end in _roots(bass_text) if end == len(bass_text)]
        if not whole:
            return None
        bass = whole[0]
    kind = rest.strip()
    kind = _KIND_ALIASES.get(kind, kind)
    return (kind, bass) if kind in KINDS else None


def parse_chord(text: str) -> Chord | None:
    """A chord from its symbol in English or Spanish; None for "N.C." (no chord); ChordError if unreadable.
    Where the two languages could both be meant ("Faug": F augmented, not Fa "ug"), the reading that makes a
    whole symbol wins."""
    t = text.strip()
    if t.upper() in ("N.C.", "NC", "N.C"):
        return None
    for root, end in _roots(t):
        read = _kind_and_bass(t[end:])
        if read is not None:
            kind, bass = read
            if bass is not None and _pc(bass) == _pc(root):
                bass = None
            return Chord(root, kind, bass)
    raise ChordError(f"{t[:30]!r} is not a chord symbol: write {GRAMMAR}", "unknown_chord")


@dataclass(frozen=True, slots=True)
class ChordEvent:
    """A chord sounding from `tick` for `duration` ticks (None: no chord)."""

    tick: int
    duration: int
    chord: Chord | None

    @property
    def end(self) -> int:
        return self.tick + self.duration

    def symbol(self, lang: str = "en") -> str:
        return self.chord.symbol(lang) if self.chord else NO_CHORD


MAX_CHORDS = 10_000


def parse_progression(text: str, bar_ticks: int, start_tick: int = 0, beat_ticks: int | None = None) -> list[ChordEvent]:
    """Chords placed from start_tick: "C G Am F" one a bar; "| C | G | Am F |" chords in a bar share it, each
    starting on a beat (the first ones longer: two in 3/4 take 2 + 1 beats), no more chords than the bar has
    beats. "%" repeats the previous bar. ChordError names the first symbol that cannot be read."""
    t = text.replace("\n", " ").strip()
    if not t:
        raise ChordError("the progression is empty: type chords such as C G Am F", "empty")
    if "|" in t:
        bars = [b.split() for b in t.strip("|").split("|")]
    else:
        bars = [[word] for word in t.split()]
    events: list[ChordEvent] = []
    previous: list[str] | None = None
    for i, words in enumerate(bars):
        if words == ["%"]:
            if previous is None:
                raise ChordError("'%' repeats the bar before it, and there is none", "unknown_chord")
            words = previous
        if not words:
            raise ChordError(f"bar {i + 1} of the progression has no chord (write N.C. for none)", "empty")
        tick = start_tick + i * bar_ticks
        beats = bar_ticks // beat_ticks if beat_ticks else len(words)
        if len(words) > beats:
            error = ChordError(f"bar {i + 1} of the progression has {len(words)} chords and only {beats} beats: "
                               f"put a | between bars, e.g. | {' | '.join(words)} |", "bar_full")
            error.counts = (len(words), beats)
            raise error
        cuts = [tick + bar_ticks * j // len(words) if not beat_ticks else tick + -(-j * beats // len(words)) * beat_ticks
                for j in range(len(words) + 1)]
        for j, word in enumerate(words):
            events.append(ChordEvent(cuts[j], cuts[j + 1] - cuts[j], parse_chord(word)))
        previous = words
        if len(events) > MAX_CHORDS:
            raise ChordError(f"the progression has more than {MAX_CHORDS:,} chords", "too_many")
    return [e for e in events if e.chord is not None]


def check_chords(events: list[ChordEvent]) -> list[ChordEvent]:
    """Chords in time order, each of positive length and none overlapping the next; ChordError otherwise."""
    out = sorted(events, key=lambda e: e.tick)
    for e in out:
        if e.duration <= 0 or e.tick < 0:
            raise ChordError(f"the chord {e.symbol()} at tick {e.tick} has no length", "zero_length")
    for a, b in zip(out, out[1:]):
        if b.tick < a.end:
            raise ChordError(f"the chords {a.symbol()} and {b.symbol()} overlap", "overlap")
    return out


def chord_at(events: list[ChordEvent], tick: int) -> ChordEvent | None:
    """The chord sounding at tick, if any (events sorted and not overlapping)."""
    lo, hi = 0, len(events)
    while lo < hi:
        mid = (lo + hi) // 2
        if events[mid].tick <= tick:
            lo = mid + 1
        else:
            hi = mid
    if lo and events[lo - 1].end > tick:
        return events[lo - 1]
    return None
