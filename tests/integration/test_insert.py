"""Integration tests: inserting the national templates and the 2021 skeleton (InsertTemplate,
InsertSkeleton) in a real headless LibreOffice.

For every template: insert it into an empty Calc document, fill the value cells that hold no
formula with consistent numbers, check that the formulas computed every total (each "eq"
rule of rules.json holds on the computed values), save as .ods, reload and check: exactly that
template, no diagnostic. The same numbers are then written into the template inserted into an
empty Writer document (no formulas there), saved as .odt, reloaded: same result. One wrong
total then gives exactly the findings of the rules on that total.

Environment: see test_extension.py (OGI_OXT, OGI_WORKDIR, URE_MORE_TYPES).
"""
import fnmatch
import json
import os
import sys
import unittest

import uno
import unohelper
from com.sun.star.frame import XStatusListener

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))

from ogicheck.office import prop  # noqa: E402
from suite import PROTOCOL, ModuleOffice, close_quietly  # noqa: E402

SOURCE = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TEMPLATE_DIR = os.path.join(SOURCE, "src", "core", "data", "templates")
RULES = os.path.join(SOURCE, "src", "core", "data", "rules.json")
TEMPLATES = ["old", "old-b0", "2019-t2", "2019-t3", "2019-t4", "2021-t2", "2021-t3", "2021-t4"]
CALC_ROW0 = 2  # the inserted sheet: title in row 1, empty row 2, the table from row 3

SIX_HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
FIVE_SUBHEADINGS = ["（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设", "（五）监督保障"]

# One wrong total (template family -> key made 1 larger) and the findings it must give,
# as (rule, key of the marked cell). t2 has no totals.
WRONG_TOTAL = {
    "old": ("B22", {("B-1", "B22")}),
    "t3": ("R1.TOT", {("N-3", "R1.TOT"), ("N-1", "R1.TOT")}),   # both on the cause (suggestion)
    "t4": ("RV_TOT", {("L-1", "RV_TOT")}),
}

office = ModuleOffice()
# The undo steps are named after the commands, in the UI language (the module's office: en-US;
# strings_*.properties UndoInsertTemplate / UndoInsertSkeleton: 插入模板 / 插入年报框架 in zh-CN).
UNDO_INSERT_TEMPLATE = "Insert Template"
UNDO_INSERT_SKELETON = "Insert Skeleton"
setUpModule, tearDownModule = office.start, office.stop


def family(tid):
    return "old" if tid.startswith("old") else tid.split("-")[1]


def template_layout(tid):
    """The template's value cells, placed like the engine does (HTML-like row filling):
    key -> (row, col, type)."""
    with open(os.path.join(TEMPLATE_DIR, tid + ".json"), encoding="utf-8") as f:
        d = json.load(f)
    column_keys = d.get("columnKeys", [])
    default_type = d.get("valueType", "int")
    occupied = set()
    keys = {}
    for r, row in enumerate(d["rows"]):
        c = 0
        for cell in row:
            expanded = [cell]
            if "k" in cell and cell["k"].endswith(".*"):
                expanded = [dict(cell, k=cell["k"][:-2] + "." + ck) for ck in column_keys]
            for e in expanded:
                while (r, c) in occupied:
                    c += 1
                rs, cs = e.get("rs", 1), e.get("cs", 1)
                for i in range(rs):
                    for j in range(cs):
                        occupied.add((r + i, c + j))
                if "k" in e:
                    keys[e["k"]] = (r, c, e.get("type", default_type))
                c += cs
    return keys


def applies(rule, tid):
    """Whether a declaration selects template `tid`: by format/family ("tables": ["*/t3"],
    issue 10.4) or by template id pattern ("templates")."""
    with open(os.path.join(TEMPLATE_DIR, tid + ".json"), encoding="utf-8") as f:
        d = json.load(f)
    for sel in rule.get("tables", []):
        fmt, fam = ("*", "*") if sel == "*" else sel.split("/")
        if fmt in ("*", d["version"]) and fam in ("*", d["family"]):
            return True
    return any(fnmatch.fnmatch(tid, p) for p in rule.get("templates", []))


