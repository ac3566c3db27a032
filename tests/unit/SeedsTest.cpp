// The recognizer and the rules on the five seed reports, against spec §6.8.
#include "Seeds.h"

#include "ogi/Checker.h"
#include "ogi/Recognizer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <tuple>

using namespace ogi;

namespace {

using Finding = std::tuple<std::string, std::string, std::string>; // rule, severity, key

std::set<Finding> findings(const Report& r)
{
    std::set<Finding> out;
    for (const Diagnostic& d : r.diagnostics)
        out.emplace(d.rule, toString(d.severity), d.cell.key);
    return out;
}

const Diagnostic* find(const Report& r, const std::string& rule, const std::string& key)
{
    for (const Diagnostic& d : r.diagnostics)
        if (d.rule == rule && d.cell.key == key)
            return &d;
    return nullptr;
}

} // namespace

TEST(Seeds, Seed000JiangsuOldTableAllHardRulesHoldAndB11Info)
{
    const Document doc = test::loadSeed(0);
    const auto rec = recognize(doc);
    ASSERT_EQ(rec.size(), 1u);
    EXPECT_EQ(rec[0].tmpl->id, "old");
    EXPECT_TRUE(rec[0].missing.empty()) << rec[0].missing.front();
    const Report r = Checker().check(doc);
    EXPECT_EQ(r.year, 2017);
    EXPECT_EQ(r.count(Severity::Error), 0);
    // unit column mostly empty but every value present; B-11: 10998 = 0+7046+2999+953+0
    const Diagnostic* b11 = find(r, "B-11", "B02");
    ASSERT_NE(b11, nullptr);
    EXPECT_EQ(b11->severity, Severity::Info);
    EXPECT_EQ(b11->actual, "10998");
    EXPECT_EQ(findings(r), (std::set<Finding>{{"B-11", "info", "B02"}}));
}

TEST(Seeds, Seed001Zhangzhou2019ThreeTablesAllHold)
{
    const Document doc = test::loadSeed(1);
    const auto rec = recognize(doc);
    ASSERT_EQ(rec.size(), 3u);
    EXPECT_EQ(rec[0].tmpl->id, "2019-t2");
    EXPECT_EQ(rec[1].tmpl->id, "2019-t3");
    EXPECT_EQ(rec[2].tmpl->id, "2019-t4");
    for (const auto& r : rec)
        EXPECT_TRUE(r.missing.empty()) << r.tmpl->id << " misses " << r.missing.front();
    const Report r = Checker().check(doc);
    EXPECT_EQ(r.year, 2019);
    EXPECT_EQ(r.count(Severity::Error), 0);
    EXPECT_EQ(r.count(Severity::Warning), 0) << r.toText();
    // 本年增/减 written "23(增)" and "1(减)" parse as signed changes: no P-5 finding
    EXPECT_EQ(find(r, "P-5", "P5_LIC.CHG"), nullptr);
}

TEST(Seeds, Seed002DongyangGivesTheB12Warning)
{
    const Document doc = test::loadSeed(2);
    const Report r = Checker().check(doc);
    ASSERT_EQ(r.tables.size(), 1u);
    EXPECT_EQ(r.tables[0].templateId, "old");
    EXPECT_EQ(r.year, 2017);
    const Diagnostic* d = find(r, "B-12", "B03");
    ASSERT_NE(d, nullptr) << r.toText();
    EXPECT_EQ(d->severity, Severity::Warning);
    EXPECT_EQ(d->expected, "≤ 0");
    EXPECT_EQ(d->actual, "1");
    // B-17 (info): 2 people trained while no course was held — spec §6.1 cites this seed.
    EXPECT_EQ(findings(r), (std::set<Finding>{{"B-12", "warning", "B03"}, {"B-17", "info", "B65"}})) << r.toText();
}

TEST(Seeds, Seed003WorkPlanYieldsNothing)
{
    const Document doc = test::loadSeed(3);
    EXPECT_TRUE(recognize(doc).empty());
    const Report r = Checker().check(doc);
    EXPECT_TRUE(r.tables.empty());
    EXPECT_TRUE(r.diagnostics.empty());
}

TEST(Seeds, Seed004JinfengSplitLabelsB9WarningAndBlanks)
{
    const Document doc = test::loadSeed(4);
    const auto rec = recognize(doc);
    ASSERT_EQ(rec.size(), 1u);
    EXPECT_EQ(rec[0].tmpl->id, "old");
    EXPECT_TRUE(rec[0].missing.empty()) << rec[0].missing.front();
    const Report r = Checker().check(doc);
    EXPECT_EQ(r.year, 2017);
    const Diagnostic* b9 = find(r, "B-9", "B02");
    ASSERT_NE(b9, nullptr) << r.toText();
    EXPECT_EQ(b9->severity, Severity::Warning);
    EXPECT_EQ(b9->expected, "≥ 313");
    EXPECT_EQ(b9->actual, "242");
    std::set<std::string> related;
    for (const CellRef& c : b9->related)
        related.insert(c.key);
    EXPECT_EQ(related, (std::set<std::string>{"B08", "B09"}));   // 313 and 265 exceed 242
    EXPECT_EQ(findings(r), (std::set<Finding>{{"B-9", "warning", "B02"},
                                              {"S-3", "warning", "B06"},   // one for the table: B06, B56, B57
                                              {"B-17", "info", "B65"}}))
        << r.toText();
    const Diagnostic* s3 = find(r, "S-3", "B06");
    ASSERT_NE(s3, nullptr);
    std::vector<std::string> blank;
    for (const CellRef& c : s3->related)
        blank.push_back(c.key);
    EXPECT_EQ(blank, (std::vector<std::string>{"B06", "B56", "B57"}));
    EXPECT_EQ(s3->actual, "3");
    EXPECT_EQ(s3->message("zh-CN"), "统计表有 3 个单元格空白：没有数据时应填 0。");
}
