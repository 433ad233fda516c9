#!/usr/bin/env python3
"""Hostile-input tests for ClinicPress: broken and malicious sites, built one by one.

    python3 Tests/Hostile/run.py .build/debug/clinicpress            # every case
    python3 Tests/Hostile/run.py .build/debug/clinicpress unknown-day # some cases
    python3 Tests/Hostile/run.py BINARY --show CASE                   # print what the tool said

Each folder in cases/ is one small broken site. The runner, for each case, in a fresh temporary
folder T:

1. copies base/ (a tiny valid site) to T/site and builds it into T/site/Output: the "previous good
   site" that a failed build must leave alone (built once per run, with or without PDFs like the
   case's own build);
2. lays the case's site/ over it, then applies expected.json's "delete", "symlinks", "large_file",
   "generate" and "sparse_files" entries (symbolic links and big files are made here, not kept in git);
3. runs `BINARY build T/site [args]`, with `--pdf off` unless the case is about printed documents
   ("pdf": true) or sets --pdf itself (60 s limit, stdin closed, SOURCE_DATE_EPOCH=1795392000,
   NO_COLOR=1, working folder T, HOME and TMPDIR inside T, then the case's "env"), then checks:
   - the exit status;
   - every expected diagnostic is printed exactly, as a whole line, and (unless
     "exclusive": false) no other error or warning line is printed;
   - every expected hint substring appears in a "hint:" line;
   - the output ends with exactly one summary line ("Built ..." / "Build failed: ...");
   - the build's peak memory stays under "max_rss_mb", when the case gives it;
   - when the build fails: Output/ is byte-for-byte what it was; in every case: no
     .NAME.tmp-* / .NAME.old-* folder is left, and nothing else in T changed (only the output
     folder and its .NAME.lock may);
   - nothing outside T was written: every file-writing system call is traced with strace when
     it is available (otherwise only the system temporary folder is looked at), no
     connection was made to another machine, and no compiler, assembler or linker (gcc, cc,
     collect2, ld, as, ...) was started, as Python's ctypes.util.find_library does (strace only);
   - "output_checks" on the built files (contains / absent / absent_regex / xml well-formed);
   - "output_absent": files that must not be in the output (paths or fnmatch patterns, such as
     editor backups that must not be published);
4. runs `BINARY check T/site` (unless "check": false) and requires the same exit status, the
   same diagnostics and that nothing at all was written.

expected.json:
    {
      "description": "what is broken",
      "exit": 1,
      "diagnostics": ["Content/programs/adult-iop.md:8:22: error: tracks[1].days[3]: 'thurs' is not a day"],
      "hints": ["did you mean 'thu'?"],
      "args": ["--output", "{FILE}"],          # extra build arguments
      "pdf": true,                             # make PDFs (default false: the build gets --pdf off)
      "exclusive": true,                       # no diagnostics other than those listed (default)
      "check": true,                           # also run `check` (default)
      "timeout": 60,                           # seconds, per command
      "delete": ["Content/education/what-happens-at-intake.md"],
      "symlinks": {"Content/pages/a.md": "b.md"},   # link path (in the site) -> target
      "large_file": "Content/pages/huge.md",   # 20 MB Markdown file made at run time
      "sparse_files": [{"path": "Content/assets/film.mp4", "mb": 600}],   # big files that take no disk
      "max_rss_mb": 250,                       # the build's peak memory (wait4's ru_maxrss)
      "output_folder": "site/Built/site",      # where the output really goes (an --output link's target)
      "generate": [{"path": "...", "head": "---\\n...", "repeat": "## Q\\n", "count": 1000, "tail": ""}],
      "hold_lock": true,                       # hold SITE/.Output.lock while building
      "env": {"SOURCE_DATE_EPOCH": "nan"},     # this case's build and check only (null unsets a variable)
      "output_checks": [{"file": "index.html",        # or a pattern: "**.html" "contains": ["..."], "absent": ["..."],
                         "absent_regex": ["..."], "xml": true}],
      "output_absent": ["NOTES.txt", "*~"]     # files the built output must not hold
    }
Placeholders in args, diagnostics, hints and symlink targets: {TMP} (T), {SITE} (T/site),
{FILE} (T/file, a regular file the runner creates), {OUTSIDE} (T/outside, a copy of the case's
outside/ folder, beside the site).

Standard library only. Prints one line per case and ends with "N passed, N failed".
"""

