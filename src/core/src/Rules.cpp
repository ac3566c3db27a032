// Rule kinds. Each declaration in data/rules.json names a kind and its operands; this file
// is the only place that knows what the kinds mean. Blank operands follow spec §5.2:
// evaluate with blank = 0; a failing rule with blanks is at most a warning.
#include "Rules.h"

#include <boost/json.hpp>
#include <unicode/brkiter.h>
#include <unicode/regex.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <set>
#include <stdexcept>

namespace ogi {

namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& ruleFiles();
}

namespace {

namespace json = boost::json;

std::vector<std::string> strings(const json::object& o, std::string_view key)
{
    std::vector<std::string> out;
    if (auto* v = o.if_contains(key))
        for (const auto& s : v->as_array())
            out.emplace_back(s.as_string());
    return out;
}

std::string string(const json::object& o, std::string_view key)
{
    if (auto* v = o.if_contains(key); v && v->is_string())
        return std::string(v->as_string());
    return {};
}

std::map<std::string, std::string> texts(const json::object& o, std::string_view key)
{
    std::map<std::string, std::string> out;
    if (auto* v = o.if_contains(key))
        for (const auto& [lang, text] : v->as_object())
            out[std::string(lang)] = std::string(text.as_string());
    return out;
}

std::vector<std::map<std::string, std::string>> instances(const RuleDecl& r);
bool globMatch(const std::string& pattern, const std::string& s);
std::string substitute(std::string s, const std::map<std::string, std::string>& vars);
std::vector<std::string> substitute(const std::vector<std::string>& v, const std::map<std::string, std::string>& vars);

void replaceAll(std::string& s, const std::string& from, const std::string& to);

/// `{N}` in a text rule's pattern: the stated number as group, with or without thousands
/// separators ("1,234", "1，234" after NFKC; issue 9.4). parseTextNumber reads both.
const char* const kNumberGroup = "(\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d+)";

std::shared_ptr<const TextPattern> compilePattern(std::string pattern, const std::string& context)
{
    replaceAll(pattern, "{N}", kNumberGroup);
    auto compiled = std::make_shared<TextPattern>();
    UParseError where{};
    UErrorCode status = U_ZERO_ERROR;
    compiled->regex.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), where, status));
    if (U_FAILURE(status) || !compiled->regex)
        throw std::runtime_error(context + ": bad pattern at offset " + std::to_string(where.offset) + ": " +
                                 u_errorName(status));
    return compiled;
}

// ---------------------------------------------------------------------------------------
// Load-time validation (issue 9.10): a misspelt operand key would silently drop a rule's
// findings, an unknown kind would throw during a check, an unknown placeholder would reach
// the user as "{taget}". Each is a configuration error naming the file and the rule.

/// Placeholders each kind's messages may use (what the code that evaluates the kind fills in).
const std::map<std::string, std::set<std::string>>& placeholdersByKind()
{
    static const std::map<std::string, std::set<std::string>> m = [] {
        const std::set<std::string> cell = {"target", "expected", "actual", "table", "year", "name"};
        auto with = [&](std::set<std::string> more) {
            more.insert(cell.begin(), cell.end());
            return more;
        };
        std::map<std::string, std::set<std::string>> k;
        for (const char* c : {"eq", "le", "ge", "requires"})
            k[c] = with({"bound"});
        k["maxle"] = with({"max", "worst"});
        k["plainsum"] = cell;
        k["type"] = cell;
        k["blank"] = with({"count"});
        k["outdated"] = cell;
        k["unmapped"] = with({"count", "missing"});
        k["textzero"] = with({"quote"});
        k["textcount"] = with({"quote"});
        k["resembles"] = {"table", "score"};
        k["sections"] = {"section", "found"};
        k["tables"] = {"table", "table_en", "version"};
        k["sectiontext"] = {"section", "actual"};
        k["yeareq"] = {"previous", "target", "column", "expected", "actual", "year", "prevyear"};   // + lhsN, rhsN
        k["yearcopiedtable"] = {"previous", "table", "count"};
        k["yearcopiedtext"] = {"previous", "section", "similarity"};
        k["yearrectified"] = {"previous", "section", "quote"};
        k["local"] = {"header"};
        k["localitem"] = {"target", "expected", "actual", "parent", "bound", "column"};
        k["localperiod"] = {"target", "expected", "actual", "other", "bound", "column"};
        return k;
    }();
    return m;
}

/// Message variants a kind selects ("missing.zh-CN"); the plain language keys always exist.
const std::map<std::string, std::set<std::string>>& variantsByKind()
{
    static const std::map<std::string, std::set<std::string>> m = {{"sections", {"missing", "misnumbered"}},
                                                                    {"blank", {"one"}}};
    return m;
}

/// Names between braces in a message: "{target} 应为 {expected}" → target, expected.
std::vector<std::string> placeholdersIn(const std::string& message)
{
    std::vector<std::string> out;
    for (size_t open = message.find('{'); open != std::string::npos; open = message.find('{', open + 1)) {
        const size_t close = message.find('}', open);
        if (close == std::string::npos)
            break;
        out.push_back(message.substr(open + 1, close - open - 1));
    }
    return out;
}

void validateRule(const RuleDecl& r, const json::object& o, std::string_view file)
{
    const std::string where = std::string(file) + ": rule " + (r.id.empty() ? "(without id)" : r.id);
    auto fail = [&](const std::string& what) { throw std::runtime_error(where + ": " + what); };
    static const std::set<std::string> fields = {"id",      "severity",   "templates", "kind",   "title",
                                                 "message", "lhs",        "rhs",       "parts",  "total",
                                                 "target",  "each",       "valueTypes", "pattern", "prefilter",
                                                 "targets", "families",   "sections",  "section", "excluding"};
    if (r.id.empty())
        fail("no id");
    for (const auto& [field, value] : o)
        if (!fields.count(std::string(field)))
            fail("unknown field \"" + std::string(field) + "\"");
    const auto kind = placeholdersByKind().find(r.kind);
    if (kind == placeholdersByKind().end())
        fail("unknown kind \"" + r.kind + "\"");
    if (r.local() != r.templates.empty())
        fail(r.local() ? "a local-table rule applies to no template" : "no templates");
    std::vector<const TemplateDef*> applies;
    for (const std::string& p : r.templates) {
        bool any = false;
        for (const TemplateDef& t : templates())
            if (globMatch(p, t.id)) {
                any = true;
                if (std::find(applies.begin(), applies.end(), &t) == applies.end())
                    applies.push_back(&t);
            }
        if (!any)
            fail("unknown template \"" + p + "\"");
    }
    // Operands: every key (after `each`) is a value key of a template the rule applies to.
    auto checkKey = [&](std::string key) {
        if (key.empty())
            return;
        if (r.kind == "yeareq" && key.rfind("prev:", 0) == 0)
            key.erase(0, 5);
        for (const TemplateDef* t : applies)
            if (t->cellForKey(key))
                return;
        fail("unknown operand key \"" + key + "\"");
    };
    for (const RuleInstance& in : r.instances) {
        for (const auto* list : {&in.lhs, &in.rhs, &in.parts})
            for (const std::string& k : *list)
                checkKey(k);
        checkKey(in.total);
        checkKey(in.target);
    }
    for (const auto& set : r.targetSets)
        for (const std::string& k : set)
            checkKey(k);
    for (const std::string& v : r.valueTypes)
        if (v != "int" && v != "dec" && v != "signed" && v != "amount" && v != "heading")
            fail("unknown value type \"" + v + "\"");
    for (const std::string& fam : r.families)
        if (std::none_of(templates().begin(), templates().end(), [&](const TemplateDef& t) { return t.family == fam; }))
            fail("unknown template family \"" + fam + "\"");
    if ((r.kind == "textzero" || r.kind == "textcount" || r.kind == "sectiontext" || r.kind == "yearrectified") &&
        r.pattern.empty())
        fail("kind " + r.kind + " needs a pattern");
    if ((r.kind == "sectiontext" || r.kind == "yearrectified") && r.section.empty())
        fail("kind " + r.kind + " needs a section");
    // Messages: both languages, known variants, known placeholders.
    for (const char* lang : {"zh-CN", "en-US"})
        if (!r.message.count(lang))
            fail(std::string("no ") + lang + " message");
    const auto variants = variantsByKind().find(r.kind);
    for (const auto& [tag, text] : r.message) {
        const size_t dot = tag.find('.');
        const std::string lang = dot == std::string::npos ? tag : tag.substr(dot + 1);
        if (lang != "zh-CN" && lang != "en-US")
            fail("message for unknown language \"" + tag + "\"");
        if (dot != std::string::npos &&
            (variants == variantsByKind().end() || !variants->second.count(tag.substr(0, dot))))
            fail("unknown message variant \"" + tag + "\"");
        for (const std::string& name : placeholdersIn(text)) {
            if (kind->second.count(name))
                continue;
            if (r.kind == "yeareq" && name.size() > 3 && (name.compare(0, 3, "lhs") == 0 || name.compare(0, 3, "rhs") == 0)) {
                const size_t n = static_cast<size_t>(std::atoi(name.c_str() + 3));
                if (n >= 1 && n <= (name[0] == 'l' ? r.lhs.size() : r.rhs.size()))
                    continue;
            }
            fail("unknown placeholder {" + name + "} in the " + tag + " message");
        }
    }
}

} // namespace

