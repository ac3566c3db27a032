// Recognizer. Two steps per table:
//  1. detection: which template do its labels look like (signature gate + F1 over labels);
//  2. mapping: template rows are aligned in order with physical rows by their most specific
//     label (surviving extra rows, labels split over two rows, lost merges); inside a row,
//     values are matched to columns by their header labels when the header can be resolved,
//     else by order (flattened or irregular headers).
#include "ogi/Recognizer.h"

#include "ogi/Checker.h"
#include "ogi/Text.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <deque>
#include <set>
#include <string_view>
#include <unordered_map>

namespace ogi {

namespace {

/// Normalized forms of a label, and their hashes for the label sets (LabelSet), made with it.
struct Label {
    std::string norm;
    std::string core;
    size_t normHash = 0, coreHash = 0;
    bool empty() const { return norm.empty(); }
};

size_t hashOf(std::string_view s) { return std::hash<std::string_view>()(s); }

/// A set of strings owned elsewhere (labels that outlive it), each given with its hash: the
/// detection asks every template's labels of every table, and each label is hashed once when
/// made instead of at every look-up (issue 11). Open addressing, at most half full.
class LabelSet {
public:
    /// Adds s (hash h); false when it was there.
    bool insert(std::string_view s, size_t h)
    {
        if (2 * (m_size + 1) > m_slots.size())
            grow();
        Slot& slot = m_slots[slotOf(s, h)];
        if (slot.used)
            return false;
        slot = {h, s, true};
        ++m_size;
        return true;
    }
    bool contains(std::string_view s, size_t h) const { return !m_slots.empty() && m_slots[slotOf(s, h)].used; }

private:
    struct Slot {
        size_t hash = 0;
        std::string_view text;
        bool used = false;
    };
    /// The slot holding s, else the free one where it would go.
    size_t slotOf(std::string_view s, size_t h) const
    {
        const size_t mask = m_slots.size() - 1;
        for (size_t i = h & mask;; i = (i + 1) & mask) {
            const Slot& slot = m_slots[i];
            if (!slot.used || (slot.hash == h && slot.text == s))
                return i;
        }
    }
    void grow()
    {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(std::max<size_t>(16, 2 * old.size()), Slot{});
        for (const Slot& o : old)
            if (o.used)
                m_slots[slotOf(o.text, o.hash)] = o;
    }
    std::vector<Slot> m_slots;   ///< a power of two in size
    size_t m_size = 0;
};

/// One bit per byte value (mod 64) of the text: a text holds `part` only if part's bits are
/// all in its mask, so most labels are ruled out without searching them.
uint64_t byteMask(std::string_view text)
{
    uint64_t m = 0;
    for (char c : text)
        m |= uint64_t(1) << (static_cast<unsigned char>(c) & 63);
    return m;
}

Label makeLabel(const std::string& text)
{
    Label l;
    l.norm = normalizeLabel(text);
    l.core = coreLabel(l.norm);
    l.normHash = hashOf(l.norm);
    l.coreHash = hashOf(l.core);
    return l;
}

bool sameLabel(const Label& a, const Label& b)
{
    if (a.norm.empty() || b.norm.empty())
        return false;
    // the hashes (made with every label, makeLabel) rule out most pairs before the strings are compared
    return (a.normHash == b.normHash && a.norm == b.norm) ||
           (!a.core.empty() && a.coreHash == b.coreHash && a.core == b.core);
}

/// Per-template data derived once from the template grid.
struct TemplateRow {
    std::vector<Label> leaf;                 ///< accepted spellings of the most specific row label
    std::vector<std::string> keys;           ///< value keys left to right
    std::vector<std::vector<Label>> colPath; ///< per key: column labels, outermost first
    bool optional = false;
};

struct TemplateIndex {
    const TemplateDef* tmpl = nullptr;
    std::vector<TemplateRow> rows;           ///< rows holding values, top to bottom
    std::vector<Label> labels;               ///< all distinct label cells (for detection)
    LabelSet labelNorms, labelCores;         ///< of `labels` (a variant's norm is in it once)
    std::vector<uint64_t> signatureMasks;    ///< byteMask of each of tmpl->signatures
    Label valueHeader;                       ///< list layout: the value column's header ("统计数")
    Label unitHeader;                        ///< list layout: "单位"
    /// Matrix layout: the keys of `rows` in the order of Recognition::cells (key order) and,
    /// per row and key, its place in that order: a mapping is written into the map in order,
    /// each entry at its end, instead of searched into it (issue 11).
    std::vector<const std::string*> sortedKeys;
    std::vector<std::vector<size_t>> keyRank;
    /// rowKeyOf each row's first key, and the label of each subtotal's group (tmpl->subtotals):
    /// what mapSubtotals compares, made once instead of once per mapping (issue 11)
    std::vector<std::string> rowKeys;
    std::vector<Label> subtotalGroups;
};

std::vector<Label> labelsWithVariants(const TemplateCell& c)
{
    std::vector<Label> out{makeLabel(c.text)};
    for (const std::string& v : c.variants)
        out.push_back(makeLabel(v));
    return out;
}

TemplateIndex buildIndex(const TemplateDef& t)
{
    TemplateIndex idx;
    idx.tmpl = &t;
    for (const std::string& sig : t.signatures)
        idx.signatureMasks.push_back(byteMask(sig));
    std::set<std::string> seen;
    for (const TemplateCell& c : t.cells) {
        if (!c.key.empty() || c.unit || c.text.empty())
            continue;
        for (const Label& l : labelsWithVariants(c))
            if (seen.insert(l.norm).second)
                idx.labels.push_back(l);
    }
    // the sets view the strings of `labels`, complete from here on; a label of the same norm
    // has the same core (coreLabel of it)
    for (const Label& l : idx.labels) {
        idx.labelNorms.insert(l.norm, l.normHash);
        if (!l.core.empty())
            idx.labelCores.insert(l.core, l.coreHash);
    }
    // Rows with values, in grid order.
    std::map<int, TemplateRow> byRow;
    for (const TemplateCell& c : t.cells) {
        if (c.key.empty())
            continue;
        TemplateRow& row = byRow[c.row];
        if (row.keys.empty()) {
            // most specific label: the rightmost label cell covering this row left of the value
            const TemplateCell* leaf = nullptr;
            for (const TemplateCell& l : t.cells)
                if (l.key.empty() && !l.unit && !l.text.empty() && l.col < c.col && c.row >= l.row &&
                    c.row < l.row + l.rowSpan && (!leaf || l.col > leaf->col))
                    leaf = &l;
            if (leaf)
                row.leaf = labelsWithVariants(*leaf);
        }
        row.keys.push_back(c.key);
        std::vector<Label> path;
        for (const std::string& s : t.columnLabels(c.key))
            path.push_back(makeLabel(s));
        row.colPath.push_back(std::move(path));
        row.optional = row.optional || c.optional;
    }
    for (auto& [r, row] : byRow)
        idx.rows.push_back(std::move(row));
    for (const TemplateRow& row : idx.rows)
        for (const std::string& k : row.keys)
            idx.sortedKeys.push_back(&k);
    std::sort(idx.sortedKeys.begin(), idx.sortedKeys.end(),
              [](const std::string* a, const std::string* b) { return *a < *b; });
    for (const TemplateRow& row : idx.rows) {
        std::vector<size_t>& ranks = idx.keyRank.emplace_back();
        for (const std::string& k : row.keys)
            ranks.push_back(static_cast<size_t>(
                std::find(idx.sortedKeys.begin(), idx.sortedKeys.end(), &k) - idx.sortedKeys.begin()));
    }
    for (const TemplateRow& row : idx.rows)
        idx.rowKeys.push_back(rowKeyOf(row.keys.front()));
    for (const SubtotalRow& st : t.subtotals)
        idx.subtotalGroups.push_back(makeLabel(st.group));
    if (t.layout == "list") {
        // header row: label / unit / value column titles
        for (const TemplateCell& c : t.cells) {
            if (!c.header)
                continue;
            if (c.col == t.cols - 1)
                idx.valueHeader = makeLabel(c.text);
            else if (c.col == 1)
                idx.unitHeader = makeLabel(c.text);
        }
    }
    return idx;
}

const std::vector<TemplateIndex>& indexes()
{
    static const std::vector<TemplateIndex> all = [] {
        std::vector<TemplateIndex> v;
        for (const TemplateDef& t : templates())
            v.push_back(buildIndex(t));
        return v;
    }();
    return all;
}

const Label kNoLabel;

/// A table under examination: possibly two document tables stacked (split table).
struct View {
    /// The document's table itself when the view is one table as it is; else `own`: the cells
    /// copied, rows offset for the second part, split vertical headers joined.
    const Table* source = nullptr;
    Table own;
    int rows = 0, cols = 0;                   ///< the grid's size (Grid of the table)
    /// The grid of table(), made once by makeView for every mapping tried on the view (issue 11)
    Grid grid;
    const Table& table() const { return source ? *source : own; }
    const std::vector<Cell>& cells() const { return table().cells; }
    std::vector<CellLocation> origin;         ///< per cell: where it lives in the document
    /// per cell: its label, the template readings' own for a text a template spells (most label
    /// cells), else one of `ownLabels`, or kNoLabel; pointed at, not copied (issue 11)
    std::vector<const Label*> labels;
    std::deque<Label> ownLabels;              ///< labels made of texts no template spells (a deque: they never move)
    std::vector<bool> valueLike;              ///< per cell
    std::vector<const Label*> distinct;       ///< distinct non-empty labels
    std::vector<uint64_t> distinctMasks;      ///< byteMask of each distinct label's norm (its core is a part of it)
    /// the distinct labels' norms and cores: views of the strings in `labels` (which the view
    /// owns and never changes once made), so no label is copied into the sets
    LabelSet norms, cores;

