// Message catalogs (issue 10.3): data/messages/<lang>.json, one per language, embedded at build
// time, validated when they load, rendered with icu::MessageFormat (named arguments, plurals)
// when a caller asks for a language.
#include "ogi/Message.h"

#include "JsonFile.h"

#include <boost/json.hpp>
#include <unicode/fmtable.h>
#include <unicode/locid.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/plurrule.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace ogi {

namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& messageFiles();
}

/// The messages of the rule declarations and their placeholders (Rules.cpp).
MessageSchema ruleMessageSchema();
/// The messages the formats file asks for: format, table and menu names (Templates.cpp).
MessageSchema formatMessageSchema();
/// The help texts of every rule id and the rule reference's own messages (RuleHelp.cpp).
MessageSchema ruleHelpSchema();

Message& Message::text(std::string name, std::string value)
{
    MessageArg a;
    a.name = std::move(name);
    a.kind = MessageArg::Kind::Text;
    a.text = std::move(value);
    args.push_back(std::move(a));
    return *this;
}

Message& Message::number(std::string name, double value)
{
    MessageArg a;
    a.name = std::move(name);
    a.kind = MessageArg::Kind::Number;
    a.number = value;
    args.push_back(std::move(a));
    return *this;
}

Message& Message::message(std::string name, Message value)
{
    MessageArg a;
    a.name = std::move(name);
    a.kind = MessageArg::Kind::Message;
    a.items.push_back(std::move(value));
    args.push_back(std::move(a));
    return *this;
}

Message& Message::list(std::string name, std::vector<Message> items)
{
    MessageArg a;
    a.name = std::move(name);
    a.kind = MessageArg::Kind::List;
    a.items = std::move(items);
    args.push_back(std::move(a));
    return *this;
}

Message& Message::localized(std::string name, std::map<std::string, std::string> byLanguage)
{
    MessageArg a;
    a.name = std::move(name);
    a.kind = MessageArg::Kind::Localized;
    a.localized = std::move(byLanguage);
    args.push_back(std::move(a));
    return *this;
}

Message& Message::then(Message suffix)
{
    suffixes.push_back(std::move(suffix));
    return *this;
}

const MessageArg* Message::arg(std::string_view name) const
{
    for (const MessageArg& a : args)
        if (a.name == name)
            return &a;
    return nullptr;
}

