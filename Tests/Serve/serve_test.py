#!/usr/bin/env python3
"""End-to-end tests of `clinicpress serve`, over real HTTP, on a copy of the fixture clinic.

    python3 Tests/Serve/serve_test.py .build/debug/clinicpress [--browser]

Each test starts the server on a free port (--port 0; the address is read from its first lines),
edits files as editors do, and watches what the server sends: the pages, the Server-Sent Events
at /_clinicpress/events, the error overlay. With --browser, Chromium (through Selenium) also
shows that an open page changes after an edit with no action in the browser.

Standard library only, apart from Selenium for --browser. Prints one line per test and ends
with "N passed, N failed".
"""

import argparse
import hashlib
import http.client
import json
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "Fixtures", "clinic")
EPOCH = "1795392000"
SCRIPT_MARK = '<script>\n(() => {\n  const here = location.pathname'


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class Server:
    """One `clinicpress serve` process on a copy of the fixture site."""

    def __init__(self, binary, site, args=(), env=None):
        self.site = site
        environment = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, NO_COLOR="1")
        environment.update(env or {})
        self.process = subprocess.Popen([binary, "serve", site, "--port", "0", *args], stdin=subprocess.DEVNULL,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment, text=True)
        self.lines = queue.Queue()
        self.errors = []
        threading.Thread(target=self._read, args=(self.process.stdout, self.lines), daemon=True).start()
        threading.Thread(target=self._read_errors, daemon=True).start()
        self.url = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                if self.process.poll() is not None:
                    raise Failure(f"serve exited with {self.process.returncode}: {''.join(self.errors)}")
                continue
            match = re.search(r"at (http://\S+/)", line)
            if match:
                self.url = match.group(1)
                return
        raise Failure("serve did not print its address within 60 s")

    @staticmethod
    def _read(stream, sink):
        for line in stream:
            sink.put(line)

    def _read_errors(self):
        for line in self.process.stderr:
            self.errors.append(line)

    def get(self, path, raw=False):
        host, port = re.match(r"http://([^/:]+):(\d+)/", self.url).groups()
        connection = http.client.HTTPConnection(host, int(port), timeout=10)
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response.status, dict((k.lower(), v) for k, v in response.getheaders()), body

    def wait_for_line(self, pattern, timeout=15):
        deadline = time.monotonic() + timeout
        seen = []
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                continue
            seen.append(line)
            if re.search(pattern, line):
                return line
        raise Failure(f"no line matching {pattern!r} within {timeout} s; saw {seen!r}")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                raise Failure("serve did not stop within 10 s of Ctrl-C")
        return self.process.returncode


class Events:
    """Reads /_clinicpress/events in the background and collects the change events."""

    def __init__(self, server):
        host, port = re.match(r"http://([^/:]+):(\d+)/", server.url).groups()
        self.socket = socket.create_connection((host, int(port)), timeout=30)
        self.socket.sendall(f"GET /_clinicpress/events HTTP/1.1\r\nHost: {host}\r\nAccept: text/event-stream\r\n\r\n".encode())
        self.changes = queue.Queue()
        self.header = b""
        threading.Thread(target=self._read, daemon=True).start()
        time.sleep(0.3)

    def _read(self):
        buffer = b""
        try:
            while True:
                chunk = self.socket.recv(65536)
                if not chunk:
                    return
                buffer += chunk
                for data in re.findall(rb"event: change\r?\ndata: (.*?)\r?\n", buffer):
                    self.changes.put(json.loads(data))
                buffer = re.sub(rb"event: change\r?\ndata: .*?\r?\n", b"", buffer)
                if not self.header and b"\r\n\r\n" in buffer:
                    self.header = buffer.split(b"\r\n\r\n", 1)[0]
        except OSError:
            return

    def next(self, timeout=15):
        try:
            return self.changes.get(timeout=timeout)
        except queue.Empty:
            raise Failure(f"no change event within {timeout} s")

    def none_within(self, seconds):
        try:
            change = self.changes.get(timeout=seconds)
        except queue.Empty:
            return
        raise Failure(f"an unexpected change event: {change}")

    def close(self):
        self.socket.close()


def strip_script(body):
    index = body.rfind(SCRIPT_MARK.encode())
    if index < 0:
        return body
    end = body.index(b"</script>", index) + len(b"</script>")
    return body[:index] + body[end:]


def snapshot(folder):
    result = {}
    for root, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(root, name)
            with open(path, "rb") as handle:
                result[os.path.relpath(path, folder)] = hashlib.sha256(handle.read()).hexdigest()
    return result


