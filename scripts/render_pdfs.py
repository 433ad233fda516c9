#!/usr/bin/env python3
"""Render HTML files to PDF with WeasyPrint, several per process.

Run it with the print venv's Python (scripts/install-print-tools.sh makes it):

    .venv-print/bin/python scripts/render_pdfs.py jobs.json
    echo '[{"html": "a.html", "pdf": "a.pdf"}]' | .venv-print/bin/python scripts/render_pdfs.py

Input: a JSON list of jobs, {"html": PATH, "pdf": PATH}, from the file named
as argument, or from standard input (no argument, or "-"). Relative paths are
taken from the current directory. Relative URLs inside the HTML (stylesheets,
@font-face, images) resolve against the HTML file's own folder.

Each job is rendered with the Python API in a bounded pool of worker
processes (--jobs, default 2): starting WeasyPrint costs about half a second,
so one process per PDF is much slower than this.

Output is made reproducible (byte-identical for the same input, fonts and
pinned versions):
  * tagged PDF, PDF/UA-1 by default (--variant; "none" gives an untagged PDF);
  * the trailer /ID is the MD5 of the file's content (pdf_identifier=True),
    never random;
  * /CreationDate and /ModDate come only from <meta name="dcterms.created">
    and <meta name="dcterms.modified"> in the HTML; when the HTML has none,
    from --date or SOURCE_DATE_EPOCH if given, else they are left out (WeasyPrint
    itself never writes the current time for a document);
Nothing outside the working folder is read: the URL fetcher refuses every scheme
but file: and data: (--allow-network adds http: and https:) and every file: URL
whose real path is outside the working folder (the build's staging folder), so
an SVG or stylesheet that points at file:///etc/passwd fails its job instead of
printing that file.

No compiler runs: WeasyPrint finds Pango, HarfBuzz, fontconfig and GObject
through cffi's dlopen, which falls back on ctypes.util.find_library, and that
runs gcc and ld (writing temporary files in $TMPDIR) for every name it tries.
scripts/install-print-tools.sh runs `render_pdfs.py --write-library-paths FILE`
once, which records the exact path of each library (from `ldconfig -p`, each
loaded once to be sure it fits this Python) in the venv; every run then loads
those paths and answers find_library from that table only (None for anything
else), never starting a program.

Each PDF is written to a temporary file beside it and renamed into place.

With --progress, one JSON line {"done": PDF} is printed (and flushed) on standard
output as each job finishes, for a caller that shows progress. At the end, every
job gets exactly one result line on standard output:
    {"pdf": PDF, "ok": true, "inputs": [...]}            (+ "pages", "overflow" with "panels")
    {"pdf": PDF, "ok": false, "error": "RecursionError: ..."}
A caller must treat a job without an "ok": true line as failed. Standard output
carries only these JSON lines: anything else written there (by WeasyPrint or a C
library) is sent to standard error.

Exit status: 0 when every job rendered; 1 when any job failed (also one line per
failed job on stderr: "render_pdfs: FAILED <html> -> <pdf>: <reason>"); 2 for
bad arguments or bad job lists. A resource WeasyPrint cannot load (an image, a
stylesheet; an @font-face file, which it only warns about) fails the job here;
CSS/HTML warnings are printed and fail the job only with --strict.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime
import json
import logging
import os
import sys
import tempfile
import time

PROG = 'render_pdfs'
VARIANTS_HINT = 'pdf/ua-1 (default), pdf/ua-2, pdf/a-2a, ..., or none'


def die(message: str) -> None:
    print(f'{PROG}: error: {message}', file=sys.stderr)
    sys.exit(2)


# ---- libraries, found once at install time --------------------------------------

LIBRARY_PATHS = 'clinicpress-libraries.json'
# The sonames WeasyPrint 70's text/ffi.py dlopens (harfbuzz-subset and -vector are optional).
LIBRARIES = ('libgobject-2.0.so.0', 'libpango-1.0.so.0', 'libpangoft2-1.0.so.0', 'libharfbuzz.so.0',
             'libharfbuzz-subset.so.0', 'libharfbuzz-vector.so.0', 'libfontconfig.so.1')


def write_library_paths(target: str) -> int:
    """Install time: the exact path of each library, from the loader cache (`ldconfig -p`), keeping
    the first one this Python can load (the right architecture). Written only when it changed."""
    import ctypes
    import subprocess
    listing = subprocess.run(['ldconfig', '-p'], capture_output=True, text=True, check=False).stdout
    if not listing:
        listing = subprocess.run(['/sbin/ldconfig', '-p'], capture_output=True, text=True, check=False).stdout
    found = {}
    for line in listing.splitlines():
        name, _, path = line.strip().partition(' => ')
        name = name.split(' (')[0]
        if name in LIBRARIES and name not in found and os.path.isfile(path):
            try:
                ctypes.CDLL(path)
            except OSError:
                continue
            found[name] = path  # the soname's link, which a library upgrade keeps valid
    missing = [n for n in LIBRARIES if n not in found and 'subset' not in n and 'vector' not in n]
    if missing:
        print(f'{PROG}: error: not in the loader cache (ldconfig -p): {", ".join(missing)}', file=sys.stderr)
        return 1
    text = json.dumps(found, indent=2, sort_keys=True) + '\n'
    try:
        with open(target, encoding='utf-8') as f:
            if f.read() == text:
                return 0
    except OSError:
        pass
    with open(target + '.tmp', 'w', encoding='utf-8') as f:
        f.write(text)
    os.replace(target + '.tmp', target)
    return 0


def pin_libraries() -> None:
    """Load WeasyPrint's libraries from the paths found at install time, and never let
    ctypes.util.find_library start gcc, ld or ldconfig. Call before importing weasyprint."""
    import ctypes.util
    table: dict[str, str] = {}
    try:
        with open(os.path.join(sys.prefix, LIBRARY_PATHS), encoding='utf-8') as f:
            table = {k: v for k, v in json.load(f).items() if isinstance(v, str) and os.path.isfile(v)}
    except (OSError, ValueError, AttributeError):
        table = {}  # an older venv: sonames still load through the dynamic loader's own search

    def find_library(name: str) -> str | None:
        return table.get(name)
    ctypes.util.find_library = find_library
    if not table:
        return
    import cffi
    if getattr(cffi.FFI.dlopen, '_clinicpress', False):
        return
    original = cffi.FFI.dlopen

    def dlopen(self, name, flags=0):
        # WeasyPrint tries several names per library (Windows and macOS ones first): answer the
        # soname with its exact path, and refuse the others at once instead of searching.
        if isinstance(name, str) and '/' not in name:
            if name not in table:
                raise OSError(f'{name}: not one of the libraries found at install time')
            name = table[name]
        return original(self, name, flags)
    dlopen._clinicpress = True
    cffi.FFI.dlopen = dlopen


def load_jobs(source: str | None) -> list[dict]:
    try:
        if source in (None, '-'):
            if source is None and sys.stdin.isatty():
                die('give a JSON job file, or pipe the JSON job list on standard input')
            text = sys.stdin.read()
            where = 'standard input'
        else:
            with open(source, encoding='utf-8') as f:
                text = f.read()
            where = source
    except OSError as e:
        die(f'cannot read job list: {e}')
    try:
        jobs = json.loads(text)
    except json.JSONDecodeError as e:
        die(f'{where} is not valid JSON: {e}')
    if not isinstance(jobs, list):
        die(f'{where}: expected a JSON list of {{"html": ..., "pdf": ...}} objects')
    seen_pdfs: dict[str, int] = {}
    for index, job in enumerate(jobs):
        if (not isinstance(job, dict) or not isinstance(job.get('html'), str)
                or not isinstance(job.get('pdf'), str) or not job['html'] or not job['pdf']):
            die(f'{where}: job #{index} must be an object with string "html" and "pdf" paths, '
                f'got {json.dumps(job)[:200]}')
        pdf = os.path.abspath(job['pdf'])
        if pdf in seen_pdfs:
            die(f'{where}: jobs #{seen_pdfs[pdf]} and #{index} write the same PDF {job["pdf"]}')
        seen_pdfs[pdf] = index
    return jobs


def fallback_date(option: str | None) -> str | None:
    """The W3C date to use when a document has no dcterms date, or None."""
    if option:
        return option
    epoch = os.environ.get('SOURCE_DATE_EPOCH', '')
    if not epoch:
        return None
    try:
        # Digits only, as clinicpress accepts it: int() would also take ' 1', '+1', '1_0' and '١'.
        if not (epoch.isascii() and epoch.isdigit()):
            raise ValueError(epoch)
        moment = datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc)
    except (ValueError, OverflowError, OSError):
        die(f'SOURCE_DATE_EPOCH must be an integer number of seconds, not {epoch!r}')
    return moment.strftime('%Y-%m-%dT%H:%M:%SZ')


# ---- worker side ----------------------------------------------------------------

class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


_collector: _Collector | None = None


def die_with_parent(expected_parent: int | None = None) -> None:
    """Ask Linux to kill this process when its parent dies, so a build that is interrupted
    (Ctrl-C, kill, even kill -9) never leaves WeasyPrint running on. No-op elsewhere."""
    try:
        import ctypes
        import signal
        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    # The parent may have died before prctl took effect.
    if expected_parent is not None and os.getppid() != expected_parent:
        os._exit(1)


def _init_worker() -> None:
    global _collector
    die_with_parent()
    pin_libraries()
    import weasyprint  # noqa: F401  (pay the import once per worker)
    logger = logging.getLogger('weasyprint')
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    _collector = _Collector()
    logger.addHandler(_collector)
    # Progress messages are INFO; keep them out.
    logging.getLogger('weasyprint.progress').setLevel(logging.ERROR)


def _is_error(record: logging.LogRecord) -> bool:
    # WeasyPrint logs resources it cannot load (images, stylesheets) as errors,
    # but an @font-face it cannot load only as a warning, and then silently
    # falls back to whatever system font matches: fail on that too.
    return (record.levelno >= logging.ERROR
            or record.getMessage().startswith('Font-face '))


def overflowing_panels(document) -> list[str]:
    """Names (data-panel) of fixed-size panels whose content runs past their bottom edge.

    A brochure panel has a fixed height and hides what does not fit; this finds what was hidden,
    so the build can warn instead of cutting text off silently."""
    found = []
    for page in document.pages:
        stack = [page._page_box]
        while stack:
            box = stack.pop()
            element = getattr(box, 'element', None)
            name = element.get('data-panel') if element is not None and hasattr(element, 'get') else None
            children = list(box.children) if hasattr(box, 'children') else []
            if name and getattr(box, 'element_tag', None) is not None:
                bottom = box.content_box_y() + box.height
                deepest = 0.0
                inner = list(children)
                while inner:
                    child = inner.pop()
                    if hasattr(child, 'position_y') and child.height:
                        deepest = max(deepest, child.position_y + child.margin_height())
                    if hasattr(child, 'children'):
                        inner.extend(child.children)
                if deepest > bottom + 0.5 and name not in found:
                    found.append(name)
                continue
            stack.extend(children)
    return found


def loaded_files(urls: list) -> list:
    """file: URLs as paths relative to the working folder (the new output folder); data: URLs
    carry their bytes in the HTML; anything else is kept as `url:...`, which the cache refuses."""
    from urllib.parse import unquote, urlsplit
    here = os.path.realpath(os.getcwd())
    found = set()
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme == 'data':
            continue
        if parts.scheme == 'file':
            path = os.path.realpath(unquote(parts.path))
            if path.startswith(here + os.sep):
                found.add(os.path.relpath(path, here))
                continue
        found.add('url:' + url)
    return sorted(found)


# The address documents are rendered at, in place of the staging folder (whose name has the
# build's process id): WeasyPrint names a raster image in the PDF after the MD5 of its URL, so a
# photo's URL must be the same from build to build for the PDF to be. The fetcher maps it back.
STABLE_ROOT = 'file:///clinicpress-output/'


def folder_fetcher_class():
    """The URL fetcher every document is rendered with (a class made after WeasyPrint's import)."""
    from urllib.parse import quote, unquote, urlsplit

    from weasyprint.urls import URLFetcher, URLFetchingError

    class FolderFetcher(URLFetcher):
        """Fetches only data: URLs and files inside `root` (the build's staging folder), and notes
        every resource WeasyPrint loads: the PDF cache's record of what the PDF used.

        An SVG asset's <image href="file:///etc/passwd">, a stylesheet's url(../../outside.png)
        or a symbolic link out of the folder are refused, so the document fails instead of
        printing a file from outside the site."""

        def __init__(self, *args, root: str, **kwargs):
            super().__init__(*args, **kwargs)
            self.root = os.path.realpath(root)
            self.loaded = []

        def fetch(self, url, headers=None):
            # Documents are rendered at STABLE_ROOT (see render_one): back to the real folder.
            if url.startswith(STABLE_ROOT):
                url = 'file://' + quote(self.root) + '/' + url[len(STABLE_ROOT):]
            # Other schemes are refused by URLFetcher itself (allowed_protocols).
            parts = urlsplit(url)
            if parts.scheme.lower() == 'file':
                path = os.path.realpath(unquote(parts.path))
                if parts.netloc not in ('', 'localhost') or not path.startswith(self.root + os.sep):
                    raise URLFetchingError(f'refused to load {url}: it is outside the output folder')
            self.loaded.append(url)
            return super().fetch(url, headers)

    return FolderFetcher


def render_one(job: dict, options: dict) -> dict:
    """Render one job. Returns {"ok", "errors", "warnings", "seconds", "pages"}."""
    if _collector is None:
        _init_worker()
    assert _collector is not None
    import weasyprint
    FolderFetcher = folder_fetcher_class()

    started = time.perf_counter()
    _collector.records.clear()
    html_path, pdf_path = job['html'], job['pdf']
    result = {'ok': False, 'errors': [], 'warnings': [], 'seconds': 0.0, 'pages': 0}
    tmp_path = None
    try:
        if not os.path.isfile(html_path):
            raise FileNotFoundError(f'no such HTML file: {html_path}')
        fetcher = FolderFetcher(
            root=os.getcwd(), timeout=options['timeout'],
            allowed_protocols={'file', 'data', 'http', 'https'} if options['allow_network'] else {'file', 'data'})
        # The same options go to render() and write_pdf(): a variant also sets
        # layout-time defaults.
        pdf_options = {
            'pdf_variant': options['variant'],
            'pdf_identifier': True,  # /ID = MD5 of the content: reproducible
            'uncompressed_pdf': options['uncompressed'],
        }
        from urllib.parse import quote
        relative = os.path.relpath(os.path.realpath(html_path), os.path.realpath(os.getcwd()))
        document = weasyprint.HTML(filename=html_path, url_fetcher=fetcher,
                                   base_url=STABLE_ROOT + quote(relative)).render(
            **pdf_options)
        metadata = document.metadata
        if options['date']:
            metadata.created = metadata.created or options['date']
            metadata.modified = metadata.modified or options['date']
        result['pages'] = len(document.pages)
        result['inputs'] = loaded_files(fetcher.loaded)
        if job.get('panels'):
            result['overflow'] = overflowing_panels(document)

        out_dir = os.path.dirname(os.path.abspath(pdf_path))
        os.makedirs(out_dir, exist_ok=True)
        fd, tmp_path = tempfile.mkstemp(prefix='.render-', suffix='.pdf.tmp', dir=out_dir)
        with os.fdopen(fd, 'wb') as target:
            document.write_pdf(target, **pdf_options)
        for record in _collector.records:
            message = record.getMessage()
            (result['errors'] if _is_error(record) else result['warnings']).append(message)
        if options['strict'] and result['warnings']:
            result['errors'].extend(f'(strict) {w}' for w in result['warnings'])
            result['warnings'] = []
        if result['errors']:
            os.unlink(tmp_path)
        else:
            os.chmod(tmp_path, 0o644)
            os.replace(tmp_path, pdf_path)
            result['ok'] = True
        tmp_path = None
    except Exception as e:  # noqa: BLE001  (one bad job must not stop the others)
        result['errors'].append(f'{type(e).__name__}: {e}')
        result['errors'].extend(r.getMessage() for r in _collector.records if _is_error(r))
    finally:
        if tmp_path is not None and os.path.exists(tmp_path):
            os.unlink(tmp_path)
        result['seconds'] = time.perf_counter() - started
    return result


# ---- main -----------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parent = os.environ.get('CLINICPRESS_PARENT_PID')
    die_with_parent(int(parent) if parent and parent.isdigit() else None)
    if argv is None and sys.argv[1:2] == ['--write-library-paths']:
        if len(sys.argv) != 3:
            die('usage: render_pdfs.py --write-library-paths FILE')
        return write_library_paths(sys.argv[2])
    # Standard output is the caller's result channel: keep it for the JSON lines, and send whatever
    # else writes to file descriptor 1 (WeasyPrint's own prints, C libraries) to standard error.
    results_out = os.fdopen(os.dup(1), 'w', encoding='utf-8', buffering=1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr

    def emit(line: dict) -> None:
        results_out.write(json.dumps(line, sort_keys=True) + '\n')
        results_out.flush()

    pin_libraries()
    parser = argparse.ArgumentParser(
        prog=PROG, description='Render a JSON list of {"html", "pdf"} jobs with WeasyPrint.')
    parser.add_argument('jobs_file', nargs='?', help='JSON job list (default: standard input)')
    parser.add_argument('--jobs', '-j', type=int, default=2, metavar='N',
                        help='worker processes (default 2)')
    parser.add_argument('--variant', default='pdf/ua-1',
                        help=f'PDF variant: {VARIANTS_HINT}')
    parser.add_argument('--date', metavar='W3C-DATE',
                        help='creation/modification date for documents without '
                             'dcterms.created/modified (default: SOURCE_DATE_EPOCH, else none)')
    parser.add_argument('--strict', action='store_true',
                        help='fail a job on WeasyPrint warnings too, not only on errors')
    parser.add_argument('--allow-network', action='store_true',
                        help='let documents fetch http(s) URLs (default: file: and data: only)')
    parser.add_argument('--timeout', type=float, default=10, help=argparse.SUPPRESS)
    parser.add_argument('--uncompressed', action='store_true', help=argparse.SUPPRESS)
    parser.add_argument('--quiet', '-q', action='store_true',
                        help='print only failures and warnings')
    parser.add_argument('--progress', action='store_true',
                        help='print {"done": PDF} on standard output as each job finishes')
    args = parser.parse_args(argv)

    if args.jobs < 1:
        die('--jobs must be at least 1')
    variant = None if args.variant.lower() in ('', 'none') else args.variant.lower()
    if variant is not None:
        try:
            from weasyprint.pdf import VARIANTS
        except ImportError as e:
            die(f'cannot import WeasyPrint ({e}); run scripts/install-print-tools.sh and use '
                f'.venv-print/bin/python')
        if variant not in VARIANTS:
            die(f'unknown --variant {args.variant}; this WeasyPrint knows '
                f'{", ".join(sorted(VARIANTS))}, or none')
    options = {
        'variant': variant,
        'date': fallback_date(args.date),
        'strict': args.strict,
        'allow_network': args.allow_network,
        'timeout': args.timeout,
        'uncompressed': args.uncompressed,
    }
    jobs = load_jobs(args.jobs_file)
    if not jobs:
        if not args.quiet:
            print(f'{PROG}: no jobs', file=sys.stderr)
        return 0

    started = time.perf_counter()
    workers = min(args.jobs, len(jobs))
    results: list[dict | None] = [None] * len(jobs)
    def report_done(job: dict) -> None:
        if args.progress:
            emit({'done': job['pdf']})

    if workers == 1:
        for index, job in enumerate(jobs):
            results[index] = render_one(job, options)
            report_done(job)
    else:
        with concurrent.futures.ProcessPoolExecutor(
                max_workers=workers, initializer=_init_worker) as pool:
            # Longest first, so that no worker is left with a long document at the end while
            # the other one idles: packets (the largest HTML), then brochures (grid layout,
            # about three times the cost per byte), then handouts.
            def cost(index: int) -> float:
                try:
                    size = os.path.getsize(jobs[index]['html'])
                except OSError:
                    size = 0
                return size * (3 if jobs[index].get('panels') else 1)
            order = sorted(range(len(jobs)), key=lambda index: (-cost(index), index))
            futures = {pool.submit(render_one, jobs[index], options): index for index in order}
            for future in concurrent.futures.as_completed(futures):
                index = futures[future]
                try:
                    results[index] = future.result()
                except Exception as e:  # a worker died (crash in a C library, killed, ...)
                    results[index] = {'ok': False, 'warnings': [], 'seconds': 0.0, 'pages': 0,
                                      'errors': [f'worker process failed: {type(e).__name__}: {e}']}
                report_done(jobs[index])

    failed = 0
    for job, result in zip(jobs, results):
        assert result is not None
        # Exactly one result line per document, for the caller: "ok", and what it loaded and, for
        # documents with panels, the pages and the panels that overflowed; or why it failed.
        if result['ok']:
            line = {'pdf': job['pdf'], 'ok': True, 'inputs': result.get('inputs', [])}
            if job.get('panels'):
                line.update(pages=result['pages'], overflow=result.get('overflow', []))
        else:
            line = {'pdf': job['pdf'], 'ok': False, 'error': '; '.join(result['errors']) or 'unknown error'}
        emit(line)
        for warning in result['warnings']:
            print(f'{PROG}: warning: {job["html"]}: {warning}', file=sys.stderr)
        if not result['ok']:
            failed += 1
            print(f'{PROG}: FAILED {job["html"]} -> {job["pdf"]}: {line["error"]}', file=sys.stderr)
    elapsed = time.perf_counter() - started
    if failed:
        print(f'{PROG}: {failed} of {len(jobs)} jobs failed', file=sys.stderr)
        return 1
    if not args.quiet:
        pages = sum(r['pages'] for r in results if r)
        print(f'{PROG}: rendered {len(jobs)} PDFs ({pages} pages) in {elapsed:.2f} s '
              f'with {workers} worker{"s" if workers > 1 else ""}', file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
