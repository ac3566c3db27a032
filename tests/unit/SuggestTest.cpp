// Suggestions (issue 14, Suggest.h): one injected error of each kind — an addend, a total,
// transposed digits, a dropped digit, a number in the neighbouring applicant column — on each
// template family with equalities (old, table three, table four; table two has none that are
// HARD), the ambiguous cases, text findings, and the changes on request (补全合计, 空白填 0,
// 生成数字句子).
#include "Seeds.h"

#include "ogi/Checker.h"
#include "ogi/CrossYear.h"
#include "ogi/Suggest.h"
#include "ogi/Templates.h"

#include <boost/json.hpp>
#include <unicode/unistr.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <set>
#include <string>

using namespace ogi;

namespace {

using Values = std::map<std::string, std::string>;

int num(const Values& v, const std::string& key) { return std::stoi(v.at(key)); }
std::string str(long long n) { return std::to_string(n); }

std::string titleFor(const std::string& id)
{
    return findTemplate(id)->version == "2014" ? "2017年度政府信息公开工作年度报告"
                                                : findTemplate(id)->version + "年政府信息公开工作年度报告";
}

Document docOf(const std::string& id, const Values& v) { return test::documentWith(id, v, titleFor(id)); }

Report check(const std::string& id, const Values& v) { return Checker().check(docOf(id, v)); }

int errors(const Report& r) { return r.count(Severity::Error) + r.count(Severity::Warning); }

/// Consistent values in which `key` is `value`: table three's 本年新收 (R1) takes the
/// difference so that N-1 still balances, then every total is recomputed (补全合计) — and the
/// checker confirms that the table is clean.
Values rebalance(const std::string& id, Values v, const std::string& key, int value)
{
    const int delta = value - num(v, key);
    v[key] = str(value);
    if (findTemplate(id)->family == "t3" && key.rfind("R3_", 0) == 0) {
        const std::string col = key.substr(key.find('.') + 1);
        v["R1." + col] = str(num(v, "R1." + col) + delta);
    }
    for (const CellChange& c : totalChanges(docOf(id, v)))
        v[c.cell.key] = c.value;
    const Report r = check(id, v);
    EXPECT_EQ(errors(r), 0) << "test data not consistent: " << r.toText();
    return v;
}

Values balanced(const std::string& id, unsigned seed, const std::string& key, int value)
{
    return rebalance(id, test::consistentValues(id, seed), key, value);
}

/// The one suggestion of a report (all findings that carry one carry the same).
const Suggestion* theSuggestion(const Report& r)
{
    const Suggestion* s = nullptr;
    for (const Diagnostic& d : r.diagnostics)
        if (!d.suggestion.empty()) {
            if (s && s->changes.front().cell.key != d.suggestion.changes.front().cell.key)
                return nullptr;
            s = &d.suggestion;
        }
    return s;
}

std::set<std::string> keysOf(const std::vector<CellRef>& refs)
{
    std::set<std::string> out;
    for (const CellRef& c : refs)
        out.insert(c.key);
    return out;
}

std::set<std::string> candidateKeys(const Report& r)
{
    std::set<std::string> out;
    for (const Diagnostic& d : r.diagnostics)
        for (const CellChange& c : d.suggestion.candidates)
            out.insert(c.cell.key);
    return out;
}

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

/// Every finding of the report is explained by the suggestion: it sits on the suggested cell.
void expectAllOn(const Report& r, const std::string& key)
{
    ASSERT_FALSE(r.diagnostics.empty());
    for (const Diagnostic& d : r.diagnostics) {
        EXPECT_EQ(d.cell.key, key) << d.rule << " " << d.message();
        EXPECT_FALSE(d.suggestion.empty()) << d.rule;
    }
}

/// Applies the suggestion and checks again: clean.
void expectFixes(const std::string& id, Values v, const Suggestion& s)
{
    for (const CellChange& c : s.changes)
        v[c.cell.key] = c.value;
    const Report after = check(id, v);
    EXPECT_EQ(errors(after), 0) << after.toText();
}

} // namespace

