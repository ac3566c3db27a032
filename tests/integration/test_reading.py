"""Integration tests of reading documents (issues 11, 16.8, 16.9, 9.7) and of the marks record
(issues 11, 16.13), in a real headless office with the .oxt installed. Behaviour, not time.

What is shown:
  - a Writer table read with one text export and one read cell by cell give the same values;
  - a stray value at IV5000 does not hide or change the report table's findings, and a copy of
    the table below row 5 000 and right of column 256 is read and checked like any other;
  - the same ragged table (trailing cells of a row left blank) gives the same findings in .xlsx
    as in .odt;
  - marks are cleared exactly after an .xlsx / .docx save and reload: the user's own colour and
    the user's own note/comment are back as they were;
  - saving with MarkOnSave when the findings have not changed does not mark again.

Environment: as test_extension.py (OGI_OXT, OGI_FIXTURES, OGI_WORKDIR, URE_MORE_TYPES).
"""
import json
import os
import shutil
import sys
import unittest

import uno

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))

from ogicheck.office import prop  # noqa: E402
from suite import FIXTURES, ModuleOffice, close_quietly  # noqa: E402
import docstate  # noqa: E402

SETTINGS = "/org.ogi.reportchecker.OgiReportChecker/Settings"
DEFAULTS = {"CheckOnSave": True, "MarkOnSave": False, "MarkSeverities": "error,warning,info"}
SEED002 = "seed002-dongyang-2017-old"      # warning B-12 at key B03 (fixtures/README.md)
FILTERS = {".xlsx": "Calc MS Excel 2007 XML", ".docx": "MS Word 2007 XML", ".ods": "calc8", ".odt": "writer8"}

office = ModuleOffice()
setUpModule, tearDownModule = office.start, office.stop


def set_settings(**values):
    provider = office.create("com.sun.star.configuration.ConfigurationProvider")
    access = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess",
                                                  (prop("nodepath", SETTINGS),))
    for name, value in values.items():
        access.setPropertyValue(name, value)
    access.commitChanges()


def findings(report):
    """What a finding says, independent of where the table lives in its host document."""
    return sorted((d["rule"], d["severity"], d.get("key", ""), d.get("expected", ""), d.get("actual", ""))
                  for d in report["diagnostics"])


def column_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("A") + 1
    return n - 1


def split_address(addr):
    """"A12" → (column, row), 0-based."""
    i = 0
    while addr[i].isalpha():
        i += 1
    return column_index(addr[:i]), int(addr[i:]) - 1


