"""MIDI file import (parts, default melody part, skyline) and export (type 1, atomic)."""

from __future__ import annotations

import io
import math
import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import mido

from composer_app.core.chords import Chord, ChordError, ChordEvent, parse_chord
from composer_app.core.errors import MidiExportError, MidiImportError
from composer_app.core.extract import NoteTuple, max_polyphony, skyline
from composer_app.core.gm import DRUM_CHANNEL, GM_PROGRAMS
from composer_app.core.keys import MAJOR_NAMES, MINOR_NAMES, detect_key
from composer_app.core.melody import MAX_TICK, Melody
from composer_app.core.note_names import pitch_name as english_pitch_name
from composer_app.core.safe_save import save_bytes
from composer_app.core.smf import MAX_FILE_BYTES, SmfError, read_smf
from composer_app.core.timing import DEFAULT_TEMPO, TICKS_PER_QUARTER, TempoChange, TimeSignature, ticks_to_seconds

MAX_NOTES = 300_000
MAX_SECONDS = 4 * 3600
MAX_TEMPO_CHANGES = 50_000

# Key signature (sharps, minor) -> name as mido spells it.
_SHARP_MAJOR = {-7: "Cb", -6: "Gb", -5: "Db", -4: "Ab", -3: "Eb", -2: "Bb", -1: "F", 0: "C", 1: "G", 2: "D",
                3: "A", 4: "E", 5: "B", 6: "F#", 7: "C#"}
_SHARP_MINOR = {-7: "Abm", -6: "Ebm", -5: "Bbm", -4: "Fm", -3: "Cm", -2: "Gm", -1: "Dm", 0: "Am", 1: "Em",
                2: "Bm", 3: "F#m", 4: "C#m", 5: "G#m", 6: "D#m", 7: "A#m"}
VALID_KEY_NAMES = set(_SHARP_MAJOR.values()) | set(_SHARP_MINOR.values()) | set(MAJOR_NAMES) | set(MINOR_NAMES)


@dataclass(frozen=True)
class Part:
    """One channel of one track: a candidate source for the melody."""

    number: int  # 1-based, as shown to the user and taken by --track
    track: int  # 0-based track index in the file
    channel: int  # 0-based
    name: str
    program: int
    notes: tuple[NoteTuple, ...]
    polyphony: int

    @property
    def is_drums(self) -> bool:
        return self.channel == DRUM_CHANNEL

    @property
    def instrument(self) -> str:
        return "Drums" if self.is_drums else GM_PROGRAMS[self.program]

    @property
    def note_count(self) -> int:
        return len(self.notes)

    @property
    def low(self) -> int:
        return min(n[2] for n in self.notes)

    @property
    def high(self) -> int:
        return max(n[2] for n in self.notes)

    @property
    def mean_pitch(self) -> float:
        return sum(n[2] for n in self.notes) / len(self.notes)

    def describe(self) -> str:
        name = self.name or f"Track {self.track + 1}"
        return (f"{self.number}: {name} (channel {self.channel + 1}, {self.instrument}, {self.note_count} notes, "
                f"{pitch_name(self.low)}-{pitch_name(self.high)}, polyphony {self.polyphony})")


