// Test support: a table's cells as sortable tuples, so that a test compares whole grids.
#pragma once

#include "ogi/Table.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

namespace ogi::test {

using CellTuple = std::tuple<int, int, int, int, std::string, std::string>; // row, col, rs, cs, text, address

/// Every cell of `t` as (row, col, rowSpan, colSpan, text, address), sorted.
inline std::vector<CellTuple> cellsOf(const Table& t)
{
    std::vector<CellTuple> out;
    for (const Cell& c : t.cells)
        out.emplace_back(c.row, c.col, c.rowSpan, c.colSpan, c.text, c.address);
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace ogi::test
