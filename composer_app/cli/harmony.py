"""The harmony commands: harmonize (chords for a melody, with an accompaniment)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from composer_app.core.errors import ComposerError


def add_harmony_parsers(sub) -> None:
    from composer_app.engine.accompaniment import PATTERNS

    p = sub.add_parser("harmonize", help="suggest chords for the melody of a MIDI file and write them with an "
                                         "accompaniment")
    p.add_argument("file", type=Path)
    p.add_argument("-o", "--output", type=Path, help="the MIDI file to write: melody, a 'Chords' track, accompaniment")
    p.add_argument("--track", type=int, help="track number to take the melody from (see `inspect`)")
    p.add_argument("--sevenths", action="store_true", help="chords with sevenths (G7, Dm7, Bm7b5) as well as triads")
    p.add_argument("--per-bar", type=int, choices=(1, 2), default=1, help="chords per bar")
    p.add_argument("--no-cadence", action="store_true", help="do not prefer cadence chords where phrases end")
    p.add_argument("--alternatives", type=int, default=1, metavar="N",
                   help="1-4 harmonizations; each after the first is written as its own chord track")
    p.add_argument("--pattern", choices=PATTERNS, default="block", help="how the accompaniment plays the chords")
    p.add_argument("--key", help="the key (e.g. F, Dm); default: the file's key signature, else the notes' key")
    p.add_argument("--satb", action="store_true",
                   help="four voices instead of the accompaniment: tracks Soprano (the melody), Alto, Tenor, Bass")
    p.add_argument("--seed", type=int)
    p.add_argument("--json", action="store_true", help="print the chords as one JSON object")
    p.set_defaults(run=run_harmonize)

    p = sub.add_parser("chords", help="print a file's chord track: its chord symbols, or the chords its accompaniment "
                                      "(left hand, lower tracks) plays")
    p.add_argument("file", type=Path)
    p.add_argument("--track", type=int, help="track number of the melody (see `inspect`); the others accompany it")
    p.add_argument("--json", action="store_true",
                   help='print a JSON list of {"bar": 1-based, "beat": 1-based, "symbol": "Am7"}')
    p.set_defaults(run=run_chords)

    p = sub.add_parser("export", help="write a MIDI file's or project's melody (with its chords) as MusicXML or MIDI, "
                                      "the format from the suffix of OUT")
    p.add_argument("file", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True, help="OUT.musicxml (or .xml), or OUT.mid")
    p.add_argument("--track", type=int, help="track number to take the melody from (see `inspect`)")
    p.add_argument("--accompaniment", choices=PATTERNS, help="add the chords' accompaniment in this pattern as a part")
    p.add_argument("--satb", action="store_true", help="add alto, tenor and bass under the chords as parts")
    p.set_defaults(run=run_export)

    p = sub.add_parser("check-voices", help="mark the part-writing faults of four voices (soprano, alto, tenor, "
                                            "bass as four tracks of a MIDI file)")
    p.add_argument("file", type=Path)
    p.add_argument("--key", help="the key, for the leading tone (default: the file's key signature, else detected)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_check_voices)


def run_harmonize(args: argparse.Namespace) -> int:
    from composer_app.core.keys import Key, melody_key
    from composer_app.core.midifile import write_midi
    from composer_app.engine.accompaniment import accompany
    from composer_app.engine.harmonize import HarmonizeOptions, HarmonyModel, harmonize_melody

    if args.output is None and not args.json:
        raise ComposerError("say where to write the result with -o OUT.mid (or use --json)")
    if not 1 <= args.alternatives <= 4:
        raise ComposerError("ask for 1 to 4 harmonizations (--alternatives)")
    from composer_app.cli.audio import melody_of_file

    melody = melody_of_file(args.file, args.track)  # a MIDI file, a score or a recording
    if len(melody) == 0:
        raise ComposerError(f"{args.file.name}: the melody has no notes to harmonize")
    key = _asked_key(args.key) or melody_key(melody)[0] or Key(0, "major")
    ts = melody.time_signature
    notes = [(n.tick, n.duration, n.pitch) for n in melody]
    found = harmonize_melody(HarmonyModel.load(), notes, key, ts.bar_ticks, ts.beat_ticks,
                             HarmonizeOptions(args.sevenths, args.per_bar, not args.no_cadence, args.alternatives,
                                              args.seed))
    if args.output is not None:
        melody.chords = tuple(found[0])
        if args.satb:
            from composer_app.engine.four_voices import lower_voices

            melody.name = "Soprano"
            extra = [(name.capitalize(), notes) for name, notes in lower_voices(melody, key)]
        else:
            extra = [("Accompaniment", accompany(found[0], melody.contents(), ts.bar_ticks, ts.beat_ticks, args.pattern))]
        write_midi(melody, args.output, extra, extra_chords=[(f"Chords {k}", c) for k, c in enumerate(found[1:], 2)])
    if args.json:
        print(json.dumps({"key": key.name, "harmonizations": [[{"tick": c.tick, "duration": c.duration,
                                                               "chord": c.symbol()} for c in h] for h in found]}))
    else:
        bars = " | ".join(c.symbol() for c in found[0])
        print(f"{key.name}: {bars}")
        if args.output is not None:
            made = "four voices" if args.satb else f"a {args.pattern} accompaniment"
            print(f"wrote the melody, its chords and {made} to {args.output}")
    return 0


def _asked_key(text: str | None):
    """The key given on the command line (None when none was); ComposerError for one that is not a key."""
    from composer_app.core.keys import Key

    if not text:
        return None
    try:
        return Key.parse(text)
    except ValueError as e:
        raise ComposerError(f"{text!r} is not a key; write it as C, F#, Bb, Am or C#m") from e


def run_check_voices(args: argparse.Namespace) -> int:
    from composer_app.core.midifile import read_song
    from composer_app.core.part_writing import check_part_writing, song_key, voices_of_song

    song = read_song(args.file)
    voices = voices_of_song(song)
    key = _asked_key(args.key) or song_key(song, voices)
    faults = check_part_writing(voices, key.tonic if key else None)
    bar, beat = song.time_signature.bar_ticks, song.time_signature.beat_ticks
    if args.json:
        print(json.dumps({"key": key.name if key else None, "faults": [
            {"tick": f.tick, "bar": f.tick // bar + 1, "beat": f.tick % bar // beat + 1, "kind": f.kind,
             "voices": list(f.voices)} for f in faults]}))
        return 0
    if not faults:
        print(f"{args.file.name}: no part-writing faults found")
        return 0
    for f in faults:
        print(f"bar {f.tick // bar + 1}, beat {f.tick % bar // beat + 1}: {f.describe().split(': ', 1)[1]}")
    print(f"{len(faults)} faults")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from composer_app.core.keys import Key, melody_key
    from composer_app.core.midifile import write_midi
    from composer_app.core.musicxml import SUFFIXES, write_musicxml
    from composer_app.core.project import SUFFIX as PROJECT
    from composer_app.core.project import load_project

    suffix = args.output.suffix.lower()
    if suffix not in SUFFIXES + (".mid", ".midi"):
        raise ComposerError(f"{args.output.name}: write .musicxml, .xml or .mid (the format comes from the suffix)")
    if args.file.suffix.lower() == PROJECT:
        melody = load_project(args.file).melody
    else:
        from composer_app.cli.audio import melody_of_file

        melody = melody_of_file(args.file, args.track)  # a MIDI file, a score or a recording
    if len(melody) == 0:
        raise ComposerError(f"{args.file.name}: the melody has no notes to export")
    parts: list = []
    if args.accompaniment or args.satb:
        if not melody.chords:
            raise ComposerError(f"{args.file.name}: it has no chords to accompany (run harmonize first, or type "
                                f"chords in the app)")
        ts = melody.time_signature
        key = melody_key(melody)[0] or Key(melody.chords[-1].chord.root_pc)
        if args.satb:
            from composer_app.engine.four_voices import four_voices

            voices = four_voices([(n.tick, n.duration, n.pitch) for n in melody], list(melody.chords), key,
                                 ts.beat_ticks)
            parts = [(v.capitalize(), voices[v]) for v in ("alto", "tenor", "bass")]
        else:
            from composer_app.engine.accompaniment import accompany

            rows = accompany(melody.chords, melody.contents(), ts.bar_ticks, ts.beat_ticks, args.accompaniment, key)
            parts = [("Accompaniment", [(t, d, p) for t, d, p, _ in rows])]
    if suffix in SUFFIXES:
        write_musicxml(melody, args.output, parts, title=args.file.stem)
    else:
        write_midi(melody, args.output, [(name, [(t, d, p, 72) for t, d, p in notes]) for name, notes in parts])
    print(f"wrote {args.output} ({len(melody)} notes, {len(melody.chords)} chords"
          f"{', ' + ', '.join(n for n, _ in parts) if parts else ''})")
    return 0


def run_chords(args: argparse.Namespace) -> int:
    from composer_app.core.chord_recognition import chords_of_song
    from composer_app.core.project import SUFFIX as PROJECT
    from composer_app.core.project import load_project

    if args.file.suffix.lower() == PROJECT:
        melody = load_project(args.file).melody
        chords, source = list(melody.chords), "symbols"
    elif args.file.suffix.lower() in (".mid", ".midi"):
        from composer_app.core.midifile import read_song

        song = read_song(args.file)
        melody = song.melody(args.track)
        chords, source = chords_of_song(song, melody)
    else:
        from composer_app.cli.audio import melody_of_file

        melody = melody_of_file(args.file, args.track)  # a score: its chord symbols
        chords, source = list(melody.chords), "symbols"
    ts = melody.time_signature
    rows = [{"bar": c.tick // ts.bar_ticks + 1, "beat": c.tick % ts.bar_ticks // ts.beat_ticks + 1,
             "symbol": c.chord.symbol()} for c in chords if c.chord is not None]
    if args.json:
        print(json.dumps(rows))
        return 0
    if not rows:
        print(f"{args.file.name}: no chords (no chord symbols, and nothing plays under the melody)")
        return 0
    said = "chord symbols" if source == "symbols" else "chords heard in the accompaniment"
    print(f"{args.file.name}: {len(rows)} {said}")
    bars: dict[int, list[str]] = {}
    for r in rows:
        bars.setdefault(r["bar"], []).append(r["symbol"] if r["beat"] == 1 else f"{r['symbol']}@{r['beat']}")
    print(" ".join(f"| {' '.join(v)}" for _, v in sorted(bars.items())) + " |")
    return 0
