// Cross-year rules Y-1 … Y-5 (spec §6.5), report identity and snapshots (CrossYear.h).
// Each rule: holding and failing, blanks, the 2020 → 2021 format change, a changed scope.
#include "Seeds.h"

#include "ogi/Checker.h"
#include "ogi/CrossYear.h"
#include "ogi/Templates.h"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

using namespace ogi;

namespace {

using Values = std::map<std::string, std::string>;
using Detail = std::tuple<std::string, std::string, std::string, std::string, std::string>; // rule, severity, key, expected, actual

std::string cellName(int row, int col)
{
    std::string s;
    for (int c = col + 1; c > 0; c = (c - 1) / 26)
        s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
    return s + std::to_string(row + 1);
}

struct ReportSpec {
    std::string title;
    std::map<std::string, Values> tables;          ///< template id -> values (in 二/三/四 by family)
    std::map<std::string, std::string> sections;   ///< numeral -> body text
};

const std::vector<std::pair<std::string, std::string>> kSections = {
    {"一", "总体情况"}, {"二", "主动公开政府信息情况"}, {"三", "收到和处理政府信息公开申请情况"},
    {"四", "政府信息公开行政复议、行政诉讼情况"}, {"五", "存在的主要问题及改进情况"}, {"六", "其他需要报告的事项"}};

/// A whole report: title, the six sections (with text), each table under its section.
Document report(const ReportSpec& spec)
{
    Document doc;
    doc.name = spec.title;
    doc.addParagraph(spec.title, 1);
    for (const auto& [numeral, title] : kSections) {
        doc.addParagraph(numeral + "、" + title, 1);
        auto text = spec.sections.find(numeral);
        doc.addParagraph(text == spec.sections.end() ? "本部分内容见下表，本年度相关工作按计划推进。" : text->second);
        for (const auto& [id, values] : spec.tables) {
            const TemplateDef* t = findTemplate(id);
            const std::string want = t->family == "t2" ? "二" : t->family == "t3" ? "三" : t->family == "t4" ? "四" : "";
            if (want != numeral)
                continue;
            Table table = generateTable(id, values);
            for (Cell& c : table.cells)
                c.address = cellName(c.row, c.col);
            table.name = "表" + numeral;
            doc.addTable(std::move(table));
        }
    }
    return doc;
}

/// Consistent values of a template with some cells overridden.
Values with(const std::string& id, const Values& overrides, unsigned seed = 1)
{
    Values v = test::consistentValues(id, seed);
    for (const auto& [k, x] : overrides)
        v[k] = x;
    return v;
}

const std::string kTitle2021 = "某某区2021年度政府信息公开工作年度报告";
const std::string kTitle2022 = "某某区2022年度政府信息公开工作年度报告";

Report check(const Document& doc, const Document* previous, CheckOptions options = {})
{
    if (previous)
        options.previous = std::make_shared<Snapshot>(makeSnapshot(*previous, "/reports/2021.docx"));
    return Checker(std::move(options)).check(doc);
}

std::set<Detail> yFindings(const Report& r)
{
    std::set<Detail> out;
    for (const Diagnostic& d : r.diagnostics)
        if (d.rule.rfind("Y-", 0) == 0)
            out.emplace(d.rule, toString(d.severity), d.cell.key, d.expected, d.actual);
    return out;
}

const Diagnostic* find(const Report& r, const std::string& rule, const std::string& key = {})
{
    for (const Diagnostic& d : r.diagnostics)
        if (d.rule == rule && d.cell.key == key)
            return &d;
    return nullptr;
}

/// Table three of 2021 whose 结转下年度 row is `carried` (the rest consistent).
Values t3(const std::string& id, const Values& overrides = {}, unsigned seed = 1) { return with(id, overrides, seed); }

} // namespace

// ---------------------------------------------------------------------------------------
// Identity

