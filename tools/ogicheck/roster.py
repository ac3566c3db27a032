"""The roster of a reviewing office (--roster FILE.csv) and what follows from it: the units
without a report, the reports of units not on the roster, and the hierarchy sums H-1/H-2
(spec §6.5a: a parent's 本级汇总/全区汇总 report against the sum of its direct children's reports).

No UNO here: plain data in, plain data out (the JSON's "roster" and "hierarchy").

Roster file: CSV (UTF-8, UTF-8 with BOM or GB18030, as Excel and WPS write it), one unit per
line, an optional second column naming the parent unit; a header row is recognized by its
words (单位, 名称, unit, name …); blank lines and lines starting with # are skipped.
"""
import csv
import io
import os
import re
import unicodedata
from decimal import Decimal

# ---------------------------------------------------------------------------------------------
# Units: THE two functions every unit comparison of ogi-check goes through.


QUOTES = ("“", "”", "\"", "'", "‘", "’", "《", "》", "〈", "〉", "「", "」", "『", "』")


def normalize_unit(name):
    """Unit name for matching: the core's normalizeUnit() (src/core/src/CrossYear.cpp, cross-year
    pairing), step by step: NFKC, no white space, no quotes or book-title marks, then repeatedly
    without a trailing bracketed note ("（全区汇总）", "[本级]", "【汇总】") and without a trailing
    人民政府 / 本级 / 汇总. "某某区 人民政府（全区汇总）" → "某某区"; "某某市人民政府办公厅" stays.
    Every unit comparison of ogi-check goes through this one function."""
    if not name:
        return ""
    s = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(name)))
    for q in QUOTES:
        s = s.replace(q, "")
    changed = True
    while changed and s:
        changed = False
        for open_, close in (("(", ")"), ("[", "]"), ("【", "】")):
            if s.endswith(close):
                p = s.rfind(open_)
                if p > 0:
                    s = s[:p]
                    changed = True
        for suffix in ("人民政府", "本级", "汇总"):
            if s.endswith(suffix) and len(s) > len(suffix):
                s = s[:-len(suffix)]
                changed = True
    return s


def unit_of(record):
    """The unit a report is of: the engine's "unit" (read from the report's title), else, for a
    report without a title, its file name without the year and the report words
    ("某某区教育局2021年度报告.docx" → 某某区教育局)."""
    unit = record.get("unit")
    if unit:
        return unit
    stem = os.path.splitext(os.path.basename(record.get("file") or ""))[0]
    stem = re.sub(r"[\s\-_·.]*(19|20)\d\d\s*年?度?", "", stem)
    stem = re.sub(r"(政府信息公开)?(工作)?(年度)?报告$", "", stem)
    stem = stem.strip(" -_·.")
    return stem or None


def is_summary_report(record):
    """A 本级汇总 / 全区汇总 report (its unit or file name says so)."""
    text = " ".join(filter(None, [record.get("unit"), os.path.basename(record.get("file") or "")]))
    return "汇总" in text


# ---------------------------------------------------------------------------------------------
# The roster file.

HEADER_WORDS = {"单位", "单位名称", "名称", "部门", "机关", "报送单位", "unit", "units", "name", "agency",
                "上级", "上级单位", "parent"}


class RosterError(Exception):
    pass


def _decode(data):
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise RosterError("not UTF-8 or GB18030 text")


