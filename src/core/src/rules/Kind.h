// Rule kinds as a registry (issue 10.1). Each kind of data/rules.json ("eq", "textcount",
// "sections", …) is one RuleKind: it names the settings it reads, parses and validates them
// when the rules file is loaded, names the placeholders its messages may use, and evaluates a
// declaration. Kinds are registered by name, one registration function per family file
// (rules/Arithmetic.cpp, Cells.cpp, Text.cpp, Structure.cpp, Local.cpp, Years.cpp), the way
// clang-tidy modules add their check factories. Internal to the core.
#pragma once

#include "Rules.h"

#include <boost/json/object.hpp>

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace ogi {

struct Snapshot;

namespace rules {

/// The settings of one declaration as its kind reads them: typed accessors that fail with the
/// file and the rule id when a value has the wrong shape. The loader checks afterwards that
/// the declaration has no field its kind did not read.
class Settings {
public:
    Settings(const boost::json::object& o, std::string where) : m_o(o), m_where(std::move(where)) {}

    bool has(std::string_view key) const { return m_o.contains(key); }
    std::string string(std::string_view key) const;
    std::vector<std::string> strings(std::string_view key) const;
    std::vector<std::vector<std::string>> stringLists(std::string_view key) const;
    /// "each": {"c": ["NP", "BIZ"]} in declaration order.
    std::vector<std::pair<std::string, std::vector<std::string>>> each(std::string_view key) const;
    const boost::json::value* raw(std::string_view key) const { return m_o.if_contains(key); }

    /// Throws the configuration error "<file>: rule <id>: <what>".
    [[noreturn]] void fail(const std::string& what) const;
    const std::string& where() const { return m_where; }

private:
    const boost::json::object& m_o;
    std::string m_where;
};

/// Everything a document-level kind sees of the checked document.
struct DocumentFacts {
    const Document* doc = nullptr;
    const std::vector<Recognition>* recognized = nullptr;
    const std::vector<SectionHeading>* headings = nullptr;
    const TextIndex* text = nullptr;   ///< may be null
};

/// Everything a cross-year kind sees: this year's tables and sections, last year's snapshot.
struct YearFacts {
    const std::vector<TableFacts>* tables = nullptr;
    const Snapshot* current = nullptr;
    const Snapshot* previous = nullptr;
};

class RuleKind {
public:
    /// When Checker runs a declaration of the kind.
    enum class Scope {
        Table,        ///< once per recognized table it applies to (evaluate)
        TableLast,    ///< the same, after the table's other rules and suggestions (S-3)
        Document,     ///< once per document whose tables it applies to (evaluateDocument)
        CrossYear,    ///< with last year's report (evaluateYears)
        Local,        ///< once per local statistics table (evaluateLocal); applies to no template
        Resemblance,  ///< once per table that resembles a template (resemblanceFinding)
    };

    virtual ~RuleKind() = default;
    virtual Scope scope() const = 0;
    /// The declaration fields the kind reads besides id, severity, templates, kind, title, message.
    virtual std::set<std::string> fields() const = 0;
    /// The placeholders its messages may use (what evaluate fills in).
    virtual std::set<std::string> placeholders() const = 0;
    /// A placeholder outside placeholders() that this declaration may still use (Y-1's {lhs2}).
    virtual bool acceptsPlaceholder(const RuleDecl& /*rule*/, const std::string& /*name*/) const { return false; }
    /// Message variants it selects ("missing" → "missing.zh-CN").
    virtual std::set<std::string> variants() const { return {}; }
    /// The template value key an operand names ("prev:R3_1.NP" → "R3_1.NP").
    virtual std::string templateKey(const std::string& operand) const { return operand; }
    /// Reads and validates the kind's settings into the declaration; s.fail() on bad data.
    virtual void parse(RuleDecl& rule, const Settings& s) const = 0;

    virtual void evaluate(const RuleDecl& /*rule*/, const TableFacts& /*facts*/, std::vector<Diagnostic>& /*out*/) const {}
    virtual void evaluateDocument(const RuleDecl& /*rule*/, const DocumentFacts& /*facts*/,
                                  std::vector<Diagnostic>& /*out*/) const {}
    virtual void evaluateYears(const RuleDecl& /*rule*/, const YearFacts& /*facts*/, std::vector<Diagnostic>& /*out*/) const {}
    virtual void evaluateLocal(const RuleDecl& /*rule*/, const Document& /*doc*/, const LocalTable& /*table*/,
                               std::vector<Diagnostic>& /*out*/) const {}
};

/// The kinds by name. Built once, on first use, from the family files' registration functions.
class KindRegistry {
public:
    template <typename Kind, typename... Args>
    void add(const std::string& name, Args&&... args)
    {
        addKind(name, std::make_unique<Kind>(std::forward<Args>(args)...));
    }
    void addKind(const std::string& name, std::unique_ptr<RuleKind> kind);
    const RuleKind* find(const std::string& name) const;
    const std::map<std::string, std::unique_ptr<RuleKind>>& all() const { return m_kinds; }
    /// Every field some kind reads (a field outside it is "unknown", not "not of this kind").
    const std::set<std::string>& allFields() const { return m_fields; }

private:
    std::map<std::string, std::unique_ptr<RuleKind>> m_kinds;
    std::set<std::string> m_fields;
};

const KindRegistry& kindRegistry();

// The family files' registration functions (called by kindRegistry()).
void registerArithmeticKinds(KindRegistry& r);   // eq le ge requires maxle plainsum
void registerCellKinds(KindRegistry& r);         // type blank outdated unmapped resembles
void registerTextKinds(KindRegistry& r);         // textzero textcount
void registerStructureKinds(KindRegistry& r);    // sections tables sectiontext
void registerLocalKinds(KindRegistry& r);        // local localitem localperiod
void registerYearKinds(KindRegistry& r);         // yeareq yearcopiedtable yearcopiedtext yearrectified

// ---------------------------------------------------------------------------------------
// Shared helpers of the kinds.

/// An ICU pattern of a rules file, compiled once; `{N}` is the stated-number group. Throws
/// "<context>: bad pattern at offset …".
std::shared_ptr<const TextPattern> compilePattern(std::string pattern, const std::string& context);
/// The matcher of a compiled pattern for this thread, made once (a RegexMatcher is costly to build
/// and not thread-safe; issue 11): reset it to a text, and to an empty one after. Its entry keeps
/// the pattern alive, so that its address is never reused for another pattern. Null when ICU
/// cannot make one.
icu::RegexMatcher* cachedMatcher(const std::shared_ptr<const TextPattern>& p);
/// Whether the pattern finds a match in the UTF-8 text (through cachedMatcher).
bool matchesPattern(const std::shared_ptr<const TextPattern>& p, const std::string& utf8);
bool matchesPattern(const std::shared_ptr<const TextPattern>& p, const icu::UnicodeString& text);

/// The `pattern` and `section` settings (both required) of a kind that looks for a pattern
/// inside one section of the text (sectiontext: S-5, X-7; yearrectified: Y-5), compiled.
void parsePatternInSection(RuleDecl& r, const Settings& s);

/// `each` expanded into the declaration's instances (operands with {c}, {r}, … substituted).
void expandInstances(RuleDecl& rule);

std::string toUtf8(std::u16string_view u);

void replaceAll(std::string& s, const std::string& from, const std::string& to);
/// "{name}" → value for every var.
std::string substitute(std::string s, const std::map<std::string, std::string>& vars);

// ---------------------------------------------------------------------------------------
// Messages: the one place that turns a declaration's message id and a finding's values into
// Diagnostic::text (rules/Messages.cpp); the catalogs say it in words (ogi/Message.h).

/// The languages a declaration's inline messages must have: those of the catalogs.
const std::vector<std::string>& messageLanguages();

/// Placeholder values of a finding.
struct MessageArgs {
    std::map<std::string, std::string> common;   ///< texts, the same in every language
    std::map<std::string, Message> messages;     ///< catalog messages, said in the finding's language
    std::map<std::string, std::map<std::string, std::string>> localized; ///< texts the data localizes (tag → text)
    std::map<std::string, double> numbers;       ///< numbers (plurals select on them)
};

/// Sets d.text: the rule's message (its `variant` if the catalog has one) with the arguments.
void renderMessages(const RuleDecl& rule, const MessageArgs& args, Diagnostic& d, const std::string& variant = {});

/// Fixed remarks appended to a message.
enum class Note {
    BlanksCountedAsZero,   ///< an error rule evaluated with blank cells (spec §5.2)
    TotalFromParts,        ///< a blank total compared through the sum of its parts (issue 9.4)
};
void appendNote(Diagnostic& d, Note note);

/// How a blank value is shown in a message ("空白" / "blank": the catalog's value.blank).
Message blankText();
/// A value key in a message, in words: its row and column labels ("（七）总计 / 自然人"),
/// never the internal key (issue 12).
std::string describeKey(const TemplateDef& t, const std::string& key);

/// The placeholders emitTableFinding fills in ({target}, {expected}, {actual}, {table}, {year},
/// {name}) and `more`: what a table kind's messages may use.
std::set<std::string> tablePlaceholders(std::set<std::string> more = {});

/// A finding on one table, before its message is rendered (emitTableFinding).
struct Finding {
    std::string target;                 ///< the cell's key; empty: the table's top-left cell
    std::vector<std::string> related;
    std::string expected, actual;
    bool blanks = false;                ///< evaluated with blank = 0: an error becomes a warning
    MessageArgs args;                   ///< the kind's own placeholders
    std::string variant;                ///< message variant ("one"), else the plain message
};

/// Appends the finding as a Diagnostic of the table: cell references, severity, and the
/// placeholders every table rule has ({target}, {expected}, {actual}, {table}, {year}, {name}).
void emitTableFinding(const RuleDecl& rule, const TableFacts& f, Finding fd, std::vector<Diagnostic>& out);

/// A finding of the whole document (no table, no cell).
Diagnostic documentFinding(const RuleDecl& rule, const MessageArgs& args, std::string expected, std::string actual,
                           const std::string& variant = {});

} // namespace rules
} // namespace ogi
