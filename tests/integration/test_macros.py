"""The Basic and Python macro examples of the API documentation (idl/examples) really run."""
import os
import shutil
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))

from ogicheck.office import Office  # noqa: E402
import docstate  # noqa: E402

OXT = os.environ["OGI_OXT"]
FIXTURES = os.environ["OGI_FIXTURES"]
WORKDIR = os.environ["OGI_WORKDIR"]
EXAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "idl", "examples")
SEED = os.path.join(FIXTURES, "seed002-dongyang-2017-old.odt")


class MacroTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.office = Office(OXT, os.path.join(WORKDIR, "macros")).__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.office.stop()

    def script_provider(self):
        factory = self.office.create("com.sun.star.script.provider.MasterScriptProviderFactory")
        return factory.createScriptProvider("")

    def expected_prefix(self, doc):
        n = len(self.office.checker().check(doc))
        self.assertGreater(n, 0)
        return n

    def test_basic_example(self):
        doc = self.office.load(self.office.copy_in(SEED))
        self.addCleanup(lambda: doc.close(True))
        n = self.expected_prefix(doc)
        libs = self.office.create("com.sun.star.script.ApplicationScriptLibraryContainer")
        if not libs.hasByName("OgiExample"):
            libs.createLibrary("OgiExample")
        lib = libs.getByName("OgiExample")
        with open(os.path.join(EXAMPLES, "ReportChecker.bas"), encoding="utf-8") as f:
            code = f.read()
        if lib.hasByName("ReportChecker"):
            lib.removeByName("ReportChecker")
        lib.insertByName("ReportChecker", code)
        script = self.script_provider().getScript(
            "vnd.sun.star.script:OgiExample.ReportChecker.ReportSummary?language=Basic&location=application")
        result = script.invoke((doc,), (), ())[0]
        self.assertTrue(result.startswith("%d finding(s), %d cell(s) marked" % (n, n)), result)
        self.assertIn("B-12 warning", result)
        self.assertTrue(any(c["author"] == docstate.OUR_AUTHOR for c in docstate.writer_comments(doc)))

    def test_python_example(self):
        doc = self.office.load(self.office.copy_in(SEED))
        self.addCleanup(lambda: doc.close(True))
        n = self.expected_prefix(doc)
        scripts = os.path.join(self.office.profile, "user", "Scripts", "python")
        os.makedirs(scripts, exist_ok=True)
        shutil.copyfile(os.path.join(EXAMPLES, "report_checker.py"), os.path.join(scripts, "report_checker.py"))
        for root, dirs, files in os.walk(os.path.join(self.office.profile, "user", "Scripts")):
            for name in dirs + files:
                os.chmod(os.path.join(root, name), 0o777)
        script = self.script_provider().getScript(
            "vnd.sun.star.script:report_checker.py$report_summary?language=Python&location=user")
        result = script.invoke((doc,), (), ())[0]
        self.assertTrue(result.startswith("%d finding(s), %d cell(s) marked, 1 table(s)" % (n, n)), result)
        self.assertIn("B-12 warning", result)


if __name__ == "__main__":
    unittest.main(verbosity=2)
