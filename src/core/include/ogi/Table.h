// Table model: the document as the host (Writer, Calc, a test) hands it to the engine.
// No UNO here: a table is a list of anchor cells with spans, a document is paragraphs and
// tables in reading order.
#pragma once

#include <string>
#include <vector>

namespace ogi {

/// One physical cell as the host sees it. Only anchor cells are listed; the positions a
/// merged cell covers are derived from rowSpan/colSpan (see Grid).
struct Cell {
    int row = 0;               ///< top row of the cell, 0-based, in the table's logical grid
    int col = 0;               ///< left column, 0-based
    int rowSpan = 1;
    int colSpan = 1;
    std::string text;          ///< the text as the user sees it (UTF-8)
    std::string address;       ///< opaque host address: Writer "B3"/"C2.1.1", Calc "Sheet1.D7"
};

/// A table found in a document.
struct Table {
    std::string name;          ///< host name: Writer table name, Calc "Sheet1" or "Sheet1.A1:C66"
    std::string location;      ///< human-readable location (for reports)
    int rows = 0;
    int cols = 0;
    std::vector<Cell> cells;   ///< anchors, any order (normally row-major)

    /// Convenience for tests and readers: append a 1x1 (or spanned) cell.
    Cell& add(int row, int col, std::string text, int rowSpan = 1, int colSpan = 1,
              std::string address = {});
};

/// One element of the document in reading order: a paragraph or a reference to a table.
struct Block {
    enum class Kind { Paragraph, Table };
    Kind kind = Kind::Paragraph;
    std::string text;          ///< paragraph text (Paragraph only)
    int outlineLevel = 0;      ///< heading level, 0 = body text (Paragraph only)
    int table = -1;            ///< index into Document::tables (Table only)
};

struct Document {
    std::string name;          ///< file name or title, for reports
    std::vector<Table> tables;
    std::vector<Block> blocks; ///< reading order; may be empty (then tables only)

    void addParagraph(std::string text, int outlineLevel = 0);
    int addTable(Table table); ///< appends the table and a Block for it; returns its index
};

/// A table's logical grid: each position points at the anchor cell covering it (or -1). It
/// keeps no reference to its table, so that it can move with a copy of the table it was made
/// of (the recognizer's views keep the grid of the cells they own).
class Grid {
public:
    Grid() = default;   ///< an empty grid (0 x 0)
    explicit Grid(const Table& table);
    int rows() const { return m_rows; }
    int cols() const { return m_cols; }
    /// Index into table.cells of the cell covering (r, c), or -1 when nothing covers it. Inline:
    /// the recognizer asks it for every position it walks.
    int at(int r, int c) const
    {
        if (r < 0 || c < 0 || r >= m_rows || c >= m_cols)
            return -1;
        return m_index[static_cast<size_t>(r) * static_cast<size_t>(m_cols) + static_cast<size_t>(c)];
    }

private:
    int m_rows = 0;
    int m_cols = 0;
    std::vector<int> m_index;
};

} // namespace ogi
