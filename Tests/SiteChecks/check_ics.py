#!/usr/bin/env python3
"""Check an iCalendar file (RFC 5545) as ClinicPress writes it.

Usage:
    check_ics.py PATH/workshops.ics [SECOND_BUILD/workshops.ics]
    check_ics.py OUTPUT_DIR            (uses OUTPUT_DIR/workshops.ics)

Two layers of checks:

* raw bytes, done here by hand: CRLF line endings only, physical lines of at
  most 75 octets (CRLF excluded), each physical line valid UTF-8 on its own
  (so folding never splits a multi-byte sequence), continuation lines start
  with one SPACE/HTAB, no blank lines, no BOM, every unfolded line looks like
  NAME[;PARAM=...]:VALUE, BEGIN/END balanced;
* semantics, through the `icalendar` package: the file parses, VCALENDAR has
  VERSION:2.0 and PRODID, every VEVENT has a UID (unique), a DTSTAMP in UTC
  (ending in Z), DTSTART and exactly one of DTEND / DURATION, every TZID used
  has a VTIMEZONE, and SUMMARY / LOCATION / DESCRIPTION (and other single TEXT
  values) round-trip: icalendar's own re-serialisation of the parsed value is
  byte-identical to the raw value (this catches an unescaped `,` or `;`, a
  stray backslash, a raw newline, ...).

With a second .ics (a second build of the same site) the UID sets must be
identical (UIDs are stable across builds).

Exit status: 0 when everything passes, 1 when a check failed, 2 on usage error.
"""
from __future__ import annotations

import os
import re
import sys


def _use_test_venv() -> None:
    """Re-run this script with .venv-tests/bin/python when started by another Python."""
    here = os.path.dirname(os.path.abspath(__file__))
    venv = os.environ.get("SITECHECK_VENV") or os.path.join(here, "..", "..", ".venv-tests")
    py = os.path.join(venv, "bin", "python")
    if os.path.realpath(sys.prefix) != os.path.realpath(venv) and os.access(py, os.X_OK):
        os.execv(py, [py, os.path.abspath(__file__)] + sys.argv[1:])


_use_test_venv()

try:
    from icalendar import Calendar
except ImportError:  # pragma: no cover - depends on the venv
    print("check_ics: the 'icalendar' package is missing; run scripts/install-test-tools.sh "
          "and use .venv-tests/bin/python", file=sys.stderr)
    sys.exit(2)

MAX_OCTETS = 75
NAME_RE = re.compile(r"^[A-Za-z0-9-]+$")
UTC_DATETIME_RE = re.compile(r"^\d{8}T\d{6}Z$")
DATETIME_RE = re.compile(r"^\d{8}T\d{6}Z?$")
DATE_RE = re.compile(r"^\d{8}$")
# Single-valued TEXT properties whose escaping we verify (RFC 5545 3.3.11).
TEXT_PROPS = ("SUMMARY", "LOCATION", "DESCRIPTION", "COMMENT", "CONTACT")


class ContentLine:
    __slots__ = ("lineno", "name", "params", "value", "raw")

    def __init__(self, lineno: int, name: str, params: dict, value: str, raw: str):
        self.lineno, self.name, self.params, self.value, self.raw = lineno, name, params, value, raw


def split_content_line(text: str):
    """Split an unfolded content line into (name, params, value).

    Returns None if the line has no ':' outside quoted parameter values.
    """
    in_quote = False
    colon = -1
    for i, ch in enumerate(text):
        if ch == '"':
            in_quote = not in_quote
        elif ch == ":" and not in_quote:
            colon = i
            break
    if colon < 0:
        return None
    head, value = text[:colon], text[colon + 1:]
    parts = []
    buf, in_quote = [], False
    for ch in head:
        if ch == '"':
            in_quote = not in_quote
            buf.append(ch)
        elif ch == ";" and not in_quote:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    parts.append("".join(buf))
    name = parts[0].upper()
    params = {}
    for p in parts[1:]:
        if "=" not in p:
            params[p.upper()] = None
            continue
        k, v = p.split("=", 1)
        params[k.upper()] = v.strip('"')
    return name, params, value


