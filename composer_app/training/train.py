"""Training with early stopping on validation loss, resumable, then ONNX export and model card."""

from __future__ import annotations

import hashlib
import json
import math
import os
import platform
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
from torch import nn

from composer_app.core.encoding import EncodedMelody, MelodyEncoding
from composer_app.core.errors import ComposerError
from composer_app.core.model_folder import BEST, CHECKPOINT, METRICS, baseline_file, card_file, model_file, weights_file
from composer_app.core.training_events import event
from composer_app.training.data import MelodyRecord, batches, encode_records, save_baseline_data, split_of
from composer_app.training.distributed import Ranks, setup, teardown
from composer_app.training.model import MelodyLSTM, export_onnx, input_names


class TrainingError(ComposerError):
    """Training cannot start or go on; the message says why."""


@dataclass
class TrainConfig:
    embedding: int = 128
    hidden: int = 256
    layers: int = 2
    dropout: float = 0.25
    batch_size: int = 64
    max_len: int = 160
    lr: float = 3e-3
    weight_decay: float = 1e-4
    clip: float = 1.0
    max_epochs: int = 40
    patience: int = 4
    max_minutes: float = 60.0
    max_steps: int = 0  # 0 = no limit (tests use a few steps)
    seed: int = 1234
    device: str = "auto"
    threads: int = 0
    augment: bool = True
    output: str = "factorized"  # or "joint" (the version 1 design)
    style_dim: int = 8  # 0: no style input
    style_dropout: float = 0.2
    fill_rate: float = 0.0  # share of training windows made into gaps to fill (version 3 encoding)
    remaining_dim: int = 0  # size of the gap-left input (version 3; 0: none)
    source_weights: dict = field(default_factory=dict)  # collection -> times its melodies are drawn per epoch
    learn_to_fill: bool = False  # init_from is a model that only continues: grow it the version 3 inputs
    fill_order: str = "psmr"  # what a model that fills reads first (core.encoding.fill_context)
    init_from: str = ""  # a model's .onnx whose .weights.npz starts training (fine-tuning)
    extra: dict = field(default_factory=dict)


def pick_device(name: str) -> torch.device:
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if name == "cuda" and not torch.cuda.is_available():
        raise TrainingError("--device cuda was asked for, but PyTorch sees no CUDA GPU")
    return torch.device(name)


class Progress:
    """A one-line progress bar on stderr with loss and ETA."""

    def __init__(self, total: int, label: str) -> None:
        self.total, self.label, self.start, self.last = max(1, total), label, time.time(), 0.0

    def _due(self, done: int) -> float | None:
        """The time now when an update is due (every half second, and at the end), else None."""
        now = time.time()
        if now - self.last < 0.5 and done < self.total:
            return None
        self.last = now
        return now

    def update(self, done: int, loss: float) -> None:
        now = self._due(done)
        if now is None:
            return
        frac = min(1.0, done / self.total)
        eta = (now - self.start) / frac * (1 - frac) if frac > 0 else 0
        bar = "#" * int(frac * 30)
        print(f"\r{self.label} [{bar:<30}] {done}/{self.total} loss {loss:.3f} ETA {eta:4.0f}s", end="",
              file=sys.stderr, flush=True)

    def close(self) -> None:
        print(file=sys.stderr, flush=True)


class ReportedProgress(Progress):
    """Progress as events for a program watching the training (the window's Train dialog): every half second
    {"event": "step", ...} with the epoch, batch, loss and an upper bound of the seconds left."""

    def __init__(self, report, epoch: int, total: int, cfg: TrainConfig, elapsed: float, epochs_done: int) -> None:
        super().__init__(total, f"epoch {epoch}")
        self.report, self.epoch, self.cfg = report, epoch, cfg
        self.elapsed_before, self.epochs_done = elapsed, epochs_done

    def update(self, done: int, loss: float) -> None:
        now = self._due(done)
        if now is None:
            return
        frac = min(1.0, done / self.total)
        this_epoch = (now - self.start) / frac if frac > 0 else 0.0
        per_epoch = (self.elapsed_before + this_epoch) / (self.epochs_done + 1)
        left_epochs = (1 - frac) * this_epoch + (self.cfg.max_epochs - self.epoch) * per_epoch
        left_budget = self.cfg.max_minutes * 60 - self.elapsed_before - (now - self.start)
        self.report(event("step", epoch=self.epoch, max_epochs=self.cfg.max_epochs, batch=done, batches=self.total,
                          loss=round(loss, 4), eta_seconds=round(max(0.0, min(left_epochs, left_budget)), 1)))

    def close(self) -> None:
        pass


