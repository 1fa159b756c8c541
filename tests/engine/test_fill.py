"""Filling a span: exact fit over many random spans and seeds, what a bad span says, the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from composer_app.core.melody import Melody
from composer_app.core.midifile import load_melody
from composer_app.engine.fill import SpanError, bars_span, check_span, fill_span, with_fill
from composer_app.engine.generate import ContinueOptions


def tune() -> Melody:
    rng = np.random.default_rng(0)
    notes, tick = [], 0
    while tick < 16 * 1920:
        d = int(rng.choice([120, 240, 240, 480, 720, 960]))
        if rng.random() < 0.1:
            tick += 240  # a rest
        notes.append((tick, d, int(rng.integers(55, 80)), 80))
        tick += d
    return Melody.from_notes(notes)


@pytest.fixture(scope="module")
def melody():
    return tune()


def test_a_fill_always_fits_its_span_exactly(model, melody):
    """Thousands of random spans (on the 16th grid, over notes and rests, tied notes at either edge) and seeds:
    nothing starts before the span or ends after it, nothing overlaps, notes and rests add up to the span,
    and the melody around it is as it was except for notes cut at the edges."""
    rng = np.random.default_rng(1)
    before = {(n.tick, n.duration, n.pitch) for n in melody}
    for trial in range(2000):
        start = int(rng.integers(0, melody.end_tick // 120 - 1)) * 120
        end = start + int(rng.integers(1, 64)) * 120
        r = fill_span(model, melody, start, end, ContinueOptions(variations=1, seed=trial,
                                                                  temperature=float(rng.uniform(0.3, 1.6))))
        (v,) = r.variations
        notes = sorted((n.tick, n.end) for n in v)
        assert all(start <= a < b <= end for a, b in notes), (start, end, notes)
        assert all(b <= c for (_, b), (c, _) in zip(notes, notes[1:])), "notes overlap"
        assert r.start_tick == start and r.end_tick == end
        if trial % 20 == 0:
            whole = {(n.tick, n.duration, n.pitch) for n in with_fill(melody, v, start, end)}
            untouched = {x for x in before if x[0] + x[1] <= start or x[0] >= end}
            cut = {(t, start - t, p) for t, d, p in before if t < start < t + d}
            assert untouched | cut <= whole


def test_a_note_tied_over_the_edges_is_cut_and_keeps_its_outer_parts():
    m = Melody.from_notes([(0, 1920 * 3, 60, 80)])  # one note over bars 1-3
    filled = with_fill(m, Melody.from_notes([(1920, 480, 67, 80)]), 1920, 3840)
    assert [(n.tick, n.duration, n.pitch) for n in filled] == [(0, 1920, 60), (1920, 480, 67), (3840, 1920, 60)]


@pytest.mark.parametrize("span, says", [
    ("5-3", "ends before it starts"), ("0-2", "counted from 1"), ("x", "not a span of bars"),
])
def test_bad_bar_spans_say_why(melody, span, says):
    with pytest.raises(SpanError, match=says):
        bars_span(melody, span)


@pytest.mark.parametrize("start, end, says", [
    (1920, 1920, "empty"), (40 * 1920, 41 * 1920, "after the melody ends"), (0, 33 * 1920, "at most 32 bars"),
])
def test_bad_spans_say_why(melody, start, end, says):
    with pytest.raises(SpanError, match=says):
        check_span(melody, start, end)
    with pytest.raises(SpanError, match="no melody"):
        check_span(Melody(), 0, 1920)


def test_fill_command_writes_the_whole_melody_once_per_variation(tmp_path, chopin_dir):
    out = tmp_path / "filled.mid"
    run = subprocess.run([sys.executable, "-m", "composer_app", "fill", str(chopin_dir / "chpn-p7_format0.mid"),
                          "--bars", "3-4", "--variations", "3", "--seed", "5", "-o", str(out), "--json"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    info = json.loads(run.stdout)
    original = load_melody(chopin_dir / "chpn-p7_format0.mid")
    bar = original.time_signature.bar_ticks
    assert (info["start_tick"], info["end_tick"]) == (2 * bar, 4 * bar) and len(info["variations"]) == 3
    from composer_app.core.midifile import read_midi

    song = read_midi(out)
    assert len(song.parts) == 3
    for k, part in enumerate(song.parts):
        m = song.melody(part.number)
        kept = [(n.tick, n.pitch) for n in m if n.end <= 2 * bar or n.tick >= 4 * bar]
        assert kept == [(n.tick, n.pitch) for n in original if n.end <= 2 * bar or n.tick >= 4 * bar]
        assert [(n["tick"], n["pitch"]) for n in info["variations"][k]] == \
            [(n.tick, n.pitch) for n in m if 2 * bar <= n.tick < 4 * bar]


@pytest.mark.parametrize("bars, says", [("5-3", "ends before it starts"), ("30-31", "after the melody ends"),
                                        ("1-40", "at most 32 bars")])
def test_fill_command_refuses_a_bad_span_with_exit_2(tmp_path, chopin_dir, bars, says):
    out = tmp_path / "x.mid"
    run = subprocess.run([sys.executable, "-m", "composer_app", "fill", str(chopin_dir / "chpn-p7_format0.mid"),
                          "--bars", bars, "-o", str(out)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and says in run.stderr and run.stderr.count("\n") == 1 and not out.exists()


def test_evaluate_reports_a_span_given_both_sides_next_to_the_left_only(tmp_path):
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2] / "models" / "test-melodies"
    files = sorted(folder.glob("*.mid"))[:40]
    for f in files:
        (tmp_path / f.name).write_bytes(f.read_bytes())
    run = subprocess.run([sys.executable, "-m", "composer_app", "evaluate", str(tmp_path), "--fill-bars", "2", "--json"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    r = json.loads(run.stdout)
    assert r["fill"]["spans"] > 10 and r["fill"]["notes"] > 50
    assert 1.0 < r["left_only_bits_per_note"] < 8.0
    if r["fill"]["model_can_fill"]:  # hearing what follows the span helps
        assert r["fill_bits_per_note"] < r["left_only_bits_per_note"]
    else:  # a model that cannot hear what follows scores the same both ways
        assert r["fill_bits_per_note"] == r["left_only_bits_per_note"]
    bad = subprocess.run([sys.executable, "-m", "composer_app", "evaluate", str(tmp_path), "--fill-bars", "0"],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "1 to 32 bars" in bad.stderr and bad.stderr.count("\n") == 1


def test_fill_command_refuses_a_span_that_reaches_a_change_of_metre(tmp_path):
    """A melody keeps one metre (the file's first); bars after a change are not the file's bars, so a span
    reaching one is refused in one line, and a span before it is filled."""
    import mido

    song = mido.MidiFile(ticks_per_beat=480)
    track = mido.MidiTrack()
    song.tracks.append(track)
    track.append(mido.MetaMessage("time_signature", numerator=4, denominator=4, time=0))
    for i in range(16):  # 4 bars of 4/4 in quarters
        track.append(mido.Message("note_on", note=60 + i % 8, velocity=80, time=0))
        track.append(mido.Message("note_off", note=60 + i % 8, velocity=0, time=480))
    track.append(mido.MetaMessage("time_signature", numerator=3, denominator=4, time=0))
    for i in range(12):  # 4 bars of 3/4
        track.append(mido.Message("note_on", note=67 - i % 5, velocity=80, time=0))
        track.append(mido.Message("note_off", note=67 - i % 5, velocity=0, time=480))
    path = tmp_path / "changes.mid"
    song.save(path)
    out = tmp_path / "out.mid"
    run = subprocess.run([sys.executable, "-m", "composer_app", "fill", str(path), "--bars", "3-5", "-o", str(out)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "changes metre to 3/4 in bar 5" in run.stderr
    assert run.stderr.count("\n") == 1 and not out.exists()
    run = subprocess.run([sys.executable, "-m", "composer_app", "fill", str(path), "--bars", "2-3", "-o", str(out)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and out.exists(), run.stderr


def test_an_intro_with_lead_in_sounds_up_to_the_first_note(model, chopin_dir):
    """Prelude 7 moved a bar later (as Write an Intro makes room): the bars before its beat-3 pickup filled with
    LeadIn end on a sounding note or hold every time; without it some variations end in a rest."""
    from composer_app.engine.constraints.lead_in import LeadIn

    prelude = load_melody(chopin_dir / "chpn-p7_format0.mid")
    bar = prelude.time_signature.bar_ticks
    moved = Melody.from_notes([(n.tick + bar, n.duration, n.pitch, n.velocity) for n in prelude],
                              time_signature=prelude.time_signature, key_signature=prelude.key_signature)
    pickup = next(iter(moved)).tick
    start = pickup // bar * bar - bar
    trailing = {True: 0, False: 0}
    for lead_in in (True, False):
        for seed in range(40):
            options = ContinueOptions(variations=4, seed=seed, temperature=1.3,
                                      constraints=(LeadIn(),) if lead_in else ())
            for v in fill_span(model, moved, start, pickup, options).variations:
                trailing[lead_in] += not v or max(n.end for n in v) < pickup
    assert trailing[True] == 0 and trailing[False] > 0, trailing
