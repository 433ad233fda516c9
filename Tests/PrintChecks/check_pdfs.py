#!/usr/bin/env python3
"""Check the printed documents ClinicPress made: every PDF under OUTPUT_DIR/print/.

    python3 Tests/PrintChecks/check_pdfs.py OUTPUT_DIR [--paper letter|a4] [--crisis TEXT]
    python3 Tests/PrintChecks/check_pdfs.py --selftest [OUTPUT_DIR]

Standard library only; the PDFs are judged by independent tools: qpdf, and poppler's pdfinfo,
pdffonts, pdftotext and pdftoppm, and zbarimg (zbar-tools). scripts/install-print-tools.sh
installs them all.

The kind of a PDF comes from its folder: print/handouts/ (a handout), print/workshops/ (a
workshop packet), print/brochures/ (a tri-fold brochure). Each PDF has its HTML source beside it
(same name, .html): the title, the canonical address and the table of contents are read from
there. Checks, one output line each:

  qpdf       `qpdf --check` exits 0 (a sound file).
  paper      every page is the expected paper (`pdfinfo -f 1 -l N`, +-1 pt): portrait
             612x792 (letter) or 595x842 (A4) for handouts and packets; landscape 792x612 or
             842x595 for brochures. The paper is --paper (default letter).
  pages      a brochure has exactly 2 pages (outside and inside of the sheet); a handout or a
             packet at least 1.
  fonts      `pdffonts` lists at least one font and every font is embedded (emb = yes).
  title      `pdftotext` finds the document's title: the text of the HTML's first <h1> (or its
             <title>), whitespace-insensitive.
  crisis     `pdftotext` finds the crisis line text (--crisis, default "988").
  page-of    handouts and packets: page 1 says "Page 1 of N" and the last page "Page N of N",
             N being the real page count.
  qr         page 1 rendered with `pdftoppm -png -r 150` holds exactly one QR code, and
             `zbarimg -q --raw` decodes it to exactly the HTML's <link rel="canonical"> address
             (a brochure's page 1 is the outside of the sheet, with the back panel's code).
  toc        packets: every entry of the table of contents (each link in the HTML's
             <nav class="packet-toc"> to "#id") is found, in order, in `pdftotext -layout` of the
             contents page(s) as "title . . . . N", and N is the first page after the contents
             (or the contents page, below its last entry) whose text has the target's heading (the first <h1>/<h2>/<h3> of the element with that
             id: a session's title, a handout's title) on line(s) of its own.

The last line is exactly "N passed, N failed"; the exit status is 1 when any check failed (2 for
a usage error or a missing tool).

--selftest proves that the checks can fail: it builds small PDFs by hand (no WeasyPrint needed)
and expects given checks to fail on a truncated file, the wrong paper, a QR code with another
address, a font that is not embedded, a brochure with 3 pages, a table of contents with a wrong
page number, and to pass on the same PDF without the fault. Given an OUTPUT_DIR with real PDFs,
it also breaks copies of them (truncated, checked against the other paper, a handout swapped
for another so its QR code opens the wrong page, a packet with a page removed, a brochure with
a page added) and expects the matching checks to fail and the untouched copies to pass.
"""
from __future__ import annotations

import argparse
import html
import html.parser
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import unicodedata
import zlib
from dataclasses import dataclass, field

PROG = 'check_pdfs'
TOOLS = ('qpdf', 'pdfinfo', 'pdffonts', 'pdftotext', 'pdftoppm', 'zbarimg')
PAPER = {'letter': (612.0, 792.0), 'a4': (595.0, 842.0)}
KINDS = {'handouts': 'handout', 'workshops': 'packet', 'brochures': 'brochure'}
TOLERANCE = 1.0


@dataclass
class Result:
    check: str
    ok: bool
    detail: str = ''


def run(args: list[str], timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, timeout=timeout)


def text_of(data: bytes) -> str:
    return data.decode('utf-8', errors='replace')


def norm(text: str) -> str:
    """Compare text the way a reader would: NFKC (ligatures), one space for any whitespace,
    soft hyphens removed."""
    text = unicodedata.normalize('NFKC', text).replace('\u00ad', '')
    return re.sub(r'\s+', ' ', text).strip()


# ---- The HTML source --------------------------------------------------------------------------

