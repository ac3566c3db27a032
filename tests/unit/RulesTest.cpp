// One passing and at least one failing case per rule of data/rules.json, against the rule
// definitions of spec §6 and the blank handling of spec §5.2. Each failing case asserts the
// exact (rule, severity, cell key, expected, actual) tuples and, with every rule on, that no
// other finding appears.
#include "Seeds.h"

#include "ogi/Checker.h"
#include "ogi/Templates.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

using namespace ogi;

namespace {

using Values = std::map<std::string, std::string>;
using Finding = std::tuple<std::string, std::string, std::string>;                           // rule, severity, key
using Detail = std::tuple<std::string, std::string, std::string, std::string, std::string>; // … expected, actual

/// Every rule id declared in data/rules.json.
const std::vector<std::string> kRuleIds = {
    "B-1", "B-2", "B-3", "B-4", "B-5", "B-6", "B-7", "B-8", "B-9", "B-10", "B-11", "B-12", "B-13", "B-14", "B-15", "B-17",
    "N-1", "N-2", "N-3", "N-4", "N-5", "N-6", "L-1", "L-2", "L-3", "L-4", "P-1", "P-2", "P-3", "P-4", "P-5",
    "S-1", "S-2", "S-3", "S-4", "S-5", "X-1", "X-2", "X-3", "X-4", "X-5", "X-7", "X-8", "R-1", "R-2", "R-3", "R-4", "R-5",
    "Y-1", "Y-2", "Y-3", "Y-4", "Y-5"};

/// A report title of the template's era (S-4 stays quiet).
std::string titleFor(const std::string& id)
{
    const std::string& version = findTemplate(id)->version;
    if (version == "2014")
        return "2017年度政府信息公开工作年度报告";
    return version + "年政府信息公开工作年度报告";
}

Report run(const std::string& id, const Values& v, CheckOptions options = {}, std::string title = {})
{
    return Checker(std::move(options)).check(test::documentWith(id, v, title.empty() ? titleFor(id) : title));
}

/// The rule alone: every other rule id disabled.
Report runOnly(const std::string& rule, const std::string& id, const Values& v)
{
    CheckOptions o;
    for (const std::string& r : kRuleIds)
        if (r != rule)
            o.disabledRules.insert(r);
    return run(id, v, o);
}

std::set<Finding> findings(const Report& r)
{
    std::set<Finding> out;
    for (const Diagnostic& d : r.diagnostics)
        out.emplace(d.rule, toString(d.severity), d.cell.key);
    return out;
}

std::set<Detail> details(const Report& r, const std::string& rule)
{
    std::set<Detail> out;
    for (const Diagnostic& d : r.diagnostics)
        if (d.rule == rule)
            out.emplace(d.rule, toString(d.severity), d.cell.key, d.expected, d.actual);
    return out;
}

const Diagnostic* find(const Report& r, const std::string& rule, const std::string& key)
{
    for (const Diagnostic& d : r.diagnostics)
        if (d.rule == rule && d.cell.key == key)
            return &d;
    return nullptr;
}

int num(const Values& v, const std::string& key) { return std::stoi(v.at(key)); }
std::string str(int n) { return std::to_string(n); }
void bump(Values& v, const std::string& key, int delta) { v[key] = str(num(v, key) + delta); }

/// Every value key of a template set to "0".
Values zeros(const std::string& id)
{
    Values v;
    const TemplateDef* t = findTemplate(id);
    for (const std::string& k : t->keys())
        if (t->cellForKey(k)->type != ValueType::Heading)
            v[k] = "0";
    return v;
}

/// The number inside an expectation ("≤ 12" → "12").
std::string numberIn(const std::string& expected)
{
    for (const char* prefix : {"≤ ", "≥ ", "< ", "> "})
        if (expected.rfind(prefix, 0) == 0)
            return expected.substr(std::string(prefix).size());
    return expected;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

/// Both languages carry a message that shows the expected and the actual number.
void expectMessagesShowNumbers(const Report& r, const std::string& rule)
{
    int seen = 0;
    for (const Diagnostic& d : r.diagnostics) {
        if (d.rule != rule)
            continue;
        ++seen;
        for (const char* lang : {"zh-CN", "en-US"}) {
            ASSERT_FALSE(d.message(lang).empty()) << rule << " has no " << lang << " message";
            const std::string& m = d.message(lang);
            EXPECT_TRUE(contains(m, numberIn(d.expected))) << lang << ": " << m << " lacks " << d.expected;
            EXPECT_TRUE(contains(m, d.actual)) << lang << ": " << m << " lacks " << d.actual;
            EXPECT_FALSE(contains(m, "{")) << lang << ": unresolved placeholder in " << m;
        }
    }
    EXPECT_GT(seen, 0) << "no " << rule << " finding";
}

/// A key of `rows` × `col` whose consistent value is non-zero (so that reading it as 0
/// would break the rules that use it).
std::string nonZeroKey(const Values& v, const std::vector<std::string>& rows, const std::string& col)
{
    for (const std::string& r : rows)
        if (num(v, r + "." + col) > 0)
            return r + "." + col;
    return {};
}

const std::vector<std::string> kResultRows2021 = {
    "R3_1",   "R3_2",   "R3_3_1", "R3_3_2", "R3_3_3", "R3_3_4", "R3_3_5", "R3_3_6", "R3_3_7", "R3_3_8", "R3_4_1",
    "R3_4_2", "R3_4_3", "R3_5_1", "R3_5_2", "R3_5_3", "R3_5_4", "R3_5_5", "R3_6_1", "R3_6_2", "R3_6_3"};

} // namespace

// =======================================================================================
// Old statistics table (spec §6.1)

TEST(RulesOld, B1ApplicationsReceivedEqualTheFourChannels)
{
    Values v = test::consistentValues("old");
    EXPECT_TRUE(runOnly("B-1", "old", v).diagnostics.empty());
    const int sum = num(v, "B23") + num(v, "B24") + num(v, "B25") + num(v, "B26");
    ASSERT_EQ(num(v, "B22"), sum);
    v["B22"] = str(sum + 2);
    const Report r = run("old", v);
    EXPECT_EQ(details(r, "B-1"), (std::set<Detail>{{"B-1", "error", "B22", str(sum), str(sum + 2)}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"B-1", "error", "B22"}})) << r.toText();
    expectMessagesShowNumbers(r, "B-1");
    const Diagnostic* d = find(r, "B-1", "B22");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->cell.address, "C23");   // row 22 of the grid, value column
    std::set<std::string> related;
    for (const CellRef& c : d->related)
        related.insert(c.key);
    EXPECT_EQ(related, (std::set<std::string>{"B23", "B24", "B25", "B26"}));
    EXPECT_TRUE(contains(d->message("zh-CN"), "收到申请数")) << d->message("zh-CN");
}

TEST(RulesOld, B2ClosedEqualsOnTimePlusLate)
{
    Values v = test::consistentValues("old", 2);
    EXPECT_TRUE(runOnly("B-2", "old", v).diagnostics.empty());
    const int b27 = num(v, "B27");
    bump(v, "B29", 1);   // a late closure that the total does not count
    const Report r = run("old", v);
    EXPECT_EQ(details(r, "B-2"), (std::set<Detail>{{"B-2", "error", "B27", str(b27 + 1), str(b27)}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"B-2", "error", "B27"}})) << r.toText();
    expectMessagesShowNumbers(r, "B-2");
}

TEST(RulesOld, B3RepliesEqualItemsOneToEightWithoutTheReasons)
{
    Values v = test::consistentValues("old", 3);
    EXPECT_TRUE(runOnly("B-3", "old", v).diagnostics.empty());
    const int b30 = num(v, "B30");
    bump(v, "B41", 1);
    const Report r = run("old", v);
    EXPECT_EQ(details(r, "B-3"), (std::set<Detail>{{"B-3", "error", "B30", str(b30 + 1), str(b30)}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"B-3", "error", "B30"}})) << r.toText();
    expectMessagesShowNumbers(r, "B-3");
}

TEST(RulesOld, B4RefusalsEqualTheirSixReasons)
{
    Values v = test::consistentValues("old", 4);
    EXPECT_TRUE(runOnly("B-4", "old", v).diagnostics.empty());
    const int b34 = num(v, "B34");
    bump(v, "B35", 3);   // a reason is not an item of B-3: only B-4 breaks
    const Report r = run("old", v);
    EXPECT_EQ(details(r, "B-4"), (std::set<Detail>{{"B-4", "error", "B34", str(b34 + 3), str(b34)}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"B-4", "error", "B34"}})) << r.toText();
    expectMessagesShowNumbers(r, "B-4");
}

TEST(RulesOld, B5B6B7TotalsOfReconsiderationLitigationAndStaff)
{
    const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
        {"B-5", "B45", "B47"}, {"B-6", "B49", "B52"}, {"B-7", "B58", "B60"}};
    for (const auto& [rule, total, part] : cases) {
        SCOPED_TRACE(rule);
        Values v = test::consistentValues("old", 5);
        EXPECT_TRUE(runOnly(rule, "old", v).diagnostics.empty());
        const int t = num(v, total);
        bump(v, part, 2);
        const Report r = run("old", v);
        EXPECT_EQ(details(r, rule), (std::set<Detail>{{rule, "error", total, str(t + 2), str(t)}}));
        EXPECT_EQ(findings(r), (std::set<Finding>{{rule, "error", total}})) << r.toText();
        expectMessagesShowNumbers(r, rule);
    }
}

TEST(RulesOld, B8ThereofItemAboveItsParent)
{
    Values v = test::consistentValues("old");
    EXPECT_TRUE(runOnly("B-8", "old", v).diagnostics.empty());
    // 其中：主要负责同志参加新闻发布会次数 above 新闻发布会总次数
    Values press = v;
    const int b14 = num(press, "B14");
    press["B15"] = str(b14 + 1);
    const Report r1 = run("old", press);
    EXPECT_EQ(details(r1, "B-8"), (std::set<Detail>{{"B-8", "error", "B15", "≤ " + str(b14), str(b14 + 1)}}));
    EXPECT_EQ(findings(r1), (std::set<Finding>{{"B-8", "error", "B15"}})) << r1.toText();
    expectMessagesShowNumbers(r1, "B-8");
    // 其中：主动公开规范性文件数 above B02: B-8 (HARD) and, as B04 = the old B03, B-12 (SOFT)
    Values docs = v;
    const int b02 = num(docs, "B02");
    docs["B03"] = str(b02 + 1);
    const Report r2 = run("old", docs);
    EXPECT_EQ(details(r2, "B-8"), (std::set<Detail>{{"B-8", "error", "B03", "≤ " + str(b02), str(b02 + 1)}}));
    EXPECT_EQ(findings(r2), (std::set<Finding>{{"B-8", "error", "B03"}, {"B-12", "warning", "B03"}})) << r2.toText();
}

