#!/usr/bin/env python3
"""Run axe-core (WCAG 2.0/2.1 A + AA rules) on every HTML page of a built site.

Usage:
    .venv-tests/bin/python Tests/SiteChecks/axe_check.py OUTPUT_DIR

OUTPUT_DIR is served on 127.0.0.1 (random free port) from a thread of this
process; every *.html file is visited (dir/index.html as dir/) in Debian's
headless Chromium through chromedriver and Selenium, axe.min.js (shipped in
PyPI axe-playwright-python, installed with --no-deps) is injected and run with
runOnly tags wcag2a, wcag2aa, wcag21a, wcag21aa. Each page is checked at a
desktop viewport (1280x900) and an emulated phone (390x844, mobile, DPR 3).
One browser is reused for all pages.

Environment:
    SITECHECK_AXE_JS        path to axe.min.js (default: inside axe_playwright_python)
    SITECHECK_AXE_VIEWPORTS comma list of viewports to run: desktop,phone (default both)
    CHROME_BIN / CHROMEDRIVER  browser and driver (default: chromium, chromedriver on PATH)

Exit status: 0 no violations, 1 violations found, 2 setup problem.
"""
from __future__ import annotations

import functools
import http.server
import importlib.util
import os
import shutil
import signal
import sys
import threading
import time
import urllib.parse


def _use_test_venv() -> None:
    """Re-run this script with .venv-tests/bin/python when started by another Python."""
    here = os.path.dirname(os.path.abspath(__file__))
    venv = os.environ.get("SITECHECK_VENV") or os.path.join(here, "..", "..", ".venv-tests")
    py = os.path.join(venv, "bin", "python")
    if os.path.realpath(sys.prefix) != os.path.realpath(venv) and os.access(py, os.X_OK):
        os.execv(py, [py, os.path.abspath(__file__)] + sys.argv[1:])


_use_test_venv()

# Selenium Manager must never try to download a driver/browser (no network
# here, and it also sends usage statistics): we always give explicit paths.
os.environ.setdefault("SE_OFFLINE", "true")
os.environ.setdefault("SE_AVOID_STATS", "true")
for _var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
    os.environ.pop(_var, None)
os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
VIEWPORTS = {
    "desktop": None,  # the window size given on the command line
    "phone": {"width": 390, "height": 844, "deviceScaleFactor": 3, "mobile": True},
}
MAX_TARGETS = 3


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature from base class
        pass


class LocalServer:
    """Serve a folder on 127.0.0.1:<random port> from a daemon thread."""

    def __init__(self, root: str):
        handler = functools.partial(QuietHandler, directory=root)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="site-server",
                                       daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


def find_axe_js() -> str:
    override = os.environ.get("SITECHECK_AXE_JS")
    if override:
        return override
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("axe_check: axe-playwright-python is not installed; "
                         "run scripts/install-test-tools.sh")
    for loc in spec.submodule_search_locations:
        for dirpath, _dirs, files in os.walk(loc):
            if "axe.min.js" in files:
                return os.path.join(dirpath, "axe.min.js")
    raise SystemExit("axe_check: axe.min.js not found inside axe_playwright_python")


def page_paths(root: str) -> list[str]:
    """URL paths (relative to the site root) of every HTML file."""
    paths = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.endswith(".html") or name.startswith("."):
                continue
            rel = os.path.relpath(os.path.join(dirpath, name), root).replace(os.sep, "/")
            if name == "index.html":
                rel = rel[: -len("index.html")]
            paths.append(urllib.parse.quote(rel))
    return sorted(paths, key=lambda p: (p.count("/"), p))


def start_browser(window: str):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chrome = os.environ.get("CHROME_BIN") or shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver") \
        or ("/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None)
    if not chrome or not driver_path:
        raise SystemExit("axe_check: chromium and/or chromedriver not found; "
                         "run scripts/install-test-tools.sh")
    opts = webdriver.ChromeOptions()
    opts.binary_location = chrome
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 f"--window-size={window}", "--force-device-scale-factor=1",
                 "--no-proxy-server", "--no-first-run", "--no-default-browser-check",
                 "--disable-extensions", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-default-apps",
                 "--disable-features=Translate,MediaRouter,OptimizationHints",
                 "--mute-audio", "--lang=en-US"):
        opts.add_argument(flag)
    service = Service(executable_path=driver_path, log_output=os.devnull)
    driver = webdriver.Chrome(service=service, options=opts)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    return driver


RUN_AXE = """
const done = arguments[arguments.length - 1];
const tags = arguments[0];
if (typeof window.axe === 'undefined') { done({error: 'axe not injected'}); return; }
window.axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then(r => done({
      version: window.axe.version,
      violations: r.violations.map(v => ({
          id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
          nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary}))
      }))
  }))
  .catch(e => done({error: String(e && e.stack || e)}));
"""


