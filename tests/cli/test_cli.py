"""Tests of the command-line checker: the real ./ogi-check on ../shared/fixtures and on documents
made here (broken ones included), asserting on its JSON report, marked copies and exit status.

Environment (set by the ctest registration; defaults for a manual run from the repository):
  OGI_BUILD_DIR   the build tree (the .oxt must be built)
  OGI_OXT, OGI_TYPES_RDB  the .oxt and our .rdb (default: their places in OGI_BUILD_DIR)
  OGI_FIXTURES    ../shared/fixtures
  OGI_WORKDIR     scratch directory (documents, reports, the checker's private state)
Run with /usr/bin/python3 (python3-uno).
"""
import glob
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import unittest
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
BUILD = os.path.abspath(os.environ.get("OGI_BUILD_DIR", os.path.join(REPO, "build")))
FIXTURES = os.path.abspath(os.environ.get("OGI_FIXTURES", os.path.join(REPO, "..", "shared", "fixtures")))
# a real published page with a local (pre-2019) statistics table (../shared/real/README.md)
REAL_LOCAL = os.path.join(os.path.dirname(FIXTURES), "real", "pingtan-2011-local.html")
WORK = os.path.abspath(os.environ.get("OGI_WORKDIR", os.path.join(BUILD, "tests", "cli", "work")))
STATE = os.path.join(WORK, "state")
DOCS = os.path.join(WORK, "docs")
IGNORED_DOCS = os.path.join(WORK, "ignored")   # made by make_docs, not among DOCS (whose every file is counted)
OXT = os.path.abspath(os.environ.get("OGI_OXT", os.path.join(BUILD, "ogi-report-checker.oxt")))
RDB = os.path.abspath(os.environ.get("OGI_TYPES_RDB", os.path.join(BUILD, "src", "uno", "ogireportchecker.rdb")))

sys.path.insert(0, os.path.join(REPO, "tools"))
sys.path.insert(0, HERE)

FILE_KEYS = {"file", "status", "reason", "code", "format", "document_type", "year", "tables", "diagnostics",
             "summary", "marked_copy", "marked_copy_error", "load_ms", "check_ms", "mark_ms", "close_ms", "total_ms",
             "attempts", "unit", "previous", "previous_candidates", "ignored_findings"}
DIAG_KEYS = {"rule", "severity", "template", "table", "cell", "key", "host_table", "related", "expected", "actual",
             "message", "messages", "suggestion", "ambiguous"}
TABLE_KEYS = {"index", "template", "version", "title", "location", "source_tables", "mapped_cells",
              "template_cells", "values"}
SUMMARY_KEYS = {"files", "ok", "failed", "files_with_errors", "files_with_warnings", "errors", "warnings", "infos",
                "tables", "office_restarts", "worker_restarts", "office_start_ms", "workers", "wall_ms", "interrupted", "exit_status",
                "disabled_rules"}
WRITER = (".odt", ".docx", ".doc", ".html")


def env(**extra):
    e = dict(os.environ, OGI_BUILD_DIR=BUILD, OGI_CHECK_SKIP_SETUP="1", OGI_CHECK_STATE=STATE,
             OGI_FIXTURES=FIXTURES)
    e.update(extra)
    return e


def ogi_check(*args, timeout=600, **extra):
    """Runs the real entry script; returns (exit status, stdout, stderr)."""
    r = subprocess.run([os.path.join(REPO, "ogi-check"), *args], env=env(**extra), capture_output=True,
                       text=True, timeout=timeout)
    return r.returncode, r.stdout, r.stderr


