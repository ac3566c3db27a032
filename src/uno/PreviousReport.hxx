// Which report is last year's (spec §6.5, issue 13): a report the user chose once (stored in
// the document: its URL and a snapshot of its values, so the check works when the file has
// moved), else the one file in the same folder whose unit matches and whose year is Y−1.
// Two candidates are never guessed between: the caller asks the user.
#pragma once

#include <ogi/CrossYear.h>

#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include <memory>
#include <string>
#include <vector>

namespace ogiuno {

/// User-defined document properties holding the chosen report: its URL and its snapshot (JSON).
#define OGI_PREVIOUS_PROPERTY "OgiReportCheckerPrevious"
#define OGI_PREVIOUS_SNAPSHOT_PROPERTY "OgiReportCheckerPreviousSnapshot"

struct PreviousLookup {
    std::shared_ptr<const ogi::Snapshot> snapshot; ///< null: no cross-year check
    /// "chosen" (the stored file, read again), "stored" (its snapshot: the file is not at hand),
    /// "folder" (found beside the document), "given" (service: usePrevious / checkAgainst)
    std::string source;
    std::vector<rtl::OUString> candidates;         ///< system paths, when the folder held two or more
};

/// Last year's report for `model`, whose own identity is `current`. With `openFiles` false
/// (the save-time check) no other file is opened: only the stored snapshot is used.
PreviousLookup findPrevious(const css::uno::Reference<css::uno::XComponentContext>& ctx,
                            const css::uno::Reference<css::lang::XComponent>& model,
                            const ogi::ReportIdentity& current, bool openFiles);

/// The snapshot of a document open in the office (path recorded as `path`).
std::shared_ptr<const ogi::Snapshot> snapshotOfDocument(const css::uno::Reference<css::lang::XComponent>& model,
                                                        const std::string& path);

/// The snapshot of a file (URL): read in place when the office has it open, else loaded hidden
/// and read-only, without macros, and closed again. Null (and `error`) when it cannot be read.
std::shared_ptr<const ogi::Snapshot> snapshotOfFile(const css::uno::Reference<css::uno::XComponentContext>& ctx,
                                                    const rtl::OUString& url, std::string* error = nullptr);

/// 选择上年报告: reads `url` and records it in `model` (both properties); returns "" or why
/// not (not readable, no report table, read-only document).
std::string choosePrevious(const css::uno::Reference<css::uno::XComponentContext>& ctx,
                           const css::uno::Reference<css::lang::XComponent>& model, const rtl::OUString& url);

/// For this office session only (not stored): use `snapshot` as `model`'s previous report;
/// null = no cross-year check; `clear` = back to the normal search.
void setSessionPrevious(const css::uno::Reference<css::lang::XComponent>& model,
                        std::shared_ptr<const ogi::Snapshot> snapshot, bool clear = false);

/// The system path of a document's file, or "" when it has none.
std::string documentPath(const css::uno::Reference<css::lang::XComponent>& model);

} // namespace ogiuno
