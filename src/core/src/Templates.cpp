// Template catalog: parses the embedded JSON files once, lays out each grid like HTML
// (cells fill the leftmost positions not covered by a row-span from above), and generates
// blank tables from it.
#include "ogi/Templates.h"

#include "ogi/Text.h"

#include <boost/json.hpp>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string_view>

namespace ogi {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& templateFiles();
}

namespace {

namespace json = boost::json;

std::string str(const json::object& o, std::string_view k, std::string def = {})
{
    if (auto* v = o.if_contains(k))
        if (v->is_string())
            return std::string(v->as_string());
    return def;
}

int num(const json::object& o, std::string_view k, int def)
{
    if (auto* v = o.if_contains(k))
        if (v->is_int64())
            return static_cast<int>(v->as_int64());
    return def;
}

ValueType parseType(const std::string& s, const std::string& context)
{
    if (s == "int") return ValueType::Int;
    if (s == "dec") return ValueType::Dec;
    if (s == "signed") return ValueType::Signed;
    if (s == "amount") return ValueType::Amount;
    if (s == "heading") return ValueType::Heading;
    throw std::runtime_error("unknown value type '" + s + "' in " + context);
}

/// "subtotals": [{"k": "R3_3_SUB", "group": "（三）不予公开", "labels": ["小计", "合计"],
///                "items": ["R3_3_1", "R3_3_8"]}] — one value cell per column key that the
/// group's last item has, typed and placed like that item's cell.
void parseSubtotals(const json::object& o, const std::string& ctx, const std::vector<std::string>& columnKeys,
                    TemplateDef& t)
{
    const json::value* list = o.if_contains("subtotals");
    if (!list)
        return;
    for (const auto& sv : list->as_array()) {
        const json::object& so = sv.as_object();
        for (const auto& [field, value] : so)
            if (field != "k" && field != "group" && field != "labels" && field != "items")
                throw std::runtime_error(ctx + ": unknown subtotal field \"" + std::string(field) + "\"");
        SubtotalRow s;
        s.key = str(so, "k");
        s.group = str(so, "group");
        for (const auto& l : so.at("labels").as_array())
            s.labels.push_back(normalizeLabel(std::string(l.as_string())));
        const json::array& items = so.at("items").as_array();
        if (s.key.empty() || s.labels.empty() || items.size() != 2)
            throw std::runtime_error(ctx + ": a subtotal needs k, labels and items [first, last]");
        s.first = std::string(items[0].as_string());
        s.last = std::string(items[1].as_string());
        const std::vector<std::string> columns = columnKeys.empty() ? std::vector<std::string>{""} : columnKeys;
        for (const std::string& ck : columns) {
            const std::string suffix = ck.empty() ? "" : "." + ck;
            const TemplateCell* item = t.cellForKey(s.last + suffix);
            if (!item || !t.cellForKey(s.first + suffix))
                throw std::runtime_error(ctx + ": subtotal " + s.key + " names unknown items");
            TemplateCell cell = *item;
            cell.key = s.key + suffix;
            cell.row = -1;
            cell.extra = true;
            cell.optional = true;
            if (t.keyIndex.count(cell.key) || !t.extraIndex.emplace(cell.key, t.extraCells.size()).second)
                throw std::runtime_error(ctx + ": duplicate key " + cell.key);
            t.extraCells.push_back(std::move(cell));
        }
        t.subtotals.push_back(std::move(s));
    }
}

/// Fields a template file may have (issue 9.10: a misspelt one is an error, not ignored).
void checkFields(const json::object& o, const std::set<std::string>& known, const std::string& ctx)
{
    for (const auto& [field, value] : o)
        if (!known.count(std::string(field)))
            throw std::runtime_error(ctx + ": unknown field \"" + std::string(field) + "\"");
}

} // namespace

