"""The models a student can continue with: the bundled one and those trained into the user models folder.

Each trained model is a folder (model.onnx, model.json = its card, and what training left beside them). A model
that fails the checks is listed with the reason and never opened. Renaming changes the name in the card (the
card's checksum covers the .onnx only); removing deletes the folder.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from composer_app.core.errors import ComposerError
from composer_app.core.model_folder import can_resume, card_file, is_trained, model_file
from composer_app.core.safe_save import save_bytes
from composer_app.engine.model import ModelLoadError, bundled_model_path, check_model
from composer_app.session.recovery import data_dir

BUNDLED = "bundled"


class ModelsError(ComposerError):
    """A model cannot be renamed or removed; the message says why."""


def models_dir() -> Path:
    return data_dir() / "models"


@dataclass
class ModelEntry:
    key: str  # "bundled" or the folder's name
    path: Path  # the .onnx file
    name: str
    bundled: bool = False
    card: dict | None = None
    problem: str | None = None  # why it cannot be used; None when it passed the checks

    @property
    def usable(self) -> bool:
        return self.problem is None

    def facts(self) -> dict:
        """What the card says that a student weighs: melodies, notes, folder, parameters, size in bytes,
        held-out bits per note against the n-gram, training seconds and epochs (keys absent when unknown)."""
        if not self.card:
            return {}
        card, out = self.card, {}
        training = card.get("training") or {}
        data = training.get("data") or {}
        if isinstance(data, dict):
            for key in ("melodies", "notes"):
                value = data.get(key)
                value = sum(value.values()) if isinstance(value, dict) else value
                if isinstance(value, int) and value > 0:
                    out[key] = value
            if isinstance(data.get("folder"), str):
                out["folder"] = data["folder"]
        if isinstance(card.get("parameters"), int):
            out["parameters"] = card["parameters"]
        if self.path.exists():
            out["bytes"] = self.path.stat().st_size
        ev = card.get("evaluation") or {}
        if isinstance(ev, dict) and ev.get("bits_per_note") and ev.get("ngram_bits_per_note"):
            out["bits_per_note"], out["ngram_bits_per_note"] = float(ev["bits_per_note"]), float(ev["ngram_bits_per_note"])
            out["held_out_melodies"] = int(ev.get("held_out_melodies") or 0)
        if isinstance(training.get("seconds"), (int, float)):
            out["seconds"] = float(training["seconds"])
            out["epochs"] = int(training.get("epochs") or 0)
        return out


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


class ModelLibrary:
    def __init__(self, folder: Path | None = None, bundled: Path | None = None) -> None:
        self.folder = folder or models_dir()
        self.bundled = bundled or bundled_model_path()
        self._checked: dict[tuple[str, Path], tuple[tuple, ModelEntry]] = {}

    def _entry(self, key: str, onnx: Path, bundled: bool) -> ModelEntry:
        """The model's entry; its checks (reading and hashing the whole file) run again only when the model
        file or its card changed, not each time the list is shown."""
        stamp = (_stamp(onnx), _stamp(card_file(onnx)))
        cached = self._checked.get((key, onnx))
        if cached is not None and cached[0] == stamp:
            return cached[1]
        try:
            checked = check_model(onnx)
            entry = ModelEntry(key, onnx, str(checked.card.get("name") or key), bundled, checked.card)
        except ModelLoadError as e:
            entry = ModelEntry(key, onnx, key, bundled, None, str(e))
        self._checked[(key, onnx)] = (stamp, entry)
        return entry

    def entries(self) -> list[ModelEntry]:
        """The bundled model first, then every trained model by name (unusable ones too, with the reason)."""
        out = [self._entry(BUNDLED, self.bundled, True)]
        trained = []
        if self.folder.is_dir():
            for sub in sorted(self.folder.iterdir()):
                if sub.is_dir() and not sub.name.startswith(".") and is_trained(sub):
                    trained.append(self._entry(sub.name, model_file(sub), False))
        return out + sorted(trained, key=lambda e: e.name.lower())

    def entry(self, key: str) -> ModelEntry | None:
        return next((e for e in self.entries() if e.key == key), None)

    def unfinished(self) -> list[Path]:
        """Folders of trainings that stopped before writing a model (they can be resumed)."""
        if not self.folder.is_dir():
            return []
        return [sub for sub in sorted(self.folder.iterdir())
                if sub.is_dir() and can_resume(sub)]

    def unused_name(self, name: str) -> str:
        """`name`, or "name 2", "name 3"... when a model already has it."""
        taken = {e.name.lower() for e in self.entries()}
        candidate, n = name, 2
        while candidate.lower() in taken:
            candidate, n = f"{name} {n}", n + 1
        return candidate

    def folder_for(self, source_name: str) -> Path:
        """A new folder in the models folder, named after what the model is trained on."""
        slug = re.sub(r"[^A-Za-z0-9_-]+", "-", source_name).strip("-")[:40] or "model"
        candidate, n = self.folder / slug, 2
        while candidate.exists():
            candidate, n = self.folder / f"{slug}-{n}", n + 1
        return candidate

    def _trained(self, key: str) -> Path:
        if key == BUNDLED:
            raise ModelsError("the bundled model cannot be renamed or removed")
        folder = self.folder / key
        if not folder.is_dir() or folder.parent != self.folder:
            raise ModelsError(f"{key}: there is no such model")
        return folder

    def rename(self, key: str, name: str) -> None:
        name = " ".join(name.split())
        if not name:
            raise ModelsError("a model needs a name")
        card_path = card_file(model_file(self._trained(key)))
        try:
            card = json.loads(card_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise ModelsError(f"{key}: its card cannot be read, so it cannot be renamed") from e
        card["name"] = name[:80]
        save_bytes(card_path, json.dumps(card, indent=2, ensure_ascii=False).encode(), keep_backup=False,
                   error=ModelsError)

    def remove(self, key: str) -> None:
        folder = self._trained(key)
        try:
            shutil.rmtree(folder)
        except OSError as e:
            raise ModelsError(f"{key}: it cannot be removed ({e.strerror or e})") from e