class SourceParser(html.parser.HTMLParser):
    """Reads what the checks need from a print HTML file: <title>, canonical link, the first
    <h1>, the first heading inside each element with an id, and the table of contents links."""

    HEADINGS = ('h1', 'h2', 'h3')

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ''
        self.canonical = None
        self.h1 = None
        self.toc: list[tuple[str, str]] = []       # (link text, target id)
        self.toc_heading = None
        self.heading_for_id: dict[str, str] = {}
        self._stack: list[tuple[str, str | None, bool]] = []  # (tag, id, is toc)
        self._open_ids: list[str] = []              # ids still waiting for their first heading
        self._capture: list[list] = []              # [kind, buffer, extra]

    VOID = {'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source',
            'track', 'wbr'}

    def in_toc(self) -> bool:
        return any(t for _, _, t in self._stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'link' and 'canonical' in (a.get('rel') or '').split():
            self.canonical = a.get('href')
        if tag in self.VOID:
            return
        classes = (a.get('class') or '').split()
        is_toc = 'packet-toc' in classes
        self._stack.append((tag, a.get('id'), is_toc))
        if a.get('id') and tag not in self.HEADINGS:
            self._open_ids.append(a['id'])
        if tag == 'title':
            self._capture.append(['title', [], None])
        elif tag in self.HEADINGS:
            ids = list(self._open_ids)
            if a.get('id'):
                ids.append(a['id'])
            self._open_ids = []
            self._capture.append(['heading', [], (tag, ids, self.in_toc())])
        elif tag == 'a' and self.in_toc() and (a.get('href') or '').startswith('#'):
            self._capture.append(['toc', [], a['href'][1:]])

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if self._capture:
            kind, buffer, extra = self._capture[-1]
            ends = {'title': 'title', 'toc': 'a'}.get(kind) or (extra[0] if kind == 'heading' else None)
            if tag == ends:
                self._capture.pop()
                text = norm(''.join(buffer))
                if kind == 'title':
                    self.title = self.title or text  # the document's, not an SVG's <title>
                elif kind == 'toc':
                    self.toc.append((text, extra))
                else:
                    htag, ids, in_toc = extra
                    if htag == 'h1' and self.h1 is None:
                        self.h1 = text
                    if in_toc and self.toc_heading is None:
                        self.toc_heading = text
                    for i in ids:
                        self.heading_for_id.setdefault(i, text)
        # close the element (tolerate sloppy nesting)
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index][0] == tag:
                closed = self._stack[index:]
                del self._stack[index:]
                for _, element_id, _ in closed:
                    if element_id in self._open_ids:
                        self._open_ids.remove(element_id)
                break

    def handle_data(self, data):
        for capture in self._capture:
            capture[1].append(data)


def read_source(html_path: str) -> SourceParser | None:
    try:
        with open(html_path, encoding='utf-8') as f:
            source = f.read()
    except OSError:
        return None
    parser = SourceParser()
    parser.feed(source)
    parser.close()
    return parser


# ---- The checks -------------------------------------------------------------------------------

def pdf_pages(pdf: str) -> tuple[int | None, list[tuple[float, float]], str]:
    info = run(['pdfinfo', pdf])
    if info.returncode != 0:
        lines = text_of(info.stderr).strip().splitlines()
        return None, [], f'pdfinfo failed: {lines[-1] if lines else info.returncode}'
    match = re.search(r'^Pages:\s+(\d+)', text_of(info.stdout), re.M)
    if not match:
        return None, [], 'pdfinfo shows no page count'
    count = int(match.group(1))
    sizes_out = run(['pdfinfo', '-f', '1', '-l', str(max(count, 1)), pdf])
    sizes = [(float(w), float(h)) for w, h in re.findall(
        r'^Page\s+\d+\s+size:\s+([\d.]+)\s+x\s+([\d.]+)', text_of(sizes_out.stdout), re.M)]
    return count, sizes, ''


def check_qpdf(pdf: str) -> Result:
    out = run(['qpdf', '--check', pdf])
    if out.returncode == 0:
        return Result('qpdf', True)
    lines = (text_of(out.stderr) + text_of(out.stdout)).strip().splitlines()
    detail = next((l for l in lines if 'error' in l.lower() or 'warning' in l.lower()), lines[-1] if lines else '')
    return Result('qpdf', False, f'qpdf --check exit {out.returncode}: {detail.strip()[:200]}')


def check_paper(kind: str, sizes: list[tuple[float, float]], paper: str) -> Result:
    width, height = PAPER[paper]
    if kind == 'brochure':
        width, height = height, width
        orientation = 'landscape'
    else:
        orientation = 'portrait'
    if not sizes:
        return Result('paper', False, 'pdfinfo lists no page sizes')
    wrong = [(n, w, h) for n, (w, h) in enumerate(sizes, 1)
             if abs(w - width) > TOLERANCE or abs(h - height) > TOLERANCE]
    if wrong:
        n, w, h = wrong[0]
        return Result('paper', False, f'page {n} is {w:g}x{h:g} pt, expected {orientation} {paper} '
                                      f'{width:g}x{height:g} ({len(wrong)} of {len(sizes)} pages wrong)')
    return Result('paper', True, f'{len(sizes)} x {orientation} {paper}')


