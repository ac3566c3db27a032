// libFuzzer: recognition and checking of arbitrary tables never crash. The input is read as
// lines of '|'-separated cells; a cell text starting with "@r,c;" gets that row/column span,
// and lines equal to "--" start a new table. Real template labels are mixed in by the corpus
// (tests/fuzz/corpus), so the fuzzer reaches the mapping code, not only detection.
#include "ogi/Checker.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size > 64 * 1024)
        return 0;
    const std::string in(reinterpret_cast<const char*>(data), size);
    ogi::Document doc;
    ogi::Table table;
    int row = 0;
    size_t pos = 0;
    while (pos <= in.size()) {
        size_t end = in.find('\n', pos);
        if (end == std::string::npos)
            end = in.size();
        const std::string line = in.substr(pos, end - pos);
        pos = end + 1;
        if (line == "--") {
            doc.addTable(std::move(table));
            table = ogi::Table{};
            row = 0;
            continue;
        }
        // the first line of each table is also a paragraph, of any length (the text rules must
        // stay linear on long paragraphs, issue 16.7)
        if (line.find('|') == std::string::npos && row == 0)
            doc.addParagraph(line);
        int col = 0;
        size_t cpos = 0;
        while (cpos <= line.size() && col < 64) {
            size_t cend = line.find('|', cpos);
            if (cend == std::string::npos)
                cend = line.size();
            std::string text = line.substr(cpos, cend - cpos);
            cpos = cend + 1;
            int rs = 1, cs = 1;
            if (text.size() > 4 && text[0] == '@') {
                rs = (text[1] % 5) + 1 - 1;   // may be 0: hosts can report nonsense spans
                cs = (text[3] % 7) + 1 - 1;
                text = text.substr(4);
            }
            table.add(row, col, text, rs, cs, std::to_string(row) + "," + std::to_string(col));
            col += cs > 0 ? cs : 1;
        }
        ++row;
        if (row > 400)
            break;
    }
    doc.addTable(std::move(table));
    const ogi::Report r = ogi::Checker().check(doc);
    for (const ogi::Diagnostic& d : r.diagnostics)
        if (d.rule.empty() || d.message().empty())
            std::abort();
    (void)r.toJson();
    (void)r.toText("en-US");
    return 0;
}