VALID_GAPS_SEED = 20261204  # which validation windows become gaps, the same every epoch


def _tensors(arrays, device):
    return [torch.from_numpy(a).to(device) for a in arrays]


def _loss_over(model, encoding, melodies, styles, cfg, device, ranks: Ranks | None = None,
               gaps: bool = True) -> tuple[float, int]:
    """Mean cross-entropy (nats per token) and token count over melodies, no augmentation; with several
    ranks each scores every N-th melody and the sums are shared. A model that learns to fill is scored on
    gaps too, the same ones every epoch (a fixed draw), so early stopping and the learning rate follow both
    what it continues and what it fills (gaps=False: continuation only, comparable across versions)."""
    ranks = ranks or Ranks()
    mine = list(range(ranks.rank, len(melodies), ranks.world))
    model.eval()
    total, count = 0.0, 0
    filling = gaps and encoding.fill and cfg.fill_rate > 0
    with torch.no_grad():
        if mine:
            for arrays in batches(encoding, [melodies[i] for i in mine], cfg.batch_size,
                                  cfg.max_len if filling else 100_000,
                                  np.random.default_rng(VALID_GAPS_SEED) if filling else None, False,
                                  [styles[i] for i in mine], fill_rate=cfg.fill_rate if filling else 0.0):
                loss, n = model.loss(*_tensors(arrays, device))
                total += loss.item()
                count += n
    total, count = ranks.sum(total, count)
    return total / max(count, 1), int(count)


def split_records(records: list[MelodyRecord]) -> dict[str, list[MelodyRecord]]:
    """Split by melody with a hash of its id: 90/5/5, or for small folders (< 400 melodies) at least
    10% (and two melodies) each for validation and test, taken in hash order so the split is stable."""
    out: dict[str, list[MelodyRecord]] = {"train": [], "valid": [], "test": []}
    if len(records) < 400:
        ranked = sorted(records, key=lambda r: hashlib.sha256(r.split_key.encode()).hexdigest())
        k = max(2, round(0.1 * len(records))) if len(records) >= 8 else 1 if len(records) >= 3 else 0
        out["test"], out["valid"], out["train"] = ranked[:k], ranked[k:2 * k], ranked[2 * k:]
    else:
        for r in records:
            out[split_of(r.split_key)].append(r)
    if not out["valid"] and len(out["train"]) > 1:  # tiny folders: keep validation possible
        out["valid"].append(out["train"].pop())
    if not out["train"]:
        raise TrainingError("there are too few melodies to train on (need at least two)")
    return out


