"""The engine's commands: continue, evaluate, bench."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from composer_app.core.errors import ComposerError


def add_engine_parsers(sub) -> None:
    p = sub.add_parser("continue", help="continue the melody of a MIDI file with the model")
    add_generation_args(p)
    p.add_argument("--chords", metavar="PROGRESSION",
                   help='chords for the bars generated, one a bar ("Am Dm G7 C") or by bar ("| Am | Dm G7 | C |"): '
                        "notes starting on a beat are chord tones; the chords are written to a Chords track")
    p.set_defaults(run=run_continue)

    p = sub.add_parser("fill", help="write a span of bars of a MIDI file's melody anew, hearing both sides")
    p.add_argument("--bars", required=True, metavar="A-B",
                   help="the bars to fill, counted from 1 as the app shows them, both included (e.g. 3-4)")
    add_generation_args(p, skip=("bars",))
    p.set_defaults(run=run_fill)

    p = sub.add_parser("evaluate", help="bits per note of the model and an n-gram baseline on MIDI files")
    p.add_argument("paths", type=Path, nargs="+", metavar="FOLDER_OR_FILES")
    p.add_argument("--model", type=Path)
    p.add_argument("--json", action="store_true")
    p.add_argument("--fill-bars", type=int, metavar="N",
                   help="also score an N-bar span in the middle of each melody given both sides, next to the "
                        "same notes given only the left side")
    p.set_defaults(run=run_evaluate)

    p = sub.add_parser("render", help="render a MIDI file's melody with the built-in piano to a WAV file")
    p.add_argument("file", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--track", type=int)
    p.add_argument("--all-notes", action="store_true", help="render every note of the track, not just the top line")
    p.add_argument("--soundfont", type=Path, help="play with this .sf2/.sf3 SoundFont or .sfz instrument (default: the bundled piano)")
    p.add_argument("--synthesized", action="store_true", help="use the numpy piano instead of a SoundFont")
    p.set_defaults(run=run_render)

    p = sub.add_parser("bench", help="continuation latency next to the seed project's method")
    p.add_argument("--model", type=Path)
    p.add_argument("--runs", type=int, default=60)
    p.add_argument("--cpu", action="store_true")
    p.add_argument("--fp32", action="store_true", help="run the full model, not its int8 form (models/README.md)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--check", action="store_true", help="exit 1 unless the speed-up per note is at least 100x")
    p.set_defaults(run=run_bench_cmd)


def add_generation_args(p: argparse.ArgumentParser, skip: tuple[str, ...] = ()) -> None:
    """What continue and fill take: the file, where to write, the settings, seed, track, model, CPU, JSON."""
    p.add_argument("file", type=Path)
    p.add_argument("-o", "--output", type=Path)
    add_setting_flags(p, skip)
    p.add_argument("--seed", type=int)
    p.add_argument("--track", type=int)
    p.add_argument("--model", type=Path)
    p.add_argument("--cpu", action="store_true", help="use the CPU even when a GPU is available")
    p.add_argument("--json", action="store_true", help="print the generated notes as JSON")


def add_setting_flags(p: argparse.ArgumentParser, skip: tuple[str, ...] = ()) -> None:
    """One flag per generation setting, with the defaults the app uses (core.settings)."""
    from composer_app.core.settings import SETTINGS

    for setting in SETTINGS:
        if setting.name in skip:
            continue
        extra = f" (one of {', '.join(setting.choices)})" if setting.choices else ""
        p.add_argument(setting.flag, dest=setting.name, type=setting.kind, default=setting.default,
                       help=f"{setting.help}{extra}; default {setting.default}")


def run_continue(args: argparse.Namespace) -> int:
    from composer_app.core.midifile import write_midi
    from composer_app.core.settings import SETTINGS
    from composer_app.engine.generate import ContinueOptions, continue_melody
    from composer_app.engine.model import load_model

    if args.output is None and not args.json:
        raise ComposerError("say where to write the result with -o OUT.mid (or use --json)")
    from composer_app.cli.audio import melody_of_file

    melody = melody_of_file(args.file, track=args.track)
    run = {}
    if args.chords:
        from composer_app.core.chords import check_chords, parse_progression
        from composer_app.engine.constraints.chord_tones import FollowChords

        bar = melody.time_signature.bar_ticks
        start = -(-melody.end_tick // bar) * bar if melody.end_tick % bar > bar // 2 else melody.end_tick // bar * bar
        chords = parse_progression(args.chords, bar, start, melody.time_signature.beat_ticks)
        generated_end = melody.end_tick + args.bars * bar
        if chords and chords[-1].end > -(-generated_end // bar) * bar:
            bars = -(-(chords[-1].end - start) // bar)
            raise ComposerError(f"the progression covers {bars} bars but only {args.bars} are generated; give fewer "
                                f"chords or ask for more bars (--bars {bars})")
        run["constraints"] = (FollowChords(chords, melody.time_signature.beat_ticks),)
        melody.chords = tuple(check_chords([c for c in melody.chords if c.end <= start] + chords))
    model = load_model(args.model, force_cpu=args.cpu)
    options = ContinueOptions.of({s.name: getattr(args, s.name) for s in SETTINGS}, seed=args.seed, **run)
    result = continue_melody(model, melody, options)
    if args.output is not None:
        write_midi(melody, args.output, [(v.name, list(v)) for v in result.variations])
    if args.json:
        print(json.dumps({
            "seed_notes": len(melody), "start_tick": result.start_tick, "end_tick": result.end_tick,
            "key": result.key.name if result.key else None, "ms": round(result.seconds * 1000, 2),
            "provider": result.provider,
            "variations": [[{"tick": n.tick, "duration": n.duration, "pitch": n.pitch, "velocity": n.velocity}
                            for n in v] for v in result.variations]}))
    else:
        print(f"wrote the seed and {len(result.variations)} variations of {args.bars} bars to {args.output} "
              f"(key {result.key.name if result.key else 'free'}, {result.seconds * 1000:.1f} ms on {result.provider})")
    return 0


def run_fill(args: argparse.Namespace) -> int:
    from composer_app.core.midifile import read_song, write_midi
    from composer_app.core.settings import SETTINGS
    from composer_app.engine.fill import bars_span, check_meter, fill_span, with_fill
    from composer_app.engine.generate import ContinueOptions
    from composer_app.engine.model import load_model

    if args.output is None and not args.json:
        raise ComposerError("say where to write the result with -o OUT.mid (or use --json)")
    from composer_app.audio.transcribe import AUDIO_SUFFIXES
    from composer_app.cli.audio import melody_of_file

    if args.file.suffix.lower() in AUDIO_SUFFIXES:  # a recording: its melody line on the grid, one metre
        melody, meter_changes = melody_of_file(args.file), []
    else:
        song = read_song(args.file)
        melody, meter_changes = song.melody(args.track), song.meter_changes
    start, end = bars_span(melody, args.bars)
    check_meter(melody, end, meter_changes)
    model = load_model(args.model, force_cpu=args.cpu)
    run = {}
    if melody.chords:  # the file's chords: the fill follows them
        from composer_app.engine.constraints.chord_tones import FollowChords

        run["constraints"] = (FollowChords(list(melody.chords), melody.time_signature.beat_ticks),)
    options = ContinueOptions.of({s.name: getattr(args, s.name) for s in SETTINGS if s.name != "bars"},
                                 seed=args.seed, **run)
    result = fill_span(model, melody, start, end, options)
    filled = [with_fill(melody, v, start, end) for v in result.variations]
    if args.output is not None:
        write_midi(filled[0], args.output, [(f"Variation {k}", list(m)) for k, m in enumerate(filled[1:], start=2)])
    if args.json:
        print(json.dumps({
            "start_tick": start, "end_tick": end, "ms": round(result.seconds * 1000, 2), "provider": result.provider,
            "heard_after": model.can_fill,
            "variations": [[{"tick": n.tick, "duration": n.duration, "pitch": n.pitch, "velocity": n.velocity}
                            for n in v] for v in result.variations]}))
    else:
        print(f"wrote {len(filled)} versions of the melody with bars {args.bars} filled to {args.output} "
              f"({result.seconds * 1000:.1f} ms on {result.provider}"
              f"{'' if model.can_fill else '; this model hears only the music before the span'})")
    return 0


def run_render(args: argparse.Namespace) -> int:
    from composer_app.audio.instrument import load_instrument, open_instrument
    from composer_app.audio.render import write_wav
    from composer_app.audio.transcribe import AUDIO_SUFFIXES
    from composer_app.cli.audio import melody_of_file
    from composer_app.core.midifile import load_melody

    if args.file.suffix.lower() in AUDIO_SUFFIXES:  # a recording: its melody line played on the piano
        melody = melody_of_file(args.file)
    else:
        melody = load_melody(args.file, track=args.track, all_notes=args.all_notes)
    if args.soundfont is not None:
        instrument = open_instrument(args.soundfont)  # asked for by name: an InstrumentError is the answer
    else:
        instrument, problem = load_instrument("builtin" if args.synthesized else None)
        if problem:
            print(f"composer-app: {problem}; using the synthesized piano", file=sys.stderr)
    seconds = write_wav(melody, args.output, instrument)
    print(f"wrote {seconds:.1f} s of audio ({len(melody)} notes, {instrument.name}) to {args.output}")
    return 0


def run_evaluate(args: argparse.Namespace) -> int:
    from composer_app.engine.evaluate import evaluate
    from composer_app.engine.model import load_model

    model = load_model(args.model, force_cpu=True)
    if args.fill_bars is not None and not 1 <= args.fill_bars <= 32:
        raise ComposerError("--fill-bars takes 1 to 32 bars")
    r = evaluate(model, args.paths, fill_bars=args.fill_bars)
    if args.json:
        print(json.dumps(r, indent=2))
        return 0
    b = r["baseline"]
    print(f"{r['melodies']} melodies, {r['notes']} scored notes ({len(r['skipped_files'])} files skipped)")
    print(f"model {r['model']}: {r['bits_per_note']:.3f} bits/note, {r['pitch_bits_per_note']:.3f} pitch bits/note")
    print(f"n-gram baseline (order {b['order']}): {b['bits_per_note']:.3f} bits/note, "
          f"{b['pitch_bits_per_note']:.3f} pitch bits/note")
    print(f"model / baseline: {r['ratio_bits_per_note']:.3f}")
    if "fill" in r:
        f = r["fill"]
        print(f"{f['fill_bars']}-bar span in the middle ({f['spans']} spans, {f['notes']} notes): "
              f"{f['fill_bits_per_note']:.3f} bits/note given both sides, {f['left_only_bits_per_note']:.3f} given "
              f"only the left" + ("" if f["model_can_fill"] else " (this model cannot hear what follows)"))
    return 0


def run_bench_cmd(args: argparse.Namespace) -> int:
    from composer_app.engine.bench import run_bench
    from composer_app.engine.model import load_model

    model = load_model(args.model, force_cpu=args.cpu, precision="fp32" if args.fp32 else "auto")
    r = run_bench(model, runs=args.runs)
    if args.json:
        print(json.dumps(r))
    else:
        print(f"model {r['model']} ({r['model_mb']} MB, {r['parameters']:,} parameters, {r['precision']}) on {r['provider']}, "
              f"{r['threads']} thread(s), {r['cpu_count']} CPUs")
        print(f"8-bar seed -> 8 bars x 4 variations: median {r['p50_ms']:.2f} ms, p95 {r['p95_ms']:.2f} ms "
              f"({r['notes_per_run_median']} notes per run)")
        print(f"2-bar fill inside it x 4 variations: median {r['fill_p50_ms']:.2f} ms, p95 {r['fill_p95_ms']:.2f} ms")
        print(f"time per generated note: ours {r['ms_per_note']:.4f} ms, seed method {r['seed_method_ms_per_note']:.2f} ms "
              f"-> {r['speedup_vs_seed_method']:.0f}x faster")
    if args.check and r["speedup_vs_seed_method"] < 100:
        print("check failed: less than 100x faster per note than the seed method")
        return 1
    return 0