import argparse
import fcntl
import fnmatch
import hashlib
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = os.path.join(HERE, "base")
CASES = os.path.join(HERE, "cases")
EPOCH = "1795392000"
DEFAULT_TIMEOUT = 60
LARGE_FILE_BYTES = 20 * 1024 * 1024
BUILD_ARGS = []   # --build-arg: added to every build (for example --pdf require)
CHECK_ARGS = []   # --check-arg: added to every check

SUMMARY = re.compile(r"^(Built \d+ pages?\b.* into |Build failed: |Checked \d+ pages?\b)")
DIAGNOSTIC = re.compile(r"^\S.*?: (error|warning): ")
HINT = re.compile(r"^\s+hint: (.*)$")
LEFTOVER = re.compile(r"^\..+\.(tmp|old)-\d+$")

WRITE_CALLS = ("open,openat,openat2,creat,mkdir,mkdirat,rename,renameat,renameat2,unlink,unlinkat,rmdir,"
               "symlink,symlinkat,link,linkat,truncate,chmod,fchmodat,chown,lchown,fchownat,utimes,utimensat,"
               "mknod,mknodat,connect,execve,execveat")
WRITE_FLAGS = ("O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND")


class Failure(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# Running the tool

def strace_works():
    if shutil.which("strace") is None:
        return False
    try:
        result = subprocess.run(["strace", "-f", "-qq", "-e", "trace=none", "true"], stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=10)
        return result.returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


class Run:
    def __init__(self, status, stdout, stderr, seconds, timed_out, trace, max_rss_mb=0):
        self.status, self.stdout, self.stderr = status, stdout, stderr
        self.seconds, self.timed_out, self.trace = seconds, timed_out, trace
        self.max_rss_mb = max_rss_mb

    @property
    def lines(self):
        return self.stderr.splitlines() + self.stdout.splitlines()

    def describe_status(self):
        if self.timed_out:
            return "did not finish within the time limit (killed)"
        if self.status < 0:
            try:
                name = signal.Signals(-self.status).name
            except ValueError:
                name = str(-self.status)
            return f"crashed with signal {name}"
        return f"exited with {self.status}"


def run_tool(command, cwd, env, timeout, trace_file=None):
    if trace_file:
        command = ["strace", "-f", "-qq", "-y", "-s", "4096", "-e", "trace=" + WRITE_CALLS, "-o", trace_file] + command
    started = time.monotonic()
    # Output goes to files and the process is reaped with wait4, which also tells its peak memory
    # (with strace, the peak of strace and the traced tool, whichever is larger).
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out,
                                   stderr=err, start_new_session=True)
        timed_out = False
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - started > timeout and not timed_out:
                timed_out = True
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            time.sleep(0.01)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    seconds = time.monotonic() - started
    trace = ""
    if trace_file and os.path.exists(trace_file):
        with open(trace_file, encoding="utf-8", errors="replace") as handle:
            trace = handle.read()
        os.unlink(trace_file)
    return Run(process.returncode, stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace"),
               seconds, timed_out, trace, usage.ru_maxrss // 1024)


TRACE_LINE = re.compile(r"^(?:\[pid\s+)?(\d+)\]?\s+(\w+)\((.*)$")
QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
FD_PATH = re.compile(r"^(\d+|AT_FDCWD)<(.*)>$")


def unescape(text):
    return bytes(text, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8", "replace")


def written_paths(trace, cwd):
    """(syscall, absolute path) for every system call in an strace log that writes to a path."""
    result = []
    for line in trace.splitlines():
        match = TRACE_LINE.match(line.strip())
        if not match:
            continue
        call, rest = match.group(2), match.group(3)
        if call in ("execve", "execveat"):
            continue  # programs started: see programs_run
        if call in ("mkdir", "mkdirat") and "= -1 EEXIST" in rest:
            continue  # an existing folder: nothing was written
        if call in ("open", "openat", "openat2"):
            if not any(flag in rest for flag in WRITE_FLAGS):
                continue
        arguments = split_arguments(rest)
        paths = []
        if call in ("openat", "openat2", "mkdirat", "unlinkat", "fchmodat", "fchownat", "utimensat", "mknodat"):
            paths.append((arguments[0] if arguments else "", arguments[1] if len(arguments) > 1 else ""))
        elif call in ("renameat", "renameat2", "linkat"):
            if len(arguments) >= 4:
                paths += [(arguments[0], arguments[1]), (arguments[2], arguments[3])]
        elif call == "symlinkat":
            if len(arguments) >= 3:
                paths.append((arguments[1], arguments[2]))
        elif call in ("rename", "link"):
            paths += [("AT_FDCWD", a) for a in arguments[:2]]
        elif call == "symlink":
            paths += [("AT_FDCWD", a) for a in arguments[1:2]]
        else:
            paths += [("AT_FDCWD", a) for a in arguments[:1]]
        for directory, path in paths:
            quoted = QUOTED.fullmatch(path.strip())
            if not quoted:
                continue  # NULL path (utimensat on an open file): no path written
            path = unescape(quoted.group(1))
            if not os.path.isabs(path):
                fd = FD_PATH.match(directory.strip())
                base = fd.group(2) if fd else cwd
                path = os.path.join(base, path)
            result.append((call, os.path.normpath(path)))
    return result


def writes_outside(run, root):
    """Paths outside root that a traced run wrote to (or tried to)."""
    return sorted({f"{call} {path}" for call, path in written_paths(run.trace, root)
                   if not inside(path, root) and not harmless(path)})


ADDRESS = re.compile(r'connect\(.*?sa_family=AF_INET6?\b.*?(?:inet_addr\("([^"]+)"\)|inet_pton\(AF_INET6, "([^"]+)")')


def network_contacts(run):
    """Addresses other than this machine's that a traced run connected to (or tried to)."""
    found = set()
    for line in run.trace.splitlines():
        match = ADDRESS.search(line)
        if match:
            address = match.group(1) or match.group(2)
            if not (address.startswith("127.") or address in ("::1", "0.0.0.0", "::")
                    or address.startswith("::ffff:127.")):
                found.add(address)
    return sorted(found)


COMPILER = re.compile(r"^(?:[\w.]+-linux-gnu-)?(?:gcc|g\+\+|cc|c\+\+|clang(?:\+\+)?|cpp|cc1(?:plus)?|collect2|"
                      r"lto-wrapper|as|ld(?:\.bfd|\.gold|\.lld)?)(?:-\d+(?:\.\d+)*)?$")
EXECVE = re.compile(r'^(?:\[pid\s+)?\d+\]?\s+execve(?:at)?\((?:[^,]*, )?"((?:[^"\\]|\\.)*)"')


def compilers_run(run):
    """Compilers, assemblers and linkers a traced run started (or tried to): a build must run none
    (Python's ctypes.util.find_library runs gcc and ld, and writes their temporary files)."""
    found = set()
    for line in run.trace.splitlines():
        match = EXECVE.match(line.strip())
        if match and COMPILER.match(os.path.basename(unescape(match.group(1)))):
            found.add(os.path.basename(unescape(match.group(1))))
    return sorted(found)


def harmless(path):
    """Devices, and the POSIX semaphores Python's multiprocessing makes (the PDF renderer)."""
    return path in ("/dev/null", "/dev/tty") or re.match(r"^/dev/shm/(sem\.|mp-)", path) is not None


def split_arguments(text):
    """Top-level, comma-separated arguments of an strace call line (up to the closing parenthesis)."""
    arguments, depth, current, quoted, escaped = [], 0, "", False, False
    for char in text:
        if quoted:
            current += char
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                quoted = False
            continue
        if char == '"':
            quoted = True
            current += char
        elif char in "([{<":
            depth += 1
            current += char
        elif char in ")]}>":
            if depth == 0:
                arguments.append(current.strip())
                return arguments
            depth -= 1
            current += char
        elif char == "," and depth == 0:
            arguments.append(current.strip())
            current = ""
        else:
            current += char
    arguments.append(current.strip())
    return arguments


# ---------------------------------------------------------------------------------------------
# Preparing a case

def substitute(value, places):
    if isinstance(value, str):
        for key, replacement in places.items():
            value = value.replace("{" + key + "}", replacement)
        return value
    if isinstance(value, list):
        return [substitute(item, places) for item in value]
    if isinstance(value, dict):
        return {substitute(k, places): substitute(v, places) for k, v in value.items()}
    return value


def inside(path, folder):
    path, folder = os.path.normpath(path), os.path.normpath(folder)
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def make_large_file(path, size):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    line = b"All work and no play makes a very long page, and this page is much too long to publish.\n"
    with open(path, "wb") as handle:
        handle.write(b"---\ntitle: A huge page\nsummary: Far too long.\n---\n")
        block = line * (1024 * 1024 // len(line))
        while handle.tell() < size:
            handle.write(block)


def make_generated(path, spec):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(spec.get("head", ""))
        handle.write(spec.get("repeat", "") * int(spec.get("count", 0)))
        handle.write(spec.get("tail", ""))


def snapshot(root, skip_hash=()):
    """Every entry below root: relative path -> ('dir',) / ('link', target) / ('file', size, sha256)."""
    entries = {}
    for folder, directories, files in os.walk(root):
        for name in directories + files:
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, root)
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                entries[relative] = ("link", os.readlink(path))
            elif stat.S_ISDIR(info.st_mode):
                entries[relative] = ("dir",)
            elif path in skip_hash:
                entries[relative] = ("file", info.st_size, info.st_mtime_ns)
            else:
                digest = hashlib.sha256()
                with open(path, "rb") as handle:
                    for chunk in iter(lambda: handle.read(1 << 20), b""):
                        digest.update(chunk)
                entries[relative] = ("file", info.st_size, digest.hexdigest())
            # do not descend into symbolic links to folders (os.walk does not follow them)
    return entries


def changes(before, after):
    result = []
    for path in sorted(set(before) | set(after)):
        if path not in after:
            result.append(("removed", path))
        elif path not in before:
            result.append(("added", path))
        elif before[path] != after[path]:
            result.append(("changed", path))
    return result


def summarise(paths, limit=4):
    shown = ", ".join(paths[:limit])
    return shown + (f" and {len(paths) - limit} more" if len(paths) > limit else "")


# ---------------------------------------------------------------------------------------------
# Checking one case

class Case:
    def __init__(self, name):
        self.name = name
        self.folder = os.path.join(CASES, name)
        with open(os.path.join(self.folder, "expected.json"), encoding="utf-8") as handle:
            self.expected = json.load(handle)


def check_output_lines(run, expected_exit, diagnostics, hints, exclusive, summary_kind):
    """Problems with what a command printed."""
    problems = []
    lines = run.lines
    for line in diagnostics:
        if line not in lines:
            problems.append(f"missing diagnostic: {line}")
    hint_lines = [m.group(1) for m in (HINT.match(l) for l in lines) if m]
    for hint in hints:
        if not any(hint in h for h in hint_lines):
            problems.append(f"missing hint containing: {hint}")
    if exclusive:
        extra = [l for l in lines if DIAGNOSTIC.match(l) and l not in diagnostics]
        if extra:
            problems.append("unexpected diagnostic: " + " | ".join(extra[:3]) + (" ..." if len(extra) > 3 else ""))
    if expected_exit in (0, 1):
        summaries = [l for l in lines if SUMMARY.match(l)]
        stdout_lines = [l for l in run.stdout.splitlines() if l.strip()]
        if len(summaries) != 1:
            problems.append(f"expected exactly one summary line, found {len(summaries)}")
        elif not stdout_lines or stdout_lines[-1] != summaries[0]:
            problems.append("the output does not end with the summary line")
        else:
            wanted = {"build0": "Built ", "build1": "Build failed: ", "check0": "Checked ", "check1": "Checked "}
            prefix = wanted[f"{summary_kind}{expected_exit}"]
            if not summaries[0].startswith(prefix):
                problems.append(f"summary line should start with '{prefix}': {summaries[0]}")
    return problems


def wants_pdfs(expected):
    """Only cases about printed documents make PDFs (WeasyPrint is most of a build's time); the others
    get --pdf off, unless they choose a --pdf mode themselves."""
    return bool(expected.get("pdf", False))


def pdf_args(expected):
    args = expected.get("args", [])
    if wants_pdfs(expected) or "--pdf" in args or "--pdf" in BUILD_ARGS:
        return []
    return ["--pdf", "off"]


def run_case(case, binary, built_base, use_strace, scratch, show=False):
    expected = case.expected
    root = os.path.realpath(tempfile.mkdtemp(prefix=f"clinicpress-hostile-{case.name}-"))
    try:
        return _run_case(case, expected, binary, built_base, use_strace, root, scratch, show)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _run_case(case, expected, binary, built_base, use_strace, root, scratch, show):
    site = os.path.join(root, "site")
    places = {"TMP": root, "SITE": site, "FILE": os.path.join(root, "file"), "OUTSIDE": os.path.join(root, "outside")}
    timeout = expected.get("timeout", DEFAULT_TIMEOUT)
    env = dict(os.environ)
    env.update({"SOURCE_DATE_EPOCH": EPOCH, "NO_COLOR": "1", "HOME": os.path.join(root, "home"),
                "TMPDIR": os.path.join(root, "tmp")})
    for key in ("CLICOLOR_FORCE", "FORCE_COLOR"):
        env.pop(key, None)
    for key, value in expected.get("env", {}).items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    os.makedirs(env["HOME"])
    os.makedirs(env["TMPDIR"])
    with open(places["FILE"], "w") as handle:
        handle.write("a regular file, not a folder\n")

    # 1. the previous good site: base/ as built by the tool (built once per run, see build_base)
    shutil.copytree(built_base, site, symlinks=True)

    # 2. the case
    overlay = os.path.join(case.folder, "site")
    if os.path.isdir(overlay):
        shutil.copytree(overlay, site, symlinks=True, dirs_exist_ok=True)
    outside = os.path.join(case.folder, "outside")
    if os.path.isdir(outside):
        shutil.copytree(outside, places["OUTSIDE"], symlinks=True)
    for path in expected.get("delete", []):
        target = os.path.join(site, substitute(path, places))
        if os.path.isdir(target) and not os.path.islink(target):
            shutil.rmtree(target)
        else:
            os.unlink(target)
    for link, target in substitute(expected.get("symlinks", {}), places).items():
        path = os.path.join(site, link)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if os.path.lexists(path):
            shutil.rmtree(path) if os.path.isdir(path) and not os.path.islink(path) else os.unlink(path)
        os.symlink(target, path)
    big = []
    if "large_file" in expected:
        path = os.path.join(site, expected["large_file"])
        make_large_file(path, LARGE_FILE_BYTES)
        big.append(path)
    for spec in expected.get("generate", []):
        make_generated(os.path.join(site, spec["path"]), spec)
    for spec in expected.get("sparse_files", []):
        path = os.path.join(site, spec["path"])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.truncate(int(spec["mb"]) * 1024 * 1024)
        big.append(path)

    args = substitute(expected.get("args", []), places)
    output_dir = os.path.join(site, "Output")
    if "--output" in args or "-o" in args:
        flag = "--output" if "--output" in args else "-o"
        output_dir = os.path.join(root, args[args.index(flag) + 1])
    if "output_folder" in expected:
        output_dir = os.path.join(root, substitute(expected["output_folder"], places))
    lock_file = os.path.join(os.path.dirname(output_dir), "." + os.path.basename(output_dir) + ".lock")
    expected_exit = expected.get("exit", 1)
    diagnostics = substitute(expected.get("diagnostics", []), places)
    hints = substitute(expected.get("hints", []), places)
    exclusive = expected.get("exclusive", True)

    held = None
    if expected.get("hold_lock"):
        held = open(lock_file, "a")
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)

    system_tmp = os.path.dirname(root)
    tmp_before = set(os.listdir(system_tmp))
    before = snapshot(root, skip_hash=big)
    trace_file = os.path.join(scratch, f"trace-{case.name}") if use_strace else None

    # 3. the build
    build = run_tool([binary, "build", site] + args + pdf_args(expected) + BUILD_ARGS, root, env, timeout, trace_file)
    if held:
        held.close()
    after = snapshot(root, skip_hash=big)
    tmp_after = set(os.listdir(system_tmp))

    if show:
        print(f"--- {case.name}: build {build.describe_status()} in {build.seconds:.2f} s")
        sys.stdout.write(build.stderr + build.stdout)

    problems = []
    if build.timed_out or build.status < 0:
        problems.append(f"build {build.describe_status()}")
    elif build.status != expected_exit:
        problems.append(f"build exited with {build.status}, expected {expected_exit}")
    problems += check_output_lines(build, expected_exit, diagnostics, hints, exclusive, "build")
    if "max_rss_mb" in expected and build.max_rss_mb > expected["max_rss_mb"]:
        problems.append(f"build used {build.max_rss_mb} MB of memory, more than {expected['max_rss_mb']} MB")

    # what changed in T
    succeeded = build.status == 0
    output_rel = os.path.relpath(output_dir, root)
    lock_rel = os.path.relpath(lock_file, root)
    output_changes, other_changes = [], []
    for kind, path in changes(before, after):
        if inside(path, output_rel):
            output_changes.append(f"{kind} {path}")
        elif path != lock_rel and not (kind == "added" and inside(output_rel, path) and after.get(path) == ("dir",)):
            # (a folder above the output folder, created for it, is part of it)
            other_changes.append(f"{kind} {path}")
    leftovers = [p for p in after if LEFTOVER.match(os.path.basename(p))]
    if output_changes and not succeeded:
        problems.append(f"{output_rel}/ changed although the build failed: " + summarise(output_changes))
    if leftovers:
        problems.append("left behind: " + summarise(sorted(leftovers)))
    # leftovers are reported above; caches in the tool's own HOME (fontconfig, for PDFs) are fine
    other_changes = [c for c in other_changes if not LEFTOVER.match(os.path.basename(c.split(" ", 1)[1]))
                     and not inside(c.split(" ", 1)[1], os.path.join("home", ".cache"))]
    if other_changes:
        problems.append("wrote inside the temporary folder outside the output folder: " + summarise(other_changes))
    if not use_strace:
        # without a trace, only names the tool itself would make are looked for (other programs
        # may be using the temporary folder at the same time)
        suspicious = [n for n in tmp_after - tmp_before if re.match(r"^\.?(Output|site|file)\b", n)]
        if suspicious:
            problems.append(f"created in {system_tmp}: " + summarise(sorted(suspicious)))
    else:
        outside = writes_outside(build, root)
        if outside:
            problems.append("wrote outside the temporary folder: " + summarise(outside, 8))
        contacted = network_contacts(build)
        if contacted:
            problems.append("connected to the network: " + summarise(contacted))
        compilers = compilers_run(build)
        if compilers:
            problems.append("ran a compiler or linker: " + summarise(compilers))

    # output checks (for builds that succeed)
    for spec in expected.get("output_checks", []):
        if not succeeded:
            problems.append(f"{spec['file']}: cannot check the output, the build failed")
        elif any(c in spec["file"] for c in "*?["):
            matches = [p for p in output_files(output_dir) if fnmatch.fnmatch(p, spec["file"])]
            if not matches:
                problems.append(f"{spec['file']}: no such files in the output")
            for path in matches:
                problems += check_output_file(output_dir, dict(spec, file=path))
        else:
            problems += check_output_file(output_dir, spec)

    absent_files = expected.get("output_absent", [])
    if absent_files and not succeeded:
        problems.append("output_absent: cannot check the output, the build failed")
    elif absent_files:
        present = output_files(output_dir)
        for pattern in absent_files:
            found = [p for p in present if fnmatch.fnmatchcase(p, pattern)]
            if found:
                problems.append(f"{pattern}: should not be in the output, found " + summarise(found))

    # 4. check
    if expected.get("check", True):
        check_before = snapshot(root, skip_hash=big)
        check = run_tool([binary, "check", site] + CHECK_ARGS, root, env, timeout,
                         os.path.join(scratch, f"trace-check-{case.name}") if use_strace else None)
        check_after = snapshot(root, skip_hash=big)
        if show:
            print(f"--- {case.name}: check {check.describe_status()} in {check.seconds:.2f} s")
            sys.stdout.write(check.stderr + check.stdout)
        if check.timed_out or check.status < 0:
            problems.append(f"check {check.describe_status()}")
        elif check.status != expected_exit:
            problems.append(f"check exited with {check.status}, expected {expected_exit}")
        problems += [f"check: {p}" for p in
                     check_output_lines(check, expected_exit, diagnostics, hints, exclusive, "check")]
        written = [f"{k} {p}" for k, p in changes(check_before, check_after)]
        if use_strace:
            written += writes_outside(check, root)
            contacted = network_contacts(check)
            if contacted:
                problems.append("check connected to the network: " + summarise(contacted))
            compilers = compilers_run(check)
            if compilers:
                problems.append("check ran a compiler or linker: " + summarise(compilers))
        if written:
            problems.append("check wrote files: " + summarise(written))

    # a problem reported twice (build and check) is shown once
    unique = []
    for problem in problems:
        bare = problem[len("check: "):] if problem.startswith("check: ") else problem
        if problem.startswith("check: ") and bare in problems:
            continue
        unique.append(problem)
    return unique, build.seconds


def output_files(output_dir):
    result = []
    for folder, _, files in os.walk(output_dir):
        result += [os.path.relpath(os.path.join(folder, name), output_dir) for name in files]
    return sorted(result)


def check_output_file(output_dir, spec):
    """Problems with one built file: "contains", "absent", "absent_regex", "xml"."""
    name = spec["file"]
    path = os.path.join(output_dir, name)
    if not os.path.isfile(path):
        return [f"{name}: not in the output"]
    with open(path, "rb") as handle:
        data = handle.read()
    text = data.decode("utf-8", "replace")
    problems = []

    def as_list(value):
        return value if isinstance(value, list) else [value]

    for needle in as_list(spec.get("contains", [])):
        if needle not in text:
            problems.append(f"{name}: should contain {needle!r}")
    for needle in as_list(spec.get("absent", [])):
        if needle in text:
            line = text[:text.index(needle)].count("\n") + 1
            problems.append(f"{name}:{line}: should not contain {needle!r}")
    for pattern in as_list(spec.get("absent_regex", [])):
        match = re.search(pattern, text)
        if match:
            line = text[:match.start()].count("\n") + 1
            problems.append(f"{name}:{line}: should not match /{pattern}/: {match.group(0)[:80]!r}")
    if spec.get("xml"):
        try:
            ElementTree.fromstring(data)
        except ElementTree.ParseError as error:
            problems.append(f"{name}: not well-formed XML: {error}")
    return problems


def build_base(binary, scratch, pdfs):
    """base/ built once into base/Output (with PDFs or with --pdf off), the previous good site every
    case starts from."""
    site = os.path.join(scratch, "base-site-pdf" if pdfs else "base-site")
    shutil.copytree(BASE, site, symlinks=True)
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, NO_COLOR="1")
    extra = [] if pdfs or "--pdf" in BUILD_ARGS else ["--pdf", "off"]
    run = run_tool([binary, "build", site] + extra + BUILD_ARGS, scratch, env, DEFAULT_TIMEOUT)
    if run.status != 0 or not os.path.isdir(os.path.join(site, "Output")):
        raise Failure(f"the base site does not build ({run.describe_status()}): "
                      + " | ".join(l for l in run.lines if l.strip())[:600])
    return site