def train(records: list[MelodyRecord], out_dir: Path, cfg: TrainConfig, data_description: dict,
          encoding: MelodyEncoding | None = None, log=print, stem: str = "model", work_dir: Path | None = None,
          report=None) -> dict:
    """Train, keep the best model by validation loss, export STEM.onnx + STEM.json into out_dir; return the card.

    Checkpoints and the per-epoch metrics log go to work_dir (default: out_dir). `report`, when given, receives
    progress as dicts (step, epoch and finished events) instead of the progress bar on stderr.
    """
    ranks = setup(cfg.device)
    if not ranks.main:
        log = lambda *_args: None  # noqa: E731  (rank 0 speaks for everyone)
        report = None
    out_dir.mkdir(parents=True, exist_ok=True)
    work_dir = work_dir or out_dir
    work_dir.mkdir(parents=True, exist_ok=True)
    encoding = encoding or MelodyEncoding()
    torch.manual_seed(cfg.seed)
    np.random.seed(cfg.seed)
    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    device = ranks.device if ranks.distributed else pick_device(cfg.device)
    splits = split_records(records)
    enc = {k: encode_records(encoding, v) for k, v in splits.items()}
    styles = {k: [r.style for r in v] for k, v in splits.items()}
    log(f"melodies: {len(splits['train'])} train, {len(splits['valid'])} validation, {len(splits['test'])} test; "
        f"{sum(len(e.tokens) for e in enc['train']):,} training tokens; device {device}"
        + (f"; {ranks.world} processes ({'nccl' if device.type == 'cuda' else 'gloo'})" if ranks.distributed else ""))

    started_from = None
    if cfg.init_from:
        model, started_from = load_for_fine_tuning(Path(cfg.init_from), encoding, cfg.dropout,
                                                   grow_remaining=cfg.remaining_dim if cfg.learn_to_fill else 0)
        model = model.to(device)
        log(f"starting from {started_from['name']} ({Path(cfg.init_from).name})")
    else:
        model = MelodyLSTM(encoding.vocab_size, encoding.max_position, cfg.embedding, hidden=cfg.hidden,
                           layers=cfg.layers, dropout=cfg.dropout, output=cfg.output, style_dim=cfg.style_dim,
                           encoding=encoding, remaining_dim=cfg.remaining_dim if encoding.fill else 0).to(device)
    net = model  # the network itself; `model` is what trains (DDP around it with several processes)
    if ranks.distributed:
        model = nn.parallel.DistributedDataParallel(net, device_ids=[device.index] if device.type == "cuda" else None)
    optimizer = torch.optim.AdamW(net.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=0.5, patience=1)

    checkpoint = work_dir / CHECKPOINT
    best_path = work_dir / BEST
    state = {"epoch": 0, "best_valid": math.inf, "bad_epochs": 0, "steps": 0, "seconds": 0.0}
    metrics_path = work_dir / METRICS
    if checkpoint.exists():
        saved = torch.load(checkpoint, map_location=device, weights_only=True)
        if saved.get("config") != net.config:
            raise TrainingError(f"{checkpoint} was made with another model shape; delete it or choose another --out")
        net.load_state_dict(saved["model"])
        optimizer.load_state_dict(saved["optimizer"])
        scheduler.load_state_dict(saved["scheduler"])
        state.update(saved["state"])
        log(f"resuming after epoch {state['epoch']} (best validation loss {state['best_valid']:.4f})")
        if report and metrics_path.exists():  # the epochs already done, so a watcher's plot starts complete
            for line in metrics_path.read_text().splitlines():
                report(event("epoch", **json.loads(line), resumed=True))
    elif metrics_path.exists() and ranks.main:
        metrics_path.unlink()
    ranks.barrier()

    started = time.time() - state["seconds"]
    rng = np.random.default_rng(cfg.seed + state["epoch"])
    stop_reason = "max epochs"
    while state["epoch"] < cfg.max_epochs:
        epoch = state["epoch"] + 1
        model.train()
        drawn = drawn_melodies(splits["train"], cfg.source_weights, rng)
        epoch_batches = list(batches(encoding, [enc["train"][i] for i in drawn], cfg.batch_size, cfg.max_len, rng,
                                     cfg.augment, [styles["train"][i] for i in drawn], cfg.style_dropout,
                                     cfg.fill_rate))
        if ranks.distributed:  # every rank shuffled alike: each takes every N-th batch, all take as many
            share = max(1, len(epoch_batches) // ranks.world)
            epoch_batches = (epoch_batches[ranks.rank::ranks.world] + epoch_batches)[:share]
        progress = (None if not ranks.main else
                    ReportedProgress(report, epoch, len(epoch_batches), cfg, state["seconds"], state["epoch"])
                    if report else Progress(len(epoch_batches), f"epoch {epoch}"))
        running, seen, epoch_start = 0.0, 0, time.time()
        for i, arrays in enumerate(epoch_batches, 1):
            tok, pos, met, sty, tgt, rem = _tensors(arrays, device)
            total, count = model(tok, pos, met, sty, None, None, targets=tgt, remaining=rem)
            loss = total / max(count, 1)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), cfg.clip)
            optimizer.step()
            running = loss.item() if seen == 0 else 0.98 * running + 0.02 * loss.item()
            seen += 1
            state["steps"] += 1
            if progress is not None:
                progress.update(i, running)
            if cfg.max_steps and state["steps"] >= cfg.max_steps:
                break
        if progress is not None:
            progress.close()
        valid_loss, valid_tokens = _loss_over(net, encoding, enc["valid"], styles["valid"], cfg, device, ranks)
        scheduler.step(valid_loss)
        state["epoch"] = epoch
        state["seconds"] = ranks.largest(time.time() - started)  # every rank decides on the same clock
        improved = valid_loss < state["best_valid"] - 1e-4
        if improved:
            state["best_valid"], state["bad_epochs"] = valid_loss, 0
            if ranks.main:
                _save_atomically({"config": net.config, "model": net.state_dict()}, best_path)
        else:
            state["bad_epochs"] += 1
        row = {"epoch": epoch, "train_loss": round(running, 5), "valid_loss": round(valid_loss, 5),
               "valid_tokens": valid_tokens, "lr": optimizer.param_groups[0]["lr"],
               "epoch_seconds": round(time.time() - epoch_start, 1), "best": improved}
        if ranks.distributed:
            row["processes"] = ranks.world
            row["train_loss_all_ranks"] = round(ranks.sum(running)[0] / ranks.world, 5)
        if ranks.main:
            with open(metrics_path, "a") as f:
                f.write(json.dumps(row) + "\n")
            _save_atomically({"config": net.config, "model": net.state_dict(), "optimizer": optimizer.state_dict(),
                              "scheduler": scheduler.state_dict(), "state": state}, checkpoint)
            if report:  # after the checkpoint: an epoch reported is an epoch kept
                report(event("epoch", **row, seconds=round(state["seconds"], 1)))
        log(f"epoch {epoch}: train {running:.4f}, validation {valid_loss:.4f} nats/token"
            f"{' (best)' if improved else ''}, {row['epoch_seconds']} s")
        if state["bad_epochs"] >= cfg.patience:
            stop_reason = f"early stopping (no improvement for {cfg.patience} epochs)"
            break
        if state["seconds"] > cfg.max_minutes * 60:
            stop_reason = f"time budget of {cfg.max_minutes:g} minutes"
            break
        if cfg.max_steps and state["steps"] >= cfg.max_steps:
            stop_reason = f"step budget of {cfg.max_steps}"
            break

    checksum = float(sum(p.detach().double().sum().item() * (i + 1) for i, p in enumerate(net.parameters())))
    if not ranks.same_everywhere(checksum):
        raise TrainingError("the processes ended with different weights; the distributed run is not consistent")
    if ranks.distributed:
        log(f"weights identical on all {ranks.world} processes (checksum {checksum:.6f})")
    ranks.barrier()
    if not ranks.main:
        teardown()
        return {}
    teardown()
    best = torch.load(best_path, map_location="cpu", weights_only=True)
    model = net.cpu()
    model.load_state_dict(best["model"])
    test_loss, test_tokens = (_loss_over(model, encoding, enc["test"], styles["test"], cfg, torch.device("cpu"),
                                         gaps=False)
                              if enc["test"] else (None, 0))
    onnx_path = model_file(out_dir, stem)
    tmp = out_dir / f".{stem}.onnx.tmp"
    export_onnx(model, tmp)
    os.replace(tmp, onnx_path)
    baseline_path = baseline_file(onnx_path)
    save_baseline_data(baseline_path, splits["train"])
    weights_path = weights_file(onnx_path)
    np.savez_compressed(weights_path, **model.weights())
    card = {
        "name": data_description.get("name", out_dir.name),
        "file": onnx_path.name,
        "sha256": sha256_of(onnx_path),
        "encoding": encoding.card(),
        "architecture": {"type": "LSTM", **model.config, "inputs": input_names(model),
                         "outputs": ["logits", "h_out", "c_out"], "opset": 17},
        "parameters": model.parameter_count(),
        "training": {
            "data": data_description,
            "split": {k: len(v) for k, v in splits.items()},
            "split_rule": "sha256(piece id; voices of a piece stay together) -> 90% train / 5% validation / 5% test",
            "augmentation": "random transposition per melody and epoch into every key (-6..+5) that keeps all notes in range" if cfg.augment else "none",
            "epochs": state["epoch"], "steps": state["steps"], "stopped_by": stop_reason,
            "seconds": round(state["seconds"], 1),
            "hardware": f"{platform.processor() or platform.machine()}, {torch.get_num_threads()} threads, {device}"
                        + (f", {ranks.world} processes" if ranks.distributed else ""),
            "torch": torch.__version__, "config": {k: v for k, v in cfg.__dict__.items() if k != "extra"},
            "baseline_data": baseline_path.name,
            "baseline_data_sha256": sha256_of(baseline_path),
            "weights": weights_path.name,
            "weights_sha256": sha256_of(weights_path),
            "started_from": started_from,
        },
        "metrics": {"valid_nats_per_token": round(state["best_valid"], 4),
                    "test_nats_per_token": round(test_loss, 4) if test_loss is not None else None,
                    "test_tokens": test_tokens},
    }
    card_file(onnx_path).write_text(json.dumps(card, indent=2, ensure_ascii=False))
    log(f"wrote {onnx_path} ({onnx_path.stat().st_size / 1e6:.1f} MB) after {state['epoch']} epochs, {stop_reason}")
    return card


