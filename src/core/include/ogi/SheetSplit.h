// Calc sheet → paragraphs and tables (no UNO: the Calc reader hands in the sheet's content
// cells and merged areas, src/uno/CalcReader.cxx).
//
// The filled areas (a content cell, or the merged area it anchors; hidden content of covered
// cells does not count) are cut into bands of rows connected by filled areas, and each band
// into blocks of columns connected by the band's filled areas. Inside a block, text lines (a
// row whose only cell is merged across the whole block, and leading single-cell rows above the
// first multi-cell row) are paragraphs, and the rows between them form tables. This is how
// Writer/HTML reports look when converted to Calc: title, headings and narrative are merged
// full-width rows. Exception: the 2019/2021 table 二 has full-width caption rows
// "第二十条第（X）项" inside the table (part of the template grid), so a full-width row whose
// text is such a template label (isFullWidthTemplateLabel) stays in the table.
// A table is its block's whole rectangle: blank positions inside it are blank cells (issue
// 9.7). A block of more than `maxBlockPositions` positions is not split but reported.
#pragma once

#include "ogi/Table.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ogi {

/// A rectangle of sheet positions, 0-based, inclusive bounds.
struct CellRect {
    int r0 = 0, c0 = 0, r1 = -1, c1 = -1;
    bool contains(int r, int c) const { return r >= r0 && r <= r1 && c >= c0 && c <= c1; }
    bool intersects(const CellRect& o) const { return r0 <= o.r1 && o.r0 <= r1 && c0 <= o.c1 && o.c0 <= c1; }
    std::int64_t area() const { return static_cast<std::int64_t>(r1 - r0 + 1) * (c1 - c0 + 1); }
};

/// A non-empty cell of a sheet (absolute position, the text the user sees).
struct SheetCell {
    int row = 0, col = 0;
    std::string text;
};

/// What a sheet holds: its non-empty cells (any order, one per position) and its merged areas
/// (anchored anywhere, also outside the content: a blank anchor covering hidden content).
struct SheetContent {
    std::vector<SheetCell> cells;
    std::vector<CellRect> merges;
};

/// One element of a sheet in reading order: a paragraph (text) or a table.
struct SheetItem {
    bool isTable = false;
    std::string text;  ///< paragraph only
    Table table;       ///< table only: named "<sheet>.A1:C9", cell addresses "<sheet>.B2"
};

struct SheetSplit {
    std::vector<SheetItem> items;
    std::vector<CellRect> tooLarge; ///< blocks not read (more than maxBlockPositions positions)
};

/// A block (connected content) larger than this many positions is not read (reported).
inline constexpr std::int64_t kMaxBlockPositions = 4000000;

/// Paragraphs and tables of one sheet, in reading order. `sheetName` (UTF-8) prefixes the
/// table names and cell addresses. `content` is taken by value: sorted in place when it is not
/// row-major (a reader moves its content in).
SheetSplit splitSheet(SheetContent content, const std::string& sheetName,
                      std::int64_t maxBlockPositions = kMaxBlockPositions);

/// Calc column letters of a 0-based column ("A", ..., "Z", "AA", ...).
std::string calcColumnName(int col);
/// The same, appended to `out`.
void appendCalcColumnName(std::string& out, int col);
/// "Sheet1.B2:D9" of a rectangle (always a range, "Sheet1.B2:B2" for one position).
std::string calcRangeName(const std::string& sheetName, const CellRect& rect);

} // namespace ogi
