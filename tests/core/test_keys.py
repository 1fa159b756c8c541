import pytest

from composer_app.core.keys import Key, detect_key
from composer_app.core.melody import Melody


def _scale(tonic: int, steps, weights=None):
    notes = []
    for i, s in enumerate(steps):
        dur = (weights or {}).get(s, 240)
        notes.append((i * 480, dur, 60 + tonic + s, 80))
    return Melody.from_notes(notes)


@pytest.mark.parametrize("tonic, name", [(0, "C"), (2, "D"), (7, "G"), (5, "F"), (10, "Bb")])
def test_major_scales_with_tonic_weight(tonic, name):
    m = _scale(tonic, [0, 2, 4, 5, 7, 9, 11, 12, 7, 4, 0], {0: 960, 7: 720, 4: 480})
    est = detect_key(m)
    assert est.key.name == name and est.key.mode == "major"
    assert 0.5 < est.confidence <= 1.0


def test_harmonic_minor_melody_is_minor():
    m = _scale(9, [0, 2, 3, 5, 7, 8, 11, 12, 7, 3, 0], {0: 960, 3: 720, 7: 720})
    est = detect_key(m)
    assert est.key == Key(9, "minor") and est.key.name == "Am"


def test_no_notes_no_key():
    assert detect_key(Melody()) is None


def test_parse_key_names():
    assert Key.parse("C") == Key(0)
    assert Key.parse("F#") == Key(6)
    assert Key.parse("Bb") == Key(10)
    assert Key.parse("Am") == Key(9, "minor")
    assert Key.parse("c# minor") == Key(1, "minor")
    with pytest.raises(ValueError):
        Key.parse("H")


def test_scale_membership():
    assert Key(0).contains(64) and not Key(0).contains(61)
    assert Key(9, "minor").contains(68)  # raised seventh G#


def test_a_chromatic_run_has_no_key_and_no_warning():
    import warnings

    from composer_app.core.keys import detect_key
    from composer_app.core.melody import Melody

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        estimate = detect_key(Melody.from_notes([(i * 240, 240, 60 + i, 80) for i in range(24)]))
    assert estimate is not None and estimate.confidence == 0.0
