"""Integration tests of the 年报检查 sidebar deck (issue 12), in a fresh profile of a real office,
once with the zh-CN UI and once with the en-US UI:

  - the panel factory registered in Factories.xcu makes the deck's panel for a real frame: its
    grid lists the findings of the fixture, grouped by table, with the severity, the place in
    words and the message, the counts, localized column titles and buttons;
  - 检查表格 opens the deck (the sidebar itself creates our panel) at the first finding;
  - selecting a finding selects its cell and paints its related cells (not an undo step, the
    modified flag kept), until another finding is selected;
  - one user action, one undo step named after it: check (with the cursor in a marked cell),
    clear, ignore (its undo also puts the ignore list back) and restore;
  - buttons that cannot act are disabled (nothing selected, read-only document);
  - each row shows its severity's icon (a 16 px PNG packaged in the extension), the word as its
    tooltip;
  - the selected finding's rule help (what it checks, why, how to fix: the message catalogs'
    texts, src/core/data/messages) is shown, and 帮助 opens the packaged help page at the rule
    (help/rules_<lang>.html#<id>, a file of the installed extension with that anchor).

The Sidebar command (vnd.org.ogi.reportchecker:Sidebar?Select=n…) answers with the panel's
state: "counts\t…", one line per row ("severity\twhere\tmessage"), "buttons\t<recheck> <ignore>
<fix> <reset>", "selected\t<n>", "painted\t<n>", "help\t<its lines>", "helpurl\t<url>",
"helpbutton\t<1|0>" (SidebarPanel.hxx).
Environment: as test_extension.py (OGI_OXT, OGI_FIXTURES, OGI_WORKDIR, URE_MORE_TYPES).
"""
import json
import os
import re
import struct
import sys
import time
import unittest

import uno

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))

from ogicheck.office import EXTENSION_ID, prop  # noqa: E402
from suite import FIXTURES, PROTOCOL, WORKDIR, ModuleOffice, close_quietly, launcher  # noqa: E402

PANEL_URL = "private:resource/toolpanel/OgiReportCheckerPanelFactory/Findings"
FACTORY = EXTENSION_ID + ".SidebarPanelFactoryImpl"
DECK = "OgiReportCheckerDeck"
RELATED = 0xC6DBF7
IGNORED = "OgiReportCheckerIgnored"
REASONS = "OgiReportCheckerIgnoredReasons"
SEED4 = "seed004-jinfeng-2017-old"
INTERNAL_KEYS = re.compile(r"\bB\d\d\b|R\d_\d|Table\d|\d{4}-t\d|\bold\b|\(s\)")
TOOLPANEL = 7  # com.sun.star.ui.UIElementType.TOOLPANEL
SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
ICONS = {"error": "/icons/severity_error_16.png", "warning": "/icons/severity_warning_16.png",
         "info": "/icons/severity_info_16.png"}
# The help box's lines (extension/resources/strings_*.properties) around the catalogs' texts.
HELP_LINES = {"zh-CN": ("规则 %s：%s", "检查内容：%s", "原因：%s", "修改方法：%s"),
              "en-US": ("Rule %s: %s", "What it checks: %s", "Why it matters: %s", "How to fix: %s")}

STRINGS = {
    "zh-CN": {"columns": ("级别", "位置", "说明"), "recheck": "重新检查", "ignore": "忽略", "fix": "修正",
              "reset": "恢复已忽略（0）", "warning": "⚠ 警告", "info": "ℹ 提示", "table": "统计表 · ",
              "heading": "政府信息公开情况统计表",
              "check": "年报检查标记", "clear": "清除年报检查标记", "ignore_step": "忽略此项",
              "restore_step": "恢复已忽略", "save_problems": "本文档的年报表格有 %s。",
              "save_marks": "文档含年报检查标记 %d 处，将随文档保存。", "help": "帮助"},
    "en-US": {"columns": ("Severity", "Where", "Message"), "recheck": "Check Again", "ignore": "Ignore",
              "fix": "Fix", "reset": "Restore Ignored (0)", "warning": "⚠ Warning", "info": "ℹ Info",
              "table": "Statistics table · ", "heading": "Government information disclosure statistics (2014 form)",
              "check": "Report Check Marks", "clear": "Clear Report Check Marks", "ignore_step": "Ignore Finding",
              "restore_step": "Restore Ignored Findings",
              "save_problems": "The report tables of this document have %s.",
              "save_marks": "The document carries %d report check marks; they are saved with it.", "help": "Help"},
}


