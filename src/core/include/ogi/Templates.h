// National templates as data. Each template is a JSON file in src/core/data/templates,
// embedded at build time. The grid (with its merges) is the single source of truth: the
// generator emits it, and the recognizer derives row/column label paths from it.
#pragma once

#include "ogi/Table.h"

#include <map>
#include <string_view>
#include <string>
#include <vector>
#include <utility>

namespace ogi {

enum class ValueType {
    Int,      ///< non-negative integer count
    Dec,      ///< non-negative decimal (万元)
    Signed,   ///< signed change, e.g. "23(增)", "+1036", "1(减)"
    Amount,   ///< free amount, unit may be inside ("1483180", "12.5万元")
    Heading,  ///< a heading row's value cell: must stay empty
};

const char* toString(ValueType t);

/// One cell of a template grid.
struct TemplateCell {
    int row = 0, col = 0, rowSpan = 1, colSpan = 1;
    std::string text;                  ///< label text (canonical, full-width) — empty for value cells
    std::vector<std::string> variants; ///< other accepted spellings of the label
    std::string key;                   ///< value key — empty for label cells
    ValueType type = ValueType::Int;
    bool unit = false;                 ///< a unit cell (old table): neither label nor value
    bool optional = false;             ///< the whole row may be absent (e.g. B15, B17)
    bool header = false;               ///< header cell (styled as a header when inserted)
    bool extra = false;                ///< value cell of a subtotal row: recognized, never generated
    int keyId = -1;                    ///< valueKeyId(key), set on load; -1 for label cells
};

/// A dense number for a value key ("R3_3_8.NP"), the same in every template and rule: keys are
/// numbered when a template or rules file loads, so that a check looks values up by index
/// instead of by string (issue 11). Thread-safe; a key keeps its number for the process's life.
int valueKeyId(std::string_view key);

/// A subtotal row that some reports add to a group of rows (not part of the national form,
/// so never generated): recognized when present and checked against its items (spec N-5).
/// Its value keys are "<key>.<column key>" ("R3_3_SUB.NP").
struct SubtotalRow {
    std::string key;                 ///< "R3_3_SUB"
    std::string group;               ///< label of the group ("（三）不予公开"), for messages
    std::vector<std::string> labels; ///< accepted row labels, normalized ("小计", "合计")
    std::string first, last;         ///< row keys of the group's first and last item ("R3_3_1", "R3_3_8")
};

/// The language the national forms are written in (their labels, titles, the documents' words).
inline constexpr const char* kFormLanguage = "zh-CN";

struct TemplateDef {
    std::string id;        ///< "2021-t3", "old", ...
    std::string version;   ///< "2021", "2019", "2014"
    std::string family;    ///< "t2", "t3", "t4", "old"
    std::string layout;    ///< "matrix" or "list"
    /// Title and short name in messages ("表三" / "Table three"; JSON "title", "name") by
    /// language tag, as the file has them; the kFormLanguage one is required.
    std::map<std::string, std::string> titles, names;
    /// The title as the national form prints it (its kFormLanguage title): what a document
    /// carries and what a message quoting the document's own words shows.
    const std::string& formTitle() const { return titles.at(kFormLanguage); }
    /// The title / short name in `lang`: the exact tag, else the same primary language, else
    /// the form's own.
    const std::string& title(const std::string& lang) const;
    const std::string& name(const std::string& lang) const;
    std::string section;   ///< heading of the report section the table belongs under
    int describeColumns = 1; ///< column label levels in a key's short name (describeKey); table four: 2
    int rows = 0, cols = 0;
    std::vector<TemplateCell> cells;   ///< anchors, row-major
    std::vector<std::string> signatures; ///< normalized labels that decide this template
    std::map<std::string, size_t> keyIndex; ///< value key -> index in cells (built on load)
    std::vector<std::string> valueKeys;     ///< value keys in grid order (built on load)
    std::vector<SubtotalRow> subtotals;     ///< optional subtotal rows (N-5)
    std::vector<TemplateCell> extraCells;   ///< their value cells (extra = true, row = -1)
    std::map<std::string, size_t> extraIndex; ///< subtotal value key -> index in extraCells
    /// valueKeyId -> index in cells, or cells.size() + index in extraCells; -1: not a key of
    /// this template (built on load; a key numbered later is no key of it either).
    std::vector<int> cellByKeyId;