TEST(CrossYearIdentity, UnitAndYearFromTitles)
{
    const ReportIdentity a = identityFromTitle("某某区2022年度政府信息公开工作年度报告");
    EXPECT_EQ(a.unit, "某某区");
    EXPECT_EQ(a.year, 2022);
    const ReportIdentity b = identityFromTitle("2025年某某市人民政府办公厅政府信息公开工作年度报告");
    EXPECT_EQ(b.unit, "某某市人民政府办公厅");
    EXPECT_EQ(b.year, 2025);
    const ReportIdentity c = identityFromTitle("金凤区司法局 2017 年度政府信息公开情况统计表");
    EXPECT_EQ(c.unit, "金凤区司法局");
    EXPECT_EQ(c.year, 2017);
    const ReportIdentity d = identityFromTitle("《某某县人民政府２０２３年政府信息公开工作年度报告》");
    EXPECT_EQ(d.unit, "某某县人民政府");
    EXPECT_EQ(d.unitKey(), "某某县");
    EXPECT_EQ(d.year, 2023);
    const ReportIdentity e = identityFromTitle("2021年政府信息公开工作年度报告");
    EXPECT_EQ(e.unit, "");
    EXPECT_EQ(e.year, 2021);
    EXPECT_EQ(identityFromTitle("政府信息公开工作年度报告").year, 0);
}

TEST(CrossYearIdentity, UnitNormalization)
{
    EXPECT_EQ(normalizeUnit("某某区 人民政府（全区汇总）"), "某某区");
    EXPECT_EQ(normalizeUnit("某某区人民政府(本级)"), "某某区");
    EXPECT_EQ(normalizeUnit("　某某区　"), "某某区");
    EXPECT_EQ(normalizeUnit("“某某区”"), "某某区");
    EXPECT_EQ(normalizeUnit("某某市人民政府办公厅"), "某某市人民政府办公厅");
    EXPECT_EQ(normalizeUnit("某某市ＡＢ局"), "某某市AB局");
    EXPECT_EQ(normalizeUnit("人民政府"), "人民政府");   // nothing but the suffix: kept
    EXPECT_EQ(normalizeUnit(""), "");
    EXPECT_NE(normalizeUnit("某某区"), normalizeUnit("某某县"));
}

TEST(CrossYearIdentity, PreviousYearOfSameUnit)
{
    const ReportIdentity cur{"某某区人民政府", 2022, ""};
    EXPECT_TRUE(isPreviousYearOf({"某某区（全区汇总）", 2021, ""}, cur));
    EXPECT_FALSE(isPreviousYearOf({"某某区", 2020, ""}, cur));   // not consecutive
    EXPECT_FALSE(isPreviousYearOf({"某某县", 2021, ""}, cur));   // another unit
    EXPECT_FALSE(isPreviousYearOf({"", 2021, ""}, {"", 2022, ""})); // no unit: never a guess
}

TEST(CrossYearIdentity, FromDocument)
{
    Document split;   // the unit on its own line above the title
    split.addParagraph("某某区人民政府", 1);
    split.addParagraph("2022年政府信息公开工作年度报告", 1);
    split.addParagraph("本报告统计期限为2022年1月1日至12月31日。");
    const ReportIdentity s = reportIdentity(split);
    EXPECT_EQ(s.unit, "某某区人民政府");
    EXPECT_EQ(s.year, 2022);

    Document period;  // no title: the statistics period and the 填报单位 line
    period.addParagraph("填报单位（盖章）：某某市统计局");
    period.addParagraph("本报告统计期限为2019年1月1日至12月31日。");
    const ReportIdentity p = reportIdentity(period);
    EXPECT_EQ(p.unit, "某某市统计局");
    EXPECT_EQ(p.year, 2019);

    const Report r = Checker().check(report({kTitle2022, {{"2021-t3", t3("2021-t3")}}, {}}));
    EXPECT_EQ(r.unit, "某某区");
    EXPECT_EQ(r.year, 2022);
}

// ---------------------------------------------------------------------------------------
// Snapshot

