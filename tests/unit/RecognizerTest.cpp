// The recognizer under the deformations real documents show (spec §7, last row): lost
// merges, extra rows and columns, header line breaks, split labels, split tables, irregular
// physical columns — and tables that are not report tables.
#include "Seeds.h"

#include "ogi/Checker.h"
#include "ogi/Recognizer.h"
#include "ogi/Templates.h"
#include "ogi/Text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

using namespace ogi;

namespace {

/// The generated template with every merge dropped: each anchor becomes a 1x1 cell at its
/// anchor position (what a lossy export leaves), values from `values`.
Table flattened(const std::string& id, const std::map<std::string, std::string>& values)
{
    Table t = generateTable(id, values);
    for (Cell& c : t.cells) {
        c.rowSpan = c.colSpan = 1;
        c.address = "R" + std::to_string(c.row) + "C" + std::to_string(c.col);
    }
    return t;
}

/// Text of the cell mapped to a key.
std::string mappedText(const Document& doc, const Recognition& r, const std::string& key)
{
    auto it = r.cells.find(key);
    if (it == r.cells.end())
        return "<unmapped>";
    return doc.tables[static_cast<size_t>(it->second.table)].cells[static_cast<size_t>(it->second.cell)].text;
}

/// Every key maps to the cell holding its own value.
void expectAllMapped(const Document& doc, const Recognition& r, const std::map<std::string, std::string>& values)
{
    EXPECT_TRUE(r.missing.empty()) << "first missing: " << (r.missing.empty() ? "" : r.missing.front());
    for (const auto& [key, text] : values)
        EXPECT_EQ(mappedText(doc, r, key), text) << key;
}

/// Values that identify their key (distinct numbers), to prove the mapping cell by cell.
std::map<std::string, std::string> distinctValues(const std::string& id)
{
    std::map<std::string, std::string> v;
    int n = 1;
    for (const std::string& k : findTemplate(id)->keys()) {
        if (findTemplate(id)->cellForKey(k)->type == ValueType::Heading)
            continue;
        v[k] = std::to_string(n++);
    }
    return v;
}

Document single(Table t)
{
    Document d;
    d.addTable(std::move(t));
    return d;
}

} // namespace

/// Table four is identical in 2019 and 2021: alone, it is read as the current format (in a
/// document with other 2019 tables it is read as 2019, see SeedsTest).
std::string expectedAlone(const std::string& id) { return id == "2019-t4" ? "2021-t4" : id; }

class EveryTemplate : public ::testing::TestWithParam<std::string> {};

TEST_P(EveryTemplate, MapsEveryKeyWithMerges)
{
    const auto values = distinctValues(GetParam());
    const Document doc = single(generateTable(GetParam(), values));
    const auto rec = recognize(doc);
    ASSERT_EQ(rec.size(), 1u);
    EXPECT_EQ(rec[0].tmpl->id, expectedAlone(GetParam()));
    expectAllMapped(doc, rec[0], values);
}

TEST_P(EveryTemplate, MapsEveryKeyWhenMergesAreLost)
{
    const auto values = distinctValues(GetParam());
    const Document doc = single(flattened(GetParam(), values));
    const auto rec = recognize(doc);
    ASSERT_EQ(rec.size(), 1u);
    EXPECT_EQ(rec[0].tmpl->id, expectedAlone(GetParam()));
    expectAllMapped(doc, rec[0], values);
}

INSTANTIATE_TEST_SUITE_P(Templates, EveryTemplate,
    ::testing::Values("old", "old-b0", "2019-t2", "2019-t3", "2019-t4", "2021-t2", "2021-t3", "2021-t4"));

TEST(Recognizer, TellsThe2019TableThreeFromThe2021One)
{
    for (const char* id : {"2019-t3", "2021-t3"}) {
        const auto rec = recognize(single(generateTable(id)));
        ASSERT_EQ(rec.size(), 1u);
        EXPECT_EQ(rec[0].tmpl->id, id);
    }
}

