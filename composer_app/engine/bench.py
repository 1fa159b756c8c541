"""`composer-app bench`: our continuation latency next to the seed project's generation method."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from composer_app.core.melody import Melody
from composer_app.engine.fill import fill_span
from composer_app.engine.generate import ContinueOptions, continue_melody
from composer_app.engine.model import LoadedModel, load_model

SEED_VOCAB = 358  # distinct notes and chords in a Chopin-sized vocabulary of the seed project
SEED_WINDOW = 100


def bench_seed_phrase() -> Melody:
    """A fixed 8-bar phrase in 4/4 (eighths, quarters, a half note per phrase), C major."""
    rhythm = [240, 240, 480, 240, 240, 480]  # one bar
    pitches = [60, 62, 64, 65, 67, 69, 71, 72, 71, 69, 67, 65, 64, 62, 60, 62, 64, 67, 65, 64, 62, 60, 59, 60]
    notes, tick, i = [], 0, 0
    for bar in range(8):
        for d in (rhythm if bar % 4 != 3 else [480, 480, 960]):
            notes.append((tick, d, pitches[i % len(pitches)], 80))
            tick += d
            i += 1
    return Melody.from_notes(notes, name="bench seed")


def bench_options() -> ContinueOptions:
    """What the bench generates: 8 bars x 4 variations, temperature 1, top-p 0.95, the full range."""
    return ContinueOptions(bars=8, variations=4, temperature=1.0, top_p=0.95, low=36, high=96)


def bench_fill_span(seed: Melody) -> tuple[int, int]:
    """The bench's span to fill: bars 4-5 of the seed, in the middle of it."""
    bar = seed.time_signature.bar_ticks
    return 3 * bar, 5 * bar


def seed_method_model(path: Path, vocab: int = SEED_VOCAB, seed: int = 0) -> None:
    """The seed's network (3 x LSTM 512, dense 256 + relu, dense vocab + softmax), random weights, as ONNX."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(seed)
    H = 512
    nodes, inits = [], []

    def weight(name, shape, scale):
        inits.append(numpy_helper.from_array((rng.standard_normal(shape) * scale).astype(np.float32), name))
        return name

    x = "x"  # [seq, batch, 1]
    inp = 1
    for layer in range(3):
        w = weight(f"W{layer}", (1, 4 * H, inp), 1 / np.sqrt(inp))
        r = weight(f"R{layer}", (1, 4 * H, H), 1 / np.sqrt(H))
        b = weight(f"B{layer}", (1, 8 * H), 0.01)
        nodes.append(helper.make_node("LSTM", [x, w, r, b], [f"Y{layer}", f"Yh{layer}"], hidden_size=H))
        inits.append(numpy_helper.from_array(np.array([1], dtype=np.int64), f"axis{layer}"))
        nodes.append(helper.make_node("Squeeze", [f"Y{layer}", f"axis{layer}"], [f"S{layer}"]))
        x, inp = f"S{layer}", H
    inits.append(numpy_helper.from_array(np.array([0], dtype=np.int64), "axis_h"))
    nodes.append(helper.make_node("Squeeze", ["Yh2", "axis_h"], ["last"]))  # [batch, H]
    nodes.append(helper.make_node("MatMul", ["last", weight("D1", (H, 256), 1 / np.sqrt(H))], ["d1"]))
    nodes.append(helper.make_node("Add", ["d1", weight("b1", (256,), 0.01)], ["d1b"]))
    nodes.append(helper.make_node("Relu", ["d1b"], ["d1r"]))
    nodes.append(helper.make_node("MatMul", ["d1r", weight("D2", (256, vocab), 1 / 16)], ["d2"]))
    nodes.append(helper.make_node("Add", ["d2", weight("b2", (vocab,), 0.01)], ["d2b"]))
    nodes.append(helper.make_node("Softmax", ["d2b"], ["probs"], axis=-1))
    graph = helper.make_graph(nodes, "seed_method", [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["seq", "batch", 1])],
                              [helper.make_tensor_value_info("probs", TensorProto.FLOAT, ["batch", vocab])], inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=9)
    onnx.save(model, str(path))


def time_seed_method(notes: int, threads: int) -> list[float]:
    """Seconds per generated note, driven as the seed did: a 100-step window re-run for each note, batch 1."""
    import onnxruntime as ort

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "seed.onnx"
        seed_method_model(path)
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        session = ort.InferenceSession(str(path), sess_options=options, providers=["CPUExecutionProvider"])
    rng = np.random.default_rng(0)
    window = list(rng.random(SEED_WINDOW).astype(np.float32))
    times = []
    for i in range(notes + 3):
        t = time.perf_counter()
        x = np.asarray(window, dtype=np.float32).reshape(SEED_WINDOW, 1, 1)
        probs = session.run(None, {"x": x})[0]
        index = int(np.argmax(probs))
        window = window[1:] + [index / SEED_VOCAB]
        if i >= 3:  # warm-up
            times.append(time.perf_counter() - t)
    return times


def run_bench(model: LoadedModel | None = None, runs: int = 60, seed_notes: int = 40) -> dict:
    """Median/p95 latency of 8 bars x 4 variations from an 8-bar seed, of a 2-bar fill x 4 variations inside
    it, and the seed method's time per note."""
    model = model or load_model()
    seed = bench_seed_phrase()
    options = bench_options()
    for i in range(5):
        options.seed = 10_000 + i
        continue_melody(model, seed, options)
    latencies, notes = [], []
    for i in range(runs):
        options.seed = i
        t = time.perf_counter()
        result = continue_melody(model, seed, options)
        latencies.append(time.perf_counter() - t)
        notes.append(sum(len(v) for v in result.variations))
    fills = []  # a 2-bar span in the middle of the seed (bars 4-5) x 4 variations, hearing both sides
    span = bench_fill_span(seed)
    for i in range(runs):
        options.seed = i
        t = time.perf_counter()
        fill_span(model, seed, *span, options)
        fills.append(time.perf_counter() - t)
    per_note = [lat / max(n, 1) for lat, n in zip(latencies, notes)]
    seed_times = time_seed_method(seed_notes, model.threads)
    p50 = statistics.median(latencies)
    ours_ms_per_note = statistics.median(per_note) * 1000
    seed_ms_per_note = statistics.median(seed_times) * 1000
    return {
        "p50_ms": round(p50 * 1000, 3),
        "p95_ms": round(float(np.percentile(latencies, 95)) * 1000, 3),
        "fill_p50_ms": round(statistics.median(fills) * 1000, 3),
        "fill_p95_ms": round(float(np.percentile(fills, 95)) * 1000, 3),
        "fill_hears_after": model.can_fill,
        "ms_per_note": round(ours_ms_per_note, 4),
        "seed_method_ms_per_note": round(seed_ms_per_note, 3),
        "speedup_vs_seed_method": round(seed_ms_per_note / ours_ms_per_note, 1),
        "notes_per_run_median": statistics.median(notes),
        "runs": runs,
        "provider": model.provider,
        "precision": model.precision,
        "threads": model.threads,
        "model": model.path.name,
        "model_mb": round(os.path.getsize(model.path) / 1e6, 2),
        "parameters": model.card.get("parameters"),
        "cpu_count": os.cpu_count(),
    }
