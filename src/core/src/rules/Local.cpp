// Kinds of local statistics tables (spec §2.4, issue 9.9): tables of no national template,
// evaluated once per LocalTable. local names the table, localitem finds a 其中
// item larger than its parent, localperiod a cumulative column smaller than a shorter
// period's.
#include "rules/Kind.h"

namespace ogi::rules {
namespace {

/// What the three kinds share: cell references and the finding of one local table.
class LocalKind : public RuleKind {
public:
    Scope scope() const override { return Scope::Local; }
    std::set<std::string> fields() const override { return {}; }
    void parse(RuleDecl& /*rule*/, const Settings& /*s*/) const override {}

protected:
    static CellRef ref(const Document& doc, const LocalTable& lt, int cell)
    {
        const Table& t = doc.tables[static_cast<size_t>(lt.table)];
        CellRef r;
        r.tableIndex = lt.table;
        r.table = t.name;
        if (cell >= 0)
            r.address = t.cells[static_cast<size_t>(cell)].address;
        return r;
    }

    static void finding(const RuleDecl& rule, CellRef cell, std::vector<CellRef> related, std::string expected,
                        std::string actual, const std::map<std::string, std::string>& vars, std::vector<Diagnostic>& out)
    {
        Diagnostic d;
        d.rule = rule.id;
        d.severity = rule.severity;
        d.cell = std::move(cell);
        d.related = std::move(related);
        d.expected = std::move(expected);
        d.actual = std::move(actual);
        renderMessages(rule, {vars, {}, {}, {}}, d);
        out.push_back(std::move(d));
    }

    static bool number(const Document& doc, const LocalTable& lt, int cell, Decimal& v)
    {
        if (cell < 0)
            return false;
        const Table& t = doc.tables[static_cast<size_t>(lt.table)];
        const Value x = parseValue(t.cells[static_cast<size_t>(cell)].text, ValueType::Dec);
        v = x.number;
        return x.ok();
    }
};

/// the table is a local form, not a national template.
class LocalTableKind : public LocalKind {
public:
    std::set<std::string> placeholders() const override { return {"header"}; }

    void evaluateLocal(const RuleDecl& rule, const Document& doc, const LocalTable& lt,
                       std::vector<Diagnostic>& out) const override
    {
        const Table& t = doc.tables[static_cast<size_t>(lt.table)];
        const Cell* first = nullptr;
        for (const Cell& c : t.cells)
            if (!first || c.row < first->row || (c.row == first->row && c.col < first->col))
                first = &c;
        CellRef anchor = ref(doc, lt, -1);
        if (first)
            anchor.address = first->address;
        finding(rule, anchor, {}, "national template", "local", {{"header", lt.header}}, out);
    }
};

/// a 其中 item is at most its parent, in every column.
class LocalItemKind : public LocalKind {
public:
    std::set<std::string> placeholders() const override
    {
        return {"target", "expected", "actual", "parent", "bound", "column"};
    }

    void evaluateLocal(const RuleDecl& rule, const Document& doc, const LocalTable& lt,
                       std::vector<Diagnostic>& out) const override
    {
        for (const LocalTable::Row& row : lt.rows) {
            if (row.parent < 0)
                continue;
            const LocalTable::Row& parent = lt.rows[static_cast<size_t>(row.parent)];
            for (size_t c = 0; c < lt.columns.size(); ++c) {
                Decimal item, whole;
                if (!number(doc, lt, row.values[c], item) || !number(doc, lt, parent.values[c], whole) || item <= whole)
                    continue;
                finding(rule, ref(doc, lt, row.values[c]), {ref(doc, lt, parent.values[c])}, "≤ " + formatNumber(whole),
                        formatNumber(item),
                        {{"target", row.label}, {"parent", parent.label}, {"bound", formatNumber(whole)},
                         {"actual", formatNumber(item)}, {"expected", "≤ " + formatNumber(whole)},
                         {"column", lt.columns[c]}},
                        out);
            }
        }
    }
};

/// a column of a longer period is at least the columns of a shorter one.
class LocalPeriodKind : public LocalKind {
public:
    std::set<std::string> placeholders() const override
    {
        return {"target", "expected", "actual", "other", "bound", "column"};
    }

    void evaluateLocal(const RuleDecl& rule, const Document& doc, const LocalTable& lt,
                       std::vector<Diagnostic>& out) const override
    {
        for (const LocalTable::Row& row : lt.rows)
            for (size_t a = 0; a < lt.columns.size(); ++a)
                for (size_t b = 0; b < lt.columns.size(); ++b) {
                    if (lt.period[b] == 0 || lt.period[a] <= lt.period[b])
                        continue;                 // a covers a longer period than b
                    Decimal longer, shorter;
                    if (!number(doc, lt, row.values[a], longer) || !number(doc, lt, row.values[b], shorter) ||
                        longer >= shorter)
                        continue;
                    finding(rule, ref(doc, lt, row.values[a]), {ref(doc, lt, row.values[b])},
                            "≥ " + formatNumber(shorter), formatNumber(longer),
                            {{"target", row.label}, {"column", lt.columns[a]}, {"other", lt.columns[b]},
                             {"bound", formatNumber(shorter)}, {"actual", formatNumber(longer)},
                             {"expected", "≥ " + formatNumber(shorter)}},
                            out);
                }
    }
};

} // namespace

void registerLocalKinds(KindRegistry& r)
{
    r.add<LocalTableKind>("local");
    r.add<LocalItemKind>("localitem");
    r.add<LocalPeriodKind>("localperiod");
}

} // namespace ogi::rules
