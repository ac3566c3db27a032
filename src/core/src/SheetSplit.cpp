// Calc sheet → paragraphs and tables (see SheetSplit.h).
#include "ogi/SheetSplit.h"

#include "ogi/Templates.h"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <numeric>

namespace ogi {

namespace {

const std::string kBlank;

/// A cell or merged area of a block. Its text stays in the sheet's content (copied once, into
/// the table or paragraph it ends up in: issue 11, a 2,000-row sheet copied every text twice).
struct Anchor {
    int row = 0, col = 0, rowSpan = 1, colSpan = 1;
    const std::string* text = &kBlank;
};

/// One block of a sheet as anchors on a dense grid (absolute sheet coordinates).
struct SheetGrid {
    int row0 = 0, col0 = 0, rows = 0, cols = 0;
    std::vector<Anchor> anchors;
    std::vector<int> cover; ///< rows*cols: index of the anchor covering the position, or -1

    size_t slot(int r, int c) const
    {
        return static_cast<size_t>(r - row0) * static_cast<size_t>(cols) + static_cast<size_t>(c - col0);
    }
    int at(int r, int c) const { return cover[slot(r, c)]; }
    bool filled(int r, int c) const
    {
        const int a = at(r, c);
        return a >= 0 && !anchors[static_cast<size_t>(a)].text->empty();
    }
    void place(const Anchor& a)
    {
        const int index = static_cast<int>(anchors.size());
        anchors.push_back(a);
        const int rTop = std::max(a.row, row0), rEnd = std::min(a.row + a.rowSpan, row0 + rows);
        const int cLeft = std::max(a.col, col0), cEnd = std::min(a.col + a.colSpan, col0 + cols);
        for (int r = rTop; r < rEnd; ++r)
            for (int c = cLeft; c < cEnd; ++c)
                cover[slot(r, c)] = index;
    }
};

struct Span {
    int first, last;
};

class BlockSplitter {
public:
    BlockSplitter(const SheetGrid& g, const std::string& sheetName) : m_g(g), m_sheetName(sheetName) {}

    /// Appends the block's paragraphs and tables to `items` in reading order.
    void split(const Span& rows, const Span& cols, std::vector<SheetItem>& items) const
    {
        // Per row: the anchor of its text line, or -1 when the row belongs to a table.
        std::vector<int> textAnchor(static_cast<size_t>(rows.last - rows.first + 1), -1);
        bool seenMultiCell = false;
        std::vector<int> anchors;
        for (int r = rows.first; r <= rows.last; ++r) {
            rowAnchors(r, cols.first, cols.last, anchors);
            bool text = false;
            if (anchors.size() == 1) {
                const Anchor& a = m_g.anchors[static_cast<size_t>(anchors[0])];
                const bool fullWidth =
                    a.col <= cols.first && a.col + a.colSpan - 1 >= cols.last && a.rowSpan == 1 && a.row == r;
                const bool leadingLine = !seenMultiCell && a.rowSpan == 1;
                text = (fullWidth && (cols.last > cols.first || !seenMultiCell) && !isFullWidthTemplateLabel(*a.text)) ||
                       (leadingLine && !isFullWidthTemplateLabel(*a.text));
                if (text)
                    textAnchor[static_cast<size_t>(r - rows.first)] = anchors[0];
            } else if (anchors.size() > 1) {
                seenMultiCell = true;
            }
        }
        int start = -1;
        auto flush = [&](int end) {
            if (start >= 0)
                items.push_back(makeTable(start, end, cols));
            start = -1;
        };
        for (int r = rows.first; r <= rows.last; ++r) {
            const int line = textAnchor[static_cast<size_t>(r - rows.first)];
            if (line >= 0) {
                flush(r - 1);
                SheetItem p;
                p.text = *m_g.anchors[static_cast<size_t>(line)].text;
                items.push_back(std::move(p));
            } else if (start < 0) {
                start = r;
            }
        }
        flush(rows.last);
    }

private:
    /// Indices of the distinct non-empty anchors in row r within [c0, c1], into `result`.
    void rowAnchors(int r, int c0, int c1, std::vector<int>& result) const
    {
        result.clear();
        for (int c = c0; c <= c1; ++c) {
            const int a = m_g.at(r, c);
            if (a >= 0 && m_g.filled(r, c) && std::find(result.begin(), result.end(), a) == result.end())
                result.push_back(a);
        }
    }

    /// "<sheet>.B7", built on `prefix` ("<sheet>.", kept between calls).
    static std::string address(std::string& prefix, size_t prefixLength, int row, int col)
    {
        prefix.resize(prefixLength);
        appendCalcColumnName(prefix, col);
        prefix += std::to_string(row + 1);
        return prefix;
    }

