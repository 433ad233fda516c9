#!/usr/bin/env bash
# Run every site checker on a built site, continuing after failures.
#
#   Tests/SiteChecks/run_all.sh OUTPUT_DIR [SECOND_BUILD_DIR_OR_ICS]
#
# The optional second argument is another build of the same site (or its
# workshops.ics): check_ics.py then also requires identical UID sets.
# Needs the tools from scripts/install-test-tools.sh (run that first).
#
# Prints each checker's report, one summary line per checker, and finally a
# line "N passed, N failed". Exit 1 if any checker failed.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="${SITECHECK_VENV:-$repo/.venv-tests}"
export SITECHECK_VENV="$venv"

if [ $# -lt 1 ] || [ $# -gt 2 ] || [ ! -d "$1" ]; then
    echo "usage: $0 OUTPUT_DIR [SECOND_BUILD_DIR_OR_ICS]" >&2
    exit 2
fi
out="$1"
second="${2:-}"
py="$venv/bin/python"
if [ ! -x "$py" ]; then
    echo "run_all: $py missing; run scripts/install-test-tools.sh first" >&2
fi

ics_args=("$out/workshops.ics")
if [ -n "$second" ]; then
    if [ -d "$second" ]; then ics_args+=("$second/workshops.ics"); else ics_args+=("$second"); fi
fi

passed=0
failed=0
summary=()
run() {
    local name="$1"; shift
    local t0 t1 rc
    echo "=== $name"
    t0=$(date +%s.%N)
    "$@"
    rc=$?
    t1=$(date +%s.%N)
    local secs
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
    if [ $rc -eq 0 ]; then
        passed=$((passed + 1))
        summary+=("PASS  $name (${secs}s)")
    else
        failed=$((failed + 1))
        summary+=("FAIL  $name (${secs}s, exit $rc)")
    fi
    echo
}

run check_html "$here/check_html.sh" "$out"
run axe_check "$py" "$here/axe_check.py" "$out"
run check_links "$here/check_links.sh" "$out"
run check_ics "$py" "$here/check_ics.py" "${ics_args[@]}"

echo "=== summary"
for line in "${summary[@]}"; do
    echo "$line"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