def read_roster(path):
    """[{"unit", "parent", "line"}] in file order; raises RosterError with a readable reason."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise RosterError(e.strerror or str(e))
    text = _decode(data)
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t，")
    except csv.Error:
        dialect = csv.excel
    entries, seen = [], {}
    for lineno, row in enumerate(csv.reader(io.StringIO(text), dialect), 1):
        cells = [c.strip() for c in row]
        if not cells or not any(cells) or cells[0].startswith("#"):
            continue
        if not entries and not seen and all(unicodedata.normalize("NFKC", c).lower() in HEADER_WORDS
                                            for c in cells if c):
            continue   # header row
        unit = cells[0]
        parent = cells[1] if len(cells) > 1 and cells[1] else None
        if not unit:
            raise RosterError("line %d: no unit name in the first column" % lineno)
        key = normalize_unit(unit)
        if key in seen:
            raise RosterError("line %d: %s is already on the roster (line %d)" % (lineno, unit, seen[key]))
        if parent and normalize_unit(parent) == key:
            raise RosterError("line %d: %s is named as its own parent" % (lineno, unit))
        seen[key] = lineno
        entries.append({"unit": unit, "parent": parent, "line": lineno})
    if not entries:
        raise RosterError("no units in the file")
    return entries


# ---------------------------------------------------------------------------------------------
# Reports against the roster.


def _reports_by_unit(records):
    """{normalized unit: [record, …]} of the checked reports (files that failed have no unit)."""
    out = {}
    for r in records:
        if r.get("status") != "ok":
            continue
        key = normalize_unit(unit_of(r))
        if key:
            out.setdefault(key, []).append(r)
    return out


def match(roster, records):
    """The JSON's "roster": units without a report for the year under review (the latest year
    among the reports) and the reports whose unit is not on the roster."""
    by_unit = _reports_by_unit(records)
    years = [r["year"] for rs in by_unit.values() for r in rs if r.get("year")]
    year = max(years) if years else None
    on_roster = {normalize_unit(e["unit"]) for e in roster}
    missing = []
    for e in roster:
        reports = by_unit.get(normalize_unit(e["unit"]), [])
        this_year = [r for r in reports if year is None or r.get("year") in (year, None)]
        if not this_year:
            missing.append({"unit": e["unit"], "parent": e["parent"], "year": year,
                            "other_years": sorted({"%s" % r["year"] for r in reports if r.get("year")}),
                            "files": [r["file"] for r in reports]})
    not_on = []
    for r in records:
        if r.get("status") != "ok":
            continue
        unit = unit_of(r)
        if not unit:
            not_on.append({"file": r["file"], "unit": None, "year": r.get("year"),
                           "reason": "no unit found in the report"})
        elif normalize_unit(unit) not in on_roster:
            not_on.append({"file": r["file"], "unit": unit, "year": r.get("year"),
                           "reason": "unit not on the roster"})
    return {"units": len(roster), "year": year, "reported": len(roster) - len(missing),
            "missing": missing, "not_on_roster": not_on}


# ---------------------------------------------------------------------------------------------
# Hierarchy sums H-1 / H-2.

FAMILIES = ("t3", "t4")
FAMILY_WORDS = {"t3": ("表三", "table three"), "t4": ("表四", "table four")}


def _family(template):
    return template.split("-")[-1] if template and template[:2] in ("20",) else None


def _tables(record):
    """{family: table} of a report's tables three and four (the first of each)."""
    out = {}
    for t in record.get("tables") or []:
        fam = _family(t.get("template"))
        if fam in FAMILIES and fam not in out:
            out[fam] = t
    return out


def _number(v):
    """An additive cell's value: int/Decimal, 0 for a blank cell, None when it is not a number."""
    if v is None:
        return 0
    if isinstance(v, bool) or isinstance(v, str):
        return None
    if isinstance(v, float):
        return Decimal(repr(v))
    return v


def _fmt(n):
    return str(n.normalize() if isinstance(n, Decimal) else n)


def hierarchy(roster, records, key_label=None):
    """The JSON's "hierarchy": one entry per parent unit of the roster (and year of its reports)."""
    key_label = key_label or (lambda template, key: key)
    by_unit = _reports_by_unit(records)
    children = {}
    for e in roster:
        if e["parent"]:
            children.setdefault(normalize_unit(e["parent"]), []).append(e)
    names = {normalize_unit(e["unit"]): e["unit"] for e in roster}
    out = []
    for parent_key, kids in children.items():
        parent_name = names.get(parent_key) or next(e["parent"] for e in kids)
        reports = by_unit.get(parent_key, [])
        if not reports:
            out.append({"parent": parent_name, "year": None, "file": None, "status": "no-report",
                        "children": [{"unit": k["unit"], "file": None} for k in kids], "findings": []})
            continue
        per_year = {}
        for r in sorted(reports, key=lambda r: (not is_summary_report(r), r["file"])):
            per_year.setdefault(r.get("year"), r)     # the 汇总 report first, else the first file
        for year, parent in sorted(per_year.items(), key=lambda kv: kv[0] or 0):
            out.append(_compare(parent_name, parent, year, kids, by_unit, key_label))
    return out


