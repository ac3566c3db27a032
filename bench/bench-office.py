#!/usr/bin/python3
"""In-office benchmark: LibreOffice's own load against our check, highlight and clear, and save
with and without the extension, for every fixture format and for generated big documents.

One interleaved run: two offices are started side by side, one with the extension (`--oxt`)
and one without. For each document and each round, in turn:
  load      loadComponentFromURL (hidden) + close, in the office WITHOUT the extension
  check     ReportChecker.check(doc)                   (document loaded once, extension office)
  warm      the same check() again at once, no pause: the CPU and its caches still warm from the
            call before (bench-pause.py: after a pause of only 10 ms a check costs 1.5-2x this)
  highlight ReportChecker.highlight(doc)
  clear     ReportChecker.clearMarks(doc)
  floor     ReportChecker.getLastReport(doc), answered from the report kept by the check before:
            what any call to the extension costs from here after the same pause (the bridge, the
            hand-over to the office's main thread, which has to wake up, and back), which a
            toolbar button, run on the main thread, does not pay. "net" columns subtract it.
  save      store() of a private copy, extension office, default settings (check on save)
  save+chk  the same store() and then getLastReport(doc), which runs a deferred check at once
  save-mark store() of a private copy, extension office, MarkOnSave=true
  save-noext store() of a private copy, office without the extension
The first round is a warm-up; medians over the other rounds. Ratios: check/load, highlight/load,
clear/load, (check-floor)/load, (highlight-floor)/load, warm/load, save/save-noext,
save-mark/save-noext.

Generated documents (built through the office at start, under the work folder):
  writer-90tables.odt/.docx  seed001's .odt inserted 30 times (90 tables and their text)
  calc-200sheets.ods/.xlsx   seed001's .ods, its sheets copied until there are 200
  calc-2000rows.ods/.xlsx    seed001's .ods first sheet followed by 2,000 rows × 12 numbers

  /usr/bin/python3 bench/bench-office.py --oxt build/ogi-report-checker.oxt \
      --rdb build/src/uno/ogireportchecker.rdb [--rounds 3] [--only PATTERN] [--workdir DIR]
"""
import argparse
import fnmatch
import glob
import os
import statistics
import sys
import time

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))


def _args():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--oxt", default=os.path.join(REPO, "build", "ogi-report-checker.oxt"))
    ap.add_argument("--rdb", default=os.path.join(REPO, "build", "src", "uno", "ogireportchecker.rdb"))
    ap.add_argument("--fixtures", default=os.path.join(os.path.dirname(REPO), "shared", "fixtures"))
    ap.add_argument("--rounds", type=int, default=3, help="measured rounds (after one warm-up)")
    ap.add_argument("--only", default=None, help="glob on the document names")
    ap.add_argument("--no-generated", action="store_true")
    ap.add_argument("--workdir", default=None)
    ap.add_argument("--label", default="")
    ap.add_argument("--settle", type=float, default=0.15, help="seconds of pause before each measurement")
    return ap.parse_args()


ARGS = _args()
# Python must know our types to receive our structs (recipe §2.4): re-run with URE_MORE_TYPES.
if "URE_MORE_TYPES" not in os.environ:
    os.environ["URE_MORE_TYPES"] = "<file:///usr/lib/libreoffice/program/types>* file://" + os.path.abspath(ARGS.rdb)
    os.execv(sys.executable, [sys.executable] + sys.argv)

sys.path.insert(0, os.path.join(REPO, "tools"))
from ogicheck.office import Office, prop  # noqa: E402
import uno  # noqa: E402

SETTINGS = "/org.ogi.reportchecker.OgiReportChecker/Settings"
EXTS = (".odt", ".docx", ".doc", ".html", ".ods", ".xlsx")
FILTERS = {".odt": "writer8", ".docx": "MS Word 2007 XML", ".ods": "calc8", ".xlsx": "Calc MS Excel 2007 XML"}


def set_settings(off, **values):
    provider = off.create("com.sun.star.configuration.ConfigurationProvider")
    access = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess",
                                                  (prop("nodepath", SETTINGS),))
    for name, value in values.items():
        access.setPropertyValue(name, value)
    access.commitChanges()


def store_as(doc, path):
    doc.storeToURL(uno.systemPathToFileUrl(path), (prop("FilterName", FILTERS[os.path.splitext(path)[1]]),))


