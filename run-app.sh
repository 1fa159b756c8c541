#!/usr/bin/env bash
# Set up (system libraries, .venv, packages) and start composer-app with the bundled model.
set -euo pipefail
source "$(dirname "$0")/scripts/setup-env.sh"
install_system_packages "${QT_DEBS[@]}"
make_venv
install_app "$ROOT"
exec "$VENV/bin/composer-app" "$@"
