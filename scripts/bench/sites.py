"""Synthetic clinics for `make bench`: the same articles as a ClinicPress site and as a Hugo site.

A clinic of N articles has 10 programs, one workshop series, a team of six and two pages. Each
article is about 620 words of plain text in four `##` sections (so ClinicPress makes a table of
contents), with a list, some emphasis and a link to another article. Everything is drawn from a
fixed seed: the same N gives the same files.
"""
import os
import random
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
HUGO_LAYOUTS = HERE / "hugo" / "layouts"
REPO = HERE.parent.parent

PROGRAMS = 10
AUDIENCES = ["family", "client", "everyone"]
AUDIENCE_LABELS = {"family": "For families", "client": "For clients", "everyone": "For everyone"}
TOPICS = ["anxiety", "depression", "sleep", "family", "recovery", "medication", "stress", "school",
          "work", "grief", "trauma", "relapse", "groups", "skills", "safety", "insurance"]
REVIEWERS = ["Dana Whitfield, PhD, Clinical Director", "Marcus Oyelaran, MD, Medical Director",
             "Rosa Delgado, LCSW, Teen and Family Program Lead"]
HEADINGS = ["What it is", "Why it matters", "What to expect", "Signs to watch for",
            "How family can help", "Questions to ask", "Small steps that help", "When to call us",
            "What the research says", "Making a plan", "Taking care of yourself", "Next steps"]
TITLE_WORDS = ["Sleep", "Stress", "Worry", "Grief", "Anger", "Hope", "Routines", "Boundaries",
               "Cravings", "Panic", "Motivation", "Trust", "School", "Work", "Sadness", "Change"]
TITLE_FORMS = ["Understanding {}", "Living with {}", "Talking about {}", "A Guide to {}",
               "Coping with {}", "Family Questions about {}"]
WORDS = """about after again almost always anxious ask before better body breathe calm care change
check choose clear close come counselor daily day doctor each early easy enough every family
feel feelings find first friends goal good group habit hard health help home honest hope hours
idea important kind learn less life listen little long make many meet mind moment month more most
need next notice often other pace part patient people plan practice quiet ready reach real rest
right routine safe same school sense share short sleep slow small someone sometimes space steady
step strong support sure talk team therapy think time together tools treatment trust try understand
useful voice wait walk want week well what when whole work worry write year young""".split()

SITE_YML = """name: Lakeview Benchmark Clinic
url: https://bench.example.org/
language: en
timezone: America/Chicago
tagline: A synthetic clinic for measuring build speed.
description: >-
  Lakeview is an outpatient clinic made up for the ClinicPress benchmark. It has ten programs,
  a family workshop series, a small team and many education articles.
phone: "(847) 555-0199"
email: hello@bench.example.org
address:
  street: 12 Lake Street, Suite 3
  city: Lakeport
  region: IL
  postal_code: "60099"
  country: US
hours:
  - days: [mon, tue, wed, thu]
    opens: "08:00"
    closes: "21:00"
  - days: [fri]
    opens: "08:00"
    closes: "17:00"
crisis:
  - name: 988 Suicide & Crisis Lifeline
    phone: "988"
    text: "988"
    url: https://988lifeline.org/
  - name: Emergency services
    phone: "911"
  - name: SAMHSA National Helpline (free, 24/7, English and Spanish)
    phone: "1-800-662-4357"
    url: https://www.samhsa.gov/find-help/national-helpline
intake_steps:
  - Call us, or ask your doctor to send a referral.
  - Have a short phone talk with our intake team.
  - Come in for an assessment visit.
  - Join your first group, often within a week.
"""

TEAM = [("Dana Whitfield", "PhD", "Clinical Director"), ("Marcus Oyelaran", "MD", "Medical Director"),
        ("Rosa Delgado", "LCSW", "Teen and Family Program Lead"), ("Jamal Pierce", "LCPC", "Recovery Lead"),
        ("Ellen Marsh", "LCPC", "Adult IOP Lead"), ("Priya Natarajan", "BSN, RN", "Nurse Manager")]


def sentence(rng, low=8, high=16):
    words = rng.choices(WORDS, k=rng.randint(low, high))
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng, sentences):
    return " ".join(sentence(rng) for _ in range(sentences))


