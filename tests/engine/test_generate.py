import threading

import numpy as np
import pytest

from composer_app.core.errors import ComposerError
from composer_app.core.keys import Key
from composer_app.core.melody import Melody
from composer_app.core.midifile import load_melody
from composer_app.core.timing import TimeSignature
from composer_app.engine.bench import bench_seed_phrase
from composer_app.engine.generate import ContinueOptions, GenerationCancelled, continue_melody


def contents(result):
    return [v.contents() for v in result.variations]


def test_variations_fill_the_requested_bars(model):
    seed = bench_seed_phrase()
    r = continue_melody(model, seed, ContinueOptions(bars=4, variations=3, seed=1))
    assert len(r.variations) == 3 and r.start_tick == seed.end_tick
    assert r.end_tick == seed.end_tick + 4 * 1920
    for v in r.variations:
        assert len(v) > 0 and v.is_monophonic()
        assert all(r.start_tick <= n.tick and n.end <= r.end_tick for n in v)


def test_key_lock_keeps_every_pitch_in_the_scale(model):
    seed = bench_seed_phrase()
    for key in ("C", "Eb", "F#m"):
        r = continue_melody(model, seed, ContinueOptions(bars=8, variations=8, seed=5, key=key, temperature=1.5))
        scale = Key.parse(key).pitch_classes()
        assert r.key == Key.parse(key)
        assert all(n.pitch % 12 in scale for v in r.variations for n in v)


def test_auto_key_is_detected_from_the_seed(model):
    r = continue_melody(model, bench_seed_phrase(), ContinueOptions(bars=2, variations=1, seed=1))
    assert r.key == Key(0, "major")


def test_pitch_range_is_respected(model):
    r = continue_melody(model, bench_seed_phrase(), ContinueOptions(bars=8, variations=8, seed=2, low=62, high=70,
                                                                    key=None, temperature=1.5))
    pitches = [n.pitch for v in r.variations for n in v]
    assert pitches and min(pitches) >= 62 and max(pitches) <= 70


def test_same_seed_same_notes_other_seed_other_notes(model):
    seed = bench_seed_phrase()
    a = continue_melody(model, seed, ContinueOptions(bars=4, variations=4, seed=42))
    b = continue_melody(model, seed, ContinueOptions(bars=4, variations=4, seed=42))
    c = continue_melody(model, seed, ContinueOptions(bars=4, variations=4, seed=43))
    assert contents(a) == contents(b)
    assert contents(a) != contents(c)


def test_cancellation_stops_within_one_step(model):
    cancel = threading.Event()
    calls = []
    original = model.run

    def counting_run(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    model.run = counting_run
    try:
        def progress(_fraction):
            if len(calls) == 3:
                cancel.set()

        with pytest.raises(GenerationCancelled):
            continue_melody(model, bench_seed_phrase(), ContinueOptions(bars=16, variations=2, seed=1),
                            progress=progress, cancel=cancel)
    finally:
        del model.run
    assert len(calls) == 4  # the step in flight when cancel was set, then nothing more


def test_progress_reaches_one(model):
    seen = []
    continue_melody(model, bench_seed_phrase(), ContinueOptions(bars=2, variations=2, seed=1), progress=seen.append)
    assert seen[-1] == 1.0 and all(a <= b for a, b in zip(seen, seen[1:]))


def test_empty_seed_still_generates(model):
    r = continue_melody(model, Melody(), ContinueOptions(bars=2, variations=2, seed=3))
    assert r.start_tick == 0 and all(len(v) > 0 for v in r.variations) and r.key is None


def test_long_seed_keeps_only_the_last_bars(model, chopin_dir):
    seed = load_melody(chopin_dir / "chpn_op53_format0.mid")
    assert seed.bars() > 100
    r = continue_melody(model, seed, ContinueOptions(bars=2, variations=2, seed=1, max_context_bars=16))
    assert 0 < r.seed_notes < len(seed) / 4
    assert r.start_tick >= seed.end_tick - 120


def test_continue_from_a_region_and_a_later_start(model):
    seed = bench_seed_phrase()
    r = continue_melody(model, seed, ContinueOptions(bars=1, variations=2, seed=1, region=(0, 4 * 1920),
                                                     start_tick=4 * 1920))
    assert r.start_tick == 4 * 1920 and r.seed_notes == len(seed.select_range(0, 4 * 1920))
    later = continue_melody(model, seed, ContinueOptions(bars=1, variations=2, seed=1, start_tick=seed.end_tick + 960))
    assert all(n.tick >= seed.end_tick + 960 for v in later.variations for n in v)


def test_three_four_time_uses_three_four_bars(model):
    seed = Melody.from_notes([(i * 480, 480, 67 + (i % 3), 80) for i in range(12)], time_signature=TimeSignature(3, 4))
    r = continue_melody(model, seed, ContinueOptions(bars=2, variations=1, seed=1))
    assert r.end_tick - r.start_tick == 2 * 1440


@pytest.mark.parametrize("field, value", [("bars", 0), ("bars", 33), ("variations", 9), ("temperature", 0),
                                          ("top_p", 0), ("density", 2)])
def test_out_of_range_options_are_clear_errors(model, field, value):
    options = ContinueOptions(**{field: value})
    with pytest.raises(ComposerError, match=field.replace("_", "-") if field != "top_p" else "top-p"):
        continue_melody(model, bench_seed_phrase(), options)


def test_density_changes_the_number_of_notes(model):
    seed = bench_seed_phrase()
    busy = continue_melody(model, seed, ContinueOptions(bars=8, variations=8, seed=1, density=1.0))
    sparse = continue_melody(model, seed, ContinueOptions(bars=8, variations=8, seed=1, density=-1.0))
    assert np.mean([len(v) for v in busy.variations]) > 1.3 * np.mean([len(v) for v in sparse.variations])