TEST(Recognizer, HeaderTextWithLineBreaksAndStraySpaces)
{
    auto values = distinctValues("2019-t2");
    Table t = generateTable("2019-t2", values);
    for (Cell& c : t.cells) {
        if (c.text == "本年新制作数量") c.text = "本年新\n制作数量";
        if (c.text == "本年新公开数量") c.text = "本年新 公开数量";
        if (c.text == "第二十条第（一）项") c.text = "第二十条第 ( 一 ) 项";
    }
    const Document doc = single(std::move(t));
    const auto rec = recognize(doc);
    ASSERT_EQ(rec.size(), 1u);
    expectAllMapped(doc, rec[0], values);
}

TEST(Recognizer, ExtraColumnIsSkippedByItsHeader)
{
    // A local variant adds a 小计 column for the five kinds of organisations, before 总计.
    const auto values = distinctValues("2021-t3");
    Table base = generateTable("2021-t3", values);
    Table t;
    for (const Cell& c : base.cells) {
        Cell copy = c;
        if (c.col >= 9) copy.col += 1;                         // 总计 moves right
        if (c.row == 0 && c.col == 3) copy.colSpan += 1;       // 申请人情况 widens
        t.cells.push_back(copy);
    }
    t.add(1, 9, "法人或其他组织小计", 2, 1);
    for (int r = 3; r < base.rows; ++r)
        t.add(r, 9, "999");
    const Document doc = single(std::move(t));
    const auto rec = recognize(doc);
    ASSERT_EQ(rec.size(), 1u);
    expectAllMapped(doc, rec[0], values);
}

TEST(Recognizer, ExtraRowsOfALocalVariantAreIgnored)
{
    const auto values = distinctValues("old");
    Table base = generateTable("old", values);
    Table t;
    for (const Cell& c : base.cells) {
        Cell copy = c;
        if (c.row >= 4) copy.row += 2;                          // two local rows after B03
        t.cells.push_back(copy);
    }
    t.add(4, 0, "主动公开机构领导、机构设置及人事信息");
    t.add(4, 1, "条");
    t.add(4, 2, "77");
    t.add(5, 0, "主动公开行政执法信息");
    t.add(5, 1, "条");
    t.add(5, 2, "88");
    const Document doc = single(std::move(t));
    const auto rec = recognize(doc);
    ASSERT_EQ(rec.size(), 1u);
    expectAllMapped(doc, rec[0], values);
}

TEST(Recognizer, SubtotalRowsAreMappedAndNeverGenerated)
{
    for (const char* id : {"2021-t3", "2019-t3"}) {
        SCOPED_TRACE(id);
        const TemplateDef* def = findTemplate(id);
        const auto values = distinctValues(id);
        std::map<std::string, std::map<std::string, std::string>> subs;
        std::map<std::string, std::string> want = values;
        int n = 900;
        for (const SubtotalRow& s : def->subtotals)
            for (const char* ck : {"NP", "BIZ", "RES", "NGO", "LAW", "OTH", "TOT"}) {
                subs[s.key][ck] = std::to_string(n);
                want[s.key + "." + ck] = std::to_string(n++);
            }
        EXPECT_EQ(def->subtotals.size(), std::string(id) == "2021-t3" ? 4u : 3u);
        for (bool merged : {true, false}) {
            SCOPED_TRACE(merged ? "merged" : "merges lost");
            const Document doc = test::documentWithSubtotals(id, values, subs, merged);
            const auto rec = recognize(doc);
            ASSERT_EQ(rec.size(), 1u);
            EXPECT_EQ(rec[0].tmpl->id, id);
            expectAllMapped(doc, rec[0], want);
        }
        // The national form has no subtotal rows: the generator never emits them.
        const Table blank = generateTable(id);
        for (const Cell& c : blank.cells)
            EXPECT_EQ(c.text.find("小计"), std::string::npos) << c.text;
        EXPECT_EQ(def->describeKey("R3_3_SUB.NP"), "（三）不予公开 小计 / 自然人");
    }
}

