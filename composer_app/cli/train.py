"""`composer-app train`: a student's folder of MIDI files, or the bundled corpus."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path

import numpy as np

from composer_app.core.melody import Melody
from composer_app.core.midifile import write_midi
from composer_app.core.model_folder import BUNDLED_STEM, TRAINED_STEM, WORK_FILES, card_file, model_file
from composer_app.core.timing import STEP_TICKS, TICKS_PER_QUARTER, TimeSignature
from composer_app.core.training_events import event
from composer_app.training.data import load_corpus_jsonl
from composer_app.training.folder import prepare_folder
from composer_app.training.progress import Reporter
from composer_app.training.train import TrainConfig, TrainingError, split_records, train

REPO = Path(__file__).resolve().parents[2]


def _meter(bar_ticks: int) -> TimeSignature:
    for num, den in ((4, 4), (3, 4), (2, 4), (6, 8), (9, 8), (12, 8), (3, 8), (5, 4), (6, 4), (3, 2), (2, 2)):
        if num * 4 * TICKS_PER_QUARTER // den == bar_ticks:
            return TimeSignature(num, den)
    return TimeSignature(max(1, bar_ticks // STEP_TICKS), 16)


def write_held_out(records, folder: Path) -> int:
    """Write the test-split melodies as MIDI files, for `composer-app evaluate`: one file each (two melodies
    with the same id get two names) and no backup copies (the folder is made anew every time)."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    count = 0
    taken: set[str] = set()
    for r in split_records(records)["test"]:
        safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in r.id)[:100]
        name, k = safe, 1
        while name in taken:
            k += 1
            name = f"{safe}-{k}"
        taken.add(name)
        write_midi(Melody.from_notes([(t, d, p, 80) for t, d, p in np.asarray(r.notes).tolist()], time_signature=_meter(r.bar_ticks),
                                     name=r.id), folder / f"{name}.mid", keep_backup=False)
        count += 1
    return count


def encoding_for(cfg):
    """Fine-tuning keeps the encoding of the model it starts from (and whether it fills); a new model fills
    (version 3) when trained with gaps."""
    from composer_app.core.encoding import MelodyEncoding

    if cfg.init_from:
        try:
            card = json.loads(card_file(Path(cfg.init_from)).read_text(encoding="utf-8"))
            encoding = MelodyEncoding.from_card(card["encoding"])
            remaining_dim = int(card["architecture"].get("remaining_dim", 0))
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise TrainingError(f"{Path(cfg.init_from).name}: its card cannot be read ({e})") from e
        if cfg.learn_to_fill and not encoding.fill:  # a model that continues becomes one that fills
            cfg.remaining_dim = 8
            return MelodyEncoding(encoding.low, encoding.high, encoding.max_duration, encoding.steps_per_quarter,
                                  encoding.max_position, fill=True, fill_order=cfg.fill_order)
        cfg.learn_to_fill = False
        cfg.remaining_dim = remaining_dim
        cfg.fill_rate = cfg.fill_rate if encoding.fill else 0.0
        return encoding
    return MelodyEncoding(fill=cfg.fill_rate > 0, fill_order=cfg.fill_order)


def parse_weights(items: list[str]) -> dict[str, float]:
    """COLLECTION=W pairs (the sampling weight of each collection's melodies per epoch)."""
    weights = {}
    for item in items:
        name, _, value = item.partition("=")
        try:
            weights[name] = float(value)
        except ValueError:
            raise TrainingError(f"--weights {item}: write COLLECTION=NUMBER, e.g. palestrina=0.3") from None
        if not 0 <= weights[name] <= 10:
            raise TrainingError(f"--weights {item}: a weight is 0 to 10")
    return weights


