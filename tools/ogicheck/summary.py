"""ogi-check --summary OUT.xlsx|OUT.ods: the roll-up workbook of a run, made by LibreOffice Calc.

Two halves:
  - model(doc, …)  (no UNO, in ogi-check's own process): the run's JSON → the workbook's sheets as
    plain rows: 汇总 (a row per file), 问题明细 (a row per finding), 未报送 (--roster), 层级核对 (when the
    roster names parents), 图表 (errors and warnings per unit, worst first, and the chart);
  - write(model, out)  (python3 -m ogicheck.summary, a short-lived office from the workers' machinery:
    a Session on the same profile template): fills a new Calc document through UNO — hyperlinks as
    HYPERLINK() cells, frozen header rows, autofilters, fitting column widths, rows coloured by the worst
    severity, a bar chart — and stores it with Calc's own filter (Calc MS Excel 2007 XML or calc8).
"""
import glob
import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal

from ogicheck import paths, roster

# The marks' colours (MarkStyle): error, warning, info.
COLORS = {"error": 0xFFB3B3, "warning": 0xFFE699, "info": 0xCCE5FF, "failed": 0xFFB3B3}
HEADER_COLOR = 0xDDDDDD
CHART_UNITS = 30          # the chart shows the worst 30 units (the table beside it lists every unit)
MAX_WIDTH = 12000         # 1/100 mm: wider columns are capped and wrap (messages)

SHEETS = {"summary": "汇总", "findings": "问题明细", "roster": "未报送", "hierarchy": "层级核对", "chart": "图表"}

TEXT = {
    "zh-CN": {
        "summary": ["文件", "单位", "年度", "格式", "识别的表格", "状态", "错误", "警告", "提示", "已忽略",
                    "本年新收", "上年结转", "办结 （七）总计", "结转下年度", "行政复议 总计", "行政诉讼 总计",
                    "上年报告", "最严重"],
        "marked": "标记副本", "hierarchy_col": "层级核对",
        "findings": ["文件", "单位", "表格", "单元格", "键", "规则", "严重程度", "说明", "应为", "实际", "修改建议"],
        "roster": ["类别", "单位", "上级单位", "年度", "文件", "说明"],
        "hierarchy": ["上级单位", "年度", "汇总报告", "下级单位", "已报送", "核对单元格", "不一致", "状态", "缺报的下级单位"],
        "chart": ["单位", "错误", "警告"],
        "chart_title": "各单位错误与警告（由多到少）", "chart_title_top": "错误与警告最多的 {n} 个单位",
        "ok": "正常", "failed": "失败：{r}", "failed_code": "失败（{c}）：{r}",
        "error": "错误", "warning": "警告", "info": "提示", "none": "无",
        "worst": {"failed": "失败", "error": "错误", "warning": "警告", "info": "提示"},
        "document": "全文", "no_tables": "未识别到统计表",
        "families": {"t2": "表二", "t3": "表三", "t4": "表四", "old": "统计表"},
        "and": "、", "list": "；", "paren": "%s（%s）",
        "missing": "未报送", "not_on_roster": "不在名单中", "no_unit": "未识别单位",
        "missing_note": "没有 {y} 年度的报告", "missing_other": "；只有 {years} 年度的报告",
        "not_on_note": "单位不在报送名单中", "no_unit_note": "报告中未找到单位名称",
        "h_status": {"ok": "一致", "differs": "不一致", "incomplete": "下级单位缺报，无法核对完整",
                     "no-report": "没有汇总报告", "not-comparable": "无可核对的表三、表四"},
    },
    "en-US": {
        "summary": ["file", "unit", "year", "format", "tables found", "status", "errors", "warnings", "infos",
                    "ignored", "new this year", "carried over", "handled (七) total", "carried forward",
                    "reconsideration total", "litigation total", "last year's report", "worst"],
        "marked": "marked copy", "hierarchy_col": "hierarchy",
        "findings": ["file", "unit", "table", "cell", "key", "rule", "severity", "message", "expected", "actual",
                     "suggestion"],
        "roster": ["kind", "unit", "parent unit", "year", "file", "note"],
        "hierarchy": ["parent unit", "year", "summary report", "children", "reported", "cells compared",
                      "differing", "status", "children without a report"],
        "chart": ["unit", "errors", "warnings"],
        "chart_title": "Errors and warnings per unit (worst first)", "chart_title_top": "The {n} units with the most problems",
        "ok": "ok", "failed": "failed: {r}", "failed_code": "failed ({c}): {r}",
        "error": "error", "warning": "warning", "info": "info", "none": "none",
        "worst": {"failed": "failed", "error": "error", "warning": "warning", "info": "info"},
        "document": "document", "no_tables": "no statistics table recognized",
        "families": {"t2": "table two", "t3": "table three", "t4": "table four", "old": "statistics table"},
        "and": ", ", "list": "; ", "paren": "%s (%s)",
        "missing": "no report", "not_on_roster": "not on the roster", "no_unit": "unit not found",
        "missing_note": "no report for {y}", "missing_other": "; reports for {years} only",
        "not_on_note": "the unit is not on the roster", "no_unit_note": "no unit name found in the report",
        "h_status": {"ok": "adds up", "differs": "differs", "incomplete": "children missing: sum incomplete",
                     "no-report": "no summary report", "not-comparable": "no table three or four to compare"},
    },
}

