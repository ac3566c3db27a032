#include "ogi/Checker.h"

#include "CrossYearEval.h"
#include "Rules.h"
#include "ogi/CrossYear.h"
#include "ogi/Recognizer.h"
#include "ogi/Suggest.h"

#include "ogi/Text.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <exception>
#include <map>
#include <set>
#include <vector>

namespace ogi {
namespace {

/// First "20xx年" in text, or 0.
int yearIn(const std::string& s)
{
    for (size_t i = 0; i + 4 < s.size(); ++i) {
        if (s[i] != '2' || s[i + 1] != '0' || !isdigit(static_cast<unsigned char>(s[i + 2])) ||
            !isdigit(static_cast<unsigned char>(s[i + 3])))
            continue;
        if (i > 0 && isdigit(static_cast<unsigned char>(s[i - 1])))
            continue;
        size_t j = i + 4;
        while (j < s.size() && s[j] == ' ')
            ++j;
        if (s.compare(j, 3, "年") == 0)
            return std::stoi(s.substr(i, 4));
    }
    return 0;
}

bool has(const std::string& s, const char* needle) { return s.find(needle) != std::string::npos; }

bool isTitleLike(const std::string& s)
{
    // the traditional forms too: reports copied by mirror sites (issue 9.5)
    return (has(s, "年度") || has(s, "年")) && (has(s, "报告") || has(s, "统计表") || has(s, "年报") || has(s, "報告") ||
                                              has(s, "統計表") || has(s, "年報"));
}

/// The table rules of a template in catalog order, split as a check runs them: S-3 (runsLast)
/// after the others and the suggestions. RuleDecl::appliesTo matches its selectors as text;
/// for the built-in templates the lists are made once, not once per rule and table of every
/// check (issue 11).
struct TableRules {
    std::vector<const RuleDecl*> first, last;
};

TableRules tableRulesOf(const TemplateDef& t)
{
    TableRules out;
    for (const RuleDecl& rule : ruleCatalog())
        if (rule.appliesTo(t))
            (rule.runsLast() ? out.last : out.first).push_back(&rule);
    return out;
}

const TableRules& tableRules(const TemplateDef& t, TableRules& other)
{
    static const std::map<const TemplateDef*, TableRules> builtIn = [] {
        std::map<const TemplateDef*, TableRules> m;
        for (const TemplateDef& d : templates())
            m.emplace(&d, tableRulesOf(d));
        return m;
    }();
    const auto it = builtIn.find(&t);
    if (it != builtIn.end())
        return it->second;
    other = tableRulesOf(t);
    return other;
}

} // namespace

std::vector<std::string> ruleIds()
{
    std::set<std::string> ids;
    for (const RuleDecl& r : ruleCatalog())
        ids.insert(r.id);
    std::vector<std::string> out(ids.begin(), ids.end());
    // natural order: B-2 before B-10
    std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
        if (a[0] != b[0])
            return a[0] < b[0];
        return std::atoi(a.c_str() + 2) < std::atoi(b.c_str() + 2);
    });
    return out;
}

std::set<std::string> parseRuleList(const std::string& list, std::vector<std::string>* unknown)
{
    static const std::vector<std::string> known = ruleIds();
    // separators: ASCII , ; and white space, and the full-width ， ； 、 and U+3000; white
    // space becomes a comma before NFKC (which would drop it), NFKC maps ，；and full-width
    // letters and digits
    std::string raw = list;
    for (const char* sep : {"\xE3\x80\x80", "\xE3\x80\x81"})   // U+3000, 、
        for (size_t p; (p = raw.find(sep)) != std::string::npos;)
            raw.replace(p, 3, ",");
    for (char& c : raw)
        if (std::isspace(static_cast<unsigned char>(c)))
            c = ',';
    const std::string text = normalizeValueText(raw);
    std::set<std::string> out;
    std::string token;
    auto flush = [&] {
        if (token.empty())
            return;
        for (char& c : token)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (std::find(known.begin(), known.end(), token) != known.end())
            out.insert(token);
        else if (unknown)
            unknown->push_back(token);
        token.clear();
    };
    for (char c : text) {
        if (c == ',' || c == ';' || std::isspace(static_cast<unsigned char>(c)))
            flush();
        else
            token += c;
    }
    flush();
    return out;
}

