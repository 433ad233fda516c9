#!/usr/bin/env python3
"""Checks a built site in several languages, independently of ClinicPress's own code.

    check_languages.py OUTPUT_DIR            check the site
    check_languages.py --selftest OUTPUT_DIR  break copies of it and require each check to fail

For every page (HTML outside print/):
  * hreflang links are reciprocal: each page a page names as its version names it back, with the
    same set of versions; `x-default` names the default language's page; the page a link names
    has that language in <html lang>.
  * the sitemap's xhtml:link alternates are the pages' own.
  * a page's text is in its language: on a page whose <html lang> is not the default language, no
    interface string of the default language (Templates/strings/<default>.yml) appears outside an
    element marked with another `lang` (attributes such as aria-label and alt included).
Exit 1 with one line per problem; 0 with a summary.
"""
import html.parser
import os
import re
import shutil
import sys
import tempfile
import xml.etree.ElementTree as ET

import yaml

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
TEXT_ATTRIBUTES = ("aria-label", "alt", "title", "placeholder")


class Page(html.parser.HTMLParser):
    """The page's language, its hreflang links, and its text outside other-language elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.alternates = {}
        self.stack = []  # (tag, language in force)
        self.text = []

    def current(self):
        return self.stack[-1][1] if self.stack else self.lang

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "link" and attrs.get("rel") == "alternate" and attrs.get("hreflang"):
            self.alternates[attrs["hreflang"]] = attrs.get("href")
        language = attrs.get("lang") or self.current()
        if language == self.lang and tag not in ("script", "style"):
            self.text.extend(attrs[name] for name in TEXT_ATTRIBUTES if attrs.get(name))
        if tag not in VOID and tag != "html":
            self.stack.append((tag, "-" if tag in ("script", "style") else language))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and tag != "html" and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if self.current() == self.lang:
            self.text.append(data)


def flatten(mapping, prefix=""):
    for key, value in mapping.items():
        if isinstance(value, dict):
            yield from flatten(value, prefix + key + ".")
        else:
            yield prefix + key, str(value)


def interface_phrases(default, other):
    """Pieces of the default language's strings that a page in `other` must not show: the literal
    text between {placeholders}, three words or more, where `other`'s file says something else."""
    def load(language):
        with open(os.path.join(REPO, "Templates", "strings", language + ".yml"), encoding="utf-8") as handle:
            return dict(flatten(yaml.safe_load(handle)))
    source, translated = load(default), load(other)
    phrases = set()
    for key, text in source.items():
        if translated.get(key) == text:
            continue
        for piece in re.split(r"\{[a-z_0-9]+\}", text):
            piece = " ".join(piece.split()).strip(" .,:;")
            if len(piece.split()) >= 3:
                phrases.add(piece)
    return phrases


def local_path(site, base, url):
    if not url.startswith(base):
        return None
    rest = url[len(base):]
    path = os.path.join(site, rest)
    return os.path.join(path, "index.html") if rest == "" or rest.endswith("/") else path


