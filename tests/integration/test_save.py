"""Integration tests of the save-time check (issue 4): store()/storeAsURL() of Writer and Calc
documents in a real headless office with the .oxt installed.

What is shown:
  - store() and storeAsURL() run the check; getLastReport(doc) has the fixtures' findings;
  - by default the saved file is unchanged by us (no marks);
  - MarkOnSave: the saved file has the marks, and saving again does not add a second set;
  - MarkSeverities / colours are honoured; CheckOnSave=false: no check at all;
  - a read-only document, a document without tables, and a failing checker
    (OGI_TEST_FAIL_ON_SAVE in a second office) never break the save;
  - the infobar on a visible document, its "忽略" command, and the options page handler;
  - the progress infobar: a save of a changed document replaces our infobar at once with
    "Checking the report tables…" (read from the window's accessibility tree while the check runs,
    from an undo listener: the check's marking is an undo context), then the result replaces it.

Environment: as test_extension.py (OGI_OXT, OGI_FIXTURES, OGI_WORKDIR, URE_MORE_TYPES).
"""
import json
import os
import shutil
import sys
import time
import unittest

import uno
import unohelper
from com.sun.star.document import XUndoManagerListener
from com.sun.star.uno import Exception as UnoException

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))

from ogicheck.office import prop  # noqa: E402
from suite import EXPECTED, FIXTURES, PROTOCOL, ModuleOffice, close_quietly, fixtures, stem  # noqa: E402
import docstate  # noqa: E402
from docstate import COLORS, CALC_MARKER, OUR_AUTHOR  # noqa: E402

EXTENSION_ID = "org.ogi.reportchecker"
# The module's office runs the en-US UI (strings_en_US.properties).
PRODUCT = "OGI Report Checker"
CHECKING = "Checking the report tables\u2026"
SETTINGS = "/org.ogi.reportchecker.OgiReportChecker/Settings"
DEFAULTS = {"CheckOnSave": True, "MarkOnSave": False, "MarkSeverities": "error,warning,info",
            "ErrorColor": 0xFFB3B3, "WarningColor": 0xFFE699, "InfoColor": 0xCCE5FF, "DisabledRules": "",
            "ApplyIgnored": True}


office = ModuleOffice()
setUpModule, tearDownModule = office.start, office.stop


def settings_access(off, update=True):
    provider = off.create("com.sun.star.configuration.ConfigurationProvider")
    service = "com.sun.star.configuration.Configuration" + ("UpdateAccess" if update else "Access")
    return provider.createInstanceWithArguments(service, (prop("nodepath", SETTINGS),))


def set_settings(off=None, **values):
    access = settings_access(off or office)
    for name, value in values.items():
        access.setPropertyValue(name, value)
    access.commitChanges()


