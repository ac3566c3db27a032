// Template insertion (see TemplateInserter.hxx).
//
// The layout (roles, widths, merge order, cell names after merging, SUM formulas) is
// ogi::templateLayout and its helpers (src/core, TemplateLayout.h); this file makes the calls.
// Writer (recipe §7.1): initialize(rows, cols), insert, set the column widths while the table
// is still regular, then merge right to left (ogi::writerMerges), and fill the cells by their
// names after merging (ogi::writerCellNames, checked against getCellNames()).
// Calc (recipe §7.2): a new sheet, title row, merges, labels, SUM formulas for every total of
// ogi::totalDefinitions (ogi::calcTotalFormulas), borders, widths.
#include "TemplateInserter.hxx"

#include "DocumentReader.hxx"
#include "EditGuards.hxx"
#include "Strings.hxx"
#include "UnoUtil.hxx"

#include <ogi/TemplateLayout.h>
#include <ogi/Templates.h>

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/style/ParagraphAdjust.hpp>
#include <com/sun/star/table/BorderLine2.hpp>
#include <com/sun/star/table/BorderLineStyle.hpp>
#include <com/sun/star/table/CellHoriJustify.hpp>
#include <com/sun/star/table/CellVertJustify2.hpp>
#include <com/sun/star/table/TableBorder2.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/text/ControlCharacter.hpp>
#include <com/sun/star/text/TableColumnSeparator.hpp>
#include <com/sun/star/text/VertOrientation.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/text/XTextTableCursor.hpp>
#include <com/sun/star/text/XTextTablesSupplier.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <com/sun/star/util/XMergeable.hpp>

#include <algorithm>
#include <map>
#include <set>

using namespace css;
using rtl::OUString;

