#!/usr/bin/env bash
# Prove the site checkers: each must pass on fixtures/good and must fail
# (exit 1, for the expected reason) on broken copies made on the fly.
#
#   Tests/SiteChecks/selftest.sh
#
# Needs the tools from scripts/install-test-tools.sh. Ends with a line
# "N passed, N failed"; exit 1 if any case did not behave.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="${SITECHECK_VENV:-$repo/.venv-tests}"
export SITECHECK_VENV="$venv"
py="$venv/bin/python"
good="$here/fixtures/good"

if [ ! -x "$py" ]; then
    echo "selftest: $py missing; run scripts/install-test-tools.sh first" >&2
    echo "0 passed, 1 failed"
    exit 1
fi

work="$(mktemp -d -t sitecheck-selftest.XXXXXX)"
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
timings=()

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# expect_pass LABEL CMD...   -> command must exit 0
expect_pass() {
    local label="$1"; shift
    local log="$work/log.$((passed + failed))" t0 t1 rc
    t0=$(now); "$@" >"$log" 2>&1; rc=$?; t1=$(now)
    if [ $rc -eq 0 ]; then
        passed=$((passed + 1)); echo "ok    $label ($(elapsed "$t0" "$t1")s)"
    else
        failed=$((failed + 1)); echo "FAIL  $label: expected exit 0, got $rc; output:"
        sed 's/^/      | /' "$log"
    fi
    timings+=("$label: $(elapsed "$t0" "$t1")s")
}

# expect_fail LABEL REGEX CMD...   -> command must exit 1 and print REGEX
expect_fail() {
    local label="$1" pattern="$2"; shift 2
    local log="$work/log.$((passed + failed))" t0 t1 rc
    t0=$(now); "$@" >"$log" 2>&1; rc=$?; t1=$(now)
    if [ $rc -eq 1 ] && grep -Eq -- "$pattern" "$log"; then
        passed=$((passed + 1)); echo "ok    $label fails as it should ($(elapsed "$t0" "$t1")s)"
    else
        failed=$((failed + 1))
        echo "FAIL  $label: expected exit 1 and output matching /$pattern/, got exit $rc; output:"
        sed 's/^/      | /' "$log"
    fi
}

# variant NAME -> fresh copy of the good fixture at $work/NAME, path on stdout
variant() {
    rm -rf "${work:?}/${1:?}"
    cp -r "$good" "$work/$1"
    echo "$work/$1"
}

# Replace bytes in a file (Python, so that CR/LF and UTF-8 are exact).
bytes_replace() {
    "$py" - "$@" <<'EOF'
import sys
path, old, new = sys.argv[1], sys.argv[2].encode().decode("unicode_escape").encode("latin-1"), \
    sys.argv[3].encode().decode("unicode_escape").encode("latin-1")
data = open(path, "rb").read()
if old not in data:
    sys.exit(f"bytes_replace: {old!r} not found in {path}")
open(path, "wb").write(data.replace(old, new, 1))
EOF
}

chromedrivers_before=$(pgrep -x chromedriver | wc -l)
linkcheckers_before=$(pgrep -x linkchecker | wc -l)

if ! "$py" - "$good/workshops.ics" <<'EOF'
import sys
d = open(sys.argv[1], "rb").read()
sys.exit(0 if d.count(b"\r\n") == d.count(b"\n") > 0 else 1)
EOF
then
    echo "selftest: fixtures/good/workshops.ics lost its CRLF line endings (git eol normalisation?)"
fi

echo "--- good fixture: every checker must pass"
expect_pass "check_html good"  "$here/check_html.sh" "$good"
expect_pass "axe_check good"   "$py" "$here/axe_check.py" "$good"
expect_pass "check_links good" "$here/check_links.sh" "$good"
expect_pass "check_ics good"   "$py" "$here/check_ics.py" "$good/workshops.ics"
expect_pass "check_ics good, two builds" "$py" "$here/check_ics.py" "$good/workshops.ics" "$good/workshops.ics"
# shellcheck disable=SC2016
expect_pass "run_all good"     bash -c '"$1" "$2" | tail -n 1 | grep -qx "4 passed, 0 failed"' _ "$here/run_all.sh" "$good"

echo "--- check_html on broken copies"
d=$(variant html-unclosed)
sed -i 's|<p>Small tools for hard moments.|<p>Small tools <div>for</span> hard moments.|' "$d/education/coping-skills/index.html"
expect_fail "check_html unclosed/stray tags" 'Stray end tag "span"' "$here/check_html.sh" "$d"
d=$(variant html-attr)
sed -i 's|<table>|<table summary="x" align="center">|' "$d/programs/adult-iop/index.html"
expect_fail "check_html obsolete attributes" 'error: .*(summary|align)' "$here/check_html.sh" "$d"
d=$(variant html-css)
echo 'p { colr: red; }' >>"$d/theme/site.css"
expect_fail "check_html invalid CSS" 'Property "colr" doesn.t exist' "$here/check_html.sh" "$d"

