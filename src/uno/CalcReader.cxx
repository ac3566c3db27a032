// Calc → ogi::Document: for every sheet, the cells with content are cut into blocks separated
// by empty rows and empty columns; inside a block, text lines (a row whose only cell is merged
// across the whole block, and leading single-cell rows above the first multi-cell row) are
// paragraphs, and the rows between them form tables. This is how Writer/HTML reports look
// when converted to Calc: title, headings and narrative are merged full-width rows.
// Exception: the 2019/2021 table 二 has full-width caption rows "第二十条第（X）项" inside the
// table (they are part of the template grid), so a full-width row whose text is such a
// template label (ogi::isFullWidthTemplateLabel, derived from the template data) stays in
// the table.
//
// Reading is in bulk and has no row or column limit (issue 16.8/16.9): the content cells come
// from one XCellRangesQuery::queryContentCells, their values from one getDataArray per content
// range, the merged areas from a bisection with XMergeable::getIsMerged (true when a range
// holds a merge's anchor) ending in collapseToMergedArea. So a stray value at IV5000 costs a
// few calls, not 1.28 million positions × 5, and a table below row 5 000 or right of column
// 256 is read like any other. A table is its block's whole rectangle: blank positions inside
// it are blank cells, whatever the row's own length (issue 9.7: the same ragged table gives the
// same cells in .xlsx as in .odt). The one bound left is a block (a connected piece of content)
// of more than kMaxBlockPositions positions: it is not read and the read result says so
// (ReadResult::unread → a finding, CheckSession).
// Cell text is what the user sees (XText::getString: formatted; formula results). getDataArray
// gives the same for text and for integers in the General format; formulas, numbers in any
// other format and non-integers are read one by one with getString.
// Covered cells of a merge (which keep their hidden content, recipe §5.2) are skipped.
#include "DocumentReader.hxx"
#include "ogi/Templates.h"
#include "UnoUtil.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRange.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XUniqueCellFormatRangesSupplier.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/util/XMergeable.hpp>

#include <algorithm>
#include <cmath>
#include <unordered_map>

using namespace css;
using rtl::OUString;

namespace ogiuno {

namespace {

/// A block (connected content) larger than this many positions is not read (reported).
constexpr sal_Int64 kMaxBlockPositions = 4000000;
/// SvNumberFormatter: each locale's formats are a block of 10 000 keys, the first its General.
constexpr sal_Int32 kFormatsPerLocale = 10000;

const sal_Int32 kContentFlags =
    sheet::CellFlags::VALUE | sheet::CellFlags::DATETIME | sheet::CellFlags::STRING | sheet::CellFlags::FORMULA;

struct Rect {
    sal_Int32 r0 = 0, c0 = 0, r1 = -1, c1 = -1; // inclusive
    bool contains(sal_Int32 r, sal_Int32 c) const { return r >= r0 && r <= r1 && c >= c0 && c <= c1; }
    bool intersects(const Rect& o) const { return r0 <= o.r1 && o.r0 <= r1 && c0 <= o.c1 && o.c0 <= c1; }
    sal_Int64 area() const { return static_cast<sal_Int64>(r1 - r0 + 1) * (c1 - c0 + 1); }
};

Rect toRect(const table::CellRangeAddress& a) { return {a.StartRow, a.StartColumn, a.EndRow, a.EndColumn}; }

struct Anchor {
    sal_Int32 row = 0, col = 0, rowSpan = 1, colSpan = 1;
    std::string text;
};

/// One block of a sheet as anchors on a dense grid (absolute sheet coordinates).
struct SheetGrid {
    sal_Int32 row0 = 0, col0 = 0, rows = 0, cols = 0;
    std::vector<Anchor> anchors;
    std::vector<int> cover; ///< rows*cols: index of the anchor covering the position, or -1

