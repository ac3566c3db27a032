// Issue 9: exact numbers (9.1), digits of every script and an engine that never throws (9.2),
// against whole checks. Values are compared exactly: no tolerance anywhere (spec §5.2).
#include "Seeds.h"

#include "ogi/Checker.h"
#include "ogi/Templates.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

using namespace ogi;

namespace {

using Values = std::map<std::string, std::string>;
using Detail = std::tuple<std::string, std::string, std::string, std::string, std::string>;

std::set<Detail> details(const Report& r, const std::string& rule)
{
    std::set<Detail> out;
    for (const Diagnostic& d : r.diagnostics)
        if (d.rule == rule)
            out.emplace(d.rule, toString(d.severity), d.cell.key, d.expected, d.actual);
    return out;
}

Report check(const std::string& id, const Values& v, const std::vector<std::string>& paragraphs = {})
{
    const std::string& version = findTemplate(id)->version;
    Document doc = test::documentWith(id, v, version == "2014" ? "2017年度政府信息公开工作年度报告"
                                                               : version + "年政府信息公开工作年度报告");
    for (const std::string& p : paragraphs)
        doc.addParagraph(p);
    return Checker().check(doc);
}

/// The old table with 收到申请数 B22 and its four channels B23…B26.
Values received(const std::string& total, const std::string& first, const std::string& second = "0")
{
    Values v = test::consistentValues("old");
    v["B22"] = total;
    v["B23"] = first;
    v["B24"] = second;
    v["B25"] = "0";
    v["B26"] = "0";
    return v;
}

/// ASCII digits of `ascii` written with the decimal digits starting at `zero` (U+0660 …).
std::string inScript(const std::string& ascii, char32_t zero)
{
    std::string out;
    for (char ch : ascii) {
        const char32_t c = zero + static_cast<char32_t>(ch - '0');
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if (c < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xE0 | (c >> 12)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

} // namespace

TEST(Exactness, OneOffAtTwoMillionIsAnError)
{
    // A relative tolerance of 1e-6 let 2,000,001 = 2,000,000 pass.
    EXPECT_TRUE(details(check("old", received("2000000", "1000000", "1000000")), "B-1").empty());
    EXPECT_EQ(details(check("old", received("2000001", "1000000", "1000000")), "B-1"),
              (std::set<Detail>{{"B-1", "error", "B22", "2000000", "2000001"}}));
    EXPECT_EQ(details(check("old", received("2,000,001", "2,000,000")), "B-1"),
              (std::set<Detail>{{"B-1", "error", "B22", "2000000", "2000001"}}));
}

TEST(Exactness, FifteenOffAtTwentyMillionIsAnError)
{
    EXPECT_EQ(details(check("old", received("20000015", "20000000")), "B-1"),
              (std::set<Detail>{{"B-1", "error", "B22", "20000000", "20000015"}}));
    EXPECT_TRUE(details(check("old", received("20000015", "20000000", "15")), "B-1").empty());
}

TEST(Exactness, IntegersAbove2To53AreNotRounded)
{
    // 2^53 + 1 and 2^53 are one double; they are two counts.
    EXPECT_EQ(details(check("old", received("9007199254740993", "9007199254740992")), "B-1"),
              (std::set<Detail>{{"B-1", "error", "B22", "9007199254740992", "9007199254740993"}}));
    EXPECT_TRUE(details(check("old", received("9007199254740993", "9007199254740992", "1")), "B-1").empty());
    // Sums beyond int64 are exact too: two parts at the int64 maximum do not wrap to negative.
    const Report r = check("old", received("9223372036854775807", "9223372036854775807", "9223372036854775807"));
    EXPECT_EQ(details(r, "B-1"),
              (std::set<Detail>{{"B-1", "error", "B22", "18446744073709551614", "9223372036854775807"}}))
        << r.toText();
}

TEST(Exactness, TooLargeIsATypeFindingNeverWrapped)
{
    const Report r = check("old", received("99999999999999999999", "1"));
    const std::set<Detail> type = details(r, "B-15");
    ASSERT_EQ(type.size(), 1u) << r.toText();
    EXPECT_EQ(std::get<2>(*type.begin()), "B22");
    EXPECT_TRUE(details(r, "B-1").empty()) << r.toText();   // a value we cannot hold is compared with nothing
    bool said = false;
    for (const Diagnostic& d : r.diagnostics)
        if (d.rule == "B-15")
            said = d.message("en-US").find("value too large") != std::string::npos;
    EXPECT_TRUE(said) << r.toText("en-US");
}

TEST(Digits, EveryScriptReadsLikeAsciiInTheText)
{
    const Values v = test::consistentValues("2021-t3", 9);
    const std::string closed = v.at("R3_7.TOT");
    const std::string wrong = std::to_string(std::stoll(closed) + 1);
    for (char32_t zero : {U'0', U'\u0660', U'\u06F0', U'\u0966', U'\u09E6', U'\u0E50', U'\uFF10'}) {
        const std::string ok = "本年度办结" + inScript(closed, zero) + "件。";
        const Report good = check("2021-t3", v, {ok});
        EXPECT_TRUE(good.diagnostics.empty()) << ok << "\n" << good.toText();
        const std::string bad = "本年度办结" + inScript(wrong, zero) + "件。";
        const Report r = check("2021-t3", v, {bad});
        EXPECT_EQ(details(r, "X-1"), (std::set<Detail>{{"X-1", "warning", "R3_7.TOT", wrong, closed}})) << bad;
    }
}

TEST(Digits, ArabicIndicSentenceDoesNotStopTheCheck)
{
    // The reported case: "办结٦٨件" made checkToJson fail with `stod`.
    Values v = test::consistentValues("2021-t3", 9);
    const Report r = check("2021-t3", v, {"本年度办结٦٨件，其中按时办结٦٨件。", "收到申请٠件"});
    for (const Diagnostic& d : r.diagnostics)
        EXPECT_NE(d.rule, kCheckFailedRule) << r.toText();
    EXPECT_EQ(r.tables.size(), 1u);
    EXPECT_NO_THROW((void)r.toJson());
}

TEST(Digits, CellsInOtherScriptsAreNumbers)
{
    Values v = test::consistentValues("old");
    const std::string total = v["B22"];
    v["B22"] = inScript(total, U'\u0660');
    EXPECT_TRUE(check("old", v).diagnostics.empty()) << check("old", v).toText();
    v["B22"] = inScript(std::to_string(std::stoll(total) + 1), U'\u0966');
    EXPECT_EQ(details(check("old", v), "B-1").size(), 1u);
}

TEST(Checker, HugeNumbersAndEveryScriptNeverThrow)
{
    Document doc = test::documentWith("2021-t3", test::consistentValues("2021-t3"), "2021年政府信息公开工作年度报告");
    doc.addParagraph("本年度办结99999999999999999999999999999件，收到申请１２３４５６７８９０１２３４５６７８９０件。");
    doc.addParagraph("结转下年度" + std::string(5000, '9') + "件。");
    for (Cell& c : doc.tables.front().cells)
        if (c.text == "0")
            c.text = "٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩";
    Report r;
    ASSERT_NO_THROW(r = Checker().check(doc));
    for (const Diagnostic& d : r.diagnostics)
        EXPECT_NE(d.rule, kCheckFailedRule) << d.message("en-US");
}

TEST(IgnoreKey, IgnoringOneMissingSectionKeepsItsSiblings)
{
    // Issue 9.8: "五 is missing" and "六 is missing" had one ignore key.
    Document doc = test::documentWith("2021-t3", test::consistentValues("2021-t3"), "2021年政府信息公开工作年度报告");
    for (const char* h : {"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                          "四、政府信息公开行政复议、行政诉讼情况"})
        doc.addParagraph(h, 1);
    CheckOptions all;
    all.disabledRules = {"S-1", "X-7", "S-5"};
    const Report r = Checker(all).check(doc);
    std::set<std::string> keys;
    for (const Diagnostic& d : r.diagnostics)
        if (d.rule == "S-2")
            keys.insert(ignoreKey(d));
    ASSERT_EQ(keys.size(), 2u) << r.toText();   // two findings, two keys
    CheckOptions one = all;
    one.ignored = {*keys.begin()};
    const Report rest = Checker(one).check(doc);
    EXPECT_EQ(rest.ignored, 1);
    int s2 = 0;
    for (const Diagnostic& d : rest.diagnostics)
        if (d.rule == "S-2") {
            ++s2;
            EXPECT_EQ(ignoreKey(d), *keys.rbegin());
        }
    EXPECT_EQ(s2, 1) << rest.toText();
}

TEST(IgnoreKey, TheBlankCellFindingOfATableStaysIgnoredWhenItsFirstCellIsFilled)
{
    // S-3 is one finding per table whose cell is only the first blank one: its key names the
    // table, so filling that cell (or any other) leaves the ignored finding ignored.
    Values v = test::consistentValues("2021-t4");
    v["RV_KEEP"] = "";
    v["LD_PEND"] = "";
    v["LR_OTHR"] = "";
    auto s3 = [](const Report& r) {
        std::vector<const Diagnostic*> out;
        for (const Diagnostic& d : r.diagnostics)
            if (d.rule == "S-3")
                out.push_back(&d);
        return out;
    };
    const Report r = Checker().check(test::documentWith("2021-t4", v));
    ASSERT_EQ(s3(r).size(), 1u) << r.toText();
    const std::string key = ignoreKey(*s3(r).front());
    EXPECT_EQ(key, "S-3|2021-t4|*");
    CheckOptions ignoring;
    ignoring.ignored = {key};
    v["RV_KEEP"] = "0";   // the first blank cell filled: LD_PEND and LR_OTHR are still blank
    const Report after = Checker(ignoring).check(test::documentWith("2021-t4", v));
    EXPECT_TRUE(s3(after).empty()) << after.toText();
    EXPECT_EQ(after.ignored, 1);
}