    /// The value cell of a key: a grid cell, or a subtotal row's cell (extra = true).
    const TemplateCell* cellForKey(const std::string& key) const;
    /// The same by valueKeyId (templates not made by parseTemplate: by the key's string).
    const TemplateCell* cellForKeyId(int id, const std::string& key) const;
    /// The subtotal row a key belongs to ("R3_3_SUB.NP" -> R3_3_SUB), or null.
    const SubtotalRow* subtotalOf(const std::string& key) const;
    const std::vector<std::string>& keys() const { return valueKeys; } ///< value keys in grid order
    /// Label path of a value key's row, most specific last (e.g. {"三、本年度办理结果","（三）不予公开","1.属于国家秘密"}).
    std::vector<std::string> rowLabels(const std::string& key) const;
    /// Label path of a value key's column, outermost first (e.g. {"申请人情况","法人或其他组织","商业企业"}).
    std::vector<std::string> columnLabels(const std::string& key) const;
    /// Short human name of a key: row label + column label, for messages ("（七）总计 / 自然人").
    std::string describeKey(const std::string& key) const;
};

/// The row part of a value key: "R3_3_8.NP" -> "R3_3_8" (a key without a column is its row).
std::string rowKeyOf(const std::string& valueKey);

/// The 2021 report skeleton (spec §8): headings and placeholder paragraphs, with the table
/// template id to insert after a heading (empty for plain paragraphs).
struct SkeletonItem {
    std::string text;
    int outlineLevel = 0;   ///< 1 = section heading, 2 = sub-heading, 0 = body placeholder
    std::string templateId; ///< non-empty: insert this table here (text is empty)
};

/// A report format (data/formats.json, issue 10.4): the national form of a period. Its id is
/// what TemplateDef::version holds; its names are the catalogs' `format.<id>` (the form, in
/// findings) and `format.<id>.template` (a template's name in menus).
struct FormatDef {
    std::string id;                            ///< "2021"
    int from = 0;                              ///< the first report year written in this format
    std::map<std::string, std::string> tables; ///< family -> the national template ("t3" -> "2021-t3")
    std::vector<SkeletonItem> skeleton;        ///< the report skeleton (spec §8); may be empty
};

/// The formats file: which formats and table families there are, in which order versions are
/// preferred, the year -> format map (`from`), the report skeleton and the insertion menu.
struct Formats {
    std::vector<std::string> families;            ///< "t2" "t3" "t4" "old": named by the catalogs' table.<family>
    std::vector<FormatDef> formats;               ///< detection order: on a tie the earlier one wins (newest first)
    std::string skeleton;                         ///< the format whose skeleton InsertSkeleton inserts
    std::vector<std::vector<std::string>> menu;   ///< insertable template ids in menu order, by group

    const FormatDef* find(const std::string& id) const;
    bool hasFamily(const std::string& family) const;
    /// Position of a format in detection order (0 = preferred); formats.size() when unknown.
    size_t rank(const std::string& id) const;
};

/// The formats file parsed and validated: throws std::runtime_error naming the file for an
/// unknown field (of the file, a format or a skeleton item), a duplicate format or family, a
/// table of an unknown family, a skeleton naming an unknown format. Template ids it names are
/// checked against the templates by parseTemplates().
Formats parseFormats(std::string_view fileName, std::string_view text);

/// The built-in formats (data/formats.json, parsed once).
const Formats& formats();
/// The format a report of `year` is written in: the one with the latest `from` <= year;
/// null for none (year 0: unknown, or before every format).
const FormatDef* formatForYear(int year);

/// One template file parsed and validated (issue 9.10): throws std::runtime_error naming the
/// file for JSON that is no template, an unknown field of the template or of a cell, an
/// unknown layout or value type, a duplicate key, a format (`version`) or `family` that
/// `formats` does not declare (the built-in formats when not given).
TemplateDef parseTemplate(std::string_view fileName, std::string_view text);
TemplateDef parseTemplate(std::string_view fileName, std::string_view text, const Formats& formats);

/// Template files parsed and validated together: each one as above, no id twice, and every
/// template id the formats name (a format's tables, its skeleton, the menu) is one of them with
/// the format and family it is named for. Errors name the file (`formatsFile` for the formats').
std::vector<TemplateDef> parseTemplates(const std::vector<std::pair<std::string_view, std::string_view>>& files,
                                        const Formats& formats, std::string_view formatsFile = "formats.json");

/// Rules select templates by format and family (issue 10.4): "2021/t3" (the 2021 table three and
/// every variant declaring that format and family), "*/t3", "2021/*", "*". True when `t` is selected.
bool tableSelectorMatches(const std::string& selector, const TemplateDef& t);
/// "" when a selector is well formed and names a declared format and family; else what is wrong.
std::string tableSelectorError(const std::string& selector, const Formats& formats = ogi::formats());

/// All built-in templates (parsed once, on first use).
const std::vector<TemplateDef>& templates();
const TemplateDef* findTemplate(const std::string& id);
/// The national template of a family in a format (formats.json `tables`), or null.
const TemplateDef* formatTable(const std::string& format, const std::string& family);

/// The templates a user can insert, in menu order (formats.json `menu`): the 2021 tables, the
/// 2019 tables, the 2014 statistics table and its variants.
std::vector<const TemplateDef*> insertableTemplates();

/// The name of a template in menus, from the catalogs (`format.<version>.template` with the
/// family's `table.<family>` and the template's title): "2021年格式 表三 收到和处理政府信息公开申请情况"
/// (zh-CN) or "2021 form, table 3: Applications received and handled" (en-US).
std::string templateDisplayName(const TemplateDef& t, const std::string& lang);

/// The template whose display name, in any catalog's language, or id is `text`; null for none.
const TemplateDef* findTemplateByName(const std::string& text);

/// The blank table for a template id (exact labels and merges, value cells empty), or an
/// empty table when the id is unknown.
Table generateTable(const std::string& templateId);
/// The same, with values filled in from `values` (key -> text).
Table generateTable(const std::string& templateId, const std::map<std::string, std::string>& values);

/// True when the text is a label that spans a whole row of some template (the
/// "第二十条第（一）项" captions inside table two). Hosts that cut a sheet into tables at
/// full-width rows keep such rows inside the table. Derived from the template data.
bool isFullWidthTemplateLabel(std::string_view text);

/// The skeleton of the report format formats.json names (`skeleton`: the 2021 report).
std::vector<SkeletonItem> reportSkeleton2021();

} // namespace ogi

namespace ogi {

/// Cells that are totals of other cells, as the HARD sum rules declare them (N-2, N-3,
/// L-1…L-3, B-1…B-7): total key -> addend keys. Used to put live formulas into inserted
/// Calc templates. Ordered so that a total's addends that are totals themselves come first.
std::vector<std::pair<std::string, std::vector<std::string>>> totalDefinitions(const std::string& templateId);

} // namespace ogi
