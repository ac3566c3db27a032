// The layout of an inserted template (see TemplateLayout.h).
#include "ogi/TemplateLayout.h"

#include "ogi/SheetSplit.h"
#include "ogi/WriterGrid.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

namespace ogi {

namespace {

size_t codePoints(const std::string& s)
{
    size_t n = 0;
    for (const unsigned char c : s)
        if ((c & 0xC0) != 0x80)
            ++n;
    return n;
}

std::string cellAddress(int col, int row) { return calcColumnName(col) + std::to_string(row + 1); }

} // namespace

TemplateLayout templateLayout(const std::string& templateId)
{
    TemplateLayout l;
    l.def = findTemplate(templateId);
    if (!l.def)
        throw std::invalid_argument("unknown template " + templateId);
    l.table = generateTable(templateId);
    std::map<std::pair<int, int>, const TemplateCell*> byPos;
    for (const TemplateCell& c : l.def->cells)
        byPos[{c.row, c.col}] = &c;
    std::set<int> rowsWithValues;
    std::map<int, bool> headingRow; // list layout: a row whose value cell must stay empty
    for (const TemplateCell& c : l.def->cells)
        if (!c.key.empty()) {
            rowsWithValues.insert(c.row);
            if (c.type == ValueType::Heading)
                headingRow[c.row] = true;
        }
    const bool matrix = l.def->layout == "matrix";
    for (const Cell& c : l.table.cells) {
        LayoutCell p;
        p.cell = c;
        auto it = byPos.find({c.row, c.col});
        p.def = it == byPos.end() ? nullptr : it->second;
        if (p.def && !p.def->key.empty())
            p.role = LayoutRole::Value;
        else if (p.def && p.def->unit)
            p.role = LayoutRole::Unit;
        else if ((p.def && p.def->header) || (matrix && !rowsWithValues.count(c.row)))
            p.role = LayoutRole::Header;
        else if (headingRow.count(c.row))
            p.role = LayoutRole::HeadingLabel;
        else
            p.role = LayoutRole::Label;
        l.cells.push_back(std::move(p));
    }
    // Column weights: a column with 1-wide value cells is a value column (1.0); other
    // columns are as wide as their longest 1-wide label asks for (7 characters per unit).
    l.weights.assign(static_cast<size_t>(std::max(1, l.table.cols)), 0.0);
    std::vector<bool> valueColumn(l.weights.size(), false);
    std::vector<size_t> longest(l.weights.size(), 0);
    for (const LayoutCell& p : l.cells) {
        if (p.cell.colSpan != 1 || p.cell.col < 0 || p.cell.col >= static_cast<int>(l.weights.size()))
            continue;
        const size_t col = static_cast<size_t>(p.cell.col);
        if (p.role == LayoutRole::Value)
            valueColumn[col] = true;
        else if (p.role != LayoutRole::Header)
            longest[col] = std::max(longest[col], codePoints(p.cell.text));
        else
            longest[col] = std::max(longest[col], std::min<size_t>(codePoints(p.cell.text), 6));
    }
    for (size_t c = 0; c < l.weights.size(); ++c)
        l.weights[c] = valueColumn[c] ? 1.0 : std::clamp(static_cast<double>(longest[c]) / 7.0, 0.6, 4.5);
    // Header rows: leading rows whose every anchor is a header cell.
    for (int r = 0; r < l.table.rows; ++r) {
        bool all = true, any = false;
        for (const LayoutCell& p : l.cells)
            if (p.cell.row == r) {
                any = true;
                all = all && p.role == LayoutRole::Header && p.def && p.def->header;
            }
        if (!any || !all)
            break;
        l.headerRows = r + 1;
    }
    return l;
}

std::vector<int> columnSeparators(const std::vector<double>& weights, int relativeSum)
{
    std::vector<int> out;
    if (weights.size() < 2)
        return out;
    double total = 0;
    for (const double w : weights)
        total += w;
    double acc = 0;
    for (size_t c = 0; c + 1 < weights.size(); ++c) {
        acc += weights[c];
        out.push_back(static_cast<int>(std::lround(acc / total * relativeSum)));
    }
    return out;
}

std::vector<WriterMerge> writerMerges(const Table& table)
{
    std::vector<const Cell*> merges;
    for (const Cell& c : table.cells)
        if (c.rowSpan > 1 || c.colSpan > 1)
            merges.push_back(&c);
    std::stable_sort(merges.begin(), merges.end(), [](const Cell* a, const Cell* b) { return a->col > b->col; });
    std::vector<WriterMerge> out;
    out.reserve(merges.size());
    for (const Cell* c : merges)
        out.push_back({writerColumnLetters(c->col) + std::to_string(c->row + 1),
                       writerColumnLetters(c->col + c->colSpan - 1) + std::to_string(c->row + c->rowSpan)});
    return out;
}

std::map<std::pair<int, int>, std::string> writerCellNames(const Table& table)
{
    const Grid grid(table);
    std::map<std::pair<int, int>, std::string> names;
    for (int r = 0; r < grid.rows(); ++r) {
        int box = 0, last = -2;
        for (int c = 0; c < grid.cols(); ++c) {
            const int a = grid.at(r, c);
            if (a == last)
                continue;
            last = a;
            if (a < 0) {
                ++box;
                continue;
            }
            const Cell& cell = table.cells[static_cast<size_t>(a)];
            if (cell.row == r && cell.col == c)
                names[{r, c}] = writerColumnLetters(box) + std::to_string(r + 1);
            ++box;
        }
    }
    return names;
}

std::vector<int> calcColumnWidths(const TemplateLayout& layout)
{
    const double unit = layout.table.cols >= 10 ? 1800.0 : 2600.0;
    std::vector<int> out;
    out.reserve(static_cast<size_t>(std::max(0, layout.table.cols)));
    for (int c = 0; c < layout.table.cols; ++c)
        out.push_back(static_cast<int>(layout.weights[static_cast<size_t>(c)] * unit));
    return out;
}

std::string sumArguments(std::vector<std::pair<int, int>> cells)
{
    using Range = std::pair<std::pair<int, int>, std::pair<int, int>>;
    std::sort(cells.begin(), cells.end());
    std::vector<Range> ranges;
    for (const auto& c : cells) {
        if (!ranges.empty() && ranges.back().second.first == c.first && ranges.back().second.second + 1 == c.second)
            ranges.back().second = c;
        else
            ranges.push_back({c, c});
    }
    // Single cells in one row, consecutive columns: merge horizontally.
    bool allSingle = true;
    for (const Range& r : ranges)
        allSingle = allSingle && r.first == r.second;
    if (allSingle && ranges.size() > 1) {
        std::sort(ranges.begin(), ranges.end(), [](const Range& a, const Range& b) {
            return std::make_pair(a.first.second, a.first.first) < std::make_pair(b.first.second, b.first.first);
        });
        std::vector<Range> merged;
        for (const Range& r : ranges) {
            if (!merged.empty() && merged.back().second.second == r.first.second &&
                merged.back().second.first + 1 == r.first.first)
                merged.back().second = r.first;
            else
                merged.push_back(r);
        }
        ranges.swap(merged);
    }
    std::string out;
    for (const Range& r : ranges) {
        if (!out.empty())
            out += ";";
        out += cellAddress(r.first.first, r.first.second);
        if (r.first != r.second)
            out += ":" + cellAddress(r.second.first, r.second.second);
    }
    return out;
}

std::vector<CalcFormula> calcTotalFormulas(const TemplateLayout& layout, int row0)
{
    std::vector<CalcFormula> out;
    for (const auto& [total, addends] : totalDefinitions(layout.def->id)) {
        const TemplateCell* t = layout.def->cellForKey(total);
        if (!t)
            continue;
        std::vector<std::pair<int, int>> cells;
        for (const std::string& key : addends)
            if (const TemplateCell* a = layout.def->cellForKey(key))
                cells.emplace_back(a->col, row0 + a->row);
        if (cells.empty())
            continue;
        out.push_back({row0 + t->row, t->col, "=SUM(" + sumArguments(cells) + ")"});
    }
    return out;
}

} // namespace ogi
