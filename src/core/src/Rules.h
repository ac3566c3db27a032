// Rule declarations (data/rules.json) and their evaluation over one recognized table.
#pragma once

#include "ogi/Diagnostic.h"
#include "ogi/Recognizer.h"
#include "ogi/Text.h"

#include <unicode/regex.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ogi {

namespace rules {
class RuleKind;
}

/// One expansion of a declaration's `each` (operands with {c}, {r}, {x} substituted).
struct RuleInstance {
    std::vector<std::string> lhs, rhs, parts;
    std::string total, target;
    /// valueKeyId of lhs, rhs (numbered on load, so that a check looks them up by index)
    std::vector<int> lhsIds, rhsIds;
};

/// A text rule's pattern, compiled once; matchers are made per use (thread-safe).
struct TextPattern {
    std::unique_ptr<icu::RegexPattern> regex;
};

/// A level-1 section of the report as a structure rule expects it (spec §8.2): its numeral,
/// its official heading and a pattern that recognizes the heading's variants.
struct SectionDecl {
    std::string numeral;   ///< "五"
    std::string title;     ///< "存在的主要问题及改进情况"
    std::string match;     ///< ICU regex over the heading text after the numeral
    std::shared_ptr<const TextPattern> compiled;
};

/// One declaration of data/rules.json. `each` expands it into instances ({c} → NP, BIZ, …).
struct RuleDecl {
    std::string id;
    Severity severity = Severity::Error;
    /// The tables the rule applies to, by format and family (formats.json, issue 10.4): "2021/t3",
    /// "*/t3", "2021/*", "*" — a variant template declaring 2021/t3 is selected with no change here.
    std::vector<std::string> tables;
    std::vector<std::string> templates;   ///< besides: template ids (or id patterns "old*") for a rule about one file
    std::string kind;                     ///< the name of its kind in the registry (rules/Kind.h)
    const rules::RuleKind* impl = nullptr; ///< the kind itself, found on load
    std::vector<std::string> lhs, rhs, parts, valueTypes;
    std::string total, target;
    std::vector<std::pair<std::string, std::vector<std::string>>> each;
    std::map<std::string, std::string> title; ///< language tag -> text
    /// The catalog message of its findings ("rule.B-1"; data/messages/<lang>.json; variants
    /// "rule.S-2.missing"). Empty when the declaration carries its texts inline (`message`).
    std::string messageId;
    std::map<std::string, std::string> message; ///< inline messages: language tag -> text (a rules file's own)
    std::vector<RuleInstance> instances;  ///< expanded once on load
    /// Text rules (kinds textzero, textcount; spec §6.6): an ICU regular expression matched
    /// against every paragraph (NFKC, whitespace removed); group 1 of textcount is the stated
    /// number, which must equal the sum of one of `targetSets`.
    std::string pattern;
    std::vector<std::string> prefilter;   ///< a paragraph is matched only if it contains one of these
    std::vector<std::u16string> prefilter16; ///< `prefilter` in UTF-16, as the folded text is
    std::vector<std::vector<std::string>> targetSets;
    std::shared_ptr<const TextPattern> compiled; ///< `pattern`, compiled once on load
    /// textcount: a paragraph that matches `excluding` says that the number of its group 1 is
    /// left out of its counts ("不含申请人主动撤销的5件"); a stated N then also holds as N ± that.
    std::string excluding;
    std::shared_ptr<const TextPattern> excludingCompiled;
    /// Document-level rules (kinds sections, tables, sectiontext; spec §6.7, X-7): the sections
    /// and template families a report of the rule's templates must have; for sectiontext,
    /// `section` is a pattern that finds the section's heading, and the section's text must
    /// match `pattern`.
    std::vector<SectionDecl> sections;
    std::vector<std::string> families;
    std::string section;
    std::shared_ptr<const TextPattern> sectionCompiled; ///< `section`, compiled once on load

    /// Document-level rules (kinds sections, tables, sectiontext): evaluateDocument.
    bool documentLevel() const;
    /// Local statistics tables (kinds local, localitem, localperiod; spec §2.4, issue 9.9): no
    /// template, evaluated once per LocalTable (evaluateLocal).
    bool local() const;
    /// Cross-year rules (kinds year*, spec §6.5): need last year's report (evaluateCrossYear).
    bool crossYear() const;
    /// Run after a table's other rules and its suggestions (S-3, kind blank).
    bool runsLast() const;
    /// Evaluated through resemblanceFinding (R-2, kind resembles).
    bool resemblance() const;

    bool appliesTo(const TemplateDef& t) const;
};

/// All declarations, parsed once from the embedded rules file.
const std::vector<RuleDecl>& ruleCatalog();

/// The declarations of one rules file, validated (issue 9.10): throws std::runtime_error
/// naming the file and the rule id for an unknown field, kind, template, operand key, value
/// type, family, message variant or placeholder, or a missing language.
std::vector<RuleDecl> parseRules(std::string_view name, std::string_view text);

/// What a rule sees of one recognized table.
class TextIndex;

struct TableFacts {
    const Document* doc = nullptr;
    const TextIndex* text = nullptr;      ///< the document's folded paragraphs (shared by all tables)
    const Recognition* rec = nullptr;
    int reportTable = -1;                 ///< index in Report::tables
    int year = 0;
    KeyMap<Value> values;                 ///< mapped keys only
    /// Template cell (its index in TemplateDef::cellByKeyId: cells, then extraCells) -> its entry
    /// of `values` (null: not mapped), filled by collectFacts; empty when `values` was filled
    /// otherwise, and look-ups then go by the string. By cell, not by valueKeyId: the ids are
    /// numbered over all templates, a table has a few hundred cells (issue 11).
    std::vector<const KeyMap<Value>::value_type*> byCell;