# Key figures: (2019/2021 key or keys, 2014 key) per 汇总 column.
KEY_FIGURES = [(("R1.TOT",), "B22"), (("R2.TOT",), None), (("R3_7.TOT",), "B27"), (("R4.TOT",), None),
               (("RV_TOT",), "B45"), (("LD_TOT", "LR_TOT"), "B49")]


# ---------------------------------------------------------------------------------------------
# Template keys in words (from the template data the engine embeds).

_templates = None


def _load_templates():
    global _templates
    if _templates is None:
        _templates = {}
        for p in glob.glob(os.path.join(paths.REPO, "src", "core", "data", "templates", "*.json")):
            with open(p, encoding="utf-8") as f:
                t = json.load(f)
            _templates[t["id"]] = t
    return _templates


def _placed(tmpl):
    """[(row, col, rowspan, colspan, cell)] with the value cells' keys expanded (HTML placement)."""
    taken, out = set(), []
    for r, row in enumerate(tmpl["rows"]):
        c = 0
        for cell in row:
            cells = [cell]
            k = cell.get("k")
            if k and k.endswith(".*"):
                cells = [dict(cell, k=k[:-1] + ck) for ck in tmpl.get("columnKeys", [])]
            for one in cells:
                while (r, c) in taken:
                    c += 1
                rs, cs = one.get("rs", 1), one.get("cs", 1)
                for dr in range(rs):
                    for dc in range(cs):
                        taken.add((r + dr, c + dc))
                out.append((r, c, rs, cs, one))
                c += cs
    return out


_labels = {}


def key_label(template, key):
    """"一、本年新收政府信息公开申请数量 · 总计" for ("2021-t3", "R1.TOT"); the key itself if unknown."""
    if (template, key) in _labels:
        return _labels[(template, key)]
    tmpl = _load_templates().get(template)
    label = key
    if tmpl:
        cells = _placed(tmpl)
        head = tmpl.get("headerRows", 0)
        value_cols = {c for r, c, _, _, x in cells if "k" in x}
        for r, c, rs, cs, x in cells:
            if x.get("k") != key:
                continue
            rows = [y["t"] for rr, cc, rrs, ccs, y in cells if "t" in y and rr >= head
                    and rr <= r < rr + rrs and cc < c]
            cols = [y["t"] for rr, cc, rrs, ccs, y in cells if "t" in y and rr < head and tmpl["layout"] == "matrix"
                    and cc <= c < cc + ccs and not value_cols <= set(range(cc, cc + ccs))]
            label = " · ".join(p for p in [" ".join(rows), " ".join(cols)] if p) or key
            break
    _labels[(template, key)] = label
    return label


# ---------------------------------------------------------------------------------------------
# The model.


