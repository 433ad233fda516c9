#!/usr/bin/env bash
# Check every internal link and #anchor of a built site with Debian's
# linkchecker, plus the pages listed in sitemap.xml.
#
#   Tests/SiteChecks/check_links.sh OUTPUT_DIR
#
# How it works:
#  * OUTPUT_DIR is served on 127.0.0.1:<random free port> by a Python
#    http.server thread (so dir/ resolves to dir/index.html, as on the real
#    host; linkchecker's AnchorCheck does not support dir/#anchor on file: URLs).
#    The server answers with a "LinkChecker" header, which lets linkchecker
#    lift its per-host rate limit (otherwise it sleeps 0.1-0.6 s per request).
#  * linkchecker gets a generated config file (-f) with
#        [checking]  robotstxt=0, threads, timeout, maxrequestspersecond
#        [filtering] checkextern=0 and ignore=^mailto: (no MX look-ups)
#        [AnchorCheck]            <- an empty section enables the plugin
#    and is started at the site root, at every *.html file and at every page
#    of sitemap.xml (so pages nobody links to, like 404.html, are checked too).
#    External http(s) links are only syntax-checked ("filtered"), tel:/sms:
#    are "ignored": none of them is fetched and none counts as an error.
#  * Output is read as CSV. Failure = any invalid URL (404, bad syntax, ...)
#    or any warning (missing anchor, redirect, empty content, ...).
#  * sitemap.xml: every <loc> is mapped onto OUTPUT_DIR (the site's base URL
#    is detected from the locs, or set with SITECHECK_SITE_URL) and must be
#    served with 200. robots.txt "Sitemap:" lines must map to a served file.
#
# Environment:
#   SITECHECK_SITE_URL       production base URL used in sitemap.xml (auto-detected)
#   SITECHECK_LINKS_IGNORE_WARNINGS  comma list of linkchecker warning names to
#                            ignore (e.g. url-effective-url); anchor warnings can't be.
#   SITECHECK_LINKS_TIMEOUT  overall limit for linkchecker in seconds (default 900)
#
# Exit: 0 clean, 1 broken links/anchors/sitemap entries, 2 setup problem.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="${SITECHECK_VENV:-$repo/.venv-tests}"

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
    echo "usage: $0 OUTPUT_DIR" >&2
    exit 2
fi
if ! command -v linkchecker >/dev/null 2>&1; then
    echo "check_links: linkchecker not found; run scripts/install-test-tools.sh" >&2
    exit 2
fi
py="$venv/bin/python"
[ -x "$py" ] || py="$(command -v python3)"

exec "$py" - "$1" <<'PYEOF'
import csv
import functools
import http.server
import io
import os
import posixpath
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

root = os.path.abspath(sys.argv[1])
problems: list[str] = []
notes: list[str] = []


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # quiet
        pass

    def end_headers(self):
        # linkchecker lifts its per-host rate limit for servers that send this.
        self.send_header("LinkChecker", "ok")
        super().end_headers()


httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=root))
httpd.daemon_threads = True
base = f"http://127.0.0.1:{httpd.server_address[1]}/"
server_thread = threading.Thread(target=httpd.serve_forever, daemon=True)
server_thread.start()
tmpdir = tempfile.mkdtemp(prefix="sitecheck-links-")
proc = None


_cleaned = False


def cleanup():
    global _cleaned
    if _cleaned:
        return
    _cleaned = True
    if proc is not None and proc.poll() is None:
        proc.kill()
        proc.wait()
    httpd.shutdown()
    httpd.server_close()
    shutil.rmtree(tmpdir, ignore_errors=True)


def on_signal(signum, _frame):
    raise SystemExit(128 + signum)


signal.signal(signal.SIGTERM, on_signal)
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def local_status(path: str) -> str:
    try:
        with opener.open(base + path.lstrip("/"), timeout=10) as resp:
            return str(resp.status)
    except urllib.error.HTTPError as exc:
        return f"{exc.code} {exc.reason}"
    except Exception as exc:
        return f"error {exc}"


