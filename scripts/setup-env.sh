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

APT_LOCK_WAIT="${COMPOSER_APT_LOCK_WAIT:-600}"  # seconds to wait for another package manager to finish

apt_busy() {
    # Another apt or dpkg running (a freshly booted machine's own updates, for example).
    pgrep -x 'apt|apt-get|aptitude|dpkg|unattended-upgr|unattended-upgrade' >/dev/null 2>&1
}

wait_for_apt() {
    local waited=0
    if apt_busy; then
        echo "waiting for the package manager: another installation or the system's updates are running" \
             "(up to ${APT_LOCK_WAIT} s)..." >&2
    fi
    while apt_busy; do
        if [ "$waited" -ge "$APT_LOCK_WAIT" ]; then
            echo "the package manager is still busy after ${APT_LOCK_WAIT} s; going on (apt waits for its lock too)" >&2
            return 0
        fi
        sleep 5
        waited=$((waited + 5))
    done
}

install_system_packages() {
    # $@: Debian package names. Skipped where apt is missing (other platforms). Stops with the list of
    # packages when they are missing and cannot be installed (COMPOSER_SKIP_SYSTEM_PACKAGES=1 goes on anyway).
    command -v apt-get >/dev/null 2>&1 || return 0
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
            missing_packages "${missing[@]}"
            return 0
        fi
    fi
    local lock=(-o "DPkg::Lock::Timeout=$APT_LOCK_WAIT")
    wait_for_apt
    $sudo apt-get "${lock[@]}" update -qq >/dev/null || echo "note: apt-get update failed; trying the package lists there are" >&2
    local available=()
    for pkg in "${missing[@]}"; do  # names differ between releases (e.g. libasound2t64 on Ubuntu 24.04)
        apt-cache show "$pkg" >/dev/null 2>&1 && available+=("$pkg") || echo "note: no package $pkg here; skipped" >&2
    done
    [ ${#available[@]} -eq 0 ] && return 0
    echo "installing system packages: ${available[*]}"
    wait_for_apt
    if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get "${lock[@]}" install -y -qq --no-install-recommends \
            "${available[@]}" >/dev/null; then
        missing_packages "${available[@]}"
    fi
}

missing_packages() {
    # Say which packages are missing and stop (a run without them fails later in ways that say less).
    echo "composer-app needs these system packages, which could not be installed: $*" >&2
    echo "install them (for example: sudo apt-get install $*) and run this again" >&2
    if [ "${COMPOSER_SKIP_SYSTEM_PACKAGES:-}" = "1" ]; then
        echo "COMPOSER_SKIP_SYSTEM_PACKAGES=1: going on without them" >&2
        return 0
    fi
    exit 1
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
    # $1: what pip installs (the project, with extras; the bundled piano's player, pysfizz, among its
    # dependencies). Then, optionally, the player of .sf2/.sf3 SoundFonts a student may choose: tinysoundfont's
    # wheels are self-contained on Linux, Windows and macOS, but it asks for PyAudio (for its own audio output,
    # which composer-app does not use; Qt plays the sound), which has no wheels for Linux or macOS, so it comes
    # without its dependencies. Without it everything but choosing a .sf2/.sf3 file works.
    # An editable install sees code changes by itself, so pip runs again only when pyproject.toml (or what is
    # asked for) changed since the last install into this .venv: a stamp in the .venv remembers it.
    local stamp="$VENV/.composer-installed" want
    want="$(printf '%s\n' "$1" | cat - "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
    if [ -f "$stamp" ] && grep -qx "$want" "$stamp"; then
        return 0
    fi
    echo "composer-app: installing its Python packages into $VENV (the first time downloads about 400 MB and" \
         "takes a few minutes; later starts skip this)..."
    pip_install_showing -e "$1"
    pip_install --no-deps "tinysoundfont==0.3.7"
    echo "$want" >> "$stamp"
    echo "composer-app: packages installed."
}

pip_install_showing() {
    # pip install "$@", showing a line per package as it comes (the whole log in the .venv); on failure the
    # end of the log and where the rest is, and the set-up stops with pip's exit code.
    local log="$VENV/pip-install.log" status
    set +e
    "$PY" -m pip install --disable-pip-version-check --progress-bar off "$@" 2>&1 | tee "$log" |
        grep --line-buffered -E '^(Collecting|Successfully installed)' | sed -u -e 's/^/  /'
    status=${PIPESTATUS[0]}
    set -e
    if [ "$status" -ne 0 ]; then
        tail -n 20 "$log" >&2
        echo "composer-app: installing the packages failed (pip exited with $status); the whole log is in $log" >&2
        exit "$status"
    fi
}
