// Document-level kinds (spec §6.7, §8.2, X-7): sections (S-2: the report's six sections,
// each under its own numeral), tables (S-1: the tables of the format) and sectiontext (S-5,
// the text of one section matches a pattern). Evaluated once per document whose
// tables they apply to, when the document is a whole report (rules/Registry.cpp).
#include "rules/Kind.h"

#include "ogi/Text.h"

#include <boost/json.hpp>

#include <set>

namespace ogi {
namespace rules {
namespace {

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


/// S-2: the six sections, each under its own numeral.
void sectionsCheck(const RuleDecl& rule, const std::vector<SectionHeading>& headings, std::vector<Diagnostic>& out)
{
    for (const SectionDecl& s : rule.sections) {
        const SectionHeading* found = nullptr;
        for (const SectionHeading& h : headings)
            if (matchesPattern(s.compiled, h.match16)) {
                found = &h;
                break;
            }
        const std::string want = s.numeral + "、" + s.title;
        if (!found)
            out.push_back(documentFinding(rule, {{{"section", want}}, {}, {}, {}}, want, "", "missing"));
        else if (found->numeral != s.numeral)
            out.push_back(documentFinding(rule, {{{"section", want}, {"found", found->numeral + "、" + found->title}}, {}, {}, {}},
                                          want, found->numeral + "、" + found->title, "misnumbered"));
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
        const TemplateDef* t = formatTable(version, family);   // the format's national table (formats.json)
        if (!t)
            continue;
        out.push_back(documentFinding(rule, {{{"version", version}}, {}, {{"table", t->titles}}, {}},
                                      t->id, ""));
    }
}

/// X-7 / S-5: the text of one section (its heading found by `section`) must match `pattern`.
void sectionTextCheck(const RuleDecl& rule, const Document& doc, const std::vector<SectionHeading>& headings,
                      std::vector<Diagnostic>& out, const TextIndex* text)
{
    for (size_t h = 0; h < headings.size(); ++h) {
        if (!matchesPattern(rule.sectionCompiled, headings[h].match16))
            continue;
        const size_t end = h + 1 < headings.size() ? headings[h + 1].block : doc.blocks.size();
        std::string matched;   // what the pattern sees: simplified, no glosses
        for (size_t i = headings[h].block + 1; i < end; ++i)
            if (doc.blocks[i].kind == Block::Kind::Paragraph) {
                const TextIndex::Paragraph* p = text ? text->paragraph(i) : nullptr;
                matched += (p ? toUtf8(TextIndex::fold(*p).match) : matchText(doc.blocks[i].text)) + "\n";
            }
        if (matchesPattern(rule.compiled, matched))
            return;
        std::string body;      // what the message quotes: the user's characters
        for (size_t i = headings[h].block + 1; i < end && body.size() < 240; ++i)
            if (doc.blocks[i].kind == Block::Kind::Paragraph)
                body += normalizeValueText(doc.blocks[i].text) + "\n";
        const std::string heading = headings[h].numeral + "、" + headings[h].title;
        std::string shown = utf8Prefix(body, 60);
        while (!shown.empty() && shown.back() == '\n')
            shown.pop_back();
        MessageArgs args{{{"section", heading}}, {}, {}, {}};
        if (shown.empty())
            args.messages["actual"] = blankText();
        else
            args.common["actual"] = shown;
        out.push_back(documentFinding(rule, args, rule.pattern, shown));
        return;
    }
}


class SectionsKind : public RuleKind {
public:
    Scope scope() const override { return Scope::Document; }
    std::set<std::string> fields() const override { return {"sections"}; }
    std::set<std::string> placeholders() const override { return {"section", "found"}; }
    std::set<std::string> variants() const override { return {"missing", "misnumbered"}; }

    void parse(RuleDecl& r, const Settings& s) const override
    {
        const boost::json::value* secs = s.raw("sections");
        if (!secs || !secs->is_array() || secs->as_array().empty())
            s.fail("kind sections needs a list of sections");
        for (const auto& sv : secs->as_array()) {
            if (!sv.is_object())
                s.fail("a section that is not an object");
            const Settings so(sv.as_object(), s.where() + " section");
            for (const auto& [field, value] : sv.as_object())
                if (field != "n" && field != "title" && field != "match")
                    so.fail("unknown field \"" + std::string(field) + "\"");
            SectionDecl sd{so.string("n"), so.string("title"), so.string("match"), nullptr};
            if (sd.numeral.empty() || sd.title.empty())
                so.fail("needs a numeral (n) and a title");
            sd.compiled = compilePattern(sd.match.empty() ? sd.title : sd.match, s.where() + " section " + sd.numeral);
            r.sections.push_back(std::move(sd));
        }
    }

    void evaluateDocument(const RuleDecl& rule, const DocumentFacts& f, std::vector<Diagnostic>& out) const override
    {
        sectionsCheck(rule, *f.headings, out);
    }
};

class TablesKind : public RuleKind {
public:
    Scope scope() const override { return Scope::Document; }
    std::set<std::string> fields() const override { return {"families"}; }
    std::set<std::string> placeholders() const override { return {"table", "version"}; }

    void parse(RuleDecl& r, const Settings& s) const override
    {
        r.families = s.strings("families");
        if (r.families.empty())
            s.fail("kind tables needs families");
        for (const std::string& fam : r.families)
            if (std::none_of(templates().begin(), templates().end(), [&](const TemplateDef& t) { return t.family == fam; }))
                s.fail("unknown template family \"" + fam + "\"");
    }

    void evaluateDocument(const RuleDecl& rule, const DocumentFacts& f, std::vector<Diagnostic>& out) const override
    {
        tablesCheck(rule, *f.recognized, out);
    }
};

class SectionTextKind : public RuleKind {
public:
    Scope scope() const override { return Scope::Document; }
    std::set<std::string> fields() const override { return {"pattern", "section"}; }
    std::set<std::string> placeholders() const override { return {"section", "actual"}; }

    void parse(RuleDecl& r, const Settings& s) const override
    {
        parsePatternInSection(r, s);
    }

    void evaluateDocument(const RuleDecl& rule, const DocumentFacts& f, std::vector<Diagnostic>& out) const override
    {
        sectionTextCheck(rule, *f.doc, *f.headings, out, f.text);
    }
};

} // namespace

void registerStructureKinds(KindRegistry& r)
{
    r.add<SectionsKind>("sections");
    r.add<TablesKind>("tables");
    r.add<SectionTextKind>("sectiontext");
}

} // namespace rules

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
            !rules::numeralValue(t.substr(0, p)) || t.size() == p + comma.size())
            continue;
        SectionHeading h;
        h.block = i;
        h.numeral = t.substr(0, p);
        h.title = t.substr(p + comma.size());
        h.match = matchText(h.title);
        h.match16 = icu::UnicodeString::fromUTF8(h.match);
        out.push_back(std::move(h));
    }
    return out;
}

} // namespace ogi
