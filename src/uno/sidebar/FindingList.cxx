#include "FindingList.hxx"

#include "Strings.hxx"
#include "UnoUtil.hxx"

#include <ogi/Message.h>
#include <ogi/Templates.h>

#include <unicode/uchar.h>

#include <algorithm>

using rtl::OUString;

namespace ogiuno {

namespace {

const ogi::TableInfo* tableOf(const ogi::Report& r, int index)
{
    if (index < 0 || static_cast<size_t>(index) >= r.tables.size())
        return nullptr;
    return &r.tables[static_cast<size_t>(index)];
}

int severityRank(ogi::Severity s)
{
    switch (s) {
    case ogi::Severity::Error: return 0;
    case ogi::Severity::Warning: return 1;
    case ogi::Severity::Info: return 2;
    }
    return 3;
}

/// "（七）总计 / 自然人" → "（七）总计 · 自然人".
std::string dotted(std::string text)
{
    const std::string from = " / ", to = " \xC2\xB7 ";
    for (size_t pos = 0; (pos = text.find(from, pos)) != std::string::npos; pos += to.size())
        text.replace(pos, from.size(), to);
    return text;
}

/// "Sheet1.C5" → "C5".
std::string shortAddress(const ogi::CellRef& c)
{
    if (!c.table.empty() && c.address.size() > c.table.size() && c.address.compare(0, c.table.size(), c.table) == 0 &&
        c.address[c.table.size()] == '.')
        return c.address.substr(c.table.size() + 1);
    return c.address;
}

} // namespace

OUString severityLabel(ogi::Severity s, const std::string& lang)
{
    switch (s) {
    case ogi::Severity::Error: return u8("\xE2\x9C\x96 ") + trKey("SidebarError", lang);     // ✖
    case ogi::Severity::Warning: return u8("\xE2\x9A\xA0 ") + trKey("SidebarWarning", lang); // ⚠
    case ogi::Severity::Info: return u8("\xE2\x84\xB9 ") + trKey("SidebarInfo", lang);       // ℹ
    }
    return OUString();
}

/// `s` with its first letter in title case (ICU's u_totitle; "table 3" → "Table 3", 表三 unchanged).
OUString sentenceStart(const OUString& s)
{
    if (s.isEmpty())
        return s;
    sal_Int32 next = 0;
    const sal_uInt32 first = s.iterateCodePoints(&next);
    const auto titled = static_cast<sal_uInt32>(u_totitle(static_cast<UChar32>(first)));
    return titled == first ? s : OUString(&titled, 1) + s.copy(next);
}

OUString tableShortName(const ogi::Report& r, int index, const std::string& lang)
{
    const ogi::TableInfo* t = tableOf(r, index);
    if (!t)
        return trKey("SidebarWholeDocument", lang);
    const ogi::TemplateDef* def = ogi::findTemplate(t->templateId);
    if (def)   // the family's short name in the catalogs ("表三", "table 3"), starting the entry
        return sentenceStart(toOU(ogi::Message("table." + def->family).render(lang)));
    return toOU(t->title);
}

OUString findingWhere(const ogi::Report& r, const ogi::Diagnostic& d, const std::string& lang)
{
    OUString where = tableShortName(r, d.table, lang);
    std::string cell;
    const ogi::TemplateDef* def = ogi::findTemplate(d.templateId);
    if (def && !d.cell.key.empty() && (def->cellForKey(d.cell.key) || def->subtotalOf(d.cell.key)))
        cell = dotted(def->describeKey(d.cell.key));
    else if (!d.cell.address.empty())
        cell = shortAddress(d.cell); // a cell outside the form's keys: its address ("C5") is all there is
    else if (d.table < 0 && !d.expected.empty())
        cell = d.expected; // document-level: what is missing ("五、存在的主要问题及改进情况")
    if (!cell.empty())
        where += u8(" \xC2\xB7 ") + toOU(cell);
    return where;
}

std::vector<FindingRow> findingRows(const ogi::Report& r, const std::string& lang)
{
    std::vector<int> order(r.diagnostics.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<int>(i);
    auto tableRank = [&](int t) { return t < 0 ? static_cast<int>(r.tables.size()) : t; };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const ogi::Diagnostic &x = r.diagnostics[static_cast<size_t>(a)], &y = r.diagnostics[static_cast<size_t>(b)];
        if (tableRank(x.table) != tableRank(y.table))
            return tableRank(x.table) < tableRank(y.table);
        return severityRank(x.severity) < severityRank(y.severity);
    });
    std::vector<FindingRow> rows;
    for (size_t i = 0; i < order.size(); ++i) {
        const ogi::Diagnostic& d = r.diagnostics[static_cast<size_t>(order[i])];
        if (i == 0 || r.diagnostics[static_cast<size_t>(order[i - 1])].table != d.table) {
            int counts[3] = {0, 0, 0};
            for (const ogi::Diagnostic& o : r.diagnostics)
                if (o.table == d.table)
                    ++counts[severityRank(o.severity)];
            FindingRow heading;
            OUString title = tableShortName(r, d.table, lang);
            const ogi::TableInfo* t = tableOf(r, d.table);
            const ogi::TemplateDef* def = t ? ogi::findTemplate(t->templateId) : nullptr;
            if (def) {   // "表三 收到和处理政府信息公开申请情况"; the one table of a form (2014) is its title
                const ogi::FormatDef* form = ogi::formats().find(def->version);
                const OUString full = toOU(def->title(lang));
                title = form && form->tables.size() > 1 ? title + " " + full : full;
            }
            heading.where = title;
            heading.message = countsText(counts[0], counts[1], counts[2], lang);
            rows.push_back(heading);
        }
        FindingRow row;
        row.diagnostic = order[i];
        row.severity = severityLabel(d.severity, lang);
        row.symbol = row.severity.copy(0, 1);
        row.where = findingWhere(r, d, lang);
        row.message = toOU(d.message(lang));
        rows.push_back(row);
    }
    return rows;
}

} // namespace ogiuno
