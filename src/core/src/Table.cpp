#include "ogi/Table.h"

#include <algorithm>

namespace ogi {

Cell& Table::add(int row, int col, std::string text, int rowSpan, int colSpan, std::string address)
{
    Cell cell;
    cell.row = row;
    cell.col = col;
    cell.rowSpan = std::max(1, rowSpan);
    cell.colSpan = std::max(1, colSpan);
    cell.text = std::move(text);
    cell.address = std::move(address);
    rows = std::max(rows, row + cell.rowSpan);
    cols = std::max(cols, col + cell.colSpan);
    cells.push_back(std::move(cell));
    return cells.back();
}

void Document::addParagraph(std::string text, int outlineLevel)
{
    Block b;
    b.kind = Block::Kind::Paragraph;
    b.text = std::move(text);
    b.outlineLevel = outlineLevel;
    blocks.push_back(std::move(b));
}

int Document::addTable(Table table)
{
    tables.push_back(std::move(table));
    Block b;
    b.kind = Block::Kind::Table;
    b.table = static_cast<int>(tables.size()) - 1;
    const int index = b.table;
    blocks.push_back(std::move(b));
    return index;   // not b.table: b is moved from
}

Grid::Grid(const Table& table)
{
    // Hosts may under-report the size; derive it from the cells. Bound it so that a
    // corrupt span cannot make us allocate gigabytes.
    constexpr int kMaxDim = 100000;
    constexpr long long kMaxCells = 4'000'000;
    m_rows = std::clamp(table.rows, 0, kMaxDim);
    m_cols = std::clamp(table.cols, 0, kMaxDim);
    for (const Cell& c : table.cells) {
        if (c.row < 0 || c.col < 0 || c.row >= kMaxDim || c.col >= kMaxDim)
            continue;
        m_rows = std::max(m_rows, std::min(kMaxDim, c.row + std::max(1, c.rowSpan)));
        m_cols = std::max(m_cols, std::min(kMaxDim, c.col + std::max(1, c.colSpan)));
    }
    if (static_cast<long long>(m_rows) * m_cols > kMaxCells) {
        m_rows = static_cast<int>(std::min<long long>(m_rows, kMaxCells / std::max(1, m_cols)));
    }
    m_index.assign(static_cast<size_t>(m_rows) * m_cols, -1);
    for (size_t i = 0; i < table.cells.size(); ++i) {
        const Cell& c = table.cells[i];
        if (c.row < 0 || c.col < 0)
            continue;
        const int r1 = std::min(m_rows, c.row + std::max(1, c.rowSpan));
        const int c1 = std::min(m_cols, c.col + std::max(1, c.colSpan));
        for (int r = c.row; r < r1; ++r)
            for (int k = c.col; k < c1; ++k) {
                int& slot = m_index[static_cast<size_t>(r) * m_cols + k];
                if (slot < 0)            // first cell wins on overlapping spans
                    slot = static_cast<int>(i);
            }
    }
}

} // namespace ogi