    int at(sal_Int32 r, sal_Int32 c) const { return cover[static_cast<size_t>(r - row0) * static_cast<size_t>(cols) + static_cast<size_t>(c - col0)]; }
    bool filled(sal_Int32 r, sal_Int32 c) const
    {
        int a = at(r, c);
        return a >= 0 && !anchors[static_cast<size_t>(a)].text.empty();
    }
    void place(const Anchor& a)
    {
        const int index = static_cast<int>(anchors.size());
        anchors.push_back(a);
        const sal_Int32 rTop = std::max(a.row, row0), rEnd = std::min(a.row + a.rowSpan, row0 + rows);
        const sal_Int32 cLeft = std::max(a.col, col0), cEnd = std::min(a.col + a.colSpan, col0 + cols);
        for (sal_Int32 r = rTop; r < rEnd; ++r)
            for (sal_Int32 c = cLeft; c < cEnd; ++c)
                cover[static_cast<size_t>(r - row0) * static_cast<size_t>(cols) + static_cast<size_t>(c - col0)] = index;
    }
};

/// Position key of the content map.
inline sal_uInt64 key(sal_Int32 r, sal_Int32 c) { return (static_cast<sal_uInt64>(r) << 20) | static_cast<sal_uInt32>(c); }

struct ContentCell {
    sal_Int32 row, col;
    std::string text;
};

/// What one sheet holds: its non-empty content cells (sorted by row, column) and merged areas.
struct SheetContent {
    std::vector<ContentCell> cells;
    std::vector<Rect> merges;
    Rect bounds;          ///< of the content and the used area
    sal_Int64 contentCells = 0;
};

std::vector<Rect> rangesOf(const uno::Reference<sheet::XSheetCellRanges>& ranges)
{
    std::vector<Rect> result;
    if (!ranges.is())
        return result;
    const uno::Sequence<table::CellRangeAddress> addresses = ranges->getRangeAddresses();
    for (const table::CellRangeAddress& a : addresses)
        result.push_back(toRect(a));
    return result;
}

std::string cellString(const uno::Reference<sheet::XSpreadsheet>& sheet, sal_Int32 r, sal_Int32 c)
{
    uno::Reference<text::XText> text(sheet->getCellByPosition(c, r), uno::UNO_QUERY);
    return text.is() ? toStd(text->getString()) : std::string();
}

/// Merged areas whose anchor lies in `area`: bisect while XMergeable::getIsMerged says the
/// range holds an anchor; a single anchor cell's area comes from collapseToMergedArea.
void findMerges(const uno::Reference<sheet::XSpreadsheet>& sheet, const Rect& area, std::vector<Rect>& out)
{
    uno::Reference<table::XCellRange> range = sheet->getCellRangeByPosition(area.c0, area.r0, area.c1, area.r1);
    uno::Reference<util::XMergeable> mergeable(range, uno::UNO_QUERY);
    if (!mergeable.is() || !mergeable->getIsMerged())
        return;
    if (area.r0 == area.r1 && area.c0 == area.c1) {
        uno::Reference<sheet::XSheetCellCursor> cursor =
            sheet->createCursorByRange(uno::Reference<sheet::XSheetCellRange>(range, uno::UNO_QUERY_THROW));
        cursor->collapseToMergedArea();
        out.push_back(toRect(uno::Reference<sheet::XCellRangeAddressable>(cursor, uno::UNO_QUERY_THROW)->getRangeAddress()));
        return;
    }
    Rect a = area, b = area;
    if (area.r1 > area.r0) {
        const sal_Int32 mid = area.r0 + (area.r1 - area.r0) / 2;
        a.r1 = mid;
        b.r0 = mid + 1;
    } else {
        const sal_Int32 mid = area.c0 + (area.c1 - area.c0) / 2;
        a.c1 = mid;
        b.c0 = mid + 1;
    }
    findMerges(sheet, a, out);
    findMerges(sheet, b, out);
}

/// The content cells' ranges (queryContentCells), for the read limits and readContent.
std::vector<Rect> contentRanges(const uno::Reference<sheet::XSpreadsheet>& sheet, sal_Int32 flags = kContentFlags)
{
    uno::Reference<sheet::XCellRangesQuery> query(sheet, uno::UNO_QUERY_THROW);
    return rangesOf(query->queryContentCells(static_cast<sal_Int16>(flags)));
}

sal_Int64 cellCount(const std::vector<Rect>& ranges)
{
    sal_Int64 n = 0;
    for (const Rect& r : ranges)
        n += r.area();
    return n;
}

SheetContent readContent(const uno::Reference<sheet::XSpreadsheet>& sheet, const std::vector<Rect>& content)
{
    SheetContent result;
    result.contentCells = cellCount(content);
    if (content.empty())
        return result;
    Rect bounds = content.front();
    for (const Rect& r : content) {
        bounds.r0 = std::min(bounds.r0, r.r0);
        bounds.c0 = std::min(bounds.c0, r.c0);
        bounds.r1 = std::max(bounds.r1, r.r1);
        bounds.c1 = std::max(bounds.c1, r.c1);
    }
    // Merges may be anchored outside the content (a blank anchor covering hidden content):
    // look in the used area too.
    try {
        uno::Reference<sheet::XSheetCellCursor> cursor = sheet->createCursor();
        uno::Reference<sheet::XUsedAreaCursor> used(cursor, uno::UNO_QUERY_THROW);
        used->gotoStartOfUsedArea(false);
        used->gotoEndOfUsedArea(true);
        const Rect u = toRect(uno::Reference<sheet::XCellRangeAddressable>(cursor, uno::UNO_QUERY_THROW)->getRangeAddress());
        bounds = {std::min(bounds.r0, u.r0), std::min(bounds.c0, u.c0), std::max(bounds.r1, u.r1), std::max(bounds.c1, u.c1)};
    } catch (const uno::Exception&) {
    }
    result.bounds = bounds;
    // Formulas and numbers outside the General format are read one by one (what the user sees).
    const std::vector<Rect> formulas = contentRanges(sheet, sheet::CellFlags::FORMULA);
    std::vector<Rect> formatted;
    // One pass over the groups of cells that share all their attributes: a group's number
    // format; and, since a merge's anchor carries its span as an attribute (and covered cells a
    // flag), a group whose first cell anchors a merge is all anchors of merges of one size.
    bool mergesFound = false;
    try {
        uno::Reference<sheet::XUniqueCellFormatRangesSupplier> unique(
            sheet->getCellRangeByPosition(bounds.c0, bounds.r0, bounds.c1, bounds.r1), uno::UNO_QUERY_THROW);
        uno::Reference<container::XIndexAccess> groups(unique->getUniqueCellFormatRanges(), uno::UNO_QUERY_THROW);
        for (sal_Int32 i = 0; i < groups->getCount(); ++i) {
            uno::Reference<beans::XPropertySet> props(groups->getByIndex(i), uno::UNO_QUERY);
            if (!props.is())
                continue;
            const std::vector<Rect> rs = rangesOf(uno::Reference<sheet::XSheetCellRanges>(props, uno::UNO_QUERY));
            sal_Int32 format = 0;
            if ((props->getPropertyValue("NumberFormat") >>= format) && format % kFormatsPerLocale != 0)
                formatted.insert(formatted.end(), rs.begin(), rs.end());
            if (rs.empty())
                continue;
            uno::Reference<table::XCellRange> first = sheet->getCellRangeByPosition(rs[0].c0, rs[0].r0, rs[0].c0, rs[0].r0);
            uno::Reference<util::XMergeable> mergeable(first, uno::UNO_QUERY);
            if (!mergeable.is() || !mergeable->getIsMerged())
                continue;
            uno::Reference<sheet::XSheetCellCursor> cursor =
                sheet->createCursorByRange(uno::Reference<sheet::XSheetCellRange>(first, uno::UNO_QUERY_THROW));
            cursor->collapseToMergedArea();
            const Rect area = toRect(uno::Reference<sheet::XCellRangeAddressable>(cursor, uno::UNO_QUERY_THROW)->getRangeAddress());
            const sal_Int32 rowSpan = area.r1 - area.r0, colSpan = area.c1 - area.c0;
            for (const Rect& r : rs)
                for (sal_Int32 row = r.r0; row <= r.r1; ++row)
                    for (sal_Int32 col = r.c0; col <= r.c1; ++col)
                        result.merges.push_back({row, col, row + rowSpan, col + colSpan});
        }
        mergesFound = true;
    } catch (const uno::Exception& e) {
        logLine("calc reader: cell formats not read (" + toStd(e.Message) + "): every number read as displayed");
        formatted.push_back(bounds);
        result.merges.clear();
    }
    if (!mergesFound)
        findMerges(sheet, bounds, result.merges);
    auto inAny = [](const std::vector<Rect>& rs, sal_Int32 r, sal_Int32 c) {
        return std::any_of(rs.begin(), rs.end(), [&](const Rect& x) { return x.contains(r, c); });
    };

    // One getDataArray over the content's rectangle when it is not much larger than the content
    // (a report sheet), else one per content range (a stray value far away).
    const sal_Int64 contentArea = cellCount(content);
    Rect contentBox = content.front();
    for (const Rect& r : content)
        contentBox = {std::min(contentBox.r0, r.r0), std::min(contentBox.c0, r.c0), std::max(contentBox.r1, r.r1),
                      std::max(contentBox.c1, r.c1)};
    const std::vector<Rect> reads = contentBox.area() <= std::max<sal_Int64>(4 * contentArea, 20000)
                                        ? std::vector<Rect>{contentBox}
                                        : content;
    for (const Rect& range : reads) {
        uno::Reference<sheet::XCellRangeData> data(sheet->getCellRangeByPosition(range.c0, range.r0, range.c1, range.r1),
                                                   uno::UNO_QUERY_THROW);
        const uno::Sequence<uno::Sequence<uno::Any>> rows = data->getDataArray();
        for (sal_Int32 i = 0; i < rows.getLength(); ++i) {
            const uno::Sequence<uno::Any>& row = rows[i];
            for (sal_Int32 j = 0; j < row.getLength(); ++j) {
                const sal_Int32 r = range.r0 + i, c = range.c0 + j;
                std::string text;
                OUString s;
                double v = 0;
                if (inAny(formulas, r, c)) {
                    text = cellString(sheet, r, c);
                } else if (row[j] >>= s) {
                    text = toStd(s);
                } else if (row[j] >>= v) {
                    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15 && !(v == 0 && std::signbit(v)) &&
                        !inAny(formatted, r, c))
                        text = std::to_string(static_cast<long long>(v));
                    else
                        text = cellString(sheet, r, c);
                }
                if (!text.empty())
                    result.cells.push_back({r, c, std::move(text)});
            }
        }
    }
    std::sort(result.cells.begin(), result.cells.end(),
              [](const ContentCell& a, const ContentCell& b) { return a.row != b.row ? a.row < b.row : a.col < b.col; });
    return result;
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
    SheetSplitter(const SheetGrid& g, const OUString& sheetName) : m_g(g), m_sheetName(sheetName) {}

