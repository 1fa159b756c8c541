"""The draw: one token per row, as often as its share of the nucleus says, never one that is not allowed."""

from __future__ import annotations

import numpy as np
import pytest

from composer_app.engine.generate import NUCLEUS_CAP, _draw


def reference(logits: np.ndarray, allowed: np.ndarray, inv_temp: float, top_p: float) -> np.ndarray:
    """The nucleus distribution of one row, written plainly (float64, a full sort)."""
    z = logits.astype(np.float64) * inv_temp + allowed
    p = np.exp(z - z.max())
    p /= p.sum()
    if top_p < 1.0:
        order = np.argsort(-p, kind="stable")[:NUCLEUS_CAP]
        cum = np.cumsum(p[order])
        cut = min(int((cum < top_p).sum()), NUCLEUS_CAP - 1)
        keep = np.zeros_like(p, dtype=bool)
        keep[order] = p[order] >= p[order[cut]]
        p = np.where(keep, p, 0.0)
        p /= p.sum()
    return p


@pytest.mark.parametrize("top_p", [1.0, 0.9, 0.5])
def test_draws_follow_the_nucleus_distribution(top_p):
    rng = np.random.default_rng(7)
    k, v = 3, 300
    logits = (rng.standard_normal((k, v)) * 2.5).astype(np.float32)
    allowed = np.where(rng.random((k, v)) < 0.6, rng.standard_normal((k, v)) * 0.3, -np.inf).astype(np.float32)
    counts = np.zeros((k, v))
    n = 20_000
    for _ in range(n):
        counts[np.arange(k), _draw(logits, allowed, np.float32(0.8), top_p, rng)] += 1
    for row in range(k):
        expected = reference(logits[row], allowed[row], 0.8, top_p)
        assert counts[row][expected == 0].sum() == 0  # nothing outside the mask or the nucleus
        tv = 0.5 * np.abs(counts[row] / n - expected).sum()
        assert tv < 0.03, (row, tv)  # sampling noise at n=20k is ~0.01; a wrong cut or off-by-one gives more


def test_a_single_allowed_token_is_always_drawn():
    rng = np.random.default_rng(0)
    logits = rng.standard_normal((4, 500)).astype(np.float32) * 10
    allowed = np.full((4, 500), -np.inf, np.float32)
    only = [3, 499, 0, 250]
    allowed[np.arange(4), only] = 0.0
    for top_p in (1.0, 0.95):
        assert _draw(logits, allowed, np.float32(1.0), top_p, rng) == only
