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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, help="a folder of MIDI files")
    ap.add_argument("--abc", type=Path, help="an ABC file of tunes: abc2midi writes their MIDI files")
    ap.add_argument("--jitter", type=int, default=0, help="move onsets by up to this many ticks (480 a quarter)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N files or tunes")
    args = ap.parse_args()
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
