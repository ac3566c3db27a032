// The data files are validated when they are loaded (issue 9.10): the whole embedded catalog
// loads, and each kind of mistake in a rules or template file is a configuration error that
// names the file and the rule (or template) instead of a silently dropped finding.
#include "Rules.h"
#include "rules/Kind.h"

#include "ogi/Checker.h"
#include "ogi/Message.h"
#include "ogi/Templates.h"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ogi::data {
const std::vector<std::pair<std::string_view, std::string_view>>& ruleFiles();
const std::vector<std::pair<std::string_view, std::string_view>>& templateFiles();
const std::vector<std::pair<std::string_view, std::string_view>>& formatFiles();
const std::vector<std::pair<std::string_view, std::string_view>>& messageFiles();
} // namespace ogi::data

using namespace ogi;

namespace {

/// The configuration error a rules file gives ("" when it loads).
std::string rulesError(const std::string& json)
{
    try {
        parseRules("bad-rules.json", json);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

/// One declaration with `patch` spliced in front of its default fields.
std::string oneRule(const std::string& patch)
{
    return R"({"rules": [{)" + patch + R"("title": {"zh-CN": "t", "en-US": "t"}}]})";
}

const std::string kGood = R"("id": "N-2", "severity": "error", "templates": ["*-t3"], "kind": "eq",
    "lhs": ["R3_7.NP"], "rhs": ["R3_1.NP", "R3_2.NP"],
    "message": {"zh-CN": "“{target}”应为 {expected}，实为 {actual}", "en-US": "{target}: {expected}, not {actual}"},)";

std::string templateError(const std::string& json)
{
    try {
        parseTemplate("bad-template.json", json);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

const std::string kTemplate = R"({"id": "x-t4", "version": "2021", "family": "t4", "layout": "matrix",
  "title": {"zh-CN": "表", "en-US": "T"}, "rows": [[{"t": "行政复议"}], [{"k": "RV_TOT"}]]})";

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

} // namespace

TEST(Catalog, EveryEmbeddedRulesFileValidates)
{
    ASSERT_FALSE(data::ruleFiles().empty());
    size_t n = 0;
    for (const auto& [name, text] : data::ruleFiles()) {
        SCOPED_TRACE(std::string(name));
        std::vector<RuleDecl> rules;
        EXPECT_NO_THROW(rules = parseRules(name, text));
        n += rules.size();
    }
    EXPECT_EQ(n, ruleCatalog().size());
    EXPECT_GT(n, 50u);
}

TEST(Catalog, EveryEmbeddedTemplateFileValidates)
{
    ASSERT_EQ(data::templateFiles().size(), templates().size());
    for (const auto& [name, text] : data::templateFiles()) {
        SCOPED_TRACE(std::string(name));
        EXPECT_NO_THROW(parseTemplate(name, text));
    }
}

TEST(Catalog, AGoodSnippetLoads)
{
    EXPECT_EQ(rulesError(oneRule(kGood)), "");
    EXPECT_EQ(templateError(kTemplate), "");
}

TEST(Catalog, EachMistakeInARulesFileIsAnErrorNamingTheRule)
{
    struct Case {
        std::string from, to, says;
    };
    const std::vector<Case> cases = {
        {R"("R3_2.NP")", R"("R3_2.PN")", "unknown operand key \"R3_2.PN\""},      // misspelt operand key
        {R"("kind": "eq")", R"("kind": "equal")", "unknown kind \"equal\""},
        {R"(["*-t3"])", R"(["2022-t3"])", "unknown template \"2022-t3\""},
        {R"(实为 {actual})", R"(实为 {actuall})", "unknown placeholder {actuall} in the zh-CN message"},
        {R"("lhs")", R"("lsh")", "unknown field \"lsh\""},                        // misspelt field
        {R"("en-US": "{target})", R"("fr-FR": "x", "en-US": "{target})", "message for unknown language \"fr-FR\""},
        {R"("severity": "error")", R"("severity": "fatal")", "bad severity"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.to);
        std::string rule = kGood;
        ASSERT_NE(rule.find(c.from), std::string::npos);
        rule.replace(rule.find(c.from), c.from.size(), c.to);
        const std::string error = rulesError(oneRule(rule));
        EXPECT_TRUE(has(error, c.says)) << error;
        EXPECT_TRUE(has(error, "bad-rules.json")) << error;
        EXPECT_TRUE(has(error, "N-2")) << error;
    }
    // `each` expands into keys that must exist too; a key of another version is fine
    EXPECT_EQ(rulesError(oneRule(R"("each": {"c": ["NP", "BIZ"]}, )" + std::string(kGood).replace(
                                     kGood.find(R"(["R3_7.NP"])"), 11, R"(["R3_7.{c}"])"))),
              "");
    EXPECT_EQ(rulesError(oneRule(std::string(kGood).replace(kGood.find(R"("R3_2.NP")"), 9, R"("R3_6.NP")"))), "");
    const std::string each = rulesError(oneRule(R"("each": {"c": ["NP", "BZ"]}, )" + std::string(kGood).replace(
                                                    kGood.find(R"(["R3_7.NP"])"), 11, R"(["R3_7.{c}"])")));
    EXPECT_TRUE(has(each, "unknown operand key \"R3_7.BZ\"")) << each;
    // a message in one language only, an unknown variant
    const std::string oneLanguage = rulesError(oneRule(R"("id": "N-2", "severity": "error", "templates": ["*-t3"],
        "kind": "eq", "lhs": ["R3_7.NP"], "rhs": ["R3_1.NP"], "message": {"zh-CN": "“{target}”应为 {expected}"},)"));
    EXPECT_TRUE(has(oneLanguage, "no en-US message")) << oneLanguage;
    const std::string variant =
        rulesError(oneRule(std::string(kGood).replace(kGood.find(R"("en-US")"), 7, R"("x.en-US": "a", "en-US")")));
    EXPECT_TRUE(has(variant, "unknown message variant \"x.en-US\"")) << variant;
    // not JSON, no rules array
    EXPECT_TRUE(has(rulesError("{\"rules\": [}"), "bad-rules.json: not JSON"));
    EXPECT_TRUE(has(rulesError("{}"), "no \"rules\" array"));
}

TEST(Catalog, EachMistakeInATemplateFileIsAnError)
{
    struct Case {
        std::string from, to, says;
    };
    const std::vector<Case> cases = {
        {R"("layout": "matrix")", R"("layuot": "matrix")", "unknown field \"layuot\""},
        {R"("layout": "matrix")", R"("layout": "grid")", "unknown layout \"grid\""},
        {R"({"k": "RV_TOT"})", R"({"k": "RV_TOT", "typ": "int"})", "row 2: unknown field \"typ\""},
        {R"({"k": "RV_TOT"})", R"({"k": "RV_TOT", "type": "integer"})", "unknown value type 'integer'"},
        {R"({"k": "RV_TOT"})", R"({"k": "RV_TOT"}, {"k": "RV_TOT"})", "duplicate key RV_TOT"},
        {R"("family": "t4", )", "", "needs a version and a family"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.to);
        std::string t = kTemplate;
        ASSERT_NE(t.find(c.from), std::string::npos);
        t.replace(t.find(c.from), c.from.size(), c.to);
        const std::string error = templateError(t);
        EXPECT_TRUE(has(error, c.says)) << error;
        EXPECT_TRUE(has(error, "bad-template.json")) << error;
    }
    EXPECT_TRUE(has(templateError("[1, 2]"), "not a template object"));
    EXPECT_TRUE(has(templateError("{"), "not JSON"));
}

TEST(Catalog, EachKindValidatesItsOwnSettingsNamingTheRule)
{
    // a declaration of `kind` with `settings`, on table three, with a message of its placeholders
    auto decl = [](const std::string& id, const std::string& kind, const std::string& settings) {
        return R"({"rules": [{"id": ")" + id + R"(", "severity": "error", "templates": ["*-t3"], "kind": ")" + kind +
               R"(", )" + settings + R"("title": {"zh-CN": "t", "en-US": "t"},
               "message": {"zh-CN": "m", "en-US": "m"}}]})";
    };
    struct Case {
        std::string id, kind, settings, says;
    };
    const std::vector<Case> cases = {
        {"N-90", "eq", R"("rhs": ["R3_1.NP"], )", "kind eq needs lhs"},
        {"N-91", "eq", R"("lhs": "R3_7.NP", "rhs": ["R3_1.NP"], )", "\"lhs\" is not a list of strings"},
        {"N-92", "eq", R"("lhs": ["R3_7.NP"], "rhs": ["R3_1.NP"], "pattern": "x", )",
         "field \"pattern\" does not apply to kind eq"},
        {"N-93", "maxle", R"("parts": ["R3_1.NP"], )", "kind maxle needs a total and parts"},
        {"N-94", "type", R"("valueTypes": ["integer"], )", "unknown value type \"integer\""},
        {"X-90", "textcount", R"("pattern": "共{N}件", )", "kind textcount needs targets"},
        {"X-91", "textcount", R"("pattern": "共({N}件", "targets": [["R3_1.NP"]], )", "bad pattern"},
        {"X-92", "textzero", R"("pattern": "未收到", )", "kind textzero needs either a target or targets"},
        {"X-93", "textcount", R"("pattern": "共{N}件", "targets": [[]], )", "an empty target set"},
        {"S-90", "sections", R"("sections": [{"n": "一", "titel": "总体情况"}], )", "unknown field \"titel\""},
        {"S-91", "sections", R"("sections": [{"n": "一"}], )", "needs a numeral (n) and a title"},
        {"S-92", "tables", R"("families": ["t9"], )", "unknown template family \"t9\""},
        {"S-93", "sectiontext", R"("pattern": "x", )", "kind sectiontext needs a section"},
        {"Y-90", "yeareq", R"("lhs": ["R3_7.NP"], )", "kind yeareq needs lhs and rhs"},
        {"Y-91", "yearrectified", R"("section": "问题", "pattern": "[", )", "bad pattern"},
        {"R-90", "blank", R"("lhs": ["R3_7.NP"], )", "field \"lhs\" does not apply to kind blank"},
        {"R-91", "resembled", "", "unknown kind \"resembled\""},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.id + " " + c.kind);
        const std::string error = rulesError(decl(c.id, c.kind, c.settings));
        EXPECT_TRUE(has(error, c.says)) << error;
        EXPECT_TRUE(has(error, "bad-rules.json")) << error;
        EXPECT_TRUE(has(error, "rule " + c.id)) << error;
    }
    // the same declarations with good settings load: the failures above are the settings' own
    EXPECT_EQ(rulesError(decl("N-90", "eq", R"("lhs": ["R3_7.NP"], "rhs": ["R3_1.NP"], )")), "");
    EXPECT_EQ(rulesError(decl("X-90", "textcount", R"("pattern": "共{N}件", "targets": [["R3_1.NP"]], )")), "");
    EXPECT_EQ(rulesError(decl("S-91", "sections", R"("sections": [{"n": "一", "title": "总体情况"}], )")), "");
    EXPECT_EQ(rulesError(decl("Y-90", "yeareq", R"("lhs": ["R3_7.NP"], "rhs": ["prev:R3_7.NP"], )")), "");
}

