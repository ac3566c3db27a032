#include "CheckSession.hxx"

#include "EditGuards.hxx"
#include "Highlighter.hxx"
#include "IgnoreList.hxx"
#include "OgiNames.hxx"
#include "PreviousReport.hxx"
#include "Strings.hxx"
#include "UnoUtil.hxx"
#include "sidebar/FindingActions.hxx"

#include <ogi/Checker.h>
#include <ogi/CrossYear.h>

#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/task/XStatusIndicatorFactory.hpp>
#include <cppuhelper/weakref.hxx>

#include <algorithm>
#include <chrono>
#include <functional>
#include <iterator>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <set>
#include <vector>

using namespace css;
using rtl::OUString;

namespace ogiuno {

namespace {

struct Remembered {
    uno::WeakReference<uno::XInterface> document;
    std::shared_ptr<const ogi::Report> report; ///< for the issue list
    std::string lang;
    // getLastReport's JSON and the summary text, rendered when first asked for (most checks
    // are never asked: rendering both every time was 6 % of a Writer check). Under g_mutex.
    std::optional<OUString> json, text;
};

std::mutex g_mutex;
std::vector<Remembered> g_reports;
void (*g_reportListener)(const uno::Reference<uno::XInterface>&) = nullptr;

void dropPending(const uno::Reference<uno::XInterface>& key);

void remember(const uno::Reference<lang::XComponent>& model, const CheckOutcome& outcome)
{
    uno::Reference<uno::XInterface> key(model, uno::UNO_QUERY);
    Remembered entry{key, outcome.report, outcome.lang, {}, {}};
    {
        std::lock_guard<std::mutex> lock(g_mutex);
        // Drop entries of closed documents, and the previous entry of this one.
        std::vector<Remembered> kept;
        for (Remembered& r : g_reports) {
            uno::Reference<uno::XInterface> doc(r.document);
            if (doc.is() && doc != key)
                kept.push_back(std::move(r));
        }
        kept.push_back(std::move(entry));
        g_reports.swap(kept);
    }
    dropPending(key); // a newer check makes a deferred one moot
    if (g_reportListener)
        g_reportListener(key);
}

Remembered* findRemembered(const uno::Reference<uno::XInterface>& model)
{
    uno::Reference<uno::XInterface> key(model, uno::UNO_QUERY);
    for (Remembered& r : g_reports) {
        uno::Reference<uno::XInterface> doc(r.document);
        if (doc.is() && doc == key)
            return &r;
    }
    return nullptr;
}

/// The frame's status indicator for work that takes longer than half a second (issue 11): created
/// lazily at the first step after 0.5 s, so short checks never flash it; its setValue lets the
/// office reschedule, so the window repaints while a long check runs.
class LazyProgress {
public:
    LazyProgress(const uno::Reference<lang::XComponent>& model, const OUString& text) : m_text(text)
    {
        uno::Reference<frame::XModel> xModel(model, uno::UNO_QUERY);
        uno::Reference<frame::XController> controller = xModel.is() ? xModel->getCurrentController() : nullptr;
        if (controller.is())
            m_factory.set(controller->getFrame(), uno::UNO_QUERY);
    }
    ~LazyProgress()
    {
        try {
            if (m_indicator.is())
                m_indicator->end();
        } catch (...) {
        }
    }
    LazyProgress(const LazyProgress&) = delete;
    LazyProgress& operator=(const LazyProgress&) = delete;

