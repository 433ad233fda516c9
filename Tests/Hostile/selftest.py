#!/usr/bin/env python3
"""Prove that the hostile-input runner (run.py) and the interrupted-build test (interrupt.py) fail
when the tool misbehaves: a checker that cannot fail proves nothing.

    python3 Tests/Hostile/selftest.py .build/debug/clinicpress

Both are run against a stand-in for the tool: a small script that runs the real BINARY and then
does one thing wrong, chosen by SELFTEST_FAULT in its environment (which run.py and interrupt.py
pass on to the tool):

  run.py on the case unknown-day (and javascript-link for the output checks):
    none             nothing wrong: the case must pass (the control)
    reword           prints the diagnostic with other words            -> "missing diagnostic"
    exit0            exits 0 although the content has an error         -> "build exited with 0, expected 1"
    extra-warning    prints one more warning                           -> "unexpected diagnostic"
    no-summary       leaves out the summary line                       -> "expected exactly one summary line"
    scribble         a failed build changes Output/index.html          -> "changed although the build failed"
    leftover         leaves a .Output.tmp-N folder                     -> "left behind"
    write-outside    writes a file beside the temporary folder         -> "wrote outside" / "created in"
    run-compiler     starts gcc (as ctypes.util.find_library does)     -> "ran a compiler or linker"
    publish-script   a successful build publishes javascript: in a page -> "should not contain"
  interrupt.py:
    scribble-always  every build first damages Output/index.html in place, then builds: a build
                     killed after 1 s leaves a site that is neither the old nor the new one
                                                                       -> "neither the old nor the new site"
    ignore-signals   the build ignores SIGTERM and finishes the site   -> "the build did not stop"
  and interrupt.py's retry rule, on a stand-in for its build runner: a case whose build always ends
  before the signal fails after 3 attempts, each with an earlier signal; one that is interrupted on
  the second attempt passes.

Standard library only. One line per case, then "N passed, N failed"; exit 1 when any case did not
behave as expected.
"""

import glob
import os
import re
import stat
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

# The stand-in for the tool. It finds the real one in SELFTEST_REAL_BINARY.
FAKE = r'''#!/usr/bin/env python3
import os, subprocess, sys
real = os.environ["SELFTEST_REAL_BINARY"]
fault = os.environ.get("SELFTEST_FAULT", "none")
args = sys.argv[1:]
command = args[0] if args else ""
site = next((a for a in args[1:] if not a.startswith("-")), ".")
output = os.path.join(site, "Output")
if fault == "ignore-signals" and command == "build":
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    sys.exit(subprocess.run([real] + args).returncode)
if fault == "scribble-always" and command == "build" and os.path.isfile(os.path.join(output, "index.html")):
    with open(os.path.join(output, "index.html"), "ab") as handle:
        handle.write(b"<!-- damaged in place -->")
    os.execv(real, [real] + args)
result = subprocess.run([real] + args, capture_output=True)
out, err, status = result.stdout.decode(), result.stderr.decode(), result.returncode
if fault == "reword":
    out, err = out.replace("is not a day", "is not a weekday"), err.replace("is not a day", "is not a weekday")
elif fault == "exit0":
    status = 0
elif fault == "extra-warning":
    err += "Content/site.yml: warning: something else\n"
elif fault == "no-summary":
    out = "".join(l for l in out.splitlines(True) if not l.startswith(("Built ", "Build failed", "Checked ")))
elif fault == "scribble" and command == "build" and status != 0:
    with open(os.path.join(output, "index.html"), "ab") as handle:
        handle.write(b"<!-- changed by a failed build -->")
elif fault == "leftover" and command == "build":
    os.makedirs(os.path.join(site, ".Output.tmp-999999"), exist_ok=True)
elif fault == "write-outside" and command == "build":
    outside = os.path.dirname(os.path.dirname(os.path.abspath(site)))
    with open(os.path.join(outside, ".Output-selftest-%d" % os.getpid()), "w") as handle:
        handle.write("written outside\n")
elif fault == "run-compiler" and command == "build":
    subprocess.run(["gcc", "--version"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
elif fault == "publish-script" and command == "build" and status == 0:
    page = os.path.join(output, "education", "what-happens-at-intake", "index.html")
    with open(page, "a") as handle:
        handle.write('<a href="javascript:alert(1)">x</a>')
sys.stdout.write(out)
sys.stderr.write(err)
sys.exit(status)
'''

RUN_CASES = [
    # (fault, hostile case, expected exit of run.py, pattern its output must show)
    ("none", "unknown-day", 0, r"^PASS unknown-day"),
    ("reword", "unknown-day", 1, r"^FAIL unknown-day: .*missing diagnostic: .*'thurs' is not a day"),
    ("exit0", "unknown-day", 1, r"^FAIL unknown-day: .*build exited with 0, expected 1"),
    ("extra-warning", "unknown-day", 1, r"^FAIL unknown-day: .*unexpected diagnostic: Content/site.yml: warning"),
    ("no-summary", "unknown-day", 1, r"^FAIL unknown-day: .*expected exactly one summary line, found 0"),
    ("scribble", "unknown-day", 1, r"^FAIL unknown-day: .*Output/ changed although the build failed: changed site/Output/index.html"),
    ("leftover", "unknown-day", 1, r"^FAIL unknown-day: .*left behind: site/\.Output\.tmp-999999"),
    ("write-outside", "unknown-day", 1, r"^FAIL unknown-day: .*(wrote outside the temporary folder|created in .*): .*\.Output-selftest-"),
    ("run-compiler", "unknown-day", 1, r"^FAIL unknown-day: .*ran a compiler or linker: gcc"),
    ("none", "javascript-link", 0, r"^PASS javascript-link"),
    ("publish-script", "javascript-link", 1, r"^FAIL javascript-link: .*should not contain 'javascript:'"),
]


