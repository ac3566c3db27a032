// Cross-year checks (spec §6.5): a report against the same unit's report of the year before.
// The previous report is seen through a Snapshot — its values by template key, its section
// texts, its unit, year and title — which serializes to JSON, so that a document can carry
// last year's report with it (the extension stores it in a document property).
#pragma once

#include "ogi/Table.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ogi {

/// A unit's name in the form names are compared in: NFKC (full-width → half-width), no white
/// space, no quotes or book-title marks, without a trailing parenthesized note ("（全区汇总）",
/// "(本级)") and without a trailing "人民政府": "某某区 人民政府（全区汇总）" → "某某区",
/// "某某市人民政府办公厅" stays. Empty for an empty name.
std::string normalizeUnit(std::string_view name);

/// Who reports for which year, as the report says it.
struct ReportIdentity {
    std::string unit;   ///< as the title names it (NFKC, no white space), e.g. "某某市人民政府办公厅"
    int year = 0;       ///< report year; 0 when unknown
    std::string title;  ///< the title line the identity was read from (empty when none)

    std::string unitKey() const { return normalizeUnit(unit); }
};

/// Unit and year from a title line: "某某区2022年度政府信息公开工作年度报告" → {某某区, 2022};
/// "2025年某某市人民政府办公厅政府信息公开工作年度报告" → {某某市人民政府办公厅, 2025};
/// "金凤区司法局 2017 年度政府信息公开情况统计表" → {金凤区司法局, 2017}.
ReportIdentity identityFromTitle(std::string_view title);

/// The identity of a document: its title line (the first short paragraph, or Calc cell, that
/// names 政府信息公开 and a year), else the year of the statistics period and a 填报单位 line.
ReportIdentity reportIdentity(const Document& doc);

/// True when `previous` is the report of the same unit for the year before `current`.
bool isPreviousYearOf(const ReportIdentity& previous, const ReportIdentity& current);

/// A report as a later year's check needs it.
struct Snapshot {
    std::string unit;    ///< ReportIdentity::unit
    int year = 0;
    std::string title;
    std::string path;    ///< where the report was read from (file path or URL; may be empty)
    /// template id ("2021-t3") -> value key -> canonical value: an exact number ("3", "12.5",
    /// "-1" for a 减), "" for a blank cell; cells whose text is not a value are left out.
    std::map<std::string, std::map<std::string, std::string>> tables;
    struct Section {
        std::string numeral;  ///< "五"
        std::string title;    ///< "存在的主要问题及改进情况"
        std::string text;     ///< body paragraphs (NFKC, white space removed), one per line
    };
    std::vector<Section> sections;

    bool hasTables() const { return !tables.empty(); }
    ReportIdentity identity() const { return {unit, year, title}; }
    /// How messages name the report: its title, else the file name, else "unit year".
    std::string label() const;
    /// {"schema": 1, "unit", "unit_key" (normalizeUnit), "year", "title", "path", "tables": {id: {key: value}},
    ///  "sections": [{"numeral", "title", "text"}]}
    std::string toJson() const;
    /// Parses toJson()'s output; nullopt (and a reason in `error`) for anything else.
    static std::optional<Snapshot> fromJson(std::string_view text, std::string* error = nullptr);
};

/// The snapshot of a document (recognizes its tables). `path` is recorded as given.
Snapshot makeSnapshot(const Document& doc, const std::string& path = {});

/// Similarity of two texts in [0, 1]: Dice coefficient of their character bigrams (letters,
/// digits and Han characters only). 1 for identical texts, 0 when either is empty.
double textSimilarity(std::string_view a, std::string_view b);

} // namespace ogi
