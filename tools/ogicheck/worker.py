"""One worker process: owns one headless office (a Session) and checks one file at a time.

Protocol (JSON lines): the coordinator writes jobs to our stdin
    {"id": 3, "path": "/abs/file.docx", "marked_copy": "/abs/out/file.docx" | null,
     "load_only": false, "timeout": 120, "max_bytes": 209715200}
and we answer on our (private) stdout
    {"event": "ready", "office_pgid": 1234}
    {"event": "result", "id": 3, "result": {...}}
    {"event": "restart", "reason": "...", "office_pgid": 1240}
    {"event": "fatal", "reason": "..."}          (then exit)
Each job runs in a thread; this (main) thread enforces the time limit: on expiry it kills the
office's process group, which makes the blocked UNO call fail, reports "timeout" and starts
a fresh office. A dead bridge (crash) is reported, the office restarted and the file tried
once more. SIGTERM kills our office and exits.

Usage: python3 -m ogicheck.worker OXT TEMPLATE_PROFILE WORKDIR (URE_MORE_TYPES set).
"""
import ctypes
import json
import os
import shutil
import signal
import sys
import threading
import time
import traceback

# The protocol uses a private copy of stdout; fd 1 goes to stderr so that nothing else
# (the office helper, pyuno) can corrupt the protocol stream.
_proto = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
os.dup2(2, 1)
sys.stdout = sys.stderr

import uno  # noqa: E402
import unohelper  # noqa: E402
from com.sun.star.task import XInteractionHandler  # noqa: E402

from ogicheck import sniff  # noqa: E402
from ogicheck.session import Session, office  # noqa: E402

prop = office.prop
TEST_HOOKS = os.environ.get("OGI_CHECK_TEST_HOOKS") == "1"
HTML_WRITER_FILTER = "HTML (StarWriter)"
TEXT_FILTERS = {"Text", "Text (encoded)", "Text - txt - csv (StarCalc)"}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}


def send(msg):
    # ASCII: a file name that is not UTF-8 (surrogate-escaped) travels as \udcxx and comes back intact.
    _proto.write(json.dumps(msg, ensure_ascii=True) + "\n")
    _proto.flush()


def log(*args):
    print("[worker %d]" % os.getpid(), *args, file=sys.stderr, flush=True)


def _type(name):
    return uno.getTypeByName(name)


class Refuser(unohelper.Base, XInteractionHandler):
    """Answers every question of the office with 'no' (never a password, never a repair),
    and remembers what was asked. pyuno cannot convert the request (an exception) on this
    Python, so the questions are told apart by their continuations."""

    KINDS = {
        "password": "com.sun.star.task.XInteractionPassword",
        "abort": "com.sun.star.task.XInteractionAbort",
        "approve": "com.sun.star.task.XInteractionApprove",
        "disapprove": "com.sun.star.task.XInteractionDisapprove",
        "filter_options": "com.sun.star.document.XInteractionFilterOptions",
    }

    def __init__(self):
        self.asked_password = False
        self.asked_repair = False
        self.requests = 0

    def handle(self, request):
        self.requests += 1
        conts = {}
        try:
            for c in request.getContinuations():
                for kind, tname in self.KINDS.items():
                    if kind not in conts and c.queryInterface(_type(tname)):
                        conts[kind] = c
        except Exception:
            log("interaction handler:", traceback.format_exc())
            return
        if "password" in conts:
            self.asked_password = True
        elif "approve" in conts and "disapprove" in conts:
            self.asked_repair = True
        for kind in ("abort", "disapprove"):
            if kind in conts:
                conts[kind].select()
                return


class Failed(Exception):
    """A file that cannot be checked: its code and the reason's key and arguments (report.REASONS)."""

    def __init__(self, code, key, args=None):
        super().__init__(key)
        self.code = code
        self.key = key
        self.args_ = args or {}