def make_generated(off, fixtures, folder):
    os.makedirs(folder, exist_ok=True)
    os.chmod(folder, 0o777)
    out = []
    seed_odt = off.copy_in(os.path.join(fixtures, "seed001-zhangzhou-2019.odt"))
    seed_ods = off.copy_in(os.path.join(fixtures, "seed001-zhangzhou-2019.ods"))
    # 90 tables: the report inserted 30 times.
    w = off.desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0, (prop("Hidden", True),))
    cur = w.Text.createTextCursor()
    for _ in range(30):
        cur.gotoEnd(False)
        cur.insertDocumentFromURL(uno.systemPathToFileUrl(seed_odt), ())
    for ext in (".odt", ".docx"):
        out.append(os.path.join(folder, "writer-90tables" + ext))
        store_as(w, out[-1])
    w.close(True)
    # 200 sheets.
    c = off.load(seed_ods)
    sheets = c.Sheets
    names = sheets.ElementNames
    i = 0
    while sheets.Count < 200:
        sheets.copyByName(names[i % len(names)], "copy%03d" % sheets.Count, sheets.Count)
        i += 1
    for ext in (".ods", ".xlsx"):
        out.append(os.path.join(folder, "calc-200sheets" + ext))
        store_as(c, out[-1])
    c.close(True)
    # 2,000 rows below the report's first sheet.
    c = off.load(seed_ods)
    sheet = c.Sheets.getByIndex(0)
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    start = cursor.RangeAddress.EndRow + 2
    sheet.getCellRangeByPosition(0, start, 11, start + 1999).setDataArray(
        tuple(tuple(float((r * 12 + k) % 997) for k in range(12)) for r in range(2000)))
    for ext in (".ods", ".xlsx"):
        out.append(os.path.join(folder, "calc-2000rows" + ext))
        store_as(c, out[-1])
    c.close(True)
    for p in out:
        os.chmod(p, 0o666)
    return out


def load(off, path):
    """Hidden load; HTML as a Writer document (as ogi-check does: HTML (StarWriter))."""
    args = [prop("Hidden", True)]
    if path.endswith(".html"):
        args.append(prop("FilterName", "HTML (StarWriter)"))
    doc = off.desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, tuple(args))
    if doc is None:
        raise RuntimeError("could not load " + path)
    return doc


def settle():
    """Each measurement starts with both offices idle: what LibreOffice does after a load or a
    save (idle layout, a deferred check) runs on its main thread, where our calls run too, and
    would otherwise be counted in the next measurement (a 1.1 ms check measured 14.5 ms on a
    .docx just saved)."""
    time.sleep(ARGS.settle)


def drain(checker, doc, limit_s=3.0):
    """After the saves: waits until the extension's office answers a trivial call (getLastReport
    of the kept report) within 3 ms, i.e. its main thread is no longer busy with what the saves
    left behind (the idle layout of a document marked on save: on the 90-table document, a check
    0.15 s after the saves measured 72 ms, one after 0.3 s and no saves 16 ms). At most limit_s."""
    end = time.perf_counter() + limit_s
    while time.perf_counter() < end:
        t0 = time.perf_counter()
        checker.getLastReport(doc)
        if ms_since(t0) < 3.0:
            return
        time.sleep(0.05)


def ms_since(t0):
    return (time.perf_counter() - t0) * 1000.0


def private_copy(off, path, tag):
    copy = off.copy_in(path)
    base, ext = os.path.splitext(copy)
    renamed = "%s-%s%s" % (base, tag, ext)
    os.replace(copy, renamed)
    return renamed


def bench_document(ext_off, plain, path, rounds):
    times = {k: [] for k in ("load", "check", "warm", "floor", "highlight", "clear", "save", "save-mark", "save-noext",
                             "save+chk")}
    doc = load(ext_off, private_copy(ext_off, path, "work"))
    saves = {"save": load(ext_off, private_copy(ext_off, path, "save")),
             "save-mark": load(ext_off, private_copy(ext_off, path, "mark")),
             "save-noext": load(plain, private_copy(plain, path, "noext"))}
    # The office without the extension holds as many open documents as the one with it (a
    # store's time depends on the office's state as well as on the file): the work and mark copies.
    mirrors = [load(plain, private_copy(plain, path, tag)) for tag in ("work", "mark")]
    load_copy = private_copy(plain, path, "load")
    checker = ext_off.checker()
    storable = not path.endswith(".html")   # HTML loaded as Writer: store() would ask for the format
    try:
        for r in range(rounds + 1):
            sample = {}
            settle()
            t0 = time.perf_counter()
            d = load(plain, load_copy)
            sample["load"] = ms_since(t0)
            d.close(True)
            settle()
            t0 = time.perf_counter()
            checker.check(doc)
            sample["check"] = ms_since(t0)
            t0 = time.perf_counter()
            checker.check(doc)
            sample["warm"] = ms_since(t0)
            checker.getLastReport(doc)   # renders the JSON once; the timed call below is answered from it
            settle()
            t0 = time.perf_counter()
            checker.getLastReport(doc)
            sample["floor"] = ms_since(t0)
            settle()
            t0 = time.perf_counter()
            checker.highlight(doc)
            sample["highlight"] = ms_since(t0)
            settle()
            t0 = time.perf_counter()
            checker.clearMarks(doc)
            sample["clear"] = ms_since(t0)
            if storable:
                for mode, sdoc in saves.items():
                    if mode == "save":
                        set_settings(ext_off, CheckOnSave=True, MarkOnSave=False)
                    elif mode == "save-mark":
                        set_settings(ext_off, CheckOnSave=True, MarkOnSave=True)
                    sdoc.setModified(True)
                    settle()
                    t0 = time.perf_counter()
                    sdoc.store()
                    sample[mode] = ms_since(t0)
                    if mode == "save":
                        # A check-only save may defer its check until after the save (SaveCheck.hxx);
                        # asking for the report runs it now, so it is measured here and does not
                        # run into the next measurement.
                        checker.getLastReport(sdoc)
                        sample["save+chk"] = ms_since(t0)
                set_settings(ext_off, CheckOnSave=True, MarkOnSave=False)
                drain(checker, doc)
            if r > 0:
                for k, v in sample.items():
                    times[k].append(v)
    finally:
        for d in [doc, *saves.values(), *mirrors]:
            try:
                d.close(True)
            except Exception:
                pass
    return {k: statistics.median(v) if v else None for k, v in times.items()}


