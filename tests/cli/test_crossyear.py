"""ogi-check's cross-year pairing (issue 13): the real ./ogi-check on reports made here through
the office (crossyear_docs.py), asserting on the JSON fields "unit", "year", "previous",
"previous_candidates" and on the Y-1 findings.

Folder "years": 某某区 2020 (2019 format, 结转下年度 3), 2021 (2021 format, 上年结转 3 — holds
across the format change — and 结转下年度 5), 2022 (上年结转 4: Y-1 against 2021's 5), and
某某县 2022 (no report of 2021: unpaired). Folder "two": two 某某区 2021 reports for one 2022.
Environment: see test_cli.py.
"""
import json
import os
import shutil
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from test_cli import OXT, REPO, WORK, ogi_check, run_json  # noqa: E402

sys.path.insert(0, os.path.join(REPO, "tools"))
from ogicheck import paths  # noqa: E402

DOCS = os.path.join(WORK, "crossyear")
YEARS = os.path.join(DOCS, "years")
TWO = os.path.join(DOCS, "two")
TITLE = "某某区%d年度政府信息公开工作年度报告"


def setUpModule():
    shutil.rmtree(DOCS, ignore_errors=True)
    os.makedirs(DOCS)
    from crossyear_docs import balanced_t3
    reports = [
        (os.path.join(YEARS, "2020年报.odt"), TITLE % 2020, balanced_t3(10, 0, 3), "2019"),
        (os.path.join(YEARS, "2021年报.docx"), TITLE % 2021, balanced_t3(9, 3, 5), "2021"),
        (os.path.join(YEARS, "2022年报.odt"), TITLE % 2022, balanced_t3(7, 4, 1), "2021"),
        (os.path.join(YEARS, "某某县2022年报.odt"), "某某县2022年度政府信息公开工作年度报告", balanced_t3(6, 2, 0), "2021"),
        (os.path.join(TWO, "a-2021.odt"), TITLE % 2021, balanced_t3(9, 0, 3), "2021"),
        (os.path.join(TWO, "b-2021.odt"), TITLE % 2021, balanced_t3(9, 0, 2), "2021"),
        (os.path.join(TWO, "c-2022.odt"), TITLE % 2022, balanced_t3(9, 2, 0), "2021"),
    ]
    spec = os.path.join(DOCS, "spec.json")
    with open(spec, "w", encoding="utf-8") as f:
        json.dump([{"path": p, "title": t, "t3": v, "version": ver} for p, t, v, ver in reports], f, ensure_ascii=False)
    # In a process of its own: our UNO types must be known before uno is imported.
    subprocess.run([paths.UNO_PYTHON, os.path.join(HERE, "crossyear_docs.py"), OXT, os.path.join(WORK, "crossyear-maker"),
                    spec], env=paths.uno_env(), check=True, timeout=600)


def by_name(doc):
    return {os.path.basename(f["file"]): f for f in doc["files"]}


def y1(f):
    return [(d["key"], d["expected"], d["actual"]) for d in f["diagnostics"] if d["rule"] == "Y-1"]


class CrossYearCliTest(unittest.TestCase):
    maxDiff = None

    def test_folder_pairs_by_unit_and_consecutive_year(self):
        code, doc, stdout, stderr = run_json("-j", "2", YEARS)
        self.assertIn(code, (0, 1), stderr)
        f = by_name(doc)
        self.assertEqual(set(f), {"2020年报.odt", "2021年报.docx", "2022年报.odt", "某某县2022年报.odt"})
        for rec in f.values():
            self.assertEqual(rec["status"], "ok", rec["reason"])
        self.assertEqual({n: (r["unit"], r["year"]) for n, r in f.items()},
                         {"2020年报.odt": ("某某区", 2020), "2021年报.docx": ("某某区", 2021),
                          "2022年报.odt": ("某某区", 2022), "某某县2022年报.odt": ("某某县", 2022)})
        p = lambda n: os.path.join(YEARS, n)  # noqa: E731
        self.assertEqual({n: r["previous"] for n, r in f.items()},
                         {"2020年报.odt": None, "2021年报.docx": p("2020年报.odt"),
                          "2022年报.odt": p("2021年报.docx"), "某某县2022年报.odt": None})
        self.assertEqual(f["2022年报.odt"]["previous_candidates"], [p("2021年报.docx")])
        self.assertEqual(f["某某县2022年报.odt"]["previous_candidates"], [])
        # 2020 (2019 format) → 2021 (2021 format): 3 carried forward, 3 carried over — holds
        self.assertEqual(y1(f["2021年报.docx"]), [])
        # 2021 carried 5 forward, 2022 says 4 were carried over
        self.assertEqual(y1(f["2022年报.odt"]), [("R2.NP", "5", "4"), ("R2.TOT", "5", "4")])
        msg = [d["message"] for d in f["2022年报.odt"]["diagnostics"] if d["rule"] == "Y-1"][0]
        self.assertEqual(msg, "上年报告（%s）结转下年度为 5，本年上年结转为 4（自然人）。" % (TITLE % 2021))
        self.assertEqual(f["2022年报.odt"]["summary"]["warnings"],
                         sum(1 for d in f["2022年报.odt"]["diagnostics"] if d["severity"] == "warning"))
        self.assertIn("上年报告: %s" % p("2021年报.docx"), stdout)

    def test_no_cross_year(self):
        code, doc, _, stderr = run_json("--no-cross-year", YEARS)
        self.assertIn(code, (0, 1), stderr)
        for rec in doc["files"]:
            self.assertIsNone(rec["previous"])
            self.assertEqual(rec["previous_candidates"], [])
            self.assertFalse([d for d in rec["diagnostics"] if d["rule"].startswith("Y-")], rec["file"])
            self.assertIsNotNone(rec["unit"])

    def test_two_candidates_deterministic_choice(self):
        results = []
        for _ in range(2):
            code, doc, stdout, stderr = run_json(TWO)
            self.assertIn(code, (0, 1), stderr)
            results.append((by_name(doc)["c-2022.odt"], stdout))
        (first, stdout), (second, _) = results
        a, b = os.path.join(TWO, "a-2021.odt"), os.path.join(TWO, "b-2021.odt")
        self.assertEqual(first["previous"], a)                 # the first by path
        self.assertEqual(first["previous_candidates"], [a, b])
        self.assertEqual(second["previous"], a)
        self.assertEqual(y1(first), [("R2.NP", "3", "2"), ("R2.TOT", "3", "2")])   # against a-2021 (3)
        self.assertIn("2 份报告都可作为上年报告，按路径顺序选用第一份；另有: %s" % b, stdout)

    def test_previous_pairs_one_document_explicitly(self):
        prev = os.path.join(TWO, "b-2021.odt")               # another folder than the document
        code, doc, _, stderr = run_json("--previous", prev, os.path.join(YEARS, "2022年报.odt"))
        self.assertIn(code, (0, 1), stderr)
        (rec,) = doc["files"]
        self.assertEqual(rec["previous"], prev)
        self.assertEqual(y1(rec), [("R2.NP", "2", "4"), ("R2.TOT", "2", "4")])
        code, _, stderr = ogi_check("--previous", prev, YEARS)
        self.assertEqual(code, 2)
        self.assertIn("--previous FILE pairs one document", stderr)
        code, _, stderr = ogi_check("--previous", os.path.join(TWO, "missing.odt"), os.path.join(YEARS, "2022年报.odt"))
        self.assertEqual(code, 2)


if __name__ == "__main__":
    unittest.main(verbosity=2)