def counts(lang, diags, with_infos=True):
    """The counts as the extension writes them: non-zero parts only, plurals in English."""
    n = {k: sum(1 for d in diags if d.Severity == k) for k in ("error", "warning", "info")}
    if not with_infos:
        n["info"] = 0
    if lang == "zh-CN":
        words = {"error": "%d 处错误", "warning": "%d 处警告", "info": "%d 条提示"}
        return "、".join(words[k] % n[k] for k in ("error", "warning", "info") if n[k])
    words = {"error": ("error", "errors"), "warning": ("warning", "warnings"), "info": ("info", "infos")}
    return ", ".join("%d %s" % (n[k], words[k][n[k] != 1]) for k in ("error", "warning", "info") if n[k])


SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def catalog(lang):
    """The message catalog of a language, as the build embeds it."""
    with open(os.path.join(SOURCE, "src", "core", "data", "messages", lang + ".json"), encoding="utf-8") as f:
        return json.load(f)["messages"]


def rule_titles(rule, lang):
    """The titles of a rule's declarations (data/rules.json), each once, in declaration order."""
    with open(os.path.join(SOURCE, "src", "core", "data", "rules.json"), encoding="utf-8") as f:
        titles = []
        for r in json.load(f)["rules"]:
            if r["id"] == rule and r["title"][lang] not in titles:
                titles.append(r["title"][lang])
    return " / ".join(titles)


def launched(office, timeout=15):
    """The URLs the office handed to the desktop so far (waits for the first one)."""
    log = office_launcher(office) + ".log"
    deadline = time.time() + timeout
    while not os.path.exists(log) and time.time() < deadline:
        time.sleep(0.2)
    if not os.path.exists(log):
        return []
    with open(log, encoding="utf-8") as f:
        return f.read().split()


def office_launcher(office):
    return office._environment["DESKTOP_LAUNCH"]


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    return struct.unpack(">II", head[16:24]) if head[:8] == b"\x89PNG\r\n\x1a\n" else None


def selected_cell(doc):
    """(table or sheet name, cell address) of the controller's selection."""
    sel = doc.CurrentController.getSelection()
    if doc.supportsService("com.sun.star.text.TextDocument"):
        r = sel.getByIndex(0)
        return (r.TextTable.Name if r.TextTable else None, r.Cell.CellName if r.Cell else None)
    addr = sel.getRangeAddress()
    return (doc.Sheets.getByIndex(addr.Sheet).Name, sel.AbsoluteName.split(".")[-1].replace("$", ""))


def cell_of(doc, ref):
    """(table, address) of a CellRef as the controller names it."""
    if doc.supportsService("com.sun.star.text.TextDocument"):
        return (ref.TableName, ref.Address)
    return (ref.TableName, ref.Address[len(ref.TableName) + 1:] if ref.Address.startswith(ref.TableName + ".")
            else ref.Address)


def parse(result):
    lines = result.split("\n")
    state = {"rows": []}
    for line in lines:
        key, _, rest = line.partition("\t")
        if key in ("counts", "buttons", "selected", "painted", "panel", "help", "helpurl", "helpbutton"):
            state[key] = rest
        else:
            state["rows"].append(line.split("\t"))
    return state