// =======================================================================================
// Table three (2021 and 2019): rows and columns cross, so most single errors have one cause.

class SuggestTable3 : public ::testing::TestWithParam<std::string> {};

TEST_P(SuggestTable3, AddendIsWhereTheRowAndTheColumnCross)
{
    const std::string id = GetParam();
    Values v = test::consistentValues(id, 1);
    const int good = num(v, "R3_2.BIZ");
    v["R3_2.BIZ"] = str(good + 2);   // N-2 (BIZ column) and N-3 (row R3_2) fail
    const Report r = check(id, v);
    const Suggestion* s = theSuggestion(r);
    ASSERT_NE(s, nullptr) << r.toText();
    EXPECT_EQ(s->kind, "cell");
    ASSERT_EQ(s->changes.size(), 1u);
    EXPECT_EQ(s->key(), "R3_2.BIZ");
    EXPECT_EQ(s->changes.front().value, str(good));
    EXPECT_EQ(s->changes.front().current, str(good + 2));
    EXPECT_EQ(s->rules, (std::vector<std::string>{"N-2", "N-3"}));
    const std::string addr = s->changes.front().cell.address;
    EXPECT_EQ(s->reason("zh-CN"), addr + " 应为 " + str(good) + "：使 N-2、N-3 同时成立");
    EXPECT_EQ(s->reason("en-US"), addr + " should be " + str(good) + ": makes N-2, N-3 hold");
    expectAllOn(r, "R3_2.BIZ");
    // the totals that only looked wrong are related cells of the findings
    std::set<std::string> related;
    for (const Diagnostic& d : r.diagnostics)
        for (const std::string& k : keysOf(d.related))
            related.insert(k);
    EXPECT_TRUE(related.count("R3_7.BIZ"));
    EXPECT_TRUE(related.count("R3_2.TOT"));
    expectFixes(id, v, *s);
}

TEST_P(SuggestTable3, RowTotal)
{
    const std::string id = GetParam();
    Values v = test::consistentValues(id, 2);
    const int good = num(v, "R3_1.TOT");
    v["R3_1.TOT"] = str(good + 5);   // N-3 (row R3_1) and N-2 (TOT column) fail
    const Report r = check(id, v);
    const Suggestion* s = theSuggestion(r);
    ASSERT_NE(s, nullptr) << r.toText();
    EXPECT_EQ(s->key(), "R3_1.TOT");
    EXPECT_EQ(s->changes.front().value, str(good));
    expectAllOn(r, "R3_1.TOT");
    expectFixes(id, v, *s);
}

TEST_P(SuggestTable3, TransposedDigits)
{
    const std::string id = GetParam();
    Values v = balanced(id, 3, "R3_1.NP", 69);
    v["R3_1.NP"] = "96";
    const Report r = check(id, v);
    const Suggestion* s = theSuggestion(r);
    ASSERT_NE(s, nullptr) << r.toText();
    EXPECT_EQ(s->kind, "transposed");
    EXPECT_EQ(s->key(), "R3_1.NP");
    EXPECT_EQ(s->changes.front().value, "69");
    EXPECT_TRUE(has(s->reason("zh-CN"), "疑似数字颠倒：96 → 69")) << s->reason("zh-CN");
    expectFixes(id, v, *s);
}

TEST_P(SuggestTable3, DroppedDigit)
{
    const std::string id = GetParam();
    Values v = balanced(id, 4, "R3_3_2.RES", 123);
    v["R3_3_2.RES"] = "13";
    const Report r = check(id, v);
    const Suggestion* s = theSuggestion(r);
    ASSERT_NE(s, nullptr) << r.toText();
    EXPECT_EQ(s->kind, "dropped-digit");
    EXPECT_EQ(s->changes.front().value, "123");
    EXPECT_TRUE(has(s->reason("zh-CN"), "疑似漏输一位数字")) << s->reason("zh-CN");
    expectFixes(id, v, *s);
}

