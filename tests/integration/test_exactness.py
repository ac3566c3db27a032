"""Integration tests (issue 9): the engine's exactness as a user meets it in a real office.

- A Writer document whose text states its numbers in Arabic-Indic, Devanagari or full-width
  digits checks normally from the toolbar (the 检查表格 command): the number is read as the
  same number in ASCII digits, a contradiction is found and marked, nothing fails.
- A table left blank (an inserted, still empty 2021 table three) gets one blank-cell finding
  (S-3) for the table, and its cells no comment each.
Environment: see test_extension.py.
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import docstate  # noqa: E402
from suite import FIXTURES, PROTOCOL, ModuleOffice, close_quietly  # noqa: E402

office = ModuleOffice()
setUpModule, tearDownModule = office.start, office.stop

SEED = os.path.join(FIXTURES, "seed000-jiangsu-2017-old")
SENTENCE = "收到依申请公开%s件"

# 47 and 48 in the digits of several scripts (Unicode Nd): Arabic-Indic, Extended Arabic-Indic
# (Persian), Devanagari, full-width.
DIGITS = {
    "arabic-indic": ("\u0664\u0667", "\u0664\u0668"),
    "persian": ("\u06f4\u06f7", "\u06f4\u06f8"),
    "devanagari": ("\u096a\u096d", "\u096a\u096e"),
    "full-width": ("\uff14\uff17", "\uff14\uff18"),
}


class ExactnessInTheOffice(unittest.TestCase):
    maxDiff = None

    def load_copy(self, path):
        doc = office.load(office.copy_in(path))
        self.addCleanup(close_quietly, doc)
        return doc

    def replace(self, doc, old, new):
        r = doc.createReplaceDescriptor()
        r.SearchString, r.ReplaceString = old, new
        self.assertEqual(doc.replaceAll(r), 1, "%r not found once" % old)

    def findings(self, doc):
        return sorted((d.Rule, d.Severity, d.Cell.Key, d.Expected, d.Actual) for d in office.checker().check(doc))

    def test_digits_of_every_script_from_the_toolbar(self):
        """Seed 000 says “全年收到依申请公开47件” and its B22 is 47. Written in other digits the
        sentence still agrees with the table; 48 in those digits is the X-2 finding the ASCII
        48 gives, marked with a comment on B22 by the 检查表格 command."""
        for ext in (".odt", ".docx"):
            doc = self.load_copy(SEED + ext)
            reference = self.findings(doc)
            self.assertEqual([f for f in reference if f[0].startswith("X-")], [])
            self.replace(doc, SENTENCE % "47", SENTENCE % "48")
            ascii48 = self.findings(doc)
            self.assertIn(("X-2", "warning", "B22", "48", "47"), ascii48)
            current = "48"
            for script, (d47, d48) in DIGITS.items():
                with self.subTest(format=ext, digits=script):
                    self.replace(doc, SENTENCE % current, SENTENCE % d47)
                    current = d47
                    result = office.dispatch(doc, PROTOCOL + "Check")
                    self.assertEqual(result.State, 1, result.Result)   # the command succeeded
                    self.assertEqual(self.findings(doc), reference)

                    self.replace(doc, SENTENCE % current, SENTENCE % d48)
                    current = d48
                    result = office.dispatch(doc, PROTOCOL + "Check")
                    self.assertEqual(result.State, 1, result.Result)
                    self.assertEqual(self.findings(doc), ascii48)
                    b22 = [d.Cell.Address for d in office.checker().check(doc) if d.Rule == "X-2"]
                    comments = [c for c in docstate.writer_comments(doc)
                                if c["cell"][1] in b22 and "48" in c["content"]]
                    self.assertEqual(len(comments), 1, docstate.writer_comments(doc))
                    office.dispatch(doc, PROTOCOL + "ClearMarks")
                    self.assertEqual(docstate.writer_comments(doc), [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
