"""Integration tests of the extension's UI as a user meets it (issue 12), in a fresh profile of
a real office, once with the en-US UI and once with the zh-CN UI (the profile's UI locale):

  - the options page: the URL registered in OptionsDialog.xcu (Writer and Calc) names a file
    that exists, and loads the way the Options dialog loads it (ContainerWindowProvider with
    the page's event handler, "initialize"); its controls carry labels in the UI language and
    the stored values; changing them and "ok" stores them;
  - the page's help button (规则说明…) calls the handler's openHelp, which opens the packaged
    help page of the UI language (help/rules_<lang>.html, a file of the installed extension):
    a click hands its URL to the desktop (SystemShellExecute, $DESKTOP_LAUNCH as the browser);
  - every image registered in Addons.xcu resolves (after macro expansion) to an existing PNG
    of the registered size, and every toolbar button has one;
  - the issue list's window title is the localized title, " — ", the document title.

Environment: as test_extension.py (OGI_OXT, OGI_FIXTURES, OGI_WORKDIR, URE_MORE_TYPES).
"""
import os
import re
import struct
import sys
import time
import unittest
import urllib.parse

import uno

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))

from ogicheck.office import EXTENSION_ID, prop  # noqa: E402
from suite import FIXTURES, PROTOCOL, WORKDIR, ModuleOffice, close_quietly, launcher  # noqa: E402

SETTINGS = "/org.ogi.reportchecker.OgiReportChecker/Settings"
HANDLER = "org.ogi.reportchecker.OptionsPageImpl"
# Control id -> the label it shows, per UI language.
LABELS = {
    "en-US": {"CheckOnSave": "Check the report tables when saving", "MarkError": "Mark errors",
              "SaveLine": "When saving", "RulesLine": "Rules", "HelpButton": "Rule Reference…"},
    "zh-CN": {"CheckOnSave": "保存时检查年报表格", "MarkError": "标记错误", "SaveLine": "保存时", "RulesLine": "规则",
              "HelpButton": "规则说明…"},
}
PRODUCT = {"en-US": "OGI Report Checker", "zh-CN": "年报检查"}
# The toolbar's buttons, in order: the name each tooltip starts with (then what it does).
BUTTONS = {"en-US": ["Check Tables", "Clear Marks", "Check Results", "Insert Template", "Insert Skeleton"],
           "zh-CN": ["检查表格", "清除标记", "检查结果列表", "插入模板", "插入年报框架"]}
ISSUES_TITLE = {"en-US": "Report Check Results", "zh-CN": "年报检查结果"}
# The summary of 检查表格 on seed 004 (two warnings, one info; every part counted, none zero).
SUMMARY_START = {"en-US": "Report check: %d warnings, %d info.", "zh-CN": "年报检查：%d 处警告、%d 条提示。"}
INTERNAL_KEYS = re.compile(r"\bB\d\d\b|R\d_\d|Table\d|\d{4}-t\d|\(s\)")


def config(off, path, update=False):
    provider = off.create("com.sun.star.configuration.ConfigurationProvider")
    service = "com.sun.star.configuration.Configuration" + ("UpdateAccess" if update else "Access")
    return provider.createInstanceWithArguments(service, (prop("nodepath", path),))


def expand(off, url):
    """A registered URL as the office resolves it: vnd.sun.star.expand: macros expanded."""
    prefix = "vnd.sun.star.expand:"
    if url.startswith(prefix):
        expander = off.ctx.getValueByName("/singletons/com.sun.star.util.theMacroExpander")
        url = expander.expandMacros(urllib.parse.unquote(url[len(prefix):]))
    return url


def launched(path):
    if not os.path.exists(path + ".log"):
        return []
    with open(path + ".log", encoding="utf-8") as f:
        return f.read().split()


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


