"""The run's records: one JSON document (schema below, SCHEMA_VERSION) and the readable output.

{"schema": 1, "tool": "ogi-check", "lang": "zh-CN",
 "files": [{"file", "status": "ok"|"failed", "reason", "code", "format", "document_type", "year",
            "tables": [{"index", "template", "version", "title", "location", "source_tables",
                        "mapped_cells", "template_cells", "values"}],
            "diagnostics": [{"rule", "severity", "template", "table", "cell", "key", "host_table",
                             "related": [{"cell", "key", "table"}], "expected", "actual", "message",
                             "messages": {"zh-CN", "en-US"},
                             "suggestion": null | {"key", "cell", "value", "reason", "reasons",
                                                   "kind", "rules", "changes"},
                             "ambiguous": null | {"reason", "candidates"}}],
            "ignored_findings": [{"key", "rule", "cell", "ignore_reason"}],
            "summary": {"errors", "warnings", "infos", "tables", "ignored"},
            "marked_copy", "marked_copy_error", "load_ms", "check_ms", "mark_ms", "close_ms", "total_ms",
            "attempts"}],
 "skipped": [{"file", "reason"}],
 "summary": {"files", "ok", "failed", "files_with_errors", "files_with_warnings", "errors", "warnings",
             "infos", "tables", "office_restarts", "worker_restarts", "office_start_ms", "workers", "wall_ms",
             "exit_status", "interrupted", "disabled_rules"}}
"""
import json
import os
import string
import sys

from ogicheck import SCHEMA_VERSION


class _Plural(string.Formatter):
    """str.format with English plural choice: "{n} {n:file|files}" (the one form for 1, the other
    for every other count); any other format spec is the usual one."""

    def format_field(self, value, spec):
        if "|" in spec and isinstance(value, int):
            one, other = spec.split("|", 1)
            return one if value == 1 else other
        return super().format_field(value, spec)


def fmt(template, **args):
    return _Plural().format(template, **args)

TABLE_FIELDS = ("index", "template", "version", "title", "location", "source_tables", "mapped_cells",
                "template_cells", "values")
# A finding the document records as ignored (the deck's 忽略, the issue list's 忽略此项), with the
# reason the user gave ("" when none): the service's report JSON, passed through.
IGNORED_FIELDS = ("key", "rule", "cell", "ignore_reason")
DIAG_FIELDS = ("rule", "severity", "template", "table", "cell", "key", "host_table", "related", "expected",
               "actual", "message", "messages", "suggestion", "ambiguous")

TEXT = {
    "zh-CN": {
        "error": "错误", "warning": "警告", "info": "提示",
        "counts": "{e} 错误, {w} 警告, {i} 提示",
        "ignored": "，另有 {n} 项已被文档标为忽略（--show-ignored 显示）",
        "tables": "表格: {t}", "no_tables": "未识别到统计表",
        "failed": "失败: {r}",
        "failed_code": "失败（{c}）: {r}",
        "codes": {"not-found": "文件不存在", "not-a-file": "不是普通文件", "unreadable": "无法打开",
                  "empty": "空文件", "too-large": "文件过大", "encrypted": "有密码保护", "corrupt": "文件已损坏",
                  "unsupported": "不是文字文档或电子表格", "timeout": "超时，LibreOffice 已重启",
                  "crash": "LibreOffice 崩溃，已重启", "no-office": "LibreOffice 无法启动",
                  "interrupted": "运行被中断，未检查", "error": "意外错误"},
        "marked": "已标记副本: {p}", "marked_error": "未写出标记副本: {r}",
        "total": "合计: {n} 个文件 — {ok} 个已检查 ({clean} 个无错误, {bad} 个有错误), {failed} 个失败; "
                 "{e} 错误, {w} 警告, {i} 提示; 用时 {s:.1f} 秒",
        "skipped": "跳过 {n} 个非文档文件: {names}",
        "interrupted": "已中断: {n} 个文件未检查",
        "restarts": "LibreOffice 重启 {n} 次",
    },
    "en-US": {
        "error": "error", "warning": "warning", "info": "info",
        "counts": "{e} {e:error|errors}, {w} {w:warning|warnings}, {i} {i:info|infos}",
        "ignored": "; {n} more {n:is|are} ignored by the document (--show-ignored shows {n:it|them})",
        "tables": "tables: {t}", "no_tables": "no statistics table recognized",
        "failed": "failed: {r}",
        "marked": "marked copy: {p}", "marked_error": "no marked copy: {r}",
        "total": "Total: {n} {n:file|files} — {ok} checked ({clean} without errors, {bad} with errors), {failed} failed; "
                 "{e} {e:error|errors}, {w} {w:warning|warnings}, {i} {i:info|infos}; {s:.1f} s",
        "skipped": "skipped {n} {n:file that is|files that are} not a document: {names}",
        "interrupted": "interrupted: {n} {n:file|files} not checked",
        "restarts": "LibreOffice restarted {n} {n:time|times}",
    },
}