class Article:
    def __init__(self, index, count, rng):
        self.slug = f"article-{index:05d}"
        self.title = TITLE_FORMS[index % len(TITLE_FORMS)].format(TITLE_WORDS[(index // len(TITLE_FORMS)) % len(TITLE_WORDS)]) + f", part {index}"
        self.summary = sentence(rng, 12, 18)
        self.audience = AUDIENCES[index % 3]
        self.reviewed = f"2026-{1 + index % 12:02d}-{1 + index % 28:02d}"
        self.reviewer = REVIEWERS[index % len(REVIEWERS)]
        self.topics = rng.sample(TOPICS, 3)
        self.programs = sorted(rng.sample(range(1, PROGRAMS + 1), 2))
        other = 1 + (index % count)  # the next article, wrapping around
        self.link = (f"article-{other:05d}", f"part {other}")
        self.headings = rng.sample(HEADINGS, 4)
        self.intro = paragraph(rng, 3)
        self.sections = []
        for number in range(4):
            parts = [paragraph(rng, 6), paragraph(rng, 5)]
            if number == 1:
                parts.append("\n".join("- " + sentence(rng, 5, 9) for _ in range(4)))
            if number == 2:
                parts[0] += " **" + sentence(rng, 4, 6)[:-1] + "**, and *" + sentence(rng, 3, 5)[:-1] + "*."
            self.sections.append(parts)

    def body(self, link_target):
        lines = [self.intro, ""]
        for number, (heading, parts) in enumerate(zip(self.headings, self.sections)):
            lines += [f"## {heading}", ""]
            for part in parts:
                lines += [part, ""]
            if number == 3:
                lines += [f"Read more in [{self.link[1]}]({link_target}).", ""]
        return "\n".join(lines)

    def front_matter(self, program_keys):
        return "\n".join([
            "---",
            f"title: {self.title}",
            f"summary: {self.summary}",
            f"audience: {self.audience}",
            f"reviewed: {self.reviewed}",
            f"reviewed_by: {self.reviewer}",
            f"topics: [{', '.join(self.topics)}]",
            f"programs: [{', '.join(program_keys)}]",
            "---",
            "",
        ])


def articles(count):
    rng = random.Random(20261124 + count)
    return [Article(index, count, rng) for index in range(1, count + 1)]


def program_slug(number):
    return f"program-{number:02d}"


def program_markdown(number, rng, hugo):
    days = [["mon", "wed", "thu"], ["tue", "wed", "fri"]][number % 2]
    start = 9 + (number % 3) * 3
    body = [paragraph(rng, 4), ""]
    for heading in ["A typical day", "Who you will meet", "After the program"]:
        body += [f"## {heading}", "", paragraph(rng, 5), ""]
    return "\n".join([
        "---",
        f"title: Program {number} Intensive Outpatient",
        f"summary: {sentence(rng, 12, 18)}",
        "level_of_care: iop",
        "audience: adults",
        "focus: [depression, anxiety, trauma]",
        "length_weeks: 8",
        f"order: {number}",
        "tracks:",
        "  - name: Day track",
        f"    days: [{', '.join(days)}]",
        f'    start: "{start:02d}:00"',
        f'    end: "{start + 3:02d}:00"',
        f"    location: Room {number}",
        "components:",
        "  - name: Group therapy",
        "    description: Small groups with a licensed therapist.",
        "  - Weekly individual counseling",
        "good_fit:",
        "  - You need more support than weekly therapy for a while.",
        "not_a_fit:",
        "  - You need a hospital or crisis care first.",
        "insurance:",
        "  - Most major plans",
        "workshops: [family-series]",
        "---",
        "",
    ]) + "\n".join(body)


def workshop_markdown(article_slugs):
    sessions = []
    for number in range(6):
        handouts = ", ".join(article_slugs[number * 2: number * 2 + 2])
        sessions += [f"  - date: 2027-0{1 + number // 4}-{5 + 7 * (number % 4):02d}",
                     '    start: "18:30"', '    end: "20:00"', f"    title: Session {number + 1}",
                     f"    handouts: [{handouts}]"]
    return "\n".join([
        "---",
        "title: Family Series",
        "summary: Six evening sessions for family and friends.",
        "audience: family",
        "location: Community Room",
        f"programs: [{program_slug(1)}, {program_slug(2)}]",
        "sessions:",
    ] + sessions + ["---", "", "Come to one session or all six. Bring your questions.", ""])


def team_yml():
    lines = []
    for name, credentials, role in TEAM:
        lines += [f"- name: {name}", f"  credentials: {credentials}", f"  role: {role}",
                  f"  bio: {name.split()[0]} has worked with clients and families for many years.",
                  f"  programs: [{program_slug(1 + len(lines) % PROGRAMS)}, {program_slug(2 + len(lines) % 9)}]", ""]
    return "\n".join(lines)


def page_markdown(title, order):
    rng = random.Random(order)
    return f"---\ntitle: {title}\nsummary: {sentence(rng)}\norder: {order}\nmenu: true\n---\n{paragraph(rng, 6)}\n"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def make_clinicpress_site(folder, count):
    """SITE/Content/ for ClinicPress."""
    content = folder / "Content"
    all_articles = articles(count)
    rng = random.Random(7)
    write(content / "site.yml", SITE_YML)
    write(content / "team.yml", team_yml())
    for number in range(1, PROGRAMS + 1):
        write(content / "programs" / f"{program_slug(number)}.md", program_markdown(number, rng, False))
    write(content / "workshops" / "family-series.md", workshop_markdown([a.slug for a in all_articles]))
    write(content / "pages" / "about.md", page_markdown("About us", 1))
    write(content / "pages" / "contact.md", page_markdown("Contact", 2))
    for article in all_articles:
        keys = [program_slug(n) for n in article.programs]
        write(content / "education" / f"{article.slug}.md",
              article.front_matter(keys) + article.body(f"{article.link[0]}.md"))


def hugo_config():
    """hugo.toml: the clinic's details as params, a fixed menu, and nothing Hugo would add on its own."""
    crisis = [("988 Suicide & Crisis Lifeline", "988", "988", "https://988lifeline.org/"),
              ("Emergency services", "911", "", ""),
              ("SAMHSA National Helpline (free, 24/7, English and Spanish)", "1-800-662-4357", "",
               "https://www.samhsa.gov/find-help/national-helpline")]
    lines = [
        'baseURL = "https://bench.example.org/"',
        'languageCode = "en"',
        'title = "Lakeview Benchmark Clinic"',
        'disableKinds = ["taxonomy", "term", "rss"]',
        "relativeURLs = true",
        "enableRobotsTXT = true",
        "[taxonomies]",
        "[markup.goldmark.parser]",
        "  autoHeadingID = true",
        "[markup.tableOfContents]",
        "  startLevel = 2",
        "  endLevel = 2",
        "  ordered = true",
        "[params]",
        '  tagline = "A synthetic clinic for measuring build speed."',
        '  description = "Lakeview is an outpatient clinic made up for the ClinicPress benchmark. It has ten programs, a family workshop series, a small team and many education articles."',
        '  phone = "(847) 555-0199"',
        '  phoneHref = "tel:+18475550199"',
        '  email = "hello@bench.example.org"',
        '  addressLines = ["12 Lake Street, Suite 3", "Lakeport, IL 60099"]',
        '  hours = ["Mondays to Thursdays: 8:00 AM to 9:00 PM", "Fridays: 8:00 AM to 5:00 PM"]',
        '  intakeSteps = ["Call us, or ask your doctor to send a referral.", "Have a short phone talk with our intake team.", "Come in for an assessment visit.", "Join your first group, often within a week."]',
        "[params.audiences]",
        '  family = "For families"',
        '  client = "For clients"',
        '  everyone = "For everyone"',
    ]
    for name, phone, text, url in crisis:
        lines += ["[[params.crisis]]", f'  name = "{name}"', f'  phone = "{phone}"',
                  f'  phoneHref = "tel:{phone}"']
        if text:
            lines += [f'  text = "{text}"', f'  smsHref = "sms:{text}"']
        if url:
            lines += [f'  url = "{url}"']
    menu = [("Programs", "/programs/"), ("Levels of care", "/levels-of-care/"), ("Learn", "/education/"),
            ("Workshops", "/workshops/"), ("Our team", "/team/"), ("About us", "/about/"), ("Contact", "/contact/")]
    for weight, (name, url) in enumerate(menu, 1):
        lines += ["[[menus.main]]", f'  name = "{name}"', f'  url = "{url}"', f"  weight = {weight}"]
    return "\n".join(lines) + "\n"


def make_hugo_site(folder, count):
    """A Hugo site with the same articles, programs, workshop, team and pages."""
    content = folder / "content"
    all_articles = articles(count)
    rng = random.Random(7)
    write(folder / "hugo.toml", hugo_config())
    shutil.copytree(HUGO_LAYOUTS, folder / "layouts", dirs_exist_ok=True)
    write(folder / "static" / "theme" / "site.css", (REPO / "Templates" / "theme" / "site.css").read_text(encoding="utf-8"))
    write(folder / "data" / "team.yaml", team_yml())
    write(content / "_index.md", "---\ntitle: Home\n---\n")
    write(content / "programs" / "_index.md", "---\ntitle: Programs\n---\n")
    write(content / "education" / "_index.md",
          "---\ntitle: Learn\nsummary: Articles for clients and families.\n---\n")
    write(content / "workshops" / "_index.md", "---\ntitle: Workshops\n---\n")
    for number in range(1, PROGRAMS + 1):
        write(content / "programs" / f"{program_slug(number)}.md", program_markdown(number, rng, True))
    write(content / "workshops" / "family-series.md", workshop_markdown([a.slug for a in all_articles]))
    write(content / "about.md", page_markdown("About us", 1))
    write(content / "contact.md", page_markdown("Contact", 2))
    write(content / "filters" / "_index.md", "---\ntitle: Filters\nbuild:\n  render: never\n  list: never\n---\n")
    write(content / "team.md", "---\ntitle: Our team\nlayout: team\n---\n")
    write(content / "levels-of-care.md", "---\ntitle: Levels of care\nlayout: levels\n---\n")
    for key, title in [("family", "For families"), ("client", "For clients")]:
        write(content / "filters" / f"{key}.md",
              f"---\ntitle: {title}\naudience: {key}\nlayout: audience\nurl: /education/for-{'families' if key == 'family' else 'clients'}/\n---\n")
    for article in all_articles:
        keys = [program_slug(n) for n in article.programs]
        write(content / "education" / f"{article.slug}.md",
              article.front_matter(keys) + article.body(f"../{article.link[0]}/"))