class UiChecks:
    """The tests, run by one class per UI language."""
    office = None
    lang = None

    @classmethod
    def setUpClass(cls):
        cls.office.start()

    @classmethod
    def tearDownClass(cls):
        cls.office.stop()

    def visible_doc(self, fixture, suffix):
        off = self.office
        doc = off.load(off.copy_in(os.path.join(FIXTURES, fixture)), hidden=False)
        self.addCleanup(close_quietly, doc)
        return doc

    def test_ui_language_is_the_profiles(self):
        l10n = config(self.office, "/org.openoffice.Setup/L10N")
        self.assertEqual(l10n.ooLocale, self.lang)

    def test_options_page_opens_from_its_registered_url(self):
        off = self.office
        doc = self.visible_doc("seed003-shanghai-2017-plan.odt", "-options")
        for module in ("Writer", "WriterWeb", "Calc"):
            with self.subTest(module=module):
                leaf = config(off, "/org.openoffice.Office.OptionsDialog/Nodes/%s/Leaves" % module).getByName(
                    "%s.options.%s" % (EXTENSION_ID, module.lower()))
                path = uno.fileUrlToSystemPath(expand(off, leaf.OptionsPage))
                self.assertTrue(os.path.isfile(path), "options page %s -> %s" % (leaf.OptionsPage, path))
                self.assertEqual(leaf.EventHandlerService, HANDLER)
                # As cui's options dialog: the registered URL itself, a container window, the handler.
                handler = off.create(leaf.EventHandlerService)
                provider = off.create("com.sun.star.awt.ContainerWindowProvider")
                window = provider.createContainerWindow(leaf.OptionsPage, "", doc.CurrentController.Frame.ContainerWindow,
                                                        handler)
                self.assertIsNotNone(window)
                self.addCleanup(window.dispose)
                self.set_settings(CheckOnSave=True, MarkOnSave=True, ErrorColor=0x123456, DisabledRules="B-11")
                self.assertTrue(handler.callHandlerMethod(window, "initialize", "external_event"))
                model = lambda name: window.getControl(name).Model  # noqa: E731
                self.assertGreaterEqual(len(window.Controls), 17)
                for name, label in LABELS[self.lang].items():
                    self.assertEqual(model(name).Label, label, name)
                self.assertEqual(model("CheckOnSave").State, 1)
                self.assertEqual(model("MarkOnSave").State, 1)
                self.assertEqual(model("ErrorColor").Text, "#123456")
                self.assertEqual(model("DisabledRules").Text, "B-11")
                # 规则说明…: a button whose action is the handler's openHelp, the page it opens exists.
                self.assertIn("openHelp", handler.getSupportedMethodNames())
                with open(path, encoding="utf-8") as f:
                    xdl = f.read()
                self.assertRegex(xdl, r'<dlg:button dlg:id="HelpButton"[^>]*>\s*<script:event script:event-name='
                                      r'"on-performaction" script:macro-name="vnd.sun.star.UNO:openHelp" '
                                      r'script:language="UNO"/>')
                pip = off.ctx.getValueByName("/singletons/com.sun.star.deployment.PackageInformationProvider")
                page = "%s/help/rules_%s.html" % (pip.getPackageLocation(EXTENSION_ID), self.lang)
                path = uno.fileUrlToSystemPath(page)
                self.assertTrue(os.path.isfile(path), path)
                with open(path, encoding="utf-8") as f:
                    self.assertIn('<html lang="%s">' % self.lang, f.read())
                # A click on it (the button's accessible action) hands the desktop that page.
                script = off._environment["DESKTOP_LAUNCH"]
                before = launched(script)
                window.getControl("HelpButton").getPeer().getAccessibleContext().doAccessibleAction(0)
                deadline = time.time() + 15
                while len(launched(script)) == len(before) and time.time() < deadline:
                    time.sleep(0.2)
                self.assertEqual(launched(script)[len(before):], [page])
                # The user changes two values and presses OK.
                model("MarkOnSave").State = 0
                model("DisabledRules").Text = "S-3"
                self.assertTrue(handler.callHandlerMethod(window, "ok", "external_event"))
                stored = config(off, SETTINGS)
                self.assertFalse(stored.MarkOnSave)
                self.assertEqual(stored.DisabledRules, "S-3")
        self.set_settings(MarkOnSave=False, ErrorColor=0xFFB3B3, DisabledRules="")

    def set_settings(self, **values):
        access = config(self.office, SETTINGS, update=True)
        for name, value in values.items():
            access.setPropertyValue(name, value)
        access.commitChanges()

    def test_every_registered_image_resolves(self):
        off = self.office
        images = config(off, "/org.openoffice.Office.Addons/AddonUI/Images")
        ours = [images.getByName(n) for n in images.ElementNames if n.startswith(EXTENSION_ID)]
        self.assertTrue(ours)
        commands = set()
        for node in ours:
            commands.add(node.URL)
            defined = node.UserDefinedImages
            for prop_name, size in (("ImageSmallURL", 16), ("ImageBigURL", 26)):
                url = defined.getPropertyValue(prop_name)
                path = uno.fileUrlToSystemPath(expand(off, url))
                self.assertTrue(os.path.isfile(path), "%s %s: %s -> %s" % (node.URL, prop_name, url, path))
                self.assertEqual(png_size(path), (size, size), path)
        # Every toolbar button (not the separators) has an image.
        toolbars = config(off, "/org.openoffice.Office.Addons/AddonUI/OfficeToolBar")
        buttons = []
        for tb in toolbars.ElementNames:
            if not tb.startswith(EXTENSION_ID):
                continue
            node = toolbars.getByName(tb)
            buttons += [node.getByName(m).URL for m in node.ElementNames]
        buttons = [b for b in buttons if b.startswith(PROTOCOL)]
        self.assertTrue(buttons)
        self.assertEqual(sorted(b for b in buttons if b not in commands), [])

    def test_one_product_name(self):
        """Extension Manager, toolbar, menu, options page and the string resources (infobar
        title) name the product alike, in the UI language."""
        off = self.office
        name = PRODUCT[self.lang]
        manager = off.ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
        package = manager.getDeployedExtension("user", EXTENSION_ID, "", None)
        self.assertEqual(package.getDisplayName(), name)
        for module in ("Writer", "WriterWeb", "Calc"):
            state = config(off, "/org.openoffice.Office.UI.%sWindowState/UIElements/States" % module)
            self.assertEqual(state.getByName("private:resource/toolbar/addon_%s.toolbar" % EXTENSION_ID).UIName, name)
            leaf = config(off, "/org.openoffice.Office.OptionsDialog/Nodes/%s/Leaves" % module).getByName(
                "%s.options.%s" % (EXTENSION_ID, module.lower()))
            self.assertEqual(leaf.Label, name)
        merged = config(off, "/org.openoffice.Office.Addons/AddonUI/OfficeMenuBarMerging/%s/S1/MenuItems/M1" % EXTENSION_ID)
        self.assertEqual(merged.Title, name)

    def test_check_has_a_keyboard_shortcut(self):
        """Ctrl+Alt+Shift+R runs 检查表格 in Writer, Writer/Web and Calc (Accelerators.xcu)."""
        from com.sun.star.awt.Key import R
        supplier = self.office.create("com.sun.star.ui.ModuleUIConfigurationManagerSupplier")
        for module in ("com.sun.star.text.TextDocument", "com.sun.star.text.WebDocument",
                       "com.sun.star.sheet.SpreadsheetDocument"):
            shortcuts = supplier.getUIConfigurationManager(module).getShortCutManager()
            ours = [(k.KeyCode, k.Modifiers) for k in shortcuts.getAllKeyEvents()
                    if shortcuts.getCommandByKeyEvent(k) == PROTOCOL + "Check"]
            self.assertEqual(ours, [(R, 1 | 2 | 4)], module)  # SHIFT|MOD1|MOD2

    def test_toolbar_tooltips_say_what_each_button_does(self):
        """Every button's tooltip, read from the toolbar of an open Writer and Calc window (its
        accessibility tree, as a screen reader reads it): the button's name, then what it does,
        in the UI language. LibreOffice adds the shortcut (Ctrl+Alt+Shift+R for 检查表格) when it
        shows the tooltip; a headless office cannot name keys, so that part is seen in
        docs/screenshots/toolbar-tooltip.png (Xvfb)."""
        off = self.office
        separator = {"en-US": ": ", "zh-CN": "："}[self.lang]
        for fixture in ("seed004-jinfeng-2017-old.odt", "seed004-jinfeng-2017-old.ods"):
            with self.subTest(fixture=fixture):
                doc = self.visible_doc(fixture, "-tips")
                bar = doc.CurrentController.Frame.LayoutManager.getElement(
                    "private:resource/toolbar/addon_%s.toolbar" % EXTENSION_ID)
                self.assertIsNotNone(bar)
                context = bar.RealInterface.AccessibleContext
                items = [context.getAccessibleChild(i).AccessibleContext for i in range(context.AccessibleChildCount)]
                tips = [item.getToolTipText() for item in items if item.AccessibleName]   # not the separator
                self.assertEqual([t.split(separator, 1)[0] for t in tips], BUTTONS[self.lang], tips)
                for tip in tips:
                    what = tip.split(separator, 1)[1]
                    self.assertGreaterEqual(len(what), 20 if self.lang == "zh-CN" else 40, tip)
                    has_cjk = bool(re.search(r"[\u4e00-\u9fff]", what))
                    self.assertEqual(has_cjk, self.lang == "zh-CN", tip)

    def test_issue_list_opens_the_deck(self):
        """检查结果列表 in a window with a sidebar opens the 年报检查 deck, not the dialog."""
        import time
        off = self.office
        doc = self.visible_doc("seed004-jinfeng-2017-old.odt", "-deck")
        result = off.dispatch(doc, PROTOCOL + "ShowIssues")
        self.assertEqual(result.State, 1, result.Result)
        self.assertEqual(len(result.Result.split("\n")), len(off.checker().check(doc)))
        deck = doc.CurrentController.getSidebar().getDecks().getByName("OgiReportCheckerDeck")
        deadline = time.time() + 10
        while not deck.isActive() and time.time() < deadline:
            time.sleep(0.2)
        self.assertTrue(deck.isActive())
        toolkit = off.create("com.sun.star.awt.Toolkit")
        titles = [toolkit.getTopWindow(i).Title for i in range(toolkit.TopWindowCount)
                  if hasattr(toolkit.getTopWindow(i), "Title")]
        self.assertFalse([t for t in titles if t.startswith(ISSUES_TITLE[self.lang])], titles)

    def test_issue_list_title(self):
        off = self.office
        doc = self.visible_doc("seed004-jinfeng-2017-old.odt", "-title")
        result = off.dispatch(doc, PROTOCOL + "ShowIssues?Select=0")   # with an argument: the dialog
        self.assertEqual(result.State, 1, result.Result)
        # Entries name the table in words (its title), not the document's table name (Table1).
        entries = result.Result.split("\n")
        self.assertEqual(len(entries), len(off.checker().check(doc)))
        for line in entries:
            self.assertTrue(line.split(" ")[1].startswith("政府信息公开情况统计表"), line)
        toolkit = off.create("com.sun.star.awt.Toolkit")
        titles = []
        for i in range(toolkit.TopWindowCount):
            w = toolkit.getTopWindow(i)
            if hasattr(w, "Title"):
                titles.append(w.Title)
        expected = ISSUES_TITLE[self.lang] + " — " + doc.Title
        self.assertIn(expected, titles)


    def test_summary_is_localized_counted_and_without_keys(self):
        off = self.office
        doc = self.visible_doc("seed004-jinfeng-2017-old.odt", "-summary")
        result = off.dispatch(doc, PROTOCOL + "Check")
        self.assertEqual(result.State, 1, result.Result)
        diags = off.checker().check(doc)
        n = {k: sum(1 for d in diags if d.Severity == k) for k in ("error", "warning", "info")}
        self.assertEqual(n["error"], 0)
        self.assertGreaterEqual(n["warning"], 2)   # seed 004: B-9, S-3 (three blank cells), …
        self.assertTrue(result.Result.startswith(SUMMARY_START[self.lang] % (n["warning"], n["info"])), result.Result)
        marked = int(re.search(r"(\d+) cells marked|已标记 (\d+) 个单元格", result.Result).group(1 if self.lang == "en-US" else 2))
        self.assertNotRegex(result.Result, INTERNAL_KEYS)
        self.assertLessEqual(len(result.Result), 200)  # one or two lines of an infobar
        # Our comments carry the date and time of the check.
        import datetime
        now = datetime.datetime.now()
        stamps = []
        fields = doc.TextFields.createEnumeration()
        while fields.hasMoreElements():
            f = fields.nextElement()
            if f.supportsService("com.sun.star.text.textfield.Annotation") and f.Initials == "OGI":
                d = f.DateTimeValue
                stamps.append(datetime.datetime(d.Year, d.Month, d.Day, d.Hours, d.Minutes, d.Seconds))
        self.assertEqual(len(stamps), len(diags))   # one comment per finding (S-3's on its first blank cell)
        for stamp in stamps:
            self.assertLess(abs((now - stamp).total_seconds()), 600, stamp)
        cleared = off.dispatch(doc, PROTOCOL + "ClearMarks")
        self.assertNotRegex(cleared.Result, INTERNAL_KEYS)
        self.assertIn({"en-US": "Removed the check marks of %d cells.", "zh-CN": "已清除 %d 个单元格的检查标记。"}[self.lang]
                      % marked, cleared.Result)

    def test_comment_author_and_note_header_are_in_the_ui_language(self):
        import docstate
        off = self.office
        for ext in (".odt", ".ods"):
            with self.subTest(format=ext):
                doc = self.visible_doc("seed004-jinfeng-2017-old" + ext, "-author")
                self.assertEqual(off.dispatch(doc, PROTOCOL + "Check").State, 1)
                if ext == ".odt":
                    authors = [c["author"] for c in docstate.writer_comments(doc)]
                    self.assertTrue(authors)
                    self.assertEqual(authors, [docstate.AUTHORS[self.lang]] * len(authors))

                else:
                    notes = []
                    for i in range(doc.Sheets.Count):
                        sheet = doc.Sheets.getByIndex(i)
                        notes += [sheet.Annotations.getByIndex(j).String for j in range(sheet.Annotations.Count)]
                    self.assertTrue(notes)
                    self.assertEqual({n.split("\n", 1)[0] for n in notes}, {docstate.CALC_MARKERS[self.lang]})

                # ClearMarks still finds them all.
                off.dispatch(doc, PROTOCOL + "ClearMarks")
                if ext == ".odt":
                    self.assertEqual(docstate.writer_comments(doc), [])
                else:
                    self.assertEqual(sum(doc.Sheets.getByIndex(i).Annotations.Count for i in range(doc.Sheets.Count)), 0)

    def test_strings_come_from_the_packaged_resources(self):
        """The resources the extension reads: both languages have the same keys, no key is empty."""
        off = self.office
        pip = off.ctx.getValueByName("/singletons/com.sun.star.deployment.PackageInformationProvider")
        folder = pip.getPackageLocation(EXTENSION_ID) + "/resources/"
        from com.sun.star.lang import Locale
        keys = {}
        for lang, (language, country) in (("zh-CN", ("zh", "CN")), ("en-US", ("en", "US"))):
            res = off.smgr.createInstanceWithArgumentsAndContext(
                "com.sun.star.resource.StringResourceWithLocation",
                (folder, True, Locale(language, country, ""), "strings", "",
                 off.create("com.sun.star.task.InteractionHandler")), off.ctx)
            keys[lang] = set(res.getResourceIDs())
            for key in keys[lang]:
                self.assertTrue(res.resolveString(key).strip(), key)
            if lang == "zh-CN":
                self.assertEqual(res.resolveString("CountInfo.other"), "%N% 条提示")
        stem = lambda k: k.rsplit(".", 1)[0] if k.endswith((".one", ".other")) else k  # noqa: E731
        self.assertEqual({stem(k) for k in keys["zh-CN"]}, {stem(k) for k in keys["en-US"]})
        self.assertGreaterEqual(len(keys["en-US"]), 50)


class EnglishUiTest(UiChecks, unittest.TestCase):
    office = ModuleOffice("en-US", ui_locale="en-US", DESKTOP_LAUNCH=launcher("ui-en-US"))
    lang = "en-US"


class ChineseUiTest(UiChecks, unittest.TestCase):
    office = ModuleOffice("zh-CN", ui_locale="zh-CN", DESKTOP_LAUNCH=launcher("ui-zh-CN"))
    lang = "zh-CN"


if __name__ == "__main__":
    unittest.main(verbosity=2)