def run_train(args: argparse.Namespace) -> int:
    from composer_app.training.distributed import in_worker, launch

    if not 1 <= args.nproc <= 256:
        raise TrainingError("--nproc must be 1 to 256")
    if args.nproc > 1 and not in_worker():
        return launch(args.nproc, list(getattr(args, "argv", None) or sys.argv[1:]))
    main_rank = int(os.environ.get("RANK", "0")) == 0
    reporter = Reporter(json_lines=args.progress == "json", quiet=not main_rank)
    say = reporter.log
    if args.fresh:  # start over: forget the checkpoint and the epochs of an earlier (cancelled) run
        for name in WORK_FILES:
            if args.out is not None and (args.out / name).exists() and main_rank:
                (args.out / name).unlink()
    cfg = TrainConfig(max_epochs=args.epochs, max_minutes=args.max_minutes, device=args.device, seed=args.seed,
                      layers=args.layers, max_steps=args.max_steps, batch_size=args.batch_size or 64, threads=args.threads,
                      output=args.design, style_dim=args.style_dim)
    if not 0.0 <= args.fill_rate <= 1.0:
        raise TrainingError("--fill-rate must be 0 to 1")
    cfg.fill_rate = args.fill_rate if args.design == "factorized" else 0.0
    cfg.remaining_dim = 8 if cfg.fill_rate > 0 else 0
    cfg.source_weights = parse_weights(args.weights)
    cfg.learn_to_fill = args.learn_to_fill
    cfg.fill_order = args.fill_order
    if args.learn_to_fill and not args.start_from:
        raise TrainingError("--learn-to-fill grows a model given with --from")
    if args.start_from:
        from composer_app.engine.model import bundled_model_path

        source = bundled_model_path() if args.start_from == "bundled" else Path(args.start_from)
        if not source.exists():
            raise TrainingError(f"{source}: no such model to start from")
        cfg.init_from = str(source)
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
        sources = json.loads((corpus_dir / "sources.json").read_text())
        unknown = set(args.leave_out) - set(sources["licences"])
        if unknown:
            raise TrainingError(f"no collection named {', '.join(sorted(unknown))} in the corpus")
        eval_only = set(sources.get("eval_only", {}))
        records = [r for r in records if r.source not in eval_only and r.source not in args.leave_out]
        kept = {k: v for k, v in sources["licences"].items() if k not in args.leave_out}
        unknown = set(cfg.source_weights) - set(kept)
        if unknown:
            raise TrainingError(f"--weights: no collection named {', '.join(sorted(unknown))} is trained on")
        description = {"name": "composer-app folk, song, chorale and renaissance melodies", "corpus": "music21 corpus",
                       "collections": kept, "melodies": {k: v for k, v in sources["counts"].items() if k in kept},
                       "notes": {k: v for k, v in sources.get("notes", {}).items() if k in kept},
                       "styles": {k: v for k, v in sources.get("styles", {}).items() if k in kept},
                       "left_out": args.leave_out, "held_out_for_evaluation": sources.get("eval_only", {}),
                       "sampling_weights": cfg.source_weights,
                       "licence": "public domain (every collection)",
                       "build_command": "python -m composer_app.training.corpus --out data/corpus"}
        out = args.out or REPO / "models"
        stem = args.stem or BUNDLED_STEM
        work = args.out / "work" if args.out else REPO / "runs" / "bundled"
    else:
        if cfg.source_weights:
            raise TrainingError("--weights is for --corpus bundled (a folder has one collection)")
        if args.out is None:
            raise TrainingError("say where the model goes with --out DIR")
        records, description = prepare_folder(args.folder, args.out, reporter, args.workers)
        out = args.out
        stem, work = args.stem or TRAINED_STEM, args.out
    tokens = sum(len(r.notes) for r in records)
    small = tokens < 150_000  # a student's folder: a smaller, more regularized network generalizes better
    fine_tune = bool(cfg.init_from)
    cfg.hidden = args.hidden or (128 if small else 256)
    cfg.embedding = args.embedding or (64 if small else 128)
    cfg.dropout = args.dropout if args.dropout is not None else (0.4 if small else 0.25)
    cfg.lr = args.lr or (1e-3 if fine_tune else 3e-3)
    if small and args.batch_size is None:
        cfg.batch_size, cfg.patience = 16, 6  # more, smaller steps per epoch on little data
    shape = "the network of " + Path(cfg.init_from).name if fine_tune else \
        f"LSTM {cfg.layers}x{cfg.hidden}, embedding {cfg.embedding}, {cfg.output} output"
    say(f"{len(records)} melodies, {tokens:,} notes: {shape}, dropout {cfg.dropout}, learning rate {cfg.lr:g}")
    out.mkdir(parents=True, exist_ok=True)
    held_dir = work / "test-melodies"
    held = write_held_out(records, held_dir) if main_rank else 0
    encoding = encoding_for(cfg)
    card = train(records, out, cfg, description, encoding=encoding, stem=stem, work_dir=work, log=say,
                 report=reporter.event if reporter.json_lines else None)
    if not main_rank:
        return 0
    model_path = model_file(out, stem)
    if held:
        card = add_evaluation(model_path, held_dir, card)
    ev = card.get("evaluation")
    say(f"model: {model_path}; {held} held-out melodies in {held_dir} "
        f"(evaluate with: composer-app evaluate {held_dir} --model {model_path})")
    say(f"validation {card['metrics']['valid_nats_per_token']} nats/token, "
        f"{card['training']['epochs']} epochs in {card['training']['seconds']:.0f} s"
        + (f"; held-out {ev['bits_per_note']:.3f} bits/note vs n-gram {ev['ngram_bits_per_note']:.3f}" if ev else ""))
    reporter.event(event("done", model=str(model_path), card=card))
    return 0


def add_evaluation(model_path: Path, held_dir: Path, card: dict) -> dict:
    """Score the held-out melodies with the new model and the n-gram on its training split; into the card."""
    from composer_app.core.safe_save import save_bytes
    from composer_app.engine.evaluate import evaluate
    from composer_app.engine.model import load_model

    result = evaluate(load_model(model_path, force_cpu=True), [held_dir])
    card["evaluation"] = {"held_out_melodies": result["melodies"], "notes": result["notes"],
                          "bits_per_note": round(float(result["bits_per_note"]), 4),
                          "ngram_bits_per_note": round(float(result["baseline"]["bits_per_note"]), 4),
                          "ratio": round(float(result["ratio_bits_per_note"]), 4)}
    save_bytes(card_file(model_path), json.dumps(card, indent=2, ensure_ascii=False).encode(),
               keep_backup=False)
    return card