    TableFacts() = default;
    // byCell points into `values`: a copy would point into the original's
    TableFacts(const TableFacts&) = delete;
    TableFacts& operator=(const TableFacts&) = delete;
    TableFacts(TableFacts&&) noexcept = default;
    TableFacts& operator=(TableFacts&&) noexcept = default;

    /// The entry of a key given its valueKeyId (or -1), or null when it is not mapped.
    const KeyMap<Value>::value_type* find(int id, const std::string& key) const
    {
        if (id >= 0 && !byCell.empty()) {
            const std::vector<int>& cellOf = rec->tmpl->cellByKeyId;
            if (static_cast<size_t>(id) >= cellOf.size() || cellOf[static_cast<size_t>(id)] < 0)
                return nullptr;                   // no cell of this template
            return byCell[static_cast<size_t>(cellOf[static_cast<size_t>(id)])];
        }
        const auto it = values.find(key);
        return it == values.end() ? nullptr : &*it;
    }

    CellRef ref(const std::string& key) const;
    CellRef tableAnchor() const;          ///< top-left cell of the table (for table-level findings)
};

TableFacts collectFacts(const Document& doc, const Recognition& rec, int reportTable, int year);

/// Run one declaration over a table; appends findings.
void evaluate(const RuleDecl& rule, const TableFacts& facts, std::vector<Diagnostic>& out);

/// One match of a text rule in a paragraph: the sentence around it (NFKC, no white space; for
/// the message) and its group 1 (textcount: the stated number).
struct TextMatch {
    std::string sentence, number;
    std::string excluded;   ///< the paragraph's `excluding` number, if it states one
};

/// The document's paragraphs as the text rules read them (foldText: NFKC, simplified, no
/// glosses), split into sentences by ICU's sentence break iterator — built once per check,
/// when a text rule first asks — and each text rule's matches, found once per document
/// (issue 11), not once per table. Every pattern runs inside one sentence at a time under a
/// regex time limit proportional to its length (issue 16.7: linear on any paragraph).
class TextIndex {
public:
    struct Paragraph {
        size_t block = 0;                                 ///< index in Document::blocks
        std::string compact;    ///< the raw text without white space (prefilter words are looked for in it)
        bool mayChange = false; ///< folding may change its Han characters (traditional, gloss…): prefilter on `text`
        mutable FoldedText text; ///< folded when a rule first needs it (fold())
        mutable bool folded = false;
        /// [begin, end) in text.match; split when a rule's prefilter first finds the paragraph
        mutable std::vector<std::pair<int32_t, int32_t>> sentences;
        mutable bool split = false;
    };

    explicit TextIndex(const Document& doc) : m_doc(&doc) {}

    const std::vector<Paragraph>& paragraphs() const;
    /// The paragraph of a block, or null (not a paragraph, or empty).
    const Paragraph* paragraph(size_t block) const;
    const std::vector<TextMatch>& matches(const RuleDecl& rule) const;
    /// The sentences of a paragraph (ICU's sentence break iterator), computed once.
    static const std::vector<std::pair<int32_t, int32_t>>& sentences(const Paragraph& p);
    /// The paragraph's folded text, computed once.
    static const FoldedText& fold(const Paragraph& p);

private:
    const Document* m_doc;
    mutable bool m_built = false;
    mutable std::vector<Paragraph> m_paragraphs;
    mutable std::vector<int> m_byBlock;
    mutable std::map<const RuleDecl*, std::vector<TextMatch>> m_matches;
};

/// Every match of a text rule (textzero, textcount) in the document's paragraphs.
std::vector<TextMatch> textMatches(const RuleDecl& rule, const Document& doc);
/// The same through the table's shared TextIndex (one scan per document).
const std::vector<TextMatch>& textMatches(const RuleDecl& rule, const TableFacts& facts);

/// A level-1 heading of the report text: a short paragraph "五、存在的主要问题及改进情况".
struct SectionHeading {
    size_t block = 0;      ///< index in Document::blocks
    std::string numeral;   ///< "五"
    std::string title;     ///< "存在的主要问题及改进情况" (NFKC, no white space)
    std::string match;     ///< `title` in simplified characters, no glosses (what patterns see)
    icu::UnicodeString match16;   ///< `match` as the matchers read it, converted once (issue 11)
};

/// The document's level-1 headings in reading order (computed once per check).
std::vector<SectionHeading> sectionHeadings(const Document& doc);

/// Document-level rule over the whole document (structure, sections): evaluated once when a
/// recognized table's template matches the rule.
void evaluateDocument(const RuleDecl& rule, const Document& doc, const std::vector<Recognition>& recognized,
                      const std::vector<SectionHeading>& headings, std::vector<Diagnostic>& out,
                      const TextIndex* text = nullptr);

/// True when the compiled pattern finds a match in the UTF-8 text.
bool patternMatches(const std::shared_ptr<const TextPattern>& p, const std::string& utf8);

/// A local-table rule over one local statistics table: R-3 names it, R-4 (其中 item > its
/// parent) and R-5 (cumulative column < a shorter period's) check it.
void evaluateLocal(const RuleDecl& rule, const Document& doc, const LocalTable& lt, std::vector<Diagnostic>& out);

/// Finding for a table that resembles a template but could not be recognized.
Diagnostic resemblanceFinding(const RuleDecl& rule, const Document& doc, const Resemblance& r);

/// At most `bytes` bytes of UTF-8 text, cut before a character, not inside one (for quoting text in messages).
std::string utf8Prefix(const std::string& s, size_t bytes);

} // namespace ogi
