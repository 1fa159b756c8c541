"""The session without Qt: every operation and its events (Qt is blocked in this module's imports check)."""

import pytest

from composer_app.core.melody import Melody
from composer_app.core.project import project_from_bytes
from composer_app.engine.bench import bench_seed_phrase
from composer_app.engine.generate import ContinueOptions
from composer_app.engine.model import bundled_model_path, load_model
from composer_app.session.session import Session


@pytest.fixture(scope="module")
def model():
    return load_model(bundled_model_path(), force_cpu=True)


def recorder(event):
    seen = []
    event.connect(lambda *args: seen.append(args))
    return seen


def test_continue_shows_variations_and_accept_replaces_the_bars_they_fill(model):
    s = Session(bench_seed_phrase())
    changed = recorder(s.variations.events.changed)
    s.select(n.id for n in s.melody if n.tick < 2 * 1920)
    start, end = s.selection_range()
    s.continue_melody(model, ContinueOptions(bars=2, variations=3, seed=1, region=(start, end), start_tick=end))
    assert len(s.variations) == 3 and s.variations.span == (2 * 1920, 4 * 1920) and len(changed) == 1
    s.variations.cycle(1)
    chosen = s.variations.current.contents()
    before = s.melody.contents()
    change = s.accept()
    s.apply(change)
    assert not s.variations and s.melody.is_monophonic()
    assert [n.content() for n in s.melody if 2 * 1920 <= n.tick < 4 * 1920] == chosen
    assert s.selection == {n.id for n in change.after} and s.accepted[-1]["note_ids"]
    s.revert(change)  # undo: the document as it was, the variations back, the same one chosen
    assert s.melody.contents() == before and len(s.variations) == 3 and s.variations.index == 1
    assert s.accepted == []


def test_failed_generation_reaches_the_callback_not_the_caller():
    s = Session(bench_seed_phrase())
    failures = []

    class Broken:
        encoding = None

    s.continue_melody(Broken(), ContinueOptions(bars=2), on_failed=failures.append)
    assert failures and not s.variations


def test_record_merge_overdub_and_replace():
    s = Session(Melody.from_notes([(0, 480, 60, 80), (480, 480, 62, 80), (1920, 480, 64, 80)]))
    take = [(480, 240, 70, 90), (720, 240, 71, 90)]
    overdub = s.merge_take(take, "overdub", 480)
    s.apply(overdub)
    assert len(s.melody) == 5
    s.revert(overdub)
    replace = s.merge_take(take, "replace", 480)
    s.apply(replace)
    assert [n.pitch for n in s.melody] == [60, 70, 71, 64]
    assert s.merge_take([], "replace", 0) is None
    with pytest.raises(ValueError):
        s.merge_take(take, "punch", 0)


def test_selection_playhead_loop_and_live_take_emit_events():
    s = Session(Melody.from_notes([(0, 480, 60, 80), (480, 480, 62, 80)]))
    sel, head, loop, live = (recorder(e) for e in (s.events.selection, s.events.playhead, s.events.loop,
                                                   s.events.live))
    ids = [n.id for n in s.melody]
    s.select([ids[0], 999])
    s.select([ids[0]])  # no change, no event
    s.move_playhead(960)
    s.set_loop((1920, 0))
    s.set_loop((5, 5))  # empty: no loop
    s.show_live([(0, 120, 60, 80)])
    assert s.selection == {ids[0]} and len(sel) == 1
    assert head == [(960,)] and loop == [((0, 1920),), (None,)] and live == [([(0, 120, 60, 80)],)]
    s.melody.remove([ids[0]])
    assert s.selection == set()


def test_project_snapshot_and_reopen_keep_everything(model):
    s = Session(bench_seed_phrase())
    s.settings = {"bars": 2, "style": "song"}
    s.continue_melody(model, ContinueOptions(bars=2, variations=2, seed=4))
    import json

    doc = json.dumps(s.project().to_json()).encode()
    other = Session()
    events = recorder(other.events.document)
    other.open_project(project_from_bytes(doc), None)
    assert other.melody == s.melody and [v.contents() for v in other.variations.items] == \
        [v.contents() for v in s.variations.items]
    assert other.variations.span == s.variations.span and other.settings == s.settings and len(events) == 1


def test_jam_answer_shows_one_variation_after_the_phrase(model):
    from composer_app.session.live import JamSettings

    s = Session()
    heard = []
    phrase = [(i * 240, 240, (60, 62, 64, 65, 67, 65, 64, 62)[i], 90) for i in range(8)]
    s.jam_answer(model, phrase, JamSettings(bars=2, tempo=100), on_done=lambda p, r: heard.append(r))
    assert len(s.variations) == 1 and heard and heard[0].start_tick == 1920
    assert s.variations.span == (1920, 1920 + 2 * 1920) and len(s.variations.current) > 0


def test_playback_range_from_playhead_loop_and_variation():
    s = Session(Melody.from_notes([(0, 480, 60, 80), (1920, 480, 62, 80)]))
    assert s.playback_range() == (0, 2400, False)
    s.move_playhead(2400)
    assert s.playback_range() == (0, 2400, False)  # past the end: from the start, not silence
    s.set_loop((480, 960))
    assert s.playback_range() == (480, 960, True)
    assert s.playback_range(start_at=700) == (700, 960, True)
    variation = Melody.from_notes([(3000, 240, 64, 80)])
    assert s.playback_range(variation, from_playhead=False) == (3000, 3240, False)
