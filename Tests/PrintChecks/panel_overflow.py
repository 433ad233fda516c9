#!/usr/bin/env python3
"""Report brochure panels whose content does not fit.

Run with the print venv (it imports WeasyPrint):

    .venv-print/bin/python Tests/PrintChecks/panel_overflow.py Output/print/brochures/*.html

Each brochure panel is an element with class "panel" and a data-panel="<name>" attribute
(fold-in, back, cover, inside-left, inside-middle, inside-right). The panel has a fixed size and
clips its content, so text that does not fit is silently cut off in the PDF. This lays out each
HTML file exactly as render_pdfs.py does and compares the bottom and right edge of every box
inside a panel with the panel's own box. Prints one line per panel that overflows (by how much,
and the last text that is cut), one line per file, and exits 1 if any panel overflows or a file
does not have exactly two pages.
"""
from __future__ import annotations

import sys

TOLERANCE = 0.5  # CSS px


def boxes(box):
    yield box
    for child in getattr(box, 'children', None) or ():
        yield from boxes(child)


def panel_of(box):
    element = getattr(box, 'element', None)
    if element is not None and 'panel' in (element.get('class') or '').split() \
            and element.get('data-panel'):
        return element.get('data-panel')
    return None


def panels(document):
    """{(page number, panel name): box} for every panel box laid out."""
    found = {}
    for page_number, page in enumerate(document.pages, 1):
        for box in boxes(page._page_box):
            name = panel_of(box)
            if name is not None and hasattr(box, 'position_y'):
                found.setdefault((page_number, name), box)
    return found


def content_bottom(box) -> float:
    """The lowest edge of any line or replaced box inside box."""
    from weasyprint.formatting_structure import boxes as wboxes
    bottom = box.position_y
    for inner in boxes(box):
        if isinstance(inner, (wboxes.LineBox, wboxes.ReplacedBox)) and hasattr(inner, 'position_y'):
            bottom = max(bottom, inner.position_y + inner.height)
    return bottom


def content_right(box) -> float:
    from weasyprint.formatting_structure import boxes as wboxes
    right = box.position_x
    for inner in boxes(box):
        if isinstance(inner, (wboxes.TextBox, wboxes.ReplacedBox)) and hasattr(inner, 'position_x'):
            right = max(right, inner.position_x + inner.width)
    return right


def check(path: str) -> list[str]:
    """Lay the brochure out twice: as it prints, and on a very tall page with the panels' height
    left free, so that each panel's whole content is laid out whatever the theme's CSS does with
    it (WeasyPrint may cut a box's content at the page's end and drop the rest, or move it to
    another page). A panel overflows when its free content is taller than its printed box, or
    wider."""
    import weasyprint
    document = weasyprint.HTML(filename=path).render()
    problems = []
    if len(document.pages) != 2:
        problems.append(f'{len(document.pages)} pages, expected 2')
    printed = panels(document)
    if not printed:
        return problems + ['no panels (class="panel" with data-panel) found']
    width = document.pages[0].width
    free = weasyprint.CSS(string=f"""
        @page {{ size: {width}px 5000px !important; }}
        @page brochure {{ size: {width}px 5000px !important; }}
        html, body, .sheet {{ height: auto !important; }}
        .sheet {{ break-after: auto !important; }}
        .panel, .panel > * {{ height: auto !important; max-height: none !important;
                             overflow: visible !important; }}
    """)
    measured = weasyprint.HTML(filename=path).render(stylesheets=[free])
    natural = {name: box for (_, name), box in panels(measured).items()}
    seen = set()
    for (page_number, name), box in sorted(printed.items()):
        seen.add(name)
        if name not in natural:
            problems.append(f'page {page_number} panel {name!r}: not found in the free layout')
            continue
        free_box = natural[name]
        need = content_bottom(free_box) - free_box.content_box_y()
        have = box.height
        over_x = content_right(free_box) - (free_box.content_box_x() + free_box.width)
        if need - have > TOLERANCE:
            problems.append(f'page {page_number} panel {name!r} overflows: its content needs '
                            f'{need * 25.4 / 96:.1f} mm, the panel is {have * 25.4 / 96:.1f} mm high')
        if over_x > TOLERANCE:
            problems.append(f'page {page_number} panel {name!r}: text sticks out '
                            f'{over_x * 25.4 / 96:.1f} mm on the right')
    expected = {'fold-in', 'back', 'cover', 'inside-left', 'inside-middle', 'inside-right'}
    if seen != expected:
        problems.append(f'panels found: {sorted(seen)}, expected {sorted(expected)}')
    return problems


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    failed = 0
    for path in argv:
        problems = check(path)
        for problem in problems:
            print(f'{path}: {problem}')
        print(f'{"FAIL" if problems else "ok  "} {path}')
        failed += bool(problems)
    print(f'{len(argv) - failed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
