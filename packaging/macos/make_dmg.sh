#!/usr/bin/env bash
# macOS: wraps "dist/MOP Desktop.app" (made by packaging/build.sh) into a disk image
# dist/mop-desktop-<version>-macos.dmg with a link to /Applications, for drag-and-drop install.
#
#   bash packaging/macos/make_dmg.sh VERSION
#
# Signs the app ad hoc unless MACOS_SIGN_IDENTITY names a Developer ID certificate in the
# keychain (then it signs with the hardened runtime; notarise the .dmg afterwards, see README.md).
set -euo pipefail

HERE="$(cd "$(dirname "$0")/../.." && pwd)"
VERSION="${1:?usage: make_dmg.sh VERSION}"
APP="$HERE/dist/MOP Desktop.app"
DMG="$HERE/dist/mop-desktop-$VERSION-macos.dmg"
[ -d "$APP" ] || { echo "make_dmg.sh: no $APP (run packaging/build.sh on a Mac)" >&2; exit 2; }

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
    codesign --force --deep --options runtime --timestamp --sign "$MACOS_SIGN_IDENTITY" "$APP"
else
    codesign --force --deep --sign - "$APP"
fi

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -volname "MOP Desktop $VERSION" -srcfolder "$STAGE" -ov -format UDZO "$DMG"
echo "built $DMG"