def eq_rules(tid, keys):
    """(rule, lhs keys, rhs keys) of every "eq" rule of rules.json that applies to `tid`."""
    with open(RULES, encoding="utf-8") as f:
        rules = json.load(f)["rules"]
    out = []
    for r in rules:
        if r.get("kind") != "eq" or not applies(r, tid):
            continue
        each = r.get("each", {})
        name, values = next(iter(each.items())) if each else (None, [None])
        for v in values:
            sub = (lambda k: k.replace("{%s}" % name, v)) if name else (lambda k: k)
            lhs = [sub(k) for k in r["lhs"] if sub(k) in keys]
            rhs = [sub(k) for k in r["rhs"] if sub(k) in keys]
            if lhs and rhs:
                out.append((r["id"], lhs, rhs))
    return out


def base_values(tid, keys):
    """Consistent values for the cells that are not totals (totals come from the formulas)."""
    fam = family(tid)
    values = {}
    for key, (_, _, vtype) in keys.items():
        if vtype == "heading":
            continue
        values[key] = {"dec": 1.5, "signed": "+1", "amount": 100}.get(vtype, 1)
    if fam == "t3":
        results = [k for k in keys if k.startswith("R3_") and not k.startswith("R3_7.") and k.endswith(".NP")]
        for col in ("NP", "BIZ", "RES", "NGO", "LAW", "OTH"):
            values["R1." + col] = len(results)  # 一 + 二 = （七）总计 + 四: n + 1 = n + 1
    if fam == "old":
        # 答复数 B30 = 13 (7 items + B34 = 6) = 办结数 B27 = B28 + B29 ≤ 收到 B22 = 13.
        values.update({"B23": 10, "B28": 6, "B29": 7, "B02": 2, "B03": 1, "B04": 1})
    return values


class StatusRecorder(unohelper.Base, XStatusListener):
    """Records the FeatureStateEvents a dispatch sends to its status listeners."""

    def __init__(self):
        self.events = []

    def statusChanged(self, event):
        self.events.append(event)

    def disposing(self, source):
        pass


