"""Reports of one unit over several years, made in the test through a real office with the
extension installed (the cross-year tests of ogi-check and of the extension).

make_report(office, path, title, t3={"R4.NP": "3"}, version="2021") writes a Writer report:
the title line, then — 2021 — the extension's 插入年报框架 (six sections, tables two/three/four)
or — 2019 — the 2019 table three (插入模板) under 三、; every value cell is 0 except those
given (template keys); the skeleton's 【…】 placeholders become a short line (the same in
every year: section 一's text is then the same as last year's, which Y-4 reports as an info). The format follows the file name (.odt, .docx).
Cells are found by their template keys: a blank table gives one S-3 finding per value
cell, whose key and address the checker reports.
"""
import os
import shutil
import sys

import uno

FILTERS = {".odt": "writer8", ".docx": "MS Word 2007 XML", ".doc": "MS Word 97"}
PROTOCOL = "vnd.org.ogi.reportchecker:"


def _prop(name, value):
    from com.sun.star.beans import PropertyValue
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def make_report(office, path, title, t3=None, version="2021", fill="0"):
    desktop = office.desktop
    doc = desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0, (_prop("Hidden", True),))
    try:
        text = doc.Text
        if version == "2021":
            result = office.dispatch(doc, PROTOCOL + "InsertSkeleton")
        else:
            cursor = text.createTextCursorByRange(text.getEnd())
            text.insertString(cursor, "三、收到和处理政府信息公开申请情况", False)
            text.insertControlCharacter(cursor, 0, False)   # PARAGRAPH_BREAK
            doc.CurrentController.ViewCursor.gotoEnd(False)
            result = office.dispatch(doc, PROTOCOL + "InsertTemplate?Template=%s-t3" % version)
        if result.State != 1:
            raise RuntimeError("inserting the %s tables failed: %s" % (version, result.Result))
        start = text.createTextCursorByRange(text.getStart())
        text.insertString(start, title, False)
        text.insertControlCharacter(start, 0, False)
        replace = doc.createReplaceDescriptor()
        replace.SearchRegularExpression = True
        replace.SearchString = "【[^】]*】"
        replace.ReplaceString = "（%s，略）" % title[:6]
        doc.replaceAll(replace)
        values = dict(t3 or {})
        checker = office.checker()
        cells = 0
        for d in checker.check(doc):
            if d.Rule != "S-3":
                continue
            for c in d.Related:   # one S-3 per table, naming every blank cell
                if not c.Key:
                    continue
                table = doc.TextTables.getByName(c.TableName)
                key = c.Key if d.TemplateId.endswith("-t3") else None
                table.getCellByName(c.Address).setString(values.get(key, fill) if key else fill)
                cells += 1
        if not cells:
            raise RuntimeError("no value cells found in the inserted tables")
        ext = os.path.splitext(path)[1].lower()
        tmp = os.path.join(office.workdir, "made" + ext)
        doc.storeToURL(uno.systemPathToFileUrl(tmp), (_prop("FilterName", FILTERS[ext]), _prop("Overwrite", True)))
    finally:
        doc.close(True)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    shutil.copyfile(tmp, path)
    os.chmod(path, 0o666)
    return path


def balanced_t3(new, carried_in, carried_out, column="NP"):
    """Table three values of one column that keep the column's own rules (N-1…N-3): `new`
    applications, `carried_in` from last year, `carried_out` to next year; the rest is
    予以公开. The 总计 column follows."""
    done = new + carried_in - carried_out
    v = {}
    for c in (column, "TOT"):
        v.update({"R1." + c: str(new), "R2." + c: str(carried_in), "R3_1." + c: str(done),
                  "R3_7." + c: str(done), "R4." + c: str(carried_out)})
    return v


def main(argv):
    """python3 crossyear_docs.py OXT WORKDIR SPEC.json — makes the reports SPEC lists
    ([{"path", "title", "t3": {key: text}, "version"}]) in one office; run in a process of
    its own with URE_MORE_TYPES naming our types (ogicheck.paths.uno_env)."""
    import json
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
    from ogicheck.office import Office
    oxt, workdir, spec = argv[1], argv[2], argv[3]
    with open(spec, encoding="utf-8") as f:
        reports = json.load(f)
    with Office(oxt, workdir) as o:
        for r in reports:
            make_report(o, r["path"], r["title"], r.get("t3"), r.get("version", "2021"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