TEST(Recognizer, LabelSplitOverTwoRowsInTableThree)
{
    const auto values = distinctValues("2021-t3");
    Table t = flattened("2021-t3", values);
    // Row 23 (R3_6_1): the long label wraps; the first line is a row of its own.
    for (Cell& c : t.cells)
        if (c.row >= 23) c.row += 1;
    for (Cell& c : t.cells)
        if (c.row == 24 && c.text.rfind("1.申请人无正当理由", 0) == 0)
            c.text = "行政机关不再处理其政府信息公开申请";
    t.add(23, 2, "1.申请人无正当理由逾期不补正、");
    const Document doc = single(std::move(t));
    const auto rec = recognize(doc);
    ASSERT_EQ(rec.size(), 1u);
    expectAllMapped(doc, rec[0], values);
}

TEST(Recognizer, TableSplitByAPageBreakIsJoined)
{
    const auto values = distinctValues("old");
    const Table whole = generateTable("old", values);
    Table first, second;
    for (const Cell& c : whole.cells) {
        if (c.row < 30)
            first.cells.push_back(c);
        else {
            Cell copy = c;
            copy.row -= 30;
            second.cells.push_back(copy);
        }
    }
    first.name = "Table1";
    second.name = "Table2";
    Document doc;
    doc.addTable(first);
    doc.addParagraph("");
    doc.addTable(second);
    const auto rec = recognize(doc);
    ASSERT_EQ(rec.size(), 1u);
    EXPECT_EQ(rec[0].sourceTables, (std::vector<int>{0, 1}));
    expectAllMapped(doc, rec[0], values);
    EXPECT_EQ(rec[0].cells.at("B65").table, 1);
}

TEST(Recognizer, Irregular2019TableTwoColumns)
{
    // 上海 2019 HTML: 5 physical columns; in (五)/(六) the header gives colspan 2 to 本年增/减
    // while the data rows give it to the first value cell, so columns do not line up.
    Table t;
    int r = 0;
    auto row = [&](std::vector<std::pair<std::string, int>> cells) {
        int c = 0;
        for (auto& [text, span] : cells) {
            t.add(r, c, text, 1, span);
            c += span;
        }
        ++r;
    };
    row({{"第二十条第（一）项", 5}});
    row({{"信息内容", 1}, {"本年新制作数量", 1}, {"本年新公开数量", 2}, {"对外公开总数量", 1}});
    row({{"规章", 1}, {"1", 1}, {"2", 2}, {"3", 1}});
    row({{"规范性文件", 1}, {"4", 1}, {"5", 2}, {"6", 1}});
    row({{"第二十条第（五）项", 5}});
    row({{"信息内容", 1}, {"上一年项目数量", 1}, {"本年增/减", 2}, {"处理决定数量", 1}});
    row({{"行政许可", 1}, {"7", 2}, {"+8", 1}, {"9", 1}});
    row({{"其他对外管理服务事项", 1}, {"10", 2}, {"11(增)", 1}, {"12", 1}});
    row({{"第二十条第（六）项", 5}});
    row({{"信息内容", 1}, {"上一年项目数量", 1}, {"本年增/减", 2}, {"处理决定数量", 1}});
    row({{"行政处罚", 1}, {"13", 2}, {"14", 1}, {"15", 1}});
    row({{"行政强制", 1}, {"16", 2}, {"17", 1}, {"18", 1}});
    row({{"第二十条第（八）项", 5}});
    row({{"信息内容", 1}, {"上一年项目数量", 2}, {"本年增/减", 2}});
    row({{"行政事业性收费", 1}, {"19", 2}, {"20", 2}});
    row({{"第二十条第（九）项", 5}});
    row({{"信息内容", 1}, {"采购项目数量", 2}, {"采购总金额", 2}});
    row({{"政府集中采购", 1}, {"21", 2}, {"22元", 2}});
    const Document doc = single(std::move(t));
    const auto rec = recognize(doc);
    ASSERT_EQ(rec.size(), 1u);
    EXPECT_EQ(rec[0].tmpl->id, "2019-t2");
    EXPECT_TRUE(rec[0].missing.empty());
    EXPECT_EQ(mappedText(doc, rec[0], "P1_RULE.NEW_PUB"), "2");
    EXPECT_EQ(mappedText(doc, rec[0], "P5_LIC.PREV"), "7");
    EXPECT_EQ(mappedText(doc, rec[0], "P5_LIC.CHG"), "+8");
    EXPECT_EQ(mappedText(doc, rec[0], "P5_LIC.DEC"), "9");
    EXPECT_EQ(mappedText(doc, rec[0], "P6_ENF.DEC"), "18");
    EXPECT_EQ(mappedText(doc, rec[0], "P8_FEE.CHG"), "20");
    EXPECT_EQ(mappedText(doc, rec[0], "P9_PROC.AMT"), "22元");
}

