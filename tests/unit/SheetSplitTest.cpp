// ogi::splitSheet (Calc sheet → paragraphs and tables), without an office: bands of rows and
// blocks of columns, full-width text lines, the table 二 caption rows that stay in the table,
// merges reaching into a block, hidden content under a merge, the too-large bound.
#include "ogi/SheetSplit.h"

#include "CellTuples.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <tuple>
#include <vector>

using namespace ogi;

namespace {

using test::CellTuple;
using test::cellsOf;

/// "P:<text>" for a paragraph, "T:<name> <rows>x<cols>" for a table.
std::vector<std::string> outline(const SheetSplit& s)
{
    std::vector<std::string> out;
    for (const SheetItem& item : s.items)
        out.push_back(item.isTable ? "T:" + item.table.name + " " + std::to_string(item.table.rows) + "x" +
                                         std::to_string(item.table.cols)
                                   : "P:" + item.text);
    return out;
}

SheetContent reportSheet()
{
    // Row 0: title merged over A:C; row 1: a narrative line merged over A:C; rows 2-3: a 3-column table.
    SheetContent s;
    s.cells = {{0, 0, "标题"}, {1, 0, "说明"}, {2, 0, "项目"}, {2, 1, "本年"}, {2, 2, "上年"},
               {3, 0, "收入"}, {3, 1, "5"},    {3, 2, "4"}};
    s.merges = {{0, 0, 0, 2}, {1, 0, 1, 2}};
    return s;
}

} // namespace

TEST(SheetSplit, FullWidthRowsAreParagraphsAndTheRestATable)
{
    const SheetSplit s = splitSheet(reportSheet(), "表1");
    EXPECT_EQ(outline(s), (std::vector<std::string>{"P:标题", "P:说明", "T:表1.A3:C4 2x3"}));
    EXPECT_TRUE(s.tooLarge.empty());
    const std::vector<CellTuple> expected = {
        {0, 0, 1, 1, "项目", "表1.A3"}, {0, 1, 1, 1, "本年", "表1.B3"}, {0, 2, 1, 1, "上年", "表1.C3"},
        {1, 0, 1, 1, "收入", "表1.A4"}, {1, 1, 1, 1, "5", "表1.B4"},    {1, 2, 1, 1, "4", "表1.C4"}};
    EXPECT_EQ(cellsOf(s.items[2].table), expected);
    EXPECT_EQ(s.items[2].table.location, "表1.A3:C4");
}

TEST(SheetSplit, InputOrderDoesNotMatter)
{
    SheetContent shuffled = reportSheet();
    std::mt19937 rng(7);
    std::shuffle(shuffled.cells.begin(), shuffled.cells.end(), rng);
    const SheetSplit a = splitSheet(reportSheet(), "S"), b = splitSheet(shuffled, "S");
    ASSERT_EQ(outline(a), outline(b));
    EXPECT_EQ(cellsOf(a.items[2].table), cellsOf(b.items[2].table));
}

TEST(SheetSplit, EmptyRowsAndColumnsSeparateBlocksInReadingOrder)
{
    // Block 1: A1:B2; block 2 (right of an empty column C): D1:E2; block 3 below an empty row: A4:B5.
    SheetContent s;
    for (int r : {0, 1, 3, 4})
        for (int c : {0, 1})
            s.cells.push_back({r, c, std::to_string(r) + std::to_string(c)});
    for (int r : {0, 1})
        for (int c : {3, 4})
            s.cells.push_back({r, c, "x" + std::to_string(r) + std::to_string(c)});
    const SheetSplit out = splitSheet(s, "S");
    EXPECT_EQ(outline(out), (std::vector<std::string>{"T:S.A1:B2 2x2", "T:S.D1:E2 2x2", "T:S.A4:B5 2x2"}));
    EXPECT_EQ(std::get<4>(cellsOf(out.items[1].table).back()), "x14");
}

TEST(SheetSplit, RaggedRowsGiveBlankCellsInTheBlockRectangle)
{
    SheetContent s;
    s.cells = {{0, 0, "a"}, {0, 1, "b"}, {0, 2, "c"}, {1, 0, "d"}};
    const SheetSplit out = splitSheet(s, "S");
    ASSERT_EQ(outline(out), (std::vector<std::string>{"T:S.A1:C2 2x3"}));
    const std::vector<CellTuple> cells = cellsOf(out.items[0].table);
    ASSERT_EQ(cells.size(), 6u);
    EXPECT_EQ(cells[4], (CellTuple{1, 1, 1, 1, "", "S.B2"}));
    EXPECT_EQ(cells[5], (CellTuple{1, 2, 1, 1, "", "S.C2"}));
}

TEST(SheetSplit, RowsWithNothingFilledInTheirBlockAreReadWithoutFailing)
{
    // A title merged over A1:C1 and a tall merge E1:E3 make one band of three rows; in the block
    // A:C, rows 2 and 3 hold nothing, so their segment trims to no column (found by FuzzGrid: the
    // table's cells were reserved for a negative width).
    SheetContent s;
    s.cells = {{0, 0, "标题"}, {0, 4, "x"}};
    s.merges = {{0, 0, 0, 2}, {0, 4, 2, 4}};
    SheetSplit out;
    ASSERT_NO_THROW(out = splitSheet(s, "S"));
    ASSERT_GE(out.items.size(), 2u);
    EXPECT_FALSE(out.items[0].isTable);
    EXPECT_EQ(out.items[0].text, "标题");
    for (const SheetItem& item : out.items)
        if (item.isTable && item.table.name.rfind("S.A", 0) == 0) {
            EXPECT_TRUE(item.table.cells.empty()) << item.table.name;
        }
}

