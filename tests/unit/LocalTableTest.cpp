// Local statistics tables (spec §2.4, issue 9.9): the real 平潭 2011 page's
// 指标名称 | 计量单位 | 2011年度 | 历年累计 table, parsed from ../shared/real as published, is named
// (R-3, info) and checked for what holds in any such table: 其中 items ≤ their parent,
// 历年累计 ≥ 本年度. Here all of it holds; changed cells break each.
#include "Seeds.h"

#include "ogi/Checker.h"
#include "ogi/Recognizer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

using namespace ogi;

namespace {

std::string lower(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

/// Text of an HTML fragment: tags dropped, paragraph ends as line breaks, entities decoded.
std::string htmlText(const std::string& html)
{
    std::string out;
    for (size_t i = 0; i < html.size();) {
        if (html[i] == '<') {
            const size_t end = html.find('>', i);
            const std::string tag = lower(html.substr(i, end - i));
            if ((tag.rfind("</p", 0) == 0 || tag.rfind("<br", 0) == 0) && !out.empty())
                out += '\n';
            i = end == std::string::npos ? html.size() : end + 1;
        } else if (html[i] == '&') {
            const size_t end = html.find(';', i);
            const std::string e = html.substr(i + 1, end - i - 1);
            out += e == "nbsp" ? " " : e == "amp" ? "&" : e == "lt" ? "<" : e == "gt" ? ">" : e == "quot" ? "\"" : "";
            i = end == std::string::npos ? html.size() : end + 1;
        } else if (html[i] == '\r' || html[i] == '\n') {
            ++i;                                  // source line breaks are no text
        } else {
            out += html[i++];
        }
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == ' '))
        out.pop_back();
    return out;
}

int spanOf(const std::string& tag, const char* name)
{
    const size_t p = lower(tag).find(name);
    if (p == std::string::npos)
        return 1;
    size_t i = p + std::string(name).size();
    while (i < tag.size() && (tag[i] == '=' || tag[i] == '"' || tag[i] == '\'' || tag[i] == ' '))
        ++i;
    return std::max(1, std::atoi(tag.c_str() + i));
}

/// The page as a document: its <title> as the first paragraph, its first table laid out like
/// HTML (a cell takes the leftmost position no row span from above covers), Writer-style names.
Document pageDocument(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string html = buf.str();
    const std::string low = lower(html);
    Document doc;
    doc.name = path;
    if (html.empty())
        return doc;
    const size_t t0 = low.find("<title>"), t1 = low.find("</title>");
    if (t0 != std::string::npos && t1 != std::string::npos)
        doc.addParagraph(htmlText(html.substr(t0 + 7, t1 - t0 - 7)), 1);
    const size_t begin = low.find("<table"), end = low.find("</table>");
    if (begin == std::string::npos || end == std::string::npos)
        return doc;
    Table t;
    t.name = "Table1";
    std::vector<std::vector<bool>> covered;
    int r = 0;
    for (size_t tr = low.find("<tr", begin); tr != std::string::npos && tr < end; tr = low.find("<tr", tr + 3), ++r) {
        const size_t trEnd = std::min(low.find("</tr", tr), end);
        int c = 0;
        for (size_t td = low.find("<td", tr); td != std::string::npos && td < trEnd; td = low.find("<td", td + 3)) {
            const size_t open = low.find('>', td);
            const size_t close = std::min(low.find("</td", open), trEnd);
            const std::string tag = html.substr(td, open - td);
            const int rs = spanOf(tag, "rowspan"), cs = spanOf(tag, "colspan");
            auto isCovered = [&](int row, int col) {
                return row < static_cast<int>(covered.size()) && col < static_cast<int>(covered[static_cast<size_t>(row)].size()) &&
                       covered[static_cast<size_t>(row)][static_cast<size_t>(col)];
            };
            while (isCovered(r, c))
                ++c;
            if (covered.size() < static_cast<size_t>(r + rs))
                covered.resize(static_cast<size_t>(r + rs));
            for (int dr = 0; dr < rs; ++dr) {
                auto& line = covered[static_cast<size_t>(r + dr)];
                if (line.size() < static_cast<size_t>(c + cs))
                    line.resize(static_cast<size_t>(c + cs), false);
                for (int dc = 0; dc < cs; ++dc)
                    line[static_cast<size_t>(c + dc)] = true;
            }
            t.add(r, c, htmlText(html.substr(open + 1, close - open - 1)), rs, cs,
                  std::string(1, static_cast<char>('A' + c)) + std::to_string(r + 1));
            c += cs;
        }
    }
    doc.addTable(std::move(t));
    return doc;
}

std::string pagePath() { return test::sharedDir() + "/real/pingtan-2011-local.html"; }

using Finding = std::tuple<std::string, std::string, std::string, std::string, std::string>; // rule, severity, cell, expected, actual

std::set<Finding> findings(const Report& r)
{
    std::set<Finding> out;
    for (const Diagnostic& d : r.diagnostics)
        out.emplace(d.rule, toString(d.severity), d.cell.address, d.expected, d.actual);
    return out;
}

/// The cell of the table at a Writer-style address.
Cell& cellAt(Document& doc, const std::string& address)
{
    for (Cell& c : doc.tables.front().cells)
        if (c.address == address)
            return c;
    throw std::runtime_error("no cell " + address);
}

} // namespace

