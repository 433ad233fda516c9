#!/usr/bin/env python3
"""`clinicpress serve` timings for `make bench`: how long from saving a file to the reload event.

    python3 scripts/bench/serve_bench.py BINARY SITE_DIR [--rounds N] [--json]

On a copy of SITE_DIR (the server must not write to it, but edits are made to the copy): starts
`serve --port 0 --no-print`, listens to /_clinicpress/events, then
- appends a sentence to one article's body N times (a new article each time) and measures, for
  each save, the time until the change event naming that article arrives;
- appends a comment to the article template once and measures the time to its event;
- reads the server's peak memory (VmHWM) at the end.
Also: the time from starting `serve` to the first page served, on SITE_DIR as it is.
"""
import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request


def start(binary, site, args=()):
    process = subprocess.Popen([binary, "serve", site, "--port", "0", *args], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, text=True)
    for line in process.stdout:
        match = re.search(r"at (http://\S+/)", line)
        if match:
            threading.Thread(target=lambda: [None for _ in process.stdout], daemon=True).start()
            return process, match.group(1)
    raise SystemExit("serve did not start")


class Events:
    def __init__(self, url):
        host, port = re.match(r"http://([^/:]+):(\d+)/", url).groups()
        self.socket = socket.create_connection((host, int(port)))
        self.socket.sendall(f"GET /_clinicpress/events HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
        self.buffer = b""
        self.socket.settimeout(120)

    def wait_for(self, path):
        while True:
            for match in re.finditer(rb"data: (.*?)\r?\n", self.buffer):
                change = json.loads(match.group(1))
                if path is None or path in change["paths"] or change["all"]:
                    self.buffer = self.buffer[match.end():]
                    return time.monotonic()
            self.buffer = re.sub(rb"(?s)^.*data: .*?\r?\n", b"", self.buffer) if b"data: " in self.buffer else self.buffer
            chunk = self.socket.recv(65536)
            if not chunk:
                raise SystemExit("the event stream ended")
            self.buffer += chunk


def peak_memory_mb(pid):
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def first_page(binary, site):
    started = time.monotonic()
    process = subprocess.Popen([binary, "serve", site, "--port", "0", "--no-print"], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, text=True)
    try:
        for line in process.stdout:
            match = re.search(r"at (http://\S+/)", line)
            if match:
                urllib.request.urlopen(match.group(1)).read()
                return time.monotonic() - started
    finally:
        process.terminate()
        process.wait()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("site")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--first-page-site", default=None, help="measure the first page on this site (default: SITE_DIR)")
    parser.add_argument("--json", action="store_true")
    arguments = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="clinicpress-serve-bench-")
    copy = os.path.join(folder, "site")
    shutil.copytree(arguments.site, copy, ignore=shutil.ignore_patterns("Output", "Output.*", ".Output*"))
    results = {}
    try:
        process, url = start(arguments.binary, copy, ["--no-print"])
        events = Events(url)
        time.sleep(0.5)
        education = os.path.join(copy, "Content", "education")
        names = sorted(n for n in os.listdir(education) if n.endswith(".md"))
        times = []
        for round_ in range(arguments.rounds):
            name = names[(round_ * 7919) % len(names)]
            with open(os.path.join(education, name), "a") as handle:
                saved = time.monotonic()
                handle.write(f"\nA sentence added in round {round_}.\n")
            times.append(events.wait_for(f"/education/{name[:-3]}/") - saved)
            time.sleep(0.2)
        results["body_edit_ms"] = [round(t * 1000, 1) for t in times]
        results["body_edit_median_ms"] = round(statistics.median(times) * 1000, 1)
        template = os.path.join(copy, "Templates", "article.mustache")
        # Exporting the theme while serving is itself a change of every template: wait for it first.
        subprocess.run([arguments.binary, "theme", "export", "--site", copy], check=True, capture_output=True)
        events.wait_for(None)
        time.sleep(2.0)
        events.buffer = b""
        with open(template, "a") as handle:
            saved = time.monotonic()
            handle.write("{{! a comment }}\n")
        results["template_edit_s"] = round(events.wait_for(None) - saved, 2)
        results["serve_peak_mb"] = round(peak_memory_mb(process.pid))
        process.terminate()
        process.wait()
        results["first_page_s"] = round(first_page(arguments.binary, arguments.first_page_site or arguments.site), 2)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if arguments.json:
        print(json.dumps(results))
    else:
        for key, value in results.items():
            print(f"{key}: {value}")


if __name__ == "__main__":
    sys.exit(main())