std::vector<RuleDecl> parseRules(std::string_view name, std::string_view text)
{
    std::vector<RuleDecl> out;
    {
        json::value root;
        try {
            root = json::parse(json::string_view(text.data(), text.size()));
        } catch (const std::exception& e) {
            throw std::runtime_error(std::string(name) + ": not JSON: " + e.what());
        }
        if (!root.is_object() || !root.as_object().contains("rules") || !root.at("rules").is_array())
            throw std::runtime_error(std::string(name) + ": no \"rules\" array");
        for (const auto& rv : root.at("rules").as_array()) {
            if (!rv.is_object())
                throw std::runtime_error(std::string(name) + ": a rule that is not an object");
            const json::object& o = rv.as_object();
            RuleDecl r;
            r.id = string(o, "id");
            if (!parseSeverity(string(o, "severity"), r.severity))
                throw std::runtime_error(std::string(name) + ": bad severity in rule " + r.id);
            r.templates = strings(o, "templates");
            r.kind = string(o, "kind");
            r.lhs = strings(o, "lhs");
            r.rhs = strings(o, "rhs");
            r.parts = strings(o, "parts");
            r.valueTypes = strings(o, "valueTypes");
            r.total = string(o, "total");
            r.target = string(o, "target");
            if (auto* each = o.if_contains("each"))
                for (const auto& [var, values] : each->as_object()) {
                    std::vector<std::string> vs;
                    for (const auto& v : values.as_array())
                        vs.emplace_back(v.as_string());
                    r.each.emplace_back(std::string(var), std::move(vs));
                }
            r.pattern = string(o, "pattern");
            r.prefilter = strings(o, "prefilter");
            for (const std::string& p : r.prefilter) {
                const icu::UnicodeString u = icu::UnicodeString::fromUTF8(p);
                r.prefilter16.emplace_back(u.getBuffer(), static_cast<size_t>(u.length()));
            }
            r.excluding = string(o, "excluding");
            if (!r.excluding.empty())
                r.excludingCompiled = compilePattern(r.excluding, std::string(name) + ": rule " + r.id + " excluding");
            if (auto* sets = o.if_contains("targets"))
                for (const auto& set : sets->as_array()) {
                    std::vector<std::string> keys;
                    for (const auto& k : set.as_array())
                        keys.emplace_back(k.as_string());
                    r.targetSets.push_back(std::move(keys));
                }
            if (!r.pattern.empty())
                r.compiled = compilePattern(r.pattern, std::string(name) + ": rule " + r.id);
            r.families = strings(o, "families");
            r.section = string(o, "section");
            if (!r.section.empty())
                r.sectionCompiled = compilePattern(r.section, std::string(name) + ": rule " + r.id + " section");
            if (auto* secs = o.if_contains("sections"))
                for (const auto& sv : secs->as_array()) {
                    const json::object& so = sv.as_object();
                    SectionDecl sd{string(so, "n"), string(so, "title"), string(so, "match"), nullptr};
                    sd.compiled = compilePattern(sd.match.empty() ? sd.title : sd.match,
                                                 std::string(name) + ": rule " + r.id + " section " + sd.numeral);
                    r.sections.push_back(std::move(sd));
                }
            r.title = texts(o, "title");
            r.message = texts(o, "message");
            for (const auto& vars : instances(r))
                r.instances.push_back({substitute(r.lhs, vars), substitute(r.rhs, vars), substitute(r.parts, vars),
                                       substitute(r.total, vars), substitute(r.target, vars)});
            validateRule(r, o, name);
            out.push_back(std::move(r));
        }
    }
    return out;
}

namespace {

std::vector<RuleDecl> loadRules()
{
    std::vector<RuleDecl> out;
    for (const auto& [name, text] : data::ruleFiles()) {
        std::vector<RuleDecl> some = parseRules(name, text);
        out.insert(out.end(), std::make_move_iterator(some.begin()), std::make_move_iterator(some.end()));
    }
    return out;
}

bool globMatch(const std::string& pattern, const std::string& s)
{
    if (pattern == "*")
        return true;
    if (!pattern.empty() && pattern.back() == '*')
        return s.compare(0, pattern.size() - 1, pattern, 0, pattern.size() - 1) == 0;
    if (!pattern.empty() && pattern.front() == '*')
        return s.size() >= pattern.size() - 1 &&
               s.compare(s.size() - (pattern.size() - 1), pattern.size() - 1, pattern, 1) == 0;
    return pattern == s;
}

void replaceAll(std::string& s, const std::string& from, const std::string& to)
{
    if (from.empty())
        return;
    for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size())
        s.replace(pos, from.size(), to);
}

std::string substitute(std::string s, const std::map<std::string, std::string>& vars)
{
    for (const auto& [k, v] : vars)
        replaceAll(s, "{" + k + "}", v);
    return s;
}

std::vector<std::string> substitute(const std::vector<std::string>& v, const std::map<std::string, std::string>& vars)
{
    std::vector<std::string> out;
    out.reserve(v.size());
    for (const std::string& s : v)
        out.push_back(substitute(s, vars));
    return out;
}

/// Cartesian expansion of `each`.
std::vector<std::map<std::string, std::string>> instances(const RuleDecl& r)
{
    std::vector<std::map<std::string, std::string>> out{{}};
    for (const auto& [var, values] : r.each) {
        std::vector<std::map<std::string, std::string>> next;
        for (const auto& partial : out)
            for (const std::string& v : values) {
                auto m = partial;
                m[var] = v;
                next.push_back(std::move(m));
            }
        out = std::move(next);
    }
    return out;
}

const char* const kZh = "zh-CN";
const char* const kEn = "en-US";

std::string describe(const TableFacts& f, const std::string& key, const std::string& lang)
{
    const std::string label = f.rec->tmpl->describeKey(key);
    return lang == kZh ? label : label + " [" + key + "]";
}

/// Operand lists after dropping keys that this template version does not have.
struct Operands {
    std::vector<std::string> keys;
    bool complete = true;   ///< false: a key of the template is not mapped / not a number
};

Operands operands(const TableFacts& f, const std::vector<std::string>& keys, bool& blanks)
{
    Operands ops;
    for (const std::string& k : keys) {
        if (!f.rec->tmpl->cellForKey(k))
            continue;                           // row of another template version
        auto it = f.values.find(k);
        if (it == f.values.end() || it->second.kind == Value::Kind::Invalid) {
            ops.complete = false;               // R-1 / the type rule report these
            continue;
        }
        if (it->second.missing())
            blanks = true;
        ops.keys.push_back(k);
    }
    return ops;
}

Decimal sum(const TableFacts& f, const std::vector<std::string>& keys)
{
    Decimal s;
    for (const std::string& k : keys)
        s += f.values.at(k).number;           // missing values are 0
    return s;
}


std::string shownValue(const TableFacts& f, const std::string& key)
{
    const Value& v = f.values.at(key);
    if (v.ok())
        return formatNumber(v.number);
    return v.raw;
}

