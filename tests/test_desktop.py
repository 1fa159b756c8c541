"""Desktop integration on Linux: the .desktop entry, its MIME types, the installer, and "Open with"."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from composer_app.core.project import load_project

ROOT = Path(__file__).resolve().parents[1]
DESKTOP = ROOT / "resources" / "desktop"


def test_the_desktop_entry_is_valid_and_opens_midi_and_projects():
    assert shutil.which("desktop-file-validate"), "run-tests.sh installs desktop-file-utils"
    result = subprocess.run(["desktop-file-validate", str(DESKTOP / "composer-app.desktop")], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == "", result.stdout + result.stderr
    entry = (DESKTOP / "composer-app.desktop").read_text()
    assert "Exec=composer-app %f" in entry
    assert "MimeType=audio/midi;audio/x-midi;application/x-composer-project;" in entry


def test_the_installer_puts_entry_icon_and_mime_type_in_the_users_data_folder(tmp_path):
    app = tmp_path / "bundle" / "composer-app"
    app.parent.mkdir()
    app.write_text("#!/bin/sh\n")
    app.chmod(0o755)
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "share")}
    run = subprocess.run(["bash", str(DESKTOP / "install-desktop.sh"), str(app)], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    share = tmp_path / "share"
    entry = (share / "applications" / "composer-app.desktop").read_text()
    assert f'Exec="{app}" %f' in entry
    assert (share / "icons" / "hicolor" / "256x256" / "apps" / "composer-app.png").stat().st_size > 1000
    assert (share / "mime" / "packages" / "composer-app-mime.xml").exists()
    if shutil.which("update-mime-database"):  # shared-mime-info: the .composer glob is registered
        assert "*.composer" in (share / "mime" / "globs2").read_text()
    assert subprocess.run(["desktop-file-validate", str(share / "applications" / "composer-app.desktop")]).returncode == 0
    gone = subprocess.run(["bash", str(DESKTOP / "install-desktop.sh"), "--uninstall"], env=env, capture_output=True)
    assert gone.returncode == 0 and not (share / "applications" / "composer-app.desktop").exists()


def test_a_file_given_on_the_command_line_is_opened(tmp_path):
    """What a file manager does with Exec=composer-app %f: the window opens with that file."""
    seed = ROOT / "resources" / "seeds" / "example-seed.mid"
    out = tmp_path / "opened.composer"
    script = tmp_path / "script.json"
    script.write_text(json.dumps({"dump": str(out)}))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COMPOSER_TEST_SCRIPT": str(script),
           "COMPOSER_APP_CONFIG_DIR": str(tmp_path / "config"), "COMPOSER_APP_DATA_DIR": str(tmp_path / "data")}
    run = subprocess.run([sys.executable, "-m", "tests.scripted_app", str(seed)], env=env, capture_output=True,
                         text=True, timeout=120, cwd=ROOT)
    assert run.returncode == 0, run.stderr[-2000:]
    from composer_app.core.midifile import load_melody

    project = load_project(out)
    assert [(n.tick, n.pitch) for n in project.melody] == [(n.tick, n.pitch) for n in load_melody(seed)]
