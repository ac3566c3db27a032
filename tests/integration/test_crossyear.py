"""Integration tests: checking a report against last year's report (issue 13, rules Y-1…Y-5) in
a real headless LibreOffice with the extension.

The reports are made here through the office (tests/cli/crossyear_docs.py: the extension's
插入年报框架, a title, values written into table three by template key): 某某区's 2021 report
carries 3 applications forward (结转下年度 R4.NP = 3), the 2022 report says 2 were carried over
(上年结转 R2.NP = 2) — a Y-1 warning that quotes last year's value.
Environment: see test_extension.py.
"""
import json
import os
import shutil
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
sys.path.insert(0, os.path.join(HERE, "..", "cli"))

import uno  # noqa: E402

from crossyear_docs import balanced_t3, make_report  # noqa: E402
from docstate import writer_comments  # noqa: E402
from ogicheck.office import prop  # noqa: E402
from suite import PROTOCOL, WORKDIR, ModuleOffice, close_quietly  # noqa: E402

office = ModuleOffice(OGI_UI_LANG="zh-CN")
setUpModule, tearDownModule = office.start, office.stop

T2021 = "某某区2021年度政府信息公开工作年度报告"
T2022 = "某某区2022年度政府信息公开工作年度报告"
QUOTE = "上年报告（%s）结转下年度为 3，本年上年结转为 2（自然人）。" % T2021
PREVIOUS_PROPERTY = "OgiReportCheckerPrevious"
SNAPSHOT_PROPERTY = "OgiReportCheckerPreviousSnapshot"