struct Finding {
    std::string target;
    std::vector<std::string> related;
    std::string expected, actual;
    bool blanks = false;
    std::map<std::string, std::map<std::string, std::string>> vars; ///< lang -> placeholder -> text
    std::string variant;   ///< message variant ("one" → "one.zh-CN"), falling back to the plain message
};

void emit(const RuleDecl& rule, const TableFacts& f, Finding fd, std::vector<Diagnostic>& out)
{
    Diagnostic d;
    d.rule = rule.id;
    d.severity = rule.severity;
    if (fd.blanks && d.severity == Severity::Error)
        d.severity = Severity::Warning;      // blanks may hide the real values (spec §5.2)
    d.templateId = f.rec->tmpl->id;
    d.table = f.reportTable;
    d.cell = fd.target.empty() ? f.tableAnchor() : f.ref(fd.target);
    for (const std::string& k : fd.related)
        if (k != fd.target)
            d.related.push_back(f.ref(k));
    d.expected = fd.expected;
    d.actual = fd.actual;
    for (const char* lang : {kZh, kEn}) {
        std::map<std::string, std::string> vars = fd.vars[lang];
        if (!fd.target.empty())
            vars.emplace("target", describe(f, fd.target, lang));
        vars.emplace("expected", fd.expected);
        vars.emplace("actual", fd.actual.empty() ? (lang == std::string(kZh) ? "空白" : "blank") : fd.actual);
        vars.emplace("table", f.rec->tmpl->titleZh);
        vars.emplace("year", std::to_string(f.year));
        vars.emplace("name", lang == std::string(kZh) ? f.rec->tmpl->nameZh : f.rec->tmpl->nameEn);
        auto it = fd.variant.empty() ? rule.message.end() : rule.message.find(fd.variant + "." + lang);
        if (it == rule.message.end())
            it = rule.message.find(lang);
        std::string text = substitute(it == rule.message.end() ? rule.message.begin()->second : it->second, vars);
        if (fd.blanks && rule.severity == Severity::Error)
            text += lang == std::string(kZh) ? "（部分单元格为空，按0计算）" : " (some cells are blank and were counted as 0)";
        d.messages[lang] = std::move(text);
    }
    out.push_back(std::move(d));
}

/// Target of a comparison and the value it should have for the relation to hold exactly.
struct Target {
    std::string key;
    Decimal expected;     ///< value of the target that makes Σlhs == Σrhs
};

Target targetOf(const TableFacts& f, const std::string& preferred, const Operands& lhs, const Operands& rhs)
{
    Target t;
    const Decimal L = sum(f, lhs.keys), R = sum(f, rhs.keys);
    auto inList = [](const std::vector<std::string>& v, const std::string& k) {
        return std::find(v.begin(), v.end(), k) != v.end();
    };
    t.key = !preferred.empty() ? preferred : (lhs.keys.empty() ? rhs.keys.front() : lhs.keys.front());
    const Decimal own = f.values.at(t.key).number;
    if (inList(lhs.keys, t.key))
        t.expected = R - (L - own);
    else
        t.expected = L - (R - own);
    return t;
}

void compare(const RuleDecl& rule, const TableFacts& f, const RuleInstance& in, std::vector<Diagnostic>& out)
{
    bool blanks = false;
    const Operands lhs = operands(f, in.lhs, blanks);
    const Operands rhs = operands(f, in.rhs, blanks);
    // A side whose keys all belong to another template version makes the instance moot.
    if (!lhs.complete || !rhs.complete || lhs.keys.empty() || (!rule.rhs.empty() && rhs.keys.empty()))
        return;
    const std::string& preferred = in.target;
    if (!preferred.empty() && !f.values.count(preferred))
        return;
    const Decimal L = sum(f, lhs.keys), R = sum(f, rhs.keys);   // exact: no tolerance (spec §5.2)
    bool holds = true;
    std::string relation;
    if (rule.kind == "eq")
        holds = L == R;
    else if (rule.kind == "le")
        holds = L <= R;
    else if (rule.kind == "ge")
        holds = L >= R;
    else if (rule.kind == "requires")
        holds = !(L > 0) || R > 0;
    if (holds)
        return;
    const Target t = targetOf(f, preferred, lhs, rhs);
    Finding fd;
    fd.target = t.key;
    fd.related = lhs.keys;
    fd.related.insert(fd.related.end(), rhs.keys.begin(), rhs.keys.end());
    fd.blanks = blanks;
    fd.actual = shownValue(f, t.key);
    const std::string bound = formatNumber(t.expected);
    if (rule.kind == "eq")
        fd.expected = bound;
    else if (rule.kind == "le")
        fd.expected = "≤ " + bound;
    else if (rule.kind == "ge")
        fd.expected = "≥ " + bound;
    else if (rule.kind == "requires")
        fd.expected = "> 0";
    for (const char* lang : {kZh, kEn})
        fd.vars[lang]["bound"] = bound;
    emit(rule, f, std::move(fd), out);
}

void maxle(const RuleDecl& rule, const TableFacts& f, const RuleInstance& in, std::vector<Diagnostic>& out)
{
    bool blanks = false;
    const std::string& total = in.total;
    const Operands tot = operands(f, {total}, blanks);
    const Operands parts = operands(f, in.parts, blanks);
    if (!tot.complete || tot.keys.empty() || !parts.complete || parts.keys.empty())
        return;
    const Decimal T = f.values.at(total).number;
    std::string worst;
    Decimal mx = -1;
    std::vector<std::string> exceeding;
    for (const std::string& k : parts.keys) {
        const Decimal v = f.values.at(k).number;
        if (v > T)
            exceeding.push_back(k);
        if (v > mx) {
            mx = v;
            worst = k;
        }
    }
    if (exceeding.empty())
        return;
    Finding fd;
    fd.target = total;
    fd.related = exceeding;
    fd.blanks = blanks;
    fd.expected = "≥ " + formatNumber(mx);
    fd.actual = shownValue(f, total);
    for (const char* lang : {kZh, kEn}) {
        fd.vars[lang]["max"] = formatNumber(mx);
        fd.vars[lang]["worst"] = describe(f, worst, lang);
    }
    emit(rule, f, std::move(fd), out);
}

void plainsum(const RuleDecl& rule, const TableFacts& f, const RuleInstance& in, std::vector<Diagnostic>& out)
{
    bool blanks = false;
    const std::string& total = in.total;
    const Operands tot = operands(f, {total}, blanks);
    const Operands parts = operands(f, in.parts, blanks);
    if (blanks || !tot.complete || tot.keys.empty() || !parts.complete || parts.keys.empty())
        return;
    int nonZero = 0;
    for (const std::string& k : parts.keys)
        nonZero += f.values.at(k).number > 0 ? 1 : 0;
    const Decimal T = f.values.at(total).number;
    if (nonZero < 2 || T != sum(f, parts.keys))
        return;
    Finding fd;
    fd.target = total;
    fd.related = parts.keys;
    fd.expected = "< " + formatNumber(T);
    fd.actual = formatNumber(T);
    emit(rule, f, std::move(fd), out);
}

const char* typeExpectation(ValueType t)
{
    switch (t) {
    case ValueType::Int: return "integer ≥ 0";
    case ValueType::Dec: return "number ≥ 0 (万元)";
    case ValueType::Signed: return "signed integer";
    case ValueType::Amount: return "amount";
    case ValueType::Heading: return "empty";
    }
    return "";
}

const char* typeExpectationZh(ValueType t)
{
    switch (t) {
    case ValueType::Int: return "应为非负整数";
    case ValueType::Dec: return "应为非负数，单位万元";
    case ValueType::Signed: return "应为增减数";
    case ValueType::Amount: return "应为金额";
    case ValueType::Heading: return "标题行应为空";
    }
    return "";
}

/// Calls fn(key) for every value key the per-cell rules look at: the grid's keys, then the
/// subtotal cells (N-5) that the table has.
template <typename Fn>
void forEachCellKey(const TableFacts& f, Fn fn)
{
    for (const std::string& key : f.rec->tmpl->keys())
        fn(key);
    for (const TemplateCell& c : f.rec->tmpl->extraCells)
        if (f.values.count(c.key))
            fn(c.key);
}

