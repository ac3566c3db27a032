// Report identity, snapshots and the cross-year rules Y-1 … Y-5 (spec §6.5).
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

std::string substitute(std::string s, const std::map<std::string, std::string>& vars)
{
    for (const auto& [k, v] : vars) {
        const std::string from = "{" + k + "}";
        for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += v.size())
            s.replace(pos, from.size(), v);
    }
    return s;
}

std::string messageFor(const RuleDecl& rule, const char* lang, const std::map<std::string, std::string>& vars)
{
    auto it = rule.message.find(lang);
    if (it == rule.message.end())
        it = rule.message.find(kZh);
    if (it == rule.message.end())
        return {};
    return substitute(it->second, vars);
}

/// An exact count from a canonical value: blank = 0 (`blank` set); nullopt for a number that
/// is not whole (the cross-year rules compare counts).
std::optional<long long> countOf(const std::string& canonical, bool& blank)
{
    if (canonical.empty()) {
        blank = true;
        return 0;
    }
    char* end = nullptr;
    const long long n = std::strtoll(canonical.c_str(), &end, 10);
    if (!end || *end != '\0')
        return std::nullopt;
    return n;
}

const std::string kPrev = "prev:";

/// Last year's table that a key of this year's table is compared with: same template family
/// (t3 with t3 across the 2019 → 2021 change), holding the key.
const std::map<std::string, std::string>* previousTable(const Snapshot& previous, const TemplateDef& current,
                                                         const std::string& key)
{
    const std::map<std::string, std::string>* fallback = nullptr;
    for (const auto& [id, values] : previous.tables) {
        const TemplateDef* t = findTemplate(id);
        if (!t || t->family != current.family || !values.count(key))
            continue;
        if (id == current.id)
            return &values;   // the same template first
        if (!fallback)
            fallback = &values;
    }
    return fallback;
}

struct Operand {
    std::string key;   ///< without "prev:"
    bool previous = false;
    long long value = 0;
    bool blank = false;
};

std::string shown(const Operand& o, const char* lang)
{
    if (o.blank)
        return std::string(lang) == kZh ? "空白" : "blank";
    return std::to_string(o.value);
}

std::string describe(const TemplateDef& t, const std::string& key, const char* lang)
{
    const std::string label = t.describeKey(key);
    return std::string(lang) == kZh ? label : label + " [" + key + "]";
}

std::string columnOf(const TemplateDef& t, const std::string& key)
{
    const std::vector<std::string> cols = t.columnLabels(key);
    return cols.empty() ? std::string() : cols.back();
}

