#!/usr/bin/env bash
# Installs MOP Desktop with its test and dev extras into .venv, at the versions constraints.txt
# pins, and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -c constraints.txt -e '.[test,dev]'
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
