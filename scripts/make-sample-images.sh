#!/usr/bin/env bash
# Draws the sample pictures of the example clinic (Content/assets/) and of the fixture clinic
# (Tests/Fixtures/clinic/Content/assets/) with the vips command line (Debian: libvips-tools):
# soft colour gradients standing in for photos, made here, so no stock photo is published.
# Run once; the pictures are committed. `gradient OUT WIDTH HEIGHT R0 RX G0 GY B0 BX` colours
# each pixel (R0 + RX*x, G0 + GY*y, B0 + BX*x) on 0..255.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

gradient() {
    local out=$1 w=$2 h=$3
    vips xyz "$work/xy.v" "$w" "$h"
    vips extract_band "$work/xy.v" "$work/x.v" 0
    vips extract_band "$work/xy.v" "$work/y.v" 1
    vips linear --uchar -- "$work/x.v" "$work/r.v" "$5" "$4"
    vips linear --uchar -- "$work/y.v" "$work/g.v" "$7" "$6"
    vips linear --uchar -- "$work/x.v" "$work/b.v" "$9" "$8"
    vips bandjoin "$work/r.v $work/g.v $work/b.v" "$work/rgb.v"
    vips copy "$work/rgb.v" "$work/srgb.v" --interpretation srgb
    vips copy "$work/srgb.v" "$out[Q=85,strip]"
}

gradient "$repo/Content/assets/morning-light.jpg" 2000 1200 40 0.05 110 0.08 150 -0.03
gradient "$repo/Tests/Fixtures/clinic/Content/assets/calm-gradient.jpg" 1400 900 60 0.1 120 0.1 170 -0.05
gradient "$repo/Tests/Fixtures/clinic/Content/assets/portrait-placeholder.jpg" 600 800 200 -0.1 150 0.05 120 0.05