namespace {

namespace json = boost::json;

const char* const kDefaultLanguage = "zh-CN";

/// The messages the core itself emits (rule messages come from the rule declarations) and
/// the placeholders each may use.
const MessageSchema& coreSchema()
{
    static const MessageSchema schema{
        {"list.separator", {{}}},
        {"value.text", {{"text"}}},
        {"value.blank", {{}}},
        {"value.quoted", {{"text"}}},
        {"list.more", {{"total", "more"}}},
        {"note.blanks-as-zero", {{}}},
        {"note.total-from-parts", {{}}},
        {"type.int", {{"problem"}}},
        {"type.dec", {{"problem"}}},
        {"type.signed", {{"problem"}}},
        {"type.amount", {{"problem"}}},
        {"type.heading", {{"problem"}}},
        {"severity.error", {{}}},
        {"severity.warning", {{}}},
        {"severity.info", {{}}},
        {"check.failed", {{"what"}}},
        {"reader.too-large", {{"where", "cells"}}},
        {"reader.save-limit", {{"where", "cells"}}},
        {"reader.deadline", {{"where"}}},
        {"suggest.reason", {{"changes", "kind", "rules", "count", "slip"}}},
        {"suggest.change", {{"cell", "value"}}},
        {"suggest.kind.transposed", {{"was", "value"}}},
        {"suggest.kind.dropped-digit", {{"was", "value"}}},
        {"suggest.kind.added-digit", {{"was", "value"}}},
        {"suggest.kind.last-year", {{"was", "value"}}},
        {"suggest.kind.neighbour-column", {{"was", "value"}}},
        {"suggest.slip.typical", {{}}},
        {"suggest.slip.last-year", {{}}},
        {"suggest.ambiguous", {{"candidates", "rules", "count"}}},
        {"suggest.candidate", {{"cell", "value"}}},
        {"suggest.text", {{"quote", "stated", "value", "rule"}}},
        {"text.document", {{"document"}}},
        {"text.year", {{"year"}}},
        {"text.previous", {{"report"}}},
        {"text.no-table", {{}}},
        {"text.table", {{"index", "template", "title"}}},
        {"text.mapped", {{"mapped", "total"}}},
        {"text.total", {{"errors", "warnings", "infos"}}},
        {"text.ignored", {{"count"}}},
    };
    return schema;
}

icu::UnicodeString u16(std::string_view s)
{
    return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string u8(const icu::UnicodeString& s)
{
    std::string out;
    s.toUTF8String(out);
    return out;
}

/// The named arguments of a pattern; throws on a syntax error or a numbered argument.
std::set<std::string> argumentNames(const std::string& pattern, const std::string& context)
{
    UParseError where{};
    UErrorCode status = U_ZERO_ERROR;
    icu::MessagePattern parsed(u16(pattern), &where, status);
    if (U_FAILURE(status))
        throw std::runtime_error(context + ": not an ICU message pattern (offset " + std::to_string(where.offset) +
                                 ": " + u_errorName(status) + ")");
    std::set<std::string> names;
    for (int32_t i = 0; i < parsed.countParts(); ++i) {
        const icu::MessagePattern::Part& part = parsed.getPart(i);
        if (part.getType() == UMSGPAT_PART_TYPE_ARG_NUMBER)
            throw std::runtime_error(context + ": numbered argument {" + std::to_string(part.getValue()) +
                                     "}: use a named placeholder");
        if (part.getType() == UMSGPAT_PART_TYPE_ARG_NAME)
            names.insert(u8(parsed.getSubstring(part)));
    }
    return names;
}

/// A catalog and the compiled formats of its patterns.
struct LoadedCatalog {
    MessageCatalog catalog;
    icu::Locale locale;
    std::map<std::string, std::unique_ptr<icu::MessageFormat>> formats;
};

struct Catalogs {
    std::vector<MessageCatalog> plain;
    std::vector<std::unique_ptr<LoadedCatalog>> loaded;
    // icu::MessageFormat creates its number format and plural rules lazily inside const
    // methods: formatting is serialized (rendering is on demand, not in the checking loop).
    std::mutex formatting;
};

Catalogs& catalogs()
{
    static Catalogs* all = [] {
        auto c = std::make_unique<Catalogs>();
        for (const auto& [name, text] : data::messageFiles()) {
            auto l = std::make_unique<LoadedCatalog>();
            l->catalog = parseMessageCatalog(name, text, messageSchema());
            UErrorCode status = U_ZERO_ERROR;
            l->locale = icu::Locale::forLanguageTag(l->catalog.language, status);
            for (const auto& [id, pattern] : l->catalog.patterns) {
                status = U_ZERO_ERROR;
                auto f = std::make_unique<icu::MessageFormat>(u16(pattern), l->locale, status);
                if (U_FAILURE(status))
                    throw std::runtime_error(std::string(name) + ": " + id + ": " + u_errorName(status));
                l->formats.emplace(id, std::move(f));
            }
            c->plain.push_back(l->catalog);
            c->loaded.push_back(std::move(l));
        }
        std::sort(c->plain.begin(), c->plain.end(),
                  [](const MessageCatalog& a, const MessageCatalog& b) { return a.language < b.language; });
        return c.release();
    }();
    return *all;
}

std::string primary(const std::string& tag)
{
    return tag.substr(0, tag.find_first_of("-_"));
}

/// The catalog for a language: the exact tag, else the same primary language, else zh-CN.
const LoadedCatalog* catalogFor(const std::string& lang)
{
    const Catalogs& all = catalogs();
    for (const auto& l : all.loaded)
        if (l->catalog.language == lang)
            return l.get();
    for (const auto& l : all.loaded)
        if (primary(l->catalog.language) == primary(lang))
            return l.get();
    for (const auto& l : all.loaded)
        if (l->catalog.language == kDefaultLanguage)
            return l.get();
    return all.loaded.empty() ? nullptr : all.loaded.front().get();
}

std::string renderIn(const LoadedCatalog& c, const Message& m);

std::string argText(const LoadedCatalog& c, const MessageArg& a)
{
    switch (a.kind) {
    case MessageArg::Kind::Text: return a.text;
    case MessageArg::Kind::Number: return {};
    case MessageArg::Kind::Message: return a.items.empty() ? std::string() : renderIn(c, a.items.front());
    case MessageArg::Kind::List: {
        std::string out;
        const std::string separator = renderIn(c, Message("list.separator"));
        for (size_t i = 0; i < a.items.size(); ++i)
            out += (i ? separator : std::string()) + renderIn(c, a.items[i]);
        return out;
    }
    case MessageArg::Kind::Localized: {
        for (const std::string& l : {c.catalog.language, std::string(kDefaultLanguage)}) {
            auto it = a.localized.find(l);
            if (it != a.localized.end())
                return it->second;
        }
        return a.localized.empty() ? std::string() : a.localized.begin()->second;
    }
    }
    return {};
}

/// A message's own pattern in the catalog's language (else its primary language, else zh-CN).
const std::string* ownPattern(const LoadedCatalog& c, const Message& m)
{
    const std::string& lang = c.catalog.language;
    for (const auto& [tag, p] : *m.patterns)
        if (tag == lang)
            return &p;
    for (const auto& [tag, p] : *m.patterns)
        if (primary(tag) == primary(lang))
            return &p;
    auto it = m.patterns->find(kDefaultLanguage);
    return it != m.patterns->end() ? &it->second : m.patterns->empty() ? nullptr : &m.patterns->begin()->second;
}

std::string renderIn(const LoadedCatalog& c, const Message& m)
{
    std::string out;
    if (m.empty())
        return out;
    std::unique_ptr<icu::MessageFormat> own;
    if (m.patterns) {
        if (const std::string* p = ownPattern(c, m)) {
            UErrorCode status = U_ZERO_ERROR;
            own = std::make_unique<icu::MessageFormat>(u16(*p), c.locale, status);
            if (U_FAILURE(status))
                own.reset();
        }
    }
    auto f = c.formats.find(m.id);
    icu::MessageFormat* format = own ? own.get() : f != c.formats.end() ? f->second.get() : nullptr;
    if (!format) {
        out = m.id;   // validated catalogs hold every id the code emits: this is a bug, shown as the id
    } else {
        std::vector<icu::UnicodeString> names;
        std::vector<icu::Formattable> values;
        names.reserve(m.args.size());
        values.reserve(m.args.size());
        for (const MessageArg& a : m.args) {
            names.push_back(u16(a.name));
            if (a.kind == MessageArg::Kind::Number)
                values.emplace_back(a.number);
            else
                values.emplace_back(u16(argText(c, a)));
        }
        icu::UnicodeString result;
        UErrorCode status = U_ZERO_ERROR;
        format->format(names.data(), values.data(), static_cast<int32_t>(names.size()), result, status);
        out = U_FAILURE(status) ? m.id : u8(result);
    }
    for (const Message& s : m.suffixes)
        out += renderIn(c, s);
    return out;
}

} // namespace

MessageCatalog parseMessageCatalog(std::string_view name, std::string_view text, const MessageSchema& schema)
{
    const std::string file(name);
    const json::value root = parseJsonObjectFile(file, text, "a JSON object");
    MessageCatalog out;
    for (const auto& [key, value] : root.as_object()) {
        if (key == "language" && value.is_string())
            out.language = std::string(value.as_string());
        else if (key == "messages" && value.is_object())
            ;
        else
            throw std::runtime_error(file + ": unknown field \"" + std::string(key) + "\" (expected language, messages)");
    }
    if (out.language.empty())
        throw std::runtime_error(file + ": no \"language\"");
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale = icu::Locale::forLanguageTag(out.language, status);
    if (U_FAILURE(status) || locale.isBogus() || std::string(locale.getLanguage()).empty())
        throw std::runtime_error(file + ": \"" + out.language + "\" is not a language tag");
    const json::value* messages = root.as_object().if_contains("messages");
    if (!messages)
        throw std::runtime_error(file + ": no \"messages\"");
    for (const auto& [key, value] : messages->as_object()) {
        const std::string id(key);
        const std::string context = file + ": message \"" + id + "\"";
        auto known = schema.find(id);
        if (known == schema.end())
            throw std::runtime_error(context + ": unknown message id");
        if (!value.is_string())
            throw std::runtime_error(context + ": not a string");
        std::string pattern(value.as_string());
        for (const std::string& n : argumentNames(pattern, context))
            if (!known->second.placeholders.count(n))
                throw std::runtime_error(context + ": unknown placeholder {" + n + "}");
        out.patterns.emplace(id, std::move(pattern));
    }
    for (const auto& [id, spec] : schema)
        if (!spec.optional && !out.patterns.count(id))
            throw std::runtime_error(file + ": no message \"" + id + "\"");
    return out;
}

const MessageSchema& messageSchema()
{
    static const MessageSchema schema = [] {
        MessageSchema s = coreSchema();
        for (auto& [id, spec] : ruleMessageSchema())
            s[id] = std::move(spec);
        for (auto& [id, spec] : formatMessageSchema())   // format.<id>, table.<family>, menu.<template>
            s[id] = std::move(spec);
        for (auto& [id, spec] : ruleHelpSchema())
            s[id] = std::move(spec);
        return s;
    }();
    return schema;
}

const std::vector<MessageCatalog>& messageCatalogs()
{
    return catalogs().plain;
}

std::vector<std::string> messageLanguages()
{
    std::vector<std::string> out;
    for (const MessageCatalog& c : messageCatalogs())
        out.push_back(c.language);
    return out;
}

const std::string* messagePattern(const std::string& id, const std::string& lang)
{
    const LoadedCatalog* c = catalogFor(lang);
    if (!c)
        return nullptr;
    auto it = c->catalog.patterns.find(id);
    return it == c->catalog.patterns.end() ? nullptr : &it->second;
}

std::string Message::render(const std::string& lang) const
{
    if (id.empty())
        return {};
    const LoadedCatalog* c = nullptr;
    try {
        c = catalogFor(lang);
    } catch (const std::exception&) {
        c = nullptr;   // an invalid catalog is a configuration error CatalogTest reports; say the id
    }
    if (!c)
        return id;
    Catalogs& all = catalogs();
    const std::lock_guard<std::mutex> lock(all.formatting);
    return renderIn(*c, *this);
}

std::string matchLanguage(const std::string& tag, const std::string& fallback)
{
    std::string norm = tag;
    std::replace(norm.begin(), norm.end(), '_', '-');
    const std::vector<std::string> langs = messageLanguages();
    for (const std::string& l : langs)
        if (l == norm)
            return l;
    for (const std::string& l : langs)
        if (!norm.empty() && primary(l) == primary(norm))
            return l;
    return fallback;
}

std::string pluralCategory(const std::string& lang, long long n)
{
    UErrorCode status = U_ZERO_ERROR;
    const std::unique_ptr<icu::PluralRules> rules(
        icu::PluralRules::forLocale(icu::Locale::forLanguageTag(lang, status), status));
    if (U_FAILURE(status) || !rules)
        return "other";
    if (n < INT32_MIN || n > INT32_MAX)
        return "other";   // no count we show comes near; CLDR's categories of such numbers are "other" in our languages
    std::string out;
    rules->select(static_cast<int32_t>(n)).toUTF8String(out);
    return out.empty() ? "other" : out;
}

} // namespace ogi
