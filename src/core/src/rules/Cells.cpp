// Kinds about a table's cells and its template as a whole: type (a value of the wrong type),
// blank (S-3: blank cells), outdated (S-4: an older format than the report year's), unmapped
// cells the recognizer could not find) and resembles (R-2: a table that looks like a
// template but could not be recognized).
#include "rules/Kind.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace ogi {
namespace rules {
namespace {

const char* typeExpectation(ValueType t)
{
    switch (t) {
    case ValueType::Int: return "integer ≥ 0";
    case ValueType::Dec: return "number ≥ 0 (万元)";
    case ValueType::Signed: return "signed integer";
    case ValueType::Amount: return "amount";
    case ValueType::Heading: return "empty";
    }
    return "";
}

/// Calls fn(key) for every value key the per-cell rules look at: the grid's keys, then the
/// subtotal cells (N-5) that the table has.
template <typename Fn>
void forEachCellKey(const TableFacts& f, Fn fn)
{
    for (const std::string& key : f.rec->tmpl->keys())
        fn(key);
    for (const TemplateCell& c : f.rec->tmpl->extraCells)
        if (f.values.count(c.key))
            fn(c.key);
}

/// Whether some mapped value is `pred`: the per-cell kinds find nothing in most tables.
template <typename Pred>
bool anyValue(const TableFacts& f, Pred pred)
{
    return std::any_of(f.values.begin(), f.values.end(), [&](const auto& kv) { return pred(kv.second); });
}

/// A cell whose text is not a value of its type ("valueTypes": only cells of these types; by
/// default all but the signed cells, which P-5 owns).
class TypeKind : public RuleKind {
public:
    Scope scope() const override { return Scope::Table; }
    std::set<std::string> fields() const override { return {"valueTypes"}; }
    std::set<std::string> placeholders() const override { return tablePlaceholders(); }

    void parse(RuleDecl& r, const Settings& s) const override
    {
        r.valueTypes = s.strings("valueTypes");
        for (const std::string& v : r.valueTypes)
            if (v != "int" && v != "dec" && v != "signed" && v != "amount" && v != "heading")
                s.fail("unknown value type \"" + v + "\"");
    }

    void evaluate(const RuleDecl& rule, const TableFacts& f, std::vector<Diagnostic>& out) const override
    {
        if (!anyValue(f, [](const Value& v) { return v.kind == Value::Kind::Invalid; }))
            return;                                 // one pass over the values instead of a look-up per key
        forEachCellKey(f, [&](const std::string& key) {
            auto it = f.values.find(key);
            if (it == f.values.end() || it->second.kind != Value::Kind::Invalid)
                return;
            const ValueType type = f.rec->tmpl->cellForKey(key)->type;
            if (!rule.valueTypes.empty() &&
                std::find(rule.valueTypes.begin(), rule.valueTypes.end(), toString(type)) == rule.valueTypes.end())
                return;
            if (rule.valueTypes.empty() && type == ValueType::Signed)
                return;                             // P-5 (soft) owns the signed cells
            Finding fd;
            fd.target = key;
            fd.expected = typeExpectation(type);
            fd.actual = it->second.raw;
            fd.args.messages["expected"] =
                Message(std::string("type.") + toString(type)).text("problem", it->second.problem);
            emitTableFinding(rule, f, std::move(fd), out);
        });
    }
};

/// S-3: one finding per table (issue 9.6): its cell is the first blank cell, `related` all of
/// them. A blank cell that already carries a finding of this table (a blank total whose rule
/// fails says "blank" itself) is not counted; Checker runs this kind after the other rules
/// and the suggestions of the table (Scope::TableLast), so that their cells are final.
class BlankKind : public RuleKind {
public:
    Scope scope() const override { return Scope::TableLast; }
    std::set<std::string> fields() const override { return {}; }
    std::set<std::string> placeholders() const override { return tablePlaceholders({"count"}); }
    std::set<std::string> variants() const override { return {"one"}; }
    void parse(RuleDecl& /*rule*/, const Settings& /*s*/) const override {}

    void evaluate(const RuleDecl& rule, const TableFacts& f, std::vector<Diagnostic>& out) const override
    {
        if (!anyValue(f, [](const Value& v) { return v.missing(); }))
            return;                                 // no blank cell: nothing to count
        std::set<std::string> flagged;
        for (const Diagnostic& d : out)
            if (d.table == f.reportTable && !d.cell.key.empty())
                flagged.insert(d.cell.key);
        std::vector<std::string> blanks;
        forEachCellKey(f, [&](const std::string& key) {
            auto it = f.values.find(key);
            if (it == f.values.end() || !it->second.missing() || flagged.count(key))
                return;
            if (f.rec->tmpl->cellForKey(key)->type == ValueType::Heading)
                return;
            blanks.push_back(key);
        });
        if (blanks.empty())
            return;
        Finding fd;
        fd.target = blanks.front();
        fd.related = blanks;
        fd.expected = "0";
        fd.actual = std::to_string(blanks.size());
        fd.variant = blanks.size() == 1 ? "one" : "";
        fd.args.numbers["count"] = static_cast<double>(blanks.size());   // the catalog's plural selects on it
        fd.args.common["actual"] = fd.actual;
        emitTableFinding(rule, f, std::move(fd), out);
        out.back().related.insert(out.back().related.begin(), out.back().cell);   // all blank cells, the first too
    }
};

/// S-4: a table of an older format than the report year's.
class OutdatedKind : public RuleKind {
public:
    Scope scope() const override { return Scope::Table; }
    std::set<std::string> fields() const override { return {}; }
    std::set<std::string> placeholders() const override { return tablePlaceholders(); }
    void parse(RuleDecl& /*rule*/, const Settings& /*s*/) const override {}

