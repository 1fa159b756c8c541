from composer_app.ui.roll.transform import NoteTransform


def test_tick_x_round_trip_and_pitch_rows():
    t = NoteTransform(pixels_per_tick=0.1, row_height=10, scroll_tick=480, top_pitch=80)
    assert t.x(480) == 0 and t.tick(t.x(1234)) == 1234
    assert t.y(80) == 0 and t.pitch(0) == 80 and t.pitch(9.9) == 80 and t.pitch(10) == 79
    assert t.note_rect(480, 240, 79) == (0, 10, 24, 10)


def test_zoom_keeps_the_anchor():
    t = NoteTransform(pixels_per_tick=0.1, scroll_tick=1000)
    before = t.tick(300)
    t.zoom_x(2.0, 300)
    assert abs(t.tick(300) - before) < 1e-6 and t.pixels_per_tick == 0.2
    t.zoom_x(1000, 0)
    assert t.pixels_per_tick == NoteTransform.MAX_PPT


def test_visible_ranges():
    t = NoteTransform(pixels_per_tick=0.5, row_height=10, scroll_tick=0, top_pitch=100)
    assert t.visible_ticks(100) == (0, 201)
    low, high = t.visible_pitches(200)
    assert low <= 80 and high >= 100