def check_page_count(kind: str, count: int) -> Result:
    if kind == 'brochure':
        return Result('pages', count == 2, f'{count} pages' + ('' if count == 2 else ', expected exactly 2'))
    return Result('pages', count >= 1, f'{count} pages')


def check_fonts(pdf: str) -> Result:
    out = run(['pdffonts', pdf])
    if out.returncode != 0:
        return Result('fonts', False, f'pdffonts failed: {text_of(out.stderr).strip()[:200]}')
    lines = text_of(out.stdout).splitlines()
    rule = next((i for i, l in enumerate(lines) if l.startswith('---')), None)
    if rule is None or rule == 0:
        return Result('fonts', False, 'cannot read the pdffonts table')
    # Column positions from the dashes line: "----- ----- ..."
    spans = [(m.start(), m.end()) for m in re.finditer(r'-+', lines[rule])]
    header = lines[rule - 1]
    names = [header[s:e + 1].strip() for s, e in spans]
    if 'emb' not in names:
        return Result('fonts', False, 'pdffonts shows no "emb" column')
    emb = names.index('emb')
    rows = [l for l in lines[rule + 1:] if l.strip()]
    if not rows:
        return Result('fonts', False, 'no fonts at all (is there any text?)')
    missing = []
    for row in rows:
        # The name may be longer than its column; take the emb column from the right, where
        # every value is a single word: emb sub uni object ID -> 5 fields from the end.
        fields = row.split()
        value = fields[-5] if len(fields) >= 6 else row[spans[emb][0]:spans[emb][1] + 1].strip()
        if value != 'yes':
            missing.append(fields[0])
    if missing:
        return Result('fonts', False, f'not embedded: {", ".join(missing)}')
    return Result('fonts', True, f'{len(rows)} fonts, all embedded')


def pdf_text(pdf: str, layout: bool = False, first: int | None = None,
             last: int | None = None) -> str | None:
    args = ['pdftotext', '-enc', 'UTF-8']
    if layout:
        args.append('-layout')
    if first:
        args += ['-f', str(first)]
    if last:
        args += ['-l', str(last)]
    out = run(args + [pdf, '-'])
    if out.returncode != 0:
        return None
    return text_of(out.stdout)


def check_text(name: str, needle: str | None, text: str | None, what: str) -> Result:
    if text is None:
        return Result(name, False, 'pdftotext failed')
    if not needle:
        return Result(name, False, f'no {what} to look for')
    if norm(needle) in norm(text):
        return Result(name, True, repr(needle))
    return Result(name, False, f'{what} {needle!r} not found in the PDF text')


def check_page_of(pages_text: list[str], count: int) -> Result:
    if not pages_text:
        return Result('page-of', False, 'no page text')
    first = norm(pages_text[0])
    last = norm(pages_text[-1])
    want_first = f'Page 1 of {count}'
    want_last = f'Page {count} of {count}'
    if want_first not in first:
        found = re.search(r'Page \d+ of \d+', first)
        return Result('page-of', False, f'page 1 does not say {want_first!r}'
                                        + (f' (it says {found.group(0)!r})' if found else ''))
    if want_last not in last:
        return Result('page-of', False, f'the last page does not say {want_last!r}')
    return Result('page-of', True, f'"{want_first}" .. "{want_last}"')


def check_qr(pdf: str, expected: str | None, workdir: str) -> Result:
    if not expected:
        return Result('qr', False, 'no <link rel="canonical"> in the HTML to compare with')
    prefix = os.path.join(workdir, 'page')
    out = run(['pdftoppm', '-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', pdf, prefix])
    png = prefix + '.png'
    if out.returncode != 0 or not os.path.exists(png):
        return Result('qr', False, f'pdftoppm failed: {text_of(out.stderr).strip()[:200]}')
    scan = run(['zbarimg', '-q', '--raw', '-Sdisable', '-Sqrcode.enable', png])
    os.unlink(png)
    decoded = [l for l in text_of(scan.stdout).splitlines() if l.strip()]
    if not decoded:
        return Result('qr', False, 'no QR code found on page 1')
    if len(decoded) > 1:
        return Result('qr', False, f'{len(decoded)} QR codes on page 1: {decoded}')
    if decoded[0] != expected:
        return Result('qr', False, f'QR code opens {decoded[0]!r}, expected {expected!r}')
    return Result('qr', True, decoded[0])


def heading_lines(page: str, title: str) -> bool:
    """True when title fills one to four consecutive lines of page on its own."""
    want = norm(title)
    lines = [norm(l) for l in page.splitlines()]
    lines = [l for l in lines if l]
    for start in range(len(lines)):
        joined = ''
        for end in range(start, min(start + 4, len(lines))):
            joined = (joined + ' ' + lines[end]).strip()
            if joined == want:
                return True
            if not want.startswith(joined):
                break
    return False


