"""Bad input and faults (issue 16): the real ./ogi-check on damaged packages, odd file names, hangs,
killed workers and signals, each built here in a scratch directory from ../shared/fixtures.

Environment: as tests/cli/test_cli.py (OGI_BUILD_DIR, OGI_OXT, OGI_TYPES_RDB, OGI_FIXTURES, OGI_WORKDIR).
Run with /usr/bin/python3 (python3-uno).
"""
import datetime
import glob
import json
import os
import re
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
WORK = os.path.abspath(os.environ.get("OGI_WORKDIR", os.path.join(BUILD, "tests", "cli", "work-robust")))
STATE = os.path.join(WORK, "state")
OXT = os.path.abspath(os.environ.get("OGI_OXT", os.path.join(BUILD, "ogi-report-checker.oxt")))

SEED_ODT = os.path.join(FIXTURES, "seed001-zhangzhou-2019.odt")      # 3 tables, no errors
SEED_DOCX = os.path.join(FIXTURES, "seed001-zhangzhou-2019.docx")
SEED_DOC = os.path.join(FIXTURES, "seed001-zhangzhou-2019.doc")
SEED_XLSX = os.path.join(FIXTURES, "seed000-jiangsu-2017-old.xlsx")
WARN_ODT = os.path.join(FIXTURES, "seed002-dongyang-2017-old.odt")   # warnings (B-12, …)
INTERNALS = re.compile(r"codec|Error -\d|zlib|Traceback|Exception|Error:|errno|\bbyte 0x|BadZipFile|CRC-32|expat",
                       re.I)


def env(**extra):
    e = dict(os.environ, OGI_BUILD_DIR=BUILD, OGI_CHECK_SKIP_SETUP="1", OGI_CHECK_STATE=STATE,
             OGI_FIXTURES=FIXTURES)
    e.update(extra)
    return e


def ogi_check(*args, timeout=600, **extra):
    r = subprocess.run([os.path.join(REPO, "ogi-check"), *args], env=env(**extra), capture_output=True,
                       timeout=timeout)
    return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")


def run_json(*args, **kw):
    out = os.path.join(WORK, "report-%d.json" % time.monotonic_ns())
    code, stdout, stderr = ogi_check("--json", out, *args, **kw)
    if not os.path.exists(out):
        raise AssertionError("no JSON report (exit %d)\nstdout:\n%s\nstderr:\n%s" % (code, stdout, stderr))
    with open(out, encoding="utf-8") as f:
        return code, json.load(f), stdout, stderr


def by_name(report):
    return {os.path.basename(f["file"]): f for f in report["files"]}


def processes(needle):
    """(pid, command line) of the processes whose command line contains `needle` (bytes)."""
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            with open("/proc/%s/cmdline" % pid, "rb") as f:
                cmd = f.read().replace(b"\0", b" ")
        except OSError:
            continue
        if needle in cmd:
            found.append((int(pid), cmd[:300]))
    return found