TemplateDef parseTemplate(std::string_view fileName, std::string_view text)
{
    std::string ctx(fileName);
    json::value root;
    try {
        root = json::parse(json::string_view(text.data(), text.size()));
    } catch (const std::exception& e) {
        throw std::runtime_error(ctx + ": not JSON: " + e.what());
    }
    if (!root.is_object())
        throw std::runtime_error(ctx + ": not a template object");
    const json::object& o = root.as_object();
    checkFields(o, {"id", "version", "family", "layout", "title", "name", "section", "headerRows", "valueType",
                    "columnKeys", "signatures", "subtotals", "rows"},
                ctx);
    if (!o.contains("rows") || !o.at("rows").is_array())
        throw std::runtime_error(ctx + ": no \"rows\" array");
    TemplateDef t;
    t.id = str(o, "id");
    t.version = str(o, "version");
    t.family = str(o, "family");
    t.layout = str(o, "layout", "matrix");
    if (!t.id.empty())
        ctx += " (template " + t.id + ")";
    if (t.layout != "matrix" && t.layout != "list")
        throw std::runtime_error(ctx + ": unknown layout \"" + t.layout + "\"");
    if (t.version.empty() || t.family.empty())
        throw std::runtime_error(ctx + ": a template needs a version and a family");
    if (auto* title = o.if_contains("title"); title && title->is_object()) {
        t.titleZh = str(title->as_object(), "zh-CN");
        t.titleEn = str(title->as_object(), "en-US", t.titleZh);
    }
    if (auto* name = o.if_contains("name"); name && name->is_object()) {
        t.nameZh = str(name->as_object(), "zh-CN");
        t.nameEn = str(name->as_object(), "en-US", t.nameZh);
    }
    if (t.nameZh.empty()) {
        t.nameZh = t.titleZh;
        t.nameEn = t.titleEn;
    }
    t.section = str(o, "section");
    const int headerRows = num(o, "headerRows", 0);
    const ValueType defaultType = parseType(str(o, "valueType", "int"), ctx);
    std::vector<std::string> columnKeys;
    if (auto* ck = o.if_contains("columnKeys"))
        for (const auto& k : ck->as_array())
            columnKeys.emplace_back(k.as_string());
    if (auto* sig = o.if_contains("signatures"))
        for (const auto& s : sig->as_array())
            t.signatures.push_back(coreLabel(normalizeLabel(std::string(s.as_string()))));

    // HTML-style placement.
    std::vector<std::vector<bool>> covered;
    auto isCovered = [&](int r, int c) {
        return r < static_cast<int>(covered.size()) && c < static_cast<int>(covered[r].size()) && covered[r][c];
    };
    auto cover = [&](int r, int c) {
        if (static_cast<int>(covered.size()) <= r)
            covered.resize(r + 1);
        if (static_cast<int>(covered[r].size()) <= c)
            covered[r].resize(c + 1, false);
        covered[r][c] = true;
    };
    const json::array& rows = o.at("rows").as_array();
    for (size_t r = 0; r < rows.size(); ++r) {
        int col = 0;
        std::vector<json::object> expanded;
        for (const auto& cv : rows[r].as_array()) {
            const json::object& co = cv.as_object();
            checkFields(co, {"t", "k", "rs", "cs", "alt", "u", "type", "opt"}, ctx + " row " + std::to_string(r + 1));
            const std::string key = str(co, "k");
            if (key.size() > 2 && key.compare(key.size() - 2, 2, ".*") == 0) {
                if (columnKeys.empty())
                    throw std::runtime_error(std::string(ctx).append(": key ").append(key).append(" needs columnKeys"));
                for (const auto& ck : columnKeys) {
                    json::object copy = co;
                    copy["k"] = key.substr(0, key.size() - 1) + ck;
                    expanded.push_back(std::move(copy));
                }
            } else {
                expanded.push_back(co);
            }
        }
        for (const json::object& co : expanded) {
            while (isCovered(static_cast<int>(r), col))
                ++col;
            TemplateCell cell;
            cell.row = static_cast<int>(r);
            cell.col = col;
            cell.rowSpan = std::max(1, num(co, "rs", 1));
            cell.colSpan = std::max(1, num(co, "cs", 1));
            cell.key = str(co, "k");
            if (co.contains("u")) {
                cell.unit = true;
                cell.text = str(co, "u");
            } else {
                cell.text = str(co, "t");
            }
            if (auto* alt = co.if_contains("alt"))
                for (const auto& a : alt->as_array())
                    cell.variants.emplace_back(a.as_string());
            cell.type = co.contains("type") ? parseType(str(co, "type"), ctx) : defaultType;
            cell.optional = co.contains("opt") && co.at("opt").as_bool();
            cell.header = cell.row < headerRows;
            for (int dr = 0; dr < cell.rowSpan; ++dr)
                for (int dc = 0; dc < cell.colSpan; ++dc)
                    cover(cell.row + dr, cell.col + dc);
            t.rows = std::max(t.rows, cell.row + cell.rowSpan);
            t.cols = std::max(t.cols, cell.col + cell.colSpan);
            col += cell.colSpan;
            t.cells.push_back(std::move(cell));
        }
    }
    // A row marked optional on any cell is optional as a whole.
    for (const TemplateCell& c : t.cells)
        if (c.optional)
            for (TemplateCell& other : t.cells)
                if (other.row == c.row)
                    other.optional = true;
    if (t.id.empty() || t.cells.empty())
        throw std::runtime_error(ctx + ": template without id or cells");
    for (size_t i = 0; i < t.cells.size(); ++i)
        if (!t.cells[i].key.empty()) {
            if (!t.keyIndex.emplace(t.cells[i].key, i).second)
                throw std::runtime_error(ctx + ": duplicate key " + t.cells[i].key);
            t.valueKeys.push_back(t.cells[i].key);
        }
    parseSubtotals(o, ctx, columnKeys, t);
    return t;
}

