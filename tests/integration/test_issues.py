"""Integration tests: the issue list (ShowIssues) in a real headless LibreOffice.

ShowIssues opens the non-modal dialog and answers with its entries, one a line; the argument
Select=<n> selects entry n as a click would (the dialog's select handler: detail text and
jump to the cell); Recheck=1 runs the dialog's 重新检查 button.
Environment: see test_extension.py.
"""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from suite import FIXTURES, PROTOCOL, ModuleOffice, fixtures as all_fixtures  # noqa: E402

SYMBOL = {"error": "✖", "warning": "⚠", "info": "ℹ"}

office = ModuleOffice()
setUpModule, tearDownModule = office.start, office.stop


def fixtures():
    return all_fixtures((".odt", ".docx", ".ods", ".xlsx"))


def selected_cell(doc):
    """(table or sheet name, cell address) of the controller's selection."""
    sel = doc.CurrentController.getSelection()
    if doc.supportsService("com.sun.star.text.TextDocument"):
        r = sel.getByIndex(0)
        return (r.TextTable.Name if r.TextTable else None, r.Cell.CellName if r.Cell else None)
    addr = sel.getRangeAddress()
    sheet = doc.Sheets.getByIndex(addr.Sheet).Name
    return (sheet, sel.AbsoluteName.split(".")[-1].replace("$", ""))


def expected_cell(doc, d):
    if doc.supportsService("com.sun.star.text.TextDocument"):
        return (d.Cell.TableName, d.Cell.Address)
    return (d.Cell.TableName, d.Cell.Address[len(d.Cell.TableName) + 1:])


class IssuesTest(unittest.TestCase):
    maxDiff = None

    def load_copy(self, path):
        doc = office.load(office.copy_in(path))
        self.addCleanup(lambda: doc.close(True))
        return doc

    def show(self, doc, args=""):
        result = office.dispatch(doc, PROTOCOL + "ShowIssues" + args)
        self.assertEqual(result.State, 1, result.Result)
        return result.Result.split("\n") if result.Result else []

    def test_lists_every_diagnostic_and_jumps(self):
        for path in fixtures():
            with self.subTest(fixture=os.path.basename(path)):
                doc = self.load_copy(path)
                office.dispatch(doc, PROTOCOL + "Check")
                diags = office.checker().check(doc)
                entries = self.show(doc)
                self.assertEqual(len(entries), len(diags))
                for line, d in zip(entries, diags):
                    self.assertTrue(line.startswith(SYMBOL[d.Severity] + " "), line)
                    self.assertIn("[%s] %s" % (d.Rule, d.Message), line)
                    if d.Cell.Address:
                        self.assertIn(" %s " % expected_cell(doc, d)[1], line)
                for k, d in enumerate(diags):
                    if not d.Cell.Address:
                        continue
                    self.show(doc, "?Select=%d" % k)
                    self.assertEqual(selected_cell(doc), expected_cell(doc, d), line)

    def test_without_previous_check_checks_first(self):
        doc = self.load_copy(os.path.join(FIXTURES, "seed004-jinfeng-2017-old.odt"))
        entries = self.show(doc)
        self.assertEqual(len(entries), len(office.checker().check(doc)))
        self.assertTrue(entries)

    def test_recheck_refreshes_after_an_edit(self):
        doc = self.load_copy(os.path.join(FIXTURES, "seed004-jinfeng-2017-old.ods"))
        office.dispatch(doc, PROTOCOL + "Check")
        before = self.show(doc)
        diags = office.checker().check(doc)
        blank = [d for d in diags if d.Rule == "S-3"]
        self.assertEqual(len(blank), 1)                    # one for the table: B06, B56, B57
        self.assertEqual(len(blank[0].Related), 3)
        for c in blank[0].Related:
            sheet, addr = c.TableName, c.Address[len(c.TableName) + 1:]
            doc.Sheets.getByName(sheet).getCellRangeByName(addr).setValue(0)
        self.assertEqual(self.show(doc), before)          # the list shows the last check
        after = self.show(doc, "?Recheck=1")               # 重新检查
        self.assertEqual(len(after), len(before) - 1)
        self.assertEqual([e for e in after if "[S-3]" in e], [])

    def test_ignore_is_kept_in_the_document_and_can_be_reset(self):
        """忽略此项 on seed 002's B-12 warning: gone from the list, the marks, check() and the
        save-time check; kept in the file (user-defined property) across store and reload in
        .odt, .docx and .xlsx; 恢复已忽略 brings it back. A read-only document records nothing."""
        prop_name = "OgiReportCheckerIgnored"
        for ext in (".odt", ".docx", ".xlsx"):
            with self.subTest(format=ext):
                path = office.copy_in(os.path.join(FIXTURES, "seed002-dongyang-2017-old" + ext))
                doc = office.load(path)
                try:
                    office.dispatch(doc, PROTOCOL + "Check")
                    entries = self.show(doc)
                    index = [i for i, e in enumerate(entries) if "[B-12]" in e][0]
                    after = self.show(doc, "?Ignore=%d" % index)
                    self.assertEqual(len(after), len(entries) - 1)
                    self.assertFalse(any("[B-12]" in e for e in after))
                    user = doc.DocumentProperties.UserDefinedProperties
                    self.assertEqual(user.getPropertyValue(prop_name), "B-12|old|B03")
                    self.assertNotIn("B-12", [d.Rule for d in office.checker().check(doc)])
                    report = json.loads(office.checker().checkToJson(doc))
                    self.assertEqual(report["summary"]["ignored"], 1)
                    doc.store()
                    self.assertNotIn("B-12", [d["rule"] for d in
                                              json.loads(office.checker().getLastReport(doc))["diagnostics"]])
                finally:
                    doc.close(True)
                doc = office.load(path)
                try:
                    self.assertNotIn("B-12", [d.Rule for d in office.checker().check(doc)])
                    restored = self.show(doc, "?ResetIgnored=1")
                    self.assertTrue(any("[B-12]" in e for e in restored))
                    self.assertFalse(doc.DocumentProperties.UserDefinedProperties.getPropertySetInfo()
                                     .hasPropertyByName(prop_name))
                finally:
                    doc.close(True)
        doc = office.load(office.copy_in(os.path.join(FIXTURES, "seed002-dongyang-2017-old.odt")), read_only=True)
        self.addCleanup(lambda: doc.close(True))
        entries = self.show(doc)
        index = [i for i, e in enumerate(entries) if "[B-12]" in e][0]
        self.assertEqual(self.show(doc, "?Ignore=%d" % index), entries)
        self.assertFalse(doc.DocumentProperties.UserDefinedProperties.getPropertySetInfo()
                         .hasPropertyByName(prop_name))

    def test_clean_document_lists_nothing(self):
        doc = office.desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0, ())
        self.addCleanup(lambda: doc.close(True))
        self.assertEqual(self.show(doc), [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
