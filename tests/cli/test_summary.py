"""ogi-check --summary / --roster: the roll-up workbook, read back through a real office.

The test makes 2021 reports of a district and its departments through the office (HTML tables laid
out from the engine's template data, stored by Writer as .odt/.docx), runs the real ./ogi-check on
them with --summary, --roster and --marked-copies, then opens the workbook in LibreOffice and reads
its sheets, rows, hyperlinks, colours, autofilters, frozen rows and the chart.

Environment: as test_cli.py (OGI_BUILD_DIR, OGI_OXT, OGI_TYPES_RDB, OGI_FIXTURES, OGI_WORKDIR).
Run with /usr/bin/python3 (python3-uno).
"""
import html
import json
import os
import shutil
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
BUILD = os.path.abspath(os.environ.get("OGI_BUILD_DIR", os.path.join(REPO, "build")))
FIXTURES = os.path.abspath(os.environ.get("OGI_FIXTURES", os.path.join(REPO, "..", "shared", "fixtures")))
WORK = os.path.abspath(os.environ.get("OGI_WORKDIR", os.path.join(BUILD, "tests", "cli", "work-summary")))
STATE = os.path.join(WORK, "state")
OXT = os.path.abspath(os.environ.get("OGI_OXT", os.path.join(BUILD, "ogi-report-checker.oxt")))
RDB = os.path.abspath(os.environ.get("OGI_TYPES_RDB", os.path.join(BUILD, "src", "uno", "ogireportchecker.rdb")))

sys.path.insert(0, os.path.join(REPO, "tools"))

from ogicheck import office  # noqa: E402
from ogicheck.roster import normalize_unit  # noqa: E402
from ogicheck.summary import _load_templates, _placed  # noqa: E402

import uno  # noqa: E402

PARENT, EDU, HEALTH, FIN, CULTURE = "某某区", "某某区教育局", "某某区卫生健康委员会", "某某区财政局", "某某县文化局"
COLS = ["NP", "BIZ", "RES", "NGO", "LAW", "OTH"]


def t3_values(new, carried):
    """A consistent 2021 table three: per applicant column `new` received and handled (予以公开),
    `carried` carried over from last year and carried forward again."""
    v = {}
    for c, n, b in zip(COLS, new, carried):
        v["R1." + c], v["R2." + c], v["R3_1." + c], v["R3_7." + c], v["R4." + c] = n, b, n, n, b
    for k in ("R1", "R2", "R3_1", "R3_7", "R4"):
        v[k + ".TOT"] = sum(v["%s.%s" % (k, c)] for c in COLS)
    return v


def t4_values(review, direct):
    return {"RV_KEEP": review, "RV_TOT": review, "LD_KEEP": direct, "LD_TOT": direct}


def table_html(template, values):
    tmpl = _load_templates()[template]
    rows = {}
    for r, c, rs, cs, cell in _placed(tmpl):
        span = "".join(' %s="%d"' % (a, n) for a, n in (("rowspan", rs), ("colspan", cs)) if n > 1)
        if "k" in cell:
            text = str(values.get(cell["k"], 0))
        else:
            text = cell.get("t") or cell.get("u") or ""
        rows.setdefault(r, []).append("<td%s>%s</td>" % (span, html.escape(text)))
    return '<table border="1">%s</table>' % "".join("<tr>%s</tr>" % "".join(rows[r]) for r in sorted(rows))


def report_html(unit, year, t3, t4):
    return ("<html><head><meta charset='utf-8'></head><body><h1>%s%d年度政府信息公开工作年度报告</h1>"
            "<p>三、收到和处理政府信息公开申请情况</p>%s<p>四、政府信息公开行政复议、行政诉讼情况</p>%s"
            "</body></html>" % (unit, year, table_html("2021-t3", t3), table_html("2021-t4", t4)))


def add(a, b):
    return {k: a.get(k, 0) + b.get(k, 0) for k in set(a) | set(b)}


EDU_T3, EDU_T4 = t3_values([5, 1, 0, 0, 1, 0], [1, 0, 0, 0, 0, 0]), t4_values(1, 2)
HEALTH_T3, HEALTH_T4 = t3_values([7, 0, 1, 0, 0, 2], [0, 1, 0, 0, 0, 0]), t4_values(2, 0)
SUM_T3, SUM_T4 = add(EDU_T3, HEALTH_T3), add(EDU_T4, HEALTH_T4)