def fmt_target(target) -> str:
    # a target is a list of selectors (more than one when inside iframes / shadow DOM)
    if isinstance(target, list):
        return " >>> ".join(fmt_target(t) for t in target)
    return str(target)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[1] in ("-h", "--help") or not os.path.isdir(argv[1]):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    root = os.path.abspath(argv[1])
    axe_js_path = find_axe_js()
    with open(axe_js_path, encoding="utf-8") as fh:
        axe_source = fh.read()
    paths = page_paths(root)
    if not paths:
        print(f"axe_check: FAIL no .html files under {root}")
        return 1
    wanted = [v.strip() for v in os.environ.get("SITECHECK_AXE_VIEWPORTS", "desktop,phone").split(",")
              if v.strip()]
    unknown = [v for v in wanted if v not in VIEWPORTS]
    if unknown or not wanted:
        print(f"axe_check: unknown viewport(s) {unknown}; use desktop,phone", file=sys.stderr)
        return 2

    # SIGTERM -> SystemExit (SIGINT already raises KeyboardInterrupt), so that the
    # finally/with blocks below close the browser and the server.
    def _stop(signum, _frame):
        raise SystemExit(128 + signum)
    signal.signal(signal.SIGTERM, _stop)

    # findings[(page, rule id)] = {"impact", "help", "helpUrl", "targets", "viewports"}
    findings: dict[tuple[str, str], dict] = {}
    started = time.monotonic()
    axe_version = "?"
    with LocalServer(root) as server:
        try:
            driver = start_browser("1280,900")
        except SystemExit:
            raise
        except Exception as exc:  # session not created, version mismatch, crash...
            print(f"axe_check: could not start chromium through chromedriver: {exc}")
            return 2
        try:
            caps = driver.capabilities
            browser_v = caps.get("browserVersion", "?")
            driver_v = str(caps.get("chrome", {}).get("chromedriverVersion", "?")).split(" ")[0]
            if browser_v.split(".")[0] != driver_v.split(".")[0]:
                print(f"axe_check: warning: chromium {browser_v} vs chromedriver {driver_v}")
            for viewport in wanted:
                metrics = VIEWPORTS[viewport]
                if metrics:
                    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
                else:
                    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
                for path in paths:
                    url = server.base + path
                    try:
                        driver.get(url)
                        driver.execute_script(axe_source)
                        result = driver.execute_async_script(RUN_AXE, TAGS)
                    except Exception as exc:  # timeout, renderer crash, ...
                        print(f"axe_check: browser error on /{path} ({viewport}): "
                              f"{type(exc).__name__}: {str(exc).strip()[:300]}")
                        return 2
                    if not isinstance(result, dict) or result.get("error"):
                        err = result.get("error") if isinstance(result, dict) else result
                        print(f"axe_check: axe failed on /{path} ({viewport}): {err}")
                        return 2
                    axe_version = result.get("version", axe_version)
                    for v in result["violations"]:
                        key = ("/" + urllib.parse.unquote(path), v["id"])
                        entry = findings.setdefault(key, {
                            "impact": v.get("impact") or "?", "help": v["help"],
                            "helpUrl": v.get("helpUrl", ""), "targets": [], "viewports": []})
                        entry["viewports"].append(viewport)
                        for node in v["nodes"]:
                            t = fmt_target(node["target"])
                            if t not in entry["targets"]:
                                entry["targets"].append(t)
        finally:
            driver.quit()
    elapsed = time.monotonic() - started
    header = (f"axe-core {axe_version}, chromium {browser_v}, {len(paths)} page(s) x "
              f"{len(wanted)} viewport(s) ({','.join(wanted)}), tags {','.join(TAGS)}, "
              f"{elapsed:.1f}s")
    if not findings:
        print(f"axe_check: ok no violations: {header}")
        return 0
    pages = sorted({p for p, _ in findings})
    print(f"axe_check: {len(findings)} violation(s) on {len(pages)} page(s):")
    for (page, rule), e in sorted(findings.items()):
        targets = e["targets"][:MAX_TARGETS]
        more = len(e["targets"]) - len(targets)
        print(f"  {page}  [{'+'.join(e['viewports'])}]  {rule} ({e['impact']}): {e['help']}")
        print(f"      targets: {', '.join(targets)}" + (f" (+{more} more)" if more > 0 else ""))
        if e["helpUrl"]:
            print(f"      {e['helpUrl']}")
    print(f"axe_check: FAIL {header}")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