TEST(RulesOld, B8OnlineInterviewsAndTheTableWithoutTheResponseBlock)
{
    Values v = test::consistentValues("old", 2);
    const int b16 = num(v, "B16");
    v["B17"] = str(b16 + 3);
    EXPECT_EQ(details(run("old", v), "B-8"), (std::set<Detail>{{"B-8", "error", "B17", "≤ " + str(b16), str(b16 + 3)}}));
    // old-b0 has no B14…B17: the two instances on them are moot, the B03 one still applies
    Values b0 = test::consistentValues("old-b0", 2);
    EXPECT_TRUE(runOnly("B-8", "old-b0", b0).diagnostics.empty());
    const int b02 = num(b0, "B02");
    b0["B03"] = str(b02 + 1);
    EXPECT_EQ(details(run("old-b0", b0), "B-8"), (std::set<Detail>{{"B-8", "error", "B03", "≤ " + str(b02), str(b02 + 1)}}));
}

TEST(RulesOld, B9TotalBelowASingleChannelIsAWarning)
{
    Values v = test::consistentValues("old");
    EXPECT_TRUE(runOnly("B-9", "old", v).diagnostics.empty());
    const int b02 = num(v, "B02");
    v["B08"] = str(b02 + 5);   // 政务微博 alone above the de-duplicated total
    const Report r = run("old", v);
    EXPECT_EQ(details(r, "B-9"), (std::set<Detail>{{"B-9", "warning", "B02", "≥ " + str(b02 + 5), str(b02)}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"B-9", "warning", "B02"}})) << r.toText();
    expectMessagesShowNumbers(r, "B-9");
    const Diagnostic* d = find(r, "B-9", "B02");
    ASSERT_NE(d, nullptr);
    std::set<std::string> related;   // the channels above the total
    for (const CellRef& c : d->related)
        related.insert(c.key);
    EXPECT_EQ(related, (std::set<std::string>{"B08"}));
}

TEST(RulesOld, B10TotalAboveTheSumOfChannels)
{
    Values v = test::consistentValues("old");
    v["B03"] = v["B04"] = "2";
    v["B02"] = "10";
    v["B06"] = "0";
    v["B07"] = "5";
    v["B08"] = "3";
    v["B09"] = "0";
    v["B10"] = "0";
    const Report r = run("old", v);
    EXPECT_EQ(details(r, "B-10"), (std::set<Detail>{{"B-10", "warning", "B02", "≤ 8", "10"}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"B-10", "warning", "B02"}})) << r.toText();
    expectMessagesShowNumbers(r, "B-10");
    v["B02"] = "7";   // ≤ 8 and ≥ every channel
    EXPECT_TRUE(run("old", v).diagnostics.empty());
}

TEST(RulesOld, B11PlainSumOfSeveralChannelsIsInfo)
{
    Values v = test::consistentValues("old");
    EXPECT_TRUE(runOnly("B-11", "old", v).diagnostics.empty());
    v["B03"] = v["B04"] = "2";
    v["B02"] = "7";
    v["B06"] = "0";
    v["B07"] = "4";
    v["B08"] = "3";
    v["B09"] = "0";
    v["B10"] = "0";
    const Report r = run("old", v);
    EXPECT_EQ(details(r, "B-11"), (std::set<Detail>{{"B-11", "info", "B02", "< 7", "7"}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"B-11", "info", "B02"}})) << r.toText();
    // one non-zero channel equal to the total is fine (everything published once, on the website)
    v["B07"] = "7";
    v["B08"] = "0";
    EXPECT_TRUE(run("old", v).diagnostics.empty());
}

TEST(RulesOld, B12NormativeDocumentsDisclosedVersusIssued)
{
    Values v = test::consistentValues("old");
    ASSERT_EQ(v["B03"], v["B04"]);
    EXPECT_TRUE(runOnly("B-12", "old", v).diagnostics.empty());
    // more disclosed than issued: warning (seed 002)
    Values more = v;
    more["B03"] = "1";
    more["B04"] = "0";
    const Report r1 = run("old", more);
    EXPECT_EQ(details(r1, "B-12"), (std::set<Detail>{{"B-12", "warning", "B03", "≤ 0", "1"}}));
    EXPECT_EQ(findings(r1), (std::set<Finding>{{"B-12", "warning", "B03"}})) << r1.toText();
    expectMessagesShowNumbers(r1, "B-12");
    // fewer disclosed than issued: info
    Values fewer = v;
    fewer["B03"] = "0";
    fewer["B04"] = "1";
    const Report r2 = run("old", fewer);
    EXPECT_EQ(details(r2, "B-12"), (std::set<Detail>{{"B-12", "info", "B03", "≥ 1", "0"}}));
    EXPECT_EQ(findings(r2), (std::set<Finding>{{"B-12", "info", "B03"}})) << r2.toText();
    expectMessagesShowNumbers(r2, "B-12");
}

TEST(RulesOld, B13RepliesDifferFromClosedApplications)
{
    Values v = test::consistentValues("old", 3);
    EXPECT_TRUE(runOnly("B-13", "old", v).diagnostics.empty());
    const int b27 = num(v, "B27"), b30 = num(v, "B30");
    bump(v, "B31", 1);   // B-3 still holds, B30 no longer equals B27
    bump(v, "B30", 1);
    const Report r = run("old", v);
    EXPECT_EQ(details(r, "B-13"), (std::set<Detail>{{"B-13", "warning", "B30", str(b27), str(b30 + 1)}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"B-13", "warning", "B30"}})) << r.toText();
    expectMessagesShowNumbers(r, "B-13");
}

TEST(RulesOld, B14MoreClosedThanReceived)
{
    Values v = test::consistentValues("old", 4);
    EXPECT_TRUE(runOnly("B-14", "old", v).diagnostics.empty());
    const int b22 = num(v, "B22");
    // one more closure, on time and replied: B-2, B-3 and B-13 still hold
    for (const char* k : {"B27", "B28", "B30", "B31"})
        bump(v, k, 1);
    const Report r = run("old", v);
    EXPECT_EQ(details(r, "B-14"), (std::set<Detail>{{"B-14", "warning", "B27", "≤ " + str(b22), str(b22 + 1)}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"B-14", "warning", "B27"}})) << r.toText();
    expectMessagesShowNumbers(r, "B-14");
}

TEST(RulesOld, B15InvalidTextIsATypeErrorAndItsRulesAreSkipped)
{
    Values v = test::consistentValues("old");
    EXPECT_TRUE(runOnly("B-15", "old", v).diagnostics.empty());
    ASSERT_GT(num(v, "B23"), 0);   // read as 0, B-1 would fail
    const std::vector<std::pair<std::string, std::string>> bad = {{"abc", "not a number"},
                                                                  {"-2", "negative"},
                                                                  {"1.5", "not an integer"}};
    for (const auto& [text, problem] : bad) {
        SCOPED_TRACE(text);
        Values w = v;
        w["B23"] = text;
        const Report r = run("old", w);
        EXPECT_EQ(details(r, "B-15"), (std::set<Detail>{{"B-15", "error", "B23", "integer ≥ 0", text}}));
        EXPECT_EQ(findings(r), (std::set<Finding>{{"B-15", "error", "B23"}})) << r.toText();
        const Diagnostic* d = find(r, "B-15", "B23");
        ASSERT_NE(d, nullptr);
        EXPECT_TRUE(contains(d->message("zh-CN"), text));
        EXPECT_TRUE(contains(d->message("en-US"), text));
        EXPECT_TRUE(contains(d->message("en-US"), problem)) << d->message("en-US");
    }
}

TEST(RulesOld, B15HeadingRowsStayEmptyAndMoneyIsDecimal)
{
    Values v = test::consistentValues("old");
    v["B01"] = "5";        // 一、主动公开情况 is a heading
    v["B54"] = "12元";     // 万元 cell written in 元
    v["B61"] = "3.75";     // decimal 万元: fine
    const Report r = run("old", v);
    EXPECT_EQ(details(r, "B-15"), (std::set<Detail>{{"B-15", "error", "B01", "empty", "5"},
                                                    {"B-15", "error", "B54", "number ≥ 0 (万元)", "12元"}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"B-15", "error", "B01"}, {"B-15", "error", "B54"}})) << r.toText();
}

TEST(RulesOld, B17TraineesWithoutCoursesIsInfo)
{
    Values v = test::consistentValues("old");
    EXPECT_TRUE(runOnly("B-17", "old", v).diagnostics.empty());
    v["B64"] = "0";
    v["B65"] = "3";
    const Report r = run("old", v);
    EXPECT_EQ(details(r, "B-17"), (std::set<Detail>{{"B-17", "info", "B65", "> 0", "3"}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"B-17", "info", "B65"}})) << r.toText();
    // nobody trained, no course: nothing to say
    v["B65"] = "0";
    EXPECT_TRUE(run("old", v).diagnostics.empty());
}

// =======================================================================================
// Table three (spec §6.2)

TEST(RulesTable3, N1ColumnBalance)
{
    for (const char* id : {"2021-t3", "2019-t3"}) {
        SCOPED_TRACE(id);
        Values v = test::consistentValues(id, 2);
        EXPECT_TRUE(runOnly("N-1", id, v).diagnostics.empty());
        const int biz = num(v, "R3_7.BIZ"), tot = num(v, "R3_7.TOT");
        bump(v, "R1.BIZ", 1);   // one more new application, not handled nor carried forward
        bump(v, "R1.TOT", 1);   // N-3 on row R1 still holds
        const Report r = run(id, v);
        EXPECT_EQ(details(r, "N-1"), (std::set<Detail>{{"N-1", "error", "R3_7.BIZ", str(biz + 1), str(biz)},
                                                       {"N-1", "error", "R3_7.TOT", str(tot + 1), str(tot)}}));
        EXPECT_EQ(findings(r), (std::set<Finding>{{"N-1", "error", "R3_7.BIZ"}, {"N-1", "error", "R3_7.TOT"}}))
            << r.toText();
        expectMessagesShowNumbers(r, "N-1");
    }
}

