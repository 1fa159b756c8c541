import pytest

from composer_app.core.melody import Melody, quantize_notes
from composer_app.core.note import Note
from composer_app.core.timing import GRIDS, TimeSignature, grid_ticks


def test_add_keeps_notes_sorted_and_ids_unique():
    m = Melody()
    c = m.add(960, 240, 60)
    a = m.add(0, 240, 64)
    b = m.add(480, 240, 62)
    assert [n.id for n in m] == [a.id, b.id, c.id]
    assert len({a.id, b.id, c.id}) == 3


def test_edits_clamp_values():
    m = Melody()
    n = m.add(-50, 0, 200, 300)
    assert (n.tick, n.duration, n.pitch, n.velocity) == (0, 1, 127, 127)
    (moved,) = m.move([n.id], dtick=-1000, dpitch=-500)
    assert (moved.tick, moved.pitch) == (0, 0)
    (v,) = m.set_velocity([n.id], 0)
    assert v.velocity == 1


def test_move_resize_transpose_by_id():
    m = Melody.from_notes([(0, 240, 60, 80), (240, 240, 62, 80)])
    first, second = m.notes
    m.move([first.id], dtick=480, dpitch=2)
    m.resize([second.id], ddur=120)
    m.transpose([first.id, second.id], 12)
    assert m.get(first.id).content() == (480, 240, 74, 80)
    assert m.get(second.id).content() == (240, 360, 74, 80)
    assert [n.id for n in m] == [second.id, first.id]


def test_range_queries_find_overlapping_notes():
    m = Melody.from_notes([(0, 1920, 48, 80)] + [(i * 120, 120, 60 + i % 12, 80) for i in range(100)])
    hits = m.notes_in_range(1000, 1100)
    assert {n.pitch for n in hits} >= {48}
    assert all(n.tick < 1100 and n.end > 1000 for n in hits)
    brute = [n for n in m if n.tick < 1100 and n.end > 1000]
    assert hits == brute


def test_select_range_by_time_and_pitch():
    m = Melody.from_notes([(0, 120, 60, 80), (120, 120, 72, 80), (240, 120, 65, 80), (960, 120, 61, 80)])
    ids = m.select_range(0, 480, low=61, high=70)
    assert [m.get(i).pitch for i in ids] == [65]


def test_remove_and_add_back_restore_the_document():
    m = Melody.from_notes([(0, 120, 60, 80), (120, 120, 62, 90)])
    before = m.copy()
    removed = m.remove([m.notes[0].id])
    assert len(m) == 1
    m.add_notes(removed)
    assert m == before and [n.id for n in m] == [n.id for n in before]


def test_listeners_are_notified():
    m = Melody()
    calls = []
    m.subscribe(lambda _: calls.append(1))
    m.add(0, 10, 60)
    m.move([m.notes[0].id], 10)
    assert len(calls) == 2


@pytest.mark.parametrize(
    "grid, tick, expected",
    [("1/16", 130, 120), ("1/16", 170, 120), ("1/16", 181, 240), ("1/8T", 150, 160), ("1/8T", 250, 320),
     ("1/16T", 70, 80), ("1/4", 700, 480), ("1/4", 730, 960)],
)
def test_quantize_onsets(grid, tick, expected):
    m = Melody.from_notes([(tick, 100, 60, 80)])
    m.quantize(grid=grid)
    assert m.notes[0].tick == expected
    assert m.notes[0].duration == grid_ticks(grid)


def test_quantize_partial_strength_moves_half_way():
    m = Melody.from_notes([(100, 120, 60, 80)])
    m.quantize(grid="1/16", durations=False, strength=0.5)
    assert m.notes[0].tick == 110


def test_triplet_grids_divide_the_beat_in_three():
    assert GRIDS["1/8T"] * 3 == 480 and GRIDS["1/16T"] * 6 == 480
    with pytest.raises(ValueError):
        grid_ticks("1/7")


def test_quantize_notes_function():
    out = quantize_notes([Note(1, 59, 50, 60)], "1/8")
    assert out[0].tick == 0 and out[0].duration == 240


def test_time_signature_bar_length():
    assert TimeSignature(3, 4).bar_ticks == 1440
    assert TimeSignature(6, 8).bar_ticks == 1440
    with pytest.raises(ValueError):
        TimeSignature(4, 3)


def test_equality_ignores_ids_but_not_music():
    a = Melody.from_notes([(0, 120, 60, 80)])
    b = Melody.from_notes([(0, 120, 60, 80)])
    b.remove([b.notes[0].id])
    b.add(0, 120, 60, 80)
    assert a == b
    b.transpose([b.notes[0].id], 1)
    assert a != b


def test_metronome_clicks_follow_the_bar_grid_and_count_in_a_bar():
    from composer_app.core.performance import clicks
    from composer_app.core.timing import TempoChange

    tempos = [TempoChange(0, 500_000)]  # 120 BPM: a beat is 0.5 s
    beats = clicks(tempos, 1920, 4, 480, 1920 * 2, count_in=True)
    counted = [c for c in beats if c.time < 0]
    assert [round(c.time, 3) for c in counted] == [-2.0, -1.5, -1.0, -0.5] and counted[0].accent
    on = [c for c in beats if c.time >= 0]
    assert [round(c.time, 3) for c in on] == [0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0]  # from beat 2 of bar 1
    assert [c.accent for c in on] == [False, False, False, True, False, False, False]
    assert clicks(tempos, 1920, 4, 0, 1920, count_in=False, metronome=False) == []
