// Report serialization (JSON with Boost.JSON, readable text) and small diagnostic helpers.
#include "ogi/Diagnostic.h"

#include <boost/json.hpp>

#include <charconv>

#include <cmath>
#include <cstdint>
#include <sstream>

namespace ogi {

const char* toString(Severity s)
{
    switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "info";
    }
    return "error";
}

bool parseSeverity(const std::string& s, Severity& out)
{
    if (s == "error") out = Severity::Error;
    else if (s == "warning") out = Severity::Warning;
    else if (s == "info") out = Severity::Info;
    else return false;
    return true;
}

std::map<std::string, std::string> Diagnostic::messagesByLanguage() const
{
    std::map<std::string, std::string> out;
    for (const std::string& l : messageLanguages())
        out[l] = text.render(l);
    return out;
}

std::string ignoreKey(const Diagnostic& d)
{
    // A document-level finding has neither key nor address: what it is about is its expected
    // value (S-2: the missing section "五、…", S-1: the missing table's template id), so that
    // ignoring "五 is missing" leaves "六 is missing" visible (issue 9.8).
    // S-3 is one finding for the whole table (its cell is only the first blank one): the key
    // names the table, so filling that cell does not bring an ignored finding back.
    if (d.rule == "S-3" && !d.templateId.empty())
        return d.rule + "|" + d.templateId + "|*";
    const std::string& what = !d.cell.key.empty() ? d.cell.key : !d.cell.address.empty() ? d.cell.address : d.expected;
    return d.rule + "|" + d.templateId + "|" + what;
}

int Report::count(Severity s) const
{
    int n = 0;
    for (const Diagnostic& d : diagnostics)
        n += d.severity == s ? 1 : 0;
    return n;
}

namespace {

boost::json::object cellJson(const CellRef& c)
{
    return {{"cell", c.address}, {"key", c.key}, {"table", c.table}};
}

boost::json::array changesJson(const std::vector<CellChange>& changes)
{
    boost::json::array out;
    for (const CellChange& c : changes) {
        boost::json::object o = cellJson(c.cell);
        o["value"] = c.value;
        o["current"] = c.current;
        o["where"] = c.where;   // the cell in words (row / column labels)
        out.push_back(std::move(o));
    }
    return out;
}

/// "suggestion": {key, cell, value, reason, ...} of the first change; the other fields add to it.
boost::json::object suggestionJson(const Suggestion& s, const std::string& lang)
{
    const CellChange& first = s.changes.front();
    boost::json::array rules;
    for (const std::string& r : s.rules)
        rules.push_back(boost::json::value(r));
    boost::json::object reasons;
    for (const std::string& l : messageLanguages())
        reasons[l] = s.reason(l);
    boost::json::object o{{"key", first.cell.key}, {"cell", first.cell.address}, {"value", first.value},
                          {"reason", s.reason(lang)}, {"reasons", std::move(reasons)}, {"kind", s.kind},
                          {"rules", std::move(rules)}, {"changes", changesJson(s.changes)}};
    if (s.kind == "text") {
        o["quote"] = s.quote;
        o["stated"] = s.stated;
    }
    return o;
}

/// A decimal for JSON: the double nearest to the exact value, which Boost.JSON writes back
/// as the shortest text that reads as that double — "2.9" stays "2.9" (up to 15 digits).
double jsonDecimal(const Decimal& d)
{
    const std::string text = d.toString();
    double out = 0;
    std::from_chars(text.data(), text.data() + text.size(), out);
    return out;
}

} // namespace

