#!/usr/bin/env bash
# Installs what building ClinicPress needs on Debian/Ubuntu: libcmark (Markdown) and pkg-config.
# Quiet and quick when everything is already there.
set -euo pipefail

packages=(libcmark-dev libqrencode-dev pkg-config)
missing=()
for package in "${packages[@]}"; do
    [ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null)" = "install ok installed" ] || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} ..."
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! command -v swift >/dev/null 2>&1; then
    echo "error: the Swift toolchain (swift) is not on PATH; install Swift 6 from swift.org first" >&2
    exit 1
fi