TEST(CrossYearSnapshot, JsonRoundTrip)
{
    const Document doc = report({kTitle2021, {{"2021-t3", t3("2021-t3", {{"R4.NP", "3"}, {"R4.BIZ", ""}})}},
                                 {{"五", "政策解读形式不够丰富。"}}});
    const Snapshot s = makeSnapshot(doc, "/data/某某区2021.docx");
    EXPECT_EQ(s.unit, "某某区");
    EXPECT_EQ(s.year, 2021);
    EXPECT_EQ(s.path, "/data/某某区2021.docx");
    ASSERT_TRUE(s.tables.count("2021-t3"));
    EXPECT_EQ(s.tables.at("2021-t3").at("R4.NP"), "3");
    EXPECT_EQ(s.tables.at("2021-t3").at("R4.BIZ"), "");   // blank is kept as blank, not 0
    ASSERT_EQ(s.sections.size(), 6u);
    EXPECT_EQ(s.sections[4].numeral, "五");
    EXPECT_EQ(s.sections[4].text, "政策解读形式不够丰富。");

    std::string error;
    const auto back = Snapshot::fromJson(s.toJson(), &error);
    ASSERT_TRUE(back) << error;
    EXPECT_EQ(back->toJson(), s.toJson());
    EXPECT_EQ(back->label(), kTitle2021);

    EXPECT_FALSE(Snapshot::fromJson("", &error));
    EXPECT_FALSE(error.empty());
    EXPECT_FALSE(Snapshot::fromJson("[1,2]"));
    EXPECT_FALSE(Snapshot::fromJson(R"({"schema": 2, "tables": {}})"));
    EXPECT_FALSE(Snapshot::fromJson(R"({"schema": 1, "tables": {"2099-t9": {}}})", &error));
    EXPECT_NE(error.find("2099-t9"), std::string::npos);
    EXPECT_FALSE(Snapshot::fromJson(R"({"schema": 1, "tables": {"2021-t3": {"R4.NP": 3}}})"));
}

// ---------------------------------------------------------------------------------------
// Y-1

TEST(CrossYearY1, HoldsWhenCarriedOverEqualsLastYearsCarriedForward)
{
    const Values last = t3("2021-t3", {}, 1);
    Values now = t3("2021-t3", {}, 2);
    for (const std::string& c : {"NP", "BIZ", "RES", "NGO", "LAW", "OTH", "TOT"})
        now["R2." + c] = last.at("R4." + c);
    const Document prev = report({kTitle2021, {{"2021-t3", last}}, {}});
    const Report r = check(report({kTitle2022, {{"2021-t3", now}}, {}}), &prev);
    EXPECT_TRUE(r.previous.used);
    EXPECT_EQ(r.previous.title, kTitle2021);
    EXPECT_EQ(r.previous.year, 2021);
    EXPECT_EQ(r.previous.path, "/reports/2021.docx");
    for (const Detail& d : yFindings(r))
        EXPECT_NE(std::get<0>(d), "Y-1") << std::get<2>(d);
}

TEST(CrossYearY1, FailsPerColumnQuotingLastYear)
{
    Values last = t3("2021-t3", {{"R4.NP", "3"}, {"R4.BIZ", "1"}});
    Values now = t3("2021-t3", {}, 2);
    for (const std::string& c : {"NP", "BIZ", "RES", "NGO", "LAW", "OTH", "TOT"})
        now["R2." + c] = last.at("R4." + c);
    now["R2.NP"] = "2";   // one column differs
    const Document prev = report({kTitle2021, {{"2021-t3", last}}, {}});
    const Report r = check(report({kTitle2022, {{"2021-t3", now}}, {}}), &prev);
    std::set<Detail> y1;
    for (const Detail& d : yFindings(r))
        if (std::get<0>(d) == "Y-1")
            y1.insert(d);
    // NP differs, and so does TOT unless last year's total happened to absorb it
    const Detail np{"Y-1", "warning", "R2.NP", "3", "2"};
    EXPECT_TRUE(y1.count(np));
    for (const Detail& d : y1)
        EXPECT_TRUE(std::get<2>(d) == "R2.NP" || std::get<2>(d) == "R2.TOT") << std::get<2>(d);
    const Diagnostic* d = find(r, "Y-1", "R2.NP");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->message("zh-CN"), "上年报告（" + kTitle2021 + "）结转下年度为 3，本年上年结转为 2（自然人）。");
    EXPECT_NE(d->message("en-US").find("carried 3 forward"), std::string::npos) << d->message("en-US");
    EXPECT_FALSE(d->cell.address.empty());        // marked on this year's 上年结转 cell
    EXPECT_EQ(d->table, 0);
}