void typeCheck(const RuleDecl& rule, const TableFacts& f, std::vector<Diagnostic>& out)
{
    forEachCellKey(f, [&](const std::string& key) {
        auto it = f.values.find(key);
        if (it == f.values.end() || it->second.kind != Value::Kind::Invalid)
            return;
        const ValueType type = f.rec->tmpl->cellForKey(key)->type;
        if (!rule.valueTypes.empty() &&
            std::find(rule.valueTypes.begin(), rule.valueTypes.end(), toString(type)) == rule.valueTypes.end())
            return;
        if (rule.valueTypes.empty() && type == ValueType::Signed)
            return;                             // P-5 (soft) owns the signed cells
        Finding fd;
        fd.target = key;
        fd.expected = typeExpectation(type);
        fd.actual = it->second.raw;
        fd.vars[kZh]["expected"] = typeExpectationZh(type);
        fd.vars[kEn]["expected"] = std::string(typeExpectation(type)) + ": " + it->second.problem;
        emit(rule, f, std::move(fd), out);
    });
}

/// S-3: one finding per table (issue 9.6): its cell is the first blank cell, `related` all of
/// them. A blank cell that already carries a finding of this table (a blank total whose rule
/// fails says "blank" itself) is not counted; Checker runs this kind after the other rules
/// and the suggestions of the table, so that their cells are final.
void blankCheck(const RuleDecl& rule, const TableFacts& f, std::vector<Diagnostic>& out)
{
    std::set<std::string> flagged;
    for (const Diagnostic& d : out)
        if (d.table == f.reportTable && !d.cell.key.empty())
            flagged.insert(d.cell.key);
    std::vector<std::string> blanks;
    forEachCellKey(f, [&](const std::string& key) {
        auto it = f.values.find(key);
        if (it == f.values.end() || !it->second.missing() || flagged.count(key))
            return;
        if (f.rec->tmpl->cellForKey(key)->type == ValueType::Heading)
            return;
        blanks.push_back(key);
    });
    if (blanks.empty())
        return;
    Finding fd;
    fd.target = blanks.front();
    fd.related = blanks;
    fd.expected = "0";
    fd.actual = std::to_string(blanks.size());
    fd.variant = blanks.size() == 1 ? "one" : "";
    for (const char* lang : {kZh, kEn}) {
        fd.vars[lang]["count"] = fd.actual;
        fd.vars[lang]["actual"] = fd.actual;
    }
    emit(rule, f, std::move(fd), out);
    out.back().related.insert(out.back().related.begin(), out.back().cell);   // all blank cells, the first too
}

void outdatedCheck(const RuleDecl& rule, const TableFacts& f, std::vector<Diagnostic>& out)
{
    if (!f.rec->versionProven)
        return;                                 // the document chose the version, not the table's rows (issue 9.3)
    const std::string& version = f.rec->tmpl->version;
    std::string expected;
    if (f.year >= 2021 && (version == "2019" || version == "2014"))
        expected = "2021";
    else if (f.year >= 2019 && version == "2014")
        expected = "2019";
    if (expected.empty())
        return;
    static const std::map<std::string, std::pair<std::string, std::string>> names = {
        {"2014", {"2014年《政府信息公开情况统计表》", "2014 statistics form"}},
        {"2019", {"2019年试行格式", "2019 trial format"}},
        {"2021", {"2021年格式（国办公开办函〔2021〕30号）", "2021 format"}},
    };
    Finding fd;
    fd.expected = expected;
    fd.actual = version;
    fd.vars[kZh]["expected"] = names.at(expected).first;
    fd.vars[kZh]["actual"] = names.at(version).first;
    fd.vars[kEn]["expected"] = names.at(expected).second;
    fd.vars[kEn]["actual"] = names.at(version).second;
    emit(rule, f, std::move(fd), out);
}

/// what is missing, in words (issue 9.3): a row none of whose cells was found by its
/// labels ("（六）其他处理 1.申请人无正当理由…"), else the cell's row and column labels; at
/// most six names, then how many more.
void unmappedCheck(const RuleDecl& rule, const TableFacts& f, std::vector<Diagnostic>& out)
{
    if (f.rec->missing.empty())
        return;
    const TemplateDef& t = *f.rec->tmpl;
    std::set<std::string> mappedRows, seenRows;
    for (const auto& [key, loc] : f.rec->cells)
        mappedRows.insert(rowKeyOf(key));
    std::vector<std::string> names;
    for (const std::string& key : f.rec->missing) {
        const std::string row = rowKeyOf(key);
        const std::vector<std::string> path = t.rowLabels(key);
        if (!mappedRows.count(row) && !path.empty()) {
            if (!seenRows.insert(row).second)
                continue;
            names.push_back(path.size() >= 3 ? path[path.size() - 2] + " " + path.back() : path.back());
        } else {
            names.push_back(t.describeKey(key));
        }
    }
    constexpr size_t kShown = 6;
    std::string zh, en;
    for (size_t i = 0; i < names.size() && i < kShown; ++i) {
        zh += (i ? "、“" : "“") + names[i] + "”";
        en += (i ? ", \"" : "\"") + names[i] + "\"";
    }
    if (names.size() > kShown) {
        zh += "等 " + std::to_string(names.size()) + " 项";
        en += " and " + std::to_string(names.size() - kShown) + " more";
    }
    Finding fd;
    fd.expected = std::to_string(t.keys().size());
    fd.actual = std::to_string(f.rec->cells.size());
    for (const char* lang : {kZh, kEn}) {
        fd.vars[lang]["count"] = std::to_string(f.rec->missing.size());
        fd.vars[lang]["missing"] = lang == std::string(kZh) ? zh : en;
    }
    emit(rule, f, std::move(fd), out);
}

} // namespace

const std::vector<RuleDecl>& ruleCatalog()
{
    static const std::vector<RuleDecl> all = loadRules();
    return all;
}

bool RuleDecl::appliesTo(const TemplateDef& t) const
{
    for (const std::string& p : templates)
        if (globMatch(p, t.id))
            return true;
    return false;
}

CellRef TableFacts::ref(const std::string& key) const
{
    CellRef r;
    r.key = key;
    auto it = rec->cells.find(key);
    if (it == rec->cells.end())
        return r;
    const Table& t = doc->tables[static_cast<size_t>(it->second.table)];
    r.tableIndex = it->second.table;
    r.table = t.name;
    r.address = t.cells[static_cast<size_t>(it->second.cell)].address;
    return r;
}

CellRef TableFacts::tableAnchor() const
{
    CellRef r;
    if (rec->sourceTables.empty())
        return r;
    const Table& t = doc->tables[static_cast<size_t>(rec->sourceTables.front())];
    r.tableIndex = rec->sourceTables.front();
    r.table = t.name;
    const Cell* best = nullptr;
    for (const Cell& c : t.cells)
        if (!best || c.row < best->row || (c.row == best->row && c.col < best->col))
            best = &c;
    if (best)
        r.address = best->address;
    return r;
}

TableFacts collectFacts(const Document& doc, const Recognition& rec, int reportTable, int year)
{
    TableFacts f;
    f.doc = &doc;
    f.rec = &rec;
    f.reportTable = reportTable;
    f.year = year;
    for (const auto& [key, loc] : rec.cells) {
        const TemplateCell* tc = rec.tmpl->cellForKey(key);
        const Table& t = doc.tables[static_cast<size_t>(loc.table)];
        f.values.emplace(key, parseValue(t.cells[static_cast<size_t>(loc.cell)].text, tc->type));
    }
    return f;
}

namespace {

std::string toUtf8(const icu::UnicodeString& u)
{
    std::string s;
    u.toUTF8String(s);
    return s;
}

std::string toUtf8(std::u16string_view u)
{
    return toUtf8(icu::UnicodeString(u.data(), static_cast<int32_t>(u.size())));
}

/// One sentence break iterator per thread (created once; BreakIterator is not thread-safe).
icu::BreakIterator* sentenceIterator()
{
    thread_local std::unique_ptr<icu::BreakIterator> it = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> b(
            icu::BreakIterator::createSentenceInstance(icu::Locale::getChinese(), status));
        if (U_FAILURE(status))
            b.reset();
        return b;
    }();
    return it.get();
}