# Reasons of a failed file: one sentence each, in the run's language (never an exception's text).
# The worker and the pool send a key and its arguments ("reason_key", "reason_args"); file_record renders it.
REASONS = {
    "not-found": ("文件不存在。", "The file does not exist (no such file)."),
    "not-a-file": ("不是普通文件。", "Not a regular file."),
    "unreadable-os": ("无法读取该文件（没有权限或读取出错）。", "The file cannot be read (no permission or a read error)."),
    "empty": ("空文件（0 字节）。", "The file is empty (0 bytes)."),
    "too-large": ("文件过大：{mb} MB，超过 --max-size 的限制 {limit} MB。",
                  "File too large: {mb} MB, over the --max-size limit of {limit} MB."),
    "too-large-unpacked": ("文件包解压后超过 {limit} MB（可能是压缩炸弹），未打开。",
                           "The package expands to more than {limit} MB (possibly a zip bomb) and was not opened."),
    "encrypted": ("文档有密码保护（已加密），没有密码无法检查。",
                  "Password-protected (encrypted) document: it cannot be checked without its password."),
    "zip-truncated": ("文件已损坏：ZIP 容器被截断或损坏，无法读取其目录。",
                      "Corrupt file: the ZIP container is truncated or damaged, its directory cannot be read."),
    "zip-part": ("文件已损坏：ZIP 容器中的部件 {part} 数据损坏，无法解压。",
                 "Corrupt file: part {part} of the ZIP container is damaged and cannot be decompressed."),
    "part-missing": ("文件已损坏：缺少主要部件 {part}。", "Corrupt file: the main part {part} is missing."),
    "sheet-missing": ("文件已损坏：缺少工作簿引用的工作表部件 {part}。",
                      "Corrupt file: the sheet part {part} that the workbook refers to is missing."),
    "part-empty": ("文件已损坏：主要部件 {part} 是空的。", "Corrupt file: the main part {part} is empty."),
    "xml-broken": ("文件已损坏：部件 {part} 不是格式正确的 XML（第 {line} 行第 {column} 列）。",
                   "Corrupt file: part {part} is not well-formed XML (line {line}, column {column})."),
    "no-main-part": ("文件已损坏：[Content_Types].xml 没有指明文字文档或电子表格的主要部件。",
                     "Corrupt file: [Content_Types].xml names no main part of a text document or spreadsheet."),
    "content-types-wrong": ("文件已损坏：[Content_Types].xml 指明的主要部件 {named} 不存在（文件包中是 {found}）。",
                            "Corrupt file: [Content_Types].xml names the main part {named}, which is not in the "
                            "package (it holds {found})."),
    "content-types-type": ("文件已损坏：[Content_Types].xml 没有把 {part} 声明为文字文档或电子表格的主要部件。",
                           "Corrupt file: [Content_Types].xml does not declare {part} as the main part of a text "
                           "document or spreadsheet."),
    "shared-strings-missing": ("文件已损坏：工作表 {part} 引用了共享字符串，但缺少部件 xl/sharedStrings.xml。",
                               "Corrupt file: sheet {part} refers to shared strings but the part "
                               "xl/sharedStrings.xml is missing."),
    "body-lost": ("文件已损坏：{part} 中有内容，但 LibreOffice 读出的文档是空的。",
                  "Corrupt file: {part} has content but LibreOffice read an empty document."),
    "body-lost-styles": ("文件已损坏：{part} 中有内容，但 LibreOffice 读出的文档是空的（缺少 {missing}）。",
                         "Corrupt file: {part} has content but LibreOffice read an empty document ({missing} is "
                         "missing)."),
    "tables-lost": ("文件已损坏：{part} 中有 {n} 个表格，但 LibreOffice 只读出 {m} 个。",
                    "Corrupt file: {part} has {n} tables but LibreOffice read only {m}."),
    "tables-lost-styles": ("文件已损坏：{part} 中有 {n} 个表格，但 LibreOffice 只读出 {m} 个（缺少 {missing}）。",
                           "Corrupt file: {part} has {n} tables but LibreOffice read only {m} ({missing} is "
                           "missing)."),
    "not-zip": ("文件已损坏：不是有效的 {ext} 文件（不是 ZIP 容器）。",
                "Corrupt file: not a valid {ext} file (no ZIP container)."),
    "plain-text": ("文件已损坏：不是有效的 {ext} 文件，LibreOffice 只能把它当作纯文本读取（内容随机或已损坏）。",
                   "Corrupt file: not a valid {ext} file, LibreOffice could only read it as plain text (random or "
                   "damaged content)."),
    "repair": ("文件已损坏：LibreOffice 发现文件包已损坏（需要修复才能打开）。",
               "Corrupt file: LibreOffice found the package damaged (it would need a repair)."),
    "unreadable": ("LibreOffice 无法打开该文件（{ext}：未知、已损坏或不支持的格式）。",
                   "LibreOffice could not open the file ({ext}: unknown, damaged or unsupported format)."),
    "unsupported-kind": ("LibreOffice 把它作为{kind}打开，只能检查文字文档和电子表格。",
                         "LibreOffice opened it as a {kind}, only text documents and spreadsheets can be checked."),
    "checker-refused": ("检查程序无法处理该文档。", "The checker could not process this document."),
    "timeout": ("超时：LibreOffice 在 {s} 秒内（--timeout）没有应答，已重启。",
                "Timeout: no answer from LibreOffice within {s} s (--timeout), the office was restarted."),
    "backstop": ("超时：检查进程在 {s} 秒内没有应答，它和 LibreOffice 已重启。",
                 "Timeout: the checker process did not answer within {s} s, it and its office were restarted."),
    "worker-died": ("处理该文件的检查进程意外退出，它和 LibreOffice 已重启。",
                    "The checker process for this file died, it and its office were restarted."),
    "crash": ("LibreOffice 处理该文件时崩溃了两次，已重启。",
              "LibreOffice crashed while processing this file (twice), the office was restarted."),
    "crash-no-restart": ("LibreOffice 处理该文件时崩溃，且无法重启。",
                         "LibreOffice crashed while processing this file and could not be restarted."),
    "no-office": ("未检查：LibreOffice 无法启动（详情见 {logs}）。",
                  "Not checked: LibreOffice could not be started (details in {logs})."),
    "error": ("检查该文件时发生意外错误（详情见 {logs}）。",
              "An unexpected error occurred while checking this file (details in {logs})."),
    "interrupted": ("未检查：运行被中断。", "Not checked: the run was interrupted."),
    "marked-copy-failed": ("无法写出标记副本（格式 {filter}）。", "Could not write the marked copy (format {filter})."),
}
KINDS = {"presentation": ("演示文稿", "presentation"), "drawing": ("绘图", "drawing"), "formula": ("公式", "formula"),
         "web": ("网页", "web page"), "other": ("其他类型的文档", "other document")}
