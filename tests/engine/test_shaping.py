"""How continuations follow the seed: End on, note lengths, dynamics, style (pure parts, then with the model)."""

import numpy as np
import pytest

from composer_app.core.errors import ComposerError
from composer_app.core.keys import Key
from composer_app.core.melody import Melody
from composer_app.core.note import Note
from composer_app.engine.bench import bench_seed_phrase
from composer_app.engine.generate import ContinueOptions, continue_melody
from composer_app.engine.shaping import Dynamics, RhythmProfile, ending_pitch_classes, final_onset


def test_final_onset_is_the_last_bar_line_else_half_bar_else_start():
    assert final_onset(0, 128, 16) == 112
    assert final_onset(8, 136, 16) == 128  # a continuation that starts mid-bar
    assert final_onset(0, 16, 16) == 8  # one bar: the half bar
    assert final_onset(4, 12, 12) == 6  # the half bar of 3/4 in sixteenths
    assert final_onset(7, 12, 12) == 7  # nothing strong inside: the start


def test_ending_pitch_classes():
    assert ending_pitch_classes("free", Key(0), None) is None
    assert ending_pitch_classes("tonic", Key(7), None) == {7}
    assert ending_pitch_classes("chord", Key(9, "minor"), None) == {9, 0, 4}
    assert ending_pitch_classes("chord", Key(2), None) == {2, 6, 9}
    assert ending_pitch_classes("tonic", None, 65) == {5}


def test_rhythm_profile_prefers_the_seed_lengths():
    profile = RhythmProfile.of([2, 2, 2, 4], 16)
    assert profile.shortest == 2
    assert profile.bias[2] == 0.0 and profile.bias[4] < 0 and profile.bias[1] < profile.bias[4]
    assert RhythmProfile.of([2, 2], 16) is None


def _accented_seed() -> list[Note]:
    notes = []
    for bar in range(4):
        for k in range(8):
            tick = bar * 1920 + k * 240
            velocity = 110 if k == 0 else 85 if k % 2 == 0 else 60
            notes.append(Note(len(notes), tick, 240, 60 + (k % 5), velocity))
    return notes


def test_dynamics_follow_the_seed_accents_and_stay_in_its_span():
    d = Dynamics.of(_accented_seed(), 1920, 480)
    downbeat, beat, offbeat = (d.velocity(t, 62, 1920, 480) for t in (1920 * 5, 1920 * 5 + 480, 1920 * 5 + 240))
    assert downbeat > beat > offbeat
    assert 60 <= offbeat and downbeat <= 110
    flat = Dynamics.of([Note(i, i * 240, 240, 60, 90) for i in range(8)], 1920, 480)
    assert {flat.velocity(t, p, 1920, 480) for t in range(0, 3840, 120) for p in (50, 70)} == {90}


def test_style_and_end_on_are_validated():
    with pytest.raises(ComposerError, match="style"):
        ContinueOptions(style="jazz").validate()
    with pytest.raises(ComposerError, match="end on"):
        ContinueOptions(end_on="dominant").validate()


@pytest.mark.parametrize("end_on", ["tonic", "chord"])
def test_end_on_puts_the_last_note_on_the_last_bar_line_and_degree(model, end_on):
    seed = bench_seed_phrase()
    for run in range(5):
        for key in ("auto", None, "G"):
            r = continue_melody(model, seed, ContinueOptions(bars=4, variations=4, seed=run, key=key, end_on=end_on,
                                                             temperature=1.3))
            target = ending_pitch_classes(end_on, r.key or Key(0), None)
            for v in r.variations:
                last = v.notes[-1]
                assert last.tick == r.end_tick - 1920 and last.end == r.end_tick
                assert last.pitch % 12 in target


def test_notes_are_never_shorter_than_the_seeds_shortest(model):
    quarters = Melody.from_notes([(i * 480, 480, 60 + (0, 2, 4, 5, 7, 5, 4, 2)[i % 8], 80) for i in range(16)])
    r = continue_melody(model, quarters, ContinueOptions(bars=8, variations=8, seed=3, temperature=1.2))
    lengths = [n.duration for v in r.variations for n in v]
    assert lengths and min(lengths) >= 480
    off = continue_melody(model, quarters, ContinueOptions(bars=8, variations=8, seed=3, temperature=1.2,
                                                           follow_rhythm=False, density=1.0))
    assert min(n.duration for v in off.variations for n in v) < 480  # the rule is what keeps them long


def test_velocities_follow_the_seed_dynamics(model):
    seed = Melody.from_notes([(n.tick, n.duration, n.pitch, n.velocity) for n in _accented_seed()])
    r = continue_melody(model, seed, ContinueOptions(bars=4, variations=4, seed=1))
    velocities = np.array([n.velocity for v in r.variations for n in v])
    downbeats = np.array([n.velocity for v in r.variations for n in v if n.tick % 1920 == 0])
    assert velocities.min() >= 60 and velocities.max() <= 110
    assert len(set(velocities.tolist())) > 1
    assert downbeats.mean() > velocities.mean()


def test_style_changes_the_output_when_the_model_has_styles(model):
    if not model.styles:
        pytest.fail("the bundled model has no style input")
    seed = bench_seed_phrase()
    a = continue_melody(model, seed, ContinueOptions(bars=4, variations=4, seed=7, style="dance"))
    b = continue_melody(model, seed, ContinueOptions(bars=4, variations=4, seed=7, style="chorale"))
    assert [v.contents() for v in a.variations] != [v.contents() for v in b.variations]
