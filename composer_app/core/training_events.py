"""What `composer-app train --progress json` prints, one JSON object a line, declared once: the training
side writes events with `event(...)`, the window's Train dialog reads them with `read_event(...)`.

| event     | fields |
| --------- | ------ |
| `prepare` | done, total (files of the folder read so far) |
| `data`    | folder, files, melodies, notes, skipped_count, skipped, reused_cache |
| `log`     | text |
| `step`    | epoch, max_epochs, batch, batches, loss (nats per token), eta_seconds (an upper bound) |
| `epoch`   | epoch, train_loss, valid_loss (nats per token), epoch_seconds, seconds, and more per run |
| `done`    | model (the .onnx written), card |
"""

from __future__ import annotations

import json

EVENTS: dict[str, tuple[str, ...]] = {
    "prepare": ("done", "total"),
    "data": ("folder", "files", "melodies", "notes", "skipped_count", "skipped", "reused_cache"),
    "log": ("text",),
    "step": ("epoch", "max_epochs", "batch", "batches", "loss", "eta_seconds"),
    "epoch": ("epoch", "train_loss", "valid_loss"),
    "done": ("model", "card"),
}


def event(kind: str, **fields) -> dict:
    """An event as a dict; ValueError for an unknown kind or a missing field (a bug, not bad input)."""
    required = EVENTS.get(kind)
    if required is None:
        raise ValueError(f"unknown training event {kind!r}")
    missing = [f for f in required if f not in fields]
    if missing:
        raise ValueError(f"training event {kind!r} lacks {', '.join(missing)}")
    return {"event": kind, **fields}


def read_event(line: bytes | str) -> dict | None:
    """The event on one line of output, or None for anything else (a library's warning, a broken line)."""
    try:
        data = json.loads(line)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("event") not in EVENTS:
        return None
    if any(f not in data for f in EVENTS[data["event"]]):
        return None
    return data
