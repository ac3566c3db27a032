"""Packaging: `unopkg add` of the .oxt into a clean profile works, the office then offers our
service, toolbar and command; `unopkg remove` leaves nothing of ours behind."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))

from ogicheck.office import Office, EXTENSION_ID, prop  # noqa: E402

OXT = os.environ["OGI_OXT"]
WORKDIR = os.environ["OGI_WORKDIR"]
NAMES = ("ogireportchecker", EXTENSION_ID)


def files_mentioning_us(profile):
    """Files in the profile whose path or content names our extension, except LibreOffice's
    own scratch copy made while adding (user/extensions/tmp, a temporary repository)."""
    hits = []
    for root, _, files in os.walk(profile):
        if os.sep + os.path.join("user", "extensions", "tmp") in root:
            continue
        for f in files:
            path = os.path.join(root, f)
            if any(n in path for n in NAMES):
                hits.append(path)
                continue
            try:
                with open(path, "rb") as fh:
                    data = fh.read()
            except OSError:
                continue
            if any(n.encode() in data for n in NAMES):
                hits.append(path)
    return hits


class PackageTest(unittest.TestCase):
    def test_add_use_remove(self):
        office = Office(OXT, os.path.join(WORKDIR, "package"))
        try:
            office.start()  # unopkg add -s into a fresh profile, then soffice
            checker = office.checker()
            self.assertIsNotNone(checker)
            doc = office.desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0,
                                                      (prop("Hidden", True),))
            names = [e.ResourceURL for e in doc.CurrentController.Frame.LayoutManager.getElements()]
            self.assertIn("private:resource/toolbar/addon_org.ogi.reportchecker.toolbar", names)
            result = office.dispatch(doc, "vnd.org.ogi.reportchecker:Check").Result
            self.assertTrue(result)
            doc.close(True)
        finally:
            office.stop()

        r = office.unopkg("list")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Identifier: " + EXTENSION_ID, r.stdout)
        self.assertIn("is registered: yes", r.stdout)

        r = office.unopkg("remove", EXTENSION_ID)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        r = office.unopkg("list")
        self.assertNotIn(EXTENSION_ID, r.stdout)
        self.assertEqual(files_mentioning_us(office.profile), [])

        # The office started on the same profile no longer knows us.
        office.install = False
        office._prepare_workdir = lambda: None  # keep the profile
        try:
            office.start()
            self.assertIsNone(office.create("org.ogi.reportchecker.ReportChecker"))
            doc = office.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
            names = [e.ResourceURL for e in doc.CurrentController.Frame.LayoutManager.getElements()]
            self.assertNotIn("private:resource/toolbar/addon_org.ogi.reportchecker.toolbar", names)
            doc.close(True)
        finally:
            office.stop()
        self.assertEqual(files_mentioning_us(office.profile), [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