TEST(RulesTable3, N2TotalOfOutcomes)
{
    for (const char* id : {"2021-t3", "2019-t3"}) {
        SCOPED_TRACE(id);
        Values v = test::consistentValues(id, 3);
        EXPECT_TRUE(runOnly("N-2", id, v).diagnostics.empty());
        const int oth = num(v, "R3_7.OTH"), tot = num(v, "R3_7.TOT");
        bump(v, "R3_3_1.OTH", 1);   // an outcome the total does not count
        bump(v, "R3_3_1.TOT", 1);
        const Report r = run(id, v);
        EXPECT_EQ(details(r, "N-2"), (std::set<Detail>{{"N-2", "error", "R3_7.OTH", str(oth + 1), str(oth)},
                                                       {"N-2", "error", "R3_7.TOT", str(tot + 1), str(tot)}}));
        EXPECT_EQ(findings(r), (std::set<Finding>{{"N-2", "error", "R3_7.OTH"}, {"N-2", "error", "R3_7.TOT"}}))
            << r.toText();
        expectMessagesShowNumbers(r, "N-2");
    }
}

TEST(RulesTable3, N2CountsTheThreeOtherHandlingItemsOf2021AndTheSingleRowOf2019)
{
    Values v21 = test::consistentValues("2021-t3", 4);
    const int np21 = num(v21, "R3_7.NP");
    bump(v21, "R3_6_2.NP", 1);
    bump(v21, "R3_6_2.TOT", 1);
    EXPECT_EQ(details(run("2021-t3", v21), "N-2"),
              (std::set<Detail>{{"N-2", "error", "R3_7.NP", str(np21 + 1), str(np21)},
                                {"N-2", "error", "R3_7.TOT", str(num(v21, "R3_7.TOT") + 1), v21["R3_7.TOT"]}}));
    Values v19 = test::consistentValues("2019-t3", 4);
    const int np19 = num(v19, "R3_7.NP");
    bump(v19, "R3_6.NP", 1);
    bump(v19, "R3_6.TOT", 1);
    EXPECT_EQ(details(run("2019-t3", v19), "N-2"),
              (std::set<Detail>{{"N-2", "error", "R3_7.NP", str(np19 + 1), str(np19)},
                                {"N-2", "error", "R3_7.TOT", str(num(v19, "R3_7.TOT") + 1), v19["R3_7.TOT"]}}));
}

TEST(RulesTable3, N3RowTotalOverApplicants)
{
    Values v = test::consistentValues("2021-t3", 1);
    EXPECT_TRUE(runOnly("N-3", "2021-t3", v).diagnostics.empty());
    const int t1 = num(v, "R3_1.TOT"), t2 = num(v, "R3_2.TOT");
    ASSERT_GT(t2, 0);
    // one application moved from （二） to （一） in the 总计 column only: N-2 (TOT) still holds
    bump(v, "R3_1.TOT", 1);
    bump(v, "R3_2.TOT", -1);
    const Report r = run("2021-t3", v);
    EXPECT_EQ(details(r, "N-3"), (std::set<Detail>{{"N-3", "error", "R3_1.TOT", str(t1), str(t1 + 1)},
                                                   {"N-3", "error", "R3_2.TOT", str(t2), str(t2 - 1)}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"N-3", "error", "R3_1.TOT"}, {"N-3", "error", "R3_2.TOT"}}))
        << r.toText();
    expectMessagesShowNumbers(r, "N-3");
}

TEST(RulesTable3, N4InvalidTextIsATypeErrorAndItsRulesAreSkipped)
{
    const Values v = test::consistentValues("2021-t3", 1);
    EXPECT_TRUE(runOnly("N-4", "2021-t3", v).diagnostics.empty());
    // a 法律服务机构 cell whose value, read as 0, would break N-2 (LAW) and N-3 (its row)
    const std::string key = nonZeroKey(v, kResultRows2021, "LAW");
    ASSERT_FALSE(key.empty());
    for (const std::string text : {"abc", "1.5", "-3"}) {
        SCOPED_TRACE(text);
        Values w = v;
        w[key] = text;
        const Report r = run("2021-t3", w);
        EXPECT_EQ(details(r, "N-4"), (std::set<Detail>{{"N-4", "error", key, "integer ≥ 0", text}}));
        EXPECT_EQ(findings(r), (std::set<Finding>{{"N-4", "error", key}})) << r.toText();
        const Diagnostic* d = find(r, "N-4", key);
        ASSERT_NE(d, nullptr);
        EXPECT_TRUE(contains(d->message("zh-CN"), text));
        EXPECT_TRUE(contains(d->message("en-US"), text));
    }
}

TEST(RulesTable3, N4InvalidTextInTheFirstValueColumn)
{
    // 自然人 is the first value column: the text must still be read as that cell's value,
    // not as a row label.
    Values v = test::consistentValues("2021-t3", 1);
    v["R3_1.NP"] = "abc";
    const Report r = run("2021-t3", v);
    ASSERT_EQ(r.tables.size(), 1u);
    EXPECT_EQ(r.tables[0].mappedKeys, r.tables[0].totalKeys);
    EXPECT_EQ(details(r, "N-4"), (std::set<Detail>{{"N-4", "error", "R3_1.NP", "integer ≥ 0", "abc"}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"N-4", "error", "R3_1.NP"}})) << r.toText();
}

/// Subtotal values of a group: per column, the sum of the group's items in `v`.
std::map<std::string, std::string> subtotalOf(const Values& v, const std::string& id, const std::string& sub)
{
    const SubtotalRow* s = findTemplate(id)->subtotalOf(sub + ".NP");
    std::map<std::string, std::string> out;
    for (const std::string ck : {"NP", "BIZ", "RES", "NGO", "LAW", "OTH", "TOT"}) {
        int total = 0;
        bool in = false;
        for (const std::string& k : findTemplate(id)->keys()) {
            const std::string row = k.substr(0, k.find('.'));
            in = in || row == s->first;
            if (in && k.substr(k.find('.') + 1) == ck)
                total += num(v, k);
            if (row == s->last && k.substr(k.find('.') + 1) == ck)
                break;
        }
        out[ck] = str(total);
    }
    return out;
}

TEST(RulesTable3, N5SubtotalRowsEqualTheirItems)
{
    for (const char* id : {"2021-t3", "2019-t3"}) {
        SCOPED_TRACE(id);
        const Values v = test::consistentValues(id, 6);
        std::map<std::string, std::map<std::string, std::string>> subs;
        for (const SubtotalRow& s : findTemplate(id)->subtotals)
            subs[s.key] = subtotalOf(v, id, s.key);
        for (bool merged : {true, false}) {
            SCOPED_TRACE(merged ? "merged" : "merges lost");
            const Report clean = Checker().check(test::documentWithSubtotals(id, v, subs, merged));
            EXPECT_TRUE(clean.diagnostics.empty()) << clean.toText();
            // (四)'s 小计 one too high for 自然人, (五)'s written as 合计 and one too low in 总计
            auto wrong = subs;
            wrong["R3_4_SUB"]["NP"] = str(std::stoi(subs["R3_4_SUB"]["NP"]) + 1);
            const Report r = Checker().check(test::documentWithSubtotals(id, v, wrong, merged));
            EXPECT_EQ(details(r, "N-5"),
                      (std::set<Detail>{{"N-5", "error", "R3_4_SUB.NP", subs["R3_4_SUB"]["NP"], wrong["R3_4_SUB"]["NP"]}}));
            EXPECT_EQ(findings(r), (std::set<Finding>{{"N-5", "error", "R3_4_SUB.NP"}})) << r.toText();
            expectMessagesShowNumbers(r, "N-5");
        }
        // "合计" is read as a subtotal too; a blank subtotal cell is a blank cell (S-3)
        std::map<std::string, std::map<std::string, std::string>> one{{"R3_5_SUB", subtotalOf(v, id, "R3_5_SUB")}};
        one["R3_5_SUB"]["TOT"] = str(std::stoi(one["R3_5_SUB"]["TOT"]) - 1);
        const bool othItems = one["R3_5_SUB"]["OTH"] != "0";
        one["R3_5_SUB"]["OTH"] = "";
        const Report r = Checker().check(test::documentWithSubtotals(id, v, one, true, "合计"));
        std::set<Finding> want{{"N-5", "error", "R3_5_SUB.TOT"}};
        if (othItems)   // blank counted as 0 against non-zero items: a warning (spec §5.2) that
            want.insert({"N-5", "warning", "R3_5_SUB.OTH"});   // says "blank" itself: no S-3 on it
        else
            want.insert({"S-3", "warning", "R3_5_SUB.OTH"});
        EXPECT_EQ(findings(r), want) << r.toText();
    }
    // Without subtotal rows N-5 has nothing to check.
    EXPECT_TRUE(runOnly("N-5", "2021-t3", test::consistentValues("2021-t3", 6)).diagnostics.empty());
}

TEST(RulesTable3, N6CarriedForwardAboveApplicationsToHandle)
{
    Values v = zeros("2021-t3");
    EXPECT_TRUE(run("2021-t3", v).diagnostics.empty());
    // nothing received or carried over, yet one application carried forward. N-6 only follows
    // from N-1 with non-negative integers, so N-1 breaks as well (R3_7 would have to be -1).
    v["R4.NP"] = "1";
    v["R4.TOT"] = "1";
    const Report r = run("2021-t3", v);
    EXPECT_EQ(details(r, "N-6"), (std::set<Detail>{{"N-6", "error", "R4.NP", "≤ 0", "1"},
                                                   {"N-6", "error", "R4.TOT", "≤ 0", "1"}}));
    EXPECT_EQ(details(r, "N-1"), (std::set<Detail>{{"N-1", "error", "R3_7.NP", "-1", "0"},
                                                   {"N-1", "error", "R3_7.TOT", "-1", "0"}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"N-6", "error", "R4.NP"},
                                              {"N-6", "error", "R4.TOT"},
                                              {"N-1", "error", "R3_7.NP"},
                                              {"N-1", "error", "R3_7.TOT"}}))
        << r.toText();
    expectMessagesShowNumbers(r, "N-6");
    EXPECT_TRUE(runOnly("N-6", "2021-t3", test::consistentValues("2021-t3", 5)).diagnostics.empty());
}

