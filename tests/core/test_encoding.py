import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from composer_app.core.encoding import ENCODING_VERSION, MelodyEncoding, monophonic_grid_notes
from composer_app.core.errors import EncodingError

ENC = MelodyEncoding()


def test_vocabulary_layout():
    assert ENC.vocab_size == 2 + 16 + 16 + 61 * 16
    assert ENC.note_token(36, 1) == ENC.note_base and ENC.note_token(96, 16) == ENC.vocab_size - 1
    assert ENC.token_pitch()[ENC.note_token(60, 4)] == 60
    assert ENC.token_duration()[ENC.note_token(60, 4)] == 4
    assert ENC.token_duration()[ENC.rest_token(3)] == 3


def test_encode_with_rest_hold_and_positions():
    # 4/4: a quarter C4 at the pickup position 12, then after a bar's rest, a note 20 sixteenths long
    notes = [(12 * 120, 480, 60), (32 * 120, 20 * 120, 64)]
    enc = ENC.encode_notes(notes, bar_ticks=1920)
    assert enc.tokens.tolist() == [1, ENC.note_token(60, 4), ENC.rest_token(16), ENC.note_token(64, 16), ENC.hold_token(4)]
    assert enc.positions.tolist() == [12, 0, 0, 0, 4]
    assert enc.meters.tolist() == [16] * 5
    assert enc.note_tokens.tolist() == [1, 3]
    assert ENC.decode(enc.tokens, start_tick=12 * 120) == notes


def test_out_of_range_pitches_move_by_octaves():
    enc = ENC.encode_notes([(0, 120, 20), (120, 120, 110)], 1920)
    pitches = [n[2] for n in ENC.decode(enc.tokens)]
    assert pitches == [44, 86] and all(36 <= p <= 96 for p in pitches)


def test_off_grid_and_overlap_are_refused():
    with pytest.raises(EncodingError, match="grid"):
        ENC.encode_notes([(0, 100, 60)], 1920)
    with pytest.raises(EncodingError, match="overlap"):
        ENC.encode_notes([(0, 480, 60), (240, 240, 62)], 1920)


def test_constructor_validates():
    with pytest.raises(EncodingError):
        MelodyEncoding(low=90, high=40)
    with pytest.raises(EncodingError):
        MelodyEncoding(steps_per_quarter=3)


def test_card_round_trip_and_version_check():
    card = ENC.card()
    assert MelodyEncoding.from_card(card).vocab_size == ENC.vocab_size
    with pytest.raises(EncodingError, match="version"):
        MelodyEncoding.from_card({**card, "version": ENCODING_VERSION + 1})


@st.composite
def grid_melodies(draw):
    n = draw(st.integers(1, 30))
    t = draw(st.integers(0, 15))
    notes = []
    for _ in range(n):
        t += draw(st.integers(0, 40))
        d = draw(st.integers(1, 40))
        notes.append((t * 120, d * 120, draw(st.integers(36, 96))))
        t += d
    return notes


@settings(max_examples=300, deadline=None)
@given(grid_melodies(), st.sampled_from([1920, 1440, 960, 720]))
def test_exact_round_trip_on_the_grid(notes, bar):
    enc = ENC.encode_notes(notes, bar)
    assert ENC.decode(enc.tokens, start_tick=notes[0][0]) == notes
    assert len(enc.note_tokens) == len(notes)
    assert np.all(enc.positions < 64)


def test_monophonic_grid_notes():
    out = monophonic_grid_notes([(5, 230, 60), (0, 480, 55), (250, 100, 62)])
    assert out == [(0, 240, 60), (240, 120, 62)]


def test_extend_with_rest_and_ends_sounding():
    enc = ENC.encode_notes([(0, 480, 60)], 1920)
    longer = ENC.extend_with_rest(enc, 4, 4 + 16 + 3)
    assert ENC.decode(longer.tokens) == [(0, 480, 60)]
    assert list(longer.positions[-2:]) == [(4 + 16) % 16, (4 + 19) % 16]
    assert ENC.ends_sounding(enc.tokens[-1]) and not ENC.ends_sounding(longer.tokens[-1])
    assert ENC.ends_sounding(ENC.hold_token(2)) and not ENC.ends_sounding(ENC.START)
