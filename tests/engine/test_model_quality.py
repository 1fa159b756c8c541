"""The bundled model against the n-gram baseline and the musical checks, on its held-out test split."""

from composer_app.engine.evaluate import evaluate
from composer_app.engine.model import REPO
from composer_app.engine.quality import check_continuations

TEST_SPLIT = REPO / "models" / "test-melodies"


def test_lstm_beats_the_ngram_baseline_on_the_test_split(model):
    r = evaluate(model, [TEST_SPLIT])
    assert r["melodies"] >= 150 and r["notes"] > 10_000
    assert r["bits_per_note"] <= 0.85 * r["baseline"]["bits_per_note"]
    assert r["pitch_bits_per_note"] < r["baseline"]["pitch_bits_per_note"]
    assert 1 <= r["baseline"]["order"] <= 4


TONAL = ("oneills1850", "ryansMammoth", "miscFolk")  # dance tunes and songs: major/minor keys throughout


def test_continuations_are_in_key_varied_and_not_loops(model):
    files = sorted(TEST_SPLIT.glob("*.mid"))
    report = check_continuations(model, files, seed_bars=4, bars=8, variations=4)
    assert report.continuations >= 4 * 350
    assert report.varied_rhythm_fraction == 1.0  # every 8-bar variation has more than one note length
    assert report.one_bar_loops == 0
    # in key without key lock, measured against the key detected in the 4-bar seed; for modal renaissance
    # voices and chromatic inner voices that estimate is no reference, so the bar is set on the tonal tunes
    tonal = check_continuations(model, [f for f in files if f.name.startswith(TONAL)], seed_bars=4, bars=8,
                                variations=4)
    assert tonal.continuations >= 4 * 100 and tonal.in_key_fraction >= 0.95
    assert report.in_key_fraction >= 0.9


def test_end_on_tonic_is_honoured_every_time(model):
    report = check_continuations(model, sorted(TEST_SPLIT.glob("*.mid"))[:60], seed_bars=4, bars=8, variations=4,
                                 end_on="tonic", seed=1000)
    assert report.continuations >= 4 * 55 and report.end_on_tonic_fraction == 1.0


def test_evaluate_cli_json_keys(capsys):
    import json

    from composer_app.cli import main

    files = sorted(TEST_SPLIT.glob("*.mid"))[:5]
    assert main(["evaluate", *map(str, files), "--json"]) == 0
    r = json.loads(capsys.readouterr().out)
    for key in ("bits_per_note", "pitch_bits_per_note", "melodies", "notes"):
        assert key in r and key in r["baseline"]
    assert "order" in r["baseline"] and r["melodies"] == 5
