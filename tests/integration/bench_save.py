#!/usr/bin/python3
"""Benchmark of save time with and without the save-time check (not a ctest).

For every fixture, store() is timed N times (median and min reported) in three setups, all
in the same run:
  noext  an office profile without the extension installed
  off    the extension installed, CheckOnSave=false
  check  the extension installed, default settings (check on save, no marks)
  mark   the extension installed, MarkOnSave=true (marks written into the file)
and the ratios check/noext, mark/noext are printed per fixture and over all fixtures, with the
cost of the check alone (ReportChecker.check(), median) for comparison. Besides the fixtures,
two generated documents show the bounds: big-sheet.ods (one 500x50 sheet of numbers, over the
20 000-cell limit: not read on save) and big-text.odt (3 000 paragraphs, no table: not read).

Usage (as root or not; python3-uno):
  /usr/bin/python3 tests/integration/bench_save.py --build build-save [--runs 7] [--workdir DIR]
"""
import argparse
import glob
import os
import statistics
import sys
import time

# Python must know our types to call our service (recipe §2.4): re-run with URE_MORE_TYPES.
if "URE_MORE_TYPES" not in os.environ:
    _build = sys.argv[sys.argv.index("--build") + 1] if "--build" in sys.argv else os.path.join(
        os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "build-save")
    os.environ["URE_MORE_TYPES"] = "<file:///usr/lib/libreoffice/program/types>* " + \
        "file://" + os.path.join(os.path.abspath(_build), "src", "uno", "ogireportchecker.rdb")
    os.execv(sys.executable, [sys.executable] + sys.argv)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))

from ogicheck.office import Office, prop  # noqa: E402
import uno  # noqa: E402

SETTINGS = "/org.ogi.reportchecker.OgiReportChecker/Settings"
EXTS = (".odt", ".docx", ".doc", ".ods", ".xlsx")


def set_settings(off, **values):
    provider = off.create("com.sun.star.configuration.ConfigurationProvider")
    access = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess",
                                                  (prop("nodepath", SETTINGS),))
    for name, value in values.items():
        access.setPropertyValue(name, value)
    access.commitChanges()


def make_big_documents(off, folder):
    """Generated documents for the bounds (see the module doc); returns their paths."""
    os.makedirs(folder, exist_ok=True)
    os.chmod(folder, 0o777)
    paths = []
    calc = off.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
    sheet = calc.Sheets.getByIndex(0)
    sheet.getCellRangeByPosition(0, 0, 49, 499).setDataArray(
        tuple(tuple(float(r * 50 + c) for c in range(50)) for r in range(500)))
    paths.append(os.path.join(folder, "big-sheet.ods"))
    calc.storeToURL(uno.systemPathToFileUrl(paths[-1]), ())
    calc.close(True)
    writer = off.desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0, (prop("Hidden", True),))
    writer.Text.setString("\n".join("第%d段：政府信息公开工作年度报告的正文。" % i for i in range(3000)))
    paths.append(os.path.join(folder, "big-text.odt"))
    writer.storeToURL(uno.systemPathToFileUrl(paths[-1]), ())
    writer.close(True)
    return paths


def time_check(off, path, runs):
    doc = off.load(off.copy_in(path))
    try:
        checker = off.create("org.ogi.reportchecker.ReportChecker")
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            checker.check(doc)
            times.append((time.perf_counter() - t0) * 1000.0)
        return times
    finally:
        doc.close(True)


def timed_store(doc):
    t0 = time.perf_counter()
    doc.store()
    return (time.perf_counter() - t0) * 1000.0


MODES = {"off": {"CheckOnSave": False, "MarkOnSave": False},
         "check": {"CheckOnSave": True, "MarkOnSave": False},
         "mark": {"CheckOnSave": True, "MarkOnSave": True}}


def time_interleaved(with_ext, without_ext, path, runs):
    """store() times per mode; the modes take turns within each run, so that load from other
    processes on the machine spreads over all of them alike. One copy of the document per
    mode (marks must not leak into the other modes' files)."""
    docs = {"noext": without_ext.load(without_ext.copy_in(path))}
    base, ext = os.path.splitext(os.path.basename(path))
    for mode in MODES:
        copy = with_ext.copy_in(path)
        renamed = os.path.join(os.path.dirname(copy), "%s-%s%s" % (base, mode, ext))
        os.replace(copy, renamed)
        docs[mode] = with_ext.load(renamed)
    try:
        times = {m: [] for m in docs}
        for r in range(runs + 1):
            for mode, doc in docs.items():
                if mode in MODES:
                    set_settings(with_ext, **MODES[mode])
                t = timed_store(doc)
                if r > 0:  # the first round is a warm-up
                    times[mode].append(t)
        return times
    finally:
        for doc in docs.values():
            doc.close(True)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(root, "build-save"))
    ap.add_argument("--fixtures", default=os.path.join(os.path.dirname(root), "shared", "fixtures"))
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--workdir", default=None)
    args = ap.parse_args()
    oxt = os.path.join(args.build, "ogi-report-checker.oxt")
    workdir = args.workdir or os.path.join(args.build, "bench-save")
    files = sorted(f for f in glob.glob(os.path.join(args.fixtures, "seed*.*")) if os.path.splitext(f)[1] in EXTS)

    results = {}
    with Office(oxt, os.path.join(workdir, "with")) as off, \
            Office(oxt, os.path.join(workdir, "without"), install=False) as plain:
        files += make_big_documents(off, os.path.join(off.workdir, "generated"))
        for f in files:
            results[f] = time_interleaved(off, plain, f, args.runs)
            results[f]["check()"] = time_check(off, f, args.runs)

    modes = ("noext", "off", "check", "mark", "check()")
    print("store() time in ms, median of %d interleaved runs (min in brackets); check() = the check alone"
          % args.runs)
    print("%-34s %15s %15s %15s %15s %15s %11s %11s" % ("fixture", *modes, "check/noext", "mark/noext"))
    totals = {m: 0.0 for m in modes}
    mins = {m: 0.0 for m in modes}
    for f in files:
        med = {m: statistics.median(results[f][m]) for m in modes}
        for m in modes:
            totals[m] += med[m]
            mins[m] += min(results[f][m])
        print("%-34s %s %11.2f %11.2f" % (
            os.path.basename(f), " ".join("%7.1f (%5.1f)" % (med[m], min(results[f][m])) for m in modes),
            med["check"] / med["noext"], med["mark"] / med["noext"]))
    print("%-34s %s %11.2f %11.2f" % ("TOTAL (sum of medians)", " ".join("%15.1f" % totals[m] for m in modes),
                                      totals["check"] / totals["noext"], totals["mark"] / totals["noext"]))
    print("%-34s %s %11.2f %11.2f" % ("TOTAL (sum of minima)", " ".join("%15.1f" % mins[m] for m in modes),
                                      mins["check"] / mins["noext"], mins["mark"] / mins["noext"]))
    n = len(files)
    print("default save-time check: %+.1f ms per save (medians), %+.1f ms (minima); ratio check/noext %.2f / %.2f"
          % ((totals["check"] - totals["noext"]) / n, (mins["check"] - mins["noext"]) / n,
             totals["check"] / totals["noext"], mins["check"] / mins["noext"]))


if __name__ == "__main__":
    main()
