"""The common-practice rules of four-part writing, as a checker: what a harmony teacher marks in a student's
soprano, alto, tenor and bass (ranges, crossing, spacing, parallel fifths and octaves, the leading tone).

Voices are lists of (tick, duration, pitch) notes, one line each. The check looks at the moments where any
voice starts a note (a "chord" of the four voices sounding then) and compares each with the next; a rest in
any voice between two moments breaks the line (no parallels are counted across it).
"""

from __future__ import annotations

from dataclasses import dataclass

from composer_app.core.errors import ComposerError

VOICES = ("soprano", "alto", "tenor", "bass")
RANGES = {"soprano": (60, 81), "alto": (55, 74), "tenor": (48, 69), "bass": (40, 62)}  # C4-A5, G3-D5, C3-A4, E2-D4
MAX_SPACING = {("soprano", "alto"): 12, ("alto", "tenor"): 12}  # an octave between neighbouring upper voices


@dataclass(frozen=True)
class Fault:
    """One thing a teacher would mark: where (tick), what (kind) and which voices."""

    tick: int
    kind: str  # range, crossing, spacing, parallel_fifths, parallel_octaves, leading_tone
    voices: tuple[str, ...]

    def describe(self) -> str:
        what = {"range": "out of its range", "crossing": "voices cross", "spacing": "more than an octave apart",
                "parallel_fifths": "parallel fifths", "parallel_octaves": "parallel octaves",
                "leading_tone": "the leading tone does not rise to the tonic"}[self.kind]
        return f"tick {self.tick}: {what} ({', '.join(self.voices)})"


def sounding(notes: list[tuple[int, int, int]], tick: int) -> int | None:
    for t, d, p in notes:
        if t <= tick < t + d:
            return p
    return None


def moments(voices: dict[str, list[tuple[int, int, int]]]) -> list[tuple[int, dict[str, int | None]]]:
    """Each tick where a note starts in any voice, with the pitch each voice sounds then (None: it rests)."""
    ticks = sorted({t for notes in voices.values() for t, _, _ in notes})
    return [(tick, {v: sounding(voices[v], tick) for v in VOICES}) for tick in ticks]


def check_part_writing(voices: dict[str, list[tuple[int, int, int]]], tonic: int | None = None) -> list[Fault]:
    """Every fault of the four voices (keys: soprano, alto, tenor, bass); `tonic` (a pitch class) enables the
    leading-tone rule (in the soprano, a leading tone that moves rises a semitone to the tonic)."""
    faults: list[Fault] = []
    for v in VOICES:
        low, high = RANGES[v]
        for t, _, p in voices[v]:
            if not low <= p <= high:
                faults.append(Fault(t, "range", (v,)))
    every = moments(voices)
    chords = [(t, now) for t, now in every if all(p is not None for p in now.values())]
    for tick, now in chords:
        for upper, lower in zip(VOICES, VOICES[1:]):
            if now[upper] < now[lower]:
                faults.append(Fault(tick, "crossing", (upper, lower)))
        for (upper, lower), gap in MAX_SPACING.items():
            if now[upper] - now[lower] > gap:
                faults.append(Fault(tick, "spacing", (upper, lower)))
    # consecutive moments of all four voices; a rest in any voice between them breaks the line
    pairs = [(x, y) for x, y in zip(every, every[1:]) if None not in x[1].values() and None not in y[1].values()]
    for (_, a), (t1, b) in pairs:
        for i, upper in enumerate(VOICES):
            for lower in VOICES[i + 1:]:
                before, after = a[upper] - a[lower], b[upper] - b[lower]
                moved = a[upper] != b[upper] and a[lower] != b[lower]
                if not moved:
                    continue
                if before % 12 == 7 and after % 12 == 7 and before > 0 and after > 0:
                    faults.append(Fault(t1, "parallel_fifths", (upper, lower)))
                if before % 12 == 0 and after % 12 == 0:
                    faults.append(Fault(t1, "parallel_octaves", (upper, lower)))
        if tonic is not None:  # in the soprano, a leading tone that moves goes up to the tonic
            if a["soprano"] % 12 == (tonic - 1) % 12 and b["soprano"] != a["soprano"] and b["soprano"] != a["soprano"] + 1:
                faults.append(Fault(t1, "leading_tone", ("soprano",)))
    order = {v: i for i, v in enumerate(VOICES)}
    return sorted(faults, key=lambda f: (f.tick, [order[v] for v in f.voices], f.kind))  # as the music goes


VOICE_NAMES = {"soprano": ("soprano", "s", "sopran"), "alto": ("alto", "a", "contralto"), "tenor": ("tenor", "t"),
               "bass": ("bass", "b", "bajo", "basso")}


def voices_of_song(song) -> dict[str, list[tuple[int, int, int]]]:
    """The four voices of a song: tracks named soprano, alto, tenor, bass (or S A T B, or in Spanish), else
    exactly four parts, highest first."""
    named = {}
    for part in song.parts:
        label = part.name.strip().lower()
        for voice, names in VOICE_NAMES.items():
            if label in names or label.startswith(voice):
                named.setdefault(voice, part)
    if len(named) < 4:
        parts = [p for p in song.parts if not p.is_drums and p.note_count]
        if len(parts) != 4:
            raise ComposerError(f"{song.source}: four voices are needed, as four tracks named Soprano, Alto, Tenor "
                                f"and Bass (it has {len(parts)} tracks with notes)", "not_four")
        named = dict(zip(VOICES, sorted(parts, key=lambda p: -p.mean_pitch)))
    return {v: [(t, d, p) for t, d, p, _ in named[v].notes] for v in VOICES}


def song_key(song, voices: dict[str, list[tuple[int, int, int]]]):
    """The key of four voices: the song's key signature, else the key the soprano's notes suggest (or None)."""
    from composer_app.core.keys import melody_key
    from composer_app.core.melody import Melody

    soprano = Melody.from_notes([(t, d, p, 80) for t, d, p in voices["soprano"]], key_signature=song.key_signature)
    return melody_key(soprano)[0]

