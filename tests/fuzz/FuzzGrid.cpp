// libFuzzer: the host-side grid algorithms of the core never crash and give well-formed
// tables. The input drives, byte by byte, (1) a Calc sheet for ogi::splitSheet: cells and
// merged areas on a small sheet (merges may overlap, be anchored outside the content, cover
// content), and (2) a Writer table for ogi::writerGrid: rows of column separators, cell names
// (regular, dotted, out of range) and row spans. Every table that comes out has its anchors
// inside its rows × cols, and the regular fast path, when it applies, agrees with writerGrid.
#include "ogi/SheetSplit.h"
#include "ogi/WriterGrid.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

struct Bytes {
    const uint8_t* data;
    size_t size;
    size_t pos = 0;
    bool more() const { return pos < size; }
    int next(int modulo) { return more() ? data[pos++] % modulo : 0; }
};

void checkTable(const ogi::Table& t)
{
    for (const ogi::Cell& c : t.cells)
        if (c.row < 0 || c.col < 0 || c.rowSpan < 1 || c.colSpan < 1 || c.row + c.rowSpan > t.rows ||
            c.col + c.colSpan > t.cols)
            std::abort();
    const ogi::Grid grid(t); // must not crash either
    (void)grid;
}

void fuzzSheet(Bytes& in)
{
    ogi::SheetContent sheet;
    const int cells = in.next(64);
    for (int i = 0; i < cells; ++i) {
        const int row = in.next(24), col = in.next(12), text = in.next(5);
        static const char* const texts[] = {"", "x", "12", "第二十条第（一）项", "合计"};
        sheet.cells.push_back({row, col, texts[text]});
    }
    const int merges = in.next(8);
    for (int i = 0; i < merges; ++i) {
        const int r0 = in.next(24), c0 = in.next(12);
        sheet.merges.push_back({r0, c0, r0 + in.next(4), c0 + in.next(4)});
    }
    const ogi::SheetSplit split = ogi::splitSheet(sheet, "S", 1 + in.next(400));
    for (const ogi::SheetItem& item : split.items)
        if (item.isTable)
            checkTable(item.table);
}

void fuzzWriter(Bytes& in)
{
    ogi::WriterTableShape shape;
    shape.relativeSum = 100 + in.next(10000);
    const int rows = 1 + in.next(8);
    for (int r = 0; r < rows; ++r) {
        std::vector<int> e{0};
        const int seps = in.next(6);
        for (int k = 0; k < seps; ++k)
            e.push_back(in.next(shape.relativeSum)); // any order, as a damaged document may have
        e.push_back(shape.relativeSum);
        shape.edges.push_back(e);
    }
    std::vector<ogi::WriterCell> cells;
    std::vector<std::string> names;
    const int count = in.next(40);
    for (int i = 0; i < count; ++i) {
        std::string name = ogi::writerColumnLetters(in.next(60)) + std::to_string(in.next(10) + (in.next(4) == 0 ? 0 : 1));
        if (in.next(5) == 0)
            name += "." + std::to_string(in.next(3)) + "." + std::to_string(in.next(3));
        names.push_back(name);
        cells.push_back({name, std::string(static_cast<size_t>(in.next(3)), 'x'), in.next(6) - 1});
    }
    const ogi::Table t = ogi::writerGrid(cells, shape);
    checkTable(t);
    const std::vector<std::string> byPosition = ogi::regularCellNames(names, shape);
    if (!byPosition.empty()) {
        const int boxes = static_cast<int>(byPosition.size()) / rows;
        std::vector<ogi::WriterCell> ordered;
        for (const std::string& n : byPosition)
            ordered.push_back({n, "", 1});
        checkTable(ogi::regularWriterGrid(rows, boxes, ordered));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size > 4096)
        return 0;
    Bytes in{data, size};
    fuzzSheet(in);
    fuzzWriter(in);
    return 0;
}