    void evaluate(const RuleDecl& rule, const TableFacts& f, std::vector<Diagnostic>& out) const override
    {
        if (!f.rec->versionProven)
            return;                                 // the document chose the version, not the table's rows (issue 9.3)
        const std::string& version = f.rec->tmpl->version;
        // The report year's format (formats.json `from`), when it is newer than the table's.
        const FormatDef* due = formatForYear(f.year);
        const FormatDef* own = formats().find(version);
        if (!due || !own || due->from <= own->from)
            return;
        const std::string& expected = due->id;
        Finding fd;   // the formats' names are the catalogs' format.<version>
        fd.expected = expected;
        fd.actual = version;
        fd.args.messages["expected"] = Message("format." + expected);
        fd.args.messages["actual"] = Message("format." + version);
        emitTableFinding(rule, f, std::move(fd), out);
    }
};

/// what is missing, in words (issue 9.3): a row none of whose cells was found by its
/// labels ("（六）其他处理 1.申请人无正当理由…"), else the cell's row and column labels; at
/// most six names, then how many more.
class UnmappedKind : public RuleKind {
public:
    Scope scope() const override { return Scope::Table; }
    std::set<std::string> fields() const override { return {}; }
    std::set<std::string> placeholders() const override { return tablePlaceholders({"count", "missing"}); }
    void parse(RuleDecl& /*rule*/, const Settings& /*s*/) const override {}

    void evaluate(const RuleDecl& rule, const TableFacts& f, std::vector<Diagnostic>& out) const override
    {
        if (f.rec->missing.empty())
            return;
        const TemplateDef& t = *f.rec->tmpl;
        std::set<std::string> mappedRows, seenRows;
        for (const auto& [key, loc] : f.rec->cells)
            mappedRows.insert(rowKeyOf(key));
        std::vector<std::string> names;
        for (const std::string& key : f.rec->missing) {
            const std::string row = rowKeyOf(key);
            const std::vector<std::string> path = t.rowLabels(key);
            if (!mappedRows.count(row) && !path.empty()) {
                if (!seenRows.insert(row).second)
                    continue;
                names.push_back(path.size() >= 3 ? path[path.size() - 2] + " " + path.back() : path.back());
            } else {
                names.push_back(t.describeKey(key));
            }
        }
        constexpr size_t kShown = 6;
        std::vector<Message> shown;
        for (size_t i = 0; i < names.size() && i < kShown; ++i)
            shown.push_back(Message("value.quoted").text("text", names[i]));
        Message missing = Message("value.text").list("text", std::move(shown));
        if (names.size() > kShown)
            missing.then(Message("list.more")
                             .text("total", std::to_string(names.size()))
                             .text("more", std::to_string(names.size() - kShown)));
        Finding fd;
        fd.expected = std::to_string(t.keys().size());
        fd.actual = std::to_string(f.rec->cells.size());
        fd.args.common["count"] = std::to_string(f.rec->missing.size());
        fd.args.messages["missing"] = std::move(missing);
        emitTableFinding(rule, f, std::move(fd), out);
    }
};

/// evaluated by Checker through resemblanceFinding, once per resembling table.
class ResemblesKind : public RuleKind {
public:
    Scope scope() const override { return Scope::Resemblance; }
    std::set<std::string> fields() const override { return {}; }
    std::set<std::string> placeholders() const override { return {"table", "score"}; }
    void parse(RuleDecl& /*rule*/, const Settings& /*s*/) const override {}
};

} // namespace

void registerCellKinds(KindRegistry& r)
{
    r.add<TypeKind>("type");
    r.add<BlankKind>("blank");
    r.add<OutdatedKind>("outdated");
    r.add<UnmappedKind>("unmapped");
    r.add<ResemblesKind>("resembles");
}

} // namespace rules

Diagnostic resemblanceFinding(const RuleDecl& rule, const Document& doc, const Resemblance& r)
{
    Diagnostic d;
    d.rule = rule.id;
    d.severity = rule.severity;
    d.templateId = r.tmpl->id;
    const Table& t = doc.tables[static_cast<size_t>(r.table)];
    d.cell.tableIndex = r.table;
    d.cell.table = t.name;
    if (!t.cells.empty())
        d.cell.address = t.cells.front().address;
    char score[16];
    std::snprintf(score, sizeof score, "%.2f", r.score);
    d.expected = r.tmpl->id;
    d.actual = score;
    rules::renderMessages(rule, {{{"table", r.tmpl->formTitle()}, {"score", score}}, {}, {}, {}}, d);
    return d;
}

} // namespace ogi
