"""Continuation over given chords: notes starting on a beat are chord tones (real model, real MIDI file)."""

import json
import subprocess
import sys

from composer_app.core.chords import chord_at, parse_progression
from composer_app.core.midifile import load_melody, read_midi


def _strong_beat_share(variations, chords, beat=480):
    on_beat = [(n["tick"], n["pitch"]) for v in variations for n in v if n["tick"] % beat == 0]
    fits = [chord_at(chords, t) is not None and p % 12 in chord_at(chords, t).chord.pitch_classes() for t, p in on_beat]
    return sum(fits) / len(fits), len(fits)


def test_continue_over_chords_puts_chord_tones_on_the_beats(tmp_path, chopin_dir):
    seed = chopin_dir / "chpn-p7_format0.mid"
    out = tmp_path / "over-chords.mid"
    args = [sys.executable, "-m", "composer_app", "continue", str(seed), "--bars", "4", "--variations", "4",
            "--seed", "3", "--json"]
    progression = "Am Dm G7 C"
    with_chords = subprocess.run(args + ["--chords", progression, "-o", str(out)], capture_output=True, text=True,
                                 timeout=120)
    assert with_chords.returncode == 0, with_chords.stderr
    free = subprocess.run(args, capture_output=True, text=True, timeout=120)
    info, free_info = json.loads(with_chords.stdout), json.loads(free.stdout)
    chords = list(read_midi(out).chords)
    assert [c.symbol() for c in chords] == ["Am", "Dm", "G7", "C"]
    bar = load_melody(seed).time_signature.bar_ticks
    assert chords[0].tick % bar == 0 and abs(chords[0].tick - info["start_tick"]) <= bar // 2
    assert parse_progression(progression, bar, chords[0].tick) == chords
    share, count = _strong_beat_share([[n for n in v if n["tick"] >= chords[0].tick] for v in info["variations"]], chords)
    free_share, _ = _strong_beat_share([[n for n in v if n["tick"] >= chords[0].tick] for v in free_info["variations"]], chords)
    assert count >= 8 and share == 1.0 and free_share < 1.0


def test_an_unknown_chord_in_the_progression_is_one_line(tmp_path, chopin_dir):
    run = subprocess.run([sys.executable, "-m", "composer_app", "continue", str(chopin_dir / "chpn-p7_format0.mid"),
                          "--chords", "Am Hm7 C", "-o", str(tmp_path / "x.mid")], capture_output=True, text=True,
                         timeout=60)
    assert run.returncode != 0 and "'Hm7' is not a chord symbol" in run.stderr and run.stderr.count("\n") == 1
    assert not (tmp_path / "x.mid").exists()


def test_a_progression_longer_than_the_bars_generated_is_refused(tmp_path, chopin_dir):
    run = subprocess.run([sys.executable, "-m", "composer_app", "continue", str(chopin_dir / "chpn-p7_format0.mid"),
                          "--bars", "2", "--chords", "Am Dm G7 C", "-o", str(tmp_path / "x.mid")],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode != 0 and "covers 4 bars but only 2 are generated" in run.stderr
    assert run.stderr.count("\n") == 1 and not (tmp_path / "x.mid").exists()


def test_fill_follows_the_chords_of_the_file(tmp_path):
    from pathlib import Path

    tune = sorted((Path(__file__).resolve().parents[2] / "models" / "test-melodies").glob("miscFolk_*.mid"))[0]
    harmonized = tmp_path / "h.mid"
    assert subprocess.run([sys.executable, "-m", "composer_app", "harmonize", str(tune), "--per-bar", "2", "-o",
                           str(harmonized)], capture_output=True, timeout=60).returncode == 0
    run = subprocess.run([sys.executable, "-m", "composer_app", "fill", str(harmonized), "--bars", "3-6",
                          "--variations", "4", "--seed", "2", "--json", "-o", str(tmp_path / "f.mid")],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    chords = list(read_midi(harmonized).chords)
    share, count = _strong_beat_share(json.loads(run.stdout)["variations"], chords)
    assert count >= 8 and share == 1.0
    assert read_midi(tmp_path / "f.mid").chords == read_midi(harmonized).chords