def wrong_sum():
    """The district's summary with 本年新收 of natural persons 1 too high (and so its totals)."""
    t3 = t3_values([13, 1, 1, 0, 1, 2], [1, 1, 0, 0, 0, 0])
    return t3


def make_docs():
    """Folders of reports, made through the office: .odt and .docx stored by Writer from HTML."""
    o = office.Office(OXT, os.path.join(WORK, "maker"), install=False)
    made = {}
    docs = {
        "adds-up": [(PARENT + "（全区汇总）-2021", PARENT, SUM_T3, SUM_T4, ".odt"),
                    (EDU + "-2021", EDU, EDU_T3, EDU_T4, ".docx"),
                    (HEALTH + "-2021", HEALTH, HEALTH_T3, HEALTH_T4, ".odt"),
                    (CULTURE + "-2021", CULTURE, dict(EDU_T3, **{"R1.TOT": 8}), EDU_T4, ".odt")],   # N-rule errors
        "differs": [(PARENT + "（全区汇总）-2021", PARENT, wrong_sum(), SUM_T4, ".docx"),
                    (EDU + "-2021", EDU, EDU_T3, EDU_T4, ".odt"),
                    (HEALTH + "-2021", HEALTH, HEALTH_T3, HEALTH_T4, ".odt")],
    }
    assert SUM_T3["R1.TOT"] == 17 and wrong_sum()["R1.TOT"] == 17 + 1
    with o:
        for folder, items in docs.items():
            dest = os.path.join(WORK, folder)
            os.makedirs(dest, exist_ok=True)
            for stem, unit, t3, t4, ext in items:
                src = os.path.join(o.workdir, stem + ".html")
                with open(src, "w", encoding="utf-8") as f:
                    f.write(report_html(unit, 2021, t3, t4))
                os.chmod(src, 0o666)
                doc = o.desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, (
                    office.prop("Hidden", True), office.prop("FilterName", "HTML (StarWriter)")))
                out = os.path.join(o.workdir, stem + ext)
                doc.storeToURL(uno.systemPathToFileUrl(out), (office.prop(
                    "FilterName", "writer8" if ext == ".odt" else "MS Word 2007 XML"),))
                doc.close(True)
                shutil.copyfile(out, os.path.join(dest, stem + ext))
                made.setdefault(folder, []).append(os.path.join(dest, stem + ext))
    # A file that cannot be checked: a failed row.
    open(os.path.join(WORK, "adds-up", "broken.odt"), "wb").close()
    return made


def write_roster(name, lines):
    path = os.path.join(WORK, name)
    with open(path, "w", encoding="utf-8-sig") as f:   # as Excel writes CSV
        f.write("\n".join(lines) + "\n")
    return path


def ogi_check(*args):
    env = dict(os.environ, OGI_BUILD_DIR=BUILD, OGI_CHECK_SKIP_SETUP="1", OGI_CHECK_STATE=STATE,
               OGI_FIXTURES=FIXTURES)
    r = subprocess.run([os.path.join(REPO, "ogi-check"), *args], env=env, capture_output=True, text=True,
                       timeout=900)
    return r.returncode, r.stdout, r.stderr


class Workbook:
    """A workbook opened in the reading office: sheets as lists of rows, plus what UNO tells."""

    def __init__(self, path):
        self.path = path
        self.doc = READER.load(READER.copy_in(path), read_only=True)
        self.sheets = self.doc.Sheets

    def names(self):
        return list(self.sheets.ElementNames)

    def sheet(self, name):
        return self.sheets.getByName(name)

    def rows(self, name):
        sh = self.sheet(name)
        cur = sh.createCursor()
        cur.gotoEndOfUsedArea(False)
        end = cur.RangeAddress
        return [list(r) for r in sh.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow).getDataArray()]

    def formula(self, name, col, row):
        return self.sheet(name).getCellByPosition(col, row).getFormula()

    def color(self, name, col, row):
        return self.sheet(name).getCellByPosition(col, row).CellBackColor

    def autofilter(self, name):
        idx = self.names().index(name)
        ranges = self.doc.getPropertyValue("UnnamedDatabaseRanges")
        if ranges.hasByTable(idx):
            return ranges.getByTable(idx).AutoFilter
        for n in self.doc.DatabaseRanges.ElementNames:   # xlsx import names its filter ranges
            r = self.doc.DatabaseRanges.getByName(n)
            if r.DataArea.Sheet == idx:
                return r.AutoFilter
        return False

    def frozen_rows(self, name):
        ctl = self.doc.getCurrentController()
        ctl.setActiveSheet(self.sheet(name))
        return ctl.getSplitRow() if ctl.hasFrozenPanes() else 0

    def close(self):
        self.doc.close(True)