def drawn_melodies(records: list[MelodyRecord], weights: dict[str, float], rng: np.random.Generator) -> list[int]:
    """The training melodies of one epoch: each once, or by its collection's weight (2: twice; 0.4: with
    probability 0.4), so a collection's share of the training can be set without dropping any melody."""
    if not weights:
        return list(range(len(records)))
    out = []
    for i, r in enumerate(records):
        w = weights.get(r.source, 1.0)
        out += [i] * (int(w) + (1 if rng.random() < w - int(w) else 0))
    return out


def _save_atomically(obj: dict, path: Path) -> None:
    """A checkpoint is replaced whole or not at all (training may be stopped at any moment: Cancel)."""
    tmp = path.with_name(path.name + ".tmp")
    torch.save(obj, tmp)
    os.replace(tmp, path)


def load_for_fine_tuning(onnx_path: Path, encoding: MelodyEncoding, dropout: float,
                         grow_remaining: int = 0) -> tuple[MelodyLSTM, dict]:
    """The network of a trained model (its card and .weights.npz) to train on; TrainingError if unusable.

    grow_remaining > 0: the model only continues (encoding version 2) and becomes one that fills (version 3):
    its weights are copied, the first LSTM layer gets inputs for the remaining input (starting at zero, so it
    first behaves as before) and the AFTER token shares PAD's unused input embedding."""
    card_path = card_file(onnx_path)
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"))
        arch = dict(card["architecture"])
        weights_path = onnx_path.parent / card["training"]["weights"]
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise TrainingError(f"{onnx_path.name}: its card does not say where its weights are, so it cannot be "
                            "fine-tuned") from e
    if not weights_path.exists() or sha256_of(weights_path) != card["training"].get("weights_sha256"):
        raise TrainingError(f"{weights_path.name}: the weights are missing or do not match the model card")
    growing = grow_remaining > 0 and not int(arch.get("remaining_dim", 0))
    if growing and (arch.get("output") != "factorized" or not encoding.fill):
        raise TrainingError(f"{onnx_path.name}: only a factorized model can learn to fill")
    if not growing and card.get("encoding", {}).get("vocab_size") != encoding.vocab_size:
        raise TrainingError(f"{onnx_path.name}: its vocabulary differs from this encoding's")
    shape = {k: arch[k] for k in ("max_position", "embedding", "position_dim", "meter_dim", "hidden",
                                  "layers", "output", "style_dim", "duration_hidden")}
    shape["remaining_dim"] = grow_remaining if growing else int(arch.get("remaining_dim", 0))
    model = MelodyLSTM(encoding.vocab_size, **shape, dropout=dropout, encoding=encoding)
    try:
        with np.load(weights_path, allow_pickle=False) as data:
            arrays = {k: data[k] for k in data.files}
    except (OSError, ValueError) as e:
        raise TrainingError(f"{weights_path.name}: the weights cannot be read ({e})") from e
    if growing:
        own = model.weights()
        first = arrays["lstm.weight_ih_l0"]
        grown = np.zeros_like(own["lstm.weight_ih_l0"])
        grown[:, :first.shape[1]] = first  # the remaining input comes last in the first layer's input
        arrays["lstm.weight_ih_l0"] = grown
        arrays["remaining_embedding.weight"] = own["remaining_embedding.weight"]
    try:
        model.load_weights(arrays)
    except ValueError as e:
        raise TrainingError(f"{weights_path.name}: the weights do not fit this network ({e})") from e
    return model, {"name": card.get("name", onnx_path.stem), "file": onnx_path.name, "sha256": card.get("sha256")}


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


__all__ = ["TrainConfig", "train", "TrainingError", "EncodedMelody"]
