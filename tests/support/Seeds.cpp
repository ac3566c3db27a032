#include "Seeds.h"

#include "ogi/Templates.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace ogi::test {
namespace {

std::vector<std::string> readLines(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        lines.push_back(line);
    }
    return lines;
}

std::string trim(const std::string& s)
{
    // ASCII spaces, tabs and NBSP (C2 A0)
    size_t b = 0, e = s.size();
    for (;;) {
        if (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
        else if (b + 1 < e && static_cast<unsigned char>(s[b]) == 0xC2 && static_cast<unsigned char>(s[b + 1]) == 0xA0) b += 2;
        else break;
    }
    for (;;) {
        if (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
        else if (e >= b + 2 && static_cast<unsigned char>(s[e - 2]) == 0xC2 && static_cast<unsigned char>(s[e - 1]) == 0xA0) e -= 2;
        else break;
    }
    return s.substr(b, e - b);
}

bool indented(const std::string& s)
{
    return !s.empty() && (s[0] == ' ' || s[0] == '\t' ||
                          (s.size() > 1 && static_cast<unsigned char>(s[0]) == 0xC2 && static_cast<unsigned char>(s[1]) == 0xA0));
}

std::string seedPath(int n)
{
    const std::filesystem::path dir = std::filesystem::path(sharedDir()) / "seeds";
    const std::string prefix = (n < 10 ? "00" : "0") + std::to_string(n) + "_";
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().filename().string().rfind(prefix, 0) == 0)
            return e.path().string();
    throw std::runtime_error("seed " + std::to_string(n) + " not found in " + dir.string());
}

std::vector<std::string> split(const std::string& s, char sep)
{
    std::vector<std::string> out;
    std::string cur;
    std::istringstream is(s);
    while (std::getline(is, cur, sep))
        out.push_back(trim(cur));
    if (!s.empty() && s.back() == sep)
        out.push_back("");
    return out;
}

std::string cellName(int row, int col)
{
    return std::string(1, static_cast<char>('A' + col)) + std::to_string(row + 1);
}

/// Rows of cells → table with Writer-like names.
Table tableFromRows(const std::vector<std::vector<std::string>>& rows, const std::string& name)
{
    Table t;
    t.name = name;
    for (size_t r = 0; r < rows.size(); ++r)
        for (size_t c = 0; c < rows[r].size(); ++c)
            t.add(static_cast<int>(r), static_cast<int>(c), rows[r][c], 1, 1, cellName(static_cast<int>(r), static_cast<int>(c)));
    return t;
}

/// Seeds 001/002: a table is a run of lines containing '|'; the trailing '|' closes a row.
Document pipeSeed(const std::vector<std::string>& lines)
{
    Document doc;
    std::vector<std::vector<std::string>> rows;
    auto flush = [&] {
        if (!rows.empty())
            doc.addTable(tableFromRows(rows, "Table" + std::to_string(doc.tables.size() + 1)));
        rows.clear();
    };
    for (const std::string& line : lines) {
        if (line.find('|') != std::string::npos) {
            std::vector<std::string> cells = split(line, '|');
            if (!cells.empty() && cells.back().empty())
                cells.pop_back();            // the row terminator
            rows.push_back(std::move(cells));
        } else {
            flush();
            if (!trim(line).empty())
                doc.addParagraph(trim(line));
        }
    }
    flush();
    return doc;
}

/// Seed 000: after the header, indented lines are labels, plain lines units or values.
Document listSeed(const std::vector<std::string>& lines)
{
    Document doc;
    std::vector<std::vector<std::string>> rows;
    bool inTable = false, done = false;
    for (const std::string& raw : lines) {
        const std::string s = trim(raw);
        if (!inTable || done) {
            if (!s.empty())
                doc.addParagraph(s);
            if (!done && s.find("统计数") != std::string::npos) {
                inTable = true;
                rows.push_back({"统计指标", "单位", "统计数"});
                doc.blocks.pop_back();
                doc.blocks.pop_back();  // "单位" and "统计数" lines were header cells
                doc.blocks.pop_back();
            }
            continue;
        }
        if (s.empty())
            continue;
        if (!indented(raw) && rows.size() > 1 && s.find("、") != std::string::npos && s.find("情况") != std::string::npos &&
            s.rfind("三、政府信息公开收费情况", 0) == 0) {
            done = true;
            doc.addTable(tableFromRows(rows, "Table1"));
            doc.addParagraph(s);
            continue;
        }
        if (indented(raw)) {
            rows.push_back({s, "", ""});
        } else if (s == "万元" || s == "人次") {
            rows.back()[1] = s;
        } else {
            rows.back()[2] = s;
        }
    }
    if (!done && !rows.empty())
        doc.addTable(tableFromRows(rows, "Table1"));
    return doc;
}

/// Seed 004: tab-separated rows from "统 计 指 标" to the end; every non-empty line is a row.
Document tabSeed(const std::vector<std::string>& lines)
{
    Document doc;
    std::vector<std::vector<std::string>> rows;
    bool inTable = false;
    for (const std::string& raw : lines) {
        const std::string s = trim(raw);
        if (!inTable && raw.find('\t') != std::string::npos && s.find("统 计 指 标") != std::string::npos)
            inTable = true;
        if (!inTable) {
            if (!s.empty())
                doc.addParagraph(s);
            continue;
        }
        if (s.empty())
            continue;
        rows.push_back(split(raw, '\t'));
    }
    doc.addTable(tableFromRows(rows, "Table1"));
    return doc;
}

} // namespace

