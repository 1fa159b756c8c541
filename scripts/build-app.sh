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
# The app's run-time dependencies, with exactly one ONNX Runtime: the flavour's.
pip_install "pyinstaller>=6.10" "$RUNTIME" "mido>=1.3" "python-rtmidi>=1.5" "numpy>=1.24" "onnx>=1.15" \
    "PySide6>=6.8,<6.12; python_version < '3.12'" "PySide6>=6.8; python_version >= '3.12'"
pip_install --no-deps "tinysoundfont==0.3.7"
pip_install --no-deps -e "$ROOT"
cd "$ROOT"
COMPOSER_FLAVOUR="$FLAVOUR" "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "dist" --workpath "build/pyinstaller-$FLAVOUR" build.spec
APP="dist/composer-app-$FLAVOUR"
if [ "$(uname -s)" = "Linux" ] && command -v strip >/dev/null; then
    # Debug symbols out of the shared libraries (25 MB, most of it libpython), except the libraries that
    # wheels vendor in *.libs folders: auditwheel patched those, and numpy does not load them stripped.
    find "$APP/_internal" -name "*.so*" -type f -not -path "*.libs/*" -exec strip --strip-unneeded {} + 2>/dev/null || true
fi
echo "built $APP: $(du -sm "$APP" | cut -f1) MB"
QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" "$APP/composer-app" --self-test