std::string Report::toJson(const std::string& lang) const
{
    namespace json = boost::json;
    json::array tablesJson;
    for (const TableInfo& t : tables) {
        json::array sources;
        for (int s : t.sourceTables)
            sources.push_back(s);
        json::object values; // key -> number (integer when integral), null when blank, the text when invalid
        for (const auto& [key, v] : t.values) {
            if (!v.ok())
                values[key] = v.missing() ? json::value(nullptr) : json::value(v.raw);
            else if (const auto n = v.number.toInt64())
                values[key] = *n;                 // counts: exact int64
            else
                values[key] = jsonDecimal(v.number);
        }
        tablesJson.push_back(json::object{
            {"index", t.index}, {"template", t.templateId}, {"version", t.version}, {"title", t.title},
            {"location", t.location}, {"source_tables", std::move(sources)},
            {"mapped_cells", t.mappedKeys}, {"template_cells", t.totalKeys}, {"values", std::move(values)}});
    }
    json::array diags;
    for (const Diagnostic& d : diagnostics) {
        json::array related;
        for (const CellRef& r : d.related)
            related.push_back(cellJson(r));
        json::object messagesJson;   // every language that has a catalog
        for (const auto& [l, m] : d.messagesByLanguage())
            messagesJson[l] = m;
        diags.push_back(json::object{
            {"rule", d.rule}, {"severity", toString(d.severity)}, {"template", d.templateId},
            {"table", d.table}, {"cell", d.cell.address}, {"key", d.cell.key}, {"host_table", d.cell.table},
            {"related", std::move(related)}, {"expected", d.expected}, {"actual", d.actual},
            {"message", d.message(lang)}, {"messages", std::move(messagesJson)}});
        if (!d.suggestion.empty())
            diags.back().as_object()["suggestion"] = suggestionJson(d.suggestion, lang);
        else if (d.suggestion.ambiguous())
            diags.back().as_object()["ambiguous"] =
                json::object{{"reason", d.suggestion.reason(lang)}, {"candidates", changesJson(d.suggestion.candidates)}};
    }
    json::value previousJson = nullptr;
    if (previous.used)
        previousJson = json::object{{"path", previous.path}, {"title", previous.title}, {"unit", previous.unit},
                                    {"year", previous.year}, {"source", previous.source}};
    json::array ignoredJson; // what the user ignored, and why (the sidebar's 忽略 with a reason)
    for (const Ignored& i : ignoredFindings)
        ignoredJson.push_back(
            json::object{{"key", i.key}, {"rule", i.rule}, {"cell", i.cell}, {"ignore_reason", i.reason}});
    json::object root{
        {"document", document},
        {"year", year},
        {"unit", unit},
        {"previous", std::move(previousJson)},
        {"tables", std::move(tablesJson)},
        {"diagnostics", std::move(diags)},
        {"ignored_findings", std::move(ignoredJson)},
        {"summary", json::object{{"errors", count(Severity::Error)},
                                 {"warnings", count(Severity::Warning)},
                                 {"infos", count(Severity::Info)},
                                 {"tables", static_cast<int>(tables.size())},
                                 {"ignored", ignored}}}};
    return json::serialize(root);
}

std::string Report::toText(const std::string& lang) const
{
    // Every word from the catalogs; rule ids, cell addresses and keys, template ids stay as
    // the technical columns of a log line.
    const auto say = [&](const Message& m) { return m.render(lang); };
    const auto severity = [&](Severity s) { return say(Message(std::string("severity.") + toString(s))); };
    std::ostringstream os;
    if (!document.empty())
        os << say(Message("text.document").text("document", document)) << '\n';
    if (year)
        os << say(Message("text.year").text("year", std::to_string(year))) << '\n';
    if (previous.used)
        os << say(Message("text.previous")
                      .text("report", (previous.title.empty() ? previous.path : previous.title) +
                                          (previous.path.empty() || previous.title.empty() ? "" : " (" + previous.path + ")")))
           << '\n';
    if (tables.empty())
        os << say(Message("text.no-table")) << '\n';
    for (const TableInfo& t : tables) {
        os << say(Message("text.table").text("index", std::to_string(t.index + 1)).text("template", t.templateId).text("title", t.title));
        if (!t.location.empty())
            os << " @ " << t.location;
        os << say(Message("text.mapped").text("mapped", std::to_string(t.mappedKeys)).text("total", std::to_string(t.totalKeys)))
           << '\n';
        for (const Diagnostic& d : diagnostics) {
            if (d.table != t.index)
                continue;
            os << "  [" << severity(d.severity) << "] " << d.rule;
            if (!d.cell.address.empty())
                os << ' ' << d.cell.address;
            if (!d.cell.key.empty())
                os << " (" << d.cell.key << ')';
            os << ": " << d.message(lang) << '\n';
            if (d.suggestion.hasReason())
                os << "    " << (d.suggestion.empty() ? "? " : "→ ") << d.suggestion.reason(lang) << '\n';
        }
    }
    for (const Diagnostic& d : diagnostics)
        if (d.table < 0)
            os << "  [" << severity(d.severity) << "] " << d.rule << ' ' << d.cell.table << ": " << d.message(lang) << '\n';
    os << say(Message("text.total")
                  .number("errors", count(Severity::Error))
                  .number("warnings", count(Severity::Warning))
                  .number("infos", count(Severity::Info)))
       << '\n';
    if (ignored)
        os << say(Message("text.ignored").number("count", ignored)) << '\n';
    return os.str();
}

} // namespace ogi
