#include "ReportCheckerService.hxx"

#include "Fixer.hxx"

#include "CheckSession.hxx"
#include "MainThread.hxx"
#include "OgiNames.hxx"
#include "PreviousReport.hxx"
#include "Settings.hxx"
#include "UnoUtil.hxx"

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <cppuhelper/supportsservice.hxx>
#include <ogi/Checker.h>

#include <exception>
#include <set>
#include <string>
#include <vector>

using namespace css;
using rtl::OUString;
namespace rc = org::ogi::reportchecker;

namespace ogiuno {

namespace {

rc::CellReference toIdl(const ogi::CellRef& c)
{
    rc::CellReference r;
    r.TableName = toOU(c.table);
    r.TableIndex = c.tableIndex;
    r.Address = toOU(c.address);
    r.Key = toOU(c.key);
    return r;
}

rc::Diagnostic toIdl(const ogi::Diagnostic& d, const std::string& lang)
{
    rc::Diagnostic r;
    r.Rule = toOU(d.rule);
    r.Severity = OUString::createFromAscii(ogi::toString(d.severity));
    r.TemplateId = toOU(d.templateId);
    r.ReportTable = d.table;
    r.Cell = toIdl(d.cell);
    r.Related.realloc(static_cast<sal_Int32>(d.related.size()));
    for (size_t i = 0; i < d.related.size(); ++i)
        r.Related[static_cast<sal_Int32>(i)] = toIdl(d.related[i]);
    r.Expected = toOU(d.expected);
    r.Actual = toOU(d.actual);
    r.Message = toOU(d.message(lang));
    if (!d.suggestion.empty()) {
        r.Suggestion.Key = toOU(d.suggestion.key());
        r.Suggestion.Cell = toIdl(d.suggestion.changes.front().cell);
        r.Suggestion.Value = toOU(d.suggestion.changes.front().value);
        r.Suggestion.Kind = toOU(d.suggestion.kind);
    }
    r.Suggestion.Reason = toOU(d.suggestion.reason(lang));
    return r;
}

/// Runs `f`, turning anything but IllegalArgumentException into a RuntimeException: a
/// failing check must reach the caller as a UNO exception, never take the office down.
template <typename F> auto guarded(const char* what, F f) -> decltype(f())
{
    try {
        return f();
    } catch (const lang::IllegalArgumentException&) {
        throw;
    } catch (const uno::RuntimeException&) {
        throw;
    } catch (const uno::Exception& e) {
        throw uno::RuntimeException(OUString::createFromAscii(what) + ": " + e.Message);
    } catch (const std::exception& e) {
        throw uno::RuntimeException(OUString::createFromAscii(what) + ": " + toOU(e.what()));
    } catch (...) {
        throw uno::RuntimeException(OUString::createFromAscii(what) + ": unknown error");
    }
}

/// guarded(), with the work done on the office's main thread (MainThread.hxx): a method that
/// reads or changes a document makes thousands of office calls, each cheap there.
template <typename F>
auto guardedInOffice(const uno::Reference<uno::XComponentContext>& ctx, const char* what, F f) -> decltype(f())
{
    return guarded(what, [&] { return onMainThread(ctx, f); });
}

void requireDocument(const uno::Reference<lang::XComponent>& document)
{
    if (!document.is())
        throw lang::IllegalArgumentException("org.ogi.reportchecker: no document", uno::Reference<uno::XInterface>(), 0);
}

} // namespace

ReportCheckerService::ReportCheckerService(const uno::Reference<uno::XComponentContext>& ctx) : m_ctx(ctx) {}

uno::Sequence<rc::Diagnostic> ReportCheckerService::check(const uno::Reference<lang::XComponent>& document)
{
    return guardedInOffice(m_ctx, "check", [&] {
        requireDocument(document);
        const CheckOutcome o = checkDocument(m_ctx, document);
        uno::Sequence<rc::Diagnostic> result(static_cast<sal_Int32>(o.report->diagnostics.size()));
        for (size_t i = 0; i < o.report->diagnostics.size(); ++i)
            result[static_cast<sal_Int32>(i)] = toIdl(o.report->diagnostics[i], o.lang);
        return result;
    });
}

sal_Int32 ReportCheckerService::highlight(const uno::Reference<lang::XComponent>& document)
{
    return guardedInOffice(m_ctx, "highlight", [&] {
        requireDocument(document);
        const CheckOutcome o = checkAndMark(m_ctx, document);
        logLine(toStd(summaryText(o)));
        return static_cast<sal_Int32>(o.markedCells);
    });
}

sal_Int32 ReportCheckerService::clearMarks(const uno::Reference<lang::XComponent>& document)
{
    return guardedInOffice(m_ctx, "clearMarks", [&] {
        requireDocument(document);
        return static_cast<sal_Int32>(clearDocument(document, readSettings(m_ctx).style));
    });
}

OUString ReportCheckerService::checkToJson(const uno::Reference<lang::XComponent>& document)
{
    return guardedInOffice(m_ctx, "checkToJson", [&] {
        requireDocument(document);
        const CheckOutcome o = checkDocument(m_ctx, document);
        return toOU(o.report->toJson(o.lang));
    });
}

OUString ReportCheckerService::getLastReport(const uno::Reference<lang::XComponent>& document)
{
    return guardedInOffice(m_ctx, "getLastReport", [&] { return lastReport(document); });
}

uno::Sequence<rc::Diagnostic> ReportCheckerService::checkAgainst(const uno::Reference<lang::XComponent>& document,
                                                                 const uno::Reference<lang::XComponent>& previous)
{
    return guardedInOffice(m_ctx, "checkAgainst", [&] {
        requireDocument(document);
        requireDocument(previous);
        documentKind(previous);   // IllegalArgumentException for anything but Writer / Calc
        std::shared_ptr<const ogi::Snapshot> snap = snapshotOfDocument(previous, documentPath(previous));
        if (!snap)
            throw lang::IllegalArgumentException("org.ogi.reportchecker: the previous document has no report table",
                                                 uno::Reference<uno::XInterface>(), 1);
        setSessionPrevious(document, snap);
        CheckOutcome o;
        try {
            o = checkDocument(m_ctx, document);
        } catch (...) {
            setSessionPrevious(document, nullptr, true);
            throw;
        }
        setSessionPrevious(document, nullptr, true);
        uno::Sequence<rc::Diagnostic> result(static_cast<sal_Int32>(o.report->diagnostics.size()));
        for (size_t i = 0; i < o.report->diagnostics.size(); ++i)
            result[static_cast<sal_Int32>(i)] = toIdl(o.report->diagnostics[i], o.lang);
        return result;
    });
}

OUString ReportCheckerService::getSnapshot(const uno::Reference<lang::XComponent>& document)
{
    return guardedInOffice(m_ctx, "getSnapshot", [&] {
        requireDocument(document);
        const ReadResult read = readDocument(document);
        return toOU(ogi::makeSnapshot(read.doc, documentPath(document)).toJson());
    });
}

void ReportCheckerService::usePrevious(const uno::Reference<lang::XComponent>& document, const OUString& previous)
{
    guardedInOffice(m_ctx, "usePrevious", [&] {
        requireDocument(document);
        if (previous == "auto")
            return setSessionPrevious(document, nullptr, true);
        if (previous.isEmpty())
            return setSessionPrevious(document, nullptr);
        std::string error;
        auto snap = ogi::Snapshot::fromJson(toStd(previous), &error);
        if (!snap)
            throw lang::IllegalArgumentException(toOU("org.ogi.reportchecker: not a snapshot: " + error),
                                                 uno::Reference<uno::XInterface>(), 1);
        setSessionPrevious(document, std::make_shared<const ogi::Snapshot>(std::move(*snap)));
    });
}

OUString ReportCheckerService::choosePrevious(const uno::Reference<lang::XComponent>& document, const OUString& previousUrl)
{
    return guardedInOffice(m_ctx, "choosePrevious", [&] {
        requireDocument(document);
        return toOU(ogiuno::choosePrevious(m_ctx, document, previousUrl));
    });
}

uno::Sequence<rc::Diagnostic> ReportCheckerService::getSuggestions(const uno::Reference<lang::XComponent>& document)
{
    return guardedInOffice(m_ctx, "getSuggestions", [&] {
        requireDocument(document);
        const CheckOutcome o = checkDocument(m_ctx, document);
        std::vector<rc::Diagnostic> out;
        for (const ogi::Diagnostic& d : o.report->diagnostics)
            if (!d.suggestion.empty())
                out.push_back(toIdl(d, o.lang));
        return uno::Sequence<rc::Diagnostic>(out.data(), static_cast<sal_Int32>(out.size()));
    });
}

sal_Bool ReportCheckerService::applySuggestion(const uno::Reference<lang::XComponent>& document, const OUString& finding)
{
    return guardedInOffice(m_ctx, "applySuggestion", [&] {
        requireDocument(document);
        const FixOutcome o = ogiuno::applySuggestion(m_ctx, document, toStd(finding));
        logLine(toStd(o.message));
        return static_cast<sal_Bool>(o.ok);
    });
}

sal_Int32 ReportCheckerService::fillTotals(const uno::Reference<lang::XComponent>& document)
{
    return guardedInOffice(m_ctx, "fillTotals", [&] {
        requireDocument(document);
        const FixOutcome o = applyFill(m_ctx, document, Fill::Totals);
        return static_cast<sal_Int32>(o.ok ? o.changes.size() : 0);
    });
}

namespace {

uno::Sequence<OUString> toSequence(const std::vector<std::string>& items)
{
    uno::Sequence<OUString> out(static_cast<sal_Int32>(items.size()));
    for (size_t i = 0; i < items.size(); ++i)
        out[static_cast<sal_Int32>(i)] = toOU(items[i]);
    return out;
}

} // namespace

uno::Sequence<OUString> ReportCheckerService::getRuleIds()
{
    return guarded("getRuleIds", [] { return toSequence(ogi::ruleIds()); });
}

uno::Sequence<OUString> ReportCheckerService::parseRuleList(const OUString& list, uno::Sequence<OUString>& unknown)
{
    return guarded("parseRuleList", [&] {
        std::vector<std::string> notRules;
        const std::set<std::string> named = ogi::parseRuleList(toStd(list), &notRules);
        std::vector<std::string> ordered;   // the catalog's order, not the set's (B-10 after B-9)
        for (const std::string& id : ogi::ruleIds())
            if (named.count(id))
                ordered.push_back(id);
        unknown = toSequence(notRules);
        return toSequence(ordered);
    });
}

} // namespace ogiuno
