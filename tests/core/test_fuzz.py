"""Mutated and truncated real MIDI files: only MidiImportError escapes, each within 1 s."""

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from composer_app.core.fuzz import check_one, mutate

SEED_FILES = ["chpn-p7_format0.mid", "chpn-p20_format0.mid", "chpn-p9_format0.mid", "chpn-p1_format0.mid"]


def test_mutations_raise_only_import_errors(chopin_dir):
    corpus = [(chopin_dir / name).read_bytes() for name in SEED_FILES]
    rng = random.Random(1234)
    slowest = 0.0
    for i in range(3000):
        data = mutate(corpus[i % len(corpus)], rng)
        slowest = max(slowest, check_one(data))
    assert slowest < 1.0


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.binary(max_size=300))
def test_arbitrary_bytes_after_a_header(tail):
    assert check_one(b"MThd\x00\x00\x00\x06\x00\x01\x00\x02\x01\xe0" + tail) < 1.0
    assert check_one(b"MThd\x00\x00\x00\x06\x00\x00\x00\x01\x00\x60MTrk" + tail) < 1.0
