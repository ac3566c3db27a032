"""Snapshots of what our marks may touch: every table cell's text and background (with the
property state, i.e. default vs. explicit) and attributes, and every comment/note.

snapshot(doc) is taken inside the office, in one call: this very file is also a Python macro
of the office's profile (install() puts it there, as SCRIPT_NAME), whose snapshot_repr runs the
same functions office-side and returns repr() of the same snapshot. Read over the bridge one
property at a time, a snapshot of a fixture costs ~1,000 round trips (about a second).
"""
import ast
import os
import shutil

import uno

# Our comments' author and Calc notes' first line, in the UI language (strings_*.properties); the
# modules' offices run the en-US UI unless they set a locale.
AUTHORS = {"zh-CN": "年报表格检查", "en-US": "OGI Report Checker"}
CALC_MARKERS = {"zh-CN": "【年报表格检查】", "en-US": "[OGI Report Checker]"}
OUR_AUTHOR = AUTHORS["en-US"]
CALC_MARKER = CALC_MARKERS["en-US"]
COLORS = {"error": 0xFFB3B3, "warning": 0xFFE699, "info": 0xCCE5FF}


def is_writer(doc):
    """Writer, or Writer/Web (an .html file opened as LibreOffice opens it: a WebDocument)."""
    return doc.supportsService("com.sun.star.text.TextDocument") or doc.supportsService("com.sun.star.text.WebDocument")


def _state(obj, name):
    """DIRECT_VALUE / DEFAULT_VALUE where the object tells (Calc cells; Writer cells do not)."""
    try:
        return obj.getPropertyState(name).value
    except AttributeError:
        return None


def _attrs(obj):
    uda = obj.UserDefinedAttributes
    return tuple(sorted((n, uda.getByName(n).Namespace, uda.getByName(n).Value) for n in uda.ElementNames))


def writer_cells(doc):
    cells = {}
    tables = doc.TextTables
    for t in range(tables.Count):
        table = tables.getByIndex(t)
        for name in table.CellNames:
            c = table.getCellByName(name)
            cells[(table.Name, name)] = {
                "text": c.String,
                "BackColor": c.BackColor,
                "BackTransparent": c.BackTransparent,
                "BackColorState": _state(c, "BackColor"),
                "attrs": _attrs(c),
            }
    return cells


def writer_comments(doc):
    result = []
    en = doc.TextFields.createEnumeration()
    while en.hasMoreElements():
        f = en.nextElement()
        if not f.supportsService("com.sun.star.text.textfield.Annotation"):
            continue
        anchor = f.Anchor
        cell = anchor.Cell
        table = anchor.TextTable
        result.append({"author": f.Author, "content": f.Content,
                       "cell": (table.Name if table else None, cell.CellName if cell else None)})
    return sorted(result, key=lambda c: (str(c["cell"]), c["author"], c["content"]))


def calc_cells(doc):
    cells = {}
    sheets = doc.Sheets
    for s in range(sheets.Count):
        sheet = sheets.getByIndex(s)
        cur = sheet.createCursor()
        cur.gotoStartOfUsedArea(False)
        cur.gotoEndOfUsedArea(True)
        a = cur.RangeAddress
        for r in range(a.StartRow, a.EndRow + 1):
            for col in range(a.StartColumn, a.EndColumn + 1):
                c = sheet.getCellByPosition(col, r)
                cells[(sheet.Name, c.AbsoluteName.split(".")[-1].replace("$", ""))] = {
                    "text": c.String,
                    "CellBackColor": c.CellBackColor,
                    "Transparent": c.IsCellBackgroundTransparent,
                    "BackColorState": _state(c, "CellBackColor"),
                    "attrs": _attrs(c),
                }
    return cells


def calc_comments(doc):
    result = []
    sheets = doc.Sheets
    for s in range(sheets.Count):
        sheet = sheets.getByIndex(s)
        notes = sheet.Annotations
        for i in range(notes.Count):
            n = notes.getByIndex(i)
            p = n.Position
            addr = sheet.getCellByPosition(p.Column, p.Row).AbsoluteName.split(".")[-1].replace("$", "")
            result.append({"content": n.String, "cell": (sheet.Name, addr)})
    return sorted(result, key=lambda c: (str(c["cell"]), c["content"]))


def local_snapshot(doc):
    """The snapshot, read where this code runs (office-side: in-process calls)."""
    if is_writer(doc):
        return {"cells": writer_cells(doc), "comments": writer_comments(doc)}
    return {"cells": calc_cells(doc), "comments": calc_comments(doc)}


def snapshot_repr(doc):
    """The macro: repr() of local_snapshot (str, int, bool, None, tuples, lists, dicts only)."""
    return repr(local_snapshot(doc))


# Only snapshot_repr is a macro (the other functions stay private to the module).
g_exportedScripts = (snapshot_repr,)

SCRIPT_NAME = "ogi_docstate.py"
SCRIPT_URI = "vnd.sun.star.script:%s$snapshot_repr?language=Python&location=user" % SCRIPT_NAME


def install(profile):
    """This file as the user macro SCRIPT_NAME of the office profile `profile` (a directory that
    the office has already created; run as root, the office is `nobody` and must read it)."""
    scripts = os.path.join(profile, "user", "Scripts")
    target = os.path.join(scripts, "python", SCRIPT_NAME)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    shutil.copyfile(os.path.abspath(__file__), target)
    for path in (scripts, os.path.dirname(target)):
        os.chmod(path, 0o777)
    os.chmod(target, 0o644)


def snapshot(doc):
    """The snapshot of `doc`, taken office-side in one call (see the module's comment). An office
    without the macro is an error (ModuleOffice and the shared profile install it)."""
    script = doc.getScriptProvider().getScript(SCRIPT_URI)
    return ast.literal_eval(script.invoke((doc,), (), ())[0])


def color_of(cell_state):
    return cell_state.get("BackColor", cell_state.get("CellBackColor"))


def diff(before, after, limit=10):
    """Human-readable differences between two snapshots (empty list when equal)."""
    out = []
    for key in sorted(set(before["cells"]) | set(after["cells"])):
        b, a = before["cells"].get(key), after["cells"].get(key)
        if b != a:
            out.append("cell %s: %r -> %r" % (key, b, a))
    if before["comments"] != after["comments"]:
        out.append("comments: %r -> %r" % (before["comments"], after["comments"]))
    return out[:limit]
