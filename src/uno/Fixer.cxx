#include "Fixer.hxx"

#include "CheckSession.hxx"
#include "DocumentReader.hxx"
#include "EditGuards.hxx"
#include "Highlighter.hxx"
#include "Settings.hxx"
#include "Strings.hxx"
#include "UnoUtil.hxx"

#include <ogi/Suggest.h>

#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XMessageBox.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/sheet/XCellAddressable.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/text/XTextTablesSupplier.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>

#include <rtl/math.hxx>

#include <cstdlib>
#include <functional>

using namespace css;
using rtl::OUString;

namespace ogiuno {

namespace {


/// "Sheet1.C12" → "C12" (the cell part never holds a dot; a sheet name may).
OUString cellPart(const std::string& address)
{
    const OUString a = toOU(address);
    return a.copy(a.lastIndexOf('.') + 1);
}

bool isNumber(const std::string& s, double& v)
{
    if (s.empty())
        return false;
    const OUString o = toOU(s);
    rtl_math_ConversionStatus status;
    sal_Int32 parsed = 0;
    v = rtl::math::stringToDouble(o, '.', 0, &status, &parsed);
    return status == rtl_math_ConversionStatus_Ok && parsed == o.getLength();
}

/// Writes one change into the host cell: Writer cell text; Calc a number (or text).
void writeCell(const uno::Reference<lang::XComponent>& model, const ReadResult& read, const ogi::CellChange& c)
{
    const int t = c.cell.tableIndex;
    if (t < 0 || static_cast<size_t>(t) >= read.hosts.size())
        throw uno::RuntimeException("org.ogi.reportchecker: the table of " + toOU(c.cell.address) + " is gone",
                                    uno::Reference<uno::XInterface>());
    const HostTable& host = read.hosts[static_cast<size_t>(t)];
    if (read.kind == DocKind::Writer) {
        uno::Reference<text::XTextTablesSupplier> supplier(model, uno::UNO_QUERY_THROW);
        uno::Reference<text::XTextTable> table(supplier->getTextTables()->getByName(host.name), uno::UNO_QUERY_THROW);
        uno::Reference<text::XText> cell(table->getCellByName(toOU(c.cell.address)), uno::UNO_QUERY_THROW);
        cell->setString(toOU(c.value));
        return;
    }
    uno::Reference<sheet::XSpreadsheetDocument> doc(model, uno::UNO_QUERY_THROW);
    uno::Reference<container::XIndexAccess> sheets(doc->getSheets(), uno::UNO_QUERY_THROW);
    uno::Reference<table::XCellRange> sheet(sheets->getByIndex(host.sheet), uno::UNO_QUERY_THROW);
    uno::Reference<table::XCell> cell = sheet->getCellRangeByName(cellPart(c.cell.address))->getCellByPosition(0, 0);
    double v = 0;
    if (isNumber(c.value, v))
        cell->setValue(v);
    else
        uno::Reference<text::XText>(cell, uno::UNO_QUERY_THROW)->setString(toOU(c.value));
}

/// Writer: replaces only the stated number of a text finding in its paragraph.
bool replaceStatedNumber(const uno::Reference<lang::XComponent>& model, const ogi::Diagnostic& d)
{
    uno::Reference<text::XTextDocument> doc(model, uno::UNO_QUERY);
    if (!doc.is())
        return false;
    uno::Reference<container::XEnumerationAccess> body(doc->getText(), uno::UNO_QUERY_THROW);
    uno::Reference<container::XEnumeration> elements = body->createEnumeration();
    while (elements->hasMoreElements()) {
        uno::Reference<lang::XServiceInfo> info(elements->nextElement(), uno::UNO_QUERY);
        if (!info.is() || !info->supportsService("com.sun.star.text.Paragraph"))
            continue;
        uno::Reference<text::XTextRange> para(info, uno::UNO_QUERY);
        size_t begin = 0, end = 0;
        if (!para.is() || !ogi::locateStatedNumber(d, toStd(para->getString()), begin, end) || end > 32767)
            continue;
        uno::Reference<text::XTextCursor> cursor = para->getText()->createTextCursorByRange(para->getStart());
        cursor->goRight(static_cast<sal_Int16>(begin), false);
        cursor->goRight(static_cast<sal_Int16>(end - begin), true);
        cursor->setString(toOU(d.suggestion.changes.front().value));
        return true;
    }
    return false;
}

/// One undo step: our marks off, `change` (given a fresh check), a check again (marks renewed
/// when there were any). `change` returns false when it made nothing (then the message it set
/// is the outcome's).
FixOutcome changeScope(const uno::Reference<uno::XComponentContext>& ctx, const uno::Reference<lang::XComponent>& model,
                       const OUString& undoTitle, const std::function<bool(const CheckOutcome&, FixOutcome&)>& change)
{
    FixOutcome out;
    const std::string lang = uiLanguage(ctx);
    if (isReadOnly(model)) {
        out.message = trKey("FixReadOnly", lang);
        return out;
    }
    const Settings settings = readSettings(ctx);
    const DocKind kind = documentKind(model);
    ControllerLock lock(model);
    UndoContext undo(model, undoTitle);
    const int marked = clearMarks(model, kind, settings.style);
    const CheckOutcome before = checkDocument(ctx, model, settings);
    const bool changed = change(before, out);
    CheckOutcome after = marked > 0 ? checkAndMark(ctx, model, settings) : checkDocument(ctx, model, settings);
    if (!changed && marked == 0)
        return out;
    out.ok = changed;
    if (changed)
        out.message += " " + summaryText(after);
    return out;
}

int findingIndex(const ogi::Report& r, const std::string& which)
{
    if (!which.empty() && which.find_first_not_of("0123456789") == std::string::npos) {
        const int i = std::atoi(which.c_str());
        return i < static_cast<int>(r.diagnostics.size()) ? i : -1;
    }
    for (size_t i = 0; i < r.diagnostics.size(); ++i)
        if (ogi::ignoreKey(r.diagnostics[i]) == which)
            return static_cast<int>(i);
    return -1;
}

std::string rulesText(const ogi::Suggestion& s)
{
    std::string t;
    for (const std::string& r : s.rules)
        t += (t.empty() ? "" : ", ") + r;
    return t;
}

} // namespace

OUString changeList(const std::vector<ogi::CellChange>& changes, const std::string& lang)
{
    // Grouped by table (its name once, as a heading line), each cell in words first (the labels
    // the user sees in the table), then its address: "（一）予以公开 / 总计（I6）：（空白） → 12".
    OUString text;
    std::string table;
    for (const ogi::CellChange& c : changes) {
        if (c.cell.table != table || text.isEmpty()) {
            table = c.cell.table;
            text += (text.isEmpty() ? OUString() : OUString("\n")) + fill(trKey("ChangeListTable", lang), "TABLE", toOU(table));
        }
        const OUString old = c.current.empty() ? trKey("ChangeListBlank", lang) : toOU(c.current);
        const OUString place = cellPart(c.cell.address);
        const OUString cell =
            c.where.empty() ? place : fill(fill(trKey("ChangeListCell", lang), "WHERE", toOU(c.where)), "ADDRESS", place);
        text += "\n    " + fill(fill(fill(trKey("ChangeListLine", lang), "CELL", cell), "OLD", old), "NEW", toOU(c.value));
    }
    return text;
}

bool confirmChanges(const uno::Reference<uno::XComponentContext>& ctx, const uno::Reference<frame::XFrame>& frame,
                    const OUString& title, const OUString& text)
{
    uno::Reference<awt::XMessageBoxFactory> factory(awt::Toolkit::create(ctx), uno::UNO_QUERY_THROW);
    uno::Reference<awt::XWindowPeer> parent;
    if (frame.is())
        parent.set(frame->getContainerWindow(), uno::UNO_QUERY);
    uno::Reference<awt::XMessageBox> box = factory->createMessageBox(
        parent, awt::MessageBoxType_QUERYBOX, awt::MessageBoxButtons::BUTTONS_OK_CANCEL, title, text);
    return box.is() && box->execute() == 1;   // RET_OK
}

FixOutcome applySuggestion(const uno::Reference<uno::XComponentContext>& ctx, const uno::Reference<lang::XComponent>& model,
                           const std::string& which)
{
    const std::string lang = uiLanguage(ctx);
    std::shared_ptr<const ogi::Report> last = lastReportData(model);
    if (!last) {
        checkDocument(ctx, model);
        last = lastReportData(model);
    }
    FixOutcome out;
    const int index = last ? findingIndex(*last, which) : -1;
    if (index < 0) {
        out.message = fill(trKey("FixNoSuchFinding", lang), "WHICH", toOU(which));
        return out;
    }
    const std::string key = ogi::ignoreKey(last->diagnostics[static_cast<size_t>(index)]);
    if (last->diagnostics[static_cast<size_t>(index)].suggestion.empty()) {
        out.message = trKey("FixNoSuggestion", lang);
        return out;
    }
    return changeScope(ctx, model, trKey("UndoFix", lang), [&](const CheckOutcome& now, FixOutcome& o) {
        const int i = findingIndex(*now.report, key);
        if (i < 0 || now.report->diagnostics[static_cast<size_t>(i)].suggestion.empty()) {
            o.message = trKey("FixStale", lang);
            return false;
        }
        const ogi::Diagnostic& d = now.report->diagnostics[static_cast<size_t>(i)];
        const ogi::Suggestion& s = d.suggestion;
        if (s.kind == "text") {
            if (!replaceStatedNumber(model, d)) {
                o.message = trKey("FixSentenceNotFound", lang);
                return false;
            }
            o.message = fill(fill(trKey("FixTextDone", lang), "VALUE", toOU(s.changes.front().value)), "STATED",
                             toOU(s.stated));
            return true;
        }
        for (const ogi::CellChange& c : s.changes)
            writeCell(model, now.read, c);
        o.changes = s.changes;
        o.message = fill(fill(trKey("FixDone", lang), "REASON", toOU(s.reason(lang))), "RULES", toOU(rulesText(s)));
        return true;
    });
}

FixOutcome previewFill(const uno::Reference<lang::XComponent>& model, Fill what)
{
    FixOutcome out;
    const ReadResult read = readDocument(model);
    out.changes = what == Fill::Totals ? ogi::totalChanges(read.doc) : ogi::blankChanges(read.doc);
    return out;
}

FixOutcome applyFill(const uno::Reference<uno::XComponentContext>& ctx, const uno::Reference<lang::XComponent>& model,
                     Fill what)
{
    const std::string lang = uiLanguage(ctx);
    FixOutcome preview = previewFill(model, what);
    if (preview.changes.empty()) {
        preview.message = trKey(what == Fill::Totals ? "FillTotalsNothing" : "FillZerosNothing", lang);
        return preview;
    }
    return changeScope(ctx, model, trKey(what == Fill::Totals ? "UndoFillTotals" : "UndoFillZeros", lang),
                       [&](const CheckOutcome& now, FixOutcome& o) {
                           o.changes = what == Fill::Totals ? ogi::totalChanges(now.read.doc) : ogi::blankChanges(now.read.doc);
                           for (const ogi::CellChange& c : o.changes)
                               writeCell(model, now.read, c);
                           o.message = trCountKey(what == Fill::Totals ? "FillTotalsDone" : "FillZerosDone",
                                                  static_cast<long long>(o.changes.size()), lang);
                           return !o.changes.empty();
                       });
}

std::vector<std::string> sentencesOf(const uno::Reference<lang::XComponent>& model)
{
    const ReadResult read = readDocument(model);
    const ogi::NumericSentences s = ogi::numericSentences(read.doc);
    std::vector<std::string> out;
    for (const std::string& t : {s.three, s.four})
        if (!t.empty())
            out.push_back(t);
    return out;
}

FixOutcome insertSentences(const uno::Reference<uno::XComponentContext>& ctx, const uno::Reference<lang::XComponent>& model,
                           const uno::Reference<frame::XFrame>& frame)
{
    const std::string lang = uiLanguage(ctx);
    FixOutcome out;
    if (isReadOnly(model)) {
        out.message = trKey("FixReadOnly", lang);
        return out;
    }
    const std::vector<std::string> sentences = sentencesOf(model);
    if (sentences.empty()) {
        out.message = trKey("SentencesNoTables", lang);
        return out;
    }
    uno::Reference<frame::XController> controller =
        frame.is() ? frame->getController() : uno::Reference<frame::XModel>(model, uno::UNO_QUERY_THROW)->getCurrentController();
    ControllerLock lock(model);
    UndoContext undo(model, trKey("UndoSentences", lang));
    if (documentKind(model) == DocKind::Writer) {
        uno::Reference<text::XTextViewCursorSupplier> vcs(controller, uno::UNO_QUERY_THROW);
        uno::Reference<text::XTextRange> cursor(vcs->getViewCursor(), uno::UNO_QUERY_THROW);
        uno::Reference<text::XText> text = cursor->getText();
        uno::Reference<text::XTextRange> at(text->createTextCursorByRange(cursor->getStart()), uno::UNO_QUERY_THROW);
        for (size_t i = 0; i < sentences.size(); ++i) {
            if (i > 0)
                text->insertControlCharacter(at, text::ControlCharacter::PARAGRAPH_BREAK, false);
            text->insertString(at, toOU(sentences[i]), false);
        }
    } else {
        uno::Reference<view::XSelectionSupplier> sel(controller, uno::UNO_QUERY_THROW);
        uno::Reference<table::XCellRange> range(sel->getSelection(), uno::UNO_QUERY_THROW);
        uno::Reference<sheet::XCellAddressable> first(range->getCellByPosition(0, 0), uno::UNO_QUERY_THROW);
        const table::CellAddress a = first->getCellAddress();
        uno::Reference<sheet::XSpreadsheetDocument> doc(model, uno::UNO_QUERY_THROW);
        uno::Reference<container::XIndexAccess> sheets(doc->getSheets(), uno::UNO_QUERY_THROW);
        uno::Reference<sheet::XSpreadsheet> sheet(sheets->getByIndex(a.Sheet), uno::UNO_QUERY_THROW);
        // never over a cell that holds something: the sentences go into empty cells only
        for (size_t i = 0; i < sentences.size(); ++i) {
            uno::Reference<table::XCell> cell = sheet->getCellByPosition(a.Column, a.Row + static_cast<sal_Int32>(i));
            if (cell->getType() != table::CellContentType_EMPTY) {
                out.message = trKey("SentencesCellNotEmpty", lang);
                return out;
            }
        }
        for (size_t i = 0; i < sentences.size(); ++i)
            uno::Reference<text::XText>(sheet->getCellByPosition(a.Column, a.Row + static_cast<sal_Int32>(i)),
                                        uno::UNO_QUERY_THROW)
                ->setString(toOU(sentences[i]));
    }
    out.ok = true;
    out.message = fill(trKey("SentencesDone", lang), "TEXT", toOU(sentences.front()));
    for (size_t i = 1; i < sentences.size(); ++i)
        out.message += "\n" + toOU(sentences[i]);
    return out;
}

} // namespace ogiuno
