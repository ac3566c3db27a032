// The national templates as data (spec §2–§4): the generated grids (size, merges, labels),
// the round trip generate → fill → recognize → check, injected errors and blank tables, and
// the 2021 report skeleton (spec §8.2).
#include "Rules.h"
#include "Seeds.h"

#include "ogi/Checker.h"
#include "ogi/Recognizer.h"
#include "ogi/Templates.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace ogi::data {
const std::vector<std::pair<std::string_view, std::string_view>>& templateFiles();
} // namespace ogi::data

using namespace ogi;

namespace {

using Values = std::map<std::string, std::string>;
using Finding = std::tuple<std::string, std::string, std::string>;                           // rule, severity, key
using Detail = std::tuple<std::string, std::string, std::string, std::string, std::string>; // … expected, actual

const std::vector<std::string> kTemplateIds = {"old",     "old-b0",  "2019-t2", "2019-t3",
                                               "2019-t4", "2021-t2", "2021-t3", "2021-t4"};

/// A report title whose year matches the template's era, so that S-4 stays quiet.
std::string titleFor(const std::string& id)
{
    const std::string& version = findTemplate(id)->version;
    if (version == "2014")
        return "2017年度政府信息公开工作年度报告";
    return version + "年政府信息公开工作年度报告";
}

Report check(const std::string& id, const Values& values)
{
    return Checker().check(test::documentWith(id, values, titleFor(id)));
}

std::set<Finding> findings(const Report& r)
{
    std::set<Finding> out;
    for (const Diagnostic& d : r.diagnostics)
        out.emplace(d.rule, toString(d.severity), d.cell.key);
    return out;
}

std::set<Detail> details(const Report& r)
{
    std::set<Detail> out;
    for (const Diagnostic& d : r.diagnostics)
        out.emplace(d.rule, toString(d.severity), d.cell.key, d.expected, d.actual);
    return out;
}

int num(const Values& v, const std::string& key) { return std::stoi(v.at(key)); }
std::string str(int n) { return std::to_string(n); }

/// The anchor cell starting at (r, c), or nullptr.
const Cell* anchorAt(const Table& t, int r, int c)
{
    for (const Cell& cell : t.cells)
        if (cell.row == r && cell.col == c)
            return &cell;
    return nullptr;
}

void expectAnchor(const Table& t, int r, int c, int rowSpan, int colSpan, const std::string& text)
{
    const Cell* cell = anchorAt(t, r, c);
    ASSERT_NE(cell, nullptr) << "no anchor at (" << r << "," << c << ")";
    EXPECT_EQ(cell->rowSpan, rowSpan) << "(" << r << "," << c << ") " << cell->text;
    EXPECT_EQ(cell->colSpan, colSpan) << "(" << r << "," << c << ") " << cell->text;
    EXPECT_EQ(cell->text, text) << "(" << r << "," << c << ")";
}

/// Every grid position is covered by exactly one anchor, and no anchor reaches outside.
void expectCoveredOnce(const Table& t)
{
    std::vector<int> count(static_cast<size_t>(t.rows * t.cols), 0);
    for (const Cell& c : t.cells) {
        ASSERT_GE(c.row, 0);
        ASSERT_GE(c.col, 0);
        ASSERT_LE(c.row + c.rowSpan, t.rows) << c.text;
        ASSERT_LE(c.col + c.colSpan, t.cols) << c.text;
        for (int r = c.row; r < c.row + c.rowSpan; ++r)
            for (int k = c.col; k < c.col + c.colSpan; ++k)
                ++count[static_cast<size_t>(r * t.cols + k)];
    }
    for (int r = 0; r < t.rows; ++r)
        for (int k = 0; k < t.cols; ++k)
            EXPECT_EQ(count[static_cast<size_t>(r * t.cols + k)], 1) << "position (" << r << "," << k << ")";
}

/// Value keys that must hold a number (heading rows' value cells excluded).
std::vector<std::string> valueKeys(const std::string& id)
{
    std::vector<std::string> out;
    const TemplateDef* t = findTemplate(id);
    for (const std::string& k : t->keys())
        if (t->cellForKey(k)->type != ValueType::Heading)
            out.push_back(k);
    return out;
}

} // namespace

// ---------------------------------------------------------------------------------------
// Catalog