namespace {

std::vector<TemplateDef> loadAll()
{
    std::vector<TemplateDef> out;
    for (const auto& [name, text] : data::templateFiles())
        out.push_back(parseTemplate(name, text));
    return out;
}

const TemplateCell* coveringLabel(const TemplateDef& t, int r, int c)
{
    for (const TemplateCell& cell : t.cells)
        if (r >= cell.row && r < cell.row + cell.rowSpan && c >= cell.col && c < cell.col + cell.colSpan)
            return &cell;
    return nullptr;
}

} // namespace

const std::vector<TemplateDef>& templates()
{
    static const std::vector<TemplateDef> all = loadAll();
    return all;
}

const TemplateDef* findTemplate(const std::string& id)
{
    for (const TemplateDef& t : templates())
        if (t.id == id)
            return &t;
    return nullptr;
}

std::string rowKeyOf(const std::string& valueKey) { return valueKey.substr(0, valueKey.find('.')); }

const TemplateCell* TemplateDef::cellForKey(const std::string& key) const
{
    auto it = keyIndex.find(key);
    if (it != keyIndex.end())
        return &cells[it->second];
    auto ex = extraIndex.find(key);
    return ex == extraIndex.end() ? nullptr : &extraCells[ex->second];
}

const SubtotalRow* TemplateDef::subtotalOf(const std::string& key) const
{
    if (!extraIndex.count(key))
        return nullptr;
    const std::string row = rowKeyOf(key);
    for (const SubtotalRow& s : subtotals)
        if (s.key == row)
            return &s;
    return nullptr;
}

std::vector<std::string> TemplateDef::rowLabels(const std::string& key) const
{
    std::vector<std::string> out;
    const TemplateCell* v = cellForKey(key);
    if (!v)
        return out;
    const TemplateCell* last = nullptr;
    for (int c = 0; c < v->col; ++c) {
        const TemplateCell* cell = coveringLabel(*this, v->row, c);
        if (cell && cell != last && cell->key.empty() && !cell->unit && !cell->text.empty())
            out.push_back(cell->text);
        last = cell;
    }
    return out;
}

std::vector<std::string> TemplateDef::columnLabels(const std::string& key) const
{
    std::vector<std::string> out;
    const TemplateCell* v = cellForKey(key);
    if (!v)
        return out;
    const TemplateCell* last = nullptr;
    for (int r = v->row - 1; r >= 0; --r) {
        const TemplateCell* cell = coveringLabel(*this, r, v->col);
        if (!cell || cell == last)
            continue;
        last = cell;
        if (!cell->key.empty()) {
            if (!out.empty())
                break;                // reached the values of the block above
            continue;                 // values of this block's earlier rows
        }
        if (!cell->unit && !cell->text.empty())
            out.insert(out.begin(), cell->text);
    }
    return out;
}

std::string TemplateDef::describeKey(const std::string& key) const
{
    if (const SubtotalRow* s = subtotalOf(key)) {
        // "（三）不予公开 小计 / 自然人": the column as the group's last item has it
        const size_t dot = key.find('.');
        const std::string item = s->last + (dot == std::string::npos ? "" : key.substr(dot));
        const auto cols = columnLabels(item);
        std::string out = s->group + " 小计";
        if (!cols.empty())
            out += " / " + cols.back();
        return out;
    }
    const auto rows = rowLabels(key);
    const auto cols = columnLabels(key);
    std::string out;
    if (!rows.empty())
        out = rows.back();
    if (layout == "list")
        return out.empty() ? key : out;
    if (!cols.empty()) {
        const std::string& col = cols.back();
        // Skip the template-wide column headers that say nothing about the cell.
        if (!out.empty())
            out += " / ";
        out += col;
        if (cols.size() >= 2 && family == "t4")
            out = cols[cols.size() - 2] + " / " + out;
    }
    return out.empty() ? key : out;
}

