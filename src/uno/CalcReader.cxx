// Calc → ogi::Document: for every sheet, the content cells and merged areas are read over the
// bridge and handed to ogi::splitSheet (src/core, SheetSplit.h: bands, blocks, text lines and
// tables); its paragraphs and tables are added in reading order.
//
// Reading is in bulk and has no row or column limit (issue 16.8/16.9): the content cells come
// from one XCellRangesQuery::queryContentCells, their values from one getDataArray per content
// range, the merged areas from a bisection with XMergeable::getIsMerged (true when a range
// holds a merge's anchor) ending in collapseToMergedArea. So a stray value at IV5000 costs a
// few calls, not 1.28 million positions × 5, and a table below row 5 000 or right of column
// 256 is read like any other. A table is its block's whole rectangle: blank positions inside
// it are blank cells, whatever the row's own length (issue 9.7: the same ragged table gives the
// same cells in .xlsx as in .odt). The one bound left is a block (a connected piece of content)
// of more than ogi::kMaxBlockPositions positions: it is not read and the read result says so
// (ReadResult::unread → a finding, CheckSession).
// Cell text is what the user sees (XText::getString: formatted; formula results). getDataArray
// gives the same for text and for integers in the General format; formulas, numbers in any
// other format and non-integers are read one by one with getString.
// Covered cells of a merge (which keep their hidden content, recipe §5.2) are skipped.
#include "DocumentReader.hxx"
#include "ogi/SheetSplit.h"
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

/// SvNumberFormatter: each locale's formats are a block of 10 000 keys, the first its General.
constexpr sal_Int32 kFormatsPerLocale = 10000;

const sal_Int32 kContentFlags =
    sheet::CellFlags::VALUE | sheet::CellFlags::DATETIME | sheet::CellFlags::STRING | sheet::CellFlags::FORMULA;

using Rect = ogi::CellRect;

Rect toRect(const table::CellRangeAddress& a) { return {a.StartRow, a.StartColumn, a.EndRow, a.EndColumn}; }

/// What one sheet holds: its non-empty content cells (sorted by row, column) and merged areas.
struct SheetContent {
    ogi::SheetContent sheet; ///< cells and merges, for ogi::splitSheet
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
    Rect contentBox = content.front();   // the content's rectangle
    for (const Rect& r : content)
        contentBox = {std::min(contentBox.r0, r.r0), std::min(contentBox.c0, r.c0), std::max(contentBox.r1, r.r1),
                      std::max(contentBox.c1, r.c1)};
    Rect bounds = contentBox;
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
    auto inAny = [](const std::vector<Rect>& rs, sal_Int32 r, sal_Int32 c) {
        return std::any_of(rs.begin(), rs.end(), [&](const Rect& x) { return x.contains(r, c); });
    };