TEST(TemplatesCatalog, HoldsExactlyTheEightNationalTemplates)
{
    std::set<std::string> ids;
    for (const TemplateDef& t : templates())
        ids.insert(t.id);
    EXPECT_EQ(ids, std::set<std::string>(kTemplateIds.begin(), kTemplateIds.end()));
    EXPECT_EQ(templates().size(), kTemplateIds.size());
    for (const std::string& id : kTemplateIds) {
        ASSERT_NE(findTemplate(id), nullptr) << id;
        EXPECT_EQ(findTemplate(id)->id, id);
    }
}

TEST(TemplatesCatalog, UnknownIdGivesNoTemplateAndAnEmptyTable)
{
    EXPECT_EQ(findTemplate("2022-t3"), nullptr);
    const Table t = generateTable("2022-t3");
    EXPECT_TRUE(t.cells.empty());
    EXPECT_EQ(t.rows, 0);
    EXPECT_EQ(t.cols, 0);
}

TEST(TemplatesCatalog, VersionsAndFamilies)
{
    const std::map<std::string, std::pair<std::string, std::string>> expected = {
        {"old", {"2014", "old"}},    {"old-b0", {"2014", "old"}}, {"2019-t2", {"2019", "t2"}},
        {"2019-t3", {"2019", "t3"}}, {"2019-t4", {"2019", "t4"}}, {"2021-t2", {"2021", "t2"}},
        {"2021-t3", {"2021", "t3"}}, {"2021-t4", {"2021", "t4"}},
    };
    for (const auto& [id, vf] : expected) {
        EXPECT_EQ(findTemplate(id)->version, vf.first) << id;
        EXPECT_EQ(findTemplate(id)->family, vf.second) << id;
    }
}

// ---------------------------------------------------------------------------------------
// Generated grids: size, every position covered once, value cells empty

class TemplatesGrid : public ::testing::TestWithParam<std::string> {};

TEST_P(TemplatesGrid, HasTheSpecSizeAndCoversEveryPositionOnce)
{
    // spec §2.2 (66×3), §2.3 (B0 = 66 − 10 rows), §3.1 (18×4), §3.2 (26×10), §4.1 (14×4),
    // §4.2 (28×10), §4.3 (4×15)
    static const std::map<std::string, std::pair<int, int>> size = {
        {"old", {66, 3}},     {"old-b0", {56, 3}},  {"2019-t2", {18, 4}}, {"2019-t3", {26, 10}},
        {"2019-t4", {4, 15}}, {"2021-t2", {14, 4}}, {"2021-t3", {28, 10}}, {"2021-t4", {4, 15}},
    };
    const std::string& id = GetParam();
    const Table t = generateTable(id);
    EXPECT_EQ(t.rows, size.at(id).first) << id;
    EXPECT_EQ(t.cols, size.at(id).second) << id;
    EXPECT_EQ(findTemplate(id)->rows, size.at(id).first);
    EXPECT_EQ(findTemplate(id)->cols, size.at(id).second);
    expectCoveredOnce(t);
}

TEST_P(TemplatesGrid, BlankGridHasEmptyValueCellsAndLabelledOthers)
{
    const std::string& id = GetParam();
    const TemplateDef* tmpl = findTemplate(id);
    const Table t = generateTable(id);
    ASSERT_EQ(t.cells.size(), tmpl->cells.size());
    std::set<std::pair<int, int>> valuePositions;
    for (const std::string& k : tmpl->keys())
        valuePositions.emplace(tmpl->cellForKey(k)->row, tmpl->cellForKey(k)->col);
    for (const Cell& c : t.cells) {
        if (valuePositions.count({c.row, c.col}))
            EXPECT_EQ(c.text, "") << id << " value cell (" << c.row << "," << c.col << ")";
        else
            EXPECT_FALSE(c.text.empty()) << id << " label cell (" << c.row << "," << c.col << ")";
    }
}

TEST_P(TemplatesGrid, ValuesLandInTheirKeysCells)
{
    const std::string& id = GetParam();
    const TemplateDef* tmpl = findTemplate(id);
    Values values;
    int n = 100;
    for (const std::string& k : valueKeys(id))
        values[k] = str(n++);
    const Table t = generateTable(id, values);
    for (const auto& [key, text] : values) {
        const TemplateCell* tc = tmpl->cellForKey(key);
        const Cell* cell = anchorAt(t, tc->row, tc->col);
        ASSERT_NE(cell, nullptr) << key;
        EXPECT_EQ(cell->text, text) << key;
    }
}

INSTANTIATE_TEST_SUITE_P(TemplatesAll, TemplatesGrid, ::testing::ValuesIn(kTemplateIds));

// ---------------------------------------------------------------------------------------
// Generated grids: merges at checked anchors