TEST(SheetSplit, TemplateCaptionRowStaysInTheTable)
{
    // Table 二's full-width caption "第二十条第（一）项" is part of the grid, not a paragraph;
    // an ordinary full-width text between the same rows is.
    for (const std::string& caption : {std::string("第二十条第（一）项"), std::string("普通说明")}) {
        SheetContent s;
        s.cells = {{0, 0, "信息内容"}, {0, 1, "本年制发件数"}, {1, 0, caption}, {2, 0, "规章"}, {2, 1, "3"}};
        s.merges = {{1, 0, 1, 1}};
        const SheetSplit out = splitSheet(s, "S");
        if (caption == "普通说明")
            EXPECT_EQ(outline(out), (std::vector<std::string>{"T:S.A1:B1 1x2", "P:普通说明", "T:S.A3:B3 1x2"}));
        else
            EXPECT_EQ(outline(out), (std::vector<std::string>{"T:S.A1:B3 3x2"}));
    }
}

TEST(SheetSplit, LeadingSingleCellRowsAreParagraphs)
{
    SheetContent s;
    s.cells = {{0, 0, "一、总体情况"}, {1, 0, "项目"}, {1, 1, "数"}, {2, 0, "合计"}};
    const SheetSplit out = splitSheet(s, "S");
    EXPECT_EQ(outline(out), (std::vector<std::string>{"P:一、总体情况", "T:S.A2:B3 2x2"}));
}

TEST(SheetSplit, MergesKeepSpansAndHiddenContentIsIgnored)
{
    // A1:A2 merged (anchor "类别"), with hidden content at A2 under the merge; B1, B2 values.
    SheetContent s;
    s.cells = {{0, 0, "类别"}, {0, 1, "1"}, {1, 0, "隐藏"}, {1, 1, "2"}, {2, 0, "合计"}, {2, 1, "3"}};
    s.merges = {{0, 0, 1, 0}};
    const SheetSplit out = splitSheet(s, "S");
    ASSERT_EQ(outline(out), (std::vector<std::string>{"T:S.A1:B3 3x2"}));
    const std::vector<CellTuple> expected = {{0, 0, 2, 1, "类别", "S.A1"}, {0, 1, 1, 1, "1", "S.B1"},
                                             {1, 1, 1, 1, "2", "S.B2"},    {2, 0, 1, 1, "合计", "S.A3"},
                                             {2, 1, 1, 1, "3", "S.B3"}};
    EXPECT_EQ(cellsOf(out.items[0].table), expected);
}

TEST(SheetSplit, BlankMergeReachingIntoATableIsReanchoredAtItsEdge)
{
    // The content is in B:C; a blank merge A2:B2 reaches into the block from the left. It is a
    // cell of the table, re-anchored at the table's left edge with the span that is inside,
    // keeping the address of its real anchor.
    SheetContent s;
    s.cells = {{0, 1, "x"}, {0, 2, "y"}, {1, 2, "z"}, {2, 1, "1"}, {2, 2, "2"}};
    s.merges = {{1, 0, 1, 1}};
    const SheetSplit out = splitSheet(s, "S");
    ASSERT_EQ(outline(out), (std::vector<std::string>{"T:S.B1:C3 3x2"}));
    const std::vector<CellTuple> expected = {{0, 0, 1, 1, "x", "S.B1"}, {0, 1, 1, 1, "y", "S.C1"},
                                             {1, 0, 1, 1, "", "S.A2"},  {1, 1, 1, 1, "z", "S.C2"},
                                             {2, 0, 1, 1, "1", "S.B3"}, {2, 1, 1, 1, "2", "S.C3"}};
    EXPECT_EQ(cellsOf(out.items[0].table), expected);
}

TEST(SheetSplit, TooLargeBlockIsReportedNotRead)
{
    SheetContent s;
    s.cells = {{0, 0, "a"}, {0, 1, "b"}, {1, 0, "c"}, {1, 1, "d"}, {5, 0, "e"}, {5, 1, "f"}};
    const SheetSplit out = splitSheet(s, "S", 3);
    ASSERT_EQ(out.tooLarge.size(), 1u);
    EXPECT_EQ(calcRangeName("S", out.tooLarge[0]), "S.A1:B2");
    EXPECT_EQ(out.tooLarge[0].area(), 4);
    EXPECT_EQ(outline(out), (std::vector<std::string>{"T:S.A6:B6 1x2"}));
}

TEST(SheetSplit, EmptySheetGivesNothing)
{
    const SheetSplit out = splitSheet(SheetContent{}, "S");
    EXPECT_TRUE(out.items.empty());
    EXPECT_TRUE(out.tooLarge.empty());
}

TEST(SheetSplit, CalcColumnNames)
{
    EXPECT_EQ(calcColumnName(0), "A");
    EXPECT_EQ(calcColumnName(25), "Z");
    EXPECT_EQ(calcColumnName(26), "AA");
    EXPECT_EQ(calcColumnName(701), "ZZ");
    EXPECT_EQ(calcColumnName(702), "AAA");
    EXPECT_EQ(calcRangeName("Sheet1", {4, 2, 9, 27}), "Sheet1.C5:AB10");
}
