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
