// Writer → ogi::Document: paragraphs (with outline level) and text tables in document order.
//
// Tables: the cell names, each row's TableColumnSeparators, the cells' texts and RowSpan are
// read over the bridge; ogi::writerGrid (src/core, WriterGrid.h) rebuilds the logical grid
// from them (getDataArray() is wrong on merged tables, recipe pitfall 10).
// A table between two body paragraphs is read with one text export: a cursor from the end of
// the paragraph before it to the start of the one after gives one line per paragraph of its
// boxes, covered boxes included; ogi::cellsFromTableExport maps the lines to the cells and their
// row spans when every box holds one paragraph (provably: the counts, the order, the empty
// covered boxes). Reading each cell costs LibreOffice a cursor and a text export per cell (65 %
// of a check). Other regular tables (the same boxes at the same edges in every row) are read
// with one getDataArray; only the rest cell by cell. Paragraphs are enumerated once, in the same
// pass as the tables; each run of consecutive paragraphs is read with one text export when it
// has one line per paragraph (ogi::paragraphsFromExport), else paragraph by paragraph.
// Nested tables (a table inside a cell) are not read as tables: the body enumeration
// does not reach them; their text is part of the enclosing cell's text.
#include "DocumentReader.hxx"
#include "UnoUtil.hxx"
#include "ogi/WriterGrid.h"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/TableColumnSeparator.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/text/XTextTablesSupplier.hpp>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

using namespace css;
using rtl::OUString;

