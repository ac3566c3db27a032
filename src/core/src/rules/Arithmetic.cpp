// Arithmetic kinds over one table's cells: eq, le, ge, requires (Σ lhs against Σ rhs), maxle
// (no part above its total), plainsum (a total that is the plain sum of parts it should not
// be), and the total definitions that put live formulas into inserted Calc templates. Blank
// operands follow spec §5.2: evaluate with blank = 0; a failing rule with blanks is at most a
// warning.
#include "rules/Kind.h"

#include <algorithm>
#include <functional>
#include <set>

namespace ogi {
namespace rules {
namespace {

/// One mapped operand: its key and what the table holds there.
struct Operand {
    const std::string* key = nullptr;
    const Value* value = nullptr;
};

/// Operand lists after dropping keys that this template version does not have.
struct Operands {
    std::vector<Operand> keys;
    bool complete = true;   ///< false: a key of the template is not mapped / not a number

    std::vector<std::string> names() const
    {
        std::vector<std::string> out;
        out.reserve(keys.size());
        for (const Operand& o : keys)
            out.push_back(*o.key);
        return out;
    }
};

/// `ids`: the keys' valueKeyIds (RuleInstance), or null.
Operands operands(const TableFacts& f, const std::string* begin, const std::string* end, const int* ids, bool& blanks)
{
    Operands ops;
    ops.keys.reserve(static_cast<size_t>(end - begin));
    for (const std::string* key = begin; key != end; ++key) {
        const std::string& k = *key;
        const int id = ids ? ids[key - begin] : -1;
        // a mapped key is a key of the template (collectFacts): one look-up in the common case
        const auto* it = f.find(id, k);
        if (!it) {
            if (f.rec->tmpl->cellForKeyId(id, k))
                ops.complete = false;           // R-1 reports it
            continue;                           // else: row of another template version
        }
        if (it->second.kind == Value::Kind::Invalid) {
            ops.complete = false;               // the type rule reports it
            continue;
        }
        if (it->second.missing())
            blanks = true;
        ops.keys.push_back({&it->first, &it->second});
    }
    return ops;
}

Operands operands(const TableFacts& f, const std::vector<std::string>& keys, const std::vector<int>& ids, bool& blanks)
{
    return operands(f, keys.data(), keys.data() + keys.size(), ids.size() == keys.size() ? ids.data() : nullptr,
                    blanks);
}

Operands operands(const TableFacts& f, const std::vector<std::string>& keys, bool& blanks)
{
    return operands(f, keys.data(), keys.data() + keys.size(), nullptr, blanks);
}

Decimal sum(const std::vector<Operand>& keys)
{
    Decimal s;
    for (const Operand& k : keys)
        s += k.value->number;                 // missing values are 0
    return s;
}

std::string shownValue(const TableFacts& f, const std::string& key)
{
    const Value& v = f.values.at(key);
    if (v.ok())
        return formatNumber(v.number);
    return v.raw;
}

/// Σ lhs ∘ Σ rhs over each instance; the target (the first lhs key unless `target` names
/// one) gets the finding and the value that would make the sides equal.
class Compare : public RuleKind {
public:
    enum class Relation { Eq, Le, Ge, Requires };
    explicit Compare(Relation r) : m_relation(r) {}

    Scope scope() const override { return Scope::Table; }
    std::set<std::string> fields() const override { return {"lhs", "rhs", "target", "each"}; }
    std::set<std::string> placeholders() const override { return tablePlaceholders({"bound"}); }

    void parse(RuleDecl& r, const Settings& s) const override
    {
        r.lhs = s.strings("lhs");
        r.rhs = s.strings("rhs");
        r.target = s.string("target");
        r.each = s.each("each");
        if (r.lhs.empty())
            s.fail("kind " + r.kind + " needs lhs");
        expandInstances(r);
    }

    void evaluate(const RuleDecl& rule, const TableFacts& f, std::vector<Diagnostic>& out) const override
    {
        for (const RuleInstance& in : rule.instances)
            compare(rule, f, in, out);
    }

private:
    Relation m_relation;

