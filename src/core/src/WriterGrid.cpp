// Writer text table → logical grid (see WriterGrid.h).
#include "ogi/WriterGrid.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <utility>

namespace ogi {

namespace {

bool isLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

/// The row number of "12" or "12.1.1" (digits up to the first dot): as OUString::toInt32, the
/// leading digits, 0 when there are none.
int leadingNumber(std::string_view digits)
{
    int value = 0;
    size_t i = 0;
    const bool negative = !digits.empty() && digits[0] == '-';
    if (!digits.empty() && (digits[0] == '-' || digits[0] == '+'))
        ++i;
    for (; i < digits.size() && digits[i] >= '0' && digits[i] <= '9'; ++i) {
        if (value > 100000000)
            return 0; // beyond any table: not a row
        value = value * 10 + (digits[i] - '0');
    }
    return negative ? -value : value;
}

} // namespace

int writerLettersToIndex(std::string_view letters)
{
    // Writer names columns in bijective base 52: A..Z, a..z, then AA, AB, ... (sw_GetCellName).
    int value = 0;
    for (const char c : letters) {
        int digit = 0;
        if (c >= 'A' && c <= 'Z')
            digit = c - 'A';
        else if (c >= 'a' && c <= 'z')
            digit = 26 + (c - 'a');
        else
            return -1;
        if (value > 1000000)
            return -1; // more letters than any table has columns
        value = value * 52 + digit + 1;
    }
    return value - 1;
}

std::string writerColumnLetters(int index)
{
    std::string name;
    int n = index + 1;
    while (n > 0) {
        const int rem = (n - 1) % 52;
        name.insert(name.begin(), static_cast<char>(rem < 26 ? 'A' + rem : 'a' + (rem - 26)));
        n = (n - 1) / 52;
    }
    return name;
}

WriterCellName parseWriterCellName(std::string_view name)
{
    WriterCellName result;
    size_t i = 0;
    while (i < name.size() && isLetter(name[i]))
        ++i;
    if (i == 0 || i == name.size())
        return result;
    const size_t dot = name.find('.', i);
    const std::string_view digits = dot == std::string_view::npos ? name.substr(i) : name.substr(i, dot - i);
    result.box = writerLettersToIndex(name.substr(0, i));
    result.row = leadingNumber(digits) - 1;
    result.dotted = dot != std::string_view::npos;
    return result;
}

std::vector<std::string> regularCellNames(const std::vector<std::string>& names, const WriterTableShape& shape)
{
    const std::vector<std::vector<int>>& edges = shape.edges;
    const size_t rowCount = edges.size();
    if (rowCount == 0 || edges.front().empty())
        return {};
    const size_t boxes = edges.front().size() - 1;
    for (const std::vector<int>& e : edges) {
        if (e.size() != boxes + 1)
            return {};
        for (size_t k = 0; k < e.size(); ++k)
            if (std::abs(e[k] - edges.front()[k]) > 2)
                return {};
    }
    if (names.size() != rowCount * boxes)
        return {};
    std::vector<std::string> byPosition(rowCount * boxes);
    for (const std::string& name : names) {
        const WriterCellName n = parseWriterCellName(name);
        if (n.dotted || n.row < 0 || static_cast<size_t>(n.row) >= rowCount || n.box < 0 ||
            static_cast<size_t>(n.box) >= boxes)
            return {};
        std::string& slot = byPosition[static_cast<size_t>(n.row) * boxes + static_cast<size_t>(n.box)];
        if (!slot.empty())
            return {};
        slot = name;
    }
    return byPosition;
}

std::optional<std::vector<WriterCell>> cellsFromBoxTexts(const std::vector<std::string>& names,
                                                         const WriterTableShape& shape,
                                                         std::vector<std::string> boxTexts)
{
    const std::vector<std::vector<int>>& edges = shape.edges;
    // first[r]: the document-order index of row r's first box; first.back(): all boxes
    std::vector<size_t> first{0};
    first.reserve(edges.size() + 1);
    for (const std::vector<int>& e : edges) {
        if (e.size() < 2)
            return std::nullopt;
        first.push_back(first.back() + e.size() - 1);
    }
    if (boxTexts.size() != first.back())
        return std::nullopt;

    // owner[i]: the index in `names` of the named box i, -1 for a covered box
    std::vector<int> owner(boxTexts.size(), -1);
    std::vector<size_t> placeOf(names.size());
    std::vector<WriterCellName> parsed;
    parsed.reserve(names.size());
    size_t previous = 0;
    for (size_t k = 0; k < names.size(); ++k) {
        const WriterCellName n = parsed.emplace_back(parseWriterCellName(names[k]));
        if (n.dotted || n.row < 0 || static_cast<size_t>(n.row) >= edges.size() || n.box < 0 ||
            static_cast<size_t>(n.box) + 1 >= edges[static_cast<size_t>(n.row)].size())
            return std::nullopt;
        const size_t place = first[static_cast<size_t>(n.row)] + static_cast<size_t>(n.box);
        if (k > 0 && place <= previous)
            return std::nullopt;
        previous = place;
        owner[place] = static_cast<int>(k);
        placeOf[k] = place;
    }

    std::vector<WriterCell> cells(names.size());
    std::vector<bool> claimed(boxTexts.size(), false);
    for (size_t k = 0; k < names.size(); ++k) {
        const WriterCellName& n = parsed[k];
        const std::vector<int>& own = edges[static_cast<size_t>(n.row)];
        const int left = own[static_cast<size_t>(n.box)], right = own[static_cast<size_t>(n.box) + 1];
        int span = 1;
        for (size_t r = static_cast<size_t>(n.row) + 1; r < edges.size(); ++r) {
            const std::vector<int>& e = edges[r];
            size_t below = first[r + 1];
            for (size_t b = 0; b + 1 < e.size(); ++b) {
                const size_t place = first[r] + b;
                if (owner[place] < 0 && !claimed[place] && std::abs(e[b] - left) <= 2 &&
                    std::abs(e[b + 1] - right) <= 2) {
                    below = place;
                    break;
                }
            }
            if (below == first[r + 1])
                break;
            claimed[below] = true;
            ++span;
        }
        cells[k].name = names[k];
        cells[k].text = std::move(boxTexts[placeOf[k]]);
        cells[k].rowSpan = span;
    }
    for (size_t i = 0; i < boxTexts.size(); ++i)
        if (owner[i] < 0 && (!claimed[i] || !boxTexts[i].empty()))
            return std::nullopt;
    return cells;
}

std::vector<std::string> exportLines(std::string_view exported)
{
    std::vector<std::string> lines;
    size_t start = 0;
    for (;;) {
        const size_t end = exported.find('\n', start);
        lines.emplace_back(exported.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos)
            return lines;
        start = end + 1;
    }
}

std::optional<std::vector<std::string>> paragraphsFromExport(std::string_view exported, size_t count)
{
    std::vector<std::string> lines = exportLines(exported);
    if (lines.size() != count)
        return std::nullopt;
    return lines;
}

std::optional<std::vector<WriterCell>> cellsFromTableExport(const std::vector<std::string>& names,
                                                            const WriterTableShape& shape,
                                                            std::string_view exported)
{
    std::vector<std::string> lines = exportLines(exported);
    if (lines.size() < 2 || !lines.front().empty() || !lines.back().empty())
        return std::nullopt;
    lines.pop_back();
    lines.erase(lines.begin());
    return cellsFromBoxTexts(names, shape, std::move(lines));
}

Table writerGridOfBoxCells(std::vector<WriterCell> cells, const WriterTableShape& shape)
{
    std::vector<std::string> names;
    names.reserve(cells.size());
    for (const WriterCell& c : cells)
        names.push_back(c.name);
    if (!regularCellNames(names, shape).empty()) // cells are in document order: row-major
        return regularWriterGrid(static_cast<int>(shape.edges.size()),
                                 static_cast<int>(shape.edges.front().size() - 1), std::move(cells));
    return writerGrid(std::move(cells), shape);
}

Table regularWriterGrid(int rows, int boxes, std::vector<WriterCell> byPosition)
{
    Table result;
    result.cells.reserve(byPosition.size());
    for (int r = 0; r < rows; ++r)
        for (int k = 0; k < boxes; ++k) {
            WriterCell& cell = byPosition[static_cast<size_t>(r) * static_cast<size_t>(boxes) + static_cast<size_t>(k)];
            result.add(r, k, std::move(cell.text), 1, 1, std::move(cell.name));
        }
    result.rows = rows;
    result.cols = boxes;
    return result;
}

Table writerGrid(std::vector<WriterCell> cells, const WriterTableShape& shape)
{
    Table result;
    result.cells.reserve(cells.size());
    const std::vector<std::vector<int>>& edges = shape.edges;
    const int rowCount = static_cast<int>(edges.size());
    // Logical columns: cluster edges that differ by less than 0.2 % of the width (rounding
    // differences between rows would otherwise create sliver columns).
    std::vector<int> allEdges;
    for (const std::vector<int>& e : edges)
        allEdges.insert(allEdges.end(), e.begin(), e.end());
    std::sort(allEdges.begin(), allEdges.end());
    const int tolerance = std::max(1, shape.relativeSum / 500);
    std::vector<int> columns; // representative edge positions
    for (const int p : allEdges)
        if (columns.empty() || p - columns.back() > tolerance)
            columns.push_back(p);
    auto columnOf = [&](int pos) {
        auto it = std::lower_bound(columns.begin(), columns.end(), pos - tolerance);
        return static_cast<int>(it - columns.begin());
    };

    // Regular cells. Each cell is placed once: by its own box, else (dotted, or a box the row's
    // edges do not have) after the regular cells of its base row. Names are unique (getCellNames).
    std::vector<WriterCellName> parsed;
    parsed.reserve(cells.size());
    std::vector<bool> placed(cells.size(), false);
    std::map<int, int> nextFreeColumn; // row -> first column after its regular cells
    for (size_t i = 0; i < cells.size(); ++i) {
        WriterCell& cell = cells[i];
        const WriterCellName n = parsed.emplace_back(parseWriterCellName(cell.name));
        if (n.dotted || n.row < 0 || n.row >= rowCount)
            continue;
        const std::vector<int>& e = edges[static_cast<size_t>(n.row)];
        if (n.box < 0 || static_cast<size_t>(n.box) + 1 >= e.size())
            continue;
        const int rowSpan = cell.rowSpan > 1 ? std::min(cell.rowSpan, rowCount - n.row) : 1;
        const int left = columnOf(e[static_cast<size_t>(n.box)]);
        const int right = columnOf(e[static_cast<size_t>(n.box) + 1]);
        result.add(n.row, left, std::move(cell.text), rowSpan, std::max(1, right - left), std::move(cell.name));
        placed[i] = true;
        for (int r = n.row; r < n.row + rowSpan; ++r)
            nextFreeColumn[r] = std::max(nextFreeColumn[r], std::max(left + 1, right));
    }
    // Irregular (dotted) cells, in name order, after the regular cells of their base row.
    for (size_t i = 0; i < cells.size(); ++i) {
        if (placed[i] || parsed[i].row < 0)
            continue;
        int& col = nextFreeColumn[parsed[i].row];
        result.add(parsed[i].row, col, std::move(cells[i].text), 1, 1, std::move(cells[i].name));
        ++col;
    }
    int maxRow = 0, maxCol = 0;
    for (const Cell& c : result.cells) {
        maxRow = std::max(maxRow, c.row + c.rowSpan);
        maxCol = std::max(maxCol, c.col + c.colSpan);
    }
    result.rows = std::max(maxRow, rowCount);
    result.cols = maxCol;
    return result;
}

} // namespace ogi