TEST(LocalTable, ThePingtan2011PageIsALocalTableAndHolds)
{
    const Document doc = pageDocument(pagePath());
    ASSERT_EQ(doc.tables.size(), 1u) << "cannot read " << pagePath();
    ASSERT_EQ(doc.tables[0].cells.size(), 72u);   // 18 rows × 4 columns, as published
    EXPECT_TRUE(recognize(doc).empty());        // no national template

    const std::vector<LocalTable> local = localTables(doc, {});
    ASSERT_EQ(local.size(), 1u);
    const LocalTable& lt = local[0];
    EXPECT_EQ(lt.header, "指标名称 | 计量单位 | 2011年度 | 历年累计");
    EXPECT_EQ(lt.columns, (std::vector<std::string>{"2011年度", "历年累计"}));
    EXPECT_EQ(lt.period, (std::vector<int>{2, 3}));
    ASSERT_EQ(lt.rows.size(), 17u);
    // the 其中 groups: 网站/政府公报 of 主动公开信息数, six channels of 受理…总数, three answers of 对申请的答复数
    std::vector<std::pair<std::string, std::string>> items;
    for (const LocalTable::Row& row : lt.rows)
        if (row.parent >= 0)
            items.emplace_back(row.label, lt.rows[static_cast<size_t>(row.parent)].label);
    EXPECT_EQ(items, (std::vector<std::pair<std::string, std::string>>{
                         {"其中:1.网站公开", "主动公开信息数"},
                         {"2.政府公报公开", "主动公开信息数"},
                         {"其中:1.当面申请数", "受理依申请公开信息总数"},
                         {"2.传真申请数", "受理依申请公开信息总数"},
                         {"3.电子邮件申请数", "受理依申请公开信息总数"},
                         {"4.网上申请数", "受理依申请公开信息总数"},
                         {"5.信函申请数", "受理依申请公开信息总数"},
                         {"6.其它形式申请数", "受理依申请公开信息总数"},
                         {"其中:1.同意公开答复数", "对申请的答复数"},
                         {"2.同意部分公开答复数", "对申请的答复数"},
                         {"3.否决公开答复数", "对申请的答复数"}}));

    const Report r = Checker().check(doc);
    EXPECT_EQ(r.year, 2011);
    EXPECT_TRUE(r.tables.empty());
    EXPECT_EQ(findings(r), (std::set<Finding>{{"R-3", "info", "A1", "national template", "local"}})) << r.toText();
    EXPECT_EQ(r.diagnostics[0].message("zh-CN"),
              "此表是地方格式的统计表（指标名称 | 计量单位 | 2011年度 | 历年累计），不是国家统一的年报表格模板："
              "只核对了其中项不大于所属总数、累计数不小于本期数。");
}

TEST(LocalTable, AnItemAboveItsParentAndACumulativeBelowTheYearAreFound)
{
    Document doc = pageDocument(pagePath());
    ASSERT_EQ(doc.tables.size(), 1u) << "cannot read " << pagePath();
    ASSERT_EQ(cellAt(doc, "A3").text, "其中：1.网站公开");
    ASSERT_EQ(cellAt(doc, "C3").text, "418");
    cellAt(doc, "C3").text = "426";    // 网站公开 426 > 主动公开信息数 425 (and 历年累计 1509 is still ≥ 426)
    ASSERT_EQ(cellAt(doc, "A4").text, "2.政府公报公开");
    cellAt(doc, "D4").text = "6";      // 历年累计 6 < 2011年度 7
    const Report r = Checker().check(doc);
    EXPECT_EQ(findings(r), (std::set<Finding>{{"R-3", "info", "A1", "national template", "local"},
                                              {"R-4", "warning", "C3", "≤ 425", "426"},
                                              {"R-5", "warning", "D4", "≥ 7", "6"}}))
        << r.toText();
    for (const Diagnostic& d : r.diagnostics) {
        if (d.rule == "R-4") {
            EXPECT_EQ(d.message("zh-CN"), "“其中:1.网站公开”为 426，大于其所属的“主动公开信息数”（425）（2011年度）：其中项不应大于总数。");
            ASSERT_EQ(d.related.size(), 1u);
            EXPECT_EQ(d.related[0].address, "C2");
        }
        if (d.rule == "R-5") {
            EXPECT_EQ(d.message("en-US"),
                      "\"2.政府公报公开\": \"历年累计\" is 6, less than \"2011年度\" (7); a cumulative figure cannot be below the period's.");
            ASSERT_EQ(d.related.size(), 1u);
            EXPECT_EQ(d.related[0].address, "C4");
        }
    }
    CheckOptions off;
    off.disabledRules = {"R-3", "R-4", "R-5"};
    EXPECT_TRUE(Checker(off).check(doc).diagnostics.empty());
}

TEST(LocalTable, ATableWithoutIndicatorHeaderIsNoLocalTable)
{
    Document doc;
    Table t;
    t.add(0, 0, "姓名");
    t.add(0, 1, "电话");
    t.add(1, 0, "张三");
    t.add(1, 1, "123");
    t.add(2, 0, "李四");
    t.add(2, 1, "456");
    doc.addTable(t);
    EXPECT_TRUE(localTables(doc, {}).empty());
    EXPECT_TRUE(Checker().check(doc).diagnostics.empty());
}