def _compare(parent_name, parent, year, kids, by_unit, key_label):
    entry = {"parent": parent_name, "year": year, "file": parent["file"], "children": [], "findings": []}
    found = []
    for k in kids:
        reports = [r for r in by_unit.get(normalize_unit(k["unit"]), []) if r.get("year") == year]
        reports.sort(key=lambda r: r["file"])
        child = reports[0] if reports else None
        entry["children"].append({"unit": k["unit"], "file": child["file"] if child else None})
        if child is None:
            entry["findings"].append(_finding(
                "H-2", "info", parent, None, None, None, None, [],
                {"zh-CN": "下级单位“%s”没有 %s 年度的报告，汇总数无法核对完整。" % (k["unit"], year or "本"),
                 "en-US": "the subordinate unit %s has no report for %s, so the sum cannot be complete."
                          % (k["unit"], year or "this year")}))
        else:
            found.append((k["unit"], child))
    ptables = _tables(parent)
    compared = 0
    if found and len(found) == len(kids):
        for fam in FAMILIES:
            pt = ptables.get(fam)
            if pt is None:
                continue
            ctables = [(unit, r, _tables(r).get(fam)) for unit, r in found]
            lacking = [unit for unit, _, t in ctables if t is None]
            if lacking:
                words = FAMILY_WORDS[fam]
                entry["findings"].append(_finding(
                    "H-2", "info", parent, pt, None, None, None, [],
                    {"zh-CN": "下级单位 %s 的报告中没有%s，%s汇总数无法核对。" % ("、".join(lacking), words[0], words[0]),
                     "en-US": "the reports of %s have no %s; its sums cannot be checked."
                              % (", ".join(lacking), words[1])}))
                continue
            for key in sorted(pt.get("values") or {}):
                if key.split(".")[0].endswith("_SUB"):
                    continue  # subtotal rows some reports add: not part of the form
                pv = _number(pt["values"][key])
                parts = [(unit, r, _number((t.get("values") or {}).get(key, None)) if key in (t.get("values") or {})
                          else None) for unit, r, t in ctables]
                if pv is None or any(v is None for _, _, v in parts):
                    continue  # not a number somewhere (the cell's own finding says so): not assessable
                compared += 1
                total = sum(v for _, _, v in parts)
                if total != pv:
                    label = key_label(pt.get("template"), key)
                    names = "、".join("%s %s" % (u, _fmt(v)) for u, _, v in parts)
                    entry["findings"].append(_finding(
                        "H-1", "warning", parent, pt, key, _fmt(total), _fmt(pv),
                        [{"unit": u, "file": r["file"], "value": _fmt(v)} for u, r, v in parts],
                        {"zh-CN": "汇总报告“%s”（%s）为 %s，下级单位合计为 %s（%s）。"
                                  % (label, key, _fmt(pv), _fmt(total), names),
                         "en-US": "the summary report's %s (%s) is %s; its subordinate units add up to %s (%s)."
                                  % (label, key, _fmt(pv), _fmt(total),
                                     ", ".join("%s %s" % (u, _fmt(v)) for u, _, v in parts))}))
    h1 = sum(1 for f in entry["findings"] if f["rule"] == "H-1")
    if len(found) < len(kids):
        entry["status"] = "incomplete"
    elif not compared:
        entry["status"] = "not-comparable"
    else:
        entry["status"] = "differs" if h1 else "ok"
    entry["compared_cells"] = compared
    return entry


def _finding(rule, severity, parent, table, key, expected, actual, children, messages):
    return {"rule": rule, "severity": severity, "file": parent["file"],
            "template": table.get("template") if table else None,
            "table": table.get("index") if table else -1,
            "key": key, "expected": expected, "actual": actual, "children": children, "messages": messages}


def add_messages(entries, lang):
    """Each finding's "message" in the run's language (as the files' findings have)."""
    for e in entries:
        for f in e["findings"]:
            f["message"] = f["messages"].get(lang) or f["messages"]["zh-CN"]


def human_lines(result, entries, lang):
    """The terminal's lines about the roster and the hierarchy sums."""
    zh = lang == "zh-CN"
    lines = []
    if result is not None:
        missing = [m["unit"] for m in result["missing"]]
        lines.append(("名单 %d 个单位：%d 个已报送，%d 个未报送%s" if zh else
                      "roster: %d units, %d reported, %d without a report%s") % (
            result["units"], result["reported"], len(missing),
            ("（%s）" if zh else " (%s)") % ("、" if zh else ", ").join(missing[:10] + (["…"] if len(missing) > 10 else []))
            if missing else ""))
        if result["not_on_roster"]:
            names = [n["unit"] or os.path.basename(n["file"]) for n in result["not_on_roster"]]
            lines.append(("%d 份报告的单位不在名单中：%s" if zh else "%d reports of units not on the roster: %s") % (
                len(names), ("、" if zh else ", ").join(names[:10] + (["…"] if len(names) > 10 else []))))
    for e in entries:
        if e["status"] == "no-report":
            continue
        h1 = [f for f in e["findings"] if f["rule"] == "H-1"]
        if zh:
            what = {"ok": "与下级单位合计一致（%d 个单元格）" % e.get("compared_cells", 0),
                    "differs": "%d 个单元格与下级单位合计不一致（H-1）" % len(h1),
                    "incomplete": "下级单位缺报，无法核对完整（H-2）",
                    "not-comparable": "没有可核对的表三、表四"}[e["status"]]
            lines.append("层级核对 %s %s：%s" % (e["parent"], e.get("year") or "", what))
        else:
            what = {"ok": "adds up to its children (%d cells)" % e.get("compared_cells", 0),
                    "differs": "%d cells differ from the sum of its children (H-1)" % len(h1),
                    "incomplete": "children without a report: the sum is incomplete (H-2)",
                    "not-comparable": "no table three or four to compare"}[e["status"]]
            lines.append("hierarchy %s %s: %s" % (e["parent"], e.get("year") or "", what))
    return lines
