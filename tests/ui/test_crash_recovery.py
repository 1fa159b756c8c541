"""The real app in a subprocess: edits, an autosave, SIGKILL, restart, restore: nothing older than one
autosave interval is lost and the restored notes are exact."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from composer_app.core.project import load_project

ROOT = Path(__file__).resolve().parents[2]
INTERVAL = 1.0  # seconds between autosaves in this test (the app's default is 30)


def start_app(tmp_path, script: dict, **env):
    script_path = tmp_path / f"script-{time.monotonic_ns()}.json"
    script_path.write_text(json.dumps(script))
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COMPOSER_AUTOSAVE_SECONDS": str(INTERVAL),
                   "COMPOSER_TEST_SCRIPT": str(script_path), **env}
    return subprocess.Popen([sys.executable, "-m", "tests.scripted_app"], env=environment, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_kill_9_then_restart_restores_the_autosaved_work_exactly(tmp_path):
    data = tmp_path / "data"
    config = tmp_path / "config"
    config.mkdir()
    (config / "composer-app.ini").write_text("[General]\nfirst_run_done=true\n")  # no example seed to start with
    env = {"COMPOSER_APP_DATA_DIR": str(data), "COMPOSER_APP_CONFIG_DIR": str(config)}
    edits = [[i * 240, 240, 60 + (i * 5) % 24, 70 + i % 40] for i in range(40)]
    app = start_app(tmp_path, {"edits": edits, "interval_ms": 40}, **env)
    try:
        recovery = data / "recovery"
        deadline = time.monotonic() + 90
        project = None
        first_autosave = None
        while time.monotonic() < deadline:
            files = list(recovery.glob("*.composer")) if recovery.is_dir() else []
            if files:
                try:
                    project = load_project(files[0])
                except Exception:  # a file being replaced right now: read it again
                    project = None
                if project is not None and len(project.melody) == len(edits):
                    break
                if project is not None and first_autosave is None and len(project.melody) > 0:
                    first_autosave = time.monotonic()
            time.sleep(0.05)
        assert project is not None and len(project.melody) == len(edits), "no autosave with every edit appeared"
        # the edits took 40 x 40 ms after the first autosave; the one holding all came within one interval (+ slack)
        assert first_autosave is not None and time.monotonic() - first_autosave < 40 * 0.04 + INTERVAL + 2.0
    finally:
        app.send_signal(signal.SIGKILL)
        app.wait(30)
    assert app.returncode == -signal.SIGKILL
    expected = sorted([tuple(e) for e in edits])

    dump = tmp_path / "restored.composer"
    again = start_app(tmp_path, {"dump": str(dump), "interval_ms": 300}, COMPOSER_TEST_RESTORE="all", **env)
    out, err = again.communicate(timeout=90)
    assert again.returncode == 0, err.decode()[-2000:]
    restored = load_project(dump)
    assert restored.melody.contents() == expected
    assert [n.id for n in restored.melody] == [n.id for n in project.melody]
    # the restored work is itself protected again, under the new process; the old file is gone
    files = list((data / "recovery").glob("*.composer"))
    assert len(files) == 1 and not files[0].name.startswith(f"{app.pid}-")