// =======================================================================================
// Table four (spec §6.3)

TEST(RulesTable4, L1L2L3TotalsOfEachBlock)
{
    const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
        {"L-1", "RV_TOT", "RV_KEEP"}, {"L-2", "LD_TOT", "LD_PEND"}, {"L-3", "LR_TOT", "LR_CORR"}};
    for (const char* id : {"2021-t4", "2019-t4"})
        for (const auto& [rule, total, part] : cases) {
            SCOPED_TRACE(std::string(id) + " " + rule);
            Values v = test::consistentValues(id, 2);
            EXPECT_TRUE(runOnly(rule, id, v).diagnostics.empty());
            const int t = num(v, total);
            bump(v, part, 2);
            const Report r = run(id, v);
            EXPECT_EQ(details(r, rule), (std::set<Detail>{{rule, "error", total, str(t + 2), str(t)}}));
            EXPECT_EQ(findings(r), (std::set<Finding>{{rule, "error", total}})) << r.toText();
            expectMessagesShowNumbers(r, rule);
        }
}

TEST(RulesTable4, L4InvalidTextIsATypeErrorAndL2IsSkipped)
{
    Values v = test::consistentValues("2021-t4", 1);
    EXPECT_TRUE(runOnly("L-4", "2021-t4", v).diagnostics.empty());
    bump(v, "LD_TOT", 7);   // whatever LD_CORR is read as, L-2 could not hold unless it is 7 more
    v["LD_CORR"] = "1.5";
    const Report r = run("2021-t4", v);
    EXPECT_EQ(details(r, "L-4"), (std::set<Detail>{{"L-4", "error", "LD_CORR", "integer ≥ 0", "1.5"}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"L-4", "error", "LD_CORR"}})) << r.toText();
}

TEST(RulesTable4, L4InvalidTextInTheFirstCell)
{
    // The value row of table four has no row label; text in its first cell must not turn the
    // row into an unrecognized one.
    Values v = test::consistentValues("2021-t4", 1);
    v["RV_KEEP"] = "abc";
    const Report r = run("2021-t4", v);
    ASSERT_EQ(r.tables.size(), 1u);
    EXPECT_EQ(r.tables[0].mappedKeys, r.tables[0].totalKeys);
    EXPECT_EQ(details(r, "L-4"), (std::set<Detail>{{"L-4", "error", "RV_KEEP", "integer ≥ 0", "abc"}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"L-4", "error", "RV_KEEP"}})) << r.toText();
}

// =======================================================================================
// Table two (spec §6.4)

TEST(RulesTable2, P1TypesOf2021)
{
    Values v = test::consistentValues("2021-t2", 1);
    v["P8_FEE.AMT"] = "12.5";   // 万元, decimal: fine
    EXPECT_TRUE(runOnly("P-1", "2021-t2", v).diagnostics.empty());
    bump(v, "P1_RULE.MADE", 100);   // P-2 would fail if REPEAL were read as 0
    v["P1_RULE.REPEAL"] = "x";
    v["P6_PUN.DEC"] = "-2";
    v["P8_FEE.AMT"] = "3元";
    const Report r = run("2021-t2", v);
    EXPECT_EQ(details(r, "P-1"), (std::set<Detail>{{"P-1", "error", "P1_RULE.REPEAL", "integer ≥ 0", "x"},
                                                   {"P-1", "error", "P6_PUN.DEC", "integer ≥ 0", "-2"},
                                                   {"P-1", "error", "P8_FEE.AMT", "number ≥ 0 (万元)", "3元"}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"P-1", "error", "P1_RULE.REPEAL"},
                                              {"P-1", "error", "P6_PUN.DEC"},
                                              {"P-1", "error", "P8_FEE.AMT"}}))
        << r.toText();
}

TEST(RulesTable2, P1TypesOf2019LeaveTheSignedCellsToP5)
{
    Values v = test::consistentValues("2019-t2", 1);
    v["P9_PROC.AMT"] = "1483180";   // seed 001: amount without unit
    EXPECT_TRUE(runOnly("P-1", "2019-t2", v).diagnostics.empty());
    v["P9_PROC.AMT"] = "12.5万元";
    EXPECT_TRUE(runOnly("P-1", "2019-t2", v).diagnostics.empty());
    v["P9_PROC.AMT"] = "abc";
    v["P1_NORM.NEW_MADE"] = v["P1_NORM.NEW_PUB"] = "4";   // P-3 would fail if PUB_TOTAL were read as 0
    v["P1_NORM.PUB_TOTAL"] = "1.5";
    v["P8_FEE.CHG"] = "xyz";
    const Report r = run("2019-t2", v);
    EXPECT_EQ(details(r, "P-1"), (std::set<Detail>{{"P-1", "error", "P9_PROC.AMT", "amount", "abc"},
                                                   {"P-1", "error", "P1_NORM.PUB_TOTAL", "integer ≥ 0", "1.5"}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"P-1", "error", "P9_PROC.AMT"},
                                              {"P-1", "error", "P1_NORM.PUB_TOTAL"},
                                              {"P-5", "warning", "P8_FEE.CHG"}}))
        << r.toText();
}

TEST(RulesTable2, P1InvalidTextInRowsWithOneValueCell)
{
    // 行政许可 and 行政事业性收费 rows hold a single value cell: text there is still that value.
    Values v = test::consistentValues("2021-t2", 1);
    v["P5_LIC.DEC"] = "abc";
    v["P8_FEE.AMT"] = "见附件";
    const Report r = run("2021-t2", v);
    ASSERT_EQ(r.tables.size(), 1u);
    EXPECT_EQ(r.tables[0].mappedKeys, r.tables[0].totalKeys);
    EXPECT_EQ(details(r, "P-1"), (std::set<Detail>{{"P-1", "error", "P5_LIC.DEC", "integer ≥ 0", "abc"},
                                                   {"P-1", "error", "P8_FEE.AMT", "number ≥ 0 (万元)", "见附件"}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"P-1", "error", "P5_LIC.DEC"}, {"P-1", "error", "P8_FEE.AMT"}}))
        << r.toText();
}

TEST(RulesTable2, P2IssuedAboveInForcePlusRepealed)
{
    Values v = test::consistentValues("2021-t2", 2);
    EXPECT_TRUE(runOnly("P-2", "2021-t2", v).diagnostics.empty());
    const int bound = num(v, "P1_NORM.VALID") + num(v, "P1_NORM.REPEAL");
    v["P1_NORM.MADE"] = str(bound + 1);
    const Report r = run("2021-t2", v);
    EXPECT_EQ(details(r, "P-2"), (std::set<Detail>{{"P-2", "warning", "P1_NORM.MADE", "≤ " + str(bound), str(bound + 1)}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"P-2", "warning", "P1_NORM.MADE"}})) << r.toText();
    expectMessagesShowNumbers(r, "P-2");
}

TEST(RulesTable2, P3NewlyDisclosedAboveTotalDisclosed)
{
    Values v = test::consistentValues("2019-t2", 2);
    EXPECT_TRUE(runOnly("P-3", "2019-t2", v).diagnostics.empty());
    const int total = num(v, "P1_NORM.PUB_TOTAL");
    v["P1_NORM.NEW_PUB"] = v["P1_NORM.NEW_MADE"] = str(total + 1);   // P-4 holds
    const Report r = run("2019-t2", v);
    EXPECT_EQ(details(r, "P-3"), (std::set<Detail>{{"P-3", "warning", "P1_NORM.NEW_PUB", "≤ " + str(total), str(total + 1)}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"P-3", "warning", "P1_NORM.NEW_PUB"}})) << r.toText();
    expectMessagesShowNumbers(r, "P-3");
}

TEST(RulesTable2, P4NewlyDisclosedDiffersFromNewlyMade)
{
    Values v = test::consistentValues("2019-t2", 3);
    EXPECT_TRUE(runOnly("P-4", "2019-t2", v).diagnostics.empty());
    const int pub = num(v, "P1_RULE.NEW_PUB");
    v["P1_RULE.NEW_MADE"] = str(pub + 2);
    const Report r = run("2019-t2", v);
    EXPECT_EQ(details(r, "P-4"), (std::set<Detail>{{"P-4", "info", "P1_RULE.NEW_PUB", str(pub + 2), str(pub)}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"P-4", "info", "P1_RULE.NEW_PUB"}})) << r.toText();
    expectMessagesShowNumbers(r, "P-4");
}

TEST(RulesTable2, P5ChangeFormat)
{
    Values v = test::consistentValues("2019-t2", 1);
    v["P5_LIC.PREV"] = v["P5_OTH.PREV"] = v["P6_ENF.PREV"] = "1";
    v["P5_LIC.CHG"] = "23(增)";   // seed 001 spellings
    v["P5_OTH.CHG"] = "1(减)";
    v["P6_PUN.CHG"] = "+3";
    v["P6_ENF.CHG"] = "-1";
    v["P8_FEE.CHG"] = "0";
    EXPECT_TRUE(run("2019-t2", v).diagnostics.empty()) << run("2019-t2", v).toText();
    v["P6_PUN.CHG"] = "abc";
    const Report r = run("2019-t2", v);
    EXPECT_EQ(details(r, "P-5"), (std::set<Detail>{{"P-5", "warning", "P6_PUN.CHG", "signed integer", "abc"}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"P-5", "warning", "P6_PUN.CHG"}})) << r.toText();
    const Diagnostic* d = find(r, "P-5", "P6_PUN.CHG");
    ASSERT_NE(d, nullptr);
    EXPECT_TRUE(contains(d->message("zh-CN"), "abc"));
    EXPECT_TRUE(contains(d->message("en-US"), "abc"));
}

TEST(RulesTable2, P5ChangeMustBeAWholeNumber)
{
    // spec §6.4 P-5: 本年增/减 parses to a signed integer (a count of items changes by whole items).
    Values v = test::consistentValues("2019-t2", 1);
    v["P6_ENF.CHG"] = "1.5";
    const Report r = run("2019-t2", v);
    EXPECT_EQ(details(r, "P-5"), (std::set<Detail>{{"P-5", "warning", "P6_ENF.CHG", "signed integer", "1.5"}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"P-5", "warning", "P6_ENF.CHG"}})) << r.toText();
}

