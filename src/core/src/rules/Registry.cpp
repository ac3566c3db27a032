// The kind registry and the rules file loader: the fields every declaration has (id,
// severity, tables, templates, kind, title, message) are read here, the kind's own settings by the
// kind (rules/Kind.h), and the whole declaration is validated before it is used (issue 9.10):
// a misspelt operand key would silently drop a rule's findings, an unknown kind would throw
// during a check, an unknown placeholder would reach the user as "{taget}". Each is a
// configuration error naming the file and the rule.
#include "rules/Kind.h"

#include "CrossYearEval.h"
#include "JsonFile.h"

#include <boost/json.hpp>
#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

namespace ogi {

namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& ruleFiles();
}

namespace rules {

namespace json = boost::json;

// ---------------------------------------------------------------------------------------
// Settings

void Settings::fail(const std::string& what) const
{
    throw std::runtime_error(m_where + ": " + what);
}

std::string Settings::string(std::string_view key) const
{
    const json::value* v = m_o.if_contains(key);
    if (!v)
        return {};
    if (!v->is_string())
        fail("\"" + std::string(key) + "\" is not a string");
    return std::string(v->as_string());
}

std::vector<std::string> Settings::strings(std::string_view key) const
{
    std::vector<std::string> out;
    const json::value* v = m_o.if_contains(key);
    if (!v)
        return out;
    if (!v->is_array())
        fail("\"" + std::string(key) + "\" is not a list of strings");
    for (const json::value& s : v->as_array()) {
        if (!s.is_string())
            fail("\"" + std::string(key) + "\" is not a list of strings");
        out.emplace_back(s.as_string());
    }
    return out;
}

std::vector<std::vector<std::string>> Settings::stringLists(std::string_view key) const
{
    std::vector<std::vector<std::string>> out;
    const json::value* v = m_o.if_contains(key);
    if (!v)
        return out;
    auto bad = [&] { fail("\"" + std::string(key) + "\" is not a list of lists of strings"); };
    if (!v->is_array())
        bad();
    for (const json::value& list : v->as_array()) {
        if (!list.is_array())
            bad();
        std::vector<std::string> keys;
        for (const json::value& k : list.as_array()) {
            if (!k.is_string())
                bad();
            keys.emplace_back(k.as_string());
        }
        out.push_back(std::move(keys));
    }
    return out;
}

std::vector<std::pair<std::string, std::vector<std::string>>> Settings::each(std::string_view key) const
{
    std::vector<std::pair<std::string, std::vector<std::string>>> out;
    const json::value* v = m_o.if_contains(key);
    if (!v)
        return out;
    auto bad = [&] { fail("\"" + std::string(key) + "\" is not an object of lists of strings"); };
    if (!v->is_object())
        bad();
    for (const auto& [var, values] : v->as_object()) {
        if (!values.is_array())
            bad();
        std::vector<std::string> vs;
        for (const json::value& x : values.as_array()) {
            if (!x.is_string())
                bad();
            vs.emplace_back(x.as_string());
        }
        out.emplace_back(std::string(var), std::move(vs));
    }
    return out;
}

// ---------------------------------------------------------------------------------------
// Registry

void KindRegistry::addKind(const std::string& name, std::unique_ptr<RuleKind> kind)
{
    for (const std::string& f : kind->fields())
        m_fields.insert(f);
    if (!m_kinds.emplace(name, std::move(kind)).second)
        throw std::logic_error("rule kind " + name + " registered twice");
}

const RuleKind* KindRegistry::find(const std::string& name) const
{
    auto it = m_kinds.find(name);
    return it == m_kinds.end() ? nullptr : it->second.get();
}

const KindRegistry& kindRegistry()
{
    static const KindRegistry registry = [] {
        KindRegistry r;
        registerArithmeticKinds(r);
        registerCellKinds(r);
        registerTextKinds(r);
        registerStructureKinds(r);
        registerLocalKinds(r);
        registerYearKinds(r);
        return r;
    }();
    return registry;
}

// ---------------------------------------------------------------------------------------
// Shared helpers

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

bool matchesPattern(const std::shared_ptr<const TextPattern>& p, const std::string& utf8)
{
    return matchesPattern(p, icu::UnicodeString::fromUTF8(utf8));
}

icu::RegexMatcher* cachedMatcher(const std::shared_ptr<const TextPattern>& p)
{
    struct Entry {
        std::shared_ptr<const TextPattern> pattern;
        std::unique_ptr<icu::RegexMatcher> matcher;
    };
    thread_local std::map<const TextPattern*, Entry> cache;
    Entry& e = cache[p.get()];
    if (!e.pattern) {
        UErrorCode status = U_ZERO_ERROR;
        e.pattern = p;
        e.matcher.reset(p->regex->matcher(status));
        if (U_FAILURE(status))
            e.matcher.reset();
    }
    return e.matcher.get();
}

bool matchesPattern(const std::shared_ptr<const TextPattern>& p, const icu::UnicodeString& text)
{
    icu::RegexMatcher* m = cachedMatcher(p);
    if (!m)
        return false;
    static const icu::UnicodeString none;
    UErrorCode status = U_ZERO_ERROR;
    m->reset(text);                               // keeps a reference to text until reset to none
    const bool found = m->find(status) && U_SUCCESS(status);
    m->reset(none);
    return found;
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

namespace {

std::vector<std::string> substituteAll(const std::vector<std::string>& v, const std::map<std::string, std::string>& vars)
{
    std::vector<std::string> out;
    out.reserve(v.size());
    for (const std::string& s : v)
        out.push_back(substitute(s, vars));
    return out;
}

} // namespace

void parsePatternInSection(RuleDecl& r, const Settings& s)
{
        r.pattern = s.string("pattern");
        r.section = s.string("section");
        if (r.pattern.empty())
            s.fail("kind " + r.kind + " needs a pattern");
        if (r.section.empty())
            s.fail("kind " + r.kind + " needs a section");
        r.compiled = compilePattern(r.pattern, s.where());
        r.sectionCompiled = compilePattern(r.section, s.where() + " section");
}

void expandInstances(RuleDecl& r)
{
    // Cartesian expansion of `each`.
    std::vector<std::map<std::string, std::string>> all{{}};
    for (const auto& [var, values] : r.each) {
        std::vector<std::map<std::string, std::string>> next;
        for (const auto& partial : all)
            for (const std::string& v : values) {
                auto m = partial;
                m[var] = v;
                next.push_back(std::move(m));
            }
        all = std::move(next);
    }
    r.instances.clear();
    for (const auto& vars : all) {
        RuleInstance in;
        in.lhs = substituteAll(r.lhs, vars);
        in.rhs = substituteAll(r.rhs, vars);
        in.parts = substituteAll(r.parts, vars);
        in.total = substitute(r.total, vars);
        in.target = substitute(r.target, vars);
        for (const std::string& k : in.lhs)
            in.lhsIds.push_back(valueKeyId(k));
        for (const std::string& k : in.rhs)
            in.rhsIds.push_back(valueKeyId(k));
        r.instances.push_back(std::move(in));
    }
}

namespace {

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

/// The fields every declaration has; the rest belong to its kind.
const std::set<std::string>& commonFields()
{
    static const std::set<std::string> f = {"id", "severity", "tables", "templates", "kind", "title", "message"};
    return f;
}

std::map<std::string, std::string> texts(const json::object& o, std::string_view key, const Settings& s)
{
    std::map<std::string, std::string> out;
    const json::value* v = o.if_contains(key);
    if (!v)
        return out;
    if (!v->is_object())
        s.fail("\"" + std::string(key) + "\" is not an object of texts by language");
    for (const auto& [lang, text] : v->as_object()) {
        if (!text.is_string())
            s.fail("\"" + std::string(key) + "\" is not an object of texts by language");
        out[std::string(lang)] = std::string(text.as_string());
    }
    return out;
}

/// The checks that need the whole declaration: its templates, its operand keys against them,
/// its messages against the kind's placeholders.
void validateRule(const RuleDecl& r, const RuleKind& kind, const Settings& s)
{
    if (r.local() != (r.templates.empty() && r.tables.empty()))
        s.fail(r.local() ? "a local-table rule applies to no template" : "no tables");
    std::vector<const TemplateDef*> applies;
    for (const std::string& sel : r.tables) {
        if (const std::string error = tableSelectorError(sel); !error.empty())
            s.fail(error);
        bool any = false;
        for (const TemplateDef& t : templates())
            if (tableSelectorMatches(sel, t)) {
                any = true;
                if (std::find(applies.begin(), applies.end(), &t) == applies.end())
                    applies.push_back(&t);
            }
        if (!any)
            s.fail("no template is a table \"" + sel + "\"");
    }
    for (const std::string& p : r.templates) {
        bool any = false;
        for (const TemplateDef& t : templates())
            if (globMatch(p, t.id)) {
                any = true;
                if (std::find(applies.begin(), applies.end(), &t) == applies.end())
                    applies.push_back(&t);
            }
        if (!any)
            s.fail("unknown template \"" + p + "\"");
    }
    // Operands: every key (after `each`) is a value key of a template the rule applies to.
    auto checkKey = [&](const std::string& operand) {
        if (operand.empty())
            return;
        const std::string key = kind.templateKey(operand);
        for (const TemplateDef* t : applies)
            if (t->cellForKey(key))
                return;
        s.fail("unknown operand key \"" + key + "\"");
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
    // A catalog message is validated with the catalogs (Messages.cpp: its placeholders are
    // this kind's); inline messages here: every language, known variants, known placeholders.
    if (!r.messageId.empty())
        return;
    for (const std::string& lang : messageLanguages())
        if (!r.message.count(lang))
            s.fail("no " + lang + " message");
    const std::set<std::string> placeholders = kind.placeholders(), variants = kind.variants();
    const std::vector<std::string>& languages = messageLanguages();
    for (const auto& [tag, text] : r.message) {
        const size_t dot = tag.find('.');
        const std::string lang = dot == std::string::npos ? tag : tag.substr(dot + 1);
        if (std::find(languages.begin(), languages.end(), lang) == languages.end())
            s.fail("message for unknown language \"" + tag + "\"");
        if (dot != std::string::npos && !variants.count(tag.substr(0, dot)))
            s.fail("unknown message variant \"" + tag + "\"");
        for (const std::string& name : placeholdersIn(text))
            if (!placeholders.count(name) && !kind.acceptsPlaceholder(r, name))
                s.fail("unknown placeholder {" + name + "} in the " + tag + " message");
    }
}

RuleDecl parseRule(std::string_view file, const json::object& o)
{
    RuleDecl r;
    const json::value* id = o.if_contains("id");
    r.id = id && id->is_string() ? std::string(id->as_string()) : std::string();
    const Settings s(o, std::string(file) + ": rule " + (r.id.empty() ? "(without id)" : r.id));
    if (!parseSeverity(s.string("severity"), r.severity))
        throw std::runtime_error(std::string(file) + ": bad severity in rule " + r.id);
    if (r.id.empty())
        s.fail("no id");
    const KindRegistry& registry = kindRegistry();
    for (const auto& [field, value] : o)
        if (!commonFields().count(std::string(field)) && !registry.allFields().count(std::string(field)))
            s.fail("unknown field \"" + std::string(field) + "\"");
    r.kind = s.string("kind");
    r.impl = registry.find(r.kind);
    if (!r.impl)
        s.fail("unknown kind \"" + r.kind + "\"");
    const std::set<std::string> own = r.impl->fields();
    for (const auto& [field, value] : o)
        if (!commonFields().count(std::string(field)) && !own.count(std::string(field)))
            s.fail("field \"" + std::string(field) + "\" does not apply to kind " + r.kind);
    r.tables = s.strings("tables");
    r.templates = s.strings("templates");
    r.title = texts(o, "title", s);
    if (const json::value* m = o.if_contains("message"); m && m->is_string())
        r.messageId = std::string(m->as_string());   // a catalog id (the embedded rules file)
    else
        r.message = texts(o, "message", s);
    r.impl->parse(r, s);
    validateRule(r, *r.impl, s);
    return r;
}

std::vector<RuleDecl> loadRules()
{
    std::vector<RuleDecl> out;
    for (const auto& [name, text] : data::ruleFiles()) {
        std::vector<RuleDecl> some = parseRules(name, text);
        out.insert(out.end(), std::make_move_iterator(some.begin()), std::make_move_iterator(some.end()));
    }
    return out;
}

} // namespace
} // namespace rules

std::vector<RuleDecl> parseRules(std::string_view name, std::string_view text)
{
    namespace json = boost::json;
    const json::value root = parseJsonObjectFile(name, text, "a rules object");
    if (!root.as_object().contains("rules") || !root.at("rules").is_array())
        throw std::runtime_error(std::string(name) + ": no \"rules\" array");
    std::vector<RuleDecl> out;
    for (const auto& rv : root.at("rules").as_array()) {
        if (!rv.is_object())
            throw std::runtime_error(std::string(name) + ": a rule that is not an object");
        out.push_back(rules::parseRule(name, rv.as_object()));
    }
    return out;
}

const std::vector<RuleDecl>& ruleCatalog()
{
    static const std::vector<RuleDecl> all = rules::loadRules();
    return all;
}

bool RuleDecl::appliesTo(const TemplateDef& t) const
{
    for (const std::string& sel : tables)
        if (tableSelectorMatches(sel, t))
            return true;
    for (const std::string& p : templates)
        if (rules::globMatch(p, t.id))
            return true;
    return false;
}

using Scope = rules::RuleKind::Scope;

bool RuleDecl::documentLevel() const { return impl && impl->scope() == Scope::Document; }
bool RuleDecl::local() const { return impl && impl->scope() == Scope::Local; }
bool RuleDecl::crossYear() const { return impl && impl->scope() == Scope::CrossYear; }
bool RuleDecl::runsLast() const { return impl && impl->scope() == Scope::TableLast; }
bool RuleDecl::resemblance() const { return impl && impl->scope() == Scope::Resemblance; }

// ---------------------------------------------------------------------------------------
// Evaluation: each entry point hands the declaration to its kind.

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
    const bool numbered = !rec.tmpl->cellByKeyId.empty();
    if (numbered)
        f.byCell.assign(rec.tmpl->cells.size() + rec.tmpl->extraCells.size(), nullptr);
    // rec.cells and the template's keyIndex are both in key order: walked side by side, each
    // key's template cell is found without a search (subtotal cells: by cellForKey)
    f.values.reserve(rec.cells.size());
    auto grid = rec.tmpl->keyIndex.begin();
    const auto gridEnd = rec.tmpl->keyIndex.end();
    for (const auto& [key, loc] : rec.cells) {
        while (grid != gridEnd && grid->first < key)
            ++grid;
        const TemplateCell* tc =
            grid != gridEnd && grid->first == key ? &rec.tmpl->cells[grid->second] : rec.tmpl->cellForKey(key);
        const Table& t = doc.tables[static_cast<size_t>(loc.table)];
        // rec.cells is in key order: each entry goes at the end, and `values` holds room for
        // all of them, so that no entry moves once byCell points at it
        const auto& entry = f.values.appendInOrder(key, parseValue(t.cells[static_cast<size_t>(loc.cell)].text, tc->type));
        if (numbered && tc->keyId >= 0)
            f.byCell[static_cast<size_t>(rec.tmpl->cellByKeyId[static_cast<size_t>(tc->keyId)])] = &entry;
    }
    return f;
}

void evaluate(const RuleDecl& rule, const TableFacts& facts, std::vector<Diagnostic>& out)
{
    if (rule.impl && (rule.impl->scope() == Scope::Table || rule.impl->scope() == Scope::TableLast))
        rule.impl->evaluate(rule, facts, out);
}

namespace {
constexpr size_t kMinSectionsOfAReport = 3;
}

void evaluateDocument(const RuleDecl& rule, const Document& doc, const std::vector<Recognition>& recognized,
                      const std::vector<SectionHeading>& headings, std::vector<Diagnostic>& out,
                      const TextIndex* text)
{
    if (!rule.documentLevel())
        return;
    // Only a whole report is judged: a document whose text has at least three numbered sections.
    // Bare tables (most Calc workbooks) and a table inserted under one heading are left alone.
    if (headings.size() < kMinSectionsOfAReport)
        return;
    if (std::none_of(recognized.begin(), recognized.end(), [&](const Recognition& r) { return rule.appliesTo(*r.tmpl); }))
        return;
    rule.impl->evaluateDocument(rule, {&doc, &recognized, &headings, text}, out);
}

void evaluateLocal(const RuleDecl& rule, const Document& doc, const LocalTable& lt, std::vector<Diagnostic>& out)
{
    if (rule.local())
        rule.impl->evaluateLocal(rule, doc, lt, out);
}

void evaluateCrossYear(const RuleDecl& rule, const std::vector<TableFacts>& facts, const Snapshot& current,
                       const Snapshot& previous, std::vector<Diagnostic>& out)
{
    if (!rule.crossYear())
        return;
    if (std::none_of(facts.begin(), facts.end(), [&](const TableFacts& f) { return rule.appliesTo(*f.rec->tmpl); }))
        return;
    rule.impl->evaluateYears(rule, {&facts, &current, &previous}, out);
}

bool patternMatches(const std::shared_ptr<const TextPattern>& p, const std::string& utf8)
{
    return rules::matchesPattern(p, utf8);
}

} // namespace ogi
