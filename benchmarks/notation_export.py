"""MusicXML export of real files: how many export, whether every note comes back in order, how many notes are
written in tuplets, and (for tunes written from ABC scores by abc2midi, whose notes start a tick late) whether
each note is back on its score's beat and spelled as the score spells it.

    python benchmarks/notation_export.py tests/data/seed-chopin
    python benchmarks/notation_export.py --abc TUNES.abc [--jitter 15]   # needs abc2midi (Debian: abcmidi)

--jitter N moves every onset by a random -N..N ticks (480 a quarter), as a player's timing would, before the
export: the tuplet share of tunes without triplets shows whether played 16ths stay 16ths.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from composer_app.core.melody import Melody  # noqa: E402
from composer_app.core.midifile import load_melody  # noqa: E402
from composer_app.core.musicxml import musicxml_bytes  # noqa: E402


def written_notes(xml: bytes):
    from music21 import converter

    part = converter.parseData(xml, format="musicxml").parts[0]
    return [n for n in part.flatten().notes if n.tie is None or n.tie.type == "start"], \
        list(part.flatten().notes), part


def _expanded(score):
    """The score as played: repeats written out, as abc2midi plays them."""
    try:
        return score.expandRepeats()
    except Exception:  # noqa: BLE001  (a tune whose repeats music21 cannot expand is compared as written)
        return score


def jittered(melody: Melody, ticks: int, rng: random.Random) -> Melody:
    rows = []
    for n in melody:
        shift = rng.randint(-ticks, ticks)
        rows.append((max(0, n.tick + shift), max(30, n.duration - shift), n.pitch, n.velocity))
    return Melody.from_notes(rows, tempos=list(melody.tempos), time_signature=melody.time_signature,
                             key_signature=melody.key_signature)


def run_files(paths: list[Path], jitter: int, scores=None) -> None:
    rng = random.Random(0)
    exported = in_order = notes_total = tuplet_notes = 0
    spelled = spelled_total = on_beat = beat_total = 0
    plain_tuplets = plain_total = 0
    times = []
    for i, path in enumerate(paths):
        melody = load_melody(path)
        if jitter:
            melody = jittered(melody, jitter, rng)
        started = time.perf_counter()
        try:
            xml = musicxml_bytes(melody)
        except Exception as e:  # noqa: BLE001  (counted, and named)
            print(f"  {path.name}: {e}")
            continue
        times.append(time.perf_counter() - started)
        exported += 1
        heads, every, part = written_notes(xml)
        pitches = [p.midi for n in heads for p in n.pitches]
        in_order += pitches == [n.pitch for n in melody]
        in_tuplets = sum(bool(n.duration.tuplets) for n in every)
        notes_total += len(every)
        tuplet_notes += in_tuplets
        if scores is not None:
            score = scores[i]
            want = [n for n in score.flatten().notes if n.tie is None or n.tie.type == "start"]
            if not any(n.duration.tuplets for n in score.flatten().notes):
                plain_tuplets += in_tuplets
                plain_total += len(every)
            if [p.midi for n in want for p in n.pitches] == pitches:
                spelled += sum(a.pitch.name == b.pitch.name for a, b in zip(heads, want) if a.isNote and b.isNote)
                spelled_total += len(want)
                got_at = [float(n.getOffsetInHierarchy(part)) for n in heads]
                want_at = [float(n.getOffsetInHierarchy(score)) for n in want]
                # the distance from the previous note as the score has it (abc2midi starts a pickup on its
                # own beat, so absolute offsets may differ by the pickup; a grace note takes time in the MIDI)
                on_beat += sum(abs((g1 - g0) - (w1 - w0)) < 1e-6 for g0, g1, w0, w1
                               in zip(got_at, got_at[1:], want_at, want_at[1:])) if not jitter else 0
                beat_total += len(want) - 1
    print(f"files: {len(paths)}, exported: {exported} ({100 * exported / max(1, len(paths)):.1f}%), every note back "
          f"in order: {in_order}")
    print(f"notes written: {notes_total}, in tuplets: {tuplet_notes} ({100 * tuplet_notes / max(1, notes_total):.2f}%)")
    if times:
        print(f"export time per file: median {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms")
    if scores is not None:
        print(f"tunes whose score has no tuplets: {100 * plain_tuplets / max(1, plain_total):.2f}% of their notes "
              f"written in tuplets")
        if not jitter:
            print(f"notes as far from the note before as in the score: {on_beat} of {beat_total} "
                  f"({100 * on_beat / max(1, beat_total):.1f}%)")
        print(f"notes spelled as the score spells them: {spelled} of {spelled_total} "
              f"({100 * spelled / max(1, spelled_total):.1f}%)")


def run_chorales(count: int, with_chords: bool) -> None:
    """Bach chorales of the held-out split (music21's corpus): the four voices as MIDI notes (soprano as the
    melody, in the score's key signature) -> MusicXML -> each voice's note names against the score's."""
    import json

    from music21 import converter, corpus

    from composer_app.core.chord_recognition import recognise_chords
    from composer_app.core.keys import MAJOR_NAMES, MINOR_NAMES
    from composer_app.core.timing import TimeSignature

    root = Path(__file__).resolve().parents[1]
    records = [json.loads(line) for line in (root / "models" / "harmony-held-out.jsonl").read_text().splitlines()]
    right = total = chromatic_right = chromatic_total = 0
    for rec in records[:count]:
        score = corpus.parse(rec["piece"].split("#")[0])
        parts = list(score.parts)[:4]
        signature = score.flatten().getElementsByClass("KeySignature")
        sig = signature[0].sharps if signature else 0
        key_name = (MINOR_NAMES if rec["mode"] == "minor" else MAJOR_NAMES)[(sig * 7 + (9 if rec["mode"] == "minor"
                                                                                        else 0)) % 12]
        voices = []
        for part in parts:
            voices.append([(round(float(n.offset) * 480), round(float(n.quarterLength) * 480), n.pitch, n)
                           for n in part.flatten().notes if n.isNote and n.quarterLength > 0])
        lower = [(t, d, p.midi) for v in voices[1:] for t, d, p, _ in v]
        chords = tuple(recognise_chords(lower, rec["beats_per_bar"] * 480, 480)) if with_chords else ()
        melody = Melody.from_notes([(t, d, p.midi, 80) for t, d, p, _ in voices[0]], key_signature=key_name,
                                   time_signature=TimeSignature(rec["beats_per_bar"], 4), chords=chords)
        xml = musicxml_bytes(melody, [(name, [(t, d, p.midi) for t, d, p, _ in v])
                                      for name, v in zip(("Alto", "Tenor", "Bass"), voices[1:])])
        written = converter.parseData(xml, format="musicxml").parts
        for voice, part in zip(voices, written):
            got = [n for n in part.flatten().notes if n.isNote and (n.tie is None or n.tie.type == "start")]
            want = [n for n in voice if n[3].tie is None or n[3].tie.type == "start"]
            if [n.pitch.midi for n in got] != [p.midi for _, _, p, _ in want]:
                continue
            for g, (_, _, p, _) in zip(got, want):
                total += 1
                right += g.pitch.name == p.name
                if p.accidental is not None and p.accidental.alter != 0 and p.name not in _signature_names(sig):
                    chromatic_total += 1
                    chromatic_right += g.pitch.name == p.name
    print(f"{count} held-out chorales, four voices{' with chords recognised from the lower three' if with_chords else ''}: "
          f"{right} of {total} notes spelled as the score ({100 * right / max(1, total):.1f}%); notes outside the "
          f"key signature {chromatic_right} of {chromatic_total} ({100 * chromatic_right / max(1, chromatic_total):.1f}%)")


def _signature_names(sharps: int) -> set[str]:
    order = "FCGDAEB"
    return {f"{c}#" for c in order[:sharps]} if sharps > 0 else {f"{c}-" for c in order[::-1][:-sharps]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, help="a folder of MIDI files")
    ap.add_argument("--abc", type=Path, help="an ABC file of tunes: abc2midi writes their MIDI files")
    ap.add_argument("--jitter", type=int, default=0, help="move onsets by up to this many ticks (480 a quarter)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N files or tunes")
    ap.add_argument("--chorales", type=int, default=0, help="spelling of N held-out Bach chorales' four voices")
    args = ap.parse_args()
    if args.chorales:
        run_chorales(args.chorales, with_chords=False)
        run_chorales(args.chorales, with_chords=True)
        return
    if args.abc:
        from music21 import converter

        if not shutil.which("abc2midi"):
            sys.exit("abc2midi is not installed (Debian: apt install abcmidi)")
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "tunes.abc"
            source.write_text(args.abc.read_text(errors="replace"))
            subprocess.run(["abc2midi", "tunes.abc", "-silent"], cwd=tmp, capture_output=True)
            opus = converter.parse(args.abc, format="abc")
            scores = {s.metadata.number: _expanded(s) for s in getattr(opus, "scores", [opus])}
            pairs = [(Path(tmp) / f"tunes{number}.mid", s) for number, s in scores.items()
                     if (Path(tmp) / f"tunes{number}.mid").exists()]
            if args.limit:
                pairs = pairs[:args.limit]
            run_files([p for p, _ in pairs], args.jitter, [s for _, s in pairs])
    else:
        paths = sorted(args.folder.glob("*.mid"))
        run_files(paths[:args.limit] if args.limit else paths, args.jitter)


if __name__ == "__main__":
    main()