namespace ogiuno {

namespace {

/// The grid's rows, columns and cells into `result` (which keeps its name and location).
void takeGrid(ogi::Table& result, ogi::Table grid)
{
    result.rows = grid.rows;
    result.cols = grid.cols;
    result.cells = std::move(grid.cells);
}

enum class Edge { Start, End };

/// The text export of the body text from one edge of `from` to one edge of `to` (one cursor, one
/// getString), or nothing when the cursor cannot span it.
std::optional<std::string> exportBetween(const uno::Reference<text::XText>& body, const uno::Reference<text::XTextRange>& from,
                                         Edge fromEdge, const uno::Reference<text::XTextRange>& to, Edge toEdge)
{
    try {
        uno::Reference<text::XTextCursor> cursor =
            body->createTextCursorByRange(fromEdge == Edge::Start ? from->getStart() : from->getEnd());
        if (!cursor.is())
            return std::nullopt;
        cursor->gotoRange(toEdge == Edge::Start ? to->getStart() : to->getEnd(), true);
        return toStd(cursor->getString());
    } catch (const uno::Exception&) {
        return std::nullopt;
    }
}

std::string cellText(const uno::Reference<table::XCell>& cell)
{
    uno::Reference<text::XText> text(cell, uno::UNO_QUERY);
    return text.is() ? toStd(text->getString()) : std::string();
}

/// Fills `result` from one getDataArray when the table is regular (ogi::regularCellNames). False
/// (and `result` untouched) otherwise.
bool readRegular(const uno::Reference<text::XTextTable>& table, const std::vector<std::string>& names,
                 const ogi::WriterTableShape& shape, ogi::Table& result)
{
    std::vector<std::string> byPosition = ogi::regularCellNames(names, shape);
    if (byPosition.empty())
        return false;
    const size_t rowCount = shape.edges.size();
    const size_t boxes = byPosition.size() / rowCount;
    uno::Sequence<uno::Sequence<uno::Any>> data;
    try {
        uno::Reference<sheet::XCellRangeData> range(table, uno::UNO_QUERY);
        if (!range.is())
            return false;
        data = range->getDataArray();
    } catch (const uno::Exception&) {
        return false; // "complex" table: the per-cell path reads it
    }
    if (static_cast<size_t>(data.getLength()) != rowCount)
        return false;
    for (size_t r = 0; r < rowCount; ++r)
        if (static_cast<size_t>(data[static_cast<sal_Int32>(r)].getLength()) != boxes)
            return false;
    std::vector<ogi::WriterCell> cells(byPosition.size());
    for (size_t r = 0; r < rowCount; ++r) {
        for (size_t k = 0; k < boxes; ++k) {
            ogi::WriterCell& cell = cells[r * boxes + k];
            cell.name = std::move(byPosition[r * boxes + k]);
            OUString text;
            if (!(data[static_cast<sal_Int32>(r)][static_cast<sal_Int32>(k)] >>= text))
                text = toOU(cellText(table->getCellByName(toOU(cell.name)))); // a value cell: the text as shown
            cell.text = toStd(text);
        }
    }
    takeGrid(result, ogi::regularWriterGrid(static_cast<int>(rowCount), static_cast<int>(boxes), std::move(cells)));
    return true;
}

/// The body paragraphs just before and just after a table (either empty when there is none).
struct Around {
    uno::Reference<text::XText> body;
    uno::Reference<text::XTextRange> before, after;
};

/// Fills `result` from one text export of the range between the paragraphs around the table
/// (ogi::cellsFromTableExport). False (and `result` untouched) when there is no such range or the
/// export cannot be mapped to the cells exactly.
bool readInOnePiece(const Around& around, const std::vector<std::string>& names, const ogi::WriterTableShape& shape,
                    ogi::Table& result)
{
    if (!around.body.is() || !around.before.is() || !around.after.is())
        return false;
    const std::optional<std::string> exported = exportBetween(around.body, around.before, Edge::End, around.after, Edge::Start);
    if (!exported)
        return false;
    std::optional<std::vector<ogi::WriterCell>> cells = ogi::cellsFromTableExport(names, shape, *exported);
    if (!cells)
        return false;
    takeGrid(result, ogi::writerGridOfBoxCells(std::move(*cells), shape));
    return true;
}

ogi::Table readTable(const uno::Reference<text::XTextTable>& table, const Around& around)
{
    ogi::Table result;
    uno::Reference<container::XNamed> named(table, uno::UNO_QUERY);
    if (named.is())
        result.name = toStd(named->getName());
    result.location = result.name;

    const uno::Sequence<OUString> cellNames = table->getCellNames();
    std::vector<std::string> names;
    names.reserve(static_cast<size_t>(cellNames.getLength()));
    for (const OUString& name : cellNames)
        names.push_back(toStd(name));

    ogi::WriterTableShape shape;
    uno::Reference<beans::XPropertySet> tableProps(table, uno::UNO_QUERY);
    try {
        sal_Int16 sum = 0;
        if (tableProps.is() && (tableProps->getPropertyValue("TableColumnRelativeSum") >>= sum) && sum > 0)
            shape.relativeSum = sum;
    } catch (const uno::Exception&) {
    }

    // Edges of every row's boxes.
    uno::Reference<container::XIndexAccess> rows(table->getRows(), uno::UNO_QUERY_THROW);
    const sal_Int32 rowCount = rows->getCount();
    shape.edges.resize(static_cast<size_t>(rowCount));
    for (sal_Int32 r = 0; r < rowCount; ++r) {
        std::vector<int>& e = shape.edges[static_cast<size_t>(r)];
        e.push_back(0);
        try {
            uno::Reference<beans::XPropertySet> rowProps(rows->getByIndex(r), uno::UNO_QUERY_THROW);
            uno::Sequence<text::TableColumnSeparator> seps;
            rowProps->getPropertyValue("TableColumnSeparators") >>= seps;
            for (const text::TableColumnSeparator& s : seps)
                e.push_back(s.Position);
        } catch (const uno::Exception&) {
        }
        e.push_back(shape.relativeSum);
    }

    if (readInOnePiece(around, names, shape, result))
        return result;

    // A regular table (every row the same boxes at the same edges, no dotted names) is read in
    // one getDataArray call (recipe pitfall 10: only irregular tables truncate or throw).
    if (readRegular(table, names, shape, result))
        return result;

    // Every cell's text and row span, then the grid from the names and edges.
    std::vector<ogi::WriterCell> cells;
    cells.reserve(names.size());
    for (const std::string& name : names) {
        uno::Reference<table::XCell> cell = table->getCellByName(toOU(name));
        if (!cell.is())
            continue;
        ogi::WriterCell c;
        c.name = name;
        c.text = cellText(cell);
        if (!ogi::parseWriterCellName(name).dotted) {
            try {
                uno::Reference<beans::XPropertySet> props(cell, uno::UNO_QUERY_THROW);
                sal_Int32 span = 1;
                if (props->getPropertyValue("RowSpan") >>= span)
                    c.rowSpan = span;
            } catch (const uno::Exception&) {
            }
        }
        cells.push_back(std::move(c));
    }
    takeGrid(result, ogi::writerGrid(std::move(cells), shape));
    return result;
}

} // namespace

void readWriterDocument(const uno::Reference<lang::XComponent>& model, ReadResult& out, const ReadLimits& limits)
{
    uno::Reference<text::XTextDocument> doc(model, uno::UNO_QUERY_THROW);
    sal_Int32 tableTotal = 0, tablesDone = 0;
    if (limits.progress) {
        uno::Reference<text::XTextTablesSupplier> supplier(model, uno::UNO_QUERY);
        uno::Reference<container::XIndexAccess> all(supplier.is() ? supplier->getTextTables() : nullptr, uno::UNO_QUERY);
        tableTotal = all.is() ? all->getCount() : 0;
    }
    uno::Reference<text::XText> bodyText = doc->getText();
    uno::Reference<container::XEnumerationAccess> body(bodyText, uno::UNO_QUERY_THROW);
    uno::Reference<container::XEnumeration> elements = body->createEnumeration();
    // A table is read when the element after it is known: the paragraph after it frames its text.
    uno::Reference<text::XTextTable> pending;
    Around around;
    around.body = bodyText;
    auto readPending = [&](const uno::Reference<text::XTextRange>& after) {
        if (!pending.is())
            return;
        around.after = after;
        ogi::Table t = readTable(pending, around);
        pending.clear();
        if (limits.progress)
            limits.progress(++tablesDone, tableTotal);
        HostTable host;
        host.name = toOU(t.name);
        out.doc.addTable(std::move(t));
        out.hosts.push_back(host);
    };
    // Consecutive body paragraphs, read with one text export when it has one line per
    // paragraph (ogi::paragraphsFromExport), else each on its own.
    std::vector<uno::Reference<text::XTextRange>> run;
    auto readRun = [&]() {
        if (run.empty())
            return;
        std::optional<std::vector<std::string>> texts;
        if (run.size() > 1) { // one paragraph: its own getString is the same export
            if (const std::optional<std::string> exported = exportBetween(bodyText, run.front(), Edge::Start, run.back(), Edge::End))
                texts = ogi::paragraphsFromExport(*exported, run.size());
        }
        for (size_t i = 0; i < run.size(); ++i) {
            std::string text = texts ? std::move((*texts)[i]) : toStd(run[i]->getString());
            if (text.empty())
                continue;
            sal_Int16 level = 0;
            try {
                uno::Reference<beans::XPropertySet> props(run[i], uno::UNO_QUERY_THROW);
                props->getPropertyValue("OutlineLevel") >>= level;
            } catch (const uno::Exception&) {
            }
            out.doc.addParagraph(std::move(text), level);
        }
        run.clear();
    };
    while (elements->hasMoreElements()) {
        uno::Reference<lang::XServiceInfo> info(elements->nextElement(), uno::UNO_QUERY);
        uno::Reference<text::XTextTable> table(info.is() && info->supportsService("com.sun.star.text.TextTable")
                                                   ? uno::Reference<text::XTextTable>(info, uno::UNO_QUERY)
                                                   : nullptr);
        uno::Reference<text::XTextRange> para(info.is() && !table.is() && info->supportsService("com.sun.star.text.Paragraph")
                                                  ? uno::Reference<text::XTextRange>(info, uno::UNO_QUERY)
                                                  : nullptr);
        readPending(para);
        if (para.is()) {
            run.push_back(para);
            continue;
        }
        // the paragraph just before this element, if it is one
        const uno::Reference<text::XTextRange> before = run.empty() ? nullptr : run.back();
        readRun();
        if (table.is()) {
            if (limits.deadline && limits.deadline()) {
                UnreadPart part;
                part.where = uno::Reference<container::XNamed>(table, uno::UNO_QUERY_THROW)->getName();
                part.why = UnreadPart::Why::Deadline;
                out.unread.push_back(part);
            } else {
                pending = table;
                around.before = before;
            }
        }
    }
    readRun();
    readPending(nullptr);
}

} // namespace ogiuno