def check_toc(pdf: str, source: SourceParser, pages_text: list[str]) -> Result:
    if not source.toc:
        return Result('toc', False, 'no table of contents links (<nav class="packet-toc"> <a href="#...">) in the HTML')
    heading = source.toc_heading or 'Contents'
    toc_page = next((n for n, t in enumerate(pages_text, 1) if heading_lines(t, heading)), None)
    if toc_page is None:
        return Result('toc', False, f'no page with the heading {heading!r}')
    # The contents may run over a few pages: read from the contents page on, in layout mode.
    layout_pages = []
    for n in range(toc_page, min(toc_page + 4, len(pages_text)) + 1):
        layout_pages.append(pdf_text(pdf, layout=True, first=n, last=n) or '')
    layout = unicodedata.normalize('NFKC', '\n'.join(layout_pages))
    position = 0
    listed: list[tuple[str, str, int]] = []
    for text, target in source.toc:
        words = norm(text).split(' ')
        pattern = r'\s+'.join(re.escape(w) for w in words) + r'[\s.\u00b7\u2024\u2026]*?(\d+)[ \t]*$'
        match = re.compile(pattern, re.M).search(layout, position)
        if not match:
            return Result('toc', False, f'entry {text!r} with a page number not found on the contents page(s) '
                                        f'from page {toc_page}')
        position = match.end()
        listed.append((text, target, int(match.group(1))))
    # The contents end on the page with the last entry; what follows it on that page (an
    # introduction, say) may be a target too, the contents themselves are not.
    last_toc_page, rest = toc_page, ''
    last_words = norm(listed[-1][0]).split(' ')
    last_entry = re.compile(r'\s+'.join(re.escape(w) for w in last_words) + r'[^\n]*\n?')
    for n in range(toc_page, min(toc_page + 4, len(pages_text)) + 1):
        page = unicodedata.normalize('NFKC', pages_text[n - 1])
        matches = list(last_entry.finditer(page))
        if matches:
            last_toc_page, rest = n, page[matches[-1].end():]
            break
    body = {n: pages_text[n - 1] for n in range(last_toc_page + 1, len(pages_text) + 1)}
    body[last_toc_page] = rest
    problems = []
    search_from = last_toc_page
    for text, target, printed in listed:
        title = source.heading_for_id.get(target)
        if title is None:
            problems.append(f'{text!r}: no element with id {target!r} and a heading in the HTML')
            continue
        found = next((n for n in range(search_from, len(pages_text) + 1)
                      if heading_lines(body[n], title)), None)
        if found is None:
            problems.append(f'{text!r}: heading {title!r} not found on any page from {search_from}')
            continue
        search_from = found
        if found != printed:
            problems.append(f'{text!r}: contents say page {printed}, it starts on page {found}')
    if problems:
        return Result('toc', False, '; '.join(problems))
    return Result('toc', True, f'{len(listed)} entries match their pages')


# A packet page that starts no session or handout must carry at least this many words of its own
# (beyond the running header and footer): fewer is a page printed for a line or two.
NEAR_EMPTY_WORDS = 30


def check_fill(source: SourceParser, pages_text: list[str]) -> Result:
    """No near-empty page in a packet: every page after the cover either starts a session or a
    handout (short handouts may be short) or holds NEAR_EMPTY_WORDS words besides the running
    header and footer: the lines (digits aside) among a page's first two and last four that are
    there on another page too."""
    def shape(line: str) -> str:
        return re.sub(r'\d+', '#', norm(line))

    def lines_of(page: str) -> list[str]:
        return [shape(l) for l in page.splitlines() if norm(l)]
    # Headers and footers separately: a session's title at the top of its page is not running
    # because the cover lists it at the bottom of another.
    tops: dict[str, int] = {}
    bottoms: dict[str, int] = {}
    for page in pages_text:
        lines = lines_of(page)
        for line in set(lines[:2]):
            tops[line] = tops.get(line, 0) + 1
        for line in set(lines[-4:]):
            bottoms[line] = bottoms.get(line, 0) + 1

    def zone(page: str) -> set[str]:
        lines = lines_of(page)
        return {l for l in lines[:2] if tops[l] >= 2} | {l for l in lines[-4:] if bottoms[l] >= 2}
    running = set(tops) | set(bottoms)
    starts = list(source.heading_for_id.values())
    problems = []
    for number, page in enumerate(pages_text[1:], 2):
        edge = zone(page) & running
        own = [l for l in page.splitlines() if norm(l) and shape(l) not in edge]
        words = sum(len(norm(l).split()) for l in own)
        # A title in the running header (the handout's name on each of its pages) starts nothing.
        if words >= NEAR_EMPTY_WORDS or any(heading_lines('\n'.join(own), title) for title in starts):
            continue
        problems.append(f'page {number} holds only {words} word(s) and starts nothing')
    if problems:
        return Result('fill', False, '; '.join(problems))
    return Result('fill', True, f'no near-empty page in {len(pages_text)}')