TEST(RulesTable2, P5CountNegativeAfterTheChange)
{
    Values v = test::consistentValues("2019-t2", 1);
    v["P6_PUN.PREV"] = "2";
    v["P6_PUN.CHG"] = "5(减)";   // 2 − 5 < 0: the change may be at least −2
    const Report r = run("2019-t2", v);
    EXPECT_EQ(details(r, "P-5"), (std::set<Detail>{{"P-5", "warning", "P6_PUN.CHG", "≥ -2", "-5"}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"P-5", "warning", "P6_PUN.CHG"}})) << r.toText();
    expectMessagesShowNumbers(r, "P-5");
}

// =======================================================================================
// Blanks (spec §5.2, S-3)

TEST(RulesBlank, S3PlaceholdersAreBlanksWhenTheRulesHold)
{
    Values v = test::consistentValues("2021-t4", 3);
    EXPECT_TRUE(runOnly("S-3", "2021-t4", v).diagnostics.empty());
    v["LR_TOT"] = str(num(v, "LR_KEEP") + num(v, "LR_CORR") + num(v, "LR_PEND"));   // holds with blank = 0
    for (const std::string text : {"-", "—", "/", "无", "N/A"}) {
        SCOPED_TRACE(text);
        Values w = v;
        w["LR_OTHR"] = text;
        const Report r = run("2021-t4", w);
        EXPECT_EQ(details(r, "S-3"), (std::set<Detail>{{"S-3", "warning", "LR_OTHR", "0", "1"}}));   // 1 blank cell
        EXPECT_EQ(findings(r), (std::set<Finding>{{"S-3", "warning", "LR_OTHR"}})) << r.toText();
    }
    Values empty = v;
    empty["LR_OTHR"] = "";
    const Report r = run("2021-t4", empty);
    EXPECT_EQ(findings(r), (std::set<Finding>{{"S-3", "warning", "LR_OTHR"}})) << r.toText();
    const Diagnostic* d = find(r, "S-3", "LR_OTHR");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->expected, "0");
    const std::string cell = findTemplate("2021-t4")->describeKey("LR_OTHR");
    EXPECT_EQ(d->message("zh-CN"), "表四有 1 个单元格空白（“" + cell + "”）：没有数据时应填 0。");
    EXPECT_EQ(d->message("en-US"), "Table four has 1 blank cell (\"" + cell + "\"): enter 0 where there is no data.");
    // no internal key in user-facing text (issue 12), in any language
    EXPECT_FALSE(contains(d->message("en-US"), "LR_OTHR"));
    ASSERT_EQ(d->related.size(), 1u);
    EXPECT_EQ(d->related.front().key, "LR_OTHR");
}

TEST(RulesBlank, S3IsOneFindingPerTable)
{
    // The 上海 2019 pattern (issue 9.6): most of table three left blank where 0 is meant. One
    // finding for the table, on its first blank cell, naming every blank cell; none per cell.
    const TemplateDef* t = findTemplate("2021-t3");
    Values v = zeros("2021-t3");
    std::vector<std::string> blank;
    for (const std::string& k : t->keys())
        if (rowKeyOf(k) != "R1" && rowKeyOf(k) != "R2" && rowKeyOf(k) != "R3_7" && rowKeyOf(k) != "R4") {
            v[k] = "";
            blank.push_back(k);
        }
    ASSERT_EQ(blank.size(), 147u);   // 21 outcome rows × 7 columns
    const Report r = run("2021-t3", v);
    EXPECT_EQ(details(r, "S-3"), (std::set<Detail>{{"S-3", "warning", "R3_1.NP", "0", "147"}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"S-3", "warning", "R3_1.NP"}})) << r.toText();
    const Diagnostic* d = find(r, "S-3", "R3_1.NP");
    ASSERT_NE(d, nullptr);
    std::vector<std::string> related;
    for (const CellRef& c : d->related)
        related.push_back(c.key);
    EXPECT_EQ(related, blank);
    EXPECT_EQ(d->message("zh-CN"), "表三有 147 个单元格空白：没有数据时应填 0。");
    EXPECT_EQ(d->message("en-US"), "Table three has 147 blank cells: enter 0 where there is no data.");

    // A blank total whose sum rule fails has its own finding, which says "blank": that cell is
    // not counted again (never a blank-cell finding on a cell with a total finding).
    Values w = v;
    w["R3_1.NP"] = "3";
    w["R3_7.NP"] = "3";
    w["R1.NP"] = "3";
    w["R1.TOT"] = "3";
    w["R3_7.TOT"] = "3";   // R3_1.TOT (blank) should be 3: N-3 on it
    const Report r2 = run("2021-t3", w);
    EXPECT_EQ(details(r2, "S-3"), (std::set<Detail>{{"S-3", "warning", "R3_1.BIZ", "0", "145"}})) << r2.toText();
    const Diagnostic* n3 = find(r2, "N-3", "R3_1.TOT");
    ASSERT_NE(n3, nullptr) << r2.toText();
    EXPECT_EQ(n3->severity, Severity::Warning);
    const Diagnostic* s3 = find(r2, "S-3", "R3_1.BIZ");
    ASSERT_NE(s3, nullptr);
    for (const CellRef& c : s3->related)
        EXPECT_NE(c.key, "R3_1.TOT");
    EXPECT_EQ(s3->related.size(), 145u);
}

TEST(RulesBlank, HardRuleFailingWithABlankOperandIsOnlyAWarning)
{
    Values v = test::consistentValues("2021-t4", 2);
    v["RV_CORR"] = "2";
    const int total = num(v, "RV_KEEP") + 2 + num(v, "RV_OTHR") + num(v, "RV_PEND");
    v["RV_TOT"] = str(total);
    EXPECT_TRUE(run("2021-t4", v).diagnostics.empty());
    v["RV_CORR"] = "";   // the 2 may still be there: blank = 0 breaks L-1, but only as a warning
    const Report r = run("2021-t4", v);
    EXPECT_EQ(details(r, "L-1"), (std::set<Detail>{{"L-1", "warning", "RV_TOT", str(total - 2), str(total)}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"L-1", "warning", "RV_TOT"}, {"S-3", "warning", "RV_CORR"}}))
        << r.toText();
    expectMessagesShowNumbers(r, "L-1");
    const Diagnostic* d = find(r, "L-1", "RV_TOT");
    ASSERT_NE(d, nullptr);
    EXPECT_TRUE(contains(d->message("zh-CN"), "空")) << d->message("zh-CN");
    EXPECT_TRUE(contains(d->message("en-US"), "blank")) << d->message("en-US");
}

TEST(RulesBlank, DowngradeInTheOldTableAndTableThree)
{
    Values old = test::consistentValues("old");
    const int b22 = num(old, "B22"), b23 = num(old, "B23");
    ASSERT_GT(b23, 0);
    old["B23"] = "—";   // B-1 with blank = 0 fails: a warning, not an error
    const Report r1 = run("old", old);
    EXPECT_EQ(details(r1, "B-1"), (std::set<Detail>{{"B-1", "warning", "B22", str(b22 - b23), str(b22)}}));
    EXPECT_EQ(findings(r1), (std::set<Finding>{{"B-1", "warning", "B22"}, {"S-3", "warning", "B23"}})) << r1.toText();

    Values t3 = test::consistentValues("2021-t3", 1);
    const std::string key = nonZeroKey(t3, kResultRows2021, "RES");
    ASSERT_FALSE(key.empty());
    t3[key] = "";   // N-2 (RES) and N-3 (its row) fail with blank = 0: warnings, both put on
                    // the blank cell, their one common cell (Suggest.h)
    const Report r2 = run("2021-t3", t3);
    EXPECT_EQ(findings(r2), (std::set<Finding>{{"N-2", "warning", key},   // they say "blank": no S-3 there
                                               {"N-3", "warning", key}}))
        << r2.toText();
}

TEST(RulesBlank, BlankTotalWithNonZeroPartsIsAWarningToo)
{
    Values v = test::consistentValues("2021-t4", 1);
    const int sum = num(v, "LD_KEEP") + num(v, "LD_CORR") + num(v, "LD_OTHR") + num(v, "LD_PEND");
    ASSERT_GT(sum, 0);
    v["LD_TOT"] = "";
    const Report r = run("2021-t4", v);
    EXPECT_EQ(findings(r), (std::set<Finding>{{"L-2", "warning", "LD_TOT"}})) << r.toText();   // no S-3 on the same cell
    const Diagnostic* d = find(r, "L-2", "LD_TOT");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->expected, str(sum));
}

TEST(RulesBlank, SoftRulesStaySoftAndInfoStaysInfo)
{
    // B-12 info (B03 < B04) with B03 blank: at most a warning, so still info.
    Values v = test::consistentValues("old");
    v["B03"] = "";
    v["B04"] = "2";
    const Report r = run("old", v);
    EXPECT_EQ(findings(r), (std::set<Finding>{{"B-12", "info", "B03"}})) << r.toText();   // its finding shows the blank
    const Diagnostic* d = find(r, "B-12", "B03");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->expected, "≥ 2");
}

// =======================================================================================
// Outdated template (S-4), partial and unrecognized tables

TEST(RulesStructure, S4OldFormInA2020Report)
{
    const Values v = test::consistentValues("old");
    EXPECT_TRUE(runOnly("S-4", "old", v).diagnostics.empty());   // 2017 report
    EXPECT_TRUE(run("old", v, {}, "2018年政府信息公开工作年度报告").diagnostics.empty());
    const Report r = run("old", v, {}, "2020年政府信息公开工作年度报告");
    ASSERT_EQ(r.year, 2020);
    EXPECT_EQ(details(r, "S-4"), (std::set<Detail>{{"S-4", "warning", "", "2019", "2014"}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"S-4", "warning", ""}})) << r.toText();
    const Diagnostic* d = find(r, "S-4", "");
    ASSERT_NE(d, nullptr);
    for (const char* lang : {"zh-CN", "en-US"})
        EXPECT_TRUE(contains(d->message(lang), "2020")) << d->message(lang);
}

