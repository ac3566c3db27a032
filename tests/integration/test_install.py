"""Installing the extension into a running office with a document open (issue 12: "after
installing from the Extension Manager, the open window gets the toolbar").

The office starts without the extension; the .oxt is added in the office process through the
extension manager service, as 工具 › 扩展管理器 › 添加… does (its licence accepted as a user
would). What LibreOffice 7.4 does by itself, and what we add:
  - the commands work at once in the open window (our protocol handler is registered live);
  - a window opened afterwards has our toolbar;
  - the window that was open has none: LibreOffice makes add-on toolbars when a window's layout
    is made (XLayoutManager.createElement cannot make one). Our job's OnFocus (a job event the
    office registers at once) makes its layout again the first time it is activated, and our
    toolbar is there, with its buttons;
  - the Extension Manager, when it is closed after an installation, asks to restart ("For the
    extension to work properly, LibreOffice must be restarted"); that dialog is LibreOffice's own
    and is not tested here.

Environment: as the other suites (OGI_OXT, OGI_FIXTURES, OGI_WORKDIR, URE_MORE_TYPES).
"""
import os
import shutil
import sys
import unittest

import uno
import unohelper
from com.sun.star.task import XInteractionHandler
from com.sun.star.ucb import XCommandEnvironment

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))

from ogicheck.office import Office  # noqa: E402
from suite import FIXTURES, OXT, PROTOCOL, WORKDIR, close_quietly  # noqa: E402

TOOLBAR = "private:resource/toolbar/addon_org.ogi.reportchecker.toolbar"


class AcceptLicence(unohelper.Base, XInteractionHandler):
    """What a user does in the Extension Manager: accepts the licence (approves every request)."""

    def __init__(self):
        self.requests = 0

    def handle(self, request):
        self.requests += 1
        approve = uno.getTypeByName("com.sun.star.task.XInteractionApprove")
        for continuation in request.Continuations:
            if continuation.queryInterface(approve):
                continuation.select()
                return


class Environment(unohelper.Base, XCommandEnvironment):
    def __init__(self, handler):
        self.handler = handler

    def getInteractionHandler(self):
        return self.handler

    def getProgressHandler(self):
        return None


def toolbars(doc):
    return {e.ResourceURL for e in doc.CurrentController.Frame.LayoutManager.getElements()
            if e.ResourceURL.startswith("private:resource/toolbar/")}


def toolbar_buttons(doc):
    """The names of our toolbar's items as the user's screen reader has them (its window's
    accessibility tree: an add-on toolbar has no XUIElementSettings)."""
    window = doc.CurrentController.Frame.LayoutManager.getElement(TOOLBAR).RealInterface
    ctx = window.AccessibleContext
    return [ctx.getAccessibleChild(i).AccessibleContext.AccessibleName for i in range(ctx.AccessibleChildCount)]


class InstallIntoRunningOffice(unittest.TestCase):
    def setUp(self):
        self.office = Office(OXT, os.path.join(WORKDIR, "office"), install=False)
        self.office.__enter__()
        self.addCleanup(self.office.__exit__, None, None, None)

    def load(self, name):
        doc = self.office.load(self.office.copy_in(os.path.join(FIXTURES, name)), hidden=False)
        self.addCleanup(close_quietly, doc)
        return doc

    def install(self):
        copy = os.path.join(self.office.workdir, os.path.basename(OXT))
        shutil.copyfile(OXT, copy)
        os.chmod(copy, 0o644)
        manager = self.office.ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
        handler = AcceptLicence()
        package = manager.addExtension(uno.systemPathToFileUrl(copy), (), "user", None, Environment(handler))
        self.assertIsNotNone(package)
        self.assertGreaterEqual(handler.requests, 1)     # the licence was shown
        return package

    def test_open_window_gets_the_toolbar(self):
        old = self.load("seed002-dongyang-2017-old.odt")
        self.assertIn("private:resource/toolbar/standardbar", toolbars(old))
        self.assertNotIn(TOOLBAR, toolbars(old))
        self.install()
        # LibreOffice alone: the open window has no toolbar of ours, the commands work.
        self.assertNotIn(TOOLBAR, toolbars(old))
        result = self.office.dispatch(old, PROTOCOL + "Check")
        self.assertTrue(result.Result.startswith("Report check: "), result.Result)
        # A window opened now has it.
        new = self.load("seed000-jiangsu-2017-old.ods")
        self.assertIn(TOOLBAR, toolbars(new))
        # The open window, activated again (the user comes back to it), has it too, with its buttons.
        old.CurrentController.Frame.activate()
        self.assertIn(TOOLBAR, toolbars(old))
        buttons = toolbar_buttons(old)
        self.assertTrue(any(b.startswith("Check Tables") for b in buttons), buttons)   # en-US (test_ui: BUTTONS)
        self.assertEqual(buttons, toolbar_buttons(new))
        self.assertIn("private:resource/toolbar/standardbar", toolbars(old))   # the others are still there
        # Once per window: activated again, nothing is made again (the job logs when it does).
        new.CurrentController.Frame.activate()
        old.CurrentController.Frame.activate()
        self.assertIn(TOOLBAR, toolbars(old))
        with open(self.office.log_path, encoding="utf-8", errors="replace") as f:
            self.assertEqual(f.read().count("its toolbars are made again"), 1)


if __name__ == "__main__":
    unittest.main(verbosity=2)
