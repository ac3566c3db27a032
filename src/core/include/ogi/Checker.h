// The engine's front door: recognize the report tables of a document and check them.
// Everything (toolbar, save-time check, IDL service, command line) goes through this.
#pragma once

#include "ogi/Diagnostic.h"
#include "ogi/Table.h"

#include <memory>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace ogi {

struct Snapshot;

/// Rule id of the finding that replaces a check that failed inside the engine (not a rule of
/// the catalog: it cannot be disabled or ignored away silently).
inline constexpr const char* kCheckFailedRule = "E-1";

struct CheckOptions {
    int year = 0;                         ///< report year; 0 = find it in the document text
    std::set<std::string> disabledRules;  ///< rule ids to skip, e.g. {"S-3"}
    bool reportUnmapped = true;           ///< emit R-1 when a table looks like a template but keys are missing
    std::set<std::string> ignored;        ///< ignoreKey()s of findings the user chose to ignore
    std::map<std::string, std::string> ignoreReasons; ///< ignoreKey() -> the reason the user gave (optional)
    /// Last year's report (CrossYear.h): with it, the cross-year rules Y-1 … Y-5 run.
    std::shared_ptr<const Snapshot> previous;
    std::string previousSource;           ///< how it was found: "folder", "chosen", "stored", "given"
    bool suggest = true;                  ///< attach suggestions (Suggest.h) and point findings at the likely cause
};

class Checker {
public:
    explicit Checker(CheckOptions options = {});
    /// Recognize and check. Never throws: problems of the input become diagnostics, and a
    /// failure inside the engine becomes one document-level finding (rule kCheckFailedRule).
    Report check(const Document& doc) const;

private:
    Report checkUnguarded(const Document& doc) const;
    Report failedReport(const Document& doc, const std::string& what) const;

    CheckOptions m_options;
};

/// Every rule id of the catalog (data/rules.json), sorted, each once ("B-1", …, "X-5").
std::vector<std::string> ruleIds();

/// Rule ids named in a free list ("S-3, B-12；x-5" — separated by commas, semicolons, 、 or
/// white space, any case); `unknown` receives the tokens that name no rule.
std::set<std::string> parseRuleList(const std::string& list, std::vector<std::string>* unknown = nullptr);

/// Report year from the document's paragraphs (title "2019年…年度报告", "统计期限为2017年1月1日…"), or 0.
int findReportYear(const Document& doc);

} // namespace ogi