class InsertTest(unittest.TestCase):
    maxDiff = None

    def new_doc(self, kind):
        doc = office.desktop.loadComponentFromURL("private:factory/" + kind, "_blank", 0, (prop("Hidden", True),))
        self.addCleanup(close_quietly, doc)
        return doc

    def reload(self, doc, name):
        path = os.path.join(office.workdir, "docs", name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        os.chmod(os.path.dirname(path), 0o777)
        doc.storeAsURL(uno.systemPathToFileUrl(path), ())
        again = office.load(path)
        self.addCleanup(close_quietly, again)
        return again

    def insert(self, doc, tid):
        result = office.dispatch(doc, PROTOCOL + "InsertTemplate?Template=" + tid)
        self.assertEqual(result.State, 1, result.Result)  # DispatchResultState.SUCCESS
        return result

    def assert_clean(self, doc, tid):
        checker = office.checker()
        report = json.loads(checker.checkToJson(doc))
        self.assertEqual([t["template"] for t in report["tables"]], [tid])
        self.assertEqual([(d["rule"], d.get("key"), d["message"]) for d in report["diagnostics"]], [])

    def findings(self, doc):
        return {(d.Rule, d.Cell.Key) for d in office.checker().check(doc)}

    # --------------------------------------------------------------------------- Calc
    def fill_calc(self, doc, tid):
        """Inserts `tid` into `doc`, fills it; returns (sheet, key -> cell text)."""
        self.insert(doc, tid)
        sheet = doc.CurrentController.ActiveSheet
        keys = template_layout(tid)
        for key, value in base_values(tid, keys).items():
            r, c, _ = keys[key]
            cell = sheet.getCellByPosition(c, CALC_ROW0 + r)
            if cell.getFormula().startswith("="):
                continue
            if isinstance(value, str):
                cell.setString(value)
            else:
                cell.setValue(value)
        doc.calculateAll()
        texts = {key: sheet.getCellByPosition(c, CALC_ROW0 + r).getString() for key, (r, c, _) in keys.items()}
        return sheet, texts

    def test_calc_templates(self):
        for tid in TEMPLATES:
            with self.subTest(template=tid):
                doc = self.new_doc("scalc")
                sheet, texts = self.fill_calc(doc, tid)
                keys = template_layout(tid)
                # Every total is a live formula: the sums hold on the computed values, and
                # changing a part changes its total.
                for rule, lhs, rhs in eq_rules(tid, keys):
                    value = lambda k: sheet.getCellByPosition(keys[k][1], CALC_ROW0 + keys[k][0]).getValue()
                    self.assertEqual(sum(map(value, lhs)), sum(map(value, rhs)), "%s %s = %s" % (rule, lhs, rhs))
                formulas = [k for k, (r, c, _) in keys.items()
                            if sheet.getCellByPosition(c, CALC_ROW0 + r).getFormula().startswith("=")]
                if family(tid) != "t2":
                    self.assertTrue(formulas, "no formula in " + tid)
                again = self.reload(doc, "insert-%s.ods" % tid)
                self.assert_clean(again, tid if tid != "2019-t4" else "2021-t4")  # t4: same table in 2019 and 2021
                if family(tid) in WRONG_TOTAL:
                    key, want = WRONG_TOTAL[family(tid)]
                    r, c, _ = keys[key]
                    cell = again.Sheets.getByName(sheet.Name).getCellByPosition(c, CALC_ROW0 + r)
                    cell.setValue(cell.getValue() + 1)
                    again.calculateAll()
                    self.assertEqual(self.findings(again), want)

    def test_calc_formula_follows_parts(self):
        doc = self.new_doc("scalc")
        sheet, _ = self.fill_calc(doc, "2021-t3")
        keys = template_layout("2021-t3")
        cell = lambda k: sheet.getCellByPosition(keys[k][1], CALC_ROW0 + keys[k][0])
        row = sum(cell("R1." + c).getValue() for c in ("NP", "BIZ", "RES", "NGO", "LAW", "OTH"))
        self.assertEqual(cell("R1.TOT").getValue(), row)
        cell("R3_2.BIZ").setValue(5)
        doc.calculateAll()
        self.assertEqual(cell("R3_2.TOT").getValue(), 10)       # 1 * 5 + 5
        self.assertEqual(cell("R3_7.BIZ").getValue(), 20 + 5)   # 20 other results of 1, plus 5
        self.assertTrue(cell("R3_7.TOT").getFormula().upper().startswith("=SUM("))
        # Sheet named after the table, header merged.
        self.assertEqual(sheet.Name, "收到和处理政府信息公开申请情况")
        self.assertTrue(sheet.getCellRangeByName("A3:C5").getIsMerged())

    # ------------------------------------------------------------------------- Writer
    def test_writer_templates(self):
        for tid in TEMPLATES:
            with self.subTest(template=tid):
                calc = self.new_doc("scalc")
                _, texts = self.fill_calc(calc, tid)
                doc = self.new_doc("swriter")
                self.insert(doc, tid)
                self.assertEqual(doc.TextTables.Count, 1)
                table = doc.TextTables.getByIndex(0)
                # Header cells are styled as headers; the table has borders.
                self.assertTrue(table.TableBorder2.IsTopLineValid)
                self.assertGreater(table.TableBorder2.TopLine.LineWidth, 0)
                # Blank template: recognized, no error (blanks are warnings).
                report = json.loads(office.checker().checkToJson(doc))
                want = tid if tid != "2019-t4" else "2021-t4"
                self.assertEqual([t["template"] for t in report["tables"]], [want])
                self.assertEqual([d["rule"] for d in report["diagnostics"] if d["severity"] == "error"], [])
                # Fill through the S-3 finding of the blank table: one for the table (issue 9.6),
                # on its first value cell, naming every value cell's key and Writer address.
                blanks = [d for d in office.checker().check(doc) if d.Rule == "S-3"]
                self.assertEqual(len(blanks), 1)
                self.assertEqual(blanks[0].Cell.Key, blanks[0].Related[0].Key)
                addresses = {c.Key: c.Address for c in blanks[0].Related}
                for key, text in texts.items():
                    if template_layout(tid)[key][2] == "heading":
                        continue
                    self.assertIn(key, addresses)
                    table.getCellByName(addresses[key]).setString(text)
                again = self.reload(doc, "insert-%s.odt" % tid)
                self.assert_clean(again, want)
                if family(tid) in WRONG_TOTAL:
                    key, expected = WRONG_TOTAL[family(tid)]
                    cell = again.TextTables.getByIndex(0).getCellByName(addresses[key])
                    cell.setString(str(int(float(texts[key])) + 1))
                    self.assertEqual(self.findings(again), expected)

    def test_writer_header_style_and_undo(self):
        doc = self.new_doc("swriter")
        doc.Text.setString("前文")
        self.insert(doc, "2021-t3")
        table = doc.TextTables.getByIndex(0)
        self.assertEqual(table.Name, "表三_依申请公开_2021")
        self.assertTrue(table.RepeatHeadline)
        self.assertEqual(table.HeaderRowCount, 3)
        a1 = table.getCellByName("A1")
        self.assertEqual(a1.String, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
        self.assertEqual(a1.RowSpan, 3)
        self.assertNotEqual(a1.BackColor, -1)
        cur = a1.createTextCursor()
        self.assertEqual(cur.CharWeightAsian, 150.0)
        # Names after the merges: row 1 has two boxes (A1 over 3x3, B1 申请人情况).
        self.assertEqual(table.getCellByName("B1").String, "申请人情况")
        self.assertEqual(table.getCellByName("B2").String, "自然人")
        self.assertEqual(len(table.CellNames), 215)
        # One undo step removes the table.
        um = doc.UndoManager
        self.assertEqual(um.getCurrentUndoActionTitle(), UNDO_INSERT_TEMPLATE)
        um.undo()
        self.assertEqual(doc.TextTables.Count, 0)
        self.assertEqual(doc.Text.String, "前文")

    def test_unknown_template_inserts_nothing(self):
        for kind in ("swriter", "scalc"):
            doc = self.new_doc(kind)
            result = office.dispatch(doc, PROTOCOL + "InsertTemplate?Template=2030-t9")
            self.assertEqual(result.State, 0)  # FAILURE
            self.assertIn("2030-t9", result.Result)
            if kind == "swriter":
                self.assertEqual(doc.TextTables.Count, 0)
            else:
                self.assertEqual(doc.Sheets.Count, 1)
            self.assertFalse(doc.UndoManager.isUndoPossible())

    def test_toolbar_dropdown_lists_every_template_and_inserts_the_chosen_one(self):
        """The toolbar's 插入模板 drop-down (Addons.xcu ControlType DropdownButton) as the
        office drives it: it listens to the dispatch of …:InsertTemplate and gets the list
        (ControlCommand SetList); a chosen entry is dispatched back as the argument Text."""
        doc = self.new_doc("swriter")
        url = uno.createUnoStruct("com.sun.star.util.URL")
        url.Complete = PROTOCOL + "InsertTemplate"
        _, url = office.create("com.sun.star.util.URLTransformer").parseStrict(url)
        dispatch = doc.CurrentController.Frame.queryDispatch(url, "_self", 0)
        self.assertIsNotNone(dispatch)
        listener = StatusRecorder()
        dispatch.addStatusListener(listener, url)
        commands = [e.State for e in listener.events if hasattr(e.State, "Command")]  # frame.ControlCommand
        self.assertEqual([c.Command for c in commands], ["SetList"])
        entries = list(dict((a.Name, a.Value) for a in commands[0].Arguments)["List"])
        order = ["2021-t2", "2021-t3", "2021-t4", "2019-t2", "2019-t3", "2019-t4", "old", "old-b0"]
        self.assertEqual(len(entries), len(order))
        for entry, tid in zip(entries, order):
            with open(os.path.join(TEMPLATE_DIR, tid + ".json"), encoding="utf-8") as f:
                title = json.load(f)["title"]
            self.assertTrue(title["zh-CN"] in entry or title["en-US"] in entry, (entry, tid))
            if not tid.startswith("old"):
                self.assertIn(tid.split("-")[0], entry)
        # Choosing the 2019 table three inserts exactly that template.
        result = office.dispatch(doc, PROTOCOL + "InsertTemplate", (prop("Text", entries[4]),))
        self.assertEqual(result.State, 1, result.Result)
        report = json.loads(office.checker().checkToJson(doc))
        self.assertEqual([t["template"] for t in report["tables"]], ["2019-t3"])
        # A text that names no template inserts nothing.
        result = office.dispatch(doc, PROTOCOL + "InsertTemplate", (prop("Text", "表五"),))
        self.assertEqual(result.State, 0)
        self.assertEqual(doc.TextTables.Count, 1)
        # The installed toolbar configuration has the drop-down (and no button per 2021 table).
        provider = office.create("com.sun.star.configuration.ConfigurationProvider")
        bar = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess",
            (prop("nodepath", "/org.openoffice.Office.Addons/AddonUI/OfficeToolBar/org.ogi.reportchecker.toolbar"),))
        items = {bar.getByName(n).URL: bar.getByName(n) for n in bar.ElementNames}
        self.assertEqual(items[PROTOCOL + "InsertTemplate"].ControlType, "DropdownButton")
        self.assertNotIn(PROTOCOL + "InsertTemplate?Template=2021-t3", items)
        self.assertIsNotNone(doc.CurrentController.Frame.LayoutManager.getElement(
            "private:resource/toolbar/addon_org.ogi.reportchecker.toolbar"))

    # ----------------------------------------------------------------------- skeleton
    def test_writer_skeleton(self):
        doc = self.new_doc("swriter")
        result = office.dispatch(doc, PROTOCOL + "InsertSkeleton")
        self.assertEqual(result.State, 1, result.Result)
        self.assertEqual(doc.UndoManager.getCurrentUndoActionTitle(), UNDO_INSERT_SKELETON)
        again = self.reload(doc, "skeleton.odt")
        blocks = []
        en = again.Text.createEnumeration()
        while en.hasMoreElements():
            el = en.nextElement()
            if el.supportsService("com.sun.star.text.TextTable"):
                blocks.append(("table", el.Name))
            elif el.String:
                blocks.append((el.OutlineLevel, el.String))
        level1 = [t for lvl, t in blocks if lvl == 1]
        level2 = [t for lvl, t in blocks if lvl == 2]
        self.assertEqual(level1, SIX_HEADINGS)
        self.assertEqual(level2, FIVE_SUBHEADINGS)
        heading_styles = set()
        en = again.Text.createEnumeration()
        while en.hasMoreElements():
            el = en.nextElement()
            if el.supportsService("com.sun.star.text.Paragraph") and el.String in SIX_HEADINGS:
                heading_styles.add(el.ParaStyleName)
        self.assertEqual(heading_styles, {"Heading 1"})
        # The tables right under 二, 三, 四.
        for heading, prefix in zip(SIX_HEADINGS[1:4], ("表二", "表三", "表四")):
            i = blocks.index((1, heading))
            self.assertEqual(blocks[i + 1][0], "table")
            self.assertTrue(blocks[i + 1][1].startswith(prefix), blocks[i + 1])
        text = "\n".join(t for lvl, t in blocks if lvl == 0)
        self.assertIn("信息处理费", text)
        self.assertIn("上年度问题整改情况", text)
        placeholders_after_six = [t for lvl, t in blocks[blocks.index((1, SIX_HEADINGS[5])):] if lvl == 0]
        self.assertTrue(any("信息处理费" in t for t in placeholders_after_six))
        report = json.loads(office.checker().checkToJson(again))
        self.assertEqual([t["template"] for t in report["tables"]], ["2021-t2", "2021-t3", "2021-t4"])
        self.assertEqual([d["rule"] for d in report["diagnostics"] if d["severity"] == "error"], [])

    def test_writer_skeleton_keeps_text_after_cursor(self):
        doc = self.new_doc("swriter")
        doc.Text.setString("已有内容")
        vc = doc.CurrentController.ViewCursor
        vc.gotoStart(False)
        office.dispatch(doc, PROTOCOL + "InsertSkeleton")
        paragraphs = []
        en = doc.Text.createEnumeration()
        while en.hasMoreElements():
            el = en.nextElement()
            if el.supportsService("com.sun.star.text.Paragraph") and el.String:
                paragraphs.append(el.String)
        self.assertEqual(paragraphs[0], SIX_HEADINGS[0])
        self.assertEqual(paragraphs[-1], "已有内容")
        doc.UndoManager.undo()
        self.assertEqual(doc.Text.String, "已有内容")

    def test_calc_skeleton(self):
        doc = self.new_doc("scalc")
        result = office.dispatch(doc, PROTOCOL + "InsertSkeleton")
        self.assertEqual(result.State, 1, result.Result)
        self.assertEqual(list(doc.Sheets.ElementNames)[1:],
                         ["主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况"])
        report = json.loads(office.checker().checkToJson(doc))
        self.assertEqual([t["template"] for t in report["tables"]], ["2021-t2", "2021-t3", "2021-t4"])
        # One undo step. (Not undone here: undoing a sheet insertion in a hidden headless
        # document kills soffice 7.4 even for a plain Sheets.insertNewByName, no extension
        # involved.)
        self.assertEqual(doc.UndoManager.getAllUndoActionTitles(), (UNDO_INSERT_SKELETON,))


if __name__ == "__main__":
    unittest.main(verbosity=2)
