#!/usr/bin/env bash
# Builds the MOP Desktop executable folder dist/mop-desktop/ with PyInstaller (Linux and macOS;
# packaging/build.ps1 does the same on Windows).
#
#   bash packaging/build.sh            # build from a clean clone of the committed code
#   bash packaging/build.sh --in-place # build the working tree as it is (uncommitted changes too)
#   bash packaging/build.sh --fresh    # also throw away the build virtual environment first
#
# Steps: clone the repository (HEAD) into build/src, create a virtual environment build/venv
# (Python from $PYTHON, default python3, 3.11 or newer), install the app with its "build" extra
# (PyInstaller, Pillow) into it, run PyInstaller on packaging/mop-desktop.spec, and put the result
# in dist/mop-desktop/ beside this checkout. It then reports the folder's size and fails if it is
# over $MOP_MAX_MB (default 160) megabytes. Run packaging/smoke_test.sh on the result.
set -euo pipefail

HERE="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
MAX_MB="${MOP_MAX_MB:-160}"
IN_PLACE=0
FRESH=0
for arg in "$@"; do
    case "$arg" in
        --in-place) IN_PLACE=1 ;;
        --fresh) FRESH=1 ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) echo "build.sh: unknown option $arg (try --help)" >&2; exit 2 ;;
    esac
done

BUILD="$HERE/build"
VENV="$BUILD/venv"
mkdir -p "$BUILD"

if [ "$IN_PLACE" = 1 ]; then
    SRC="$HERE"
else
    SRC="$BUILD/src"
    rm -rf "$SRC"
    echo "==> cloning $(git -C "$HERE" rev-parse --short HEAD) into build/src"
    git clone --quiet --no-hardlinks "$HERE" "$SRC"
fi

if [ "$FRESH" = 1 ]; then rm -rf "$VENV"; fi
if [ ! -x "$VENV/bin/python" ]; then
    echo "==> creating the build environment build/venv with $("$PYTHON" --version 2>&1)"
    "$PYTHON" -m venv "$VENV"
fi
PY="$VENV/bin/python"
"$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || { echo "build.sh: Python 3.11 or newer is needed (set PYTHON=...)" >&2; exit 2; }

echo "==> installing MOP Desktop and PyInstaller into build/venv"
"$PY" -m pip install --quiet --upgrade pip
"$PY" -m pip install --quiet -c "$SRC/constraints.txt" "$SRC[build]"
VERSION="$("$PY" -c 'from importlib.metadata import version; print(version("mop-desktop"))')"

echo "==> running PyInstaller (MOP Desktop $VERSION)"
cd "$SRC"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --workpath "$BUILD/pyinstaller" --distpath "$BUILD/dist" packaging/mop-desktop.spec

rm -rf "$HERE/dist/mop-desktop" "$HERE/dist/MOP Desktop.app"
mkdir -p "$HERE/dist"
mv "$BUILD/dist/mop-desktop" "$HERE/dist/mop-desktop"
if [ -d "$BUILD/dist/MOP Desktop.app" ]; then
    mv "$BUILD/dist/MOP Desktop.app" "$HERE/dist/MOP Desktop.app"
fi

# The size of the files (links inside the folder counted once), in MB of 2^20 bytes: the same
# measure as tests/packaging/test_build.py.
read -r SIZE_MB FILES OVER <<< "$("$PY" - "$HERE/dist/mop-desktop" "$MAX_MB" <<'PYEOF'
import os, sys
files = [os.path.join(d, f) for d, _, names in os.walk(sys.argv[1]) for f in names]
files = [f for f in files if not os.path.islink(f)]
size = sum(os.path.getsize(f) for f in files) / 2**20
print(f"{size:.1f}", len(files), int(size >= float(sys.argv[2])))
PYEOF
)"
echo "==> built dist/mop-desktop/ (MOP Desktop $VERSION): ${SIZE_MB} MB, ${FILES} files"
if [ "$OVER" = 1 ]; then
    echo "build.sh: dist/mop-desktop/ is ${SIZE_MB} MB, over the ${MAX_MB} MB limit" >&2
    exit 1
fi
echo "==> next: bash packaging/smoke_test.sh dist/mop-desktop/mop-desktop"
