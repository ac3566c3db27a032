// The text rules (spec §6.6, X-1…X-8) on the wording real reports use (issue 9.4), in linear
// time on any paragraph (issue 16.7), and on reports in traditional characters with pinyin
// glosses (issue 9.5). Each case asserts (rule, severity, key, expected, actual) tuples, and
// with every rule on, that no other finding appears.
#include "Seeds.h"

#include "ogi/Checker.h"
#include "ogi/Templates.h"
#include "ogi/Text.h"

#include <gtest/gtest.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

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

int num(const Values& v, const std::string& key) { return std::stoi(v.at(key)); }
std::string str(long long n) { return std::to_string(n); }

std::set<Detail> details(const Report& r)
{
    std::set<Detail> out;
    for (const Diagnostic& d : r.diagnostics)
        out.emplace(d.rule, toString(d.severity), d.cell.key, d.expected, d.actual);
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

const Diagnostic* find(const Report& r, const std::string& rule)
{
    for (const Diagnostic& d : r.diagnostics)
        if (d.rule == rule)
            return &d;
    return nullptr;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

Report withText(const std::string& id, const Values& v, const std::vector<std::string>& paragraphs)
{
    Document doc = test::documentWith(id, v, "2021年政府信息公开工作年度报告");
    for (const std::string& p : paragraphs)
        doc.addParagraph(p);
    return Checker().check(doc);
}

Values zeros(const std::string& id)
{
    Values v;
    const TemplateDef* t = findTemplate(id);
    for (const std::string& k : t->keys())
        if (t->cellForKey(k)->type != ValueType::Heading)
            v[k] = "0";
    return v;
}

/// Consistent table three values whose R1.TOT is at least `min` (seeds differ in size).
Values table3WithApplications(int min)
{
    for (unsigned seed = 1; seed < 200; ++seed) {
        Values v = test::consistentValues("2021-t3", seed);
        if (num(v, "R1.TOT") >= min && num(v, "R2.TOT") > 0 && num(v, "R4.TOT") > 0 && num(v, "R3_1.TOT") > 0 &&
            num(v, "R3_2.TOT") > 0)
            return v;
    }
    ADD_FAILURE() << "no seed with " << min << " applications";
    return {};
}

} // namespace

// =======================================================================================
// Wording of real reports (issue 9.4, spec §6.6 last paragraph)

TEST(TextRulesWording, AcceptedAndNumberBeforeApplicationAreTheNewApplications)
{
    const Values v = table3WithApplications(10);
    const int r1 = num(v, "R1.TOT"), r2 = num(v, "R2.TOT");
    // Passing: "共受理…申请N件", "收到N件申请", and R1 + R2 (spec X-2's second reading).
    EXPECT_TRUE(withText("2021-t3", v, {"本年度共受理各类政府信息公开申请" + str(r1) + "件。"}).diagnostics.empty());
    EXPECT_TRUE(withText("2021-t3", v, {"本年度我局共收到" + str(r1) + "件政府信息公开申请。"}).diagnostics.empty());
    EXPECT_TRUE(withText("2021-t3", v, {"全年收到" + str(r1 + r2) + "件申请。"}).diagnostics.empty());
    // Failing: each wording compared with R1.TOT.
    Report r = withText("2021-t3", v, {"本年度共受理各类政府信息公开申请" + str(r1 + r2 + 7) + "件。"});
    EXPECT_EQ(details(r), (std::set<Detail>{{"X-2", "warning", "R1.TOT", str(r1 + r2 + 7), str(r1)}})) << r.toText();
    r = withText("2021-t3", v, {"本年度我局共收到" + str(r1 + r2 + 3) + "件政府信息公开申请。"});
    EXPECT_EQ(details(r), (std::set<Detail>{{"X-2", "warning", "R1.TOT", str(r1 + r2 + 3), str(r1)}})) << r.toText();
    // Not new applications: refusals to accept, reconsideration.
    EXPECT_TRUE(withText("2021-t3", v, {"不予受理申请" + str(r1 + 50) + "件。", "受理行政复议申请" + str(r1 + 51) + "件。",
                                        "收到" + str(r1 + 52) + "件行政复议申请。"})
                    .diagnostics.empty());
}

TEST(TextRulesWording, AnsweredIsTheTotalOfOutcomes)
{
    const Values v = table3WithApplications(10);
    const int total = num(v, "R3_7.TOT");
    EXPECT_TRUE(withText("2021-t3", v, {"本年度共答复" + str(total) + "件。"}).diagnostics.empty());
    const Report r = withText("2021-t3", v, {"本年度依法答复申请" + str(total + 2) + "件。"});
    EXPECT_EQ(details(r), (std::set<Detail>{{"X-1", "warning", "R3_7.TOT", str(total + 2), str(total)}})) << r.toText();
    // Parts of the replies and replies to other things are not the total.
    EXPECT_TRUE(withText("2021-t3", v, {"其中延期答复1件，按时答复" + str(total + 5) + "件。", "答复人大代表建议12件。",
                                        "办理答复政协提案7件。", "行政复议答复3件。"})
                    .diagnostics.empty());
}

TEST(TextRulesWording, DisclosedAndPartlyDisclosedIsOneClaim)
{
    const Values v = table3WithApplications(10);
    const int both = num(v, "R3_1.TOT") + num(v, "R3_2.TOT");
    // Today's two false findings (予以公开 N vs R3_1, 部分公开 N vs R3_2) are gone.
    EXPECT_TRUE(withText("2021-t3", v, {"予以公开及部分公开" + str(both) + "件。"}).diagnostics.empty());
    EXPECT_TRUE(withText("2021-t3", v, {"其中予以公开、部分公开" + str(both) + "件。"}).diagnostics.empty());
    const Report r = withText("2021-t3", v, {"予以公开和部分公开" + str(both + 1) + "件。"});
    EXPECT_EQ(details(r), (std::set<Detail>{{"X-3", "warning", "R3_1.TOT", str(both + 1), str(both)}})) << r.toText();
    EXPECT_TRUE(contains(find(r, "X-3")->message("zh-CN"), "予以公开与部分公开")) << r.toText();
    // The separate claims still hold on their own.
    EXPECT_TRUE(withText("2021-t3", v, {"予以公开" + v.at("R3_1.TOT") + "件，部分公开" + v.at("R3_2.TOT") + "件。"})
                    .diagnostics.empty());
}

TEST(TextRulesWording, WithdrawnApplicationsLeftOutWhereTheReportSaysSo)
{
    const Values v = table3WithApplications(10);
    const int r1 = num(v, "R1.TOT"), r2 = num(v, "R2.TOT");
    // The text leaves 5 withdrawn applications out, the table counts them; or the other way round.
    EXPECT_TRUE(withText("2021-t3", v, {"本年度收到政府信息公开申请" + str(r1 - 5) + "件（不含申请人主动撤销的5件）。"})
                    .diagnostics.empty());
    EXPECT_TRUE(withText("2021-t3", v, {"本年度收到政府信息公开申请" + str(r1 + 4) + "件，其中申请人主动撤销4件，未纳入统计。"})
                    .diagnostics.empty());
    EXPECT_TRUE(withText("2021-t3", v, {"本年度办结" + str(num(v, "R3_7.TOT") - 2) + "件，不包括申请人主动撤回的2件。"})
                    .diagnostics.empty());
    // Without the words that leave them out, the number is compared as it is.
    ASSERT_NE(r1 + 4, r1 + r2);
    const Report r = withText("2021-t3", v, {"本年度收到政府信息公开申请" + str(r1 + 4) + "件，其中申请人主动撤销4件。"});
    EXPECT_EQ(details(r), (std::set<Detail>{{"X-2", "warning", "R1.TOT", str(r1 + 4), str(r1)}})) << r.toText();
    // "申请人主动撤销申请4件" is no number of received applications.
    EXPECT_TRUE(withText("2021-t3", v, {"收到申请人主动撤销申请4件。"}).diagnostics.empty());
}

TEST(TextRulesWording, ThousandsSeparators)
{
    Values v = zeros("2021-t3");
    for (const char* k : {"R1.NP", "R1.TOT", "R3_1.NP", "R3_1.TOT", "R3_7.NP", "R3_7.TOT"})
        v[k] = "1234";
    ASSERT_TRUE(withText("2021-t3", v, {}).diagnostics.empty()) << withText("2021-t3", v, {}).toText();
    // "1,234", "1，234" (full-width comma) and "１，２３４" all read 1234.
    EXPECT_TRUE(withText("2021-t3", v, {"本年度收到申请1,234件，办结1，234件，予以公开\xEF\xBC\x91\xEF\xBC\x8C\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\x94件。"})
                    .diagnostics.empty());
    const Report r = withText("2021-t3", v, {"本年度收到申请1,235件，办结1，233件。"});
    EXPECT_EQ(details(r), (std::set<Detail>{{"X-2", "warning", "R1.TOT", "1235", "1234"},
                                            {"X-1", "warning", "R3_7.TOT", "1233", "1234"}}))
        << r.toText();
    // A list of numbers is no thousands separator.
    const Report list = withText("2021-t3", v, {"本年度收到申请1,2件。"});
    EXPECT_TRUE(details(list, "X-2").empty()) << list.toText();
}

TEST(TextRulesWording, ABlankTotalIsNotZero)
{
    Values v = table3WithApplications(10);
    const std::string r1 = v.at("R1.TOT");
    v["R1.TOT"] = "";
    // The sentence agrees with the parts of the blank total: no X-2.
    Report r = withText("2021-t3", v, {"本年度收到申请" + r1 + "件。"});
    EXPECT_TRUE(details(r, "X-2").empty()) << r.toText();
    EXPECT_FALSE(details(r, "N-3").empty()) << r.toText();   // the blank total has its own finding
    // It disagrees: compared with the sum of the parts, and the message says the cell is blank.
    r = withText("2021-t3", v, {"本年度收到申请" + str(std::stoi(r1) + 9) + "件。"});
    EXPECT_EQ(details(r, "X-2"), (std::set<Detail>{{"X-2", "warning", "R1.TOT", str(std::stoi(r1) + 9), r1}})) << r.toText();
    EXPECT_TRUE(contains(find(r, "X-2")->message("zh-CN"), "空白")) << r.toText();
    // The whole row blank: the finding says the table is blank there, never "actual 0".
    for (const char* c : {"NP", "BIZ", "RES", "NGO", "LAW", "OTH", "TOT"})
        v[std::string("R1.") + c] = "";
    r = withText("2021-t3", v, {"本年度收到申请" + r1 + "件。"});
    EXPECT_EQ(details(r, "X-2"), (std::set<Detail>{{"X-2", "warning", "R1.TOT", r1, ""}})) << r.toText();
    EXPECT_TRUE(contains(find(r, "X-2")->message("zh-CN"), "为 空白")) << r.toText();
    EXPECT_TRUE(contains(find(r, "X-2")->message("en-US"), "is blank")) << r.toText();
}

TEST(TextRulesWording, X8AllClosedWhileApplicationsAreCarriedForward)
{
    const Values v = table3WithApplications(10);
    const std::string forward = v.at("R4.TOT");
    for (const std::string& said : {std::string("所有申请均已办结。"), std::string("本年度收到的申请均已按期答复。"),
                                    "共收到申请" + v.at("R1.TOT") + "件，已全部按时办结。"}) {
        const Report r = withText("2021-t3", v, {said});
        EXPECT_EQ(details(r), (std::set<Detail>{{"X-8", "warning", "R4.TOT", "0", forward}})) << said << "\n" << r.toText();
        const Diagnostic* d = find(r, "X-8");
        ASSERT_NE(d, nullptr);
        EXPECT_TRUE(contains(d->message("zh-CN"), forward) && contains(d->message("en-US"), forward));
    }
    // Nothing carried forward: the claim holds.
    EXPECT_TRUE(withText("2021-t3", zeros("2021-t3"), {"所有申请均已办结。"}).diagnostics.empty());
    // Other claims: last year's carried-over applications, the rest besides those carried forward.
    EXPECT_TRUE(withText("2021-t3", v, {"上年结转的申请均已办结。", "除结转下年度的" + forward + "件外，其余申请均已办结。",
                                        "行政复议申请均已办结。"})
                    .diagnostics.empty());
}

// =======================================================================================
// Linear time (issue 16.7): the same findings on a short and on a huge paragraph.

namespace {

std::string repeated(const std::string& piece, size_t chars)
{
    std::string out;
    const size_t per = icu::UnicodeString::fromUTF8(piece).length();
    for (size_t n = 0; n < chars; n += per)
        out += piece;
    return out;
}

Values table4WithACorrection()
{
    Values v = test::consistentValues("2021-t4", 5);
    for (const auto& [k, x] : std::map<std::string, std::string>{{"RV_KEEP", "2"}, {"RV_CORR", "1"}, {"RV_OTHR", "0"},
                                                                  {"RV_PEND", "0"}, {"RV_TOT", "3"}, {"LD_KEEP", "1"},
                                                                  {"LD_CORR", "0"}, {"LD_OTHR", "0"}, {"LD_PEND", "0"},
                                                                  {"LD_TOT", "1"}, {"LR_KEEP", "1"}, {"LR_CORR", "0"},
                                                                  {"LR_OTHR", "0"}, {"LR_PEND", "0"}, {"LR_TOT", "1"}})
        v[k] = x;
    return v;
}

} // namespace

TEST(TextRulesLinear, HundredThousandCharactersGiveTheFindingsOfTheShortForm)
{
    const Values v = table4WithACorrection();
    const std::string claims = "行政复议案件均获维持。本年度被申请行政复议4件。";
    const Report shortForm = withText("2021-t4", v, {claims});
    ASSERT_EQ(details(shortForm), (std::set<Detail>{{"X-4", "warning", "RV_CORR", "0", "1"},
                                                    {"X-4", "warning", "RV_TOT", "4", "3"}}))
        << shortForm.toText();
    // The quadratic case of issue 16.7: 复议/诉讼 over and over, no full stop, then the claims.
    const std::string filler = repeated("复议诉讼申请行政复议和行政诉讼的情况", 100000);
    const Report longForm = withText("2021-t4", v, {filler + claims + filler});
    EXPECT_EQ(details(longForm), details(shortForm)) << longForm.toText();
    // The same filler alone gives nothing.
    EXPECT_TRUE(withText("2021-t4", v, {filler}).diagnostics.empty());
}

TEST(TextRulesLinear, A34KilobyteOneParagraphDocumentChecksLikeItsShortForm)
{
    // A whole report's claims in one paragraph of about 34 KB (issue 16.7), tables three and four.
    const Values t3 = table3WithApplications(10);
    const Values t4 = table4WithACorrection();
    const std::string claims = "本年度共受理政府信息公开申请" + str(num(t3, "R1.TOT") + 1) + "件，办结" + t3.at("R3_7.TOT") +
                               "件，所有申请均已办结。行政复议均获维持，行政诉讼" + str(2) + "件。";
    auto build = [&](const std::string& paragraph) {
        Document doc = test::documentWith("2021-t3", t3, "2021年政府信息公开工作年度报告");
        Table four = generateTable("2021-t4", t4);
        doc.addTable(four);
        doc.addParagraph(paragraph);
        return Checker().check(doc);
    };
    const Report shortForm = build(claims);
    ASSERT_EQ(details(shortForm), (std::set<Detail>{{"X-2", "warning", "R1.TOT", str(num(t3, "R1.TOT") + 1), t3.at("R1.TOT")},
                                                    {"X-8", "warning", "R4.TOT", "0", t3.at("R4.TOT")},
                                                    {"X-4", "warning", "RV_CORR", "0", "1"}}))
        << shortForm.toText();
    const std::string filler = repeated("本机关认真办理复议诉讼申请，收到办结答复结转公开均获", 11000);   // ≈ 34 KB of UTF-8
    ASSERT_GT(filler.size(), 33000u);
    const Report longForm = build(filler + "。" + claims + filler);
    EXPECT_EQ(details(longForm), details(shortForm)) << longForm.toText();
}

// =======================================================================================
// Traditional characters and pinyin glosses (issue 9.5)

namespace {

/// Simplified → traditional with ICU, and a pinyin gloss after some characters, the way
/// mirror sites show the text.
std::string traditional(const std::string& s)
{
    static const std::unique_ptr<icu::Transliterator> t = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> p(icu::Transliterator::createInstance("Hans-Hant", UTRANS_FORWARD, status));
        EXPECT_TRUE(U_SUCCESS(status) && p) << u_errorName(status);
        return p;
    }();
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    t->transliterate(u);
    std::string out;
    u.toUTF8String(out);
    for (const auto& [han, gloss] : std::vector<std::pair<std::string, std::string>>{
             {"項", "項(xiàng)"}, {"申請", "申請（shēn qǐng）"}, {"總計", "總(zǒng)計(jì)"}})
        for (size_t p = 0; (p = out.find(han, p)) != std::string::npos; p += gloss.size())
            out.replace(p, han.size(), gloss);
    return out;
}

Document wholeReport2021()
{
    Values t2 = test::consistentValues("2021-t2", 3), t3 = table3WithApplications(10), t4 = table4WithACorrection();
    t3["R3_1.NP"] = str(num(t3, "R3_1.NP") + 1);   // N-3 and N-2 findings in table three
    Document doc;
    doc.addParagraph("某某局2021年政府信息公开工作年度报告", 1);
    doc.addParagraph("一、总体情况", 1);
    doc.addParagraph("本年度共受理政府信息公开申请" + str(num(t3, "R1.TOT") + 3) + "件，办结" + t3.at("R3_7.TOT") +
                     "件，所有申请均已办结。");
    doc.addParagraph("二、主动公开政府信息情况", 1);
    doc.addTable(generateTable("2021-t2", t2));
    doc.addParagraph("三、收到和处理政府信息公开申请情况", 1);
    doc.addTable(generateTable("2021-t3", t3));
    doc.addParagraph("四、政府信息公开行政复议、行政诉讼情况", 1);
    doc.addTable(generateTable("2021-t4", t4));
    doc.addParagraph("行政复议案件均获维持。");
    doc.addParagraph("五、存在的主要问题及改进情况", 1);
    doc.addParagraph("无");
    doc.addParagraph("六、其他需要报告的事项", 1);
    doc.addParagraph("本年度无其他需要报告的事项。");
    return doc;
}

} // namespace

