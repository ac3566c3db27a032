"""Cheap looks at a file, to fail fast and to give a clear reason when the office cannot open it."""
import os
import posixpath
import zipfile
import zlib
from xml.parsers import expat

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_FORMATS = {".odt", ".ods", ".ott", ".ots", ".docx", ".docm", ".dotx", ".xlsx", ".xlsm", ".xltx"}
PLAIN_TEXT_OK = {".txt", ".csv", ".tsv", ".text"}

# Extensions collected when a directory is walked (any file named explicitly is always tried).
DOCUMENT_EXTENSIONS = {
    ".odt", ".ott", ".fodt", ".docx", ".docm", ".dotx", ".doc", ".dot", ".rtf", ".wps", ".wpd",
    ".html", ".htm", ".xhtml",
    ".ods", ".ots", ".fods", ".xlsx", ".xlsm", ".xltx", ".xls", ".xlt", ".et", ".csv",
}


def is_lock_or_hidden(name):
    return name.startswith(".") or name.startswith("~$")


def precheck(path, max_bytes):
    """Why `path` cannot be checked, as (code, reason key, reason args) (report.REASONS), or None."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return "not-found", "not-found", {}
    except OSError:
        return "unreadable", "unreadable-os", {}
    if not os.path.isfile(path):
        return "not-a-file", "not-a-file", {}
    if st.st_size == 0:
        return "empty", "empty", {}
    if max_bytes and st.st_size > max_bytes:
        return "too-large", "too-large", {"mb": "%.2f" % (st.st_size / 1e6), "limit": "%g" % (max_bytes / 1e6)}
    try:
        with open(path, "rb") as f:
            f.read(1)
    except OSError:
        return "unreadable", "unreadable-os", {}
    return None


def head(path, n=8):
    try:
        with open(path, "rb") as f:
            return f.read(n)
    except OSError:
        return b""


def encrypted_ooxml(path):
    """An OLE2 container holding an encrypted OOXML package (EncryptionInfo stream)."""
    if head(path) != OLE_MAGIC:
        return False
    needle = "EncryptionInfo".encode("utf-16-le")
    with open(path, "rb") as f:
        return needle in f.read(1 << 20)


def encrypted_odf(path):
    path = os.fsdecode(path)
    try:
        with zipfile.ZipFile(path) as z:
            return b"encryption-data" in z.read("META-INF/manifest.xml")
    except Exception:
        return False


def text_encoding(path):
    """The encoding token of LibreOffice's CSV filter options: UTF-8, else GB18030 (common in China)."""
    with open(path, "rb") as f:
        data = f.read(1 << 20)
    try:
        data.decode("utf-8")
        return "76"          # RTL_TEXTENCODING_UTF8
    except UnicodeDecodeError as e:
        if e.start > len(data) - 4:
            return "76"      # a character cut at the end of the sample
        return "GB18030"


def load_failure_reason(path, asked_password, asked_repair):
    """Why the office returned no document for `path`: (code, reason key, args)."""
    if asked_password or encrypted_odf(path) or encrypted_ooxml(path):
        return "encrypted", "encrypted", {}
    try:
        inspect_package(path)
    except Damaged as d:
        return d.code, d.key, d.fields
    ext = os.path.splitext(path)[1].lower()
    if asked_repair and head(path, 4) == ZIP_MAGIC:
        return "corrupt", "repair", {}
    if ext in ZIP_FORMATS and head(path, 4) != ZIP_MAGIC:
        return "corrupt", "not-zip", {"ext": ext}
    return "unreadable", "unreadable", {"ext": ext or "?"}


def real_format(path):
    """What the bytes say the file is, whatever its name: "odf", "ooxml", "zip", "ole" or None."""
    path = os.fsdecode(path)
    h = head(path, 8)
    if h == OLE_MAGIC:
        return "ole"
    if h[:4] != ZIP_MAGIC:
        return None
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
    except Exception:
        return "zip"
    if "[Content_Types].xml" in names:
        return "ooxml"
    if "mimetype" in names or "content.xml" in names or "META-INF/manifest.xml" in names:
        return "odf"
    return "zip"


# -- package inspection (before and after loading) -----------------------------------------------
UNPACKED_LIMIT = 1 << 30          # bytes of XML read from one package at most (zip bombs)
OOXML_MAIN = ("wordprocessingml.document.main", "wordprocessingml.template.main", "ms-word.document.macroEnabled.main",
              "ms-word.template.macroEnabledTemplate.main", "spreadsheetml.sheet.main", "spreadsheetml.template.main",
              "ms-excel.sheet.macroEnabled.main", "ms-excel.template.macroEnabled.main")
KNOWN_MAIN = ("word/document.xml", "xl/workbook.xml", "content.xml", "ppt/presentation.xml")


class Damaged(Exception):
    def __init__(self, key, code="corrupt", **args):
        super().__init__(key)
        self.key = key
        self.code = code
        self.fields = args


class Package:
    """What a ZIP package holds: its kind ("odf"/"ooxml"), main part and whether it has content."""

    def __init__(self, kind, main, has_content, missing=None, tables=0):
        self.kind = kind
        self.main = main
        self.has_content = has_content
        self.tables = tables          # text tables in the main part (Writer documents)
        self.missing = missing        # an optional part whose absence makes LibreOffice drop the body