int findReportYear(const Document& doc)
{
    // Title first ("2019年…年度报告", "…2017年度政府信息公开情况统计表"), then the statistics
    // period ("统计期限为2017年1月1日至…"); titles of Calc sheets live in cells.
    for (const Block& b : doc.blocks)
        if (b.kind == Block::Kind::Paragraph && isTitleLike(b.text) && b.text.size() < 300)
            if (int y = yearIn(b.text))
                return y;
    for (const Block& b : doc.blocks)
        if (b.kind == Block::Kind::Paragraph && has(b.text, "统计期限"))
            if (int y = yearIn(b.text.substr(b.text.find("统计期限"))))
                return y;
    for (const Table& t : doc.tables)
        for (const Cell& c : t.cells)
            if (isTitleLike(c.text) && c.text.size() < 300)
                if (int y = yearIn(c.text))
                    return y;
    // No title (an excerpt): the year the body text keeps talking about, if it clearly does.
    std::map<int, int> mentions;
    for (const Block& b : doc.blocks)
        if (b.kind == Block::Kind::Paragraph)
            for (size_t pos = 0; pos < b.text.size(); ++pos)
                if (b.text[pos] == '2')
                    if (int y = yearIn(b.text.substr(pos, 12)); y && (pos == 0 || !isdigit(static_cast<unsigned char>(b.text[pos - 1]))))
                        ++mentions[y];
    int best = 0, bestCount = 0;
    for (const auto& [y, n] : mentions)
        if (n > bestCount) {
            best = y;
            bestCount = n;
        }
    return bestCount >= 3 ? best : 0;
}

Checker::Checker(CheckOptions options) : m_options(std::move(options)) {}

Report Checker::check(const Document& doc) const
{
    // The engine's boundary (issue 9.2): no input may take the host down. Whatever escapes a
    // rule becomes one document-level finding that says the check did not complete.
    try {
        return checkUnguarded(doc);
    } catch (const std::exception& e) {
        return failedReport(doc, e.what());
    } catch (...) {
        return failedReport(doc, "unknown exception");
    }
}

Report Checker::failedReport(const Document& doc, const std::string& what) const
{
    Report report;
    report.document = doc.name;
    Diagnostic d;
    d.rule = kCheckFailedRule;
    d.severity = Severity::Error;
    d.expected = "check completed";
    d.actual = what;
    d.text = Message("check.failed").text("what", what);
    report.diagnostics.push_back(std::move(d));
    return report;
}

