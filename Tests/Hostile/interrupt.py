#!/usr/bin/env python3
"""Interrupted builds: a build killed half way must leave the previous Output/ byte for byte as it was.

    python3 Tests/Hostile/interrupt.py .build/debug/clinicpress
    python3 Tests/Hostile/interrupt.py BINARY --signals KILL --delays 1,end    # some cases
    python3 Tests/Hostile/interrupt.py BINARY --rebuild-each                    # slower, more thorough

In a fresh temporary folder T (HOME and TMPDIR inside it, like run.py; the binary is copied to T/bin
and finds WeasyPrint through CLINICPRESS_HOME, the checkout it was built in, so that rebuilding the
tool while the test runs cannot change what it compares; --in-place runs BINARY where it is):

1. copies the fixture clinic (Tests/Fixtures/clinic/Content, or --site SITE/Content) to
   T/site/Content, with --copies copies of every education article under new slugs (each one more
   printed handout: a slower build), and builds it (`BINARY build T/site`, SOURCE_DATE_EPOCH=1795392000,
   NO_COLOR=1, stdin closed): the previous good site, "old". Changes one content file (the clinic's
   phone number in site.yml, which is on every page and every PDF) and builds that once in another
   folder, T/ref: the reference "new" site. The second build is timed. When it takes less than
   the latest numeric delay plus MIN_MARGIN seconds, the signals would come after the build ended:
   the site is made larger (twice the copies, at most GROW_TIMES times) and both are built again.
2. for each signal (SIGINT, SIGTERM, SIGKILL) and each delay (0.2 s: while the pages are written;
   1 s: while WeasyPrint starts; 3 s: while it renders the PDFs; "end": as soon as every PDF is in
   the new folder, so that only the renderer's exit, the report and the renames are left, or,
   failing that, at twice the timed build), switches T/site/Content to the other version,
   starts the build, sleeps the delay and sends the signal to the build process (not to its
   process group: like `kill PID`), waits for it, then checks (a build that finished before its
   signal proves nothing: the case is tried again, up to ATTEMPTS times, with the signal at half
   the time that build took, and fails when every attempt finished first):
   - T/site/Output is exactly the previous site (every path, every folder, every file's SHA-256).
     If the build finished before the signal arrived, the complete reference site of the new
     content is accepted instead (and noted), but never a mix of the two, nor a missing Output/;
   - after SIGINT and SIGTERM, the build itself stops within STOP_WITHIN seconds, and does not exit
     with 0 more than EXIT_RACE seconds after the signal (it does not ignore the signal and finish
     the site);
   - no process of the killed build is left: a process whose command line holds T (render_pdfs.py
     gets its job file there) or whose working folder is inside T (WeasyPrint's workers), or that
     descended from the build. After SIGINT and SIGTERM, one still running --grace seconds after
     the build ended is a failure (it is then killed, so the next case is not slowed down). After
     SIGKILL the tool cannot stop its child, so it may finish on its own: it is waited for (at
     most 30 s, then it is a failure) and how long it ran is noted;
   - Output/ is still the same once those processes are gone.
   The cases of a series run one after the other on the same site: each build also has to clear
   what the killed one before it left. With strace, the SIGKILL series also kills the build right
   after it first renames Output/ (held there by strace's syscall delay injection): the moment
   between moving the old site aside and moving the new one in.
3. after each signal's series (after every case with --rebuild-each), builds normally and checks
   that the build succeeds, that Output/ is exactly the reference site of the content it was
   given, that no .Output.tmp-* / .Output.old-* folder, .pdf-jobs.json, .pdf-errors.log or
   .render-*.pdf.tmp file is left anywhere in T/site, and that no process is left.

Standard library only. Prints one line per case and ends with "N passed, N failed"; exit status 1
when any case failed. About 60 s on two cores (each full build of the fixture with its default 4 copies
of every article, 19 PDFs, takes about 4 s).
"""