TEST(CrossYearY1, AcrossTheFormatChange2020To2021)
{
    // 2020's report uses the 2019 试行 table three; 2021's the 2021 one. Rows 二 and 四 exist in both.
    Values last = t3("2019-t3", {}, 3);
    Values now = t3("2021-t3", {}, 4);
    for (const std::string& c : {"NP", "BIZ", "RES", "NGO", "LAW", "OTH", "TOT"})
        now["R2." + c] = last.at("R4." + c);
    const Document prev = report({"某某区2020年度政府信息公开工作年度报告", {{"2019-t3", last}}, {}});
    const Report ok = check(report({kTitle2021, {{"2021-t3", now}}, {}}), &prev);
    EXPECT_TRUE(ok.previous.used);
    for (const Detail& d : yFindings(ok))
        EXPECT_NE(std::get<0>(d), "Y-1");

    now["R2.LAW"] = std::to_string(std::stoi(last.at("R4.LAW")) + 5);
    const Report bad = check(report({kTitle2021, {{"2021-t3", now}}, {}}), &prev);
    const Diagnostic* d = find(bad, "Y-1", "R2.LAW");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->templateId, "2021-t3");
    EXPECT_EQ(d->expected, last.at("R4.LAW"));
    EXPECT_NE(d->message().find("某某区2020年度"), std::string::npos);
}

TEST(CrossYearY1, Blanks)
{
    Values last = t3("2021-t3", {{"R4.NP", "2"}, {"R4.RES", ""}});
    Values now = t3("2021-t3", {}, 2);
    for (const std::string& c : {"NP", "BIZ", "RES", "NGO", "LAW", "OTH", "TOT"})
        now["R2." + c] = last.at("R4." + c);
    now["R2.NP"] = "";      // blank this year, 2 last year: a finding that says 空白
    now["R2.RES"] = "0";    // blank last year counts as 0: holds
    const Document prev = report({kTitle2021, {{"2021-t3", last}}, {}});
    const Report r = check(report({kTitle2022, {{"2021-t3", now}}, {}}), &prev);
    const Diagnostic* d = find(r, "Y-1", "R2.NP");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->severity, Severity::Warning);
    EXPECT_EQ(d->actual, "");
    EXPECT_NE(d->message().find("本年上年结转为 空白"), std::string::npos) << d->message();
    EXPECT_EQ(find(r, "Y-1", "R2.RES"), nullptr);
}

TEST(CrossYearY1, NothingWithoutLastYearOrWhenDisabled)
{
    Values now = t3("2021-t3", {{"R2.NP", "7"}});
    const Document cur = report({kTitle2022, {{"2021-t3", now}}, {}});
    const Report alone = check(cur, nullptr);
    EXPECT_FALSE(alone.previous.used);
    EXPECT_TRUE(yFindings(alone).empty());
    const Document prev = report({kTitle2021, {{"2021-t3", t3("2021-t3", {{"R4.NP", "1"}})}}, {}});
    CheckOptions off;
    off.disabledRules = {"Y-1"};
    for (const Detail& d : yFindings(check(cur, &prev, off)))
        EXPECT_NE(std::get<0>(d), "Y-1");
    // last year's report without table three: Y-1 has nothing to compare with
    const Document noT3 = report({kTitle2021, {{"2021-t2", test::consistentValues("2021-t2")}}, {}});
    for (const Detail& d : yFindings(check(cur, &noT3)))
        EXPECT_NE(std::get<0>(d), "Y-1");
}