TEST(TemplatesMerges, Table3Of2021)
{
    const Table t = generateTable("2021-t3");
    expectAnchor(t, 0, 0, 3, 3, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
    expectAnchor(t, 0, 3, 1, 7, "申请人情况");
    expectAnchor(t, 1, 3, 2, 1, "自然人");
    expectAnchor(t, 1, 4, 1, 5, "法人或其他组织");
    expectAnchor(t, 1, 9, 2, 1, "总计");
    expectAnchor(t, 2, 4, 1, 1, "商业企业");
    expectAnchor(t, 2, 8, 1, 1, "其他");
    expectAnchor(t, 3, 0, 1, 3, "一、本年新收政府信息公开申请数量");
    expectAnchor(t, 4, 0, 1, 3, "二、上年结转政府信息公开申请数量");
    expectAnchor(t, 5, 0, 22, 1, "三、本年度办理结果");
    expectAnchor(t, 5, 1, 1, 2, "（一）予以公开");
    expectAnchor(t, 7, 1, 8, 1, "（三）不予公开");
    expectAnchor(t, 7, 2, 1, 1, "1.属于国家秘密");
    expectAnchor(t, 15, 1, 3, 1, "（四）无法提供");
    expectAnchor(t, 18, 1, 5, 1, "（五）不予处理");
    expectAnchor(t, 23, 1, 3, 1, "（六）其他处理");
    expectAnchor(t, 24, 2, 1, 1, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请");
    expectAnchor(t, 26, 1, 1, 2, "（七）总计");
    expectAnchor(t, 27, 0, 1, 3, "四、结转下年度继续办理");
    // value cells: c3..c9 of every body row, 1×1
    for (int r = 3; r < 28; ++r)
        for (int c = 3; c < 10; ++c)
            expectAnchor(t, r, c, 1, 1, "");
}

TEST(TemplatesMerges, Table3Of2019)
{
    const Table t = generateTable("2019-t3");
    expectAnchor(t, 0, 0, 3, 3, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
    expectAnchor(t, 5, 0, 20, 1, "三、本年度办理结果");
    expectAnchor(t, 7, 1, 8, 1, "（三）不予公开");
    expectAnchor(t, 23, 1, 1, 2, "（六）其他处理");
    expectAnchor(t, 24, 1, 1, 2, "（七）总计");
    expectAnchor(t, 25, 0, 1, 3, "四、结转下年度继续办理");
}

TEST(TemplatesMerges, Table4IsTheSameIn2019And2021)
{
    for (const char* id : {"2019-t4", "2021-t4"}) {
        SCOPED_TRACE(id);
        const Table t = generateTable(id);
        expectAnchor(t, 0, 0, 1, 5, "行政复议");
        expectAnchor(t, 0, 5, 1, 10, "行政诉讼");
        expectAnchor(t, 1, 0, 2, 1, "结果维持");
        expectAnchor(t, 1, 3, 2, 1, "尚未审结");
        expectAnchor(t, 1, 4, 2, 1, "总计");
        expectAnchor(t, 1, 5, 1, 5, "未经复议直接起诉");
        expectAnchor(t, 1, 10, 1, 5, "复议后起诉");
        expectAnchor(t, 2, 5, 1, 1, "结果维持");
        expectAnchor(t, 2, 14, 1, 1, "总计");
        for (int c = 0; c < 15; ++c)
            expectAnchor(t, 3, c, 1, 1, "");
    }
}

TEST(TemplatesMerges, Table2Of2021)
{
    const Table t = generateTable("2021-t2");
    expectAnchor(t, 0, 0, 1, 4, "第二十条第（一）项");
    expectAnchor(t, 1, 1, 1, 1, "本年制发件数");
    expectAnchor(t, 3, 0, 1, 1, "行政规范性文件");
    expectAnchor(t, 5, 1, 1, 3, "本年处理决定数量");
    expectAnchor(t, 6, 1, 1, 3, "");   // 行政许可: one value over c1..c3
    expectAnchor(t, 10, 0, 1, 1, "行政强制");
    expectAnchor(t, 11, 0, 1, 4, "第二十条第（八）项");
    expectAnchor(t, 12, 1, 1, 3, "本年收费金额（单位：万元）");
    expectAnchor(t, 13, 1, 1, 3, "");
}

TEST(TemplatesMerges, Table2Of2019)
{
    const Table t = generateTable("2019-t2");
    expectAnchor(t, 0, 0, 1, 4, "第二十条第（一）项");
    expectAnchor(t, 3, 0, 1, 1, "规范性文件");
    expectAnchor(t, 5, 2, 1, 1, "本年增/减");
    expectAnchor(t, 13, 2, 1, 2, "本年增/减");
    expectAnchor(t, 14, 2, 1, 2, "");   // 行政事业性收费 本年增/减 over c2..c3
    expectAnchor(t, 15, 0, 1, 4, "第二十条第（九）项");
    expectAnchor(t, 16, 2, 1, 2, "采购总金额");
    expectAnchor(t, 17, 0, 1, 1, "政府集中采购");
    expectAnchor(t, 17, 2, 1, 2, "");
}

TEST(TemplatesMerges, OldTablesArePlainThreeColumnGrids)
{
    for (const char* id : {"old", "old-b0"}) {
        SCOPED_TRACE(id);
        const Table t = generateTable(id);
        for (const Cell& c : t.cells) {
            EXPECT_EQ(c.rowSpan, 1) << c.text;
            EXPECT_EQ(c.colSpan, 1) << c.text;
        }
        expectAnchor(t, 0, 0, 1, 1, "统计指标");
        expectAnchor(t, 0, 1, 1, 1, "单位");
        expectAnchor(t, 0, 2, 1, 1, "统计数");
        expectAnchor(t, 1, 0, 1, 1, "一、主动公开情况");
        expectAnchor(t, 1, 1, 1, 1, "——");
        expectAnchor(t, 2, 0, 1, 1, "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）");
        expectAnchor(t, 2, 1, 1, 1, "条");
    }
    const Table old = generateTable("old");
    expectAnchor(old, 11, 0, 1, 1, "二、回应解读情况");
    expectAnchor(old, 21, 0, 1, 1, "三、依申请公开情况");
    expectAnchor(old, 54, 1, 1, 1, "万元");   // B54 依申请公开信息收取的费用
    expectAnchor(old, 65, 0, 1, 1, "（三）接受培训人员数");
    expectAnchor(old, 65, 1, 1, 1, "人次");
    const Table b0 = generateTable("old-b0");
    expectAnchor(b0, 11, 0, 1, 1, "二、依申请公开情况");
    expectAnchor(b0, 55, 0, 1, 1, "（三）接受培训人员数");
}

// ---------------------------------------------------------------------------------------
// Round trip: generate, fill with consistent values, recognize, check

class TemplatesRoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(TemplatesRoundTrip, ConsistentValuesAreRecognizedFullyMappedAndClean)
{
    const std::string& id = GetParam();
    for (unsigned seed = 1; seed <= 5; ++seed) {
        SCOPED_TRACE("seed " + str(static_cast<int>(seed)));
        const Report r = check(id, test::consistentValues(id, seed));
        ASSERT_EQ(r.tables.size(), 1u);
        EXPECT_EQ(r.tables[0].templateId, id);
        EXPECT_EQ(r.tables[0].mappedKeys, r.tables[0].totalKeys);
        EXPECT_EQ(r.tables[0].totalKeys, static_cast<int>(findTemplate(id)->keys().size()));
        EXPECT_TRUE(r.diagnostics.empty()) << r.toText();
    }
}

TEST_P(TemplatesRoundTrip, BlankTableGivesOneS3ForTheWholeTableAndNothingElse)
{
    // An inserted, still empty template: one S-3 for the table (issue 9.6), its cell the first
    // value cell, `related` every value cell in grid order; no arithmetic finding.
    const std::string& id = GetParam();
    const Report r = check(id, {});
    ASSERT_EQ(r.tables.size(), 1u);
    EXPECT_EQ(r.tables[0].templateId, id);
    EXPECT_EQ(r.tables[0].mappedKeys, r.tables[0].totalKeys);
    const std::vector<std::string> keys = valueKeys(id);
    EXPECT_EQ(findings(r), (std::set<Finding>{{"S-3", "warning", keys.front()}})) << r.toText();
    ASSERT_EQ(r.diagnostics.size(), 1u);
    const Diagnostic& d = r.diagnostics.front();
    EXPECT_EQ(d.expected, "0");
    EXPECT_EQ(d.actual, std::to_string(keys.size()));
    EXPECT_FALSE(d.cell.address.empty());
    std::vector<std::string> related;
    std::set<std::string> addresses;
    for (const CellRef& c : d.related) {
        related.push_back(c.key);
        EXPECT_FALSE(c.address.empty()) << c.key;
        addresses.insert(c.address);
    }
    EXPECT_EQ(related, keys);
    EXPECT_EQ(addresses.size(), keys.size());   // each a cell of its own
    const TemplateDef* t = findTemplate(id);
    EXPECT_EQ(d.message("zh-CN"), t->nameZh + "有 " + std::to_string(keys.size()) + " 个单元格空白：没有数据时应填 0。");
    EXPECT_EQ(d.message("en-US"), t->nameEn + " has " + std::to_string(keys.size()) +
                                          " blank cells: enter 0 where there is no data.");
}

INSTANTIATE_TEST_SUITE_P(TemplatesAll, TemplatesRoundTrip, ::testing::ValuesIn(kTemplateIds));

TEST(TemplatesRoundTrip, Table4Of2019AloneInA2019Report)
{
    // Table four is identical in both formats (spec §4.3), so only the report year tells them
    // apart; the document says 2019.
    const Report r = check("2019-t4", test::consistentValues("2019-t4", 1));
    ASSERT_EQ(r.year, 2019);
    ASSERT_EQ(r.tables.size(), 1u);
    EXPECT_TRUE(r.diagnostics.empty()) << r.toText();
    EXPECT_EQ(r.tables[0].templateId, "2019-t4");
}

TEST(TemplatesRoundTrip, Table4Of2019NextToA2019Table3)
{
    Document doc = test::documentWith("2019-t3", test::consistentValues("2019-t3", 2), titleFor("2019-t3"));
    doc.addTable(generateTable("2019-t4", test::consistentValues("2019-t4", 2)));
    const Report r = Checker().check(doc);
    ASSERT_EQ(r.tables.size(), 2u);
    EXPECT_EQ(r.tables[0].templateId, "2019-t3");
    EXPECT_EQ(r.tables[1].templateId, "2019-t4");
    EXPECT_TRUE(r.diagnostics.empty()) << r.toText();
}

// ---------------------------------------------------------------------------------------
// Injected errors: exactly the findings the rules of spec §6 imply

TEST(TemplatesInjected, Table3TotalOfOneColumn)
{
    // （七）总计 / 自然人 + 1 breaks: N-1 for column NP (R1 + R2 = R3_7 + R4, R3_7 is the
    // declared target), N-2 for column NP (R3_7 = Σ outcomes), N-3 for row R3_7 (TOT = Σ
    // columns; the 总计 cell is the target). N-6 (R4 ≤ R1 + R2) and every TOT-column rule
    // still hold. The one cell in all three is the cause (Suggest.h): N-3 is put on it too.
    Values v = test::consistentValues("2021-t3", 1);
    const int np = num(v, "R3_7.NP"), tot = num(v, "R3_7.TOT");
    v["R3_7.NP"] = str(np + 1);
    const Report r = check("2021-t3", v);
    EXPECT_EQ(details(r), (std::set<Detail>{{"N-1", "error", "R3_7.NP", str(np), str(np + 1)},
                                            {"N-2", "error", "R3_7.NP", str(np), str(np + 1)},
                                            {"N-3", "error", "R3_7.NP", str(tot + 1), str(tot)}}))
        << r.toText();
}

TEST(TemplatesInjected, Table3Of2019TotalOfOneColumn)
{
    Values v = test::consistentValues("2019-t3", 3);
    const int law = num(v, "R3_7.LAW"), tot = num(v, "R3_7.TOT");
    v["R3_7.LAW"] = str(law + 1);
    const Report r = check("2019-t3", v);
    EXPECT_EQ(details(r), (std::set<Detail>{{"N-1", "error", "R3_7.LAW", str(law), str(law + 1)},
                                            {"N-2", "error", "R3_7.LAW", str(law), str(law + 1)},
                                            {"N-3", "error", "R3_7.LAW", str(tot + 1), str(tot)}}))
        << r.toText();
}

TEST(TemplatesInjected, Table4DirectLitigationTotal)
{
    // Only L-2 uses LD_TOT.
    for (const char* id : {"2021-t4", "2019-t4"}) {
        SCOPED_TRACE(id);
        Values v = test::consistentValues(id, 1);
        const int tot = num(v, "LD_TOT");
        v["LD_TOT"] = str(tot + 1);
        const Report r = check(id, v);
        EXPECT_EQ(details(r), (std::set<Detail>{{"L-2", "error", "LD_TOT", str(tot), str(tot + 1)}})) << r.toText();
    }
}

TEST(TemplatesInjected, OldTableApplicationsReceived)
{
    // B22 is used by B-1 (= B23 + … + B26, broken) and B-14 (B27 ≤ B22, still holds).
    for (const char* id : {"old", "old-b0"}) {
        SCOPED_TRACE(id);
        Values v = test::consistentValues(id, 1);
        const int b22 = num(v, "B22");
        v["B22"] = str(b22 + 1);
        const Report r = check(id, v);
        EXPECT_EQ(details(r), (std::set<Detail>{{"B-1", "error", "B22", str(b22), str(b22 + 1)}})) << r.toText();
    }
}

TEST(TemplatesInjected, Table2Of2021IssuedAboveInForcePlusRepealed)
{
    // P-2 (SOFT): 本年制发件数 ≤ 现行有效件数 + 本年废止件数.
    Values v = test::consistentValues("2021-t2", 1);
    const int bound = num(v, "P1_RULE.VALID") + num(v, "P1_RULE.REPEAL");
    v["P1_RULE.MADE"] = str(bound + 4);
    const Report r = check("2021-t2", v);
    EXPECT_EQ(details(r), (std::set<Detail>{{"P-2", "warning", "P1_RULE.MADE", "≤ " + str(bound), str(bound + 4)}}))
        << r.toText();
}

TEST(TemplatesInjected, Table2Of2019UnreadableChange)
{
    // P-5 (SOFT): 本年增/减 must parse as a signed change; the P-5 sum check on that row is
    // not assessable, and P-1 (HARD type rule) does not own signed cells.
    Values v = test::consistentValues("2019-t2", 1);
    v["P5_LIC.CHG"] = "abc";
    const Report r = check("2019-t2", v);
    EXPECT_EQ(details(r), (std::set<Detail>{{"P-5", "warning", "P5_LIC.CHG", "signed integer", "abc"}})) << r.toText();
}

// ---------------------------------------------------------------------------------------
// Report skeleton (spec §8.2, §8.3)

TEST(TemplatesSkeleton, SixHeadingsInOrderAndTheThreeTablesUnderTwoThreeFour)
{
    const std::vector<SkeletonItem> items = reportSkeleton2021();
    std::vector<std::string> headings;
    std::map<std::string, std::string> tableUnder;   // template id -> enclosing heading
    std::map<std::string, std::vector<std::string>> subHeadings;
    for (const SkeletonItem& it : items) {
        if (it.outlineLevel == 1)
            headings.push_back(it.text);
        else if (it.outlineLevel == 2 && !headings.empty())
            subHeadings[headings.back()].push_back(it.text);
        if (!it.templateId.empty()) {
            EXPECT_TRUE(it.text.empty()) << it.templateId;
            ASSERT_FALSE(headings.empty()) << it.templateId << " before any heading";
            EXPECT_TRUE(tableUnder.emplace(it.templateId, headings.back()).second) << it.templateId << " twice";
        }
    }
    EXPECT_EQ(headings, (std::vector<std::string>{"一、总体情况", "二、主动公开政府信息情况",
                                                  "三、收到和处理政府信息公开申请情况",
                                                  "四、政府信息公开行政复议、行政诉讼情况",
                                                  "五、存在的主要问题及改进情况", "六、其他需要报告的事项"}));
    EXPECT_EQ(tableUnder, (std::map<std::string, std::string>{{"2021-t2", "二、主动公开政府信息情况"},
                                                             {"2021-t3", "三、收到和处理政府信息公开申请情况"},
                                                             {"2021-t4", "四、政府信息公开行政复议、行政诉讼情况"}}));
    for (const auto& [id, heading] : tableUnder)
        EXPECT_EQ(findTemplate(id)->section, heading) << id;
    EXPECT_EQ(subHeadings["一、总体情况"],
              (std::vector<std::string>{"（一）主动公开", "（二）依申请公开", "（三）政府信息管理",
                                        "（四）政府信息公开平台建设", "（五）监督保障"}));
}

TEST(TemplatesSkeleton, SectionSixAsksForTheInformationProcessingFee)
{
    // spec §8.3: section 六 reports 信息处理费; section 五 last year's rectification.
    bool inSix = false, inFive = false, fee = false, rectification = false;
    for (const SkeletonItem& it : reportSkeleton2021()) {
        if (it.outlineLevel == 1) {
            inFive = it.text.rfind("五、", 0) == 0;
            inSix = it.text.rfind("六、", 0) == 0;
            continue;
        }
        if (inSix && it.text.find("信息处理费") != std::string::npos)
            fee = true;
        if (inFive && it.text.find("整改") != std::string::npos)
            rectification = true;
    }
    EXPECT_TRUE(fee);
    EXPECT_TRUE(rectification);
}

TEST(TemplatesSkeleton, InsertedTablesAreRecognizedAsTheir2021Templates)
{
    Document doc;
    doc.addParagraph("2021年政府信息公开工作年度报告", 1);
    for (const SkeletonItem& it : reportSkeleton2021()) {
        if (it.templateId.empty())
            doc.addParagraph(it.text, it.outlineLevel);
        else
            doc.addTable(generateTable(it.templateId, test::consistentValues(it.templateId, 4)));
    }
    const Report r = Checker().check(doc);
    ASSERT_EQ(r.tables.size(), 3u);
    std::vector<std::string> ids;
    for (const TableInfo& t : r.tables)
        ids.push_back(t.templateId);
    EXPECT_EQ(ids, (std::vector<std::string>{"2021-t2", "2021-t3", "2021-t4"}));
    EXPECT_TRUE(r.diagnostics.empty()) << r.toText();
}

TEST(TemplatesCaptions, FullWidthLabelsComeFromTheTemplateData)
{
    EXPECT_TRUE(ogi::isFullWidthTemplateLabel("第二十条第（一）项"));
    EXPECT_TRUE(ogi::isFullWidthTemplateLabel("第二十条第(九)项"));      // 2019 only, half-width brackets
    EXPECT_FALSE(ogi::isFullWidthTemplateLabel("二、主动公开政府信息情况")); // a section heading
    EXPECT_FALSE(ogi::isFullWidthTemplateLabel("规章"));
}

TEST(Templates, InsertionMenuOrderAndNames)
{
    std::vector<std::string> ids;
    for (const TemplateDef* t : insertableTemplates())
        ids.push_back(t->id);
    EXPECT_EQ(ids, (std::vector<std::string>{"2021-t2", "2021-t3", "2021-t4", "2019-t2", "2019-t3", "2019-t4", "old",
                                             "old-b0"}));
    const TemplateDef& t3 = *findTemplate("2021-t3");
    EXPECT_EQ(templateDisplayName(t3, "zh-CN"), "2021年格式 表三 收到和处理政府信息公开申请情况");
    EXPECT_EQ(templateDisplayName(t3, "en-US"), "2021 form, table 3: Applications received and handled");
    EXPECT_EQ(templateDisplayName(*findTemplate("old"), "zh-CN"), "2014年格式 政府信息公开情况统计表");
    // Every name leads back to its template, in both languages; names are distinct.
    std::set<std::string> names;
    for (const TemplateDef* t : insertableTemplates())
        for (const char* lang : {"zh-CN", "en-US"}) {
            const std::string name = templateDisplayName(*t, lang);
            EXPECT_TRUE(names.insert(name).second) << name;
            EXPECT_EQ(findTemplateByName(name), t) << name;
        }
    EXPECT_EQ(findTemplateByName("2019-t4"), findTemplate("2019-t4"));
    EXPECT_EQ(findTemplateByName("表五"), nullptr);
}

// ---------------------------------------------------------------------------------------
// Formats as data (issue 10.4, data/formats.json)

TEST(TemplatesFormats, TheYearDecidesTheFormatFromTheFormatsFile)
{
    auto id = [](int year) {
        const FormatDef* f = formatForYear(year);
        return f ? f->id : std::string("none");
    };
    EXPECT_EQ(id(2023), "2021");
    EXPECT_EQ(id(2021), "2021");
    EXPECT_EQ(id(2020), "2019");   // 2019–2020: the trial format
    EXPECT_EQ(id(2019), "2019");
    EXPECT_EQ(id(2018), "2014");
    EXPECT_EQ(id(2014), "2014");
    EXPECT_EQ(id(2013), "none");
    EXPECT_EQ(id(0), "none");       // year unknown
    // detection order: the newest first (a table four that could be either is 2021's)
    EXPECT_LT(formats().rank("2021"), formats().rank("2019"));
    EXPECT_LT(formats().rank("2019"), formats().rank("2014"));
    EXPECT_EQ(formats().rank("2030"), formats().formats.size());
}

TEST(TemplatesFormats, EachFormatNamesItsNationalTables)
{
    EXPECT_EQ(formatTable("2021", "t3"), findTemplate("2021-t3"));
    EXPECT_EQ(formatTable("2019", "t4"), findTemplate("2019-t4"));
    EXPECT_EQ(formatTable("2014", "old"), findTemplate("old"));
    EXPECT_EQ(formatTable("2014", "t3"), nullptr);
    EXPECT_EQ(formatTable("2030", "t3"), nullptr);
    // the menu is the formats file's, group by group; the skeleton is its 2021 format's
    std::vector<std::string> menu;
    for (const auto& group : formats().menu)
        menu.insert(menu.end(), group.begin(), group.end());
    std::vector<std::string> insertable;
    for (const TemplateDef* t : insertableTemplates())
        insertable.push_back(t->id);
    EXPECT_EQ(insertable, menu);
    EXPECT_EQ(formats().skeleton, "2021");
    ASSERT_NE(formats().find("2021"), nullptr);
    EXPECT_EQ(reportSkeleton2021().size(), formats().find("2021")->skeleton.size());
}

TEST(TemplatesFormats, TableAndFormatNamesComeFromTheCatalogs)
{
    EXPECT_EQ(Message("table.t3").render("zh-CN"), "表三");
    EXPECT_EQ(Message("table.t3").render("en-US"), "table 3");
    // a template's name is its format's pattern in the catalog, with the family's name
    const TemplateDef& t = *findTemplate("2019-t4");
    EXPECT_EQ(templateDisplayName(t, "zh-CN"), "2019年格式 表四 " + t.titleZh);
    EXPECT_EQ(templateDisplayName(t, "en-US"), "2019 form, table 4: " + t.titleEn);
    EXPECT_EQ(templateDisplayName(*findTemplate("old-b0"), "en-US"), findTemplate("old-b0")->titleEn);
}

namespace {

/// Findings of the table rules that select the recognition's template, as (rule, key, expected, actual).
std::set<std::tuple<std::string, std::string, std::string, std::string>> tableFindings(const Document& doc,
                                                                                        const Recognition& rec)
{
    const TableFacts facts = collectFacts(doc, rec, 0, 2021);
    std::vector<Diagnostic> out;
    for (bool last : {false, true})
        for (const RuleDecl& rule : ruleCatalog())
            if (rule.appliesTo(*rec.tmpl) && rule.runsLast() == last)
                evaluate(rule, facts, out);
    std::set<std::tuple<std::string, std::string, std::string, std::string>> tuples;
    for (const Diagnostic& d : out)
        tuples.emplace(d.rule, d.cell.key, d.expected, d.actual);
    return tuples;
}

} // namespace

TEST(TemplatesFormats, AVariantDeclaringItsFormatAndFamilyGetsThatTablesRules)
{
    // A provincial variant as a contributor adds it: 2021-t3's file under another id, declaring
    // (like the national one) "version": "2021", "family": "t3". No code names it.
    std::string text;
    for (const auto& [name, content] : data::templateFiles())
        if (name == "2021-t3.json")
            text = std::string(content);
    const std::string id = R"("id": "2021-t3")";
    ASSERT_NE(text.find(id), std::string::npos);
    text.replace(text.find(id), id.size(), R"("id": "2021-t3-js")");
    const TemplateDef variant = parseTemplate("2021-t3-js.json", text);
    ASSERT_EQ(variant.id, "2021-t3-js");
    const TemplateDef& national = *findTemplate("2021-t3");

    // Every rule of the national table three selects the variant, and no other rule does.
    std::vector<std::string> ofNational, ofVariant;
    for (const RuleDecl& r : ruleCatalog()) {
        if (r.appliesTo(national))
            ofNational.push_back(r.id);
        if (r.appliesTo(variant))
            ofVariant.push_back(r.id);
    }
    EXPECT_EQ(ofVariant, ofNational);
    for (const char* t3 : {"N-1", "N-2", "N-3", "N-4", "N-5", "N-6", "X-1"})
        EXPECT_NE(std::find(ofVariant.begin(), ofVariant.end(), t3), ofVariant.end()) << t3;
    // what selected table three before (an id pattern) misses it
    RuleDecl byId;
    byId.templates = {"*-t3"};
    EXPECT_TRUE(byId.appliesTo(national));
    EXPECT_FALSE(byId.appliesTo(variant));

    // And the rules fire on it: a table three whose total is one too large, its cells read as
    // the variant's, gives the national table's findings.
    Values v = test::consistentValues("2021-t3");
    v["R1.TOT"] = std::to_string(std::stoi(v.at("R1.TOT")) + 1);
    const Document doc = test::documentWith("2021-t3", v);
    const std::vector<Recognition> rec = recognize(doc, 2021);
    ASSERT_EQ(rec.size(), 1u);
    ASSERT_EQ(rec[0].tmpl, &national);
    Recognition asVariant = rec[0];
    asVariant.tmpl = &variant;
    const auto expected = tableFindings(doc, rec[0]);
    const auto found = tableFindings(doc, asVariant);
    EXPECT_EQ(found, expected);
    std::set<std::string> rules;
    for (const auto& f : found)
        rules.insert(std::get<0>(f));
    EXPECT_TRUE(rules.count("N-3")) << found.size();   // 申请人情况 total: one more than its columns
}