TEST(Catalog, EveryKindOfTheRulesFileIsRegisteredAndEveryRegisteredKindIsUsed)
{
    std::set<std::string> used;
    for (const RuleDecl& r : ruleCatalog()) {
        ASSERT_NE(r.impl, nullptr) << r.id;
        EXPECT_EQ(rules::kindRegistry().find(r.kind), r.impl) << r.id;
        used.insert(r.kind);
    }
    std::set<std::string> registered;
    for (const auto& [name, kind] : rules::kindRegistry().all())
        registered.insert(name);
    EXPECT_EQ(used, registered);
    EXPECT_EQ(rules::kindRegistry().find("equal"), nullptr);
}

// ---------------------------------------------------------------------------------------
// Formats as data (issue 10.4): data/formats.json and the template fields that refer to it.

namespace {

/// A small formats file: two formats, three families, a skeleton, a menu.
const std::string kFormats = R"({"families": ["t3", "t4", "old"],
  "formats": [{"id": "2021", "from": 2021, "tables": {"t3": "a-t3", "t4": "a-t4"},
               "skeleton": [{"h1": "三、收到和处理政府信息公开申请情况"}, {"table": "a-t3"}, {"p": "【…】"}]},
              {"id": "2014", "from": 2014, "tables": {"old": "b-old"}}],
  "skeleton": "2021",
  "menu": [["a-t3", "a-t4"], ["b-old"]]})";