/// Y-1, Y-2, Y-3: Σ lhs = Σ rhs over this year's and last year's cells ("prev:" operands).
void yearEquation(const RuleDecl& rule, const TableFacts& f, const Snapshot& previous, std::vector<Diagnostic>& out)
{
    const TemplateDef& tmpl = *f.rec->tmpl;
    for (const RuleInstance& in : rule.instances) {
        bool moot = false;
        const auto collect = [&](const std::vector<std::string>& keys) {
            std::vector<Operand> ops;
            for (const std::string& raw : keys) {
                Operand o;
                o.previous = raw.rfind(kPrev, 0) == 0;
                o.key = o.previous ? raw.substr(kPrev.size()) : raw;
                std::optional<long long> n;
                if (o.previous) {
                    const auto* table = previousTable(previous, tmpl, o.key);
                    if (table)
                        n = countOf(table->at(o.key), o.blank);
                } else if (tmpl.cellForKey(o.key)) {
                    auto it = f.values.find(o.key);
                    if (it != f.values.end())
                        if (const auto c = canonicalValue(it->second))
                            n = countOf(*c, o.blank);
                }
                if (!n) {
                    moot = true;   // not mapped, not a value, or not in last year's tables
                    continue;
                }
                o.value = *n;
                ops.push_back(o);
            }
            return ops;
        };
        const std::vector<Operand> lhs = collect(in.lhs), rhs = collect(in.rhs);
        if (moot || lhs.empty() || rhs.empty())
            continue;
        long long L = 0, R = 0;
        bool allBlank = true;
        for (const Operand& o : lhs) {
            L += o.value;
            allBlank = allBlank && o.blank;
        }
        for (const Operand& o : rhs) {
            R += o.value;
            allBlank = allBlank && o.blank;
        }
        if (L == R || allBlank)
            continue;
        const std::string target = in.target.empty() ? lhs.front().key : in.target;
        const auto targetIt = std::find_if(lhs.begin(), lhs.end(), [&](const Operand& o) { return !o.previous && o.key == target; });
        long long expected = 0;
        const Operand* own = nullptr;
        if (targetIt != lhs.end()) {
            own = &*targetIt;
            expected = R - (L - own->value);
        } else {
            const auto r = std::find_if(rhs.begin(), rhs.end(), [&](const Operand& o) { return !o.previous && o.key == target; });
            if (r == rhs.end())
                continue;
            own = &*r;
            expected = L - (R - own->value);
        }
        Diagnostic d;
        d.rule = rule.id;
        d.severity = rule.severity;
        d.templateId = tmpl.id;
        d.table = f.reportTable;
        d.cell = f.ref(target);
        for (const auto* side : {&lhs, &rhs})
            for (const Operand& o : *side)
                if (!o.previous && o.key != target)
                    d.related.push_back(f.ref(o.key));
        d.expected = std::to_string(expected);
        d.actual = own->blank ? std::string() : std::to_string(own->value);
        for (const char* lang : {kZh, kEn}) {
            std::map<std::string, std::string> vars{
                {"previous", previous.label()},
                {"target", describe(tmpl, target, lang)},
                {"column", columnOf(tmpl, target)},
                {"expected", d.expected},
                {"actual", shown(*own, lang)},
                {"year", std::to_string(f.year)},
                {"prevyear", previous.year ? std::to_string(previous.year) : std::string("?")}};
            for (size_t i = 0; i < lhs.size(); ++i)
                vars["lhs" + std::to_string(i + 1)] = shown(lhs[i], lang);
            for (size_t i = 0; i < rhs.size(); ++i)
                vars["rhs" + std::to_string(i + 1)] = shown(rhs[i], lang);
            d.messages[lang] = messageFor(rule, lang, vars);
        }
        out.push_back(std::move(d));
    }
}

/// Y-4 (tables): every value of a table equals last year's value of the same template.
void copiedTable(const RuleDecl& rule, const TableFacts& f, const Snapshot& previous, std::vector<Diagnostic>& out)
{
    const TemplateDef& tmpl = *f.rec->tmpl;
    auto prev = previous.tables.find(tmpl.id);
    if (prev == previous.tables.end())
        return;
    int compared = 0, values = 0;
    bool nonzero = false;
    for (const auto& [key, value] : f.values) {
        const auto c = canonicalValue(value);
        if (!c)
            return;                               // a cell that is no value: not a copy of numbers
        ++values;
        auto it = prev->second.find(key);
        if (it == prev->second.end())
            continue;
        if (it->second != *c)
            return;
        ++compared;
        nonzero = nonzero || (!c->empty() && *c != "0");
    }
    // Enough of the table compared, and not merely an empty or all-zero table in both years.
    if (!nonzero || compared < 3 || compared * 5 < values * 4)
        return;
    Diagnostic d;
    d.rule = rule.id;
    d.severity = rule.severity;
    d.templateId = tmpl.id;
    d.table = f.reportTable;
    d.cell = f.tableAnchor();
    d.expected = "≠";
    d.actual = std::to_string(compared);
    for (const char* lang : {kZh, kEn})
        d.messages[lang] = messageFor(rule, lang,
                                      {{"previous", previous.label()},
                                       {"table", std::string(lang) == kZh ? tmpl.titleZh : tmpl.titleEn},
                                       {"count", std::to_string(compared)}});
    out.push_back(std::move(d));
}