def rezip(src, dest, change):
    """A copy of the package `src` at `dest`; change(name, data) returns the new data or None (left out)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = change(item.filename, zin.read(item.filename))
            if data is not None:
                zout.writestr(item, data)
    return dest


def fresh_dir(name):
    d = os.path.join(WORK, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    return d


def setUpModule():
    if not os.path.isfile(OXT):
        raise AssertionError("the extension is not built (%s): a failure, not a skip" % OXT)
    for f in (SEED_ODT, SEED_DOCX, SEED_DOC, SEED_XLSX, WARN_ODT):
        if not os.path.isfile(f):
            raise AssertionError("fixture missing: %s" % f)
    os.makedirs(WORK, exist_ok=True)


class Assertions(unittest.TestCase):
    def assertOneSentence(self, reason, lang):
        self.assertTrue(reason, reason)
        self.assertNotIn("\n", reason)
        self.assertIsNone(INTERNALS.search(reason), reason)
        if lang == "zh-CN":
            self.assertTrue(reason.endswith("。"), reason)
            self.assertTrue(re.search(r"[\u4e00-\u9fff]", reason), reason)
        else:
            self.assertTrue(reason.endswith("."), reason)
            self.assertIsNone(re.search(r"[\u4e00-\u9fff]", reason), reason)

    def assertFailed(self, rec, code, *words):
        self.assertEqual((rec["status"], rec["code"]), ("failed", code), rec)
        for w in words:
            self.assertIn(w, rec["reason"])
        self.assertEqual((rec["diagnostics"], rec["tables"], rec["marked_copy"]), ([], [], None))


class NonUtf8FileName(Assertions):
    """1: a name that is not UTF-8 is a file like any other; the JSON is written whole."""

    def test_bad_bytes_in_name(self):
        d = fresh_dir("non-utf8")
        bad = os.path.join(os.fsencode(d), b"bad\xffname.odt")
        shutil.copyfile(SEED_ODT, bad)
        shutil.copyfile(SEED_ODT, os.path.join(d, "good.odt"))
        marked = os.path.join(WORK, "non-utf8-marked")
        shutil.rmtree(marked, ignore_errors=True)
        t0 = time.monotonic()
        code, report, stdout, stderr = run_json("-j", "1", "--marked-copies", marked, d)
        self.assertEqual(code, 0, stderr)
        self.assertNotIn("Traceback", stderr)
        files = by_name(report)
        self.assertEqual(set(files), {"bad\ufffdname.odt", "good.odt"})
        rec = files["bad\ufffdname.odt"]
        self.assertEqual(rec["status"], "ok", rec["reason"])
        self.assertEqual(len(rec["tables"]), 3)
        self.assertEqual(report["summary"]["ok"], 2)
        self.assertIn("bad\ufffdname.odt", stdout)
        self.assertEqual(sorted(os.listdir(os.fsencode(marked))), [b"bad\xffname.odt", b"good.odt"])
        self.assertEqual(glob.glob(os.path.join(WORK, "*.tmp")), [])
        self.assertLess(time.monotonic() - t0, 300)

    def test_json_on_stdout(self):
        d = fresh_dir("non-utf8-stdout")
        shutil.copyfile(SEED_ODT, os.path.join(os.fsencode(d), b"x\xfe\xfd.odt"))
        code, stdout, stderr = ogi_check("--format", "json", "-j", "1", d)
        self.assertEqual(code, 0, stderr)
        report = json.loads(stdout)
        self.assertEqual(report["files"][0]["file"].endswith("x\ufffd\ufffd.odt"), True)
        self.assertEqual(report["files"][0]["status"], "ok")


class DamagedPackages(Assertions):
    """2 and 4: damaged packages fail as corrupt, naming the part; reasons are one sentence in the
    run's language; the real format is detected before the extension is trusted."""

    @classmethod
    def setUpClass(cls):
        d = cls.dir = fresh_dir("damaged")
        j = lambda n: os.path.join(d, n)  # noqa: E731
        rezip(SEED_ODT, j("odt-empty-content.odt"), lambda n, b: b"" if n == "content.xml" else b)
        rezip(SEED_ODT, j("odt-no-content.odt"), lambda n, b: None if n == "content.xml" else b)
        rezip(SEED_ODT, j("odt-broken-xml.odt"), lambda n, b: b[:len(b) // 2] if n == "content.xml" else b)
        rezip(SEED_DOCX, j("docx-empty-document.docx"), lambda n, b: b"" if n == "word/document.xml" else b)
        rezip(SEED_DOCX, j("docx-no-document.docx"), lambda n, b: None if n == "word/document.xml" else b)
        rezip(SEED_DOCX, j("docx-no-styles.docx"), lambda n, b: None if n == "word/styles.xml" else b)
        rezip(SEED_DOCX, j("docx-wrong-types.docx"), lambda n, b: b.replace(
            b"wordprocessingml.document.main+xml", b"presentationml.presentation.main+xml")
            if n == "[Content_Types].xml" else b)
        rezip(SEED_XLSX, j("xlsx-no-shared.xlsx"), lambda n, b: None if n == "xl/sharedStrings.xml" else b)
        rezip(SEED_XLSX, j("xlsx-sheet-not-xml.xlsx"),
              lambda n, b: b"this is not XML \xf8\xff at all" if n == "xl/worksheets/sheet1.xml" else b)
        # A compressed part whose data is damaged (zlib fails while inflating).
        with open(SEED_ODT, "rb") as f:
            raw = bytearray(f.read())
        with zipfile.ZipFile(SEED_ODT) as z:
            info = z.getinfo("content.xml")
        start = info.header_offset + 30 + len(info.filename) + len(info.extra)
        for k in range(start + 20, start + 60):
            raw[k] ^= 0x5A
        with open(j("odt-bad-deflate.odt"), "wb") as f:
            f.write(raw)
        shutil.copyfile(SEED_ODT, j("real-odt-named.html"))
        shutil.copyfile(SEED_XLSX, j("real-xlsx-named.html"))
        cls.code, cls.report, cls.stdout, cls.stderr = run_json("-j", "2", "--lang", "en-US", d)
        cls.files = by_name(cls.report)

    def test_every_file_reported_exit_3(self):
        self.assertEqual(len(self.files), 12, self.stderr)
        self.assertEqual(self.code, 3)

    def test_missing_and_empty_main_parts(self):
        self.assertFailed(self.files["odt-empty-content.odt"], "corrupt", "content.xml", "empty")
        self.assertFailed(self.files["odt-no-content.odt"], "corrupt", "content.xml", "missing")
        self.assertFailed(self.files["docx-empty-document.docx"], "corrupt", "word/document.xml", "empty")
        self.assertFailed(self.files["docx-no-document.docx"], "corrupt", "word/document.xml", "missing")

    def test_docx_without_styles(self):
        self.assertFailed(self.files["docx-no-styles.docx"], "corrupt", "word/document.xml", "word/styles.xml")

    def test_wrong_content_types(self):
        self.assertFailed(self.files["docx-wrong-types.docx"], "corrupt", "[Content_Types].xml",
                          "word/document.xml")

    def test_xlsx_without_shared_strings(self):
        self.assertFailed(self.files["xlsx-no-shared.xlsx"], "corrupt", "xl/sharedStrings.xml")

    def test_broken_xml_names_part_and_place(self):
        rec = self.files["xlsx-sheet-not-xml.xlsx"]
        self.assertFailed(rec, "corrupt", "xl/worksheets/sheet1.xml", "line 1, column 1")
        rec = self.files["odt-broken-xml.odt"]
        self.assertFailed(rec, "corrupt", "content.xml", "not well-formed XML")
        self.assertRegex(rec["reason"], r"line \d+, column \d+")

    def test_damaged_deflate_data(self):
        self.assertFailed(self.files["odt-bad-deflate.odt"], "corrupt", "content.xml")

    def test_reasons_are_sentences(self):
        for rec in self.report["files"]:
            if rec["status"] != "ok":
                self.assertOneSentence(rec["reason"], "en-US")

    def test_real_format_before_extension(self):
        for name, n in (("real-odt-named.html", 3), ("real-xlsx-named.html", 1)):
            rec = self.files[name]
            self.assertEqual(rec["status"], "ok", rec["reason"])
            self.assertEqual(len(rec["tables"]), n, rec)

    def test_reasons_in_chinese(self):
        code, report, _, stderr = run_json("-j", "1", os.path.join(self.dir, "odt-broken-xml.odt"),
                                           os.path.join(self.dir, "docx-no-styles.docx"))
        self.assertEqual(code, 3, stderr)
        for rec in report["files"]:
            self.assertEqual(rec["code"], "corrupt")
            self.assertOneSentence(rec["reason"], "zh-CN")
        self.assertIn("第", report["files"][0]["reason"])


class TimedOutRecord(Assertions):
    """3: a file that times out after its check and marks keeps no findings, tables or marked copy,
    and counts for nothing in the summary."""

    def test_timeout_after_mark(self):
        d = fresh_dir("timeout-after-mark")
        shutil.copyfile(WARN_ODT, os.path.join(d, "a-ogi-test-hang-after-mark.odt"))
        shutil.copyfile(WARN_ODT, os.path.join(d, "b-ok.odt"))
        marked = fresh_dir("timeout-after-mark-out")
        code, report, _, stderr = run_json("-j", "1", "--timeout", "20", "--marked-copies", marked, d,
                                           OGI_CHECK_TEST_HOOKS="1")
        self.assertEqual(code, 3, stderr)
        files = by_name(report)
        hung, ok = files["a-ogi-test-hang-after-mark.odt"], files["b-ok.odt"]
        self.assertFailed(hung, "timeout", "20")
        self.assertOneSentence(hung["reason"], "zh-CN")
        self.assertEqual(ok["status"], "ok")
        self.assertGreater(ok["summary"]["warnings"], 0)
        s = report["summary"]
        self.assertEqual((s["warnings"], s["tables"], s["files_with_warnings"]),
                         (ok["summary"]["warnings"], ok["summary"]["tables"], 1))
        self.assertEqual(os.listdir(marked), ["b-ok.odt"])


class MarkedCopyFormat(Assertions):
    """5: a marked copy is in the format its name says, or named after its format."""

    def test_formats(self):
        d = fresh_dir("formats")
        shutil.copyfile(SEED_DOC, os.path.join(d, "word97-named.xlsx"))    # Word 97 named .xlsx
        shutil.copyfile(SEED_DOCX, os.path.join(d, "docx-named.doc"))      # Word 2007 named .doc
        shutil.copyfile(SEED_ODT, os.path.join(d, "plain.odt"))
        marked = fresh_dir("formats-out")
        code, report, _, stderr = run_json("-j", "1", "--marked-copies", marked, d)
        self.assertEqual(code, 0, stderr)
        files = by_name(report)
        self.assertEqual(sorted(os.listdir(marked)), ["docx-named.doc", "plain.odt", "word97-named.xlsx.doc"])
        self.assertEqual(files["word97-named.xlsx"]["marked_copy"], os.path.join(marked, "word97-named.xlsx.doc"))
        ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        for name, magic in (("docx-named.doc", ole), ("word97-named.xlsx.doc", ole), ("plain.odt", b"PK\x03\x04")):
            with open(os.path.join(marked, name), "rb") as f:
                self.assertEqual(f.read(len(magic)), magic, name)
        with zipfile.ZipFile(os.path.join(marked, "plain.odt")) as z:
            self.assertIn(b"office:document-content", z.read("content.xml"))


class CommentsLanguageAndDate(Assertions):
    """6: marks' comments follow --lang and carry the check's date."""

    def comments(self, lang):
        d = fresh_dir("comments-" + lang)
        shutil.copyfile(WARN_ODT, os.path.join(d, "warn.odt"))
        marked = fresh_dir("comments-out-" + lang)
        code, report, _, stderr = run_json("-j", "1", "--lang", lang, "--marked-copies", marked, d)
        self.assertEqual(code, 0, stderr)
        with zipfile.ZipFile(os.path.join(marked, "warn.odt")) as z:
            xml = z.read("content.xml").decode("utf-8")
        notes = re.findall(r"<office:annotation\b.*?</office:annotation>", xml, re.S)
        self.assertTrue(notes)
        return report["files"][0], notes

    def check(self, lang):
        rec, notes = self.comments(lang)
        today = datetime.date.today().isoformat()
        for n in notes:
            date = re.search(r"<dc:date>([^<]*)</dc:date>", n)
            self.assertTrue(date and date.group(1).startswith(today), n[:300])
        text = " ".join(re.sub(r"<[^>]+>", " ", n) for n in notes)
        import html
        text = html.unescape(text)
        warnings = [dg for dg in rec["diagnostics"] if dg["severity"] == "warning"]
        self.assertTrue(warnings)
        for dg in warnings:   # each comment is "[rule] message" in the run's language
            self.assertIn("[%s] %s" % (dg["rule"], dg["messages"][lang]), text)
            other = dg["messages"]["en-US" if lang == "zh-CN" else "zh-CN"]
            self.assertNotIn(other, text)

    def test_zh_cn_default(self):
        self.check("zh-CN")

    def test_en_us(self):
        self.check("en-US")


class TimeoutValues(unittest.TestCase):
    """12: --timeout below 1 s, not finite or not a number is a usage error (exit 2)."""

    def test_rejected(self):
        for v in ("-1", "nan", "inf", "1e-9", "0", "0.5", "abc", "1e9"):
            code, _, stderr = ogi_check("--timeout", v, SEED_ODT)
            self.assertEqual(code, 2, (v, stderr))
            self.assertIn("--timeout", stderr)

    def test_help_says_the_range(self):
        code, stdout, _ = ogi_check("--help")
        self.assertEqual(code, 0)
        self.assertIn("1 to 86400 s", stdout)


class Faults(unittest.TestCase):
    """10, 11: a worker killed while its office starts leaves no office; SIGHUP writes the report;
    folders of killed runs are cleaned at the next start."""

    def test_worker_killed_while_office_starts(self):
        d = fresh_dir("orphan")
        shutil.copyfile(SEED_ODT, os.path.join(d, "a.odt"))
        out = os.path.join(WORK, "orphan.json")
        p = subprocess.Popen([os.path.join(REPO, "ogi-check"), "-j", "1", "--json", out, d], env=env(),
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        victim, profile = None, None
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and victim is None:
            # The office of the first worker has been forked (soffice in its command line) …
            for _, cmd in processes(os.fsencode(STATE)):
                m = re.search(rb"UserInstallation=file://(\S*/run-%d/w0-1/)" % p.pid, cmd)
                if m and b"soffice" in cmd:
                    profile = m.group(1)
            # … and the worker that started it is killed before the office is up.
            if profile:
                for pid, cmd in processes(b"ogicheck.worker"):
                    if os.fsencode(STATE) in cmd and b"/run-%d/w0-1" % p.pid in cmd:
                        victim = pid
            time.sleep(0.02)
        self.assertIsNotNone(victim, "no office start seen")
        os.kill(victim, signal.SIGKILL)   # the office is starting (not connected yet)
        _, err = p.communicate(timeout=400)
        time.sleep(2)
        self.assertEqual(processes(profile), [], "office of the killed worker survived")
        with open(out, encoding="utf-8") as f:
            report = json.load(f)
        self.assertEqual(len(report["files"]), 1)
        self.assertEqual(processes(os.fsencode(STATE)), [])

    def many(self, name, n=3):
        d = fresh_dir(name)
        for i in range(n):
            for f in (SEED_ODT, SEED_DOCX, WARN_ODT, SEED_XLSX):
                shutil.copyfile(f, os.path.join(d, "c%d-%s" % (i, os.path.basename(f))))
        return d

    def test_sighup_like_sigterm(self):
        d = self.many("sighup")
        out = os.path.join(WORK, "sighup.json")
        p = subprocess.Popen([os.path.join(REPO, "ogi-check"), "-q", "-j", "2", "--json", out, d], env=env(),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        first = p.stdout.readline().decode("utf-8")
        self.assertTrue(first.startswith(("✔", "✖")), first)
        p.send_signal(signal.SIGHUP)
        p.communicate(timeout=120)
        self.assertEqual(p.returncode, 130)
        with open(out, encoding="utf-8") as f:
            report = json.load(f)
        self.assertTrue(report["summary"]["interrupted"])
        codes = [f["code"] or f["status"] for f in report["files"]]
        self.assertEqual(len(codes), 12)
        self.assertIn("ok", codes)
        self.assertIn("interrupted", codes)
        self.assertEqual(processes(os.fsencode(STATE)), [])
        self.assertEqual(glob.glob(os.path.join(STATE, "run-*")), [])

    def test_stale_run_folders_cleaned(self):
        d = self.many("sigkill", 2)
        p = subprocess.Popen([os.path.join(REPO, "ogi-check"), "-q", "-j", "2", d], env=env(),
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        p.stdout.readline()
        rundir = os.path.join(STATE, "run-%d" % p.pid)
        self.assertTrue(os.path.isdir(rundir))
        p.send_signal(signal.SIGKILL)
        p.wait()
        self.assertTrue(os.path.isdir(rundir), "the killed run left its folder (what the next run cleans)")
        code, report, _, stderr = run_json("-j", "1", SEED_ODT)
        self.assertEqual(code, 0, stderr)
        self.assertFalse(os.path.exists(rundir))
        self.assertEqual(glob.glob(os.path.join(STATE, "run-*")), [])
        self.assertEqual(processes(os.fsencode(rundir)), [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
