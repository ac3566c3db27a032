"""Cheap looks at a file, to fail fast and to give a clear reason when the office cannot open it."""
import os
import zipfile

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
    """A reason (code, text) why `path` cannot be checked, or None."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return "not-found", "no such file"
    except OSError as e:
        return "unreadable", "cannot read the file: %s" % e.strerror
    if not os.path.isfile(path):
        return "not-a-file", "not a regular file"
    if st.st_size == 0:
        return "empty", "empty file (0 bytes)"
    if max_bytes and st.st_size > max_bytes:
        return "too-large", "file too large: %.2f MB (limit %g MB, --max-size)" % (st.st_size / 1e6, max_bytes / 1e6)
    try:
        with open(path, "rb") as f:
            f.read(1)
    except OSError as e:
        return "unreadable", "cannot read the file: %s" % e.strerror
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
    try:
        with zipfile.ZipFile(path) as z:
            return b"encryption-data" in z.read("META-INF/manifest.xml")
    except Exception:
        return False


def broken_zip(path):
    """A reason when `path` starts like a ZIP package but is not a readable one."""
    if head(path, 4) != ZIP_MAGIC:
        return None
    try:
        with zipfile.ZipFile(path) as z:
            bad = z.testzip()
        if bad:
            return "damaged ZIP container (bad entry %s)" % bad
    except zipfile.BadZipFile as e:
        return "truncated or damaged ZIP container (%s)" % e
    except Exception as e:
        return "damaged ZIP container (%s)" % e
    return None


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
    """Why the office returned no document for `path`: (code, text)."""
    if asked_password or encrypted_odf(path) or encrypted_ooxml(path):
        return "encrypted", "password-protected (encrypted) document: cannot be checked without its password"
    z = broken_zip(path)
    if z:
        return "corrupt", "corrupt file: " + z
    ext = os.path.splitext(path)[1].lower()
    if asked_repair and head(path, 4) == ZIP_MAGIC:
        return "corrupt", "corrupt file: LibreOffice found the package damaged (it would need a repair)"
    if ext in ZIP_FORMATS and head(path, 4) != ZIP_MAGIC:
        return "corrupt", "not a valid %s file (no ZIP container)" % ext
    return "unreadable", "LibreOffice could not open the file (%s: unknown, damaged or unsupported format)" % (
        ext or "no extension")
