#!/usr/bin/python3
"""Benchmark of the --summary workbook for a large run, without checking that many files.

Takes the JSON of a real run (ogi-check --json RUN.json …), repeats its file records until there
are N of them (each copy under its own file name and unit), and times what ogi-check does after
the checks: the model (roster-free), and the office writing the workbook (start, fill, store).

  bench/bench-summary.py RUN.json [--files 10000] [--out /tmp/bench-summary.xlsx]
Environment: as ./ogi-check (OGI_BUILD_DIR; the .oxt and the profile template must exist, i.e.
./ogi-check has run once).
"""
import argparse
import copy
import json
import os
import sys
import tempfile
import time

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.join(REPO, "tools"))

from ogicheck import paths, setup, summary  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("run")
    p.add_argument("--files", type=int, default=10000)
    p.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "bench-summary.xlsx"))
    a = p.parse_args()
    with open(a.run, encoding="utf-8") as f:
        doc = json.load(f)
    base = doc["files"]
    files = []
    for i in range(a.files):
        rec = copy.deepcopy(base[i % len(base)])
        stem, ext = os.path.splitext(os.path.basename(rec["file"]))
        rec["file"] = os.path.join(os.path.dirname(rec["file"]), "u%05d-%s%s" % (i, stem, ext))
        rec["unit"] = "单位%05d" % i
        files.append(rec)
    doc["files"] = files
    findings = sum(len(f["diagnostics"]) for f in files)
    template = setup.current_template(paths.oxt_path(), paths.state_dir())
    if not template:
        sys.exit("no profile template: run ./ogi-check once first")
    t0 = time.monotonic()
    summary.model(doc)
    t1 = time.monotonic()
    work = tempfile.mkdtemp(prefix="ogi-bench-summary-")
    summary.write_summary(doc, a.out, paths.oxt_path(), template, work)
    t2 = time.monotonic()
    print("%d files, %d findings: model %.1f s, workbook (office start + fill + store) %.1f s, %s %.1f MB"
          % (len(files), findings, t1 - t0, t2 - t1, a.out, os.path.getsize(a.out) / 1e6))


if __name__ == "__main__":
    main()