TEST_P(SuggestTable3, NeighbouringApplicantColumn)
{
    const std::string id = GetParam();
    // 37 belongs in 自然人 of （二）部分公开 but was typed one column to the right (商业企业,
    // empty in truth): the row total holds, the two column totals are off by ±37.
    Values v = rebalance(id, balanced(id, 5, "R3_2.NP", 37), "R3_2.BIZ", 0);
    ASSERT_EQ(num(v, "R3_2.NP"), 37);
    v["R3_2.NP"] = "0";
    v["R3_2.BIZ"] = "37";
    const Report r = check(id, v);
    const Suggestion* s = theSuggestion(r);
    ASSERT_NE(s, nullptr) << r.toText();
    EXPECT_EQ(s->kind, "neighbour-column");
    ASSERT_EQ(s->changes.size(), 2u);
    EXPECT_EQ(s->changes[0].cell.key, "R3_2.NP");
    EXPECT_EQ(s->changes[0].value, "37");
    EXPECT_EQ(s->changes[1].cell.key, "R3_2.BIZ");
    EXPECT_EQ(s->changes[1].value, "0");
    EXPECT_TRUE(has(s->reason("zh-CN"), "相邻的申请人列")) << s->reason("zh-CN");
    for (const Diagnostic& d : r.diagnostics) {
        EXPECT_EQ(d.rule, "N-2");
        EXPECT_EQ(d.cell.key, "R3_2.NP");
        EXPECT_TRUE(keysOf(d.related).count("R3_2.BIZ"));
    }
    expectFixes(id, v, *s);
}

TEST_P(SuggestTable3, TwoErrorsHaveNoSingleCause)
{
    const std::string id = GetParam();
    Values v = test::consistentValues(id, 1);
    v["R3_1.NP"] = str(num(v, "R3_1.NP") + 1);
    v["R3_2.BIZ"] = str(num(v, "R3_2.BIZ") + 1);
    const Report r = check(id, v);
    EXPECT_EQ(theSuggestion(r), nullptr) << r.toText();
    for (const Diagnostic& d : r.diagnostics)
        EXPECT_TRUE(d.suggestion.empty());
}

TEST_P(SuggestTable3, TextContradictingAConsistentTableGetsTheTablesNumber)
{
    const std::string id = GetParam();
    const Values v = test::consistentValues(id, 1);
    Document doc = docOf(id, v);
    const std::string wrong = str(num(v, "R3_7.TOT") + 1);
    doc.addParagraph("本机关全年办结政府信息公开申请" + wrong + "件。");
    const Report r = Checker().check(doc);
    const Diagnostic* x1 = nullptr;
    for (const Diagnostic& d : r.diagnostics)
        if (d.rule == "X-1")
            x1 = &d;
    ASSERT_NE(x1, nullptr) << r.toText();
    ASSERT_FALSE(x1->suggestion.empty());
    EXPECT_EQ(x1->suggestion.kind, "text");
    EXPECT_EQ(x1->suggestion.stated, wrong);
    EXPECT_EQ(x1->suggestion.changes.front().value, v.at("R3_7.TOT"));
    EXPECT_EQ(x1->cell.key, "R3_7.TOT");   // a text finding stays on the table's cell
    EXPECT_TRUE(has(x1->suggestion.quote, "办结政府信息公开申请" + wrong + "件")) << x1->suggestion.quote;
}

INSTANTIATE_TEST_SUITE_P(Families, SuggestTable3, ::testing::Values("2021-t3", "2019-t3"),
                         [](const auto& info) { return info.param == "2021-t3" ? "t3_2021" : "t3_2019"; });

// =======================================================================================
// Table four: one equation per row (L-1…L-3), so only a typical slip or a number stated in
// the text can single out a cell.

