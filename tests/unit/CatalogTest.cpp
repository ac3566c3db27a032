// The data files are validated when they are loaded (issue 9.10): the whole embedded catalog
// loads, and each kind of mistake in a rules or template file is a configuration error that
// names the file and the rule (or template) instead of a silently dropped finding.
#include "Rules.h"
#include "rules/Kind.h"

#include "ogi/Checker.h"
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