TEST(TextRulesTraditional, AWholeReportInTraditionalCharactersWithGlosses)
{
    const Document simplified = wholeReport2021();
    Document trad = simplified;
    for (Block& b : trad.blocks)
        if (b.kind == Block::Kind::Paragraph)
            b.text = traditional(b.text);
    for (Table& t : trad.tables)
        for (Cell& c : t.cells)
            c.text = traditional(c.text);
    ASSERT_NE(trad.tables[1].cells.front().text + trad.tables[1].cells.back().text,
              simplified.tables[1].cells.front().text + simplified.tables[1].cells.back().text);
    ASSERT_NE(trad.blocks.front().text.find("報告"), std::string::npos);
    ASSERT_NE(trad.blocks[2].text.find("申請（shēn qǐng）"), std::string::npos);

    const Report s = Checker().check(simplified), t = Checker().check(trad);
    ASSERT_EQ(s.tables.size(), 3u) << s.toText();
    ASSERT_EQ(t.tables.size(), 3u) << t.toText();
    for (size_t i = 0; i < s.tables.size(); ++i) {
        EXPECT_EQ(t.tables[i].templateId, s.tables[i].templateId);
        EXPECT_EQ(t.tables[i].mappedKeys, s.tables[i].mappedKeys);
    }
    EXPECT_EQ(t.year, s.year);
    // The simplified report's findings: numbers (N-2, N-3), text and sections (S-5,
    // X-7, whose `actual` shows the section's text as the user wrote it: compared simplified).
    for (const char* rule : {"N-2", "N-3", "X-2", "X-4", "X-8", "S-5", "X-7"})
        EXPECT_FALSE(details(s, rule).empty()) << rule << "\n" << s.toText();
    auto simplifiedDetails = [](const Report& r) {
        std::set<Detail> out;
        for (const Diagnostic& d : r.diagnostics)
            out.emplace(d.rule, toString(d.severity), d.cell.key, d.expected, matchText(d.actual));
        return out;
    };
    EXPECT_EQ(simplifiedDetails(t), simplifiedDetails(s)) << t.toText();
    ASSERT_NE(find(t, "S-5"), nullptr);
    EXPECT_EQ(find(t, "S-5")->actual, "無");
    // Quotes show the user's own (traditional) text; cells are addressed as in the original.
    const Diagnostic* x2 = find(t, "X-2");
    ASSERT_NE(x2, nullptr);
    EXPECT_TRUE(contains(x2->message("zh-CN"), "受理政府信息公開申請")) << x2->message("zh-CN");
    for (size_t i = 0; i < s.diagnostics.size() && i < t.diagnostics.size(); ++i)
        EXPECT_EQ(t.diagnostics[i].cell.address, s.diagnostics[i].cell.address) << s.diagnostics[i].rule;
}

