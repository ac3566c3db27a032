// Report identity and snapshots for the cross-year rules (spec §6.5; the kinds Y-1 … Y-5 are
// in rules/Years.cpp).
#include "CrossYearEval.h"

#include "ogi/Checker.h"
#include "ogi/Recognizer.h"
#include "ogi/Text.h"

#include <boost/json.hpp>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <stdexcept>

namespace ogi {

namespace {

namespace json = boost::json;

const char* const kZh = "zh-CN";
const char* const kEn = "en-US";

bool contains(const std::string& s, const char* needle) { return s.find(needle) != std::string::npos; }

bool endsWith(const std::string& s, const std::string& tail)
{
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

void eraseAll(std::string& s, const char* what)
{
    const std::string w = what;
    for (size_t p; (p = s.find(w)) != std::string::npos;)
        s.erase(p, w.size());
}

/// Quotes, book-title marks and brackets that titles put around names.
void removeQuotes(std::string& s)
{
    for (const char* q : {"“", "”", "\"", "'", "‘", "’", "《", "》", "〈", "〉", "「", "」", "『", "』"})
        eraseAll(s, q);
}

/// Position of the first "YYYY年" (19xx/20xx, not part of a longer number) at or after `from`;
/// npos when none. `year` receives the number, `after` the byte after "年" (and a following "度").
size_t findYear(const std::string& s, int& year, size_t& after, size_t from = 0)
{
    for (size_t i = from; i + 4 < s.size(); ++i) {
        const auto digit = [&](size_t k) { return std::isdigit(static_cast<unsigned char>(s[k])) != 0; };
        if (!digit(i) || !digit(i + 1) || !digit(i + 2) || !digit(i + 3))
            continue;
        if ((i > 0 && digit(i - 1)) || !((s[i] == '2' && s[i + 1] == '0') || (s[i] == '1' && s[i + 1] == '9')))
            continue;
        if (s.compare(i + 4, 3, "年") != 0)
            continue;
        year = std::atoi(s.substr(i, 4).c_str());
        after = i + 7;
        if (s.compare(after, 3, "度") == 0)
            after += 3;
        return i;
    }
    return std::string::npos;
}

bool isTitleCandidate(const std::string& t)
{
    return t.size() < 300 && (contains(t, "政府信息公开") || contains(t, "年度报告") || contains(t, "统计表")) &&
           !contains(t, "。");
}

/// "填报单位(盖章):某某局" → "某某局".
std::string unitFromFilingLine(const std::string& text)
{
    std::string t = normalizeValueText(text);
    const size_t p = t.find("填报单位");
    if (p == std::string::npos)
        return {};
    t = t.substr(p + std::string("填报单位").size());
    if (t.rfind("(盖章)", 0) == 0)
        t = t.substr(std::string("(盖章)").size());
    if (!t.empty() && (t[0] == ':' || t[0] == ' '))
        t = t.substr(1);
    // up to the next field ("填报日期", "单位负责人", …)
    for (const char* stop : {"填报", "单位负责人", "负责人", "联系电话", "日期"}) {
        const size_t q = t.find(stop);
        if (q != std::string::npos)
            t = t.substr(0, q);
    }
    return t;
}

} // namespace

/// Han characters of a text as a set of bigrams.
std::vector<std::pair<UChar32, UChar32>> bigrams(std::string_view text, bool hanOnly)
{
    std::vector<UChar32> cps;
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    for (int32_t i = 0; i < u.length();) {
        const UChar32 c = u.char32At(i);
        i += U16_LENGTH(c);
        const bool han = u_getIntPropertyValue(c, UCHAR_SCRIPT) == USCRIPT_HAN;
        if (hanOnly ? han : (u_isalnum(c) || han))
            cps.push_back(c);
    }
    std::vector<std::pair<UChar32, UChar32>> out;
    for (size_t i = 0; i + 1 < cps.size(); ++i)
        out.emplace_back(cps[i], cps[i + 1]);
    return out;
}

// ---------------------------------------------------------------------------------------
// Identity

std::string normalizeUnit(std::string_view name)
{
    std::string s = normalizeValueText(name);
    removeQuotes(s);
    for (bool changed = true; changed && !s.empty();) {
        changed = false;
        // a trailing note in brackets: "(全区汇总)", "[本级]", "【汇总】"
        for (const auto& [open, close] : {std::pair<std::string, std::string>{"(", ")"}, {"[", "]"}, {"【", "】"}}) {
            if (!endsWith(s, close))
                continue;
            const size_t p = s.rfind(open);
            if (p != std::string::npos && p > 0) {
                s.erase(p);
                changed = true;
            }
        }
        for (const char* suffix : {"人民政府", "本级", "汇总"})
            if (endsWith(s, suffix) && s.size() > std::string(suffix).size()) {
                s.erase(s.size() - std::string(suffix).size());
                changed = true;
            }
    }
    return s;
}

ReportIdentity identityFromTitle(std::string_view title)
{
    ReportIdentity id;
    std::string t = normalizeValueText(title);
    removeQuotes(t);
    size_t after = 0;
    const size_t at = findYear(t, id.year, after);
    if (at == std::string::npos) {
        id.year = 0;
        return id;
    }
    id.title = std::string(title);
    std::string prefix = t.substr(0, at);
    if (prefix.rfind("关于", 0) == 0)
        prefix = prefix.substr(std::string("关于").size());
    if (!prefix.empty() && !contains(prefix, "政府信息公开") && !contains(prefix, "年度报告")) {
        id.unit = prefix;                         // 某某区2022年度…
    } else if (prefix.empty()) {
        const std::string rest = t.substr(after);
        const size_t p = rest.find("政府信息公开");
        if (p != std::string::npos && p > 0)
            id.unit = rest.substr(0, p);          // 2025年某某市人民政府办公厅政府信息公开…
    }
    if (endsWith(id.unit, "的"))
        id.unit.erase(id.unit.size() - 3);
    return id;
}

ReportIdentity reportIdentity(const Document& doc)
{
    ReportIdentity best;
    std::string previousLine;   // a title split in two: the unit on the line before the year
    size_t seen = 0;
    for (const Block& b : doc.blocks) {
        if (b.kind != Block::Kind::Paragraph)
            continue;
        const std::string t = normalizeValueText(b.text);
        if (t.empty())
            continue;
        if (++seen > 60)
            break;
        if (isTitleCandidate(t)) {
            ReportIdentity id = identityFromTitle(b.text);
            if (id.year) {
                if (id.unit.empty() && !previousLine.empty() && previousLine.size() <= 90 &&
                    !contains(previousLine, "。") && previousLine.find_first_of("0123456789") == std::string::npos) {
                    id.unit = previousLine;
                    id.title = previousLine + id.title;
                }
                best = id;
                break;
            }
        }
        previousLine = t;
    }
    if (!best.year)   // Calc: the title is a cell
        for (const Table& table : doc.tables) {
            for (const Cell& c : table.cells)
                if (c.row < 3 && isTitleCandidate(normalizeValueText(c.text)))
                    if (ReportIdentity id = identityFromTitle(c.text); id.year) {
                        best = id;
                        break;
                    }
            if (best.year)
                break;
        }
    if (!best.year)
        best.year = findReportYear(doc);
    if (best.unit.empty()) {
        for (const Block& b : doc.blocks)
            if (b.kind == Block::Kind::Paragraph && contains(b.text, "填报单位"))
                if (std::string u = unitFromFilingLine(b.text); !u.empty()) {
                    best.unit = u;
                    break;
                }
        for (const Table& table : doc.tables)
            for (const Cell& c : table.cells)
                if (best.unit.empty() && contains(c.text, "填报单位"))
                    best.unit = unitFromFilingLine(c.text);
    }
    return best;
}

bool isPreviousYearOf(const ReportIdentity& previous, const ReportIdentity& current)
{
    return previous.year && current.year && previous.year + 1 == current.year && !current.unitKey().empty() &&
           previous.unitKey() == current.unitKey();
}

// ---------------------------------------------------------------------------------------
// Snapshot

std::optional<std::string> canonicalValue(const Value& v)
{
    if (v.missing())
        return std::string();
    if (!v.ok())
        return std::nullopt;
    return formatNumber(v.number);
}

std::string Snapshot::label() const
{
    if (!title.empty())
        return normalizeValueText(title);
    if (!path.empty()) {
        const size_t slash = path.find_last_of("/\\");
        return slash == std::string::npos ? path : path.substr(slash + 1);
    }
    return unit + (year ? std::to_string(year) : std::string());
}

std::string Snapshot::toJson() const
{
    json::object tablesJson;
    for (const auto& [id, values] : tables) {
        json::object v;
        for (const auto& [key, value] : values)
            v[key] = value;
        tablesJson[id] = std::move(v);
    }
    json::array sectionsJson;
    for (const Section& s : sections)
        sectionsJson.push_back(json::object{{"numeral", s.numeral}, {"title", s.title}, {"text", s.text}});
    return json::serialize(json::object{{"schema", 1},
                                        {"unit", unit},
                                        {"unit_key", normalizeUnit(unit)},
                                        {"year", year},
                                        {"title", title},
                                        {"path", path},
                                        {"tables", std::move(tablesJson)},
                                        {"sections", std::move(sectionsJson)}});
}

std::optional<Snapshot> Snapshot::fromJson(std::string_view text, std::string* error)
{
    const auto fail = [&](const std::string& why) -> std::optional<Snapshot> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    json::error_code ec;
    const json::value root = json::parse(json::string_view(text.data(), text.size()), ec);
    if (ec)
        return fail("not JSON: " + ec.message());
    const json::object* o = root.if_object();
    if (!o)
        return fail("not a JSON object");
    const json::value* schema = o->if_contains("schema");
    if (!schema || !schema->is_int64() || schema->as_int64() != 1)
        return fail("not a snapshot of schema 1");
    Snapshot s;
    const auto str = [&](const json::object& obj, const char* key) {
        const json::value* v = obj.if_contains(key);
        return v && v->is_string() ? std::string(v->as_string()) : std::string();
    };
    s.unit = str(*o, "unit");
    s.title = str(*o, "title");
    s.path = str(*o, "path");
    if (const json::value* y = o->if_contains("year"); y && y->is_int64())
        s.year = static_cast<int>(y->as_int64());
    if (const json::value* t = o->if_contains("tables")) {
        if (!t->is_object())
            return fail("\"tables\" is not an object");
        for (const auto& [id, values] : t->as_object()) {
            if (!values.is_object() || !findTemplate(std::string(id)))
                return fail("unknown table \"" + std::string(id) + "\"");
            auto& m = s.tables[std::string(id)];
            for (const auto& [key, value] : values.as_object()) {
                if (!value.is_string())
                    return fail("value of " + std::string(key) + " is not a string");
                m[std::string(key)] = std::string(value.as_string());
            }
        }
    }
    if (const json::value* secs = o->if_contains("sections")) {
        if (!secs->is_array())
            return fail("\"sections\" is not an array");
        for (const json::value& sv : secs->as_array()) {
            if (!sv.is_object())
                return fail("a section is not an object");
            s.sections.push_back({str(sv.as_object(), "numeral"), str(sv.as_object(), "title"), str(sv.as_object(), "text")});
        }
    }
    return s;
}

std::vector<Snapshot::Section> sectionsOf(const Document& doc)
{
    std::vector<Snapshot::Section> out;
    const std::vector<SectionHeading> headings = sectionHeadings(doc);
    constexpr size_t kMaxSectionBytes = 20000;
    for (size_t h = 0; h < headings.size(); ++h) {
        const size_t end = h + 1 < headings.size() ? headings[h + 1].block : doc.blocks.size();
        std::string body;
        for (size_t i = headings[h].block + 1; i < end && body.size() < kMaxSectionBytes; ++i)
            if (doc.blocks[i].kind == Block::Kind::Paragraph) {
                const std::string line = normalizeValueText(doc.blocks[i].text);
                if (!line.empty())
                    body += line + "\n";
            }
        if (!body.empty())
            body.pop_back();
        out.push_back({headings[h].numeral, headings[h].title, utf8Prefix(body, kMaxSectionBytes)});
    }
    return out;
}

Snapshot makeSnapshot(const Document& doc, const std::string& path)
{
    Snapshot s;
    const ReportIdentity id = reportIdentity(doc);
    s.unit = id.unit;
    s.year = id.year;
    s.title = id.title;
    s.path = path;
    const std::vector<Recognition> recognized = recognize(doc);
    for (size_t i = 0; i < recognized.size(); ++i) {
        const Recognition& rec = recognized[i];
        if (s.tables.count(rec.tmpl->id))
            continue;                             // the first table of a template speaks for the report
        const TableFacts f = collectFacts(doc, rec, static_cast<int>(i), s.year);
        auto& values = s.tables[rec.tmpl->id];
        for (const auto& [key, value] : f.values)
            if (const auto c = canonicalValue(value))
                values[key] = *c;
    }
    s.sections = sectionsOf(doc);
    return s;
}

double textSimilarity(std::string_view a, std::string_view b)
{
    const auto ga = bigrams(a, false), gb = bigrams(b, false);
    if (ga.empty() || gb.empty())
        return a == b && !a.empty() ? 1.0 : 0.0;
    std::map<std::pair<UChar32, UChar32>, int> counts;
    for (const auto& g : ga)
        ++counts[g];
    size_t common = 0;
    for (const auto& g : gb) {
        auto it = counts.find(g);
        if (it != counts.end() && it->second > 0) {
            --it->second;
            ++common;
        }
    }
    return 2.0 * static_cast<double>(common) / static_cast<double>(ga.size() + gb.size());
}

} // namespace ogi