TEST(CrossYearY1, ChangedScopeIsNeverAnError)
{
    // After a reorganisation (two districts merged) last year's numbers belong to another scope:
    // every cross-year finding stays a warning or info, and the document's own rules are unaffected.
    const Document prev = report({"某某县2021年度政府信息公开工作年度报告",
                                  {{"2021-t3", t3("2021-t3", {}, 5)}, {"2021-t2", test::consistentValues("2021-t2", 5)}},
                                  {}});
    const Document cur = report({"某某区2022年度政府信息公开工作年度报告",
                                 {{"2021-t3", t3("2021-t3", {}, 6)}, {"2021-t2", test::consistentValues("2021-t2", 6)}},
                                 {}});
    const Report alone = check(cur, nullptr);
    const Report r = check(cur, &prev);
    EXPECT_FALSE(yFindings(r).empty());
    for (const Diagnostic& d : r.diagnostics)
        if (d.rule.rfind("Y-", 0) == 0)
            EXPECT_NE(d.severity, Severity::Error) << d.rule;
    EXPECT_EQ(r.count(Severity::Error), alone.count(Severity::Error));
    for (const Diagnostic& d : r.diagnostics)
        if (d.rule.rfind("Y-", 0) == 0)
            EXPECT_NE(d.message().find("某某县2021年度"), std::string::npos) << d.message();
}

// ---------------------------------------------------------------------------------------
// Y-2, Y-3

TEST(CrossYearY2, ValidDocumentsFollowFromLastYear)
{
    const Document prev = report({kTitle2021, {{"2021-t2", with("2021-t2", {{"P1_RULE.VALID", "10"}, {"P1_NORM.VALID", "40"}})}}, {}});
    // 10 + 2 − 1 = 11 holds; 40 + 5 − 3 = 42, but 44 is written
    const Values now = with("2021-t2", {{"P1_RULE.MADE", "2"}, {"P1_RULE.REPEAL", "1"}, {"P1_RULE.VALID", "11"},
                                        {"P1_NORM.MADE", "5"}, {"P1_NORM.REPEAL", "3"}, {"P1_NORM.VALID", "44"}});
    const Report r = check(report({kTitle2022, {{"2021-t2", now}}, {}}), &prev);
    EXPECT_EQ(yFindings(r), (std::set<Detail>{{"Y-2", "warning", "P1_NORM.VALID", "42", "44"}}));
    const Diagnostic* d = find(r, "Y-2", "P1_NORM.VALID");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->message(), "上年报告（" + kTitle2021 + "）现行有效件数为 40，本年制发 5 件、废止 3 件，“行政规范性文件 / 现行有效件数”应为 42，本年为 44。");
}

TEST(CrossYearY2, NotAcrossTheFormatChange)
{
    // 2020's table two (2019 试行) has no 现行有效件数: nothing to carry on
    const Document prev = report({"某某区2020年度政府信息公开工作年度报告", {{"2019-t2", test::consistentValues("2019-t2")}}, {}});
    const Report r = check(report({kTitle2021, {{"2021-t2", with("2021-t2", {{"P1_NORM.VALID", "999"}})}}, {}}), &prev);
    EXPECT_TRUE(r.previous.used);
    EXPECT_TRUE(yFindings(r).empty());
}

