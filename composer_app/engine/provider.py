"""Where the model runs: CPU or CUDA GPU, chosen by measuring both at warm-up.

A 1 M-parameter LSTM stepping a batch of at most 8 melodies is often faster on the CPU than on a GPU (each
step is a few small matrix products, and a GPU pays a launch and a copy for each), so when a GPU is usable
both are timed on the same step and the faster is used; Preferences can force either.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

import numpy as np

from composer_app.engine.model import LoadedModel, cuda_usable, load_model

CUDA = "CUDAExecutionProvider"
CHOICES = ("auto", "cpu", "gpu")


@dataclass
class ProviderChoice:
    model: LoadedModel
    reason: str  # one sentence for the status bar (the window says it in the student's language by `why`)
    timings_ms: dict[str, float]  # provider -> median ms of one step, when measured
    why: str = ""  # cpu_chosen, no_gpu, gpu_chosen_but_none, cuda_failed, gpu_chosen, gpu_faster, cpu_faster


def step_time_ms(model: LoadedModel, batch: int = 4, steps: int = 25) -> float:
    """Median milliseconds of one generation step (batch melodies, one token each) on the model's provider."""
    tokens = np.ones((batch, 1), np.int64)
    positions = np.zeros((batch, 1), np.int64)
    meters = np.full((batch, 1), 16, np.int64)
    h, c = model.initial_state(batch)
    for _ in range(3):  # the first calls allocate and compile
        model.run(tokens, positions, meters, h, c)
    times = []
    for _ in range(steps):
        start = time.perf_counter()
        _, h, c = model.run(tokens, positions, meters, h, c)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def choose_provider(path=None, preference: str = "auto", measure=step_time_ms, load=load_model) -> ProviderChoice:
    """Open the model where it runs fastest (preference "auto"), or where Preferences say ("cpu", "gpu")."""
    if preference == "cpu":
        return ProviderChoice(load(path, force_cpu=True), "CPU, as chosen in Preferences", {}, "cpu_chosen")
    if not cuda_usable():
        if preference == "auto":
            return ProviderChoice(load(path, force_cpu=True), "CPU (no usable CUDA GPU)", {}, "no_gpu")
        return ProviderChoice(load(path, force_cpu=True), "CPU (GPU chosen in Preferences, but no usable CUDA GPU)",
                              {}, "gpu_chosen_but_none")
    gpu = load(path, force_cpu=False)
    if gpu.provider != CUDA:
        return ProviderChoice(gpu, "CPU (the CUDA provider could not start)", {}, "cuda_failed")
    if preference == "gpu":
        return ProviderChoice(gpu, "GPU, as chosen in Preferences", {}, "gpu_chosen")
    cpu = load(path, force_cpu=True)
    timings = {CUDA: measure(gpu), cpu.provider: measure(cpu)}
    g, c = timings[CUDA], timings[cpu.provider]
    if g < c:
        return ProviderChoice(gpu, f"GPU: a step takes {g:.2f} ms there and {c:.2f} ms on the CPU", timings,
                              "gpu_faster")
    return ProviderChoice(cpu, f"CPU: a step takes {c:.2f} ms there and {g:.2f} ms on the GPU", timings, "cpu_faster")