std::string formatsError(const std::string& json)
{
    try {
        parseFormats("bad-formats.json", json);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

/// A template file of `id`, `version` and `family` (one label, one value).
std::string templateText(const std::string& id, const std::string& version, const std::string& family)
{
    return R"({"id": ")" + id + R"(", "version": ")" + version + R"(", "family": ")" + family +
           R"(", "title": {"zh-CN": "表", "en-US": "T"}, "rows": [[{"t": "行政复议"}], [{"k": "RV_TOT"}]]})";
}

/// The error of parsing the three templates of kFormats (with `change` applied to the formats
/// text, and `extra` added to the files); "" when they load.
std::string templatesError(const std::string& formatsText,
                           std::vector<std::pair<std::string, std::string>> extra = {})
{
    std::vector<std::pair<std::string, std::string>> files = {
        {"a-t3.json", templateText("a-t3", "2021", "t3")},
        {"a-t4.json", templateText("a-t4", "2021", "t4")},
        {"b-old.json", templateText("b-old", "2014", "old")}};
    files.insert(files.end(), extra.begin(), extra.end());
    std::vector<std::pair<std::string_view, std::string_view>> views(files.begin(), files.end());
    try {
        parseTemplates(views, parseFormats("small-formats.json", formatsText), "small-formats.json");
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

std::string replaced(std::string text, const std::string& from, const std::string& to)
{
    const size_t at = text.find(from);
    if (at == std::string::npos)
        ADD_FAILURE() << "no " << from;
    else
        text.replace(at, from.size(), to);
    return text;
}

} // namespace

TEST(Catalog, TheEmbeddedFormatsFileValidatesAgainstTheTemplates)
{
    ASSERT_EQ(data::formatFiles().size(), 1u);
    const auto& [name, text] = data::formatFiles().front();
    EXPECT_EQ(name, "formats.json");
    Formats f;
    ASSERT_NO_THROW(f = parseFormats(name, text));
    EXPECT_EQ(f.families, (std::vector<std::string>{"t2", "t3", "t4", "old"}));
    EXPECT_NO_THROW(parseTemplates(data::templateFiles(), f, name));
    EXPECT_EQ(formats().formats.size(), 3u);
    // every template's format and family is declared (parseTemplate checks it; here: the names)
    for (const TemplateDef& t : templates()) {
        EXPECT_NE(formats().find(t.version), nullptr) << t.id;
        EXPECT_TRUE(formats().hasFamily(t.family)) << t.id;
    }
    EXPECT_EQ(templatesError(kFormats), "");
}

TEST(Catalog, EachMistakeInTheFormatsFileIsAnErrorNamingTheFile)
{
    struct Case {
        std::string from, to, says;
    };
    const std::vector<Case> cases = {
        {R"("skeleton": "2021")", R"("skeletn": "2021")", "unknown field \"skeletn\""},
        {R"("from": 2014)", R"("from": 2014, "form": 1)", "format 2014: unknown field \"form\""},
        {R"({"id": "2014")", R"({"id": "2021")", "duplicate format \"2021\""},
        {R"(["t3", "t4", "old"])", R"(["t3", "t4", "t3", "old"])", "duplicate family \"t3\""},
        {R"({"old": "b-old"})", R"({"t9": "b-old"})", "format 2014: unknown family \"t9\""},
        {R"("from": 2014)", R"("from": "2014")", "\"from\" must be the first report year"},
        {R"({"p": "【…】"})", R"({"para": "【…】"})", "unknown skeleton item \"para\""},
        {R"("skeleton": "2021")", R"("skeleton": "2030")", "\"skeleton\" names unknown format \"2030\""},
        {R"(["b-old"]])", R"(["b-old", "a-t3"]])", "template \"a-t3\" twice in the menu"},
        {R"("menu")", R"("manu")", "unknown field \"manu\""},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.to);
        const std::string error = formatsError(replaced(kFormats, c.from, c.to));
        EXPECT_TRUE(has(error, c.says)) << error;
        EXPECT_TRUE(has(error, "bad-formats.json")) << error;
    }
    EXPECT_TRUE(has(formatsError("{"), "bad-formats.json: not JSON"));
    EXPECT_EQ(formatsError(kFormats), "");
}

