"""Packaging: `unopkg add` of the .oxt into a clean profile works, the office then offers our
service, toolbar and command; `unopkg remove` leaves nothing of ours behind."""
import os
import re
import shutil
import sys
import unittest
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))

from ogicheck.office import Office, EXTENSION_ID, prop  # noqa: E402
import uno  # noqa: E402

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


def file_url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def deployed(office):
    """Our package as the Extension Manager lists it (user repository)."""
    mgr = office.ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
    for pkg in mgr.getDeployedExtensions("user", None, None):
        if pkg is not None and pkg.getIdentifier().Value == EXTENSION_ID:
            return pkg
    return None


def description_of(oxt):
    with zipfile.ZipFile(oxt) as z:
        return z.read("description.xml").decode("utf-8")


class PackageInformationTest(unittest.TestCase):
    """What the Extension Manager shows and does with our description.xml: version, publisher,
    licence, icon, update feed; 检查更新 finds a newer version in a feed laid out like ours."""

    def test_metadata_as_the_extension_manager_reads_it(self):
        desc = description_of(OXT)
        version = re.search(r'<version value="([^"]+)"', desc).group(1)
        feed_name = "ogi-report-checker.update.xml"
        feed = os.path.join(os.path.dirname(OXT), feed_name)
        self.assertTrue(os.path.isfile(feed), feed)
        for lang in ("zh-CN", "en-US"):
            notes = os.path.join(os.path.dirname(OXT), "release-notes_%s.txt" % lang)
            with open(notes, encoding="utf-8") as f:
                text = f.read()
            self.assertIn(version, text)
            self.assertNotIn("@", text, "unexpanded placeholder in " + notes)
        office = Office(OXT, os.path.join(WORKDIR, "package-info"))
        try:
            office.start()
            pkg = deployed(office)
            self.assertIsNotNone(pkg, "the Extension Manager does not list " + EXTENSION_ID)
            self.assertEqual(pkg.getVersion(), version)
            self.assertIn(pkg.getDisplayName(), ("年报检查", "OGI Report Checker"))
            name, url = pkg.getPublisherInfo().First, pkg.getPublisherInfo().Second  # (name, link)
            self.assertTrue(url.startswith("https://"), url)
            self.assertTrue(name.strip())
            self.assertIn("Mozilla Public License", pkg.getLicenseText())
            self.assertIsNotNone(pkg.getIcon(False), "extension icon does not resolve")
            self.assertTrue(pkg.getDescription().strip())
            urls = list(pkg.getUpdateInformationURLs())
            self.assertEqual(len(urls), 1, urls)
            self.assertTrue(urls[0].startswith("https://") and urls[0].endswith("/" + feed_name), urls)

            # LibreOffice's own reader of update feeds parses the built feed: our id, our version,
            # a download beside it and release notes in both languages.
            provider = office.create("com.sun.star.deployment.UpdateInformationProvider")
            entries = provider.getUpdateInformation((file_url(feed),), EXTENSION_ID)
            self.assertEqual(len(entries), 1)
            with open(feed, encoding="utf-8") as f:
                xml = f.read()
            self.assertIn('<identifier value="%s"/>' % EXTENSION_ID, xml)
            self.assertIn('<version value="%s"/>' % version, xml)
            base = urls[0][:-len(feed_name)]
            self.assertIn(base + "ogi-report-checker.oxt", xml)
            for lang in ("zh-CN", "en-US"):
                self.assertIn('%srelease-notes_%s.txt" lang="%s"' % (base, lang, lang), xml)
        finally:
            office.stop()

    def test_update_offered_from_a_feed(self):
        """An installed copy whose feed (a local file laid out like the published one) announces a
        newer version: the Extension Manager's update check offers that version."""
        work = os.path.join(WORKDIR, "package-update")
        shutil.rmtree(work, ignore_errors=True)
        site = os.path.join(work, "site")
        os.makedirs(site)
        with open(os.path.join(os.path.dirname(OXT), "ogi-report-checker.update.xml"), encoding="utf-8") as f:
            feed = f.read()
        base = re.search(r'<update-download>\s*<src xlink:href="([^"]+)/ogi-report-checker.oxt"', feed).group(1)
        site_url = file_url(site)
        newer = re.sub(r'<version value="[^"]+"/>', '<version value="99.0.0"/>', feed).replace(base, site_url)
        with open(os.path.join(site, "ogi-report-checker.update.xml"), "w", encoding="utf-8") as f:
            f.write(newer)
        # The same package, pointed at the local site instead of the published one.
        local_oxt = os.path.join(work, "ogi-report-checker.oxt")
        with zipfile.ZipFile(OXT) as src, zipfile.ZipFile(local_oxt, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename == "description.xml":
                    data = data.decode("utf-8").replace(base, site_url).encode("utf-8")
                dst.writestr(item, data)
        office = Office(local_oxt, os.path.join(work, "office"))
        try:
            office.start()
            info = office.ctx.getValueByName("/singletons/com.sun.star.deployment.PackageInformationProvider")
            offers = [list(o) for o in info.isUpdateAvailable(EXTENSION_ID)]
            self.assertEqual(len(offers), 1, offers)
            self.assertEqual(offers[0][0], EXTENSION_ID)
            self.assertEqual(offers[0][1], "99.0.0")
            # And nothing is offered when the feed announces the installed version.
            with open(os.path.join(site, "ogi-report-checker.update.xml"), "w", encoding="utf-8") as f:
                f.write(feed.replace(base, site_url))
            self.assertEqual([list(o) for o in info.isUpdateAvailable(EXTENSION_ID)], [])
        finally:
            office.stop()


if __name__ == "__main__":
    unittest.main(verbosity=2)
