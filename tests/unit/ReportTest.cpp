// The report as JSON (Boost.JSON round trip) and as text.
#include "Seeds.h"

#include "ogi/Checker.h"
#include "ogi/Templates.h"

#include <boost/json.hpp>
#include <gtest/gtest.h>

using namespace ogi;
namespace json = boost::json;

TEST(Report, JsonCarriesTablesDiagnosticsAndSummary)
{
    const Report r = Checker().check(test::loadSeed(2));
    const json::object o = json::parse(r.toJson()).as_object();
    EXPECT_EQ(o.at("year").as_int64(), 2017);
    const json::array& tables = o.at("tables").as_array();
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].at("template").as_string(), "old");
    EXPECT_EQ(tables[0].at("version").as_string(), "2014");
    EXPECT_EQ(tables[0].at("index").as_int64(), 0);
    const json::array& diags = o.at("diagnostics").as_array();
    ASSERT_EQ(diags.size(), static_cast<size_t>(r.diagnostics.size()));
    bool sawB12 = false;
    for (const auto& dv : diags) {
        const json::object& d = dv.as_object();
        if (d.at("rule").as_string() != "B-12")
            continue;
        sawB12 = true;
        EXPECT_EQ(d.at("severity").as_string(), "warning");
        EXPECT_EQ(d.at("key").as_string(), "B03");
        EXPECT_EQ(d.at("cell").as_string(), "C4");
        EXPECT_EQ(d.at("table").as_int64(), 0);
        EXPECT_EQ(d.at("expected").as_string(), "≤ 0");
        EXPECT_EQ(d.at("actual").as_string(), "1");
        EXPECT_FALSE(d.at("related").as_array().empty());
        EXPECT_NE(std::string(d.at("message").as_string()).find("制发规范性文件总数"), std::string::npos);
        EXPECT_TRUE(d.at("messages").as_object().contains("en-US"));
    }
    EXPECT_TRUE(sawB12);
    const json::object& s = o.at("summary").as_object();
    EXPECT_EQ(s.at("errors").as_int64(), r.count(Severity::Error));
    EXPECT_EQ(s.at("warnings").as_int64(), 1);
    EXPECT_EQ(s.at("infos").as_int64(), 1);
}

TEST(Report, EnglishJsonMessage)
{
    const Report r = Checker().check(test::loadSeed(2));
    const json::object o = json::parse(r.toJson("en-US")).as_object();
    for (const auto& d : o.at("diagnostics").as_array())
        if (d.at("rule").as_string() == "B-12")
            EXPECT_NE(std::string(d.at("message").as_string()).find("expected at most 0, found 1"), std::string::npos);
}

TEST(Report, TextSummaryInBothLanguages)
{
    const Report r = Checker().check(test::loadSeed(4));
    const std::string zh = r.toText("zh-CN");
    EXPECT_NE(zh.find("B-9"), std::string::npos);
    EXPECT_NE(zh.find("合计：0 处错误，2 处警告，1 处提示"), std::string::npos) << zh;
    const std::string en = r.toText("en-US");
    EXPECT_NE(en.find("Total: 0 errors, 2 warnings, 1 info"), std::string::npos) << en;
}

TEST(Report, EmptyDocument)
{
    const Report r = Checker().check(Document{});
    const json::object o = json::parse(r.toJson()).as_object();
    EXPECT_TRUE(o.at("tables").as_array().empty());
    EXPECT_TRUE(o.at("diagnostics").as_array().empty());
    EXPECT_NE(r.toText().find("未发现年报统计表格"), std::string::npos);
}

TEST(TotalDefinitions, TableThreeTotalsComeFromTheSumRules)
{
    const auto defs = totalDefinitions("2021-t3");
    std::map<std::string, std::vector<std::string>> m(defs.begin(), defs.end());
    // N-3: every row's 总计 is the six applicant columns
    ASSERT_TRUE(m.count("R1.TOT"));
    EXPECT_EQ(m.at("R1.TOT"), (std::vector<std::string>{"R1.NP", "R1.BIZ", "R1.RES", "R1.NGO", "R1.LAW", "R1.OTH"}));
    // N-2: （七）总计 per column is the 21 outcome rows (2021 has R3_6_1..3, not R3_6)
    ASSERT_TRUE(m.count("R3_7.NP"));
    EXPECT_EQ(m.at("R3_7.NP").size(), 21u);
    EXPECT_EQ(m.at("R3_7.NP").back(), "R3_6_3.NP");
    // R3_7.TOT is defined once (N-2 comes first in rules.json), after its addends
    size_t posTot = 0, posNp = 0;
    for (size_t i = 0; i < defs.size(); ++i) {
        if (defs[i].first == "R3_7.TOT") posTot = i;
        if (defs[i].first == "R3_6_3.TOT") posNp = i;
    }
    EXPECT_LT(posNp, posTot);
    EXPECT_FALSE(m.count("R1.NP"));                         // N-1 is a balance, not a total
}

TEST(TotalDefinitions, OldTableAndTableFour)
{
    std::map<std::string, std::vector<std::string>> old;
    for (auto& d : totalDefinitions("old")) old.insert(d);
    EXPECT_EQ(old.at("B22"), (std::vector<std::string>{"B23", "B24", "B25", "B26"}));
    EXPECT_EQ(old.at("B58"), (std::vector<std::string>{"B59", "B60"}));
    EXPECT_TRUE(old.count("B30"));
    std::map<std::string, std::vector<std::string>> t4;
    for (auto& d : totalDefinitions("2021-t4")) t4.insert(d);
    EXPECT_EQ(t4.size(), 3u);
    EXPECT_EQ(t4.at("LD_TOT"), (std::vector<std::string>{"LD_KEEP", "LD_CORR", "LD_OTHR", "LD_PEND"}));
    EXPECT_TRUE(totalDefinitions("no-such-template").empty());
}