import argparse
import hashlib
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
FIXTURE = os.path.join(REPO, "Tests", "Fixtures", "clinic")
EPOCH = "1795392000"
BUILD_TIMEOUT = 120
CHILD_WAIT = 30.0       # seconds an orphaned child of a SIGKILLed build may take to finish
END_FACTOR = 2.0        # the "end" case signals at twice the timed build at the latest,
END_SLACK = 5.0         # and not before 5 s after it (other work on the machine slows builds down)
ATTEMPTS = 3            # a case whose build finished before the signal is tried again, this many times in all
MIN_MARGIN = 0.5        # the timed build must last this much longer than the latest numeric delay
GROW_TIMES = 3          # ... else the site gets twice the copies, at most this many times
STOP_WITHIN = 2.0       # seconds a build may run on after SIGINT or SIGTERM
EXIT_RACE = 0.2         # ... and a build that still exits 0 after them must have been ending already

# The one content change between "old" and "new": a line that is on every page and every PDF.
# The fixture clinic is the tests' own (Tests/Fixtures/clinic), so this line may be relied on.
CHANGED_FILE = os.path.join("Content", "site.yml")
OLD_LINE = 'phone: "(312) 555-0177"'
NEW_LINE = 'phone: "(312) 555-0199"'
TITLE_LINE = re.compile(r"^title: (.*)$", re.M)

LEFTOVER_DIR = re.compile(r"^\.Output\.(tmp|old)-\d+$")
LEFTOVER_FILE = re.compile(r"^(\.pdf-jobs\.json|\.pdf-errors\.log|\.render-.*\.pdf\.tmp)$")
SUMMARY = re.compile(r"^Built \d+ pages?\b")