echo "--- axe_check on broken copies"
d=$(variant axe-img-alt)
sed -i 's| alt="Harbor Fixture Clinic home"||' "$d/programs/adult-iop/index.html"
expect_fail "axe_check img without alt" '/programs/adult-iop/ .*image-alt \(critical\)' \
    "$py" "$here/axe_check.py" "$d"
d=$(variant axe-contrast)
sed -i 's|<p>We help adults|<p style="color:#b0b0b0">We help adults|' "$d/index.html"
expect_fail "axe_check low contrast" 'color-contrast \(serious\)' "$py" "$here/axe_check.py" "$d"
d=$(variant axe-phone-only)
# a 600px-wide element overflows only the phone viewport: text clipped by overflow is fine,
# but a fixed-size low-contrast block that exists only at phone width must still be found.
cat >>"$d/theme/site.css" <<'EOF'
.phone-only { display: none; }
@media (max-width: 600px) { .phone-only { display: block; color: #c8c8c8; } }
EOF
sed -i 's|<p>We help adults|<p class="phone-only">Call us today.</p>\n  <p>We help adults|' "$d/index.html"
expect_fail "axe_check violation only at phone width" '\[phone\]  color-contrast' \
    "$py" "$here/axe_check.py" "$d"

echo "--- check_links on broken copies"
d=$(variant links-missing-page)
sed -i 's|href="../../education/coping-skills/">Coping|href="../../education/coping-skill/">Coping|' "$d/programs/adult-iop/index.html"
expect_fail "check_links broken link" 'broken: ../../education/coping-skill/ .*404' "$here/check_links.sh" "$d"
d=$(variant links-bad-anchor)
sed -i 's|coping-skills/#grounding">grounding<|coping-skills/#grounding-typo">grounding<|' "$d/programs/adult-iop/index.html"
expect_fail "check_links bad anchor" "Anchor .grounding-typo. .*not found" "$here/check_links.sh" "$d"
d=$(variant links-missing-asset)
rm "$d/assets/logo.svg"
expect_fail "check_links missing image" 'broken: .*logo.svg .*404' "$here/check_links.sh" "$d"
d=$(variant links-sitemap)
sed -i 's|</urlset>|  <url><loc>https://example.org/programs/not-built/</loc></url>\n</urlset>|' "$d/sitemap.xml"
expect_fail "check_links sitemap page not built" 'sitemap: .*not-built.* not served' "$here/check_links.sh" "$d"

echo "--- check_ics on broken copies"
d=$(variant ics-lf)
bytes_replace "$d/workshops.ics" 'METHOD:PUBLISH\r\n' 'METHOD:PUBLISH\n'
expect_fail "check_ics bare LF" 'bare LF' "$py" "$here/check_ics.py" "$d/workshops.ics"
d=$(variant ics-long)
bytes_replace "$d/workshops.ics" 'SUMMARY:Grounding skills lunch hour' \
    'SUMMARY:Grounding skills lunch hour and a much longer title that goes past it 80'
expect_fail "check_ics 80-octet line" '80 octets long' "$py" "$here/check_ics.py" "$d/workshops.ics"
d=$(variant ics-utf8-split)
bytes_replace "$d/workshops.ics" 'Na\xc3\xafve' 'Na\xc3\r\n \xafve'
expect_fail "check_ics fold inside UTF-8" 'not valid UTF-8 on its own' "$py" "$here/check_ics.py" "$d/workshops.ics"
d=$(variant ics-comma)
bytes_replace "$d/workshops.ics" 'SUMMARY:Grounding skills lunch hour' 'SUMMARY:Grounding, skills lunch'
expect_fail "check_ics unescaped comma" "unescaped ','" "$py" "$here/check_ics.py" "$d/workshops.ics"
d=$(variant ics-tz)
bytes_replace "$d/workshops.ics" 'TZID=America/Chicago:20250610' 'TZID=America/Denver:20250610'
expect_fail "check_ics TZID without VTIMEZONE" 'TZID=America/Denver .*no VTIMEZONE' \
    "$py" "$here/check_ics.py" "$d/workshops.ics"
d=$(variant ics-event)
bytes_replace "$d/workshops.ics" 'UID:workshop-grounding-2025-06-10@example.org' \
    'UID:workshop-family-education-2025-06-03@example.org'
bytes_replace "$d/workshops.ics" 'DTSTAMP:20250101T000000Z\r\nDTSTART;TZID=America/Chicago:20250610' \
    'DTSTAMP:20250101T000000\r\nDTSTART;TZID=America/Chicago:20250610'
bytes_replace "$d/workshops.ics" 'DURATION:PT1H\r\n' ''
expect_fail "check_ics duplicate UID" 'UID duplicates' "$py" "$here/check_ics.py" "$d/workshops.ics"
expect_fail "check_ics DTSTAMP not UTC" 'DTSTAMP must be a UTC' "$py" "$here/check_ics.py" "$d/workshops.ics"
expect_fail "check_ics no DTEND/DURATION" 'neither DTEND nor DURATION' "$py" "$here/check_ics.py" "$d/workshops.ics"
d=$(variant ics-header)
bytes_replace "$d/workshops.ics" 'VERSION:2.0\r\n' ''
expect_fail "check_ics no VERSION" 'VCALENDAR has no VERSION' "$py" "$here/check_ics.py" "$d/workshops.ics"
d=$(variant ics-uid-unstable)
bytes_replace "$d/workshops.ics" 'UID:workshop-grounding-2025-06-10@example.org' 'UID:8f1c2d@example.org'
expect_fail "check_ics UIDs differ between builds" 'UIDs differ' \
    "$py" "$here/check_ics.py" "$good/workshops.ics" "$d/workshops.ics"

echo "--- run_all on a broken copy"
d=$(variant run-all-broken)
sed -i 's| alt="Harbor Fixture Clinic home"||' "$d/programs/adult-iop/index.html"
expect_fail "run_all broken site" '^2 passed, 2 failed$' "$here/run_all.sh" "$d"

echo "--- feeds and structured data"
# check_structured_data rejects hand-made JSON-LD that breaks the schema.org vocabulary.
expect_pass "check_structured_data --selftest" "$py" "$here/check_structured_data.py" --selftest
# check_feeds: a small valid Atom feed and a page that links it pass; broken copies fail.
d="$work/feed"
mkdir -p "$d"
cat >"$d/feed.xml" <<'FEED'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>https://example.org/feed.xml</id>
  <title>Clinic</title>
  <link rel="self" type="application/atom+xml" href="https://example.org/feed.xml"/>
  <updated>2026-10-01T00:00:00-05:00</updated>
  <author><name>Clinic</name></author>
  <entry>
    <id>https://example.org/education/a/</id>
    <title type="text">A</title>
    <link rel="alternate" type="text/html" href="https://example.org/education/a/"/>
    <updated>2026-10-01T00:00:00-05:00</updated>
    <summary type="text">About A.</summary>
    <content type="html">&lt;p&gt;A.&lt;/p&gt;</content>
  </entry>
</feed>
FEED
printf '<!doctype html><html lang="en"><head><link rel="alternate" type="application/atom+xml" href="feed.xml" title="Feed"></head><body></body></html>\n' >"$d/index.html"
expect_pass "check_feeds on a valid feed" "$py" "$here/check_feeds.py" "$d"
cp "$d/feed.xml" "$d/feed.good"
bytes_replace "$d/feed.xml" '</entry>' '</entri>'
expect_fail "check_feeds not well-formed" 'feedparser: ' "$py" "$here/check_feeds.py" "$d"
cp "$d/feed.good" "$d/feed.xml"
bytes_replace "$d/feed.xml" '    <content type="html">&lt;p&gt;A.&lt;/p&gt;</content>\n' ''
expect_fail "check_feeds entry without content" 'has no HTML content' "$py" "$here/check_feeds.py" "$d"
cp "$d/feed.good" "$d/feed.xml"
bytes_replace "$d/index.html" 'application/atom+xml' 'application/rss+xml'
expect_fail "check_feeds page without the feed link" 'no link to the feed' "$py" "$here/check_feeds.py" "$d"

echo "--- leftovers"
sleep 0.5
if [ "$(pgrep -x chromedriver | wc -l)" -le "$chromedrivers_before" ] \
    && [ "$(pgrep -x linkchecker | wc -l)" -le "$linkcheckers_before" ]; then
    passed=$((passed + 1)); echo "ok    no chromedriver/linkchecker process left behind"
else
    failed=$((failed + 1)); echo "FAIL  chromedriver or linkchecker processes left behind:"
    pgrep -a -x chromedriver; pgrep -a -x linkchecker
fi

echo "--- timings on the good fixture"
for t in "${timings[@]}"; do echo "  $t"; done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
