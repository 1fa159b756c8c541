"""`composer-app --self-test`: is this installation (or frozen bundle) able to do its job? One line per check."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def _model(ctx: dict) -> str:
    from composer_app.engine.model import load_model

    model = ctx["model"] = load_model()
    return f"{model.name} ({model.path.name}, {model.card.get('parameters', 0):,} parameters)"


def _provider(ctx: dict) -> str:
    import onnxruntime as ort

    from composer_app.engine.model import cuda_usable
    from composer_app.engine.provider import choose_provider, step_time_ms

    choice = choose_provider(None, "auto")  # as the window does: the faster where a GPU is usable
    ctx["model"] = choice.model
    offered = ort.get_available_providers()
    used = choice.model.provider.replace("ExecutionProvider", "")
    step = f"; a step takes {step_time_ms(choice.model):.2f} ms" if not choice.timings_ms else ""
    if "CUDAExecutionProvider" in offered and not cuda_usable():
        return (f"{used}; ONNX Runtime offers CUDA but the NVIDIA driver library (libcuda) is not installed, "
                f"so the CPU is used{step}")
    return f"{choice.reason} (offered: {', '.join(p.replace('ExecutionProvider', '') for p in offered)}){step}"


def _continue(ctx: dict) -> str:
    from composer_app.engine.bench import bench_seed_phrase
    from composer_app.engine.generate import ContinueOptions, continue_melody

    r = continue_melody(ctx["model"], bench_seed_phrase(), ContinueOptions(bars=4, variations=4, seed=1))
    notes = [len(v) for v in r.variations]
    if min(notes) == 0:
        raise RuntimeError("a variation came out empty")
    return f"4 variations of 4 bars ({sum(notes)} notes) in {r.seconds * 1000:.1f} ms"


def _midi_file(_ctx: dict) -> str:
    from composer_app.core.melody import Melody
    from composer_app.core.midifile import load_melody, write_midi

    melody = Melody.from_notes([(i * 240, 240, 60 + i, 70 + i) for i in range(12)], key_signature="C")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "self-test.mid"
        write_midi(melody, path)
        again = load_melody(path, all_notes=True)
    if again != melody:
        raise RuntimeError("the melody read back differs from the one written")
    return "12 notes written and read back unchanged"


def _audio(_ctx: dict) -> str:
    import numpy as np

    from composer_app.audio.instrument import load_instrument
    from composer_app.audio.render import render_melody
    from composer_app.audio.synth import SAMPLE_RATE
    from composer_app.core.melody import Melody

    instrument, problem = load_instrument(None)
    if problem:
        raise RuntimeError(f"the bundled piano cannot play: {problem}")
    samples = render_melody(Melody.from_notes([(0, 960, 69, 90)]), instrument)  # one second at 120 BPM
    rms = float(np.sqrt(np.mean(samples.astype(np.float64) ** 2)))
    if len(samples) < SAMPLE_RATE or rms < 0.005:
        raise RuntimeError(f"the rendered second is silent or short (rms {rms:.4f})")
    return f"{len(samples) / SAMPLE_RATE:.2f} s rendered with {instrument.name}, rms {rms:.3f}"


def _ports(_ctx: dict) -> str:
    from composer_app.midi.hub import MidiHub

    hub = MidiHub(None)
    try:
        ins, outs = hub.input_names(), hub.output_names()
    finally:
        hub.close()
    return f"{hub.backend_name}: {len(ins)} inputs, {len(outs)} outputs"


CHECKS: list[tuple[str, Callable[[dict], str]]] = [
    ("model loads", _model), ("execution provider", _provider), ("a seed continues", _continue),
    ("MIDI file round trip", _midi_file), ("audio renders", _audio), ("MIDI ports list", _ports),
]


def run_self_test(out=print) -> int:
    """Run every check (a failed model load skips the checks that need it); 0 only when all pass."""
    failed = 0
    ctx: dict = {}  # what one check leaves for the next (the loaded model)
    for name, check in CHECKS:
        if "model" not in ctx and check in (_provider, _continue):
            out(f"SKIP {name}: needs the model")
            failed += 1
            continue
        started = time.perf_counter()
        try:
            detail = check(ctx)
        except Exception as e:  # noqa: BLE001  (each failure is one line, the rest still run)
            failed += 1
            lines = [line.strip() for line in str(e).splitlines() if line.strip()]
            out(f"FAIL {name}: {lines[0] if lines else type(e).__name__}")
            continue
        out(f"ok   {name}: {detail} [{(time.perf_counter() - started) * 1000:.0f} ms]")
    out(f"{'all checks passed' if not failed else f'{failed} of {len(CHECKS)} checks failed'} "
        f"(composer-app on {sys.platform}, Python {sys.version.split()[0]}"
        f"{', frozen' if getattr(sys, 'frozen', False) else ''})")
    return 0 if not failed else 1


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(run_self_test())