TEST(RulesStructure, S42019TablesInA2021Report)
{
    for (const char* id : {"2019-t3", "2019-t2"}) {
        SCOPED_TRACE(id);
        const Values v = test::consistentValues(id, 2);
        EXPECT_TRUE(run(id, v, {}, "2020年政府信息公开工作年度报告").diagnostics.empty());
        const Report r = run(id, v, {}, "2021年政府信息公开工作年度报告");
        ASSERT_EQ(r.tables.size(), 1u);
        EXPECT_EQ(r.tables[0].templateId, id);
        EXPECT_EQ(details(r, "S-4"), (std::set<Detail>{{"S-4", "warning", "", "2021", "2019"}}));
        EXPECT_EQ(findings(r), (std::set<Finding>{{"S-4", "warning", ""}})) << r.toText();
    }
}

TEST(RulesStructure, S4Not2021TablesInA2021ReportNorTheSharedTableFour)
{
    for (const char* id : {"2021-t2", "2021-t3", "2021-t4"})
        EXPECT_TRUE(run(id, test::consistentValues(id, 3), {}, "2021年政府信息公开工作年度报告").diagnostics.empty())
            << id;
    // Table four is the same in both formats (spec §1.1 limits S-4 to tables two and three).
    const Report r = run("2019-t4", test::consistentValues("2019-t4", 3), {}, "2022年政府信息公开工作年度报告");
    EXPECT_TRUE(r.diagnostics.empty()) << r.toText();
}

TEST(RulesStructure, S4NotForTableFourNextTo2019TablesInA2021Report)
{
    // A 2021 report still using the 2019 tables two to four: spec §1.1 flags the tables with
    // 2019 signatures (two and three); table four is identical in both formats, so there is
    // nothing to change in it.
    Document doc;
    doc.addParagraph("2021年政府信息公开工作年度报告", 1);
    doc.addTable(generateTable("2019-t3", test::consistentValues("2019-t3", 1)));
    doc.addTable(generateTable("2019-t4", test::consistentValues("2019-t4", 1)));
    const Report r = Checker().check(doc);
    ASSERT_EQ(r.tables.size(), 2u);
    std::set<std::pair<std::string, std::string>> outdated;   // rule, table's template
    for (const Diagnostic& d : r.diagnostics)
        outdated.emplace(d.rule, d.templateId);
    EXPECT_EQ(outdated, (std::set<std::pair<std::string, std::string>>{{"S-4", "2019-t3"}})) << r.toText();
}

namespace {

/// The table without the given grid rows: cells below move up, merges across them shrink.
Table withoutRows(const Table& t, const std::set<int>& rows)
{
    Table out;
    out.name = t.name;
    for (const Cell& c : t.cells) {
        int removedAbove = 0, removedInside = 0;
        for (int r : rows) {
            if (r < c.row)
                ++removedAbove;
            else if (r < c.row + c.rowSpan)
                ++removedInside;
        }
        if (removedInside == c.rowSpan)
            continue;
        out.add(c.row - removedAbove, c.col, c.text, c.rowSpan - removedInside, c.colSpan,
                std::string(1, static_cast<char>('A' + c.col)) + std::to_string(c.row - removedAbove + 1));
    }
    return out;
}

} // namespace

TEST(RulesStructure, R1TwoRowsMissingSkipsTheRulesOnThem)
{
    Values v = test::consistentValues("2021-t3", 1);
    // R3_3_7 and R3_3_8 (grid rows 13, 14): their numbers stay inside （七）总计, so N-2 would
    // fail if it were evaluated without them.
    int missingSum = 0;
    for (const char* c : {"NP", "BIZ", "RES", "NGO", "LAW", "OTH"})
        missingSum += num(v, std::string("R3_3_7.") + c) + num(v, std::string("R3_3_8.") + c);
    ASSERT_GT(missingSum, 0);
    bump(v, "R1.LAW", 1);   // a rule on the rows that are there still runs
    bump(v, "R1.TOT", 1);
    Document doc;
    doc.addParagraph("2021年政府信息公开工作年度报告", 1);
    doc.addTable(withoutRows(generateTable("2021-t3", v), {13, 14}));
    ASSERT_EQ(doc.tables[0].rows, 26);

    const Report r = Checker().check(doc);
    ASSERT_EQ(r.tables.size(), 1u);
    EXPECT_EQ(r.tables[0].templateId, "2021-t3");
    EXPECT_EQ(r.tables[0].totalKeys, 175);   // 25 body rows × 7 columns
    EXPECT_EQ(r.tables[0].mappedKeys, 161);
    EXPECT_EQ(details(r, "R-1"), (std::set<Detail>{{"R-1", "warning", "", "175", "161"}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"R-1", "warning", ""},
                                              {"N-1", "error", "R3_7.LAW"},
                                              {"N-1", "error", "R3_7.TOT"}}))
        << r.toText();
    const Diagnostic* d = find(r, "R-1", "");
    ASSERT_NE(d, nullptr);
    for (const char* lang : {"zh-CN", "en-US"})
        EXPECT_TRUE(contains(d->message(lang), "14")) << d->message(lang);

    CheckOptions quiet;
    quiet.reportUnmapped = false;
    EXPECT_EQ(findings(Checker(quiet).check(doc)),
              (std::set<Finding>{{"N-1", "error", "R3_7.LAW"}, {"N-1", "error", "R3_7.TOT"}}));
    // the complete table: no R-1
    EXPECT_TRUE(runOnly("R-1", "2021-t3", test::consistentValues("2021-t3", 1)).diagnostics.empty());
}

TEST(RulesStructure, R2ATableThatOnlyResemblesATemplate)
{
    // The first block of 2021 table two alone: 5 of its 16 labels, nothing else.
    Table t;
    t.name = "Table1";
    const std::vector<std::vector<std::string>> rows = {
        {"", "本年制发件数", "本年废止件数", "现行有效件数"}, {"规章", "1", "0", "5"}, {"行政规范性文件", "2", "1", "8"}};
    for (size_t r = 0; r < rows.size(); ++r)
        for (size_t c = 0; c < rows[r].size(); ++c)
            t.add(static_cast<int>(r), static_cast<int>(c), rows[r][c]);
    Document doc;
    doc.addParagraph("2021年政府信息公开工作年度报告", 1);
    doc.addTable(t);
    const Report r = Checker().check(doc);
    EXPECT_TRUE(r.tables.empty());
    EXPECT_EQ(findings(r), (std::set<Finding>{{"R-2", "info", ""}})) << r.toText();
    const Diagnostic* d = find(r, "R-2", "");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->templateId, "2021-t2");
    EXPECT_EQ(d->expected, "2021-t2");
    EXPECT_EQ(d->cell.tableIndex, 0);
    const double score = std::stod(d->actual);
    EXPECT_GE(score, 0.25);
    EXPECT_LT(score, 0.5);
    for (const char* lang : {"zh-CN", "en-US"})
        EXPECT_TRUE(contains(d->message(lang), d->actual)) << d->message(lang);

    CheckOptions off;
    off.disabledRules = {"R-2"};
    EXPECT_TRUE(Checker(off).check(doc).diagnostics.empty());
}

TEST(RulesStructure, R2NotForTablesUnrelatedToTheTemplates)
{
    EXPECT_TRUE(runOnly("R-2", "2021-t2", test::consistentValues("2021-t2", 1)).diagnostics.empty());
    Table t;
    t.add(0, 0, "序号");
    t.add(0, 1, "工作任务");
    t.add(0, 2, "责任单位");
    t.add(1, 0, "1");
    t.add(1, 1, "推进政务公开标准化规范化");
    t.add(1, 2, "办公室");
    Document doc;
    doc.addParagraph("上海市司法局2017年政务公开工作要点", 1);
    doc.addTable(t);
    const Report r = Checker().check(doc);
    EXPECT_TRUE(r.tables.empty());
    EXPECT_TRUE(r.diagnostics.empty()) << r.toText();
}

// =======================================================================================
// Options

TEST(RulesOptions, DisabledRulesAreNotEvaluated)
{
    Values v = test::consistentValues("old");
    bump(v, "B22", 2);
    CheckOptions o;
    o.disabledRules = {"B-1"};
    EXPECT_TRUE(run("old", v, o).diagnostics.empty());

    CheckOptions noBlanks;
    noBlanks.disabledRules = {"S-3"};
    EXPECT_TRUE(run("2021-t4", {}, noBlanks).diagnostics.empty());

    Values t3 = test::consistentValues("2021-t3", 1);
    bump(t3, "R3_7.NP", 1);
    CheckOptions noN2;
    noN2.disabledRules = {"N-2", "no-such-rule"};
    EXPECT_EQ(findings(run("2021-t3", t3, noN2)),
              (std::set<Finding>{{"N-1", "error", "R3_7.NP"}, {"N-3", "error", "R3_7.NP"}}));   // the cause (Suggest.h)
}

TEST(RulesOptions, EveryRuleIdOfTheCatalogCanBeSwitchedOff)
{
    // A document that breaks rules of every family; with every id of rules.json disabled
    // nothing is left (so no rule id exists that this file does not know).
    Document doc;
    doc.addParagraph("2021年政府信息公开工作年度报告", 1);
    Values old = test::consistentValues("old");
    bump(old, "B22", 1);
    old["B24"] = "";
    Values t3 = test::consistentValues("2019-t3", 1);
    bump(t3, "R3_7.NP", 1);
    t3["R1.BIZ"] = "abc";
    Values t4 = test::consistentValues("2021-t4", 1);
    bump(t4, "LD_TOT", 1);
    Values t2 = test::consistentValues("2019-t2", 1);
    t2["P5_LIC.CHG"] = "abc";
    doc.addTable(generateTable("old", old));
    doc.addTable(generateTable("2019-t2", t2));
    doc.addTable(generateTable("2019-t3", t3));
    doc.addTable(generateTable("2021-t4", t4));
    const Report all = Checker().check(doc);
    std::set<std::string> seen;
    for (const Diagnostic& d : all.diagnostics)
        seen.insert(d.rule);
    EXPECT_TRUE(seen.count("B-1") && seen.count("S-3") && seen.count("S-4") && seen.count("N-1") &&
                seen.count("N-4") && seen.count("L-2") && seen.count("P-5"))
        << all.toText();
    for (const std::string& rule : seen)
        EXPECT_NE(std::find(kRuleIds.begin(), kRuleIds.end(), rule), kRuleIds.end()) << rule;
    CheckOptions none;
    none.disabledRules.insert(kRuleIds.begin(), kRuleIds.end());
    EXPECT_TRUE(Checker(none).check(doc).diagnostics.empty());
}