namespace ogiuno {

namespace {

constexpr sal_Int32 kHeaderBack = 0xDDE3EC;   // header cells: pale blue-grey
constexpr sal_Int32 kTotalBack = 0xF2F2F2;    // Calc cells holding a formula
constexpr sal_Int32 kBorderWidth = 18;        // 1/100 mm ≈ 0.5 pt

// ------------------------------------------------------------------------- shared layout

using Role = ogi::LayoutRole;
using PlacedCell = ogi::LayoutCell;
using Layout = ogi::TemplateLayout;

Layout makeLayout(const std::string& templateId)
{
    if (!ogi::findTemplate(templateId))
        throw lang::IllegalArgumentException(toOU("unknown template " + templateId), uno::Reference<uno::XInterface>(), 0);
    return ogi::templateLayout(templateId);
}

/// Short name of the table in Writer (table names may not contain spaces or dots).
std::string writerBaseName(const ogi::TemplateDef& def)
{
    if (def.family == "t2")
        return "表二_主动公开_" + def.version;
    if (def.family == "t3")
        return "表三_依申请公开_" + def.version;
    if (def.family == "t4")
        return "表四_复议诉讼_" + def.version;
    return "政府信息公开情况统计表";
}

table::TableBorder2 allBorders()
{
    table::BorderLine2 line;
    line.Color = 0;
    line.InnerLineWidth = 0;
    line.OuterLineWidth = kBorderWidth;
    line.LineDistance = 0;
    line.LineStyle = table::BorderLineStyle::SOLID;
    line.LineWidth = kBorderWidth;
    table::TableBorder2 b;
    b.TopLine = b.BottomLine = b.LeftLine = b.RightLine = b.HorizontalLine = b.VerticalLine = line;
    b.IsTopLineValid = b.IsBottomLineValid = b.IsLeftLineValid = b.IsRightLineValid = true;
    b.IsHorizontalLineValid = b.IsVerticalLineValid = true;
    b.Distance = 0;
    b.IsDistanceValid = false;
    return b;
}

void setProp(const uno::Reference<beans::XPropertySet>& props, const char* name, const uno::Any& value)
{
    try {
        props->setPropertyValue(OUString::createFromAscii(name), value);
    } catch (const uno::Exception& e) {
        logLine(std::string("insert: cannot set ") + name + ": " + toStd(e.Message));
    }
}

void setBold(const uno::Reference<beans::XPropertySet>& props)
{
    setProp(props, "CharWeight", uno::Any(awt::FontWeight::BOLD));
    setProp(props, "CharWeightAsian", uno::Any(awt::FontWeight::BOLD));
}

// ------------------------------------------------------------------------------- Writer

OUString uniqueTableName(const uno::Reference<lang::XComponent>& model, const std::string& base)
{
    uno::Reference<text::XTextTablesSupplier> supplier(model, uno::UNO_QUERY_THROW);
    uno::Reference<container::XNameAccess> tables = supplier->getTextTables();
    OUString name = toOU(base);
    for (int i = 2; tables->hasByName(name); ++i)
        name = toOU(base + "_" + std::to_string(i));
    return name;
}

void formatWriterCell(const uno::Reference<table::XCell>& cell, const PlacedCell& p, float charHeight)
{
    uno::Reference<beans::XPropertySet> cellProps(cell, uno::UNO_QUERY_THROW);
    setProp(cellProps, "VertOrient", uno::Any(text::VertOrientation::CENTER));
    if (p.role == Role::Header)
        setProp(cellProps, "BackColor", uno::Any(kHeaderBack));
    uno::Reference<text::XText> text(cell, uno::UNO_QUERY_THROW);
    uno::Reference<text::XTextCursor> cursor = text->createTextCursor();
    cursor->gotoStart(false);
    cursor->gotoEnd(true);
    uno::Reference<beans::XPropertySet> props(cursor, uno::UNO_QUERY_THROW);
    if (charHeight > 0) {
        setProp(props, "CharHeight", uno::Any(charHeight));
        setProp(props, "CharHeightAsian", uno::Any(charHeight));
    }
    const bool centred = p.role == Role::Header || p.role == Role::Value || p.role == Role::Unit;
    setProp(props, "ParaAdjust",
            uno::Any(static_cast<sal_Int16>(centred ? style::ParagraphAdjust_CENTER : style::ParagraphAdjust_LEFT)));
    if (p.role == Role::Header || p.role == Role::HeadingLabel)
        setBold(props);
}

/// Inserts the template's table at `cursor` (which stays in the paragraph after the table).
OUString insertWriterTable(const uno::Reference<lang::XComponent>& model, const uno::Reference<text::XText>& text,
                           const uno::Reference<text::XTextRange>& at, const std::string& templateId)
{
    const Layout l = makeLayout(templateId);
    uno::Reference<lang::XMultiServiceFactory> factory(model, uno::UNO_QUERY_THROW);
    uno::Reference<text::XTextTable> table(factory->createInstance("com.sun.star.text.TextTable"), uno::UNO_QUERY_THROW);
    table->initialize(l.table.rows, l.table.cols);
    const OUString name = uniqueTableName(model, writerBaseName(*l.def));
    uno::Reference<container::XNamed>(table, uno::UNO_QUERY_THROW)->setName(name);
    text->insertTextContent(at, uno::Reference<text::XTextContent>(table, uno::UNO_QUERY_THROW), false);

    uno::Reference<beans::XPropertySet> tableProps(table, uno::UNO_QUERY_THROW);
    // Column widths while every row still has all its boxes.
    if (l.table.cols > 1) {
        sal_Int16 sum = 10000;
        tableProps->getPropertyValue("TableColumnRelativeSum") >>= sum;
        const std::vector<int> positions = ogi::columnSeparators(l.weights, sum);
        uno::Sequence<text::TableColumnSeparator> seps(static_cast<sal_Int32>(positions.size()));
        for (size_t c = 0; c < positions.size(); ++c) {
            seps[static_cast<sal_Int32>(c)].Position = static_cast<sal_Int16>(positions[c]);
            seps[static_cast<sal_Int32>(c)].IsVisible = true;
        }
        setProp(tableProps, "TableColumnSeparators", uno::Any(seps));
    }
    // Merges, right to left (see ogi::writerMerges).
    for (const ogi::WriterMerge& m : ogi::writerMerges(l.table)) {
        const OUString from = toOU(m.from), to = toOU(m.to);
        uno::Reference<text::XTextTableCursor> cursor = table->createCursorByCellName(from);
        if (!cursor.is() || !cursor->gotoCellByName(to, true) || !cursor->mergeRange())
            throw uno::RuntimeException("cannot merge " + from + ":" + to, uno::Reference<uno::XInterface>());
    }
    const std::map<std::pair<int, int>, std::string> names = ogi::writerCellNames(l.table);
    if (static_cast<size_t>(table->getCellNames().getLength()) != names.size())
        logLine("insert: unexpected cell count after merging " + templateId);

    const float charHeight = l.table.cols >= 10 ? 9.0f : 0.0f;
    for (const PlacedCell& p : l.cells) {
        auto it = names.find({p.cell.row, p.cell.col});
        if (it == names.end())
            continue;
        uno::Reference<table::XCell> cell = table->getCellByName(toOU(it->second));
        if (!cell.is())
            throw uno::RuntimeException("no cell " + toOU(it->second), uno::Reference<uno::XInterface>());
        if (!p.cell.text.empty())
            uno::Reference<text::XText>(cell, uno::UNO_QUERY_THROW)->setString(toOU(p.cell.text));
        formatWriterCell(cell, p, charHeight);
    }
    setProp(tableProps, "TableBorder2", uno::Any(allBorders()));
    if (l.headerRows > 0) {
        setProp(tableProps, "RepeatHeadline", uno::Any(true));
        setProp(tableProps, "HeaderRowCount", uno::Any(static_cast<sal_Int32>(l.headerRows)));
    } else {
        setProp(tableProps, "RepeatHeadline", uno::Any(false));
    }
    return name;
}

struct WriterPosition {
    uno::Reference<text::XText> text;
    uno::Reference<text::XTextCursor> cursor;
    uno::Reference<text::XTextRange> range; ///< the cursor as a range (no up-cast in the SDK)
};

/// A text cursor at the view cursor (collapsed to its end), or at the end of the body when
/// the view cursor is not in the body text (table cell, frame, header...).
WriterPosition writerPosition(const uno::Reference<lang::XComponent>& model,
                              const uno::Reference<frame::XController>& controller)
{
    uno::Reference<text::XTextDocument> doc(model, uno::UNO_QUERY_THROW);
    WriterPosition pos;
    pos.text = doc->getText();
    uno::Reference<text::XTextRange> at;
    uno::Reference<text::XTextViewCursorSupplier> vcs(controller, uno::UNO_QUERY);
    if (vcs.is()) {
        uno::Reference<text::XTextRange> vc(vcs->getViewCursor(), uno::UNO_QUERY);
        if (vc.is()) {
            uno::Reference<uno::XInterface> a(vc->getText(), uno::UNO_QUERY), b(pos.text, uno::UNO_QUERY);
            if (a == b)
                at = vc->getEnd();
        }
    }
    if (!at.is()) {
        at = pos.text->getEnd();
        pos.cursor = pos.text->createTextCursorByRange(at);
        pos.range.set(pos.cursor, uno::UNO_QUERY_THROW);
        uno::Reference<text::XParagraphCursor> para(pos.cursor, uno::UNO_QUERY);
        if (para.is() && !para->isStartOfParagraph())
            pos.text->insertControlCharacter(pos.range, text::ControlCharacter::PARAGRAPH_BREAK, false);
        return pos;
    }
    pos.cursor = pos.text->createTextCursorByRange(at);
    pos.range.set(pos.cursor, uno::UNO_QUERY_THROW);
    return pos;
}

// --------------------------------------------------------------------------------- Calc

struct CalcTarget {
    uno::Reference<sheet::XSpreadsheetDocument> doc;
    uno::Reference<sheet::XSpreadsheetView> view;
    sal_Int32 nextIndex = 0;   ///< where the next sheet goes
};

CalcTarget calcTarget(const uno::Reference<lang::XComponent>& model, const uno::Reference<frame::XController>& controller)
{
    CalcTarget t;
    t.doc.set(model, uno::UNO_QUERY_THROW);
    t.view.set(controller, uno::UNO_QUERY);
    uno::Reference<container::XIndexAccess> sheets(t.doc->getSheets(), uno::UNO_QUERY_THROW);
    t.nextIndex = sheets->getCount();
    if (t.view.is()) {
        uno::Reference<sheet::XCellRangeAddressable> active(t.view->getActiveSheet(), uno::UNO_QUERY);
        if (active.is())
            t.nextIndex = active->getRangeAddress().Sheet + 1;
    }
    return t;
}

OUString insertCalcSheet(CalcTarget& target, const std::string& templateId)
{
    const Layout l = makeLayout(templateId);
    uno::Reference<sheet::XSpreadsheets> sheets = target.doc->getSheets();
    const std::string base = l.def->titleZh;
    OUString name = toOU(base);
    for (int i = 2; sheets->hasByName(name); ++i)
        name = toOU(base + " (" + std::to_string(i) + ")");
    sheets->insertNewByName(name, static_cast<sal_Int16>(target.nextIndex));
    ++target.nextIndex;
    uno::Reference<sheet::XSpreadsheet> sheet(sheets->getByName(name), uno::UNO_QUERY_THROW);
    uno::Reference<table::XCellRange> range(sheet, uno::UNO_QUERY_THROW);

    const sal_Int32 cols = l.table.cols, rows = l.table.rows;
    const sal_Int32 row0 = 2; // row 0: title, row 1: empty, table from row 2 (A3)

    // Title.
    {
        uno::Reference<table::XCellRange> title = range->getCellRangeByPosition(0, 0, std::max<sal_Int32>(0, cols - 1), 0);
        if (cols > 1)
            uno::Reference<util::XMergeable>(title, uno::UNO_QUERY_THROW)->merge(true);
        uno::Reference<text::XText>(range->getCellByPosition(0, 0), uno::UNO_QUERY_THROW)->setString(toOU(l.def->titleZh));
        uno::Reference<beans::XPropertySet> props(title, uno::UNO_QUERY_THROW);
        setBold(props);
        setProp(props, "CharHeight", uno::Any(14.0f));
        setProp(props, "CharHeightAsian", uno::Any(14.0f));
        setProp(props, "HoriJustify", uno::Any(table::CellHoriJustify_CENTER));
    }

    // Whole table: wrap, centred vertically, borders.
    uno::Reference<table::XCellRange> all = range->getCellRangeByPosition(0, row0, cols - 1, row0 + rows - 1);
    {
        uno::Reference<beans::XPropertySet> props(all, uno::UNO_QUERY_THROW);
        setProp(props, "IsTextWrapped", uno::Any(true));
        setProp(props, "VertJustify", uno::Any(table::CellVertJustify2::CENTER));
        setProp(props, "TableBorder2", uno::Any(allBorders()));
        if (cols >= 10) {
            setProp(props, "CharHeight", uno::Any(9.0f));
            setProp(props, "CharHeightAsian", uno::Any(9.0f));
        }
    }
    for (const PlacedCell& p : l.cells) {
        const sal_Int32 r = row0 + p.cell.row, c = p.cell.col;
        uno::Reference<table::XCellRange> area =
            range->getCellRangeByPosition(c, r, c + p.cell.colSpan - 1, r + p.cell.rowSpan - 1);
        if (p.cell.rowSpan > 1 || p.cell.colSpan > 1)
            uno::Reference<util::XMergeable>(area, uno::UNO_QUERY_THROW)->merge(true);
        if (!p.cell.text.empty())
            uno::Reference<text::XText>(range->getCellByPosition(c, r), uno::UNO_QUERY_THROW)->setString(toOU(p.cell.text));
        uno::Reference<beans::XPropertySet> props(area, uno::UNO_QUERY_THROW);
        switch (p.role) {
        case Role::Header:
            setBold(props);
            setProp(props, "HoriJustify", uno::Any(table::CellHoriJustify_CENTER));
            setProp(props, "CellBackColor", uno::Any(kHeaderBack));
            break;
        case Role::HeadingLabel:
            setBold(props);
            break;
        case Role::Unit:
        case Role::Value:
            setProp(props, "HoriJustify", uno::Any(table::CellHoriJustify_CENTER));
            break;
        case Role::Label:
            break;
        }
    }
    // Live totals.
    for (const ogi::CalcFormula& f : ogi::calcTotalFormulas(l, row0)) {
        uno::Reference<table::XCell> cell = range->getCellByPosition(f.col, f.row);
        cell->setFormula(toOU(f.formula));
        uno::Reference<beans::XPropertySet> props(cell, uno::UNO_QUERY_THROW);
        setProp(props, "CellBackColor", uno::Any(kTotalBack));
    }
    // Widths: a value column is 2.6 cm (1.8 cm in wide tables); label columns by their weight.
    uno::Reference<table::XColumnRowRange> colRow(sheet, uno::UNO_QUERY_THROW);
    uno::Reference<container::XIndexAccess> columns(colRow->getColumns(), uno::UNO_QUERY_THROW);
    const std::vector<int> widths = ogi::calcColumnWidths(l);
    for (sal_Int32 c = 0; c < cols; ++c) {
        uno::Reference<beans::XPropertySet> col(columns->getByIndex(c), uno::UNO_QUERY_THROW);
        setProp(col, "Width", uno::Any(static_cast<sal_Int32>(widths[static_cast<size_t>(c)])));
    }
    uno::Reference<table::XColumnRowRange> tableRows(all, uno::UNO_QUERY_THROW);
    uno::Reference<beans::XPropertySet> rowProps(tableRows->getRows(), uno::UNO_QUERY_THROW);
    setProp(rowProps, "OptimalHeight", uno::Any(true));
    return name;
}

void activate(const CalcTarget& target, const OUString& name)
{
    if (!target.view.is())
        return;
    try {
        uno::Reference<sheet::XSpreadsheet> sheet(target.doc->getSheets()->getByName(name), uno::UNO_QUERY);
        if (sheet.is())
            target.view->setActiveSheet(sheet);
    } catch (const uno::Exception&) {
    }
}

void setParagraphStyle(const uno::Reference<text::XTextCursor>& cursor, const char* style)
{
    uno::Reference<beans::XPropertySet> props(cursor, uno::UNO_QUERY_THROW);
    setProp(props, "ParaStyleName", uno::Any(OUString::createFromAscii(style)));
}

} // namespace

InsertOutcome insertTemplate(const uno::Reference<lang::XComponent>& model,
                             const uno::Reference<frame::XController>& controller, const std::string& templateId)
{
    if (!ogi::findTemplate(templateId))
        throw lang::IllegalArgumentException(toOU("unknown template " + templateId), uno::Reference<uno::XInterface>(), 0);
    const DocKind kind = documentKind(model);
    InsertOutcome out;
    UndoContext undo(model, trKey("UndoInsertTemplate", officeLanguage()));   // one undo step, no repaint per cell
    ControllerLock lock(model);
    if (kind == DocKind::Writer) {
        WriterPosition pos = writerPosition(model, controller);
        out.names.push_back(insertWriterTable(model, pos.text, pos.range, templateId));
    } else {
        CalcTarget target = calcTarget(model, controller);
        out.names.push_back(insertCalcSheet(target, templateId));
        activate(target, out.names.back());
    }
    return out;
}

InsertOutcome insertSkeleton(const uno::Reference<lang::XComponent>& model,
                             const uno::Reference<frame::XController>& controller)
{
    const DocKind kind = documentKind(model);
    const std::vector<ogi::SkeletonItem> items = ogi::reportSkeleton2021();
    InsertOutcome out;
    UndoContext undo(model, trKey("UndoInsertSkeleton", officeLanguage()));
    ControllerLock lock(model);
    if (kind == DocKind::Calc) {
        CalcTarget target = calcTarget(model, controller);
        for (const ogi::SkeletonItem& item : items)
            if (!item.templateId.empty())
                out.names.push_back(insertCalcSheet(target, item.templateId));
        if (!out.names.empty())
            activate(target, out.names.front());
        return out;
    }
    WriterPosition pos = writerPosition(model, controller);
    uno::Reference<text::XParagraphCursor> para(pos.cursor, uno::UNO_QUERY_THROW);
    // Start on a paragraph of our own; the text after the cursor stays after the skeleton.
    if (!para->isStartOfParagraph())
        pos.text->insertControlCharacter(pos.range, text::ControlCharacter::PARAGRAPH_BREAK, false);
    if (!para->isEndOfParagraph()) {
        pos.text->insertControlCharacter(pos.range, text::ControlCharacter::PARAGRAPH_BREAK, false);
        para->gotoPreviousParagraph(false);
    }
    OUString originalStyle;
    uno::Reference<beans::XPropertySet>(pos.cursor, uno::UNO_QUERY_THROW)->getPropertyValue("ParaStyleName") >>= originalStyle;
    for (const ogi::SkeletonItem& item : items) {
        if (!item.templateId.empty()) {
            // The table goes before the (empty) current paragraph; the cursor stays in it.
            out.names.push_back(insertWriterTable(model, pos.text, pos.range, item.templateId));
            continue;
        }
        setParagraphStyle(pos.cursor, item.outlineLevel == 1 ? "Heading 1"
                                      : item.outlineLevel == 2 ? "Heading 2"
                                                               : "Text body");
        pos.text->insertString(pos.range, toOU(item.text), false);
        pos.text->insertControlCharacter(pos.range, text::ControlCharacter::PARAGRAPH_BREAK, false);
    }
    // The paragraph the cursor ends in is the user's (empty, or holding the text that was
    // after the cursor): give it back its style.
    if (!originalStyle.isEmpty())
        uno::Reference<beans::XPropertySet>(pos.cursor, uno::UNO_QUERY_THROW)->setPropertyValue("ParaStyleName", uno::Any(originalStyle));
    return out;
}

} // namespace ogiuno