def run_json(*args, **kw):
    out = os.path.join(WORK, "report-%d.json" % time.monotonic_ns())
    code, stdout, stderr = ogi_check("--json", out, *args, **kw)
    if not os.path.exists(out):
        raise AssertionError("no JSON report (exit %d)\nstdout:\n%s\nstderr:\n%s" % (code, stdout, stderr))
    with open(out, encoding="utf-8") as f:
        return code, json.load(f), stdout, stderr


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def leftover_processes():
    """Processes that still run from this test's private state (workers, offices)."""
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            with open("/proc/%s/cmdline" % pid, "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if STATE in cmd:
            found.append((int(pid), cmd[:200]))
    return found


def by_name(report):
    return {os.path.basename(f["file"]): f for f in report["files"]}


def fixture_files():
    return sorted(f for f in glob.glob(os.path.join(FIXTURES, "seed*.*")) if not f.endswith(".md"))


def setUpModule():
    if not os.path.isfile(OXT) or not os.path.isfile(RDB):
        raise AssertionError("the extension is not built (%s): a failure, not a skip" % OXT)
    if os.path.isdir(WORK):
        shutil.rmtree(WORK)
    os.makedirs(DOCS)
    import make_docs
    # The documents that need an office are made through the office helper (URE_MORE_TYPES not needed).
    make_docs.make_broken(FIXTURES, DOCS, OXT, os.path.join(WORK, "maker"), IGNORED_DOCS)


class FixturesRun(unittest.TestCase):
    """The README's main job: no argument = the sample documents (../shared/fixtures)."""

    @classmethod
    def setUpClass(cls):
        cls.before = {f: sha(f) for f in fixture_files()}
        cls.marked = os.path.join(WORK, "marked")
        cls.code, cls.report, cls.stdout, cls.stderr = run_json("-j", "2", "--marked-copies", cls.marked)
        cls.files = by_name(cls.report)

    def test_exit_status_and_summary(self):
        self.assertEqual(self.code, 0, self.stderr)
        s = self.report["summary"]
        self.assertEqual(set(s), SUMMARY_KEYS)
        self.assertEqual(s["files"], len(fixture_files()))
        self.assertEqual((s["ok"], s["failed"], s["errors"]), (s["files"], 0, 0))
        self.assertEqual(s["exit_status"], 0)
        self.assertFalse(s["interrupted"])
        self.assertEqual(s["workers"], 2)
        self.assertEqual(self.report["schema"], 1)
        self.assertEqual([os.path.basename(x["file"]) for x in self.report["skipped"]], ["README.md"])
        # Input order, every fixture exactly once.
        self.assertEqual([f["file"] for f in self.report["files"]], fixture_files())

    def test_record_schema(self):
        for name, f in self.files.items():
            with self.subTest(file=name):
                self.assertEqual(set(f), FILE_KEYS)
                self.assertEqual(f["status"], "ok")
                self.assertIsNone(f["reason"])
                self.assertIsInstance(f["load_ms"], (int, float))
                self.assertIsInstance(f["check_ms"], (int, float))
                self.assertEqual(f["document_type"], "text" if name.endswith(WRITER) else "spreadsheet")
                for t in f["tables"]:
                    self.assertEqual(set(t), TABLE_KEYS)
                for d in f["diagnostics"]:
                    self.assertEqual(set(d), DIAG_KEYS)
                    self.assertIn(d["severity"], ("error", "warning", "info"))
                    self.assertEqual(d["message"], d["messages"]["zh-CN"])   # default --lang zh-CN
                self.assertEqual(f["summary"]["tables"], len(f["tables"]))

    def findings(self, stem):
        out = {}
        for name, f in self.files.items():
            if name.startswith(stem):
                out[os.path.splitext(name)[1]] = f
        self.assertTrue(out, stem)
        return out

    def test_seed000_only_b11_info(self):
        for ext, f in self.findings("seed000").items():
            with self.subTest(ext=ext):
                self.assertEqual([(d["rule"], d["severity"], d["key"]) for d in f["diagnostics"]],
                                 [("B-11", "info", "B02")])
                self.assertEqual([t["template"] for t in f["tables"]], ["old"])
                self.assertEqual(f["year"], 2017)
                cell = f["diagnostics"][0]["cell"]
                if ext in (".ods", ".xlsx"):
                    self.assertEqual(cell, "Sheet1.C7")
                else:
                    self.assertEqual(cell, "C3")
                self.assertEqual(f["tables"][0]["location"], "Sheet1.A5:C70" if ext in (".ods", ".xlsx") else "Table1")

    def test_seed001_three_2019_tables_no_findings(self):
        for ext, f in self.findings("seed001").items():
            with self.subTest(ext=ext):
                self.assertEqual([t["template"] for t in f["tables"]], ["2019-t2", "2019-t3", "2019-t4"])
                self.assertEqual([t["version"] for t in f["tables"]], ["2019"] * 3)
                self.assertEqual([t["index"] for t in f["tables"]], [0, 1, 2])
                # The fixture's section 五 is shortened to "(略)" (fixtures/README.md): S-5, for the
                # document, no cell.
                self.assertEqual([(d["rule"], d["severity"], d["table"], d["cell"]) for d in f["diagnostics"]
                                  if d["severity"] != "info"], [("S-5", "warning", -1, "")])

    def test_seed002_b12_warning_on_b03(self):
        for ext, f in self.findings("seed002").items():
            with self.subTest(ext=ext):
                got = {(d["rule"], d["severity"], d["key"]) for d in f["diagnostics"]}
                self.assertIn(("B-12", "warning", "B03"), got)
                self.assertEqual(f["summary"]["errors"], 0)
                self.assertEqual(f["summary"]["warnings"], 1)
                b12 = [d for d in f["diagnostics"] if d["rule"] == "B-12"][0]
                self.assertEqual((b12["expected"], b12["actual"]), ("≤ 0", "1"))
                self.assertEqual(b12["cell"], "Sheet1.C9" if ext in (".ods", ".xlsx") else "C4")

    def test_seed003_nothing(self):
        for ext, f in self.findings("seed003").items():
            with self.subTest(ext=ext):
                self.assertEqual((f["tables"], f["diagnostics"]), ([], []))

    def test_seed004_b9_and_blanks(self):
        for ext, f in self.findings("seed004").items():
            with self.subTest(ext=ext):
                got = [(d["rule"], d["severity"], d["key"]) for d in f["diagnostics"] if d["severity"] != "info"]
                self.assertEqual(sorted(got), [("B-9", "warning", "B02"), ("S-3", "warning", "B06")])
                s3 = [d for d in f["diagnostics"] if d["rule"] == "S-3"][0]   # one for the table
                self.assertEqual([r["key"] for r in s3["related"]], ["B06", "B56", "B57"])
                self.assertEqual((s3["expected"], s3["actual"]), ("0", "3"))
                b9 = [d for d in f["diagnostics"] if d["rule"] == "B-9"][0]
                self.assertEqual(b9["actual"], "242")
                self.assertTrue(b9["related"], "B-9 names the channel cells it compared")
                for r in b9["related"]:
                    self.assertEqual(set(r), {"cell", "key", "table"})

    def test_originals_unchanged_and_marked_copies_written(self):
        for f, digest in self.before.items():
            self.assertEqual(sha(f), digest, "%s was modified" % f)
        for name, f in self.files.items():
            with self.subTest(file=name):
                copy = os.path.join(self.marked, name)
                self.assertEqual(f["marked_copy"], copy)
                self.assertIsNone(f["marked_copy_error"])
                self.assertTrue(os.path.getsize(copy) > 0)
                has_findings = any(d["cell"] for d in f["diagnostics"])   # findings of a cell are marked
                ext = os.path.splitext(name)[1]
                if ext in (".odt", ".ods", ".docx", ".xlsx"):
                    with zipfile.ZipFile(copy) as z:
                        names = z.namelist()
                        if ext in (".odt", ".ods"):
                            marked = b"office:annotation" in z.read("content.xml")
                        elif ext == ".docx":
                            marked = "word/comments.xml" in names
                        else:
                            marked = any(n.startswith("xl/comments") for n in names)
                    self.assertEqual(marked, has_findings, "comments in the marked copy")
                elif has_findings:
                    self.assertNotEqual(sha(copy), sha(os.path.join(FIXTURES, name)))

    def test_readable_output(self):
        lines = self.stdout.splitlines()
        self.assertTrue(any(l.startswith("✔ ") and "seed002-dongyang-2017-old.odt" in l and "1 警告" in l
                            for l in lines), self.stdout)
        self.assertTrue(any("B-12" in l and "C4 [B03]" in l for l in lines))
        self.assertTrue(lines[-1].startswith("合计: %d 个文件" % len(fixture_files())), lines[-1])
        self.assertIn("sample documents", self.stderr)


class BrokenFilesRun(unittest.TestCase):
    """Broken documents fail with a clear reason; the run goes on; nothing is skipped."""

    @classmethod
    def setUpClass(cls):
        cls.inputs = sorted(glob.glob(os.path.join(DOCS, "*")))
        cls.missing = os.path.join(DOCS, "does-not-exist.docx")
        cls.code, cls.report, cls.stdout, cls.stderr = run_json("-j", "2", "--lang", "en-US", *cls.inputs,
                                                                cls.missing, REAL_LOCAL)
        cls.files = by_name(cls.report)

    def test_every_file_reported(self):
        self.assertEqual(len(self.report["files"]), len(self.inputs) + 2)
        self.assertEqual(self.code, 3, "some files failed → exit 3 (wins over errors)")
        self.assertEqual(self.report["summary"]["exit_status"], 3)

    def assertFailed(self, name, code, *words):
        f = self.files[name]
        self.assertEqual((f["status"], f["code"]), ("failed", code), f)
        for w in words:
            self.assertIn(w, f["reason"])
        self.assertEqual(f["diagnostics"], [])

    def test_truncated_zip(self):
        self.assertFailed("truncated.odt", "corrupt", "ZIP")

    def test_random_bytes(self):
        self.assertFailed("random-bytes.docx", "corrupt", "not a valid .docx")

    def test_password_protected(self):
        self.assertFailed("protected.odt", "encrypted", "password")

    def test_empty(self):
        self.assertFailed("empty.odt", "empty", "empty")

    def test_not_a_document(self):
        self.assertEqual(self.files["picture.png"]["status"], "failed")
        self.assertTrue(self.files["picture.png"]["reason"])

    def test_missing(self):
        self.assertFailed("does-not-exist.docx", "not-found", "no such file")

    def test_real_page_with_a_local_table(self):
        """平潭 2011 (the real page as published): its 指标名称 | 计量单位 | 2011年度 | 历年累计 table
        is named a local statistics table (R-3, info); its 其中 items and 历年累计 all hold."""
        f = self.files[os.path.basename(REAL_LOCAL)]
        self.assertEqual(f["status"], "ok", f["reason"])
        self.assertEqual(f["tables"], [])
        self.assertEqual(f["year"], 2011)
        self.assertEqual([(d["rule"], d["severity"]) for d in f["diagnostics"]], [("R-3", "info")])
        self.assertIn("local statistics table (指标名称 | 计量单位 | 2011年度 | 历年累计)", f["diagnostics"][0]["message"])

    def test_2000_rows(self):
        f = self.files["big-2000-rows.ods"]
        self.assertEqual(f["status"], "ok", f["reason"])
        self.assertEqual([t["template"] for t in f["tables"]], ["old"])
        self.assertEqual((f["summary"]["errors"], f["summary"]["warnings"]), (0, 0), f["diagnostics"])
        self.assertIn(("B-11", "info", "B02"), [(d["rule"], d["severity"], d["key"]) for d in f["diagnostics"]])

    def test_error_found_in_english(self):
        f = self.files["with-error.html"]
        self.assertEqual(f["status"], "ok")
        b1 = [d for d in f["diagnostics"] if d["rule"] == "B-1"]
        self.assertEqual(len(b1), 1, f["diagnostics"])
        self.assertEqual((b1[0]["severity"], b1[0]["key"], b1[0]["expected"], b1[0]["actual"]),
                         ("error", "B22", "47", "48"))
        self.assertEqual(b1[0]["message"], b1[0]["messages"]["en-US"])
        # The likely cause (issue 14): the total itself, since the text's number agrees with the parts.
        s = b1[0]["suggestion"]
        self.assertEqual((s["key"], s["cell"], s["value"], s["changes"][0]["current"]),
                         ("B22", b1[0]["cell"], "47", "48"))
        self.assertEqual(s["rules"], ["B-1", "X-2"])
        self.assertIsNone(b1[0]["ambiguous"])
        self.assertIn("→ %s should be 47: makes B-1, X-2 hold" % b1[0]["cell"], self.stdout)
        self.assertEqual(self.stdout.count("should be 47"), 1)   # said once, though it explains two findings
        self.assertIn("✖ ", self.stdout)
        self.assertIn("Total: %d files" % (len(self.inputs) + 2), self.stdout)

    def test_no_leftover_processes(self):
        self.assertEqual(leftover_processes(), [])


class ExitStatus(unittest.TestCase):
    def test_errors_exit_1_and_json_on_stdout(self):
        code, stdout, stderr = ogi_check("--format", "json", "-j", "1", os.path.join(DOCS, "with-error.html"))
        self.assertEqual(code, 1, stderr)
        report = json.loads(stdout)
        self.assertEqual(report["summary"]["errors"], 1)
        self.assertIn("合计", stderr)   # the readable summary moves to stderr

    def test_strict_counts_warnings(self):
        # Without --strict the fixtures' warnings give 0 (FixturesRun); with it, 1.
        path = os.path.join(FIXTURES, "seed002-dongyang-2017-old.odt")
        self.assertEqual(ogi_check("-j", "1", "--strict", path)[0], 1)

    def test_too_large_and_empty_fail_without_an_office(self):
        code, report, _, stderr = run_json("--max-size", "0.01", os.path.join(DOCS, "big-2000-rows.ods"),
                                           os.path.join(DOCS, "empty.odt"))
        self.assertEqual(code, 3, stderr)
        self.assertEqual([(f["status"], f["code"]) for f in report["files"]],
                         [("failed", "too-large"), ("failed", "empty")])
        self.assertIn("--max-size", report["files"][0]["reason"])
        self.assertEqual(report["summary"]["workers"], 0)

    def test_usage_errors_exit_2(self):
        self.assertEqual(ogi_check("--format", "xml")[0], 2)
        empty = os.path.join(WORK, "empty-dir")
        os.makedirs(empty, exist_ok=True)
        code, _, stderr = ogi_check(empty)
        self.assertEqual(code, 2)
        self.assertIn("no documents", stderr)
        code, _, stderr = ogi_check(OGI_FIXTURES=os.path.join(WORK, "nowhere"))
        self.assertEqual(code, 2)
        self.assertIn("no sample documents", stderr)

    def test_disable_rules(self):
        seed = os.path.join(FIXTURES, "seed002-dongyang-2017-old.odt")
        code, report, _, _ = run_json(seed)
        self.assertIn("B-12", [d["rule"] for d in report["files"][0]["diagnostics"]])
        self.assertEqual(report["summary"]["disabled_rules"], [])
        code, report, _, _ = run_json("--disable", "b-12，s-3", seed)   # full-width comma, any case
        self.assertEqual(report["files"][0]["status"], "ok")
        rules = [d["rule"] for d in report["files"][0]["diagnostics"]]
        self.assertNotIn("B-12", rules)
        self.assertNotIn("S-3", rules)
        self.assertEqual(report["summary"]["disabled_rules"], ["B-12", "S-3"])

    def test_disable_unknown_rule_exit_2(self):
        """An id that names no rule is a usage error naming it, and listing the rules the installed
        extension knows (asked of its service, XReportChecker.parseRuleList/getRuleIds): here in a
        state directory of its own, so that the office which makes the profile template answers."""
        seed = os.path.join(FIXTURES, "seed002-dongyang-2017-old.odt")
        out = os.path.join(WORK, "unknown-rule.json")
        code, stdout, stderr = ogi_check("--json", out, "--disable", "B-12，z-9 q-1", seed,
                                         OGI_CHECK_STATE=os.path.join(WORK, "state-unknown-rule"))
        self.assertEqual(code, 2, stderr)
        self.assertIn("ogi-check: --disable: no such rule: Z-9, Q-1 (rules: ", stderr)
        with open(os.path.join(REPO, "src", "core", "data", "rules.json"), encoding="utf-8") as f:
            catalog = {r["id"] for r in json.load(f)["rules"]}
        listed = stderr.split("(rules: ", 1)[1].split(")", 1)[0].split(", ")
        self.assertEqual(listed, sorted(catalog, key=lambda i: (i[0], int(i.split("-")[1]))))
        self.assertFalse(os.path.exists(out))   # nothing was checked

    def test_findings_ignored_by_the_document(self):
        """A report whose author ignored B-12 (the issue list's 忽略此项: a custom document
        property): left out and counted by default, reported with --show-ignored."""
        src = os.path.join(FIXTURES, "seed002-dongyang-2017-old.odt")
        doc = os.path.join(WORK, "ignored-b12.odt")
        os.makedirs(WORK, exist_ok=True)
        with zipfile.ZipFile(src) as zin, zipfile.ZipFile(doc, "w") as zout:
            for item in zin.infolist():
                data = zin.read(item.filename)
                if item.filename == "meta.xml":
                    data = data.replace(b"</office:meta>", '<meta:user-defined meta:name="OgiReportCheckerIgnored">'
                                        'B-12|old|B03</meta:user-defined></office:meta>'.encode())
                zout.writestr(item, data)
        code, report, stdout, _ = run_json(doc)
        f = report["files"][0]
        self.assertEqual(f["status"], "ok", f["reason"])
        self.assertNotIn("B-12", [d["rule"] for d in f["diagnostics"]])
        self.assertEqual(f["summary"]["ignored"], 1)
        self.assertEqual([(i["key"], i["ignore_reason"]) for i in f["ignored_findings"]], [("B-12|old|B03", "")])
        self.assertIn("另有 1 项已被文档标为忽略", stdout)
        code, report, _, _ = run_json("--show-ignored", doc)
        f = report["files"][0]
        self.assertIn("B-12", [d["rule"] for d in f["diagnostics"]])
        self.assertEqual(f["summary"]["ignored"], 0)

    def test_ignored_findings_with_their_reason(self):
        """A document whose author ignored a finding with a reason (made through the office,
        make_docs.py): the finding is under ignored_findings with its key, cell and reason, not
        among the diagnostics; with --show-ignored it is a finding again and ignored_findings is empty."""
        import make_docs
        doc = os.path.join(IGNORED_DOCS, "ignored-with-reason.odt")
        self.assertTrue(os.path.isfile(doc), doc)
        code, report, _, _ = run_json("--show-ignored", doc)
        f = report["files"][0]
        self.assertEqual(f["status"], "ok", f["reason"])
        b12 = [d for d in f["diagnostics"] if d["rule"] == "B-12"]
        self.assertEqual([d["key"] for d in b12], ["B03"])
        self.assertEqual(f["ignored_findings"], [])
        code, report, _, _ = run_json(doc)
        f = report["files"][0]
        self.assertEqual(f["status"], "ok", f["reason"])
        self.assertEqual(f["ignored_findings"], [{"key": make_docs.IGNORED_KEY, "rule": "B-12", "cell": b12[0]["cell"],
                                                  "ignore_reason": make_docs.IGNORED_REASON}])
        self.assertNotIn("B-12", [d["rule"] for d in f["diagnostics"]])
        self.assertEqual(f["summary"]["ignored"], 1)

    def test_missing_build_exit_2(self):
        code, _, stderr = ogi_check(os.path.join(FIXTURES, "seed000-jiangsu-2017-old.odt"),
                                    OGI_OXT=os.path.join(WORK, "missing.oxt"))
        self.assertEqual(code, 2)
        self.assertIn("not built", stderr)


class HangAndCrash(unittest.TestCase):
    """A hanging office is cut off by the time limit and restarted; a crashed one is restarted;
    the files after them are still checked. (Test hooks stop or kill soffice.bin during the check.)"""

    def test_hang_and_crash(self):
        d = os.path.join(WORK, "hooks")
        os.makedirs(d, exist_ok=True)
        src = os.path.join(FIXTURES, "seed001-zhangzhou-2019.odt")
        names = ["a-ogi-test-hang.odt", "b-ogi-test-crash.odt", "c-after.odt", "d-after.odt"]
        for n in names:
            shutil.copyfile(src, os.path.join(d, n))
        t0 = time.monotonic()
        code, report, _, stderr = run_json("-j", "1", "--timeout", "15", d, OGI_CHECK_TEST_HOOKS="1")
        files = by_name(report)
        self.assertEqual(code, 3, stderr)
        self.assertEqual((files[names[0]]["status"], files[names[0]]["code"]), ("failed", "timeout"))
        self.assertIn("timeout", files[names[0]]["reason"])
        self.assertEqual((files[names[1]]["status"], files[names[1]]["code"]), ("failed", "crash"))
        self.assertEqual(files[names[1]]["attempts"], 2)
        for n in names[2:]:
            self.assertEqual(files[n]["status"], "ok")
            self.assertEqual(len(files[n]["tables"]), 3)
        self.assertGreaterEqual(report["summary"]["office_restarts"], 3)   # timeout, crash, crash again
        self.assertLess(time.monotonic() - t0, 240)
        self.assertEqual(leftover_processes(), [])


class Interrupt(unittest.TestCase):
    def test_ctrl_c_stops_cleanly(self):
        d = os.path.join(WORK, "many")
        os.makedirs(d, exist_ok=True)
        for i in range(4):
            for f in fixture_files():
                shutil.copyfile(f, os.path.join(d, "c%d-%s" % (i, os.path.basename(f))))
        out = os.path.join(WORK, "interrupted.json")
        p = subprocess.Popen([os.path.join(REPO, "ogi-check"), "-q", "-j", "2", "--json", out, d], env=env(),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first = p.stdout.readline()   # the first file is done
        self.assertTrue(first.startswith(("✔", "✖")), first)
        p.send_signal(signal.SIGINT)
        t0 = time.monotonic()
        p.communicate(timeout=120)
        self.assertEqual(p.returncode, 130)
        self.assertLess(time.monotonic() - t0, 60)
        with open(out, encoding="utf-8") as f:
            report = json.load(f)
        self.assertTrue(report["summary"]["interrupted"])
        statuses = [f["code"] or f["status"] for f in report["files"]]
        self.assertEqual(len(statuses), 4 * len(fixture_files()))
        self.assertIn("ok", statuses)
        self.assertIn("interrupted", statuses)
        self.assertEqual(leftover_processes(), [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