    // One getDataArray over the content's rectangle when it is not much larger than the content
    // (a report sheet), else one per content range (a stray value far away). An integer is
    // written as such for now: whether its cell's number format shows it otherwise is asked
    // below, of the format groups that hold one.
    const sal_Int64 contentArea = result.contentCells;
    const std::vector<Rect> reads = contentBox.area() <= std::max<sal_Int64>(4 * contentArea, 20000)
                                        ? std::vector<Rect>{contentBox}
                                        : content;
    result.sheet.cells.reserve(static_cast<size_t>(std::min<sal_Int64>(contentArea, 1 << 20)));
    std::vector<size_t> integers;   // indexes in result.sheet.cells of the integers written as such
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
                bool integer = false;
                if (inAny(formulas, r, c)) {
                    text = cellString(sheet, r, c);
                } else if (row[j] >>= s) {
                    text = toStd(s);
                } else if (row[j] >>= v) {
                    integer = std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15 && !(v == 0 && std::signbit(v));
                    text = integer ? std::to_string(static_cast<long long>(v)) : cellString(sheet, r, c);
                }
                if (text.empty())
                    continue;
                if (integer)
                    integers.push_back(result.sheet.cells.size());
                result.sheet.cells.push_back({r, c, std::move(text)});
            }
        }
    }
    // The integers by position, to find those of a group of ranges.
    std::sort(integers.begin(), integers.end(), [&](size_t a, size_t b) {
        const ogi::SheetCell &x = result.sheet.cells[a], &y = result.sheet.cells[b];
        return x.row != y.row ? x.row < y.row : x.col < y.col;
    });
    auto holdsInteger = [&](const Rect& rect) {
        for (sal_Int32 row = rect.r0; row <= rect.r1; ++row) {
            auto it = std::lower_bound(integers.begin(), integers.end(), std::make_pair(row, rect.c0),
                                       [&](size_t i, const std::pair<sal_Int32, sal_Int32>& p) {
                                           const ogi::SheetCell& x = result.sheet.cells[i];
                                           return x.row != p.first ? x.row < p.first : x.col < p.second;
                                       });
            if (it == integers.end())
                return false;
            const ogi::SheetCell& x = result.sheet.cells[*it];
            if (x.row == row && x.col <= rect.c1)
                return true;
            if (x.row > rect.r1)
                return false;
            row = std::max(row, x.row - 1);   // no integer in the rows before x's
        }
        return false;
    };

    std::vector<Rect> formatted;   // integers in these ranges are read as displayed
    // One pass over the groups of cells that share all their attributes: a group's number
    // format (asked only of a group that holds an integer); and, since a merge's anchor carries
    // its span as an attribute (and covered cells a flag), a group whose first cell anchors a
    // merge is all anchors of merges of one size.
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
            if (rs.empty())
                continue;
            // The group's cells share every attribute: its number format is its first cell's.
            // (Asked of the whole group, Calc merges the attributes of all its cells first:
            // 28 % of the check of a one-sheet report.)
            uno::Reference<table::XCellRange> first = sheet->getCellRangeByPosition(rs[0].c0, rs[0].r0, rs[0].c0, rs[0].r0);
            if (std::any_of(rs.begin(), rs.end(), holdsInteger)) {
                uno::Reference<beans::XPropertySet> firstProps(first, uno::UNO_QUERY);
                sal_Int32 format = 0;
                if (firstProps.is() && (firstProps->getPropertyValue("NumberFormat") >>= format) &&
                    format % kFormatsPerLocale != 0)
                    formatted.insert(formatted.end(), rs.begin(), rs.end());
            }
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
                        result.sheet.merges.push_back({row, col, row + rowSpan, col + colSpan});
        }
        mergesFound = true;
    } catch (const uno::Exception& e) {
        logLine("calc reader: cell formats not read (" + toStd(e.Message) + "): every number read as displayed");
        formatted.assign(1, bounds);
        result.sheet.merges.clear();
    }
    if (!mergesFound)
        findMerges(sheet, bounds, result.sheet.merges);
    // An integer in another format than General is what the user sees (3 as 3.00, 0.5 as 50%).
    if (!formatted.empty()) {
        bool emptied = false;
        for (size_t i : integers) {
            ogi::SheetCell& cell = result.sheet.cells[i];
            if (inAny(formatted, cell.row, cell.col)) {
                cell.text = cellString(sheet, cell.row, cell.col);
                emptied = emptied || cell.text.empty();
            }
        }
        if (emptied)
            result.sheet.cells.erase(std::remove_if(result.sheet.cells.begin(), result.sheet.cells.end(),
                                                    [](const ogi::SheetCell& c) { return c.text.empty(); }),
                                     result.sheet.cells.end());
    }
    return result; // in any order: splitSheet puts its cells in row-major order
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
        SheetContent content = readContent(sheet, ranges);
        if (limits.progress)
            limits.progress(i + 1, sheets->getCount());
        const std::string name = toStd(sheetName);
        ogi::SheetSplit split = ogi::splitSheet(std::move(content.sheet), name);
        for (const ogi::CellRect& block : split.tooLarge) {
            UnreadPart part;
            part.where = toOU(ogi::calcRangeName(name, block));
            part.cells = block.area();
            part.why = UnreadPart::Why::TooLarge;
            logLine("calc reader: " + toStd(part.where) + " not read: " + std::to_string(part.cells) + " positions");
            out.unread.push_back(part);
        }
        std::vector<ogi::SheetItem>& items = split.items;
        const auto tableCount = std::count_if(items.begin(), items.end(), [](const auto& it) { return it.isTable; });
        for (ogi::SheetItem& item : items) {
            if (!item.isTable) {
                out.doc.addParagraph(std::move(item.text), 0);
                continue;
            }
            if (tableCount == 1)
                item.table.name = name; // one table per sheet: the sheet's name
            HostTable host;
            host.name = sheetName;
            host.sheet = i;
            out.doc.addTable(std::move(item.table));
            out.hosts.push_back(host);
        }
    }
}

} // namespace ogiuno
