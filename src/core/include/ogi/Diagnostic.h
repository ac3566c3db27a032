// Diagnostics are plain values, detached from any host object model (cf. clang's
// tooling::Diagnostic): the UNO layer turns them into colours and comments, the CLI into JSON.
#pragma once

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

struct Diagnostic {
    std::string rule;             ///< spec rule id: "N-2", "B-9", "S-3", ...
    Severity severity = Severity::Error;
    std::string templateId;       ///< "2021-t3", "old", ... (empty for document-level findings)
    int table = -1;               ///< index of the recognized table in Report::tables
    CellRef cell;                 ///< the cell to highlight (the total cell by default)
    std::vector<CellRef> related; ///< operands of the rule
    std::string expected;         ///< e.g. "47", "≥ 313", "a number"
    std::string actual;           ///< e.g. "46", "abc"; empty for a blank cell (messages say 空白/blank)
    std::map<std::string, std::string> messages; ///< language tag ("zh-CN", "en-US") -> text

    /// Message in the requested language; falls back to zh-CN, then to any message.
    const std::string& message(const std::string& lang = "zh-CN") const;
};

/// The identity under which a user ignores a finding: "rule|template|cell key" ("B-12|old|B03"),
/// the host address when the finding has no key. Stable across edits and reloads: keys are
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
    std::map<std::string, Value> values; ///< what was read in each mapped value cell (JSON "values")
};

struct Report {
    std::string document;
    int year = 0;                  ///< report year when found in the text, else 0
    std::vector<TableInfo> tables;
    std::vector<Diagnostic> diagnostics;
    int ignored = 0;               ///< findings left out because the user ignored them
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
