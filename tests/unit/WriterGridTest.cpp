// ogi::writerGrid (Writer cell names + column separators → logical grid), without an office:
// horizontal merges from the row's edges, rounding between rows, vertical merges from RowSpan,
// dotted cells after their row's regular cells, the regular fast path's conditions.
#include "ogi/WriterGrid.h"

#include "CellTuples.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

using namespace ogi;

namespace {

using test::CellTuple;
using test::cellsOf;

WriterCell cell(std::string name, std::string text, int rowSpan = 1) { return {std::move(name), std::move(text), rowSpan}; }

} // namespace

TEST(WriterGrid, CellNames)
{
    EXPECT_EQ(writerLettersToIndex("A"), 0);
    EXPECT_EQ(writerLettersToIndex("Z"), 25);
    EXPECT_EQ(writerLettersToIndex("a"), 26);
    EXPECT_EQ(writerLettersToIndex("z"), 51);
    EXPECT_EQ(writerLettersToIndex("AA"), 52);
    EXPECT_EQ(writerLettersToIndex("A1"), -1);
    for (int i : {0, 25, 26, 51, 52, 103, 2703, 2704})
        EXPECT_EQ(writerLettersToIndex(writerColumnLetters(i)), i) << i;
    EXPECT_EQ(writerColumnLetters(52), "AA");
    const WriterCellName b3 = parseWriterCellName("B3");
    EXPECT_EQ(std::make_tuple(b3.box, b3.row, b3.dotted), std::make_tuple(1, 2, false));
    const WriterCellName dotted = parseWriterCellName("C2.1.1");
    EXPECT_EQ(std::make_tuple(dotted.box, dotted.row, dotted.dotted), std::make_tuple(2, 1, true));
    EXPECT_EQ(parseWriterCellName("B").row, -1);
    EXPECT_EQ(parseWriterCellName("12").box, -1);
}

TEST(WriterGrid, HorizontalMergeSpansTheColumnsBetweenItsEdges)
{
    // Row 1: A1 over the whole width; row 2: A2 | B2 | C2 at thirds (with a rounding of 3 units in row 3).
    WriterTableShape shape;
    shape.relativeSum = 10000;
    shape.edges = {{0, 10000}, {0, 3333, 6667, 10000}, {0, 3336, 6664, 10000}};
    const std::vector<WriterCell> cells = {cell("A1", "标题"), cell("A2", "a"), cell("B2", "b"), cell("C2", "c"),
                                           cell("A3", "1"),    cell("B3", "2"), cell("C3", "3")};
    const Table t = writerGrid(cells, shape);
    EXPECT_EQ(t.rows, 3);
    EXPECT_EQ(t.cols, 3);
    const std::vector<CellTuple> expected = {{0, 0, 1, 3, "标题", "A1"}, {1, 0, 1, 1, "a", "A2"}, {1, 1, 1, 1, "b", "B2"},
                                             {1, 2, 1, 1, "c", "C2"},    {2, 0, 1, 1, "1", "A3"}, {2, 1, 1, 1, "2", "B3"},
                                             {2, 2, 1, 1, "3", "C3"}};
    EXPECT_EQ(cellsOf(t), expected);
    EXPECT_TRUE(regularCellNames({"A1", "A2", "B2", "C2", "A3", "B3", "C3"}, shape).empty());
}

TEST(WriterGrid, VerticalMergeFromRowSpanAndCoveredNamesMissing)
{
    // A1 spans rows 1-2 (A2 is covered: missing from the names); B1, B2 beside it.
    WriterTableShape shape;
    shape.edges = {{0, 5000, 10000}, {0, 5000, 10000}};
    const Table t = writerGrid({cell("A1", "类别", 2), cell("B1", "x"), cell("B2", "y")}, shape);
    EXPECT_EQ(cellsOf(t), (std::vector<CellTuple>{{0, 0, 2, 1, "类别", "A1"}, {0, 1, 1, 1, "x", "B1"},
                                                  {1, 1, 1, 1, "y", "B2"}}));
    EXPECT_EQ(t.rows, 2);
    EXPECT_EQ(t.cols, 2);
}