def _num(v):
    """A value for a cell: numbers as numbers, blank as empty, text as text."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, (int, float, Decimal)):
        return v
    return str(v)


def key_figures(rec):
    """The six key figures of a report (None where the report has no such table or cell)."""
    t3 = t4 = old = None
    for t in rec.get("tables") or []:
        tid = t.get("template") or ""
        if tid.endswith("-t3") and t3 is None:
            t3 = t.get("values") or {}
        elif tid.endswith("-t4") and t4 is None:
            t4 = t.get("values") or {}
        elif tid.startswith("old") and old is None:
            old = t.get("values") or {}
    out = []
    for keys, old_key in KEY_FIGURES:
        values = t4 if keys[0][:2] in ("RV", "LD") else t3
        if values is not None and all(k in values for k in keys):
            vs = [values[k] for k in keys]
            if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in vs):
                out.append(sum(vs))
            elif len(vs) == 1:
                out.append(vs[0])
            else:
                out.append(" + ".join("" if v is None else str(v) for v in vs))
        elif old is not None and old_key and old_key in old:
            out.append(old[old_key])
        else:
            out.append(None)
    return out


def _worst(rec):
    if rec["status"] != "ok":
        return "failed"
    s = rec["summary"]
    for sev, n in (("error", "errors"), ("warning", "warnings"), ("info", "infos")):
        if s.get(n):
            return sev
    return None


def _table_words(t, tables, index, lang):
    if index is None or index < 0 or index >= len(tables):
        return t["document"]
    tb = tables[index]
    tid = tb.get("template") or ""
    fam = "old" if tid.startswith("old") else tid.split("-")[-1]
    return t["paren"] % ("%s %s" % (t["families"].get(fam, tid), tb.get("title") or ""), tb.get("version") or "")


def _tables_words(t, tables):
    if not tables:
        return t["no_tables"]
    by_version = {}
    for tb in tables:
        tid = tb.get("template") or ""
        fam = "old" if tid.startswith("old") else tid.split("-")[-1]
        by_version.setdefault(tb.get("version") or "", []).append(t["families"].get(fam, tid))
    return t["list"].join(t["paren"] % (t["and"].join(v), k) for k, v in by_version.items())


def _link(path, text=None):
    if not path:
        return ""
    return {"link": "file://" + _quote(os.path.abspath(path)), "text": text or os.path.basename(path)}


def _quote(p):
    from urllib.parse import quote
    return quote(p, safe="/")


def _status(t, rec, codes):
    if rec["status"] == "ok":
        return t["ok"]
    label = codes.get(rec.get("code"))
    return (t["failed_code"].format(c=label, r=rec.get("reason") or "") if label
            else t["failed"].format(r=rec.get("reason") or ""))


def _suggestion(d):
    s = d.get("suggestion")
    if not s:
        return ""
    if isinstance(s, dict):
        where = s.get("cell") or s.get("key") or ""
        value = s.get("value")
        head = ("%s → %s" % (where, value)) if value not in (None, "") else where
        return "：".join(p for p in [head, s.get("reason") or ""] if p)
    return str(s)


def model(doc, lang="zh-CN", marked=False, roster_result=None, hierarchy=None):
    """The workbook as plain data (see write())."""
    from ogicheck import report
    t = TEXT[lang]
    codes = report.TEXT[lang].get("codes", {})
    files = doc["files"]
    h_by_file = {}
    for h in hierarchy or []:
        if h.get("file"):
            h_by_file.setdefault(h["file"], []).append(h)

    # 汇总
    header = list(t["summary"])
    if marked:
        header.insert(header.index(t["summary"][-2]) + 1, t["marked"])
    if hierarchy:
        header.insert(len(header) - 1, t["hierarchy_col"])
    rows, colors = [], []
    rank = [None, "info", "warning", "error", "failed"]
    for rec in files:
        worst = _worst(rec)
        for h in h_by_file.get(rec["file"], []):   # the hierarchy's findings are about this report too
            for f in h["findings"]:
                worst = max(worst, f["severity"], key=rank.index)
        s = rec["summary"]
        row = [_link(rec["file"]), roster.unit_of(rec) or "", rec.get("year") or "",
               _format_words(rec, t), _tables_words(t, rec.get("tables")) if rec["status"] == "ok" else "",
               _status(t, rec, codes), s["errors"], s["warnings"], s["infos"], s.get("ignored") or 0]
        row += [_num(v) for v in key_figures(rec)]
        prev = rec.get("previous")
        prev = prev.get("path") if isinstance(prev, dict) else prev
        row.append(_link(prev) if prev else "")
        if marked:
            row.append(_link(rec.get("marked_copy")) if rec.get("marked_copy") else (rec.get("marked_copy_error") or ""))
        if hierarchy:
            row.append(t["list"].join("%s %s" % (h.get("year") or "", t["h_status"][h["status"]])
                                for h in h_by_file.get(rec["file"], [])))
        row.append(t["worst"][worst] if worst else t["none"])
        rows.append(row)
        colors.append(COLORS.get(worst))
    summary = {"name": SHEETS["summary"], "header": header, "rows": rows, "colors": colors, "freeze": True,
               "autofilter": True, "wrap": [header.index(t["summary"][5])]}

    # 问题明细
    frows, fcolors = [], []
    for rec in files:
        unit = roster.unit_of(rec) or ""
        for d in rec["diagnostics"]:
            frows.append([_link(rec["file"]), unit, _table_words(t, rec["tables"], d.get("table"), lang),
                          d.get("cell") or "", d.get("key") or "", d.get("rule") or "", t.get(d["severity"], d["severity"]),
                          d.get("message") or "", d.get("expected") or "", d.get("actual") or "", _suggestion(d)])
            fcolors.append(COLORS.get(d["severity"]))
    by_file = {r["file"]: r for r in files}
    for h in hierarchy or []:
        for f in h["findings"]:
            rec = by_file.get(f["file"], {"tables": []})
            frows.append([_link(f["file"]), h["parent"], _table_words(t, rec.get("tables") or [], f.get("table"), lang),
                          "", f.get("key") or "", f["rule"], t[f["severity"]], f["messages"][lang],
                          f.get("expected") or "", f.get("actual") or "", ""])
            fcolors.append(COLORS.get(f["severity"]))
    fheader = list(t["findings"])
    findings = {"name": SHEETS["findings"], "header": fheader, "rows": frows, "colors": fcolors, "freeze": True,
                "autofilter": True, "wrap": [fheader.index(t["findings"][7]), fheader.index(t["findings"][10])]}
    sheets = [summary, findings]

    # 未报送
    if roster_result is not None:
        rrows = []
        for m in roster_result["missing"]:
            note = t["missing_note"].format(y=m["year"] or "")
            if m["other_years"]:
                note += t["missing_other"].format(years=t["and"].join(m["other_years"]))
            rrows.append([t["missing"], m["unit"], m["parent"] or "", m["year"] or "",
                          _link(m["files"][0]) if m["files"] else "", note])
        for n in roster_result["not_on_roster"]:
            kind, note = (t["not_on_roster"], t["not_on_note"]) if n["unit"] else (t["no_unit"], t["no_unit_note"])
            rrows.append([kind, n["unit"] or "", "", n["year"] or "", _link(n["file"]), note])
        sheets.append({"name": SHEETS["roster"], "header": t["roster"], "rows": rrows, "colors": [None] * len(rrows),
                       "freeze": True, "autofilter": True, "wrap": []})

    # 层级核对
    if hierarchy:
        hrows, hcolors = [], []
        for h in hierarchy:
            missing = [c["unit"] for c in h["children"] if not c["file"]]
            h1 = sum(1 for f in h["findings"] if f["rule"] == "H-1")
            hrows.append([h["parent"], h.get("year") or "", _link(h["file"]) if h.get("file") else "",
                          len(h["children"]), len(h["children"]) - len(missing), h.get("compared_cells") or 0, h1,
                          t["h_status"][h["status"]], t["and"].join(missing)])
            hcolors.append({"ok": None, "differs": COLORS["warning"]}.get(h["status"], COLORS["info"]))
        sheets.append({"name": SHEETS["hierarchy"], "header": t["hierarchy"], "rows": hrows, "colors": hcolors,
                       "freeze": True, "autofilter": True, "wrap": []})

    # 图表: errors and warnings per unit, worst first
    per_unit = {}
    for rec in files:
        unit = roster.unit_of(rec) or os.path.basename(rec["file"])
        e, w = per_unit.get(unit, (0, 0))
        per_unit[unit] = (e + rec["summary"]["errors"], w + rec["summary"]["warnings"])
    crow = sorted(([u, e, w] for u, (e, w) in per_unit.items()), key=lambda r: (-r[1], -r[2], r[0]))
    n = min(CHART_UNITS, len(crow))
    sheets.append({"name": SHEETS["chart"], "header": t["chart"], "rows": crow, "colors": [None] * len(crow),
                   "freeze": True, "autofilter": False, "wrap": [],
                   "chart": {"rows": n, "title": t["chart_title"] if n == len(crow)
                             else t["chart_title_top"].format(n=n)}})
    return {"lang": lang, "sheets": sheets}


def _format_words(rec, t):
    ext = os.path.splitext(rec["file"])[1].lstrip(".").lower()
    fmt = rec.get("format")
    return t["paren"] % (ext, fmt) if fmt and ext else (ext or fmt or "")


# ---------------------------------------------------------------------------------------------
# From ogi-check's process: the model to a file, the workbook made in an office subprocess.


class SummaryError(Exception):
    pass


def write_summary(doc, out, oxt, template, workdir, lang="zh-CN", marked=False, roster_result=None,
                  hierarchy=None, timeout=600):
    """Build the model and have an office write it to `out` (.xlsx or .ods)."""
    m = model(doc, lang, marked, roster_result, hierarchy)
    os.makedirs(workdir, exist_ok=True)
    model_path = os.path.join(workdir, "summary-model.json")
    with open(model_path, "w", encoding="utf-8") as f:
        json.dump(m, f, ensure_ascii=False, default=_json_default)
    cmd = [paths.UNO_PYTHON, "-m", "ogicheck.summary", model_path, os.path.abspath(out), oxt, template,
           os.path.join(workdir, "office")]
    try:
        r = subprocess.run(cmd, env=paths.uno_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        raise SummaryError("LibreOffice did not finish the workbook within %d s" % timeout)
    if r.returncode != 0:
        lines = [l for l in (r.stderr or "").strip().splitlines() if l.startswith("summary:")]
        raise SummaryError(lines[-1][len("summary:"):].strip() if lines else (r.stderr or "").strip()[-1500:]
                           or "exit %d" % r.returncode)


def _json_default(o):
    if isinstance(o, Decimal):
        return float(o)
    raise TypeError(type(o).__name__)


# ---------------------------------------------------------------------------------------------
# In the office subprocess.

def _col_name(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def _tick(what, t=[None]):
    """OGI_SUMMARY_TIMING=1: how long each step of write() took, on stderr (bench/bench-summary.py)."""
    import time
    now = time.monotonic()
    if os.environ.get("OGI_SUMMARY_TIMING") and t[0] is not None:
        print("summary-timing %-28s %.2f s" % (what, now - t[0]), file=sys.stderr)
    t[0] = now


def write(m, out, office_session):
    """Fill a new Calc document from the model and store it as `out` (written by the office into its
    work directory, then copied to `out`)."""
    import uno
    from ogicheck.session import office
    prop = office.prop
    desktop = office_session.desktop
    # Not hidden: a hidden document has no view, so its frozen rows would not be stored (headless: no window).
    _tick("start")
    doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", False),))
    _tick("new document")
    try:
        sheets = doc.Sheets
        controller = doc.getCurrentController()

        def addr(sheet_index, c0, r0, c1, r1):
            a = uno.createUnoStruct("com.sun.star.table.CellRangeAddress")
            a.Sheet, a.StartColumn, a.StartRow, a.EndColumn, a.EndRow = sheet_index, c0, r0, c1, r1
            return a

        for i, sh in enumerate(m["sheets"]):
            if i == 0:
                sheet = sheets.getByIndex(0)
                sheet.Name = sh["name"]
            else:
                sheets.insertNewByName(sh["name"], i)
                sheet = sheets.getByIndex(i)
            header, rows = sh["header"], sh["rows"]
            ncols = len(header)
            data = [list(header)] + [[(v["text"] if isinstance(v, dict) else v) for v in r] for r in rows]
            data = tuple(tuple(float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else
                               ("" if v is None else str(v)) for v in r) for r in data)
            sheet.getCellRangeByPosition(0, 0, ncols - 1, len(data) - 1).setDataArray(data)
            _tick(sh["name"] + " data")
            # Hyperlinks: HYPERLINK() cells, one formula array per run of linked rows in a column.
            for c in range(ncols):
                run = []
                for r, row in enumerate(rows + [[None] * ncols]):
                    v = row[c] if c < len(row) else None
                    if isinstance(v, dict):
                        run.append('=HYPERLINK("%s";"%s")' % (v["link"].replace('"', '""'), v["text"].replace('"', '""')))
                        continue
                    if run:
                        first = r - len(run) + 1
                        sheet.getCellRangeByPosition(c, first, c, first + len(run) - 1).setFormulaArray(
                            tuple((f,) for f in run))
                        run = []
            _tick(sh["name"] + " links")
            head = sheet.getCellRangeByPosition(0, 0, ncols - 1, 0)
            head.CharWeight = 150.0     # com.sun.star.awt.FontWeight.BOLD
            head.CellBackColor = HEADER_COLOR
            # Rows coloured by their worst severity: one SheetCellRanges per colour.
            by_color, r = {}, 0
            colors = sh["colors"]
            while r < len(colors):          # one range per run of rows of one colour
                end = r
                while end + 1 < len(colors) and colors[end + 1] == colors[r]:
                    end += 1
                if colors[r] is not None:
                    by_color.setdefault(colors[r], []).append(addr(i, 0, r + 1, ncols - 1, end + 1))
                r = end + 1
            for col, addrs in by_color.items():
                ranges = doc.createInstance("com.sun.star.sheet.SheetCellRanges")
                ranges.addRangeAddresses(tuple(addrs), False)
                ranges.CellBackColor = col
            _tick(sh["name"] + " colours")
            if sh["autofilter"] and rows:
                dbr = doc.getPropertyValue("UnnamedDatabaseRanges")
                dbr.setByTable(addr(i, 0, 0, ncols - 1, len(rows)))
                dbr.getByTable(i).AutoFilter = True
            # Widths that fit the text, computed here (Calc's OptimalWidth measures every cell: slow
            # for 10^4 rows); wider than MAX_WIDTH: capped, and the text wraps.
            columns = sheet.getColumns()
            for c in range(ncols):
                width = min(MAX_WIDTH, max(_text_width(r[c]) for r in data))
                columns.getByIndex(c).Width = width
                if c in sh.get("wrap", []) or width >= MAX_WIDTH:
                    sheet.getCellRangeByPosition(c, 1, c, max(1, len(rows))).IsTextWrapped = True
            _tick(sh["name"] + " filter, widths")
            sheet.getRows().OptimalHeight = True
            _tick(sh["name"] + " heights")
            if sh.get("chart") and sh["chart"]["rows"]:
                _chart(doc, sheet, i, ncols, sh["chart"], addr)
            if sh["freeze"]:
                controller.setActiveSheet(sheet)
                controller.freezeAtPosition(0, 1)
        controller.setActiveSheet(sheets.getByIndex(0))

        ext = os.path.splitext(out)[1].lower()
        filt = "Calc MS Excel 2007 XML" if ext == ".xlsx" else "calc8"
        tmp = os.path.join(office_session.workdir, "out", "summary" + ext)
        os.makedirs(os.path.dirname(tmp), exist_ok=True)
        os.chmod(os.path.dirname(tmp), 0o777)
        _tick("chart, freeze")
        doc.storeToURL(uno.systemPathToFileUrl(tmp), (prop("FilterName", filt), prop("Overwrite", True)))
        _tick("store")
    finally:
        doc.close(True)
    shutil.copyfile(tmp, out + ".part")
    os.replace(out + ".part", out)


def _text_width(v):
    """Column width (1/100 mm) for a value at the default 10 pt: 1.9 mm per half-width character,
    twice that for a wide (CJK) one, plus room for the autofilter button."""
    import unicodedata
    text = v if isinstance(v, str) else ("%g" % v if isinstance(v, float) else str(v))
    units = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return max(1200, units * 200 + 900)


def _chart(doc, sheet, index, ncols, chart, addr):
    import uno
    n = chart["rows"]
    rect = uno.createUnoStruct("com.sun.star.awt.Rectangle")
    rect.X = sum(sheet.getColumns().getByIndex(c).Width for c in range(ncols)) + 1000
    rect.Y = 500
    rect.Width = 18000
    rect.Height = max(8000, min(30000, 700 * n + 3000))
    charts = sheet.getCharts()
    charts.addNewByName("ogi_problems", rect, (addr(index, 0, 0, 2, n),), True, True)
    obj = charts.getByName("ogi_problems").getEmbeddedObject()
    obj.setDiagram(obj.createInstance("com.sun.star.chart.BarDiagram"))
    dia = obj.getDiagram()
    dia.Vertical = True        # horizontal bars: unit names stay readable
    dia.Stacked = True
    try:
        dia.getXAxis().ReverseDirection = True     # the worst unit on top
    except Exception:
        pass
    obj.HasMainTitle = True
    obj.getTitle().String = chart["title"]
    obj.HasLegend = True
    # Errors red, warnings yellow (the marks' colours).
    for series, color in ((0, 0xE06666), (1, 0xF1C232)):
        try:
            dia.getDataRowProperties(series).FillColor = color
        except Exception:
            pass


def main(argv):
    model_path, out, oxt, template, workdir = argv[1:6]
    from ogicheck.session import Session
    with open(model_path, encoding="utf-8") as f:
        m = json.load(f)
    s = Session(oxt, workdir, template)
    try:
        s.start()
    except Exception as e:
        s.hard_stop()
        print("summary: LibreOffice could not be started: %s" % e, file=sys.stderr)
        return 2
    try:
        write(m, out, s)
    except Exception as e:
        print("summary: %s: %s" % (type(e).__name__, getattr(e, "Message", "") or e), file=sys.stderr)
        return 1
    finally:
        try:
            s.stop()
        except Exception:
            s.hard_stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