class SuggestTable4 : public ::testing::TestWithParam<std::string> {};

TEST_P(SuggestTable4, AddendIsAmbiguousAndNamesTheCandidates)
{
    const std::string id = GetParam();
    Values v = balanced(id, 1, "RV_KEEP", 7);
    v["RV_KEEP"] = "9";
    const Report r = check(id, v);
    EXPECT_EQ(theSuggestion(r), nullptr) << r.toText();
    EXPECT_EQ(candidateKeys(r), (std::set<std::string>{"RV_TOT", "RV_KEEP", "RV_CORR", "RV_OTHR", "RV_PEND"}));
    ASSERT_EQ(r.diagnostics.size(), 1u) << r.toText();
    const Diagnostic& d = r.diagnostics.front();
    EXPECT_TRUE(d.suggestion.ambiguous());
    EXPECT_EQ(d.cell.key, "RV_TOT");   // no cause: the finding stays on the total
    EXPECT_TRUE(has(d.suggestion.reason("zh-CN"), "合计不一致")) << d.suggestion.reason("zh-CN");
    for (const CellChange& c : d.suggestion.candidates)
        EXPECT_TRUE(has(d.suggestion.reason("zh-CN"), c.cell.address + "（应为 " + c.value + "）"));
    const boost::json::value j = boost::json::parse(r.toJson());
    const auto& jd = j.at("diagnostics").as_array().at(0).as_object();
    EXPECT_FALSE(jd.contains("suggestion"));
    EXPECT_EQ(jd.at("ambiguous").at("candidates").as_array().size(), 5u);
}

TEST_P(SuggestTable4, TotalConfirmedByTheText)
{
    const std::string id = GetParam();
    Values v = test::consistentValues(id, 2);
    const int good = num(v, "RV_TOT");
    v["RV_TOT"] = str(good + 3);
    // without the text: five cells could each be the cause
    EXPECT_EQ(theSuggestion(check(id, v)), nullptr);
    // the text says how many reconsiderations there were: the total is the odd one out
    Document doc = docOf(id, v);
    doc.addParagraph("本年度发生政府信息公开行政复议" + str(good) + "件。");
    const Report r = Checker().check(doc);
    const Suggestion* s = theSuggestion(r);
    ASSERT_NE(s, nullptr) << r.toText();
    EXPECT_EQ(s->key(), "RV_TOT");
    EXPECT_EQ(s->changes.front().value, str(good));
    EXPECT_EQ(s->rules, (std::vector<std::string>{"L-1", "X-4"}));
    for (const Diagnostic& d : r.diagnostics)
        EXPECT_EQ(d.suggestion.key(), "RV_TOT") << d.rule;
}

TEST_P(SuggestTable4, TransposedDigits)
{
    const std::string id = GetParam();
    Values v = balanced(id, 3, "LD_CORR", 69);
    v["LD_CORR"] = "96";
    const Report r = check(id, v);
    const Suggestion* s = theSuggestion(r);
    ASSERT_NE(s, nullptr) << r.toText();
    EXPECT_EQ(s->kind, "transposed");
    EXPECT_EQ(s->key(), "LD_CORR");
    EXPECT_EQ(s->changes.front().value, "69");
    EXPECT_TRUE(has(s->reason("zh-CN"), "只有此处符合常见笔误")) << s->reason("zh-CN");
    expectFixes(id, v, *s);
}

TEST_P(SuggestTable4, DroppedDigit)
{
    const std::string id = GetParam();
    Values v = balanced(id, 4, "LR_KEEP", 105);
    v["LR_KEEP"] = "15";
    const Report r = check(id, v);
    const Suggestion* s = theSuggestion(r);
    ASSERT_NE(s, nullptr) << r.toText();
    EXPECT_EQ(s->kind, "dropped-digit");
    EXPECT_EQ(s->key(), "LR_KEEP");
    EXPECT_EQ(s->changes.front().value, "105");
    expectFixes(id, v, *s);
}

