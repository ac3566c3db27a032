#!/usr/bin/env python3
"""Mutation campaign for ogi-check (issue 16): N mutated documents made from the sample documents
(../shared/fixtures) — ZIP damage, XML damage, truncation, huge numbers, control characters, long
paragraphs, odd file names, wrong extensions — checked by the real ./ogi-check -j 2 --json in one run.

    tests/robustness/campaign.py                 # N=200, seed 1, into build/robustness/
    tests/robustness/campaign.py -n 40 --seed 7 --jobs 2 --timeout 60 --out /tmp/campaign

Reports (stdout, and summary.json in --out):
  crashes        the CLI died (traceback, no or partial JSON) or a file failed with crash / error
  hangs          files that failed with timeout
  failed         files failed with a reason, per code; reasons that are not one sentence or quote internals
  silent passes  documents damaged on purpose (structure) that came back "ok"
  fewer tables   "ok" documents that lost tables against their original (any mutation)
  originals      sha256 of every fixture before and after (must be unchanged)
Exit status 0 when there is no crash, no hang, no silent pass, no bad reason and no original changed, else 1.
Not run in CI (it takes minutes); `ctest -L robustness` runs a tiny N.
"""
import argparse
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
INTERNALS = re.compile(r"codec|Error -\d|zlib|Traceback|Exception|Error:|errno|\bbyte 0x|BadZipFile|CRC-32|expat",
                       re.I)
# Structural damage: such a document must not come back "ok".
DAMAGING = {"truncate-zip", "flip-zip", "drop-main", "empty-main", "cut-xml", "garbage-xml", "drop-shared",
            "content-types", "ctrl-invalid"}


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main_part(names):
    for p in ("content.xml", "word/document.xml", "xl/worksheets/sheet1.xml"):
        if p in names:
            return p
    return None


def rezip(data_in, change):
    import io
    src, out = io.BytesIO(data_in), io.BytesIO()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            d = change(item.filename, zin.read(item.filename))
            if d is not None:
                zout.writestr(item, d)
    return out.getvalue()


def text_positions(xml):
    """Offsets just after a '>' that starts character data (a place inside text)."""
    return [m.end() for m in re.finditer(rb">(?=[^<\s])", xml)]


