"""Loading and validating an ONNX melody model with its card; choosing the execution provider."""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from composer_app.core.encoding import MelodyEncoding
from composer_app.core.errors import ComposerError, EncodingError
from composer_app.core.model_folder import BUNDLED_STEM, card_file, model_file

REPO = Path(__file__).resolve().parents[2]
BUNDLED_NAME = f"{BUNDLED_STEM}.onnx"
MAX_MODEL_BYTES = 200 * 1024 * 1024

EXPECTED_INPUTS = {"tokens": "tensor(int64)", "positions": "tensor(int64)", "meters": "tensor(int64)",
                   "h": "tensor(float)", "c": "tensor(float)"}
OPTIONAL_INPUTS = {"styles": "tensor(int64)",  # encoding version 2
                   "remaining": "tensor(int64)"}  # version 3: the gap left to fill
EXPECTED_OUTPUTS = ("logits", "h_out", "c_out")


class ModelLoadError(ComposerError):
    """The model cannot be used; the message says why in one sentence."""

    def __init__(self, message: str = "", reason: str = "model") -> None:
        super().__init__(message, reason)


def bundled_model_path() -> Path:
    """Where the bundled model lives: next to the sources, or inside a PyInstaller bundle."""
    candidates = []
    if os.environ.get("COMPOSER_MODEL"):
        candidates.append(Path(os.environ["COMPOSER_MODEL"]))
    from composer_app.paths import models_dir

    candidates.append(models_dir() / BUNDLED_NAME)
    for c in candidates:
        if c.exists():
            return c
    return candidates[-1]


def card_path_for(model_path: Path) -> Path:
    return card_file(model_path)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def cuda_usable() -> bool:
    """True when onnxruntime offers CUDA and the NVIDIA driver library loads."""
    import onnxruntime as ort

    if "CUDAExecutionProvider" not in ort.get_available_providers():
        return False
    for name in ("libcuda.so.1", "libcuda.so", "nvcuda.dll"):
        try:
            ctypes.CDLL(name)
            return True
        except OSError:
            continue
    return False


@dataclass
class LoadedModel:
    """A validated model ready to run: the ONNX session, its card and encoding."""

    path: Path
    card: dict
    encoding: MelodyEncoding
    session: object
    provider: str
    threads: int
    has_styles: bool = False
    has_remaining: bool = False  # a version 3 model: it fills gaps knowing what follows them
    precision: str = "fp32"  # "int8": the card's quantized form runs (on the CPU)

    @property
    def can_fill(self) -> bool:
        return self.has_remaining and self.encoding.fill

    @property
    def name(self) -> str:
        return self.card.get("name") or self.path.stem

    @property
    def layers(self) -> int:
        return int(self.card["architecture"]["layers"])

    @property
    def hidden(self) -> int:
        return int(self.card["architecture"]["hidden"])

    def initial_state(self, batch: int) -> tuple[np.ndarray, np.ndarray]:
        z = np.zeros((self.layers, batch, self.hidden), dtype=np.float32)
        return z, z.copy()

    @property
    def styles(self) -> tuple[str, ...]:
        """The style names the model was trained with ("unknown" first), or () for a model without styles."""
        return tuple(self.card["encoding"].get("styles", ())) if self.has_styles else ()

    def run(self, tokens: np.ndarray, positions: np.ndarray, meters: np.ndarray, h: np.ndarray, c: np.ndarray,
            styles: np.ndarray | None = None, remaining: np.ndarray | None = None):
        """One call: logits (or log-probabilities) [B, T, V] and the new state; styles and remaining [B, T] if
        the model has them (0: unknown style, no gap being filled)."""
        feed = {"tokens": tokens, "positions": positions, "meters": meters, "h": h, "c": c}
        if self.has_styles:
            feed["styles"] = styles if styles is not None else np.zeros_like(tokens)
        if self.has_remaining:
            feed["remaining"] = remaining if remaining is not None else np.zeros_like(tokens)
        return self.session.run(None, feed)


@dataclass
class CheckedModel:
    """A model file that passed every check short of opening it: its card, encoding and bytes."""

    path: Path
    card: dict
    encoding: MelodyEncoding
    layers: int
    hidden: int
    data: bytes


def check_model(path: str | os.PathLike | None = None) -> CheckedModel:
    """The checks before a model is opened (card, shape, size, checksum, no external data); ModelLoadError if any fails."""
    model_path = Path(path) if path is not None else bundled_model_path()
    label = model_path.name
    if model_path.is_dir():
        model_path = model_file(model_path)
    if not model_path.exists():
        raise ModelLoadError(f"{label}: the model file does not exist")
    card_path = card_path_for(model_path)
    if not card_path.exists():
        raise ModelLoadError(f"{label}: its model card {card_path.name} is missing")
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"))
        if not isinstance(card, dict):
            raise ValueError("not an object")
    except (OSError, ValueError) as e:
        raise ModelLoadError(f"{label}: its model card {card_path.name} is not valid JSON") from e
    try:
        encoding = MelodyEncoding.from_card(card.get("encoding") or {})
        arch = card["architecture"]
        layers, hidden = int(arch["layers"]), int(arch["hidden"])
    except (EncodingError, KeyError, TypeError, ValueError) as e:
        raise ModelLoadError(f"{label}: the model card does not describe a model this app can use ({e})") from e
    return CheckedModel(model_path, card, encoding, layers, hidden, _checked_bytes(model_path, card.get("sha256")))