class SidebarChecks:
    """The tests, run by one class per UI language."""
    office = None
    lang = None

    @classmethod
    def setUpClass(cls):
        cls.office.start()

    @classmethod
    def tearDownClass(cls):
        cls.office.stop()

    def load(self, name, read_only=False):
        off = self.office
        doc = off.load(off.copy_in(os.path.join(FIXTURES, name)), hidden=False, read_only=read_only)
        self.addCleanup(close_quietly, doc)
        return doc

    def sidebar(self, doc, args="", properties=()):
        result = self.office.dispatch(doc, PROTOCOL + "Sidebar" + args, properties)
        self.assertEqual(result.State, 1, result.Result)
        state = parse(result.Result)
        self.assertNotIn("panel", state, "the frame shows no panel of ours")
        return state

    def diagnostics(self, doc):
        return list(self.office.checker().check(doc))

    def test_factory_makes_the_panel_for_a_real_frame(self):
        off = self.office
        s = STRINGS[self.lang]
        doc = self.load(SEED4 + ".odt")
        frame = doc.CurrentController.Frame
        factory = off.create(FACTORY)
        element = factory.createUIElement(PANEL_URL, (prop("Frame", frame), prop("ParentWindow", frame.ContainerWindow)))
        self.addCleanup(element.dispose)
        self.assertEqual(element.ResourceURL, PANEL_URL)
        self.assertEqual(element.Type, TOOLPANEL)
        panel = element.getRealInterface()
        size = panel.getHeightForWidth(320)
        self.assertTrue(0 < size.Minimum <= size.Preferred, (size.Minimum, size.Preferred))
        self.assertEqual(size.Maximum, -1)
        self.assertGreaterEqual(panel.getMinimalWidth(), 200)
        window = panel.Window
        grid = window.getControl("Findings").Model
        self.assertEqual(tuple(grid.ColumnModel.getColumn(i).Title for i in range(3)), s["columns"])
        data = grid.GridDataModel
        rows = [[data.getCellData(c, r) for c in range(3)] for r in range(data.RowCount)]
        # One table: its heading row, then the four warnings before the info.
        diags = self.diagnostics(doc)
        self.assertEqual(len(rows), len(diags) + 1)
        self.assertEqual(rows[0], ["", s["heading"], counts(self.lang, diags)])
        severities = sorted((d.Severity for d in diags), key=SEVERITY_ORDER.get)   # errors, warnings, infos
        self.assertEqual(severities[0], "warning")
        # The severity column: the severity's icon, 16 px, the same graphic for the same severity.
        icons = [r[0] for r in rows[1:]]
        for icon in icons:
            self.assertTrue(icon.supportsService("com.sun.star.graphic.Graphic"), icon)
            self.assertEqual((icon.SizePixel.Width, icon.SizePixel.Height), (16, 16))
        by_severity = {}
        for k, icon in zip(severities, icons):
            by_severity.setdefault(k, icon)
            self.assertEqual(icon, by_severity[k])
        self.assertGreaterEqual(len(by_severity), 2)
        self.assertNotEqual(by_severity["warning"], by_severity["info"])
        self.assertEqual([data.getCellToolTip(0, r) for r in range(1, len(rows))], [s[k] for k in severities])
        self.assertEqual(sorted(r[2] for r in rows[1:]), sorted(d.Message for d in diags))
        for r in rows[1:]:
            self.assertTrue(r[1].startswith(s["table"]), r[1])
            self.assertNotRegex(r[1], INTERNAL_KEYS)
        self.assertIn("（三）接受培训人员数", [r[1][len(s["table"]):] for r in rows])
        self.assertEqual(window.getControl("Counts").Text, counts(self.lang, diags))
        for name in ("recheck", "ignore", "fix", "reset"):
            control = {"recheck": "Recheck", "ignore": "Ignore", "fix": "Fix", "reset": "ResetIgnored"}[name]
            self.assertEqual(window.getControl(control).Model.Label, s[name], name)
        # Nothing selected: only 重新检查 can act, and 帮助 (the page's top); no help shown yet.
        self.assertEqual([window.getControl(n).Model.Enabled for n in ("Recheck", "Ignore", "Fix", "ResetIgnored")],
                         [True, False, False, False])
        self.assertEqual(window.getControl("HelpButton").Model.Label, s["help"])
        self.assertTrue(window.getControl("HelpButton").Model.Enabled)
        self.assertEqual(window.getControl("Help").Model.Text, "")
        self.assertTrue(window.getControl("Help").Model.ReadOnly)

    def package_location(self):
        pip = self.office.ctx.getValueByName("/singletons/com.sun.star.deployment.PackageInformationProvider")
        location = pip.getPackageLocation(EXTENSION_ID)
        self.assertTrue(location)
        return location

    def test_help_button_opens_the_page_at_the_selected_rule(self):
        """A click on 帮助 (through the button's accessible action, as a screen reader or a mouse
        click would) hands the desktop the packaged help page at the selected finding's rule."""
        off = self.office
        doc = self.load(SEED4 + ".odt")
        frame = doc.CurrentController.Frame
        element = off.create(FACTORY).createUIElement(
            PANEL_URL, (prop("Frame", frame), prop("ParentWindow", frame.ContainerWindow)))
        self.addCleanup(element.dispose)
        window = element.getRealInterface().Window
        grid = window.getControl("Findings")
        data = grid.Model.GridDataModel
        grid.selectRow(1)                                  # row 0 is the table's heading
        message = data.getCellData(2, 1)
        rule = [d.Rule for d in self.diagnostics(doc) if d.Message == message][0]
        texts = catalog(self.lang)
        self.assertIn(texts["help.%s.why" % rule], window.getControl("Help").Model.Text)
        before = launched(off, timeout=0)
        window.getControl("HelpButton").getPeer().getAccessibleContext().doAccessibleAction(0)
        deadline = time.time() + 15
        while len(launched(off)) == len(before) and time.time() < deadline:
            time.sleep(0.2)
        urls = launched(off)[len(before):]
        page = "%s/help/rules_%s.html" % (self.package_location(), self.lang)
        self.assertEqual(urls, [page + "#" + rule])
        self.assertTrue(os.path.isfile(uno.fileUrlToSystemPath(page)))

    def test_every_severity_image_resolves(self):
        location = self.package_location()
        for severity, path in ICONS.items():
            with self.subTest(severity=severity):
                file = uno.fileUrlToSystemPath(location + path)
                self.assertTrue(os.path.isfile(file), file)
                self.assertEqual(png_size(file), (16, 16), file)
                graphic = self.office.create("com.sun.star.graphic.GraphicProvider").queryGraphic(
                    (prop("URL", location + path),))
                self.assertEqual((graphic.SizePixel.Width, graphic.SizePixel.Height), (16, 16))

    def test_selected_finding_shows_its_rules_help(self):
        """Selecting a finding shows its rule's help — the catalog's what / why / fix of that rule —
        and 帮助 points at the rule's anchor on the packaged help page."""
        doc = self.load(SEED4 + ".odt")
        self.office.dispatch(doc, PROTOCOL + "Check")
        diags = self.diagnostics(doc)
        texts = catalog(self.lang)
        location = self.package_location()
        page = "%s/help/rules_%s.html" % (location, self.lang)
        lines = HELP_LINES[self.lang]

        def expected(rule):
            return [lines[0] % (rule, rule_titles(rule, self.lang))] + [
                line % texts["help.%s.%s" % (rule, part)] for line, part in zip(lines[1:], ("what", "why", "fix"))]

        # 检查表格 opened the deck at the first finding: its rule's help is shown already.
        state = self.sidebar(doc)
        shown = diags[int(state["selected"])].Rule
        self.assertEqual(state["help"].split("\t"), expected(shown))
        self.assertEqual(state["helpurl"], page + "#" + shown)
        rules = {}
        for k, d in enumerate(diags):
            rules.setdefault(d.Rule, k)
        self.assertGreaterEqual(len(rules), 3, sorted(rules))   # B-9, S-3, B-17 on seed 004
        for rule, k in sorted(rules.items()):
            with self.subTest(rule=rule):
                state = self.sidebar(doc, "?Select=%d" % k)
                self.assertEqual(int(state["selected"]), k)
                self.assertEqual(state["help"].split("\t"), expected(rule))
                self.assertEqual(state["helpurl"], page + "#" + rule)
                self.assertEqual(state["helpbutton"], "1")
                file = uno.fileUrlToSystemPath(page)
                self.assertTrue(os.path.isfile(file), file)
                with open(file, encoding="utf-8") as f:
                    html = f.read()
                self.assertIn('<section class="rule" id="%s">' % rule, html)
                self.assertIn(texts["help.%s.fix" % rule], html)
        # Back to the first rule: its help replaces the last one's.
        first = sorted(rules)[0]
        state = self.sidebar(doc, "?Select=%d" % rules[first])
        self.assertIn(texts["help.%s.what" % first], state["help"])
        self.assertNotIn(texts["help.%s.what" % sorted(rules)[-1]], state["help"])

    def test_check_opens_the_deck_at_the_first_finding(self):
        off = self.office
        doc = self.load(SEED4 + ".odt")
        result = off.dispatch(doc, PROTOCOL + "Check")
        self.assertEqual(result.State, 1, result.Result)
        self.assertLessEqual(len(result.Result), 160)      # one or two lines, no table list
        provider = doc.CurrentController.getSidebar()
        self.assertTrue(provider.isVisible())
        deadline = time.time() + 10   # the sidebar of a new frame may switch decks asynchronously
        while not provider.getDecks().getByName(DECK).isActive() and time.time() < deadline:
            time.sleep(0.2)
        self.assertTrue(provider.getDecks().getByName(DECK).isActive())
        state = self.sidebar(doc)                          # the panel the sidebar made
        first = [i for i, row in enumerate(state["rows"]) if row[0]][0]
        diags = self.diagnostics(doc)
        selected = int(state["selected"])
        self.assertEqual(diags[selected].Message, state["rows"][first][2])
        self.assertEqual(selected_cell(doc), cell_of(doc, diags[selected].Cell))
        self.assertEqual(state["counts"], counts(self.lang, diags))

    def test_selecting_goes_to_the_cell_and_paints_its_related_cells(self):
        for ext in (".odt", ".ods"):
            with self.subTest(format=ext):
                doc = self.load(SEED4 + ext)
                self.office.dispatch(doc, PROTOCOL + "Check")
                doc.setModified(False)
                undo = doc.UndoManager.getAllUndoActionTitles()
                diags = self.diagnostics(doc)
                with_related = [k for k, d in enumerate(diags)
                                if [r for r in d.Related if cell_of(doc, r) != cell_of(doc, d.Cell)]]
                self.assertTrue(with_related)
                k = with_related[0]
                state = self.sidebar(doc, "?Select=%d" % k)
                self.assertEqual(int(state["selected"]), k)
                self.assertEqual(selected_cell(doc), cell_of(doc, diags[k].Cell))
                related = {cell_of(doc, r) for r in diags[k].Related} - {cell_of(doc, diags[k].Cell)}
                self.assertEqual(int(state["painted"]), len(related))
                self.assertEqual(self.painted(doc, diags), related)
                self.assertEqual(doc.UndoManager.getAllUndoActionTitles(), undo)   # not an undo step
                self.assertFalse(doc.isModified())
                other = [j for j, d in enumerate(diags) if j != k][0]
                state = self.sidebar(doc, "?Select=%d" % other)
                self.assertEqual(selected_cell(doc), cell_of(doc, diags[other].Cell))
                now = {cell_of(doc, r) for r in diags[other].Related} - {cell_of(doc, diags[other].Cell)}
                self.assertEqual(self.painted(doc, diags), now)                          # the first paint is gone
                self.assertEqual(doc.UndoManager.getAllUndoActionTitles(), undo)
                self.assertFalse(doc.isModified())

    def painted(self, doc, diags):
        """The cells carrying the related-cell paint (Calc: the cells of the findings under one of
        our rectangles)."""
        found = set()
        if doc.supportsService("com.sun.star.text.TextDocument"):
            for t in range(doc.TextTables.Count):
                table = doc.TextTables.getByIndex(t)
                for name in table.CellNames:
                    if table.getCellByName(name).BackColor == RELATED:
                        found.add((table.Name, name))
            return found
        for d in diags:
            for ref in list(d.Related) + [d.Cell]:
                sheet_name, name = cell_of(doc, ref)
                sheet = doc.Sheets.getByName(sheet_name)
                cell = sheet.getCellRangeByName(name)
                page = sheet.DrawPage
                for i in range(page.Count):
                    shape = page.getByIndex(i)
                    if shape.Name == "OgiReportCheckerRelated" and (shape.Position.X, shape.Position.Y) == (
                            cell.Position.X, cell.Position.Y) and shape.Size.Width == cell.Size.Width:
                        found.add((sheet_name, name))
        return found

    def test_one_undo_step_per_action(self):
        s = STRINGS[self.lang]
        for ext in (".odt", ".ods"):
            with self.subTest(format=ext):
                doc = self.load(SEED4 + ext)
                um = doc.UndoManager
                self.office.dispatch(doc, PROTOCOL + "Check")
                self.assertEqual(um.getAllUndoActionTitles(), (s["check"],))
                # The cursor in a marked cell, then check and clear again: no hidden step.
                diags = self.diagnostics(doc)
                marked = diags[0].Cell
                if ext == ".odt":
                    vc = doc.CurrentController.ViewCursor
                    vc.gotoRange(doc.TextTables.getByName(marked.TableName).getCellByName(marked.Address).getStart(), False)
                    self.assertEqual(vc.Cell.CellName, marked.Address)
                else:
                    doc.CurrentController.select(doc.Sheets.getByName(marked.TableName).getCellRangeByName(
                        cell_of(doc, marked)[1]))
                self.office.dispatch(doc, PROTOCOL + "Check")
                self.assertEqual(um.getAllUndoActionTitles(), (s["check"], s["check"]))
                self.office.dispatch(doc, PROTOCOL + "ClearMarks")
                self.assertEqual(um.getAllUndoActionTitles(), (s["clear"], s["check"], s["check"]))
                um.clear()
                self.office.dispatch(doc, PROTOCOL + "Check")
                # 忽略 with a reason: one step; its undo also takes the finding off the ignore list.
                k = [j for j, d in enumerate(self.diagnostics(doc)) if d.Severity == "warning"][0]
                state = self.sidebar(doc, "?Ignore=%d" % k, (prop("Reason", "已核实"),))
                self.assertEqual(um.getAllUndoActionTitles(), (s["ignore_step"], s["check"]))
                user = doc.DocumentProperties.UserDefinedProperties
                key = user.getPropertyValue(IGNORED)
                self.assertEqual(len(key.split(";")), 1)
                self.assertEqual(user.getPropertyValue(REASONS), key + "\t已核实")
                ignored = json.loads(self.office.checker().getLastReport(doc))["ignored_findings"]
                self.assertEqual([(i["key"], i["ignore_reason"]) for i in ignored], [(key, "已核实")])
                self.assertEqual(len([r for r in state["rows"] if r[0]]), len(diags) - 1)
                self.assertEqual(state["buttons"].split()[3], "1")   # 恢复已忽略 can act now
                um.undo()
                self.assertFalse(user.PropertySetInfo.hasPropertyByName(IGNORED))
                self.assertFalse(user.PropertySetInfo.hasPropertyByName(REASONS))
                self.assertEqual(um.getAllUndoActionTitles(), (s["check"],))
                um.redo()
                self.assertEqual(user.getPropertyValue(IGNORED), key)
                # 恢复已忽略: one step too.
                self.sidebar(doc, "?ResetIgnored=1")
                self.assertEqual(um.getAllUndoActionTitles(), (s["restore_step"], s["ignore_step"], s["check"]))
                self.assertFalse(user.PropertySetInfo.hasPropertyByName(IGNORED))

    def test_live_recheck_after_an_edit_in_a_table(self):
        """With the deck open, an edit inside a recognized table is checked again after a short
        pause: the list and the counts follow without a button, and no undo step is added."""
        s = STRINGS[self.lang]
        for ext in (".odt", ".ods"):
            with self.subTest(format=ext):
                doc = self.load(SEED4 + ext)
                self.office.dispatch(doc, PROTOCOL + "Check")
                diags = self.diagnostics(doc)
                blank = [k for k, d in enumerate(diags) if d.Rule == "S-3"][0]
                state = self.sidebar(doc, "?Select=%d" % blank)      # the cursor goes into the table
                before = sorted(r[2] for r in state["rows"] if r[0])
                self.assertEqual(before, sorted(d.Message for d in diags))
                titles = doc.UndoManager.getAllUndoActionTitles()
                table, address = cell_of(doc, diags[blank].Cell)
                if ext == ".odt":
                    doc.TextTables.getByName(table).getCellByName(address).setValue(0)
                else:
                    doc.Sheets.getByName(table).getCellRangeByName(address).setValue(0)
                deadline = time.time() + 15
                while time.time() < deadline:
                    state = self.sidebar(doc)     # answers with the panel's state; checks nothing itself
                    if sorted(r[2] for r in state["rows"] if r[0]) != before:
                        break
                    time.sleep(0.3)
                listed = sorted(r[2] for r in state["rows"] if r[0])
                self.assertNotEqual(listed, before)
                after = doc.UndoManager.getAllUndoActionTitles()
                self.assertNotIn(s["check"], after[:len(after) - len(titles)])   # the steps added: the edit's only
                now = self.diagnostics(doc)
                self.assertEqual(listed, sorted(d.Message for d in now))
                self.assertEqual(state["counts"], counts(self.lang, now))

    def notices(self):
        """The infobar texts the office logged so far (Notifier logs every notice)."""
        with open(self.office.log_path, encoding="utf-8", errors="replace") as f:
            lines = [line.split("] ", 1)[1].rstrip("\n") for line in f if line.startswith("[ogi-report-checker] ")]
        # Other log lines: timings and the infobars that could not be shown.
        return [t for t in lines if not re.search(r" took \d+ ms|^infobar not ", t)]

    def saved(self, doc):
        """The check-only save-time check runs right after the save (SaveCheck.hxx); asking
        for the report runs it now."""
        self.office.checker().getLastReport(doc)

    def test_save_says_that_the_file_carries_marks_and_does_not_nag_twice(self):
        s = STRINGS[self.lang]
        doc = self.load(SEED4 + ".odt")
        self.office.dispatch(doc, PROTOCOL + "Check")
        import docstate
        marks = len([c for c in docstate.writer_comments(doc) if c["author"] == docstate.AUTHORS[self.lang]])
        self.assertGreater(marks, 0)
        diags = self.diagnostics(doc)
        before = len(self.notices())
        doc.store()
        self.saved(doc)
        said = self.notices()[before:]
        self.assertEqual(len(said), 1, said)
        self.assertTrue(said[0].startswith(s["save_problems"] % counts(self.lang, diags, with_infos=False)), said[0])
        self.assertIn(s["save_marks"] % marks, said[0])
        self.assertLessEqual(len(said[0]), 160)
        doc.store()                                   # nothing changed since: nothing said again
        self.saved(doc)
        self.assertEqual(self.notices()[before + 1:], [])
        doc.Text.getEnd().setString("x")            # a change: the next save speaks again
        doc.store()
        self.saved(doc)
        self.assertEqual(len(self.notices()[before + 1:]), 1)

    def test_infobar_follows_an_undone_check(self):
        """Undoing 检查表格 takes the marks away; the infobar says so at once (counts, no marks)."""
        s = STRINGS[self.lang]
        doc = self.load(SEED4 + ".odt")
        result = self.office.dispatch(doc, PROTOCOL + "Check")
        marked_text = result.Result
        before = len(self.notices())
        self.assertEqual(doc.UndoManager.getCurrentUndoActionTitle(), s["check"])
        doc.UndoManager.undo()
        said = self.notices()[before:]
        self.assertEqual(len(said), 1, said)
        # "年报检查：2 处警告、1 条提示。" — the counts without "已标记 …"
        self.assertTrue(marked_text.startswith(said[0]) and len(said[0]) < len(marked_text), (said[0], marked_text))
        doc.UndoManager.redo()                                     # the marks are back, and the infobar says so
        again = self.notices()[before + 1:]
        self.assertEqual(len(again), 1, again)
        self.assertTrue(again[0].startswith(said[0]) and len(again[0]) > len(said[0]), again)

    def test_buttons_are_disabled_where_they_cannot_act(self):
        doc = self.load(SEED4 + ".odt", read_only=True)
        self.office.dispatch(doc, PROTOCOL + "Check")
        diags = self.diagnostics(doc)
        state = self.sidebar(doc, "?Select=0")
        self.assertEqual(int(state["selected"]), 0)
        self.assertEqual(state["buttons"], "1 0 0 0")       # read-only: no ignore, no fix
        self.assertEqual(selected_cell(doc), cell_of(doc, diags[0].Cell))
        state = self.sidebar(doc, "?Ignore=0")
        self.assertFalse(doc.DocumentProperties.UserDefinedProperties.PropertySetInfo.hasPropertyByName(IGNORED))
        self.assertEqual(len([r for r in state["rows"] if r[0]]), len(diags))


class ChineseSidebarTest(SidebarChecks, unittest.TestCase):
    office = ModuleOffice("zh-CN", ui_locale="zh-CN", DESKTOP_LAUNCH=launcher("zh-CN"))
    lang = "zh-CN"


class EnglishSidebarTest(SidebarChecks, unittest.TestCase):
    office = ModuleOffice("en-US", ui_locale="en-US", DESKTOP_LAUNCH=launcher("en-US"))
    lang = "en-US"


if __name__ == "__main__":
    unittest.main(verbosity=2)
