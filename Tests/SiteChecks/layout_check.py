#!/usr/bin/env python3
"""Look at every page of a built site as phones and a desktop show it, in headless Chromium.

Usage:
    .venv-tests/bin/python Tests/SiteChecks/layout_check.py OUTPUT_DIR [SCREENSHOT_DIR]

Every *.html page of the website (print documents excluded) is opened at 320, 390 (both as a
phone: mobile, device scale 2) and 1280 px wide, and must have:
- no horizontal overflow: nothing wider than the screen, so nobody scrolls sideways to read
  (a table inside a scrolling box is fine; the page itself may not scroll sideways);
- the crisis line in the first screen: the crisis banner's top and a `tel:` link of it visible
  without scrolling (on a phone that is 988 one tap away);
- no image without `width` and `height` (the page must not jump while it loads);
- no table that scrolls sideways without a visible `.scroll-hint` just before its box.
With SCREENSHOT_DIR, a screenshot of the first screen of each page at each width is saved there
(`<width>/<page>.png`) for people to look at.

Exit status: 0 every page passes, 1 problems found, 2 setup problem.
"""
from __future__ import annotations

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import axe_check  # noqa: E402  (re-runs itself in .venv-tests; serves a folder; starts Chromium)

WIDTHS = [(320, 640, True), (390, 844, True), (1280, 900, False)]

MEASURE = """
const doc = document.documentElement;
const banner = document.querySelector('.crisis-banner');
const tel = banner ? [...banner.querySelectorAll('a[href^="tel:"]')] : [];
const visible = (el) => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight && r.width > 0; };
const wide = [...document.querySelectorAll('body *')].filter(el => {
  const r = el.getBoundingClientRect();
  if (r.right <= doc.clientWidth + 1) return false;
  // inside a box that scrolls sideways on purpose (tables)
  for (let p = el.parentElement; p; p = p.parentElement) {
    const s = getComputedStyle(p);
    if (s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden') return false;
  }
  return true;
}).slice(0, 3).map(el => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : ''));
return {
  overflow: doc.scrollWidth - doc.clientWidth,
  wide: wide,
  banner: banner ? banner.getBoundingClientRect().top : null,
  bannerHeight: banner ? banner.getBoundingClientRect().height : null,
  telVisible: tel.some(visible),
  // A table that scrolls sideways must say so: a visible .scroll-hint just before its box.
  silentScrollers: [...document.querySelectorAll('.table-wrap, [role=region]')].filter(box => {
    if (box.scrollWidth <= box.clientWidth + 1) return false;
    const hint = box.previousElementSibling;
    return !(hint && hint.classList.contains('scroll-hint') && hint.getBoundingClientRect().height > 0);
  }).map(box => box.getAttribute('aria-label') || box.className).slice(0, 3),
  undimensioned: [...document.images].filter(i => !i.getAttribute('width') || !i.getAttribute('height'))
    .map(i => i.getAttribute('src')).slice(0, 3),
};
"""


def main(argv):
    if len(argv) not in (2, 3) or not os.path.isdir(argv[1]):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    root = os.path.abspath(argv[1])
    shots = os.path.abspath(argv[2]) if len(argv) == 3 else None
    paths = [p for p in axe_check.page_paths(root) if not p.startswith("print/")]
    problems = []
    with axe_check.LocalServer(root) as server:
        driver = axe_check.start_browser("1280,900")
        try:
            for width, height, mobile in WIDTHS:
                metrics = {"width": width, "height": height, "deviceScaleFactor": 2 if mobile else 1, "mobile": mobile}
                driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
                for path in paths:
                    driver.get(server.base + path)
                    found = driver.execute_script(MEASURE)
                    where = f"/{path} at {width} px"
                    if found["overflow"] > 1:
                        problems.append(f"{where}: the page is {found['overflow']} px wider than the screen ({', '.join(found['wide']) or '?'})")
                    if found["banner"] is None:
                        problems.append(f"{where}: no crisis banner")
                    elif found["banner"] > 1 or not found["telVisible"]:
                        problems.append(f"{where}: the crisis line's phone link is not in the first screen")
                    if found["silentScrollers"]:
                        problems.append(f"{where}: a table scrolls sideways without saying so: {', '.join(map(str, found['silentScrollers']))}")
                    if found["undimensioned"]:
                        problems.append(f"{where}: images without width and height: {', '.join(map(str, found['undimensioned']))}")
                    if shots:
                        name = (path.rstrip("/").replace("/", "_") or "home").replace(".html", "") + ".png"
                        folder = os.path.join(shots, str(width))
                        os.makedirs(folder, exist_ok=True)
                        driver.save_screenshot(os.path.join(folder, name))
        finally:
            driver.quit()
    for problem in problems:
        print(f"layout_check: {problem}")
    print(f"layout_check: {'FAIL' if problems else 'ok'} {len(paths)} pages at {', '.join(str(w) for w, _, _ in WIDTHS)} px, "
          f"{len(problems)} problem(s){', screenshots in ' + shots if shots else ''}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
