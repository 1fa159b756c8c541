"""The sound commands: transcribe (a recording to notes) and instrument (a piano from key samples)."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def add_audio_parsers(sub) -> None:
    p = sub.add_parser("transcribe", help="turn a recording (WAV, FLAC, OGG) of a melody or piano into notes")
    p.add_argument("file", type=Path)
    p.add_argument("-o", "--output", type=Path, help="the MIDI file to write")
    p.add_argument("--timing", choices=("played", "grid"), default="grid",
                   help="grid: 16th notes at the estimated tempo (default); played: the recording's own timing")
    p.add_argument("--tempo", type=float, help="the tempo for --timing grid (default: estimated from the notes)")
    p.add_argument("--melody", action="store_true", help="one note at a time: the melody, not every note heard")
    p.add_argument("--voice", action="store_true",
                   help="the recording is sung or hummed: follow the one voice's pitch (one note at a time)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_transcribe)
    p = sub.add_parser("instrument", help="build a piano (a .sf2 SoundFont) from a folder of WAV key samples")
    p.add_argument("folder", type=Path, help="WAV (FLAC, OGG) files, one per key or a few keys; the key from the "
                                             "file name (C4.wav, 60.wav, Do4.wav) or heard in the sound")
    p.add_argument("-o", "--output", type=Path, required=True, help="the SoundFont to write (.sf2)")
    p.add_argument("--name", help="the instrument's name (default: the folder's)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_instrument)


def run_transcribe(args: argparse.Namespace) -> int:
    from composer_app.audio.transcribe import AudioError, hear, load_audio, notes_to_melody
    from composer_app.core.midifile import write_midi

    if args.output is None and not args.json:
        raise AudioError("say where to write the notes with -o OUT.mid (or use --json)", "usage")
    if args.tempo is not None and not 20 <= args.tempo <= 300:
        raise AudioError("--tempo is a number of quarter notes a minute between 20 and 300", "usage")
    started = time.perf_counter()
    samples = load_audio(args.file)
    notes = hear(samples, "voice" if args.voice else "instrument", melody=args.melody)
    one_at_a_time = args.melody or args.voice
    if not notes:
        raise AudioError(f"{args.file.name}: no notes were heard in it", "silent")
    melody = notes_to_melody(notes, args.timing, args.tempo, name=args.file.stem, monophonic=one_at_a_time)
    seconds = time.perf_counter() - started
    if args.output is not None:
        write_midi(melody, args.output)
    if args.json:
        print(json.dumps({"seconds_of_audio": round(len(samples) / 22050, 2), "ms": round(seconds * 1000, 1),
                          "bpm": round(melody.bpm, 1), "timing": args.timing,
                          "heard_as": "voice" if args.voice else "instrument",
                          "notes": [{"start": round(n.start, 4), "end": round(n.end, 4), "pitch": n.pitch,
                                     "velocity": n.velocity} for n in notes]}))
    else:
        print(f"wrote {len(melody)} notes at {melody.bpm:.1f} BPM ({args.timing} timing) to {args.output} "
              f"({len(samples) / 22050:.1f} s of audio in {seconds:.2f} s)")
    return 0


def run_instrument(args: argparse.Namespace) -> int:
    from composer_app.audio.own_piano import key_ranges, save_piano
    from composer_app.audio.transcribe import AudioError
    from composer_app.core.note_names import pitch_name

    if args.output.suffix.lower() != ".sf2":
        raise AudioError("the instrument is written as a SoundFont: give -o a name ending in .sf2", "usage")
    started = time.perf_counter()
    samples, skipped, written = save_piano(args.folder, args.output, args.name or args.folder.resolve().name)
    if not samples:
        reasons = "; ".join(skipped[:3])
        raise AudioError(f"{args.folder.name}: no key samples in it" + (f" ({reasons})" if reasons else ""),
                         "empty")
    keys = sorted({s.key for s in samples})
    seconds = time.perf_counter() - started
    if args.json:
        print(json.dumps({"samples": [{"file": s.path.name, "key": s.key, "from": "name" if s.from_name else "sound"}
                                      for s in samples], "keys": keys, "ranges": key_ranges(keys),
                          "skipped": skipped, "bytes": written, "seconds": round(seconds, 2)}))
    else:
        for line in skipped:
            print(f"left out: {line}")
        heard = sum(not s.from_name for s in samples)
        print(f"wrote {args.output}: {len(keys)} keys sampled ({pitch_name(keys[0], 'en')} to "
              f"{pitch_name(keys[-1], 'en')}; {heard} heard, the others from their names), playing A0 to C8, "
              f"{written / 1e6:.1f} MB, in {seconds:.1f} s")
    return 0


def melody_of_file(path: Path, track: int | None = None):
    """The melody of a MIDI file, a score, or a recording (transcribed: its melody line on the 16th grid)."""
    from composer_app.audio.transcribe import AUDIO_SUFFIXES, recording_melody
    from composer_app.core.midifile import load_melody

    if path.suffix.lower() in AUDIO_SUFFIXES:
        return recording_melody(path)
    return load_melody(path, track=track)