    View() = default;
    View(const View&) = delete;   // labels, norms, cores and distinct point into ownLabels
    View& operator=(const View&) = delete;
    View(View&&) noexcept = default;
    View& operator=(View&&) noexcept = default;
};

/// One character (after NFKC, without white space) that is no value: a piece of a vertical
/// header that a PDF extraction cut into one row per character.
bool isHeaderCharacter(const std::string& text)
{
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos || text.size() > 16 || static_cast<unsigned char>(text[first]) < 0x80)
        return false;                           // cheap before NFKC: numbers and ASCII never are
    const std::string n = normalizeLabel(text);
    const unsigned char lead = n.empty() ? 0 : static_cast<unsigned char>(n[0]);
    const size_t len = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    return len >= 2 && n.size() == len && !looksLikeValue(n);
}

/// Vertical headers split into single characters, one row each (结/果/维/持 over four rows in
/// a table four extracted from a PDF; issue 9.5): each run of at least two rows whose own cells
/// are all single characters or empty (two characters at least) becomes one row whose cells
/// join their column's characters top to bottom ("结果维持"). Spans and the rows below are
/// moved up; every joined cell keeps the origin of its first character.
void joinSplitVerticalHeaders(View& v)
{
    const int rows = v.rows;
    std::vector<int> chars(static_cast<size_t>(std::max(rows, 0)), 0);
    std::vector<bool> other(static_cast<size_t>(std::max(rows, 0)), false);
    // cheap pass first: a short text starting with a non-ASCII byte may be one character; only
    // the rows made of such texts alone are looked at through NFKC
    auto candidate = [](const Cell& c) {
        const size_t first = c.text.find_first_not_of(" \t\r\n");
        return c.rowSpan == 1 && first != std::string::npos && c.text.size() <= 16 &&
               static_cast<unsigned char>(c.text[first]) >= 0x80;
    };
    for (const Cell& c : v.cells()) {
        if (c.row < 0 || c.row >= rows)
            continue;
        if (candidate(c))
            ++chars[static_cast<size_t>(c.row)];
        else if (c.text.find_first_not_of(" \t\r\n") != std::string::npos)
            other[static_cast<size_t>(c.row)] = true;
    }
    for (const Cell& c : v.cells())
        if (c.row >= 0 && c.row < rows && chars[static_cast<size_t>(c.row)] >= 2 && !other[static_cast<size_t>(c.row)] &&
            candidate(c) && !isHeaderCharacter(c.text))
            other[static_cast<size_t>(c.row)] = true;   // "其他" "自然人": a header row, no split one
    std::vector<int> newRow(static_cast<size_t>(std::max(rows, 0)));
    bool any = false;
    int shift = 0;
    for (int r = 0; r < rows;) {
        int end = r;
        while (end < rows && chars[static_cast<size_t>(end)] >= 2 && !other[static_cast<size_t>(end)])
            ++end;
        if (end - r >= 2) {
            for (int i = r; i < end; ++i)
                newRow[static_cast<size_t>(i)] = r - shift;
            shift += end - r - 1;
            any = true;
            r = end;
        } else {
            newRow[static_cast<size_t>(r)] = r - shift;
            ++r;
        }
    }
    if (!any)
        return;
    auto mapped = [&](int r) { return r < 0 ? r : r >= rows ? r - shift : newRow[static_cast<size_t>(r)]; };
    std::vector<Cell> cells;
    std::vector<CellLocation> origin;
    std::map<std::pair<int, int>, size_t> joined;   // (new row, column) of a run -> index in cells
    for (size_t i = 0; i < v.cells().size(); ++i) {
        Cell c = v.cells()[i];
        const int top = mapped(c.row);
        const bool inRun = c.row >= 0 && c.row < rows && c.rowSpan == 1 &&
                           ((c.row > 0 && newRow[static_cast<size_t>(c.row)] == newRow[static_cast<size_t>(c.row - 1)]) ||
                            (c.row + 1 < rows && newRow[static_cast<size_t>(c.row)] == newRow[static_cast<size_t>(c.row) + 1]));
        if (inRun) {
            auto it = joined.find({top, c.col});
            if (it != joined.end()) {
                cells[it->second].text += normalizeLabel(c.text);
                continue;
            }
            c.text = normalizeLabel(c.text);
            joined.emplace(std::make_pair(top, c.col), cells.size());
        } else {
            c.rowSpan = std::max(1, mapped(c.row + c.rowSpan - 1) - top + 1);
        }
        c.row = top;
        cells.push_back(std::move(c));
        origin.push_back(v.origin[i]);
    }
    v.own.cells = std::move(cells);
    v.source = nullptr;
    v.origin = std::move(origin);
    v.rows = rows - shift;
    v.own.rows = v.rows;
    v.own.cols = v.cols;
}

/// What makeView derives from one cell's text: whether it reads as a value, and its label.
struct CellReading {
    bool valueLike = false;
    Label label;
};

/// The readings of every text the templates spell (labels, their variants, headers), made once:
/// a table typed from a template repeats these texts cell for cell, and looking one up costs a
/// fraction of normalizing it (issue 11). A pure function of the text either way.
const std::unordered_map<std::string, CellReading>& templateReadings()
{
    static const std::unordered_map<std::string, CellReading> all = [] {
        std::unordered_map<std::string, CellReading> m;
        auto add = [&m](const std::string& text) {
            if (m.count(text))
                return;
            CellReading r;
            r.valueLike = looksLikeValue(text);
            if (!r.valueLike)
                r.label = makeLabel(text);
            m.emplace(text, std::move(r));
        };
        for (const TemplateDef& t : templates())
            for (const TemplateCell& c : t.cells) {
                if (!c.key.empty())
                    continue;
                add(c.text);
                for (const std::string& v : c.variants)
                    add(v);
            }
        return m;
    }();
    return all;
}

/// looksLikeValue(text) for a plain run of ASCII digits short enough to fit a Decimal (most
/// value cells): such a text parses as a count, so it is a value.
bool isPlainDigits(const std::string& text)
{
    return !text.empty() && text.size() <= 18 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

View makeView(const Document& doc, const std::vector<int>& tableIndices)
{
    View v;
    if (tableIndices.size() == 1) {
        // one table as it is (the common case): no copy of its cells
        const int ti = tableIndices.front();
        const Table& t = doc.tables[static_cast<size_t>(ti)];
        v.grid = Grid(t);
        v.source = &t;
        v.rows = v.grid.rows();
        v.cols = std::max(0, v.grid.cols());
        v.origin.reserve(t.cells.size());
        for (size_t ci = 0; ci < t.cells.size(); ++ci)
            v.origin.push_back({ti, static_cast<int>(ci)});
    } else {
        int rowOffset = 0;
        for (int ti : tableIndices) {
            const Table& t = doc.tables[static_cast<size_t>(ti)];
            const Grid g(t);
            for (size_t ci = 0; ci < t.cells.size(); ++ci) {
                Cell c = t.cells[ci];
                c.row += rowOffset;
                v.own.cells.push_back(std::move(c));
                v.origin.push_back({ti, static_cast<int>(ci)});
            }
            v.cols = std::max(v.cols, g.cols());
            rowOffset += g.rows();
            v.rows = rowOffset;
        }
        v.own.rows = v.rows;
        v.own.cols = v.cols;
    }
    joinSplitVerticalHeaders(v);
    if (!v.source)
        v.grid = Grid(v.own);   // the stacked or joined cells
    v.labels.reserve(v.cells().size());
    v.valueLike.reserve(v.cells().size());
    const auto& known = templateReadings();
    for (const Cell& c : v.cells()) {
        if (isPlainDigits(c.text)) {
            v.valueLike.push_back(true);
            v.labels.push_back(&kNoLabel);
            continue;
        }
        const auto it = known.find(c.text);
        if (it != known.end()) {
            v.valueLike.push_back(it->second.valueLike);
            v.labels.push_back(&it->second.label);
            continue;
        }
        v.valueLike.push_back(looksLikeValue(c.text));
        v.labels.push_back(v.valueLike.back() ? &kNoLabel : &v.ownLabels.emplace_back(makeLabel(c.text)));
    }
    for (const Label* l : v.labels)
        if (!l->norm.empty() && v.norms.insert(l->norm, l->normHash)) {
            v.cores.insert(l->core, l->coreHash);
            v.distinct.push_back(l);
            v.distinctMasks.push_back(byteMask(l->norm));
        }
    return v;
}

bool containsSignature(const View& v, const std::string& sig, uint64_t sigMask)
{
    for (size_t i = 0; i < v.distinct.size(); ++i) {
        if ((sigMask & ~v.distinctMasks[i]) != 0)
            continue;                           // a byte of sig is in neither the norm nor the core
        const Label* l = v.distinct[i];
        if (l->norm.find(sig) != std::string::npos || l->core.find(sig) != std::string::npos)
            return true;
    }
    return false;
}

/// Whether the label (norm or core) is one of the template's (its labels and their variants).
bool isAnyTemplateLabel(const TemplateIndex& idx, const Label& l)
{
    return !l.empty() && (idx.labelNorms.contains(l.norm, l.normHash) || idx.labelCores.contains(l.core, l.coreHash));
}

double detectionScore(const View& v, const TemplateIndex& idx)
{
    bool gate = idx.tmpl->signatures.empty();
    for (size_t s = 0; s < idx.tmpl->signatures.size(); ++s)
        if (containsSignature(v, idx.tmpl->signatures[s], idx.signatureMasks[s])) {
            gate = true;
            break;
        }
    if (!gate || v.distinct.empty() || idx.labels.empty())
        return 0;
    int tableHits = 0;
    for (const Label* l : v.distinct)
        if (isAnyTemplateLabel(idx, *l))
            ++tableHits;
    int hits = 0;
    for (const Label& l : idx.labels)
        if (v.norms.contains(l.norm, l.normHash) || (!l.core.empty() && v.cores.contains(l.core, l.coreHash)))
            ++hits;
    const double recall = double(hits) / double(idx.labels.size());
    const double precision = double(tableHits) / double(v.distinct.size());
    if (recall + precision == 0)
        return 0;
    return 2 * recall * precision / (recall + precision);
}

// ---------------------------------------------------------------------------------------
// Physical rows of a view.

struct PhysRow {
    std::vector<int> labels;  ///< leading label anchors (may come from merges above)
    std::vector<int> values;  ///< value anchors owned by this row, left to right
    const Label* leaf = &kNoLabel; ///< most specific label (in View::labels)
};

std::vector<PhysRow> physicalRows(const View& v, const Grid& g)
{
    std::vector<PhysRow> rows(static_cast<size_t>(g.rows()));
    std::vector<int> labels, values;   // a row's anchors, gathered here and copied once (issue 11)
    for (int r = 0; r < g.rows(); ++r) {
        PhysRow& pr = rows[static_cast<size_t>(r)];
        labels.clear();
        values.clear();
        int last = -1;
        bool inValues = false;
        for (int c = 0; c < g.cols(); ++c) {
            const int a = g.at(r, c);
            if (a < 0 || a == last)
                continue;
            last = a;
            const Cell& cell = v.cells()[static_cast<size_t>(a)];
            const bool own = cell.row == r;
            if (!inValues && !v.valueLike[static_cast<size_t>(a)]) {
                labels.push_back(a);
                continue;
            }
            inValues = true;
            if (own)
                values.push_back(a);
        }
        pr.labels.assign(labels.begin(), labels.end());
        pr.values.assign(values.begin(), values.end());
        // drop trailing empty value cells beyond the last non-empty one only when the row
        // has no labels at all (pure filler rows); keep them otherwise (blank values matter)
        if (!pr.labels.empty())
            pr.leaf = v.labels[static_cast<size_t>(pr.labels.back())];
    }
    return rows;
}

bool leafMatches(const TemplateRow& tr, const Label& l)
{
    for (const Label& t : tr.leaf)
        if (sameLabel(t, l))
            return true;
    return false;
}

bool leafMatchesConcat(const TemplateRow& tr, const Label& a, const Label& b)
{
    if (a.empty() || b.empty())
        return false;
    const Label joined = makeLabel(a.norm + b.norm);
    return leafMatches(tr, joined);
}

bool hasNonEmptyValue(const View& v, const PhysRow& r)
{
    for (int a : r.values)
        if (!normalizeValueText(v.cells()[static_cast<size_t>(a)].text).empty())
            return true;
    return false;
}

// ---------------------------------------------------------------------------------------
// List layout (old statistics table): label column, unit column, value column.

void mapList(const View& v, const TemplateIndex& idx, Recognition& out)
{
    const Grid& g = v.grid;
    // Value column: header "统计数" if present, else the rightmost column with numbers.
    int valueCol = -1, unitCol = -1, headerRow = -1;
    for (size_t i = 0; i < v.cells().size() && valueCol < 0; ++i)
        if (sameLabel(*v.labels[i], idx.valueHeader)) {
            valueCol = v.cells()[i].col;
            headerRow = v.cells()[i].row;
        }
    for (size_t i = 0; i < v.cells().size(); ++i)
        if (sameLabel(*v.labels[i], idx.unitHeader))
            unitCol = v.cells()[i].col;
    if (valueCol < 0) {
        std::vector<int> numeric(static_cast<size_t>(g.cols()), 0);
        for (size_t i = 0; i < v.cells().size(); ++i)
            if (v.valueLike[i] && !normalizeValueText(v.cells()[i].text).empty())
                ++numeric[static_cast<size_t>(v.cells()[i].col)];
        int best = 0;
        for (int c = 0; c < g.cols(); ++c)
            if (numeric[static_cast<size_t>(c)] >= best && numeric[static_cast<size_t>(c)] > 0) {
                best = numeric[static_cast<size_t>(c)];
                valueCol = c;
            }
    }
    if (valueCol < 0)
        valueCol = g.cols() - 1;

    struct Row {
        Label label;
        int valueCell = -1;
        bool hasValue = false;
    };
    std::vector<Row> rows;
    for (int r = headerRow + 1; r < g.rows(); ++r) {
        Row row;
        std::string text;
        int last = -1;
        for (int c = 0; c < valueCol && c < g.cols(); ++c) {
            const int a = g.at(r, c);
            if (a < 0 || a == last || c == unitCol)
                continue;
            last = a;
            const Cell& cell = v.cells()[static_cast<size_t>(a)];
            if (cell.row != r)
                continue;
            if (!v.valueLike[static_cast<size_t>(a)] || text.empty())
                text += cell.text;
        }
        row.label = makeLabel(text);
        const int a = g.at(r, valueCol);
        if (a >= 0 && v.cells()[static_cast<size_t>(a)].row == r &&
            v.cells()[static_cast<size_t>(a)].col == valueCol) {
            row.valueCell = a;
            row.hasValue = !normalizeValueText(v.cells()[static_cast<size_t>(a)].text).empty();
        }
        if (row.label.empty() && !row.hasValue)
            continue;                           // blank separator rows
        rows.push_back(std::move(row));
    }

    constexpr size_t kWindow = 15;
    size_t p = 0;
    for (const TemplateRow& tr : idx.rows) {
        const std::string& key = tr.keys.front();
        bool found = false;
        for (size_t j = p; j < rows.size() && j < p + kWindow && !found; ++j) {
            size_t consumed = 0;
            int cell = -1;
            if (leafMatches(tr, rows[j].label)) {
                consumed = 1;
                cell = rows[j].valueCell;
                // A note or unit continued on the next row carries the value (seed 004).
                if (!rows[j].hasValue && j + 1 < rows.size() && rows[j + 1].hasValue &&
                    !isAnyTemplateLabel(idx, rows[j + 1].label)) {
                    const std::string& n = rows[j + 1].label.norm;
                    const bool numbered = !n.empty() && coreLabel(n) != n && n[0] != '(';
                    if (!numbered) {
                        consumed = 2;
                        cell = rows[j + 1].valueCell;
                    }
                }
            } else if (j + 1 < rows.size() && leafMatchesConcat(tr, rows[j].label, rows[j + 1].label)) {
                consumed = 2;
                cell = rows[j + 1].hasValue || !rows[j].hasValue ? rows[j + 1].valueCell : rows[j].valueCell;
            }
            if (consumed) {
                found = true;
                if (cell >= 0)
                    out.cells[key] = v.origin[static_cast<size_t>(cell)];
                else if (idx.tmpl->cellForKey(key)->type != ValueType::Heading)
                    out.missing.push_back(key);
                p = j + consumed;
            }
        }
        if (!found && !tr.optional)
            out.missing.push_back(key);
    }
}

// ---------------------------------------------------------------------------------------
// Matrix layout (2019/2021 tables).

/// The header paths of a row's values in one buffer, reused row after row (no allocation per cell).
struct HeaderPaths {
    std::vector<const Label*> labels;
    std::vector<size_t> start;   ///< path i is labels[start[i], start[i + 1])

    /// Every walk made during one mapping, by the row it starts from and the column: the values
    /// of a block of body rows share their walks, which were made once per value (issue 11: the
    /// walk up to the header rows made the mapping quadratic in the rows).
    std::vector<const Label*> walked;
    struct Walk {
        size_t begin = 0, end = 0;
        bool made = false;
    };
    std::vector<Walk> walks;   ///< per (row, column) of the grid
    int cols = 0;
    /// Per row: the first row above it that is no body row (-1: none), where the walks of its
    /// values start; nothing is collected before it, so the body rows in between are skipped
    std::vector<int> walkFrom;

    void reset(const Grid& g, const std::vector<bool>& bodyRow)
    {
        walked.clear();
        walks.assign(static_cast<size_t>(g.rows()) * static_cast<size_t>(g.cols()), Walk{});
        cols = g.cols();
        walkFrom.assign(bodyRow.size(), -1);
        for (size_t r = 1; r < bodyRow.size(); ++r)
            walkFrom[r] = bodyRow[r - 1] ? walkFrom[r - 1] : static_cast<int>(r - 1);
    }

    bool contains(size_t i, const Label& l) const
    {
        for (size_t k = start[i]; k < start[i + 1]; ++k)
            if (sameLabel(*labels[k], l))
                return true;
        return false;
    }
};

/// Column header path of a value anchor: label texts above it, nearest first, appended to
/// `paths.labels`. Body rows of the same block are skipped; the body rows of the block above end
/// the walk. The walk from the first row above that is no body row depends on that row and the
/// column alone, so it is made once per mapping (HeaderPaths::walks).
void appendHeaderPath(const View& v, const Grid& g, int anchor, const std::vector<bool>& bodyRow, HeaderPaths& paths)
{
    const Cell& cell = v.cells()[static_cast<size_t>(anchor)];
    if (cell.row <= 0 || static_cast<size_t>(cell.row) >= paths.walkFrom.size() || cell.col < 0 || cell.col >= paths.cols)
        return;
    const int from = paths.walkFrom[static_cast<size_t>(cell.row)];
    if (from < 0)
        return;
    HeaderPaths::Walk& walk = paths.walks[static_cast<size_t>(from) * static_cast<size_t>(paths.cols) +
                                          static_cast<size_t>(cell.col)];
    if (!walk.made) {
        std::vector<const Label*>& path = paths.walked;
        const size_t begin = path.size();
        int last = -1;
        for (int r = from; r >= 0; --r) {
            if (bodyRow[static_cast<size_t>(r)]) {
                if (path.size() > begin)
                    break;
                continue;
            }
            const int a = g.at(r, cell.col);
            if (a < 0 || a == last)
                continue;
            last = a;
            if (!v.labels[static_cast<size_t>(a)]->empty())
                path.push_back(v.labels[static_cast<size_t>(a)]);
        }
        walk = {begin, path.size(), true};
    }
    paths.labels.insert(paths.labels.end(), paths.walked.begin() + static_cast<std::ptrdiff_t>(walk.begin),
                        paths.walked.begin() + static_cast<std::ptrdiff_t>(walk.end));
}

/// Map a matched row's values to keys by column headers; false when that is not possible.
bool mapByHeaders(const View& v, const Grid& g, const TemplateRow& tr, const PhysRow& pr,
                  const std::vector<bool>& bodyRow, std::vector<int>& assigned, HeaderPaths& paths)
{
    assigned.assign(tr.keys.size(), -1);
    paths.labels.clear();
    paths.start.assign(1, 0);
    for (int a : pr.values) {
        appendHeaderPath(v, g, a, bodyRow, paths);
        paths.start.push_back(paths.labels.size());
    }
    size_t next = 0;                        // assignments must go left to right
    for (size_t k = 0; k < tr.keys.size(); ++k) {
        const std::vector<Label>& want = tr.colPath[k];
        if (want.empty())
            return false;
        int best = -1, bestScore = 0;
        for (size_t i = next; i < pr.values.size(); ++i) {
            if (!paths.contains(i, want.back()))
                continue;
            int score = 1;
            for (size_t w = 0; w + 1 < want.size(); ++w)
                score += paths.contains(i, want[w]) ? 1 : 0;
            if (score > bestScore) {
                bestScore = score;
                best = static_cast<int>(i);
            }
            if (score == static_cast<int>(want.size()))
                break;
        }
        if (best < 0)
            return false;
        assigned[k] = pr.values[static_cast<size_t>(best)];
        next = static_cast<size_t>(best) + 1;
    }
    return true;
}

/// Does physical row j hold template row tr? On success `body` is the row as the template
/// sees it: a cell after the matched label that does not read as a value ("abc" typed into a
/// value cell) is a value cell all the same, so that the type rules can report it.
bool matchBodyRow(const View& v, const TemplateIndex& idx, const TemplateRow& tr, const std::vector<PhysRow>& rows,
                  size_t j, PhysRow& body)
{
    const PhysRow& pr = rows[j];
    auto ownTrailing = [&](size_t from, std::vector<int>& values) {
        for (size_t i = from; i < pr.labels.size(); ++i) {
            const int a = pr.labels[i];
            if (v.cells()[static_cast<size_t>(a)].row != static_cast<int>(j) ||
                isAnyTemplateLabel(idx, *v.labels[static_cast<size_t>(a)]))
                return false;
            values.push_back(a);
        }
        return true;
    };
    // `body` is written on success only: rows are tried many times each
    if (tr.leaf.empty()) {
        // table four's value row: no label at all, or only text that is no template label
        std::vector<int> values;
        values.reserve(pr.labels.size() + pr.values.size());
        if (!ownTrailing(0, values))
            return false;
        values.insert(values.end(), pr.values.begin(), pr.values.end());
        const bool ok = values.size() * 2 >= tr.keys.size() &&
                        (hasNonEmptyValue(v, pr) || !pr.labels.empty() || values.size() >= tr.keys.size());
        if (ok) {
            body.leaf = pr.leaf;
            body.labels.clear();
            body.values = std::move(values);
        }
        return ok;
    }
    for (size_t i = pr.labels.size(); i-- > 0;) {
        if (!leafMatches(tr, *v.labels[static_cast<size_t>(pr.labels[i])]))
            continue;
        std::vector<int> values;
        values.reserve(pr.labels.size() - (i + 1) + pr.values.size());
        if (!ownTrailing(i + 1, values))
            return false;
        values.insert(values.end(), pr.values.begin(), pr.values.end());
        if (values.empty())
            return false;
        body.leaf = pr.leaf;
        body.labels.assign(pr.labels.begin(), pr.labels.begin() + static_cast<std::ptrdiff_t>(i + 1));
        body.values = std::move(values);
        return true;
    }
    // label split over two rows
    if (!pr.values.empty() && j > 0 && rows[j - 1].values.empty() && leafMatchesConcat(tr, *rows[j - 1].leaf, *pr.leaf)) {
        body = pr;
        return true;
    }
    return false;
}

bool isSubtotalLabel(const SubtotalRow& s, const Label& l)
{
    for (const std::string& want : s.labels)
        if (!l.norm.empty() && l.norm.find(want) != std::string::npos)
            return true;
    return false;
}

/// Does one of the row's labels name the group (a merged group cell spanning the row)?
bool namesGroup(const View& v, const PhysRow& pr, const Label& group)
{
    for (int a : pr.labels) {
        const Label& l = *v.labels[static_cast<size_t>(a)];
        if (sameLabel(l, group) || (!l.norm.empty() && l.norm.find(group.norm) != std::string::npos))
            return true;
    }
    return false;
}

/// Subtotal rows (spec N-5): a physical row that no template row claimed, labelled 小计 (or
/// a declared variant), lying between the rows around the group's items. A row whose labels
/// name a group (merged group cell) belongs to that group; one without a group label belongs
/// to the group it follows. Its values are matched to the group's last item by grid column,
/// else by order.
void mapSubtotals(const View& v, const TemplateIndex& idx, const std::vector<PhysRow>& rows,
                  const std::vector<int>& match, const std::vector<bool>& bodyRow,
                  const std::vector<std::vector<int>>& assignedRows, Recognition& out)
{
    const std::vector<Label>& groups = idx.subtotalGroups;
    for (size_t si = 0; si < idx.tmpl->subtotals.size(); ++si) {
        const SubtotalRow& s = idx.tmpl->subtotals[si];
        int first = -1, last = -1;
        for (size_t t = 0; t < idx.rows.size(); ++t) {
            const std::string& rk = idx.rowKeys[t];
            if (rk == s.first)
                first = static_cast<int>(t);
            if (rk == s.last)
                last = static_cast<int>(t);
        }
        if (first < 0 || last < first || match[static_cast<size_t>(last)] < 0)
            continue;
        int lo = -1, hi = static_cast<int>(rows.size());
        for (int t = 0; t < first; ++t)
            lo = std::max(lo, match[static_cast<size_t>(t)]);
        for (size_t t = static_cast<size_t>(last) + 1; t < idx.rows.size(); ++t)
            if (match[t] >= 0) {
                hi = match[t];
                break;
            }
        const TemplateRow& lastRow = idx.rows[static_cast<size_t>(last)];
        const std::vector<int>& lastCells = assignedRows[static_cast<size_t>(last)];
        for (int j = lo + 1; j < hi; ++j) {
            const PhysRow& pr = rows[static_cast<size_t>(j)];
            if (bodyRow[static_cast<size_t>(j)] || pr.values.empty() || !isSubtotalLabel(s, *pr.leaf))
                continue;
            bool other = false;
            for (size_t gi = 0; gi < groups.size() && !other; ++gi)
                other = gi != si && namesGroup(v, pr, groups[gi]);
            const bool own = namesGroup(v, pr, groups[si]);
            if (other || (!own && j < match[static_cast<size_t>(last)]))
                continue;
            for (size_t k = 0; k < lastRow.keys.size(); ++k) {
                const std::string key = s.key + lastRow.keys[k].substr(s.last.size());
                if (!idx.tmpl->cellForKey(key))
                    continue;
                int cell = -1;
                if (k < lastCells.size() && lastCells[k] >= 0) {
                    const int col = v.cells()[static_cast<size_t>(lastCells[k])].col;
                    for (int a : pr.values) {
                        const Cell& c = v.cells()[static_cast<size_t>(a)];
                        if (c.col <= col && col < c.col + c.colSpan)
                            cell = a;
                    }
                }
                if (cell < 0 && pr.values.size() == lastRow.keys.size())
                    cell = pr.values[k];
                if (cell >= 0)
                    out.cells[key] = v.origin[static_cast<size_t>(cell)];
            }
            break;                                // one subtotal row per group
        }
    }
}

void mapMatrix(const View& v, const TemplateIndex& idx, Recognition& out)
{
    const Grid& g = v.grid;
    const std::vector<PhysRow> rows = physicalRows(v, g);
    std::vector<int> match(idx.rows.size(), -1);
    std::vector<PhysRow> body(idx.rows.size());
    std::vector<bool> bodyRow(rows.size(), false);

    // Rows are aligned in order; the first labelled body row anchors the search for rows
    // with no label (table four's single value row lies below its header).
    size_t p = 0;
    for (size_t t = 0; t < idx.rows.size(); ++t) {
        for (size_t j = p; j < rows.size(); ++j) {
            if (matchBodyRow(v, idx, idx.rows[t], rows, j, body[t])) {
                match[t] = static_cast<int>(j);
                bodyRow[j] = true;
                p = j + 1;
                break;
            }
        }
    }

    std::vector<std::vector<int>> assignedRows(idx.rows.size());
    HeaderPaths paths;
    paths.reset(g, bodyRow);
    // the mapped cell of each key by its place in sortedKeys (-1: none), written out in order below
    std::vector<int> byRank(idx.sortedKeys.size(), -1);
    for (size_t t = 0; t < idx.rows.size(); ++t) {
        const TemplateRow& tr = idx.rows[t];
        if (match[t] < 0) {
            if (!tr.optional)
                out.missing.insert(out.missing.end(), tr.keys.begin(), tr.keys.end());
            continue;
        }
        const PhysRow& pr = body[t];
        std::vector<int>& assigned = assignedRows[t];
        if (!mapByHeaders(v, g, tr, pr, bodyRow, assigned, paths)) {
            assigned.assign(tr.keys.size(), -1);
            for (size_t k = 0; k < tr.keys.size() && k < pr.values.size(); ++k)
                assigned[k] = pr.values[k];
        }
        for (size_t k = 0; k < tr.keys.size(); ++k) {
            if (assigned[k] >= 0)
                byRank[idx.keyRank[t][k]] = assigned[k];
            else
                out.missing.push_back(tr.keys[k]);
        }
    }
    out.cells.reserve(byRank.size());
    for (size_t r = 0; r < byRank.size(); ++r)
        if (byRank[r] >= 0)
            out.cells.appendInOrder(*idx.sortedKeys[r], v.origin[static_cast<size_t>(byRank[r])]);
    mapSubtotals(v, idx, rows, match, bodyRow, assignedRows, out);
}

Recognition mapView(const View& v, const TemplateIndex& idx, const std::vector<int>& sources, double score)
{
    Recognition r;
    r.tmpl = idx.tmpl;
    r.sourceTables = sources;
    r.score = score;
    if (idx.tmpl->layout == "list")
        mapList(v, idx, r);
    else
        mapMatrix(v, idx, r);
    return r;
}

struct Best {
    const TemplateIndex* idx = nullptr;
    double score = 0;
    bool tied = false;   ///< another version of the same family scored the same (e.g. table four)
};

/// Detection scores of one view against every template (computed once per table).
std::vector<double> scores(const View& v)
{
    std::vector<double> out;
    out.reserve(indexes().size());
    for (const TemplateIndex& idx : indexes())
        out.push_back(detectionScore(v, idx));
    return out;
}

/// True when `a`'s format comes before `b`'s in formats.json's detection order (newest first):
/// the one taken when nothing else tells two versions of a table apart.
bool preferred(const TemplateDef& a, const TemplateDef& b)
{
    return formats().rank(a.version) < formats().rank(b.version);
}

/// True when templates of `family` exist in more than one format: only then does a table of it
/// say which format the document's other tables are (a 2014 statistics table says nothing about
/// a 表四 next to it).
bool familyHasVersions(const std::string& family)
{
    static const std::set<std::string> families = [] {
        std::map<std::string, std::set<std::string>> versions;
        for (const TemplateDef& t : templates())
            versions[t.family].insert(t.version);
        std::set<std::string> out;
        for (const auto& [f, v] : versions)
            if (v.size() > 1)
                out.insert(f);
        return out;
    }();
    return families.count(family) > 0;
}

/// Best template given the scores. Versions that cannot be told apart by their labels
/// (table four is the same in 2019 and 2021) are resolved by `preferredVersion` (the
/// version of the document's other tables), else the detection order (the newest) wins.
Best bestTemplate(const std::vector<double>& score, const std::string& preferredVersion = {})
{
    Best best;
    const auto& all = indexes();
    for (size_t i = 0; i < all.size(); ++i) {
        const TemplateIndex& idx = all[i];
        const double s = score[i];
        if (s <= 0)
            continue;
        if (best.idx && std::fabs(s - best.score) <= 1e-9 && idx.tmpl->family == best.idx->tmpl->family) {
            best.tied = true;
            const bool preferNew = idx.tmpl->version == preferredVersion ||
                                   (best.idx->tmpl->version != preferredVersion && preferred(*idx.tmpl, *best.idx->tmpl));
            if (preferNew)
                best.idx = &idx;
        } else if (s > best.score + 1e-9) {
            best = Best{&idx, s, false};
        }
    }
    return best;
}

size_t mappedCount(const Recognition& r) { return r.cells.size(); }

/// Distinct labels of the view that template `a` has and template `b` has not.
int labelsOnlyIn(const View& v, const TemplateIndex& a, const TemplateIndex& b)
{
    int n = 0;
    for (const Label* l : v.distinct)
        if (isAnyTemplateLabel(a, *l) && !isAnyTemplateLabel(b, *l))
            ++n;
    return n;
}

/// Mapped keys of `r` that template `other` does not have (2019's R3_6.* against 2021).
int keysOnlyIn(const Recognition& r, const TemplateDef& other)
{
    int n = 0;
    for (const auto& [key, loc] : r.cells)
        if (!other.cellForKey(key))
            ++n;
    return n;
}

/// The template of one table and whether its own rows decide the version (issue 9.3). When
/// they cannot, `candidates` are the versions that fit (best first) and the document decides.
struct Decision {
    const TemplateIndex* idx = nullptr;
    double score = 0;
    bool proven = true;
    std::vector<const TemplateIndex*> candidates;
    std::vector<std::pair<const TemplateIndex*, Recognition>> mapped;   ///< mappings made to decide (reused)
};

/// Versions are told apart by what only one of them has: a label (2021 表三's
/// "申请人逾期未按收费通知…", 2021 表二's "本年制发件数"), else a row that maps only in one
/// (2019 表三's single "（六）其他处理" row with values). Scores alone are not evidence: a
/// 2021 表三 cut short before （六） matches the smaller 2019 template better.
Decision decide(const View& v, const std::vector<double>& sc)
{
    Decision d;
    const Best best = bestTemplate(sc);
    if (!best.idx || best.score < kRecognitionThreshold)
        return d;
    d.idx = best.idx;
    d.score = best.score;
    const auto& all = indexes();
    const TemplateIndex* rival = nullptr;
    double rivalScore = 0;
    for (size_t i = 0; i < all.size(); ++i)
        if (&all[i] != best.idx && all[i].tmpl->family == best.idx->tmpl->family &&
            all[i].tmpl->version != best.idx->tmpl->version && sc[i] >= kRecognitionThreshold && sc[i] > rivalScore) {
            rival = &all[i];
            rivalScore = sc[i];
        }
    if (!rival)
        return d;
    const int own = labelsOnlyIn(v, *best.idx, *rival), other = labelsOnlyIn(v, *rival, *best.idx);
    if (own > 0 || other > 0) {
        if (own == 0) {                         // only the rival's labels are there
            d.idx = rival;
            d.score = rivalScore;
        }
        return d;                               // both: a mixed table, the better score stays
    }
    d.mapped.emplace_back(best.idx, mapView(v, *best.idx, {}, best.score));
    d.mapped.emplace_back(rival, mapView(v, *rival, {}, rivalScore));
    const int ownRows = keysOnlyIn(d.mapped[0].second, *rival->tmpl);
    const int otherRows = keysOnlyIn(d.mapped[1].second, *best.idx->tmpl);
    if (ownRows > 0 && otherRows == 0)
        return d;
    if (otherRows > 0 && ownRows == 0) {
        d.idx = rival;
        d.score = rivalScore;
        return d;
    }
    d.proven = false;
    // without the document's word: the better score, the newer version on a tie (table four)
    const bool rivalFirst = rivalScore > best.score + 1e-9 ||
                            (std::fabs(rivalScore - best.score) <= 1e-9 && preferred(*rival->tmpl, *best.idx->tmpl));
    d.candidates = rivalFirst ? std::vector<const TemplateIndex*>{rival, best.idx}
                              : std::vector<const TemplateIndex*>{best.idx, rival};
    d.idx = d.candidates.front();
    d.score = sc[static_cast<size_t>(d.idx - all.data())];
    return d;
}

} // namespace

std::vector<Recognition> recognize(const Document& doc, int year)
{
    std::vector<Recognition> out;
    std::vector<View> views;
    std::vector<std::vector<double>> tableScores;
    std::vector<Decision> decisions;
    views.reserve(doc.tables.size());
    for (size_t i = 0; i < doc.tables.size(); ++i) {
        views.push_back(makeView(doc, {static_cast<int>(i)}));
        tableScores.push_back(scores(views.back()));
        decisions.push_back(decide(views.back(), tableScores.back()));
    }

    // An undecided version is the one that the document's own tables prove (a 2021 表二 next
    // to a 表三 cut short), else the report year's (formats.json: 2019–2020 used the trial format).
    std::string docVersion;
    for (const Decision& d : decisions)
        if (d.idx && d.proven && familyHasVersions(d.idx->tmpl->family)) {
            docVersion = d.idx->tmpl->version;
            break;
        }
    if (docVersion.empty()) {
        if (!year)
            year = findReportYear(doc);
        const FormatDef* format = formatForYear(year);
        docVersion = format ? format->id : std::string();
    }
    const auto& all = indexes();
    for (Decision& d : decisions)
        for (const TemplateIndex* c : d.candidates)
            if (c->tmpl->version == docVersion) {
                d.idx = c;
                d.score = tableScores[static_cast<size_t>(&d - decisions.data())][static_cast<size_t>(c - all.data())];
                break;
            }

    for (size_t i = 0; i < doc.tables.size(); ++i) {
        Decision& best = decisions[i];
        if (!best.idx)
            continue;
        Recognition r;
        auto cached = std::find_if(best.mapped.begin(), best.mapped.end(), [&](const auto& m) { return m.first == best.idx; });
        if (cached != best.mapped.end()) {
            r = std::move(cached->second);
            r.sourceTables = {static_cast<int>(i)};
        } else {
            r = mapView(views[i], *best.idx, {static_cast<int>(i)}, best.score);
        }
        r.versionProven = best.proven;
        // A table split by a page break: the next table carries on with rows of the same
        // template family and is no report table of its own.
        if (!r.missing.empty() && i + 1 < doc.tables.size()) {
            const Best nextBest = bestTemplate(tableScores[i + 1], docVersion);
            if (!nextBest.idx || nextBest.score < kRecognitionThreshold ||
                nextBest.idx->tmpl->family == best.idx->tmpl->family) {
                const std::vector<int> both{static_cast<int>(i), static_cast<int>(i + 1)};
                const View joined = makeView(doc, both);
                Recognition rj = mapView(joined, *best.idx, both, detectionScore(joined, *best.idx));
                if (rj.missing.size() < r.missing.size() && mappedCount(rj) > mappedCount(r)) {
                    rj.versionProven = best.proven;
                    out.push_back(std::move(rj));
                    ++i;
                    continue;
                }
            }
        }
        if (mappedCount(r) == 0)
            continue;                           // looks like the template, maps nothing: R-2, never "matches"
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<Resemblance> resemblances(const Document& doc, const std::vector<Recognition>& recognized)
{
    std::set<int> used;
    for (const Recognition& r : recognized)
        used.insert(r.sourceTables.begin(), r.sourceTables.end());
    std::vector<Resemblance> out;
    for (size_t i = 0; i < doc.tables.size(); ++i) {
        if (used.count(static_cast<int>(i)))
            continue;
        const Best best = bestTemplate(scores(makeView(doc, {static_cast<int>(i)})));
        if (best.idx && best.score >= kResemblanceThreshold)
            out.push_back({static_cast<int>(i), best.idx->tmpl, best.score});
    }
    return out;
}

// ---------------------------------------------------------------------------------------
// Local statistics tables (spec §2.4, issue 9.9).

namespace {

bool contains(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

/// The period a value column covers, from its header (see LocalTable::period).
int periodOf(const std::string& header)
{
    if (contains(header, "历年") || (contains(header, "累计") && !contains(header, "本年") && !contains(header, "年度")))
        return 3;
    if (contains(header, "本年") || contains(header, "年度") || contains(header, "全年"))
        return 2;
    if (contains(header, "本期") || contains(header, "本月") || contains(header, "本季"))
        return 1;
    return 0;
}

/// "1." "2、" "3．" (after NFKC): a numbered item; "(1)" "（1）": a sub-item.
bool startsNumbered(const std::string& s)
{
    size_t i = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
        ++i;
    return i > 0 && i < s.size() && (s[i] == '.' || s.compare(i, 3, "、") == 0);
}

bool startsSubNumbered(const std::string& s)
{
    if (s.empty() || s[0] != '(')
        return false;
    size_t i = 1;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
        ++i;
    return i > 1 && i < s.size() && s[i] == ')';
}

} // namespace

std::vector<LocalTable> localTables(const Document& doc, const std::vector<Recognition>& recognized)
{
    std::set<int> used;
    for (const Recognition& r : recognized)
        used.insert(r.sourceTables.begin(), r.sourceTables.end());
    std::vector<LocalTable> out;
    for (size_t ti = 0; ti < doc.tables.size(); ++ti) {
        if (used.count(static_cast<int>(ti)))
            continue;
        const Table& t = doc.tables[ti];
        const Grid g(t);
        // header: one of the first three rows has 指标名称 in a cell
        int headerRow = -1, labelCol = -1, unitCol = -1;
        for (int r = 0; r < std::min(3, g.rows()) && headerRow < 0; ++r)
            for (int c = 0; c < g.cols(); ++c) {
                const int a = g.at(r, c);
                if (a >= 0 && contains(normalizeValueText(t.cells[static_cast<size_t>(a)].text), "指标名称")) {
                    headerRow = r;
                    labelCol = c;
                    break;
                }
            }
        if (headerRow < 0)
            continue;
        LocalTable lt;
        lt.table = static_cast<int>(ti);
        std::vector<int> valueCols;
        int last = -1;
        for (int c = 0; c < g.cols(); ++c) {
            const int a = g.at(headerRow, c);
            if (a < 0 || a == last)
                continue;
            last = a;
            const std::string h = normalizeValueText(t.cells[static_cast<size_t>(a)].text);
            lt.header += (lt.header.empty() ? "" : " | ") + h;
            if (c <= labelCol)
                continue;
            if (contains(h, "单位") && unitCol < 0) {
                unitCol = c;
                continue;
            }
            if (contains(h, "代码") || h.empty())
                continue;                       // 定西's 代码 column: row codes, not values
            valueCols.push_back(c);
            lt.columns.push_back(h);
            lt.period.push_back(periodOf(h));
        }
        if (valueCols.empty())
            continue;
        int numbers = 0, top = -1, item = -1;
        bool inGroup = false;
        for (int r = headerRow + 1; r < g.rows(); ++r) {
            const int a = g.at(r, labelCol);
            if (a < 0 || t.cells[static_cast<size_t>(a)].row != r)
                continue;
            LocalTable::Row row;
            row.label = normalizeValueText(t.cells[static_cast<size_t>(a)].text);
            if (row.label.empty() || (looksLikeValue(row.label) && !startsNumbered(row.label)))
                continue;
            for (int c : valueCols) {
                const int v = g.at(r, c);
                const bool own = v >= 0 && t.cells[static_cast<size_t>(v)].row == r && v != a;
                row.values.push_back(own ? v : -1);
                if (own && parseValue(t.cells[static_cast<size_t>(v)].text, ValueType::Dec).ok())
                    ++numbers;
            }
            // 其中 opens a group of items of the row above; "N." continues it, "(N)" is an item
            // of the last "N."; any other label is a row of its own and closes the group.
            const int index = static_cast<int>(lt.rows.size());
            std::string rest = row.label;
            const bool opens = rest.rfind("其中", 0) == 0;
            if (opens) {
                rest.erase(0, std::string("其中").size());
                if (rest.rfind(':', 0) == 0)
                    rest.erase(0, 1);
            }
            if (opens && top >= 0) {
                inGroup = true;
                row.parent = top;
                item = index;
            } else if (inGroup && startsNumbered(rest)) {
                row.parent = top;
                item = index;
            } else if (inGroup && startsSubNumbered(rest) && item >= 0) {
                row.parent = item;
            } else {
                inGroup = false;
                top = index;
                item = -1;
            }
            lt.rows.push_back(std::move(row));
        }
        if (numbers >= 2)
            out.push_back(std::move(lt));
    }
    return out;
}

} // namespace ogi
