"""scripts/setup-env.sh on a machine whose package manager is busy or cannot install: it waits (bounded, with
a message) and then stops with the names of the missing packages, instead of going on to fail later.

The package manager is played by small scripts on PATH (a real one would change this machine); they log
what they were asked, so the tests see the calls the set-up made."""

import os
import stat
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def fake(bin_dir: Path, name: str, body: str) -> None:
    path = bin_dir / name
    path.write_text("#!/usr/bin/env bash\n" + body + "\n")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)


def run_setup(tmp_path: Path, *, busy_polls: int, install_ok: bool, packages=("jackd2", "pulseaudio"), **env):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "calls.log"
    counter = tmp_path / "polls"
    counter.write_text("0")
    fake(bin_dir, "dpkg-query", "exit 1")  # nothing is installed
    fake(bin_dir, "apt-cache", "exit 0")  # every package exists
    fake(bin_dir, "id", 'echo 0')  # root
    fake(bin_dir, "sleep", f'echo "sleep $*" >> {log}')
    fake(bin_dir, "pgrep", f'n=$(cat {counter}); echo $((n + 1)) > {counter}; [ "$n" -lt {busy_polls} ]')
    fake(bin_dir, "apt-get", f'echo "apt-get $*" >> {log}; case "$*" in *install*) exit {0 if install_ok else 100};; esac')
    script = f'source "{ROOT}/scripts/setup-env.sh"; install_system_packages {" ".join(packages)}; echo "went on"'
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", **env})
    return result, (log.read_text() if log.exists() else "")


def test_a_busy_package_manager_is_waited_for_then_the_install_goes_on(tmp_path):
    result, calls = run_setup(tmp_path, busy_polls=3, install_ok=True)
    assert result.returncode == 0 and "went on" in result.stdout, result.stderr
    assert "waiting for the package manager" in result.stderr
    assert calls.count("sleep 5") == 2  # busy at the first look and two more: two waits
    assert "DPkg::Lock::Timeout=600" in calls and "install -y" in calls and "jackd2 pulseaudio" in calls


def test_the_wait_is_bounded(tmp_path):
    result, calls = run_setup(tmp_path, busy_polls=10_000, install_ok=True, COMPOSER_APT_LOCK_WAIT="15")
    assert result.returncode == 0 and calls.count("sleep 5") == 2 * 3  # before update and before install
    assert "still busy after 15 s" in result.stderr


def test_packages_that_cannot_be_installed_stop_the_set_up_with_their_names(tmp_path):
    result, _ = run_setup(tmp_path, busy_polls=0, install_ok=False)
    assert result.returncode == 1 and "went on" not in result.stdout
    assert "could not be installed: jackd2 pulseaudio" in result.stderr
    assert "sudo apt-get install jackd2 pulseaudio" in result.stderr
    (tmp_path / "again").mkdir()
    skipped, _ = run_setup(tmp_path / "again", busy_polls=0, install_ok=False, COMPOSER_SKIP_SYSTEM_PACKAGES="1")
    assert skipped.returncode == 0 and "went on" in skipped.stdout


def install_app_in(tree: Path, bin_dir: Path, *, pip_fails: bool = False) -> tuple[subprocess.CompletedProcess, str]:
    """Run install_app from a copy of scripts/setup-env.sh in `tree` (with its own pyproject.toml), with a
    Python that logs the pip installs it is asked for."""
    log = tree / "pip.log"
    venv = tree / ".venv"
    (venv / "bin").mkdir(parents=True, exist_ok=True)
    python = venv / "bin" / "python"
    python.write_text("#!/usr/bin/env bash\n" f'echo "$*" >> {log}\n'
                      + ('echo "ERROR: No matching distribution found for nothing-here"; exit 1\n' if pip_fails else
                         'case "$*" in *" -q "*) ;; *) echo "Collecting numpy"; echo "Collecting mido"; '
                         'echo "WARNING: noise"; echo "Successfully installed mido numpy";; esac\n'))
    python.chmod(0o755)
    script = f'source "{tree}/scripts/setup-env.sh"; PY="{python}"; install_app "{tree}[dev]"; echo "went on"'
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "COMPOSER_VENV": str(venv)})
    return result, (log.read_text() if log.exists() else "")


def test_packages_are_installed_only_when_pyproject_changed_with_progress_the_first_time(tmp_path):
    tree = tmp_path / "app"
    (tree / "scripts").mkdir(parents=True)
    (tree / "scripts" / "setup-env.sh").write_text((ROOT / "scripts" / "setup-env.sh").read_text())
    (tree / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text())
    first, calls = install_app_in(tree, tmp_path)
    assert first.returncode == 0 and "went on" in first.stdout, first.stderr
    assert calls.count("-m pip install") == 2  # the app, then tinysoundfont
    assert "installing its Python packages" in first.stdout and "  Collecting numpy" in first.stdout
    assert "WARNING" not in first.stdout  # the noise stays in the log
    again, calls = install_app_in(tree, tmp_path)
    assert again.returncode == 0 and "went on" in again.stdout
    assert calls.count("-m pip install") == 2 and again.stdout.strip() == "went on"  # nothing installed, nothing said
    (tree / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text() + "\n# a new dependency\n")
    changed, calls = install_app_in(tree, tmp_path)
    assert changed.returncode == 0 and calls.count("-m pip install") == 4


def test_a_failed_install_stops_with_the_end_of_pips_log(tmp_path):
    tree = tmp_path / "app"
    (tree / "scripts").mkdir(parents=True)
    (tree / "scripts" / "setup-env.sh").write_text((ROOT / "scripts" / "setup-env.sh").read_text())
    (tree / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    failed, _ = install_app_in(tree, tmp_path, pip_fails=True)
    assert failed.returncode == 1 and "went on" not in failed.stdout
    assert "No matching distribution" in failed.stderr and "pip-install.log" in failed.stderr
    assert not (tree / ".venv" / ".composer-installed").exists()
