"""The double-click app: the CPU bundle builds with scripts/build-app.sh, fits its size, passes its own
self-test frozen, opens a file it is given, and shows its window quickly."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "dist" / "composer-app-cpu" / "composer-app"


@pytest.fixture(scope="module")
def bundle():
    run = subprocess.run(["bash", "scripts/build-app.sh"], cwd=ROOT, capture_output=True, text=True, timeout=1800,
                         env={**os.environ, "COMPOSER_FLAVOUR": "cpu", "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-4000:]
    return run.stdout


def test_the_cpu_bundle_fits_and_its_frozen_self_test_passes(bundle):
    size = int(re.search(r"built dist/composer-app-cpu: (\d+) MB", bundle).group(1))
    assert size <= 250
    assert "all checks passed (composer-app on linux" in bundle and ", frozen)" in bundle
    lines = [line for line in bundle.splitlines() if line.startswith(("ok ", "FAIL", "SKIP"))]
    assert len(lines) == 6 and all(line.startswith("ok ") for line in lines)
    assert any("Yamaha Grand Piano" in line for line in lines)  # the SoundFont plays in the bundle too
    internal = APP.parent / "_internal"
    assert not list(internal.rglob("*torch*")) and not list(internal.rglob("libavcodec*"))
    assert not list(internal.glob("libgtk*")) and not list(internal.glob("libcairo*"))  # GTK theming left out
    assert (internal / "resources" / "sounds" / "piano" / "piano.sfz").exists()
    assert not (internal / "resources" / "sounds" / "piano.sf2").exists()  # only its SFZ form plays


def load_melody_of(path):
    from composer_app.core.midifile import load_melody

    return load_melody(path)


def test_the_bundle_runs_commands_and_opens_a_file(bundle, tmp_path):
    seed = ROOT / "resources" / "seeds" / "example-seed.mid"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COMPOSER_APP_CONFIG_DIR": str(tmp_path / "config"),
           "COMPOSER_APP_DATA_DIR": str(tmp_path / "data")}
    out = tmp_path / "c.mid"
    run = subprocess.run([str(APP), "continue", str(seed), "-o", str(out), "--bars", "2"], env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and out.stat().st_size > 100, run.stderr
    harmonized, score = tmp_path / "h.mid", tmp_path / "h.musicxml"
    run = subprocess.run([str(APP), "harmonize", str(seed), "-o", str(harmonized)], env=env, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    run = subprocess.run([str(APP), "export", str(harmonized), "-o", str(score), "--satb"], env=env,
                         capture_output=True, text=True, timeout=120)  # MusicXML through the bundled music21
    assert run.returncode == 0, run.stderr
    from composer_app.core.musicxml import read_musicxml

    written = read_musicxml(score)
    assert len(written.parts) == 4 and written.chords
    wav, heard = tmp_path / "seed.wav", tmp_path / "heard.mid"  # sound in: the bundled model and libsndfile
    run = subprocess.run([str(APP), "render", str(seed), "-o", str(wav)], env=env, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    run = subprocess.run([str(APP), "transcribe", str(wav), "--melody", "-o", str(heard)], env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert len(load_melody_of(heard)) >= 0.8 * len(load_melody_of(seed))
    bad = subprocess.run([str(APP), "inspect", str(tmp_path / "missing.mid")], env=env, capture_output=True,
                         text=True, timeout=60)
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1
    opened = subprocess.run([str(APP), str(seed), "--start-check"], env=env, capture_output=True, text=True,
                            timeout=120)
    from composer_app.core.midifile import load_melody

    assert opened.returncode == 0, opened.stderr[-2000:]
    assert opened.stdout.startswith(f"shown: {seed.name}, {len(load_melody(seed))} notes"), opened.stdout


def test_the_bundle_shows_its_window_in_time(bundle):
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "start_time.py"), "--app", str(APP), "--runs", "3",
                          "--check"], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_bundle_prepares_a_folder_with_worker_processes(bundle, tmp_path, chopin_files):
    """What the Train dialog runs to count the pieces: the workers are the frozen executable itself."""
    import shutil

    folder = tmp_path / "pieces"
    folder.mkdir()
    for f in chopin_files[:4]:
        shutil.copy(f, folder / f.name)
    run = subprocess.run([str(APP), "train", str(folder), "--out", str(tmp_path / "out"), "--prepare-only",
                          "--workers", "2"], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip().startswith("4 files: 4 melodies")
    no_torch = subprocess.run([str(APP), "train", str(folder), "--out", str(tmp_path / "out")], capture_output=True,
                              text=True, timeout=120)
    assert no_torch.returncode == 1 and "train extra" in no_torch.stderr and len(no_torch.stderr.splitlines()) == 1