TEST(Recognizer, TablesThatAreNotReportTablesAreIgnored)
{
    Table staff;
    staff.add(0, 0, "姓名");
    staff.add(0, 1, "职务");
    staff.add(0, 2, "电话");
    staff.add(1, 0, "张三");
    staff.add(1, 1, "科员");
    staff.add(1, 2, "0951-8677006");
    Table empty;
    Document doc;
    doc.addTable(staff);
    doc.addTable(empty);
    EXPECT_TRUE(recognize(doc).empty());
    const Report r = Checker().check(doc);
    EXPECT_TRUE(r.diagnostics.empty());
}

TEST(Recognizer, SeveralReportTablesInOneDocumentKeepTheirOrder)
{
    Document doc;
    doc.addParagraph("二、主动公开政府信息情况", 1);
    doc.addTable(generateTable("2021-t2"));
    doc.addParagraph("三、收到和处理政府信息公开申请情况", 1);
    doc.addTable(generateTable("2021-t3"));
    doc.addParagraph("四、政府信息公开行政复议、行政诉讼情况", 1);
    doc.addTable(generateTable("2021-t4"));
    const auto rec = recognize(doc);
    ASSERT_EQ(rec.size(), 3u);
    EXPECT_EQ(rec[0].tmpl->id, "2021-t2");
    EXPECT_EQ(rec[1].tmpl->id, "2021-t3");
    EXPECT_EQ(rec[2].tmpl->id, "2021-t4");
}

TEST(Recognizer, CorruptSpansDoNotCrash)
{
    Table t = generateTable("2021-t4");
    t.cells[0].rowSpan = 1000000;
    t.cells[1].colSpan = -5;
    t.cells[2].row = -3;
    t.add(70000, 70000, "1");
    const Document doc = single(std::move(t));
    EXPECT_NO_THROW(Checker().check(doc));
}

TEST(Year, FoundInTitleOrPeriod)
{
    Document a;
    a.addParagraph("金凤区司法局2017年政府信息公开工作年度报告");
    EXPECT_EQ(findReportYear(a), 2017);
    Document b;
    b.addParagraph("所列政府信息公开数据统计期限为2018年1月1日至2018年12月31日。");
    EXPECT_EQ(findReportYear(b), 2018);
    Document c;
    c.addParagraph("上海市司法局工作要点");
    EXPECT_EQ(findReportYear(c), 0);
}

// ---------------------------------------------------------------------------------------
// The version of a table its rows cannot decide (issue 9.3)

namespace {

/// The table's first `rows` grid rows (what an excerpt that stops early keeps): spans clamped.
Table cutAfter(Table t, int rows)
{
    std::vector<Cell> kept;
    for (Cell c : t.cells)
        if (c.row < rows) {
            c.rowSpan = std::min(c.rowSpan, rows - c.row);
            kept.push_back(std::move(c));
        }
    t.cells = std::move(kept);
    t.rows = rows;
    return t;
}

/// Grid row of a value key's cell in the generated template.
int gridRow(const std::string& id, const std::string& key) { return findTemplate(id)->cellForKey(key)->row; }

/// A 2021 table three that stops before （六）其他处理 (its rows are all the 2019 template has too).
Table cutShort2021Three()
{
    return cutAfter(generateTable("2021-t3", test::consistentValues("2021-t3", 3)), gridRow("2021-t3", "R3_6_1.NP"));
}

std::set<std::string> rulesOf(const Report& r)
{
    std::set<std::string> out;
    for (const Diagnostic& d : r.diagnostics)
        out.insert(d.rule);
    return out;
}

} // namespace

