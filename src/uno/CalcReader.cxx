// Calc → ogi::Document: for every sheet, the used area is cut into blocks separated by empty
// rows and empty columns; inside a block, text lines (a row whose only cell is merged across
// the whole block, and leading single-cell rows above the first multi-cell row) are
// paragraphs, and the rows between them form tables. This is how Writer/HTML reports look
// when converted to Calc: title, headings and narrative are merged full-width rows.
// Exception: the 2019/2021 table 二 has full-width caption rows "第二十条第（X）项" inside the
// table (they are part of the template grid), so a full-width row whose text is such a
// template label (ogi::isFullWidthTemplateLabel, derived from the template data) stays in
// the table.
// Cell text is XText::getString(): the value as the user sees it (formatted; formula results).
// Merged areas are read with XMergeable + collapseToMergedArea; covered cells (which keep
// their hidden content, recipe §5.2) are skipped.
#include "DocumentReader.hxx"
#include "ogi/Templates.h"
#include "UnoUtil.hxx"

#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRange.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/util/XMergeable.hpp>

#include <algorithm>

using namespace css;
using rtl::OUString;

namespace ogiuno {

namespace {

// Reading is bounded so that a stray value in row 1 000 000 cannot stall the office.
constexpr sal_Int32 kMaxRows = 5000;
constexpr sal_Int32 kMaxCols = 256;

struct Anchor {
    sal_Int32 row = 0, col = 0, rowSpan = 1, colSpan = 1;
    std::string text;
};

/// The used area of a sheet as anchors on a grid (absolute sheet coordinates).
struct SheetGrid {
    sal_Int32 row0 = 0, col0 = 0, rows = 0, cols = 0;
    std::vector<Anchor> anchors;
    std::vector<int> cover; ///< rows*cols: index of the anchor covering the position, or -1

    int at(sal_Int32 r, sal_Int32 c) const { return cover[static_cast<size_t>((r - row0) * cols + (c - col0))]; }
    bool filled(sal_Int32 r, sal_Int32 c) const
    {
        int a = at(r, c);
        return a >= 0 && !anchors[static_cast<size_t>(a)].text.empty();
    }
};

SheetGrid readSheet(const uno::Reference<sheet::XSpreadsheet>& sheet)
{
    SheetGrid g;
    uno::Reference<sheet::XSheetCellCursor> cursor = sheet->createCursor();
    uno::Reference<sheet::XUsedAreaCursor> used(cursor, uno::UNO_QUERY_THROW);
    used->gotoStartOfUsedArea(false);
    used->gotoEndOfUsedArea(true);
    table::CellRangeAddress area =
        uno::Reference<sheet::XCellRangeAddressable>(cursor, uno::UNO_QUERY_THROW)->getRangeAddress();
    g.row0 = area.StartRow;
    g.col0 = area.StartColumn;
    g.rows = std::min(area.EndRow - area.StartRow + 1, kMaxRows);
    g.cols = std::min(area.EndColumn - area.StartColumn + 1, kMaxCols);
    g.cover.assign(static_cast<size_t>(g.rows * g.cols), -1);
    uno::Reference<table::XCellRange> range(sheet, uno::UNO_QUERY_THROW);
    for (sal_Int32 r = g.row0; r < g.row0 + g.rows; ++r) {
        for (sal_Int32 c = g.col0; c < g.col0 + g.cols; ++c) {
            if (g.at(r, c) >= 0)
                continue; // covered by a merge seen earlier
            Anchor a;
            a.row = r;
            a.col = c;
            uno::Reference<table::XCellRange> single = range->getCellRangeByPosition(c, r, c, r);
            uno::Reference<util::XMergeable> merge(single, uno::UNO_QUERY);
            if (merge.is() && merge->getIsMerged()) {
                uno::Reference<sheet::XSheetCellRange> sr(single, uno::UNO_QUERY);
                uno::Reference<sheet::XSheetCellCursor> mc = sheet->createCursorByRange(sr);
                mc->collapseToMergedArea();
                table::CellRangeAddress m =
                    uno::Reference<sheet::XCellRangeAddressable>(mc, uno::UNO_QUERY_THROW)->getRangeAddress();
                // Merges may reach beyond the used area: clip.
                a.rowSpan = std::min(m.EndRow, g.row0 + g.rows - 1) - r + 1;
                a.colSpan = std::min(m.EndColumn, g.col0 + g.cols - 1) - c + 1;
            }
            uno::Reference<text::XText> text(range->getCellByPosition(c, r), uno::UNO_QUERY);
            if (text.is())
                a.text = toStd(text->getString());
            const int index = static_cast<int>(g.anchors.size());
            g.anchors.push_back(a);
            for (sal_Int32 rr = r; rr < r + a.rowSpan; ++rr)
                for (sal_Int32 cc = c; cc < c + a.colSpan; ++cc)
                    g.cover[static_cast<size_t>((rr - g.row0) * g.cols + (cc - g.col0))] = index;
        }
    }
    return g;
}

struct Span {
    sal_Int32 first, last;
};

/// Maximal runs of indices in [from, to] for which `filled(i)` is true.
template <typename F> std::vector<Span> runs(sal_Int32 from, sal_Int32 to, F filled)
{
    std::vector<Span> result;
    for (sal_Int32 i = from; i <= to; ++i) {
        if (!filled(i))
            continue;
        if (!result.empty() && result.back().last == i - 1)
            result.back().last = i;
        else
            result.push_back({i, i});
    }
    return result;
}

class SheetSplitter {
public:
    SheetSplitter(const SheetGrid& g, OUString sheetName) : m_g(g), m_sheetName(std::move(sheetName)) {}