@dataclass
class MidiSong:
    """What a MIDI file holds, ready to choose a part from."""

    source: str
    format: int
    parts: list[Part]
    tempos: list[TempoChange]
    time_signature: TimeSignature
    key_signature: str | None
    length_ticks: int
    seconds: float
    title: str = ""
    extra: dict = field(default_factory=dict)
    # where the file's metre changes later ((tick, numerator, denominator)): a melody has one metre, the
    # first, so bars after a change are counted in it (a span to fill must not reach a change)
    meter_changes: tuple[tuple[int, int, int], ...] = ()
    chords: tuple[ChordEvent, ...] = ()  # chord symbols written as text or marker events (a "Chords" track)

    @property
    def default_part(self) -> Part | None:
        """The part most likely to hold the melody; never drums."""
        candidates = [p for p in self.parts if not p.is_drums and p.note_count >= 1]
        if not candidates:
            return None
        return max(candidates, key=_melody_score)

    def part(self, number: int) -> Part:
        for p in self.parts:
            if p.number == number:
                return p
        raise MidiImportError(f"{self.source}: there is no track {number}; it has {len(self.parts)} (see `inspect`)")

    def melody(self, part: int | None = None, all_notes: bool = False) -> Melody:
        """The melody of one part (the default part if none is given): its highest line, or all notes."""
        chosen = self.part(part) if part is not None else self.default_part
        if chosen is None:
            raise MidiImportError(f"{self.source}: it has no melodic notes (only drums or nothing)", "no_notes")
        notes: Sequence[NoteTuple] = chosen.notes if all_notes else skyline(chosen.notes, min_duration=TICKS_PER_QUARTER // 16)
        if not notes:
            notes = skyline(chosen.notes)
        melody = Melody.from_notes(
            notes,
            tempos=list(self.tempos),
            time_signature=self.time_signature,
            key_signature=self.key_signature,
            name=chosen.name or self.title,
            chords=self.chords,
        )
        return melody


def _melody_score(part: Part) -> float:
    # Melodies sit high, are mostly one note at a time and have a fair number of notes.
    mono = 1.0 / part.polyphony
    return part.mean_pitch + 12 * mono + 3 * math.log10(part.note_count + 1)


def pitch_name(pitch: int) -> str:
    """English name (C4 for 60), as the command line prints it."""
    return english_pitch_name(pitch, "en")


def read_midi(source: str | os.PathLike | bytes, name: str | None = None) -> MidiSong:
    """Read a MIDI file (path or bytes); any problem raises MidiImportError naming the file."""
    label = name or (Path(source).name if not isinstance(source, bytes) else "the MIDI data")
    if isinstance(source, bytes):
        data = source
    else:
        try:
            size = os.path.getsize(source)
            if size > MAX_FILE_BYTES:
                raise MidiImportError(f"{label}: the file is {size / 1e6:.1f} MB, larger than the "
                                      f"{MAX_FILE_BYTES // 2**20} MB a melody file may be", "too_large")
            with open(source, "rb") as f:
                data = f.read(MAX_FILE_BYTES + 1)
        except MidiImportError:
            raise
        except FileNotFoundError as e:
            raise MidiImportError(f"{label}: no such file", "missing") from e
        except IsADirectoryError as e:
            raise MidiImportError(f"{label}: it is a folder, not a MIDI file", "folder") from e
        except OSError as e:
            raise MidiImportError(f"{label}: it cannot be read ({e.strerror or e})", "unreadable") from e
    try:
        return _build_song(read_smf(data), label)
    except SmfError as e:
        raise MidiImportError(f"{label}: {e}", e.reason) from e
    except MidiImportError:
        raise
    except (ValueError, IndexError, KeyError, OverflowError, ZeroDivisionError, MemoryError, RecursionError) as e:
        raise MidiImportError(f"{label}: it is damaged and cannot be read ({type(e).__name__})", "damaged") from e


def read_song(path: str | os.PathLike) -> MidiSong:
    """A MIDI file or a MusicXML score (by its suffix), ready to choose a part from."""
    from composer_app.core.formats import format_of

    fmt = format_of(path)
    if fmt is not None and fmt.kind == "score":
        from composer_app.core.musicxml import read_musicxml

        return read_musicxml(path)
    return read_midi(path)


def load_melody(path: str | os.PathLike, track: int | None = None, all_notes: bool = False) -> Melody:
    """Read a MIDI file (or a MusicXML score) and return its melody line (or all notes of the chosen part)."""
    return read_song(path).melody(track, all_notes)


def _build_song(raw, label: str) -> MidiSong:
    scale = TICKS_PER_QUARTER / raw.ticks_per_quarter

    if raw.ticks_per_quarter == TICKS_PER_QUARTER:
        def t(tick: int) -> int:
            return tick
    else:
        def t(tick: int) -> int:
            return round(tick * scale)

    tempos_raw = sorted((tick, tempo) for tr in raw.tracks for tick, tempo in tr.tempos)
    if len(tempos_raw) > MAX_TEMPO_CHANGES:
        raise MidiImportError(f"{label}: it has more than {MAX_TEMPO_CHANGES:,} tempo changes", "too_large")
    tempos: list[TempoChange] = []
    for tick, tempo in tempos_raw:
        change = TempoChange(t(tick), tempo)
        if tempos and tempos[-1].tick == change.tick:
            tempos[-1] = change
        elif not tempos or tempos[-1].tempo != change.tempo:
            tempos.append(change)
    if not tempos or tempos[0].tick != 0:
        tempos.insert(0, TempoChange(0, tempos[0].tempo if tempos else DEFAULT_TEMPO))
        if len(tempos) > 1 and tempos[1].tempo == tempos[0].tempo:
            del tempos[1]

    end_raw = max(tr.end_tick for tr in raw.tracks)
    length = t(end_raw)
    if length > MAX_TICK:
        raise MidiImportError(f"{label}: it claims a length of {end_raw:,} ticks, longer than any song", "too_large")
    seconds = ticks_to_seconds(length, tempos)
    if seconds > MAX_SECONDS:
        raise MidiImportError(f"{label}: it claims to last {seconds / 3600:.0f} hours, longer than any song", "too_large")

    sigs = sorted((tick, n, d) for tr in raw.tracks for tick, n, d in tr.time_signatures)
    time_signature = TimeSignature(sigs[0][1], sigs[0][2]) if sigs else TimeSignature()
    changes, current = [], sigs[0][1:] if sigs else None
    for tick, n, d in sigs[1:]:
        if (n, d) != current and t(tick) > 0:
            changes.append((t(tick), n, d))
        current = (n, d)
    keys = sorted((tick, sf, mi) for tr in raw.tracks for tick, sf, mi in tr.key_signatures)
    key_signature = (_SHARP_MINOR if keys[0][2] else _SHARP_MAJOR)[keys[0][1]] if keys else None

    parts: list[Part] = []
    total = 0
    title = next((tr.name for tr in raw.tracks if tr.name), "")
    for index, tr in enumerate(raw.tracks):
        by_channel: dict[int, list[NoteTuple]] = defaultdict(list)
        open_notes: dict[tuple[int, int], tuple[int, int]] = {}
        for tick, channel, pitch, velocity in tr.notes:
            key = (channel, pitch)
            started = open_notes.pop(key, None)
            if started is not None:
                start, vel = started
                by_channel[channel].append((t(start), max(1, t(tick) - t(start)), pitch, vel))
            if velocity > 0:
                open_notes[key] = (tick, velocity)
        for (channel, pitch), (start, vel) in open_notes.items():
            by_channel[channel].append((t(start), max(1, t(tr.end_tick) - t(start)), pitch, vel))
        programs = {}
        for _, channel, program in sorted(tr.programs):
            programs.setdefault(channel, program)
        for channel in sorted(by_channel):
            notes = sorted(by_channel[channel])
            total += len(notes)
            if total > MAX_NOTES:
                raise MidiImportError(f"{label}: it has more than {MAX_NOTES:,} notes", "too_large")
            parts.append(Part(len(parts) + 1, index, channel, tr.name or tr.instrument, programs.get(channel, 0),
                              tuple(notes), max_polyphony(notes)))
    return MidiSong(label, raw.format, parts, tempos, time_signature, key_signature, length, seconds, title,
                    meter_changes=tuple(changes), chords=_chords_of(raw, t, time_signature.bar_ticks))


def _chords_of(raw, t, bar: int) -> tuple[ChordEvent, ...]:
    """The chord symbols of the track whose text and marker events are (nearly all) chords (one named "Chords"
    first, as composer-app writes the chosen harmonization there): each lasts until
    the next, the last until the end of its bar or the song. Section markers such as "A" or "Verse" in a
    track of other texts are not taken for chords."""
    best: list[tuple[int, Chord]] = []
    best_end, best_rank = 0, (False, 0)
    for tr in raw.tracks:
        read = []
        for tick, text in tr.texts:
            try:
                chord = parse_chord(text)
            except ChordError:
                continue
            if chord is not None:
                read.append((t(tick), chord))
        rank = (tr.name.strip().lower() == "chords", len(read))  # the track named "Chords" first, then the longest
        if len(read) >= 2 and len(read) >= 0.8 * len(tr.texts) and rank > best_rank:
            best, best_end, best_rank = read, t(tr.end_tick), rank
    best.sort(key=lambda x: x[0])
    events = []
    for i, (tick, chord) in enumerate(best):
        # the last lasts to the end of its track (as composer-app writes it), else to the next bar line
        end = best[i + 1][0] if i + 1 < len(best) else best_end if best_end > tick else -(-(tick + 1) // bar) * bar
        if end > tick:
            events.append(ChordEvent(tick, end - tick, chord))
    return tuple(events)


# -- export ---------------------------------------------------------------------------------

def _key_meta(name: str | None) -> list[mido.MetaMessage]:
    if name is None or name not in VALID_KEY_NAMES:
        return []
    return [mido.MetaMessage("key_signature", key=name, time=0)]


def _note_track(notes: Iterable, name: str, channel: int = 0, program: int = 0) -> mido.MidiTrack:
    """A track of notes; note-offs come before note-ons at equal ticks, overlaps of one pitch are cut."""
    notes = sorted((n.tick, n.duration, n.pitch, n.velocity) if hasattr(n, "tick") else tuple(n) for n in notes)
    last_start: dict[int, list] = {}
    cut = []
    for tick, dur, pitch, vel in notes:
        item = [tick, dur, pitch, vel]
        prev = last_start.get(pitch)
        if prev is not None and prev[0] + prev[1] > tick:
            prev[1] = max(0, tick - prev[0])
        last_start[pitch] = item
        cut.append(item)
    events = []
    for tick, dur, pitch, vel in cut:
        if dur <= 0:
            continue
        events.append((tick, 1, pitch, vel))
        events.append((tick + dur, 0, pitch, 0))
    events.sort()
    track = mido.MidiTrack()
    track.append(mido.MetaMessage("track_name", name=name[:120], time=0))
    track.append(mido.Message("program_change", channel=channel, program=program, time=0))
    now = 0
    for tick, is_on, pitch, vel in events:
        kind = "note_on" if is_on else "note_off"
        track.append(mido.Message(kind, channel=channel, note=pitch, velocity=vel if is_on else 0, time=tick - now))
        now = tick
    track.append(mido.MetaMessage("end_of_track", time=0))
    return track


def _chord_track(chords: Sequence[ChordEvent], name: str = "Chords") -> mido.MidiTrack:
    """A track named "Chords" with one text event per chord symbol, as notation programs and DAWs read them."""
    track = mido.MidiTrack()
    track.append(mido.MetaMessage("track_name", name=name, time=0))
    now = 0
    for c in chords:
        track.append(mido.MetaMessage("text", text=c.symbol(), time=c.tick - now))
        now = c.tick
    track.append(mido.MetaMessage("end_of_track", time=chords[-1].end - now if chords else 0))
    return track


def melody_to_midifile(melody: Melody, variations: Sequence[tuple[str, Iterable]] = (),
                       extra_chords: Sequence[tuple[str, Sequence[ChordEvent]]] = ()) -> mido.MidiFile:
    """A type 1 file: a conductor track, the melody, the "Chords" track when the melody has chords, then one
    named track per extra (name, notes)."""
    mid = mido.MidiFile(type=1, ticks_per_beat=TICKS_PER_QUARTER)
    conductor = mido.MidiTrack()
    ts = melody.time_signature
    conductor.append(mido.MetaMessage("time_signature", numerator=ts.numerator, denominator=ts.denominator, time=0))
    key = melody.key_signature
    if key is None and len(melody) >= 3:  # a drawn or played melody: write the key it is in
        estimate = detect_key(melody)
        key = estimate.key.name if estimate is not None else None
    conductor.extend(_key_meta(key))
    now = 0
    for change in melody.tempos:
        conductor.append(mido.MetaMessage("set_tempo", tempo=change.tempo, time=change.tick - now))
        now = change.tick
    conductor.append(mido.MetaMessage("end_of_track", time=0))
    mid.tracks.append(conductor)
    mid.tracks.append(_note_track(melody, melody.name or "Melody"))
    if melody.chords:
        mid.tracks.append(_chord_track(melody.chords))
    for i, (name, notes) in enumerate(variations, start=1):
        mid.tracks.append(_note_track(notes, name, channel=i % 16 if i % 16 != DRUM_CHANNEL else 15))
    for name, chords in extra_chords:
        mid.tracks.append(_chord_track(chords, name))
    return mid


def melody_to_bytes(melody: Melody, variations: Sequence[tuple[str, Iterable]] = (),
                    extra_chords: Sequence[tuple[str, Sequence[ChordEvent]]] = ()) -> bytes:
    buffer = io.BytesIO()
    melody_to_midifile(melody, variations, extra_chords).save(file=buffer)
    return buffer.getvalue()


def write_midi(melody: Melody, path: str | os.PathLike, variations: Sequence[tuple[str, Iterable]] = (),
               keep_backup: bool = True, extra_chords: Sequence[tuple[str, Sequence[ChordEvent]]] = ()) -> None:
    """Write a melody as a type 1 MIDI file safely (core.safe_save): the old file stays intact on failure."""
    write_bytes_atomically(Path(path), melody_to_bytes(melody, variations, extra_chords), keep_backup)


def write_bytes_atomically(path: Path, data: bytes, keep_backup: bool = True) -> None:
    """Save bytes with a temporary file, fsync, rename and a .bak of the previous version; MidiExportError on failure."""
    save_bytes(path, data, keep_backup=keep_backup, error=MidiExportError)
