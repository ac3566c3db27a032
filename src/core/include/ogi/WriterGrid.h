// Writer text table → logical grid (no UNO: the Writer reader hands in the cell names, each
// row's column separators and the cells' texts and row spans, src/uno/WriterReader.cxx).
//
// getDataArray() is wrong on merged tables (recipe pitfall 10), so the logical grid is rebuilt
// from the cell names and each row's TableColumnSeparators (recipe §5.1): the k-th box of row i
// is named <letters(k)><i+1> (covered boxes keep their letter but are missing from
// getCellNames()), its left/right edges are separators k-1 and k, and the union of all rows'
// edges (clustered within 0.2 % of the width) defines the logical columns. Vertical extent
// comes from RowSpan. Irregular "dotted" cells (C2.1.1, legacy nested boxes) have no
// separators of their own; they are placed after the regular cells of their base row, one
// column each.
#pragma once

#include "ogi/Table.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ogi {

/// A Writer cell name taken apart: "B3" → box 1 of row 2; "C2.1.1" → box 2 of row 1, dotted.
struct WriterCellName {
    int box = -1;  ///< index within its row, -1 when the name is not a cell name
    int row = -1;  ///< 0-based row, -1 when the name is not a cell name
    bool dotted = false;
};

WriterCellName parseWriterCellName(std::string_view name);
/// Writer cell-name letters ("A".."Z", "a".."z", "AA", ...) → 0-based box index (-1: not letters).
int writerLettersToIndex(std::string_view letters);
/// Writer cell-name letters of a 0-based box index (bijective base 52, as sw_GetCellName).
std::string writerColumnLetters(int index);

/// The table's shape as the reader sees it: the box edges of every row (0, the row's
/// separators, the relative sum) and the relative width sum itself.
struct WriterTableShape {
    std::vector<std::vector<int>> edges; ///< one per row
    int relativeSum = 10000;
};

/// The cell names by position (row-major, rows × boxes) when the table is regular: every row
/// has the same number of boxes at the same edges (within 2 units), and the names are exactly
/// the undotted names of those positions. Empty otherwise.
std::vector<std::string> regularCellNames(const std::vector<std::string>& names, const WriterTableShape& shape);

/// One cell of a Writer table as read: its name, text and RowSpan property (1 when unknown).
struct WriterCell {
    std::string name;
    std::string text;
    int rowSpan = 1;
};

/// The cells of a table whose text was read in one piece (src/uno/WriterReader.cxx): `boxTexts`
/// holds the text of every leaf box in document order, covered boxes included, as the text export
/// of the whole table yields it (one line per paragraph). Returns the cells in `names` order
/// (getCellNames(): undotted, rows top-down, boxes left to right, covered boxes absent) with
/// their texts and row spans, or nothing when the texts cannot be told apart exactly:
/// - a dotted name, a name outside its row's edges or out of document order;
/// - more texts than boxes (a cell of several paragraphs, a nested table);
/// - a covered box that is not empty or does not lie in an unbroken column (same edges within
///   2 units) below a named box.
/// A named box's RowSpan is 1 + the covered boxes below it; every covered box must be so claimed.
std::optional<std::vector<WriterCell>> cellsFromBoxTexts(const std::vector<std::string>& names,
                                                         const WriterTableShape& shape,
                                                         std::vector<std::string> boxTexts);

/// The lines of a Writer text export (LibreOffice's text filter: one line per paragraph, "\n"
/// after each but the last; a manual line break is a "\n" too).
std::vector<std::string> exportLines(std::string_view exported);

/// The texts of `count` consecutive body paragraphs from the text export of the range from the
/// start of the first to the end of the last: nothing unless it has exactly `count` lines (a
/// paragraph with a manual line break, or anything between the paragraphs, adds lines).
std::optional<std::vector<std::string>> paragraphsFromExport(std::string_view exported, size_t count);

/// cellsFromBoxTexts on the text export of the range from the end of the paragraph before the
/// table to the start of the paragraph after it: an empty line, one line per paragraph of the
/// table, an empty line ("\n"-separated). Nothing when it is not so framed.
std::optional<std::vector<WriterCell>> cellsFromTableExport(const std::vector<std::string>& names,
                                                            const WriterTableShape& shape,
                                                            std::string_view exported);

/// The grid of the cells cellsFromBoxTexts gave: by position when the table is regular (as
/// regularWriterGrid), else writerGrid.
Table writerGridOfBoxCells(std::vector<WriterCell> cells, const WriterTableShape& shape);

/// The grid of a regular table: `byPosition` as regularCellNames ordered them (rows × boxes),
/// each a 1×1 cell.
Table regularWriterGrid(int rows, int boxes, std::vector<WriterCell> byPosition);

/// The logical grid of a table from its cells (in getCellNames() order) and shape; cell
/// addresses are the Writer names. Names that are not cell names are left out.
Table writerGrid(std::vector<WriterCell> cells, const WriterTableShape& shape);

} // namespace ogi
