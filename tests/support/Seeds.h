// Test support: the five seed reports (../shared/seeds) turned into ogi::Documents the way
// each was extracted (000: label and value lines, 001/002: '|' rows, 004: tab rows), and a
// filler that writes consistent numbers into a template.
#pragma once

#include "ogi/Table.h"

#include <map>
#include <string>

namespace ogi::test {

/// Directory of the shared reference material (…/shared), from OGI_SHARED_DIR.
std::string sharedDir();

/// Seed number 0…4 parsed into a document.
Document loadSeed(int number);

/// Consistent values for every key of a template (all rules hold, no info findings),
/// derived from the rule declarations' own sums; `seed` varies the numbers.
std::map<std::string, std::string> consistentValues(const std::string& templateId, unsigned seed = 1);

/// A document holding one generated template table filled with `values`.
Document documentWith(const std::string& templateId, const std::map<std::string, std::string>& values,
                      const std::string& title = "2021年政府信息公开工作年度报告");

/// documentWith, plus a subtotal row (spec N-5) after the last item of each group named in
/// `subtotals` (subtotal row key "R3_3_SUB" -> its values by column key, "NP" -> "3"): the
/// row reads "小计" (or `label`) in the items' label column. `merged`: the group's label cells
/// span the new row as in a real report; else every cell is 1x1 (merges lost).
Document documentWithSubtotals(const std::string& templateId, const std::map<std::string, std::string>& values,
                               const std::map<std::string, std::map<std::string, std::string>>& subtotals,
                               bool merged = true, const std::string& label = "小计");

} // namespace ogi::test