// =======================================================================================
// Text vs. table (spec §6.6)

namespace {

Report withText(const std::string& id, const Values& v, const std::vector<std::string>& paragraphs)
{
    Document doc = test::documentWith(id, v, titleFor(id));
    for (const std::string& p : paragraphs)
        doc.addParagraph(p);
    return Checker().check(doc);
}

} // namespace

TEST(RulesText, X5TextSaysNoApplicationsButTheTableHasSome)
{
    Values v = test::consistentValues("2021-t3", 2);
    ASSERT_GT(num(v, "R1.TOT"), 0);
    const std::string said = "2021年，我局未收到政府信息公开申请。";
    const Report r = withText("2021-t3", v, {"一、总体情况", said});
    EXPECT_EQ(details(r, "X-5"), (std::set<Detail>{{"X-5", "warning", "R1.TOT", "0", v["R1.TOT"]}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"X-5", "warning", "R1.TOT"}})) << r.toText();
    expectMessagesShowNumbers(r, "X-5");
    EXPECT_NE(find(r, "X-5", "R1.TOT")->message("zh-CN").find("未收到政府信息公开申请"), std::string::npos);
    // The same sentence with an empty table three holds; so do other wordings of seeds 001/002/004.
    EXPECT_TRUE(withText("2021-t3", zeros("2021-t3"), {said, "2019年均未收到公开申请。"}).diagnostics.empty());
    // Not about applications: complaints, reconsideration, litigation.
    EXPECT_TRUE(withText("2021-t3", v, {"2021年，我局未收到因政府信息公开工作引发举报、投诉、申请行政复议或提起行政诉讼等情况。",
                                        "全年未收到行政复议申请。"})
                    .diagnostics.empty());
    // The old table: 收到申请数 (B22).
    Values old = test::consistentValues("old", 2);
    ASSERT_GT(num(old, "B22"), 0);
    const Report ro = withText("old", old, {"2017年我局没有收到要求公开信息的申请。"});
    EXPECT_EQ(findings(ro), (std::set<Finding>{{"X-5", "warning", "B22"}})) << ro.toText();
}

TEST(RulesText, X2ApplicationsStatedInTheTextMatchTheTable)
{
    Values v = test::consistentValues("2021-t3", 3);
    const int r1 = num(v, "R1.TOT"), r2 = num(v, "R2.TOT");
    ASSERT_GT(r2, 0);
    // Either reading of "收到申请 N 件" holds: R1 alone, or R1 + R2 (spec X-2).
    EXPECT_TRUE(withText("2021-t3", v, {"本年度共收到政府信息公开申请" + str(r1) + "件。"}).diagnostics.empty());
    EXPECT_TRUE(withText("2021-t3", v, {"全年收到依申请公开" + str(r1 + r2) + " 件，均按时答复。"}).diagnostics.empty());
    const Report r = withText("2021-t3", v, {"本年度新收政府信息公开申请" + str(r1 + r2 + 5) + "件。"});
    EXPECT_EQ(details(r, "X-2"), (std::set<Detail>{{"X-2", "warning", "R1.TOT", str(r1 + r2 + 5), str(r1)}}));
    EXPECT_EQ(findings(r), (std::set<Finding>{{"X-2", "warning", "R1.TOT"}})) << r.toText();
    expectMessagesShowNumbers(r, "X-2");
    // Full-width digits are read; reconsideration numbers are not applications.
    Values old = test::consistentValues("old", 4);
    const int b22 = num(old, "B22");
    std::string fullWidth;
    for (char c : str(b22 + 1))
        fullWidth += std::string("\xEF\xBC") + static_cast<char>('\x90' + (c - '0'));
    const Report ro = withText("old", old, {"全年收到依申请公开" + fullWidth + "件。", "收到行政复议申请" + old["B45"] + "件。"});
    EXPECT_EQ(details(ro, "X-2"), (std::set<Detail>{{"X-2", "warning", "B22", str(b22 + 1), str(b22)}}));
    EXPECT_EQ(findings(ro), (std::set<Finding>{{"X-2", "warning", "B22"}})) << ro.toText();
    EXPECT_TRUE(withText("old", old, {"全年收到依申请公开" + str(b22) + "件。"}).diagnostics.empty());
}

TEST(RuleCatalog, IdsAndUserRuleLists)
{
    const std::vector<std::string> ids = ruleIds();
    EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()), std::set<std::string>(kRuleIds.begin(), kRuleIds.end()));
    EXPECT_EQ(ids.front(), "B-1");
    EXPECT_LT(std::find(ids.begin(), ids.end(), "B-2"), std::find(ids.begin(), ids.end(), "B-10"));
    std::vector<std::string> unknown;
    EXPECT_EQ(parseRuleList("s-3, B-12\xEF\xBC\x9B X-5\xE3\x80\x81N-9 abc", &unknown),   // ；and 、
              (std::set<std::string>{"S-3", "B-12", "X-5"}));
    EXPECT_EQ(unknown, (std::vector<std::string>{"N-9", "ABC"}));
    EXPECT_TRUE(parseRuleList("").empty());
    // A disabled rule is not evaluated.
    Values v = test::consistentValues("2021-t3", 2);
    bump(v, "R1.NP", 1);
    bump(v, "R1.TOT", 1);
    CheckOptions off;
    off.disabledRules = parseRuleList("N-1");
    EXPECT_FALSE(findings(run("2021-t3", v)).empty());
    EXPECT_TRUE(run("2021-t3", v, off).diagnostics.empty()) << run("2021-t3", v, off).toText();
}

TEST(Ignored, FindingsTheUserIgnoredAreLeftOutAndCounted)
{
    Values v = test::consistentValues("2021-t3", 2);
    bump(v, "R1.NP", 1);
    bump(v, "R1.TOT", 1);
    const Report all = run("2021-t3", v);
    EXPECT_EQ(findings(all), (std::set<Finding>{{"N-1", "error", "R3_7.NP"}, {"N-1", "error", "R3_7.TOT"}}));
    EXPECT_EQ(ignoreKey(*find(all, "N-1", "R3_7.NP")), "N-1|2021-t3|R3_7.NP");
    CheckOptions o;
    o.ignored = {"N-1|2021-t3|R3_7.NP", "B-12|old|B03"};   // the second names nothing here
    const Report r = run("2021-t3", v, o);
    EXPECT_EQ(findings(r), (std::set<Finding>{{"N-1", "error", "R3_7.TOT"}}));
    EXPECT_EQ(r.ignored, 1);
    EXPECT_NE(r.toJson().find("\"ignored\":1"), std::string::npos) << r.toJson();
    EXPECT_NE(r.toText().find("另有 1 项已忽略"), std::string::npos);
    // The JSON names what was ignored; a reason the user gave comes along as ignore_reason.
    EXPECT_NE(r.toJson().find("\"ignored_findings\":[{\"key\":\"N-1|2021-t3|R3_7.NP\",\"rule\":\"N-1\","),
              std::string::npos) << r.toJson();
    EXPECT_NE(r.toJson().find("\"ignore_reason\":\"\""), std::string::npos) << r.toJson();
    o.ignoreReasons = {{"N-1|2021-t3|R3_7.NP", "已与统计口径核对"}};
    const Report why = run("2021-t3", v, o);
    ASSERT_EQ(why.ignoredFindings.size(), 1u);
    EXPECT_EQ(why.ignoredFindings[0].reason, "已与统计口径核对");
    EXPECT_NE(why.toJson().find("\"ignore_reason\":\"已与统计口径核对\""), std::string::npos) << why.toJson();
}

// =======================================================================================
// The report as a whole (spec §6.7, §8.2, X-7): document-level findings, no cell.

namespace {

struct ReportText {
    std::string version = "2021";
    std::vector<std::pair<std::string, std::string>> sections = {
        {"一、总体情况", "本年度，我局认真贯彻落实政府信息公开条例，各项工作有序推进。"},
        {"二、主动公开政府信息情况", ""},
        {"三、收到和处理政府信息公开申请情况", ""},
        {"四、政府信息公开行政复议、行政诉讼情况", ""},
        {"五、存在的主要问题及改进情况", "主要问题是公开内容不够全面，下一步将加强培训。上年度问题已全部整改。"},
        {"六、其他需要报告的事项", "本年度未收取信息处理费。"}};
    std::set<std::string> tables = {"t2", "t3", "t4"};
};

Document reportDocument(const ReportText& r)
{
    Document doc;
    doc.addParagraph("某某局" + r.version + "年政府信息公开工作年度报告", 1);
    for (const auto& [heading, body] : r.sections) {
        doc.addParagraph(heading, 1);
        for (const char* family : {"t2", "t3", "t4"})
            if (r.tables.count(family) && findTemplate(r.version + "-" + family)->section == heading) {
                const std::string id = r.version + "-" + family;
                doc.addTable(generateTable(id, test::consistentValues(id, 8)));
            }
        if (!body.empty())
            doc.addParagraph(body);
    }
    return doc;
}

std::set<Detail> documentFindings(const Report& r)
{
    std::set<Detail> out;
    for (const Diagnostic& d : r.diagnostics) {
        EXPECT_EQ(d.table, -1) << d.rule;
        EXPECT_TRUE(d.cell.address.empty()) << d.rule;
        out.emplace(d.rule, toString(d.severity), d.cell.key, d.expected, d.actual);
    }
    return out;
}

} // namespace

TEST(RulesDocument, AWholeReportInTheCurrentFormatIsClean)
{
    for (const char* version : {"2021", "2019"}) {
        ReportText text;
        text.version = version;
        const Report r = Checker().check(reportDocument(text));
        EXPECT_EQ(r.tables.size(), 3u) << version;
        EXPECT_TRUE(r.diagnostics.empty()) << r.toText();
    }
}

