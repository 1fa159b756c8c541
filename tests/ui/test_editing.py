"""Drive the real piano roll offscreen with mouse and keys; check the document and the undo stack."""

from PySide6.QtCore import Qt

from composer_app.core.melody import Melody
from tests.ui.mouse import click, drag

ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def at(window, tick, pitch, dx=0.0):
    t = window.roll.state.transform
    return (t.x(tick) + dx, t.y(pitch) + t.row_height / 2)


def setup_view(window):
    t = window.roll.state.transform
    t.pixels_per_tick, t.row_height, t.scroll_tick, t.top_pitch = 0.2, 12, 0, 84
    window.roll.state.set_grid("1/16")


def test_draw_notes_with_the_mouse(window):
    setup_view(window)
    window.actions["tool_draw"].trigger()
    canvas = window.roll.canvas
    drag(canvas, at(window, 130, 72), at(window, 590, 72))  # starts inside the 2nd 16th; the end snaps to 600
    click(canvas, at(window, 1000, 76))
    assert window.melody.contents() == [(120, 480, 72, 90), (960, 120, 76, 90)]
    assert window.undo.count() == 2 and window.isWindowModified()


def test_move_and_resize_snap_and_alt_turns_snap_off(window):
    setup_view(window)
    window.melody.add(480, 240, 60, 80)
    canvas = window.roll.canvas
    window.actions["tool_select"].trigger()
    drag(canvas, at(window, 500, 60), at(window, 500 + 130, 62))  # +130 ticks -> one 16th, +2 semitones
    (n,) = window.melody.notes
    assert (n.tick, n.pitch) == (600, 62)
    drag(canvas, at(window, 620, 62), at(window, 620 + 50, 62), modifiers=ALT)
    (n,) = window.melody.notes
    assert n.tick == 650  # unsnapped
    t = window.roll.state.transform
    right_edge = (t.x(n.end) - 2, t.y(62) + 6)
    drag(canvas, right_edge, (right_edge[0] + 250 * t.pixels_per_tick, right_edge[1]))
    (n,) = window.melody.notes
    assert n.end % 120 == 0 and n.duration > 240
    assert window.undo.count() == 3  # one entry per drag


def test_undo_redo_restore_the_exact_document(window):
    setup_view(window)
    m = window.melody
    for i in range(6):
        m.add(i * 240, 240, 60 + i, 70 + i)
    window.undo.setClean()
    original = [(n.id, *n.content()) for n in m]
    window.roll.state.set_selection({n.id for n in m.notes[:3]})
    window.actions["transpose_up"].trigger()
    window.actions["octave_down"].trigger()
    window.actions["delete"].trigger()
    window.actions["select_all"].trigger()
    window.actions["quantize"].trigger()
    edited = [(n.id, *n.content()) for n in m]
    assert edited != original
    while window.undo.canUndo():
        window.undo.undo()
    assert [(n.id, *n.content()) for n in m] == original
    while window.undo.canRedo():
        window.undo.redo()
    assert [(n.id, *n.content()) for n in m] == edited


def test_select_with_rubber_band_and_transpose(window):
    setup_view(window)
    m = window.melody
    for i in range(4):
        m.add(i * 480, 240, 64, 80)
    window.actions["tool_select"].trigger()
    drag(window.roll.canvas, at(window, 400, 67), at(window, 1400, 62))  # covers notes 2 and 3 (ticks 480, 960)
    assert sorted(m.get(i).tick for i in window.roll.state.selection) == [480, 960]
    click(window.roll.canvas, at(window, 1450, 64, dx=10), modifiers=SHIFT)  # shift-click adds the 4th
    assert len(window.roll.state.selection) == 3
    window.actions["transpose_up"].trigger()
    assert [n.pitch for n in sorted(m, key=lambda n: n.tick)] == [64, 65, 65, 65]
    window.actions["octave_up"].trigger()
    assert [n.pitch for n in sorted(m, key=lambda n: n.tick)] == [64, 77, 77, 77]


def test_arrow_keys_move_and_shift_arrows_resize(window, qtbot):
    setup_view(window)
    n = window.melody.add(480, 240, 60, 80)
    window.roll.state.set_selection({n.id})
    window.roll.canvas.setFocus()
    qtbot.keyClick(window.roll.canvas, Qt.Key.Key_Right)
    qtbot.keyClick(window.roll.canvas, Qt.Key.Key_Up)
    qtbot.keyClick(window.roll.canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert window.melody.get(n.id).content() == (600, 360, 61, 80)


def test_copy_paste_duplicate_and_erase(window):
    setup_view(window)
    m = window.melody
    a = m.add(0, 240, 60, 80)
    m.add(240, 240, 62, 80)
    window.roll.state.set_selection({a.id})
    window.actions["copy"].trigger()
    window.roll.state.set_playhead(1920)
    window.actions["paste"].trigger()
    assert (1920, 240, 60, 80) in m.contents()
    window.actions["duplicate"].trigger()
    assert (2160, 240, 60, 80) in m.contents()
    window.actions["tool_erase"].trigger()
    drag(window.roll.canvas, at(window, 10, 60), at(window, 250, 62))
    assert len(m) == 2 and window.undo.count() == 3


def test_velocity_lane_drag_is_one_undo_entry(window):
    setup_view(window)
    n = window.melody.add(0, 480, 60, 80)
    lane = window.roll.velocity
    t = window.roll.state.transform
    drag(lane, (t.x(0) + 1, lane.height() - 2), (t.x(0) + 1, 2))
    assert window.melody.get(n.id).velocity > 115
    assert window.undo.count() == 1
    window.undo.undo()
    assert window.melody.get(n.id).velocity == 80


def test_keyboard_click_plays_a_pitch_until_released(window, qtbot):
    setup_view(window)
    y = window.roll.state.transform.y(60) + 5
    with qtbot.waitSignal(window.roll.state.key_down) as down, qtbot.waitSignal(window.roll.state.key_up) as up:
        click(window.roll.keyboard, (10, y))
    assert down.args[0] == 60 and up.args == [60]
    soft = down.args[1]
    with qtbot.waitSignal(window.roll.state.key_down) as down:
        click(window.roll.keyboard, (50, y))
    assert down.args[1] > soft  # nearer the key's tip plays louder


def test_ruler_click_moves_playhead_and_drag_sets_loop(window):
    setup_view(window)
    t = window.roll.state.transform
    click(window.roll.ruler, (t.x(1920), 10))
    assert window.roll.state.playhead == 1920
    drag(window.roll.ruler, (t.x(0), 10), (t.x(3840), 10))
    assert window.roll.state.loop == (0, 3840)


def test_title_shows_unsaved_marker(window):
    window.set_document(Melody(), None)
    assert "Untitled" in window.windowTitle() and not window.isWindowModified()
    window.melody.add(0, 10, 60)
    window.session.do(window.session.add_notes([(0, 120, 62, 80)], "x", select=False))
    assert window.isWindowModified()
