#!/usr/bin/env python3
"""Check the Atom feed of a built site with feedparser.

Usage:
    .venv-tests/bin/python Tests/SiteChecks/check_feeds.py OUTPUT_DIR [CONTENT_DIR]

For OUTPUT_DIR/feed.xml (and OUTPUT_DIR/<lang>/feed.xml when there are such):
  - feedparser reads it without any error (its `bozo` flag stays off), as Atom 1.0;
  - every entry has an id, a title, a link, an updated date, a summary and HTML content;
    ids are unique; entries are newest first;
  - every page links the feed from its <head> (rel=alternate, type=application/atom+xml);
  - with CONTENT_DIR (the site's Content/): one entry per article of Content/education/
    that is not a draft, with the article's title, whose page is the entry's link.
Exit status: 0 valid, 1 problems found, 2 usage or setup problem.
"""
from __future__ import annotations

import glob
import os
import re
import sys
import time

try:
    import feedparser
    import yaml
except ImportError:
    raise SystemExit("check_feeds: feedparser or PyYAML is missing; run scripts/install-test-tools.sh")


# ClinicPress puts the newest 50 entries in a feed (AtomFeed.limit): every article of a smaller site.
FEED_LIMIT = 50


def articles(content: str, language: str | None = None) -> dict[str, str]:
    """slug -> title of every article that is not a draft: the sources, or with `language` the
    translations into it (`x.es.md`)."""
    found = {}
    for path in sorted(glob.glob(os.path.join(content, "education", "*.md"))):
        slug = os.path.basename(path)[:-3]
        if language is None and "." in slug:
            continue
        if language is not None:
            if not slug.endswith("." + language):
                continue
            slug = slug[: -len(language) - 1]
        text = open(path, encoding="utf-8").read()
        match = re.match(r"---\r?\n(.*?)\r?\n---", text, re.S)
        meta = yaml.safe_load(match.group(1)) if match else {}
        if not meta.get("draft"):
            found[slug] = meta["title"]
    return found


def check_feed(path: str, problems: list[str]) -> list:
    feed = feedparser.parse(path)
    name = os.path.basename(os.path.dirname(path)) + "/feed.xml"
    if feed.bozo:
        problems.append(f"{name}: feedparser: {feed.bozo_exception}")
    if feed.version != "atom10":
        problems.append(f"{name}: read as {feed.version!r}, not Atom 1.0")
    ids = [e.get("id") for e in feed.entries]
    if len(set(ids)) != len(ids):
        problems.append(f"{name}: duplicate entry ids")
    previous = None
    for entry in feed.entries:
        label = f"{name}: entry {entry.get('id')!r}"
        for key in ("id", "title", "link", "updated_parsed", "summary"):
            if not entry.get(key):
                problems.append(f"{label} has no {key}")
        content = entry.get("content") or []
        if not content or content[0].get("type") != "text/html":
            problems.append(f"{label} has no HTML content")
        updated = entry.get("updated_parsed")
        if previous and updated and time.mktime(updated) > time.mktime(previous):
            problems.append(f"{label} is newer than the entry before it: entries must be newest first")
        previous = updated or previous
    return feed.entries


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3) or not os.path.isdir(argv[1]):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    root = argv[1]
    problems: list[str] = []
    main_feed = os.path.join(root, "feed.xml")
    if not os.path.isfile(main_feed):
        print("check_feeds: FAIL no feed.xml")
        return 1
    feeds = [main_feed] + sorted(glob.glob(os.path.join(root, "*", "feed.xml")))
    entries = {path: check_feed(path, problems) for path in feeds}
    if len(argv) == 3:
        # The default language's feed has every article; another language's, its translations.
        for feed in feeds:
            language = None if feed == main_feed else os.path.basename(os.path.dirname(feed))
            name = "feed.xml" if language is None else f"{language}/feed.xml"
            folder = "" if language is None else language + "/"
            expected = articles(argv[2], language)
            links = {e.link: e.title for e in entries[feed]}
            article_links = [link for link in links if "/education/" in link]
            if len(expected) > FEED_LIMIT:
                problems.append(f"{name}: this check expects at most {FEED_LIMIT} articles (the feed's limit); the site has {len(expected)}")
            if len(article_links) != len(expected):
                problems.append(f"{name}: {len(article_links)} article entries, {len(expected)} articles in that language")
            for slug, title in expected.items():
                page = [link for link in links if link.endswith(f"/{folder}education/{slug}/")]
                if not page:
                    problems.append(f"{name}: no entry for the article {slug}")
                elif links[page[0]] != title:
                    problems.append(f"{name}: the entry for {slug} is titled {links[page[0]]!r}, not {title!r}")
    pages = 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in ("print", "pagefind"))
        for name in filenames:
            if not name.endswith(".html"):
                continue
            pages += 1
            text = open(os.path.join(dirpath, name), encoding="utf-8").read()
            head = text.split("</head>", 1)[0]
            if not re.search(r'<link rel="alternate" type="application/atom\+xml" href="[^"]*feed\.xml"', head):
                problems.append(f"{os.path.relpath(os.path.join(dirpath, name), root)}: no link to the feed in <head>")
    for problem in problems:
        print(f"check_feeds: FAIL {problem}")
    total = sum(len(e) for e in entries.values())
    print(f"check_feeds: {'FAIL' if problems else 'OK'} {len(feeds)} feed(s), {total} entries, {pages} pages link it; "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
