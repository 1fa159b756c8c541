"""Two models (or one twice) timed in the same process, runs alternating, so a noisy machine affects both alike.

    python benchmarks/engine_ab.py MODEL_A.onnx [MODEL_B.onnx] [--runs 120]
    python benchmarks/engine_ab.py fp32 int8      # the bundled model, full and its int8 form

Per model: p50 and p25 of continuing the bench's 8-bar seed by 8 bars x 4 variations and of a 2-bar fill
x 4 variations (the first 10 runs of each dropped), and B/A ratios.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from composer_app.engine.bench import bench_fill_span, bench_options, bench_seed_phrase
from composer_app.engine.fill import fill_span
from composer_app.engine.generate import continue_melody
from composer_app.engine.model import load_model


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("models", nargs="+")
    parser.add_argument("--runs", type=int, default=120)
    args = parser.parse_args()
    models = [load_model(None if p in ("fp32", "int8") else p, force_cpu=True,
                         precision="fp32" if p == "fp32" else "auto") for p in args.models]
    seed = bench_seed_phrase()
    span = bench_fill_span(seed)
    options = bench_options()
    times = {(j, kind): [] for j in range(len(models)) for kind in ("continue", "fill")}
    for i in range(args.runs):
        options.seed = i
        for j, model in enumerate(models):
            t = time.perf_counter()
            continue_melody(model, seed, options)
            times[j, "continue"].append(time.perf_counter() - t)
            t = time.perf_counter()
            fill_span(model, seed, *span, options)
            times[j, "fill"].append(time.perf_counter() - t)
    p50 = {}
    for (j, kind), xs in times.items():
        xs = sorted(xs[10:])
        p50[j, kind] = statistics.median(xs) * 1000
        print(f"{args.models[j]}  {kind:8s} p50 {p50[j, kind]:6.2f} ms  p25 {xs[len(xs) // 4] * 1000:6.2f} ms")
    if len(models) == 2:
        for kind in ("continue", "fill"):
            print(f"B/A {kind}: {p50[1, kind] / p50[0, kind]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