TEST(WriterGrid, RowSpanIsCutAtTheLastRow)
{
    WriterTableShape shape;
    shape.edges = {{0, 10000}, {0, 10000}};
    const Table t = writerGrid({cell("A1", "a", 5)}, shape);
    EXPECT_EQ(cellsOf(t), (std::vector<CellTuple>{{0, 0, 2, 1, "a", "A1"}}));
}

TEST(WriterGrid, DottedCellsFollowTheRegularCellsOfTheirRow)
{
    // Row 2 has B2 split into B2.1.1 and B2.1.2 (no separators of their own).
    WriterTableShape shape;
    shape.edges = {{0, 5000, 10000}, {0, 5000, 10000}};
    const Table t = writerGrid({cell("A1", "h1"), cell("B1", "h2"), cell("A2", "v"), cell("B2.1.1", "p"), cell("B2.1.2", "q")},
                               shape);
    EXPECT_EQ(cellsOf(t), (std::vector<CellTuple>{{0, 0, 1, 1, "h1", "A1"}, {0, 1, 1, 1, "h2", "B1"},
                                                  {1, 0, 1, 1, "v", "A2"}, {1, 1, 1, 1, "p", "B2.1.1"},
                                                  {1, 2, 1, 1, "q", "B2.1.2"}}));
    EXPECT_EQ(t.cols, 3);
    EXPECT_TRUE(regularCellNames({"A1", "B1", "A2", "B2.1.1", "B2.1.2"}, shape).empty());
}

TEST(WriterGrid, RegularTableByPosition)
{
    WriterTableShape shape;
    shape.edges = {{0, 5000, 10000}, {0, 5001, 10000}};
    const std::vector<std::string> byPosition = regularCellNames({"B2", "A1", "B1", "A2"}, shape);
    EXPECT_EQ(byPosition, (std::vector<std::string>{"A1", "B1", "A2", "B2"}));
    const Table t = regularWriterGrid(2, 2, {cell("A1", "a"), cell("B1", "b"), cell("A2", "c"), cell("B2", "d")});
    EXPECT_EQ(cellsOf(t), (std::vector<CellTuple>{{0, 0, 1, 1, "a", "A1"}, {0, 1, 1, 1, "b", "B1"},
                                                  {1, 0, 1, 1, "c", "A2"}, {1, 1, 1, 1, "d", "B2"}}));
    // The same table through the general path gives the same grid.
    const Table general = writerGrid({cell("A1", "a"), cell("B1", "b"), cell("A2", "c"), cell("B2", "d")}, shape);
    EXPECT_EQ(cellsOf(general), cellsOf(t));
    // Not regular: edges apart by more than 2, a name missing, a name twice, a name outside.
    WriterTableShape apart = shape;
    apart.edges[1][1] = 5003;
    EXPECT_TRUE(regularCellNames({"A1", "B1", "A2", "B2"}, apart).empty());
    EXPECT_TRUE(regularCellNames({"A1", "B1", "A2"}, shape).empty());
    EXPECT_TRUE(regularCellNames({"A1", "B1", "A2", "A2"}, shape).empty());
    EXPECT_TRUE(regularCellNames({"A1", "B1", "A2", "C2"}, shape).empty());
}

TEST(WriterGrid, EdgesWithinToleranceShareAColumn)
{
    // relativeSum 1000: tolerance 2 units; 500 vs 502 is one column, 500 vs 504 two.
    WriterTableShape near;
    near.relativeSum = 1000;
    near.edges = {{0, 500, 1000}, {0, 502, 1000}};
    EXPECT_EQ(writerGrid({cell("A1", ""), cell("B1", ""), cell("A2", ""), cell("B2", "")}, near).cols, 2);
    WriterTableShape far = near;
    far.edges[1][1] = 504;
    const Table t = writerGrid({cell("A1", "a"), cell("B1", "b"), cell("A2", "c"), cell("B2", "d")}, far);
    EXPECT_EQ(t.cols, 3);
    EXPECT_EQ(cellsOf(t), (std::vector<CellTuple>{{0, 0, 1, 1, "a", "A1"}, {0, 1, 1, 2, "b", "B1"},
                                                  {1, 0, 1, 2, "c", "A2"}, {1, 2, 1, 1, "d", "B2"}}));
}