READER = None


def setUpModule():
    global READER, MADE
    if not os.path.isfile(OXT) or not os.path.isfile(RDB):
        raise AssertionError("the extension is not built (%s): a failure, not a skip" % OXT)
    if os.path.isdir(WORK):
        shutil.rmtree(WORK)
    os.makedirs(WORK)
    MADE = make_docs()
    READER = office.Office(OXT, os.path.join(WORK, "reader"), install=False).start()


def tearDownModule():
    if READER is not None:
        READER.stop()


def written_workbook(path, code, stderr):
    """The workbook ogi-check wrote; when it wrote none, the failure says why (its exit code and
    own message), not just "no such file"."""
    if not os.path.exists(path):
        raise AssertionError("ogi-check wrote no workbook (exit %d):\n%s" % (code, stderr[-3000:]))
    return Workbook(path)


class AddsUp(unittest.TestCase):
    """A district whose 全区汇总 adds up; a unit missing, a unit not on the roster, a broken file."""

    @classmethod
    def setUpClass(cls):
        cls.roster = write_roster("roster.csv", ["单位,上级单位", PARENT, "%s,%s" % (EDU, PARENT),
                                                 "%s,%s" % (HEALTH, PARENT), FIN])
        cls.out = os.path.join(WORK, "adds-up.xlsx")
        cls.json = os.path.join(WORK, "adds-up.json")
        cls.marked = os.path.join(WORK, "marked")
        cls.code, cls.stdout, cls.stderr = ogi_check("-j", "2", "--summary", cls.out, "--roster", cls.roster,
                                                     "--marked-copies", cls.marked, "--json", cls.json,
                                                     os.path.join(WORK, "adds-up"))
        with open(cls.json, encoding="utf-8") as f:
            cls.report = json.load(f)
        cls.wb = written_workbook(cls.out, cls.code, cls.stderr)

    @classmethod
    def tearDownClass(cls):
        cls.wb.close()

    def test_run(self):
        self.assertEqual(self.code, 3, self.stderr)      # broken.odt could not be checked
        self.assertNotIn("已用", self.stderr)              # no progress bar when stderr is no terminal
        self.assertIn("汇总表: " + self.out, self.stdout)
        self.assertIn("名单 4 个单位：3 个已报送，1 个未报送（%s）" % FIN, self.stdout)

    def test_values_in_json(self):
        files = {os.path.basename(f["file"]): f for f in self.report["files"]}
        edu = files[EDU + "-2021.docx"]
        self.assertEqual(edu["year"], 2021)
        t3 = [t for t in edu["tables"] if t["template"] == "2021-t3"][0]
        self.assertEqual((t3["values"]["R1.TOT"], t3["values"]["R1.NP"], t3["values"]["R3_2.NP"]), (7, 5, 0))

    def test_sheets(self):
        self.assertEqual(self.wb.names(), ["汇总", "问题明细", "未报送", "层级核对", "图表"])

    def test_a_row_per_file(self):
        rows = self.wb.rows("汇总")
        head = rows[0]
        self.assertEqual(head[:6], ["文件", "单位", "年度", "格式", "识别的表格", "状态"])
        for col in ("本年新收", "上年结转", "办结 （七）总计", "结转下年度", "行政复议 总计", "行政诉讼 总计", "上年报告",
                    "标记副本", "层级核对", "最严重"):
            self.assertIn(col, head)
        by_file = {r[0]: dict(zip(head, r)) for r in rows[1:]}
        self.assertEqual(sorted(by_file), sorted(os.path.basename(f["file"]) for f in self.report["files"]))
        parent = by_file[PARENT + "（全区汇总）-2021.odt"]
        self.assertEqual((normalize_unit(parent["单位"]), parent["年度"], parent["状态"]), (PARENT, 2021, "正常"))
        self.assertEqual((parent["本年新收"], parent["上年结转"], parent["办结 （七）总计"], parent["结转下年度"],
                          parent["行政复议 总计"], parent["行政诉讼 总计"]), (17, 2, 17, 2, 3, 2))
        self.assertEqual(parent["识别的表格"], "表三、表四（2021）")
        self.assertEqual(parent["层级核对"], "2021 一致")
        broken = by_file["broken.odt"]
        self.assertTrue(broken["状态"].startswith("失败（空文件）"), broken["状态"])
        self.assertEqual(broken["最严重"], "失败")
        for r in rows[1:]:
            rec = [f for f in self.report["files"] if os.path.basename(f["file"]) == r[0]][0]
            self.assertEqual((r[head.index("错误")], r[head.index("警告")], r[head.index("提示")]),
                             (rec["summary"]["errors"], rec["summary"]["warnings"], rec["summary"]["infos"]))

    def test_hyperlinks_to_file_and_marked_copy(self):
        rows = self.wb.rows("汇总")
        head = rows[0]
        for i, r in enumerate(rows[1:], 1):
            f = self.wb.formula("汇总", 0, i)
            self.assertTrue(f.startswith('=HYPERLINK("file://'), f)
            self.assertIn(r[0] + '"', f)
            target = uno.fileUrlToSystemPath(f.split('"')[1])
            self.assertTrue(os.path.isfile(target), target)
            if r[0] != "broken.odt":
                m = self.wb.formula("汇总", head.index("标记副本"), i)
                self.assertEqual(uno.fileUrlToSystemPath(m.split('"')[1]), os.path.join(self.marked, r[0]))
                self.assertTrue(os.path.isfile(os.path.join(self.marked, r[0])))

    def test_header_frozen_autofilter_widths_colours(self):
        for name in ("汇总", "问题明细", "未报送", "层级核对"):
            with self.subTest(sheet=name):
                self.assertTrue(self.wb.autofilter(name))
                self.assertEqual(self.wb.frozen_rows(name), 1)
        sheet = self.wb.sheet("汇总")
        col = sheet.getColumns().getByIndex(0)
        self.assertGreater(col.Width, 2000)           # fitted to the file names, not the default 2.26 cm
        rows = self.wb.rows("汇总")
        worst = rows[0].index("最严重")
        colours = {"失败": 0xFFB3B3, "错误": 0xFFB3B3, "警告": 0xFFE699, "提示": 0xCCE5FF}
        for i, r in enumerate(rows[1:], 1):
            self.assertEqual(self.wb.color("汇总", 3, i), colours.get(r[worst], -1), r)

    def test_a_row_per_finding(self):
        rows = self.wb.rows("问题明细")
        head = rows[0]
        self.assertEqual(head, ["文件", "单位", "表格", "单元格", "键", "规则", "严重程度", "说明", "应为", "实际", "修改建议"])
        expected = sorted((os.path.basename(f["file"]), d["rule"], d["cell"]) for f in self.report["files"]
                          for d in f["diagnostics"])
        self.assertEqual(sorted((r[0], r[5], r[3]) for r in rows[1:]), expected)
        self.assertIn((CULTURE + "-2021.odt", "N-3", "H4"), expected)   # R1.TOT 8 ≠ 5+1+0+0+1+0
        for r in rows[1:]:
            self.assertIn(r[6], ("错误", "警告", "提示"))
            self.assertTrue(r[7])

    def test_roster_sheet(self):
        rows = self.wb.rows("未报送")
        self.assertEqual(rows[0], ["类别", "单位", "上级单位", "年度", "文件", "说明"])
        got = sorted((r[0], r[1]) for r in rows[1:])
        self.assertEqual(got, [("不在名单中", CULTURE), ("未报送", FIN)])
        missing = [r for r in rows[1:] if r[0] == "未报送"][0]
        self.assertEqual((missing[3], missing[5]), (2021, "没有 2021 年度的报告"))
        self.assertEqual(self.report["roster"]["missing"][0]["unit"], FIN)
        self.assertEqual([n["unit"] for n in self.report["roster"]["not_on_roster"]], [CULTURE])

    def test_hierarchy_adds_up(self):
        h = self.report["hierarchy"]
        self.assertEqual(len(h), 1)
        self.assertEqual((h[0]["parent"], h[0]["year"], h[0]["status"], h[0]["findings"]), (PARENT, 2021, "ok", []))
        parent = [f for f in self.report["files"] if f["file"] == h[0]["file"]][0]
        self.assertEqual(h[0]["compared_cells"], sum(len(t["values"]) for t in parent["tables"]))
        self.assertEqual(h[0]["compared_cells"], 7 * 25 + 15)   # every cell of tables three and four
        self.assertEqual([c["unit"] for c in h[0]["children"]], [EDU, HEALTH])
        rows = self.wb.rows("层级核对")
        self.assertEqual(rows[1][:8], [PARENT, 2021, PARENT + "（全区汇总）-2021.odt", 2, 2, h[0]["compared_cells"], 0,
                                       "一致"])

    def test_chart(self):
        sheet = self.wb.sheet("图表")
        rows = self.wb.rows("图表")
        self.assertEqual(rows[0], ["单位", "错误", "警告"])
        keys = [(-r[1], -r[2]) for r in rows[1:]]
        self.assertEqual(keys, sorted(keys), "worst first")
        self.assertEqual(len(rows) - 1, 5)   # four units and broken.odt
        charts = sheet.getCharts()
        self.assertEqual(charts.getCount(), 1)
        chart = charts.getByIndex(0)
        rng = chart.getRanges()[0]
        self.assertEqual((rng.StartColumn, rng.EndColumn, rng.StartRow, rng.EndRow), (0, 2, 0, 5))
        obj = chart.getEmbeddedObject()
        self.assertIn("BarDiagram", obj.getDiagram().getDiagramType())
        data = obj.getData()
        self.assertEqual(list(data.getColumnDescriptions()), ["错误", "警告"])
        self.assertEqual(list(data.getRowDescriptions()), [r[0] for r in rows[1:]])
        self.assertEqual([list(r) for r in data.getData()], [[float(r[1]), float(r[2])] for r in rows[1:]])


