"""The command line: `composer-app` starts the app; `composer-app COMMAND ...` runs a command."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from composer_app import __version__
from composer_app.core.errors import ComposerError, MissingPartError
from composer_app.core.formats import format_of

Command = Callable[[argparse.Namespace], int]


def _inspect_project(args: argparse.Namespace) -> int:
    from composer_app.core.keys import detect_key
    from composer_app.core.project import load_project

    project = load_project(args.file)
    m = project.melody
    estimate = detect_key(m) if len(m) >= 3 else None
    info = {"file": Path(args.file).name, "kind": "composer-app project", "notes": len(m),
            "tempo_bpm": round(m.bpm, 2), "time_signature": str(m.time_signature), "key_signature": m.key_signature,
            "detected_key": estimate.key.name if estimate else None,
            "length_bars": round(m.end_tick / m.time_signature.bar_ticks, 2),
            "pending_variations": len(project.pending), "accepted_variations": len(project.accepted),
            "model": project.model}
    if args.json:
        print(json.dumps(info, indent=2, ensure_ascii=False))
    else:
        print(f"{info['file']}: composer-app project, {info['notes']} notes, {info['length_bars']} bars, "
              f"tempo {info['tempo_bpm']} bpm, time {info['time_signature']}, key {m.key_signature or '-'} "
              f"(detected {info['detected_key'] or '-'}), {info['pending_variations']} pending and "
              f"{info['accepted_variations']} accepted variations")
    return 0


def _inspect(args: argparse.Namespace) -> int:
    from composer_app.core.keys import detect_key
    from composer_app.core.midifile import pitch_name, read_song
    from composer_app.core.project import SUFFIX

    if Path(args.file).suffix.lower() == SUFFIX:
        return _inspect_project(args)
    song = read_song(args.file)
    default = song.default_part
    chosen = song.part(args.track) if args.track else default
    melody = song.melody(chosen.number if chosen else None) if chosen else None
    estimate = detect_key(melody) if melody is not None and len(melody) else None
    info = {
        "file": song.source,
        "format": song.format,
        "tempo_bpm": round(song.tempos[0].bpm, 2),
        "tempo_changes": len(song.tempos) - 1,
        "time_signature": str(song.time_signature),
        "key_signature": song.key_signature,
        "detected_key": estimate.key.name if estimate else None,
        "key_confidence": round(estimate.confidence, 3) if estimate else None,
        "notes": sum(p.note_count for p in song.parts),
        "length_seconds": round(song.seconds, 2),
        "length_bars": round(song.length_ticks / song.time_signature.bar_ticks, 2),
        "tracks": [
            {"number": p.number, "name": p.name, "channel": p.channel + 1, "instrument": p.instrument,
             "notes": p.note_count, "low": p.low, "high": p.high, "polyphony": p.polyphony, "drums": p.is_drums}
            for p in song.parts
        ],
        "melody_track": chosen.number if chosen else None,
        "melody_notes": len(melody) if melody is not None else 0,
        "chords": [{"tick": c.tick, "duration": c.duration, "chord": c.symbol()} for c in song.chords],
    }
    if args.json:
        print(json.dumps(info, indent=2, ensure_ascii=False))
        return 0
    print(f"{info['file']}: MIDI type {song.format}, {info['length_seconds']} s, {info['length_bars']} bars, "
          f"{info['notes']} notes")
    print(f"tempo {info['tempo_bpm']} bpm ({info['tempo_changes']} changes), time {info['time_signature']}, "
          f"key signature {song.key_signature or 'none'}, detected key "
          f"{info['detected_key'] or '-'} (confidence {info['key_confidence'] or 0:.2f})")
    for p in song.parts:
        marker = "*" if chosen and p.number == chosen.number else " "
        print(f" {marker} {p.describe()}")
    if melody is not None and len(melody):
        lo = min(n.pitch for n in melody)
        hi = max(n.pitch for n in melody)
        print(f"melody: track {chosen.number}, {len(melody)} notes, {pitch_name(lo)}-{pitch_name(hi)}")
    else:
        print("melody: none (no melodic notes)")
    if song.chords:
        shown = " ".join(c.symbol() for c in song.chords[:16])
        print(f"chords: {len(song.chords)} ({shown}{' ...' if len(song.chords) > 16 else ''})")
    return 0


def _melody(args: argparse.Namespace) -> int:
    from composer_app.audio.transcribe import AUDIO_SUFFIXES
    from composer_app.cli.audio import melody_of_file
    from composer_app.core.midifile import load_melody, write_midi

    if args.file.suffix.lower() in AUDIO_SUFFIXES:
        melody = melody_of_file(args.file)
    else:
        melody = load_melody(args.file, track=args.track, all_notes=args.all_notes)
    write_midi(melody, args.output)
    print(f"wrote {len(melody)} notes to {args.output}")
    return 0


def _lazy(module: str, name: str) -> Command:
    def run(args: argparse.Namespace) -> int:
        import importlib

        return getattr(importlib.import_module(module), name)(args)

    return run


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="composer-app", description="Continue melodies with a small LSTM.")
    parser.add_argument("--version", action="version", version=f"composer-app {__version__}")
    parser.add_argument("--debug", action="store_true", help="show a full traceback on errors")
    parser.add_argument("--start-check", action="store_true",
                        help="start the window (with a FILE given, that file open), print one line once it is on "
                             "screen and leave")
    parser.add_argument("--self-test", action="store_true",
                        help="check the model, generation, MIDI files, audio and MIDI ports; exit 0 when all pass")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("inspect", help="show tracks, tempo, key and the melody line of a MIDI file (or a summary of a .composer project)")
    p.add_argument("file", type=Path)
    p.add_argument("--track", type=int, help="track number to take the melody from (see the list)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(run=_inspect)

    p = sub.add_parser("melody", help="extract the melody line of a MIDI file to a new file")
    p.add_argument("file", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--track", type=int)
    p.add_argument("--all-notes", action="store_true", help="keep every note of the track, not just the top line")
    p.set_defaults(run=_melody)

    _add_later_commands(sub)
    return parser


def _train(args: argparse.Namespace) -> int:
    if args.prepare_only:
        from composer_app.training.folder import run_prepare_only

        return run_prepare_only(args)
    try:
        from composer_app.cli.train import run_train
    except ImportError as e:
        raise MissingPartError(f"training needs the train extra (pip install 'composer-app[train]'): {e.name} is missing") from e
    return run_train(args)


def _add_later_commands(sub) -> None:
    """Commands whose heavy modules (torch, onnxruntime) are imported only when they run."""
    from composer_app.cli.audio import add_audio_parsers
    from composer_app.cli.engine import add_engine_parsers
    from composer_app.cli.harmony import add_harmony_parsers
    from composer_app.cli.midi import add_midi_parsers
    from composer_app.cli.train_args import add_train_parser

    add_train_parser(sub, _train)
    add_engine_parsers(sub)
    add_harmony_parsers(sub)
    add_audio_parsers(sub)
    add_midi_parsers(sub)




def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["--self-test"]:
        from composer_app.cli.self_test import run_self_test

        return run_self_test()
    start_check = "--start-check" in argv
    window_args = [a for a in argv if a != "--start-check"]
    if not window_args or window_args == ["--debug"]:
        from composer_app.ui.app import run_app

        return run_app(start_check=start_check)
    if len(window_args) == 1 and format_of(window_args[0]) is not None and not window_args[0].startswith("-"):
        from composer_app.ui.app import run_app  # "Open with composer-app" from a file manager (.desktop %f)

        return run_app(open_path=window_args[0], start_check=start_check)
    parser = build_parser()
    args = parser.parse_args(argv)
    args.argv = argv  # what a command that relaunches itself (train --nproc) runs again
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return int(args.run(args) or 0)
    except ComposerError as e:
        print(f"composer-app: {e}", file=sys.stderr)
        return 2 if e.bad_input else 1  # 2: what was given cannot be used, as argparse's usage errors

    except KeyboardInterrupt:
        print("composer-app: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (`composer-app ... | head`): as other command-line tools do
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error when Python flushes it
        return 141
    except Exception as e:  # an unexpected bug: one line, the traceback only on request
        if args.debug:
            raise
        first = next((line.strip() for line in str(e).splitlines() if line.strip()), "")
        print(f"composer-app: internal error: {type(e).__name__}: {first} (run with --debug for details)", file=sys.stderr)
        return 70