TEST(RecognizerVersion, CutShort2021TableThreeAloneLooksLike2019ButIsNotProven)
{
    // The smaller 2019 template scores higher on the shared rows; nothing of the table says so.
    const auto rec = recognize(single(cutShort2021Three()));
    ASSERT_EQ(rec.size(), 1u);
    EXPECT_EQ(rec[0].tmpl->family, "t3");
    EXPECT_FALSE(rec[0].versionProven);
}

TEST(RecognizerVersion, CutShort2021TableThreeInA2021DocumentIs2021WithoutS4)
{
    Document doc;
    doc.addParagraph("某某局2024年政府信息公开工作年度报告", 1);
    doc.addParagraph("二、主动公开政府信息情况", 1);
    doc.addTable(generateTable("2021-t2", test::consistentValues("2021-t2", 3)));
    doc.addParagraph("三、收到和处理政府信息公开申请情况", 1);
    doc.addTable(cutShort2021Three());
    const auto rec = recognize(doc);
    ASSERT_EQ(rec.size(), 2u);
    EXPECT_EQ(rec[0].tmpl->id, "2021-t2");
    EXPECT_TRUE(rec[0].versionProven);
    EXPECT_EQ(rec[1].tmpl->id, "2021-t3");   // by the document's table two
    EXPECT_FALSE(rec[1].versionProven);
    const Report r = Checker().check(doc);
    EXPECT_EQ(r.year, 2024);
    EXPECT_FALSE(rulesOf(r).count("S-4")) << r.toText();
    // R-1 says which rows are missing, in words
    const Diagnostic* r1 = nullptr;
    for (const Diagnostic& d : r.diagnostics)
        if (d.rule == "R-1")
            r1 = &d;
    ASSERT_NE(r1, nullptr) << r.toText();
    EXPECT_EQ(r1->templateId, "2021-t3");
    const std::string& zh = r1->message("zh-CN");
    EXPECT_NE(zh.find("缺少“（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请”、"
                      "“（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”、"
                      "“（六）其他处理 3.其他”、“（七）总计”、“四、结转下年度继续办理”（共 35 个单元格未能识别）"),
              std::string::npos)
        << zh;
    EXPECT_EQ(zh.find("R3_"), std::string::npos) << zh;   // labels, not keys
    const std::string& en = r1->message("en-US");
    EXPECT_NE(en.find("lacks \"（六）其他处理 1.申请人无正当理由"), std::string::npos) << en;
    EXPECT_EQ(en.find("R3_"), std::string::npos) << en;

    // Without table two, the report year decides; so does the year given by the caller.
    Document alone;
    alone.addParagraph("某某局2024年政府信息公开工作年度报告", 1);
    alone.addTable(cutShort2021Three());
    ASSERT_EQ(recognize(alone).size(), 1u);
    EXPECT_EQ(recognize(alone)[0].tmpl->id, "2021-t3");
    EXPECT_FALSE(rulesOf(Checker().check(alone)).count("S-4"));
    EXPECT_EQ(recognize(single(cutShort2021Three()), 2023)[0].tmpl->id, "2021-t3");
    EXPECT_EQ(recognize(single(cutShort2021Three()), 2020)[0].tmpl->id, "2019-t3");
}

