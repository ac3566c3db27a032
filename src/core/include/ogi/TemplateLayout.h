// The layout of an inserted template (no UNO: src/uno/TemplateInserter.cxx turns it into
// Writer or Calc calls): the generated table with each anchor's role, the column weights, the
// header rows; for Writer the column separators, the order of the merges and the cell names
// after merging; for Calc the column widths and the live SUM formulas of the totals.
#pragma once

#include "ogi/Table.h"
#include "ogi/Templates.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ogi {

enum class LayoutRole { Header, Label, HeadingLabel, Value, Unit };

struct LayoutCell {
    Cell cell;                      ///< from the generator (row, col, spans, text)
    const TemplateCell* def = nullptr;
    LayoutRole role = LayoutRole::Label;
};

/// The generated table with each anchor's role; widths per column (relative weights).
struct TemplateLayout {
    const TemplateDef* def = nullptr;
    Table table;
    std::vector<LayoutCell> cells;
    /// A column with 1-wide value cells weighs 1.0; another is as wide as its longest 1-wide
    /// label asks for (7 characters per unit, header labels counted up to 6), within [0.6, 4.5].
    std::vector<double> weights;
    int headerRows = 0;             ///< leading rows made only of header cells
};

/// The layout of a template; throws std::invalid_argument for an unknown id.
TemplateLayout templateLayout(const std::string& templateId);

/// Writer: the positions of the cols-1 column separators of a table whose relative width sum
/// is `relativeSum`, proportional to the weights.
std::vector<int> columnSeparators(const std::vector<double>& weights, int relativeSum);

/// Writer: one merge as the cell names of its corners in the unmerged table.
struct WriterMerge {
    std::string from, to;
};
/// Writer: the table's merges in an order that can be carried out: right to left. A
/// horizontal merge renames the boxes to its right in the same rows (names are per row, recipe
/// §5.1), a vertical merge keeps the covered names; so when a merge runs, every box to its
/// left is still unmerged and still has its original name.
std::vector<WriterMerge> writerMerges(const Table& table);
/// Writer: the name of every anchor after all merges, (row, col) → name: the box index of an
/// anchor within its row is the number of distinct anchors covering that row to its left.
std::map<std::pair<int, int>, std::string> writerCellNames(const Table& table);

/// Calc: column widths in 1/100 mm (a value column 2.6 cm, 1.8 cm in tables of 10 columns or more).
std::vector<int> calcColumnWidths(const TemplateLayout& layout);

/// Calc: a formula for a cell of the sheet (absolute position).
struct CalcFormula {
    int row = 0, col = 0;
    std::string formula; ///< "=SUM(D6:D26;J5)": English function names, ';' separators (the API grammar)
};
/// Calc: a SUM formula for every total of totalDefinitions, with the table's first row at
/// sheet row `row0`; totals whose addends are not in the grid are left out.
std::vector<CalcFormula> calcTotalFormulas(const TemplateLayout& layout, int row0);
/// "D6:D26;J5" for a list of (col, row) cells: runs of consecutive rows in one column become
/// ranges; a list of single cells in one row, consecutive columns, becomes row ranges.
std::string sumArguments(std::vector<std::pair<int, int>> cells);

} // namespace ogi
