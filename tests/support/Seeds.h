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

} // namespace ogi::test