TEST(Catalog, TemplatesAreCheckedAgainstTheFormats)
{
    // a template of an unknown format or family, a duplicate id: errors naming the template's file
    const std::string format = templatesError(kFormats, {{"c-t3.json", templateText("c-t3", "2030", "t3")}});
    EXPECT_TRUE(has(format, "c-t3.json")) << format;
    EXPECT_TRUE(has(format, "unknown format (version) \"2030\"")) << format;
    const std::string family = templatesError(kFormats, {{"c-t9.json", templateText("c-t9", "2021", "t9")}});
    EXPECT_TRUE(has(family, "c-t9.json")) << family;
    EXPECT_TRUE(has(family, "unknown family \"t9\"")) << family;
    const std::string twice = templatesError(kFormats, {{"copy.json", templateText("a-t3", "2021", "t3")}});
    EXPECT_TRUE(has(twice, "copy.json: duplicate template id \"a-t3\" (also in a-t3.json)")) << twice;
    // the built-in formats for a single template file (2021-t9 has no family t9)
    EXPECT_TRUE(has(templateError(replaced(kTemplate, R"("family": "t4")", R"("family": "t9")")),
                    "unknown family \"t9\""));
    // template ids the formats file names: errors naming the formats file
    struct Case {
        std::string from, to, says;
    };
    const std::vector<Case> cases = {
        {R"("t3": "a-t3", )", R"("t3": "x-t3", )", "format 2021 table t3 names unknown template \"x-t3\""},
        {R"("t3": "a-t3", )", R"("t3": "a-t4", )", "format 2021 table t3 is template a-t4, which declares 2021/t4"},
        {R"({"table": "a-t3"})", R"({"table": "b-old"})", "the skeleton of format 2021 inserts template b-old"},
        {R"(["b-old"]])", R"(["b-old", "b-old0"]])", "the menu names unknown template \"b-old0\""},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.to);
        const std::string error = templatesError(replaced(kFormats, c.from, c.to));
        EXPECT_TRUE(has(error, c.says)) << error;
        EXPECT_TRUE(has(error, "small-formats.json")) << error;
    }
}

