# Example: call the OGI Report Checker from a Python macro.
# Copy to ~/.config/libreoffice/4/user/Scripts/python/ and run check_current_document from
# Tools > Macros > Run Macro (needs libreoffice-script-provider-python on Debian).
# Tested by tests/integration (test_macros.py).
import json


def report_summary(doc):
    """Checks `doc`, marks the cells of the findings and returns a readable summary."""
    ctx = XSCRIPTCONTEXT.getComponentContext()  # noqa: F821 (provided by the script provider)
    checker = ctx.ServiceManager.createInstanceWithContext("org.ogi.reportchecker.ReportChecker", ctx)
    diagnostics = checker.check(doc)
    lines = ["%s %s %s.%s: %s" % (d.Rule, d.Severity, d.Cell.TableName, d.Cell.Address, d.Message)
             for d in diagnostics]
    marked = checker.highlight(doc)
    report = json.loads(checker.getLastReport(doc))  # the engine's JSON report
    return "%d finding(s), %d cell(s) marked, %d table(s)\n%s" % (
        len(diagnostics), marked, len(report["tables"]), "\n".join(lines))


def check_current_document(*args):
    print(report_summary(XSCRIPTCONTEXT.getDocument()))  # noqa: F821


g_exportedScripts = (check_current_document,)
