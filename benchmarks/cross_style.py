"""Cross-style benchmark: leave one collection out, train on the rest, score the one left out.

    python benchmarks/cross_style.py --leave-out miscFolk monteverdi --designs joint factorized --minutes 12
    python benchmarks/cross_style.py --leave-out miscFolk monteverdi --designs factorized fill fill-balanced --minutes 10

For every collection left out and every design, trains `composer-app train --corpus bundled --leave-out C
--design D` with the same time budget (runs/cross-style/C-D/, resumable: a finished run is not trained
again), then scores bits per note on the left-out collection (up to --max-melodies, chosen by a hash of
their ids) and on Aird's Airs (held out of every training set), next to an n-gram trained on the same
training split. The style input is "unknown" when scoring, as for a student's music. Prints a table and
writes it as JSON (--json).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from composer_app.engine.evaluate import EvalMelody, baseline_bits, baseline_training_melodies, fill_bits, model_bits  # noqa: E402
from composer_app.engine.model import load_model  # noqa: E402

# Sampling weights per collection for the "balanced" variants: Palestrina, 61% of the notes, drawn a quarter
# as often; the small song collection three times; the chorales one and a half.
BALANCED = {"palestrina": 0.25, "miscFolk": 3.0, "bach": 1.5}
DESIGN_ARGS = {"joint": ["--design", "joint", "--style-dim", "0", "--fill-rate", "0"],
               "factorized": ["--design", "factorized", "--style-dim", "8", "--fill-rate", "0"],
               "fill": ["--design", "factorized", "--style-dim", "8", "--fill-rate", "0.5"],
               "fill-balanced": ["--design", "factorized", "--style-dim", "8", "--fill-rate", "0.5", "--weights",
                                 *(f"{k}={v}" for k, v in BALANCED.items())]}


def design_args(design: str, left_out: str) -> list[str]:
    """The training flags of a design, without a weight for the collection left out."""
    args = list(DESIGN_ARGS[design])
    return [a for a in args if not a.startswith(f"{left_out}=")]


def held_out(corpus: Path, source: str, limit: int) -> list[EvalMelody]:
    rows = []
    with open(corpus / "melodies.jsonl") as f:
        for line in f:
            m = json.loads(line)
            if m["source"] == source:
                num, den = m["meter"]
                rows.append(EvalMelody(m["id"], [tuple(n) for n in m["notes"]], num * 1920 // den))
    rows.sort(key=lambda r: hashlib.sha256(r.name.encode()).hexdigest())
    return rows[:limit]


def train_run(collection: str, design: str, args) -> Path:
    out = args.out / f"{collection}-{design}"
    model = out / "model.onnx"
    if model.exists():
        return model
    cmd = [sys.executable, "-m", "composer_app.cli", "train", "--corpus", "bundled", "--corpus-dir", str(args.corpus),
           "--leave-out", collection, *design_args(design, collection), "--out", str(out), "--stem", "model",
           "--max-minutes", str(args.minutes), "--epochs", "500", "--threads", str(args.threads)]
    out.mkdir(parents=True, exist_ok=True)
    started = time.time()
    with open(out / "train.log", "w") as log:
        subprocess.run(cmd, check=True, stdout=log, stderr=subprocess.STDOUT, cwd=REPO)
    print(f"trained {collection}-{design} in {time.time() - started:.0f} s", flush=True)
    return model


def score(model_path: Path, sets: dict[str, list[EvalMelody]]) -> dict:
    model = load_model(model_path, force_cpu=True)
    train = baseline_training_melodies(model)
    out = {}
    for name, melodies in sets.items():
        ours = model_bits(model, melodies)
        base = baseline_bits(train, melodies)
        fill = fill_bits(model, melodies, 2)
        out[name] = {"bits_per_note": round(ours["bits_per_note"], 3), "ngram_bits_per_note": round(base["bits_per_note"], 3),
                     "ratio": round(ours["bits_per_note"] / base["bits_per_note"], 3),
                     "pitch_bits_per_note": round(ours["pitch_bits_per_note"], 3), "notes": ours["notes"],
                     "melodies": ours["melodies"],
                     "fill_bits_per_note": round(fill["fill_bits_per_note"], 3),
                     "left_only_bits_per_note": round(fill["left_only_bits_per_note"], 3)}
    card = model.card
    out["_model"] = {"epochs": card["training"]["epochs"], "seconds": card["training"]["seconds"],
                     "parameters": card["parameters"], "valid_nats_per_token": card["metrics"]["valid_nats_per_token"]}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leave-out", nargs="+", default=["miscFolk", "monteverdi"])
    parser.add_argument("--designs", nargs="+", default=["joint", "factorized"], choices=list(DESIGN_ARGS))
    parser.add_argument("--minutes", type=float, default=12.0, help="training budget per run")
    parser.add_argument("--jobs", type=int, default=2, help="runs trained at once")
    parser.add_argument("--threads", type=int, default=1, help="torch threads per run")
    parser.add_argument("--max-melodies", type=int, default=150)
    parser.add_argument("--corpus", type=Path, default=REPO / "data" / "corpus")
    parser.add_argument("--out", type=Path, default=REPO / "runs" / "cross-style")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--score", nargs="+", default=[], metavar="NAME=MODEL",
                        help="also score these trained models on Aird's Airs (held out of every training set)")
    args = parser.parse_args(argv)
    if args.score:
        airs = held_out(args.corpus, "airdsAirs", args.max_melodies)
        print("| model | Aird's Airs: bits/note | n-gram | ratio | pitch bits/note |")
        print("| --- | --- | --- | --- | --- |")
        results = {}
        for item in args.score:
            name, path = item.split("=", 1)
            r = score(Path(path), {"airdsAirs": airs})["airdsAirs"]
            results[name] = r
            print(f"| {name} | {r['bits_per_note']:.3f} | {r['ngram_bits_per_note']:.3f} | {r['ratio']:.3f} | "
                  f"{r['pitch_bits_per_note']:.3f} |", flush=True)
        if args.json:
            args.json.write_text(json.dumps(results, indent=2))
        return 0

    runs = [(c, d) for c in args.leave_out for d in args.designs]
    with ThreadPoolExecutor(args.jobs) as pool:
        models = dict(zip(runs, pool.map(lambda r: train_run(*r, args), runs)))
    airs = held_out(args.corpus, "airdsAirs", args.max_melodies)
    results = {}
    print("| left out | design | epochs | on the left-out collection: bits/note (n-gram, ratio) | "
          "Aird's Airs: bits/note (n-gram, ratio) | 2-bar span of the left-out: both sides / left only |")
    print("| --- | --- | --- | --- | --- | --- |")
    for (collection, design), path in models.items():
        sets = {collection: held_out(args.corpus, collection, args.max_melodies), "airdsAirs": airs}
        r = score(path, sets)
        results[f"{collection}/{design}"] = r
        a, b = r[collection], r["airdsAirs"]
        print(f"| {collection} | {design} | {r['_model']['epochs']} | {a['bits_per_note']:.3f} "
              f"({a['ngram_bits_per_note']:.3f}, {a['ratio']:.3f}) | {b['bits_per_note']:.3f} "
              f"({b['ngram_bits_per_note']:.3f}, {b['ratio']:.3f}) | {a['fill_bits_per_note']:.3f} / "
              f"{a['left_only_bits_per_note']:.3f} |", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
