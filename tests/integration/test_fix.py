"""Integration tests (issue 14): 修正 (Fix), 补全合计 (FillTotals), 空白填 0 (FillZeros) and
生成数字句子 (Sentences) in .odt, .docx and .xlsx documents built by the test: the 2021 table
three (and four) inserted through our own InsertTemplate, filled through the office, stored in
the format and loaded again. After each command the document checks clean; one undo restores
every cell and paragraph exactly (full texts compared). Read-only documents offer no fix.
Environment: see test_extension.py.
"""
import json
import os
import sys
import unittest

import uno
from com.sun.star.beans import PropertyValue

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from suite import PROTOCOL, ModuleOffice, close_quietly  # noqa: E402

office = ModuleOffice()
setUpModule, tearDownModule = office.start, office.stop

COLS = ["NP", "BIZ", "RES", "NGO", "LAW", "OTH"]
FORMATS = {".odt": ("swriter", "writer8"), ".docx": ("swriter", "MS Word 2007 XML"),
           ".xlsx": ("scalc", "Calc MS Excel 2007 XML")}


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def is_writer(doc):
    return doc.supportsService("com.sun.star.text.TextDocument")


def texts(doc):
    """Every cell and paragraph text of the document, in order."""
    out = []
    if is_writer(doc):
        for i in range(doc.TextTables.Count):
            t = doc.TextTables.getByIndex(i)
            out += [(t.Name, n, t.getCellByName(n).getString()) for n in t.getCellNames()]
        e = doc.Text.createEnumeration()
        while e.hasMoreElements():
            p = e.nextElement()
            if p.supportsService("com.sun.star.text.Paragraph"):
                out.append(("text", p.getString()))
    else:
        for i in range(doc.Sheets.Count):
            s = doc.Sheets.getByIndex(i)
            c = s.createCursor()
            c.gotoEndOfUsedArea(False)
            a = c.getRangeAddress()
            rows = s.getCellRangeByPosition(0, 0, a.EndColumn + 1, a.EndRow + 2).getFormulaArray()
            out.append((s.Name, rows))
    return out