def check_pdf(pdf: str, kind: str, paper: str, crisis: str, workdir: str) -> list[Result]:
    results = [check_qpdf(pdf)]
    count, sizes, error = pdf_pages(pdf)
    if count is None:
        results.append(Result('pdfinfo', False, error))
        return results
    results.append(check_paper(kind, sizes, paper))
    results.append(check_page_count(kind, count))
    results.append(check_fonts(pdf))
    source = read_source(os.path.splitext(pdf)[0] + '.html')
    text = pdf_text(pdf)
    pages_text = text.split('\f') if text is not None else []
    if pages_text and not pages_text[-1].strip():
        pages_text.pop()  # pdftotext ends every page with a form feed
    if source is None:
        results.append(Result('html', False, 'no HTML source beside the PDF'))
        title = canonical = None
    else:
        title = source.h1 or source.title
        canonical = source.canonical
    results.append(check_text('title', title, text, 'title'))
    results.append(check_text('crisis', crisis, text, 'crisis line text'))
    if kind != 'brochure':
        results.append(check_page_of(pages_text, count))
    results.append(check_qr(pdf, canonical, workdir))
    if kind == 'packet' and source is not None:
        results.append(check_toc(pdf, source, pages_text))
        results.append(check_fill(source, pages_text))
    return results


def kind_of(path: str) -> str:
    return KINDS.get(os.path.basename(os.path.dirname(path)), 'handout')


def find_pdfs(output_dir: str) -> list[str]:
    found = []
    for folder, _, files in os.walk(os.path.join(output_dir, 'print')):
        found += [os.path.join(folder, f) for f in files if f.lower().endswith('.pdf')]
    return sorted(found)


def check_all(output_dir: str, paper: str, crisis: str, out=sys.stdout) -> tuple[int, int]:
    passed = failed = 0
    pdfs = find_pdfs(output_dir)
    if not pdfs:
        print(f'FAIL {os.path.join(output_dir, "print")}: no PDFs found', file=out)
        return 0, 1
    with tempfile.TemporaryDirectory(prefix='check-pdfs-') as workdir:
        for pdf in pdfs:
            name = os.path.relpath(pdf, output_dir)
            for result in check_pdf(pdf, kind_of(pdf), paper, crisis, workdir):
                print(f'{"ok  " if result.ok else "FAIL"} {name} {result.check}'
                      + (f': {result.detail}' if result.detail else ''), file=out)
                if result.ok:
                    passed += 1
                else:
                    failed += 1
    return passed, failed


# ---- Self-test --------------------------------------------------------------------------------

def qr_matrix(text: str) -> list[list[bool]]:
    """A QR code as a matrix of dark modules, from libqrencode (ctypes) or the qrencode tool."""
    try:
        import ctypes

        class QRcode(ctypes.Structure):
            _fields_ = [('version', ctypes.c_int), ('width', ctypes.c_int),
                        ('data', ctypes.POINTER(ctypes.c_ubyte))]
        lib = ctypes.CDLL('libqrencode.so.4')
        lib.QRcode_encodeString.restype = ctypes.POINTER(QRcode)
        lib.QRcode_encodeString.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.c_int,
                                            ctypes.c_int, ctypes.c_int]
        lib.QRcode_free.argtypes = [ctypes.POINTER(QRcode)]
        code = lib.QRcode_encodeString(text.encode(), 0, 1, 2, 1)  # level M, 8-bit mode
        if not code:
            raise OSError('QRcode_encodeString failed')
        width = code.contents.width
        matrix = [[bool(code.contents.data[y * width + x] & 1) for x in range(width)]
                  for y in range(width)]
        lib.QRcode_free(code)
        return matrix
    except OSError:
        out = run(['qrencode', '-t', 'ASCIIi', '-m', '0', '-o', '-', text])
        if out.returncode != 0:
            raise RuntimeError('neither libqrencode.so.4 nor the qrencode tool is available')
        rows = [l for l in text_of(out.stdout).splitlines() if l]
        return [[row[x] == ' ' for x in range(0, len(row), 2)] for row in rows]


def pdf_escape(s: str) -> str:
    return s.replace('\\', '\\\\').replace('(', '\\(').replace(')', '\\)')