def article(site):
    folder = os.path.join(site, "Content", "education")
    name = sorted(n for n in os.listdir(folder) if n.endswith(".md"))[0]
    return os.path.join(folder, name), "/education/" + name[:-3] + "/"


# ---------------------------------------------------------------------------------------------
# The tests. Each gets a fresh copy of the fixture site and the binary.

def wait_for_search_index(server, seconds=30):
    """The search index is made once the site is served (Pagefind runs after the first page is
    ready): wait until it is there, as a whole (the bundle is swapped in at once)."""
    deadline = time.time() + seconds
    status, _, _ = server.get("/pagefind/pagefind-entry.json")
    while status != 200 and time.time() < deadline:
        time.sleep(0.2)
        status, _, _ = server.get("/pagefind/pagefind-entry.json")
    return status


def test_serves_what_build_writes(binary, site):
    output = site + "-built"
    subprocess.run([binary, "build", site, "--output", output], check=True, capture_output=True,
                   env=dict(os.environ, SOURCE_DATE_EPOCH=EPOCH))
    before = snapshot(site)
    server = Server(binary, site)
    try:
        wait_for_search_index(server)
        served = 0
        for relative in sorted(snapshot(output)):
            if relative.startswith(".clinicpress-") or relative.endswith(".pdf"):
                continue  # the marker and the PDF cache's manifest; PDFs are made when asked for
            url = "/" + relative.replace("index.html", "") if relative.endswith("index.html") else "/" + relative
            status, headers, body = server.get(url)
            check(status == 200, f"{url}: status {status}")
            with open(os.path.join(output, relative), "rb") as handle:
                expected = handle.read()
            if relative.endswith(".html"):
                check(SCRIPT_MARK.encode() in body, f"{url}: no reload script")
                body = strip_script(body)
            check(body == expected, f"{url}: the served bytes differ from the built file")
            served += 1
        check(served > 10, f"only {served} files compared")
        check(snapshot(site) == before, "serve wrote into the site folder")
        check(not os.path.exists(os.path.join(site, "Output")), "serve made an Output/ folder")
        with open(os.path.join(output, "index.html"), "rb") as handle:
            check(SCRIPT_MARK.encode() not in handle.read(), "the built site carries the reload script")
    finally:
        check(server.stop() == 0, "serve did not exit 0 after Ctrl-C")
    return f"{served} files"


def test_content_types_and_traversal(binary, site):
    with open(os.path.join(site, "Content", "assets", "secret-check.txt"), "w") as handle:
        handle.write("inside\n")
    server = Server(binary, site)
    try:
        types = {"/": "text/html", "/workshops.ics": "text/calendar", "/sitemap.xml": "application/xml",
                 "/theme/site.css": "text/css", "/robots.txt": "text/plain"}
        for path, expected in types.items():
            status, headers, _ = server.get(path)
            check(status == 200 and headers.get("content-type", "").startswith(expected),
                  f"{path}: {status} {headers.get('content-type')}, expected {expected}")
        svgs = [p for p in snapshot(os.path.join(site, "Content", "assets")) if p.endswith(".svg")]
        if svgs:
            status, headers, _ = server.get("/assets/" + svgs[0])
            check(headers.get("content-type") == "image/svg+xml", f"svg served as {headers.get('content-type')}")
        status, headers, _ = server.get("/education")
        check(status == 301 and headers.get("location") == "/education/", f"/education: {status} {headers.get('location')}")
        for path in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2F..%2FContent%2Fsite.yml",
                     "//etc/passwd", "/assets/%2e%2e/%2e%2e/Content/site.yml", "/assets/", "/print/",
                     "/Content/site.yml", "/%00", "/assets\\..\\..\\Content\\site.yml"]:
            status, _, body = server.get(path)
            check(status == 404, f"{path}: status {status}, expected 404")
            check(b"name:" not in body and b"root:" not in body, f"{path}: leaked a file")
        status, _, body = server.get("/assets/secret-check.txt")
        check(status == 200 and body == b"inside\n", "an asset is not served as it is")
    finally:
        server.stop()


def test_edit_reloads_only_changed_pages(binary, site):
    path, page = article(site)
    server = Server(binary, site)
    events = Events(server)
    try:
        check(b"text/event-stream" in events.header, f"events: {events.header!r}")
        _, _, team_before = server.get("/team/")
        with open(path, "a") as handle:
            handle.write("\nA sentence added while serving.\n")
        change = events.next()
        check(page in change["paths"] and not change["all"], f"the event does not name {page}: {change}")
        check("/team/" not in change["paths"], f"an unrelated page reloads: {change}")
        _, _, body = server.get(page)
        check(b"A sentence added while serving." in body, "the page does not show the edit")
        _, _, team_after = server.get("/team/")
        check(team_before == team_after, "an unchanged page changed bytes")
        server.wait_for_line(r"Rebuilt in")
    finally:
        events.close()
        server.stop()