def _parse(z, info, budget, on_start=None, on_text=None, on_end=None):
    """Streams one part through expat; raises Damaged naming the part (and line/column)."""
    p = expat.ParserCreate()
    if on_start:
        p.StartElementHandler = on_start
    if on_text:
        p.CharacterDataHandler = on_text
    if on_end:
        p.EndElementHandler = on_end
    try:
        with z.open(info) as f:
            while True:
                block = f.read(1 << 16)
                budget[0] -= len(block)
                if budget[0] < 0:
                    raise Damaged("too-large-unpacked", code="too-large", limit=UNPACKED_LIMIT >> 20)
                p.Parse(block, not block)
                if not block:
                    break
    except expat.ExpatError as e:
        raise Damaged("xml-broken", part=info.filename, line=e.lineno, column=e.offset + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, ValueError):
        raise Damaged("zip-part", part=info.filename)


def inspect_package(path):
    """None for a file that is not a ZIP package (or an encrypted one); else a Package. Raises Damaged
    when the package is damaged: the container, a missing or empty main part, an XML part that is not
    well-formed, a [Content_Types].xml that names a part that is not there, shared strings missing."""
    path = os.fsdecode(path)
    if head(path, 4) != ZIP_MAGIC or encrypted_odf(path):
        return None
    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise Damaged("zip-truncated")
    with z:
        infos = {i.filename: i for i in z.infolist()}
        budget = [UNPACKED_LIMIT]
        if "[Content_Types].xml" in infos:
            return _inspect_ooxml(z, infos, budget)
        if "content.xml" in infos or "mimetype" in infos or "META-INF/manifest.xml" in infos:
            return _inspect_odf(z, infos, budget)
        return None


def _check_main(infos, part):
    if part not in infos:
        raise Damaged("part-missing", part=part)
    if infos[part].file_size == 0:
        raise Damaged("part-empty", part=part)


def _xml_parts(infos):
    return [i for n, i in sorted(infos.items()) if n.lower().endswith((".xml", ".rels")) and not n.endswith("/")]


def _inspect_odf(z, infos, budget):
    try:
        mimetype = z.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in infos else ""
    except Exception:
        raise Damaged("zip-part", part="mimetype")
    if mimetype and "text" not in mimetype and "spreadsheet" not in mimetype:
        return None       # a presentation, drawing, …: the office says what it is
    _check_main(infos, "content.xml")
    state = {"body": False, "text": False, "tables": 0, "writer": "text" in mimetype or not mimetype}

    def start(name, attrs):
        if name == "office:body":
            state["body"] = True
        elif state["body"] and name == "table:table":
            state["tables"] += 1

    def text(data):
        if state["body"] and not state["text"] and data.strip():
            state["text"] = True

    for info in _xml_parts(infos):
        if info.filename == "content.xml":
            _parse(z, info, budget, start, text)
        else:
            _parse(z, info, budget)
    return Package("odf", "content.xml", state["text"], tables=state["tables"] if state["writer"] else 0)


def _inspect_ooxml(z, infos, budget):
    types = {}

    def ct_start(name, attrs):
        if name.endswith("Override") and "PartName" in attrs:
            types[attrs["PartName"].lstrip("/")] = attrs.get("ContentType", "")

    _parse(z, infos["[Content_Types].xml"], budget, ct_start)
    main = next((part for part, ct in types.items() if any(m in ct for m in OOXML_MAIN)), None)
    if main is None:
        if any("presentationml" in ct for ct in types.values()) and "ppt/presentation.xml" in infos:
            return None   # a presentation: the office says what it is
        found = [p for p in KNOWN_MAIN if p in infos]
        if found:
            raise Damaged("content-types-type", part=found[0])
        raise Damaged("no-main-part")
    if main not in infos:
        found = [p for p in KNOWN_MAIN if p in infos]
        if found:
            raise Damaged("content-types-wrong", named=main, found=found[0])
    _check_main(infos, main)
    spreadsheet = "spreadsheetml" in types[main] or "ms-excel" in types[main]
    state = {"text": False, "in_t": False, "shared": None, "tables": 0, "fallback": 0}

    def word_start(name, attrs):
        state["in_t"] = name.endswith(":t") or name == "t"
        if name == "mc:Fallback":
            state["fallback"] += 1     # the same content again, for older readers: not counted twice
        elif (name.endswith(":tbl") or name == "tbl") and not state["fallback"]:
            state["tables"] += 1

    def word_end(name):
        if name == "mc:Fallback":
            state["fallback"] -= 1

    def word_text(data):
        if state["in_t"] and not state["text"] and data.strip():
            state["text"] = True

    def sheet_start(name, attrs):
        local = name.rsplit(":", 1)[-1]
        if local == "c" and attrs.get("t") == "s" and state["shared"] is None:
            state["shared"] = current[0]
        state["in_t"] = local in ("v", "t", "f")

    current = [None]
    for info in _xml_parts(infos):
        n = info.filename
        if not spreadsheet and n == main:
            _parse(z, info, budget, word_start, word_text, word_end)
        elif spreadsheet and n.startswith("xl/worksheets/") and n.endswith(".xml"):
            current[0] = n
            _parse(z, info, budget, sheet_start, word_text)
        else:
            _parse(z, info, budget)
    if spreadsheet:
        rels = "xl/_rels/workbook.xml.rels"
        targets = []
        if rels in infos:
            def rel_start(name, attrs):
                if name.endswith("Relationship") and attrs.get("Type", "").endswith("/worksheet"):
                    t = attrs.get("Target", "")
                    targets.append(t.lstrip("/") if t.startswith("/") else posixpath.normpath("xl/" + t))
            _parse(z, infos[rels], budget, rel_start)
        for t in targets:
            if t not in infos:
                raise Damaged("sheet-missing", part=t)
        if state["shared"] and not any(n.lower().endswith("sharedstrings.xml") for n in infos):
            raise Damaged("shared-strings-missing", part=state["shared"])
        return Package("ooxml", main, state["text"])
    missing = "word/styles.xml" if "word/styles.xml" not in infos else None
    return Package("ooxml", main, state["text"], missing, tables=state["tables"])