def html_pages() -> list[str]:
    pages = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.endswith(".html") and not name.startswith("."):
                rel = os.path.relpath(os.path.join(dirpath, name), root).replace(os.sep, "/")
                pages.append("/" + (rel[: -len("index.html")] if name == "index.html" else rel))
    return pages


def map_locs(locs: list[str]) -> tuple[str, dict[str, str]]:
    """Map absolute sitemap URLs onto local paths. Returns (base, {loc: local path})."""
    forced = os.environ.get("SITECHECK_SITE_URL")
    paths = [urllib.parse.urlsplit(l).path or "/" for l in locs]
    if forced:
        prefixes = [urllib.parse.urlsplit(forced).path or "/"]
    else:
        common = posixpath.commonprefix(paths) if paths else "/"
        common = common[: common.rfind("/") + 1] or "/"
        prefixes, p = [], common
        while True:
            prefixes.append(p)
            if p == "/":
                break
            p = p[: p[:-1].rfind("/") + 1] or "/"

    def exists(local: str) -> bool:
        fs = os.path.join(root, urllib.parse.unquote(local).lstrip("/"))
        return os.path.isfile(os.path.join(fs, "index.html")) if local.endswith("/") else os.path.isfile(fs)

    best, best_hits = prefixes[0], -1
    for prefix in prefixes:
        hits = sum(1 for p in paths if p.startswith(prefix) and exists("/" + p[len(prefix):]))
        if hits > best_hits:
            best, best_hits = prefix, hits
    mapping = {}
    for loc, p in zip(locs, paths):
        mapping[loc] = "/" + p[len(best):] if p.startswith(best) else None
    return best, mapping


def read_sitemap(path_on_disk: str, seen: set) -> list[str]:
    if path_on_disk in seen:
        return []
    seen.add(path_on_disk)
    try:
        tree = ET.parse(path_on_disk)
    except (ET.ParseError, OSError) as exc:
        problems.append(f"sitemap: cannot parse {os.path.relpath(path_on_disk, root)}: {exc}")
        return []
    top = tree.getroot()
    locs = [el.text.strip() for el in top.iter() if el.tag.endswith("loc") and el.text]
    if top.tag.endswith("sitemapindex"):
        out = []
        _b, mapping = map_locs(locs)
        for loc, local in mapping.items():
            if local is None:
                problems.append(f"sitemap index: {loc} is outside the site")
                continue
            out += read_sitemap(os.path.join(root, local.lstrip("/")), seen)
        return out
    return locs


