"""Provider choice: measured when a GPU is usable, forced by Preferences otherwise.

No CUDA GPU runs here, so the GPU is a stand-in: the real model on the CPU, reported as the CUDA provider,
with a timing function that says what a GPU would measure. The CPU side is real and really timed."""

from __future__ import annotations

import pytest

from composer_app.engine import provider as prov
from composer_app.engine.model import bundled_model_path, load_model


def test_step_time_is_measured_for_real():
    model = load_model(bundled_model_path(), force_cpu=True)
    ms = prov.step_time_ms(model, batch=4, steps=10)
    assert 0.01 < ms < 200


@pytest.fixture
def stand_in_gpu(monkeypatch):
    monkeypatch.setattr(prov, "cuda_usable", lambda: True)

    def load(path=None, force_cpu=False):
        model = load_model(path, force_cpu=True)
        if not force_cpu:
            model.provider = prov.CUDA  # a stand-in for a CUDA session (no GPU on this machine)
        return model

    return load


@pytest.mark.parametrize("gpu_ms, expect", [(0.05, prov.CUDA), (50.0, "CPUExecutionProvider")])
def test_auto_uses_the_faster_and_says_why(stand_in_gpu, gpu_ms, expect):
    def measure(model):
        return gpu_ms if model.provider == prov.CUDA else prov.step_time_ms(model, steps=10)

    choice = prov.choose_provider(None, "auto", measure=measure, load=stand_in_gpu)
    assert choice.model.provider == expect
    assert set(choice.timings_ms) == {prov.CUDA, "CPUExecutionProvider"}
    assert ("GPU: a step takes" if expect == prov.CUDA else "CPU: a step takes") in choice.reason
    assert f"{gpu_ms:.2f} ms" in choice.reason


def test_preferences_force_either(stand_in_gpu):
    never = lambda m: pytest.fail("no measurement when the choice is forced")  # noqa: E731
    assert prov.choose_provider(None, "gpu", measure=never, load=stand_in_gpu).model.provider == prov.CUDA
    cpu = prov.choose_provider(None, "cpu", measure=never, load=stand_in_gpu)
    assert cpu.model.provider == "CPUExecutionProvider" and cpu.reason == "CPU, as chosen in Preferences"


def test_without_a_gpu_the_cpu_is_used_and_the_reason_says_so(monkeypatch):
    monkeypatch.setattr(prov, "cuda_usable", lambda: False)
    choice = prov.choose_provider(None, "gpu")
    assert choice.model.provider == "CPUExecutionProvider"
    assert choice.reason == "CPU (GPU chosen in Preferences, but no usable CUDA GPU)"
