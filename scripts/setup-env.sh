#!/usr/bin/env bash
# Shared by ./run-app.sh and ./run-tests.sh: system libraries (where apt and root are available),
# a virtual environment in .venv, and the Python packages. Sourced, not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${COMPOSER_VENV:-$ROOT/.venv}"

pick_python() {
    # Any Python 3.10+; PySide6's version is chosen by pyproject.toml to suit it.
    for candidate in "${PYTHON:-}" python3 python3.12 python3.11 python3.10 python3.13; do
        [ -n "$candidate" ] || continue
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)' 2>/dev/null; then
            echo "$candidate"
            return
        fi
    done
    echo "composer-app needs Python 3.10 or newer; none was found." >&2
    exit 1
}

install_system_packages() {
    # $@: Debian package names. Skipped quietly where apt or root is missing (other platforms).
    command -v apt-get >/dev/null 2>&1 || return 0
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
            echo "note: please install these system packages: ${missing[*]}" >&2
            return 0
        fi
    fi
    $sudo apt-get update -qq >/dev/null || true
    local available=()
    for pkg in "${missing[@]}"; do  # names differ between releases (e.g. libasound2t64 on Ubuntu 24.04)
        apt-cache show "$pkg" >/dev/null 2>&1 && available+=("$pkg") || echo "note: no package $pkg here; skipped" >&2
    done
    [ ${#available[@]} -eq 0 ] && return 0
    echo "installing system packages: ${available[*]}"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${available[@]}" >/dev/null \
        || echo "note: could not install ${available[*]}" >&2
}

# Qt's runtime libraries on a minimal Debian/Ubuntu.
QT_DEBS=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
         libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
         libxcb-render-util0 libxcb-image0 libpulse0 libasound2)

make_venv() {
    if [ ! -x "$VENV/bin/python" ]; then
        "$(pick_python)" -m venv "$VENV"
        "$VENV/bin/python" -m pip install -q --upgrade pip
    fi
    PY="$VENV/bin/python"
}

pip_install() {
    "$PY" -m pip install -q --disable-pip-version-check "$@"
}

install_app() {
    # $1: what pip installs (the project, with extras). Then the SoundFont player: its wheels are
    # self-contained on Linux, Windows and macOS, but it asks for PyAudio (for its own audio output, which
    # composer-app does not use; Qt plays the sound), which has no wheels for Linux or macOS. So it comes
    # without its dependencies. Without it the app plays its synthesized piano and says so.
    pip_install -e "$1"
    pip_install --no-deps "tinysoundfont==0.3.7"
}