std::string sharedDir()
{
    if (const char* env = std::getenv("OGI_SHARED_DIR"))
        return env;
#ifdef OGI_SHARED_DIR_DEFAULT
    return OGI_SHARED_DIR_DEFAULT;
#else
    return "../shared";
#endif
}

Document loadSeed(int number)
{
    const std::vector<std::string> lines = readLines(seedPath(number));
    Document doc;
    switch (number) {
    case 0: doc = listSeed(lines); break;
    case 4: doc = tabSeed(lines); break;
    default: doc = pipeSeed(lines); break;
    }
    doc.name = "seed" + std::to_string(number);
    return doc;
}

Document documentWith(const std::string& templateId, const std::map<std::string, std::string>& values,
                      const std::string& title)
{
    Document doc;
    doc.name = templateId;
    doc.addParagraph(title, 1);
    Table t = generateTable(templateId, values);
    // Writer-like cell names so diagnostics carry addresses.
    for (Cell& c : t.cells)
        c.address = cellName(c.row, c.col);
    doc.addTable(std::move(t));
    return doc;
}

Document documentWithSubtotals(const std::string& templateId, const std::map<std::string, std::string>& values,
                               const std::map<std::string, std::map<std::string, std::string>>& subtotals,
                               bool merged, const std::string& label)
{
    const TemplateDef* def = findTemplate(templateId);
    if (!def)
        throw std::runtime_error("unknown template " + templateId);
    Table t = generateTable(templateId, values);
    // Bottom-up, so that the rows still to be handled keep their numbers.
    std::vector<const SubtotalRow*> rows;
    for (const SubtotalRow& s : def->subtotals)
        if (subtotals.count(s.key))
            rows.push_back(&s);
    std::sort(rows.begin(), rows.end(), [&](const SubtotalRow* a, const SubtotalRow* b) {
        return def->cellForKey(a->last + ".NP")->row > def->cellForKey(b->last + ".NP")->row;
    });
    for (const SubtotalRow* s : rows) {
        const TemplateCell* lastNp = def->cellForKey(s->last + ".NP");
        const int after = lastNp->row, labelCol = lastNp->col - 1;
        for (Cell& c : t.cells) {
            if (c.row > after)
                ++c.row;
            else if (merged && c.col < labelCol && c.row + c.rowSpan - 1 >= after)
                ++c.rowSpan;                    // the group's labels span the subtotal row
        }
        t.add(after + 1, labelCol, label);
        for (const std::string& ck : {"NP", "BIZ", "RES", "NGO", "LAW", "OTH", "TOT"}) {
            const TemplateCell* item = def->cellForKey(s->last + "." + ck);
            const auto& given = subtotals.at(s->key);
            auto it = given.find(ck);
            t.add(after + 1, item->col, it == given.end() ? std::string() : it->second);
        }
        ++t.rows;
    }
    if (!merged)
        for (Cell& c : t.cells)
            c.rowSpan = c.colSpan = 1;
    std::sort(t.cells.begin(), t.cells.end(),
              [](const Cell& a, const Cell& b) { return a.row != b.row ? a.row < b.row : a.col < b.col; });
    for (Cell& c : t.cells)
        c.address = cellName(c.row, c.col);
    Document doc;
    doc.name = templateId;
    doc.addParagraph(findTemplate(templateId)->version + "年政府信息公开工作年度报告", 1);
    doc.addTable(std::move(t));
    return doc;
}