TEST(CrossYearY3, ItemsOfTheYearBeforeFollowFromLastYear)
{
    const std::string t2019 = "某某区2019年度政府信息公开工作年度报告", t2020 = "某某区2020年度政府信息公开工作年度报告";
    const Document prev = report({t2019, {{"2019-t2", with("2019-t2", {{"P5_LIC.PREV", "100"}, {"P5_LIC.CHG", "23(增)"},
                                                                         {"P6_PUN.PREV", "8"}, {"P6_PUN.CHG", "1(减)"},
                                                                         {"P8_FEE.PREV", "4"}, {"P8_FEE.CHG", ""}})}},
                                  {}});
    // 100 + 23 = 123 holds; 8 − 1 = 7 but 8 written; 4 + blank = 4 holds
    const Values now = with("2019-t2", {{"P5_LIC.PREV", "123"}, {"P6_PUN.PREV", "8"}, {"P8_FEE.PREV", "4"}});
    const Report r = check(report({t2020, {{"2019-t2", now}}, {}}), &prev);
    std::set<Detail> y3;
    for (const Detail& d : yFindings(r))
        if (std::get<0>(d) == "Y-3")
            y3.insert(d);
    EXPECT_TRUE(y3.count({"Y-3", "warning", "P6_PUN.PREV", "7", "8"}));
    for (const Detail& d : y3)
        EXPECT_TRUE(std::get<2>(d) != "P5_LIC.PREV" && std::get<2>(d) != "P8_FEE.PREV") << std::get<2>(d);
    const Diagnostic* d = find(r, "Y-3", "P6_PUN.PREV");
    ASSERT_NE(d, nullptr);
    EXPECT_NE(d->message().find("本年增/减为 -1"), std::string::npos) << d->message();
}

// ---------------------------------------------------------------------------------------
// Y-4

TEST(CrossYearY4, TableIdenticalToLastYear)
{
    const Values v = t3("2021-t3", {}, 7);
    const Document prev = report({kTitle2021, {{"2021-t3", v}}, {}});
    const Report same = check(report({kTitle2022, {{"2021-t3", v}}, {}}), &prev);
    const Diagnostic* d = find(same, "Y-4", "");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->severity, Severity::Warning);
    EXPECT_EQ(d->templateId, "2021-t3");
    EXPECT_FALSE(d->cell.address.empty());   // the table's anchor cell
    EXPECT_NE(d->message().find("完全相同"), std::string::npos);
    EXPECT_NE(d->message().find(kTitle2021), std::string::npos);

    Values changed = v;
    changed["R3_1.NP"] = std::to_string(std::stoi(v.at("R3_1.NP")) + 1);
    for (const Diagnostic& x : check(report({kTitle2022, {{"2021-t3", changed}}, {}}), &prev).diagnostics)
        EXPECT_FALSE(x.rule == "Y-4" && x.templateId == "2021-t3");

    // an all-zero table two years running (no applications) is no copy
    Values zeros;
    for (const std::string& k : findTemplate("2021-t3")->keys())
        zeros[k] = "0";
    const Document prevZero = report({kTitle2021, {{"2021-t3", zeros}}, {}});
    EXPECT_EQ(find(check(report({kTitle2022, {{"2021-t3", zeros}}, {}}), &prevZero), "Y-4", ""), nullptr);
}

TEST(CrossYearY4, SectionTextNearlyIdentical)
{
    const std::string text =
        "本年度，我区坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，"
        "围绕区委区政府中心工作，不断深化政务公开，提升政府工作透明度，政府信息公开工作取得了新的成效。";
    const Document prev = report({kTitle2021, {{"2021-t3", t3("2021-t3", {}, 1)}}, {{"一", text}}});
    const Report r = check(report({kTitle2022, {{"2021-t3", t3("2021-t3", {}, 2)}}, {{"一", text}}}), &prev);
    const Diagnostic* d = find(r, "Y-4", "");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->severity, Severity::Info);
    EXPECT_EQ(d->actual, "100%");
    EXPECT_NE(d->message().find("“一、总体情况”"), std::string::npos) << d->message();
    EXPECT_NE(d->message().find("相似度 100%"), std::string::npos);

    const std::string other =
        "2022年，区政府办公室牵头修订了政务公开目录，新建政策文件库，对全区38个部门开展了两轮政务公开专题培训，"
        "并在区政府门户网站开设了惠企政策专栏，集中发布各类惠企政策与办事指南。";
    const Report r2 = check(report({kTitle2022, {{"2021-t3", t3("2021-t3", {}, 2)}}, {{"一", other}}}), &prev);
    EXPECT_EQ(find(r2, "Y-4", ""), nullptr);
    EXPECT_LT(textSimilarity(text, other), 0.5);
    EXPECT_DOUBLE_EQ(textSimilarity(text, text), 1.0);
    EXPECT_DOUBLE_EQ(textSimilarity("", text), 0.0);
}

