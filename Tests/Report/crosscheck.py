#!/usr/bin/env python3
"""`clinicpress report` judged by independent tools.

Usage:
    .venv-tests/bin/python Tests/Report/crosscheck.py BINARY WORK_DIR

1. Grades: the report is made for the example clinic (Content/) and for the fixture corpus
   (Tests/Report/corpus-en, 22 original texts of known difficulty, and corpus-es, Spanish); for
   every document, Python textstat 0.7.8 measures the `text` the report gives and must agree
   within 0.5 grade (Flesch-Kincaid, SMOG; Flesch reading ease within 0.5 x 84.6 / 11.8 points;
   Spanish: Szigriszt-Pazos within 3.6 points, the same share of its scale), with the same word
   and sentence counts. Each corpus text must fall in the band it was written for (bands.json).
2. --fail-on: exit 1 exactly when a finding of a listed kind exists; 2 for an unknown kind, a
   bad date or an output folder inside Output/; 1 with the usual diagnostic for a content error.
3. The report is never published: a build of the corpus has no Report/ and its sitemap does not
   name one; `report` writes nothing into Output/.

WORK_DIR/example, WORK_DIR/corpus-en and WORK_DIR/corpus-es keep the reports, for vnu and axe.
Exit status: 0 when everything holds, 1 otherwise.
"""
import json
import os
import shutil
import subprocess
import sys

import textstat

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
DATE = "2026-11-30"
problems = []


def fail(message):
    problems.append(message)
    print("FAIL:", message)


def run(binary, *args, env=None):
    return subprocess.run([binary, *args], capture_output=True, text=True, env=env, timeout=300)


def report(binary, site, out, *extra):
    shutil.rmtree(out, ignore_errors=True)
    result = run(binary, "report", site, "--output", out, "--date", DATE, *extra)
    if result.returncode != 0:
        fail(f"report {site} exited {result.returncode}: {result.stdout}{result.stderr}")
        return None
    with open(os.path.join(out, "report.json"), encoding="utf-8") as f:
        return json.load(f)


def compare_grades(data, bands, name):
    checked = 0
    for doc in data["documents"]:
        text, path = doc["text"], doc["path"]
        if doc["words"] == 0:
            continue
        checked += 1
        if doc["language"].startswith("es"):
            textstat.set_lang("es")
            ours, theirs = doc["grade"]["szigriszt_pazos"], textstat.szigriszt_pazos(text)
            if abs(ours - theirs) > 3.6:
                fail(f"{name} {path}: Szigriszt-Pazos {ours} against textstat's {theirs:.2f}")
            band_value = ours
        else:
            textstat.set_lang("en_US")
            pairs = [("flesch_kincaid", textstat.flesch_kincaid_grade(text), 0.5),
                     ("smog", textstat.smog_index(text), 0.5),
                     ("flesch_reading_ease", textstat.flesch_reading_ease(text), 0.5 * 84.6 / 11.8)]
            for key, theirs, tolerance in pairs:
                if abs(doc["grade"][key] - theirs) > tolerance:
                    fail(f"{name} {path}: {key} {doc['grade'][key]} against textstat's {theirs:.2f}")
            band_value = doc["grade"]["flesch_kincaid"]
            # Same dictionary, same patterns (LibreOffice's, in Debian and in Pyphen): the same syllables.
            if doc["syllables"] != textstat.syllable_count(text):
                fail(f"{name} {path}: {doc['syllables']} syllables against textstat's {textstat.syllable_count(text)}")
        if doc["words"] != textstat.lexicon_count(text):
            fail(f"{name} {path}: {doc['words']} words against textstat's {textstat.lexicon_count(text)}")
        if doc["sentences"] != textstat.sentence_count(text):
            fail(f"{name} {path}: {doc['sentences']} sentences against textstat's {textstat.sentence_count(text)}")
        if bands is not None:
            low, high = bands[path]
            if not low <= band_value <= high:
                fail(f"{name} {path}: {band_value} is outside the band {low}..{high} the text was written for")
    textstat.set_lang("en_US")
    print(f"{name}: {checked} documents agree with textstat 0.7.8" if not problems else f"{name}: {checked} documents compared")
    return checked


