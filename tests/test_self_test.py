"""`composer-app --self-test`: one line per check, exit 0 only when every check passes."""

import os
import subprocess
import sys


def self_test(**env):
    return subprocess.run([sys.executable, "-m", "composer_app.cli", "--self-test"], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env})


def test_self_test_passes_on_a_working_install():
    r = self_test()
    lines = r.stdout.strip().splitlines()
    assert r.returncode == 0, r.stdout + r.stderr
    assert [line.split(":")[0] for line in lines[:-1]] == [
        "ok   model loads", "ok   execution provider", "ok   a seed continues", "ok   MIDI file round trip",
        "ok   audio renders", "ok   MIDI ports list"]
    assert lines[-1].startswith("all checks passed")


def test_self_test_fails_with_one_line_for_a_damaged_model(tmp_path):
    from composer_app.engine.model import bundled_model_path

    broken = tmp_path / "melody-lstm.onnx"
    broken.write_bytes(bundled_model_path().read_bytes()[:1000])
    (tmp_path / "melody-lstm.json").write_text(bundled_model_path().with_suffix(".json").read_text())
    r = self_test(COMPOSER_MODEL=str(broken))
    assert r.returncode == 1 and "Traceback" not in r.stdout + r.stderr
    out = r.stdout
    assert "FAIL model loads: melody-lstm.onnx: the file does not match its model card" in out
    assert "SKIP a seed continues: needs the model" in out and "ok   MIDI file round trip" in out
    assert out.strip().splitlines()[-1].startswith("3 of 6 checks failed")