def _checked_bytes(path: Path, sha256: object) -> bytes:
    """A model file's bytes once its size, its checksum (as its card gives it) and its data are checked."""
    label = path.name
    try:
        if path.stat().st_size > MAX_MODEL_BYTES:
            raise ModelLoadError(f"{label}: the file is larger than any melody model ({MAX_MODEL_BYTES >> 20} MB)")
        data = path.read_bytes()
    except OSError as e:
        raise ModelLoadError(f"{label}: it cannot be read ({e.strerror or e})") from e
    if sha256 != _sha256(data):
        raise ModelLoadError(f"{label}: the file does not match its model card (SHA-256 differs); it may be damaged or replaced")
    _refuse_external_data(data, label)
    return data


def int8_data(checked: CheckedModel) -> bytes | None:
    """The model's int8 form (ONNX Runtime's dynamic quantization of its LSTM and MatMul weights) when its card
    names one beside it and the file matches: the same model in a third of the bytes, its steps faster on a CPU
    (models/README.md gives the bits it costs). None without one (the full model runs); ModelLoadError if it is
    damaged."""
    quantized = checked.card.get("int8")
    if not isinstance(quantized, dict) or not quantized.get("file"):
        return None
    path = checked.path.parent / Path(str(quantized["file"])).name
    if not path.exists():  # a model copied without it: the full model runs
        return None
    return _checked_bytes(path, quantized.get("sha256"))


def load_model(path: str | os.PathLike | None = None, force_cpu: bool = False, threads: int = 0,
               precision: str = "auto") -> LoadedModel:
    """Validate and open a model (the bundled one by default); every failure is a ModelLoadError. `precision`:
    "auto" runs the card's int8 form on the CPU where there is one, "fp32" always the full model."""
    checked = check_model(path)
    model_path, card, encoding, layers, hidden, data = (checked.path, checked.card, checked.encoding, checked.layers,
                                                        checked.hidden, checked.data)
    label = model_path.name
    on_gpu = not force_cpu and cuda_usable()
    quantized = int8_data(checked) if precision == "auto" and not on_gpu else None
    if quantized is not None:
        data = quantized

    import onnxruntime as ort

    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.intra_op_num_threads = threads or 1
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    providers = ["CPUExecutionProvider"]
    if on_gpu:
        providers.insert(0, "CUDAExecutionProvider")
    try:
        session = ort.InferenceSession(data, sess_options=options, providers=providers)
    except Exception as e:  # onnxruntime raises its own exception types for bad graphs
        raise ModelLoadError(f"{label}: ONNX Runtime cannot load it as a model ({type(e).__name__})") from e
    has_styles, has_remaining = _check_signature(session, label, layers, hidden, encoding.vocab_size)
    provider = session.get_providers()[0]  # a failed CUDA provider silently falls back to CPU
    return LoadedModel(model_path, card, encoding, session, provider, options.intra_op_num_threads, has_styles,
                       has_remaining, "int8" if quantized is not None else "fp32")


def _refuse_external_data(data: bytes, label: str) -> None:
    try:
        import onnx
        from onnx.external_data_helper import uses_external_data

        proto = onnx.load_from_string(data)
    except Exception as e:
        raise ModelLoadError(f"{label}: it is not an ONNX model") from e
    if any(uses_external_data(t) for t in proto.graph.initializer):
        raise ModelLoadError(f"{label}: it keeps weights in external data files, which this app refuses")


def _check_signature(session, label: str, layers: int, hidden: int, vocab: int) -> tuple[bool, bool]:
    """Raise ModelLoadError unless the session is a melody step model; whether it takes a style input and a
    remaining input."""
    inputs = {i.name: i for i in session.get_inputs()}
    outputs = [o.name for o in session.get_outputs()]
    for name, kind in EXPECTED_INPUTS.items():
        if name not in inputs or inputs[name].type != kind:
            raise ModelLoadError(f"{label}: the model's inputs are not the melody step model's (input {name!r})")
    extra = set(inputs) - set(EXPECTED_INPUTS)
    if any(name not in OPTIONAL_INPUTS or inputs[name].type != OPTIONAL_INPUTS[name] for name in extra):
        raise ModelLoadError(f"{label}: the model asks for inputs this app does not know ({', '.join(sorted(extra))})")
    if tuple(outputs) != EXPECTED_OUTPUTS:
        raise ModelLoadError(f"{label}: the model's outputs are not the melody step model's")
    h_shape = inputs["h"].shape
    if len(h_shape) != 3 or h_shape[0] != layers or h_shape[2] != hidden:
        raise ModelLoadError(f"{label}: its state shape {h_shape} does not match the card ({layers}x{hidden})")
    logits_shape = session.get_outputs()[0].shape
    if len(logits_shape) != 3 or (isinstance(logits_shape[2], int) and logits_shape[2] != vocab):
        raise ModelLoadError(f"{label}: its output size does not match the card's vocabulary of {vocab}")
    return "styles" in inputs, "remaining" in inputs
