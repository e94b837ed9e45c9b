#!/usr/bin/env bash
# Smoke test of a built MOP Desktop: runs the frozen executable the way a clerk's PC would,
# with no Python environment around it, in a fresh temporary data folder.
#
#   bash packaging/smoke_test.sh [EXECUTABLE] [SAMPLE]
#
# EXECUTABLE defaults to dist/mop-desktop/mop-desktop (dist/mop-desktop/mop-desktop-cli.exe on
# Windows, the console twin of the windowed mop-desktop.exe); SAMPLE to a protocol in
# tests/data/samples/. The executable runs under `env -i`: no PYTHONPATH, no PYTHONHOME, no
# VIRTUAL_ENV, and a PATH without any folder that holds a Python interpreter. Steps:
#   --version        prints "MOP Desktop <version>" (the package's version, from its metadata)
#   --smoke-test     the window with the store loaded (QT_QPA_PLATFORM=offscreen); exit 0 and
#                    "startup-ms N"
#   import SAMPLE    then show --json names the protocol
#   pdf -o FILE      writes a PDF
#   calendar -o FILE the reminder dates as an iCalendar file
#   concerns init    creates the encrypted register (MOP_PASSPHRASE), then concerns list opens it
#                    with that passphrase and refuses a wrong one with exit code 3
# A command this build does not have yet is reported as skipped, not failed. Exit 0 when no
# step failed; the last line is a summary.
set -uo pipefail

HERE="$(cd "$(dirname "$0")/.." && pwd)"
case "$(uname -s)" in MINGW*|MSYS*|CYGWIN*) WINDOWS=1 ;; *) WINDOWS=0 ;; esac

EXE="${1:-}"
if [ -z "$EXE" ]; then
    if [ "$WINDOWS" = 1 ]; then EXE="$HERE/dist/mop-desktop/mop-desktop-cli.exe"
    else EXE="$HERE/dist/mop-desktop/mop-desktop"; fi
fi
SAMPLE="${2:-$HERE/tests/data/samples/peacehaven-protocol.txt}"
[ -x "$EXE" ] || { echo "smoke_test.sh: no executable at $EXE (run packaging/build.sh)" >&2; exit 2; }
[ -f "$SAMPLE" ] || { echo "smoke_test.sh: no sample protocol at $SAMPLE" >&2; exit 2; }
EXE="$(cd "$(dirname "$EXE")" && pwd)/$(basename "$EXE")"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/mop-smoke.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
DATA="$WORK/data"
mkdir -p "$DATA" "$WORK/home"

# PATH without Python: drop every folder that holds a python interpreter, belongs to a virtual
# environment, pyenv or conda.
CLEAN_PATH=""
IFS=':' read -r -a PATH_DIRS <<< "$PATH"
for dir in "${PATH_DIRS[@]}"; do
    [ -n "$dir" ] || continue
    case "$dir" in *venv*|*pyenv*|*conda*|*Python*|*python*) continue ;; esac
    if compgen -G "$dir/python*" > /dev/null || [ -f "$dir/../pyvenv.cfg" ]; then continue; fi
    CLEAN_PATH="${CLEAN_PATH:+$CLEAN_PATH:}$dir"
done

PASSES=0
FAILS=0
SKIPS=0
OUT="$WORK/out.txt"
ERR="$WORK/err.txt"
TIMEOUT=()
if command -v timeout > /dev/null; then TIMEOUT=(timeout 180); fi

# run_app [VAR=value ...] -- ARGS...: the executable in a clean environment; sets $CODE.
run_app() {
    local extra=()
    while [ "$1" != "--" ]; do extra+=("$1"); shift; done
    shift
    local keep=()
    for var in SYSTEMROOT SystemRoot WINDIR TEMP TMP USERPROFILE LOCALAPPDATA APPDATA \
               DISPLAY XDG_RUNTIME_DIR; do
        if [ -n "${!var:-}" ]; then keep+=("$var=${!var}"); fi
    done
    local data_env="$DATA"
    # Git Bash converts arguments for a Windows program, not every variable: convert this one.
    if [ "$WINDOWS" = 1 ] && command -v cygpath > /dev/null; then data_env="$(cygpath -w "$DATA")"; fi
    "${TIMEOUT[@]}" env -i "${keep[@]}" PATH="$CLEAN_PATH" HOME="$WORK/home" \
        LANG=C.UTF-8 LC_ALL=C.UTF-8 MOP_DATA_DIR="$data_env" QT_QPA_PLATFORM=offscreen \
        XDG_CONFIG_HOME="$WORK/home/.config" "${extra[@]}" \
        "$EXE" --data-dir "$DATA" "$@" > "$OUT" 2> "$ERR" < /dev/null
    CODE=$?
}

