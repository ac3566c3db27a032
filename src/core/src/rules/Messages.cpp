// Rendering of the rules' messages: the one place that turns a declaration's message texts
// and a finding's placeholder values into Diagnostic::messages. The kinds compute values;
// they do not pick languages or texts.
#include "rules/Kind.h"

namespace ogi::rules {

namespace {
const char* const kZh = "zh-CN";
}

const std::vector<std::string>& messageLanguages()
{
    static const std::vector<std::string> langs = {"zh-CN", "en-US"};
    return langs;
}

void renderMessages(const RuleDecl& rule, const MessageArgs& args, Diagnostic& d, const std::string& variant)
{
    for (const std::string& lang : messageLanguages()) {
        auto it = variant.empty() ? rule.message.end() : rule.message.find(variant + "." + lang);
        if (it == rule.message.end())
            it = rule.message.find(lang);
        if (it == rule.message.end())
            continue;                             // never: every language is checked on load
        std::map<std::string, std::string> vars = args.common;
        if (auto own = args.byLanguage.find(lang); own != args.byLanguage.end())
            for (const auto& [k, v] : own->second)
                vars[k] = v;
        d.messages[lang] = substitute(it->second, vars);
    }
}

void appendNote(Diagnostic& d, Note note)
{
    switch (note) {
    case Note::BlanksCountedAsZero:
        d.messages["zh-CN"] += "（部分单元格为空，按0计算）";
        d.messages["en-US"] += " (some cells are blank and were counted as 0)";
        break;
    case Note::TotalFromParts:
        d.messages["zh-CN"] += "（表中该总计栏空白，按其各项之和计）";
        d.messages["en-US"] += " (the total cell is blank in the table; the sum of its parts was used)";
        break;
    }
}

std::string blankText(const std::string& lang) { return lang == kZh ? "空白" : "blank"; }

std::string describeKey(const TemplateDef& t, const std::string& key, const std::string& lang)
{
    const std::string label = t.describeKey(key);
    return lang == kZh ? label : label + " [" + key + "]";
}

std::set<std::string> tablePlaceholders(std::set<std::string> more)
{
    more.insert({"target", "expected", "actual", "table", "year", "name"});
    return more;
}

void emitTableFinding(const RuleDecl& rule, const TableFacts& f, Finding fd, std::vector<Diagnostic>& out)
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
    // The placeholders every table rule has, unless the kind set them itself.
    MessageArgs args;
    for (const std::string& lang : messageLanguages()) {
        std::map<std::string, std::string>& vars = args.byLanguage[lang];
        vars = fd.args.common;
        if (auto own = fd.args.byLanguage.find(lang); own != fd.args.byLanguage.end())
            for (const auto& [k, v] : own->second)
                vars[k] = v;
        if (!fd.target.empty())
            vars.emplace("target", describeKey(*f.rec->tmpl, fd.target, lang));
        vars.emplace("expected", fd.expected);
        vars.emplace("actual", fd.actual.empty() ? blankText(lang) : fd.actual);
        vars.emplace("table", f.rec->tmpl->titleZh);
        vars.emplace("year", std::to_string(f.year));
        vars.emplace("name", lang == kZh ? f.rec->tmpl->nameZh : f.rec->tmpl->nameEn);
    }
    renderMessages(rule, args, d, fd.variant);
    if (fd.blanks && rule.severity == Severity::Error)
        appendNote(d, Note::BlanksCountedAsZero);
    out.push_back(std::move(d));
}

Diagnostic documentFinding(const RuleDecl& rule, const MessageArgs& args, std::string expected, std::string actual,
                           const std::string& variant)
{
    Diagnostic d;
    d.rule = rule.id;
    d.severity = rule.severity;
    d.expected = std::move(expected);
    d.actual = std::move(actual);
    renderMessages(rule, args, d, variant);
    return d;
}

} // namespace ogi::rules

namespace ogi {

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