Report Checker::checkUnguarded(const Document& doc) const
{
    Report report;
    report.document = doc.name;
    report.year = m_options.year ? m_options.year : findReportYear(doc);
    const std::vector<Recognition> recognized = recognize(doc, report.year);
    const ReportIdentity identity = reportIdentity(doc);
    report.unit = identity.unit;
    std::vector<TableFacts> allFacts;
    const TextIndex text(doc);   // the paragraphs, folded and matched once for all tables (issue 11)
    const auto enabled = [&](const RuleDecl& r) {
        return !m_options.disabledRules.count(r.id) && (m_options.reportUnmapped || r.kind != "unmapped");
    };
    for (const Recognition& rec : recognized) {
        TableInfo info;
        info.index = static_cast<int>(report.tables.size());
        info.templateId = rec.tmpl->id;
        info.version = rec.tmpl->version;
        info.title = rec.tmpl->formTitle();
        info.sourceTables = rec.sourceTables;
        const Table& first = doc.tables[static_cast<size_t>(rec.sourceTables.front())];
        info.location = first.location.empty() ? first.name : first.location;
        info.mappedKeys = static_cast<int>(rec.cells.size());
        for (const TemplateCell& extra : rec.tmpl->extraCells)   // subtotal rows are no template cells
            info.mappedKeys -= static_cast<int>(rec.cells.count(extra.key));
        info.totalKeys = static_cast<int>(rec.tmpl->keys().size());
        report.tables.push_back(info);

        TableFacts facts = collectFacts(doc, rec, info.index, report.year);
        facts.text = &text;
        const size_t firstDiag = report.diagnostics.size();
        TableRules otherRules;
        const TableRules& rules = tableRules(*rec.tmpl, otherRules);
        for (const RuleDecl* rule : rules.first)
            if (enabled(*rule))
                evaluate(*rule, facts, report.diagnostics);
        if (m_options.suggest)
            attachSuggestions(facts, report.diagnostics, firstDiag, m_options.previous.get());   // issue 14
        // S-3 last: one finding per table, leaving out the cells the findings above are on (issue 9.6)
        for (const RuleDecl* rule : rules.last)
            if (enabled(*rule))
                evaluate(*rule, facts, report.diagnostics);
        if (!m_options.previous) {
            report.tables.back().values = std::move(facts.values);   // no cross-year rule reads them
            continue;
        }
        report.tables.back().values = facts.values;
        allFacts.push_back(std::move(facts));
    }
    if (m_options.previous && !recognized.empty()) {
        const Snapshot& prev = *m_options.previous;
        report.previous = {true, prev.path, prev.title, prev.unit, m_options.previousSource, prev.year};
        Snapshot current;
        current.sections = sectionsOf(doc);
        for (const RuleDecl& rule : ruleCatalog())
            if (rule.crossYear() && enabled(rule))
                evaluateCrossYear(rule, allFacts, current, prev, report.diagnostics);
    }
    if (!recognized.empty()) {
        const std::vector<SectionHeading> headings = sectionHeadings(doc);
        for (const RuleDecl& rule : ruleCatalog())
            if (rule.documentLevel() && enabled(rule))
                evaluateDocument(rule, doc, recognized, headings, report.diagnostics, &text);
    }
    // Local statistics tables (spec §2.4, issue 9.9): named and checked for what holds in any
    // of them; they are no "resembles" case.
    const std::vector<LocalTable> local = localTables(doc, recognized);
    std::set<int> localIndices;
    for (const LocalTable& lt : local) {
        localIndices.insert(lt.table);
        for (const RuleDecl& rule : ruleCatalog())
            if (rule.local() && enabled(rule))
                evaluateLocal(rule, doc, lt, report.diagnostics);
    }
    for (const RuleDecl& rule : ruleCatalog())
        if (rule.resemblance() && enabled(rule))
            for (const Resemblance& r : resemblances(doc, recognized))
                if (!localIndices.count(r.table))
                    report.diagnostics.push_back(resemblanceFinding(rule, doc, r));
    if (!m_options.ignored.empty()) {
        for (const Diagnostic& d : report.diagnostics) {
            const std::string key = ignoreKey(d);
            if (!m_options.ignored.count(key))
                continue;
            const auto reason = m_options.ignoreReasons.find(key);
            report.ignoredFindings.push_back(
                {key, d.rule, d.cell.address, reason == m_options.ignoreReasons.end() ? std::string() : reason->second});
        }
        const auto isIgnored = [&](const Diagnostic& d) { return m_options.ignored.count(ignoreKey(d)) > 0; };
        const auto kept = std::remove_if(report.diagnostics.begin(), report.diagnostics.end(), isIgnored);
        report.ignored = static_cast<int>(report.diagnostics.end() - kept);
        report.diagnostics.erase(kept, report.diagnostics.end());
    }
    return report;
}

} // namespace ogi