// ---------------------------------------------------------------------------------------
// Y-5

TEST(CrossYearY5, LastYearsProblemsAreFollowedUp)
{
    const std::string lastFive =
        "（一）存在的主要问题\n一是政策解读的形式不够丰富，图解、视频解读较少；二是基层政务公开标准化规范化水平有待提高。\n"
        "（二）改进措施\n进一步丰富政策解读形式，加强基层政务公开标准化建设。";
    const std::string thisFive =
        "（一）上年度问题整改情况\n针对政策解读形式不够丰富的问题，本年制作图解和视频解读32篇。\n"
        "（二）存在的主要问题\n政务新媒体更新频率偏低。";
    const Document prev = report({kTitle2021, {{"2021-t3", t3("2021-t3", {}, 1)}}, {{"五", lastFive}}});
    const Report r = check(report({kTitle2022, {{"2021-t3", t3("2021-t3", {}, 2)}}, {{"五", thisFive}}}), &prev);
    std::vector<const Diagnostic*> y5;
    for (const Diagnostic& d : r.diagnostics)
        if (d.rule == "Y-5")
            y5.push_back(&d);
    ASSERT_EQ(y5.size(), 1u);
    EXPECT_EQ(y5[0]->severity, Severity::Info);
    EXPECT_EQ(y5[0]->expected, "基层政务公开标准化规范化水平有待提高");
    EXPECT_EQ(y5[0]->message(), "上年报告（" + kTitle2021 + "）在“五、存在的主要问题及改进情况”中列出的问题“基层政务公开标准化规范化水平有待提高”，本年报告未说明整改情况。");

    // both problems taken up: nothing
    const std::string both = thisFive + "\n基层政务公开标准化规范化水平进一步提高，编制了标准目录。";
    const Report ok = check(report({kTitle2022, {{"2021-t3", t3("2021-t3", {}, 2)}}, {{"五", both}}}), &prev);
    EXPECT_EQ(find(ok, "Y-5"), nullptr);
    // a 2019-format report is not held to the 2021 notice
    const Document prev19 = report({"某某区2019年度政府信息公开工作年度报告", {{"2019-t3", t3("2019-t3")}}, {{"五", lastFive}}});
    const Report old = check(report({"某某区2020年度政府信息公开工作年度报告", {{"2019-t3", t3("2019-t3")}}, {{"五", "无。"}}}), &prev19);
    EXPECT_EQ(find(old, "Y-5"), nullptr);
}

// ---------------------------------------------------------------------------------------
// Report JSON

TEST(CrossYearReport, JsonNamesUnitAndPrevious)
{
    const Document prev = report({kTitle2021, {{"2021-t3", t3("2021-t3")}}, {}});
    CheckOptions o;
    o.previousSource = "chosen";
    const Report r = check(report({kTitle2022, {{"2021-t3", t3("2021-t3", {}, 2)}}, {}}), &prev, o);
    const boost::json::value j = boost::json::parse(r.toJson());
    EXPECT_EQ(j.at("unit").as_string(), "某某区");
    EXPECT_EQ(j.at("previous").at("path").as_string(), "/reports/2021.docx");
    EXPECT_EQ(j.at("previous").at("title").as_string(), kTitle2021);
    EXPECT_EQ(j.at("previous").at("year").as_int64(), 2021);
    EXPECT_EQ(j.at("previous").at("source").as_string(), "chosen");
    const boost::json::value none = boost::json::parse(check(report({kTitle2022, {}, {}}), nullptr).toJson());
    EXPECT_TRUE(none.at("previous").is_null());
    EXPECT_NE(r.toText().find("上年报告：" + kTitle2021), std::string::npos);
}
