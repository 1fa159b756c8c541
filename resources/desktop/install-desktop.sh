#!/usr/bin/env bash
# Put composer-app in the Linux desktop's menus and "Open with" for .mid/.midi and .composer files:
#   install-desktop.sh /path/to/composer-app      (the bundle's executable, or a composer-app on PATH)
# Installs for this user only (XDG_DATA_HOME, default ~/.local/share); undo with --uninstall.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$DATA/applications/composer-app.desktop" "$DATA/icons/hicolor/256x256/apps/composer-app.png" \
          "$DATA/mime/packages/composer-app-mime.xml"
    command -v update-mime-database >/dev/null && update-mime-database "$DATA/mime" || true
    echo "removed composer-app from the desktop menus"
    exit 0
fi
APP="${1:-$(command -v composer-app || true)}"
if [ -z "$APP" ] || [ ! -x "$APP" ]; then
    echo "give the path of the composer-app executable" >&2
    exit 1
fi
APP="$(cd "$(dirname "$APP")" && pwd)/$(basename "$APP")"
ICON="$HERE/../icons/composer-app.png"
mkdir -p "$DATA/applications" "$DATA/icons/hicolor/256x256/apps" "$DATA/mime/packages"
sed "s|^Exec=composer-app %f|Exec=\"$APP\" %f|" "$HERE/composer-app.desktop" > "$DATA/applications/composer-app.desktop"
cp "$ICON" "$DATA/icons/hicolor/256x256/apps/composer-app.png"
cp "$HERE/composer-app-mime.xml" "$DATA/mime/packages/composer-app-mime.xml"
command -v update-mime-database >/dev/null && update-mime-database "$DATA/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$DATA/applications" || true
echo "composer-app is in the menus and opens .mid and .composer files ($APP)"
