// The report as JSON (Boost.JSON round trip) and as text.
#include "Seeds.h"

#include "ogi/Checker.h"

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
    EXPECT_NE(zh.find("合计：0 处错误，4 处警告，1 处提示"), std::string::npos) << zh;
    const std::string en = r.toText("en-US");
    EXPECT_NE(en.find("Total: 0 errors, 4 warnings, 1 infos"), std::string::npos) << en;
}

TEST(Report, EmptyDocument)
{
    const Report r = Checker().check(Document{});
    const json::object o = json::parse(r.toJson()).as_object();
    EXPECT_TRUE(o.at("tables").as_array().empty());
    EXPECT_TRUE(o.at("diagnostics").as_array().empty());
    EXPECT_NE(r.toText().find("未发现年报统计表格"), std::string::npos);
}