def folder(name):
    d = os.path.join(WORKDIR, "reports", name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    os.chmod(d, 0o777)
    return d


def last_year(path, title=T2021):
    return make_report(office, path, title, balanced_t3(new=10, carried_in=1, carried_out=3))


def this_year(path, carried_in=2, title=T2022):
    return make_report(office, path, title, balanced_t3(new=8, carried_in=carried_in, carried_out=1))


class CrossYearTest(unittest.TestCase):
    maxDiff = None

    def load(self, path):
        doc = office.load(path)
        self.addCleanup(close_quietly, doc)
        return doc

    def check(self, doc):
        result = office.dispatch(doc, PROTOCOL + "Check")
        self.assertEqual(result.State, 1, result.Result)
        return result.Result, json.loads(office.checker().getLastReport(doc))

    @staticmethod
    def y1(report):
        return [d for d in report["diagnostics"] if d["rule"] == "Y-1"]

    def test_two_reports_in_one_folder_are_paired(self):
        d = folder("pair")
        prev = last_year(os.path.join(d, "某某区2021年报.odt"))
        make_report(office, os.path.join(d, "某某县2021年报.odt"), "某某县2021年度政府信息公开工作年度报告",
                    balanced_t3(10, 1, 2))                        # another unit: never a candidate
        cur = this_year(os.path.join(d, "某某区2022年报.odt"))
        doc = self.load(cur)
        text, report = self.check(doc)
        self.assertEqual(report["unit"], "某某区")
        self.assertEqual(report["previous"]["path"], prev)
        self.assertEqual(report["previous"]["source"], "folder")
        self.assertEqual(report["previous"]["year"], 2021)
        self.assertIn("上年报告：%s（某某区2021年报.odt）" % T2021, text)      # the infobar says which
        y1 = self.y1(report)
        self.assertEqual([(x["key"], x["severity"], x["expected"], x["actual"]) for x in y1],
                         [("R2.NP", "warning", "3", "2"), ("R2.TOT", "warning", "3", "2")])
        self.assertEqual(y1[0]["message"], QUOTE)
        # the comment on this year's 上年结转 cell shows last year's 结转下年度
        comments = {c["cell"]: c["content"] for c in writer_comments(doc)}
        self.assertIn(QUOTE, comments[(y1[0]["host_table"], y1[0]["cell"])])
        # the issue list's service view: check() gives the same finding
        self.assertIn(("Y-1", "R2.NP"), [(x.Rule, x.Cell.Key) for x in office.checker().check(doc)])

    def test_holding_and_unrelated(self):
        d = folder("holds")
        last_year(os.path.join(d, "a-2021.odt"))
        doc = self.load(this_year(os.path.join(d, "b-2022.odt"), carried_in=3))
        _, report = self.check(doc)
        self.assertIsNotNone(report["previous"])
        self.assertEqual(self.y1(report), [])
        # 2024 has no 2023 report beside it: no cross-year check at all
        doc24 = self.load(this_year(os.path.join(d, "c-2024.odt"), title="某某区2024年度政府信息公开工作年度报告"))
        _, report24 = self.check(doc24)
        self.assertIsNone(report24["previous"])

    def test_report_added_or_removed_later_is_seen_by_the_next_check(self):
        """The folder is listed again when it changed: last year's report put beside this year's
        after a first check is used by the next one; once it is gone, it is not."""
        d = folder("later")
        doc = self.load(this_year(os.path.join(d, "某某区2022年报.odt")))
        _, report = self.check(doc)
        self.assertIsNone(report["previous"])
        prev = last_year(os.path.join(d, "某某区2021年报.odt"))
        _, report = self.check(doc)
        self.assertEqual((report["previous"] or {}).get("path"), prev)
        self.assertEqual(len(self.y1(report)), 2)
        os.remove(prev)
        _, report = self.check(doc)
        self.assertIsNone(report["previous"])
        self.assertEqual(self.y1(report), [])

    def test_two_candidates_are_not_guessed(self):
        d = folder("two")
        last_year(os.path.join(d, "某某区2021.odt"))
        last_year(os.path.join(d, "某某区2021-修订.docx"))
        doc = self.load(this_year(os.path.join(d, "某某区2022.odt")))
        text, report = self.check(doc)
        self.assertIsNone(report["previous"])
        self.assertEqual(self.y1(report), [])
        self.assertIn("同一文件夹中有 2 份可能的上年报告（某某区2021-修订.docx、某某区2021.odt）", text)

    def test_chosen_report_is_remembered_and_its_snapshot_used_when_moved(self):
        for ext in (".odt", ".docx"):
            with self.subTest(format=ext):
                elsewhere = folder("chosen-prev" + ext)
                prev = last_year(os.path.join(elsewhere, "上年" + ext))
                d = folder("chosen" + ext)
                path = this_year(os.path.join(d, "本年" + ext))
                doc = office.load(path)
                try:
                    _, before = self.check(doc)
                    self.assertIsNone(before["previous"])          # another folder: not found by itself
                    result = office.dispatch(doc, PROTOCOL + "ChoosePrevious",
                                             (prop("URL", uno.systemPathToFileUrl(prev)),))
                    self.assertEqual(result.State, 1, result.Result)
                    self.assertIn("上年报告：%s（上年%s）" % (T2021, ext), result.Result)
                    user = doc.DocumentProperties.UserDefinedProperties
                    self.assertEqual(user.getPropertyValue(PREVIOUS_PROPERTY), uno.systemPathToFileUrl(prev))
                    snap = json.loads(user.getPropertyValue(SNAPSHOT_PROPERTY))
                    self.assertEqual((snap["unit"], snap["year"]), ("某某区", 2021))
                    self.assertEqual(snap["tables"]["2021-t3"]["R4.NP"], "3")
                    doc.store()
                finally:
                    doc.close(True)
                doc = office.load(path)                            # after store and reload
                try:
                    _, report = self.check(doc)
                    self.assertEqual(report["previous"]["source"], "chosen")
                    self.assertEqual(self.y1(report)[0]["message"], QUOTE)
                finally:
                    doc.close(True)
                os.rename(prev, prev + ".moved")                   # the file is not at hand any more
                doc = office.load(path)
                try:
                    text, report = self.check(doc)
                    self.assertEqual(report["previous"]["source"], "stored")
                    self.assertEqual(self.y1(report)[0]["message"], QUOTE)
                    self.assertIn("不在原处，使用文档中保存的上年数据", text)
                finally:
                    doc.close(True)

    def test_choose_refuses_what_cannot_serve(self):
        d = folder("refuse")
        cur = this_year(os.path.join(d, "本年.odt"))
        blank = os.path.join(d, "空白.odt")
        empty = office.desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0, (prop("Hidden", True),))
        empty.storeToURL(uno.systemPathToFileUrl(blank), (prop("FilterName", "writer8"),))
        empty.close(True)
        doc = self.load(cur)
        result = office.dispatch(doc, PROTOCOL + "ChoosePrevious", (prop("URL", uno.systemPathToFileUrl(blank)),))
        self.assertEqual(result.State, 0)
        self.assertIn("不能以“空白.odt”作为上年报告：其中没有年报统计表格", result.Result)
        self.assertFalse(doc.DocumentProperties.UserDefinedProperties.getPropertySetInfo()
                         .hasPropertyByName(PREVIOUS_PROPERTY))

    def test_service_check_against_and_snapshot(self):
        d = folder("service")
        prev = self.load(last_year(os.path.join(d, "x.odt")))
        cur = self.load(this_year(os.path.join(d, "y.odt"), title="2022年某某区人民政府政府信息公开工作年度报告"))
        checker = office.checker()
        found = [(x.Rule, x.Cell.Key, x.Expected, x.Actual) for x in checker.checkAgainst(cur, prev)
                 if x.Rule == "Y-1"]
        self.assertEqual(found, [("Y-1", "R2.NP", "3", "2"), ("Y-1", "R2.TOT", "3", "2")])
        self.assertEqual(json.loads(checker.getLastReport(cur))["previous"]["source"], "given")
        snap = json.loads(checker.getSnapshot(cur))
        self.assertEqual((snap["unit"], snap["unit_key"], snap["year"]), ("某某区人民政府", "某某区", 2022))
        checker.usePrevious(cur, "")                                  # off for this document
        self.assertNotIn("Y-1", [x.Rule for x in checker.check(cur)])
        checker.usePrevious(cur, checker.getSnapshot(prev))
        self.assertIn("Y-1", [x.Rule for x in checker.check(cur)])
        checker.usePrevious(cur, "auto")                              # back to the folder search
        self.assertEqual(json.loads(checker.checkToJson(cur))["previous"]["source"], "folder")
        with self.assertRaises(Exception):
            checker.usePrevious(cur, "{not json")


if __name__ == "__main__":
    unittest.main(verbosity=2)