    /// Appends paragraphs and tables to `items` in reading order.
    struct Item {
        bool isTable = false;
        std::string text;
        ogi::Table table;
    };
    std::vector<Item> split()
    {
        std::vector<Item> items;
        const sal_Int32 lastRow = m_g.row0 + m_g.rows - 1, lastCol = m_g.col0 + m_g.cols - 1;
        for (const Span& band : runs(m_g.row0, lastRow, [&](sal_Int32 r) { return rowFilled(r, m_g.col0, lastCol); })) {
            for (const Span& block : runs(m_g.col0, lastCol, [&](sal_Int32 c) { return colFilled(c, band.first, band.last); }))
                splitBlock(band, block, items);
        }
        return items;
    }

private:
    bool rowFilled(sal_Int32 r, sal_Int32 c0, sal_Int32 c1) const
    {
        for (sal_Int32 c = c0; c <= c1; ++c)
            if (m_g.filled(r, c))
                return true;
        return false;
    }
    bool colFilled(sal_Int32 c, sal_Int32 r0, sal_Int32 r1) const
    {
        for (sal_Int32 r = r0; r <= r1; ++r)
            if (m_g.filled(r, c))
                return true;
        return false;
    }
    /// Indices of the distinct non-empty anchors in row r within [c0, c1].
    std::vector<int> rowAnchors(sal_Int32 r, sal_Int32 c0, sal_Int32 c1) const
    {
        std::vector<int> result;
        for (sal_Int32 c = c0; c <= c1; ++c) {
            int a = m_g.at(r, c);
            if (a >= 0 && m_g.filled(r, c) && std::find(result.begin(), result.end(), a) == result.end())
                result.push_back(a);
        }
        return result;
    }

    void splitBlock(const Span& rows, const Span& cols, std::vector<Item>& items)
    {
        std::vector<bool> isText(static_cast<size_t>(rows.last - rows.first + 1), false);
        bool seenMultiCell = false;
        for (sal_Int32 r = rows.first; r <= rows.last; ++r) {
            std::vector<int> anchors = rowAnchors(r, cols.first, cols.last);
            bool text = false;
            if (anchors.size() == 1) {
                const Anchor& a = m_g.anchors[static_cast<size_t>(anchors[0])];
                const bool fullWidth = a.col <= cols.first && a.col + a.colSpan - 1 >= cols.last &&
                                       a.rowSpan == 1 && a.row == r;
                const bool leadingLine = !seenMultiCell && a.rowSpan == 1;
                text = (fullWidth && (cols.last > cols.first || !seenMultiCell) && !ogi::isFullWidthTemplateLabel(a.text)) ||
                       (leadingLine && !ogi::isFullWidthTemplateLabel(a.text));
            } else if (anchors.size() > 1) {
                seenMultiCell = true;
            }
            isText[static_cast<size_t>(r - rows.first)] = text;
        }
        sal_Int32 start = -1;
        auto flush = [&](sal_Int32 end) {
            if (start >= 0)
                items.push_back(makeTable(start, end, cols));
            start = -1;
        };
        for (sal_Int32 r = rows.first; r <= rows.last; ++r) {
            if (isText[static_cast<size_t>(r - rows.first)]) {
                flush(r - 1);
                Item p;
                p.text = m_g.anchors[static_cast<size_t>(rowAnchors(r, cols.first, cols.last)[0])].text;
                items.push_back(std::move(p));
            } else if (start < 0) {
                start = r;
            }
        }
        flush(rows.last);
    }

