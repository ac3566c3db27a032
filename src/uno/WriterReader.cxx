// Writer → ogi::Document: paragraphs (with outline level) and text tables in document order.
//
// Tables: getDataArray() is wrong on merged tables (recipe pitfall 10), so the logical grid
// is rebuilt from the cell names and each row's TableColumnSeparators (recipe §5.1):
// the k-th box of row i is named <letters(k)><i+1> (covered boxes keep their letter but are
// missing from getCellNames()), its left/right edges are separators k-1 and k, and the union
// of all rows' edges defines the logical columns. Vertical extent comes from RowSpan.
// Irregular "dotted" cells (C2.1.1, legacy nested boxes) have no separators of their own;
// they are placed after the regular cells of their base row, one column each.
// Regular tables (the same boxes at the same edges in every row) are read with one
// getDataArray; only irregular ones cell by cell. Paragraphs are enumerated once, in the same
// pass as the tables.
// Nested tables (a table inside a cell) are not read as tables: the body enumeration
// does not reach them; their text is part of the enclosing cell's text.
#include "DocumentReader.hxx"
#include "UnoUtil.hxx"

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
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/text/XTextTablesSupplier.hpp>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

using namespace css;
using rtl::OUString;

namespace ogiuno {

namespace {

struct CellName {
    int box = -1;    ///< index within its row
    int row = -1;    ///< 0-based row
    bool dotted = false;
};

CellName parseCellName(const OUString& name)
{
    CellName result;
    sal_Int32 i = 0;
    while (i < name.getLength() && ((name[i] >= 'A' && name[i] <= 'Z') || (name[i] >= 'a' && name[i] <= 'z')))
        ++i;
    if (i == 0 || i == name.getLength())
        return result;
    sal_Int32 dot = name.indexOf('.', i);
    OUString digits = dot < 0 ? name.copy(i) : name.copy(i, dot - i);
    result.box = writerLettersToIndex(name.copy(0, i));
    result.row = digits.toInt32() - 1;
    result.dotted = dot >= 0;
    return result;
}

std::string cellText(const uno::Reference<table::XCell>& cell)
{
    uno::Reference<text::XText> text(cell, uno::UNO_QUERY);
    return text.is() ? toStd(text->getString()) : std::string();
}

/// Fills `result` from one getDataArray when the table is regular: every row has the same number
/// of boxes, with the same edges (within rounding), none of them dotted or row-spanned. False
/// (and `result` untouched) otherwise.
bool readRegular(const uno::Reference<text::XTextTable>& table, const uno::Sequence<OUString>& names,
                 const std::vector<std::vector<sal_Int32>>& edges, ogi::Table& result)
{
    const size_t rowCount = edges.size();
    if (rowCount == 0)
        return false;
    const size_t boxes = edges.front().size() - 1;
    for (const std::vector<sal_Int32>& e : edges) {
        if (e.size() != boxes + 1)
            return false;
        for (size_t k = 0; k < e.size(); ++k)
            if (std::abs(e[k] - edges.front()[k]) > 2)
                return false;
    }
    if (static_cast<size_t>(names.getLength()) != rowCount * boxes)
        return false;
    std::vector<OUString> byPosition(rowCount * boxes);
    for (const OUString& name : names) {
        const CellName n = parseCellName(name);
        if (n.dotted || n.row < 0 || static_cast<size_t>(n.row) >= rowCount || n.box < 0 ||
            static_cast<size_t>(n.box) >= boxes)
            return false;
        OUString& slot = byPosition[static_cast<size_t>(n.row) * boxes + static_cast<size_t>(n.box)];
        if (!slot.isEmpty())
            return false;
        slot = name;
    }
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
    for (size_t r = 0; r < rowCount; ++r) {
        for (size_t k = 0; k < boxes; ++k) {
            const OUString& name = byPosition[r * boxes + k];
            OUString text;
            if (!(data[static_cast<sal_Int32>(r)][static_cast<sal_Int32>(k)] >>= text))
                text = toOU(cellText(table->getCellByName(name))); // a value cell: the text as shown
            result.add(static_cast<int>(r), static_cast<int>(k), toStd(text), 1, 1, toStd(name));
        }
    }
    result.rows = static_cast<int>(rowCount);
    result.cols = static_cast<int>(boxes);
    return true;
}

ogi::Table readTable(const uno::Reference<text::XTextTable>& table)
{
    ogi::Table result;
    uno::Reference<container::XNamed> named(table, uno::UNO_QUERY);
    if (named.is())
        result.name = toStd(named->getName());
    result.location = result.name;

    const uno::Sequence<OUString> names = table->getCellNames();

    uno::Reference<beans::XPropertySet> tableProps(table, uno::UNO_QUERY);
    sal_Int32 relativeSum = 10000;
    try {
        sal_Int16 sum = 0;
        if (tableProps.is() && (tableProps->getPropertyValue("TableColumnRelativeSum") >>= sum) && sum > 0)
            relativeSum = sum;
    } catch (const uno::Exception&) {
    }

    // Edges of every row's boxes.
    uno::Reference<container::XIndexAccess> rows(table->getRows(), uno::UNO_QUERY_THROW);
    const sal_Int32 rowCount = rows->getCount();
    std::vector<std::vector<sal_Int32>> edges(static_cast<size_t>(rowCount));
    std::vector<sal_Int32> allEdges;
    for (sal_Int32 r = 0; r < rowCount; ++r) {
        std::vector<sal_Int32>& e = edges[static_cast<size_t>(r)];
        e.push_back(0);
        try {
            uno::Reference<beans::XPropertySet> rowProps(rows->getByIndex(r), uno::UNO_QUERY_THROW);
            uno::Sequence<text::TableColumnSeparator> seps;
            rowProps->getPropertyValue("TableColumnSeparators") >>= seps;
            for (const text::TableColumnSeparator& s : seps)
                e.push_back(s.Position);
        } catch (const uno::Exception&) {
        }
        e.push_back(relativeSum);
        allEdges.insert(allEdges.end(), e.begin(), e.end());
    }
    // Logical columns: cluster edges that differ by less than 0.2 % of the width (rounding
    // differences between rows would otherwise create sliver columns).
    std::sort(allEdges.begin(), allEdges.end());
    const sal_Int32 tolerance = std::max<sal_Int32>(1, relativeSum / 500);
    std::vector<sal_Int32> columns; // representative edge positions
    for (sal_Int32 p : allEdges)
        if (columns.empty() || p - columns.back() > tolerance)
            columns.push_back(p);
    auto columnOf = [&](sal_Int32 pos) {
        auto it = std::lower_bound(columns.begin(), columns.end(), pos - tolerance);
        return static_cast<int>(it - columns.begin());
    };

    // A regular table (every row the same boxes at the same edges, no dotted names) is read in
    // one getDataArray call (recipe pitfall 10: only irregular tables truncate or throw).
    if (readRegular(table, names, edges, result))
        return result;

    // Regular cells.
    std::set<OUString> placed;
    std::map<int, int> nextFreeColumn; // row -> first column after its regular cells
    for (const OUString& name : names) {
        CellName n = parseCellName(name);
        if (n.dotted || n.row < 0 || n.row >= rowCount)
            continue;
        const std::vector<sal_Int32>& e = edges[static_cast<size_t>(n.row)];
        if (n.box < 0 || static_cast<size_t>(n.box) + 1 >= e.size())
            continue;
        uno::Reference<table::XCell> cell = table->getCellByName(name);
        if (!cell.is())
            continue;
        int rowSpan = 1;
        try {
            uno::Reference<beans::XPropertySet> props(cell, uno::UNO_QUERY_THROW);
            sal_Int32 span = 1;
            if ((props->getPropertyValue("RowSpan") >>= span) && span > 1)
                rowSpan = std::min<int>(span, rowCount - n.row);
        } catch (const uno::Exception&) {
        }
        const int left = columnOf(e[static_cast<size_t>(n.box)]);
        const int right = columnOf(e[static_cast<size_t>(n.box) + 1]);
        result.add(n.row, left, cellText(cell), rowSpan, std::max(1, right - left), toStd(name));
        placed.insert(name);
        for (int r = n.row; r < n.row + rowSpan; ++r)
            nextFreeColumn[r] = std::max(nextFreeColumn[r], std::max(left + 1, right));
    }
    // Irregular (dotted) cells, in name order, after the regular cells of their base row.
    for (const OUString& name : names) {
        if (placed.count(name))
            continue;
        CellName n = parseCellName(name);
        if (n.row < 0)
            continue;
        uno::Reference<table::XCell> cell = table->getCellByName(name);
        if (!cell.is())
            continue;
        int& col = nextFreeColumn[n.row];
        result.add(n.row, col, cellText(cell), 1, 1, toStd(name));
        ++col;
    }
    int maxRow = 0, maxCol = 0;
    for (const ogi::Cell& c : result.cells) {
        maxRow = std::max(maxRow, c.row + c.rowSpan);
        maxCol = std::max(maxCol, c.col + c.colSpan);
    }
    result.rows = std::max<int>(maxRow, rowCount);
    result.cols = maxCol;
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
    uno::Reference<container::XEnumerationAccess> body(doc->getText(), uno::UNO_QUERY_THROW);
    uno::Reference<container::XEnumeration> elements = body->createEnumeration();
    while (elements->hasMoreElements()) {
        uno::Reference<lang::XServiceInfo> info(elements->nextElement(), uno::UNO_QUERY);
        if (!info.is())
            continue;
        if (info->supportsService("com.sun.star.text.TextTable")) {
            uno::Reference<text::XTextTable> table(info, uno::UNO_QUERY);
            if (!table.is())
                continue;
            if (limits.deadline && limits.deadline()) {
                UnreadPart part;
                part.where = uno::Reference<container::XNamed>(table, uno::UNO_QUERY_THROW)->getName();
                part.why = UnreadPart::Why::Deadline;
                out.unread.push_back(part);
                continue;
            }
            ogi::Table t = readTable(table);
            if (limits.progress)
                limits.progress(++tablesDone, tableTotal);
            HostTable host;
            host.name = toOU(t.name);
            out.doc.addTable(std::move(t));
            out.hosts.push_back(host);
        } else if (info->supportsService("com.sun.star.text.Paragraph")) {
            uno::Reference<text::XTextRange> para(info, uno::UNO_QUERY);
            if (!para.is())
                continue;
            std::string text = toStd(para->getString());
            if (text.empty())
                continue;
            sal_Int16 level = 0;
            try {
                uno::Reference<beans::XPropertySet> props(info, uno::UNO_QUERY_THROW);
                props->getPropertyValue("OutlineLevel") >>= level;
            } catch (const uno::Exception&) {
            }
            out.doc.addParagraph(std::move(text), level);
        }
    }
}

} // namespace ogiuno
