"""Integration tests of the extension's UI as a user meets it (issue 12), in a fresh profile of
a real office, once with the en-US UI and once with the zh-CN UI (the profile's UI locale):

  - the options page: the URL registered in OptionsDialog.xcu (Writer and Calc) names a file
    that exists, and loads the way the Options dialog loads it (ContainerWindowProvider with
    the page's event handler, "initialize"); its controls carry labels in the UI language and
    the stored values; changing them and "ok" stores them;
  - every image registered in Addons.xcu resolves (after macro expansion) to an existing PNG
    of the registered size, and every toolbar button has one;
  - the issue list's window title is the localized title, " — ", the document title.

Environment: as test_extension.py (OGI_OXT, OGI_FIXTURES, OGI_WORKDIR, URE_MORE_TYPES).
"""
import os
import struct
import sys
import unittest
import urllib.parse

import uno

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from office import EXTENSION_ID, prop  # noqa: E402
from suite import FIXTURES, PROTOCOL, ModuleOffice, close_quietly  # noqa: E402

SETTINGS = "/org.ogi.reportchecker.OgiReportChecker/Settings"
HANDLER = "org.ogi.reportchecker.OptionsPageImpl"
# Control id -> the label it shows, per UI language.
LABELS = {
    "en-US": {"CheckOnSave": "Check the report tables when saving", "MarkError": "Mark errors",
              "SaveLine": "When saving", "RulesLine": "Rules"},
    "zh-CN": {"CheckOnSave": "保存时检查年报表格", "MarkError": "标记错误", "SaveLine": "保存时", "RulesLine": "规则"},
}
ISSUES_TITLE = {"en-US": "Report Check Results", "zh-CN": "年报检查结果"}


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
        for module in ("Writer", "Calc"):
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

    def test_issue_list_title(self):
        off = self.office
        doc = self.visible_doc("seed004-jinfeng-2017-old.odt", "-title")
        result = off.dispatch(doc, PROTOCOL + "ShowIssues")
        self.assertEqual(result.State, 1, result.Result)
        toolkit = off.create("com.sun.star.awt.Toolkit")
        titles = []
        for i in range(toolkit.TopWindowCount):
            w = toolkit.getTopWindow(i)
            if hasattr(w, "Title"):
                titles.append(w.Title)
        expected = ISSUES_TITLE[self.lang] + " — " + doc.Title
        self.assertIn(expected, titles)


class EnglishUiTest(UiChecks, unittest.TestCase):
    office = ModuleOffice("en-US", ui_locale="en-US")
    lang = "en-US"


class ChineseUiTest(UiChecks, unittest.TestCase):
    office = ModuleOffice("zh-CN", ui_locale="zh-CN")
    lang = "zh-CN"


if __name__ == "__main__":
    unittest.main(verbosity=2)