    void compare(const RuleDecl& rule, const TableFacts& f, const RuleInstance& in, std::vector<Diagnostic>& out) const
    {
        bool blanks = false;
        const Operands lhs = operands(f, in.lhs, in.lhsIds, blanks);
        const Operands rhs = operands(f, in.rhs, in.rhsIds, blanks);
        // A side whose keys all belong to another template version makes the instance moot.
        if (!lhs.complete || !rhs.complete || lhs.keys.empty() || (!rule.rhs.empty() && rhs.keys.empty()))
            return;
        const std::string& preferred = in.target;
        if (!preferred.empty() && !f.values.count(preferred))
            return;
        const Decimal L = sum(lhs.keys), R = sum(rhs.keys);   // exact: no tolerance (spec §5.2)
        bool holds = true;
        switch (m_relation) {
        case Relation::Eq: holds = L == R; break;
        case Relation::Le: holds = L <= R; break;
        case Relation::Ge: holds = L >= R; break;
        case Relation::Requires: holds = !(L > 0) || R > 0; break;
        }
        if (holds)
            return;
        // The target and the value it should have for the relation to hold exactly.
        const std::vector<std::string> lhsKeys = lhs.names(), rhsKeys = rhs.names();
        const std::string target = !preferred.empty() ? preferred : (lhsKeys.empty() ? rhsKeys.front() : lhsKeys.front());
        const Decimal own = f.values.at(target).number;
        const Decimal expected =
            std::find(lhsKeys.begin(), lhsKeys.end(), target) != lhsKeys.end() ? R - (L - own) : L - (R - own);
        Finding fd;
        fd.target = target;
        fd.related = lhsKeys;
        fd.related.insert(fd.related.end(), rhsKeys.begin(), rhsKeys.end());
        fd.blanks = blanks;
        fd.actual = shownValue(f, target);
        const std::string bound = formatNumber(expected);
        switch (m_relation) {
        case Relation::Eq: fd.expected = bound; break;
        case Relation::Le: fd.expected = "≤ " + bound; break;
        case Relation::Ge: fd.expected = "≥ " + bound; break;
        case Relation::Requires: fd.expected = "> 0"; break;
        }
        fd.args.common["bound"] = bound;
        emitTableFinding(rule, f, std::move(fd), out);
    }
};

/// A kind that compares one total with its parts (`total`, `parts`, `each`): B-9, B-11.
class TotalAndParts : public RuleKind {
public:
    Scope scope() const override { return Scope::Table; }
    std::set<std::string> fields() const override { return {"parts", "total", "each"}; }

    void parse(RuleDecl& r, const Settings& s) const override
    {
        r.parts = s.strings("parts");
        r.total = s.string("total");
        r.each = s.each("each");
        if (r.total.empty() || r.parts.empty())
            s.fail("kind " + r.kind + " needs a total and parts");
        expandInstances(r);
    }

protected:
    /// The instance's mapped parts in `parts`; false when the total or a part is not a number
    /// or none is mapped. `blanks` tells whether a blank cell took part.
    static bool gather(const RuleInstance& in, const TableFacts& f, Operands& parts, bool& blanks)
    {
        blanks = false;
        const Operands tot = operands(f, &in.total, &in.total + 1, nullptr, blanks);
        parts = operands(f, in.parts, blanks);
        return tot.complete && !tot.keys.empty() && parts.complete && !parts.keys.empty();
    }
};

/// B-9: no part is larger than its total.
class MaxLe : public TotalAndParts {
public:
    std::set<std::string> placeholders() const override { return tablePlaceholders({"max", "worst"}); }