TEST(Catalog, RulesSelectTablesByFormatAndFamily)
{
    // kGood on "tables" instead of an id pattern
    const std::string good = replaced(kGood, R"("templates": ["*-t3"])", R"("tables": ["*/t3"])");
    EXPECT_EQ(rulesError(oneRule(good)), "");
    EXPECT_EQ(rulesError(oneRule(replaced(good, R"(["*/t3"])", R"(["2021/t3", "2019/t3"])"))), "");
    struct Case {
        std::string to, says;
    };
    const std::vector<Case> cases = {
        {R"(["2030/t3"])", "unknown format \"2030\" in table selector \"2030/t3\""},
        {R"(["*/t9"])", "unknown family \"t9\" in table selector \"*/t9\""},
        {R"(["2021-t3"])", "table selector \"2021-t3\" is not format/family"},
        {R"(["2021/t3/js"])", "table selector \"2021/t3/js\" is not format/family"},
        {R"(["2014/t3"])", "no template is a table \"2014/t3\""},          // both known, no such table
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.to);
        const std::string error = rulesError(oneRule(replaced(good, R"(["*/t3"])", c.to)));
        EXPECT_TRUE(has(error, c.says)) << error;
        EXPECT_TRUE(has(error, "bad-rules.json")) << error;
        EXPECT_TRUE(has(error, "rule N-2")) << error;
    }
    // a rule on no table at all
    const std::string none = rulesError(oneRule(replaced(good, R"("tables": ["*/t3"], )", "")));
    EXPECT_TRUE(has(none, "no tables")) << none;
    // the embedded rules select by format and family only: no id glob that a variant would miss
    for (const RuleDecl& r : ruleCatalog())
        EXPECT_TRUE(r.templates.empty()) << r.id;
}

TEST(Catalog, TheCatalogsNameEveryFormatFamilyAndMenuEntry)
{
    // the formats file decides which format.*, table.* and menu.* messages a catalog must have
    const MessageSchema& schema = messageSchema();
    for (const FormatDef& f : formats().formats) {
        EXPECT_TRUE(schema.count("format." + f.id)) << f.id;
        EXPECT_TRUE(schema.count("format." + f.id + ".template")) << f.id;
    }
    for (const std::string& family : formats().families)
        EXPECT_TRUE(schema.count("table." + family)) << family;
    for (const TemplateDef* t : insertableTemplates())
        EXPECT_TRUE(schema.count("menu." + t->id)) << t->id;
    ASSERT_FALSE(data::messageFiles().empty());
    for (const auto& [name, text] : data::messageFiles()) {
        SCOPED_TRACE(std::string(name));
        const std::string catalog(text);
        for (const std::string& id : {std::string("table.t3"), std::string("format.2019.template"),
                                      std::string("menu.old-b0")}) {
            // the line of `id` left out: the catalog does not load, naming the file and the id
            const size_t at = catalog.find("\"" + id + "\"");
            ASSERT_NE(at, std::string::npos) << id;
            const size_t end = catalog.find('\n', at);
            std::string without = catalog;
            without.erase(at, end - at + 1);
            std::string error;
            try {
                parseMessageCatalog(name, without, schema);
            } catch (const std::runtime_error& e) {
                error = e.what();
            }
            EXPECT_TRUE(has(error, std::string(name) + ": no message \"" + id + "\"")) << error;
        }
        // a placeholder the template name may not use
        const size_t at = catalog.find("\"format.2021.template\"");
        ASSERT_NE(at, std::string::npos);
        std::string bad = catalog;
        bad.insert(catalog.find("{title}", at), "{tilte}");
        std::string error;
        try {
            parseMessageCatalog(name, bad, schema);
        } catch (const std::runtime_error& e) {
            error = e.what();
        }
        EXPECT_TRUE(has(error, "unknown placeholder {tilte}")) << error;
    }
}
