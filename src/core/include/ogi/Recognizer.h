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
    /// The table's own rows tell its version from the other versions of its family (a label
    /// or a row only this version has). False when they cannot (table four, a table three cut
    /// short before （六）): the version was taken from the document's other tables or the
    /// report year (issue 9.3), and S-4 says nothing about it.
    bool versionProven = true;
};

/// Tables whose labels resemble a template this much are reported even if they cannot be mapped.
constexpr double kResemblanceThreshold = 0.25;
/// Tables at or above this score are recognized as the template.
constexpr double kRecognitionThreshold = 0.5;

/// Every report table of the document, in document order. Tables that are not report tables
/// are skipped, and so is a table that maps no value cell (resemblances() reports it); a table
/// split in two (page break) is joined when its second half carries on the first half's
/// template. A version the table's rows cannot decide is the one of the document's other
/// tables, else of the report year (`year`; 0 = found in the text).
std::vector<Recognition> recognize(const Document& doc, int year = 0);

/// Tables that resemble a template (score >= kResemblanceThreshold) but were not recognized.
struct Resemblance {
    int table = -1;
    const TemplateDef* tmpl = nullptr;
    double score = 0;
};
std::vector<Resemblance> resemblances(const Document& doc, const std::vector<Recognition>& recognized);

} // namespace ogi
