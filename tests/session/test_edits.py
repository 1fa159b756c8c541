"""Every named operation on the document, without Qt: one Change each, applied and undone exactly."""

import pytest

from composer_app.core.melody import Melody
from composer_app.core.project import Project
from composer_app.core.timing import TempoChange
from composer_app.session.session import Session


def session_with(*rows) -> Session:
    return Session(Melody.from_notes(rows or [(0, 480, 60, 80), (480, 240, 62, 90), (960, 480, 64, 100)]))


def roundtrip(s: Session, change) -> None:
    """Do, undo, redo: the document after undo is what it was, after redo what it became."""
    before = (s.melody.contents(), s.melody.header())
    assert s.do(change)
    after = (s.melody.contents(), s.melody.header())
    assert after != before
    s.history.undo()
    assert (s.melody.contents(), s.melody.header()) == before
    s.history.redo()
    assert (s.melody.contents(), s.melody.header()) == after


def test_add_selects_the_new_notes_and_undo_removes_them():
    s = session_with()
    change = s.add_notes([(1440, 240, 67, 70), (1680, 240, 69, 70)], "Draw note")
    roundtrip(s, change)
    assert len(s.melody) == 5 and s.selection == {n.id for n in change.after}


def test_delete_move_resize_velocity_transpose_quantize():
    s = session_with()
    ids = [n.id for n in s.melody]
    roundtrip(s, s.delete_notes(ids[:1]))
    roundtrip(s, s.move_notes(ids[1:], 120, 2))
    roundtrip(s, s.resize_notes(ids[1:], 60))
    roundtrip(s, s.set_velocities({ids[1]: 30, 999: 40}))
    roundtrip(s, s.transpose_notes(ids[1:], -12))
    s2 = session_with((7, 100, 60, 80), (250, 200, 62, 80))
    roundtrip(s2, s2.quantize_notes(None, "1/8"))
    assert [(n.tick, n.duration) for n in s2.melody] == [(0, 240), (240, 240)]


def test_move_stops_the_earliest_note_at_zero_and_keeps_the_shape():
    s = session_with((240, 120, 60, 80), (480, 120, 62, 80))
    ids = [n.id for n in s.melody]
    assert s.allowed_shift(ids, -1000) == -240
    s.do(s.move_notes(ids, -1000))
    assert [n.tick for n in s.melody] == [0, 240]


def test_nothing_to_change_gives_no_change():
    s = session_with()
    assert s.move_notes([], 120) is None
    assert s.move_notes([n.id for n in s.melody][:1], 0, 0) is None
    assert s.set_tempo(s.melody.bpm) is None
    assert s.delete_notes([12345]) is None
    assert s.do(None) is False and not s.history.done


def test_paste_and_duplicate_place_copies_and_select_them():
    s = session_with()
    ids = [n.id for n in s.melody]
    roundtrip(s, s.paste_notes([(0, 120, 72, 80), (120, 120, 74, 80)], 3840))
    assert sorted(s.melody.get(i).tick for i in s.selection) == [3840, 3960]
    dup = s.duplicate_notes(ids[:2], 480)  # 0..720 rounded up to a quarter: copies at +960
    s.do(dup)
    assert sorted((n.tick, n.pitch) for n in dup.after) == [(960, 60), (1440, 62)]


def test_tempo_and_time_signature_merge_into_one_undo_step():
    s = session_with()
    s.melody.set_meter(tempos=[TempoChange(0, 500_000), TempoChange(1920, 400_000)])
    s.do(s.set_tempo(90, "Tempo 9"))
    s.do(s.set_tempo(96, "Tempo 96"))
    assert len(s.history.done) == 1 and round(s.melody.bpm) == 96
    # later changes keep their place and their ratio to the first tempo (150 BPM at 120 -> 120 at 96)
    assert s.melody.tempos[1].tick == 1920 and round(s.melody.tempos[1].bpm) == 120
    s.do(s.set_time_signature(3, 4))
    assert str(s.melody.time_signature) == "3/4"
    s.history.undo()
    assert round(s.melody.bpm) == 120 and str(s.melody.time_signature) == "4/4"


def test_a_note_edit_between_tempo_changes_keeps_them_apart():
    s = session_with()
    s.do(s.set_tempo(90))
    s.do(s.add_notes([(4000, 120, 60, 80)]))
    s.do(s.set_tempo(100))
    assert len(s.history.done) == 3


