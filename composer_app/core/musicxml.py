"""MusicXML out: a lead sheet (the melody with its chord symbols) and, as more parts, an accompaniment or the
four voices, written by music21 (the corpus tool of training, imported only when a student exports), which
does the notation: bars, rests, ties across bar lines, note values.

Notation programs (MuseScore, Finale, Sibelius, Dorico) open the result. The file is saved safely
(core.safe_save): an old file stays whole if anything fails.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path

from composer_app.core.chords import ChordEvent
from composer_app.core.dynamics import dynamic_marks
from composer_app.core.errors import ComposerError
from composer_app.core.keys import melody_key
from composer_app.core.melody import Melody
from composer_app.core.notation import Quantized, quantize_for_notation
from composer_app.core.safe_save import save_bytes

SUFFIXES = (".musicxml", ".xml")
# core.chords kinds -> MusicXML <kind> values (and the text shown for the ones MusicXML spells otherwise)
MUSICXML_KINDS = {"": "major", "m": "minor", "dim": "diminished", "aug": "augmented", "sus2": "suspended-second",
                  "sus4": "suspended-fourth", "6": "major-sixth", "m6": "minor-sixth", "7": "dominant",
                  "maj7": "major-seventh", "m7": "minor-seventh", "m7b5": "half-diminished",
                  "dim7": "diminished-seventh", "mmaj7": "major-minor", "9": "dominant-ninth", "m9": "minor-ninth",
                  "maj9": "major-ninth", "7sus4": "suspended-fourth", "add9": "major"}
ADDED_DEGREES = {"7sus4": (7, -1), "add9": (9, 0)}  # kind -> (degree added, alteration)


class MusicXmlError(ComposerError):
    """A MusicXML file cannot be written; the message says why in one sentence."""


def _music21():
    try:
        with contextlib.redirect_stderr(io.StringIO()):  # its notice about optional plotting packages
            import music21  # noqa: F401  (a large package: imported only when a student opens or exports a score)
    except ImportError as e:
        if os.environ.get("COMPOSER_APP_DEBUG"):
            raise
        raise MusicXmlError(f"MusicXML needs the music21 package (pip install music21): {e.name} is missing",
                            "missing") from e
    from music21 import chord, defaults, harmony, key, meter, note, stream, tempo

    defaults.author = ""  # no composer is written unless one is known (music21 would write "Music21")

    return chord, harmony, key, meter, note, stream, tempo


def _spelling(name: str) -> str:
    """A root as music21 spells it: "Bb" -> "B-", "F#" -> "F#"."""
    return name[0] + name[1:].replace("b", "-")


def chord_symbol(event: ChordEvent):
    """A music21 ChordSymbol for a chord of the chord track (built from its parts, not re-parsed)."""
    _, harmony, *_ = _music21()
    c = event.chord
    symbol = harmony.ChordSymbol(root=_spelling(c.root), bass=_spelling(c.bass) if c.bass else None,
                                 kind=MUSICXML_KINDS[c.kind])
    if c.kind in ADDED_DEGREES:
        degree, alter = ADDED_DEGREES[c.kind]
        symbol.addChordStepModification(harmony.ChordStepModification("add", degree, alter))
    symbol.chordKindStr = c.kind
    return symbol


def _part(name: str, notes: Sequence[tuple[int, ...]], tpq: int, bar_ticks: int, numerator: int,
          denominator: int, key_name: str | None, bpm: float | None, chords: Sequence[ChordEvent] = (),
          marks: Sequence[tuple[int, str]] = (), spelling: tuple = (None, ())):
    """A part of (tick, duration, pitch[, velocity]) notes, with chord symbols and dynamics marks."""
    chord_m, _harmony, key_m, meter, note_m, stream, tempo = _music21()
    from music21 import dynamics, instrument

    part = stream.Part()
    player = instrument.Piano()  # every part names its instrument: notation programs ask for one
    player.partName = name
    part.insert(0, player)
    part.partName = name
    part.insert(0, meter.TimeSignature(f"{numerator}/{denominator}"))
    if key_name:
        from composer_app.core.keys import Key

        k = Key.parse(key_name)
        part.insert(0, key_m.Key(_spelling(key_name.rstrip("m")) if k.mode == "major" else
                                 _spelling(key_name.rstrip("m")).lower(), k.mode))
    if bpm:
        part.insert(0, tempo.MetronomeMark(number=round(bpm)))
    from music21 import tie as tie_m

    names = _spelled(notes, *spelling)
    groups: dict[tuple[int, int, str | None], list[tuple]] = {}
    for n in notes:  # (tick, duration, pitch, velocity, tie): on the notation grid (core.notation)
        groups.setdefault((n[0], n[1], n[4]), []).append(n)
    for (t, d, tie), same in sorted(groups.items(), key=lambda g: g[0][:2]):
        spelled = sorted({(n[2], names[(n[0], n[2])]) for n in same})
        item = note_m.Note(spelled[0][1]) if len(spelled) == 1 else chord_m.Chord([name for _, name in spelled])
        item.quarterLength = Fraction(d, tpq)
        item.volume.velocity = max(n[3] for n in same)  # each note's own dynamics, for playback
        if tie:
            item.tie = tie_m.Tie(tie)
        part.insert(Fraction(t, tpq), item)
    for t, mark in marks:
        part.insert(Fraction(t, tpq), dynamics.Dynamic(mark))
    for c in chords:
        if c.chord is not None:
            part.insert(Fraction(_on_beat_grid(c.tick, tpq), tpq), chord_symbol(c))
    if notes:
        from music21 import clef

        part.insert(0, _clef_for([n[2] for n in notes], clef))
    return part


def _spelled(pieces: Sequence[tuple], key, chords) -> dict[tuple[int, int], str]:
    """(tick, pitch) -> the note's name as written (core.spelling); a tied note's pieces keep the first's."""
    from composer_app.core.spelling import spell_line

    names = spell_line([(n[0], n[1], n[2]) for n in pieces], key, chords)
    out: dict[tuple[int, int], str] = {}
    held: dict[int, str] = {}
    for n, name in zip(pieces, names):
        if n[4] in ("continue", "stop") and n[2] in held:
            name = held[n[2]]
        if n[4] in ("start", "continue"):
            held[n[2]] = name
        out[(n[0], n[2])] = name
    return out