class FixTest(unittest.TestCase):
    maxDiff = None

    def dispatch(self, doc, command, ok=True):
        result = office.dispatch(doc, PROTOCOL + command)
        if ok:
            self.assertEqual(result.State, 1, result.Result)
        return result

    def report(self, doc):
        return json.loads(office.checker().checkToJson(doc))

    def assert_clean(self, doc):
        r = self.report(doc)
        self.assertTrue(r["tables"], "no table recognized")
        self.assertEqual([(d["rule"], d["key"], d["message"]) for d in r["diagnostics"]], [])

    def undo_restores(self, doc, before):
        self.assertTrue(doc.UndoManager.isUndoPossible())
        doc.UndoManager.undo()
        self.assertEqual(texts(doc), before)

    def build(self, ext, with_four=False):
        """A document of the format holding 2021 table three (and four), values consistent,
        stored and loaded again. Returns (doc, {key: address}, {key: value})."""
        kind, flt = FORMATS[ext]
        doc = office.desktop.loadComponentFromURL("private:factory/" + kind, "_blank", 0, (prop("Hidden", True),))
        self.addCleanup(close_quietly, doc)
        self.dispatch(doc, "InsertTemplate?Template=2021-t3")
        if with_four:
            if is_writer(doc):
                doc.CurrentController.getViewCursor().gotoEnd(False)
                doc.Text.insertControlCharacter(doc.Text.getEnd(), 0, False)  # PARAGRAPH_BREAK
                doc.CurrentController.getViewCursor().gotoEnd(False)
            self.dispatch(doc, "InsertTemplate?Template=2021-t4")
        cells = {}
        for d in office.checker().check(doc):
            if d.Rule == "S-3":   # one per table, naming every blank cell
                for c in d.Related:
                    cells[(d.TemplateId, c.Key)] = (c.TableName, c.Address)
        self.assertTrue(cells)
        # consistent numbers: outcomes per column, （七）总计 their sum, 本年新收 balancing N-1
        values = {}
        keys3 = {k for (t, k) in cells if t == "2021-t3"}
        rows = sorted({k.split(".")[0] for k in keys3})
        n = 0
        for c in COLS:
            total = 0
            for r in rows:
                if r.startswith("R3_") and r != "R3_7" and r + "." + c in keys3:
                    n += 1
                    values[r + "." + c] = (n * 7) % 5
                    total += values[r + "." + c]
            values["R2." + c] = 1
            values["R4." + c] = 2
            values["R1." + c] = total + 2 - 1
        for r in rows:   # parts only; the totals (R3_7, 总计) are 补全合计's job
            for c in COLS:
                if r != "R3_7":
                    values.setdefault(r + "." + c, 0)
        self.zero_parts = [k for k, v in sorted(values.items()) if v == 0 and k.startswith("R3_")][:3]
        four = {"RV_KEEP": 3, "RV_CORR": 1, "RV_OTHR": 0, "RV_PEND": 2, "LD_KEEP": 1, "LD_CORR": 0,
                "LD_OTHR": 0, "LD_PEND": 1, "LR_KEEP": 2, "LR_CORR": 1, "LR_OTHR": 0, "LR_PEND": 0}
        for (tid, key), (table, addr) in cells.items():
            cell = self.cell(doc, table, addr)
            v = values.get(key) if tid == "2021-t3" else four.get(key)
            if v is None:
                cell.setString("")   # a total
            elif is_writer(doc):
                cell.setString(str(v))
            else:
                cell.setValue(v)
        if not is_writer(doc):   # the inserted sheet's totals are live formulas: blank them
            for i in range(doc.Sheets.Count):
                sheet = doc.Sheets.getByIndex(i)
                cur = sheet.createCursor()
                cur.gotoEndOfUsedArea(False)
                a = cur.getRangeAddress()
                for r in range(a.EndRow + 1):
                    for c in range(a.EndColumn + 1):
                        cell = sheet.getCellByPosition(c, r)
                        if cell.getFormula().startswith("="):
                            cell.setString("")
        path = os.path.join(office.workdir, "docs", "fix-%s%s%s" % (len(cells), "-4" if with_four else "", ext))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        os.chmod(os.path.dirname(path), 0o777)
        doc.storeToURL(uno.systemPathToFileUrl(path), (prop("FilterName", flt),))
        again = office.load(path)
        self.addCleanup(close_quietly, again)
        # the same cells in the loaded copy: Writer tables by position (a .docx renames them)
        names = [doc.TextTables.getByIndex(i).Name for i in range(doc.TextTables.Count)] if is_writer(doc) else []
        self.addresses = {}
        for (tid, key), (table, addr) in cells.items():
            if is_writer(doc):
                table = again.TextTables.getByIndex(names.index(table)).Name
            self.addresses[key] = (table, addr)
        return again, self.addresses, path

    def cell(self, doc, table, addr):
        if is_writer(doc):
            return doc.TextTables.getByName(table).getCellByName(addr)
        return doc.Sheets.getByName(addr.rsplit(".", 1)[0]).getCellRangeByName(addr.rsplit(".", 1)[1])

    def fill_totals(self, doc):
        preview = self.dispatch(doc, "FillTotals?Preview=1").Result
        self.assertIn("→", preview)
        before = texts(doc)
        self.dispatch(doc, "FillTotals?Confirm=1")
        self.assert_clean(doc)
        after = texts(doc)
        self.undo_restores(doc, before)
        doc.UndoManager.redo()
        self.assertEqual(texts(doc), after)
        return preview

    def test_fill_totals_fix_and_undo(self):
        for ext in FORMATS:
            with self.subTest(format=ext):
                doc, _, _ = self.build(ext)
                preview = self.fill_totals(doc)
                self.assertIn("→", preview)
                # 修正: one addend wrong; the suggestion names it, Fix writes it back
                key = "R3_2.BIZ"
                table, addr = self.address_of(doc, key)
                good = self.cell(doc, table, addr).getString()
                wrong = str(int(float(good or "0")) + 2)
                if is_writer(doc):
                    self.cell(doc, table, addr).setString(wrong)
                else:
                    self.cell(doc, table, addr).setValue(int(wrong))
                diags = list(office.checker().check(doc))
                with_s = [i for i, d in enumerate(diags) if d.Suggestion.Key]
                self.assertTrue(with_s, [(d.Rule, d.Cell.Key) for d in diags])
                for i in with_s:
                    self.assertEqual(diags[i].Suggestion.Key, key)
                    self.assertEqual(diags[i].Cell.Key, key)   # the cause is the finding's cell
                    self.assertEqual(diags[i].Suggestion.Value, good)
                    self.assertIn("N-2", diags[i].Suggestion.Reason)
                report = json.loads(office.checker().getLastReport(doc))
                self.assertEqual(report["diagnostics"][with_s[0]]["suggestion"]["key"], key)
                before = texts(doc)
                self.dispatch(doc, "Fix?Finding=%d" % with_s[0])
                self.assert_clean(doc)
                self.assertEqual(self.cell(doc, table, addr).getString(), good)
                self.undo_restores(doc, before)
                # the issue list's 修正 (ShowIssues?Fix=n) does the same
                office.checker().check(doc)
                self.dispatch(doc, "ShowIssues?Fix=%d" % with_s[0])
                self.assert_clean(doc)

    def address_of(self, doc, key):
        return self.addresses[key]

    def test_fill_zeros_and_undo(self):
        for ext in FORMATS:
            with self.subTest(format=ext):
                doc, _, _ = self.build(ext)
                self.dispatch(doc, "FillTotals?Confirm=1")
                # blank parts whose value is 0
                blanked = []
                for k in self.zero_parts:
                    t, a = self.address_of(doc, k)
                    if self.cell(doc, t, a).getString() == "0":
                        self.cell(doc, t, a).setString("")
                        blanked.append(k)
                self.assertTrue(blanked)
                self.assertTrue(any(d["rule"] == "S-3" for d in self.report(doc)["diagnostics"]))
                preview = self.dispatch(doc, "FillZeros?Preview=1").Result
                self.assertEqual(preview.count("→"), len(blanked), preview)
                before = texts(doc)
                self.dispatch(doc, "FillZeros?Confirm=1")
                self.assert_clean(doc)
                self.undo_restores(doc, before)

    def test_sentences_and_text_fix(self):
        for ext in FORMATS:
            with self.subTest(format=ext):
                doc, _, _ = self.build(ext, with_four=True)
                self.dispatch(doc, "FillTotals?Confirm=1")
                self.assert_clean(doc)
                preview = self.dispatch(doc, "Sentences?Preview=1").Result.split("\n")
                self.assertEqual(len(preview), 2, preview)
                self.assertTrue(preview[0].startswith("本年新收政府信息公开申请"), preview[0])
                self.assertTrue(preview[1].startswith("本年度发生政府信息公开行政复议6件"), preview[1])
                if is_writer(doc):
                    vc = doc.CurrentController.getViewCursor()
                    vc.gotoEnd(False)
                else:
                    sheet = doc.Sheets.getByIndex(0)
                    doc.CurrentController.setActiveSheet(sheet)
                    doc.CurrentController.select(sheet.getCellRangeByName("A120"))
                before = texts(doc)
                self.dispatch(doc, "Sentences")
                after = texts(doc)
                flat = json.dumps(after, ensure_ascii=False)
                self.assertIn(preview[0], flat)
                self.assertIn(preview[1], flat)
                self.assert_clean(doc)   # the sentences agree with the tables (X-1…X-4)
                self.undo_restores(doc, before)
                if not is_writer(doc):
                    continue
                # 修正 of a text finding: only the number of the sentence changes
                wrong = preview[0].replace("办结政府信息公开申请", "办结政府信息公开申请9", 1)
                doc.Text.insertString(doc.Text.getEnd(), wrong, False)
                diags = list(office.checker().check(doc))
                x = [i for i, d in enumerate(diags) if d.Rule == "X-1" and d.Suggestion.Kind == "text"]
                self.assertTrue(x, [(d.Rule, d.Suggestion.Kind, d.Message) for d in diags])
                before = texts(doc)
                self.dispatch(doc, "Fix?Finding=%d" % x[0])
                self.assertIn(preview[0], json.dumps(texts(doc), ensure_ascii=False))
                self.assert_clean(doc)
                self.undo_restores(doc, before)

    def test_read_only_offers_no_fix(self):
        doc, _, path = self.build(".odt")
        doc.close(True)
        ro = office.load(path, read_only=True)
        self.addCleanup(close_quietly, ro)
        before = texts(ro)
        result = self.dispatch(ro, "FillTotals?Confirm=1", ok=False)
        self.assertNotEqual(result.State, 1)
        self.assertEqual(texts(ro), before)


if __name__ == "__main__":
    unittest.main()