size_t codePoints(const std::string& s)
{
    size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}

constexpr double kCopiedTextSimilarity = 0.9;  ///< Y-4 text: at least this similar
constexpr size_t kCopiedTextMinChars = 30;      ///< … and this long (shorter sections say little)

Diagnostic documentFinding(const RuleDecl& rule, const std::map<std::string, std::string>& vars,
                           const std::map<std::string, std::string>& enVars, std::string expected, std::string actual)
{
    Diagnostic d;
    d.rule = rule.id;
    d.severity = rule.severity;
    d.expected = std::move(expected);
    d.actual = std::move(actual);
    for (const char* lang : {kZh, kEn}) {
        std::map<std::string, std::string> v = vars;
        if (std::string(lang) == kEn)
            for (const auto& [k, x] : enVars)
                v[k] = x;
        d.messages[lang] = messageFor(rule, lang, v);
    }
    return d;
}

/// Y-4 (text): a section nearly identical to the same section of last year's report.
void copiedText(const RuleDecl& rule, const Snapshot& current, const Snapshot& previous, std::vector<Diagnostic>& out)
{
    for (const Snapshot::Section& s : current.sections) {
        auto p = std::find_if(previous.sections.begin(), previous.sections.end(),
                              [&](const Snapshot::Section& q) { return q.numeral == s.numeral; });
        if (p == previous.sections.end() || codePoints(s.text) < kCopiedTextMinChars ||
            codePoints(p->text) < kCopiedTextMinChars)
            continue;
        const double sim = textSimilarity(s.text, p->text);
        if (sim < kCopiedTextSimilarity)
            continue;
        char pct[16];
        std::snprintf(pct, sizeof pct, "%d", static_cast<int>(sim * 100));
        const std::string section = s.numeral + "、" + s.title;
        out.push_back(documentFinding(rule, {{"previous", previous.label()}, {"section", section}, {"similarity", pct}},
                                      {}, "< " + std::to_string(static_cast<int>(kCopiedTextSimilarity * 100)) + "%",
                                      std::string(pct) + "%"));
    }
}

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

/// The numbering and list markers at the start of a clause ("(一)", "一是", "1.", "首先").
std::string stripListMarker(std::string s)
{
    bool again = true;
    while (again && !s.empty()) {
        again = false;
        for (const char* m : {"一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是", "首先", "其次",
                              "再次", "最后", "此外", "另外", "同时", ",", ":", "、"})
            if (s.rfind(m, 0) == 0) {
                s = s.substr(std::string(m).size());
                again = true;
            }
        if (!s.empty() && (s[0] == '(' || std::isdigit(static_cast<unsigned char>(s[0])))) {
            const size_t close = s[0] == '(' ? s.find(')') : s.find_first_not_of("0123456789");
            if (close != std::string::npos && close < 12) {
                const size_t cut = close + (s[0] == '(' ? 1 : 0);
                std::string rest = s.substr(cut);
                if (!rest.empty() && (rest[0] == '.' || rest.rfind("、", 0) == 0))
                    rest = rest.substr(rest[0] == '.' ? 1 : 3);
                if (rest.size() < s.size()) {
                    s = rest;
                    again = true;
                }
            }
        }
        for (const char* n : {"一、", "二、", "三、", "四、", "五、", "六、"})
            if (s.rfind(n, 0) == 0) {
                s = s.substr(std::string(n).size());
                again = true;
            }
    }
    return s;
}