TEST(TextRulesTraditional, NormalizationOfLabelsAndText)
{
    EXPECT_EQ(normalizeLabel("（三）本年度辦理結果"), normalizeLabel("（三）本年度办理结果"));
    EXPECT_EQ(normalizeLabel("1.項(xiàng)目"), "1.项目");
    EXPECT_EQ(matchText("總(zǒng)計(jì) 辦結"), "总计办结");
    // Not glosses: numbering, signs, English notes; and simplified text is left as it is.
    EXPECT_EQ(matchText("(一)部分公开(增)"), "(一)部分公开(增)");
    EXPECT_EQ(matchText("网站(PDF)"), "网站(PDF)");
    // Idempotent, as the recognizer needs: ICU maps 苎 → 苧 and 苧 → 苎; two glosses in a row go at once.
    for (const std::string& s : {std::string("苎苧薴"), std::string("項(xiàng)(xiang)目")})
        EXPECT_EQ(normalizeLabel(normalizeLabel(s)), normalizeLabel(s)) << s;
    EXPECT_EQ(matchText("項(xiàng)(xiang)目"), "项目");
    EXPECT_FALSE(hasTraditional("政府信息公开工作年度报告"));
    EXPECT_TRUE(hasTraditional("年度報告"));
    // The quote's text stays the user's: foldText maps each simplified unit back.
    const FoldedText f = foldText("辦(bàn)結 5件");
    EXPECT_EQ(f.match, u"办结5件");
    EXPECT_EQ(f.shown, u"辦(bàn)結5件");
    ASSERT_EQ(f.origin.size(), f.match.size() + 1);
    EXPECT_EQ(f.origin[0], 0);
    EXPECT_EQ(f.origin[1], 6);   // 結 after the gloss
    EXPECT_EQ(f.origin.back(), static_cast<int32_t>(f.shown.size()));
}

TEST(TextRulesLinear, TwoThousandClaimsInOneParagraphAreOneFindingEach)
{
    // The mutation campaign's long paragraph (issue 16.7): "复议诉讼均获维持。" 2,000 times in one
    // paragraph, each sentence a claim that contradicts table four. Checked in bounded time, and
    // the same claim repeated is one finding per cell, not 2,000.
    const Values v = table4WithACorrection();
    const std::string once = "复议诉讼均获维持。";
    const Report one = withText("2021-t4", v, {once});
    std::string many;
    for (int i = 0; i < 2000; ++i)
        many += once;
    const Report repeated2000 = withText("2021-t4", v, {many + "１２３٤٥٦௧௨௩"});
    EXPECT_EQ(details(repeated2000), details(one)) << repeated2000.toText().substr(0, 2000);
}
