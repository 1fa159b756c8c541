import json
import subprocess
import sys

from composer_app.cli import main
from composer_app.core.midifile import read_midi


def test_continue_writes_seed_and_named_variation_tracks(chopin_dir, tmp_path):
    out = tmp_path / "cont.mid"
    seed = chopin_dir / "chpn-p7_format0.mid"
    assert main(["continue", str(seed), "--bars", "4", "--variations", "3", "--seed", "7", "-o", str(out)]) == 0
    song = read_midi(out)
    names = [p.name for p in song.parts]
    assert names[1:] == ["Variation 1", "Variation 2", "Variation 3"]
    seed_end = max(t + d for t, d, _, _ in song.parts[0].notes)
    assert all(n[0] >= seed_end - 120 for p in song.parts[1:] for n in p.notes)


def test_continue_json_is_reproducible(chopin_dir, capsys):
    args = ["continue", str(chopin_dir / "chpn-p20_format0.mid"), "--bars", "2", "--variations", "2", "--seed", "3",
            "--key", "Cm", "--json"]
    assert main(args) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(args) == 0
    second = json.loads(capsys.readouterr().out)
    assert first["variations"] == second["variations"] and first["key"] == "Cm"
    assert all(n["pitch"] % 12 in {0, 2, 3, 5, 7, 8, 10, 11} for v in first["variations"] for n in v)


def test_continue_with_a_bad_model_is_one_line(chopin_dir, tmp_path):
    bad = tmp_path / "bad.onnx"
    bad.write_bytes(b"nope")
    result = subprocess.run([sys.executable, "-m", "composer_app", "continue", str(chopin_dir / "chpn-p20_format0.mid"),
                             "--model", str(bad), "-o", str(tmp_path / "x.mid")], capture_output=True, text=True)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "model card" in result.stderr
    assert not (tmp_path / "x.mid").exists()


def test_bench_json_has_the_promised_keys(capsys):
    assert main(["bench", "--json", "--runs", "5"]) == 0
    r = json.loads(capsys.readouterr().out)
    for key in ("p50_ms", "p95_ms", "ms_per_note", "seed_method_ms_per_note", "speedup_vs_seed_method", "provider", "threads"):
        assert key in r
    assert r["p50_ms"] > 0 and r["speedup_vs_seed_method"] > 1 and r["provider"] == "CPUExecutionProvider"