/// The regex time limit of one sentence, in the matcher's units (about 10,000 engine steps
/// each): ~1,000 steps per character. The bounded patterns need a few dozen; this is the last
/// guard (issue 16.7), never what decides a finding.
int32_t timeLimitFor(int32_t length)
{
    return 200 + length / 10;
}

bool containsAny(std::u16string_view text, const std::vector<std::u16string>& needles)
{
    return std::any_of(needles.begin(), needles.end(),
                       [&](const std::u16string& n) { return text.find(n) != std::u16string_view::npos; });
}

} // namespace

namespace {

/// Every text rule's prefilter words; empty when some text rule has none (then every
/// paragraph is folded).
const std::vector<std::string>& allPrefilters()
{
    static const std::vector<std::string> all = [] {
        std::vector<std::string> words;
        for (const RuleDecl& r : ruleCatalog()) {
            if (r.kind != "textcount" && r.kind != "textzero")
                continue;
            if (r.prefilter.empty())
                return std::vector<std::string>{};
            words.insert(words.end(), r.prefilter.begin(), r.prefilter.end());
        }
        std::sort(words.begin(), words.end());
        words.erase(std::unique(words.begin(), words.end()), words.end());
        return words;
    }();
    return all;
}

/// Whether the raw text contains one of the catalog's prefilter words: one pass, a word
/// compared only where a character that opens one stands (a bit per BMP character).
bool containsAnyPrefilter(const std::string& text)
{
    struct Leads {
        std::vector<bool> bit = std::vector<bool>(0x10000, false);
        std::map<char32_t, std::vector<std::string>> words;
    };
    static const Leads leads = [] {
        Leads l;
        for (const std::string& w : allPrefilters()) {
            int32_t i = 0;
            UChar32 c = 0;
            U8_NEXT(reinterpret_cast<const uint8_t*>(w.data()), i, static_cast<int32_t>(w.size()), c);
            if (c >= 0 && c < 0x10000) {
                l.bit[static_cast<size_t>(c)] = true;
                l.words[static_cast<char32_t>(c)].push_back(w);
            }
        }
        return l;
    }();
    const auto* data = reinterpret_cast<const uint8_t*>(text.data());
    const int32_t size = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
    for (int32_t i = 0; i < size;) {
        const int32_t at = i;
        UChar32 c = 0;
        U8_NEXT(data, i, size, c);
        if (c < 0 || c >= 0x10000 || !leads.bit[static_cast<size_t>(c)])
            continue;
        for (const std::string& w : leads.words.at(static_cast<char32_t>(c)))
            if (text.compare(static_cast<size_t>(at), w.size(), w) == 0)
                return true;
    }
    return false;
}

/// The raw text without white space (which folding removes): when nothing in it folds into
/// another Han character (foldKeepsHanWords), a prefilter word is in the folded text only if it
/// is in this one.
std::string compactText(const std::string& raw)
{
    std::string compact;
    compact.reserve(raw.size());
    const auto* data = reinterpret_cast<const uint8_t*>(raw.data());
    const int32_t size = static_cast<int32_t>(std::min<size_t>(raw.size(), INT32_MAX));
    for (int32_t i = 0; i < size;) {
        const int32_t at = i;
        UChar32 c = 0;
        U8_NEXT(data, i, size, c);
        const bool space = (c >= 0 && c <= 0x20) || c == 0x7F || c == 0xA0 || c == 0xAD || c == 0x3000 ||
                           (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) ||
                           (c >= 0x205F && c <= 0x206F) || c == 0xFEFF;
        if (!space)
            compact.append(raw, static_cast<size_t>(at), static_cast<size_t>(i - at));
    }
    return compact;
}

/// One matcher per pattern and thread, made once (a RegexMatcher is costly to build and not
/// thread-safe). The entry keeps its pattern alive: the matcher uses it, and its address is
/// never reused for another pattern.
icu::RegexMatcher* cachedMatcher(const std::shared_ptr<const TextPattern>& p)
{
    struct Entry {
        std::shared_ptr<const TextPattern> pattern;
        std::unique_ptr<icu::RegexMatcher> matcher;
    };
    thread_local std::map<const TextPattern*, Entry> cache;
    Entry& e = cache[p.get()];
    if (!e.matcher) {
        UErrorCode status = U_ZERO_ERROR;
        e.pattern = p;
        e.matcher.reset(p->regex->matcher(status));
        if (U_FAILURE(status))
            e.matcher.reset();
    }
    return e.matcher.get();
}

} // namespace

const std::vector<TextIndex::Paragraph>& TextIndex::paragraphs() const
{
    if (m_built)
        return m_paragraphs;
    m_built = true;
    m_byBlock.assign(m_doc->blocks.size(), -1);
    for (size_t i = 0; i < m_doc->blocks.size(); ++i) {
        const Block& b = m_doc->blocks[i];
        if (b.kind != Block::Kind::Paragraph || b.text.empty())
            continue;
        // Most paragraphs hold none of the rules' words: skip them before folding, when the raw
        // text shows it (no traditional characters, no white space inside a word, …).
        Paragraph p;
        p.block = i;
        p.compact = compactText(b.text);
        if (p.compact.empty())
            continue;
        p.mayChange = !foldKeepsHanWords(p.compact);
        if (!p.mayChange && !allPrefilters().empty() && !containsAnyPrefilter(p.compact))
            continue;                             // none of the rules' words: never folded
        m_byBlock[i] = static_cast<int>(m_paragraphs.size());
        m_paragraphs.push_back(std::move(p));
    }
    return m_paragraphs;
}

const FoldedText& TextIndex::fold(const Paragraph& p)
{
    if (!p.folded) {
        p.text = foldText(p.compact);
        p.folded = true;
    }
    return p.text;
}

const std::vector<std::pair<int32_t, int32_t>>& TextIndex::sentences(const Paragraph& p)
{
    if (p.split)
        return p.sentences;
    p.split = true;
    fold(p);
    const int32_t n = static_cast<int32_t>(p.text.match.size());
    if (icu::BreakIterator* bi = sentenceIterator()) {
        const icu::UnicodeString alias(false, p.text.match.data(), n);   // read-only, no copy
        bi->setText(alias);
        int32_t from = bi->first();
        for (int32_t to = bi->next(); to != icu::BreakIterator::DONE; from = to, to = bi->next())
            p.sentences.emplace_back(from, to);
        bi->setText(icu::UnicodeString());   // drop the reference to `alias`
    }
    if (p.sentences.empty())
        p.sentences.emplace_back(0, n);
    return p.sentences;
}

const TextIndex::Paragraph* TextIndex::paragraph(size_t block) const
{
    paragraphs();
    return block < m_byBlock.size() && m_byBlock[block] >= 0 ? &m_paragraphs[static_cast<size_t>(m_byBlock[block])]
                                                              : nullptr;
}

