#!/usr/bin/python3
"""A/B of two builds of the extension in one interleaved run: two offices (one per .oxt), each
document loaded in both, then rounds of 10 calls alternate between them; medians over the
rounds after the first. For comparing a change against its baseline on a shared machine.

  URE_MORE_TYPES="<file:///usr/lib/libreoffice/program/types>* file://$PWD/build/src/uno/ogireportchecker.rdb" \\
  /usr/bin/python3 bench/bench-ab.py OLD.oxt NEW.oxt check|mark FILE...
(mark = highlight + clearMarks). Prints per document: old ms, new ms per call, new/old, and
whether both builds found the same (every field of every finding of check()).
"""
import os
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from ogicheck.office import Office, prop  # noqa: E402
import uno  # noqa: E402

ROUNDS, CALLS = 7, 10


def load(off, path):
    """Hidden load; HTML as a Writer document (as ogi-check does: HTML (StarWriter))."""
    args = [prop("Hidden", True)]
    if path.endswith(".html"):
        args.append(prop("FilterName", "HTML (StarWriter)"))
    return off.desktop.loadComponentFromURL(uno.systemPathToFileUrl(off.copy_in(path)), "_blank", 0, tuple(args))


def main():
    if len(sys.argv) < 5 or sys.argv[3] not in ("check", "mark"):
        sys.exit(__doc__)
    old, new, mode, docs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    work = tempfile.mkdtemp(prefix="ogi-ab-")
    with Office(old, os.path.join(work, "old")) as o_old, Office(new, os.path.join(work, "new")) as o_new:
        for path in docs:
            pair = []
            for off in (o_old, o_new):
                doc = load(off, path)
                checker = off.checker()
                findings = repr(checker.check(doc))   # warm-up
                pair.append((doc, checker, findings))
            times = ([], [])
            for _ in range(ROUNDS):
                for k in (0, 1):
                    doc, checker, _ = pair[k]
                    t0 = time.perf_counter()
                    for _ in range(CALLS):
                        if mode == "check":
                            checker.check(doc)
                        else:
                            checker.highlight(doc)
                            checker.clearMarks(doc)
                    times[k].append((time.perf_counter() - t0) * 1000 / CALLS)
            a, b = statistics.median(times[0][1:]), statistics.median(times[1][1:])
            same = "same findings" if pair[0][2] == pair[1][2] else "FINDINGS DIFFER"
            print("%-36s old %8.2f ms  new %8.2f ms  new/old %.2f  %s" % (os.path.basename(path), a, b, b / a, same),
                  flush=True)
            for doc, _, _ in pair:
                doc.close(True)


if __name__ == "__main__":
    main()