def make_pdf(path: str, pages: list[list[str]], size: tuple[float, float], qr_text: str | None) -> None:
    """A small valid PDF: each page has lines of Helvetica text (not embedded, on purpose) from the
    top; page 1 also has qr_text's QR code as an image at its bottom right."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')
    image = None
    if qr_text:
        matrix = qr_matrix(qr_text)
        quiet = 4
        n = len(matrix) + 2 * quiet
        scale = 4
        rows = []
        for y in range(n * scale):
            my = y // scale - quiet
            row = bytearray()
            for x in range(n * scale):
                mx = x // scale - quiet
                dark = 0 <= my < len(matrix) and 0 <= mx < len(matrix) and matrix[my][mx]
                row.append(0 if dark else 255)
            rows.append(bytes(row))
        data = zlib.compress(b''.join(rows))
        image = add(b'<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray '
                    b'/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n' % (n * scale, n * scale, len(data))
                    + data + b'\nendstream')
    page_ids = []
    pages_id = len(objects) + 2 * len(pages) + 1
    for index, lines in enumerate(pages):
        ops = ['BT /F1 12 Tf 14 TL 72 %.1f Td' % (size[1] - 72)]
        for line in lines:
            ops.append('(%s) Tj T*' % pdf_escape(line))
        ops.append('ET')
        if index == 0 and image:
            ops.append('q 100 0 0 100 %.1f 60 cm /Im1 Do Q' % (size[0] - 172))
        stream = '\n'.join(ops).encode('cp1252')
        content = add(b'<< /Length %d >>\nstream\n' % len(stream) + stream + b'\nendstream')
        resources = b'<< /Font << /F1 %d 0 R >>' % font + (b' /XObject << /Im1 %d 0 R >>' % image if image else b'') + b' >>'
        page_ids.append(add(b'<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] /Resources %s /Contents %d 0 R >>'
                            % (pages_id, size[0], size[1], resources, content)))
    assert len(objects) + 1 == pages_id
    add(b'<< /Type /Pages /Kids [%s] /Count %d >>' % (b' '.join(b'%d 0 R' % p for p in page_ids), len(page_ids)))
    catalog = add(b'<< /Type /Catalog /Pages %d 0 R >>' % pages_id)
    out = bytearray(b'%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b'%d 0 obj\n' % number + body + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objects) + 1)
    for offset in offsets:
        out += b'%010d 00000 n \n' % offset
    out += b'trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objects) + 1, catalog, xref)
    with open(path, 'wb') as f:
        f.write(out)


def write_html(path: str, title: str, canonical: str, toc: list[tuple[str, str, str]] = ()) -> None:
    """A print HTML source as the templates write it (only what the checks read)."""
    parts = [f'<!doctype html><html lang="en"><head><title>{html.escape(title)}</title>'
             f'<link rel="canonical" href="{html.escape(canonical)}"></head><body>'
             f'<h1>{html.escape(title)}</h1>']
    if toc:
        parts.append('<nav class="packet-toc"><h2>Contents</h2><ol>')
        parts += [f'<li><a href="#{i}">{html.escape(t)}</a></li>' for t, i, _ in toc]
        parts.append('</ol></nav>')
        parts += [f'<section id="{i}"><h2>{html.escape(h)}</h2></section>' for _, i, h in toc]
    parts.append('</body></html>')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(''.join(parts))


@dataclass
class Case:
    name: str
    pdf: str
    kind: str
    paper: str
    must_fail: set = field(default_factory=set)
    must_pass: set = field(default_factory=set)


def synthetic_cases(root: str) -> list[Case]:
    url = 'https://example.org/education/a-handout/'
    letter, a4 = PAPER['letter'], PAPER['a4']
    cases = []

    def handout(name, size=letter, qr=url, lines=None):
        folder = os.path.join(root, name, 'print', 'handouts')
        os.makedirs(folder)
        pdf = os.path.join(folder, 'a-handout.pdf')
        make_pdf(pdf, [lines or ['A Handout Title', 'Crisis? Call or text 988', 'Page 1 of 1']], size, qr)
        write_html(pdf[:-4] + '.html', 'A Handout Title', url)
        return pdf

    # The control: everything right except the fonts, which a hand-made PDF cannot embed.
    cases.append(Case('control handout (only its fonts are wrong)', handout('control'), 'handout', 'letter',
                      must_fail={'fonts'}, must_pass={'qpdf', 'paper', 'pages', 'title', 'crisis', 'page-of', 'qr'}))
    pdf = handout('truncated')
    with open(pdf, 'rb') as f:
        data = f.read()
    with open(pdf, 'wb') as f:
        f.write(data[:len(data) // 2])
    cases.append(Case('truncated PDF', pdf, 'handout', 'letter', must_fail={'qpdf'}))
    cases.append(Case('A4 pages, letter expected', handout('a4', size=a4), 'handout', 'letter',
                      must_fail={'paper'}, must_pass={'qr', 'title'}))
    cases.append(Case('letter pages, A4 expected', handout('letter-for-a4'), 'handout', 'a4', must_fail={'paper'}))
    cases.append(Case('QR code with another address', handout('other-qr', qr='https://example.org/education/another/'),
                      'handout', 'letter', must_fail={'qr'}, must_pass={'title', 'paper'}))
    cases.append(Case('no QR code', handout('no-qr', qr=None), 'handout', 'letter', must_fail={'qr'}))
    cases.append(Case('no crisis line, no page numbers, wrong title',
                      handout('no-footer', lines=['Another Title']), 'handout', 'letter',
                      must_fail={'crisis', 'page-of', 'title'}))

    # Brochures: landscape, exactly two pages.
    folder = os.path.join(root, 'brochure3', 'print', 'brochures')
    os.makedirs(folder)
    burl = 'https://example.org/programs/a-program/'
    pdf = os.path.join(folder, 'a-program.pdf')
    make_pdf(pdf, [['A Program', 'Crisis? Call or text 988'], ['Inside'], ['Extra']], (792.0, 612.0), burl)
    write_html(pdf[:-4] + '.html', 'A Program', burl)
    cases.append(Case('brochure with 3 pages', pdf, 'brochure', 'letter', must_fail={'pages'},
                      must_pass={'paper', 'qr', 'title'}))
    folder = os.path.join(root, 'brochure-portrait', 'print', 'brochures')
    os.makedirs(folder)
    pdf = os.path.join(folder, 'a-program.pdf')
    make_pdf(pdf, [['A Program', 'Crisis? Call or text 988'], ['Inside']], letter, burl)
    write_html(pdf[:-4] + '.html', 'A Program', burl)
    cases.append(Case('portrait brochure', pdf, 'brochure', 'letter', must_fail={'paper'}, must_pass={'pages'}))

    # Packets: contents with right and wrong page numbers.
    purl = 'https://example.org/workshops/a-series/'
    toc = [('Session 1: First night', 'session-1', 'First night'),
           ('Handout One', 'session-1-one', 'Handout One'),
           ('Handout Two', 'session-1-two', 'Handout Two')]

    def packet(name, numbers, layout_pages):
        folder = os.path.join(root, name, 'print', 'workshops')
        os.makedirs(folder)
        pdf = os.path.join(folder, 'a-series.pdf')
        count = 2 + len(layout_pages)
        pages = [['A Series', 'Crisis? Call or text 988', f'Page 1 of {count}'],
                 ['Contents'] + [f'{t} . . . . . . . . {n}' for (t, _, _), n in zip(toc, numbers)]
                 + [f'Page 2 of {count}']]
        for index, body in enumerate(layout_pages, 3):
            pages.append(body + [f'Page {index} of {count}'])
        make_pdf(pdf, pages, letter, purl)
        write_html(pdf[:-4] + '.html', 'A Series', purl, toc)
        return pdf

    body = [['First night', 'Handout One', 'Some text.'], ['More of handout one.'], ['Handout Two', 'Text.']]
    cases.append(Case('packet with right contents', packet('packet-ok', [3, 3, 5], body), 'packet', 'letter',
                      must_pass={'toc', 'page-of', 'qr'}, must_fail={'fonts'}))
    cases.append(Case('packet contents one page off', packet('packet-off', [3, 3, 4], body), 'packet', 'letter',
                      must_fail={'toc'}))
    cases.append(Case('packet missing a handout', packet('packet-missing', [3, 3, 5], body[:2] + [['Text.']]),
                      'packet', 'letter', must_fail={'toc'}))
    # A handout running onto a page for one line, and the same page full.
    full = [f'More of handout one, line {n}: some words to fill it.' for n in range(6)]
    cases.append(Case('packet with a near-empty page', packet('packet-near-empty', [3, 3, 5], body), 'packet', 'letter',
                      must_fail={'fill'}, must_pass={'toc'}))
    cases.append(Case('packet with every page filled', packet('packet-filled', [3, 3, 5], [body[0], full, body[2]]),
                      'packet', 'letter', must_pass={'fill', 'toc'}))
    return cases


def real_cases(output_dir: str, root: str, paper: str) -> list[Case]:
    """Copies of real PDFs, broken on purpose (and one untouched copy of each kind)."""
    by_kind: dict[str, list[str]] = {}
    for pdf in find_pdfs(output_dir):
        by_kind.setdefault(kind_of(pdf), []).append(pdf)
    other = 'a4' if paper == 'letter' else 'letter'
    cases = []

    def copy(name, pdf, with_html=True):
        folder = os.path.join(root, name, 'print', os.path.basename(os.path.dirname(pdf)))
        os.makedirs(folder, exist_ok=True)
        target = os.path.join(folder, os.path.basename(pdf))
        shutil.copy(pdf, target)
        if with_html and os.path.exists(pdf[:-4] + '.html'):
            shutil.copy(pdf[:-4] + '.html', target[:-4] + '.html')
        return target

    everything = {'qpdf', 'paper', 'pages', 'fonts', 'title', 'crisis', 'qr'}
    for kind, pdfs in sorted(by_kind.items()):
        first = pdfs[0]
        must = everything | ({'page-of'} if kind != 'brochure' else set()) | ({'toc', 'fill'} if kind == 'packet' else set())
        cases.append(Case(f'real {kind} as built', copy(f'real-{kind}-ok', first), kind, paper, must_pass=must))
        target = copy(f'real-{kind}-truncated', first)
        with open(target, 'rb') as f:
            data = f.read()
        with open(target, 'wb') as f:
            f.write(data[:len(data) * 2 // 3])
        cases.append(Case(f'real {kind} truncated', target, kind, paper, must_fail={'qpdf'}))
        cases.append(Case(f'real {kind} checked against {other}', copy(f'real-{kind}-paper', first), kind, other,
                          must_fail={'paper'}))
        if len(pdfs) > 1:
            # Another document of the same kind under this one's name: its QR code opens another page.
            target = copy(f'real-{kind}-swapped', first)
            shutil.copy(pdfs[1], target)
            cases.append(Case(f'real {kind} with another document\'s QR code', target, kind, paper,
                              must_fail={'qr'}))
        count, _, _ = pdf_pages(first)
        if kind == 'packet' and count and count >= 5:
            target = copy('real-packet-page-removed', first)
            removed = target + '.tmp'
            run(['qpdf', target, '--pages', target, f'1-3,5-{count}', '--', removed])
            os.replace(removed, target)
            cases.append(Case('real packet with page 4 removed', target, kind, paper, must_fail={'toc', 'page-of'}))
        if kind == 'brochure':
            target = copy('real-brochure-3-pages', first)
            added = target + '.tmp'
            run(['qpdf', target, '--pages', target, '1-2,2', '--', added])
            os.replace(added, target)
            cases.append(Case('real brochure with a third page', target, kind, paper, must_fail={'pages'}))
    return cases


def selftest(output_dir: str | None, paper: str, crisis: str) -> int:
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix='check-pdfs-selftest-') as root:
        cases = synthetic_cases(os.path.join(root, 'synthetic'))
        if output_dir:
            cases += real_cases(output_dir, os.path.join(root, 'real'), paper)
        workdir = os.path.join(root, 'work')
        os.makedirs(workdir)
        for case in cases:
            results = {r.check: r for r in check_pdf(case.pdf, case.kind, case.paper, crisis, workdir)}
            problems = []
            for name in sorted(case.must_fail):
                if name not in results:
                    problems.append(f'check {name!r} did not run')
                elif results[name].ok:
                    problems.append(f'check {name!r} passed but should fail')
            for name in sorted(case.must_pass):
                if name not in results:
                    problems.append(f'check {name!r} did not run')
                elif not results[name].ok:
                    problems.append(f'check {name!r} failed: {results[name].detail}')
            failures = ', '.join(f'{r.check} ({r.detail})' for r in results.values() if not r.ok)
            if problems:
                failed += 1
                print(f'FAIL selftest: {case.name}: {"; ".join(problems)}')
            else:
                passed += 1
                print(f'ok   selftest: {case.name}: ' + (f'failed as expected: {failures}' if failures else 'all checks pass'))
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=PROG, description='Check the PDFs under OUTPUT_DIR/print/.')
    parser.add_argument('output_dir', nargs='?', metavar='OUTPUT_DIR')
    parser.add_argument('--paper', choices=sorted(PAPER), default='letter',
                        help='the paper every PDF must be on (default letter)')
    parser.add_argument('--crisis', default='988', help='crisis line text every PDF must contain (default 988)')
    parser.add_argument('--selftest', action='store_true',
                        help='prove that the checks fail on broken PDFs (with OUTPUT_DIR: also on broken copies of its PDFs)')
    args = parser.parse_args(argv)
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        print(f'{PROG}: error: missing tools: {", ".join(missing)} (run scripts/install-print-tools.sh)',
              file=sys.stderr)
        return 2
    if args.selftest:
        return selftest(args.output_dir, args.paper, args.crisis)
    if not args.output_dir:
        parser.error('OUTPUT_DIR is required (or --selftest)')
    if not os.path.isdir(args.output_dir):
        parser.error(f'{args.output_dir} is not a folder')
    passed, failed = check_all(args.output_dir, args.paper, args.crisis)
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    if hasattr(signal, 'SIGPIPE'):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `| head` ends quietly
    sys.exit(main())
