// The rows of the sidebar's finding list, from a report: grouped by table (in document order,
// document-level findings last), errors before warnings before infos inside a table, each
// group opened by a heading row with the table's name and its counts. The "where" column
// names the cell in words, from the template's labels ("表三 · （七）总计 · 自然人"), never by
// internal key, template id or the document's table name.
#pragma once

#include <ogi/Diagnostic.h>

#include <rtl/ustring.hxx>

#include <string>
#include <vector>

namespace ogiuno {

struct FindingRow {
    int diagnostic = -1;        ///< index in Report::diagnostics; -1 for a group heading
    rtl::OUString severity;     ///< "✖ 错误" (empty for a heading)
    rtl::OUString symbol;       ///< "✖" (the grid shows the severity's icon, this only when the icon cannot be read)
    rtl::OUString where;        ///< "表三 · （七）总计 · 自然人", or the heading's text
    rtl::OUString message;
};

/// Short name of a recognized table: "表三" / "Table 3", or its title for the old form.
rtl::OUString tableShortName(const ogi::Report& report, int index, const std::string& lang);

/// Where a finding is, in words.
rtl::OUString findingWhere(const ogi::Report& report, const ogi::Diagnostic& d, const std::string& lang);

/// The rows for `report` (empty when it has no findings).
std::vector<FindingRow> findingRows(const ogi::Report& report, const std::string& lang);

/// "✖ 错误" / "⚠ Warning" / "ℹ Info".
rtl::OUString severityLabel(ogi::Severity s, const std::string& lang);

} // namespace ogiuno
