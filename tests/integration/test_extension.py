"""Integration tests: the built .oxt in a real headless LibreOffice.

Environment (set by tests/integration/CMakeLists.txt):
  OGI_OXT       the packaged extension
  OGI_FIXTURES  ../shared/fixtures (relative to the repository root)
  OGI_WORKDIR   a scratch directory for the profile and document copies
  URE_MORE_TYPES  office types + our .rdb, so that Python can use our IDL types
"""
import json
import os
import sys
import unittest

import uno

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))

from ogicheck.office import prop  # noqa: E402
from suite import EXPECTED, FIXTURES, PROTOCOL, ModuleOffice, fixtures, stem  # noqa: E402
import docstate  # noqa: E402
from docstate import COLORS, CALC_MARKER, OUR_AUTHOR  # noqa: E402

UNDO_TITLES = ("年报检查标记", "Report Check Marks")  # the step of a check, in the UI language
RANK = {"error": 3, "warning": 2, "info": 1}


office = ModuleOffice()
setUpModule, tearDownModule = office.start, office.stop


def cell_key(doc, d):
    """The snapshot key of a diagnostic's cell."""
    if docstate.is_writer(doc):
        return (d.Cell.TableName, d.Cell.Address)
    sheet, _, addr = d.Cell.Address.rpartition(".")
    return (sheet, addr)


def ref_key(doc, c):
    """The snapshot key of a CellReference."""
    if docstate.is_writer(doc):
        return (c.TableName, c.Address)
    sheet, _, addr = c.Address.rpartition(".")
    return (sheet, addr)