TEST_P(SuggestTable4, NeighbouringColumnKeepsTheRowTotal)
{
    // 维持 and 纠正 are neighbours of one row: a number in the wrong one leaves L-1 holding,
    // nothing fails and nothing can be suggested.
    const std::string id = GetParam();
    Values v = test::consistentValues(id, 5);
    const int keep = num(v, "RV_KEEP"), corr = num(v, "RV_CORR");
    v["RV_KEEP"] = str(keep + corr);
    v["RV_CORR"] = "0";
    const Report r = check(id, v);
    EXPECT_EQ(errors(r), 0) << r.toText();
    EXPECT_EQ(theSuggestion(r), nullptr);
}

INSTANTIATE_TEST_SUITE_P(Families, SuggestTable4, ::testing::Values("2021-t4", "2019-t4"),
                         [](const auto& info) { return info.param == "2021-t4" ? "t4_2021" : "t4_2019"; });

// =======================================================================================
// The old statistics table: nested totals (B-3 ⊃ B-4) and 答复数 = 办结数 (B-13) cross.

TEST(SuggestOld, SubtotalIsWhereTwoTotalsCross)
{
    Values v = test::consistentValues("old", 4);
    const int good = num(v, "B34");
    v["B34"] = str(good + 2);   // B-3 (B34 is an item) and B-4 (B34 is the total) fail
    const Report r = check("old", v);
    const Suggestion* s = theSuggestion(r);
    ASSERT_NE(s, nullptr) << r.toText();
    EXPECT_EQ(s->key(), "B34");
    EXPECT_EQ(s->changes.front().value, str(good));
    EXPECT_EQ(s->rules, (std::vector<std::string>{"B-3", "B-4"}));
    expectAllOn(r, "B34");
    expectFixes("old", v, *s);
}

TEST(SuggestOld, TotalCrossesAnsweredEqualsClosed)
{
    Values v = test::consistentValues("old", 3);
    const int good = num(v, "B30");
    v["B30"] = str(good + 1);   // B-3 (total) and B-13 (答复数 = 办结数, a warning) fail
    const Report r = check("old", v);
    const Suggestion* s = theSuggestion(r);
    ASSERT_NE(s, nullptr) << r.toText();
    EXPECT_EQ(s->key(), "B30");
    EXPECT_EQ(s->changes.front().value, str(good));
    expectAllOn(r, "B30");
}

TEST(SuggestOld, AddendOfOneTotalIsAmbiguous)
{
    Values v = test::consistentValues("old", 4);
    v["B35"] = str(num(v, "B35") + 3);   // only B-4 fails; B34 would break B-3, the rest could each be it
    const Report r = check("old", v);
    EXPECT_EQ(theSuggestion(r), nullptr) << r.toText();
    // each reason of B-4 that can give up 3 (a count never becomes negative), and B35 itself
    std::set<std::string> expected{"B35"};
    for (const char* k : {"B36", "B37", "B38", "B39", "B40"})
        if (num(v, k) >= 3)
            expected.insert(k);
    ASSERT_GE(expected.size(), 2u);
    EXPECT_EQ(candidateKeys(r), expected);
}

TEST(SuggestOld, TransposedDigits)
{
    Values v = balanced("old", 1, "B24", 152);
    v["B24"] = "125";
    const Report r = check("old", v);
    const Suggestion* s = theSuggestion(r);
    ASSERT_NE(s, nullptr) << r.toText();
    EXPECT_EQ(s->kind, "transposed");
    EXPECT_EQ(s->key(), "B24");
    EXPECT_EQ(s->changes.front().value, "152");
    expectFixes("old", v, *s);
}

TEST(SuggestOld, DroppedDigit)
{
    Values v = balanced("old", 2, "B23", 204);
    v["B23"] = "24";
    const Report r = check("old", v);
    const Suggestion* s = theSuggestion(r);
    ASSERT_NE(s, nullptr) << r.toText();
    EXPECT_EQ(s->kind, "dropped-digit");
    EXPECT_EQ(s->key(), "B23");
    EXPECT_EQ(s->changes.front().value, "204");
    expectFixes("old", v, *s);
}

