// ogi::templateLayout and its Writer/Calc helpers (what TemplateInserter does), without an
// office: roles, column weights and widths, header rows, separators, the merge order, the cell
// names after merging (round trip through ogi::writerGrid, what the reader rebuilds), the SUM
// formulas of the live totals.
#include "ogi/TemplateLayout.h"
#include "ogi/WriterGrid.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

using namespace ogi;

namespace {

using Shape = std::tuple<int, int, int, int, std::string>; // row, col, rs, cs, text

std::vector<Shape> shapes(const Table& t)
{
    std::vector<Shape> out;
    for (const Cell& c : t.cells)
        out.emplace_back(c.row, c.col, c.rowSpan, c.colSpan, c.text);
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

TEST(TemplateLayout, UnknownTemplateThrows)
{
    EXPECT_THROW(templateLayout("2099-t9"), std::invalid_argument);
}

TEST(TemplateLayout, RolesWeightsAndHeaderRowsOf2021TableThree)
{
    const TemplateLayout l = templateLayout("2021-t3");
    ASSERT_NE(l.def, nullptr);
    EXPECT_EQ(l.def->id, "2021-t3");
    EXPECT_EQ(l.table.rows, 28);
    EXPECT_EQ(l.table.cols, 10);
    EXPECT_EQ(l.cells.size(), l.table.cells.size());
    EXPECT_EQ(l.headerRows, 3);
    // Columns D..J hold the values; A (row labels), C (the long labels) are wider.
    const std::vector<double> expected = {9.0 / 7.0, 1.0, 4.5, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0};
    ASSERT_EQ(l.weights.size(), expected.size());
    for (size_t c = 0; c < expected.size(); ++c)
        EXPECT_DOUBLE_EQ(l.weights[c], expected[c]) << c;
    EXPECT_EQ(calcColumnWidths(l), (std::vector<int>{2314, 1800, 8100, 1800, 1800, 1800, 1800, 1800, 1800, 1800}));
    size_t values = 0;
    for (const LayoutCell& p : l.cells) {
        if (p.role == LayoutRole::Value) {
            ++values;
            ASSERT_NE(p.def, nullptr);
            EXPECT_FALSE(p.def->key.empty());
            EXPECT_TRUE(p.cell.text.empty());
        }
        if (p.cell.row < l.headerRows)
            EXPECT_EQ(p.role, LayoutRole::Header) << p.cell.row << "," << p.cell.col;
    }
    EXPECT_EQ(values, l.def->keys().size());
}

TEST(TemplateLayout, OldTableHasUnitColumnAndNoMerges)
{
    const TemplateLayout l = templateLayout("old");
    EXPECT_EQ(l.weights, (std::vector<double>{4.5, 0.6, 1.0}));
    EXPECT_EQ(calcColumnWidths(l), (std::vector<int>{11700, 1560, 2600}));
    EXPECT_TRUE(writerMerges(l.table).empty());
    EXPECT_TRUE(std::any_of(l.cells.begin(), l.cells.end(), [](const LayoutCell& p) { return p.role == LayoutRole::Unit; }));
}

TEST(TemplateLayout, ColumnSeparatorsAreProportional)
{
    EXPECT_EQ(columnSeparators({1, 1, 2}, 10000), (std::vector<int>{2500, 5000}));
    EXPECT_EQ(columnSeparators({1, 2}, 9999), (std::vector<int>{3333}));
    EXPECT_TRUE(columnSeparators({1}, 10000).empty());
}

TEST(TemplateLayout, WriterMergesRunRightToLeft)
{
    Table t;
    t.rows = 3;
    t.cols = 3;
    t.add(0, 0, "h", 1, 3);
    t.add(1, 0, "a", 2, 1);
    t.add(1, 1, "b", 1, 2);
    t.add(2, 1, "c");
    t.add(2, 2, "d");
    const std::vector<WriterMerge> merges = writerMerges(t);
    ASSERT_EQ(merges.size(), 3u);
    EXPECT_EQ(std::make_pair(merges[0].from, merges[0].to), std::make_pair(std::string("B2"), std::string("C2")));
    EXPECT_EQ(std::make_pair(merges[1].from, merges[1].to), std::make_pair(std::string("A1"), std::string("C1")));
    EXPECT_EQ(std::make_pair(merges[2].from, merges[2].to), std::make_pair(std::string("A2"), std::string("A3")));
    // After merging: row 1 has one box; row 2 A2, B2; row 3 the covered A3 counts as a box.
    const std::map<std::pair<int, int>, std::string> expected = {
        {{0, 0}, "A1"}, {{1, 0}, "A2"}, {{1, 1}, "B2"}, {{2, 1}, "B3"}, {{2, 2}, "C3"}};
    EXPECT_EQ(writerCellNames(t), expected);
}

TEST(TemplateLayout, WriterNamesAfterMergingReadBackAsTheTemplate)
{
    // For every insertable template: the names the inserter fills, with each row's box edges
    // as Writer has them after the merges, rebuild (ogi::writerGrid) the generated table.
    for (const TemplateDef* def : insertableTemplates()) {
        const TemplateLayout l = templateLayout(def->id);
        const Grid grid(l.table);
        WriterTableShape shape;
        shape.relativeSum = l.table.cols * 100;
        for (int r = 0; r < grid.rows(); ++r) {
            std::vector<int> e{0};
            for (int c = 1; c < grid.cols(); ++c)
                if (grid.at(r, c) != grid.at(r, c - 1))
                    e.push_back(c * 100);
            e.push_back(shape.relativeSum);
            shape.edges.push_back(e);
        }
        const std::map<std::pair<int, int>, std::string> names = writerCellNames(l.table);
        ASSERT_EQ(names.size(), l.table.cells.size()) << def->id;
        std::vector<WriterCell> cells;
        for (const Cell& c : l.table.cells)
            cells.push_back({names.at({c.row, c.col}), c.text, c.rowSpan});
        const Table back = writerGrid(cells, shape);
        EXPECT_EQ(back.rows, l.table.rows) << def->id;
        EXPECT_EQ(back.cols, l.table.cols) << def->id;
        EXPECT_EQ(shapes(back), shapes(l.table)) << def->id;
    }
}

TEST(TemplateLayout, SumArguments)
{
    EXPECT_EQ(sumArguments({{3, 5}, {3, 6}, {3, 7}, {9, 4}}), "D6:D8;J5");
    EXPECT_EQ(sumArguments({{3, 4}, {1, 4}, {2, 4}}), "B5:D5");
    // Single cells only, not adjacent: row by row.
    EXPECT_EQ(sumArguments({{1, 4}, {3, 4}, {1, 6}}), "B5;D5;B7");
    EXPECT_EQ(sumArguments({{0, 0}}), "A1");
}

TEST(TemplateLayout, CalcTotalFormulasOf2021TableFour)
{
    // Table 四: per group, 总计 = the four results before it, for 复议 and both 诉讼 columns.
    const TemplateLayout l = templateLayout("2021-t4");
    const std::vector<CalcFormula> formulas = calcTotalFormulas(l, 2);
    ASSERT_EQ(formulas.size(), 3u);
    EXPECT_EQ(std::make_tuple(formulas[0].row, formulas[0].col, formulas[0].formula), std::make_tuple(5, 4, std::string("=SUM(A6:D6)")));
    EXPECT_EQ(std::make_tuple(formulas[1].row, formulas[1].col, formulas[1].formula), std::make_tuple(5, 9, std::string("=SUM(F6:I6)")));
    EXPECT_EQ(std::make_tuple(formulas[2].row, formulas[2].col, formulas[2].formula), std::make_tuple(5, 14, std::string("=SUM(K6:N6)")));
    // One formula per total whose cell is in the grid, at row0 + its row.
    const std::vector<CalcFormula> shifted = calcTotalFormulas(l, 10);
    ASSERT_EQ(shifted.size(), formulas.size());
    EXPECT_EQ(shifted[0].row, 13);
    EXPECT_EQ(shifted[0].formula, "=SUM(A14:D14)");
}