    SheetItem makeTable(int r0, int r1, const Span& cols) const
    {
        // Trim to the columns actually used by these rows.
        int c0 = cols.last, c1 = cols.first;
        for (int r = r0; r <= r1; ++r)
            for (int c = cols.first; c <= cols.last; ++c)
                if (m_g.filled(r, c)) {
                    c0 = std::min(c0, c);
                    c1 = std::max(c1, c);
                }
        SheetItem item;
        item.isTable = true;
        Table& t = item.table;
        t.rows = r1 - r0 + 1;
        t.cols = c1 - c0 + 1;
        if (t.rows > 0 && t.cols > 0) // rows with nothing filled leave the trim empty (cols <= 0)
            t.cells.reserve(static_cast<size_t>(t.rows) * static_cast<size_t>(t.cols));
        std::string prefix = m_sheetName + ".";
        const size_t prefixLength = prefix.size();
        std::vector<bool> seen(m_g.anchors.size(), false);
        for (int r = r0; r <= r1; ++r) {
            for (int c = c0; c <= c1; ++c) {
                const int index = m_g.at(r, c);
                if (index < 0 || seen[static_cast<size_t>(index)])
                    continue;
                seen[static_cast<size_t>(index)] = true;
                const Anchor& a = m_g.anchors[static_cast<size_t>(index)];
                // An anchor outside the segment (merge reaching in from above/left) is
                // re-anchored at the segment's edge.
                const int top = std::max(a.row, r0), left = std::max(a.col, c0);
                const int bottom = std::min(a.row + a.rowSpan - 1, r1);
                const int right = std::min(a.col + a.colSpan - 1, c1);
                t.add(top - r0, left - c0, *a.text, bottom - top + 1, right - left + 1,
                      address(prefix, prefixLength, a.row, a.col));
            }
        }
        t.name = calcRangeName(m_sheetName, {r0, c0, r1, c1});
        t.location = t.name;
        return item;
    }