TEST(RulesDocument, S1MissingTable)
{
    ReportText text;
    text.tables.erase("t2");
    const Report r = Checker().check(reportDocument(text));
    EXPECT_EQ(documentFindings(r), (std::set<Detail>{{"S-1", "warning", "", "2021-t2", ""}})) << r.toText();
    EXPECT_NE(r.diagnostics.front().message("zh-CN").find("主动公开政府信息情况"), std::string::npos);
}

TEST(RulesDocument, S2MissingAndMisnumberedSections)
{
    ReportText missing;
    missing.sections.erase(missing.sections.begin() + 4);   // no 五
    Report r = Checker().check(reportDocument(missing));
    EXPECT_EQ(documentFindings(r), (std::set<Detail>{{"S-2", "warning", "", "五、存在的主要问题及改进情况", ""}}))
        << r.toText();
    ReportText swapped;
    swapped.sections[4].first = "五、其他需要报告的事项";
    swapped.sections[5].first = "六、存在的主要问题及改进情况";
    std::swap(swapped.sections[4].second, swapped.sections[5].second);
    r = Checker().check(reportDocument(swapped));
    EXPECT_EQ(documentFindings(r),
              (std::set<Detail>{{"S-2", "warning", "", "五、存在的主要问题及改进情况", "六、存在的主要问题及改进情况"},
                                {"S-2", "warning", "", "六、其他需要报告的事项", "五、其他需要报告的事项"}}))
        << r.toText();
    for (const Diagnostic& d : r.diagnostics)
        EXPECT_NE(d.message("en-US").find("should be"), std::string::npos) << d.message("en-US");
}

TEST(RulesDocument, S5EmptyProblemsSectionAndX7NoWordOnFees)
{
    ReportText text;
    text.sections[4].second = "无。";
    text.sections[5].second = "无。";
    Report r = Checker().check(reportDocument(text));
    EXPECT_EQ(std::set<std::string>({r.diagnostics.at(0).rule, r.diagnostics.at(1).rule}),
              (std::set<std::string>{"S-5", "X-7"}))
        << r.toText();
    EXPECT_EQ(r.diagnostics.size(), 2u);
    // The quoted text is cut between characters, never inside one; an empty section is
    // "blank" in English.
    text.sections[4].second.clear();
    for (int i = 0; i < 20; ++i)
        text.sections[4].second += "a无、";
    r = Checker().check(reportDocument(text));
    const Diagnostic* s5 = nullptr;
    for (const Diagnostic& d : r.diagnostics)
        if (d.rule == "S-5")
            s5 = &d;
    ASSERT_NE(s5, nullptr) << r.toText();
    for (const auto& [lang, m] : s5->messagesByLanguage()) {
        size_t i = 0;
        while (i < m.size()) {          // well-formed UTF-8: a lead byte, then its continuation bytes
            const unsigned char c = static_cast<unsigned char>(m[i]);
            const size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            ASSERT_GE(c < 0x80 || c >= 0xC0, true) << lang << ": stray continuation byte in " << m;
            ASSERT_LE(i + n, m.size()) << lang << ": cut character at the end of " << m;
            i += n;
        }
    }
    text.sections[4].second.clear();
    r = Checker().check(reportDocument(text));
    ASSERT_FALSE(r.diagnostics.empty());
    EXPECT_NE(r.diagnostics.front().message("en-US").find("(blank)"), std::string::npos)
        << r.diagnostics.front().message("en-US");
    // The 2019 format asks nothing about fees in 六.
    text.version = "2019";
    text.sections[4].second = "存在的主要问题是公开的及时性不够，改进措施是建立工作台账。";
    r = Checker().check(reportDocument(text));
    EXPECT_TRUE(r.diagnostics.empty()) << r.toText();
}

TEST(RulesDocument, NotForPartsOfAReportNorTheOldFormat)
{
    // One heading and its table (what 插入模板 under a heading gives): no structure findings.
    Document part;
    part.addParagraph("三、收到和处理政府信息公开申请情况", 1);
    part.addTable(generateTable("2021-t3", test::consistentValues("2021-t3", 3)));
    EXPECT_TRUE(Checker().check(part).diagnostics.empty());
    // The old format's headings are free (spec §8.1): seed 004 jumps from 一 to 三.
    const Report seed4 = Checker().check(test::loadSeed(4));
    for (const Diagnostic& d : seed4.diagnostics)
        EXPECT_TRUE(d.rule != "S-1" && d.rule != "S-2" && d.rule != "S-5" && d.rule != "X-7") << d.rule;
}

TEST(RulesText, X4ReconsiderationAndLitigationInTheText)
{
    Values v = test::consistentValues("2021-t4", 5);
    v["RV_KEEP"] = "2"; v["RV_CORR"] = "1"; v["RV_OTHR"] = "0"; v["RV_PEND"] = "0"; v["RV_TOT"] = "3";
    v["LD_KEEP"] = "1"; v["LD_CORR"] = "0"; v["LD_OTHR"] = "0"; v["LD_PEND"] = "0"; v["LD_TOT"] = "1";
    v["LR_KEEP"] = "1"; v["LR_CORR"] = "0"; v["LR_OTHR"] = "0"; v["LR_PEND"] = "0"; v["LR_TOT"] = "1";
    // What the table says, said in the text: clean.
    EXPECT_TRUE(withText("2021-t4", v, {"全年发生行政复议3件，行政诉讼2件。"}).diagnostics.empty());
    // Numbers that differ: one finding for each.
    Report r = withText("2021-t4", v, {"本年度被申请行政复议4件。", "提起行政诉讼1件。"});
    EXPECT_EQ(details(r, "X-4"), (std::set<Detail>{{"X-4", "warning", "RV_TOT", "4", "3"},
                                                   {"X-4", "warning", "LD_TOT", "1", "2"}}))
        << r.toText();
    // "均获维持" although one decision was corrected; the lawsuits really were all upheld.
    r = withText("2021-t4", v, {"行政复议案件均获维持。", "行政诉讼案件全部维持。"});
    EXPECT_EQ(details(r, "X-4"), (std::set<Detail>{{"X-4", "warning", "RV_CORR", "0", "1"}})) << r.toText();
    expectMessagesShowNumbers(r, "X-4");
    // Numbers of the results are not totals.
    EXPECT_TRUE(withText("2021-t4", v, {"行政复议维持2件、纠正1件。", "行政诉讼判决维持2件。"}).diagnostics.empty());
    // The old table: 行政复议数量 B45, 行政诉讼数量 B49.
    Values old = test::consistentValues("old", 5);
    const Report ro = withText("old", old, {"全年行政复议" + str(num(old, "B45") + 2) + "件。"});
    EXPECT_EQ(details(ro, "X-4"), (std::set<Detail>{{"X-4", "warning", "B45", str(num(old, "B45") + 2), old["B45"]}}))
        << ro.toText();
}

TEST(RulesText, X1ClosedAndCarriedApplicationsInTheText)
{
    Values v = test::consistentValues("2021-t3", 9);
    const std::string closed = v["R3_7.TOT"], forward = v["R4.TOT"], over = v["R2.TOT"];
    const std::string said = "上年结转" + over + "件，本年度办结" + closed + "件，结转下年度继续办理" + forward + "件。";
    EXPECT_TRUE(withText("2021-t3", v, {said}).diagnostics.empty()) << withText("2021-t3", v, {said}).toText();
    const Report r = withText("2021-t3", v, {"本年度共办结" + str(num(v, "R3_7.TOT") + 1) + "件，结转至下一年度" +
                                             str(num(v, "R4.TOT") + 2) + "件。"});
    EXPECT_EQ(details(r, "X-1"), (std::set<Detail>{{"X-1", "warning", "R3_7.TOT", str(num(v, "R3_7.TOT") + 1), closed},
                                                   {"X-1", "warning", "R4.TOT", str(num(v, "R4.TOT") + 2), forward}}))
        << r.toText();
    expectMessagesShowNumbers(r, "X-1");
    // Not numbers of applications: "未办结", reconsideration, rates.
    EXPECT_TRUE(withText("2021-t3", v, {"行政复议办结2件。", "未办结1件。", "按时办结率100%。"}).diagnostics.empty());
    // The old table: 申请办结数 (B27).
    Values old = test::consistentValues("old", 9);
    const Report ro = withText("old", old, {"全年办结" + str(num(old, "B27") + 3) + "件。"});
    EXPECT_EQ(details(ro, "X-1"), (std::set<Detail>{{"X-1", "warning", "B27", str(num(old, "B27") + 3), old["B27"]}}))
        << ro.toText();
}

TEST(RulesText, X3OutcomesInTheText)
{
    Values v = test::consistentValues("2021-t3", 10);
    const int notDisclosed = num(v, "R3_3_1.TOT") + num(v, "R3_3_2.TOT") + num(v, "R3_3_3.TOT") + num(v, "R3_3_4.TOT") +
                             num(v, "R3_3_5.TOT") + num(v, "R3_3_6.TOT") + num(v, "R3_3_7.TOT") + num(v, "R3_3_8.TOT");
    const std::string said = "其中予以公开" + v["R3_1.TOT"] + "件，部分公开" + v["R3_2.TOT"] + "件，不予公开" +
                             str(notDisclosed) + "件。";
    EXPECT_TRUE(withText("2021-t3", v, {said}).diagnostics.empty()) << withText("2021-t3", v, {said}).toText();
    // The real-world slip (spec §7): the text gives the 自然人 column only.
    const Report r = withText("2021-t3", v, {"予以公开" + v["R3_1.NP"] + "件。"});
    ASSERT_NE(v["R3_1.NP"], v["R3_1.TOT"]);
    EXPECT_EQ(details(r, "X-3"), (std::set<Detail>{{"X-3", "warning", "R3_1.TOT", v["R3_1.NP"], v["R3_1.TOT"]}}))
        << r.toText();
    expectMessagesShowNumbers(r, "X-3");
    const Report sum = withText("2021-t3", v, {"不予公开" + str(notDisclosed + 1) + "件。"});
    EXPECT_EQ(details(sum, "X-3"), (std::set<Detail>{{"X-3", "warning", "R3_3_1.TOT", str(notDisclosed + 1),
                                                      str(notDisclosed)}}))
        << sum.toText();
    // 主动予以公开 is proactive disclosure, not an application outcome.
    EXPECT_TRUE(withText("2021-t3", v, {"主动予以公开文件999件。"}).diagnostics.empty());
}