LOGS_HINT = "build/ogi-check/last-run-logs"


def reason_text(key, args, lang):
    """The sentence for reason `key` in `lang` ("zh-CN" / "en-US")."""
    pair = REASONS.get(key)
    if pair is None:
        return None
    zh = lang == "zh-CN"
    args = dict(args) if isinstance(args, dict) else {}
    args.setdefault("logs", LOGS_HINT)
    if "kind" in args:
        args["kind"] = KINDS.get(args["kind"], KINDS["other"])[0 if zh else 1]
    for k, v in args.items():
        args[k] = shown(v) if isinstance(v, str) else ("%g" % v if isinstance(v, float) else v)
    try:
        return (pair[0] if zh else pair[1]).format(**args)
    except (KeyError, IndexError, ValueError):
        return pair[0] if zh else pair[1]


def shown(text):
    """A path or name as it can be shown and written as UTF-8: bytes that were not UTF-8 in the file
    name (surrogate-escaped by Python) become U+FFFD."""
    if text is None:
        return None
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:   # a lone surrogate that is not an escaped byte
        return text.encode("utf-8", "replace").decode("utf-8")


def clean(obj):
    """`obj` with every string made writable as UTF-8 (see shown())."""
    if isinstance(obj, str):
        return shown(obj)
    if isinstance(obj, dict):
        return {clean(k): clean(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [clean(v) for v in obj]
    return obj


def write_json(path, doc):
    """Writes the report whole or not at all: serialized first, then a temporary file beside it, fsync,
    rename. Returns None or a sentence saying why it could not be written."""
    text = json.dumps(clean(doc), ensure_ascii=False, indent=1) + "\n"
    tmp = "%s.%d.tmp" % (path, os.getpid())
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        return None
    except OSError as e:
        try:
            os.remove(tmp)
        except OSError:
            pass
        return "cannot write %s: %s" % (shown(path), e.strerror or e)


def _pick(d, fields):
    return {k: d.get(k) for k in fields}


def file_record(display, result, lang):
    """The JSON record of one file from the worker's raw result."""
    report = result.get("report") or {}
    diags = []
    for d in report.get("diagnostics", []):
        rec = _pick(d, DIAG_FIELDS)
        rec["related"] = [_pick(r, ("cell", "key", "table")) for r in d.get("related", [])]
        msgs = d.get("messages") or {}
        rec["messages"] = msgs
        rec["message"] = msgs.get(lang) or d.get("message")
        diags.append(rec)
    tables = [_pick(t, TABLE_FIELDS) for t in report.get("tables", [])]
    ignored = [_pick(i, IGNORED_FIELDS) for i in report.get("ignored_findings") or []]
    counts = {s: sum(1 for d in diags if d["severity"] == s) for s in ("error", "warning", "info")}
    ok = result.get("status") == "ok"
    if not ok:
        # A failed file (timed out, crashed, damaged) has no findings, tables or marked copy, whatever
        # was done before it failed; nothing of it counts in the run's summary.
        diags, tables, ignored, report = [], [], [], {}
        counts = {"error": 0, "warning": 0, "info": 0}
        result = {k: v for k, v in result.items() if k not in ("marked_copy", "marked_copy_error")}
    reason = None
    if not ok:
        reason = reason_text(result.get("reason_key"), result.get("reason_args"), lang) or result.get("reason")
    marked_error = result.get("marked_copy_error")
    if isinstance(marked_error, dict):
        marked_error = reason_text(marked_error.get("key"), marked_error.get("args"), lang)
    return {
        "file": shown(display),
        "status": "ok" if ok else "failed",
        "reason": reason,
        "code": None if ok else result.get("code"),
        "format": result.get("format"),
        "document_type": result.get("document_type"),
        "year": report.get("year") or None,
        "tables": tables,
        "diagnostics": diags,
        "ignored_findings": ignored,
        "summary": {"errors": counts["error"], "warnings": counts["warning"], "infos": counts["info"],
                    "tables": len(tables), "ignored": (report.get("summary") or {}).get("ignored", 0)},
        "marked_copy": shown(result.get("marked_copy")),
        "marked_copy_error": marked_error,
        "load_ms": result.get("load_ms"),
        "check_ms": result.get("check_ms"),
        "mark_ms": result.get("mark_ms"),
        "close_ms": result.get("close_ms"),
        "total_ms": result.get("total_ms"),
        "attempts": result.get("attempts", 1),
    }


def run_summary(files):
    s = {"files": len(files), "ok": 0, "failed": 0, "files_with_errors": 0, "files_with_warnings": 0,
         "errors": 0, "warnings": 0, "infos": 0, "tables": 0}
    for f in files:
        s["ok" if f["status"] == "ok" else "failed"] += 1
        fs = f["summary"]
        s["errors"] += fs["errors"]
        s["warnings"] += fs["warnings"]
        s["infos"] += fs["infos"]
        s["tables"] += fs["tables"]
        s["files_with_errors"] += 1 if fs["errors"] else 0
        s["files_with_warnings"] += 1 if fs["warnings"] else 0
    return s


def exit_status(summary, interrupted=False, strict=False):
    """0 no errors; 1 errors found (or warnings with --strict); 3 some file failed (wins over 1);
    130 interrupted. (2 = usage or setup failure, decided before any check.)"""
    if interrupted:
        return 130
    if summary["failed"]:
        return 3
    if summary["errors"] or (strict and summary["warnings"]):
        return 1
    return 0


def document(files, skipped, summary, lang):
    return {"schema": SCHEMA_VERSION, "tool": "ogi-check", "lang": lang, "files": files, "skipped": skipped,
            "summary": summary}


class Human:
    """Readable output: one line per file, its findings indented, and a total."""

    def __init__(self, lang, stream=sys.stdout, details=True, color=None):
        self.t = TEXT[lang]
        self.lang = lang
        self.stream = stream
        self.details = details
        self.color = stream.isatty() if color is None else color

    def _c(self, code, s):
        return "\033[%sm%s\033[0m" % (code, s) if self.color else s

    def file(self, rec):
        t = self.t
        if rec["status"] != "ok":
            label = t.get("codes", {}).get(rec.get("code"))
            text = fmt(t["failed_code"], c=label, r=rec["reason"]) if label else fmt(t["failed"], r=rec["reason"])
            line = "%s %s — %s" % (self._c("31", "✖"), rec["file"], text)
            print(line, file=self.stream)
            return
        s = rec["summary"]
        mark = self._c("31", "✖") if s["errors"] else self._c("32", "✔")
        tables = ", ".join(tb["template"] or "?" for tb in rec["tables"])
        what = fmt(t["tables"], t=tables) if tables else t["no_tables"]
        ignored = fmt(t["ignored"], n=s["ignored"]) if s.get("ignored") else ""
        print("%s %s — %s (%s)%s" % (mark, rec["file"], fmt(t["counts"], e=s["errors"], w=s["warnings"],
                                                                            i=s["infos"]), what, ignored),
              file=self.stream)
        if self.details:
            said = set()   # one suggestion explains several findings: say it once, after the first
            for d in rec["diagnostics"]:
                sev = t.get(d["severity"], d["severity"])
                colour = {"error": "31", "warning": "33"}.get(d["severity"], "36")
                where = d["cell"] or ""
                if d.get("key"):
                    where += " [%s]" % d["key"]
                print("    %s %-5s %s  %s" % (self._c(colour, sev), d["rule"], where, d["message"] or ""),
                      file=self.stream)
                hint = d.get("suggestion") or d.get("ambiguous")
                if hint:
                    text = (hint.get("reasons") or {}).get(self.lang) or hint.get("reason")
                    if text and text not in said:
                        said.add(text)
                        print("          %s %s" % ("→" if d.get("suggestion") else "?", text), file=self.stream)
        if rec.get("marked_copy"):
            print("    " + fmt(t["marked"], p=rec["marked_copy"]), file=self.stream)
        if rec.get("marked_copy_error"):
            print("    " + fmt(t["marked_error"], r=rec["marked_copy_error"]), file=self.stream)

    def total(self, summary, skipped, wall_s, not_checked=0, restarts=0):
        t = self.t
        if skipped:
            names = ", ".join(os.path.basename(s["file"]) for s in skipped[:5]) + (" …" if len(skipped) > 5 else "")
            print(fmt(t["skipped"], n=len(skipped), names=names), file=self.stream)
        if restarts:
            print(fmt(t["restarts"], n=restarts), file=self.stream)
        if not_checked:
            print(fmt(t["interrupted"], n=not_checked), file=self.stream)
        print(fmt(t["total"], n=summary["files"], ok=summary["ok"], clean=summary["ok"] - summary["files_with_errors"],
                                bad=summary["files_with_errors"], failed=summary["failed"], e=summary["errors"],
                                w=summary["warnings"], i=summary["infos"], s=wall_s), file=self.stream)
