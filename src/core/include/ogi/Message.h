// Messages as catalogs (issue 10.3): the engine says *what* it found as a message id and named
// arguments; per-language catalogs (data/messages/<lang>.json, ICU MessageFormat with plurals)
// say it in words, when a caller asks for a language. No language is known to the code: adding
// one is adding a catalog file.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ogi {

struct Message;

/// One named argument of a message.
struct MessageArg {
    enum class Kind { Text, Number, Message, List, Localized };
    std::string name;
    Kind kind = Kind::Text;
    std::string text;                             ///< Text
    double number = 0;                            ///< Number
    std::vector<Message> items;                   ///< Message (one item), List
    std::map<std::string, std::string> localized; ///< Localized: language tag → text
};

/// A message to be rendered: its catalog id and its named arguments, and what follows it.
struct Message {
    std::string id;                 ///< catalog id, e.g. "check.failed", "rule.B-1"; empty: no message
    std::vector<MessageArg> args;   ///< named arguments (MessageArg::name)
    std::vector<Message> suffixes;  ///< rendered right after it ("…（部分单元格为空，按0计算）")
    /// Patterns of its own (language tag → pattern), used instead of the catalogs': the inline
    /// messages of a rules file that is not embedded (a test's snippet). Null for catalog messages.
    std::shared_ptr<const std::map<std::string, std::string>> patterns;

    Message() = default;
    explicit Message(std::string messageId) : id(std::move(messageId)) {}

    bool empty() const { return id.empty() && !patterns; }

    /// Builders: text, a number (plural and select use it), another message rendered in the
    /// same language, a list joined by the catalog's separator, a text that data localizes
    /// itself (a template's name: language tag → text).
    Message& text(std::string name, std::string value);
    Message& number(std::string name, double value);
    Message& message(std::string name, Message value);
    Message& list(std::string name, std::vector<Message> items);
    Message& localized(std::string name, std::map<std::string, std::string> byLanguage);
    Message& then(Message suffix);

    /// The argument called `name`, or null.
    const MessageArg* arg(std::string_view name) const;

    /// The text in `lang` ("zh-CN", "en-US", "en"…); an unknown language falls back to the
    /// catalog of the same primary language, then to the default one (zh-CN).
    std::string render(const std::string& lang = "zh-CN") const;
};


/// One message the code may emit: the placeholders it may use; an optional one (a rule's
/// message variant, "rule.S-2.missing") may be left out of a catalog (the plain message is used).
struct MessageSpec {
    std::set<std::string> placeholders;
    bool optional = false;
};

/// The message ids the code may emit. Catalogs are validated against it when they load.
using MessageSchema = std::map<std::string, MessageSpec>;

/// One language's catalog, parsed and validated.
struct MessageCatalog {
    std::string language;                        ///< "zh-CN"
    std::map<std::string, std::string> patterns; ///< id → ICU MessageFormat pattern
};

/// Parses one catalog file: {"language": tag, "messages": {id: pattern}}. Throws
/// std::runtime_error naming the file (and the id) for an unknown field (a misspelt key), a
/// message id the schema does not know, a placeholder the message may not use, a numbered
/// argument, a pattern ICU cannot parse, or a message the schema requires but the file lacks.
MessageCatalog parseMessageCatalog(std::string_view name, std::string_view text, const MessageSchema& schema);

/// Every message the engine emits (core messages and one per rule declaration) with its
/// placeholders: what the embedded catalogs are validated against.
const MessageSchema& messageSchema();

/// The embedded catalogs, parsed and validated on first use (throws std::runtime_error when one
/// is invalid; CatalogTest loads them).
const std::vector<MessageCatalog>& messageCatalogs();

/// Language tags of the embedded catalogs, sorted ("en-US", "zh-CN").
std::vector<std::string> messageLanguages();

/// The catalog language a user of `tag` ("zh-CN", "zh_TW", "en-GB", "de"…) reads: the exact tag,
/// else a catalog of the same primary language, else `fallback` (a catalog's tag). What the UI
/// uses to pick its language: adding a language is adding its catalogs.
std::string matchLanguage(const std::string& tag, const std::string& fallback);

/// The CLDR plural category ("one", "few", "other"…) of the count `n` in `lang` (ICU's
/// PluralRules), for UI strings kept as one key per category; "other" when ICU has no rules.
std::string pluralCategory(const std::string& lang, long long n);

/// The pattern of `id` in the catalog `render` would use for `lang`; null when none.
const std::string* messagePattern(const std::string& id, const std::string& lang);

} // namespace ogi