# ---------------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description="Hostile-input tests for ClinicPress.")
    parser.add_argument("binary", help="the clinicpress executable")
    parser.add_argument("cases", nargs="*", help="case names (default: all)")
    parser.add_argument("--show", action="store_true", help="print what the tool printed for each case")
    parser.add_argument("--no-strace", action="store_true", help="do not trace system calls")
    parser.add_argument("--build-arg", action="append", default=[], metavar="ARG",
                        help="an extra argument for every build, such as --build-arg=--pdf --build-arg=off")
    parser.add_argument("--check-arg", action="append", default=[], metavar="ARG",
                        help="an extra argument for every check")
    options = parser.parse_intermixed_args()
    BUILD_ARGS.extend(options.build_arg)
    CHECK_ARGS.extend(options.check_arg)

    binary = os.path.abspath(options.binary)
    if not os.access(binary, os.X_OK):
        print(f"not an executable: {options.binary}")
        print("0 passed, 1 failed")
        return 1
    names = options.cases or sorted(n for n in os.listdir(CASES) if os.path.isfile(os.path.join(CASES, n, "expected.json")))
    use_strace = not options.no_strace and strace_works()
    if not use_strace:
        print("note: strace is not available; writes outside the temporary folder are only looked for in the "
              "system temporary folder")
    scratch = os.path.realpath(tempfile.mkdtemp(prefix="clinicpress-hostile-"))
    passed = failed = 0
    started = time.monotonic()
    built_bases = {}   # with PDFs or not -> the base site built that way
    try:
        try:
            built_bases[False] = build_base(binary, scratch, pdfs=False)
        except Failure as error:
            print(f"FAIL (all cases): {error}")
            print(f"0 passed, {len(names)} failed")
            return 1
        for name in names:
            try:
                case = Case(name)
                pdfs = wants_pdfs(case.expected)
                if pdfs not in built_bases:
                    built_bases[pdfs] = build_base(binary, scratch, pdfs)
                problems, seconds = run_case(case, binary, built_bases[pdfs], use_strace, scratch, options.show)
            except (Failure, OSError, ValueError, KeyError) as error:
                problems, seconds = [f"{type(error).__name__ if not isinstance(error, Failure) else 'setup'}: {error}"], 0.0
            if problems:
                failed += 1
                print(f"FAIL {name}: " + "; ".join(problems))
            else:
                passed += 1
                print(f"PASS {name} ({seconds:.2f} s)")
            sys.stdout.flush()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"({time.monotonic() - started:.1f} s)")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