TEST(RecognizerVersion, TableFourTakesTheFormatOfTheYearFromTheFormatsFile)
{
    // Table four is the same in 2019 and 2021: its rows cannot decide, formats.json does — the
    // report year's format (`from`), else the detection order (the newest first).
    const Table four = generateTable("2021-t4", test::consistentValues("2021-t4", 2));
    for (const auto& [year, id] : std::vector<std::pair<int, std::string>>{
             {2024, "2021-t4"}, {2021, "2021-t4"}, {2020, "2019-t4"}, {2019, "2019-t4"}, {0, "2021-t4"}}) {
        const auto rec = recognize(single(four), year);
        ASSERT_EQ(rec.size(), 1u) << year;
        EXPECT_EQ(rec[0].tmpl->id, id) << year;
        EXPECT_FALSE(rec[0].versionProven) << year;
    }
    // Before every format with two versions of table four (2014–2018: the statistics table's
    // format has none), the detection order decides.
    EXPECT_EQ(recognize(single(four), 2016)[0].tmpl->id, "2021-t4");
    // A 2014 statistics table in the same document says nothing about table four's format
    // (its family has one format only); the year does.
    Document doc;
    doc.addTable(generateTable("old", test::consistentValues("old", 2)));
    doc.addTable(four);
    const auto both = recognize(doc, 2020);
    ASSERT_EQ(both.size(), 2u);
    EXPECT_EQ(both[0].tmpl->id, "old");
    EXPECT_EQ(both[1].tmpl->id, "2019-t4");
}

TEST(RecognizerVersion, Genuine2019TableThreeInA2024ReportIsOutdated)
{
    // Its single （六）其他处理 row with values proves 2019, whatever the document says.
    for (bool withTwo : {false, true}) {
        SCOPED_TRACE(withTwo ? "next to a 2021 table two" : "alone");
        Document doc;
        doc.addParagraph("某某局2024年政府信息公开工作年度报告", 1);
        if (withTwo)
            doc.addTable(generateTable("2021-t2", test::consistentValues("2021-t2", 2)));
        doc.addTable(generateTable("2019-t3", test::consistentValues("2019-t3", 2)));
        const auto rec = recognize(doc);
        ASSERT_EQ(rec.size(), withTwo ? 2u : 1u);
        EXPECT_EQ(rec.back().tmpl->id, "2019-t3");
        EXPECT_TRUE(rec.back().versionProven);
        const Report r = Checker().check(doc);
        std::vector<std::tuple<std::string, std::string, std::string, std::string>> s4;
        for (const Diagnostic& d : r.diagnostics)
            if (d.rule == "S-4")
                s4.emplace_back(d.templateId, toString(d.severity), d.expected, d.actual);
        EXPECT_EQ(s4, (std::vector<std::tuple<std::string, std::string, std::string, std::string>>{
                          {"2019-t3", "warning", "2021", "2019"}}))
            << r.toText();
        EXPECT_FALSE(rulesOf(r).count("R-1")) << r.toText();
    }
    // and a full 2021 table three is 2021 by its own labels, also in a 2019 document
    Document d2019;
    d2019.addParagraph("某某局2019年政府信息公开工作年度报告", 1);
    d2019.addTable(generateTable("2019-t2"));
    d2019.addTable(generateTable("2021-t3"));
    const auto rec = recognize(d2019);
    ASSERT_EQ(rec.size(), 2u);
    EXPECT_EQ(rec[1].tmpl->id, "2021-t3");
    EXPECT_TRUE(rec[1].versionProven);
}

TEST(RecognizerVersion, ATableThatMapsNoValueCellOnlyResemblesTheTemplate)
{
    // Table three's labels without a single value cell: R-2 (resembles), never "matches" (R-1).
    Table t = generateTable("2021-t3", distinctValues("2021-t3"));
    std::vector<Cell> labels;
    for (const Cell& c : t.cells)
        if (!looksLikeValue(c.text))
            labels.push_back(c);
    t.cells = labels;
    const Document doc = single(t);
    EXPECT_TRUE(recognize(doc).empty());
    const Report r = Checker().check(doc);
    EXPECT_TRUE(r.tables.empty());
    ASSERT_EQ(r.diagnostics.size(), 1u) << r.toText();
    EXPECT_EQ(r.diagnostics[0].rule, "R-2");
    EXPECT_EQ(r.diagnostics[0].expected, "2021-t3");
}

// ---------------------------------------------------------------------------------------
// Label variants and PDF extraction of real reports (issue 9.5, table side)

