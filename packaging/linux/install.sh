#!/usr/bin/env bash
# Installs a built MOP Desktop (dist/mop-desktop/) for the current user on Linux: the program
# folder, a `mop-desktop` command, the menu entry and the icon in every size.
#
#   bash packaging/linux/install.sh [BUILD_FOLDER]     # default: dist/mop-desktop
#   bash packaging/linux/install.sh --uninstall        # removes all that again, not your data
#
# Files go to ~/.local/share/mop-desktop-app/ (program), ~/.local/bin/mop-desktop (command),
# ~/.local/share/applications/mop-desktop.desktop and ~/.local/share/icons/hicolor/. The
# clerk's data (~/.local/share/mop-desktop/) is never touched.
set -euo pipefail

HERE="$(cd "$(dirname "$0")/../.." && pwd)"
SHARE="${XDG_DATA_HOME:-$HOME/.local/share}"
APP_DIR="$SHARE/mop-desktop-app"
BIN_DIR="$HOME/.local/bin"
ICONS="$SHARE/icons/hicolor"
SIZES="16 24 32 48 64 128 256 512"

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$APP_DIR"
    rm -f "$BIN_DIR/mop-desktop" "$SHARE/applications/mop-desktop.desktop"
    for size in $SIZES; do rm -f "$ICONS/${size}x${size}/apps/mop-desktop.png"; done
    rm -f "$ICONS/scalable/apps/mop-desktop.svg"
    echo "MOP Desktop removed; your data in $SHARE/mop-desktop is kept."
    exit 0
fi

BUILD="${1:-$HERE/dist/mop-desktop}"
[ -x "$BUILD/mop-desktop" ] || { echo "install.sh: no build at $BUILD (run packaging/build.sh)" >&2; exit 2; }

rm -rf "$APP_DIR"
mkdir -p "$APP_DIR" "$BIN_DIR" "$SHARE/applications" "$ICONS/scalable/apps"
cp -a "$BUILD/." "$APP_DIR/"
ln -sf "$APP_DIR/mop-desktop" "$BIN_DIR/mop-desktop"

for size in $SIZES; do
    mkdir -p "$ICONS/${size}x${size}/apps"
    cp "$HERE/resources/icons/mop-desktop-$size.png" "$ICONS/${size}x${size}/apps/mop-desktop.png"
done
cp "$HERE/resources/icons/mop-desktop.svg" "$ICONS/scalable/apps/mop-desktop.svg"

# The menu entry runs the program by its full path, so it works without ~/.local/bin on PATH.
sed -e "s|^Exec=.*|Exec=\"$APP_DIR/mop-desktop\"|" -e "s|^TryExec=.*|TryExec=$APP_DIR/mop-desktop|" \
    "$HERE/packaging/linux/mop-desktop.desktop" > "$SHARE/applications/mop-desktop.desktop"
command -v update-desktop-database > /dev/null && update-desktop-database -q "$SHARE/applications" || true
command -v gtk-update-icon-cache > /dev/null && gtk-update-icon-cache -q -t "$ICONS" || true
echo "MOP Desktop installed in $APP_DIR; it is in the applications menu, and 'mop-desktop' in $BIN_DIR."