ok() { PASSES=$((PASSES + 1)); echo "ok       $*"; }
skip() { SKIPS=$((SKIPS + 1)); echo "skipped  $*"; }
fail() {
    FAILS=$((FAILS + 1)); echo "FAILED   $*"
    sed 's/^/         | /' "$OUT" | head -20
    sed 's/^/         ! /' "$ERR" | tail -20
}

# has_command NAME: does this build know the command?
has_command() {
    run_app -- "$1" --help
    [ "$CODE" = 0 ]
}

echo "smoke test of $EXE"
echo "data folder $DATA; PATH for the executable: ${CLEAN_PATH:-(empty)}"

run_app -- --version
if [ "$CODE" = 0 ] && grep -q "^MOP Desktop [0-9]" "$OUT"; then ok "--version: $(cat "$OUT")"
else fail "--version (exit $CODE)"; fi

run_app -- --smoke-test
STARTUP_MS="$(grep -o 'startup-ms [0-9]*' "$OUT" | head -1 | cut -d' ' -f2)"
if [ "$CODE" = 0 ] && [ -n "$STARTUP_MS" ]; then ok "--smoke-test: startup-ms $STARTUP_MS"
else fail "--smoke-test (exit $CODE)"; fi

if has_command import; then
    run_app -- import "$SAMPLE"
    if [ "$CODE" = 0 ]; then ok "import $(basename "$SAMPLE")"; else fail "import (exit $CODE)"; fi
    run_app -- show --json
    if [ "$CODE" = 0 ] && grep -q '"title"' "$OUT" && grep -q '"sections"' "$OUT"; then
        ok "show --json: $(grep -o '"title": *"[^"]*"' "$OUT" | head -1)"
    else fail "show --json (exit $CODE)"; fi
else skip "import (no such command in this build)"; fi

if has_command pdf; then
    PDF="$WORK/protocol.pdf"
    run_app -- pdf -o "$PDF"
    if [ "$CODE" = 0 ] && [ -s "$PDF" ] && [ "$(head -c 5 "$PDF")" = "%PDF-" ]; then
        ok "pdf -o: $(wc -c < "$PDF" | tr -d ' ') bytes"
    else fail "pdf -o (exit $CODE)"; fi
else skip "pdf (no such command in this build)"; fi

if has_command calendar; then
    ICS="$WORK/reminders.ics"
    run_app -- calendar -o "$ICS"
    if [ "$CODE" = 0 ] && grep -q "BEGIN:VCALENDAR" "$ICS" 2> /dev/null; then
        ok "calendar -o: $(grep -c "BEGIN:VEVENT" "$ICS") events"
    else fail "calendar -o (exit $CODE)"; fi
else skip "calendar (no such command in this build)"; fi

if has_command concerns; then
    run_app MOP_PASSPHRASE="correct horse battery staple" -- concerns init
    if [ "$CODE" = 0 ] && [ -s "$DATA/register.db" ]; then ok "concerns init"
    else fail "concerns init (exit $CODE)"; fi
    run_app MOP_PASSPHRASE="correct horse battery staple" -- concerns list
    if [ "$CODE" = 0 ]; then ok "concerns list (register unlocked)"
    else fail "concerns list (exit $CODE)"; fi
    run_app MOP_PASSPHRASE="not the passphrase" -- concerns list
    if [ "$CODE" = 3 ]; then ok "concerns list with a wrong passphrase: exit 3"
    else fail "concerns list with a wrong passphrase (exit $CODE, expected 3)"; fi
else skip "concerns (no such command in this build)"; fi

echo "smoke test: $PASSES passed, $FAILS failed, $SKIPS skipped${STARTUP_MS:+; startup-ms $STARTUP_MS}"
[ "$FAILS" = 0 ]