class Failure(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# Files

def snapshot(folder):
    """relative path -> ('dir',) / ('link', target) / ('file', sha256) for everything below folder;
    None when folder does not exist."""
    if not os.path.lexists(folder):
        return None
    entries = {}
    for parent, directories, files in os.walk(folder):
        for name in directories + files:
            path = os.path.join(parent, name)
            relative = os.path.relpath(path, folder)
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                entries[relative] = ("link", os.readlink(path))
            elif stat.S_ISDIR(info.st_mode):
                entries[relative] = ("dir",)
            else:
                digest = hashlib.sha256()
                with open(path, "rb") as handle:
                    for chunk in iter(lambda: handle.read(1 << 20), b""):
                        digest.update(chunk)
                entries[relative] = ("file", digest.hexdigest())
    return entries


def describe_mix(found, old, new):
    """What a snapshot that is neither old nor new is made of."""
    if found is None:
        return "Output/ does not exist"
    as_old = as_new = neither = 0
    examples = []
    for path, entry in sorted(found.items()):
        if entry[0] == "dir":
            continue
        if old.get(path) == entry:
            as_old += 1
        elif new.get(path) == entry:
            as_new += 1
        else:
            neither += 1
            examples.append(path)
    missing = sorted(p for p in set(old) & set(new) if p not in found)
    text = f"{as_old} files as in the old site, {as_new} as in the new one, {neither} in neither"
    if examples:
        text += " (" + ", ".join(examples[:3]) + (" ..." if len(examples) > 3 else "") + ")"
    if missing:
        text += f"; {len(missing)} missing (" + ", ".join(missing[:3]) + (" ..." if len(missing) > 3 else "") + ")"
    return text


def leftovers(site):
    """Temporary folders and files of a build, anywhere in the site folder (Content/ aside)."""
    found = []
    for parent, directories, files in os.walk(site):
        if parent == site and "Content" in directories:
            directories.remove("Content")
        for name in directories:
            if LEFTOVER_DIR.match(name):
                found.append(os.path.relpath(os.path.join(parent, name), site))
        for name in files:
            if LEFTOVER_FILE.match(name) or LEFTOVER_DIR.match(name):
                found.append(os.path.relpath(os.path.join(parent, name), site))
        directories[:] = [d for d in directories if not LEFTOVER_DIR.match(d)]  # listed once, whole
    return sorted(found)


def count_pdfs(folder):
    count = 0
    for _, _, files in os.walk(folder):
        count += sum(1 for name in files if name.endswith(".pdf"))
    return count


def plural(count):
    return "process" if count == 1 else "processes"


def summarise(items, limit=3):
    items = list(items)
    return ", ".join(items[:limit]) + (f" and {len(items) - limit} more" if len(items) > limit else "")


# ---------------------------------------------------------------------------------------------
# Processes (/proc)

def read_proc(pid, name):
    try:
        with open(f"/proc/{pid}/{name}", "rb") as handle:
            return handle.read()
    except OSError:
        return None


def process_table():
    """pid -> (ppid, state) for every process."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        data = read_proc(entry, "stat")
        if not data:
            continue
        text = data.decode("utf-8", "replace")
        fields = text[text.rfind(")") + 2:].split()
        table[int(entry)] = (int(fields[1]), fields[0])
    return table


def descendants(pid):
    table = process_table()
    found, frontier = set(), {pid}
    while frontier:
        children = {p for p, (ppid, _) in table.items() if ppid in frontier and p not in found}
        found |= children
        frontier = children
    return found


def related_processes(root, family):
    """Live (not zombie) processes of a build in root: pid -> command line. A process counts when
    its command line names root (render_pdfs.py gets its job file there), its working folder is
    inside root (WeasyPrint's workers inherit the staging folder), or it descended from the build."""
    found = {}
    me = os.getpid()
    for pid, (_, state) in process_table().items():
        if pid == me or state == "Z":
            continue
        raw = read_proc(pid, "cmdline")
        if raw is None:
            continue
        command = raw.replace(b"\0", b" ").decode("utf-8", "replace").strip()
        try:
            cwd = os.readlink(f"/proc/{pid}/cwd")
        except OSError:
            cwd = ""
        if root in command or cwd == root or cwd.startswith(root + "/") or pid in family:
            found[pid] = command
    return found


def describe_processes(processes):
    return summarise(f"pid {pid}: {command[:110]}" for pid, command in sorted(processes.items()))


def wait_for_exit(root, family, limit):
    """Seconds until no related process is left, or None when some are still there after limit."""
    started = time.monotonic()
    while True:
        alive = related_processes(root, family)
        if not alive:
            return time.monotonic() - started
        if time.monotonic() - started > limit:
            return None
        time.sleep(0.05)


def kill_all(processes):
    for pid in processes:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


# ---------------------------------------------------------------------------------------------
# The test

def copy_content(source, target, copies):
    """source/Content to target/Content, with `copies` copies of every education article (new slug,
    title marked as a copy): each is one more web page and one more printed handout."""
    content = os.path.join(target, "Content")
    shutil.copytree(os.path.join(source, "Content"), content, symlinks=True)
    education = os.path.join(content, "education")
    # Sources only: a translation (`first-visit.es.md`) belongs beside its source and is copied with none.
    originals = sorted(n for n in os.listdir(education) if n.endswith(".md") and "." not in n[:-3]) if os.path.isdir(education) else []
    for name in originals:
        with open(os.path.join(education, name), encoding="utf-8") as handle:
            text = handle.read()
        for number in range(1, copies + 1):
            copy = TITLE_LINE.sub(lambda m: f"title: {m.group(1)} (copy {number})", text, count=1)
            with open(os.path.join(education, f"{name[:-3]}-copy-{number}.md"), "w", encoding="utf-8") as handle:
                handle.write(copy)


class Interrupts:
    def __init__(self, binary, root, grace, source=FIXTURE, copies=4, min_build=0.0):
        self.binary, self.root, self.grace = binary, root, grace
        self.source, self.copies, self.min_build = source, copies, min_build
        self.site = os.path.join(root, "site")
        self.ref = os.path.join(root, "ref")
        self.logs = os.path.join(root, "logs")
        self.env = dict(os.environ)
        self.env.update({"SOURCE_DATE_EPOCH": EPOCH, "NO_COLOR": "1", "HOME": os.path.join(root, "home"),
                         "TMPDIR": os.path.join(root, "tmp")})
        for key in ("CLICOLOR_FORCE", "FORCE_COLOR"):
            self.env.pop(key, None)
        for folder in (self.env["HOME"], self.env["TMPDIR"], self.logs):
            os.makedirs(folder)
        self.texts = {}
        self.snapshots = {}
        self.content = None    # the version in site/Content
        self.output = None     # the version site/Output holds
        self.full_build = None
        self.runs = 0

    # -- building ------------------------------------------------------------------------------

    def set_content(self, site, version):
        with open(os.path.join(site, CHANGED_FILE), "w", encoding="utf-8") as handle:
            handle.write(self.texts[version])
        if site == self.site:
            self.content = version

    def start(self, command, name):
        self.runs += 1
        log = os.path.join(self.logs, f"{self.runs:02d}-{name}")
        out, err = open(log + ".out", "wb"), open(log + ".err", "wb")
        try:
            process = subprocess.Popen(command, cwd=self.root, env=self.env, stdin=subprocess.DEVNULL,
                                       stdout=out, stderr=err, start_new_session=True)
        finally:
            out.close()
            err.close()
        return process, log

    def said(self, log):
        text = ""
        for suffix in (".err", ".out"):
            with open(log + suffix, encoding="utf-8", errors="replace") as handle:
                text += handle.read()
        return [line for line in text.splitlines() if line.strip()]

    def build(self, site, name):
        """A normal build: (status, lines, seconds)."""
        started = time.monotonic()
        process, log = self.start([self.binary, "build", site], name)
        try:
            status = process.wait(timeout=BUILD_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise Failure(f"the build of {os.path.basename(site)} did not finish within {BUILD_TIMEOUT} s")
        return status, self.said(log), time.monotonic() - started

    def freeze_binary(self):
        """Works on a copy of the binary (and of the site's Content/, in setup): a rebuild of the tool
        or an edit of the fixture while the test runs must not change the sites it compares.
        The copy finds WeasyPrint through CLINICPRESS_HOME: the checkout the binary was built in."""
        if not self.env.get("CLINICPRESS_HOME"):
            folder = os.path.dirname(os.path.realpath(self.binary))
            while folder != "/":
                if (os.access(os.path.join(folder, ".venv-print", "bin", "python"), os.X_OK)
                        and os.path.isfile(os.path.join(folder, "scripts", "render_pdfs.py"))):
                    self.env["CLINICPRESS_HOME"] = folder
                    break
                folder = os.path.dirname(folder)
        copy = os.path.join(self.root, "bin", os.path.basename(self.binary))
        os.makedirs(os.path.dirname(copy))
        shutil.copy2(self.binary, copy)
        self.binary = copy

    def setup(self):
        """Builds the old and the new site; makes the site larger while a build is too quick for the
        latest signal to arrive during it."""
        for grown in range(GROW_TIMES + 1):
            self.setup_once()
            if self.full_build >= self.min_build:
                return
            if grown == GROW_TIMES:
                raise Failure(f"a build takes {self.full_build:.2f} s even with {self.copies} copies of every article: "
                              f"too quick for a signal {self.min_build - MIN_MARGIN:g} s after the start")
            # Twice the copies; from none, one (doubling zero would build the same site again).
            grown_copies = max(1, self.copies * 2)
            print(f"note: a build takes {self.full_build:.2f} s, less than {self.min_build:.2f} s: "
                  f"building again with {grown_copies} copies of every article")
            self.copies = grown_copies
            for folder in (self.site, self.ref):
                shutil.rmtree(folder)

    def setup_once(self):
        copy_content(self.source, self.site, self.copies)
        shutil.copytree(os.path.join(self.site, "Content"), os.path.join(self.ref, "Content"), symlinks=True)
        with open(os.path.join(self.site, CHANGED_FILE), encoding="utf-8") as handle:
            original = handle.read()
        if original.count(OLD_LINE) != 1:
            raise Failure(f"{CHANGED_FILE} does not have exactly one line {OLD_LINE!r} to change")
        self.texts = {"old": original, "new": original.replace(OLD_LINE, NEW_LINE)}
        for site, version in ((self.site, "old"), (self.ref, "new")):
            self.set_content(site, version)
            status, lines, seconds = self.build(site, f"setup-{version}")
            if status != 0:
                raise Failure(f"the {version} site does not build (status {status}): " + " | ".join(lines)[:600])
            summary = [line for line in lines if SUMMARY.match(line)]
            if not summary or " PDFs" not in summary[-1] or " 0 PDFs" in summary[-1]:
                raise Failure("the build makes no PDFs (is WeasyPrint installed? run make site): "
                              + " | ".join(lines)[:300])
            self.snapshots[version] = snapshot(os.path.join(site, "Output"))
            self.full_build = seconds   # the second one: fonts cached, like every later build
            print(f"note: {version} site ({self.copies} copies of every article) built in {seconds:.2f} s: {summary[-1]}")
        self.output = "old"
        old, new = self.snapshots["old"], self.snapshots["new"]
        files = [p for p, e in old.items() if e[0] == "file"]
        differing = [p for p in files if new.get(p) != old[p]]
        if not differing:
            raise Failure("the content change makes no difference to the output")
        self.pdf_count = sum(1 for p in files if p.endswith(".pdf"))
        print(f"note: {len(files)} files in Output/, {len(differing)} of them differ between the old and new site")
        sys.stdout.flush()

    # -- one interrupted build -----------------------------------------------------------------

    def interrupt(self, sig, delay, rename_window=False):
        """Problems and notes of one build of the other content version, killed after delay, and when
        the build ended by itself before the signal, how many seconds it took (else None)."""
        problems, notes = [], []
        before_version = self.output
        target = "new" if self.output == "old" else "old"
        self.set_content(self.site, target)
        output_dir = os.path.join(self.site, "Output")
        if snapshot(output_dir) != self.snapshots[before_version]:
            raise Failure("Output/ is not the expected previous site before the build (an earlier case broke it)")

        command = [self.binary, "build", self.site]
        if rename_window:
            # Only the main thread is traced (no -f): it is the one that renames. -P: only system
            # calls on SITE/Output, so only the moves of Output/ itself are held for 10 s.
            command = ["strace", "-qq", "-o", "/dev/null", "-P", output_dir,
                       "-e", "trace=rename,renameat,renameat2",
                       "-e", "inject=rename,renameat,renameat2:delay_exit=10000000"] + command
        started = time.monotonic()
        process, log = self.start(command, f"{signal.Signals(sig).name}-{'rename' if rename_window else delay}")
        target_pid = process.pid
        finished_first = False
        if rename_window:
            # held by strace: Output/ gone or moved aside, or the traced main thread stopped for a while
            held_since = None
            while process.poll() is None and time.monotonic() - started < BUILD_TIMEOUT:
                names = os.listdir(self.site)
                if "Output" not in names or any(n.startswith(".Output.old-") for n in names):
                    break
                children = (read_proc(process.pid, f"task/{process.pid}/children") or b"").split()
                stat_line = read_proc(int(children[0]), "stat") if children else None
                if stat_line and stat_line[stat_line.rfind(b")") + 2:].split()[0] in (b"t", b"T"):
                    held_since = held_since or time.monotonic()
                    if time.monotonic() - held_since > 0.5:
                        break
                else:
                    held_since = None
                time.sleep(0.005)
            children = (read_proc(process.pid, f"task/{process.pid}/children") or b"").split()
            if process.poll() is None:
                if not children:
                    raise Failure("cannot find the build traced by strace")
                target_pid = int(children[0])
            names = os.listdir(self.site)
            if "Output" in names and not any(n.startswith(".Output.old-") for n in names):
                notes.append("Output/ was not seen moved aside")
        elif delay == "end":
            # just before the build would end: every PDF is in the new folder (only the renderer's
            # exit, the report and the renames are left); failing that (a tool that puts them
            # elsewhere), later than the timed build would have ended even on a busy machine
            staging = os.path.join(self.site, f".Output.tmp-{process.pid}")
            deadline = max(self.full_build * END_FACTOR, self.full_build + END_SLACK)
            while process.poll() is None and time.monotonic() - started < deadline:
                if count_pdfs(staging) >= self.pdf_count:
                    notes.append(f"all {self.pdf_count} PDFs were written")
                    break
                time.sleep(0.005)
            else:
                if process.poll() is None:
                    notes.append(f"not all PDFs seen after {deadline:.2f} s")
        else:
            time.sleep(max(0.0, delay - (time.monotonic() - started)))
        family = descendants(target_pid) | {target_pid}
        signalled_at = time.monotonic() - started
        if process.poll() is None:
            try:
                os.kill(target_pid, sig)
            except ProcessLookupError:
                pass
            if target_pid != process.pid:
                # strace would sit out its injected delay before noticing its tracee is gone
                try:
                    os.kill(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        else:
            finished_first = True
        try:
            status = process.wait(timeout=BUILD_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise Failure(f"the build did not stop within {BUILD_TIMEOUT} s of {signal.Signals(sig).name}")
        ended_at = time.monotonic() - started
        notes.insert(0, f"signal at {signalled_at:.2f} s" if not finished_first else f"ended at {ended_at:.2f} s")
        ran_on = ended_at - signalled_at
        if not finished_first and sig != signal.SIGKILL and (
                ran_on > STOP_WITHIN or (status == 0 and delay != "end" and ran_on > EXIT_RACE)):
            # (a signal that lands while the process is already exiting cannot stop it: EXIT_RACE)
            problems.append(f"the build did not stop: it ran on for {ran_on:.2f} s after "
                            f"{signal.Signals(sig).name} and exited with {status}")

        # Output/: the old site, or (when the build got that far) the complete new one, never a mix
        found = snapshot(output_dir)
        if found == self.snapshots[before_version]:
            if finished_first or status == 0:
                problems.append(f"the build exited with {status} but Output/ is still the old site")
        elif found == self.snapshots[target]:
            self.output = target
            if finished_first or status == 0:
                notes.append(f"the build finished before the signal ({ended_at:.2f} s): Output/ is the complete new site")
            else:
                notes.append(f"killed after Output/ was replaced: Output/ is the complete new site (status {status})")
        else:
            aside = [n for n in os.listdir(self.site) if n.startswith(".Output.old-")]
            problems.append("Output/ is neither the old nor the new site: " + describe_mix(found, self.snapshots[before_version], self.snapshots[target])
                            + (f"; the old site is aside in {summarise(aside)}" if aside else ""))
            self.output = None
        if not finished_first and status == 0 and found != self.snapshots[target]:
            problems.append("the build exited with 0 although it was killed")
        left = leftovers(self.site)
        if left:
            notes.append("left " + summarise(left) + " (for the next build to remove)")

        # processes of the killed build
        alive = related_processes(self.root, family)
        if alive:
            name = signal.Signals(sig).name
            limit = CHILD_WAIT if sig == signal.SIGKILL else self.grace
            lived = wait_for_exit(self.root, family, limit)
            after = time.monotonic() - started - ended_at
            if sig == signal.SIGKILL:
                if lived is None:
                    still = related_processes(self.root, family)
                    problems.append(f"{len(still)} {plural(len(still))} of the killed build still running {CHILD_WAIT:.0f} s after "
                                    f"SIGKILL: {describe_processes(still)}")
                    kill_all(still)
                else:
                    notes.append(f"{len(alive)} WeasyPrint {plural(len(alive))} of the killed build finished by "
                                 f"{'itself' if len(alive) == 1 else 'themselves'} {after:.2f} s after the kill")
            else:
                still = related_processes(self.root, family)
                if still:
                    problems.append(f"{len(still)} {plural(len(still))} of the build survived {name} ({after:.2f} s later; killed now): "
                                    f"{describe_processes(still)}")
                    kill_all(still)
                else:
                    notes.append(f"{len(alive)} {plural(len(alive))} of the build still ran after it ended and stopped {after:.2f} s later")
            if wait_for_exit(self.root, family, 5) is None:
                problems.append("processes of the build cannot be stopped: "
                                + describe_processes(related_processes(self.root, family)))
            again = snapshot(output_dir)
            if again != found:
                problems.append("Output/ changed after the build had been killed (by a process it left behind): "
                                + describe_mix(again, found, self.snapshots[target]))
                self.output = next((v for v, s in self.snapshots.items() if s == again), None)
        return problems, notes, (ended_at if finished_first else None)

    # -- the build after -----------------------------------------------------------------------

    def rebuild(self):
        problems, notes = [], []
        family = set()
        status, lines, _ = self.build(self.site, "rebuild")
        if status != 0:
            problems.append(f"exited with {status}: " + " | ".join(lines)[:400])
        elif not lines or not SUMMARY.match(lines[-1]):
            problems.append("does not end with a 'Built ...' line: " + " | ".join(lines[-2:]))
        found = snapshot(os.path.join(self.site, "Output"))
        expected = self.snapshots[self.content]
        if found == expected:
            self.output = self.content
        else:
            other = self.snapshots["old" if self.content == "new" else "new"]
            problems.append(f"Output/ is not the reference {self.content} site: " + describe_mix(found, other, expected))
            self.output = next((v for v, s in self.snapshots.items() if s == found), None)
        left = leftovers(self.site)
        if left:
            problems.append("left behind: " + summarise(left))
        alive = related_processes(self.root, family)
        if alive:
            problems.append("processes left running: " + describe_processes(alive))
            kill_all(alive)
        notes.append(f"Output/ is the {self.content} site" if found == expected else "")
        return problems, [n for n in notes if n]


# ---------------------------------------------------------------------------------------------

def interrupt_with_retries(test, sig, delay, rename_window):
    """One case: problems and notes. A build that ended before its signal interrupted nothing and so
    tested nothing: it is tried again (with the signal at half the time that build took, for a delay
    in seconds), ATTEMPTS times in all, and when every attempt finished first the case fails."""
    problems, notes, tries = [], [], []
    attempt_delay = delay
    for attempt in range(1, ATTEMPTS + 1):
        try:
            if test.output is None:
                raise Failure("skipped: an earlier case left Output/ in an unknown state")
            problems, notes, finished_at = test.interrupt(sig, attempt_delay, rename_window)
        except (Failure, OSError) as error:
            problems, notes, finished_at = [str(error)], [], None
        if finished_at is None or problems:
            break
        tries.append(f"attempt {attempt}" + (f" (signal at {attempt_delay:g} s)" if isinstance(attempt_delay, float) else "")
                     + f" finished first, at {finished_at:.2f} s")
        if attempt == ATTEMPTS:
            problems = [f"the build finished before the signal in all {ATTEMPTS} attempts: nothing was interrupted "
                        "(make the site larger: --copies)"]
        elif isinstance(attempt_delay, float):
            attempt_delay = round(min(attempt_delay, finished_at) / 2, 2)
    return problems, tries + notes


def parse_delays(text):
    delays = []
    for item in text.split(","):
        item = item.strip()
        if item == "end":
            delays.append("end")
        elif item:
            delays.append(float(item))
    return delays


def main():
    parser = argparse.ArgumentParser(description="Interrupted builds of ClinicPress.")
    parser.add_argument("binary", help="the clinicpress executable")
    parser.add_argument("--signals", default="INT,TERM,KILL", help="signals to send (default INT,TERM,KILL)")
    parser.add_argument("--delays", default="0.2,1,3,end",
                        help="seconds after the start to send the signal; 'end' is just before the build would end "
                             "(default 0.2,1,3,end)")
    parser.add_argument("--rebuild-each", action="store_true", help="build normally after every case, not after every series")
    parser.add_argument("--grace", type=float, default=0.5,
                        help="seconds a child of a build killed by SIGINT/SIGTERM may take to stop (default 0.5)")
    parser.add_argument("--no-rename-window", action="store_true", help="skip the kill between the two renames (strace)")
    parser.add_argument("--in-place", action="store_true",
                        help="run BINARY where it is (by default a copy is run, with CLINICPRESS_HOME set)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--site", default=FIXTURE,
                        help="the site whose Content/ is built (default Tests/Fixtures/clinic; its site.yml must have "
                             f"the line {OLD_LINE})")
    parser.add_argument("--copies", type=int, default=4,
                        help="copies of every education article, to make the build slower (default 4; doubled while "
                             "a build is quicker than the latest delay)")
    options = parser.parse_args()

    binary = os.path.abspath(options.binary)
    if not os.access(binary, os.X_OK):
        print(f"not an executable: {options.binary}")
        print("0 passed, 1 failed")
        return 1
    signals = [signal.Signals["SIG" + s.strip().upper().removeprefix("SIG")] for s in options.signals.split(",") if s.strip()]
    delays = parse_delays(options.delays)
    use_strace = not options.no_rename_window and signal.SIGKILL in signals and shutil.which("strace") is not None
    if not options.no_rename_window and signal.SIGKILL in signals and not use_strace:
        print("note: strace is not installed; the kill between the two renames of Output/ is not tried")

    root = os.path.realpath(tempfile.mkdtemp(prefix="clinicpress-interrupt-"))
    passed = failed = 0
    started = time.monotonic()

    case_started = time.monotonic()

    def report(name, problems, notes):
        nonlocal passed, failed, case_started
        timing = f" ({time.monotonic() - case_started:.2f} s)"
        if problems:
            failed += 1
            print(f"FAIL {name}{timing}: " + "; ".join(problems) + (f" [{'; '.join(notes)}]" if notes else ""))
        else:
            passed += 1
            print(f"PASS {name}{timing}" + (": " + "; ".join(notes) if notes else ""))
        sys.stdout.flush()
        case_started = time.monotonic()

    try:
        numeric = [d for d in delays if d != "end"]
        test = Interrupts(binary, root, options.grace, source=os.path.abspath(options.site), copies=options.copies,
                          min_build=(max(numeric) + MIN_MARGIN) if numeric else 0.0)
        try:
            if not options.in_place:
                test.freeze_binary()
            test.setup()
        except (Failure, OSError) as error:
            print(f"FAIL (setup): {error}")
            print("0 passed, 1 failed")
            return 1
        case_started = time.monotonic()
        for sig in signals:
            cases = [(d, False) for d in delays]
            if sig == signal.SIGKILL and use_strace:
                cases.append((None, True))
            for index, (delay, rename_window) in enumerate(cases):
                label = ("between the two renames of Output/" if rename_window else
                         "at the end" if delay == "end" else f"after {delay:g} s")
                name = f"{sig.name} {label}"
                problems, notes = interrupt_with_retries(test, sig, delay, rename_window)
                report(name, problems, notes)
                if options.rebuild_each or index == len(cases) - 1:
                    try:
                        problems, notes = test.rebuild()
                    except (Failure, OSError) as error:
                        problems, notes = [str(error)], []
                    report(f"{sig.name} rebuild after{' it' if options.rebuild_each else ' the series'}",
                           problems, notes)
    finally:
        # nothing of ours may outlive the run
        leftover_processes = related_processes(root, set())
        kill_all(leftover_processes)
        if options.keep:
            print(f"note: kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    print(f"({time.monotonic() - started:.1f} s)")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