const std::vector<TextMatch>& TextIndex::matches(const RuleDecl& rule) const
{
    auto found = m_matches.find(&rule);
    if (found != m_matches.end())
        return found->second;
    std::vector<TextMatch>& out = m_matches[&rule];
    if (!rule.compiled)
        return out;
    UErrorCode status = U_ZERO_ERROR;
    icu::RegexMatcher* m = cachedMatcher(rule.compiled);
    if (!m)
        return out;
    icu::RegexMatcher* ex = rule.excludingCompiled ? cachedMatcher(rule.excludingCompiled) : nullptr;
    static const icu::UnicodeString none;
    struct Release {   // the matchers keep a reference to the text they were reset to
        icu::RegexMatcher* m;
        icu::RegexMatcher* ex;
        const icu::UnicodeString& none;
        ~Release()
        {
            m->reset(none);
            if (ex)
                ex->reset(none);
        }
    } release{m, ex, none};
    auto stop = [](char16_t c) { return c == u'。' || c == u';' || c == u'!' || c == u'?'; };
    for (const Paragraph& p : paragraphs()) {
        if (!p.mayChange && !rule.prefilter.empty() &&
            std::none_of(rule.prefilter.begin(), rule.prefilter.end(),
                         [&](const std::string& w) { return p.compact.find(w) != std::string::npos; }))
            continue;                             // decided on the raw text: not folded for this rule
        const std::u16string& t = fold(p).match;
        if (!rule.prefilter16.empty() && !containsAny(t, rule.prefilter16))
            continue;                             // cheap test before the regex
        const int32_t n = static_cast<int32_t>(t.size());
        const icu::UnicodeString text(false, t.data(), n);   // read-only alias of the folded text
        std::string excluded;
        if (ex) {
            ex->reset(text);
            ex->setTimeLimit(timeLimitFor(n), status);
            if (ex->find(status) && U_SUCCESS(status))
                for (int32_t g = 1; g <= ex->groupCount() && excluded.empty(); ++g)   // first group that took part
                    if (ex->start(g, status) >= 0)
                        excluded = toUtf8(ex->group(g, status));
            status = U_ZERO_ERROR;
        }
        m->reset(text);
        for (const auto& [begin, end] : sentences(p)) {
            const std::u16string_view sentence(t.data() + begin, static_cast<size_t>(end - begin));
            if (!rule.prefilter16.empty() && !containsAny(sentence, rule.prefilter16))
                continue;
            m->region(begin, end, status);
            m->setTimeLimit(timeLimitFor(end - begin), status);
            while (U_SUCCESS(status) && m->find(status) && U_SUCCESS(status)) {
                const int32_t start = m->start(status), stopAt = m->end(status);
                // the quote: up to 30 characters either side, within the sentence and its clause (;)
                int32_t from = start, to = stopAt;
                while (from > begin && start - from < 30 && !stop(t[static_cast<size_t>(from - 1)]))
                    --from;
                while (to < end && to - stopAt < 30 && !stop(t[static_cast<size_t>(to)]))
                    ++to;
                const int32_t a = p.text.origin[static_cast<size_t>(from)], z = p.text.origin[static_cast<size_t>(to)];
                TextMatch tm;
                tm.sentence = toUtf8(std::u16string_view(p.text.shown).substr(static_cast<size_t>(a), static_cast<size_t>(z - a)));
                if (m->groupCount() >= 1)
                    tm.number = toUtf8(m->group(1, status));
                tm.excluded = excluded;
                out.push_back(std::move(tm));
            }
            status = U_ZERO_ERROR;                // a time-out ends this sentence only
        }
    }
    return out;
}

std::vector<TextMatch> textMatches(const RuleDecl& rule, const Document& doc)
{
    const TextIndex index(doc);
    return index.matches(rule);
}

const std::vector<TextMatch>& textMatches(const RuleDecl& rule, const TableFacts& facts)
{
    if (facts.text)
        return facts.text->matches(rule);
    thread_local std::unique_ptr<TextIndex> own;   // facts made without a shared index (tests)
    thread_local std::vector<TextMatch> result;
    own = std::make_unique<TextIndex>(*facts.doc);
    result = own->matches(rule);
    return result;
}

namespace {

/// Each total's parts by template (the HARD definitions, totalDefinitions), built once.
const std::map<std::string, std::vector<std::string>>& partsOfTotals(const std::string& templateId)
{
    static const std::map<std::string, std::map<std::string, std::vector<std::string>>> all = [] {
        std::map<std::string, std::map<std::string, std::vector<std::string>>> m;
        for (const TemplateDef& t : templates())
            for (auto& [total, parts] : totalDefinitions(t.id))
                m[t.id].emplace(total, parts);
        return m;
    }();
    static const std::map<std::string, std::vector<std::string>> none;
    auto it = all.find(templateId);
    return it == all.end() ? none : it->second;
}

/// A table value as a sentence is compared with it (issue 9.4: a blank total is not 0).
struct Resolved {
    enum class State { Value, Blank, NotAssessable } state = State::Value;
    Decimal value;
    bool viaParts = false;   ///< the cell is blank; `value` is the sum of its parts
};

Resolved resolve(const TableFacts& f, const std::string& key, int depth = 0)
{
    Resolved r;
    auto it = f.values.find(key);
    if (it == f.values.end() || it->second.kind == Value::Kind::Invalid) {
        r.state = Resolved::State::NotAssessable;   // R-1 / the type rules say why
        return r;
    }
    if (it->second.ok()) {
        r.value = it->second.number;
        return r;
    }
    r.state = Resolved::State::Blank;
    const auto& defs = partsOfTotals(f.rec->tmpl->id);
    auto d = defs.find(key);
    if (d == defs.end() || depth > 4)
        return r;
    Decimal sum;
    for (const std::string& part : d->second) {
        if (!f.rec->tmpl->cellForKey(part))
            continue;
        const Resolved p = resolve(f, part, depth + 1);
        if (p.state != Resolved::State::Value)
            return r;                             // the parts are blank too: the table is blank there
        sum += p.value;
    }
    r.state = Resolved::State::Value;
    r.value = sum;
    r.viaParts = true;
    return r;
}

/// Sum of a target set; Blank when a cell of it is blank and has no filled parts.
Resolved resolveSet(const TableFacts& f, const std::vector<std::string>& keys, std::string* blankKey = nullptr)
{
    Resolved total;
    for (const std::string& k : keys) {
        const Resolved r = resolve(f, k);
        if (r.state == Resolved::State::NotAssessable)
            return r;
        if (r.state == Resolved::State::Blank) {
            total.state = Resolved::State::Blank;
            if (blankKey && blankKey->empty())
                *blankKey = k;
            continue;
        }
        total.value += r.value;
        total.viaParts = total.viaParts || r.viaParts;
    }
    return total;
}

/// Appended to a finding whose compared number is the sum of a blank total's parts.
void noteParts(Diagnostic& d)
{
    d.messages["zh-CN"] += "（表中该总计栏空白，按其各项之和计）";
    d.messages["en-US"] += " (the total cell is blank in the table; the sum of its parts was used)";
}

/// textzero: the text says there was none ("未收到…申请", "均获维持"), the table has some: the
/// first non-zero of `target` (or of the keys of the first target set).
void textZero(const RuleDecl& rule, const TableFacts& f, std::vector<Diagnostic>& out)
{
    const std::vector<std::string> keys =
        rule.targetSets.empty() ? std::vector<std::string>{rule.target} : rule.targetSets.front();
    std::string hit;
    Resolved value;
    for (const std::string& k : keys) {
        const Resolved r = resolve(f, k);
        if (r.state == Resolved::State::Value && r.value != 0) {
            hit = k;
            value = r;
            break;
        }
    }
    if (hit.empty())
        return;
    const std::vector<TextMatch>& matches = textMatches(rule, f);
    if (matches.empty())
        return;
    Finding fd;
    fd.target = hit;
    fd.related = keys;
    fd.expected = "0";
    fd.actual = formatNumber(value.value);
    for (const char* lang : {kZh, kEn})
        fd.vars[lang]["quote"] = matches.front().sentence;
    emit(rule, f, std::move(fd), out);
    if (value.viaParts)
        noteParts(out.back());
}

/// textcount: a number stated in the text must equal the sum of one of the target sets. A
/// blank total is compared through its parts; when the table is blank there, the finding says
/// so (actual blank) instead of reading 0 (issue 9.4).
void textCount(const RuleDecl& rule, const TableFacts& f, std::vector<Diagnostic>& out)
{
    if (rule.targetSets.empty() || rule.targetSets.front().empty())
        return;
    std::vector<Resolved> sums;
    std::string blankKey;
    for (const auto& set : rule.targetSets) {
        sums.push_back(resolveSet(f, set, &blankKey));
        if (sums.back().state == Resolved::State::NotAssessable)
            return;                               // not assessable (R-1 / the type rules say why)
    }
    const auto filled = [](const Resolved& r) { return r.state == Resolved::State::Value; };
    for (const TextMatch& m : textMatches(rule, f)) {
        const std::optional<Decimal> parsed = parseTextNumber(m.number);
        if (!parsed)
            continue;                             // not a number we can hold: nothing to compare
        const Decimal stated = *parsed;
        // "不含申请人主动撤销的5件": the stated number may leave those out, or the table may.
        const std::optional<Decimal> excluded = m.excluded.empty() ? std::nullopt : parseTextNumber(m.excluded);
        const auto holds = [&](const Resolved& r) {
            return filled(r) && (r.value == stated || (excluded && (r.value == stated + *excluded ||
                                                                     r.value + *excluded == stated)));
        };
        if (std::any_of(sums.begin(), sums.end(), holds))
            continue;
        const auto first = std::find_if(sums.begin(), sums.end(), filled);
        if (first == sums.end() && stated == 0)
            continue;                             // "0 件" and a blank table: S-3 says it
        Finding fd;
        const size_t set = first == sums.end() ? 0 : static_cast<size_t>(first - sums.begin());
        fd.target = first == sums.end() ? blankKey : rule.targetSets[set].front();
        for (const auto& s : rule.targetSets)
            fd.related.insert(fd.related.end(), s.begin(), s.end());
        fd.expected = formatNumber(stated);
        fd.actual = first == sums.end() ? std::string() : formatNumber(first->value);   // blank, never "0"
        for (const char* lang : {kZh, kEn})
            fd.vars[lang]["quote"] = m.sentence;
        emit(rule, f, std::move(fd), out);
        if (first != sums.end() && first->viaParts)
            noteParts(out.back());
        return;                                   // one finding per table: the first mismatch
    }
}

// ---------------------------------------------------------------------------------------
// Document-level rules: the report's sections and tables (spec §6.7, §8.2, X-7).

bool matchesPattern(const TextPattern& p, const std::string& utf8)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);   // the matcher keeps a reference
    std::unique_ptr<icu::RegexMatcher> m(p.regex->matcher(text, status));
    return U_SUCCESS(status) && m && m->find(status) && U_SUCCESS(status);
}

