"""A wheel of the app carries what it needs (the bundled model, the piano, icons, translations, the example
seed) and the installed app finds them there, away from the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_an_installed_wheel_finds_its_files_and_passes_its_self_test(tmp_path):
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", str(ROOT),
                            "-w", str(tmp_path / "wheel")], capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr[-3000:]
    wheel = next((tmp_path / "wheel").glob("composer_app-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("composer_app/models/melody-lstm.onnx", "composer_app/models/melody-lstm.json",
                   "composer_app/resources/sounds/piano/piano.sfz", "composer_app/resources/i18n/composer_es.qm",
                   "composer_app/resources/seeds/example-seed.mid", "composer_app/resources/icons/composer-app.png"):
        assert needed in names, needed
    sources = {p.relative_to(ROOT).as_posix() for p in (ROOT / "composer_app").rglob("*.py")}
    assert len(sources) > 80 and sources - names == set()  # every module, subpackages included
    assert not any("test-melodies" in n for n in names)  # evaluation data stays in the source tree
    site = tmp_path / "site"
    install = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site),
                              str(wheel)], capture_output=True, text=True, timeout=300)
    assert install.returncode == 0, install.stderr[-3000:]
    env = {**os.environ, "PYTHONPATH": str(site), "QT_QPA_PLATFORM": "offscreen",
           "COMPOSER_APP_CONFIG_DIR": str(tmp_path / "config"), "COMPOSER_APP_DATA_DIR": str(tmp_path / "data")}
    env.pop("COMPOSER_MODEL", None)
    where = subprocess.run([sys.executable, "-c", "from composer_app import paths; from composer_app.engine.model "
                            "import bundled_model_path; print(paths.resources_dir()); print(bundled_model_path())"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    resources, model = where.stdout.split()
    assert resources == str(site / "composer_app" / "resources")
    assert model == str(site / "composer_app" / "models" / "melody-lstm.onnx")
    test = subprocess.run([sys.executable, "-m", "composer_app", "--self-test"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    assert test.returncode == 0 and "all checks passed" in test.stdout, test.stdout + test.stderr
    assert "Yamaha Grand Piano (piano.sfz)" in test.stdout
