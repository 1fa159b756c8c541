"""`composer-app train`: a student's folder of MIDI files, or the bundled corpus."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from composer_app.core.melody import Melody
from composer_app.core.midifile import write_midi
from composer_app.core.timing import TimeSignature
from composer_app.training.data import load_corpus_jsonl, melodies_from_midi
from composer_app.training.train import TrainConfig, TrainingError, split_records, train

REPO = Path(__file__).resolve().parents[2]


def _meter(bar_ticks: int) -> TimeSignature:
    for num, den in ((4, 4), (3, 4), (2, 4), (6, 8), (9, 8), (12, 8), (3, 8), (5, 4), (6, 4), (3, 2), (2, 2)):
        if num * 1920 // den == bar_ticks:
            return TimeSignature(num, den)
    return TimeSignature(max(1, bar_ticks // 120), 16)


def write_held_out(records, folder: Path) -> int:
    """Write the test-split melodies as MIDI files, for `composer-app evaluate`."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    count = 0
    for r in split_records(records)["test"]:
        safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in r.id)[:100]
        write_midi(Melody.from_notes([(t, d, p, 80) for t, d, p in r.notes], time_signature=_meter(r.bar_ticks),
                                     name=r.id), folder / f"{safe}.mid")
        count += 1
    return count


def run_train(args: argparse.Namespace) -> int:
    cfg = TrainConfig(max_epochs=args.epochs, max_minutes=args.max_minutes, device=args.device, seed=args.seed,
                      layers=args.layers, max_steps=args.max_steps, batch_size=args.batch_size or 64, threads=args.threads)
    if args.corpus == "bundled":
        corpus_dir = args.corpus_dir
        jsonl = corpus_dir / "melodies.jsonl"
        if not jsonl.exists():
            try:
                from composer_app.training.corpus import build
            except ImportError as e:
                raise TrainingError("building the bundled corpus needs the train extra (music21)") from e
            build(corpus_dir)
        records = load_corpus_jsonl(jsonl)
        import json

        sources = json.loads((corpus_dir / "sources.json").read_text())
        description = {"name": "composer-app folk and chorale melodies", "corpus": "music21 corpus",
                       "collections": sources["licences"], "melodies": sources["counts"],
                       "licence": "public domain (all four collections)"}
        out = args.out or REPO / "models"
        stem, work = "melody-lstm", REPO / "runs" / "bundled"
    else:
        if args.folder is None:
            raise TrainingError("give a folder of MIDI files, or --corpus bundled")
        folder = args.folder
        if not folder.is_dir():
            raise TrainingError(f"{folder}: no such folder")
        files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in (".mid", ".midi"))
        if not files:
            raise TrainingError(f"{folder}: no MIDI files (.mid, .midi) in it")
        records, skipped = melodies_from_midi(files)
        for line in skipped:
            print(f"skipped {line}", file=sys.stderr)
        description = {"name": f"trained on {folder.name}", "folder": folder.name, "files": len(files),
                       "melodies": len(records), "skipped": len(skipped),
                       "licence": "as the folder's files (not checked)"}
        if args.out is None:
            raise TrainingError("say where the model goes with --out DIR")
        out = args.out
        stem, work = "model", args.out
    tokens = sum(len(r.notes) for r in records)
    small = tokens < 150_000  # a student's folder: a smaller, more regularized network generalizes better
    cfg.hidden = args.hidden or (128 if small else 256)
    cfg.embedding = args.embedding or (64 if small else 128)
    cfg.dropout = args.dropout if args.dropout is not None else (0.4 if small else 0.25)
    if small and args.batch_size is None:
        cfg.batch_size, cfg.patience = 16, 6  # more, smaller steps per epoch on little data
    print(f"{len(records)} melodies, {tokens:,} notes: LSTM {cfg.layers}x{cfg.hidden}, embedding {cfg.embedding}, "
          f"dropout {cfg.dropout}")
    out.mkdir(parents=True, exist_ok=True)
    held_dir = work / "test-melodies"
    held = write_held_out(records, held_dir)
    card = train(records, out, cfg, description, stem=stem, work_dir=work)
    model_path = out / f"{stem}.onnx"
    print(f"model: {model_path}; {held} held-out melodies in {held_dir} "
          f"(evaluate with: composer-app evaluate {held_dir} --model {model_path})")
    print(f"validation {card['metrics']['valid_nats_per_token']} nats/token, "
          f"{card['training']['epochs']} epochs in {card['training']['seconds']:.0f} s")
    return 0
