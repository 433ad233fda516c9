#!/usr/bin/env bash
# Install the print tool chain: HTML -> PDF with a pip-installed WeasyPrint,
# plus the tools the PDF checks use. Idempotent, quiet, and fast (well under a
# second) when everything is already there.
#
#   scripts/install-print-tools.sh
#
# * Debian packages (installed only if dpkg says missing; `apt-get update` only
#   then):
#     - what a pip-installed WeasyPrint loads at run time (a pip install does
#       not pull these; Debian's own `weasyprint` package would, so a machine
#       that once had it hides the step): Pango >= 1.44 and pangoft2,
#       HarfBuzz and its subset library, fontconfig;
#     - free fonts to embed: DejaVu (fonts-dejavu-core) and Noto
#       (fonts-noto-core: Noto Sans / Serif in all weights, SIL OFL);
#     - libqrencode-dev (pkg-config name `libqrencode`) for the QR code target;
#     - PDF test tools: qpdf, poppler-utils (pdfinfo, pdffonts, pdftotext,
#       pdftoppm), zbar-tools (zbarimg);
#     - python3-venv if `python3 -m venv` cannot work.
# * Python venv REPO/.venv-print (override: PRINT_VENV) with the pinned
#   scripts/print-requirements.txt. Reinstalled only when that file (or the
#   Python version) changes: a stamp with their hash is kept in the venv.
#
# * The exact paths of the libraries WeasyPrint loads, from `ldconfig -p`, in
#   $venv/clinicpress-libraries.json (rewritten only when they change):
#   render_pdfs.py loads those and so never lets ctypes.util.find_library run
#   gcc and ld (16 compiler runs, and temporary files in $TMPDIR, per build).
#
# * Pagefind (site search, pinned pagefind_bin in the same requirements file), linked as
#   $venv/bin/pagefind: `clinicpress build` indexes the site with it.
#
# Render with scripts/render_pdfs.py (run it with .venv-print/bin/python) or
# .venv-print/bin/weasyprint.
#
# Set PRINT_INSTALL_VERBOSE=1 to see apt/pip output.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${PRINT_VENV:-$repo/.venv-print}"
req="$repo/scripts/print-requirements.txt"
INSTALL_NAME=install-print-tools
INSTALL_VERBOSE="${PRINT_INSTALL_VERBOSE:-0}"
# shellcheck source=scripts/install-common.sh
. "$repo/scripts/install-common.sh"

# ---- Debian packages --------------------------------------------------------
packages=(
    # WeasyPrint run-time libraries (loaded with dlopen through cffi)
    libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0
    fontconfig
    # fonts to embed
    fonts-dejavu-core fonts-noto-core
    # QR codes (Swift systemLibrary target, pkg-config name libqrencode)
    libqrencode-dev pkg-config
    # PDF test tools
    qpdf poppler-utils zbar-tools
)
python_for_venv
apt_install_missing "${packages[@]}" "${python_packages[@]}"

# Pango older than 1.44 makes WeasyPrint fail at import time; say why up front.
pango_v="$(dpkg-query -W -f='${Version}' libpango-1.0-0 2>/dev/null || true)"
if [ -n "$pango_v" ] && dpkg --compare-versions "$pango_v" lt 1.44; then
    say "error: WeasyPrint needs Pango >= 1.44, libpango-1.0-0 is $pango_v" >&2
    exit 1
fi

# ---- Python venv --------------------------------------------------------------
stamp=.print-requirements.sha256
if venv_outdated "$venv" "$stamp" "$(cat "$req")"; then
    say "installing Python packages from scripts/print-requirements.txt into $venv"
    export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
    rm -f "$venv/$stamp"
    run_quiet "$venv/bin/python" -m pip install -q -r "$req"
    # Importing weasyprint loads Pango/HarfBuzz/fontconfig: a missing system
    # library shows up here rather than at the first render. libharfbuzz-subset
    # is optional to WeasyPrint, which silently falls back to fontTools
    # subsetting (slower, and different PDF bytes): insist on it.
    run_quiet "$venv/bin/python" -c 'import sys, weasyprint.text.ffi as f; f.harfbuzz_subset or sys.exit("libharfbuzz-subset.so.0 not found")'
    venv_mark_installed "$venv" "$stamp"
fi
# Pagefind (site search) ships its binary inside the pagefind_bin package; the build looks for it
# at $venv/bin/pagefind, so link it there (a link inside this venv, to this venv's own file).
pagefind="$("$venv/bin/python" -c 'import os, pagefind_bin; print(os.path.join(os.path.dirname(pagefind_bin.__file__), "pagefind"))')"
if [ ! -x "$pagefind" ]; then
    say "error: the pagefind_bin package has no pagefind binary at $pagefind" >&2
    exit 1
fi
[ "$(readlink "$venv/bin/pagefind" 2>/dev/null)" = "$pagefind" ] || ln -sfn "$pagefind" "$venv/bin/pagefind"
# Every run (it takes a few milliseconds): a system upgrade may move a library.
run_quiet "$venv/bin/python" "$repo/scripts/render_pdfs.py" --write-library-paths "$venv/clinicpress-libraries.json"
exit 0