def main() -> int:
    global proc
    # ---- sitemap.xml and robots.txt -------------------------------------------
    sitemap_file = os.path.join(root, "sitemap.xml")
    sitemap_pages: list[str] = []
    if not os.path.isfile(sitemap_file):
        problems.append("sitemap: sitemap.xml is missing")
    else:
        locs = read_sitemap(sitemap_file, set())
        if not locs:
            problems.append("sitemap: sitemap.xml lists no <loc>")
        site_prefix, mapping = map_locs(locs) if locs else ("/", {})
        for loc, local in mapping.items():
            if local is None:
                problems.append(f"sitemap: {loc} is not under the site's base path {site_prefix}")
                continue
            status = local_status(local)
            if status != "200":
                problems.append(f"sitemap: {loc} -> {local} is not served ({status})")
            else:
                sitemap_pages.append(local)
        pages_on_disk = html_pages()
        missing = [p for p in pages_on_disk if p not in set(sitemap_pages) and not p.endswith("404.html")]
        if missing:
            notes.append(f"{len(missing)} page(s) not in sitemap.xml: " + ", ".join(missing[:10])
                         + (" ..." if len(missing) > 10 else ""))
    robots = os.path.join(root, "robots.txt")
    if os.path.isfile(robots):
        for line in open(robots, encoding="utf-8", errors="replace"):
            m = re.match(r"\s*sitemap\s*:\s*(\S+)", line, re.I)
            if m:
                _p, mp = map_locs([m.group(1)])
                local = mp[m.group(1)]
                target = os.path.join(root, (local or "").lstrip("/"))
                if not local or not os.path.isfile(target):
                    problems.append(f"robots.txt: Sitemap {m.group(1)} does not map to a file in the site")

    # ---- linkchecker ------------------------------------------------------------
    ignore_warnings = os.environ.get("SITECHECK_LINKS_IGNORE_WARNINGS", "").strip()
    config_lines = [
        "[checking]",
        "threads=4",
        "timeout=10",
        "robotstxt=0",
        "maxrequestspersecond=1000",
        "[filtering]",
        "checkextern=0",
        "ignore=",
        "  ^mailto:",
    ]
    if ignore_warnings:
        config_lines.append("ignorewarnings=" + ignore_warnings)
    config_lines.append("[AnchorCheck]")  # an (empty) plugin section enables the plugin
    config = "\n".join(config_lines) + "\n"
    # linkchecker run as root drops privileges to "nobody": the config must be readable.
    os.chmod(tmpdir, 0o755)
    config_path = os.path.join(tmpdir, "linkcheckerrc")
    with open(config_path, "w") as fh:
        fh.write(config)
    os.chmod(config_path, 0o644)

    start_paths = ["/"] + html_pages() + sitemap_pages
    start_urls = []
    for p in start_paths:
        u = base + urllib.parse.quote(p.lstrip("/"))
        if u not in start_urls:
            start_urls.append(u)

    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    env.setdefault("LANG", "C.UTF-8")
    cmd = ["linkchecker", "-f", config_path, "--no-status", "-v", "-o", "csv/utf-8"] + start_urls
    t0 = time.monotonic()
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                stdin=subprocess.DEVNULL, env=env, cwd=tmpdir)
        out, err = proc.communicate(timeout=float(os.environ.get("SITECHECK_LINKS_TIMEOUT", "900")))
    except subprocess.TimeoutExpired:
        print("check_links: FAIL linkchecker timed out")
        return 1
    elapsed = time.monotonic() - t0
    rc = proc.returncode
    text = out.decode("utf-8", errors="replace")
    lines = text.splitlines(keepends=True)
    try:
        header_at = next(i for i, l in enumerate(lines) if l.startswith("urlname;"))
    except StopIteration:
        print(f"check_links: linkchecker produced no CSV (exit {rc})")
        sys.stdout.write(text)
        sys.stdout.write(err.decode("utf-8", errors="replace"))
        return 2
    rows = list(csv.DictReader(io.StringIO("".join(lines[header_at:])), delimiter=";"))
    stderr_lines = [l for l in err.decode("utf-8", errors="replace").splitlines()
                    if l.strip() and "dropping privileges" not in l and "Checking intern URLs only" not in l]

    def short(url: str) -> str:
        return url[len(base) - 1:] if url and url.startswith(base) else url

    checked = 0
    broken, warned = [], []
    for row in rows:
        if row.get("valid") is None:
            continue
        checked += 1
        where = short(row.get("parentname") or "")
        if where:
            where = f"{where} line {row.get('line') or '?'}"
            if row.get("name"):
                where += f' (link text "{row["name"].strip()[:40]}")'
        else:
            where = "start URL"
        target = short(row.get("url") or row.get("urlname"))
        if row["valid"] != "True":
            broken.append(f"broken: {row['urlname']} -> {target}: {row.get('result')}\n      on {where}")
        elif row.get("warningstring"):
            warned.append(f"warning: {row['urlname']} -> {target}: {row['warningstring'].strip()}\n      on {where}")
    if rc not in (0, 1) or (rc == 1 and not broken and not warned):
        problems.append(f"linkchecker exited {rc}: " + " | ".join(stderr_lines[-5:]))

    for n in notes:
        print(f"check_links: note: {n}")
    summary = (f"linkchecker {len(start_urls)} start URL(s), {checked} URL(s) checked, "
               f"{len(sitemap_pages)} sitemap page(s), {elapsed:.1f}s")
    failures = broken + warned + problems
    if failures:
        for f in broken + warned + problems:
            print(f"  {f}")
        print(f"check_links: FAIL {len(broken)} broken, {len(warned)} warning(s), "
              f"{len(problems)} other problem(s); {summary}")
        return 1
    print(f"check_links: ok {summary}")
    return 0


try:
    status = main()
finally:
    cleanup()
sys.exit(status)
PYEOF