/// The problems a section 五 lists: clauses (split at 。；; and line ends) that name a
/// shortcoming (`rule.pattern`) and do not start as a measure ("加强…", "进一步…").
std::vector<std::string> listedProblems(const RuleDecl& rule, const std::string& text)
{
    std::vector<std::string> out;
    std::string clause;
    const auto flush = [&] {
        std::string c = stripListMarker(clause);
        clause.clear();
        if (c.empty() || bigrams(c, true).size() < 8 || !rule.compiled || !patternMatches(*rule.compiled, c))
            return;
        for (const char* measure : {"加强", "进一步", "持续", "着力", "推动", "强化", "提升", "完善", "健全", "加大",
                                    "认真", "严格", "将", "下一步", "针对", "今后", "坚持", "做好", "扎实", "不断",
                                    "积极", "切实", "深入", "全面", "继续", "对照"})
            if (c.rfind(measure, 0) == 0)
                return;
        out.push_back(c);
    };
    for (size_t i = 0; i < text.size();) {
        const bool stop3 = text.compare(i, 3, "。") == 0 || text.compare(i, 3, "；") == 0;
        if (stop3 || text[i] == ';' || text[i] == '\n') {
            flush();
            i += stop3 ? 3 : 1;
            continue;
        }
        clause += text[i++];
    }
    flush();
    return out;
}

/// True when the text of this year's section takes up the problem: at least half of the
/// problem's Han bigrams (without the words naming the shortcoming) occur in it.
bool takenUp(const std::string& problem, const std::set<std::pair<UChar32, UChar32>>& answer)
{
    const auto grams = bigrams(problem, true);
    if (grams.empty())
        return true;
    size_t found = 0;
    for (const auto& g : grams)
        found += answer.count(g);
    return found * 2 >= grams.size();
}

const Snapshot::Section* findSection(const RuleDecl& rule, const Snapshot& s)
{
    for (const Snapshot::Section& sec : s.sections)
        if (rule.sectionCompiled && patternMatches(*rule.sectionCompiled, sec.title))
            return &sec;
    return nullptr;
}

constexpr size_t kMaxRectifiedFindings = 8;

/// Y-5: each problem last year's section 五 listed is taken up by this year's section 五.
void rectified(const RuleDecl& rule, const Snapshot& current, const Snapshot& previous, std::vector<Diagnostic>& out)
{
    const Snapshot::Section* last = findSection(rule, previous);
    if (!last)
        return;
    const Snapshot::Section* now = findSection(rule, current);
    const std::vector<std::pair<UChar32, UChar32>> answerGrams = bigrams(now ? now->text : std::string(), true);
    const std::set<std::pair<UChar32, UChar32>> answer(answerGrams.begin(), answerGrams.end());
    size_t n = 0;
    for (const std::string& problem : listedProblems(rule, last->text)) {
        if (takenUp(problem, answer))
            continue;
        if (++n > kMaxRectifiedFindings)
            break;
        const std::string quote = utf8Prefix(problem, 90) + (problem.size() > 90 ? "…" : "");
        const std::string section = last->numeral + "、" + last->title;
        out.push_back(documentFinding(rule, {{"previous", previous.label()}, {"section", section}, {"quote", quote}}, {},
                                      quote, ""));
    }
}

} // namespace

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

void evaluateCrossYear(const RuleDecl& rule, const std::vector<TableFacts>& facts, const Snapshot& current,
                       const Snapshot& previous, std::vector<Diagnostic>& out)
{
    const bool applies = std::any_of(facts.begin(), facts.end(), [&](const TableFacts& f) { return rule.appliesTo(*f.rec->tmpl); });
    if (!applies)
        return;
    if (rule.kind == "yeareq" || rule.kind == "yearcopiedtable") {
        for (const TableFacts& f : facts)
            if (rule.appliesTo(*f.rec->tmpl)) {
                if (rule.kind == "yeareq")
                    yearEquation(rule, f, previous, out);
                else
                    copiedTable(rule, f, previous, out);
            }
    } else if (rule.kind == "yearcopiedtext") {
        copiedText(rule, current, previous, out);
    } else if (rule.kind == "yearrectified") {
        rectified(rule, current, previous, out);
    } else {
        throw std::logic_error("unknown rule kind " + rule.kind + " in rule " + rule.id);
    }
}

} // namespace ogi