TEST(SuggestOld, AddedDigit)
{
    Values v = balanced("old", 2, "B23", 204);
    v["B23"] = "2044";
    const Report r = check("old", v);
    const Suggestion* s = theSuggestion(r);
    ASSERT_NE(s, nullptr) << r.toText();
    EXPECT_EQ(s->kind, "added-digit");
    EXPECT_EQ(s->changes.front().value, "204");
}

TEST(SuggestOld, NoApplicantColumnsNoNeighbourSlip)
{
    // The old table is a list: one value column, so there is no neighbouring applicant column.
    const TemplateDef* t = findTemplate("old");
    std::set<int> cols;
    for (const std::string& k : t->keys())
        cols.insert(t->cellForKey(k)->col);
    EXPECT_EQ(cols.size(), 1u);
}

// =======================================================================================
// Table two: no HARD equality (P-4 of 2019 is an info: 新公开 = 新制作 is likely, not a law).

TEST(SuggestTable2, InfoEqualityGetsNoSuggestion)
{
    Values v = test::consistentValues("2019-t2", 1);
    v["P1_RULE.NEW_PUB"] = str(num(v, "P1_RULE.NEW_MADE") + 1);
    const Report r = check("2019-t2", v);
    for (const Diagnostic& d : r.diagnostics) {
        EXPECT_TRUE(d.suggestion.empty()) << d.rule;
        EXPECT_FALSE(d.suggestion.ambiguous()) << d.rule;
    }
}

// =======================================================================================
// JSON

TEST(SuggestJson, SuggestionObjectOnTheDiagnosticsItExplains)
{
    Values v = test::consistentValues("2021-t3", 1);
    const int good = num(v, "R3_2.BIZ");
    v["R3_2.BIZ"] = str(good + 2);
    const Report r = check("2021-t3", v);
    const boost::json::value j = boost::json::parse(r.toJson());
    int with = 0;
    for (const auto& dv : j.at("diagnostics").as_array()) {
        const auto& d = dv.as_object();
        ASSERT_TRUE(d.contains("suggestion")) << boost::json::serialize(d);
        const auto& s = d.at("suggestion").as_object();
        EXPECT_EQ(s.at("key").as_string(), "R3_2.BIZ");
        EXPECT_EQ(s.at("cell").as_string(), d.at("cell").as_string());
        EXPECT_EQ(s.at("value").as_string(), str(good));
        EXPECT_TRUE(has(std::string(s.at("reason").as_string()), "使 N-2、N-3 同时成立"));
        ++with;
    }
    EXPECT_EQ(with, 2);
}

// =======================================================================================
// Slips

TEST(SuggestSlip, Classification)
{
    EXPECT_EQ(classifySlip("96", "69"), "transposed");
    EXPECT_EQ(classifySlip("1243", "1234"), "transposed");
    EXPECT_EQ(classifySlip("13", "123"), "dropped-digit");
    EXPECT_EQ(classifySlip("1203", "123"), "added-digit");
    EXPECT_EQ(classifySlip("９６", "69"), "transposed");   // full-width digits read as written
    EXPECT_EQ(classifySlip("91", "19"), "transposed");
    EXPECT_EQ(classifySlip("12", "14"), "");
    EXPECT_EQ(classifySlip("1234", "4231"), "");         // not adjacent
    EXPECT_EQ(classifySlip("", "5"), "");
    EXPECT_EQ(classifySlip("1", "91"), "");              // a single digit is no evidence
    EXPECT_EQ(classifySlip("2", "12"), "");
    EXPECT_EQ(classifySlip("10", "01"), "");
    EXPECT_EQ(classifySlip("5", "5"), "");
}

// =======================================================================================
// Changes on request