def check_raw(data: bytes, errors: list[str]) -> list[ContentLine]:
    """Byte-level checks. Returns the unfolded content lines."""
    if data.startswith(b"\xef\xbb\xbf"):
        errors.append("file starts with a UTF-8 byte order mark (not allowed by RFC 5545)")
        data = data[3:]
    if not data:
        errors.append("file is empty")
        return []
    if not data.endswith(b"\r\n"):
        errors.append("file does not end with CRLF")

    # Split on LF so that a bare LF is seen; then look at the CR of each piece.
    pieces = data.split(b"\n")
    if pieces and pieces[-1] == b"":
        pieces.pop()
    physical: list[tuple[int, bytes]] = []
    for idx, piece in enumerate(pieces, start=1):
        if piece.endswith(b"\r"):
            body = piece[:-1]
        else:
            is_last_without_newline = idx == len(pieces) and not data.endswith(b"\n")
            if not is_last_without_newline:
                errors.append(f"line {idx}: ends with a bare LF (CRLF required)")
            body = piece
        if b"\r" in body:
            errors.append(f"line {idx}: contains a bare CR")
        if len(body) > MAX_OCTETS:
            errors.append(f"line {idx}: {len(body)} octets long (max {MAX_OCTETS} excluding CRLF)")
        try:
            body.decode("utf-8")
        except UnicodeDecodeError as exc:
            errors.append(f"line {idx}: not valid UTF-8 on its own ({exc.reason} at byte {exc.start});"
                          " folding must not split a multi-byte character")
        physical.append((idx, body))

    # Unfold.
    logical: list[tuple[int, bytes]] = []
    for idx, body in physical:
        if body == b"":
            errors.append(f"line {idx}: empty line (not allowed in iCalendar content)")
            continue
        if body[:1] in (b" ", b"\t"):
            if not logical:
                errors.append(f"line {idx}: continuation line with nothing to continue")
                continue
            start, prev = logical[-1]
            logical[-1] = (start, prev + body[1:])
        else:
            logical.append((idx, body))

    lines: list[ContentLine] = []
    for idx, body in logical:
        text = body.decode("utf-8", errors="replace")
        parsed = split_content_line(text)
        if parsed is None or not NAME_RE.match(parsed[0]):
            errors.append(f"line {idx}: not a valid content line (NAME[;PARAM=..]:VALUE): {text[:60]!r}")
            continue
        name, params, value = parsed
        lines.append(ContentLine(idx, name, params, value, text))

    # BEGIN/END nesting.
    stack: list[tuple[str, int]] = []
    for cl in lines:
        if cl.name == "BEGIN":
            stack.append((cl.value.upper(), cl.lineno))
        elif cl.name == "END":
            if not stack:
                errors.append(f"line {cl.lineno}: END:{cl.value} without BEGIN")
            elif stack[-1][0] != cl.value.upper():
                errors.append(f"line {cl.lineno}: END:{cl.value} closes BEGIN:{stack[-1][0]} "
                              f"from line {stack[-1][1]}")
                stack.pop()
            else:
                stack.pop()
    for comp, ln in stack:
        errors.append(f"line {ln}: BEGIN:{comp} is never closed")
    if lines and not (lines[0].name == "BEGIN" and lines[0].value.upper() == "VCALENDAR"):
        errors.append("first content line is not BEGIN:VCALENDAR")
    if lines and not (lines[-1].name == "END" and lines[-1].value.upper() == "VCALENDAR"):
        errors.append("last content line is not END:VCALENDAR")
    return lines


def components(lines: list[ContentLine]):
    """Yield (component_name, begin_lineno, [ContentLine...]) for every component,
    with only its own direct properties."""
    stack: list[tuple[str, int, list]] = []
    for cl in lines:
        if cl.name == "BEGIN":
            stack.append((cl.value.upper(), cl.lineno, []))
        elif cl.name == "END":
            if stack:
                yield stack.pop()
        elif stack:
            stack[-1][2].append(cl)


def check_text_escaping(name: str, raw_value: str, where: str, errors: list[str]) -> None:
    i = 0
    while i < len(raw_value):
        ch = raw_value[i]
        if ch == "\\":
            nxt = raw_value[i + 1:i + 2]
            if nxt not in ("\\", ";", ",", "n", "N"):
                errors.append(f"{where}: {name} has an invalid escape '\\{nxt}' "
                              f"(only \\\\ \\; \\, \\n allowed)")
            i += 2
            continue
        if ch in ",;":
            errors.append(f"{where}: {name} has an unescaped '{ch}' at column {i + 1}: "
                          f"{raw_value[max(0, i - 20):i + 20]!r}")
        i += 1


