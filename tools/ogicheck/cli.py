"""ogi-check: check the statistics tables of many annual reports in headless LibreOffice."""
import argparse
import json
import math
import os
import shutil
import signal
import subprocess
import sys
import time

from ogicheck import crossyear, paths, report, sniff
from ogicheck.progress import Progress

EPILOG = """\
Exit status:
  0    every file was checked and no errors were found (warnings and infos do not count,
       except with --strict)
  1    every file was checked and errors were found (or warnings, with --strict)
  2    usage error or setup failure (no file was checked)
  3    at least one file could not be checked (status "failed" in the report); wins over 1
  130  interrupted (Ctrl+C, SIGTERM or SIGHUP); the report lists the files not checked as failed

With no FILE_OR_DIR, checks the sample documents in ../shared/fixtures beside the repository.
Directories are searched recursively for documents; other files in them are listed as
skipped (a file named explicitly is always tried). Documents are opened from private copies;
originals are never modified. Document types collected from directories:
  %s
""" % " ".join(sorted(sniff.DOCUMENT_EXTENSIONS))


MIN_TIMEOUT = 1.0         # seconds; less cannot even load a document
MAX_TIMEOUT = 86400.0     # a day


def timeout_seconds(text):
    """--timeout: a finite number of seconds in [MIN_TIMEOUT, MAX_TIMEOUT] (not -1, nan, inf, 1e-9, 0)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError("not a number of seconds: %r" % text)
    if not math.isfinite(value) or not MIN_TIMEOUT <= value <= MAX_TIMEOUT:
        raise argparse.ArgumentTypeError("must be between %g and %g seconds, not %s" % (MIN_TIMEOUT, MAX_TIMEOUT, text))
    return value


def parse_args(argv):
    p = argparse.ArgumentParser(prog="ogi-check", formatter_class=argparse.RawDescriptionHelpFormatter,
                                description="Check the statistics tables of government-information-disclosure "
                                            "annual reports (年报表格检查), headless, many files at once.",
                                epilog=EPILOG)
    p.add_argument("paths", nargs="*", metavar="FILE_OR_DIR")
    p.add_argument("--json", metavar="FILE", help="write the JSON report of the whole run to FILE ('-' = stdout)")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="output on stdout: readable text (default) or the JSON report")
    p.add_argument("--marked-copies", metavar="DIR",
                   help="write a copy of each document with the marks applied into DIR, in its own format")
    p.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                   help="parallel workers, each with its own office and profile (default: number of cores)")
    p.add_argument("--timeout", type=timeout_seconds, default=120.0, metavar="SECONDS",
                   help="time limit per file, %g to %g s; on expiry the office is restarted (default 120)"
                        % (MIN_TIMEOUT, MAX_TIMEOUT))
    p.add_argument("--max-size", type=float, default=200.0, metavar="MB",
                   help="files larger than this fail without being opened (default 200)")
    p.add_argument("--lang", choices=("zh-CN", "en-US"), default="zh-CN", help="language of messages")
    p.add_argument("--strict", action="store_true", help="warnings count as errors for the exit status")
    p.add_argument("--show-ignored", action="store_true",
                   help="also report the findings a document records as ignored (the issue list's 忽略此项)")
    p.add_argument("--disable", metavar="RULES", default="",
                   help="rule ids not to check, comma-separated (e.g. S-3,B-11); see the README's rule table")
    p.add_argument("--previous", metavar="FILE",
                   help="last year's report of the one document checked (cross-year rules Y-1…Y-5); without it, "
                        "reports given together are paired by unit and consecutive year")
    p.add_argument("--no-cross-year", action="store_true",
                   help="no cross-year check: reports are not paired with last year's")
    p.add_argument("--summary", metavar="OUT.xlsx|OUT.ods",
                   help="also write a workbook made by LibreOffice Calc: 汇总 (a row per file), 问题明细 (a row per "
                        "finding), 未报送 (with --roster), 层级核对, and a chart of errors and warnings per unit")
    p.add_argument("--roster", metavar="FILE.csv",
                   help="the units that must report, one per line (header allowed), optional second column = "
                        "parent unit: units without a report, reports not on the roster, hierarchy sums H-1/H-2")
    p.add_argument("-q", "--quiet", action="store_true", help="one line per file, no findings")
    p.add_argument("--progress", choices=("auto", "always", "never"), default="auto",
                   help="progress bar on stderr (auto: when stderr is a terminal)")
    p.add_argument("--load-only", action="store_true", help=argparse.SUPPRESS)   # benchmark baseline
    p.add_argument("--keep-work", action="store_true", help=argparse.SUPPRESS)   # debugging
    a = p.parse_args(argv)
    if a.jobs < 0:
        p.error("-j must be ≥ 1")
    if a.summary and os.path.splitext(a.summary)[1].lower() not in (".xlsx", ".ods"):
        p.error("--summary: the workbook must be named .xlsx or .ods: %s" % a.summary)
    if a.json == "-" and a.format == "text":
        a.format = "json"
        a.json = None
    return a


def cpu_count():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def collect(args_paths):
    """(files, skipped): files as (absolute path, display name, relative name for copies)."""
    files, skipped, seen = [], [], set()
    for arg in args_paths:
        if os.path.isdir(arg):
            found = []
            for base, dirs, names in os.walk(arg):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    full = os.path.join(base, name)
                    rel = os.path.relpath(full, arg)
                    if sniff.is_lock_or_hidden(name):
                        continue  # office lock files and hidden files
                    if os.path.splitext(name)[1].lower() not in sniff.DOCUMENT_EXTENSIONS:
                        skipped.append({"file": report.shown(full), "reason": "not a document type that is checked"})
                        continue
                    found.append((full, rel))
            for full, rel in found:
                key = os.path.realpath(full)
                if key not in seen:
                    seen.add(key)
                    files.append((os.path.abspath(full), full, rel))
        else:
            key = os.path.realpath(arg)
            if key not in seen:
                seen.add(key)
                files.append((os.path.abspath(arg), arg, os.path.basename(arg)))
    return files, skipped


def marked_targets(files, outdir):
    """A distinct output path per file: its name, or its path relative to the directory given."""
    out, used = [], set()
    for _, _, rel in files:
        target = os.path.join(outdir, rel)
        stem, ext = os.path.splitext(target)
        n = 2
        while target in used:
            target = "%s-%d%s" % (stem, n, ext)
            n += 1
        used.add(target)
        out.append(os.path.abspath(target))
    return out


def setup_profile(oxt, state, verbose, rules=None):
    """(the profile template with the .oxt installed, and with `rules` — a --disable list — the
    installed extension's answer {"rules": named ids, "unknown": tokens, "all": every id}, else None).
    A subprocess does it: UNO stays out of this process. The rule ids are asked once per run, of the
    extension's service (setup.py), never read from the source tree."""
    from ogicheck import setup
    profile = setup.current_template(oxt, state) if os.path.isdir(state) else None
    if profile and rules is None:
        return profile, None
    if not profile:
        print("ogi-check: preparing a private LibreOffice profile with the extension (first use) …", file=sys.stderr)
    cmd = [paths.UNO_PYTHON, "-m", "ogicheck.setup", oxt, state] + (["--rules", rules] if rules is not None else [])
    r = subprocess.run(cmd, env=paths.uno_env(), stdout=subprocess.PIPE,
                       stderr=None if verbose else subprocess.PIPE, text=True)
    if r.returncode != 0:
        raise RuntimeError((r.stderr or "").strip()[-2000:] or "setup failed (exit %d)" % r.returncode)
    last = r.stdout.strip().splitlines()[-1]
    if rules is None:
        return last, None
    answer = json.loads(last)
    return answer["profile"], answer


def main(argv=None):
    try:
        return run(argv)
    except KeyboardInterrupt:   # before or after the checking (set-up, collecting files)
        print("\nogi-check: interrupted", file=sys.stderr)
        return 130


def run(argv=None):
    a = parse_args(sys.argv[1:] if argv is None else argv)
    if a.json and not os.path.isdir(os.path.dirname(os.path.abspath(a.json))):
        print("ogi-check: --json: no such directory: %s" % os.path.dirname(os.path.abspath(a.json)), file=sys.stderr)
        return 2
    lang = a.lang
    if a.summary and not os.path.isdir(os.path.dirname(os.path.abspath(a.summary))):
        print("ogi-check: --summary: no such directory: %s" % os.path.dirname(os.path.abspath(a.summary)),
              file=sys.stderr)
        return 2
    roster_units = None
    if a.roster:
        from ogicheck import roster
        try:
            roster_units = roster.read_roster(a.roster)
        except roster.RosterError as e:
            print("ogi-check: --roster %s: %s" % (a.roster, e), file=sys.stderr)
            return 2
    os.environ["OGI_CHECK_LANG"] = lang   # the marks' comments follow --lang
    os.environ["OGI_CHECK_SHOW_IGNORED"] = "1" if a.show_ignored else ""
    out_json_stdout = a.format == "json"
    human = report.Human(lang, stream=sys.stderr if out_json_stdout else sys.stdout, details=not a.quiet)

    targets = a.paths
    if not targets:
        samples = paths.default_samples()
        if not os.path.isdir(samples):
            print("ogi-check: no FILE_OR_DIR given and no sample documents at %s\n"
                  "  (the samples are ../shared/fixtures beside the repository); give files or folders to check."
                  % samples, file=sys.stderr)
            return 2
        targets = [samples]
        print("ogi-check: checking the sample documents in %s" % samples, file=sys.stderr)
    files, skipped = collect(targets)
    if not files:
        print("ogi-check: no documents found in %s" % ", ".join(targets), file=sys.stderr)
        return 2
    if a.previous and (a.no_cross_year or len(files) != 1 or not os.path.isfile(a.previous)):
        print("ogi-check: --previous FILE pairs one document with the existing file FILE%s"
              % (" (not with --no-cross-year)" if a.no_cross_year else ""), file=sys.stderr)
        return 2

    oxt = paths.oxt_path()
    if not os.path.isfile(oxt):
        print("ogi-check: the extension is not built: %s is missing (run ./ogi-check, which builds it, "
              "or cmake --build build)" % oxt, file=sys.stderr)
        return 2
    if not os.path.isfile(paths.types_rdb()):
        print("ogi-check: our UNO types are missing: %s" % paths.types_rdb(), file=sys.stderr)
        return 2
    state = paths.state_dir()
    try:
        template, rules = setup_profile(oxt, state, verbose=False, rules=a.disable if a.disable.strip() else None)
    except Exception as e:
        print("ogi-check: could not prepare the private LibreOffice profile:\n%s" % e, file=sys.stderr)
        return 2
    disabled = rules["rules"] if rules else []
    if rules and rules["unknown"]:
        print("ogi-check: --disable: no such rule: %s (rules: %s)" % (", ".join(rules["unknown"]),
                                                                     ", ".join(rules["all"])), file=sys.stderr)
        return 2
    # The workers' offices read it at start into their profile's settings (worker.py).
    os.environ["OGI_CHECK_DISABLED_RULES"] = ",".join(disabled)

    marked_dir = os.path.abspath(a.marked_copies) if a.marked_copies else None
    targets_out = marked_targets(files, marked_dir) if marked_dir else [None] * len(files)
    for (path, _, _), target in zip(files, targets_out):
        if target and os.path.exists(target) and os.path.samefile(path, target):
            print("ogi-check: --marked-copies %s would overwrite the original %s; choose another directory"
                  % (a.marked_copies, path), file=sys.stderr)
            return 2
    if marked_dir:
        os.makedirs(marked_dir, exist_ok=True)

    from ogicheck.pool import clean_stale_runs
    clean_stale_runs(state)   # folders of runs that were killed (SIGKILL, power loss)
    rundir = os.path.join(state, "run-%d" % os.getpid())
    os.makedirs(rundir, exist_ok=True)

    max_bytes = int(a.max_size * 1e6) if a.max_size else 0
    records = [None] * len(files)
    jobs = []
    for i, (path, display, _) in enumerate(files):
        pre = sniff.precheck(path, max_bytes)   # missing, empty, too large: no office needed
        if pre:
            records[i] = crossyear.annotate(report.file_record(display, {"status": "failed", "code": pre[0], "reason_key": pre[1],
                                                      "reason_args": pre[2],
                                                      "attempts": 0}, lang), {})
        else:
            jobs.append({"id": i, "path": path, "marked_copy": targets_out[i], "load_only": a.load_only,
                         "timeout": a.timeout, "max_bytes": max_bytes})
            if a.no_cross_year:
                jobs[-1]["previous_snapshot"] = ""       # not even a report the document remembers
            elif not a.previous:
                jobs[-1]["snapshot"] = True              # for the pairing (crossyear.py)
    progress = Progress(len(files), a.progress == "always" or (a.progress == "auto" and sys.stderr.isatty()
                                                                 and len(files) > 1 and not a.quiet), lang=lang)
    next_print = [0]
    progress.done = progress.failed = len(files) - len(jobs)
    # Pairing needs every file's unit and year: paired files are checked (and printed) again after it.
    pairing = not a.no_cross_year and not a.previous and not a.load_only and len(jobs) > 1
    raw, candidates_of = {}, {}

    def print_file(rec):
        human.file(rec)
        line = crossyear.note(rec, lang)
        if line and not a.quiet:
            human.stream.write("  %s\n" % line)

    def on_result(job, result):
        i = job["id"]
        if job.get("snapshot_only"):
            raw["previous"] = result
            return
        raw[i] = result
        cands = candidates_of.get(i, [])
        records[i] = crossyear.annotate(report.file_record(files[i][1], result, lang), result,
                                        cands[0] if cands else (a.previous if a.previous else None), cands)
        progress.step(records[i])
        # Print in input order, as soon as the files before are done.
        try:
            progress.clear()
            if i in candidates_of:   # the second check, against last year's report
                print_file(records[i])
            while next_print[0] < len(records) and records[next_print[0]] is not None:
                print_file(records[next_print[0]])
                next_print[0] += 1
            human.stream.flush()
            progress.draw()
        except OSError:   # the terminal is gone (SIGHUP): the run goes on to its report
            next_print[0] = len(records)

    workers = min(a.jobs or cpu_count(), len(jobs))
    from ogicheck.pool import Pool

    def on_term(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGHUP, on_term)    # the terminal closed: like SIGTERM, the report is written
    pool = Pool(oxt, template, rundir, workers, on_result)
    t0 = time.monotonic()
    interrupted = False
    try:
        if jobs and a.previous:   # last year's report first: its snapshot goes with the document's job
            pool.run([{"id": -1, "path": os.path.abspath(a.previous), "snapshot_only": True, "marked_copy": None,
                       "timeout": a.timeout, "max_bytes": max_bytes}])
            snap = (raw.get("previous") or {}).get("snapshot")
            if not crossyear.usable(snap):
                print("ogi-check: --previous %s: %s" % (a.previous, (raw.get("previous") or {}).get("reason")
                                                        or "no report table, unit or year found in it"),
                      file=sys.stderr)
                return 2
            for job in jobs:
                job["previous_snapshot"] = crossyear.snapshot_json(snap, a.previous)
        if jobs:
            progress.draw()
            pool.run(jobs)
        if pairing:
            # Last year's report of each file among the files given: checked again with it.
            pairs = crossyear.pair({i: (files[i][0], r.get("snapshot")) for i, r in raw.items()
                                    if isinstance(i, int) and r.get("status") == "ok"})
            again = []
            for job in jobs:
                cands = pairs.get(job["id"])
                if cands:
                    candidates_of[job["id"]] = [files[k][1] for k in cands]
                    again.append(dict(job, snapshot=False, previous_snapshot=crossyear.snapshot_json(
                        raw[cands[0]]["snapshot"], files[cands[0]][1])))
            if again:
                progress.total += len(again)
                progress.clear()
                human.stream.write(crossyear.TEXT.get(lang, crossyear.TEXT["en-US"])["again"] % len(again) + "\n")
                pool.run(again)
    except KeyboardInterrupt:
        interrupted = True
        signal.signal(signal.SIGINT, signal.SIG_IGN)   # a second Ctrl+C must not break the clean-up
        progress.clear()
        print("\nogi-check: interrupted, stopping the offices …", file=sys.stderr)
        pool.abort()
    finally:
        pool.sweep()
        progress.clear()
        logs = os.path.join(state, "last-run-logs")
        shutil.rmtree(logs, ignore_errors=True)
        os.makedirs(logs, exist_ok=True)
        for name in os.listdir(rundir) if os.path.isdir(rundir) else []:
            if name.endswith(".log"):
                shutil.copy(os.path.join(rundir, name), logs)
        if not a.keep_work:
            shutil.rmtree(rundir, ignore_errors=True)
    wall = time.monotonic() - t0

    not_checked = 0
    for i, rec in enumerate(records):
        if rec is None:
            not_checked += 1
            records[i] = crossyear.annotate(report.file_record(files[i][1], {"status": "failed", "code": "interrupted", "attempts": 0,
                                                          "reason_key": "interrupted"}, lang), {})
    for i in range(next_print[0], len(records)):
        if records[i]["code"] != "interrupted":
            print_file(records[i])
    summary = report.run_summary(records)
    status = report.exit_status(summary, interrupted, a.strict)
    summary.update({"office_restarts": pool.office_restarts, "worker_restarts": pool.worker_restarts,
                    "office_start_ms": pool.first_start_ms,
                    "workers": workers, "wall_ms": round(wall * 1000, 1), "interrupted": interrupted,
                    "disabled_rules": disabled,
                    "exit_status": status})
    doc = report.document(records, skipped, summary, lang)
    doc["roster"], doc["hierarchy"] = None, []
    if roster_units is not None:
        from ogicheck import roster, summary as rollup
        doc["roster"] = roster.match(roster_units, records)
        doc["hierarchy"] = roster.hierarchy(roster_units, records, rollup.key_label)
        roster.add_messages(doc["hierarchy"], lang)
    if a.json:
        error = report.write_json(a.json, doc)   # whole or not at all
        if error:
            print("ogi-check: --json: %s" % error, file=sys.stderr)
            status = 2 if status == 0 else status
    try:
        if out_json_stdout:
            sys.stdout.write(json.dumps(report.clean(doc), ensure_ascii=False, indent=1) + "\n")
        human.total(summary, skipped, wall, not_checked, pool.office_restarts)
        if roster_units is not None:
            from ogicheck import roster
            for line in roster.human_lines(doc["roster"], doc["hierarchy"], lang):
                print(line, file=human.stream)
        sys.stdout.flush()
    except OSError:   # the terminal is gone (SIGHUP): the JSON report is written already
        pass
    if a.summary:
        from ogicheck import summary as rollup
        try:
            rollup.write_summary(doc, a.summary, oxt, template, os.path.join(state, "summary-%d" % os.getpid()),
                                 lang, marked=bool(marked_dir), roster_result=doc["roster"], hierarchy=doc["hierarchy"])
        except rollup.SummaryError as e:
            print("ogi-check: --summary %s: the workbook could not be written: %s" % (a.summary, e), file=sys.stderr)
            return 2
        finally:
            if not a.keep_work:
                shutil.rmtree(os.path.join(state, "summary-%d" % os.getpid()), ignore_errors=True)
        print(("汇总表: %s" if lang == "zh-CN" else "summary workbook: %s") % a.summary, file=human.stream)
    return status