    /// Appends paragraphs and tables to `items` in reading order.
    struct Item {
        bool isTable = false;
        std::string text;
        ogi::Table table;
    };
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

public:
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

private:
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


/// Paragraphs and tables of one sheet, in reading order: bands of rows holding content, blocks
/// of columns inside a band (as the dense reader did, but only where there is content).
std::vector<SheetSplitter::Item> splitSheet(const SheetContent& content, const OUString& sheetName,
                                            std::vector<UnreadPart>& unread)
{
    std::vector<SheetSplitter::Item> items;
    auto coveringMerge = [&](sal_Int32 r, sal_Int32 c) -> int {
        for (size_t i = 0; i < content.merges.size(); ++i)
            if (content.merges[i].contains(r, c))
                return static_cast<int>(i);
        return -1;
    };
    // The filled areas: a content cell, or the merged area it anchors; hidden content of
    // covered cells does not count.
    struct Filled {
        Rect rect;
        size_t cell; ///< index into content.cells
        int merge;   ///< index into content.merges or -1
    };
    std::vector<Filled> filled;
    for (size_t i = 0; i < content.cells.size(); ++i) {
        const ContentCell& cell = content.cells[i];
        const int m = coveringMerge(cell.row, cell.col);
        if (m < 0)
            filled.push_back({{cell.row, cell.col, cell.row, cell.col}, i, -1});
        else if (content.merges[static_cast<size_t>(m)].r0 == cell.row && content.merges[static_cast<size_t>(m)].c0 == cell.col)
            filled.push_back({content.merges[static_cast<size_t>(m)], i, m});
    }
    std::vector<size_t> byRow(filled.size());
    for (size_t i = 0; i < byRow.size(); ++i)
        byRow[i] = i;
    std::sort(byRow.begin(), byRow.end(), [&](size_t a, size_t b) { return filled[a].rect.r0 < filled[b].rect.r0; });

    size_t next = 0;
    while (next < byRow.size()) {
        // A band: rows r0..r1 connected by filled areas.
        const sal_Int32 r0 = filled[byRow[next]].rect.r0;
        sal_Int32 r1 = filled[byRow[next]].rect.r1;
        size_t end = next;
        while (end < byRow.size() && filled[byRow[end]].rect.r0 <= r1 + 1) {
            r1 = std::max(r1, filled[byRow[end]].rect.r1);
            ++end;
        }
        std::vector<size_t> band(byRow.begin() + static_cast<std::ptrdiff_t>(next), byRow.begin() + static_cast<std::ptrdiff_t>(end));
        next = end;
        std::sort(band.begin(), band.end(), [&](size_t a, size_t b) { return filled[a].rect.c0 < filled[b].rect.c0; });
        size_t first = 0;
        while (first < band.size()) {
            // A block: columns c0..c1 connected by the band's filled areas.
            const sal_Int32 c0 = filled[band[first]].rect.c0;
            sal_Int32 c1 = filled[band[first]].rect.c1;
            size_t last = first;
            while (last < band.size() && filled[band[last]].rect.c0 <= c1 + 1) {
                c1 = std::max(c1, filled[band[last]].rect.c1);
                ++last;
            }
            const Rect block{r0, c0, r1, c1};
            if (block.area() > kMaxBlockPositions) {
                UnreadPart part;
                part.where = sheetName + "." + calcColumnName(c0) + OUString::number(r0 + 1) + ":" + calcColumnName(c1) +
                             OUString::number(r1 + 1);
                part.cells = block.area();
                part.why = UnreadPart::Why::TooLarge;
                logLine("calc reader: " + toStd(part.where) + " not read: " + std::to_string(part.cells) + " positions");
                unread.push_back(part);
                first = last;
                continue;
            }
            SheetGrid g;
            g.row0 = r0;
            g.col0 = c0;
            g.rows = r1 - r0 + 1;
            g.cols = c1 - c0 + 1;
            g.cover.assign(static_cast<size_t>(block.area()), -1);
            // Merged areas touching the block (blank ones may reach in from outside), then the
            // block's other content cells, then a blank cell at every position left.
            for (const Rect& m : content.merges) {
                if (!m.intersects(block))
                    continue;
                Anchor a;
                a.row = m.r0;
                a.col = m.c0;
                a.rowSpan = m.r1 - m.r0 + 1;
                a.colSpan = m.c1 - m.c0 + 1;
                g.place(a);
            }
            for (size_t k = first; k < last; ++k) {
                const Filled& f = filled[band[k]];
                const ContentCell& cell = content.cells[f.cell];
                if (f.merge >= 0) {
                    const int at = g.at(cell.row, cell.col);
                    if (at >= 0)
                        g.anchors[static_cast<size_t>(at)].text = cell.text;
                    continue;
                }
                Anchor a;
                a.row = cell.row;
                a.col = cell.col;
                a.text = cell.text;
                g.place(a);
            }
            for (sal_Int32 r = r0; r <= r1; ++r)
                for (sal_Int32 c = c0; c <= c1; ++c)
                    if (g.at(r, c) < 0) {
                        Anchor a;
                        a.row = r;
                        a.col = c;
                        g.place(a);
                    }
            SheetSplitter(g, sheetName).splitBlock({r0, r1}, {c0, c1}, items);
            first = last;
        }
    }
    return items;
}

} // namespace

sal_Int64 usedCellCount(const uno::Reference<uno::XInterface>& sheetInterface)
{
    uno::Reference<sheet::XSpreadsheet> sheet(sheetInterface, uno::UNO_QUERY_THROW);
    return cellCount(contentRanges(sheet));
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
        const std::vector<Rect> ranges = contentRanges(sheet);
        const sal_Int64 cells = cellCount(ranges);
        if ((limits.maxSheetCells > 0 && cells > limits.maxSheetCells) ||
            (limits.maxTotalCells > 0 && totalCells + cells > limits.maxTotalCells)) {
            logLine("sheet " + toStd(sheetName) + " not read: " + std::to_string(cells) + " cells with content");
            out.skipped.push_back(sheetName);
            UnreadPart part;
            part.where = sheetName;
            part.cells = cells;
            part.why = UnreadPart::Why::SaveLimit;
            out.unread.push_back(part);
            continue;
        }
        totalCells += cells;
        if (limits.deadline && limits.deadline()) {
            UnreadPart part;
            part.where = sheetName;
            part.cells = cells;
            part.why = UnreadPart::Why::Deadline;
            out.skipped.push_back(sheetName);
            out.unread.push_back(part);
            continue;
        }
        const SheetContent content = readContent(sheet, ranges);
        if (limits.progress)
            limits.progress(i + 1, sheets->getCount());
        std::vector<SheetSplitter::Item> items = splitSheet(content, sheetName, out.unread);
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