TEST(FillTotals, EveryTotalFromItsParts)
{
    for (const char* id : {"2021-t3", "2019-t3", "2021-t4", "2019-t4", "old", "old-b0"}) {
        SCOPED_TRACE(id);
        const Values good = test::consistentValues(id, 7);
        Values v = good;
        std::set<std::string> totals;
        for (const auto& [total, parts] : totalDefinitions(id)) {
            v[total] = "";
            totals.insert(total);
        }
        ASSERT_FALSE(totals.empty());
        const std::vector<CellChange> changes = totalChanges(docOf(id, v));
        std::set<std::string> changed;
        for (const CellChange& c : changes) {
            changed.insert(c.cell.key);
            EXPECT_EQ(c.value, good.at(c.cell.key)) << c.cell.key;
            EXPECT_EQ(c.current, "");
            EXPECT_FALSE(c.cell.address.empty());
        }
        EXPECT_EQ(changed, totals);
        EXPECT_TRUE(totalChanges(docOf(id, good)).empty());   // nothing to do on a consistent table
    }
    // The change list names each cell by its labels, as the table shows them.
    Values v = test::consistentValues("2021-t3", 7);
    v["R3_7.NP"] = "";
    const std::vector<CellChange> one = totalChanges(docOf("2021-t3", v));
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one[0].where, "（七）总计 / 自然人");
}

TEST(FillTotals, ATotalWithATextPartIsLeftAlone)
{
    Values v = test::consistentValues("2021-t4", 1);
    v["RV_KEEP"] = "abc";
    v["RV_TOT"] = "0";
    for (const CellChange& c : totalChanges(docOf("2021-t4", v)))
        EXPECT_NE(c.cell.key, "RV_TOT");
}

TEST(FillZeros, BlankAndPlaceholderValueCellsOnly)
{
    Values v = test::consistentValues("2021-t4", 1);
    v["RV_KEEP"] = "";
    v["LD_PEND"] = "—";
    v["LR_OTHR"] = "无";
    const std::vector<CellChange> changes = blankChanges(docOf("2021-t4", v));
    std::map<std::string, std::string> got;
    std::map<std::string, std::string> where;
    for (const CellChange& c : changes) {
        EXPECT_EQ(c.value, "0");
        got[c.cell.key] = c.current;
        where[c.cell.key] = c.where;
    }
    EXPECT_EQ(got, (std::map<std::string, std::string>{{"RV_KEEP", ""}, {"LD_PEND", "—"}, {"LR_OTHR", "无"}}));
    EXPECT_EQ(where.at("RV_KEEP"), "行政复议 / 结果维持");
}

TEST(Sentences, SectionsThreeAndFourFromTheTablesCheckClean)
{
    for (const char* version : {"2021", "2019"}) {
        SCOPED_TRACE(version);
        const std::string t3 = std::string(version) + "-t3", t4 = std::string(version) + "-t4";
        const Values v3 = test::consistentValues(t3, 1), v4 = test::consistentValues(t4, 2);
        Document doc = docOf(t3, v3);
        Table four = generateTable(t4, v4);
        doc.addTable(std::move(four));
        const NumericSentences s = numericSentences(doc);
        EXPECT_EQ(s.three.rfind("本年新收政府信息公开申请" + v3.at("R1.TOT") + "件，上年结转政府信息公开申请" +
                                    v3.at("R2.TOT") + "件，办结政府信息公开申请" + v3.at("R3_7.TOT") + "件（其中予以公开" +
                                    v3.at("R3_1.TOT") + "件、部分公开" + v3.at("R3_2.TOT") + "件、不予公开",
                                0),
                  0u)
            << s.three;
        EXPECT_TRUE(has(s.three, "结转下年度继续办理" + v3.at("R4.TOT") + "件。")) << s.three;
        EXPECT_EQ(s.four.rfind("本年度发生政府信息公开行政复议" + v4.at("RV_TOT") + "件（结果维持" + v4.at("RV_KEEP") + "件", 0),
                  0u)
            << s.four;
        EXPECT_TRUE(has(s.four, "政府信息公开行政诉讼" + str(num(v4, "LD_TOT") + num(v4, "LR_TOT")) + "件")) << s.four;
        // the sentences agree with the tables: no text rule (X-1…X-5) fires
        doc.addParagraph(s.three);
        doc.addParagraph(s.four);
        const Report r = Checker().check(doc);
        for (const Diagnostic& d : r.diagnostics)
            EXPECT_NE(d.rule.substr(0, 2), "X-") << d.message();
        // a table changed afterwards: the sentences now contradict it
        Document changed = doc;
        changed.tables[0] = generateTable(t3, [&] {
            Values w = v3;
            w["R3_7.TOT"] = str(num(v3, "R3_7.TOT") + 1);
            return w;
        }());
        bool x1 = false;
        for (const Diagnostic& d : Checker().check(changed).diagnostics)
            x1 = x1 || d.rule == "X-1";
        EXPECT_TRUE(x1);
    }
}

