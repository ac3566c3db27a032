// The one path from a document to a report, shared by the toolbar commands and the IDL
// service: read → engine → (clear + paint, in one undo step). Also remembers the last report
// per document for getLastReport().
#pragma once

#include "DocumentReader.hxx"
#include "Settings.hxx"

#include <ogi/Diagnostic.h>

#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ogiuno {

struct CheckOutcome {
    ReadResult read;
    /// Never null; shared with what getLastReport and the issue list keep (not copied: issue 11).
    std::shared_ptr<const ogi::Report> report = std::make_shared<const ogi::Report>();
    std::string lang;       ///< language of messages and comments
    bool readOnly = false;  ///< document is read-only: nothing was painted
    bool painted = false;   ///< marks were (re)applied
    int markedCells = 0;
    /// Two or more reports in the folder could be last year's: none was used, the user is asked.
    std::vector<rtl::OUString> previousCandidates;
};

/// Reads and checks; does not modify the document. Disabled rules and ignored findings come
/// from `settings`.
CheckOutcome checkDocument(const css::uno::Reference<css::uno::XComponentContext>& ctx,
                           const css::uno::Reference<css::lang::XComponent>& model, const Settings& settings,
                           const ReadLimits& limits = ReadLimits());
/// The same with the current settings.
CheckOutcome checkDocument(const css::uno::Reference<css::uno::XComponentContext>& ctx,
                           const css::uno::Reference<css::lang::XComponent>& model);

/// Clears previous marks, checks and marks, as one undo step (resource UndoCheck). A read-only
/// document is only checked. Colours, marked severities, disabled rules and ignored findings
/// come from `settings`.
/// With `keepUnchangedMarks` (the save-time check), a document whose recorded marks are exactly
/// the marks this check would lay out is left alone: nothing is cleared or painted again.
CheckOutcome checkAndMark(const css::uno::Reference<css::uno::XComponentContext>& ctx,
                          const css::uno::Reference<css::lang::XComponent>& model, const Settings& settings,
                          const ReadLimits& limits = ReadLimits(), bool keepUnchangedMarks = false);
/// The same with the current settings.
CheckOutcome checkAndMark(const css::uno::Reference<css::uno::XComponentContext>& ctx,
                          const css::uno::Reference<css::lang::XComponent>& model);

/// Removes our marks as one undo step; returns the number of restored cells (0 and no
/// change for a read-only document).
int clearDocument(const css::uno::Reference<css::lang::XComponent>& model, const MarkStyle& style = MarkStyle());

bool isReadOnly(const css::uno::Reference<css::lang::XComponent>& model);

/// Which report served as last year's (or that the user must choose one), for the summary
/// and the issue list; empty when there is nothing to say.
rtl::OUString previousText(const CheckOutcome& outcome);
/// The same from a report alone: "上年报告：… （file）。", or empty.
rtl::OUString previousText(const ogi::Report& report, const std::string& lang);

/// One-paragraph summary for the log and the dispatch result: counts per severity and, with
/// `withTables`, the tables involved (the infobar leaves them to the deck).
rtl::OUString summaryText(const CheckOutcome& outcome, bool withTables = true);

/// Records `outcome` as the document's last check (for a check that did not run the engine,
/// e.g. the save-time check of a document without tables).
void rememberOutcome(const css::uno::Reference<css::lang::XComponent>& model, const CheckOutcome& outcome);

/// Registers `run` as the document's pending check (the save-time check deferred until after
/// the save, SaveCheck.hxx); it replaces an earlier pending one. The report accessors below run
/// it first, so a caller asking right after a save gets that save's report.
void deferCheck(const css::uno::Reference<css::uno::XInterface>& model, std::function<void()> run);
/// True while the document has a pending check (registered, not yet finished).
bool hasPendingCheck(const css::uno::Reference<css::uno::XInterface>& model);
/// Runs and forgets the document's pending check; false when there was none. When another
/// thread is running it, waits for it (briefly) unless `wait` is false (the event loop's call).
bool runPendingCheck(const css::uno::Reference<css::uno::XInterface>& model, bool wait = true);
/// Called after each check of a document is remembered (the sidebar refreshes its panels).
void setReportListener(void (*listener)(const css::uno::Reference<css::uno::XInterface>& model));

/// JSON of the last check of this document in this session, or empty.
rtl::OUString lastReport(const css::uno::Reference<css::uno::XInterface>& model);
/// Readable text (Report::toText) of the last check, or empty.
rtl::OUString lastReportText(const css::uno::Reference<css::uno::XInterface>& model);
/// The last check's report of this document in this session (issue list), or null.
std::shared_ptr<const ogi::Report> lastReportData(const css::uno::Reference<css::uno::XInterface>& model);

} // namespace ogiuno
