// Template catalog: parses the embedded JSON files once, lays out each grid like HTML
// (cells fill the leftmost positions not covered by a row-span from above), and generates
// blank tables from it.
#include "ogi/Templates.h"

#include "ogi/Message.h"
#include "ogi/Text.h"

#include "JsonFile.h"

#include <boost/json.hpp>

#include <algorithm>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

namespace ogi {
namespace data {
const std::vector<std::pair<std::string_view, std::string_view>>& templateFiles();
const std::vector<std::pair<std::string_view, std::string_view>>& formatFiles();
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

/// Numbers the template's keys (valueKeyId) and fills cellByKeyId.
void indexKeyIds(TemplateDef& t)
{
    const size_t extraBase = t.cells.size();
    auto number = [&t](TemplateCell& c, size_t index) {
        c.keyId = valueKeyId(c.key);
        const size_t id = static_cast<size_t>(c.keyId);
        if (t.cellByKeyId.size() <= id)
            t.cellByKeyId.resize(id + 1, -1);
        t.cellByKeyId[id] = static_cast<int>(index);
    };
    for (size_t i = 0; i < t.cells.size(); ++i)
        if (!t.cells[i].key.empty())
            number(t.cells[i], i);
    for (size_t i = 0; i < t.extraCells.size(); ++i)
        number(t.extraCells[i], extraBase + i);
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
    return parseTemplate(fileName, text, formats());
}

TemplateDef parseTemplate(std::string_view fileName, std::string_view text, const Formats& formats)
{
    std::string ctx(fileName);
    const json::value root = parseJsonObjectFile(ctx, text, "a template object");
    const json::object& o = root.as_object();
    checkFields(o, {"id", "version", "family", "layout", "title", "name", "section", "headerRows", "valueType",
                    "columnKeys", "signatures", "subtotals", "describeColumns", "rows"},
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
    if (!formats.find(t.version))
        throw std::runtime_error(ctx + ": unknown format (version) \"" + t.version + "\"");
    if (!formats.hasFamily(t.family))
        throw std::runtime_error(ctx + ": unknown family \"" + t.family + "\"");
    // Titles and short names by language tag.
    auto byLanguage = [&](std::string_view field) {
        std::map<std::string, std::string> out;
        if (auto* v = o.if_contains(field)) {
            if (!v->is_object())
                throw std::runtime_error(ctx + ": \"" + std::string(field) + "\" is not an object of texts by language");
            for (const auto& [lang, text] : v->as_object()) {
                if (!text.is_string())
                    throw std::runtime_error(ctx + ": \"" + std::string(field) + "\" is not an object of texts by language");
                out[std::string(lang)] = std::string(text.as_string());
            }
        }
        return out;
    };
    t.titles = byLanguage("title");
    t.names = byLanguage("name");
    if (t.names.empty())
        t.names = t.titles;
    if (!t.titles.count(kFormLanguage) || !t.names.count(kFormLanguage))
        throw std::runtime_error(ctx + ": \"title\" and \"name\" need the form's own text (" + kFormLanguage + ")");
    t.section = str(o, "section");
    t.describeColumns = num(o, "describeColumns", 1);
    if (t.describeColumns < 1)
        throw std::runtime_error(ctx + ": \"describeColumns\" must be at least 1");
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
    indexKeyIds(t);
    return t;
}

// ---------------------------------------------------------------------------------------
// Formats (data/formats.json, issue 10.4)

const FormatDef* Formats::find(const std::string& id) const
{
    for (const FormatDef& f : formats)
        if (f.id == id)
            return &f;
    return nullptr;
}

bool Formats::hasFamily(const std::string& family) const
{
    return std::find(families.begin(), families.end(), family) != families.end();
}

size_t Formats::rank(const std::string& id) const
{
    for (size_t i = 0; i < formats.size(); ++i)
        if (formats[i].id == id)
            return i;
    return formats.size();
}

namespace {

/// A string field that must be there and be a string.
std::string requiredString(const json::object& o, std::string_view k, const std::string& ctx)
{
    const json::value* v = o.if_contains(k);
    if (!v || !v->is_string() || v->as_string().empty())
        throw std::runtime_error(ctx + ": \"" + std::string(k) + "\" must be a non-empty string");
    return std::string(v->as_string());
}

const json::array& requiredArray(const json::object& o, std::string_view k, const std::string& ctx)
{
    const json::value* v = o.if_contains(k);
    if (!v || !v->is_array())
        throw std::runtime_error(ctx + ": \"" + std::string(k) + "\" must be a list");
    return v->as_array();
}

std::string stringItem(const json::value& v, const std::string& ctx)
{
    if (!v.is_string() || v.as_string().empty())
        throw std::runtime_error(ctx + ": a list item that is not a non-empty string");
    return std::string(v.as_string());
}

/// {"h1": "一、总体情况"} | {"h2": "（一）主动公开"} | {"p": "【…】"} | {"table": "2021-t2"}
SkeletonItem parseSkeletonItem(const json::value& v, const std::string& ctx)
{
    static const std::map<std::string, int> kLevels = {{"h1", 1}, {"h2", 2}, {"p", 0}, {"table", 0}};
    if (!v.is_object() || v.as_object().size() != 1)
        throw std::runtime_error(ctx + ": a skeleton item is one of {\"h1\": …}, {\"h2\": …}, {\"p\": …}, {\"table\": …}");
    const auto& [field, value] = *v.as_object().begin();
    const std::string f(field);
    auto level = kLevels.find(f);
    if (level == kLevels.end())
        throw std::runtime_error(ctx + ": unknown skeleton item \"" + f + "\"");
    SkeletonItem item;
    item.outlineLevel = level->second;
    (f == "table" ? item.templateId : item.text) = stringItem(value, ctx);
    return item;
}

} // namespace

Formats parseFormats(std::string_view fileName, std::string_view text)
{
    const std::string file(fileName);
    const json::value root = parseJsonObjectFile(file, text, "a formats object");
    const json::object& o = root.as_object();
    checkFields(o, {"families", "formats", "skeleton", "menu"}, file);
    Formats out;
    for (const json::value& f : requiredArray(o, "families", file)) {
        std::string family = stringItem(f, file + ": families");
        if (out.hasFamily(family))
            throw std::runtime_error(file + ": duplicate family \"" + family + "\"");
        out.families.push_back(std::move(family));
    }
    for (const json::value& fv : requiredArray(o, "formats", file)) {
        if (!fv.is_object())
            throw std::runtime_error(file + ": a format that is not an object");
        const json::object& fo = fv.as_object();
        FormatDef f;
        f.id = requiredString(fo, "id", file + ": format");
        const std::string ctx = file + ": format " + f.id;
        checkFields(fo, {"id", "from", "tables", "skeleton"}, ctx);
        if (out.find(f.id))
            throw std::runtime_error(file + ": duplicate format \"" + f.id + "\"");
        const json::value* from = fo.if_contains("from");
        if (!from || !from->is_int64() || from->as_int64() <= 0)
            throw std::runtime_error(ctx + ": \"from\" must be the first report year of the format");
        f.from = static_cast<int>(from->as_int64());
        const json::value* tables = fo.if_contains("tables");
        if (!tables || !tables->is_object() || tables->as_object().empty())
            throw std::runtime_error(ctx + ": \"tables\" must map families to template ids");
        for (const auto& [family, id] : tables->as_object()) {
            if (!out.hasFamily(std::string(family)))
                throw std::runtime_error(ctx + ": unknown family \"" + std::string(family) + "\"");
            f.tables[std::string(family)] = stringItem(id, ctx + ": tables");
        }
        if (fo.contains("skeleton"))
            for (const json::value& item : requiredArray(fo, "skeleton", ctx))
                f.skeleton.push_back(parseSkeletonItem(item, ctx + ": skeleton"));
        out.formats.push_back(std::move(f));
    }
    if (out.formats.empty())
        throw std::runtime_error(file + ": no formats");
    if (o.contains("skeleton")) {
        out.skeleton = requiredString(o, "skeleton", file);
        const FormatDef* f = out.find(out.skeleton);
        if (!f)
            throw std::runtime_error(file + ": \"skeleton\" names unknown format \"" + out.skeleton + "\"");
        if (f->skeleton.empty())
            throw std::runtime_error(file + ": \"skeleton\" names format " + out.skeleton + ", which has none");
    }
    std::set<std::string> inMenu;
    for (const json::value& g : requiredArray(o, "menu", file)) {
        if (!g.is_array() || g.as_array().empty())
            throw std::runtime_error(file + ": a menu group is a non-empty list of template ids");
        std::vector<std::string> group;
        for (const json::value& id : g.as_array()) {
            group.push_back(stringItem(id, file + ": menu"));
            if (!inMenu.insert(group.back()).second)
                throw std::runtime_error(file + ": template \"" + group.back() + "\" twice in the menu");
        }
        out.menu.push_back(std::move(group));
    }
    return out;
}

const Formats& formats()
{
    static const Formats all = [] {
        const auto& files = data::formatFiles();
        if (files.size() != 1)
            throw std::runtime_error("the core embeds one formats file, not " + std::to_string(files.size()));
        return parseFormats(files.front().first, files.front().second);
    }();
    return all;
}

const FormatDef* formatForYear(int year)
{
    const FormatDef* best = nullptr;
    for (const FormatDef& f : formats().formats)
        if (year >= f.from && (!best || f.from > best->from))
            best = &f;
    return best;
}

std::vector<TemplateDef> parseTemplates(const std::vector<std::pair<std::string_view, std::string_view>>& files,
                                        const Formats& formats, std::string_view formatsFile)
{
    std::vector<TemplateDef> out;
    std::map<std::string, std::string> fileOf;
    for (const auto& [name, text] : files) {
        TemplateDef t = parseTemplate(name, text, formats);
        if (auto [it, fresh] = fileOf.emplace(t.id, std::string(name)); !fresh)
            throw std::runtime_error(std::string(name) + ": duplicate template id \"" + t.id + "\" (also in " +
                                     it->second + ")");
        out.push_back(std::move(t));
    }
    const std::string ctx(formatsFile);
    auto named = [&](const std::string& id, const std::string& where) -> const TemplateDef& {
        for (const TemplateDef& t : out)
            if (t.id == id)
                return t;
        throw std::runtime_error(ctx + ": " + where + " names unknown template \"" + id + "\"");
    };
    for (const FormatDef& f : formats.formats) {
        for (const auto& [family, id] : f.tables) {
            const TemplateDef& t = named(id, "format " + f.id + " table " + family);
            if (t.version != f.id || t.family != family)
                throw std::runtime_error(ctx + ": format " + f.id + " table " + family + " is template " + id +
                                         ", which declares " + t.version + "/" + t.family);
        }
        for (const SkeletonItem& item : f.skeleton)
            if (!item.templateId.empty() && named(item.templateId, "the skeleton of format " + f.id).version != f.id)
                throw std::runtime_error(ctx + ": the skeleton of format " + f.id + " inserts template " +
                                         item.templateId + " of another format");
    }
    for (const auto& group : formats.menu)
        for (const std::string& id : group)
            named(id, "the menu");
    return out;
}

namespace {

/// "2021/t3" -> {"2021", "t3"}; "*" -> {"*", "*"}; anything else -> {"", ""}.
std::pair<std::string, std::string> splitSelector(const std::string& selector)
{
    if (selector == "*")
        return {"*", "*"};
    const size_t slash = selector.find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 == selector.size() ||
        selector.find('/', slash + 1) != std::string::npos)
        return {};
    return {selector.substr(0, slash), selector.substr(slash + 1)};
}

} // namespace

bool tableSelectorMatches(const std::string& selector, const TemplateDef& t)
{
    const auto [format, family] = splitSelector(selector);
    return !format.empty() && (format == "*" || format == t.version) && (family == "*" || family == t.family);
}

std::string tableSelectorError(const std::string& selector, const Formats& formats)
{
    const auto [format, family] = splitSelector(selector);
    if (format.empty())
        return "table selector \"" + selector + "\" is not format/family (\"2021/t3\", \"*/t3\", \"2021/*\", \"*\")";
    if (format != "*" && !formats.find(format))
        return "unknown format \"" + format + "\" in table selector \"" + selector + "\"";
    if (family != "*" && !formats.hasFamily(family))
        return "unknown family \"" + family + "\" in table selector \"" + selector + "\"";
    return {};
}

const TemplateDef* formatTable(const std::string& format, const std::string& family)
{
    const FormatDef* f = formats().find(format);
    if (!f)
        return nullptr;
    auto it = f->tables.find(family);
    return it == f->tables.end() ? nullptr : findTemplate(it->second);
}

/// The catalog messages the formats file asks for (Messages.cpp validates the catalogs against
/// them): each format's name and its templates' name pattern, each family's name, and the
/// title of each menu entry (the Tools menu, generated into Addons.xcu at build time).
MessageSchema formatMessageSchema()
{
    MessageSchema out;
    const Formats& f = formats();
    for (const FormatDef& format : f.formats) {
        out["format." + format.id] = MessageSpec{{}, false};
        out["format." + format.id + ".template"] = MessageSpec{{"table", "title"}, false};
    }
    for (const std::string& family : f.families)
        out["table." + family] = MessageSpec{{}, false};
    for (const auto& group : f.menu)
        for (const std::string& id : group)
            out["menu." + id] = MessageSpec{{}, false};
    return out;
}

namespace {

std::vector<TemplateDef> loadAll()
{
    const auto& files = data::formatFiles();
    return parseTemplates(data::templateFiles(), formats(), files.empty() ? "formats.json" : files.front().first);
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

namespace {
const std::string& inLanguage(const std::map<std::string, std::string>& texts, const std::string& lang)
{
    auto it = texts.find(lang);
    if (it != texts.end())
        return it->second;
    const std::string primary = lang.substr(0, lang.find_first_of("-_"));
    for (const auto& [tag, text] : texts)
        if (tag.substr(0, tag.find_first_of("-_")) == primary)
            return text;
    return texts.at(kFormLanguage);
}
} // namespace

const std::string& TemplateDef::title(const std::string& lang) const { return inLanguage(titles, lang); }
const std::string& TemplateDef::name(const std::string& lang) const { return inLanguage(names, lang); }

const TemplateCell* TemplateDef::cellForKey(const std::string& key) const
{
    auto it = keyIndex.find(key);
    if (it != keyIndex.end())
        return &cells[it->second];
    auto ex = extraIndex.find(key);
    return ex == extraIndex.end() ? nullptr : &extraCells[ex->second];
}

const TemplateCell* TemplateDef::cellForKeyId(int id, const std::string& key) const
{
    if (id < 0 || cellByKeyId.empty())
        return cellForKey(key);
    if (static_cast<size_t>(id) >= cellByKeyId.size() || cellByKeyId[static_cast<size_t>(id)] < 0)
        return nullptr;
    const size_t i = static_cast<size_t>(cellByKeyId[static_cast<size_t>(id)]);
    return i < cells.size() ? &cells[i] : &extraCells[i - cells.size()];
}

int valueKeyId(std::string_view key)
{
    static std::mutex lock;
    static std::unordered_map<std::string, int> ids;
    const std::lock_guard<std::mutex> guard(lock);
    const auto it = ids.find(std::string(key));
    if (it != ids.end())
        return it->second;
    const int id = static_cast<int>(ids.size());
    ids.emplace(std::string(key), id);
    return id;
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
        // the outer column levels too where the file asks ("describeColumns": 2, table four's
        // 行政复议 / 结果纠正 beside 行政诉讼 / 未经复议直接起诉 / 结果纠正)
        for (size_t level = 2; level <= static_cast<size_t>(describeColumns) && level <= cols.size(); ++level)
            out = cols[cols.size() - level] + " / " + out;
    }
    return out.empty() ? key : out;
}

std::vector<const TemplateDef*> insertableTemplates()
{
    std::vector<const TemplateDef*> out;
    for (const auto& group : formats().menu)
        for (const std::string& id : group)
            if (const TemplateDef* t = findTemplate(id))
                out.push_back(t);
    return out;
}

std::string templateDisplayName(const TemplateDef& t, const std::string& lang)
{
    // The catalogs say how a format names its tables ("2021年格式 {table} {title}"; the 2014
    // form's English title names its form itself); the title is the template's own.
    Message name("format." + t.version + ".template");
    name.message("table", Message("table." + t.family));
    name.localized("title", t.titles);
    return name.render(lang);
}

const TemplateDef* findTemplateByName(const std::string& text)
{
    const std::vector<std::string> languages = messageLanguages();
    for (const TemplateDef& t : templates()) {
        if (text == t.id)
            return &t;
        for (const std::string& lang : languages)
            if (text == templateDisplayName(t, lang))
                return &t;
    }
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
    table.location = t->formTitle();
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
    // Spec §8.2/§8.3, as formats.json writes it: six fixed headings, the five sub-headings of
    // 一, the three tables under 二/三/四, and placeholders for 五 (problems + last year's
    // rectification) and 六 (信息处理费).
    const Formats& f = formats();
    const FormatDef* format = f.find(f.skeleton);
    return format ? format->skeleton : std::vector<SkeletonItem>{};
}

} // namespace ogi