/// 一 … 十九 → 1 … 19; 0 for anything else.
int numeralValue(const std::string& s)
{
    static const std::vector<std::string> digits = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
    auto digit = [&](const std::string& d) {
        for (size_t i = 0; i < digits.size(); ++i)
            if (digits[i] == d)
                return static_cast<int>(i) + 1;
        return 0;
    };
    const std::string ten = "十";
    if (s.size() == 3)
        return s == ten ? 10 : digit(s);
    if (s.size() == 6 && s.compare(0, 3, ten) == 0)
        return 10 + digit(s.substr(3));
    return 0;
}

constexpr size_t kMinSectionsOfAReport = 3;

/// A finding of the whole document (no table, no cell). `enVars` override `vars` in en-US.
Diagnostic documentFinding(const RuleDecl& rule, const std::string& variant,
                           const std::map<std::string, std::string>& vars, std::string expected, std::string actual,
                           const std::map<std::string, std::string>& enVars = {})
{
    Diagnostic d;
    d.rule = rule.id;
    d.severity = rule.severity;
    d.expected = std::move(expected);
    d.actual = std::move(actual);
    for (const char* lang : {kZh, kEn}) {
        auto it = rule.message.find(variant.empty() ? std::string(lang) : variant + "." + lang);
        if (it == rule.message.end())
            it = rule.message.find(lang);
        if (it == rule.message.end())
            continue;
        std::map<std::string, std::string> v = vars;
        if (std::string(lang) == kEn)
            for (const auto& [k, x] : enVars)
                v[k] = x;
        d.messages[lang] = substitute(it->second, v);
    }
    return d;
}

/// S-2: the six sections, each under its own numeral.
void sectionsCheck(const RuleDecl& rule, const std::vector<SectionHeading>& headings, std::vector<Diagnostic>& out)
{
    for (const SectionDecl& s : rule.sections) {
        const SectionHeading* found = nullptr;
        for (const SectionHeading& h : headings)
            if (matchesPattern(*s.compiled, h.match)) {
                found = &h;
                break;
            }
        const std::string want = s.numeral + "、" + s.title;
        if (!found)
            out.push_back(documentFinding(rule, "missing", {{"section", want}}, want, ""));
        else if (found->numeral != s.numeral)
            out.push_back(documentFinding(rule, "misnumbered",
                                          {{"section", want}, {"found", found->numeral + "、" + found->title}}, want,
                                          found->numeral + "、" + found->title));
    }
}

/// S-1: the tables of the format (表二, 表三, 表四).
void tablesCheck(const RuleDecl& rule, const std::vector<Recognition>& recognized, std::vector<Diagnostic>& out)
{
    std::string version;
    std::set<std::string> present;
    for (const Recognition& r : recognized)
        if (rule.appliesTo(*r.tmpl)) {
            if (version.empty())
                version = r.tmpl->version;
            present.insert(r.tmpl->family);
        }
    for (const std::string& family : rule.families) {
        if (present.count(family))
            continue;
        const TemplateDef* t = findTemplate(version + "-" + family);
        if (!t)
            continue;
        out.push_back(documentFinding(rule, "", {{"table", t->titleZh}, {"table_en", t->titleEn}, {"version", version}},
                                      t->id, ""));
    }
}

/// X-7 / S-5: the text of one section (its heading found by `section`) must match `pattern`.
void sectionTextCheck(const RuleDecl& rule, const Document& doc, const std::vector<SectionHeading>& headings,
                      std::vector<Diagnostic>& out, const TextIndex* text)
{
    for (size_t h = 0; h < headings.size(); ++h) {
        if (!matchesPattern(*rule.sectionCompiled, headings[h].match))
            continue;
        const size_t end = h + 1 < headings.size() ? headings[h + 1].block : doc.blocks.size();
        std::string matched;   // what the pattern sees: simplified, no glosses
        for (size_t i = headings[h].block + 1; i < end; ++i)
            if (doc.blocks[i].kind == Block::Kind::Paragraph) {
                const TextIndex::Paragraph* p = text ? text->paragraph(i) : nullptr;
                matched += (p ? toUtf8(TextIndex::fold(*p).match) : matchText(doc.blocks[i].text)) + "\n";
            }
        if (matchesPattern(*rule.compiled, matched))
            return;
        std::string body;      // what the message quotes: the user's characters
        for (size_t i = headings[h].block + 1; i < end && body.size() < 240; ++i)
            if (doc.blocks[i].kind == Block::Kind::Paragraph)
                body += normalizeValueText(doc.blocks[i].text) + "\n";
        const std::string heading = headings[h].numeral + "、" + headings[h].title;
        std::string shown = utf8Prefix(body, 60);
        while (!shown.empty() && shown.back() == '\n')
            shown.pop_back();
        out.push_back(documentFinding(rule, "", {{"section", heading}, {"actual", shown.empty() ? "空白" : shown}},
                                      rule.pattern, shown, {{"actual", shown.empty() ? "blank" : shown}}));
        return;
    }
}

} // namespace

std::vector<SectionHeading> sectionHeadings(const Document& doc)
{
    std::vector<SectionHeading> out;
    const std::string comma = "、", stop = "。";
    for (size_t i = 0; i < doc.blocks.size(); ++i) {
        const Block& b = doc.blocks[i];
        if (b.kind != Block::Kind::Paragraph || b.text.empty() || b.text.size() > 240)
            continue;
        const size_t raw = b.text.find(comma);
        if (raw == std::string::npos || raw > 24)
            continue;                             // cheap test before NFKC: "十一、" after some spaces
        const std::string t = normalizeValueText(b.text);
        const size_t p = t.find(comma);
        if (p == std::string::npos || p == 0 || p > 6 || t.find(stop) != std::string::npos ||
            !numeralValue(t.substr(0, p)) || t.size() == p + comma.size())
            continue;
        out.push_back({i, t.substr(0, p), t.substr(p + comma.size()), matchText(t.substr(p + comma.size()))});
    }
    return out;
}

