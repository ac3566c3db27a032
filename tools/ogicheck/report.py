"""The run's records: one JSON document (schema below, SCHEMA_VERSION) and the readable output.

{"schema": 1, "tool": "ogi-check", "lang": "zh-CN",
 "files": [{"file", "status": "ok"|"failed", "reason", "code", "format", "document_type", "year",
            "tables": [{"index", "template", "version", "title", "location", "source_tables",
                        "mapped_cells", "template_cells", "values"}],
            "diagnostics": [{"rule", "severity", "template", "table", "cell", "key", "host_table",
                             "related": [{"cell", "key", "table"}], "expected", "actual", "message",
                             "messages": {"zh-CN", "en-US"}}],
            "summary": {"errors", "warnings", "infos", "tables", "ignored"},
            "marked_copy", "marked_copy_error", "load_ms", "check_ms", "mark_ms", "close_ms", "total_ms",
            "attempts"}],
 "skipped": [{"file", "reason"}],
 "summary": {"files", "ok", "failed", "files_with_errors", "files_with_warnings", "errors", "warnings",
             "infos", "tables", "office_restarts", "worker_restarts", "office_start_ms", "workers", "wall_ms",
             "exit_status", "interrupted", "disabled_rules"}}
"""
import os
import sys

from ogicheck import SCHEMA_VERSION

TABLE_FIELDS = ("index", "template", "version", "title", "location", "source_tables", "mapped_cells",
                "template_cells", "values")
DIAG_FIELDS = ("rule", "severity", "template", "table", "cell", "key", "host_table", "related", "expected",
               "actual", "message", "messages")

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
        "counts": "{e} errors, {w} warnings, {i} infos",
        "ignored": "; {n} more ignored by the document (--show-ignored shows them)",
        "tables": "tables: {t}", "no_tables": "no statistics table recognized",
        "failed": "failed: {r}",
        "marked": "marked copy: {p}", "marked_error": "no marked copy: {r}",
        "total": "Total: {n} files — {ok} checked ({clean} without errors, {bad} with errors), {failed} failed; "
                 "{e} errors, {w} warnings, {i} infos; {s:.1f} s",
        "skipped": "skipped {n} files that are not documents: {names}",
        "interrupted": "interrupted: {n} files not checked",
        "restarts": "LibreOffice restarted {n} times",
    },
}


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
    counts = {s: sum(1 for d in diags if d["severity"] == s) for s in ("error", "warning", "info")}
    ok = result.get("status") == "ok"
    return {
        "file": display,
        "status": "ok" if ok else "failed",
        "reason": None if ok else result.get("reason"),
        "code": None if ok else result.get("code"),
        "format": result.get("format"),
        "document_type": result.get("document_type"),
        "year": report.get("year") or None,
        "tables": tables,
        "diagnostics": diags,
        "summary": {"errors": counts["error"], "warnings": counts["warning"], "infos": counts["info"],
                    "tables": len(tables), "ignored": (report.get("summary") or {}).get("ignored", 0)},
        "marked_copy": result.get("marked_copy"),
        "marked_copy_error": result.get("marked_copy_error"),
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
        self.stream = stream
        self.details = details
        self.color = stream.isatty() if color is None else color

    def _c(self, code, s):
        return "\033[%sm%s\033[0m" % (code, s) if self.color else s

    def file(self, rec):
        t = self.t
        if rec["status"] != "ok":
            label = t.get("codes", {}).get(rec.get("code"))
            text = t["failed_code"].format(c=label, r=rec["reason"]) if label else t["failed"].format(r=rec["reason"])
            line = "%s %s — %s" % (self._c("31", "✖"), rec["file"], text)
            print(line, file=self.stream)
            return
        s = rec["summary"]
        mark = self._c("31", "✖") if s["errors"] else self._c("32", "✔")
        tables = ", ".join(tb["template"] or "?" for tb in rec["tables"])
        what = t["tables"].format(t=tables) if tables else t["no_tables"]
        ignored = t["ignored"].format(n=s["ignored"]) if s.get("ignored") else ""
        print("%s %s — %s (%s)%s" % (mark, rec["file"], t["counts"].format(e=s["errors"], w=s["warnings"],
                                                                            i=s["infos"]), what, ignored),
              file=self.stream)
        if self.details:
            for d in rec["diagnostics"]:
                sev = t.get(d["severity"], d["severity"])
                colour = {"error": "31", "warning": "33"}.get(d["severity"], "36")
                where = d["cell"] or ""
                if d.get("key"):
                    where += " [%s]" % d["key"]
                print("    %s %-5s %s  %s" % (self._c(colour, sev), d["rule"], where, d["message"] or ""),
                      file=self.stream)
        if rec.get("marked_copy"):
            print("    " + t["marked"].format(p=rec["marked_copy"]), file=self.stream)
        if rec.get("marked_copy_error"):
            print("    " + t["marked_error"].format(r=rec["marked_copy_error"]), file=self.stream)

    def total(self, summary, skipped, wall_s, not_checked=0, restarts=0):
        t = self.t
        if skipped:
            names = ", ".join(os.path.basename(s["file"]) for s in skipped[:5]) + (" …" if len(skipped) > 5 else "")
            print(t["skipped"].format(n=len(skipped), names=names), file=self.stream)
        if restarts:
            print(t["restarts"].format(n=restarts), file=self.stream)
        if not_checked:
            print(t["interrupted"].format(n=not_checked), file=self.stream)
        print(t["total"].format(n=summary["files"], ok=summary["ok"], clean=summary["ok"] - summary["files_with_errors"],
                                bad=summary["files_with_errors"], failed=summary["failed"], e=summary["errors"],
                                w=summary["warnings"], i=summary["infos"], s=wall_s), file=self.stream)
