"""Where a model's files lie, declared once: the engine loads them, training writes them, the model list
and the Train dialog look for them.

A model is `STEM.onnx` with its card `STEM.json` beside it (and, for fine-tuning and the n-gram baseline,
`STEM.weights.npz` and `STEM.train.npz`). The bundled model's stem is `melody-lstm`; a trained model has a
folder of its own with stem `model`, plus, while it trains, a checkpoint, the best weights so far, the
per-epoch metrics and what the Train dialog remembers of the run.
"""

from __future__ import annotations

from pathlib import Path

BUNDLED_STEM = "melody-lstm"
TRAINED_STEM = "model"
CHECKPOINT = "checkpoint.pt"
BEST = "best.pt"
METRICS = "metrics.jsonl"
TRAINING_INFO = "training.json"  # the Train dialog's note: which folder, which name
WORK_FILES = (CHECKPOINT, BEST, METRICS)  # what a finished training no longer needs (metrics stay)


def model_file(folder: Path, stem: str = TRAINED_STEM) -> Path:
    return Path(folder) / f"{stem}.onnx"


def card_file(model: Path) -> Path:
    return Path(model).with_suffix(".json")


def weights_file(model: Path) -> Path:
    return Path(model).with_suffix(".weights.npz")


def baseline_file(model: Path) -> Path:
    return Path(model).with_suffix(".train.npz")


def is_trained(folder: Path) -> bool:
    """A folder holding a finished model."""
    return model_file(folder).exists()


def can_resume(folder: Path) -> bool:
    """A folder whose training stopped before the end (its checkpoint is there, the model is not)."""
    return (Path(folder) / CHECKPOINT).exists() and not is_trained(folder)