def safe_name(name):
    """A file name the office can be given: bytes that are not UTF-8 become '_' (the extension stays)."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace").replace("\ufffd", "_")


# Marked copies are written in the format their name says, where the document's kind can be written
# in it; otherwise in the document's own format, named after it (report.xlsx holding Word 97 → report.xlsx.doc).
EXPORT_FILTERS = {
    "text": {".odt": "writer8", ".docx": "MS Word 2007 XML", ".doc": "MS Word 97", ".rtf": "Rich Text Format",
             ".html": "HTML (StarWriter)", ".htm": "HTML (StarWriter)", ".fodt": "OpenDocument Text Flat XML"},
    "spreadsheet": {".ods": "calc8", ".xlsx": "Calc MS Excel 2007 XML", ".xls": "MS Excel 97",
                    ".fods": "OpenDocument Spreadsheet Flat XML", ".csv": "Text - txt - csv (StarCalc)"},
}


def marked_copy_target(marked, kind, filter_name):
    """(path, export filter) of the marked copy."""
    ext = os.path.splitext(marked)[1].lower()
    table = EXPORT_FILTERS.get(kind, {})
    if ext in table:
        return marked, table[ext]
    for e, f in table.items():
        if f == filter_name:
            return marked + e, f
    e, f = (".odt", "writer8") if kind == "text" else (".ods", "calc8")
    return marked + e, f


def is_empty(doc, kind):
    """Nothing came out of loading: no text and no table (Writer), no content cell (Calc)."""
    if kind == "text":
        return not doc.getText().getString().strip() and doc.getTextTables().getCount() == 0
    sheets = doc.getSheets()
    for i in range(sheets.getCount()):
        if sheets.getByIndex(i).queryContentCells(1 | 2 | 4 | 16).getCount():
            return False
    return True


def is_bridge_error(exc):
    name = type(exc).__name__
    return name in ("DisposedException", "RuntimeException") or "Binary URP bridge" in str(exc)


class Worker:
    def __init__(self, oxt, template, workdir):
        self.oxt = oxt
        self.template = template
        self.workdir = workdir
        self.session = None
        self.checker = None
        self.start_ms = None

    # -- office ---------------------------------------------------------------------------
    def start_office(self):
        last = None
        for attempt in range(2):
            self.session = Session(self.oxt, self.workdir, self.template)
            try:
                t0 = time.monotonic()
                self.session.start()
                self.start_ms = round((time.monotonic() - t0) * 1000, 1)
                log("office up in %.1f s" % (self.start_ms / 1000))
                self.checker = self.session.checker()
                if self.checker is None:
                    raise RuntimeError("service org.ogi.reportchecker.ReportChecker not available")
                self.apply_settings()
                return self.session.pgid
            except Exception as e:
                last = e
                log("office start failed:", e)
                self.session.hard_stop()
        raise RuntimeError("LibreOffice could not be started: %s" % last)

    def apply_settings(self):
        """ogi-check --disable: the rules the extension must skip, in this office's settings (the
        profile is a fresh copy at every start, so nothing carries over to the next run)."""
        rules = os.environ.get("OGI_CHECK_DISABLED_RULES", "")
        show_ignored = os.environ.get("OGI_CHECK_SHOW_IGNORED") == "1"
        provider = self.session.create("com.sun.star.configuration.ConfigurationProvider")
        if not rules and not show_ignored:
            return
        access = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess",
            (office.prop("nodepath", "/org.ogi.reportchecker.OgiReportChecker/Settings"),))
        access.setPropertyValue("DisabledRules", rules)
        access.setPropertyValue("ApplyIgnored", not show_ignored)
        access.commitChanges()

    def restart_office(self, reason):
        log("restarting office:", reason)
        if self.session is not None:
            self.session.hard_stop()
        pgid = self.start_office()
        send({"event": "restart", "reason": reason, "office_pgid": pgid, "start_ms": self.start_ms})

    def stop(self):
        if self.session is not None:
            try:
                self.session.stop()
            except Exception:
                self.session.hard_stop()

    # -- one file -------------------------------------------------------------------------
    def docs_dir(self, job_id):
        d = os.path.join(self.session.workdir, "docs", str(job_id))
        os.makedirs(d, exist_ok=True)
        os.chmod(os.path.dirname(d), 0o777)
        os.chmod(d, 0o777)
        return d

    def load(self, path, writable, filter_name=None, filter_options=None):
        handler = Refuser()
        args = [prop("Hidden", True), prop("ReadOnly", not writable),
                prop("MacroExecutionMode", 0),   # com.sun.star.document.MacroExecMode.NEVER_EXECUTE
                prop("UpdateDocMode", 0),        # com.sun.star.document.UpdateDocMode.NO_UPDATE
                prop("InteractionHandler", handler)]
        if filter_name:
            args.append(prop("FilterName", filter_name))
        if filter_options:
            args.append(prop("FilterOptions", filter_options))
        url = uno.systemPathToFileUrl(path)
        try:
            doc = self.session.desktop.loadComponentFromURL(url, "_blank", 0, tuple(args))
        except Exception as e:
            if is_bridge_error(e):
                raise
            doc = None
            log("load raised", type(e).__name__, e)
        return doc, handler

    @staticmethod
    def close(doc):
        try:
            doc.close(True)
        except Exception as e:
            if is_bridge_error(e):
                raise
            try:
                doc.dispose()
            except Exception:
                pass

    @staticmethod
    def kind_of(doc):
        if doc.supportsService("com.sun.star.text.TextDocument"):
            return "text"
        if doc.supportsService("com.sun.star.sheet.SpreadsheetDocument"):
            return "spreadsheet"
        if doc.supportsService("com.sun.star.text.WebDocument"):
            return "web"
        if doc.supportsService("com.sun.star.presentation.PresentationDocument"):
            return "presentation"
        if doc.supportsService("com.sun.star.drawing.DrawingDocument"):
            return "drawing"
        if doc.supportsService("com.sun.star.formula.FormulaProperties"):
            return "formula"
        return "other"

    def process(self, job, out):
        path = job["path"]
        pre = sniff.precheck(path, job.get("max_bytes"))
        if pre:
            raise Failed(*pre)
        ext = os.path.splitext(path)[1].lower()
        work = os.path.join(self.docs_dir(job["id"]), safe_name(os.path.basename(path)))
        shutil.copyfile(path, work)
        os.chmod(work, 0o666)
        marked = job.get("marked_copy")
        writable = bool(marked)
        # The package before loading: a missing, empty or broken main part, broken XML, … (names the part).
        try:
            package = sniff.inspect_package(work)
        except sniff.Damaged as d:
            raise Failed(d.code, d.key, d.fields)
        real = sniff.real_format(work)   # the bytes, not the name, decide (a .odt named .html is a .odt)

        t0 = time.monotonic()
        filter_name, options = None, None
        if real is not None:
            pass                                    # a package or an OLE file: the office's detection
        elif ext in HTML_EXTENSIONS:
            filter_name = HTML_WRITER_FILTER        # Writer; Writer/Web (the default for .html) gives the same findings
        elif ext in (".csv", ".tsv"):
            # The office would ask for the import options: give them (separator, quote, encoding, first row).
            filter_name = "Text - txt - csv (StarCalc)"
            options = "%d,34,%s,1" % (9 if ext == ".tsv" else 44, sniff.text_encoding(work))
        doc, handler = self.load(work, writable, filter_name, options)
        if doc is not None and self.kind_of(doc) == "web":
            # HTML detected by content (e.g. a web page saved as .doc): read it as a Writer document.
            self.close(doc)
            doc, handler = self.load(work, writable, HTML_WRITER_FILTER)
        out["load_ms"] = round((time.monotonic() - t0) * 1000, 1)
        if doc is None:
            raise Failed(*sniff.load_failure_reason(work, handler.asked_password, handler.asked_repair))
        if handler.asked_password:
            self.close(doc)
            raise Failed("encrypted", "encrypted")
        try:
            filter_name = ""
            for p in doc.getArgs():
                if p.Name == "FilterName":
                    filter_name = p.Value
            out["format"] = filter_name or None
            kind = self.kind_of(doc)
            out["document_type"] = kind
            if kind not in ("text", "spreadsheet"):
                raise Failed("unsupported", "unsupported-kind", {"kind": kind})
            if filter_name in TEXT_FILTERS and ext not in sniff.PLAIN_TEXT_OK:
                raise Failed("corrupt", "plain-text", {"ext": ext or "?"})
            # The package after loading: content in the main part but an empty document (e.g. a .docx
            # without word/styles.xml, whose body LibreOffice drops) is damaged, not "ok, no table".
            if package is not None and package.has_content and is_empty(doc, kind):
                if package.missing:
                    raise Failed("corrupt", "body-lost-styles", {"part": package.main, "missing": package.missing})
                raise Failed("corrupt", "body-lost", {"part": package.main})
            # Tables in the main part that did not come out of loading (e.g. the same .docx: the tables go).
            if package is not None and kind == "text" and doc.getTextTables().getCount() < package.tables:
                args = {"part": package.main, "n": package.tables, "m": doc.getTextTables().getCount()}
                if package.missing:
                    raise Failed("corrupt", "tables-lost-styles", dict(args, missing=package.missing))
                raise Failed("corrupt", "tables-lost", args)
            if job.get("load_only"):
                return
            if TEST_HOOKS and "ogi-test-hang" in os.path.basename(path) and "after-mark" not in path:
                self.session.signal_soffice_bin(signal.SIGSTOP)   # the office stops answering
            if TEST_HOOKS and "ogi-test-crash" in os.path.basename(path):
                self.session.signal_soffice_bin(signal.SIGKILL)   # the office dies under the call
            if job.get("snapshot_only"):   # last year's report for --previous (crossyear.py)
                out["snapshot"] = json.loads(self.checker.getSnapshot(doc))
                return
            t1 = time.monotonic()
            try:
                if "previous_snapshot" in job:   # the pairing of the run ("" = no cross-year check)
                    self.checker.usePrevious(doc, job["previous_snapshot"])
                text = self.checker.checkToJson(doc)
            except Exception as e:
                if is_bridge_error(e) or not self.session.healthy():
                    raise
                log("the checker refused", path, getattr(e, "Message", e))
                raise Failed("unsupported", "checker-refused")
            out["check_ms"] = round((time.monotonic() - t1) * 1000, 1)
            out["report"] = json.loads(text)
            if job.get("snapshot"):
                out["snapshot"] = json.loads(self.checker.getSnapshot(doc))
            if marked:
                t2 = time.monotonic()
                try:
                    out["marked_cells"] = self.checker.highlight(doc)
                    marked, export = marked_copy_target(marked, kind, filter_name)
                    tmp = os.path.join(os.path.dirname(work), "marked", safe_name(os.path.basename(marked)))
                    os.makedirs(os.path.dirname(tmp), exist_ok=True)
                    os.chmod(os.path.dirname(tmp), 0o777)
                    args = [prop("Overwrite", True), prop("FilterName", export)]
                    if export == "Text - txt - csv (StarCalc)":
                        args.append(prop("FilterOptions", "44,34,76,1"))
                    doc.storeToURL(uno.systemPathToFileUrl(tmp), tuple(args))
                    # Written by the office's user; copied out as ours (the originals are never touched).
                    os.makedirs(os.path.dirname(marked), exist_ok=True)
                    shutil.copyfile(tmp, marked + ".part")
                    os.replace(marked + ".part", marked)
                    os.remove(tmp)
                    out["marked_copy"] = marked
                except Exception as e:
                    if is_bridge_error(e):
                        raise
                    log("marked copy of", path, "failed:", getattr(e, "Message", "") or e)
                    out["marked_copy_error"] = {"key": "marked-copy-failed", "args": {"filter": export}}
                out["mark_ms"] = round((time.monotonic() - t2) * 1000, 1)
                if TEST_HOOKS and "ogi-test-hang-after-mark" in os.path.basename(path):
                    self.session.signal_soffice_bin(signal.SIGSTOP)   # hangs in close, after check and mark
        finally:
            t3 = time.monotonic()
            try:
                self.close(doc)
                out["close_ms"] = round((time.monotonic() - t3) * 1000, 1)
            except Exception as e:
                if is_bridge_error(e) or not self.session.alive():
                    raise
            shutil.rmtree(os.path.dirname(work), ignore_errors=True)

    def run_job(self, job):
        """Process one job with the time limit; returns (result record, reason to restart the office or None).
        Raises when the office cannot be restarted for a retry."""
        attempts = 0
        while True:
            attempts += 1
            out = {"status": "ok", "reason": None, "code": None, "attempts": attempts}
            box = {}

            def target():
                try:
                    self.process(job, out)
                except BaseException as e:  # handed to the waiting thread
                    box["error"] = e

            t = threading.Thread(target=target, daemon=True)
            t0 = time.monotonic()
            t.start()
            t.join(job.get("timeout") or None)
            if t.is_alive():
                # Hung: kill the office; the blocked call then fails and the thread ends.
                self.session.hard_stop()
                t.join(30)
                # Whatever was done before the limit does not count: no findings, no marked copy.
                for k in ("report", "marked_copy", "marked_copy_error", "marked_cells"):
                    out.pop(k, None)
                _remove_marked(job.get("marked_copy"))
                out.update(status="failed", code="timeout", reason_key="timeout",
                           reason_args={"s": float(job["timeout"])})
                out["total_ms"] = round((time.monotonic() - t0) * 1000, 1)
                if t.is_alive():
                    send({"event": "result", "id": job["id"], "result": out})
                    log("job thread stuck after killing the office; exiting")
                    os._exit(75)
                return out, "timeout on %s" % job["path"]
            out["total_ms"] = round((time.monotonic() - t0) * 1000, 1)
            err = box.get("error")
            if err is None:
                return out, None
            if isinstance(err, Failed):
                out.update(status="failed", code=err.code, reason_key=err.key, reason_args=err.args_)
                for k in ("report", "marked_copy", "marked_copy_error", "marked_cells"):
                    out.pop(k, None)
                return out, None
            crashed = is_bridge_error(err) or not self.session.healthy()
            for k in ("report", "marked_copy", "marked_copy_error", "marked_cells"):
                out.pop(k, None)
            _remove_marked(job.get("marked_copy"))
            if crashed:
                if attempts < 2:
                    # Once more on a fresh office: the crash may not be this file's fault.
                    self.restart_office("office crashed on %s" % job["path"])
                    continue
                out.update(status="failed", code="crash", reason_key="crash")
                return out, "office crashed on %s" % job["path"]
            log("unexpected error on", job["path"], "".join(traceback.format_exception(err)))
            out.update(status="failed", code="error", reason_key="error")
            return out, (None if self.session.healthy() else "office gone after an error")


def _remove_marked(marked):
    """A marked copy written before the file failed (timeout, crash) is not left behind."""
    if not marked:
        return
    base, _ = os.path.splitext(marked)
    for cand in {marked, marked + ".part"} | {marked + e for t in EXPORT_FILTERS.values() for e in t}:
        try:
            os.remove(cand)
        except OSError:
            pass


def _die_with_parent():
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:
        pass


def main(argv):
    oxt, template, workdir = argv[1], argv[2], argv[3]
    _die_with_parent()
    worker = Worker(oxt, template, workdir)
    if os.environ.get("OGI_CHECK_LANG"):
        # --lang: the extension's language (the marks' comments) in our offices, whatever their UI
        # language (which also names imported tables: it stays as it is).
        os.environ["OGI_UI_LANG"] = os.environ["OGI_CHECK_LANG"]

    def on_term(signum, frame):
        if worker.session is not None:
            worker.session.hard_stop()
        os._exit(128 + signum)

    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(sig, on_term)   # replaces the office helper's handlers
    try:
        pgid = worker.start_office()
    except Exception as e:
        send({"event": "fatal", "reason": str(e)})
        return 2
    send({"event": "ready", "office_pgid": pgid, "start_ms": worker.start_ms})
    try:
        for line in sys.stdin:
            line = line.strip()
            if not line:
                continue
            job = json.loads(line)
            if job.get("quit"):
                break
            try:
                result, restart = worker.run_job(job)
            except Exception as e:  # the office could not be restarted for a retry
                send({"event": "result", "id": job["id"], "result": {
                    "status": "failed", "code": "crash", "attempts": 1, "reason_key": "crash-no-restart"}})
                send({"event": "fatal", "reason": str(e)})
                return 2
            send({"event": "result", "id": job["id"], "result": result})
            if restart:
                try:
                    worker.restart_office(restart)
                except Exception as e:
                    send({"event": "fatal", "reason": str(e)})
                    return 2
    finally:
        worker.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