    const SheetGrid& m_g;
    const std::string& m_sheetName;
};

/// The filled areas: a content cell, or the merged area it anchors.
struct Filled {
    CellRect rect;
    size_t cell; ///< index into content.cells
    int merge;   ///< index into content.merges or -1
};

/// A run of `order` (indices into the filled areas, sorted by the run's leading bound) whose
/// intervals touch or overlap: [first, last) of `order`, extent [lo, hi].
struct Run {
    size_t first = 0, last = 0;
    int lo = 0, hi = 0;
};

/// Cuts `order` (sorted by lo) into maximal runs of intervals [lo(i), hi(i)] each of which
/// starts at most one past the run's end so far: bands of rows, blocks of columns.
template <typename Lo, typename Hi>
std::vector<Run> touchingRuns(const std::vector<size_t>& order, Lo lo, Hi hi)
{
    std::vector<Run> runs;
    size_t next = 0;
    while (next < order.size()) {
        Run run;
        run.first = next;
        run.lo = lo(order[next]);
        run.hi = hi(order[next]);
        size_t end = next;
        while (end < order.size() && lo(order[end]) <= run.hi + 1) {
            run.hi = std::max(run.hi, hi(order[end]));
            ++end;
        }
        run.last = end;
        runs.push_back(run);
        next = end;
    }
    return runs;
}

/// The block [r0..r1] × [c0..c1] as a dense grid: merged areas touching it (blank ones may
/// reach in from outside), then the block's other content cells, then a blank cell at every
/// position left.
SheetGrid blockGrid(const SheetContent& content, const std::vector<Filled>& filled, const std::vector<size_t>& members,
                    const CellRect& block)
{
    SheetGrid g;
    g.row0 = block.r0;
    g.col0 = block.c0;
    g.rows = block.r1 - block.r0 + 1;
    g.cols = block.c1 - block.c0 + 1;
    g.cover.assign(static_cast<size_t>(block.area()), -1);
    for (const CellRect& m : content.merges) {
        if (!m.intersects(block))
            continue;
        Anchor a;
        a.row = m.r0;
        a.col = m.c0;
        a.rowSpan = m.r1 - m.r0 + 1;
        a.colSpan = m.c1 - m.c0 + 1;
        g.place(a);
    }
    for (size_t k : members) {
        const Filled& f = filled[k];
        const SheetCell& cell = content.cells[f.cell];
        if (f.merge >= 0) {
            const int at = g.at(cell.row, cell.col);
            if (at >= 0)
                g.anchors[static_cast<size_t>(at)].text = &cell.text;
            continue;
        }
        Anchor a;
        a.row = cell.row;
        a.col = cell.col;
        a.text = &cell.text;
        g.place(a);
    }
    for (int r = block.r0; r <= block.r1; ++r)
        for (int c = block.c0; c <= block.c1; ++c)
            if (g.at(r, c) < 0) {
                Anchor a;
                a.row = r;
                a.col = c;
                g.place(a);
            }
    return g;
}

} // namespace

void appendCalcColumnName(std::string& out, int col)
{
    const size_t start = out.size();
    int n = col + 1;
    while (n > 0) {
        const int rem = (n - 1) % 26;
        out.push_back(static_cast<char>('A' + rem));
        n = (n - 1) / 26;
    }
    std::reverse(out.begin() + static_cast<std::ptrdiff_t>(start), out.end());
}

std::string calcColumnName(int col)
{
    std::string name;
    appendCalcColumnName(name, col);
    return name;
}

std::string calcRangeName(const std::string& sheetName, const CellRect& rect)
{
    return sheetName + "." + calcColumnName(rect.c0) + std::to_string(rect.r0 + 1) + ":" + calcColumnName(rect.c1) +
           std::to_string(rect.r1 + 1);
}

SheetSplit splitSheet(SheetContent content, const std::string& sheetName, std::int64_t maxBlockPositions)
{
    SheetSplit out;
    // Row-major order (the bands and blocks below depend on it); a reader's one read over the
    // content's rectangle already is.
    auto rowMajor = [](const SheetCell& a, const SheetCell& b) { return a.row != b.row ? a.row < b.row : a.col < b.col; };
    if (!std::is_sorted(content.cells.begin(), content.cells.end(), rowMajor))
        std::sort(content.cells.begin(), content.cells.end(), rowMajor);
    const SheetContent& sheet = content;
    // The merged area covering (r, c), asked in row-major order: only the merges spanning the
    // current row are tried (issue 11: trying every merge for every cell was a third of the
    // check of a sheet with 2,000 rows). Merged areas do not overlap; the lowest index wins.
    std::vector<size_t> mergesByTop(sheet.merges.size());
    std::iota(mergesByTop.begin(), mergesByTop.end(), size_t{0});
    std::stable_sort(mergesByTop.begin(), mergesByTop.end(),
                     [&](size_t a, size_t b) { return sheet.merges[a].r0 < sheet.merges[b].r0; });
    std::vector<size_t> spanning;   // merges with r0 <= row <= r1
    size_t nextMerge = 0;
    int spanningRow = std::numeric_limits<int>::min();
    auto coveringMerge = [&](int r, int c) -> int {
        if (r != spanningRow) {
            spanningRow = r;
            while (nextMerge < mergesByTop.size() && sheet.merges[mergesByTop[nextMerge]].r0 <= r)
                spanning.push_back(mergesByTop[nextMerge++]);
            spanning.erase(std::remove_if(spanning.begin(), spanning.end(),
                                          [&](size_t i) { return sheet.merges[i].r1 < r; }),
                           spanning.end());
        }
        int best = -1;
        for (size_t i : spanning)
            if (sheet.merges[i].contains(r, c) && (best < 0 || static_cast<int>(i) < best))
                best = static_cast<int>(i);
        return best;
    };
    std::vector<Filled> filled;
    for (size_t i = 0; i < sheet.cells.size(); ++i) {
        const SheetCell& cell = sheet.cells[i];
        if (cell.text.empty())
            continue;
        const int m = coveringMerge(cell.row, cell.col);
        if (m < 0)
            filled.push_back({{cell.row, cell.col, cell.row, cell.col}, i, -1});
        else if (sheet.merges[static_cast<size_t>(m)].r0 == cell.row &&
                 sheet.merges[static_cast<size_t>(m)].c0 == cell.col)
            filled.push_back({sheet.merges[static_cast<size_t>(m)], i, m});
    }
    std::vector<size_t> byRow(filled.size());
    for (size_t i = 0; i < byRow.size(); ++i)
        byRow[i] = i;
    std::sort(byRow.begin(), byRow.end(), [&](size_t a, size_t b) { return filled[a].rect.r0 < filled[b].rect.r0; });

    for (const Run& band : touchingRuns(byRow, [&](size_t i) { return filled[i].rect.r0; },
                                        [&](size_t i) { return filled[i].rect.r1; })) {
        std::vector<size_t> members(byRow.begin() + static_cast<std::ptrdiff_t>(band.first),
                                    byRow.begin() + static_cast<std::ptrdiff_t>(band.last));
        std::sort(members.begin(), members.end(),
                  [&](size_t a, size_t b) { return filled[a].rect.c0 < filled[b].rect.c0; });
        for (const Run& run : touchingRuns(members, [&](size_t i) { return filled[i].rect.c0; },
                                           [&](size_t i) { return filled[i].rect.c1; })) {
            const CellRect block{band.lo, run.lo, band.hi, run.hi};
            if (block.area() > maxBlockPositions) {
                out.tooLarge.push_back(block);
                continue;
            }
            const std::vector<size_t> inBlock(members.begin() + static_cast<std::ptrdiff_t>(run.first),
                                              members.begin() + static_cast<std::ptrdiff_t>(run.last));
            const SheetGrid g = blockGrid(sheet, filled, inBlock, block);
            BlockSplitter(g, sheetName).split({block.r0, block.r1}, {block.c0, block.c1}, out.items);
        }
    }
    return out;
}

} // namespace ogi