def check_semantics(data: bytes, lines: list[ContentLine], errors: list[str],
                    warnings: list[str]) -> set[str]:
    uids: set[str] = set()
    try:
        cal = Calendar.from_ical(data)
    except Exception as exc:  # icalendar raises ValueError and friends
        errors.append(f"icalendar could not parse the file: {exc}")
        return uids
    if cal.name != "VCALENDAR":
        errors.append(f"top-level component is {cal.name}, not VCALENDAR")

    for comp in cal.walk():
        for prop, msg in getattr(comp, "errors", []) or []:
            errors.append(f"icalendar: {comp.name} property {prop}: {msg}")

    raw_comps = list(components(lines))
    raw_cal = [c for c in raw_comps if c[0] == "VCALENDAR"]
    cal_props = {cl.name: cl for cl in (raw_cal[0][2] if raw_cal else [])}
    if "VERSION" not in cal_props:
        errors.append("VCALENDAR has no VERSION")
    elif cal_props["VERSION"].value != "2.0":
        errors.append(f"VCALENDAR VERSION is {cal_props['VERSION'].value!r}, expected '2.0'")
    if "PRODID" not in cal_props or not cal_props["PRODID"].value.strip():
        errors.append("VCALENDAR has no PRODID")

    tzids_defined: set[str] = set()
    for comp_name, _ln, props in raw_comps:
        if comp_name == "VTIMEZONE":
            for cl in props:
                if cl.name == "TZID":
                    tzids_defined.add(cl.value)
    tzids_used: dict[str, int] = {}
    for cl in lines:
        if "TZID" in cl.params and cl.params["TZID"]:
            tzids_used.setdefault(cl.params["TZID"], cl.lineno)
    for tzid, ln in sorted(tzids_used.items()):
        if tzid not in tzids_defined:
            errors.append(f"line {ln}: TZID={tzid} is used but there is no VTIMEZONE with that TZID")

    parsed_events = list(cal.walk("VEVENT"))
    raw_events = [c for c in raw_comps if c[0] == "VEVENT"]
    if not raw_events:
        warnings.append("calendar has no VEVENT")
    if len(parsed_events) != len(raw_events):
        errors.append(f"icalendar found {len(parsed_events)} VEVENTs, the raw scan {len(raw_events)}")

    seen_uid: dict[str, int] = {}
    for n, (_name, begin_ln, props) in enumerate(raw_events):
        where = f"VEVENT at line {begin_ln}"
        by_name: dict[str, list[ContentLine]] = {}
        for cl in props:
            by_name.setdefault(cl.name, []).append(cl)
        for once in ("UID", "DTSTAMP", "DTSTART", "DTEND", "DURATION", "SUMMARY",
                     "LOCATION", "DESCRIPTION"):
            if len(by_name.get(once, [])) > 1:
                errors.append(f"{where}: {once} occurs {len(by_name[once])} times (at most once)")
        uid_cl = (by_name.get("UID") or [None])[0]
        if uid_cl is None or not uid_cl.value.strip():
            errors.append(f"{where}: no UID")
        else:
            uid = uid_cl.value
            where = f"VEVENT {uid!r} (line {begin_ln})"
            if uid in seen_uid:
                errors.append(f"{where}: UID duplicates the VEVENT at line {seen_uid[uid]}")
            seen_uid.setdefault(uid, begin_ln)
            uids.add(uid)
        stamp = (by_name.get("DTSTAMP") or [None])[0]
        if stamp is None:
            errors.append(f"{where}: no DTSTAMP")
        elif stamp.params or not UTC_DATETIME_RE.match(stamp.value):
            errors.append(f"{where}: DTSTAMP must be a UTC date-time like 20250101T000000Z, "
                          f"got {stamp.raw!r}")
        start = (by_name.get("DTSTART") or [None])[0]
        if start is None:
            errors.append(f"{where}: no DTSTART")
        else:
            is_date = start.params.get("VALUE", "").upper() == "DATE"
            if is_date:
                if not DATE_RE.match(start.value):
                    errors.append(f"{where}: DTSTART;VALUE=DATE is not YYYYMMDD: {start.raw!r}")
            elif not DATETIME_RE.match(start.value):
                errors.append(f"{where}: DTSTART is not a date-time: {start.raw!r}")
            elif not start.value.endswith("Z") and "TZID" not in start.params:
                warnings.append(f"{where}: DTSTART is a floating time (no TZID, no Z)")
        has_end, has_dur = "DTEND" in by_name, "DURATION" in by_name
        if not has_end and not has_dur:
            errors.append(f"{where}: neither DTEND nor DURATION")
        if has_end and has_dur:
            errors.append(f"{where}: both DTEND and DURATION (RFC 5545 allows only one)")
        for prop in TEXT_PROPS:
            for cl in by_name.get(prop, []):
                check_text_escaping(prop, cl.value, where, errors)

        # Round-trip through icalendar: its serialisation of the parsed value
        # must equal the raw value (\N is the same escape as \n).
        if n < len(parsed_events):
            ev = parsed_events[n]
            if uid_cl is not None and str(ev.get("UID", "")) != uid_cl.value:
                errors.append(f"{where}: icalendar reads UID {str(ev.get('UID'))!r}")
            try:
                start_dt = ev.decoded("DTSTART") if "DTSTART" in ev else None
                end_dt = ev.decoded("DTEND") if "DTEND" in ev else None
                if start_dt is not None and end_dt is not None and end_dt < start_dt:
                    errors.append(f"{where}: DTEND is before DTSTART")
                if "DURATION" in ev and ev.decoded("DURATION").total_seconds() < 0:
                    errors.append(f"{where}: DURATION is negative")
            except Exception as exc:
                errors.append(f"{where}: icalendar could not decode the dates: {exc}")
            for prop in TEXT_PROPS:
                raws = by_name.get(prop, [])
                if not raws:
                    continue
                val = ev.get(prop)
                if val is None:
                    errors.append(f"{where}: icalendar lost {prop}")
                    continue
                if isinstance(val, list):
                    errors.append(f"{where}: icalendar reads {prop} as a list (repeated property?)")
                    continue
                try:
                    again = val.to_ical()
                    again = again.decode("utf-8") if isinstance(again, bytes) else str(again)
                except Exception as exc:
                    errors.append(f"{where}: icalendar cannot re-serialise {prop}: {exc}")
                    continue
                raw = re.sub(r"(?<!\\)((?:\\\\)*)\\N", r"\1\\n", raws[0].value)
                if again != raw:
                    errors.append(f"{where}: {prop} does not round-trip through icalendar:\n"
                                  f"      raw:       {raw[:100]!r}\n"
                                  f"      re-encoded:{again[:100]!r}")
    return uids