std::map<std::string, std::string> consistentValues(const std::string& templateId, unsigned seed)
{
    const TemplateDef* t = findTemplate(templateId);
    if (!t)
        throw std::runtime_error("unknown template " + templateId);
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> small(0, 9);
    std::map<std::string, double> v;
    for (const std::string& k : t->keys())
        v[k] = small(rng);
    auto has = [&](const std::string& k) { return v.count(k) > 0; };
    auto sum = [&](std::initializer_list<const char*> keys) {
        double s = 0;
        for (const char* k : keys)
            if (has(k)) s += v[k];
        return s;
    };
    const std::string& fam = t->family;
    if (fam == "t3") {
        const char* cols[] = {"NP", "BIZ", "RES", "NGO", "LAW", "OTH"};
        std::vector<std::string> rows;
        for (const std::string& k : t->keys()) {
            const std::string row = rowKeyOf(k);
            if (rows.empty() || rows.back() != row)
                rows.push_back(row);
        }
        for (const char* c : cols) {
            double total = 0;
            for (const std::string& r : rows)
                if (r.rfind("R3_", 0) == 0 && r != "R3_7")
                    total += v[r + "." + c];
            v[std::string("R3_7.") + c] = total;
            // R1 + R2 = R3_7 + R4 with R2 <= R3_7 + R4
            const double r2 = std::min(v[std::string("R2.") + c], total + v[std::string("R4.") + c]);
            v[std::string("R2.") + c] = r2;
            v[std::string("R1.") + c] = total + v[std::string("R4.") + c] - r2;
        }
        for (const std::string& r : rows) {
            double s = 0;
            for (const char* c : cols)
                s += v[r + "." + c];
            v[r + ".TOT"] = s;
        }
    } else if (fam == "t4") {
        for (const char* p : {"RV", "LD", "LR"}) {
            const std::string ps = p;
            v[ps + "_TOT"] = v[ps + "_KEEP"] + v[ps + "_CORR"] + v[ps + "_OTHR"] + v[ps + "_PEND"];
        }
    } else if (fam == "t2") {
        for (const char* x : {"P1_RULE", "P1_NORM"}) {
            const std::string xs = x;
            if (has(xs + ".MADE"))
                v[xs + ".VALID"] = v[xs + ".MADE"] + 3;                  // P-2
            if (has(xs + ".NEW_MADE")) {
                v[xs + ".NEW_PUB"] = v[xs + ".NEW_MADE"];               // P-4
                v[xs + ".PUB_TOTAL"] = v[xs + ".NEW_PUB"] + 5;          // P-3
            }
        }
    } else if (fam == "old") {
        v["B23"] += 1;
        v["B22"] = sum({"B23", "B24", "B25", "B26"});                     // B-1
        v["B28"] = v["B22"];
        v["B29"] = 0;
        v["B27"] = v["B28"] + v["B29"];                                  // B-2, B-14
        v["B34"] = sum({"B35", "B36", "B37", "B38", "B39", "B40"});      // B-4
        v["B30"] = sum({"B31", "B32", "B33", "B34", "B41", "B42", "B43", "B44"}); // B-3
        // B-13 (B30 = B27): move the difference into item 1
        v["B31"] += v["B27"] - v["B30"];
        if (v["B31"] < 0) {
            v["B28"] -= v["B31"];
            v["B22"] -= v["B31"];
            v["B23"] -= v["B31"];
            v["B27"] = v["B28"] + v["B29"];
            v["B31"] = 0;
        }
        v["B30"] = sum({"B31", "B32", "B33", "B34", "B41", "B42", "B43", "B44"});
        v["B45"] = sum({"B46", "B47", "B48"});                            // B-5
        v["B49"] = sum({"B50", "B51", "B52"});                            // B-6
        v["B58"] = sum({"B59", "B60"});                                   // B-7
        v["B04"] = v["B03"];                                              // B-12
        v["B02"] = std::max({v["B03"], v["B06"], v["B07"], v["B08"], v["B09"], v["B10"]}) + 1; // B-8, B-9
        v["B06"] = 0;
        v["B07"] = v["B02"];                                              // B-10, not B-11 (one channel = total)
        if (has("B14")) v["B14"] = std::max(v["B14"], v["B15"]);          // B-8
        if (has("B16")) v["B16"] = std::max(v["B16"], v["B17"]);
        v["B64"] = std::max(1.0, v["B64"]);                               // B-17
        v["B54"] = 0.5;
        v["B61"] = 12.25;
    }
    std::map<std::string, std::string> out;
    for (const std::string& k : t->keys()) {
        const TemplateCell* c = t->cellForKey(k);
        std::ostringstream os;
        switch (c->type) {
        case ValueType::Heading: continue;
        case ValueType::Signed: os << (static_cast<int>(v[k]) % 2 ? "+" : "") << static_cast<int>(v[k]); break;
        default: os << v[k]; break;
        }
        out[k] = os.str();
    }
    return out;
}

} // namespace ogi::test
