// Diagnostics are plain values, detached from any host object model (cf. clang's
// tooling::Diagnostic): the UNO layer turns them into colours and comments, the CLI into JSON.
#pragma once

#include "ogi/KeyMap.h"
#include "ogi/Message.h"
#include "ogi/Text.h"

#include <map>
#include <string>
#include <vector>

namespace ogi {

enum class Severity { Error, Warning, Info };

const char* toString(Severity s);               ///< "error" / "warning" / "info"
bool parseSeverity(const std::string& s, Severity& out);

/// A cell a diagnostic points at.
struct CellRef {
    std::string key;      ///< template value key, e.g. "R3_7.NP", "LD_TOT", "B22"
    std::string address;  ///< host address of the cell (Writer "C5", Calc "Sheet1.C5")
    std::string table;    ///< host name of the table holding the cell
    int tableIndex = -1;  ///< index of that table in Document::tables
};

/// One cell change of a suggestion: write `value` into `cell` (whose text is now `current`).
struct CellChange {
    CellRef cell;
    std::string value;    ///< the new text, e.g. "27"
    std::string current;  ///< the cell's text now ("" for a blank cell)
    std::string where;    ///< the cell in words, its row and column labels ("（七）总计 / 自然人"); may be empty
};

/// The likely cause of one or more findings and the change that removes them (Suggest.h).
/// Empty (`changes` empty) when there is none. A text suggestion (X-rules) replaces the number
/// `stated` in the sentence `quote` of the text with `value` and changes no cell.
struct Suggestion {
    std::string kind;                 ///< "cell", "transposed", "dropped-digit", "added-digit",
                                      ///< "neighbour-column", "last-year", "text"
    std::vector<CellChange> changes;  ///< one cell (two for "neighbour-column"); the text finding's table cell for "text"
    /// Why, as a catalog message ("C12 应为 27：使 N-2、N-3 同时成立"); rendered by reason(lang).
    Message explanation;
    std::vector<std::string> rules;   ///< the rule ids the change makes hold
    std::string quote;                ///< "text": the sentence (NFKC, no white space) that states the number
    std::string stated;               ///< "text": the number as the text states it
    /// No single change explains the findings: the cells that could each be the cause
    /// (changes stays empty; `reasons` says that the totals disagree and names them).
    std::vector<CellChange> candidates;

    bool empty() const { return changes.empty(); }
    bool ambiguous() const { return changes.empty() && !candidates.empty(); }
    const std::string& key() const { static const std::string none; return changes.empty() ? none : changes.front().cell.key; }
    bool hasReason() const { return !explanation.empty(); }
    /// The reason in `lang` (Message::render).
    std::string reason(const std::string& lang = "zh-CN") const { return explanation.render(lang); }
};

struct Diagnostic {
    std::string rule;             ///< spec rule id: "N-2", "B-9", "S-3", ...
    Severity severity = Severity::Error;
    std::string templateId;       ///< "2021-t3", "old", ... (empty for document-level findings)
    int table = -1;               ///< index of the recognized table in Report::tables
    CellRef cell;                 ///< the cell to highlight (the total cell by default)
    std::vector<CellRef> related; ///< operands of the rule
    std::string expected;         ///< e.g. "47", "≥ 313", "a number"
    std::string actual;           ///< e.g. "46", "abc"; empty for a blank cell (messages say 空白/blank)
    /// What the finding says: a catalog message id and its named arguments (Message.h),
    /// rendered on demand in any language that has a catalog.
    Message text;
    /// The likely cause and its fix (Suggest.h). When set, `cell` is the suggested cell and the
    /// total the rule was written against is among `related`.
    Suggestion suggestion;

    /// Message in the requested language (Message::render: the language's catalog, else the
    /// one of its primary language, else zh-CN).
    std::string message(const std::string& lang = "zh-CN") const { return text.render(lang); }
    /// The message in every language that has a catalog: language tag -> text (JSON "messages").
    std::map<std::string, std::string> messagesByLanguage() const;
};

/// The identity under which a user ignores a finding: "rule|template|cell key" ("B-12|old|B03"),
/// the host address when the finding has no key, the expected value for a document-level
/// finding ("S-2||五、存在的主要问题及改进情况"). Stable across edits and reloads: keys are
/// the template's, not positions.
std::string ignoreKey(const Diagnostic& d);

/// One recognized report table.
struct TableInfo {
    int index = -1;                ///< position among recognized tables (Diagnostic::table)
    std::string templateId;        ///< "2021-t3", "old", "old-b0", ...
    std::string version;           ///< "2021", "2019", "2014"
    std::string title;             ///< template title (zh-CN)
    std::vector<int> sourceTables; ///< Document::tables indices (2 when a split table was joined)
    std::string location;          ///< host location of the first source table
    int mappedKeys = 0;
    int totalKeys = 0;
    KeyMap<Value> values;          ///< what was read in each mapped value cell, by key (JSON "values")
};

struct Report {
    std::string document;
    int year = 0;                  ///< report year when found in the text, else 0
    std::vector<TableInfo> tables;
    std::vector<Diagnostic> diagnostics;
    int ignored = 0;               ///< findings left out because the user ignored them
    /// Those findings, each with the reason the user gave (empty when none): JSON "ignored_findings".
    struct Ignored {
        std::string key, rule, cell, reason;
    };
    std::vector<Ignored> ignoredFindings;
    std::string unit;              ///< reporting unit from the title (CrossYear.h), or empty
    /// Last year's report the cross-year rules used (empty path and title: none).
    struct Previous {
        bool used = false;
        std::string path, title, unit, source;
        int year = 0;
    } previous;

    int count(Severity s) const;
    /// JSON object: {"document", "year", "unit", "previous": null | {"path", "title", "unit", "year",
    /// "source"}, "tables": [...], "diagnostics": [...], "summary": {...}}
    std::string toJson(const std::string& lang = "zh-CN") const;
    /// Readable multi-line text for terminals and logs.
    std::string toText(const std::string& lang = "zh-CN") const;
};

} // namespace ogi
