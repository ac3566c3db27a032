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