    Item makeTable(sal_Int32 r0, sal_Int32 r1, const Span& cols)
    {
        // Trim to the columns actually used by these rows.
        sal_Int32 c0 = cols.last, c1 = cols.first;
        for (sal_Int32 r = r0; r <= r1; ++r)
            for (sal_Int32 c = cols.first; c <= cols.last; ++c)
                if (m_g.filled(r, c)) {
                    c0 = std::min(c0, c);
                    c1 = std::max(c1, c);
                }
        Item item;
        item.isTable = true;
        ogi::Table& t = item.table;
        t.rows = r1 - r0 + 1;
        t.cols = c1 - c0 + 1;
        std::vector<bool> seen(m_g.anchors.size(), false);
        for (sal_Int32 r = r0; r <= r1; ++r) {
            for (sal_Int32 c = c0; c <= c1; ++c) {
                int index = m_g.at(r, c);
                if (index < 0 || seen[static_cast<size_t>(index)])
                    continue;
                seen[static_cast<size_t>(index)] = true;
                const Anchor& a = m_g.anchors[static_cast<size_t>(index)];
                // An anchor outside the segment (merge reaching in from above/left) is
                // re-anchored at the segment's edge.
                const sal_Int32 top = std::max(a.row, r0), left = std::max(a.col, c0);
                const sal_Int32 bottom = std::min(a.row + a.rowSpan - 1, r1);
                const sal_Int32 right = std::min(a.col + a.colSpan - 1, c1);
                t.add(top - r0, left - c0, a.text, bottom - top + 1, right - left + 1,
                      toStd(m_sheetName + "." + calcColumnName(a.col) + OUString::number(a.row + 1)));
            }
        }
        t.name = toStd(m_sheetName + "." + calcColumnName(c0) + OUString::number(r0 + 1) + ":" +
                       calcColumnName(c1) + OUString::number(r1 + 1));
        t.location = t.name;
        return item;
    }

    const SheetGrid& m_g;
    OUString m_sheetName;
};

} // namespace

sal_Int64 usedCellCount(const uno::Reference<uno::XInterface>& sheetInterface)
{
    uno::Reference<sheet::XSpreadsheet> sheet(sheetInterface, uno::UNO_QUERY_THROW);
    uno::Reference<sheet::XSheetCellCursor> cursor = sheet->createCursor();
    uno::Reference<sheet::XUsedAreaCursor> used(cursor, uno::UNO_QUERY_THROW);
    used->gotoStartOfUsedArea(false);
    used->gotoEndOfUsedArea(true);
    const table::CellRangeAddress a =
        uno::Reference<sheet::XCellRangeAddressable>(cursor, uno::UNO_QUERY_THROW)->getRangeAddress();
    return static_cast<sal_Int64>(a.EndRow - a.StartRow + 1) * (a.EndColumn - a.StartColumn + 1);
}

void readCalcDocument(const uno::Reference<lang::XComponent>& model, ReadResult& out, const ReadLimits& limits)
{
    uno::Reference<sheet::XSpreadsheetDocument> doc(model, uno::UNO_QUERY_THROW);
    uno::Reference<container::XIndexAccess> sheets(doc->getSheets(), uno::UNO_QUERY_THROW);
    sal_Int64 totalCells = 0;
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
        uno::Reference<sheet::XSpreadsheet> sheet(sheets->getByIndex(i), uno::UNO_QUERY);
        if (!sheet.is())
            continue;
        OUString sheetName = uno::Reference<container::XNamed>(sheet, uno::UNO_QUERY_THROW)->getName();
        if (limits.maxSheetCells > 0 || limits.maxTotalCells > 0) {
            const sal_Int64 cells = usedCellCount(sheet);
            if ((limits.maxSheetCells > 0 && cells > limits.maxSheetCells) ||
                (limits.maxTotalCells > 0 && totalCells + cells > limits.maxTotalCells)) {
                logLine("sheet " + toStd(sheetName) + " not read: " + std::to_string(cells) + " cells in its used area");
                out.skipped.push_back(sheetName);
                continue;
            }
            totalCells += cells;
        }
        SheetGrid grid = readSheet(sheet);
        std::vector<SheetSplitter::Item> items = SheetSplitter(grid, sheetName).split();
        const auto tableCount = std::count_if(items.begin(), items.end(), [](const auto& it) { return it.isTable; });
        for (SheetSplitter::Item& item : items) {
            if (!item.isTable) {
                out.doc.addParagraph(std::move(item.text), 0);
                continue;
            }
            if (tableCount == 1)
                item.table.name = toStd(sheetName); // one table per sheet: the sheet's name
            HostTable host;
            host.name = sheetName;
            host.sheet = i;
            out.doc.addTable(std::move(item.table));
            out.hosts.push_back(host);
        }
    }
}

} // namespace ogiuno