std::vector<const TemplateDef*> insertableTemplates()
{
    std::vector<const TemplateDef*> out;
    for (const TemplateDef& t : templates())
        out.push_back(&t);
    auto familyRank = [](const TemplateDef* t) { return t->family == "old" ? 9 : t->family[1] - '0'; };
    std::stable_sort(out.begin(), out.end(), [&](const TemplateDef* a, const TemplateDef* b) {
        if (a->version != b->version)
            return a->version > b->version;
        if (familyRank(a) != familyRank(b))
            return familyRank(a) < familyRank(b);
        return a->id.size() != b->id.size() ? a->id.size() < b->id.size() : a->id < b->id;
    });
    return out;
}

std::string templateDisplayName(const TemplateDef& t, const std::string& lang)
{
    static const std::map<std::string, std::pair<std::string, std::string>> kFamily = {
        {"t2", {"表二", "table 2"}}, {"t3", {"表三", "table 3"}}, {"t4", {"表四", "table 4"}}};
    auto f = kFamily.find(t.family);
    if (lang == "zh-CN")
        return t.version + "年格式 " + (f == kFamily.end() ? "" : f->second.first + " ") + t.titleZh;
    if (f == kFamily.end())
        return t.titleEn;                     // "… statistics (2014 form)" says its version itself
    return t.version + " form, " + f->second.second + ": " + t.titleEn;
}

const TemplateDef* findTemplateByName(const std::string& text)
{
    for (const TemplateDef& t : templates())
        if (text == t.id || text == templateDisplayName(t, "zh-CN") || text == templateDisplayName(t, "en-US"))
            return &t;
    return nullptr;
}

Table generateTable(const std::string& templateId)
{
    return generateTable(templateId, {});
}

Table generateTable(const std::string& templateId, const std::map<std::string, std::string>& values)
{
    Table table;
    const TemplateDef* t = findTemplate(templateId);
    if (!t)
        return table;
    table.name = t->id;
    table.location = t->titleZh;
    table.rows = t->rows;
    table.cols = t->cols;
    for (const TemplateCell& c : t->cells) {
        std::string text = c.text;
        if (!c.key.empty()) {
            auto it = values.find(c.key);
            text = it == values.end() ? std::string() : it->second;
        }
        table.add(c.row, c.col, std::move(text), c.rowSpan, c.colSpan);
    }
    return table;
}

bool isFullWidthTemplateLabel(std::string_view text)
{
    static const std::set<std::string> labels = [] {
        std::set<std::string> out;
        for (const TemplateDef& t : templates())
            for (const TemplateCell& c : t.cells)
                if (c.key.empty() && !c.unit && c.col == 0 && c.colSpan == t.cols && t.cols > 1)
                    out.insert(normalizeLabel(c.text));
        return out;
    }();
    return labels.count(normalizeLabel(text)) > 0;
}

std::vector<SkeletonItem> reportSkeleton2021()
{
    // Spec §8.2/§8.3: six fixed headings, the five sub-headings of 一, the three tables
    // under 二/三/四, and placeholders for 五 (problems + last year's rectification) and
    // 六 (信息处理费).
    return {
        {"一、总体情况", 1, ""},
        {"（一）主动公开", 2, ""},
        {"【请填写本年度主动公开政府信息的总体情况。】", 0, ""},
        {"（二）依申请公开", 2, ""},
        {"【请填写本年度收到和处理政府信息公开申请的总体情况。】", 0, ""},
        {"（三）政府信息管理", 2, ""},
        {"【请填写政府信息管理工作情况。】", 0, ""},
        {"（四）政府信息公开平台建设", 2, ""},
        {"【请填写政府信息公开平台建设情况。】", 0, ""},
        {"（五）监督保障", 2, ""},
        {"【请填写监督保障情况（人民政府还应包括工作考核、社会评议和责任追究结果情况）。】", 0, ""},
        {"二、主动公开政府信息情况", 1, ""},
        {"", 0, "2021-t2"},
        {"三、收到和处理政府信息公开申请情况", 1, ""},
        {"", 0, "2021-t3"},
        {"四、政府信息公开行政复议、行政诉讼情况", 1, ""},
        {"", 0, "2021-t4"},
        {"五、存在的主要问题及改进情况", 1, ""},
        {"【请填写本年度政府信息公开工作存在的主要问题及改进措施。】", 0, ""},
        {"【请填写上年度问题整改情况。】", 0, ""},
        {"六、其他需要报告的事项", 1, ""},
        {"【请按照《政府信息公开信息处理费管理办法》报告本年度信息处理费的收取情况（发出收费通知的件数和总金额、实际收取的总金额）；未收取的，请写明“本年度未收取信息处理费”。】", 0, ""},
        {"【其他需要报告的事项（如落实上级年度政务公开工作要点情况等）。】", 0, ""},
    };
}

} // namespace ogi
