// Cross-year kinds (spec §6.5): yeareq (Y-1 … Y-3: Σ lhs = Σ rhs over this year's and last
// year's cells, "prev:" operands), yearcopiedtable and yearcopiedtext (Y-4: a table or a
// section copied from last year's report), yearrectified (Y-5: last year's problems taken up).
// Run by Checker when last year's report is known (evaluateCrossYear).
#include "rules/Kind.h"

#include "CrossYearEval.h"

#include "ogi/Text.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <set>

namespace ogi::rules {
namespace {

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

void show(MessageArgs& args, const std::string& name, const Operand& o)
{
    if (o.blank)
        args.messages[name] = blankText();
    else
        args.common[name] = std::to_string(o.value);
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
        MessageArgs args;
        args.common = {{"previous", previous.label()},
                       {"column", columnOf(tmpl, target)},
                       {"expected", d.expected},
                       {"year", std::to_string(f.year)},
                       {"prevyear", previous.year ? std::to_string(previous.year) : std::string("?")}};
        args.common["target"] = describeKey(tmpl, target);
        show(args, "actual", *own);
        for (size_t i = 0; i < lhs.size(); ++i)
            show(args, "lhs" + std::to_string(i + 1), lhs[i]);
        for (size_t i = 0; i < rhs.size(); ++i)
            show(args, "rhs" + std::to_string(i + 1), rhs[i]);
        renderMessages(rule, args, d);
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
    MessageArgs args{{{"previous", previous.label()}, {"count", std::to_string(compared)}}, {}, {}, {}};
    args.localized["table"] = tmpl.titles;   // the template's own titles, by language
    renderMessages(rule, args, d);
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
        out.push_back(documentFinding(rule, {{{"previous", previous.label()}, {"section", section}, {"similarity", pct}}, {}, {}, {}},
                                      "< " + std::to_string(static_cast<int>(kCopiedTextSimilarity * 100)) + "%",
                                      std::string(pct) + "%"));
    }
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
        if (c.empty() || bigrams(c, true).size() < 8 || !rule.compiled || !patternMatches(rule.compiled, c))
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
        if (rule.sectionCompiled && patternMatches(rule.sectionCompiled, sec.title))
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
        out.push_back(documentFinding(rule, {{{"previous", previous.label()}, {"section", section}, {"quote", quote}}, {}, {}, {}},
                                      quote, ""));
    }
}


/// Y-1, Y-2, Y-3.
class YearEqKind : public RuleKind {
public:
    Scope scope() const override { return Scope::CrossYear; }
    std::set<std::string> fields() const override { return {"lhs", "rhs", "target", "each"}; }
    std::set<std::string> placeholders() const override
    {
        return {"previous", "target", "column", "expected", "actual", "year", "prevyear"};
    }
    /// {lhs1} … {lhsN}, {rhs1} … {rhsN}: the operands' values.
    bool acceptsPlaceholder(const RuleDecl& r, const std::string& name) const override
    {
        if (name.size() <= 3 || (name.compare(0, 3, "lhs") != 0 && name.compare(0, 3, "rhs") != 0))
            return false;
        const size_t n = static_cast<size_t>(std::atoi(name.c_str() + 3));
        return n >= 1 && n <= (name[0] == 'l' ? r.lhs.size() : r.rhs.size());
    }
    std::string templateKey(const std::string& operand) const override
    {
        return operand.rfind(kPrev, 0) == 0 ? operand.substr(kPrev.size()) : operand;
    }

    void parse(RuleDecl& r, const Settings& s) const override
    {
        r.lhs = s.strings("lhs");
        r.rhs = s.strings("rhs");
        r.target = s.string("target");
        r.each = s.each("each");
        if (r.lhs.empty() || r.rhs.empty())
            s.fail("kind yeareq needs lhs and rhs");
        expandInstances(r);
    }

    void evaluateYears(const RuleDecl& rule, const YearFacts& y, std::vector<Diagnostic>& out) const override
    {
        for (const TableFacts& f : *y.tables)
            if (rule.appliesTo(*f.rec->tmpl))
                yearEquation(rule, f, *y.previous, out);
    }
};

/// Y-4 (tables).
class CopiedTableKind : public RuleKind {
public:
    Scope scope() const override { return Scope::CrossYear; }
    std::set<std::string> fields() const override { return {}; }
    std::set<std::string> placeholders() const override { return {"previous", "table", "count"}; }
    void parse(RuleDecl& /*rule*/, const Settings& /*s*/) const override {}

    void evaluateYears(const RuleDecl& rule, const YearFacts& y, std::vector<Diagnostic>& out) const override
    {
        for (const TableFacts& f : *y.tables)
            if (rule.appliesTo(*f.rec->tmpl))
                copiedTable(rule, f, *y.previous, out);
    }
};

/// Y-4 (text).
class CopiedTextKind : public RuleKind {
public:
    Scope scope() const override { return Scope::CrossYear; }
    std::set<std::string> fields() const override { return {}; }
    std::set<std::string> placeholders() const override { return {"previous", "section", "similarity"}; }
    void parse(RuleDecl& /*rule*/, const Settings& /*s*/) const override {}

    void evaluateYears(const RuleDecl& rule, const YearFacts& y, std::vector<Diagnostic>& out) const override
    {
        copiedText(rule, *y.current, *y.previous, out);
    }
};

/// Y-5: `section` finds section 五 in both years, `pattern` the clauses that name a problem.
class RectifiedKind : public RuleKind {
public:
    Scope scope() const override { return Scope::CrossYear; }
    std::set<std::string> fields() const override { return {"pattern", "section"}; }
    std::set<std::string> placeholders() const override { return {"previous", "section", "quote"}; }

    void parse(RuleDecl& r, const Settings& s) const override
    {
        parsePatternInSection(r, s);
    }

    void evaluateYears(const RuleDecl& rule, const YearFacts& y, std::vector<Diagnostic>& out) const override
    {
        rectified(rule, *y.current, *y.previous, out);
    }
};

} // namespace

void registerYearKinds(KindRegistry& r)
{
    r.add<YearEqKind>("yeareq");
    r.add<CopiedTableKind>("yearcopiedtable");
    r.add<CopiedTextKind>("yearcopiedtext");
    r.add<RectifiedKind>("yearrectified");
}

} // namespace ogi::rules