    void evaluate(const RuleDecl& rule, const TableFacts& f, std::vector<Diagnostic>& out) const override
    {
        for (const RuleInstance& in : rule.instances) {
            bool blanks = false;
            Operands parts;
            if (!gather(in, f, parts, blanks))
                continue;
            const std::string& total = in.total;
            const Decimal T = f.values.at(total).number;
            std::string worst;
            Decimal mx = -1;
            std::vector<std::string> exceeding;
            for (const Operand& k : parts.keys) {
                const Decimal v = k.value->number;
                if (v > T)
                    exceeding.push_back(*k.key);
                if (v > mx) {
                    mx = v;
                    worst = *k.key;
                }
            }
            if (exceeding.empty())
                continue;
            Finding fd;
            fd.target = total;
            fd.related = exceeding;
            fd.blanks = blanks;
            fd.expected = "≥ " + formatNumber(mx);
            fd.actual = shownValue(f, total);
            fd.args.common["max"] = formatNumber(mx);
            fd.args.common["worst"] = describeKey(*f.rec->tmpl, worst);
            emitTableFinding(rule, f, std::move(fd), out);
        }
    }
};

/// B-11: a total that is exactly the plain sum of two or more non-zero parts (the form wants
/// a count of distinct items, not a sum).
class PlainSum : public TotalAndParts {
public:
    std::set<std::string> placeholders() const override { return tablePlaceholders(); }

    void evaluate(const RuleDecl& rule, const TableFacts& f, std::vector<Diagnostic>& out) const override
    {
        for (const RuleInstance& in : rule.instances) {
            bool blanks = false;
            Operands parts;
            if (!gather(in, f, parts, blanks) || blanks)
                continue;
            const std::string& total = in.total;
            int nonZero = 0;
            for (const Operand& k : parts.keys)
                nonZero += k.value->number > 0 ? 1 : 0;
            const Decimal T = f.values.at(total).number;
            if (nonZero < 2 || T != sum(parts.keys))
                continue;
            Finding fd;
            fd.target = total;
            fd.related = parts.names();
            fd.expected = "< " + formatNumber(T);
            fd.actual = formatNumber(T);
            emitTableFinding(rule, f, std::move(fd), out);
        }
    }
};

} // namespace

void registerArithmeticKinds(KindRegistry& r)
{
    r.add<Compare>("eq", Compare::Relation::Eq);
    r.add<Compare>("le", Compare::Relation::Le);
    r.add<Compare>("ge", Compare::Relation::Ge);
    r.add<Compare>("requires", Compare::Relation::Requires);
    r.add<MaxLe>("maxle");
    r.add<PlainSum>("plainsum");
}

} // namespace rules

std::vector<std::pair<std::string, std::vector<std::string>>> totalDefinitions(const std::string& templateId)
{
    std::vector<std::pair<std::string, std::vector<std::string>>> defs;
    const TemplateDef* t = findTemplate(templateId);
    if (!t)
        return defs;
    std::map<std::string, std::vector<std::string>> byTotal;
    for (const RuleDecl& rule : ruleCatalog()) {
        if (rule.kind != "eq" || rule.severity != Severity::Error || !rule.appliesTo(*t))
            continue;
        for (const RuleInstance& in : rule.instances) {
            if (in.lhs.size() != 1 || (!in.target.empty() && in.target != in.lhs.front()))
                continue;                         // balances (N-1) define no single total
            const TemplateCell* total = t->cellForKey(in.lhs.front());
            if (!total || total->extra || byTotal.count(in.lhs.front()))
                continue;                         // subtotal rows (N-5) are never generated
            std::vector<std::string> parts;
            for (const std::string& k : in.rhs)
                if (t->cellForKey(k))
                    parts.push_back(k);
            if (!parts.empty())
                byTotal.emplace(in.lhs.front(), std::move(parts));
        }
    }
    // Topological order: a total after the totals it adds up.
    std::set<std::string> done;
    std::function<void(const std::string&)> visit = [&](const std::string& key) {
        if (done.count(key) || !byTotal.count(key))
            return;
        done.insert(key);
        for (const std::string& p : byTotal.at(key))
            visit(p);
        defs.emplace_back(key, byTotal.at(key));
    };
    for (const std::string& k : t->keys())
        visit(k);
    return defs;
}

} // namespace ogi