def mutate(rng, path):
    """(kind, new bytes, new name suffix or None)."""
    data = open(path, "rb").read()
    ext = os.path.splitext(path)[1].lower()
    is_zip = data[:4] == b"PK\x03\x04"
    names = zipfile.ZipFile(path).namelist() if is_zip else []
    main = main_part(names)
    kinds = ["huge-numbers", "ctrl-valid", "long-paragraph", "odd-name", "wrong-ext"]
    if is_zip:
        kinds += ["truncate-zip", "flip-zip", "drop-main", "empty-main", "cut-xml", "garbage-xml", "drop-styles",
                  "content-types", "ctrl-invalid"] + (["drop-shared"] if "xl/sharedStrings.xml" in names else [])
    else:
        kinds += ["truncate-raw", "flip-raw"]
    kind = rng.choice(kinds)

    def in_main(fn):
        return rezip(data, lambda n, b: fn(b) if n == main else b)

    def at_text(b, insert):
        pos = text_positions(b)
        if not pos:
            return b + insert
        p = rng.choice(pos)
        return b[:p] + insert + b[p:]

    if kind in ("truncate-zip", "truncate-raw"):
        return kind, data[:rng.randint(len(data) // 10, len(data) * 95 // 100)], None
    if kind in ("flip-zip", "flip-raw"):
        b = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            i = rng.randrange(len(b) // 8, len(b))
            b[i] ^= rng.randint(1, 255)
        return kind, bytes(b), None
    if kind == "drop-main":
        return kind, rezip(data, lambda n, b: None if n == main else b), None
    if kind == "empty-main":
        return kind, in_main(lambda b: b""), None
    if kind == "cut-xml":
        return kind, in_main(lambda b: b[:rng.randint(len(b) // 5, len(b) - 10)]), None
    if kind == "garbage-xml":
        return kind, in_main(lambda b: at_text(b, rng.choice([b"<<", b"&bogus", b"</w:p></x>", b"\xff\xfe"]))), None
    if kind == "drop-styles":
        style = {"content.xml": "styles.xml", "word/document.xml": "word/styles.xml"}.get(main, "xl/styles.xml")
        return kind, rezip(data, lambda n, b: None if n == style else b), None
    if kind == "drop-shared":
        return kind, rezip(data, lambda n, b: None if n == "xl/sharedStrings.xml" else b), None
    if kind == "content-types":
        if "[Content_Types].xml" in names:
            return kind, rezip(data, lambda n, b: re.sub(rb"(wordprocessingml|spreadsheetml)\.(document|sheet)\.main",
                                                         b"presentationml.presentation.main", b)
                               if n == "[Content_Types].xml" else b), None
        return kind, rezip(data, lambda n, b: None if n == "mimetype" else
                           (b.replace(b"<office:body>", b"") if n == "content.xml" else b)), None
    if kind == "ctrl-invalid":
        return kind, in_main(lambda b: at_text(b, bytes([rng.randint(1, 8)]) * 3)), None
    if kind == "ctrl-valid":
        ins = rng.choice(["\u200b\u200b", "\ufeff", "\ue000", "\u0085", "\u2028", "\t"]).encode("utf-8")
        if is_zip:
            return kind, in_main(lambda b: at_text(b, ins)), None
        return kind, at_text(data, ins) if ext in (".html", ".htm") else data, None
    if kind == "huge-numbers":
        huge = lambda m: b"9" * rng.choice([25, 60, 400])  # noqa: E731
        if is_zip:
            return kind, in_main(lambda b: re.sub(rb"(?<=>)\d{1,6}(?=<)", huge, b, count=rng.randint(1, 30))), None
        if ext in (".html", ".htm"):
            return kind, re.sub(rb"(?<=>)\d{1,6}(?=<)", huge, data, count=rng.randint(1, 30)), None
        return kind, data, None
    if kind == "long-paragraph":
        para = ("复议诉讼均获维持。" * rng.choice([200, 2000, 6000]) + "１２３٤٥٦௧௨௩").encode("utf-8")
        if is_zip:
            return kind, in_main(lambda b: at_text(b, para)), None
        return kind, at_text(data, para) if ext in (".html", ".htm") else data, None
    if kind == "odd-name":
        return kind, data, rng.choice([b" sp ace 'q\"uote'", b"bad\xff\xfename", b"\xe5\xb9\xb4" * 60, b"-dash",
                                       b"\xe6\x8a\xa5\xe5\x91\x8a (1)"])
    if kind == "wrong-ext":
        return kind, data, b"->" + rng.choice([b".html", b".xlsx", b".doc", b".odt", b".docx"])
    raise AssertionError(kind)


def make(n, seed, fixtures, dest):
    rng = random.Random(seed)
    srcs = sorted(os.path.join(fixtures, f) for f in os.listdir(fixtures)
                  if f.startswith("seed") and not f.endswith(".md"))
    if not srcs:
        raise SystemExit("campaign: no sample documents in %s" % fixtures)
    os.makedirs(dest)
    plan = []
    # The originals too (as copies), for their table counts.
    for s in srcs:
        name = "orig-" + os.path.basename(s)
        shutil.copyfile(s, os.path.join(dest, name))
        plan.append({"name": os.fsencode(name), "source": os.path.basename(s), "kind": "original"})
    for i in range(n):
        src = rng.choice(srcs)
        kind, data, suffix = mutate(rng, src)
        stem, ext = os.path.splitext(os.path.basename(src))
        name = ("m%03d-%s-%s" % (i, kind, stem)).encode()
        if suffix and suffix.startswith(b"->"):
            name += ext.encode() + suffix[2:].replace(b"->", b"")
            ext = ""
        elif suffix:
            name += b"-" + suffix
        name += ext.encode()
        with open(os.path.join(os.fsencode(dest), name), "wb") as f:
            f.write(data)
        plan.append({"name": name, "source": os.path.basename(src), "kind": kind})
    return srcs, plan


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=200, help="mutated documents (default 200)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", "-j", type=int, default=2)
    ap.add_argument("--timeout", default="60", help="ogi-check --timeout (default 60)")
    ap.add_argument("--fixtures", default=os.environ.get("OGI_FIXTURES", os.path.join(REPO, "..", "shared",
                                                                                      "fixtures")))
    ap.add_argument("--out", default=os.path.join(os.environ.get("OGI_BUILD_DIR", os.path.join(REPO, "build")),
                                                  "robustness"))
    a = ap.parse_args(argv)
    out = os.path.abspath(a.out)
    shutil.rmtree(out, ignore_errors=True)
    docs = os.path.join(out, "docs")
    fixtures = os.path.abspath(a.fixtures)
    if not os.path.isdir(fixtures):
        print("campaign: no fixtures folder %s" % fixtures, file=sys.stderr)
        return 2
    before = {f: sha256(os.path.join(fixtures, f)) for f in sorted(os.listdir(fixtures))}
    srcs, plan = make(a.n, a.seed, fixtures, docs)
    report_path = os.path.join(out, "report.json")
    t0 = time.monotonic()
    r = subprocess.run([os.path.join(REPO, "ogi-check"), "-q", "-j", str(a.jobs), "--timeout", a.timeout,
                        "--progress", "never", "--json", report_path, docs], capture_output=True)
    wall = time.monotonic() - t0
    after = {f: sha256(os.path.join(fixtures, f)) for f in sorted(os.listdir(fixtures))}
    stderr = r.stderr.decode("utf-8", "replace")
    result = {"n": a.n, "seed": a.seed, "jobs": a.jobs, "exit_status": r.returncode, "wall_s": round(wall, 1),
              "cli_traceback": "Traceback" in stderr, "json_whole": False, "crashes": 0, "hangs": 0,
              "failed_by_code": {}, "bad_reasons": [], "silent_passes": [], "fewer_tables": [], "ok": 0,
              "by_kind": {}, "originals_unchanged": before == after, "originals": len(before),
              "missing_records": 0}
    try:
        with open(report_path, encoding="utf-8") as f:
            rep = json.load(f)
        result["json_whole"] = True
    except (OSError, ValueError):
        rep = {"files": []}
    records = {}
    for f in rep["files"]:
        records[os.path.basename(f["file"])] = f
    tables_of = {}
    for p in plan:
        if p["kind"] == "original":
            rec = records.get(p["name"].decode())
            tables_of[p["source"]] = len(rec["tables"]) if rec else None
    for p in plan:
        if p["kind"] == "original":
            continue
        shown = p["name"].decode("utf-8", "replace")
        rec = records.get(shown)
        k = result["by_kind"].setdefault(p["kind"], {"n": 0, "ok": 0, "failed": 0})
        k["n"] += 1
        if rec is None:
            result["missing_records"] += 1
            continue
        if rec["status"] == "ok":
            result["ok"] += 1
            k["ok"] += 1
            if p["kind"] in DAMAGING:
                result["silent_passes"].append(shown)
            orig = tables_of.get(p["source"])
            if orig is not None and len(rec["tables"]) < orig:
                result["fewer_tables"].append("%s (%d of %d)" % (shown, len(rec["tables"]), orig))
            continue
        k["failed"] += 1
        code = rec["code"]
        result["failed_by_code"][code] = result["failed_by_code"].get(code, 0) + 1
        if code in ("crash", "error"):
            result["crashes"] += 1
        if code == "timeout":
            result["hangs"] += 1
        reason = rec["reason"] or ""
        if not reason or "\n" in reason or INTERNALS.search(reason) or not reason.endswith(("。", ".")):
            result["bad_reasons"].append("%s: %s" % (shown, reason))
    if result["cli_traceback"] or not result["json_whole"]:
        result["crashes"] += 1
    with open(os.path.join(out, "summary.json"), "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=1)
    print("campaign: %d mutated documents (seed %d) + %d originals, ogi-check -j %d: exit %d in %.0f s"
          % (a.n, a.seed, len(srcs), a.jobs, r.returncode, wall))
    print("  JSON report whole: %s; CLI traceback: %s; records missing: %d"
          % (result["json_whole"], result["cli_traceback"], result["missing_records"]))
    print("  crashes: %d  hangs: %d  ok: %d  failed with a reason: %s"
          % (result["crashes"], result["hangs"], result["ok"],
             ", ".join("%s %d" % kv for kv in sorted(result["failed_by_code"].items())) or "0"))
    print("  silent passes (damaged on purpose, came back ok): %d" % len(result["silent_passes"]))
    for s in result["silent_passes"][:20]:
        print("    " + s)
    print("  ok with fewer tables than the original: %d" % len(result["fewer_tables"]))
    for s in result["fewer_tables"][:20]:
        print("    " + s)
    print("  reasons not one sentence / quoting internals: %d" % len(result["bad_reasons"]))
    for s in result["bad_reasons"][:10]:
        print("    " + s)
    print("  originals: %d, sha256 unchanged: %s" % (result["originals"], result["originals_unchanged"]))
    print("  by mutation: " + ", ".join("%s %d/%d ok" % (k, v["ok"], v["n"]) for k, v in sorted(result["by_kind"].items())))
    bad = (result["crashes"] or result["hangs"] or result["silent_passes"] or result["bad_reasons"]
           or not result["originals_unchanged"] or result["missing_records"])
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