namespace {

std::vector<std::tuple<std::string, std::string, int>> spansOf(const std::vector<WriterCell>& cells)
{
    std::vector<std::tuple<std::string, std::string, int>> out;
    for (const WriterCell& c : cells)
        out.emplace_back(c.name, c.text, c.rowSpan);
    return out;
}

/// Row 1: A1 | B1; row 2: A2 (covered by A1) | B2; row 3: A3 | B3; then a row with one box.
WriterTableShape mergedShape()
{
    WriterTableShape shape;
    shape.edges = {{0, 5000, 10000}, {0, 5001, 10000}, {0, 5000, 10000}, {0, 10000}};
    return shape;
}

const std::vector<std::string> mergedNames = {"A1", "B1", "B2", "A3", "B3", "A4"};

} // namespace

TEST(WriterGrid, BoxTextsInDocumentOrderGiveTextsAndRowSpans)
{
    const auto cells = cellsFromBoxTexts(mergedNames, mergedShape(), {"类别", "x", "", "y", "1", "2", "合计"});
    ASSERT_TRUE(cells.has_value());
    using Row = std::tuple<std::string, std::string, int>;
    EXPECT_EQ(spansOf(*cells), (std::vector<Row>{{"A1", "类别", 2}, {"B1", "x", 1}, {"B2", "y", 1}, {"A3", "1", 1},
                                                 {"B3", "2", 1}, {"A4", "合计", 1}}));
    // The grid from them is the grid from the per-cell reads (text and RowSpan of each cell).
    EXPECT_EQ(cellsOf(writerGrid(*cells, mergedShape())),
              cellsOf(writerGrid({cell("A1", "类别", 2), cell("B1", "x"), cell("B2", "y"), cell("A3", "1"), cell("B3", "2"),
                                  cell("A4", "合计")},
                                 mergedShape())));
}

TEST(WriterGrid, BoxTextsThatCannotBeToldApartAreRefused)
{
    const std::vector<std::string> ok = {"类别", "x", "", "y", "1", "2", "合计"};
    ASSERT_TRUE(cellsFromBoxTexts(mergedNames, mergedShape(), ok).has_value());
    // a cell of two paragraphs: one text more than there are boxes
    std::vector<std::string> twoParagraphs = ok;
    twoParagraphs.insert(twoParagraphs.begin() + 1, "第二段");
    EXPECT_FALSE(cellsFromBoxTexts(mergedNames, mergedShape(), twoParagraphs).has_value());
    // fewer texts than boxes
    EXPECT_FALSE(cellsFromBoxTexts(mergedNames, mergedShape(), {"类别", "x", "", "y", "1", "2"}).has_value());
    // a covered box with text
    std::vector<std::string> coveredText = ok;
    coveredText[2] = "?";
    EXPECT_FALSE(cellsFromBoxTexts(mergedNames, mergedShape(), coveredText).has_value());
    // a covered box under no named box of its edges (B2 covered, but B1 is narrower)
    WriterTableShape narrow = mergedShape();
    narrow.edges[0] = {0, 5000, 9000, 10000};
    EXPECT_FALSE(cellsFromBoxTexts({"A1", "B1", "C1", "A2", "A3", "B3", "A4"}, narrow,
                                   {"a", "b", "c", "d", "", "e", "f", "g"})
                     .has_value());
    // a dotted name, a name beyond its row's boxes, names out of document order
    EXPECT_FALSE(cellsFromBoxTexts({"A1", "B1.1.1", "B2", "A3", "B3", "A4"}, mergedShape(), ok).has_value());
    EXPECT_FALSE(cellsFromBoxTexts({"A1", "B1", "B2", "A3", "B3", "B4"}, mergedShape(), ok).has_value());
    EXPECT_FALSE(cellsFromBoxTexts({"B1", "A1", "B2", "A3", "B3", "A4"}, mergedShape(), ok).has_value());
}

