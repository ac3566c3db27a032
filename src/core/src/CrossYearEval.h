// Evaluation of the cross-year rules (kinds year*, spec §6.5) — used by Checker::check.
#pragma once

#include "Rules.h"
#include "ogi/CrossYear.h"

#include <unicode/umachine.h>

#include <string_view>
#include <utility>
#include <vector>

namespace ogi {

/// Runs one cross-year declaration: this year's tables (`facts`, one per recognized table) and
/// sections (`current`) against last year's snapshot. Appends findings.
void evaluateCrossYear(const RuleDecl& rule, const std::vector<TableFacts>& facts, const Snapshot& current,
                       const Snapshot& previous, std::vector<Diagnostic>& out);

/// The Han characters of a text (`hanOnly`; else letters, digits and Han) as bigrams, in order.
std::vector<std::pair<UChar32, UChar32>> bigrams(std::string_view text, bool hanOnly);

/// The level-1 sections of a document with their text (Snapshot::sections).
std::vector<Snapshot::Section> sectionsOf(const Document& doc);

/// The canonical value text of a parsed cell (Snapshot::tables): "" blank, exact number text,
/// nullopt for a cell that holds no value.
std::optional<std::string> canonicalValue(const Value& v);

} // namespace ogi
