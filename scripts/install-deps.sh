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

apt_install_missing libcmark-dev libqrencode-dev libvips-dev pkg-config
if ! command -v swift >/dev/null 2>&1; then
    say "error: the Swift toolchain (swift) is not on PATH; install Swift 6 from swift.org first" >&2
    exit 1
fi