def ratio(a, b):
    return "%6.3f" % (a / b) if a is not None and b else "     -"


def main():
    work = os.path.abspath(ARGS.workdir or os.path.join(REPO, "build", "bench-office"))
    files = sorted(f for f in glob.glob(os.path.join(ARGS.fixtures, "seed*.*")) if f.endswith(EXTS))
    results = {}
    t_start = time.time()
    with Office(ARGS.oxt, os.path.join(work, "with")) as off, \
            Office(ARGS.oxt, os.path.join(work, "without"), install=False) as plain:
        if not ARGS.no_generated:
            files += make_generated(off, ARGS.fixtures, os.path.join(off.workdir, "generated"))
        if ARGS.only:
            files = [f for f in files if fnmatch.fnmatch(os.path.basename(f), ARGS.only)]
        for f in files:
            print("…", os.path.basename(f), file=sys.stderr, flush=True)
            results[f] = bench_document(off, plain, f, ARGS.rounds)

    print("bench-office %s: medians of %d interleaved rounds (after one warm-up), ms; %.0f s in all"
          % (ARGS.label, ARGS.rounds, time.time() - t_start))
    head = ("document", "load", "check", "warm", "hilite", "clear", "floor", "save-", "save", "sv+chk", "save+m",
            "chk/ld", "hil/ld", "clr/ld", "net-chk", "net-hil", "wrm/ld", "sv/sv-", "svc/sv-", "svm/sv-")
    print("%-36s" % head[0] + " %8s" * 10 % head[1:11] + " %7s" * 9 % head[11:])
    per_ext = {}
    for f in files:
        m = results[f]
        fmt = lambda v: "%8.1f" % v if v is not None else "%8s" % "-"
        print("%-36s" % os.path.basename(f)[:36] + " %s" * 19 % (
            fmt(m["load"]), fmt(m["check"]), fmt(m["warm"]), fmt(m["highlight"]), fmt(m["clear"]), fmt(m["floor"]),
            fmt(m["save-noext"]), fmt(m["save"]), fmt(m["save+chk"]), fmt(m["save-mark"]),
            ratio(m["check"], m["load"]), ratio(m["highlight"], m["load"]), ratio(m["clear"], m["load"]),
            ratio(net(m["check"], m["floor"]), m["load"]), ratio(net(m["highlight"], m["floor"]), m["load"]),
            ratio(m["warm"], m["load"]), ratio(m["save"], m["save-noext"]), ratio(m["save+chk"], m["save-noext"]),
            ratio(m["save-mark"], m["save-noext"])))
        group = os.path.splitext(f)[1] if os.path.basename(f).startswith("seed") else "generated"
        per_ext.setdefault(group, []).append(m)
    print()
    print("%-12s" % "group" + " %9s" * 9 % ("chk/ld", "hil/ld", "clr/ld", "net-chk", "net-hil", "wrm/ld", "sv/sv-",
                                           "svc/sv-", "svm/sv-") + "   (ratios of sums of medians)")
    for group, ms in sorted(per_ext.items()):
        s = lambda k: sum(m[k] for m in ms if m[k] is not None) if all(m[k] is not None for m in ms) else None
        print("%-12s" % group + " %9s" * 9 % (
            ratio(s("check"), s("load")), ratio(s("highlight"), s("load")), ratio(s("clear"), s("load")),
            ratio(net(s("check"), s("floor")), s("load")), ratio(net(s("highlight"), s("floor")), s("load")),
            ratio(s("warm"), s("load")), ratio(s("save"), s("save-noext")), ratio(s("save+chk"), s("save-noext")),
            ratio(s("save-mark"), s("save-noext"))))
    print("\nfloor: a call answered at once (getLastReport of the kept report) after the same pause; "
          "net-chk/net-hil: (check − floor) / load, (highlight − floor) / load; wrm/ld: warm / load")


def net(a, floor):
    """What is left of a call when the cost of reaching the office is taken off."""
    return None if a is None or floor is None else max(a - floor, 0.0)


if __name__ == "__main__":
    main()