def lighter(color):
    """Halfway to white: the shade of S-3's blank cells other than its first (issue 9.6)."""
    return sum(((color >> s & 0xFF) + 0xFF) // 2 << s for s in (16, 8, 0))


def expected_marks(doc, diags):
    """cell key -> (colour, comment text or None), as the extension must paint them."""
    by_cell = {}
    for d in diags:
        if d.Cell.TableIndex < 0 or not d.Cell.Address:
            continue
        by_cell.setdefault(cell_key(doc, d), []).append(d)
    marks = {}
    for key, ds in by_cell.items():
        worst = max(ds, key=lambda d: RANK[d.Severity]).Severity
        text = "\n".join("[%s] %s" % (d.Rule, d.Message) for d in ds)
        marks[key] = (COLORS[worst], text)
    # S-3, one finding per table: its other blank cells are painted lighter, without a comment
    for d in diags:
        if d.Rule == "S-3":
            for c in d.Related:
                if c.TableIndex >= 0 and c.Address and ref_key(doc, c) not in marks:
                    marks[ref_key(doc, c)] = (lighter(COLORS[d.Severity]), None)
    return marks


class ExtensionTest(unittest.TestCase):
    maxDiff = None

    def load_copy(self, path, **kw):
        doc = office.load(office.copy_in(path), **kw)
        self.addCleanup(lambda: doc.close(True))
        return doc

    def assert_marked_as(self, doc, before, marks):
        """After a check: exactly `marks` are painted and commented, the rest is untouched."""
        after = docstate.snapshot(doc)
        writer = docstate.is_writer(doc)
        for key, b in before["cells"].items():
            a = after["cells"][key]
            if key in marks:
                self.assertEqual(docstate.color_of(a), marks[key][0], "colour of %s" % (key,))
            else:
                self.assertEqual(a, b, "unmarked cell %s changed" % (key,))
        ours = [c for c in after["comments"] if c not in before["comments"]]
        if writer:
            self.assertTrue(all(c.get("author") == OUR_AUTHOR for c in ours))
            got = {c["cell"]: c["content"] for c in ours}
            want = {key: text for key, (_, text) in marks.items() if text is not None}
        else:
            got = {c["cell"]: c["content"] for c in ours}
            want = {key: CALC_MARKER + "\n" + text for key, (_, text) in marks.items() if text is not None}
        self.assertEqual(got, want)

    # ------------------------------------------------------------------------ the service
    def test_service_is_registered(self):
        checker = office.checker()
        self.assertIsNotNone(checker)
        self.assertEqual(checker.getImplementationName(), "org.ogi.reportchecker.ReportCheckerImpl")
        self.assertTrue(checker.supportsService("org.ogi.reportchecker.ReportChecker"))

    def test_service_rejects_other_documents(self):
        from com.sun.star.lang import IllegalArgumentException
        frame = office.create("com.sun.star.frame.Frame")  # an XComponent, but no document
        with self.assertRaises(IllegalArgumentException):
            office.checker().check(frame)
        with self.assertRaises(IllegalArgumentException):
            office.checker().highlight(None)

    def test_expected_diagnostics_per_fixture(self):
        """check() finds what fixtures/README.md says, in every format."""
        checker = office.checker()
        for path in fixtures():
            with self.subTest(fixture=os.path.basename(path)):
                doc = self.load_copy(path)
                diags = checker.check(doc)
                exp = EXPECTED[stem(path)]
                found = {(d.Rule, d.Severity, d.Cell.Key) for d in diags}
                for rule, sev, key in exp["must"]:
                    self.assertTrue(any((rule is None or r == rule) and (sev is None or s == sev) and (key is None or k == key)
                                        for r, s, k in found), "%s %s %s missing in %s" % (rule, sev, key, found))
                if "blank_cells" in exp:
                    self.assertEqual([[c.Key for c in d.Related] for d in diags if d.Rule == "S-3"], [exp["blank_cells"]])
                if exp.get("no_errors"):
                    self.assertEqual([d.Rule for d in diags if d.Severity == "error"], [])
                if exp.get("no_warnings"):
                    self.assertEqual([d.Rule for d in diags if d.Severity == "warning"], [])
                if "warnings" in exp:
                    self.assertEqual([d.Rule for d in diags if d.Severity == "warning"], exp["warnings"])
                if exp.get("nothing"):
                    self.assertEqual(list(diags), [])
                    self.assertEqual(json.loads(checker.checkToJson(doc))["tables"], [])

    def test_service_matches_engine_json(self):
        """The IDL structs carry exactly the engine's diagnostics (Report::toJson)."""
        checker = office.checker()
        for path in fixtures():
            with self.subTest(fixture=os.path.basename(path)):
                doc = self.load_copy(path)
                diags = checker.check(doc)
                report = json.loads(checker.checkToJson(doc))
                self.assertEqual(json.loads(checker.getLastReport(doc)), report)
                got = [(d.Rule, d.Severity, d.TemplateId, d.ReportTable, d.Cell.Address, d.Cell.Key,
                        d.Cell.TableName, d.Expected, d.Actual, d.Message,
                        [(r.Address, r.Key, r.TableName) for r in d.Related]) for d in diags]
                want = [(j["rule"], j["severity"], j.get("template", ""), j.get("table", -1), j.get("cell", ""),
                         j.get("key", ""), j.get("host_table", ""), j.get("expected", ""), j.get("actual", ""),
                         j["message"], [(r.get("cell", ""), r.get("key", ""), r.get("table", ""))
                                        for r in j.get("related", [])]) for j in report["diagnostics"]]
                self.assertEqual(got, want)

    def test_same_findings_in_every_format(self):
        """Writer and Calc readers agree: each seed gives the same (rule, severity, key, expected,
        actual) in odt, docx, doc, ods and xlsx."""
        checker = office.checker()
        by_seed = {}
        for path in fixtures():
            doc = self.load_copy(path)
            tables = [t["template"] for t in json.loads(checker.checkToJson(doc))["tables"]]
            by_seed.setdefault(stem(path), {})[os.path.splitext(path)[1]] = (tables, sorted(
                (d.Rule, d.Severity, d.Cell.Key, d.Expected, d.Actual) for d in checker.check(doc)))
        for seed, results in by_seed.items():
            with self.subTest(seed=seed):
                reference = results.get(".odt")
                for ext, found in results.items():
                    self.assertEqual(found, reference, "%s%s differs from .odt" % (seed, ext))

    # ------------------------------------------------------------------------ the command
    def test_check_command_marks_undo_and_clear(self):
        checker = office.checker()
        for path in fixtures():
            with self.subTest(fixture=os.path.basename(path)):
                doc = self.load_copy(path)
                before = docstate.snapshot(doc)
                marks = expected_marks(doc, checker.check(doc))
                if stem(path) == "seed003-shanghai-2017-plan":
                    self.assertEqual(marks, {})

                summary = office.dispatch(doc, PROTOCOL + "Check").Result
                self.assertIsInstance(summary, str)
                self.assertTrue(summary)
                self.assert_marked_as(doc, before, marks)

                # Undo: one step, restores everything.
                um = doc.UndoManager
                if marks:
                    self.assertIn(um.getCurrentUndoActionTitle(), UNDO_TITLES)
                    um.undo()
                self.assertEqual(docstate.diff(before, docstate.snapshot(doc)), [])

                # Check twice (a re-check replaces the marks), then clear: back to the original.
                office.dispatch(doc, PROTOCOL + "Check")
                office.dispatch(doc, PROTOCOL + "Check")
                self.assert_marked_as(doc, before, marks)
                office.dispatch(doc, PROTOCOL + "ClearMarks")
                self.assertEqual(docstate.diff(before, docstate.snapshot(doc)), [])

    def test_text_that_contradicts_the_table_is_marked(self):
        """Seed 000 says “全年收到依申请公开47件” and its 收到申请数 (B22) is 47; edited to 48 in
        the text, the check marks B22 with X-2 and quotes the sentence (.odt and .docx)."""
        checker = office.checker()
        for ext in (".odt", ".docx"):
            with self.subTest(format=ext):
                doc = self.load_copy(os.path.join(FIXTURES, "seed000-jiangsu-2017-old" + ext))
                self.assertEqual([d.Rule for d in checker.check(doc) if d.Rule.startswith("X-")], [])
                replace = doc.createReplaceDescriptor()
                replace.SearchString = "收到依申请公开47件"
                replace.ReplaceString = "收到依申请公开48件"
                self.assertEqual(doc.replaceAll(replace), 1)
                before = docstate.snapshot(doc)
                diags = checker.check(doc)
                text_rules = [(d.Rule, d.Severity, d.Cell.Key, d.Expected, d.Actual) for d in diags
                              if d.Rule.startswith("X-")]
                self.assertEqual(text_rules, [("X-2", "warning", "B22", "48", "47")])
                self.assertIn("48", [d for d in diags if d.Rule == "X-2"][0].Message)
                office.dispatch(doc, PROTOCOL + "Check")
                self.assert_marked_as(doc, before, expected_marks(doc, diags))

    def test_per_seed_marks(self):
        """The cells the README names get the right colour and comment."""
        cases = [
            ("seed002-dongyang-2017-old.odt", "B03", "warning", "B-12"),
            ("seed002-dongyang-2017-old.xlsx", "B03", "warning", "B-12"),
            ("seed004-jinfeng-2017-old.docx", "B02", "warning", "B-9"),
            ("seed004-jinfeng-2017-old.ods", "B02", "warning", "B-9"),
        ]
        checker = office.checker()
        for name, key, severity, rule in cases:
            with self.subTest(fixture=name):
                doc = self.load_copy(os.path.join(FIXTURES, name))
                diags = [d for d in checker.check(doc) if d.Cell.Key == key]
                self.assertTrue(any(d.Rule == rule for d in diags))
                office.dispatch(doc, PROTOCOL + "Check")
                state = docstate.snapshot(doc)
                k = cell_key(doc, diags[0])
                self.assertEqual(docstate.color_of(state["cells"][k]), COLORS[severity])
                comments = [c["content"] for c in state["comments"] if c["cell"] == k]
                self.assertEqual(len(comments), 1)
                self.assertIn("[%s] " % rule, comments[0])

    def test_blank_cells_of_seed004_are_marked(self):
        checker = office.checker()
        for name in ("seed004-jinfeng-2017-old.odt", "seed004-jinfeng-2017-old.xlsx"):
            with self.subTest(fixture=name):
                doc = self.load_copy(os.path.join(FIXTURES, name))
                # one S-3 for the table (issue 9.6): the first blank cell has the warning colour
                # and the one comment, the others a lighter shade and no comment
                blanks = [d for d in checker.check(doc) if d.Rule == "S-3"]
                self.assertEqual(len(blanks), 1)
                self.assertEqual([c.Key for c in blanks[0].Related], ["B06", "B56", "B57"])
                office.dispatch(doc, PROTOCOL + "Check")
                state = docstate.snapshot(doc)
                for i, c in enumerate(blanks[0].Related):
                    k = ref_key(doc, c)
                    notes = [n for n in state["comments"] if n["cell"] == k]
                    if i == 0:
                        self.assertEqual(docstate.color_of(state["cells"][k]), COLORS["warning"], k)
                        self.assertEqual(len(notes), 1, k)
                        self.assertIn("[S-3] ", notes[0]["content"])
                        self.assertIn("3", notes[0]["content"])
                    else:
                        self.assertEqual(docstate.color_of(state["cells"][k]), lighter(COLORS["warning"]), k)
                        self.assertEqual(notes, [], k)

    def test_blank_template_is_one_finding_and_one_comment(self):
        """An inserted, still empty 2021 table three (175 blank value cells in Writer; in Calc
        the 31 totals are live formulas, 144 cells are blank): one S-3 for the table, one
        comment (on its first cell), the other blank cells a lighter shade without a comment
        (issue 9.6); clearing restores every cell."""
        for factory, blank in (("private:factory/swriter", 175), ("private:factory/scalc", 144)):
            with self.subTest(factory=factory):
                doc = office.desktop.loadComponentFromURL(factory, "_blank", 0, (prop("Hidden", True),))
                self.addCleanup(lambda d=doc: d.close(True))
                self.assertEqual(office.dispatch(doc, PROTOCOL + "InsertTemplate?Template=2021-t3").State, 1)
                diags = office.checker().check(doc)
                self.assertEqual([(d.Rule, d.Severity) for d in diags], [("S-3", "warning")])
                s3 = diags[0]
                self.assertEqual(len(s3.Related), blank)
                self.assertEqual((s3.Expected, s3.Actual), ("0", str(blank)))
                before = docstate.snapshot(doc)
                office.dispatch(doc, PROTOCOL + "Check")
                after = docstate.snapshot(doc)
                ours = [c for c in after["comments"] if c not in before["comments"]]
                self.assertEqual([c["cell"] for c in ours], [cell_key(doc, s3)])
                self.assertIn(str(blank), ours[0]["content"])
                shades = [docstate.color_of(after["cells"][ref_key(doc, c)]) for c in s3.Related]
                self.assertEqual(shades, [COLORS["warning"]] + [lighter(COLORS["warning"])] * (blank - 1))
                self.assert_marked_as(doc, before, expected_marks(doc, diags))
                office.dispatch(doc, PROTOCOL + "ClearMarks")
                self.assertEqual(docstate.diff(before, docstate.snapshot(doc)), [])

    def test_consistent_document_gets_no_marks(self):
        """seed 002 with its numbers fixed (every flagged cell set to 0) has no findings and no marks."""
        checker = office.checker()
        for name in ("seed002-dongyang-2017-old.odt", "seed002-dongyang-2017-old.ods"):
            with self.subTest(fixture=name):
                doc = self.load_copy(os.path.join(FIXTURES, name))
                for _ in range(5):
                    diags = checker.check(doc)
                    if not diags:
                        break
                    for d in diags:
                        if docstate.is_writer(doc):
                            doc.TextTables.getByName(d.Cell.TableName).getCellByName(d.Cell.Address).String = "0"
                        else:
                            sheet, _, addr = d.Cell.Address.rpartition(".")
                            doc.Sheets.getByName(sheet).getCellRangeByName(addr).setValue(0)
                self.assertEqual(list(checker.check(doc)), [])
                self.assertEqual(len(json.loads(checker.checkToJson(doc))["tables"]), 1)
                before = docstate.snapshot(doc)
                summary = office.dispatch(doc, PROTOCOL + "Check").Result
                self.assertEqual(docstate.diff(before, docstate.snapshot(doc)), [])
                self.assertIn("1", summary)

    def test_user_comments_and_colours_survive(self):
        """Clear removes only our comments and restores the user's own background."""
        checker = office.checker()
        for name in ("seed002-dongyang-2017-old.odt", "seed002-dongyang-2017-old.ods"):
            with self.subTest(fixture=name):
                doc = self.load_copy(os.path.join(FIXTURES, name))
                d = [d for d in checker.check(doc) if d.Rule == "B-12"][0]
                if docstate.is_writer(doc):
                    table = doc.TextTables.getByName(d.Cell.TableName)
                    cell = table.getCellByName(d.Cell.Address)
                    cell.BackColor = 0x00FF00
                    for target in (cell, table.getCellByName("A1")):
                        note = doc.createInstance("com.sun.star.text.textfield.Annotation")
                        note.Author = "用户"
                        note.Content = "用户自己的批注"
                        target.insertTextContent(target.getEnd(), note, False)
                else:
                    sheet_name, _, addr = d.Cell.Address.rpartition(".")
                    sheet = doc.Sheets.getByName(sheet_name)
                    cell = sheet.getCellRangeByName(addr)
                    cell.CellBackColor = 0x00FF00
                    sheet.Annotations.insertNew(cell.CellAddress, "用户自己的批注")
                    sheet.Annotations.insertNew(sheet.getCellRangeByName("A1").CellAddress, "另一条用户批注")
                before = docstate.snapshot(doc)
                office.dispatch(doc, PROTOCOL + "Check")
                after = docstate.snapshot(doc)
                k = cell_key(doc, d)
                self.assertEqual(docstate.color_of(after["cells"][k]), COLORS["warning"])
                notes = [c for c in after["comments"] if c["cell"] == k]
                if docstate.is_writer(doc):
                    # the user's comment and ours, side by side
                    self.assertEqual(sorted(c["author"] for c in notes), sorted(["用户", OUR_AUTHOR]))
                else:
                    # one note per Calc cell: the user's stays as it was, the cell is only coloured
                    self.assertEqual([c["content"] for c in notes], ["用户自己的批注"])
                office.dispatch(doc, PROTOCOL + "ClearMarks")
                self.assertEqual(docstate.diff(before, docstate.snapshot(doc)), [])
                # and undo of a check restores the user's state too
                office.dispatch(doc, PROTOCOL + "Check")
                doc.UndoManager.undo()
                self.assertEqual(docstate.diff(before, docstate.snapshot(doc)), [])

    def test_read_only_document_is_not_modified(self):
        checker = office.checker()
        for name in ("seed002-dongyang-2017-old.odt", "seed002-dongyang-2017-old.xlsx"):
            with self.subTest(fixture=name):
                doc = self.load_copy(os.path.join(FIXTURES, name), read_only=True)
                self.assertTrue(doc.isReadonly())
                before = docstate.snapshot(doc)
                summary = office.dispatch(doc, PROTOCOL + "Check").Result
                self.assertEqual(docstate.diff(before, docstate.snapshot(doc)), [])
                self.assertEqual(checker.highlight(doc), 0)
                self.assertEqual(docstate.diff(before, docstate.snapshot(doc)), [])
                self.assertFalse(doc.isModified())
                self.assertTrue(summary)
                report = json.loads(checker.getLastReport(doc))
                self.assertTrue(any(x["rule"] == "B-12" for x in report["diagnostics"]))

    def test_service_highlight_and_clear(self):
        checker = office.checker()
        doc = self.load_copy(os.path.join(FIXTURES, "seed004-jinfeng-2017-old.odt"))
        before = docstate.snapshot(doc)
        diags = checker.check(doc)
        marks = expected_marks(doc, diags)
        self.assertEqual(checker.highlight(doc), len(marks))
        self.assert_marked_as(doc, before, marks)
        # Our comments do not change what the reader sees.
        self.assertEqual([(d.Rule, d.Cell.Address, d.Actual) for d in checker.check(doc)],
                         [(d.Rule, d.Cell.Address, d.Actual) for d in diags])
        self.assertEqual(checker.clearMarks(doc), len(marks))
        self.assertEqual(docstate.diff(before, docstate.snapshot(doc)), [])

    def test_html_report_opened_in_writer_web(self):
        """An .html report opened as LibreOffice opens it by default, in Writer/Web (a WebDocument,
        not a TextDocument): our toolbar is there, check() finds what it finds in the same file
        opened in Writer, and highlight/clear mark and restore it exactly."""
        checker = office.checker()
        recognized = 0
        for path in fixtures((".html",)):
            with self.subTest(fixture=os.path.basename(path)):
                web = self.load_copy(path)
                self.assertTrue(web.supportsService("com.sun.star.text.WebDocument"))
                self.assertFalse(web.supportsService("com.sun.star.text.TextDocument"))
                writer = self.load_copy(path, filter_name="HTML (StarWriter)")
                self.assertTrue(writer.supportsService("com.sun.star.text.TextDocument"))

                def findings(doc):
                    return sorted((d.Rule, d.Severity, d.Cell.Key, d.Expected, d.Actual) for d in checker.check(doc))
                tables = json.loads(checker.checkToJson(web))["tables"]
                recognized += len(tables)
                self.assertEqual([t["template"] for t in tables],
                                 [t["template"] for t in json.loads(checker.checkToJson(writer))["tables"]])
                self.assertEqual(findings(web), findings(writer))
                before = docstate.snapshot(web)
                marks = expected_marks(web, checker.check(web))
                self.assertEqual(checker.highlight(web), len(marks))
                self.assert_marked_as(web, before, marks)
                self.assertEqual(checker.clearMarks(web), len(marks))
                self.assertEqual(docstate.diff(before, docstate.snapshot(web)), [])
                names = [e.ResourceURL for e in web.CurrentController.Frame.LayoutManager.getElements()]
                self.assertIn("private:resource/toolbar/addon_org.ogi.reportchecker.toolbar", names)
        self.assertGreater(recognized, 0, "no table recognized in any .html fixture")

    def test_concurrent_remote_callers_get_the_same_answers(self):
        """Calls from several bridge threads at once are handed to the office's main thread
        (MainThread.hxx) one after the other: each caller gets what a lone caller gets, and
        an error still reaches its own caller."""
        import threading
        from com.sun.star.lang import IllegalArgumentException
        checker = office.checker()
        docs = [self.load_copy(os.path.join(FIXTURES, name)) for name in
                ("seed001-zhangzhou-2019.odt", "seed004-jinfeng-2017-old.ods", "seed002-dongyang-2017-old.docx")]
        alone = [checker.checkToJson(d) for d in docs]
        self.assertTrue(all(json.loads(a)["diagnostics"] for a in alone))
        got, errors = {}, []

        def caller(k):
            try:
                c = office.checker()
                got[k] = [c.checkToJson(docs[(k + i) % len(docs)]) for i in range(6)]
                with self.assertRaises(IllegalArgumentException):
                    c.check(None)
            except Exception as e:  # noqa: BLE001 - reported below
                errors.append("%d: %r" % (k, e))

        threads = [threading.Thread(target=caller, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        self.assertFalse(any(t.is_alive() for t in threads), "a caller hangs")
        self.assertEqual(errors, [])
        for k in range(4):
            self.assertEqual(got[k], [alone[(k + i) % len(docs)] for i in range(6)])

    def test_other_commands(self):
        doc = self.load_copy(os.path.join(FIXTURES, "seed002-dongyang-2017-old.odt"))
        from com.sun.star.frame.DispatchResultState import SUCCESS, FAILURE
        # ShowIssues before any check, then after.
        r = office.dispatch(doc, PROTOCOL + "ShowIssues")
        self.assertEqual(r.State, SUCCESS)
        office.dispatch(doc, PROTOCOL + "Check")
        r = office.dispatch(doc, PROTOCOL + "ShowIssues")
        self.assertIn("B-12", r.Result)
        # Template insertion (tested in depth by test_insert.py); an unknown id fails.
        r = office.dispatch(doc, PROTOCOL + "InsertTemplate?Template=2021-t3")
        self.assertEqual(r.State, SUCCESS)
        r = office.dispatch(doc, PROTOCOL + "InsertTemplate?Template=nope")
        self.assertEqual(r.State, FAILURE)
        self.assertIn("nope", r.Result)
        # Unknown commands are not ours.
        frame = doc.CurrentController.Frame
        url = office.create("com.sun.star.util.URLTransformer").parseStrict(
            uno.createUnoStruct("com.sun.star.util.URL", Complete=PROTOCOL + "NoSuchCommand"))[1]
        self.assertIsNone(frame.queryDispatch(url, "_self", 0))

    def test_toolbar_in_writer_and_calc(self):
        for factory in ("private:factory/swriter", "private:factory/swriter/web", "private:factory/scalc"):
            with self.subTest(factory=factory):
                doc = office.desktop.loadComponentFromURL(factory, "_blank", 0, (prop("Hidden", True),))
                self.addCleanup(lambda d=doc: d.close(True))
                lm = doc.CurrentController.Frame.LayoutManager
                names = [e.ResourceURL for e in lm.getElements()]
                self.assertIn("private:resource/toolbar/addon_org.ogi.reportchecker.toolbar", names)

    def test_menu_configuration(self):
        """Tools › 年报检查 is merged into the Writer and Calc menus (the menu itself cannot be
        looked at headless: check the installed configuration)."""
        provider = office.create("com.sun.star.configuration.ConfigurationProvider")
        access = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess",
            (prop("nodepath", "/org.openoffice.Office.Addons/AddonUI/OfficeMenuBarMerging/org.ogi.reportchecker/S1"),))
        self.assertTrue(access.MergePoint.startswith(".uno:ToolsMenu"))
        self.assertIn("com.sun.star.text.TextDocument", access.MergeContext)
        self.assertIn("com.sun.star.sheet.SpreadsheetDocument", access.MergeContext)
        menu = access.MenuItems.getByName("M1")
        self.assertEqual(menu.Title, "OGI Report Checker")  # en-US UI here; zh-CN: 年报检查
        urls = [menu.Submenu.getByName(n).URL for n in sorted(menu.Submenu.ElementNames)]
        self.assertEqual(urls, [PROTOCOL + "Check", PROTOCOL + "ClearMarks", PROTOCOL + "ShowIssues",
                                PROTOCOL + "ChoosePrevious", "private:separator", "", PROTOCOL + "InsertSkeleton",
                                "private:separator", PROTOCOL + "FillTotals", PROTOCOL + "FillZeros",
                                PROTOCOL + "Sentences"])
        # 插入模板 › one entry per template.
        insert = menu.Submenu.getByName("m05").Submenu
        templates = [insert.getByName(n).URL for n in sorted(insert.ElementNames)]
        for tid in ("2021-t2", "2021-t3", "2021-t4", "2019-t2", "2019-t3", "2019-t4", "old", "old-b0"):
            self.assertIn(PROTOCOL + "InsertTemplate?Template=" + tid, templates)

    def test_summary_infobar_on_visible_document(self):
        doc = self.load_copy(os.path.join(FIXTURES, "seed002-dongyang-2017-old.odt"), hidden=False)
        summary = office.dispatch(doc, PROTOCOL + "Check").Result
        self.assertIn("1", summary)
        self.assertTrue(doc.CurrentController.hasInfobar("org.ogi.reportchecker"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
