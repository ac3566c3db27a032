// The likely culprit of failing equalities and the changes a user can ask for (Suggest.h).
// Numbers are exact: every value is a fixed-point integer (1/10000), so a required value is
// found by integer arithmetic and an equation holds only when both sides are identical.
#include "ogi/Suggest.h"

#include "Rules.h"
#include "ogi/CrossYear.h"
#include "ogi/Recognizer.h"
#include "ogi/Templates.h"
#include "ogi/Text.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <cmath>
#include <set>

namespace ogi {
namespace {

using Fixed = long long;
constexpr Fixed kScale = 10000;   // 4 decimals: 万元 amounts are written with at most 4

/// The exact value of a cell: blank = 0 (spec §5.2); false for text that is not a number.
bool fixedOf(const Value& v, Fixed& out)
{
    if (v.missing()) {
        out = 0;
        return true;
    }
    if (!v.ok())
        return false;
    // Decimal holds 1/10^6 exactly; this solver works in 1/10^4 within long long: a value it
    // cannot hold exactly is not solved for (never rounded).
    constexpr Decimal::Rep kDown = Decimal::kOne / kScale;
    const Decimal::Rep raw = v.number.raw();
    if (raw % kDown != 0 || raw / kDown > Decimal::Rep(INT64_MAX / 64) || raw / kDown < Decimal::Rep(INT64_MIN / 64))
        return false;
    out = static_cast<Fixed>(raw / kDown);
    return true;
}

std::string fixedText(Fixed v)
{
    const bool negative = v < 0;
    const unsigned long long a = static_cast<unsigned long long>(negative ? -v : v);
    std::string s = std::to_string(a / kScale);
    if (unsigned long long frac = a % kScale) {
        std::string f = std::to_string(frac);
        f.insert(0, 4 - f.size(), '0');
        while (!f.empty() && f.back() == '0')
            f.pop_back();
        s += "." + f;
    }
    return negative ? "-" + s : s;
}

/// "Sheet1.C12" → "C12" (Calc); Writer names ("C12", "C2.1.1") stay.
std::string shortAddress(const std::string& address)
{
    const size_t dot = address.rfind('.');
    if (dot == std::string::npos)
        return address;
    std::string tail = address.substr(dot + 1);
    size_t i = 0;
    while (i < tail.size() && std::isalpha(static_cast<unsigned char>(tail[i])))
        ++i;
    if (i == 0 || i == tail.size())
        return address;
    for (size_t j = i; j < tail.size(); ++j)
        if (!std::isdigit(static_cast<unsigned char>(tail[j])))
            return address;
    return tail;
}

/// One equation Σ coef·value = constant: an instance of an eq rule (lhs − rhs = 0) or a
/// number stated in the text (Σ targets = stated).
struct Equation {
    const RuleDecl* rule = nullptr;
    std::string target;                 ///< the key its finding is put on
    std::map<std::string, int> coef;
    Fixed constant = 0;
    bool text = false;
    std::string stated, quote;          ///< text equations
};

using Values = std::map<std::string, Fixed>;

Fixed residual(const Equation& e, const Values& v)
{
    Fixed r = -e.constant;
    for (const auto& [k, c] : e.coef)
        r += c * v.at(k);
    return r;
}

bool contains(const Equation& e, const std::string& k)
{
    auto it = e.coef.find(k);
    return it != e.coef.end() && it->second != 0;
}

/// The keys of an operand list as the rule sees them (Rules.cpp, operands()): keys of another
/// template version are dropped; false when a key is unmapped or not a number.
bool operandKeys(const TableFacts& f, const Values& values, const std::vector<std::string>& keys,
                 std::vector<std::string>& out)
{
    for (const std::string& k : keys) {
        if (!f.rec->tmpl->cellForKey(k))
            continue;
        if (!values.count(k))
            return false;
        out.push_back(k);
    }
    return true;
}

std::vector<Equation> tableEquations(const TableFacts& f, const Values& values)
{
    std::vector<Equation> out;
    for (const RuleDecl& rule : ruleCatalog()) {
        if (rule.kind != "eq" || rule.severity == Severity::Info || !rule.appliesTo(*f.rec->tmpl))
            continue;                             // P-4 (info) is a probability, not an equality
        for (const RuleInstance& in : rule.instances) {
            std::vector<std::string> lhs, rhs;
            if (!operandKeys(f, values, in.lhs, lhs) || !operandKeys(f, values, in.rhs, rhs) || lhs.empty() ||
                (!rule.rhs.empty() && rhs.empty()))
                continue;
            if (!in.target.empty() && !f.values.count(in.target))
                continue;
            Equation e;
            e.rule = &rule;
            e.target = !in.target.empty() ? in.target : lhs.front();
            for (const std::string& k : lhs)
                e.coef[k] += 1;
            for (const std::string& k : rhs)
                e.coef[k] -= 1;
            out.push_back(std::move(e));
        }
    }
    return out;
}

std::vector<Equation> textEquations(const TableFacts& f, const Values& values)
{
    std::vector<Equation> out;
    for (const RuleDecl& rule : ruleCatalog()) {
        if (rule.kind != "textcount" || rule.targetSets.size() != 1 || !rule.compiled ||
            !rule.appliesTo(*f.rec->tmpl))
            continue;                             // X-2's "新收 or 新收 + 上年结转" is no equation
        const std::vector<std::string>& targets = rule.targetSets.front();
        if (targets.empty() || std::any_of(targets.begin(), targets.end(), [&](const std::string& k) { return !values.count(k); }))
            continue;
        for (const TextMatch& m : textMatches(rule, f)) {
            const std::optional<Decimal> stated = parseTextNumber(m.number);
            if (!stated || !stated->toInt64() || *stated->toInt64() > 999'999'999)
                continue;
            Equation e;
            e.rule = &rule;
            e.target = targets.front();
            e.text = true;
            for (const std::string& k : targets)
                e.coef[k] += 1;
            e.constant = *stated->toInt64() * kScale;
            e.stated = m.number;
            e.quote = m.sentence;
            out.push_back(std::move(e));
        }
    }
    return out;
}

bool allDigits(const std::string& s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Deleting one character of `longer` gives `shorter`.
bool oneDeleted(const std::string& longer, const std::string& shorter)
{
    if (longer.size() != shorter.size() + 1)
        return false;
    for (size_t i = 0; i < longer.size(); ++i)
        if (longer.compare(0, i, shorter, 0, i) == 0 && longer.compare(i + 1, std::string::npos, shorter, i) == 0)
            return true;
    return false;
}

/// A proposed change of a single cell or of a pair of cells.
struct Proposal {
    std::vector<std::pair<std::string, Fixed>> cells; ///< key -> new value
    std::string slip;                                  ///< classifySlip of the first cell, or "neighbour-column"
};

bool nonNegativeType(const TemplateCell* c) { return c && c->type != ValueType::Signed; }
bool integerType(const TemplateCell* c) { return c && c->type == ValueType::Int; }

/// A value the cell may take: not negative for counts and amounts, whole for counts.
bool admissible(const TableFacts& f, const std::string& key, Fixed v)
{
    const TemplateCell* c = f.rec->tmpl->cellForKey(key);
    if (nonNegativeType(c) && v < 0)
        return false;
    if (integerType(c) && v % kScale != 0)
        return false;
    return true;
}

/// Applies the proposal and checks: every table equation holds, and no text equation that
/// held fails.
bool fixesAll(const Proposal& p, const std::vector<Equation>& eqs, const std::vector<bool>& failing, Values values)
{
    for (const auto& [k, v] : p.cells)
        values[k] = v;
    for (size_t i = 0; i < eqs.size(); ++i) {
        if (eqs[i].text && failing[i])
            continue;                             // the text may be wrong on its own
        if (residual(eqs[i], values) != 0)
            return false;
    }
    return true;
}

std::string cellText(const TableFacts& f, const std::string& key)
{
    auto it = f.rec->cells.find(key);
    if (it == f.rec->cells.end())
        return {};
    return f.doc->tables[static_cast<size_t>(it->second.table)].cells[static_cast<size_t>(it->second.cell)].text;
}

/// The rule ids as a list argument (joined by the catalog's separator).
std::vector<Message> ruleList(const std::vector<std::string>& ids)
{
    std::vector<Message> out;
    out.reserve(ids.size());
    for (const std::string& id : ids)
        out.push_back(Message("value.text").text("text", id));
    return out;
}

CellChange changeOf(const TableFacts& f, const std::string& key, Fixed v)
{
    return CellChange{f.ref(key), fixedText(v), cellText(f, key), f.rec->tmpl->describeKey(key)};
}

/// The reason of a suggestion, as a catalog message.
void describe(Suggestion& s, bool chosenBySlip)
{
    std::vector<Message> changes;
    for (const CellChange& c : s.changes)
        changes.push_back(Message("suggest.change").text("cell", shortAddress(c.cell.address)).text("value", c.value));
    const CellChange& first = s.changes.front();
    const std::string was = normalizeValueText(first.current);
    Message kind;
    for (const char* k : {"transposed", "dropped-digit", "added-digit", "last-year", "neighbour-column"})
        if (s.kind == k)
            kind = Message(std::string("suggest.kind.") + k).text("was", was).text("value", first.value);
    Message slip;
    if (chosenBySlip)
        slip = Message(s.kind == "last-year" ? "suggest.slip.last-year" : "suggest.slip.typical");
    s.explanation = Message("suggest.reason")
                        .list("changes", std::move(changes))
                        .message("kind", std::move(kind))
                        .list("rules", ruleList(s.rules))
                        .number("count", static_cast<double>(s.rules.size()))
                        .message("slip", std::move(slip));
}

void describeAmbiguous(Suggestion& s)
{
    std::vector<Message> candidates;
    for (const CellChange& c : s.candidates)
        candidates.push_back(
            Message("suggest.candidate").text("cell", shortAddress(c.cell.address)).text("value", c.value));
    s.explanation = Message("suggest.ambiguous")
                        .list("candidates", std::move(candidates))
                        .list("rules", ruleList(s.rules))
                        .number("count", static_cast<double>(s.rules.size()));
}

bool sameFinding(const Diagnostic& d, const Equation& e)
{
    if (d.rule != e.rule->id || d.cell.key != e.target)
        return false;
    return !e.text || d.expected == e.stated || d.expected == fixedText(e.constant);
}

void addRelated(Diagnostic& d, const CellRef& c)
{
    for (const CellRef& r : d.related)
        if (r.key == c.key)
            return;
    d.related.push_back(c);
}

/// Neighbouring applicant column (table three): a pair of cells of one row, in adjacent
/// applicant columns, one −k and the other +k.
std::vector<Proposal> neighbourProposals(const TableFacts& f, const std::vector<Equation>& eqs,
                                         const std::vector<bool>& failing, const Values& values, const Equation& first)
{
    std::vector<Proposal> out;
    const TemplateDef& t = *f.rec->tmpl;
    if (t.family != "t3")
        return out;
    for (const auto& [a, va] : values) {
        const TemplateCell* ca = t.cellForKey(a);
        if (!ca || ca->extra || rowKeyOf(a) == a || a.size() < 4 || a.compare(a.size() - 4, 4, ".TOT") == 0)
            continue;
        for (const auto& [b, vb] : values) {
            const TemplateCell* cb = t.cellForKey(b);
            if (!cb || cb->extra || rowKeyOf(b) != rowKeyOf(a) || cb->col != ca->col + ca->colSpan ||
                b.compare(b.size() - 4, 4, ".TOT") == 0)
                continue;
            // a − d, b + d must make the first failing equation hold
            const auto ia = first.coef.find(a), ib = first.coef.find(b);
            const int coefA = ia == first.coef.end() ? 0 : ia->second, coefB = ib == first.coef.end() ? 0 : ib->second;
            const int k = coefB - coefA;
            const Fixed r = residual(first, values);
            if (k == 0 || r % k != 0)
                continue;
            const Fixed d = -r / k;
            Proposal p{{{a, va - d}, {b, vb + d}}, "neighbour-column"};
            if (d == 0 || !admissible(f, a, va - d) || !admissible(f, b, vb + d))
                continue;
            if (fixesAll(p, eqs, failing, values))
                out.push_back(std::move(p));
        }
    }
    return out;
}

/// The cell holds exactly last year's number for its key (same template), and it is not 0.
bool copiedFromLastYear(const TableFacts& f, const Snapshot* previous, const std::string& key, Fixed now)
{
    if (!previous || now == 0)
        return false;
    auto t = previous->tables.find(f.rec->tmpl->id);
    if (t == previous->tables.end())
        return false;
    auto v = t->second.find(key);
    return v != t->second.end() && v->second == fixedText(now);
}

} // namespace

std::string classifySlip(const std::string& writtenText, const std::string& intendedText)
{
    const std::string written = normalizeValueText(writtenText), intended = normalizeValueText(intendedText);
    if (!allDigits(written) || !allDigits(intended) || written == intended)
        return {};
    // A single digit is no evidence: any number holds one of 0…9 (1 → 91 is no slip).
    if (std::min(written.size(), intended.size()) < 2 || written[0] == '0' || intended[0] == '0')
        return {};
    if (written.size() == intended.size()) {
        std::vector<size_t> diff;
        for (size_t i = 0; i < written.size(); ++i)
            if (written[i] != intended[i])
                diff.push_back(i);
        if (diff.size() == 2 && diff[1] == diff[0] + 1 && written[diff[0]] == intended[diff[1]] &&
            written[diff[1]] == intended[diff[0]])
            return "transposed";
        return {};
    }
    if (oneDeleted(intended, written))
        return "dropped-digit";
    if (oneDeleted(written, intended))
        return "added-digit";
    return {};
}

void attachSuggestions(const TableFacts& f, std::vector<Diagnostic>& out, size_t first, const Snapshot* previous)
{
    if (first >= out.size())
        return;                                   // nothing to explain
    Values values;
    for (const auto& [k, v] : f.values) {
        const TemplateCell* c = f.rec->tmpl->cellForKey(k);
        Fixed x = 0;
        if (c && c->type != ValueType::Heading && fixedOf(v, x))
            values[k] = x;
    }
    std::vector<Equation> eqs = tableEquations(f, values);
    const size_t tableCount = eqs.size();
    bool anyTableFails = false;
    for (const Equation& e : eqs)
        anyTableFails = anyTableFails || residual(e, values) != 0;
    const bool anyText = std::any_of(out.begin() + static_cast<long>(first), out.end(),
                                     [](const Diagnostic& d) { return d.rule.rfind("X-", 0) == 0; });
    if (!anyTableFails && !anyText)
        return;
    std::vector<Equation> text = textEquations(f, values);
    eqs.insert(eqs.end(), std::make_move_iterator(text.begin()), std::make_move_iterator(text.end()));
    std::vector<bool> failing(eqs.size());
    std::vector<size_t> tableFailing;
    for (size_t i = 0; i < eqs.size(); ++i) {
        failing[i] = residual(eqs[i], values) != 0;
        if (failing[i] && i < tableCount)
            tableFailing.push_back(i);
    }

    if (tableFailing.empty()) {
        // Only the text contradicts a consistent table: the sentence's number is the one to
        // change (X-rules), to the table's number, when no equation of the table is broken.
        for (size_t i = tableCount; i < eqs.size(); ++i) {
            if (!failing[i])
                continue;
            const Equation& e = eqs[i];
            for (size_t d = first; d < out.size(); ++d) {
                Diagnostic& diag = out[d];
                if (!diag.suggestion.empty() || !sameFinding(diag, e))
                    continue;
                Suggestion s;
                s.kind = "text";
                s.rules = {e.rule->id};
                s.quote = e.quote;
                s.stated = e.stated;
                Fixed sum = 0;
                for (const auto& [k, c] : e.coef)
                    sum += c * values.at(k);
                s.changes.push_back(CellChange{diag.cell, fixedText(sum), e.stated, {}});
                s.explanation = Message("suggest.text")
                                    .text("quote", e.quote)
                                    .text("stated", e.stated)
                                    .text("value", fixedText(sum))
                                    .text("rule", e.rule->id);
                diag.suggestion = std::move(s);
                break;
            }
        }
        return;
    }

    // Single cells in every failing equation of the table.
    const Equation& pivot = eqs[tableFailing.front()];
    std::vector<Proposal> proposals;
    for (const auto& [key, c] : pivot.coef) {
        const std::string& k = key;   // a structured binding cannot be captured (C++17)
        if (c == 0 || !std::all_of(tableFailing.begin(), tableFailing.end(), [&](size_t i) { return contains(eqs[i], k); }))
            continue;
        const Fixed r = residual(pivot, values);
        if (r % c != 0)
            continue;
        const Fixed v = values.at(k) - r / c;
        if (!admissible(f, k, v))
            continue;
        Proposal p{{{k, v}}, classifySlip(cellText(f, k), fixedText(v))};
        if (copiedFromLastYear(f, previous, k, values.at(k)))
            p.slip = "last-year";
        if (fixesAll(p, eqs, failing, values))
            proposals.push_back(std::move(p));
    }
    bool chosenBySlip = false;
    if (proposals.size() > 1) {
        // a number stated in the text that only one of them also makes true singles it out
        std::vector<Proposal> textual;
        for (const Proposal& p : proposals) {
            Values after = values;
            for (const auto& [k, v] : p.cells)
                after[k] = v;
            bool fixesText = false;
            for (size_t i = tableCount; i < eqs.size(); ++i)
                fixesText = fixesText || (failing[i] && residual(eqs[i], after) == 0);
            if (fixesText)
                textual.push_back(p);
        }
        if (textual.size() == 1)
            proposals = textual;
    }
    if (proposals.size() > 1) {
        // last year's number left standing explains itself better than any digit slip
        std::vector<Proposal> copied;
        for (const Proposal& p : proposals)
            if (p.slip == "last-year")
                copied.push_back(p);
        if (copied.size() == 1) {
            proposals = copied;
            chosenBySlip = true;
        }
    }
    if (proposals.size() > 1) {
        std::vector<Proposal> slips;
        for (const Proposal& p : proposals)
            if (!p.slip.empty())
                slips.push_back(p);
        if (slips.size() == 1) {
            proposals = slips;
            chosenBySlip = true;
        }
    }
    if (proposals.empty()) {
        proposals = neighbourProposals(f, eqs, failing, values, pivot);
        if (proposals.size() > 1) {
            // several pairs balance the columns: the one that moves a whole number (one side
            // becomes or was 0) is the slip
            std::vector<Proposal> whole;
            for (const Proposal& p : proposals)
                if ((values.at(p.cells[0].first) == 0 && p.cells[1].second == 0) ||
                    (values.at(p.cells[1].first) == 0 && p.cells[0].second == 0))
                    whole.push_back(p);
            if (whole.size() == 1)
                proposals = whole;
        }
    }
    if (proposals.empty())
        return;

    if (proposals.size() > 1) {
        Suggestion s;
        std::set<std::string> seen;
        for (size_t i : tableFailing)
            if (seen.insert(eqs[i].rule->id).second)
                s.rules.push_back(eqs[i].rule->id);
        for (const Proposal& p : proposals)
            for (const auto& [k, v] : p.cells)
                s.candidates.push_back(changeOf(f, k, v));
        describeAmbiguous(s);
        for (size_t d = first; d < out.size(); ++d)
            for (size_t i : tableFailing)
                if (sameFinding(out[d], eqs[i]))
                    out[d].suggestion = s;
        return;
    }

    const Proposal& p = proposals.front();
    Suggestion s;
    s.kind = p.slip.empty() ? "cell" : p.slip;
    for (const auto& [k, v] : p.cells)
        s.changes.push_back(changeOf(f, k, v));
    Values after = values;
    for (const auto& [k, v] : p.cells)
        after[k] = v;
    std::vector<size_t> explained;
    std::set<std::string> seen;
    for (size_t i = 0; i < eqs.size(); ++i)
        if (failing[i] && residual(eqs[i], after) == 0) {
            explained.push_back(i);
            if (seen.insert(eqs[i].rule->id).second)
                s.rules.push_back(eqs[i].rule->id);
        }
    describe(s, chosenBySlip);
    const CellRef cause = s.changes.front().cell;
    for (size_t d = first; d < out.size(); ++d) {
        Diagnostic& diag = out[d];
        if (std::none_of(explained.begin(), explained.end(), [&](size_t i) { return sameFinding(diag, eqs[i]); }))
            continue;
        diag.suggestion = s;
        if (diag.cell.key != cause.key) {
            // the total only looks wrong: it becomes a related cell, the cause the finding's cell
            addRelated(diag, diag.cell);
            diag.cell = cause;
            diag.related.erase(std::remove_if(diag.related.begin(), diag.related.end(),
                                              [&](const CellRef& r) { return r.key == cause.key; }),
                               diag.related.end());
        }
        for (size_t i = 1; i < s.changes.size(); ++i)
            addRelated(diag, s.changes[i].cell);
    }
}

bool locateStatedNumber(const Diagnostic& d, const std::string& paragraph, size_t& begin, size_t& end)
{
    if (d.suggestion.kind != "text" || d.suggestion.stated.empty())
        return false;
    // The paragraph as the rules see it (NFKC, no white space), character by character, with
    // the position in the original text of each unit of the normalized one.
    const icu::UnicodeString raw = icu::UnicodeString::fromUTF8(paragraph);
    icu::UnicodeString norm;
    std::vector<int32_t> origin;
    for (int32_t i = 0; i < raw.length();) {
        const int32_t next = raw.moveIndex32(i, 1);
        std::string piece;
        raw.tempSubStringBetween(i, next).toUTF8String(piece);
        const icu::UnicodeString n = icu::UnicodeString::fromUTF8(normalizeValueText(piece));
        for (int32_t k = 0; k < n.length(); ++k)
            origin.push_back(i);
        norm += n;
        i = next;
    }
    origin.push_back(raw.length());
    std::string normUtf8;
    norm.toUTF8String(normUtf8);
    if (!d.suggestion.quote.empty() && normUtf8.find(d.suggestion.quote) == std::string::npos)
        return false;
    for (const RuleDecl& rule : ruleCatalog()) {
        if (rule.id != d.rule || rule.kind != "textcount" || !rule.compiled)
            continue;
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::RegexMatcher> m(rule.compiled->regex->matcher(norm, status));
        if (U_FAILURE(status) || !m)
            continue;
        while (m->find(status) && U_SUCCESS(status)) {
            if (m->groupCount() < 1)
                break;
            std::string number;
            m->group(1, status).toUTF8String(number);
            if (number != d.suggestion.stated)
                continue;
            const int32_t from = m->start(1, status), to = m->end(1, status);
            if (U_FAILURE(status) || from < 0 || to > static_cast<int32_t>(origin.size()) - 1)
                break;
            begin = static_cast<size_t>(origin[static_cast<size_t>(from)]);
            // the end: after the original character of the group's last unit
            end = static_cast<size_t>(raw.moveIndex32(origin[static_cast<size_t>(to - 1)], 1));
            return true;
        }
    }
    return false;
}

// ---------------------------------------------------------------------------------------
// Changes on request

namespace {

/// Total key -> parts, grid totals first (totalDefinitions), then the subtotal rows (N-5) the
/// table has.
std::vector<std::pair<std::string, std::vector<std::string>>> totalsOf(const Recognition& rec)
{
    auto defs = totalDefinitions(rec.tmpl->id);
    for (const RuleDecl& rule : ruleCatalog()) {
        if (rule.kind != "eq" || rule.severity != Severity::Error || !rule.appliesTo(*rec.tmpl))
            continue;
        for (const RuleInstance& in : rule.instances) {
            if (in.lhs.size() != 1 || !rec.tmpl->subtotalOf(in.lhs.front()) || !rec.cells.count(in.lhs.front()))
                continue;
            std::vector<std::string> parts;
            for (const std::string& k : in.rhs)
                if (rec.tmpl->cellForKey(k))
                    parts.push_back(k);
            defs.emplace_back(in.lhs.front(), std::move(parts));
        }
    }
    return defs;
}

Values exactValues(const TableFacts& f, std::set<std::string>* invalid = nullptr)
{
    Values v;
    for (const auto& [k, val] : f.values) {
        Fixed x = 0;
        if (fixedOf(val, x))
            v[k] = x;
        else if (invalid)
            invalid->insert(k);
    }
    return v;
}

} // namespace

std::vector<CellChange> totalChanges(const Document& doc)
{
    std::vector<CellChange> out;
    const std::vector<Recognition> recognized = recognize(doc);
    for (size_t t = 0; t < recognized.size(); ++t) {
        const Recognition& rec = recognized[t];
        const TableFacts f = collectFacts(doc, rec, static_cast<int>(t), 0);
        std::set<std::string> unknown;
        Values values = exactValues(f, &unknown);
        for (const auto& [total, parts] : totalsOf(rec)) {
            if (!rec.cells.count(total))
                continue;
            Fixed sum = 0;
            bool known = true;
            for (const std::string& k : parts) {
                if (unknown.count(k) || (!values.count(k) && rec.cells.count(k))) {
                    known = false;
                    break;
                }
                auto it = values.find(k);
                sum += it == values.end() ? 0 : it->second;   // a key this table lacks counts 0
            }
            if (!known) {
                unknown.insert(total);                        // its own totals are unknown too
                continue;
            }
            const Value& now = f.values.at(total);
            Fixed current = 0;
            if (!now.ok() || !fixedOf(now, current) || current != sum)
                out.push_back(CellChange{f.ref(total), fixedText(sum), cellText(f, total), rec.tmpl->describeKey(total)});
            values[total] = sum;
            unknown.erase(total);
        }
    }
    return out;
}

std::vector<CellChange> blankChanges(const Document& doc)
{
    std::vector<CellChange> out;
    const std::vector<Recognition> recognized = recognize(doc);
    for (size_t t = 0; t < recognized.size(); ++t) {
        const Recognition& rec = recognized[t];
        const TableFacts f = collectFacts(doc, rec, static_cast<int>(t), 0);
        auto visit = [&](const std::string& key) {
            auto it = f.values.find(key);
            const TemplateCell* c = rec.tmpl->cellForKey(key);
            if (it == f.values.end() || !c || c->type == ValueType::Heading || !it->second.missing())
                return;
            out.push_back(CellChange{f.ref(key), "0", cellText(f, key), rec.tmpl->describeKey(key)});
        };
        for (const std::string& key : rec.tmpl->keys())
            visit(key);
        for (const TemplateCell& extra : rec.tmpl->extraCells)
            visit(extra.key);
    }
    return out;
}

NumericSentences numericSentences(const Document& doc)
{
    NumericSentences out;
    const std::vector<Recognition> recognized = recognize(doc);
    for (size_t t = 0; t < recognized.size(); ++t) {
        const Recognition& rec = recognized[t];
        const std::string& family = rec.tmpl->family;
        if ((family != "t3" || !out.three.empty()) && (family != "t4" || !out.four.empty()))
            continue;
        if (rec.tmpl->version != "2019" && rec.tmpl->version != "2021")
            continue;
        const TableFacts f = collectFacts(doc, rec, static_cast<int>(t), 0);
        std::set<std::string> invalid;
        const Values values = exactValues(f, &invalid);
        bool ok = true;
        // Σ of the keys this template has (blank = 0); a key that is not a number spoils it.
        auto sum = [&](std::initializer_list<const char*> keys) {
            Fixed s = 0;
            for (const char* k : keys) {
                if (!rec.tmpl->cellForKey(k) || rec.tmpl->cellForKey(k)->type == ValueType::Heading)
                    continue;
                if (invalid.count(k) || !values.count(k))
                    ok = false;
                else
                    s += values.at(k);
            }
            return fixedText(s);
        };
        if (family == "t3") {
            const std::string s =
                "本年新收政府信息公开申请" + sum({"R1.TOT"}) + "件，上年结转政府信息公开申请" + sum({"R2.TOT"}) +
                "件，办结政府信息公开申请" + sum({"R3_7.TOT"}) + "件（其中予以公开" + sum({"R3_1.TOT"}) + "件、部分公开" +
                sum({"R3_2.TOT"}) + "件、不予公开" +
                sum({"R3_3_1.TOT", "R3_3_2.TOT", "R3_3_3.TOT", "R3_3_4.TOT", "R3_3_5.TOT", "R3_3_6.TOT", "R3_3_7.TOT",
                     "R3_3_8.TOT"}) +
                "件、无法提供" + sum({"R3_4_1.TOT", "R3_4_2.TOT", "R3_4_3.TOT"}) + "件、不予处理" +
                sum({"R3_5_1.TOT", "R3_5_2.TOT", "R3_5_3.TOT", "R3_5_4.TOT", "R3_5_5.TOT"}) + "件、其他处理" +
                sum({"R3_6.TOT", "R3_6_1.TOT", "R3_6_2.TOT", "R3_6_3.TOT"}) + "件），结转下年度继续办理" +
                sum({"R4.TOT"}) + "件。";
            if (ok)
                out.three = s;
        } else {
            const std::string s =
                "本年度发生政府信息公开行政复议" + sum({"RV_TOT"}) + "件（结果维持" + sum({"RV_KEEP"}) + "件、结果纠正" +
                sum({"RV_CORR"}) + "件、其他结果" + sum({"RV_OTHR"}) + "件、尚未审结" + sum({"RV_PEND"}) +
                "件）；政府信息公开行政诉讼" + sum({"LD_TOT", "LR_TOT"}) + "件（未经复议直接起诉" + sum({"LD_TOT"}) +
                "件、复议后起诉" + sum({"LR_TOT"}) + "件；结果维持" + sum({"LD_KEEP", "LR_KEEP"}) + "件、结果纠正" +
                sum({"LD_CORR", "LR_CORR"}) + "件、其他结果" + sum({"LD_OTHR", "LR_OTHR"}) + "件、尚未审结" +
                sum({"LD_PEND", "LR_PEND"}) + "件）。";
            if (ok)
                out.four = s;
        }
    }
    return out;
}

} // namespace ogi
