#!/usr/bin/python3
"""What a pause before a call costs: check() and a trivial call after pauses of 0 to 500 ms.

bench-office.py measures every call after a pause (--settle, 0.15 s), as a user's click comes
after a pause. On this kind of machine a short call after any pause pays for the CPU waking up
and for caches other processes filled meanwhile; a 40 ms load hardly notices, a 1 ms check does.
This script shows how much, per document: for each pause, the median over --calls of
  check   ReportChecker.check(doc) after the pause
  floor   ReportChecker.getLastReport(doc) after the same pause (answered from the kept report:
          the bridge, the hand-over to the office's main thread, and back)
  net     check − floor: the check's own work after that pause

  /usr/bin/python3 bench/bench-pause.py [--oxt build/ogi-report-checker.oxt] [--calls 15] FILE...
"""
import argparse
import os
import statistics
import sys
import tempfile
import time

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
PAUSES = (0.0, 0.002, 0.01, 0.03, 0.15, 0.5)


def _args():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--oxt", default=os.path.join(REPO, "build", "ogi-report-checker.oxt"))
    ap.add_argument("--rdb", default=os.path.join(REPO, "build", "src", "uno", "ogireportchecker.rdb"))
    ap.add_argument("--calls", type=int, default=15, help="calls per pause (medians)")
    ap.add_argument("files", nargs="+")
    return ap.parse_args()


ARGS = _args()
if "URE_MORE_TYPES" not in os.environ:   # Python must know our types (recipe §2.4)
    os.environ["URE_MORE_TYPES"] = "<file:///usr/lib/libreoffice/program/types>* file://" + os.path.abspath(ARGS.rdb)
    os.execv(sys.executable, [sys.executable] + sys.argv)

sys.path.insert(0, os.path.join(REPO, "tools"))
from ogicheck.office import Office  # noqa: E402


def timed(call):
    t0 = time.perf_counter()
    call()
    return (time.perf_counter() - t0) * 1000


def main():
    missing = [f for f in ARGS.files if not os.path.isfile(f)]
    if missing:
        sys.exit("bench-pause: no such file: " + ", ".join(missing))
    with Office(ARGS.oxt, tempfile.mkdtemp(prefix="ogi-pause-")) as off:
        checker = off.checker()
        print("%-36s %7s %8s %8s %8s %9s" % ("document", "pause", "check", "floor", "net", "net/net0"))
        for path in ARGS.files:
            # HTML as a Writer document, as ogi-check and the other benches load it
            doc = off.load(off.copy_in(path), filter_name="HTML (StarWriter)" if path.endswith(".html") else None)
            try:
                for _ in range(5):
                    checker.check(doc)
                checker.getLastReport(doc)   # renders the kept report once
                net0 = None
                for pause in PAUSES:
                    checks, floors = [], []
                    for _ in range(ARGS.calls):
                        time.sleep(pause)
                        checks.append(timed(lambda: checker.check(doc)))
                        checker.getLastReport(doc)
                        time.sleep(pause)
                        floors.append(timed(lambda: checker.getLastReport(doc)))
                    c, f = statistics.median(checks), statistics.median(floors)
                    net = max(c - f, 0.0)
                    net0 = net if net0 is None else net0
                    print("%-36s %5.0fms %8.2f %8.2f %8.2f %9.2f" % (os.path.basename(path)[:36], pause * 1000, c, f, net,
                                                                  net / net0 if net0 else float("nan")), flush=True)
            finally:
                doc.close(True)


if __name__ == "__main__":
    main()
