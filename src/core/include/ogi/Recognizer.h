// Recognizer: finds which template each table of a document is and maps every value key to
// its physical cell by row and column labels (never by fixed coordinates).
#pragma once

#include "ogi/KeyMap.h"
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

/// Value key -> physical cell, in key order (a sorted vector, KeyMap.h).
using KeyCells = KeyMap<CellLocation>;

struct Recognition {
    const TemplateDef* tmpl = nullptr;
    std::vector<int> sourceTables;              ///< usually one; two when a split table was joined
    KeyCells cells;                             ///< value key -> physical cell
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

/// A local statistics table (spec §2.4: pre-2019 provincial forms such as
/// 指标名称 | 计量单位 | 2011年度 | 历年累计): no national template, so no template rules; what
/// holds for any such table is checked (R-4: a 其中 item ≤ its parent, R-5: a cumulative column
/// ≥ the columns of a shorter period).
struct LocalTable {
    int table = -1;                     ///< index in Document::tables
    std::string header;                 ///< "指标名称 | 计量单位 | 2011年度 | 历年累计"
    std::vector<std::string> columns;   ///< value column headers ("2011年度", "历年累计")
    /// Per value column, the period it covers: 1 本期/本月/本季, 2 the year (本年, YYYY年度,
    /// 本年累计), 3 历年累计 (since the start); 0 unknown (not compared).
    std::vector<int> period;
    struct Row {
        std::string label;              ///< NFKC, no white space ("其中:1.网站公开")
        int parent = -1;                ///< index in rows of the row it is an item of (其中), or -1
        std::vector<int> values;        ///< per value column: index in Table::cells, or -1
    };
    std::vector<Row> rows;
};

/// The local statistics tables among the tables that recognize() did not take: a header row
/// with 指标名称 and at least one value column, and numbers below it.
std::vector<LocalTable> localTables(const Document& doc, const std::vector<Recognition>& recognized);

} // namespace ogi
