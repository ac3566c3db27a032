// Writer text table → logical grid (see WriterGrid.h).
#include "ogi/WriterGrid.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

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

Table regularWriterGrid(int rows, int boxes, const std::vector<WriterCell>& byPosition)
{
    Table result;
    for (int r = 0; r < rows; ++r)
        for (int k = 0; k < boxes; ++k) {
            const WriterCell& cell = byPosition[static_cast<size_t>(r) * static_cast<size_t>(boxes) + static_cast<size_t>(k)];
            result.add(r, k, cell.text, 1, 1, cell.name);
        }
    result.rows = rows;
    result.cols = boxes;
    return result;
}

Table writerGrid(const std::vector<WriterCell>& cells, const WriterTableShape& shape)
{
    Table result;
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

    // Regular cells.
    std::set<std::string> placed;
    std::map<int, int> nextFreeColumn; // row -> first column after its regular cells
    for (const WriterCell& cell : cells) {
        const WriterCellName n = parseWriterCellName(cell.name);
        if (n.dotted || n.row < 0 || n.row >= rowCount)
            continue;
        const std::vector<int>& e = edges[static_cast<size_t>(n.row)];
        if (n.box < 0 || static_cast<size_t>(n.box) + 1 >= e.size())
            continue;
        const int rowSpan = cell.rowSpan > 1 ? std::min(cell.rowSpan, rowCount - n.row) : 1;
        const int left = columnOf(e[static_cast<size_t>(n.box)]);
        const int right = columnOf(e[static_cast<size_t>(n.box) + 1]);
        result.add(n.row, left, cell.text, rowSpan, std::max(1, right - left), cell.name);
        placed.insert(cell.name);
        for (int r = n.row; r < n.row + rowSpan; ++r)
            nextFreeColumn[r] = std::max(nextFreeColumn[r], std::max(left + 1, right));
    }
    // Irregular (dotted) cells, in name order, after the regular cells of their base row.
    for (const WriterCell& cell : cells) {
        if (placed.count(cell.name))
            continue;
        const WriterCellName n = parseWriterCellName(cell.name);
        if (n.row < 0)
            continue;
        int& col = nextFreeColumn[n.row];
        result.add(n.row, col, cell.text, 1, 1, cell.name);
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
