// Recognizer: finds which template each table of a document is and maps every value key to
// its physical cell by row and column labels (never by fixed coordinates).
#pragma once

#include "ogi/Table.h"
#include "ogi/Templates.h"

#include <map>
#include <string>
#include <vector>

namespace ogi {

/// A physical cell: index of the table in Document::tables and of the cell in Table::cells.
struct CellLocation {
    int table = -1;
    int cell = -1;
};

struct Recognition {
    const TemplateDef* tmpl = nullptr;
    std::vector<int> sourceTables;              ///< usually one; two when a split table was joined
    std::map<std::string, CellLocation> cells;  ///< value key -> physical cell
    std::vector<std::string> missing;           ///< required keys that could not be mapped
    double score = 0;                           ///< label match quality in [0, 1]
};

/// Tables whose labels resemble a template this much are reported even if they cannot be mapped.
constexpr double kResemblanceThreshold = 0.25;
/// Tables at or above this score are recognized as the template.
constexpr double kRecognitionThreshold = 0.5;

/// Every report table of the document, in document order. Tables that are not report tables
/// are skipped; a table split in two (page break) is joined when its second half carries on
/// the first half's template.
std::vector<Recognition> recognize(const Document& doc);

/// Tables that resemble a template (score >= kResemblanceThreshold) but were not recognized.
struct Resemblance {
    int table = -1;
    const TemplateDef* tmpl = nullptr;
    double score = 0;
};
std::vector<Resemblance> resemblances(const Document& doc, const std::vector<Recognition>& recognized);

} // namespace ogi
