#!/usr/bin/env bash
# Measures how fast clinicpress builds: the example clinic, and a large site made from it
# (COPIES copies of every program and article, default 50). Prints the median of RUNS runs.
# Usage: scripts/benchmark.sh [COPIES] [RUNS]     (uses .build/release/clinicpress; run `make build` first)
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-50}
runs=${2:-5}
bin=.build/release/clinicpress
[ -x "$bin" ] || { echo "benchmark: $bin is missing; run 'make build' first" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A large site: the example clinic with every program and article copied under new slugs.
# Copies keep their links working because links point at files that still exist.
mkdir -p "$work/large"
cp -r Content "$work/large/"
for folder in programs education; do
    for file in Content/$folder/*.md; do
        slug=$(basename "$file" .md)
        for i in $(seq 1 "$copies"); do
            sed -e "s/^title: \(.*\)/title: \1 (copy $i)/" "$file" > "$work/large/Content/$folder/$slug-copy-$i.md"
        done
    done
done
# Copied programs reuse their rooms at the same times; give each copy its own rooms.
for file in "$work"/large/Content/programs/*-copy-*.md; do
    n=$(basename "$file" .md | sed 's/.*-copy-//')
    sed -i "s/^\(    location: .*\)$/\1 (building $n)/" "$file"
done

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

measure() {  # name, args...
    local name=$1; shift
    local times=()
    for _ in $(seq 1 "$runs"); do
        local start end
        start=$(date +%s.%N)
        "$bin" build "$@" >/dev/null 2>&1 || { echo "benchmark: build failed: $*" >&2; "$bin" build "$@" | tail -3; exit 1; }
        end=$(date +%s.%N)
        times+=("$(python3 -c "print($end - $start)")")
    done
    local pages
    pages=$("$bin" build "$@" 2>/dev/null | tail -1)
    printf '%-42s median %6.3f s of %d runs   (%s)\n' "$name" "$(printf '%s\n' "${times[@]}" | median)" "$runs" "$pages"
}

echo "clinicpress benchmark: $(nproc) cores, $(date -u +%Y-%m-%d)"
measure "example clinic, website only" . --no-print --output "$work/out1"
measure "example clinic, website + print HTML" . --pdf off --output "$work/out2"
measure "example clinic, website + PDFs" . --output "$work/out3"
measure "large site ($copies copies), website only" "$work/large" --no-print --output "$work/out4"
measure "large site ($copies copies), + print HTML" "$work/large" --pdf off --output "$work/out5"
