#!/usr/bin/python3
"""Benchmark of ogi-check against LibreOffice alone.

Makes N copies of the fixture documents, then times, in the same harness (ogi-check's workers,
one office each, private copies, hidden read-only loads):
  - LibreOffice alone:  ogi-check --load-only -j J   (load + close, no check)
  - ogi-check:          ogi-check -j J               (load + checkToJson + close)
for each J, and prints both, the difference and the ratio. Two ratios are given:
  wall   (check run − load-only run) / load-only run, whole runs including office start-up
  files  Σ check_ms / Σ load_ms over all files (what the check adds to LibreOffice's own load)

  bench/bench-cli.py [--copies 5] [--jobs 1,2] [--repeat 1] [--fixtures DIR] [--keep]
Environment: as ./ogi-check (OGI_BUILD_DIR, OGI_CHECK_SKIP_SETUP=1 to skip install/build).
"""
import argparse
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
DOC_EXT = (".odt", ".docx", ".doc", ".ods", ".xlsx", ".html")


def run(args, out):
    cmd = [os.path.join(REPO, "ogi-check"), "-q", "--progress", "never", "--json", out] + args
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if r.returncode not in (0, 1):
        sys.exit("ogi-check failed (exit %d):\n%s" % (r.returncode, r.stderr[-3000:]))
    with open(out, encoding="utf-8") as f:
        report = json.load(f)
    files = report["files"]
    bad = [f for f in files if f["status"] != "ok"]
    if bad:
        sys.exit("unexpected failures: %s" % [(f["file"], f["reason"]) for f in bad[:5]])
    ms = lambda key: sum(f[key] or 0 for f in files) / 1000.0
    return {"wall_s": report["summary"]["wall_ms"] / 1000.0,
            "start_s": report["summary"]["office_start_ms"] / 1000.0,
            "load_s": ms("load_ms"), "check_s": ms("check_ms"), "close_s": ms("close_ms"),
            "total_s": ms("total_ms"), "files": len(files)}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--copies", type=int, default=5)
    p.add_argument("--jobs", default="1,2")
    p.add_argument("--repeat", type=int, default=1, help="runs per configuration (the median is reported)")
    p.add_argument("--fixtures", default=os.environ.get("OGI_FIXTURES", os.path.join(REPO, "..", "shared", "fixtures")))
    p.add_argument("--keep", action="store_true", help="keep the copies")
    a = p.parse_args()

    sources = sorted(f for f in glob.glob(os.path.join(a.fixtures, "*")) if f.endswith(DOC_EXT))
    if not sources:
        sys.exit("no fixture documents in %s" % a.fixtures)
    work = tempfile.mkdtemp(prefix="ogi-bench-")
    docs = os.path.join(work, "docs")
    os.makedirs(docs)
    for i in range(a.copies):
        for f in sources:
            shutil.copyfile(f, os.path.join(docs, "copy%02d-%s" % (i, os.path.basename(f))))
    n = len(sources) * a.copies
    print("%d documents (%d fixtures × %d copies) in %s" % (n, len(sources), a.copies, docs))

    # Set-up (dependencies, build, private profile) happens here, untimed.
    run(["-j", "1", sources[0]], os.path.join(work, "warmup.json"))

    rows = []
    for jobs in [int(j) for j in a.jobs.split(",")]:
        results = {"load-only": [], "check": []}
        for r in range(a.repeat):
            # Alternate the order so that neither mode always runs on a warmer machine.
            modes = ("load-only", "check") if r % 2 == 0 else ("check", "load-only")
            for mode in modes:
                extra = ["--load-only"] if mode == "load-only" else []
                out = os.path.join(work, "%s-j%d-%d.json" % (mode, jobs, r))
                results[mode].append(run(extra + ["-j", str(jobs), docs], out))
        med = {m: {k: statistics.median(x[k] for x in v) for k in v[0]} for m, v in results.items()}
        rows.append((jobs, med))

    print()
    head = "%-4s %-10s %8s %9s %9s %9s %9s %9s" % ("-j", "mode", "wall s", "start s", "Σload s", "Σcheck s",
                                                    "Σclose s", "Σfile s")
    print(head)
    print("-" * len(head))
    summary = []
    for jobs, med in rows:
        for mode in ("load-only", "check"):
            m = med[mode]
            print("%-4d %-10s %8.2f %9.2f %9.2f %9.2f %9.2f %9.2f" % (
                jobs, "LO alone" if mode == "load-only" else "ogi-check", m["wall_s"], m["start_s"], m["load_s"],
                m["check_s"], m["close_s"], m["total_s"]))
        lo, ch = med["load-only"], med["check"]
        added = ch["wall_s"] - lo["wall_s"]
        summary.append("-j %d: LibreOffice alone %.2f s, ogi-check %.2f s: %+.2f s = %+.1f %% of the run; "
                       "per file, checkToJson adds %.1f %% to LibreOffice's load+close (Σ %.2f s vs %.2f s); "
                       "Σ per-file time %.2f s vs %.2f s (%+.1f %%)" % (
                           jobs, lo["wall_s"], ch["wall_s"], added, 100.0 * added / lo["wall_s"],
                           100.0 * ch["check_s"] / (ch["load_s"] + ch["close_s"]), ch["check_s"],
                           ch["load_s"] + ch["close_s"], ch["total_s"], lo["total_s"],
                           100.0 * (ch["total_s"] - lo["total_s"]) / lo["total_s"]))
    print()
    for line in summary:
        print(line)
    print()
    print("wall: whole run incl. office start-up (start: the slowest worker's office start), median of %d runs." % a.repeat)
    print("Σ: sums over the files of the times measured around loadComponentFromURL, checkToJson, close and the")
    print("whole file (copy, load, check, close); all in the same worker harness, documents hidden and read-only.")
    if a.keep:
        print("kept", work)
    else:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