class Differs(unittest.TestCase):
    """The district's summary does not add up: an H-1 warning per differing key, naming the children;
    with a child missing from the inputs, H-2 infos and no H-1 (the sum cannot be complete)."""

    @classmethod
    def setUpClass(cls):
        # Names written as people write them: matched after the core's unit normalization.
        cls.roster = write_roster("roster-h.csv", ["%s,%s" % (EDU, "某某区 人民政府"), "%s,%s" % (HEALTH, PARENT),
                                                   "某某区人民政府（本级）"])
        cls.out = os.path.join(WORK, "differs.ods")
        cls.json = os.path.join(WORK, "differs.json")
        cls.code, cls.stdout, cls.stderr = ogi_check("-j", "1", "-q", "--summary", cls.out, "--roster", cls.roster,
                                                     "--json", cls.json, os.path.join(WORK, "differs"))
        with open(cls.json, encoding="utf-8") as f:
            cls.report = json.load(f)
        cls.wb = written_workbook(cls.out, cls.code, cls.stderr)

    @classmethod
    def tearDownClass(cls):
        cls.wb.close()

    def test_h1_per_differing_key(self):
        self.assertIn(self.code, (0, 1), self.stderr)
        h = self.report["hierarchy"]
        self.assertEqual([(e["parent"], e["status"]) for e in h], [("某某区人民政府（本级）", "differs")])
        got = {(f["rule"], f["severity"], f["key"], f["expected"], f["actual"]) for f in h[0]["findings"]}
        want = {("H-1", "warning", k, str(SUM_T3[k]), str(wrong_sum()[k])) for k in SUM_T3
                if SUM_T3[k] != wrong_sum()[k]}
        self.assertEqual(got, want)
        self.assertIn(("H-1", "warning", "R1.NP", "12", "13"), got)
        f = [f for f in h[0]["findings"] if f["key"] == "R1.NP"][0]
        self.assertEqual([(c["unit"], c["value"]) for c in f["children"]], [(EDU, "5"), (HEALTH, "7")])
        self.assertIn(EDU + " 5", f["message"])
        self.assertIn(HEALTH + " 7", f["message"])
        self.assertIn("层级核对 某某区人民政府（本级） 2021：%d 个单元格与下级单位合计不一致（H-1）" % len(want), self.stdout)
        self.assertEqual(self.report["roster"]["missing"], [])

    def test_workbook_lists_them(self):
        self.assertEqual(self.wb.names(), ["汇总", "问题明细", "未报送", "层级核对", "图表"])
        rows = self.wb.rows("问题明细")
        h1 = [r for r in rows[1:] if r[5] == "H-1"]
        self.assertEqual(len(h1), len([f for f in self.report["hierarchy"][0]["findings"]]))
        r = [r for r in h1 if r[4] == "R1.NP"][0]
        self.assertEqual((r[0], r[1], r[6], r[8], r[9]), (PARENT + "（全区汇总）-2021.docx", "某某区人民政府（本级）", "警告",
                                                          "12", "13"))
        self.assertTrue(r[2].startswith("表三 收到和处理政府信息公开申请情况（2021）"), r[2])
        self.assertIn(EDU, r[7])
        summary = self.wb.rows("汇总")
        i = [r[0] for r in summary].index(PARENT + "（全区汇总）-2021.docx")
        self.assertEqual(summary[i][summary[0].index("警告")], 0)                # its own check is clean …
        self.assertEqual(summary[i][summary[0].index("层级核对")], "2021 不一致")
        self.assertEqual(summary[i][summary[0].index("最严重")], "警告")          # … its sums are not
        self.assertEqual(self.wb.color("汇总", 0, i), 0xFFE699)
        hrows = self.wb.rows("层级核对")
        self.assertEqual(hrows[1][7], "不一致")
        self.assertEqual(self.wb.color("层级核对", 0, 1), 0xFFE699)
        self.assertEqual(self.wb.rows("未报送"), [["类别", "单位", "上级单位", "年度", "文件", "说明"]])

    def test_missing_child_is_h2_info(self):
        roster = write_roster("roster-h2.csv", ["%s,%s" % (EDU, PARENT), "%s,%s" % (HEALTH, PARENT),
                                                "%s,%s" % (FIN, PARENT)])
        out = os.path.join(WORK, "incomplete.json")
        code, stdout, stderr = ogi_check("-j", "1", "-q", "--progress", "always", "--roster", roster, "--json", out,
                                         os.path.join(WORK, "differs"))
        # The progress bar (forced: stderr is no terminal here): files done / total, errors, times.
        self.assertIn("] 3/3  错误 0  已用 ", stderr)
        self.assertIn("剩余约 0:00", stderr)
        with open(out, encoding="utf-8") as f:
            rep = json.load(f)
        h = rep["hierarchy"]
        self.assertEqual([(e["parent"], e["status"]) for e in h], [(PARENT, "incomplete")])
        self.assertEqual([(f["rule"], f["severity"]) for f in h[0]["findings"]], [("H-2", "info")])
        self.assertIn(FIN, h[0]["findings"][0]["message"])
        self.assertEqual([m["unit"] for m in rep["roster"]["missing"]], [FIN])


