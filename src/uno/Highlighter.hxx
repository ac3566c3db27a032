// Turns diagnostics into cell marks (background by severity + a comment) and removes them.
//
// The marks record: paintMarks writes a user-defined document property (OGI_MARKS_PROPERTY)
// with every cell it marked, its original background and whether it got a comment from us;
// clearMarks restores those cells only and removes the property. It survives every format we
// write (ODF, OOXML, .doc, HTML), so a reloaded .xlsx/.docx gets the user's own colours back.
// Without a record (marks of an earlier version) clearMarks falls back to the attributes below,
// and only when our comments are there: a document without marks costs nothing to clear.
//
// Original state: before a cell is painted, its background (colour, transparency, and
// whether it was the default) is stored in the cell's UserDefinedAttributes under our
// namespace (OGI_ATTR_NAMESPACE, local name "origbg"). Clearing restores from there and
// removes the attribute, so check + clear leaves the cell as it was; the attribute is a cell
// property, so undo covers it too. It survives ODF save/reload; OOXML drops it (recipe §5.1),
// so after such a reload "clear" falls back to: a cell that carries our comment and one of
// our mark colours gets a transparent background.
// Our comments: Writer annotations authored OGI_MARK_AUTHOR; Calc notes (whose author is
// read-only) start with the marker line "【OGI_MARK_AUTHOR】". A Calc cell that already has
// a user note keeps it unchanged and gets only the colour (one note per cell).
// Neither function opens an undo context: the caller wraps them (CheckSession).
#pragma once

#include "DocumentReader.hxx"
#include "Settings.hxx"

#include <ogi/Diagnostic.h>

#include <com/sun/star/lang/XComponent.hpp>

#include <functional>
#include <string>

namespace ogiuno {

/// Removes all our marks from the document; returns the number of cells restored. `style`
/// names the colours that count as ours when the saved background was lost (OOXML); the
/// default colours always do.
/// `markNamespace` (optional) receives the attribute namespace that marks painted next must
/// use (see Highlighter.cxx: LibreOffice renames loaded attribute prefixes).
int clearMarks(const css::uno::Reference<css::lang::XComponent>& model, DocKind kind,
               const MarkStyle& style = MarkStyle(), rtl::OUString* markNamespace = nullptr);

/// Marks the cells of the report's diagnostics (the document must be free of our marks);
/// returns the number of marked cells. Comment texts use `lang`. Only diagnostics whose
/// severity `style` marks are painted, in `style`'s colours.
int paintMarks(const css::uno::Reference<css::lang::XComponent>& model, const ReadResult& read,
               const ogi::Report& report, const std::string& lang, const MarkStyle& style = MarkStyle(),
               const rtl::OUString& markNamespace = rtl::OUString(),
               const std::function<void(sal_Int32, sal_Int32)>& progress = {});

/// The fingerprint of the marks paintMarks would lay out for this report (cells, colours,
/// comment texts): equal to recordedMarksFingerprint when nothing would change.
std::string marksFingerprint(const ReadResult& read, const ogi::Report& report, const std::string& lang,
                             const MarkStyle& style = MarkStyle());
/// The fingerprint stored with the document's marks record, or empty when it has none.
/// `cells` (optional) receives the number of recorded cells.
std::string recordedMarksFingerprint(const css::uno::Reference<css::lang::XComponent>& model, int* cells = nullptr);
/// True when the document holds a record of our marks (OGI_MARKS_PROPERTY).
bool hasMarksRecord(const css::uno::Reference<css::lang::XComponent>& model);

/// Comment text for the diagnostics of one cell (one line "[rule] message" each).
rtl::OUString commentText(const std::vector<const ogi::Diagnostic*>& diagnostics, const std::string& lang);

} // namespace ogiuno