void evaluateDocument(const RuleDecl& rule, const Document& doc, const std::vector<Recognition>& recognized,
                      const std::vector<SectionHeading>& headings, std::vector<Diagnostic>& out,
                      const TextIndex* text)
{
    // Only a whole report is judged: a document whose text has at least three numbered sections.
    // Bare tables (most Calc workbooks) and a table inserted under one heading are left alone.
    if (headings.size() < kMinSectionsOfAReport)
        return;
    if (std::none_of(recognized.begin(), recognized.end(), [&](const Recognition& r) { return rule.appliesTo(*r.tmpl); }))
        return;
    if (rule.kind == "sections")
        sectionsCheck(rule, headings, out);
    else if (rule.kind == "tables")
        tablesCheck(rule, recognized, out);
    else if (rule.kind == "sectiontext" && rule.compiled && rule.sectionCompiled)
        sectionTextCheck(rule, doc, headings, out, text);
}

void evaluate(const RuleDecl& rule, const TableFacts& facts, std::vector<Diagnostic>& out)
{
    if (rule.documentLevel() || rule.crossYear() || rule.local())
        return;                                   // see evaluateDocument, evaluateCrossYear, evaluateLocal
    if (rule.kind == "textzero")
        return textZero(rule, facts, out);
    if (rule.kind == "textcount")
        return textCount(rule, facts, out);
    if (rule.kind == "type")
        return typeCheck(rule, facts, out);
    if (rule.kind == "blank")
        return blankCheck(rule, facts, out);
    if (rule.kind == "outdated")
        return outdatedCheck(rule, facts, out);
    if (rule.kind == "unmapped")
        return unmappedCheck(rule, facts, out);
    if (rule.kind == "resembles")
        return;                                 // document-level, see resemblanceFinding
    for (const RuleInstance& in : rule.instances) {
        if (rule.kind == "eq" || rule.kind == "le" || rule.kind == "ge" || rule.kind == "requires")
            compare(rule, facts, in, out);
        else if (rule.kind == "maxle")
            maxle(rule, facts, in, out);
        else if (rule.kind == "plainsum")
            plainsum(rule, facts, in, out);
        else
            throw std::logic_error("unknown rule kind " + rule.kind + " in rule " + rule.id);
    }
}

bool patternMatches(const TextPattern& p, const std::string& utf8) { return matchesPattern(p, utf8); }

void evaluateLocal(const RuleDecl& rule, const Document& doc, const LocalTable& lt, std::vector<Diagnostic>& out)
{
    const Table& t = doc.tables[static_cast<size_t>(lt.table)];
    auto ref = [&](int cell) {
        CellRef r;
        r.tableIndex = lt.table;
        r.table = t.name;
        if (cell >= 0)
            r.address = t.cells[static_cast<size_t>(cell)].address;
        return r;
    };
    auto finding = [&](CellRef cell, std::vector<CellRef> related, std::string expected, std::string actual,
                       const std::map<std::string, std::string>& vars) {
        Diagnostic d;
        d.rule = rule.id;
        d.severity = rule.severity;
        d.cell = std::move(cell);
        d.related = std::move(related);
        d.expected = std::move(expected);
        d.actual = std::move(actual);
        for (const char* lang : {kZh, kEn}) {
            auto it = rule.message.find(lang);
            if (it != rule.message.end())
                d.messages[lang] = substitute(it->second, vars);
        }
        out.push_back(std::move(d));
    };
    auto number = [&](int cell, Decimal& v) {
        if (cell < 0)
            return false;
        const Value x = parseValue(t.cells[static_cast<size_t>(cell)].text, ValueType::Dec);
        v = x.number;
        return x.ok();
    };
    if (rule.kind == "local") {
        const Cell* first = nullptr;
        for (const Cell& c : t.cells)
            if (!first || c.row < first->row || (c.row == first->row && c.col < first->col))
                first = &c;
        CellRef anchor = ref(-1);
        if (first)
            anchor.address = first->address;
        finding(anchor, {}, "national template", "local", {{"header", lt.header}});
    } else if (rule.kind == "localitem") {
        for (const LocalTable::Row& row : lt.rows) {
            if (row.parent < 0)
                continue;
            const LocalTable::Row& parent = lt.rows[static_cast<size_t>(row.parent)];
            for (size_t c = 0; c < lt.columns.size(); ++c) {
                Decimal item, whole;
                if (!number(row.values[c], item) || !number(parent.values[c], whole) || item <= whole)
                    continue;
                finding(ref(row.values[c]), {ref(parent.values[c])}, "≤ " + formatNumber(whole), formatNumber(item),
                        {{"target", row.label}, {"parent", parent.label}, {"bound", formatNumber(whole)},
                         {"actual", formatNumber(item)}, {"expected", "≤ " + formatNumber(whole)},
                         {"column", lt.columns[c]}});
            }
        }
    } else if (rule.kind == "localperiod") {
        for (const LocalTable::Row& row : lt.rows)
            for (size_t a = 0; a < lt.columns.size(); ++a)
                for (size_t b = 0; b < lt.columns.size(); ++b) {
                    if (lt.period[b] == 0 || lt.period[a] <= lt.period[b])
                        continue;                 // a covers a longer period than b
                    Decimal longer, shorter;
                    if (!number(row.values[a], longer) || !number(row.values[b], shorter) || longer >= shorter)
                        continue;
                    finding(ref(row.values[a]), {ref(row.values[b])}, "≥ " + formatNumber(shorter), formatNumber(longer),
                            {{"target", row.label}, {"column", lt.columns[a]}, {"other", lt.columns[b]},
                             {"bound", formatNumber(shorter)}, {"actual", formatNumber(longer)},
                             {"expected", "≥ " + formatNumber(shorter)}});
                }
    }
}

Diagnostic resemblanceFinding(const RuleDecl& rule, const Document& doc, const Resemblance& r)
{
    Diagnostic d;
    d.rule = rule.id;
    d.severity = rule.severity;
    d.templateId = r.tmpl->id;
    const Table& t = doc.tables[static_cast<size_t>(r.table)];
    d.cell.tableIndex = r.table;
    d.cell.table = t.name;
    if (!t.cells.empty())
        d.cell.address = t.cells.front().address;
    char score[16];
    std::snprintf(score, sizeof score, "%.2f", r.score);
    d.expected = r.tmpl->id;
    d.actual = score;
    for (const char* lang : {kZh, kEn}) {
        auto it = rule.message.find(lang);
        d.messages[lang] = substitute(it->second, {{"table", r.tmpl->titleZh}, {"score", score}});
    }
    return d;
}

} // namespace ogi

namespace ogi {

std::vector<std::pair<std::string, std::vector<std::string>>> totalDefinitions(const std::string& templateId)
{
    std::vector<std::pair<std::string, std::vector<std::string>>> defs;
    const TemplateDef* t = findTemplate(templateId);
    if (!t)
        return defs;
    std::map<std::string, std::vector<std::string>> byTotal;
    for (const RuleDecl& rule : ruleCatalog()) {
        if (rule.kind != "eq" || rule.severity != Severity::Error || !rule.appliesTo(*t))
            continue;
        for (const RuleInstance& in : rule.instances) {
            if (in.lhs.size() != 1 || (!in.target.empty() && in.target != in.lhs.front()))
                continue;                         // balances (N-1) define no single total
            const TemplateCell* total = t->cellForKey(in.lhs.front());
            if (!total || total->extra || byTotal.count(in.lhs.front()))
                continue;                         // subtotal rows (N-5) are never generated
            std::vector<std::string> parts;
            for (const std::string& k : in.rhs)
                if (t->cellForKey(k))
                    parts.push_back(k);
            if (!parts.empty())
                byTotal.emplace(in.lhs.front(), std::move(parts));
        }
    }
    // Topological order: a total after the totals it adds up.
    std::set<std::string> done;
    std::function<void(const std::string&)> visit = [&](const std::string& key) {
        if (done.count(key) || !byTotal.count(key))
            return;
        done.insert(key);
        for (const std::string& p : byTotal.at(key))
            visit(p);
        defs.emplace_back(key, byTotal.at(key));
    };
    for (const std::string& k : t->keys())
        visit(k);
    return defs;
}

/// At most `bytes` bytes of UTF-8 text, cut before a character, not inside one.
std::string utf8Prefix(const std::string& s, size_t bytes)
{
    if (s.size() <= bytes)
        return s;
    size_t n = bytes;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80)
        --n;
    return s.substr(0, n);
}

} // namespace ogi
