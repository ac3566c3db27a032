// The rules' messages: the one place that turns a declaration's message id and a finding's
// placeholder values into Diagnostic::text, which the catalogs render on demand
// (ogi/Message.h). The kinds compute values; they do not pick languages or texts.
#include "rules/Kind.h"

namespace ogi::rules {

const std::vector<std::string>& messageLanguages()
{
    static const std::vector<std::string> langs = ogi::messageLanguages();
    return langs;
}

namespace {

Message withArgs(Message m, const MessageArgs& args)
{
    for (const auto& [k, v] : args.common)
        m.text(k, v);
    for (const auto& [k, v] : args.messages)
        m.message(k, v);
    for (const auto& [k, v] : args.localized)
        m.localized(k, v);
    for (const auto& [k, v] : args.numbers)
        m.number(k, v);
    return m;
}

} // namespace

void renderMessages(const RuleDecl& rule, const MessageArgs& args, Diagnostic& d, const std::string& variant)
{
    if (!rule.messageId.empty()) {
        std::string id = rule.messageId;
        if (!variant.empty() && messageSchema().count(id + "." + variant) &&
            messagePattern(id + "." + variant, "zh-CN") != nullptr)
            id += "." + variant;
        d.text = withArgs(Message(id), args);
        return;
    }
    // Inline messages (a rules file of its own): the variant's texts, else the plain ones.
    auto own = std::make_shared<std::map<std::string, std::string>>();
    for (const auto& [tag, text] : rule.message) {
        const size_t dot = tag.find('.');
        if (dot == std::string::npos) {
            own->emplace(tag, text);
        }
    }
    if (!variant.empty())
        for (const auto& [tag, text] : rule.message)
            if (tag.size() > variant.size() + 1 && tag.compare(0, variant.size() + 1, variant + ".") == 0)
                (*own)[tag.substr(variant.size() + 1)] = text;
    Message m("rule." + rule.id);
    m.patterns = std::move(own);
    d.text = withArgs(std::move(m), args);
}

void appendNote(Diagnostic& d, Note note)
{
    switch (note) {
    case Note::BlanksCountedAsZero: d.text.then(Message("note.blanks-as-zero")); break;
    case Note::TotalFromParts: d.text.then(Message("note.total-from-parts")); break;
    }
}

Message blankText() { return Message("value.blank"); }

std::string describeKey(const TemplateDef& t, const std::string& key) { return t.describeKey(key); }

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
    MessageArgs args = std::move(fd.args);
    const auto unset = [&](const std::string& k) {
        return !args.common.count(k) && !args.messages.count(k) && !args.localized.count(k) && !args.numbers.count(k);
    };
    if (!fd.target.empty() && unset("target"))
        args.common["target"] = describeKey(*f.rec->tmpl, fd.target);
    if (unset("expected"))
        args.common["expected"] = fd.expected;
    if (unset("actual")) {
        if (fd.actual.empty())
            args.messages["actual"] = blankText();
        else
            args.common["actual"] = fd.actual;
    }
    if (unset("table"))
        args.common["table"] = f.rec->tmpl->titleZh;
    if (unset("year"))
        args.common["year"] = std::to_string(f.year);
    if (unset("name"))
        args.localized["name"] = f.rec->tmpl->names;   // the template's own short names, by language
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