TEST(WriterGrid, BoxTextsOfARowSpanReachingTheLastRow)
{
    // B1 covers B2 and B3: its span is 3, and every covered box is claimed.
    WriterTableShape shape;
    shape.edges = {{0, 4000, 10000}, {0, 4000, 10000}, {0, 4002, 10000}};
    const auto cells = cellsFromBoxTexts({"A1", "B1", "A2", "A3"}, shape, {"a", "b", "c", "", "d", ""});
    ASSERT_TRUE(cells.has_value());
    using Row = std::tuple<std::string, std::string, int>;
    EXPECT_EQ(spansOf(*cells), (std::vector<Row>{{"A1", "a", 1}, {"B1", "b", 3}, {"A2", "c", 1}, {"A3", "d", 1}}));
}

TEST(WriterGrid, TableExportIsFramedByTheParagraphsAround)
{
    using Row = std::tuple<std::string, std::string, int>;
    const auto cells = cellsFromTableExport(mergedNames, mergedShape(), "\n类别\nx\n\ny\n1\n2\n合计\n");
    ASSERT_TRUE(cells.has_value());
    EXPECT_EQ(spansOf(*cells).front(), (Row{"A1", "类别", 2}));
    EXPECT_EQ(spansOf(*cells).back(), (Row{"A4", "合计", 1}));
    // not framed by empty lines: the range did not start and end at paragraph boundaries
    EXPECT_FALSE(cellsFromTableExport(mergedNames, mergedShape(), "前文\n类别\nx\n\ny\n1\n2\n合计\n").has_value());
    EXPECT_FALSE(cellsFromTableExport(mergedNames, mergedShape(), "\n类别\nx\n\ny\n1\n2\n合计").has_value());
    EXPECT_FALSE(cellsFromTableExport(mergedNames, mergedShape(), "").has_value());
}

TEST(WriterGrid, GridOfBoxCellsIsTheRegularGridWhenTheTableIsRegular)
{
    WriterTableShape shape;
    shape.edges = {{0, 10, 10000}, {0, 11, 10000}}; // a sliver first column, within 2 units in both rows
    const auto cells = cellsFromBoxTexts({"A1", "B1", "A2", "B2"}, shape, {"a", "b", "c", "d"});
    ASSERT_TRUE(cells.has_value());
    EXPECT_EQ(cellsOf(writerGridOfBoxCells(*cells, shape)),
              cellsOf(regularWriterGrid(2, 2, {cell("A1", "a"), cell("B1", "b"), cell("A2", "c"), cell("B2", "d")})));
    EXPECT_EQ(cellsOf(writerGridOfBoxCells(*cellsFromBoxTexts(mergedNames, mergedShape(), {"类别", "x", "", "y", "1", "2", "合计"}),
                                           mergedShape())),
              cellsOf(writerGrid(*cellsFromBoxTexts(mergedNames, mergedShape(), {"类别", "x", "", "y", "1", "2", "合计"}),
                                 mergedShape())));
}

TEST(WriterGrid, ParagraphsFromAnExportWithOneLinePerParagraph)
{
    EXPECT_EQ(exportLines("a\n\nb"), (std::vector<std::string>{"a", "", "b"}));
    EXPECT_EQ(exportLines(""), (std::vector<std::string>{""}));
    EXPECT_EQ(paragraphsFromExport("一、总体情况\n\n正文", 3), (std::vector<std::string>{"一、总体情况", "", "正文"}));
    // a manual line break in one of two paragraphs: three lines, not told apart
    EXPECT_FALSE(paragraphsFromExport("第一行\n第二行\n正文", 2).has_value());
    EXPECT_EQ(paragraphsFromExport("", 1), (std::vector<std::string>{""}));
}