def wait_for(condition, seconds=20):
    """True as soon as condition() is; False after `seconds`."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


# com.sun.star.accessibility.AccessibleRole: what an infobar is made of, and what to skip.
STATIC, PUSH_BUTTON = 86, 44
# Not walked: menu bar, scroll bar, the sidebar, tool bar, ruler, document text (large, and never an infobar).
SKIPPED_ROLES = {35, 50, 56, 63, 77, 85}


def infobars(doc):
    """The infobars of the document's window as the user sees them, [(title, text, [button labels])],
    read through the window's accessibility tree: an infobar is the largest part of the tree that
    holds exactly two texts (its title and its message) and its buttons. The tree is live: when
    the office replaces an infobar while it is read (a deferred check finishing), it is read again."""
    for attempt in range(20):
        try:
            return _infobars(doc)
        except UnoException:
            if attempt == 19:
                raise
            time.sleep(0.05)


def _infobars(doc):
    bars = []

    def visit(ctx):
        if ctx.AccessibleRole in SKIPPED_ROLES:
            return [], []
        statics, buttons, children = [], [], []
        if ctx.AccessibleRole == STATIC:
            statics.append(ctx.AccessibleName)
        if ctx.AccessibleRole == PUSH_BUTTON:
            buttons.append(ctx.AccessibleName)
        for i in range(ctx.AccessibleChildCount):
            child = ctx.getAccessibleChild(i)
            child = child.getAccessibleContext() if child is not None else None
            if child is None:
                continue
            s, b = visit(child)
            children.append((s, b))
            statics += s
            buttons += b
        if len(statics) != 2:
            bars.extend((s[0], s[1], b) for s, b in children if len(s) == 2)
        return statics, buttons

    statics, buttons = visit(doc.CurrentController.Frame.ContainerWindow.AccessibleContext)
    if len(statics) == 2:
        bars.append((statics[0], statics[1], buttons))
    return bars


def our_infobar(doc):
    """Our infobar (its title is the product name): (text, buttons), or None."""
    ours = [(text, buttons) for title, text, buttons in infobars(doc) if title == PRODUCT]
    assert len(ours) <= 1, ours
    return ours[0] if ours else None


class UndoContextWatcher(unohelper.Base, XUndoManagerListener):
    """Calls `on_enter` when an undo context is entered (the check's marking is one), while the
    office waits: what it reads is the state during the check."""

    def __init__(self, on_enter):
        self.on_enter = on_enter

    def enteredContext(self, event):
        self.on_enter()

    def undoActionAdded(self, event): pass
    def actionUndone(self, event): pass
    def actionRedone(self, event): pass
    def allActionsCleared(self, event): pass
    def redoActionsCleared(self, event): pass
    def resetAll(self, event): pass
    def enteredHiddenContext(self, event): pass
    def leftContext(self, event): pass
    def leftHiddenContext(self, event): pass
    def cancelledContext(self, event): pass
    def disposing(self, event): pass


def our_comments(state):
    """Comments/notes that are ours (Writer: our author; Calc: our marker line)."""
    return [c for c in state["comments"]
            if c.get("author") == OUR_AUTHOR or c["content"].startswith(CALC_MARKER)]


def cells_with_our_colors(state, before=None):
    ours = set(COLORS.values())
    found = {}
    for key, cell in state["cells"].items():
        color = docstate.color_of(cell)
        if color in ours and (before is None or docstate.color_of(before["cells"].get(key, {})) != color):
            found[key] = color
    return found


def cell_key(doc, d):
    if docstate.is_writer(doc):
        return (d["host_table"], d["cell"])
    sheet, _, addr = d["cell"].rpartition(".")
    return (sheet, addr)


class SaveTest(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        set_settings(**DEFAULTS)
        self.addCleanup(lambda: set_settings(**DEFAULTS))

    # ------------------------------------------------------------------------ helpers
    def copy(self, path, suffix=""):
        target = office.copy_in(path)
        if suffix:
            base, ext = os.path.splitext(target)
            renamed = base + suffix + ext
            shutil.move(target, renamed)
            target = renamed
        return target

    def load(self, path, off=None, **kw):
        doc = (off or office).load(path, **kw)
        self.addCleanup(close_quietly, doc)
        return doc

    def report(self, doc):
        text = office.checker().getLastReport(doc)
        return json.loads(text) if text else None

    def assert_expected(self, path, report):
        exp = EXPECTED[stem(path)]
        found = {(d["rule"], d["severity"], d.get("key", "")) for d in report["diagnostics"]}
        for rule, sev, key in exp["must"]:
            self.assertTrue(any((rule is None or r == rule) and (sev is None or s == sev) and (key is None or k == key)
                                for r, s, k in found), "%s %s %s missing in %s" % (rule, sev, key, found))
        if "blank_cells" in exp:
            self.assertEqual([[c["key"] for c in d["related"]] for d in report["diagnostics"] if d["rule"] == "S-3"],
                             [exp["blank_cells"]])
        if exp.get("nothing"):
            self.assertEqual(report["tables"], [])
            self.assertEqual(report["diagnostics"], [])
        else:
            self.assertTrue(report["tables"])

    # ------------------------------------------------------------------------ default: check only
    def test_store_checks_and_leaves_file_unmarked(self):
        for path in fixtures():
            with self.subTest(fixture=os.path.basename(path)):
                target = self.copy(path)
                doc = self.load(target)
                before = docstate.snapshot(doc)
                self.assertIsNone(self.report(doc))
                doc.store()
                report = self.report(doc)
                self.assertIsNotNone(report, "store() did not run the check")
                self.assert_expected(path, report)
                # The document was not touched, and the file holds no marks.
                self.assertEqual(docstate.diff(before, docstate.snapshot(doc)), [])
                self.assertFalse(doc.isModified())
                close_quietly(doc)
                reloaded = self.load(target)
                after = docstate.snapshot(reloaded)
                self.assertEqual(our_comments(after), [])
                self.assertEqual(cells_with_our_colors(after, before), {})
                self.assertEqual({k: c["text"] for k, c in after["cells"].items()},
                                 {k: c["text"] for k, c in before["cells"].items()})

    def test_store_as_url_checks(self):
        for name in ("seed002-dongyang-2017-old.odt", "seed002-dongyang-2017-old.xlsx"):
            with self.subTest(fixture=name):
                doc = self.load(self.copy(os.path.join(FIXTURES, name)))
                base, ext = os.path.splitext(office.copy_in(os.path.join(FIXTURES, name)))
                target = base + "-saved-as" + ext
                doc.storeAsURL(uno.systemPathToFileUrl(target), ())
                self.assertTrue(os.path.getsize(target) > 0)
                self.assert_expected(name, self.report(doc))

    # ------------------------------------------------------------------------ MarkOnSave
    def test_mark_on_save_marks_file_once(self):
        set_settings(MarkOnSave=True)
        names = ["seed002-dongyang-2017-old" + ext for ext in (".odt", ".docx", ".doc", ".ods", ".xlsx")]
        names += ["seed004-jinfeng-2017-old.odt", "seed004-jinfeng-2017-old.xlsx"]
        for name in names:
            with self.subTest(fixture=name):
                target = self.copy(os.path.join(FIXTURES, name))
                doc = self.load(target)
                before = docstate.snapshot(doc)
                doc.store()
                doc.store()  # twice in one session: still one set
                self.assertFalse(doc.isModified())
                report = self.report(doc)
                marked = {cell_key(doc, d) for d in report["diagnostics"] if d.get("cell")}
                in_memory = docstate.snapshot(doc)
                self.assertEqual(len(our_comments(in_memory)), len(marked))
                close_quietly(doc)

                reloaded = self.load(target)
                first = docstate.snapshot(reloaded)
                comments = our_comments(first)
                self.assertEqual(len(comments), len(marked), comments)
                self.assertEqual({tuple(c["cell"]) for c in comments}, marked)
                if name.startswith("seed002"):
                    b12 = [d for d in report["diagnostics"] if d["rule"] == "B-12"][0]
                    self.assertEqual(docstate.color_of(first["cells"][cell_key(reloaded, b12)]), COLORS["warning"])
                    self.assertTrue(any("[B-12]" in c["content"] for c in comments))
                # Texts unchanged (our comments are not cell text).
                self.assertEqual({k: c["text"] for k, c in first["cells"].items()},
                                 {k: c["text"] for k, c in before["cells"].items()})

                # Saving the reloaded (already marked) file again: no second set of marks.
                reloaded.store()
                close_quietly(reloaded)
                again = self.load(target)
                second = docstate.snapshot(again)
                self.assertEqual(our_comments(second), comments)
                self.assertEqual(cells_with_our_colors(second), cells_with_our_colors(first))

    def test_mark_on_save_honours_severities_and_colours(self):
        name = "seed002-dongyang-2017-old.odt"
        # Only errors are marked: seed 002 has a warning only, so the file stays unmarked.
        set_settings(MarkOnSave=True, MarkSeverities="error")
        target = self.copy(os.path.join(FIXTURES, name), "-errors-only")
        doc = self.load(target)
        doc.store()
        self.assertTrue(any(d["rule"] == "B-12" for d in self.report(doc)["diagnostics"]))
        self.assertEqual(our_comments(docstate.snapshot(doc)), [])
        # Warnings in green.
        set_settings(MarkSeverities="warning", WarningColor=0x00FF00)
        doc.store()
        state = docstate.snapshot(doc)
        b12 = [d for d in self.report(doc)["diagnostics"] if d["rule"] == "B-12"][0]
        self.assertEqual(docstate.color_of(state["cells"][cell_key(doc, b12)]), 0x00FF00)
        self.assertEqual(len(our_comments(state)), 1)
        # ClearMarks recognises the configured colour too.
        office.dispatch(doc, PROTOCOL + "ClearMarks")
        self.assertEqual(our_comments(docstate.snapshot(doc)), [])

    # ------------------------------------------------------------------------ switches and edge cases
    def test_check_on_save_off(self):
        set_settings(CheckOnSave=False, MarkOnSave=True)
        target = self.copy(os.path.join(FIXTURES, "seed002-dongyang-2017-old.ods"), "-off")
        doc = self.load(target)
        before = docstate.snapshot(doc)
        doc.store()
        self.assertIsNone(self.report(doc))
        self.assertEqual(docstate.diff(before, docstate.snapshot(doc)), [])

    def test_read_only_document(self):
        set_settings(MarkOnSave=True)
        for name in ("seed002-dongyang-2017-old.odt", "seed002-dongyang-2017-old.xlsx"):
            with self.subTest(fixture=name):
                doc = self.load(self.copy(os.path.join(FIXTURES, name), "-ro"), read_only=True)
                self.assertTrue(doc.isReadonly())
                before = docstate.snapshot(doc)
                base, ext = os.path.splitext(office.copy_in(os.path.join(FIXTURES, name)))
                target = base + "-ro-saved-as" + ext
                doc.storeAsURL(uno.systemPathToFileUrl(target), ())  # must not raise
                self.assertTrue(os.path.getsize(target) > 0)
                self.assertIsNotNone(self.report(doc))
                saved = self.load(target)
                self.assertEqual(our_comments(docstate.snapshot(saved)), [])
                self.assertEqual(our_comments(before), [])

    def test_documents_without_tables(self):
        for factory, ext in (("private:factory/swriter", ".odt"), ("private:factory/scalc", ".ods")):
            with self.subTest(factory=factory):
                doc = office.desktop.loadComponentFromURL(factory, "_blank", 0, (prop("Hidden", True),))
                self.addCleanup(close_quietly, doc)
                if ext == ".odt":
                    doc.Text.setString("2017年政府信息公开工作年度报告\n没有表格。")
                else:
                    doc.Sheets.getByIndex(0).getCellByPosition(0, 0).setString("没有表格")
                target = os.path.join(office.workdir, "docs", "no-tables" + ext)
                doc.storeAsURL(uno.systemPathToFileUrl(target), ())
                report = self.report(doc)
                self.assertEqual(report["tables"], [])
                self.assertEqual(report["diagnostics"], [])

    def test_big_sheet_is_not_read_on_save(self):
        """A sheet over the save-time bound (20 000 used cells) is skipped and logged; the rest of
        the document is still checked."""
        doc = office.load(self.copy(os.path.join(FIXTURES, "seed002-dongyang-2017-old.ods"), "-big"))
        self.addCleanup(close_quietly, doc)
        doc.Sheets.insertNewByName("大表", doc.Sheets.Count)
        doc.Sheets.getByName("大表").getCellRangeByPosition(0, 0, 49, 499).setDataArray(
            tuple(tuple(float(r * 50 + c) for c in range(50)) for r in range(500)))
        doc.store()
        report = self.report(doc)
        self.assertTrue(any(d["rule"] == "B-12" for d in report["diagnostics"]))
        self.assertFalse(any("大表" in t.get("location", "") for t in report["tables"]))
        with open(office.log_path, "rb") as f:
            self.assertIn("sheet 大表 not read".encode(), f.read())

    def test_big_writer_tables_are_not_read_on_save(self):
        """Writer tables over the save-time bound (20 000 cells) are not read by a check-only
        save: the cells are counted after the save, by its deferred check, which keeps an empty
        result and logs why; the save itself is whole."""
        target = self.copy(os.path.join(FIXTURES, "seed002-dongyang-2017-old.odt"), "-bigtables")
        doc = self.load(target)
        text = doc.Text
        for i in range(5):                                  # 5 × 80 × 60 = 24 000 cells more
            table = doc.createInstance("com.sun.star.text.TextTable")
            table.initialize(80, 60)
            text.insertTextContent(text.End, table, False)
        self.assertGreater(sum(len(doc.TextTables.getByIndex(i).getCellNames())
                               for i in range(doc.TextTables.Count)), 20000)
        doc.store()
        report = self.report(doc)
        self.assertIsNotNone(report)
        self.assertEqual(report["tables"], [])
        self.assertEqual(report["diagnostics"], [])
        with open(office.log_path, "rb") as f:
            self.assertIn(b"save check skipped: ", f.read())
        self.assertFalse(doc.isModified())                  # stored
        # The toolbar command still checks everything.
        self.assertTrue(any(d["rule"] == "B-12" for d in json.loads(office.checker().checkToJson(doc))["diagnostics"]))

    # ------------------------------------------------------------------------ the infobar
    def test_infobar_and_dismiss_on_visible_document(self):
        doc = self.load(self.copy(os.path.join(FIXTURES, "seed002-dongyang-2017-old.odt"), "-visible"), hidden=False)
        controller = doc.CurrentController
        doc.store()
        # The check-only save-time check runs from the event loop right after the save.
        self.assertTrue(wait_for(lambda: controller.hasInfobar(EXTENSION_ID)))
        office.dispatch(doc, PROTOCOL + "DismissInfobar")
        self.assertFalse(controller.hasInfobar(EXTENSION_ID))
        # The "标记并查看" button's command marks the document.
        office.dispatch(doc, PROTOCOL + "Check")
        self.assertTrue(our_comments(docstate.snapshot(doc)))
        # A document without errors or warnings (seed 000: one info) gets no infobar.
        clean = self.load(self.copy(os.path.join(FIXTURES, "seed000-jiangsu-2017-old.odt"), "-visible"), hidden=False)
        clean.store()
        self.assertIsNotNone(self.report(clean))     # asking for the report runs the deferred check
        self.assertFalse(clean.CurrentController.hasInfobar(EXTENSION_ID))

    def test_progress_infobar_replaces_the_previous_one_during_the_check(self):
        """MarkOnSave (the check runs inside the save): while it runs, our infobar says
        "Checking the report tables…" and nothing else (the previous save's result is gone);
        after it, the new result, with its buttons."""
        doc = self.load(self.copy(os.path.join(FIXTURES, "seed002-dongyang-2017-old.odt"), "-progress"), hidden=False)
        doc.store()                                                 # check only: a first result
        self.assertIsNotNone(self.report(doc))
        before = our_infobar(doc)
        self.assertIsNotNone(before)
        self.assertTrue(before[0].startswith("The report tables of this document have "), before)
        set_settings(MarkOnSave=True)
        doc.Text.getEnd().setString("x")                           # a change since the last save
        during = []
        watcher = UndoContextWatcher(lambda: during.append(our_infobar(doc)))
        doc.UndoManager.addUndoManagerListener(watcher)            # after the edit (an undo context too)
        self.addCleanup(doc.UndoManager.removeUndoManagerListener, watcher)
        doc.store()                                                 # marks: one undo context
        self.assertTrue(during, "the save did not mark (no undo context)")
        self.assertEqual(during[0], (CHECKING, []))
        after = our_infobar(doc)
        self.assertNotEqual(after, (CHECKING, []))                    # the progress notice never stays
        report = self.report(doc)
        if [d for d in report["diagnostics"] if d["severity"] in ("error", "warning")]:
            self.assertTrue(after[0].startswith(before[0]), (after, before))   # the same findings
            self.assertIn("report check mark", after[0])                    # now in the file
            self.assertIn("Ignore", after[1])
        else:
            # The marking's time budget (SaveCheck.cxx, kMarkBudgetMs) ran out on a loaded machine:
            # nothing read, nothing to say (the E-2 info names what was not read).
            self.assertIn("E-2", [d["rule"] for d in report["diagnostics"]])
            self.assertIsNone(after)

    def test_progress_infobar_on_a_deferred_check(self):
        """Check only (the default: the check runs right after the save): the save replaces the
        previous infobar at once (progress, or the result when the check already ran); the result
        follows."""
        doc = self.load(self.copy(os.path.join(FIXTURES, "seed002-dongyang-2017-old.odt"), "-deferred"), hidden=False)
        result = office.dispatch(doc, PROTOCOL + "Check")
        self.assertEqual(our_infobar(doc)[0], result.Result)
        doc.Text.getEnd().setString("x")
        doc.store()
        at_once = our_infobar(doc)
        self.assertIsNotNone(at_once)
        self.assertNotEqual(at_once[0], result.Result)              # the previous result is gone
        self.assertIsNotNone(self.report(doc))                      # asking for the report runs the check
        after = our_infobar(doc)
        self.assertTrue(after[0].startswith("The report tables of this document have "), after)
        self.assertIn(at_once[0], (CHECKING, after[0]))
        # Saved again unchanged: the result stays, no progress (the same check, the same result).
        doc.store()
        self.assertEqual(our_infobar(doc), after)
        self.assertIsNotNone(self.report(doc))
        self.assertEqual(our_infobar(doc), after)

    # ------------------------------------------------------------------------ the options
    def test_options_defaults_and_registration(self):
        access = settings_access(office, update=False)
        for name, value in DEFAULTS.items():
            self.assertEqual(access.getPropertyValue(name), value, name)
        provider = office.create("com.sun.star.configuration.ConfigurationProvider")
        for module in ("Writer", "WriterWeb", "Calc"):
            leaves = provider.createInstanceWithArguments(
                "com.sun.star.configuration.ConfigurationAccess",
                (prop("nodepath", "/org.openoffice.Office.OptionsDialog/Nodes/%s/Leaves" % module),))
            leaf = leaves.getByName("%s.options.%s" % (EXTENSION_ID, module.lower()))
            self.assertEqual(leaf.Id, EXTENSION_ID)
            self.assertTrue(leaf.OptionsPage.endswith("/options/OptionsPage.xdl"))
            self.assertEqual(leaf.EventHandlerService, "org.ogi.reportchecker.OptionsPageImpl")

    def test_disabled_rules_are_not_checked(self):
        """DisabledRules (options page): seed 002's B-12 warning is gone from check(), the
        toolbar's marks and the save-time check; the other findings stay."""
        path = self.copy(os.path.join(FIXTURES, "seed002-dongyang-2017-old.odt"), "-rules")
        doc = self.load(path)
        checker = office.checker()
        self.assertIn("B-12", [d.Rule for d in checker.check(doc)])
        set_settings(DisabledRules="B-12")
        self.assertNotIn("B-12", [d.Rule for d in checker.check(doc)])
        doc.store()
        self.assertNotIn("B-12", [d["rule"] for d in json.loads(checker.getLastReport(doc))["diagnostics"]])
        before = docstate.snapshot(doc)
        office.dispatch(doc, PROTOCOL + "Check")
        ours = [c for c in docstate.snapshot(doc)["comments"] if c not in before["comments"]]
        self.assertFalse(any("[B-12]" in c["content"] for c in ours))
        set_settings(DisabledRules="")
        self.assertIn("B-12", [d.Rule for d in checker.check(doc)])

    def test_options_page_handler(self):
        """The page as the options dialog drives it: initialize shows the settings, ok writes them."""
        doc = self.load(self.copy(os.path.join(FIXTURES, "seed003-shanghai-2017-plan.odt"), "-options"), hidden=False)
        pip = office.ctx.getValueByName("/singletons/com.sun.star.deployment.PackageInformationProvider")
        url = pip.getPackageLocation(EXTENSION_ID) + "/options/OptionsPage.xdl"
        handler = office.create("org.ogi.reportchecker.OptionsPageImpl")
        self.assertIn("external_event", handler.getSupportedMethodNames())
        provider = office.create("com.sun.star.awt.ContainerWindowProvider")
        parent = doc.CurrentController.Frame.ContainerWindow
        window = provider.createContainerWindow(url, "", parent, handler)
        self.addCleanup(window.dispose)
        set_settings(MarkOnSave=True, ErrorColor=0x112233, DisabledRules="s-3,B-11")
        self.assertTrue(handler.callHandlerMethod(window, "initialize", "external_event"))
        model = lambda name: window.getControl(name).Model  # noqa: E731
        self.assertEqual(model("CheckOnSave").State, 1)
        self.assertEqual(model("MarkOnSave").State, 1)
        self.assertEqual(model("ErrorColor").Text, "#112233")
        self.assertEqual(model("DisabledRules").Text, "B-11, S-3")  # normalized, catalog order
        self.assertEqual(model("CheckOnSave").Label, "Check the report tables when saving")  # en-US UI
        model("CheckOnSave").State = 0
        model("MarkInfo").State = 0
        model("WarningColor").Text = "#00ff00"
        model("InfoColor").Text = "not a colour"
        model("DisabledRules").Text = "b-12，X-5 Z-9"  # full-width comma; Z-9 is no rule
        self.assertTrue(handler.callHandlerMethod(window, "ok", "external_event"))
        access = settings_access(office, update=False)
        self.assertFalse(access.CheckOnSave)
        self.assertEqual(access.MarkSeverities, "error,warning")
        self.assertEqual(access.WarningColor, 0x00FF00)
        self.assertEqual(access.InfoColor, DEFAULTS["InfoColor"])  # invalid input keeps the value
        self.assertEqual(access.DisabledRules, "B-12, X-5")
        # "back" (Reset) shows the stored values again.
        model("MarkOnSave").State = 0
        self.assertTrue(handler.callHandlerMethod(window, "back", "external_event"))
        self.assertEqual(model("MarkOnSave").State, 1)


class FailingCheckerTest(unittest.TestCase):
    """A second office whose save-time check is forced to throw (OGI_TEST_FAIL_ON_SAVE)."""

    office = ModuleOffice("failing", OGI_TEST_FAIL_ON_SAVE="1")

    @classmethod
    def setUpClass(cls):
        cls.office.start()

    @classmethod
    def tearDownClass(cls):
        cls.office.stop()

    def test_save_completes_when_the_check_throws(self):
        off = self.office
        set_settings(off, MarkOnSave=True)
        for name in ("seed002-dongyang-2017-old.odt", "seed002-dongyang-2017-old.docx",
                     "seed002-dongyang-2017-old.doc", "seed002-dongyang-2017-old.ods",
                     "seed002-dongyang-2017-old.xlsx"):
            with self.subTest(fixture=name):
                target = off.copy_in(os.path.join(FIXTURES, name))
                doc = off.load(target)
                # An edit, so that the saved file must differ from the fixture.
                if docstate.is_writer(doc):
                    doc.Text.insertString(doc.Text.getStart(), "已编辑 ", False)
                else:
                    doc.Sheets.getByIndex(0).getCellByPosition(30, 0).setString("已编辑")
                edited = docstate.snapshot(doc)
                doc.store()  # must not raise
                self.assertFalse(doc.isModified())
                checker = off.create("org.ogi.reportchecker.ReportChecker")
                self.assertEqual(checker.getLastReport(doc), "")
                doc.close(True)
                reloaded = off.load(target)
                try:
                    self.assertEqual(docstate.diff(edited, docstate.snapshot(reloaded)), [])
                    if docstate.is_writer(reloaded):
                        self.assertTrue(reloaded.Text.getString().startswith("已编辑"))
                    else:
                        self.assertEqual(reloaded.Sheets.getByIndex(0).getCellByPosition(30, 0).String, "已编辑")
                finally:
                    reloaded.close(True)
        with open(off.log_path, "rb") as f:
            self.assertIn(b"save check failed", f.read())


if __name__ == "__main__":
    unittest.main(verbosity=2)