TEST(RecognizerVariants, TableTwo2021WithoutThe行政Of规范性文件)
{
    // Real 2021 reports write 规范性文件 where the form says 行政规范性文件 (template data: alt).
    const auto values = distinctValues("2021-t2");
    Table t = generateTable("2021-t2", values);
    int changed = 0;
    for (Cell& c : t.cells)
        if (c.text == "行政规范性文件") {
            c.text = "规范性文件";
            ++changed;
        }
    ASSERT_EQ(changed, 1);
    Document doc;
    doc.addParagraph("某某局2022年政府信息公开工作年度报告", 1);
    doc.addTable(t);
    const auto rec = recognize(doc);
    ASSERT_EQ(rec.size(), 1u);
    EXPECT_EQ(rec[0].tmpl->id, "2021-t2");
    EXPECT_TRUE(rec[0].versionProven);
    expectAllMapped(doc, rec[0], values);
    EXPECT_TRUE(Checker().check(single(generateTable("2021-t2", test::consistentValues("2021-t2", 4)))).diagnostics.empty());
}

TEST(RecognizerVariants, TableFourFromAPdfWithVerticalHeadersSplitIntoCharacters)
{
    // The four group headers and the row of 15 numbers are intact; 结果维持 … 总计 come one
    // character a row (the PDF's vertical text), the 总计 columns two rows only.
    const std::vector<std::string> heads = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};
    Table t;
    int col = 0;
    auto name = [](int r, int c) { return "R" + std::to_string(r) + "C" + std::to_string(c); };
    t.add(0, 0, "行政复议", 1, 5, name(0, 0));
    t.add(0, 5, "行政诉讼", 1, 10, name(0, 5));
    for (int c = 0; c < 5; ++c)
        t.add(1, c, "", 1, 1, name(1, c));
    t.add(1, 5, "未经复议直接起诉", 1, 5, name(1, 5));
    t.add(1, 10, "复议后起诉", 1, 5, name(1, 10));
    for (col = 0; col < 15; ++col) {
        const std::string& h = heads[static_cast<size_t>(col % 5)];
        for (int i = 0; i < 4; ++i) {
            const std::string ch = static_cast<size_t>(i * 3) < h.size() ? h.substr(static_cast<size_t>(i * 3), 3) : "";
            t.add(2 + i, col, ch, 1, 1, name(2 + i, col));
        }
    }
    const std::vector<std::string> keys = {"RV_KEEP", "RV_CORR", "RV_OTHR", "RV_PEND", "RV_TOT",
                                           "LD_KEEP", "LD_CORR", "LD_OTHR", "LD_PEND", "LD_TOT",
                                           "LR_KEEP", "LR_CORR", "LR_OTHR", "LR_PEND", "LR_TOT"};
    const std::vector<std::string> numbers = {"3", "1", "0", "2", "6", "1", "0", "0", "1", "2", "2", "1", "0", "0", "3"};
    for (col = 0; col < 15; ++col)
        t.add(6, col, numbers[static_cast<size_t>(col)], 1, 1, name(6, col));
    const Document doc = single(t);
    const auto rec = recognize(doc);
    ASSERT_EQ(rec.size(), 1u);
    EXPECT_EQ(rec[0].tmpl->family, "t4");
    std::map<std::string, std::string> want;
    for (size_t i = 0; i < keys.size(); ++i)
        want[keys[i]] = numbers[i];
    expectAllMapped(doc, rec[0], want);
    EXPECT_EQ(doc.tables[0].cells[static_cast<size_t>(rec[0].cells.at("LR_TOT").cell)].address, "R6C14");
    const Report r = Checker().check(doc);
    EXPECT_TRUE(r.diagnostics.empty()) << r.toText();
    // a wrong total in it is found on its own cell
    Table wrong = t;
    for (Cell& c : wrong.cells)
        if (c.address == "R6C4")
            c.text = "7";
    const Report w = Checker().check(single(wrong));
    ASSERT_EQ(w.diagnostics.size(), 1u) << w.toText();
    EXPECT_EQ(std::make_tuple(w.diagnostics[0].rule, w.diagnostics[0].cell.key, w.diagnostics[0].cell.address),
              std::make_tuple(std::string("L-1"), std::string("RV_TOT"), std::string("R6C4")));
}
