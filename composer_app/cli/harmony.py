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
    p.add_argument("--seed", type=int)
    p.add_argument("--json", action="store_true", help="print the chords as one JSON object")
    p.set_defaults(run=run_harmonize)


def run_harmonize(args: argparse.Namespace) -> int:
    from composer_app.core.keys import Key, detect_key
    from composer_app.core.midifile import read_midi, write_midi
    from composer_app.engine.accompaniment import accompany
    from composer_app.engine.harmonize import HarmonizeOptions, HarmonyModel, harmonize_melody

    if args.output is None and not args.json:
        raise ComposerError("say where to write the result with -o OUT.mid (or use --json)")
    if not 1 <= args.alternatives <= 4:
        raise ComposerError("ask for 1 to 4 harmonizations (--alternatives)")
    melody = read_midi(args.file).melody(args.track)
    if len(melody) == 0:
        raise ComposerError(f"{args.file.name}: the melody has no notes to harmonize")
    key = None
    if args.key:
        try:
            key = Key.parse(args.key)
        except ValueError as e:
            raise ComposerError(f"{args.key!r} is not a key; write it as C, F#, Bb, Am or C#m") from e
    elif melody.key_signature:
        key = Key.parse(melody.key_signature)
    else:
        estimate = detect_key(list(melody))
        key = estimate.key if estimate is not None else Key(0, "major")
    ts = melody.time_signature
    notes = [(n.tick, n.duration, n.pitch) for n in melody]
    found = harmonize_melody(HarmonyModel.load(), notes, key, ts.bar_ticks, ts.beat_ticks,
                             HarmonizeOptions(args.sevenths, args.per_bar, not args.no_cadence, args.alternatives,
                                              args.seed))
    if args.output is not None:
        melody.chords = tuple(found[0])
        extra = [("Accompaniment", accompany(found[0], melody.contents(), ts.bar_ticks, ts.beat_ticks, args.pattern))]
        write_midi(melody, args.output, extra, extra_chords=[(f"Chords {k}", c) for k, c in enumerate(found[1:], 2)])
    if args.json:
        print(json.dumps({"key": key.name, "harmonizations": [[{"tick": c.tick, "duration": c.duration,
                                                               "chord": c.symbol()} for c in h] for h in found]}))
    else:
        bars = " | ".join(c.symbol() for c in found[0])
        print(f"{key.name}: {bars}")
        print(f"wrote the melody, its chords and a {args.pattern} accompaniment to {args.output}")
    return 0