def retry_rule_cases():
    """interrupt.py's interrupt_with_retries on stand-ins for its Interrupts object: (label, True or
    what went wrong)."""
    import importlib.util
    import signal
    spec = importlib.util.spec_from_file_location("interrupt", os.path.join(HERE, "interrupt.py"))
    interrupt = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(interrupt)

    class Builds:
        """Each attempt's build ends by itself at the given second (None: the signal came first)."""
        def __init__(self, endings):
            self.endings, self.delays, self.output = list(endings), [], "old"

        def interrupt(self, sig, delay, rename_window=False):
            self.delays.append(delay)
            ended = self.endings.pop(0)
            return [], ["signal at %.2f s" % delay if ended is None else "ended at %.2f s" % ended], ended

    results = []
    quick = Builds([0.5] * interrupt.ATTEMPTS)
    problems, notes = interrupt.interrupt_with_retries(quick, signal.SIGINT, 3.0, False)
    want = [3.0, 0.25, 0.12][:interrupt.ATTEMPTS]
    results.append(("interrupt.py fails a case whose build always ends before its signal",
                    True if any("finished before the signal in all" in p for p in problems) and quick.delays == want
                    else f"problems {problems}, signals at {quick.delays} (expected failure, signals at {want})"))
    once = Builds([0.5, None])
    problems, notes = interrupt.interrupt_with_retries(once, signal.SIGTERM, 1.0, False)
    results.append(("interrupt.py retries with an earlier signal and passes when that interrupts the build",
                    True if not problems and once.delays == [1.0, 0.25] and any("attempt 1" in n for n in notes)
                    else f"problems {problems}, signals at {once.delays}, notes {notes}"))
    end = Builds([4.0] * interrupt.ATTEMPTS)
    problems, notes = interrupt.interrupt_with_retries(end, signal.SIGKILL, "end", False)
    results.append(("interrupt.py fails an 'end' case whose build always ends before its signal",
                    True if problems and end.delays == ["end"] * interrupt.ATTEMPTS
                    else f"problems {problems}, signals at {end.delays}"))
    return results


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    binary = os.path.abspath(sys.argv[1])
    if not os.access(binary, os.X_OK):
        print(f"not an executable: {sys.argv[1]}")
        print("0 passed, 1 failed")
        return 1
    work = tempfile.mkdtemp(prefix="clinicpress-hostile-selftest-")
    fake = os.path.join(work, "clinicpress")
    with open(fake, "w") as handle:
        handle.write(FAKE)
    os.chmod(fake, os.stat(fake).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    env = dict(os.environ, SELFTEST_REAL_BINARY=binary, CLINICPRESS_HOME=os.environ.get("CLINICPRESS_HOME", REPO))
    passed = failed = 0

    def judge(label, command, fault, want_exit, pattern, timeout):
        nonlocal passed, failed
        started = time.monotonic()
        try:
            result = subprocess.run(command, env=dict(env, SELFTEST_FAULT=fault), stdin=subprocess.DEVNULL,
                                    capture_output=True, timeout=timeout)
            out, status = result.stdout.decode("utf-8", "replace"), result.returncode
        except subprocess.TimeoutExpired:
            out, status = "", "timeout"
        seconds = time.monotonic() - started
        if status == want_exit and re.search(pattern, out, re.M):
            passed += 1
            verdict = "passes" if want_exit == 0 else "fails as it should"
            print(f"ok    {label}: {verdict} ({seconds:.1f} s)")
        else:
            failed += 1
            print(f"FAIL  {label}: expected exit {want_exit} and /{pattern}/, got exit {status}; output:")
            for line in out.splitlines()[-12:]:
                print(f"      | {line}")
        sys.stdout.flush()

    try:
        for fault, case, want_exit, pattern in RUN_CASES:
            judge(f"run.py, tool fault '{fault}' on {case}",
                  [sys.executable, os.path.join(HERE, "run.py"), fake, case,
                   # as `make test` runs it: check leaves out the content review (README, Tests)
                   "--check-arg=--no-review"], fault, want_exit, pattern, 300)
        judge("interrupt.py, a build that ignores SIGTERM",
              [sys.executable, os.path.join(HERE, "interrupt.py"), fake, "--signals", "TERM", "--delays", "0.2", "--copies", "0",
               "--no-rename-window"],
              "ignore-signals", 1, r"^FAIL SIGTERM after 0\.2 s \([0-9.]+ s\): the build did not stop", 600)
        for label, ok in retry_rule_cases():
            if ok is True:
                passed += 1
                print(f"ok    {label}")
            else:
                failed += 1
                print(f"FAIL  {label}: {ok}")
        judge("interrupt.py, a build that damages Output/ in place before it builds",
              [sys.executable, os.path.join(HERE, "interrupt.py"), fake, "--signals", "KILL", "--delays", "1", "--copies", "1",
               "--no-rename-window"],
              "scribble-always", 1, r"^FAIL SIGKILL after 1 s \([0-9.]+ s\): Output/ is neither the old nor the new site", 600)
    finally:
        for path in glob.glob(os.path.join(tempfile.gettempdir(), ".Output-selftest-*")):
            os.unlink(path)
        subprocess.run(["rm", "-rf", work])
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