class RosterFile(unittest.TestCase):
    """The roster as offices save it (no office needed)."""

    def test_gb18030_header_and_parents(self):
        from ogicheck import roster
        path = os.path.join(WORK, "roster-gbk.csv")
        with open(path, "w", encoding="gb18030") as f:
            f.write("单位名称,上级单位\n\n%s,%s\n# 注释\n%s\n" % (EDU, PARENT, FIN))
        self.assertEqual([(e["unit"], e["parent"], e["line"]) for e in roster.read_roster(path)],
                         [(EDU, PARENT, 3), (FIN, None, 5)])

    def test_normalization_as_the_core(self):
        from ogicheck.roster import normalize_unit
        # The cases of the core's normalizeUnit() documentation (src/core/include/ogi/CrossYear.h).
        self.assertEqual(normalize_unit("某某区 人民政府（全区汇总）"), "某某区")
        self.assertEqual(normalize_unit("某某市人民政府办公厅"), "某某市人民政府办公厅")
        self.assertEqual(normalize_unit("“某某县”文化局【本级】"), "某某县文化局")
        self.assertEqual(normalize_unit("ＡＢＣ区\u3000教育局"), "ABC区教育局")


class Usage(unittest.TestCase):
    def test_bad_arguments_exit_2(self):
        seed = os.path.join(FIXTURES, "seed000-jiangsu-2017-old.odt")
        code, _, err = ogi_check("--summary", os.path.join(WORK, "x.csv"), seed)
        self.assertEqual(code, 2)
        self.assertIn(".xlsx or .ods", err)
        code, _, err = ogi_check("--roster", os.path.join(WORK, "no-such.csv"), seed)
        self.assertEqual(code, 2)
        self.assertIn("--roster", err)
        dup = write_roster("dup.csv", [EDU, " " + EDU.replace("区", "区 ")])
        code, _, err = ogi_check("--roster", dup, seed)
        self.assertEqual(code, 2)
        self.assertIn("already on the roster", err)


if __name__ == "__main__":
    unittest.main(verbosity=2)
