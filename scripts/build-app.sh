#!/usr/bin/env bash
# Build the double-click app with PyInstaller: dist/composer-app-<flavour>/composer-app (a one-folder app;
# on macOS also composer-app.app, on Windows composer-app.exe without a console window).
#
#   scripts/build-app.sh            # CPU flavour: plain onnxruntime (every desktop)
#   COMPOSER_FLAVOUR=gpu scripts/build-app.sh   # GPU flavour: onnxruntime-gpu (Linux and Windows x86-64)
#
# Each flavour is built in its own virtual environment (build/venv-<flavour>) holding only what the app
# needs at run time, so nothing from the dev or train extras (torch, pytest) can end up in the bundle.
# Afterwards it runs the frozen self-test and prints the folder's size.
set -euo pipefail
source "$(dirname "$0")/setup-env.sh"
FLAVOUR="${COMPOSER_FLAVOUR:-cpu}"
case "$FLAVOUR" in
    cpu) RUNTIME="onnxruntime>=1.17" ;;
    gpu) RUNTIME="onnxruntime-gpu>=1.17" ;;
    *) echo "COMPOSER_FLAVOUR must be cpu or gpu" >&2; exit 2 ;;
esac
install_system_packages "${QT_DEBS[@]}" binutils
BUILD_VENV="$ROOT/build/venv-$FLAVOUR"
if [ ! -x "$BUILD_VENV/bin/python" ]; then
    "$(pick_python)" -m venv "$BUILD_VENV"
    "$BUILD_VENV/bin/python" -m pip install -q --upgrade pip
fi
PY="$BUILD_VENV/bin/python"
# The app's run-time dependencies as pyproject.toml declares them, with exactly one ONNX Runtime: the flavour's.
mapfile -t DEPENDENCIES < <("$PY" - "$ROOT/pyproject.toml" <<'PYTHON'
import sys
try:
    import tomllib
except ImportError:  # Python 3.10: pip carries a TOML reader
    from pip._vendor import tomli as tomllib
with open(sys.argv[1], "rb") as f:
    for requirement in tomllib.load(f)["project"]["dependencies"]:
        if not requirement.replace(" ", "").lower().startswith("onnxruntime"):
            print(requirement)
PYTHON
)
pip_install "pyinstaller>=6.10" "$RUNTIME" "${DEPENDENCIES[@]}"
pip_install --no-deps "tinysoundfont==0.3.7"  # optional: plays .sf2/.sf3 files chosen in Preferences (see setup-env.sh)
pip_install --no-deps -e "$ROOT"
cd "$ROOT"
COMPOSER_FLAVOUR="$FLAVOUR" "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "dist" --workpath "build/pyinstaller-$FLAVOUR" build.spec
APP="dist/composer-app-$FLAVOUR"
if [ "$(uname -s)" = "Linux" ] && command -v readelf >/dev/null; then
    # Libraries nothing in the bundle links to: what PyInstaller collected for plugins build.spec leaves out
    # (GTK theming's cairo, pango, atk, gdk-pixbuf and their own dependencies, 8.8 MB). Libraries that Qt
    # or ONNX Runtime open by name at run time (OpenGL, EGL, Vulkan, OpenSSL, CUDA) are kept.
    "$PY" - "$APP/_internal" <<'PYTHON'
import re, subprocess, sys
from pathlib import Path
root = Path(sys.argv[1])
files = [p for p in root.rglob("*") if p.is_file() and not p.is_symlink() and ".so" in p.name]
needed = {f: set(re.findall(r"Shared library: \[(.+?)\]", subprocess.run(["readelf", "-d", str(f)],
          capture_output=True, text=True).stdout)) for f in files}
keep = ("libpython", "libGL", "libEGL", "libvulkan", "libssl", "libcrypto", "libcu", "libnv", "libonnxruntime")
top = [f for f in files if f.parent == root and f.name.startswith("lib") and not f.name.startswith(keep)]
gone: set = set()
while True:
    linked = set().union(*(needed[f] for f in files if f not in gone))
    orphans = [f for f in top if f not in gone and f.name not in linked]
    if not orphans:
        break
    gone.update(orphans)
for f in gone:
    f.unlink()
print(f"left out {len(gone)} libraries nothing links to: {', '.join(sorted(f.name for f in gone))}")
PYTHON
fi
if [ "$(uname -s)" = "Linux" ] && command -v strip >/dev/null; then
    # Debug symbols out of the shared libraries (25 MB, most of it libpython), except the libraries that
    # wheels vendor in *.libs folders: auditwheel patched those, and numpy does not load them stripped.
    find "$APP/_internal" -name "*.so*" -type f -not -path "*.libs/*" -exec strip --strip-unneeded {} + 2>/dev/null || true
fi
echo "built $APP: $(du -sm "$APP" | cut -f1) MB"
QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" "$APP/composer-app" --self-test