    void step(sal_Int32 done, sal_Int32 total)
    {
        containExceptions("status indicator", [&] {
            if (!m_indicator.is()) {
                if (!m_factory.is() || std::chrono::steady_clock::now() - m_start < std::chrono::milliseconds(500))
                    return;
                m_indicator = m_factory->createStatusIndicator();
                if (!m_indicator.is())
                    return;
                m_indicator->start(m_text, std::max<sal_Int32>(total, 1));
            }
            m_indicator->setValue(std::min(done, std::max<sal_Int32>(total, 1)));
        });
    }
    std::function<void(sal_Int32, sal_Int32)> callback()
    {
        return [this](sal_Int32 done, sal_Int32 total) { step(done, total); };
    }

private:
    OUString m_text;
    uno::Reference<task::XStatusIndicatorFactory> m_factory;
    uno::Reference<task::XStatusIndicator> m_indicator;
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
};

const char* const kCrossYearRules[] = {"Y-1", "Y-2", "Y-3", "Y-4", "Y-5"};

CheckOutcome runEngine(const uno::Reference<uno::XComponentContext>& ctx, const uno::Reference<lang::XComponent>& model,
                       const Settings& settings, const ReadLimits& givenLimits)
{
    CheckOutcome outcome;
    outcome.lang = uiLanguage(ctx);
    ReadLimits limits = givenLimits;
    LazyProgress progress(model, tr(Str::ProductName, outcome.lang));
    if (!limits.progress)
        limits.progress = progress.callback();
    outcome.read = readDocument(model, limits);
    ogi::CheckOptions options;
    options.disabledRules = settings.disabledRules;            // the options page's rule switch
    if (settings.applyIgnored) {
        options.ignored = readIgnored(model);                  // the issue list's 忽略此项
        for (const auto& [key, reason] : ignoreReasons(model)) // the deck's 忽略 with a reason (JSON ignore_reason)
            options.ignoreReasons[key] = toStd(reason);
    }
    const bool crossYear = !std::all_of(std::begin(kCrossYearRules), std::end(kCrossYearRules),
                                        [&](const char* id) { return settings.disabledRules.count(id) > 0; });
    if (crossYear && !outcome.read.doc.tables.empty()) {     // last year's report (Y-1 … Y-5)
        const PreviousLookup previous =
            findPrevious(ctx, model, ogi::reportIdentity(outcome.read.doc), limits.openOtherFiles);
        options.previous = previous.snapshot;
        options.previousSource = previous.source;
        outcome.previousCandidates = previous.candidates;
    }
    auto report = std::make_shared<ogi::Report>(ogi::Checker(std::move(options)).check(outcome.read.doc));
    addReaderFindings(outcome.read, *report); // what was not read is said, never skipped silently
    outcome.report = std::move(report);
    return outcome;
}

} // namespace

bool isReadOnly(const uno::Reference<lang::XComponent>& model)
{
    uno::Reference<frame::XStorable> storable(model, uno::UNO_QUERY);
    return storable.is() && storable->isReadonly();
}

CheckOutcome checkDocument(const uno::Reference<uno::XComponentContext>& ctx, const uno::Reference<lang::XComponent>& model,
                           const Settings& settings, const ReadLimits& limits)
{
    CheckOutcome outcome = runEngine(ctx, model, settings, limits);
    outcome.readOnly = isReadOnly(model);
    remember(model, outcome);
    return outcome;
}

CheckOutcome checkDocument(const uno::Reference<uno::XComponentContext>& ctx, const uno::Reference<lang::XComponent>& model)
{
    return checkDocument(ctx, model, readSettings(ctx));
}

CheckOutcome checkAndMark(const uno::Reference<uno::XComponentContext>& ctx, const uno::Reference<lang::XComponent>& model,
                          const Settings& settings, const ReadLimits& limits, bool keepUnchangedMarks)
{
    const DocKind kind = documentKind(model);
    if (isReadOnly(model)) {
        CheckOutcome outcome = runEngine(ctx, model, settings, limits);
        outcome.readOnly = true;
        remember(model, outcome);
        return outcome;
    }
    const MarkStyle& style = settings.style;
    if (keepUnchangedMarks && hasMarksRecord(model)) {
        // Our marks do not change what is read (colours; Writer comments expand to no text;
        // Calc notes are not cell text), so the check can run with them in place.
        CheckOutcome outcome = runEngine(ctx, model, settings, limits);
        int cells = 0;
        const std::string recorded = recordedMarksFingerprint(model, &cells);
        if (recorded == marksFingerprint(outcome.read, *outcome.report, outcome.lang, style)) {
            outcome.painted = true;
            outcome.markedCells = cells;
            remember(model, outcome);
            return outcome;
        }
        ControllerLock lock(model);
        UndoContext undo(model, trKey("UndoCheck", uiLanguage(ctx)));
        OUString markNamespace;
        clearMarks(model, kind, style, &markNamespace);
        LazyProgress progress(model, tr(Str::ProductName, outcome.lang)); // marking a big document
        outcome.markedCells =
            paintMarks(model, outcome.read, *outcome.report, outcome.lang, style, markNamespace, progress.callback());
        outcome.painted = true;
        remember(model, outcome);
        return outcome;
    }
    ControllerLock lock(model);
    UndoContext undo(model, trKey("UndoCheck", uiLanguage(ctx)));
    // Clear first: a re-check replaces the previous marks, and the reader must not see our
    // comments.
    OUString markNamespace;
    clearMarks(model, kind, style, &markNamespace);
    CheckOutcome outcome = runEngine(ctx, model, settings, limits);
    LazyProgress progress(model, tr(Str::ProductName, outcome.lang)); // marking a big document
    outcome.markedCells =
        paintMarks(model, outcome.read, *outcome.report, outcome.lang, style, markNamespace, progress.callback());
    outcome.painted = true;
    remember(model, outcome);
    return outcome;
}

CheckOutcome checkAndMark(const uno::Reference<uno::XComponentContext>& ctx, const uno::Reference<lang::XComponent>& model)
{
    return checkAndMark(ctx, model, readSettings(ctx));
}

int clearDocument(const uno::Reference<lang::XComponent>& model, const MarkStyle& style)
{
    const DocKind kind = documentKind(model);
    if (isReadOnly(model))
        return 0;
    ControllerLock lock(model);
    UndoContext undo(model, trKey("UndoClear", officeLanguage()));
    return clearMarks(model, kind, style);
}

OUString previousText(const ogi::Report& r, const std::string& lang)
{
    const ogi::Report::Previous& p = r.previous;
    if (!p.used)
        return OUString();
    const size_t slash = p.path.find_last_of('/');
    OUString text = tr(p.source == "stored" ? Str::SummaryPreviousStored : Str::SummaryPrevious, lang);
    text = fill(text, "TITLE", toOU(p.title.empty() ? p.unit + std::to_string(p.year) : p.title));
    return fill(text, "FILE", toOU(slash == std::string::npos ? p.path : p.path.substr(slash + 1)));
}

OUString previousText(const CheckOutcome& o)
{
    if (o.report->previous.used)
        return " " + previousText(*o.report, o.lang);
    if (o.previousCandidates.size() < 2)
        return OUString();
    OUString files;
    for (const OUString& c : o.previousCandidates)
        files += (files.isEmpty() ? OUString() : trKey("ListSeparator", o.lang)) +
                 c.copy(c.lastIndexOf('/') + 1);
    OUString text = fill(tr(Str::SummaryPreviousAsk, o.lang), "N", OUString::number(static_cast<sal_Int32>(o.previousCandidates.size())));
    return " " + fill(text, "FILES", files);
}

OUString summaryText(const CheckOutcome& o, bool withTables)
{
    const std::string& lang = o.lang;
    const ogi::Report& r = *o.report;
    if (r.tables.empty() && r.diagnostics.empty())
        return tr(Str::SummaryNoTables, lang);
    const int errors = r.count(ogi::Severity::Error), warnings = r.count(ogi::Severity::Warning),
              infos = r.count(ogi::Severity::Info);
    const OUString ignored = r.ignored > 0 ? " " + trCount(Str::SummaryIgnored, r.ignored, lang) : OUString();
    if (errors + warnings + infos == 0)
        return trCount(Str::SummaryAllFine, static_cast<long long>(r.tables.size()), lang) + ignored + previousText(o);
    OUString text = fill(tr(Str::SummaryCounts, lang), "COUNTS", countsText(errors, warnings, infos, lang));
    // The tables with findings, by title, at most three (one or two lines; the list has the rest).
    if (withTables) {
        OUString tables;
        int withFindings = 0;
        for (const ogi::TableInfo& t : r.tables) {
            bool any = false;
            for (const ogi::Diagnostic& d : r.diagnostics)
                any = any || d.table == t.index;
            if (!any || t.title.empty())
                continue;
            if (++withFindings <= 3)
                tables += (tables.isEmpty() ? OUString() : tr(Str::TableSeparator, lang)) + toOU(t.title);
        }
        if (withFindings > 3)
            tables += " " + fill(tr(Str::MoreTables, lang), "N", OUString::number(withFindings - 3));
        if (!tables.isEmpty())
            text += " " + fill(tr(Str::SummaryTables, lang), "TABLES", tables);
    }
    if (o.readOnly)
        text += " " + tr(Str::SummaryReadOnly, lang);
    else if (o.painted)
        text += " " + trCount(Str::SummaryMarked, o.markedCells, lang);
    return text + ignored + previousText(o);
}

void setReportListener(void (*listener)(const uno::Reference<uno::XInterface>&))
{
    g_reportListener = listener;
}

void rememberOutcome(const uno::Reference<lang::XComponent>& model, const CheckOutcome& outcome)
{
    remember(model, outcome);
}

namespace {

struct PendingRun {
    std::function<void()> run;
    bool running = false;
    bool done = false;
    std::thread::id runner; ///< the thread running it (it may ask for the report itself)
};
struct Pending {
    uno::WeakReference<uno::XInterface> document;
    std::shared_ptr<PendingRun> state;
};
std::mutex g_pendingMutex;
std::condition_variable g_pendingDone;
std::vector<Pending> g_pending;

/// Forgets the document's pending check unless it is running (it remembers its own outcome).
void dropPending(const uno::Reference<uno::XInterface>& key)
{
    std::lock_guard<std::mutex> lock(g_pendingMutex);
    g_pending.erase(std::remove_if(g_pending.begin(), g_pending.end(),
                                   [&](const Pending& p) {
                                       uno::Reference<uno::XInterface> doc(p.document);
                                       return !doc.is() || (doc == key && !p.state->running);
                                   }),
                    g_pending.end());
}

} // namespace

bool hasPendingCheck(const uno::Reference<uno::XInterface>& model)
{
    uno::Reference<uno::XInterface> key(model, uno::UNO_QUERY);
    std::lock_guard<std::mutex> lock(g_pendingMutex);
    return std::any_of(g_pending.begin(), g_pending.end(), [&](const Pending& p) {
        uno::Reference<uno::XInterface> doc(p.document);
        return doc.is() && doc == key && !p.state->done;
    });
}

void deferCheck(const uno::Reference<uno::XInterface>& model, std::function<void()> run)
{
    uno::Reference<uno::XInterface> key(model, uno::UNO_QUERY);
    dropPending(key);
    auto state = std::make_shared<PendingRun>();
    state->run = std::move(run);
    std::lock_guard<std::mutex> lock(g_pendingMutex);
    g_pending.push_back({key, state});
}

bool runPendingCheck(const uno::Reference<uno::XInterface>& model, bool wait)
{
    uno::Reference<uno::XInterface> key(model, uno::UNO_QUERY);
    std::shared_ptr<PendingRun> state;
    {
        std::unique_lock<std::mutex> lock(g_pendingMutex);
        for (const Pending& p : g_pending) {
            uno::Reference<uno::XInterface> doc(p.document);
            if (doc.is() && doc == key) {
                state = p.state;
                break;
            }
        }
        if (!state)
            return false;
        if (state->running) {
            if (state->runner == std::this_thread::get_id())
                return true; // asked from within the run (e.g. a listener of remember())
            // Another thread runs it: wait for its outcome (bounded: that thread may need the
            // office's lock, which a caller on the main thread holds).
            if (wait)
                g_pendingDone.wait_for(lock, std::chrono::seconds(10), [&] { return state->done; });
            return true;
        }
        state->running = true;
        state->runner = std::this_thread::get_id();
    }
    containExceptions("deferred save check", state->run); // outside the lock: the check remembers its outcome
    {
        std::lock_guard<std::mutex> lock(g_pendingMutex);
        state->done = true;
        g_pending.erase(std::remove_if(g_pending.begin(), g_pending.end(),
                                       [&](const Pending& p) { return p.state == state; }),
                        g_pending.end());
    }
    g_pendingDone.notify_all();
    return true;
}

OUString lastReport(const uno::Reference<uno::XInterface>& model)
{
    runPendingCheck(model);
    std::lock_guard<std::mutex> lock(g_mutex);
    Remembered* r = findRemembered(model);
    if (!r)
        return OUString();
    if (!r->json)
        r->json = toOU(r->report->toJson(r->lang));
    return *r->json;
}

OUString lastReportText(const uno::Reference<uno::XInterface>& model)
{
    runPendingCheck(model);
    std::lock_guard<std::mutex> lock(g_mutex);
    Remembered* r = findRemembered(model);
    if (!r)
        return OUString();
    if (!r->text)
        r->text = toOU(r->report->toText(r->lang));
    return *r->text;
}

std::shared_ptr<const ogi::Report> lastReportData(const uno::Reference<uno::XInterface>& model)
{
    runPendingCheck(model);
    std::lock_guard<std::mutex> lock(g_mutex);
    const Remembered* r = findRemembered(model);
    return r ? r->report : nullptr;
}

} // namespace ogiuno