def test_editors_that_rename_truncate_and_burst(binary, site):
    path, page = article(site)
    server = Server(binary, site)
    events = Events(server)
    try:
        # Save by writing a new file and renaming it over the old one (vim, many IDEs).
        with open(path) as handle:
            text = handle.read()
        temporary = path + ".tmp-save"
        with open(temporary, "w") as handle:
            handle.write(text + "\nSaved by rename.\n")
        os.rename(temporary, path)
        change = events.next()
        check(page in change["paths"], f"rename-save: {change}")
        # Save by truncating and writing in place, in two writes.
        with open(path, "r+") as handle:
            handle.truncate(0)
            handle.flush()
            time.sleep(0.01)
            handle.write(text + "\nSaved in place.\n")
        change = events.next()
        check(page in change["paths"], f"truncate-and-write: {change}")
        status, _, body = server.get(page)
        check(b"Saved in place." in body, "the in-place save is not shown")
        # A burst: every article touched at once (a git checkout) gives one rebuild.
        folder = os.path.dirname(path)
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), "a") as handle:
                handle.write("\nBurst.\n")
        change = events.next()
        check(len(change["paths"]) >= 2, f"burst: {change}")
        events.none_within(1.0)
    finally:
        events.close()
        server.stop()


def test_errors_show_over_the_last_good_page(binary, site):
    path, page = article(site)
    server = Server(binary, site)
    events = Events(server)
    try:
        with open(path) as handle:
            good = handle.read()
        with open(path, "w") as handle:
            handle.write(good.replace("---\n", "---\nsummary: \"never closed\n", 1))
        change = events.next()
        check(change["all"], f"an error does not reload every page: {change}")
        status, _, body = server.get("/")
        check(status == 200, f"home page: {status}")
        check(b'id="clinicpress-errors"' in body and b'role="alertdialog"' in body, "no error overlay")
        name = os.path.relpath(path, site).encode()
        check(name in body, "the overlay does not name the file")
        check(b"<main" in body, "the last good page is not under the overlay")
        check(any(os.path.relpath(path, site) in line for line in server.errors), "the terminal does not show the error")
        with open(path, "w") as handle:
            handle.write(good)
        change = events.next()
        check(change["all"], f"fixing the file does not reload every page: {change}")
        _, _, body = server.get("/")
        check(b"clinicpress-errors" not in body, "the overlay stays after the fix")
    finally:
        events.close()
        server.stop()


def test_template_change_rerenders_its_pages(binary, site):
    templates = os.path.join(site, "Templates")
    subprocess.run([binary, "theme", "export", "--site", site], check=True, capture_output=True)
    server = Server(binary, site)
    events = Events(server)
    try:
        footer = os.path.join(templates, "footer.mustache")
        with open(footer, "a") as handle:
            handle.write("<p>Footer note added while serving.</p>\n")
        change = events.next()
        check("/" in change["paths"] and len(change["paths"]) > 5, f"a footer change: {change}")
        _, _, body = server.get("/team/")
        check(b"Footer note added while serving." in body, "the footer change is not shown")
    finally:
        events.close()
        server.stop()


def test_pdf_made_when_asked(binary, site):
    before = snapshot(site)
    server = Server(binary, site)
    try:
        status, _, home = server.get("/education/")
        links = re.findall(rb'href="([^"]*print/handouts/[^"]+\.pdf)"', home + server.get(article(site)[1])[2])
        check(links, "no page links a handout PDF (is WeasyPrint installed? run make print-tools)")
        pdf = "/" + re.sub(r"^(\.\./)+", "", links[0].decode())
        status, headers, body = server.get(pdf)
        check(status == 200 and headers.get("content-type") == "application/pdf" and body.startswith(b"%PDF-"),
              f"{pdf}: {status} {headers.get('content-type')} {body[:20]!r}")
        status, _, again = server.get(pdf)
        check(again == body, "the same PDF asked twice differs")
        status, _, _ = server.get("/print/handouts/no-such-handout.pdf")
        check(status == 404, f"a PDF that is not made: {status}")
        check(snapshot(site) == before, "making a PDF wrote into the site folder")
    finally:
        server.stop()
    return pdf