class ReadingTest(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        set_settings(**DEFAULTS)
        self.addCleanup(lambda: set_settings(**DEFAULTS))

    def copy(self, path, suffix):
        target = office.copy_in(path)
        base, ext = os.path.splitext(target)
        renamed = base + suffix + ext
        shutil.move(target, renamed)
        return renamed

    def load(self, path):
        doc = office.load(path)
        self.addCleanup(close_quietly, doc)
        return doc

    def check(self, doc):
        return json.loads(office.checker().checkToJson(doc))

    def reload(self, doc, path):
        doc.store()
        close_quietly(doc)
        return self.load(path)

    # ------------------------------------------------------------------ Calc: no silent limit
    def test_stray_cell_and_far_table(self):
        doc = self.load(self.copy(os.path.join(FIXTURES, SEED002 + ".xlsx"), "-far"))
        clean = self.check(doc)
        self.assertIn(("B-12", "warning", "B03"), {(d["rule"], d["severity"], d.get("key")) for d in clean["diagnostics"]})
        self.assertEqual(len(clean["tables"]), 1)
        location = clean["tables"][0]["location"]            # "Sheet.A3:F40" or the sheet's name
        sheet = doc.Sheets.getByIndex(0)
        cursor = sheet.createCursor()
        cursor.gotoStartOfUsedArea(False)
        cursor.gotoEndOfUsedArea(True)
        used = cursor.RangeAddress

        # A stray value far away: the table and its findings are the same, plus nothing else.
        sheet.getCellRangeByName("IV5000").setString("x")
        stray = self.check(doc)
        self.assertEqual(findings(stray), findings(clean))
        self.assertEqual([t["location"] for t in stray["tables"]], [location])

        # The same table copied below row 5 000 and right of column 256 on a sheet of its own.
        doc.Sheets.insertNewByName("far", doc.Sheets.Count)
        far = doc.Sheets.getByName("far")
        far.getCellByPosition(0, 0).setString("附表")   # the sheet's content starts at A1
        dest = far.getCellByPosition(300, 6000).CellAddress
        far.copyRange(dest, used)
        both = self.check(doc)
        far_tables = [t for t in both["tables"] if t["location"].startswith("far")]
        self.assertEqual(len(far_tables), 1, both["tables"])
        far_findings = [d for d in both["diagnostics"] if d.get("cell", "").startswith("far.")]
        self.assertIn(("B-12", "warning", "B03"), {(d["rule"], d["severity"], d.get("key")) for d in far_findings})
        for d in far_findings:
            col, row = split_address(d["cell"].rpartition(".")[2])
            self.assertGreaterEqual(row, 6000)
            self.assertGreaterEqual(col, 300)
        # Nothing was left unread, so nothing says so.
        self.assertFalse([d for d in both["diagnostics"] if d["rule"] == "E-2"])

    # ------------------------------------------------------------------ Calc: what the user sees
    def test_number_in_another_format_is_read_as_displayed(self):
        """An integer whose cell has another number format than General is read as shown
        (1 formatted 0% is "100%", a finding of its own); the other integers of the table, in
        General, are read as they are."""
        doc = self.load(self.copy(os.path.join(FIXTURES, SEED002 + ".ods"), "-format"))
        before = self.check(doc)
        self.assertEqual(before["tables"][0]["values"]["B03"], 1)
        cell = next(d["cell"] for d in before["diagnostics"] if d.get("key") == "B03")   # "Sheet1.C9"
        sheet_name, _, address = cell.rpartition(".")
        target = doc.Sheets.getByName(sheet_name).getCellRangeByName(address)
        locale = uno.createUnoStruct("com.sun.star.lang.Locale")
        locale.Language, locale.Country = "zh", "CN"
        key = doc.NumberFormats.queryKey("0%", locale, False)
        target.NumberFormat = key if key != -1 else doc.NumberFormats.addNew("0%", locale)
        self.assertEqual(target.getString(), "100%")
        after = self.check(doc)
        values = after["tables"][0]["values"]
        self.assertEqual(values["B03"], "100%")
        self.assertIn(("B03", "100%"), {(d.get("key"), d.get("actual")) for d in after["diagnostics"]})
        self.assertEqual({k: v for k, v in values.items() if k != "B03"},
                         {k: v for k, v in before["tables"][0]["values"].items() if k != "B03"})

    # ------------------------------------------------------------------ .xlsx and .odt alike
    def test_writer_tables_read_in_one_piece_or_cell_by_cell_alike(self):
        """A Writer table between two paragraphs is read with one text export; a table with no
        paragraph before or after it (here: the heading between tables 2 and 3 deleted, so they
        touch) is read cell by cell. Both give the same values: the snapshot's table values and
        the findings on them are unchanged. (The recognizer maps these tables alike with or
        without their row spans, so the spans are shown by WriterGridTest, not here.)"""
        path = self.copy(os.path.join(FIXTURES, "seed001-zhangzhou-2019.odt"), "-adjacent")
        doc = self.load(path)
        checker = office.checker()
        before = json.loads(checker.getSnapshot(doc))["tables"]
        self.assertEqual(sorted(before), ["2019-t2", "2019-t3", "2019-t4"])
        self.assertGreater(sum(len(values) for values in before.values()), 100)
        table_findings = sorted((d.Rule, d.Cell.Key, d.Expected, d.Actual) for d in checker.check(doc) if d.Cell.Key)
        elements = doc.getText().createEnumeration()
        kinds = []
        while elements.hasMoreElements():
            element = elements.nextElement()
            kinds.append((element.supportsService("com.sun.star.text.TextTable"), element))
        tables = [i for i, (is_table, _) in enumerate(kinds) if is_table]
        between = kinds[tables[1] + 1:tables[2]]
        self.assertTrue(between and not any(is_table for is_table, _ in between))
        for _, paragraph in between:
            paragraph.dispose()
        elements = doc.getText().createEnumeration()
        order = []
        while elements.hasMoreElements():
            order.append(elements.nextElement().supportsService("com.sun.star.text.TextTable"))
        self.assertIn([True, True], [order[i:i + 2] for i in range(len(order) - 1)], "tables 2 and 3 touch")
        self.assertEqual(json.loads(checker.getSnapshot(doc))["tables"], before)
        self.assertEqual(sorted((d.Rule, d.Cell.Key, d.Expected, d.Actual) for d in checker.check(doc) if d.Cell.Key),
                         table_findings)

    def test_ragged_table_same_findings_in_xlsx_and_odt(self):
        """The last row of the report table keeps its label and first value; its trailing cells
        are left blank (in .odt: empty cells; in .xlsx, after save and reload: no cells at all)."""
        odt = self.load(self.copy(os.path.join(FIXTURES, SEED002 + ".odt"), "-ragged"))
        xlsx_path = self.copy(os.path.join(FIXTURES, SEED002 + ".xlsx"), "-ragged")
        xlsx = self.load(xlsx_path)
        self.assertEqual(findings(self.check(xlsx)), findings(self.check(odt)))   # the fixtures agree

        # Writer: the report table, its last row's cells after the second one.
        table_name = self.check(odt)["tables"][0]["location"]
        table = odt.TextTables.getByName(table_name)
        last_row = table.Rows.Count
        names = [n for n in table.CellNames if n.rstrip("0123456789") + str(last_row) == n]
        self.assertGreater(len(names), 2)
        for n in names[2:]:
            table.getCellByName(n).setString("")
        # Calc: the same cells of the report table's last row.
        location = self.check(xlsx)["tables"][0]["location"]
        sheet = xlsx.Sheets.getByIndex(0)
        if ":" in location:
            last = location.rpartition(":")[2]
            end_col, end_row = split_address(last)
        else:
            cursor = sheet.createCursor()
            cursor.gotoStartOfUsedArea(False)
            cursor.gotoEndOfUsedArea(True)
            end_col, end_row = cursor.RangeAddress.EndColumn, cursor.RangeAddress.EndRow
        filled = [c for c in range(end_col + 1) if sheet.getCellByPosition(c, end_row).String]
        self.assertGreater(len(filled), 2)
        sheet.getCellRangeByPosition(filled[2], end_row, end_col, end_row).clearContents(1 | 2 | 4 | 16)
        xlsx = self.reload(xlsx, xlsx_path)

        ragged_odt, ragged_xlsx = findings(self.check(odt)), findings(self.check(xlsx))
        self.assertNotEqual(ragged_odt, findings(self.check(self.load(
            self.copy(os.path.join(FIXTURES, SEED002 + ".odt"), "-ragged-orig")))))  # the change shows
        self.assertEqual(ragged_xlsx, ragged_odt)


class MarksRecordTest(unittest.TestCase):
    """The marks record (issue 11, 16.13): what we marked is known after save and reload."""
    maxDiff = None

    def setUp(self):
        set_settings(**DEFAULTS)
        self.addCleanup(lambda: set_settings(**DEFAULTS))

    def load(self, path):
        doc = office.load(path)
        self.addCleanup(close_quietly, doc)
        return doc

    def store_and_reload(self, doc, path):
        doc.store()
        close_quietly(doc)
        return self.load(path)

    def finding_cell(self, doc):
        """The B-12 cell of seed 002 as the document's cell object."""
        report = json.loads(office.checker().checkToJson(doc))
        d = next(d for d in report["diagnostics"] if d["rule"] == "B-12")
        if docstate.is_writer(doc):
            return doc.TextTables.getByName(d["host_table"]).getCellByName(d["cell"])
        sheet_name, _, addr = d["cell"].rpartition(".")
        return doc.Sheets.getByName(sheet_name).getCellRangeByName(addr)

    def user_edits(self, doc):
        """The user's own colour and note/comment on the cell our B-12 finding marks."""
        cell = self.finding_cell(doc)
        if docstate.is_writer(doc):
            cell.BackColor = 0x00FF00
            note = doc.createInstance("com.sun.star.text.textfield.Annotation")
            note.Author = "用户"
            note.Content = "我的批注"
            cell.insertTextContent(cell.getEnd(), note, False)
        else:
            cell.CellBackColor = 0x00FF00
            cell.getSpreadsheet().Annotations.insertNew(cell.CellAddress, "我的批注")

    def check_exact_clear(self, ext):
        path = office.copy_in(os.path.join(FIXTURES, SEED002 + ext))
        doc = self.load(path)
        self.user_edits(doc)
        doc = self.store_and_reload(doc, path)           # the user's document as the format keeps it
        before = docstate.snapshot(doc)
        marked = office.checker().highlight(doc)
        self.assertGreater(marked, 0)
        self.assertNotEqual(docstate.diff(before, docstate.snapshot(doc)), [])
        doc = self.store_and_reload(doc, path)
        restored = office.checker().clearMarks(doc)
        self.assertGreater(restored, 0)
        after = docstate.snapshot(doc)
        # Attributes of our earlier versions are ODF-only; compare what the user sees.
        for state in (before, after):
            for c in state["cells"].values():
                c.pop("attrs", None)
        self.assertEqual(docstate.diff(before, after), [])
        cell = self.finding_cell(doc)
        self.assertEqual(cell.BackColor if docstate.is_writer(doc) else cell.CellBackColor, 0x00FF00)
        self.assertTrue(any("我的批注" in c["content"] for c in after["comments"]), after["comments"])
        # The record went with the marks.
        self.assertFalse(doc.DocumentProperties.UserDefinedProperties.PropertySetInfo.hasPropertyByName(
            "OgiReportCheckerMarks"))

    def test_clear_exact_after_xlsx_reload(self):
        self.check_exact_clear(".xlsx")

    def test_clear_exact_after_docx_reload(self):
        self.check_exact_clear(".docx")

    def test_clear_exact_after_html_reload(self):
        """HTML keeps colours and the record (a <meta>), not comments: clearing after a reload
        still gives the user's colours back."""
        path = office.copy_in(os.path.join(FIXTURES, SEED002 + ".html"))
        args = (prop("Hidden", True), prop("FilterName", "HTML (StarWriter)"))

        def load_html():
            d = office.desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, args)
            self.addCleanup(close_quietly, d)
            return d

        def store_and_reload(d):
            d.storeToURL(uno.systemPathToFileUrl(path), (prop("FilterName", "HTML (StarWriter)"),))
            close_quietly(d)
            return load_html()

        doc = load_html()
        self.finding_cell(doc).BackColor = 0x00FF00
        doc = store_and_reload(doc)
        before = docstate.snapshot(doc)["cells"]
        self.assertGreater(office.checker().highlight(doc), 0)
        doc = store_and_reload(doc)
        self.assertNotEqual(docstate.snapshot(doc)["cells"], before)      # our colours came back
        self.assertGreater(office.checker().clearMarks(doc), 0)
        after = docstate.snapshot(doc)["cells"]
        for state in (before, after):
            for c in state.values():
                c.pop("attrs", None)
        self.assertEqual(docstate.diff({"cells": before, "comments": []}, {"cells": after, "comments": []}), [])
        self.assertEqual(self.finding_cell(doc).BackColor, 0x00FF00)

    def test_no_remark_on_save_when_unchanged(self):
        for ext in (".ods", ".docx"):
            with self.subTest(ext=ext):
                set_settings(MarkOnSave=True)
                path = office.copy_in(os.path.join(FIXTURES, SEED002 + ext))
                doc = self.load(path)
                doc.store()                                   # marks laid out, record written
                props = doc.DocumentProperties.UserDefinedProperties
                record = props.getPropertyValue("OgiReportCheckerMarks")
                first = json.loads(office.checker().getLastReport(doc))
                self.assertTrue(any(d["rule"] == "B-12" for d in first["diagnostics"]))
                # Undo stack and modification state show whether anything was done on this save.
                undo = doc.UndoManager
                depth = len(undo.AllUndoActionTitles)
                doc.setModified(True)
                doc.store()
                self.assertEqual(len(undo.AllUndoActionTitles), depth, "the save marked again")
                self.assertEqual(props.getPropertyValue("OgiReportCheckerMarks"), record)
                # A change in the findings does mark again.
                cell = self.finding_cell(doc)
                if docstate.is_writer(doc):
                    cell.setString("0")
                else:
                    cell.setValue(0)
                depth = len(undo.AllUndoActionTitles)
                doc.store()
                self.assertGreater(len(undo.AllUndoActionTitles), depth)


if __name__ == "__main__":
    unittest.main(verbosity=2)