def check_file(path: str) -> tuple[list[str], list[str], set[str]]:
    errors: list[str] = []
    warnings: list[str] = []
    with open(path, "rb") as fh:
        data = fh.read()
    lines = check_raw(data, errors)
    uids = check_semantics(data, lines, errors, warnings)
    return errors, warnings, uids


def resolve(arg: str) -> str:
    if os.path.isdir(arg):
        return os.path.join(arg, "workshops.ics")
    return arg


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3) or argv[1] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    first = resolve(argv[1])
    second = resolve(argv[2]) if len(argv) == 3 else None
    status = 0
    results = {}
    for path in [p for p in (first, second) if p]:
        if not os.path.isfile(path):
            print(f"check_ics: FAIL {path}: no such file")
            status = 1
            continue
        errors, warnings, uids = check_file(path)
        results[path] = uids
        for w in warnings:
            print(f"check_ics: warning: {path}: {w}")
        if errors:
            status = 1
            print(f"check_ics: FAIL {path}: {len(errors)} problem(s)")
            for e in errors:
                print(f"  - {e}")
        else:
            print(f"check_ics: ok {path}: {len(uids)} event(s)")
    if second and first in results and second in results:
        a, b = results[first], results[second]
        if a != b:
            status = 1
            print("check_ics: FAIL UIDs differ between the two builds")
            for uid in sorted(a - b):
                print(f"  - only in {first}: {uid}")
            for uid in sorted(b - a):
                print(f"  - only in {second}: {uid}")
        else:
            print(f"check_ics: ok UIDs identical across both builds ({len(a)})")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