def test_port_in_use(binary, site):
    blocker = socket.socket()
    blocker.bind(("127.0.0.1", 0))
    blocker.listen()
    port = blocker.getsockname()[1]
    try:
        result = subprocess.run([binary, "serve", site, "--port", str(port)], capture_output=True, text=True,
                                timeout=60, stdin=subprocess.DEVNULL)
        check(result.returncode == 2, f"exit {result.returncode}, expected 2")
        check(f"the port {port} on 127.0.0.1 is already in use" in result.stderr, f"stderr: {result.stderr}")
        check("--port" in result.stderr, "no hint about --port")
    finally:
        blocker.close()


def test_browser_reloads_by_itself(binary, site):
    # Selenium Manager: use the installed chromedriver, and send no usage statistics anywhere.
    os.environ.setdefault("SE_OFFLINE", "true")
    os.environ.setdefault("SE_AVOID_STATS", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    path, page = article(site)
    server = Server(binary, site)
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options)
    try:
        driver.get(server.url.rstrip("/") + page)
        time.sleep(1.0)
        with open(path, "a") as handle:
            handle.write("\nWritten while the browser watched.\n")
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if "Written while the browser watched." in driver.page_source:
                return
            time.sleep(0.2)
        raise Failure("the open page did not change after the edit")
    finally:
        driver.quit()
        server.stop()


def test_search_index_follows_edits(binary, site):
    """After an edit, the served search index is the one `build` makes of the edited site."""
    path, page = article(site)
    # Without printed documents, so the build below need not make PDFs to link the same ones.
    server = Server(binary, site, args=("--no-print",))
    events = Events(server)
    try:
        # The first index is made once the site is served: wait for it.
        wait_for_search_index(server)
        status, _, entry_before = server.get("/pagefind/pagefind-entry.json")
        check(status == 200, f"/pagefind/pagefind-entry.json: status {status} after 30 s (is Pagefind installed?)")
        with open(path, "a") as handle:
            handle.write("\nZanzibarian marmalade is a word no other page has.\n")
        events.next()
        server.wait_for_line(r"Rebuilt in")
        # The page reloads first; Pagefind then indexes the new pages and the bundle is swapped in.
        deadline = time.time() + 30
        entry_after = entry_before
        while entry_after == entry_before and time.time() < deadline:
            time.sleep(0.2)
            _, _, entry_after = server.get("/pagefind/pagefind-entry.json")
        check(entry_after != entry_before, "the index did not change within 30 s of an edit")
        output = site + "-built"
        subprocess.run([binary, "build", site, "--no-print", "--output", output], check=True, capture_output=True,
                       env=dict(os.environ, SOURCE_DATE_EPOCH=EPOCH))
        compared = 0
        for relative in sorted(snapshot(os.path.join(output, "pagefind"))):
            status, _, body = server.get("/pagefind/" + relative)
            with open(os.path.join(output, "pagefind", relative), "rb") as handle:
                check(status == 200 and body == handle.read(), f"/pagefind/{relative} differs from the built index")
            compared += 1
        check(compared > 5, f"only {compared} index files compared")
    finally:
        events.close()
        server.stop()
    return f"{compared} index files as built"


TESTS = [test_serves_what_build_writes, test_content_types_and_traversal, test_edit_reloads_only_changed_pages,
         test_editors_that_rename_truncate_and_burst, test_errors_show_over_the_last_good_page,
         test_template_change_rerenders_its_pages, test_pdf_made_when_asked, test_port_in_use,
         test_search_index_follows_edits]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--browser", action="store_true", help="also run the Selenium test")
    parser.add_argument("tests", nargs="*")
    arguments = parser.parse_intermixed_args()
    binary = os.path.abspath(arguments.binary)
    tests = TESTS + ([test_browser_reloads_by_itself] if arguments.browser else [])
    if arguments.tests:
        tests = [t for t in tests if t.__name__ in arguments.tests or t.__name__[5:] in arguments.tests]
    passed = failed = 0
    for test in tests:
        folder = tempfile.mkdtemp(prefix="clinicpress-serve-")
        site = os.path.join(folder, "site")
        shutil.copytree(FIXTURE, site)
        os.makedirs(os.path.join(site, "Content", "assets"), exist_ok=True)
        started = time.monotonic()
        try:
            detail = test(binary, site)
            passed += 1
            print(f"PASS {test.__name__[5:]} ({time.monotonic() - started:.1f} s){' ' + detail if detail else ''}")
        except Exception as error:  # a failure of any kind is reported, and the next test runs
            failed += 1
            print(f"FAIL {test.__name__[5:]}: {type(error).__name__}: {error}")
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        sys.stdout.flush()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