def check_text_rules(data):
    """The measured text leaves out what readers do not read, and every list item is a sentence."""
    docs = {d["path"]: d for d in data["documents"]}
    mixed = docs["Content/education/mixed-markup.md"]["text"]
    for absent in ("https://example.org", "clipboard", "form-7", "not measured", "A clipboard with a pen"):
        if absent in mixed:
            fail(f"mixed-markup: the measured text holds '{absent}', which readers do not read as prose")
    for present in ("Read our intake guide before your visit.", "Arrive fifteen minutes early"):
        if present not in mixed:
            fail(f"mixed-markup: the measured text lacks '{present}'")
    listed = docs["Content/education/list-heavy.md"]["text"]
    for item in ("trouble sleeping.", "skipping meals.", "Signs that stress is building."):
        if item not in listed:
            fail(f"list-heavy: '{item}' is not a sentence of its own in {listed!r}")
    group = docs["Content/education/first-group.md"]
    if "What to expect" in group["text"] or "A tip" in group["text"]:
        fail("first-group: a heading or a callout title was measured")
    if "Bring a bottle of water and a notebook." not in group["text"]:
        fail("first-group: the callout's body was not measured")
    if "988" not in docs["Content/education/helping-a-friend.md"]["text"]:
        fail("helping-a-friend: text before the crisis block is missing")
    # Hardest sentences point at their line in the file (front matter included).
    for doc in data["documents"]:
        lines = open(os.path.join(HERE, "corpus-en", doc["path"]), encoding="utf-8").read().split("\n")
        for sentence in doc["hardest_sentences"]:
            first_words = " ".join(sentence["text"].split()[:3])
            if first_words not in lines[sentence["line"] - 1]:
                fail(f"{doc['path']}: hardest sentence '{first_words} ...' is not on line {sentence['line']}")


def check_fail_on(binary, work):
    site = os.path.join(HERE, "corpus-en")
    out = os.path.join(work, "fail-on")
    cases = [
        (["--fail-on", "grade"], 1),               # the hard texts are over target
        (["--fail-on", "sources,reviewer"], 0),   # every corpus article names both
        (["--fail-on", "overdue"], 0),            # reviewed 2026-06-15, due 2027-06-15
        (["--fail-on", "overdue", "--date", "2027-06-16"], 1),
        (["--fail-on", "due-soon", "--date", "2027-04-16"], 1),  # 60 days before the due date
        (["--fail-on", "due-soon", "--date", "2027-04-15"], 0),  # 61 days before
        (["--fail-on", "grade,bogus"], 2),
        (["--date", "2026-02-30"], 2),
        ([], 0),
    ]
    for args, expected in cases:
        full = ["report", site, "--output", out] + (args if "--date" in args else args + ["--date", DATE])
        got = subprocess.run([binary, *full], capture_output=True, text=True, timeout=300).returncode
        if got != expected:
            fail(f"report {' '.join(args)} exited {got}, expected {expected}")
    # Never inside the published site.
    got = run(binary, "report", site, "--output", os.path.join(site, "Output", "report")).returncode
    if got != 2:
        fail(f"report --output SITE/Output/report exited {got}, expected 2")
    if os.path.exists(os.path.join(site, "Output")):
        fail("report created SITE/Output")
    # A content error stops the report with the usual diagnostic.
    broken = os.path.join(work, "broken-site")
    shutil.rmtree(broken, ignore_errors=True)
    shutil.copytree(site, broken)
    path = os.path.join(broken, "Content", "education", "call-us.md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace("reviewed: 2026-06-15", "reviewed: 2026-13-45"))
    result = run(binary, "report", broken, "--date", DATE)
    if result.returncode != 1 or "Content/education/call-us.md:" not in result.stdout + result.stderr:
        fail(f"a content error: report exited {result.returncode} with {result.stdout}{result.stderr}")
    if os.path.exists(os.path.join(broken, "Report")):
        fail("a report was written for content with errors")
    print("--fail-on and exit statuses: checked")


def check_not_published(binary, work):
    site = os.path.join(work, "published-site")
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(os.path.join(HERE, "corpus-en"), site)
    if run(binary, "report", site, "--date", DATE).returncode != 0:
        fail("report on the copied corpus failed")
    out = os.path.join(site, "Output")
    result = run(binary, "build", site, "--pdf", "off", "--no-print")
    if result.returncode != 0:
        fail(f"build of the corpus failed: {result.stdout}{result.stderr}")
        return
    for root, _, files in os.walk(out):
        for name in files:
            rel = os.path.relpath(os.path.join(root, name), out)
            if rel.lower().startswith("report") or name == "report.json":
                fail(f"the build published {rel}")
    with open(os.path.join(out, "sitemap.xml"), encoding="utf-8") as f:
        if "report" in f.read().lower():
            fail("the sitemap names the report")
    if not os.path.exists(os.path.join(site, "Report", "index.html")):
        fail("the report is not in SITE/Report/")
    print("not published: checked")


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    binary, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    os.makedirs(work, exist_ok=True)
    example = report(binary, REPO, os.path.join(work, "example"))
    english = report(binary, os.path.join(HERE, "corpus-en"), os.path.join(work, "corpus-en"))
    spanish = report(binary, os.path.join(HERE, "corpus-es"), os.path.join(work, "corpus-es"))
    if example:
        compare_grades(example, None, "example clinic")
    if english:
        bands = json.load(open(os.path.join(HERE, "corpus-en", "bands.json")))
        if compare_grades(english, bands, "corpus-en") < 20:
            fail("the English corpus has fewer than 20 texts")
        check_text_rules(english)
    if spanish:
        compare_grades(spanish, json.load(open(os.path.join(HERE, "corpus-es", "bands.json"))), "corpus-es")
    check_fail_on(binary, work)
    check_not_published(binary, work)
    print(f"report cross-check: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
