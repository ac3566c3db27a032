"""Documents for the ogi-check tests, made in the test (through a real office where needed).

make_broken(fixtures, dest, oxt, workdir) writes into `dest`:
  truncated.odt        the first half of a fixture .odt (a cut ZIP container)
  random-bytes.docx    64 KiB of random bytes named .docx
  empty.odt            0 bytes
  protected.odt        a fixture saved by LibreOffice with a password ("secret")
  big-2000-rows.ods    the seed000 old-format table at the top of a sheet with 2,000 more rows below
  picture.png          a valid 1×1 PNG (not a text document or spreadsheet)
  with-error.html      seed000's source with 收到申请数 (B22) changed from 47 to 48: error B-1
and, when `ignored_dest` is given, into that folder:
  ignored-with-reason.odt  seed002 whose author ignored its B-12 warning with a reason (the deck's
                       忽略: the document properties OgiReportCheckerIgnored / ...IgnoredReasons)
Run with /usr/bin/python3 and URE_MORE_TYPES (like the CLI).
"""
import os
import re
import shutil
import struct
import sys
import zlib



def tiny_png():
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"\x00\xff\x00\x00"
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def make_plain(fixtures, dest):
    os.makedirs(dest, exist_ok=True)
    with open(os.path.join(fixtures, "seed000-jiangsu-2017-old.odt"), "rb") as f:
        data = f.read()
    with open(os.path.join(dest, "truncated.odt"), "wb") as f:
        f.write(data[:len(data) // 2])
    with open(os.path.join(dest, "random-bytes.docx"), "wb") as f:
        f.write(os.urandom(64 * 1024))
    open(os.path.join(dest, "empty.odt"), "wb").close()
    with open(os.path.join(dest, "picture.png"), "wb") as f:
        f.write(tiny_png())
    with open(os.path.join(fixtures, "seed000-jiangsu-2017-old.html"), encoding="utf-8") as f:
        html = f.read()
    html, n = re.subn(r"(（一）收到申请数</td>\s*<td>[^<]*</td>\s*<td>)47(</td>)", r"\g<1>48\g<2>", html, count=1)
    assert n == 1, "seed000's 收到申请数 row not found"
    with open(os.path.join(dest, "with-error.html"), "w", encoding="utf-8") as f:
        f.write(html)


IGNORED_KEY = "B-12|old|B03"            # seed002's B-12 warning (rule|template|value key)
IGNORED_REASON = "已与统计口径核对"


def make_with_office(fixtures, dest, oxt, workdir, ignored_dest=None):
    from ogicheck import office
    prop = office.prop
    import uno
    o = office.Office(oxt, workdir, install=False)   # no extension needed to make documents
    with o:
        src = o.load(o.copy_in(os.path.join(fixtures, "seed000-jiangsu-2017-old.odt")))
        out = os.path.join(o.workdir, "protected.odt")
        src.storeToURL(uno.systemPathToFileUrl(out), (prop("FilterName", "writer8"), prop("Password", "secret")))
        src.close(True)
        shutil.copyfile(out, os.path.join(dest, "protected.odt"))

        sheet_doc = o.load(o.copy_in(os.path.join(fixtures, "seed000-jiangsu-2017-old.ods")))
        sheet = sheet_doc.Sheets.getByIndex(0)
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        first = cursor.RangeAddress.EndRow + 3
        rows = tuple(("附表明细 %d" % i, float(i), float(i * 7 % 13)) for i in range(2000))
        rng = sheet.getCellRangeByPosition(0, first, 2, first + len(rows) - 1)
        rng.setDataArray(rows)
        out = os.path.join(o.workdir, "big-2000-rows.ods")
        sheet_doc.storeToURL(uno.systemPathToFileUrl(out), (prop("FilterName", "calc8"),))
        sheet_doc.close(True)
        shutil.copyfile(out, os.path.join(dest, "big-2000-rows.ods"))

        if ignored_dest:
            # What the deck's 忽略 with a reason writes (src/uno/IgnoreList.cxx, sidebar/FindingActions.cxx).
            doc = o.load(o.copy_in(os.path.join(fixtures, "seed002-dongyang-2017-old.odt")))
            user = doc.DocumentProperties.UserDefinedProperties
            user.addProperty("OgiReportCheckerIgnored", 0, IGNORED_KEY)
            user.addProperty("OgiReportCheckerIgnoredReasons", 0, IGNORED_KEY + "\t" + IGNORED_REASON)
            out = os.path.join(o.workdir, "ignored-with-reason.odt")
            doc.storeToURL(uno.systemPathToFileUrl(out), (prop("FilterName", "writer8"),))
            doc.close(True)
            os.makedirs(ignored_dest, exist_ok=True)
            shutil.copyfile(out, os.path.join(ignored_dest, "ignored-with-reason.odt"))


def make_broken(fixtures, dest, oxt, workdir, ignored_dest=None):
    make_plain(fixtures, dest)
    make_with_office(fixtures, dest, oxt, workdir, ignored_dest)


if __name__ == "__main__":
    make_broken(*sys.argv[1:5])