def check(site):
    problems = []
    pages = {}
    for folder, _, names in os.walk(site):
        relative = os.path.relpath(folder, site)
        if relative.split(os.sep)[0] in ("print", "pagefind"):
            continue
        for name in names:
            if name.endswith(".html"):
                path = os.path.join(folder, name)
                parser = Page()
                with open(path, encoding="utf-8") as handle:
                    parser.feed(handle.read())
                pages[os.path.normpath(path)] = parser
    languages = {page.lang for page in pages.values()}
    with open(os.path.join(site, "index.html"), encoding="utf-8") as handle:
        home = Page()
        home.feed(handle.read())
    default = home.lang
    base_match = re.search(r'<link rel="canonical" href="([^"]+)">', open(os.path.join(site, "index.html"), encoding="utf-8").read())
    base = base_match.group(1) if base_match else ""
    checked_links = 0
    for path, page in sorted(pages.items()):
        name = os.path.relpath(path, site)
        if not page.alternates:
            continue
        if "x-default" not in page.alternates:
            problems.append(f"{name}: hreflang links without x-default")
        elif page.alternates["x-default"] != page.alternates.get(default):
            problems.append(f"{name}: x-default is {page.alternates['x-default']}, not the {default} page {page.alternates.get(default)}")
        if page.lang not in page.alternates:
            problems.append(f"{name}: its hreflang links do not name itself ({page.lang})")
        for language, url in page.alternates.items():
            if language == "x-default":
                continue
            target = local_path(site, base, url)
            other = pages.get(os.path.normpath(target)) if target else None
            checked_links += 1
            if other is None:
                problems.append(f"{name}: hreflang {language} names {url}, which is not a page of the site")
                continue
            if other.lang != language:
                problems.append(f"{name}: hreflang {language} names {url}, whose <html lang> is {other.lang}")
            if other.alternates != page.alternates:
                problems.append(f"{name}: hreflang links are not reciprocal with {url}: {sorted(page.alternates.items())} there {sorted(other.alternates.items())}")
    # The sitemap lists the same versions as the pages do.
    sitemap = ET.parse(os.path.join(site, "sitemap.xml")).getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    for entry in sitemap.findall("s:url", ns):
        location = entry.find("s:loc", ns).text
        listed = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", ns)}
        target = local_path(site, base, location)
        page = pages.get(os.path.normpath(target)) if target else None
        if page is not None and listed != page.alternates:
            problems.append(f"sitemap.xml: the alternates of {location} are {sorted(listed.items())}, the page's {sorted(page.alternates.items())}")
    # Text in the page's language.
    phrase_sets = {language: interface_phrases(default, language) for language in languages if language and language != default
                   and os.path.exists(os.path.join(REPO, "Templates", "strings", language + ".yml"))}
    checked_pages = 0
    for path, page in sorted(pages.items()):
        if page.lang == default or page.lang not in phrase_sets:
            continue
        checked_pages += 1
        text = " ".join(" ".join(page.text).split())
        for phrase in sorted(phrase_sets[page.lang]):
            if phrase in text:
                problems.append(f"{os.path.relpath(path, site)}: a page in '{page.lang}' shows the {default} interface text '{phrase}' without lang=\"{default}\"")
    return problems, f"{len(pages)} page(s), {checked_links} hreflang link(s), {checked_pages} page(s) in another language than {default} read"


def selftest(site):
    """Each check must fail on a broken copy of the site."""
    failures = 0
    page = None
    for folder, _, names in os.walk(site):
        if "index.html" in names and os.path.relpath(folder, site).startswith("es" + os.sep + "programs"):
            page = os.path.relpath(os.path.join(folder, "index.html"), site)
            break
    if page is None:
        print("selftest: the site has no Spanish program page to break")
        return 1
    breakages = {
        "not reciprocal": lambda text: re.sub(r'<link rel="alternate" hreflang="en"[^>]*>\n', "", text, count=1),
        "shows the en interface text": lambda text: text.replace("</main>", "<p>If you are in crisis or thinking about suicide, please reach out</p></main>", 1),
        "whose <html lang>": lambda text: text.replace('<html lang="es">', '<html lang="fr">', 1),
    }
    for expected, breaking in breakages.items():
        with tempfile.TemporaryDirectory() as work:
            copy = os.path.join(work, "site")
            shutil.copytree(site, copy, ignore=shutil.ignore_patterns("*.pdf"))
            target = os.path.join(copy, page)
            with open(target, encoding="utf-8") as handle:
                text = handle.read()
            broken = breaking(text)
            if broken == text:
                print(f"FAIL  selftest could not break {page} for '{expected}'")
                failures += 1
                continue
            with open(target, "w", encoding="utf-8") as handle:
                handle.write(broken)
            problems, _ = check(copy)
            if any(expected in problem for problem in problems):
                print(f"ok    a copy with {page} broken fails: {expected}")
            else:
                print(f"FAIL  a copy with {page} broken was not caught ('{expected}'): {problems[:3]}")
                failures += 1
    return 1 if failures else 0


def main(argv):
    if len(argv) == 3 and argv[1] == "--selftest":
        return selftest(argv[2])
    if len(argv) != 2:
        print(__doc__)
        return 2
    problems, summary = check(argv[1])
    for problem in problems:
        print("check_languages: " + problem)
    if problems:
        print(f"check_languages: FAIL {len(problems)} problem(s); {summary}")
        return 1
    print(f"check_languages: ok {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
