"""Arguments of `composer-app train` (kept outside the training package, which needs torch)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def add_train_parser(sub, run) -> None:
    p = sub.add_parser("train", help="train a model on a folder of MIDI files (or --corpus bundled)")
    p.add_argument("folder", type=Path, nargs="?")
    p.add_argument("--out", type=Path, help="folder for model.onnx, model.json, metrics and checkpoints")
    p.add_argument("--corpus", choices=["bundled"], help="rebuild the bundled model from the music21 corpus")
    p.add_argument("--corpus-dir", type=Path, default=REPO / "data" / "corpus")
    p.add_argument("--epochs", type=int, default=40)
    p.add_argument("--max-minutes", type=float, default=60.0)
    p.add_argument("--max-steps", type=int, default=0, help="stop after this many optimizer steps (0: no limit)")
    p.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"])
    p.add_argument("--seed", type=int, default=1234)
    p.add_argument("--hidden", type=int, help="LSTM size (default: 256, or 128 for small folders)")
    p.add_argument("--dropout", type=float, help="dropout (default: 0.25, or 0.4 for small folders)")
    p.add_argument("--layers", type=int, default=2)
    p.add_argument("--embedding", type=int, help="token embedding size (default: 128, or 64 for small folders)")
    p.add_argument("--batch-size", type=int, help="melody windows per step (default: 64, or 16 for small folders)")
    p.add_argument("--threads", type=int, default=0)
    p.add_argument("--from", dest="start_from", metavar="MODEL",
                   help="fine-tune: start from 'bundled' or a trained model's .onnx instead of from scratch")
    p.add_argument("--design", choices=["factorized", "joint"], default="factorized",
                   help="output design: factorized (pitch, then length; the default) or joint (version 1)")
    p.add_argument("--style-dim", type=int, default=8, help="style embedding size (0: no style input)")
    p.add_argument("--fill-rate", type=float, default=0.5,
                   help="share of training windows made into gaps to fill (encoding version 3; 0: a model that "
                        "only continues, version 2)")
    p.add_argument("--fill-order", choices=["psmr", "psm", "spm"], default="psmr",
                   help="how a model that fills reads both sides of a gap: the music before, then after, then the "
                        "last two bars before once more (psmr, default); the same without the second reading "
                        "(psm); or the music after first (spm)")
    p.add_argument("--learn-to-fill", action="store_true",
                   help="with --from a model that only continues (encoding version 2): make it one that fills "
                        "(version 3) and train it with gaps")
    p.add_argument("--weights", nargs="+", default=[], metavar="COLLECTION=W",
                   help="with --corpus bundled: how often each collection's melodies are drawn per epoch "
                        "(1 = once; 0.5 = half of them, 2 = twice)")
    p.add_argument("--lr", type=float, help="learning rate (default: 3e-3, or 1e-3 when fine-tuning)")
    p.add_argument("--leave-out", nargs="+", default=[], metavar="COLLECTION",
                   help="with --corpus bundled: leave these collections out (the cross-style protocol)")
    p.add_argument("--stem", help="file name of the model without .onnx (default: model, or melody-lstm)")
    p.add_argument("--nproc", type=int, default=1,
                   help="train in N processes on this machine (PyTorch DDP: gloo on CPUs, NCCL on GPUs)")
    p.add_argument("--workers", type=int, default=0,
                   help="processes preparing the folder into the training cache (default: one per core, up to 8)")
    p.add_argument("--prepare-only", action="store_true",
                   help="only prepare the folder (counts, skipped files, the cache under --out); needs no torch")
    p.add_argument("--progress", choices=["text", "json"], default="text",
                   help="json: one JSON object per line on stdout (events: prepare, data, log, step, epoch, done)")
    p.add_argument("--fresh", action="store_true", help="start over instead of resuming from a checkpoint in --out")
    p.set_defaults(run=run)
