// Turns a Writer or Calc document model into the engine's ogi::Document, remembering for
// each table where it lives in the host document (for the highlighter).
#pragma once

#include <ogi/Diagnostic.h>
#include <ogi/Table.h>

#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <rtl/ustring.hxx>

#include <functional>
#include <vector>

namespace ogiuno {

enum class DocKind { Writer, Calc };

/// Where an ogi::Table came from.
struct HostTable {
    rtl::OUString name;      ///< Writer: the text table's name. Calc: the sheet name.
    sal_Int32 sheet = -1;    ///< Calc: sheet index
};

/// A part of the document that was not read (and so not checked): the check says so
/// (readerFindings), it never passes over it silently (issue 16.9).
struct UnreadPart {
    enum class Why {
        SaveLimit, ///< the save-time check's size bound (ReadLimits::maxSheetCells / maxTotalCells)
        Deadline,  ///< the save-time check's time budget ran out (ReadLimits::deadline)
        TooLarge,  ///< one connected block of content larger than the reader handles
    };
    rtl::OUString where; ///< "Sheet1", "Sheet1.A1:IV5000", or a Writer table's name
    sal_Int64 cells = 0;
    Why why = Why::SaveLimit;
};

struct ReadResult {
    DocKind kind = DocKind::Writer;
    ogi::Document doc;
    std::vector<HostTable> hosts; ///< parallel to doc.tables
    std::vector<rtl::OUString> skipped; ///< Calc sheets not read because of ReadLimits
    std::vector<UnreadPart> unread;     ///< everything not read, with the reason
};

/// Bounds on what is read, so that the save-time check stays cheap; 0 = unbounded.
struct ReadLimits {
    sal_Int64 maxSheetCells = 0; ///< Calc: a sheet with more content cells is skipped
    sal_Int64 maxTotalCells = 0; ///< Calc: sheets that would take the total read beyond this are skipped
    bool openOtherFiles = true;  ///< last year's report may be read from its file (PreviousReport.hxx)
    /// When set and true, the time budget is spent: the sheets / tables not yet read are skipped.
    std::function<bool()> deadline;
    /// Called after each sheet / table with (done, total), e.g. for the frame's status indicator.
    std::function<void(sal_Int32, sal_Int32)> progress;
};

/// Rule id of the document-level finding "part of the document was not read" (not a rule of
/// the catalog, like ogi::kCheckFailedRule: it cannot be disabled).
inline constexpr const char* kNotReadRule = "E-2";

/// One document-level finding per unread part (rule kNotReadRule), appended to `report`:
/// warning when the part was too large to read, info when the save-time check deferred it.
void addReaderFindings(const ReadResult& read, ogi::Report& report);

/// The document kind, or throws css::lang::IllegalArgumentException for anything else.
DocKind documentKind(const css::uno::Reference<css::uno::XInterface>& model);

/// Reads every table and (Writer) paragraph in reading order. Throws
/// IllegalArgumentException when the model is neither a text document nor a spreadsheet.
ReadResult readDocument(const css::uno::Reference<css::lang::XComponent>& model,
                        const ReadLimits& limits = ReadLimits());

// Implemented in WriterReader.cxx / CalcReader.cxx.
void readWriterDocument(const css::uno::Reference<css::lang::XComponent>& model, ReadResult& out,
                        const ReadLimits& limits = ReadLimits());
void readCalcDocument(const css::uno::Reference<css::lang::XComponent>& model, ReadResult& out,
                      const ReadLimits& limits = ReadLimits());
/// Number of cells with content in a Calc sheet (an XSpreadsheet), 0 when empty.
sal_Int64 usedCellCount(const css::uno::Reference<css::uno::XInterface>& sheet);

/// Calc column index → letters ("A", ..., "Z", "AA", ...).
rtl::OUString calcColumnName(sal_Int32 col);

} // namespace ogiuno