def test_restore_replaces_notes_header_and_whereabouts_in_one_step(tmp_path):
    s = session_with()
    s.path = tmp_path / "open.composer"
    recovered = Melody.from_notes([(0, 960, 70, 60)], tempos=[TempoChange(0, 600_000)], key_signature="Am",
                                  name="tune")
    project = Project(recovered, accepted=[{"name": "Variation 2", "note_ids": [1]}],
                      generation={"bars": 6}, document={"title": "tune.composer", "path": str(tmp_path / "tune.composer")})
    before = (s.melody.contents(), s.melody.header())
    s.open_project(project, restore=True)
    assert s.melody.contents() == recovered.contents() and s.melody.key_signature == "Am"
    assert s.path == tmp_path / "tune.composer" and s.accepted == project.accepted
    assert s.settings == {"bars": 6} and len(s.history.done) == 1
    s.history.undo()
    assert (s.melody.contents(), s.melody.header()) == before and s.path == tmp_path / "open.composer"
    assert s.accepted == []


def test_restore_of_imported_work_remembers_where_it_came_from(tmp_path):
    s = Session()
    project = Project(Melody.from_notes([(0, 480, 60, 80)]), document={"title": "a.mid", "path": str(tmp_path / "a.mid")})
    s.open_project(project, restore=True)
    assert s.path is None and s.imported_from == tmp_path / "a.mid"


def test_open_starts_a_fresh_history():
    s = session_with()
    s.do(s.add_notes([(4000, 120, 60, 80)]))
    s.open_project(Project(Melody.from_notes([(0, 480, 60, 80)]), accepted=[{"name": "x", "note_ids": []}]))
    assert not s.history.done and s.accepted == [{"name": "x", "note_ids": []}]


def test_unknown_recording_mode_is_refused():
    with pytest.raises(ValueError):
        session_with().merge_take([(0, 120, 60, 80)], "punch", 0)


def test_the_selection_as_a_melody_keeps_the_document_header():
    s = session_with()
    s.melody.set_meter(tempos=[TempoChange(0, 600_000)])
    assert s.selection_melody() is None
    s.select([n.id for n in s.melody][1:])
    sel = s.selection_melody()
    assert [n.pitch for n in sel] == [62, 64] and sel.tempos == s.melody.tempos and sel.name == "Selection"


def test_setting_chords_is_one_undo_step_and_overlaps_change_nothing():
    from composer_app.core.chords import ChordError, ChordEvent, parse_chord, parse_progression

    s = session_with()
    roundtrip(s, s.set_chords(parse_progression("C G", 1920)))
    assert [c.symbol() for c in s.melody.chords] == ["C", "G"]
    before = s.melody.header()
    with pytest.raises(ChordError, match="overlap"):
        s.set_chords([ChordEvent(0, 960, parse_chord("C")), ChordEvent(480, 960, parse_chord("F"))])
    assert s.melody.header() == before


def test_making_room_for_an_intro_moves_the_chords_too():
    from composer_app.core.chords import parse_progression

    s = session_with()
    s.do(s.set_chords(parse_progression("C G", 1920)))
    roundtrip(s, s.make_room(1920))
    assert [c.tick for c in s.melody.chords] == [1920, 3840]


def test_a_chord_put_in_an_empty_bar_lasts_to_the_next_chord_or_the_bar_end_and_replaces_one_in_place():
    from composer_app.core.chords import parse_chord, parse_progression

    s = session_with()
    s.do(s.set_chords(parse_progression("| C | % | G |", 1920)[1:]))  # bar 2 has C, bar 3 has G
    roundtrip(s, s.put_chord(480, parse_chord("Am")))
    assert [(c.tick, c.duration, c.symbol()) for c in s.melody.chords][:2] == [(480, 1440, "Am"), (1920, 1920, "C")]
    roundtrip(s, s.put_chord(2000, parse_chord("F")))  # inside the C: it becomes F over the same time
    assert [(c.tick, c.duration, c.symbol()) for c in s.melody.chords][1] == (1920, 1920, "F")
    roundtrip(s, s.put_chord(2000, None))
    assert [c.symbol() for c in s.melody.chords] == ["Am", "G"]


def test_moving_a_chord_onto_another_is_refused_and_resizing_is_one_step():
    from composer_app.core.chords import ChordError, parse_progression

    s = session_with()
    s.do(s.set_chords(parse_progression("C G", 1920)))
    before = s.melody.header()
    with pytest.raises(ChordError, match="already a chord"):
        s.move_chord(0, 960)
    assert s.melody.header() == before
    roundtrip(s, s.move_chord(0, 0, 960))
    roundtrip(s, s.move_chord(0, 480))
    assert [(c.tick, c.duration) for c in s.melody.chords] == [(480, 960), (1920, 1920)]
