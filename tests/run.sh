#!/usr/bin/env bash
# Installs MOP Desktop with its test and dev extras into .venv, at the versions constraints.txt
# pins, and runs the whole test suite, then the service and command tests again with the
# protocol store on a throwaway PostgreSQL cluster (MOP_TEST_STORE=postgresql;
# tests/pg_server.py). Arguments go to both pytest runs.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -c constraints.txt -e '.[test,dev]'
export QT_QPA_PLATFORM=offscreen
status=0
.venv/bin/python -m pytest "$@" || status=$?
MOP_TEST_STORE=postgresql .venv/bin/python -m pytest tests/services tests/commands "$@" || status=$?
exit "$status"
