"""Fill and Regenerate in the window: the span from the ruler or the selection, variations that fit it,
audition in place, accept as one undo step, again in the same span."""

from __future__ import annotations

from composer_app.core.melody import Melody


def phrase(bars: int = 4) -> Melody:
    pitches = (60, 62, 64, 65, 67, 65, 64, 62)
    return Melody.from_notes([(i * 240, 240, pitches[i % 8], 90) for i in range(8 * bars)], name="phrase")


def test_fill_the_range_dragged_on_the_ruler(window, qtbot):
    window.set_document(phrase(), None)
    before = window.melody.contents()
    window.session.set_loop((1920, 3840))  # bar 2, as a drag on the ruler sets it
    window.panel.variations.setValue(3)
    window.actions["fill"].trigger()
    qtbot.waitUntil(lambda: window.worker is None and len(window.session.variations) == 3, timeout=20000)
    assert window.session.variations.span == (1920, 3840)
    for v in window.session.variations.items:
        assert all(1920 <= n.tick and n.end <= 3840 for n in v)
    qtbot.waitUntil(lambda: window.player.playing, timeout=3000)
    assert window.player.start_tick == 0 and window.player.end_tick == 5760  # a bar before into the bar after
    chosen = [(n.tick, n.duration, n.pitch) for n in window.session.variations.current]
    window.actions["accept_variation"].trigger()
    assert window.undo.count() == 1
    outside = [c for c in window.melody.contents() if c[0] < 1920 or c[0] >= 3840]
    assert outside == [c for c in before if c[0] < 1920 or c[0] >= 3840]
    inside = [c[:3] for c in window.melody.contents() if 1920 <= c[0] < 3840]
    assert inside == chosen
    window.undo.undo()
    assert window.melody.contents() == before and len(window.session.variations) == 3
    window.actions["again"].trigger()
    qtbot.waitUntil(lambda: window.worker is None and window.generation.last_options.seed is None, timeout=20000)
    assert window.session.variations.span == (1920, 3840)


def test_regenerate_the_selected_notes_in_the_time_they_take(window, qtbot):
    window.set_document(phrase(), None)
    ids = [n.id for n in window.melody if 960 <= n.tick < 1920]
    window.session.select(ids)
    window.actions["regenerate"].trigger()
    qtbot.waitUntil(lambda: window.worker is None and len(window.session.variations) > 0, timeout=20000)
    assert window.session.variations.span == (960, 1920)


def test_fill_without_a_span_or_with_a_bad_one_says_why(window, qtbot):
    window.set_document(phrase(), None)
    window.session.set_loop(None)
    window.session.select([])
    assert not window.generation.fill()
    assert "Drag on the ruler" in window.statusBar().currentMessage()
    window.session.set_loop((20 * 1920, 21 * 1920))
    assert not window.generation.fill()
    assert "after the melody ends" in window.statusBar().currentMessage()
    window.set_document(Melody(), None)
    window.session.set_loop((0, 1920))
    assert not window.generation.fill()
    assert "no melody to fill" in window.statusBar().currentMessage()


def test_write_an_intro_before_the_first_note(window, qtbot):
    window.set_document(phrase(2), None)
    original = window.melody.contents()
    assert window.generation.intro(2)
    qtbot.waitUntil(lambda: window.worker is None and len(window.session.variations) > 0, timeout=20000)
    assert window.session.variations.span == (0, 2 * 1920)
    assert [c[0] - 2 * 1920 for c in window.melody.contents()] == [c[0] for c in original]
    window.actions["discard_variations"].trigger()  # the room made for it goes too: nothing changed
    assert window.melody.contents() == original and not window.undo.canUndo()
    assert window.generation.intro(1)
    qtbot.waitUntil(lambda: window.worker is None and len(window.session.variations) > 0, timeout=20000)
    intro = [(n.tick, n.pitch) for n in window.session.variations.current]
    window.actions["accept_variation"].trigger()
    assert [(n.tick, n.pitch) for n in window.melody if n.tick < 1920] == intro
    assert [c[0] - 1920 for c in window.melody.contents() if c[0] >= 1920] == [c[0] for c in original]
    window.undo.undo()
    window.undo.undo()
    assert window.melody.contents() == original