TEST(Sentences, NoTablesNoSentences)
{
    Document doc;
    doc.addParagraph("一、总体情况");
    const NumericSentences s = numericSentences(doc);
    EXPECT_TRUE(s.three.empty());
    EXPECT_TRUE(s.four.empty());
}

// =======================================================================================
// A total copied from last year (needs last year's report, CrossYear.h)

TEST(SuggestLastYear, TotalThatStillHoldsLastYearsNumber)
{
    Values v = test::consistentValues("2021-t4", 2);
    const int good = num(v, "RV_TOT");
    const std::string lastYear = str(good + 6);
    v["RV_TOT"] = lastYear;   // the parts are this year's, the total is last year's
    auto prev = std::make_shared<Snapshot>();
    prev->unit = "某某区";
    prev->year = 2020;
    prev->tables["2021-t4"]["RV_TOT"] = lastYear;
    // without last year's report: five candidates
    EXPECT_EQ(theSuggestion(check("2021-t4", v)), nullptr);
    CheckOptions o;
    o.previous = prev;
    const Report r = Checker(o).check(docOf("2021-t4", v));
    const Suggestion* s = theSuggestion(r);
    ASSERT_NE(s, nullptr) << r.toText();
    EXPECT_EQ(s->kind, "last-year");
    EXPECT_EQ(s->key(), "RV_TOT");
    EXPECT_EQ(s->changes.front().value, str(good));
    EXPECT_TRUE(has(s->reason("zh-CN"), "疑似沿用了上年报告的数字 " + lastYear)) << s->reason("zh-CN");
}

TEST(SuggestText, LocatesTheStatedNumberInTheOriginalParagraph)
{
    const Values v = test::consistentValues("2021-t3", 1);
    Document doc = docOf("2021-t3", v);
    const std::string wrong = str(num(v, "R3_7.TOT") + 10);
    // full-width digits and spaces, as authors write them; the number's own text is replaced
    const std::string para = "全年办结 政府信息公开申请 " + wrong + " 件，结转下年度继续办理" + v.at("R4.TOT") + "件。";
    doc.addParagraph(para);
    const Report r = Checker().check(doc);
    const Diagnostic* x1 = nullptr;
    for (const Diagnostic& d : r.diagnostics)
        if (d.rule == "X-1" && d.suggestion.kind == "text")
            x1 = &d;
    ASSERT_NE(x1, nullptr) << r.toText();
    size_t b = 0, e = 0;
    ASSERT_TRUE(locateStatedNumber(*x1, para, b, e));
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(para);
    std::string got;
    u.tempSubStringBetween(static_cast<int32_t>(b), static_cast<int32_t>(e)).toUTF8String(got);
    EXPECT_EQ(got, wrong);
    EXPECT_FALSE(locateStatedNumber(*x1, "无关的段落。", b, e));
}