def _clef_for(pitches: Sequence[int], clef):
    """The clef by range: treble from a median of middle C up; a single line a little lower (a tenor's, C3 to A4)
    the treble clef an octave down, as vocal scores write it; anything lower the bass clef."""
    ordered = sorted(pitches)
    median = ordered[len(ordered) // 2]
    if median >= 60:
        return clef.TrebleClef()
    if median >= 52 and ordered[-1] <= 69 and ordered[0] >= 45:
        return clef.Treble8vbClef()
    return clef.BassClef()


def _layers(notes: Sequence[tuple[int, ...]]) -> list[list[tuple[int, ...]]]:
    """Notes in layers that a staff can show without voices: in each, notes starting together last as long
    as each other (a chord), and nothing overlaps."""
    layers: list[list[tuple[int, ...]]] = []
    for n in sorted(notes):
        for layer in layers:
            last = layer[-1]
            if (last[0], last[1]) == (n[0], n[1]) or last[0] + last[1] <= n[0]:
                if all(m[0] + m[1] <= n[0] or (m[0], m[1]) == (n[0], n[1]) for m in layer[-8:]):
                    layer.append(n)
                    break
        else:
            layers.append([n])
    return layers


def _written_layers(written: Quantized) -> list[list[tuple]]:
    """The notes on their grid in layers a staff shows without voices, each as written pieces (tied at the
    quarter lines a triplet meets)."""
    return [Quantized(layer, written.grids, written.tpq).pieces() for layer in _layers(written.notes)]


def _on_beat_grid(tick: int, tpq: int) -> int:
    """A chord symbol's tick on the 16th grid (a chord typed or recognised a tick off its beat)."""
    return round(tick * 4 / tpq) * tpq // 4


def _pickup_ticks(melody: Melody, parts) -> int:
    """The silence before a pickup (an upbeat written at the end of an otherwise empty first bar), or 0: the
    first note starts after the bar's first beat, and nothing (another part, a chord) starts before it."""
    starts = [n.tick for n in melody] + [n[0] for _, notes in parts for n in notes] + \
        [c.tick for c in melody.chords if c.chord is not None]
    first = min(starts, default=0)
    ts = melody.time_signature
    return first if ts.beat_ticks <= first < ts.bar_ticks else 0


def _with_pickup_bar(score, silence: Fraction):
    """The score with its first bar as an incomplete measure (an anacrusis, numbered 0): the silence before the
    pickup left out instead of written as rests."""
    from music21 import stream

    score = score.makeNotation()
    for part in score.parts:
        measures = list(part.getElementsByClass("Measure"))
        for number, measure in enumerate(measures):
            measure.number = number
        first = measures[0]
        for element in list(first.notesAndRests):
            if element.isRest and element.offset < silence:
                first.remove(element)
        for element in list(first.elements):
            if element.offset >= silence:
                first.coreSetElementOffset(element, element.offset - silence)
        first.coreElementsChanged()
        first.paddingLeft = silence
        first.showNumber = stream.enums.ShowNumber.NEVER  # implicit="yes": a pickup is not counted as a bar
    return score


def musicxml_bytes(melody: Melody, parts: Sequence[tuple[str, Sequence[tuple[int, int, int]]]] = (),
                   title: str = "") -> bytes:
    """The melody (with its chord symbols) and more parts as (name, (tick, duration, pitch) notes), as MusicXML."""
    _chord, _harmony, _key, _meter, _note, stream, _tempo = _music21()
    from music21 import metadata
    from music21.musicxml.m21ToXml import GeneralObjectExporter

    ts = melody.time_signature
    score = stream.Score()
    score.metadata = metadata.Metadata()
    score.metadata.title = melody.name or title or "Melody"  # the file's or project's own title, else its name
    common = dict(tpq=melody.ticks_per_quarter, bar_ticks=ts.bar_ticks, numerator=ts.numerator,
                  denominator=ts.denominator, key_name=melody.key_signature)
    tpq = melody.ticks_per_quarter
    written = quantize_for_notation([(n.tick, n.duration, n.pitch, n.velocity) for n in melody], tpq,
                                    line=melody.is_monophonic() or None)
    marks = dynamic_marks([(n[0], n[3]) for n in written.notes], ts.bar_ticks)
    lines = _written_layers(written)
    common["spelling"] = (melody_key(melody)[0], tuple(melody.chords))  # the key signature, else the notes' key
    for i, line in enumerate(lines or [[]]):
        score.insert(0, _part(melody.name or "Melody" if i == 0 else f"{melody.name or 'Melody'} {i + 1}", line,
                              bpm=melody.bpm if i == 0 else None, chords=melody.chords if i == 0 else (),
                              marks=marks if i == 0 else (), **common))
    for name, notes in parts:
        lines = _written_layers(quantize_for_notation(notes, tpq))
        for i, line in enumerate(lines):
            score.insert(0, _part(name if i == 0 else f"{name} {i + 1}", line, bpm=None, **common))
    try:
        with contextlib.redirect_stderr(io.StringIO()):  # music21's notices (beams it mends) are not the student's
            pickup = _pickup_ticks(melody, parts)
            if pickup:
                score = _with_pickup_bar(score, pickup / tpq)
            return GeneralObjectExporter(score).parse()
    except Exception as e:  # music21 could not notate it: one sentence, never a traceback
        raise MusicXmlError(f"the music could not be written as MusicXML ({type(e).__name__})", "notation") from e


def write_musicxml(melody: Melody, path: str | os.PathLike,
                   parts: Sequence[tuple[str, Sequence[tuple[int, int, int]]]] = (), title: str = "") -> None:
    """Write a MusicXML file (.musicxml or .xml) safely."""
    save_bytes(Path(path), musicxml_bytes(melody, parts, title), keep_backup=True, error=MusicXmlError)


# -- in --------------------------------------------------------------------------------------------------

MAX_FILE_BYTES = 16 * 1024 * 1024
_KIND_OF_MUSICXML = {v: k for k, v in MUSICXML_KINDS.items() if k not in ("7sus4", "add9")}
_KIND_OF_MUSICXML.update({"major-seventh": "maj7", "dominant-seventh": "7", "suspended-fourth-seventh": "7sus4",
                          "half-diminished-seventh": "m7b5", "minor-major-seventh": "mmaj7", "augmented-fifth": "aug"})


def _name(m21_name: str) -> str:
    """A music21 pitch name as composer-app spells it: "B-" -> "Bb"."""
    return m21_name.replace("-", "b")


def read_musicxml(path: str | os.PathLike):
    """A MusicXML file (.musicxml, .xml, .mxl) as a core.midifile.MidiSong: its parts, tempo, metre, key and
    chord symbols. music21 reads it from the source every time (never from a cache of pickled scores)."""
    from composer_app.core.chords import Chord
    from composer_app.core.errors import MidiImportError
    from composer_app.core.extract import max_polyphony
    from composer_app.core.midifile import VALID_KEY_NAMES, MidiSong, Part
    from composer_app.core.timing import DEFAULT_TEMPO, TICKS_PER_QUARTER, TempoChange, TimeSignature, ticks_to_seconds

    path = Path(path)
    label = path.name
    try:
        size = path.stat().st_size
    except FileNotFoundError as e:
        raise MidiImportError(f"{label}: no such file", "missing") from e
    except OSError as e:
        raise MidiImportError(f"{label}: it cannot be read ({e.strerror or e})", "unreadable") from e
    if size > MAX_FILE_BYTES:
        raise MidiImportError(f"{label}: the file is {size / 1e6:.1f} MB, larger than a score may be", "too_large")
    _music21()
    from music21 import converter, harmony

    try:
        score = converter.parse(str(path), format="musicxml", forceSource=True, storePickle=False)
    except Exception as e:  # whatever music21 meets in a broken file: one sentence
        raise MidiImportError(f"{label}: it cannot be read as MusicXML ({type(e).__name__})", "damaged") from e
    tpq = TICKS_PER_QUARTER
    parts, chords = [], []
    for index, part in enumerate(getattr(score, "parts", None) or [score]):
        flat = part.stripTies().flatten()
        notes = []
        for n in flat.notes:
            if isinstance(n, harmony.ChordSymbol):
                continue
            t, d = round(float(n.offset) * tpq), max(1, round(float(n.quarterLength) * tpq))
            velocity = int(n.volume.velocity or 80) if n.volume is not None else 80
            notes += [(t, d, int(p.midi), velocity) for p in n.pitches]
        for cs in flat.getElementsByClass(harmony.ChordSymbol):
            kind = _KIND_OF_MUSICXML.get(cs.chordKind, "")
            added = {(m.degree, m.interval.semitones if m.interval is not None else 0)
                     for m in cs.getChordStepModifications() if m.modType == "add"}
            for name, (degree, _alter) in ADDED_DEGREES.items():
                if MUSICXML_KINDS[name] == cs.chordKind and any(d == degree for d, _ in added):
                    kind = name
            root = cs.root()
            bass = cs.bass()
            if root is None:
                continue
            chords.append((round(float(cs.offset) * tpq), Chord(_name(root.name), kind,
                          _name(bass.name) if bass is not None and bass.name != root.name else None)))
        if notes:
            notes.sort()
            parts.append(Part(len(parts) + 1, index, index % 16, part.partName or f"Part {index + 1}", 0,
                              tuple(notes), max_polyphony(notes)))
    flat = score.flatten()
    marks = flat.getElementsByClass("MetronomeMark")
    tempos = [TempoChange(0, round(60_000_000 / marks[0].getQuarterBPM()) if marks and marks[0].getQuarterBPM()
                          else DEFAULT_TEMPO)]
    sigs = flat.getElementsByClass("TimeSignature")
    time_signature = TimeSignature(sigs[0].numerator, sigs[0].denominator) if sigs else TimeSignature()
    keys = flat.getElementsByClass("KeySignature")
    key_signature = None
    if keys:
        k = keys[0].asKey() if not hasattr(keys[0], "mode") else keys[0]
        name = _name(k.tonic.name) + ("m" if k.mode == "minor" else "")
        key_signature = name if name in VALID_KEY_NAMES else None
    notes_end = max((t + d for p in parts for t, d, _, _ in p.notes), default=0)
    length = max(notes_end, round(float(score.highestTime) * tpq))  # to the last bar line (a final rest too)
    chords.sort(key=lambda c: c[0])
    events = []
    for i, (tick, chord) in enumerate(chords):
        bar = time_signature.bar_ticks
        end = chords[i + 1][0] if i + 1 < len(chords) else -(-max(length, tick + 1) // bar) * bar  # to a bar line
        if end > tick:
            events.append(ChordEvent(tick, end - tick, chord))
    title = (score.metadata.title if score.metadata and score.metadata.title else "") or path.stem
    return MidiSong(label, 1, parts, tempos, time_signature, key_signature, length,
                    ticks_to_seconds(length, tempos), title, chords=tuple(events))
