#!/usr/bin/env bash
# The fixture clinic built with other brands, each put through every site checker (vnu, axe,
# links, ics): a dark brand colour with a light accent, and no brand at all (the theme's own
# colours, no logo, no hero picture). The fixture itself carries a mid-tone brand. A light colour
# that must be refused is a hostile case (brand-color-too-light).
#
#   Tests/SiteChecks/brand_variations.sh BINARY
set -euo pipefail
binary="$1"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$repo/.build/brand-variations"
rm -rf "$work"
mkdir -p "$work"

variant() {  # NAME PYTHON-EDIT-OF-SITE.YML
    local name="$1" edit="$2"
    cp -r "$repo/Tests/Fixtures/clinic" "$work/$name"
    python3 - "$work/$name/Content/site.yml" "$edit" <<'PY'
import re, sys
path, edit = sys.argv[1], sys.argv[2]
text = open(path).read()
# Drop the fixture's brand: and hero: blocks (a key and its indented lines).
text = re.sub(r'^(brand|hero):\n(?:  .*\n)+', '', text, flags=re.M)
open(path, 'w').write(text + edit)
# The Spanish texts of site.yml describe the hero picture too: without the picture, without its alt.
spanish = path.replace('site.yml', 'site.es.yml')
try:
    text = open(spanish).read()
except FileNotFoundError:
    pass
else:
    open(spanish, 'w').write(re.sub(r'^hero:\n(?:  .*\n)+', '', text, flags=re.M))
PY
    SOURCE_DATE_EPOCH=1795392000 "$binary" build "$work/$name" --pdf off --output "$work/$name-out" 2>&1 | tee "$work/$name.log"
    grep -q ': 0 warnings, 0 errors, ' "$work/$name.log"
    "$repo/Tests/SiteChecks/run_all.sh" "$work/$name-out"
}

variant dark-brand $'brand:\n  logo: assets/cedar-logo.svg\n  color: "#14213d"\n  accent: "#fca311"\n'
variant no-brand ''
echo "brand variations: dark brand and no brand pass every site check"
