// Message catalogs (issue 10.3): the embedded catalogs load and cover every message the engine
// emits; a catalog with a misspelt key, an unknown message id, an unknown placeholder, a
// numbered argument, a bad pattern or a missing message fails loading; rendering uses ICU
// MessageFormat with named arguments and plurals, on demand, in any language with a catalog.
#include "ogi/Checker.h"
#include "ogi/Diagnostic.h"
#include "ogi/Message.h"
#include "ogi/RuleHelp.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ogi::data {
const std::vector<std::pair<std::string_view, std::string_view>>& messageFiles();
}

using namespace ogi;

namespace {

const MessageSchema kSchema{{"greet", {{"name"}}}, {"count", {{"n"}}}, {"count.few", {{"n"}, true}}};

std::string catalogError(const std::string& json, const MessageSchema& schema = kSchema)
{
    try {
        parseMessageCatalog("xx.json", json, schema);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

const std::string kGood =
    R"({"language": "en-US", "messages": {"greet": "Hello {name}", "count": "{n, plural, one {# item} other {# items}}"}})";

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

} // namespace

TEST(MessageCatalog, GoodCatalogLoads)
{
    const MessageCatalog c = parseMessageCatalog("xx.json", kGood, kSchema);
    EXPECT_EQ(c.language, "en-US");
    EXPECT_EQ(c.patterns.size(), 2u);   // the optional count.few may be left out
    EXPECT_EQ(c.patterns.at("greet"), "Hello {name}");
}

TEST(MessageCatalog, MisspeltKeyFails)
{
    const std::string e = catalogError(R"({"language": "en-US", "mesages": {}})");
    EXPECT_TRUE(has(e, "xx.json") && has(e, "unknown field \"mesages\"")) << e;
    const std::string lang = catalogError(R"({"langauge": "en-US", "messages": {}})");
    EXPECT_TRUE(has(lang, "unknown field \"langauge\"")) << lang;
}

TEST(MessageCatalog, UnknownMessageIdFails)
{
    const std::string e = catalogError(
        R"({"language": "en-US", "messages": {"greet": "Hi {name}", "count": "{n}", "gret": "Hi"}})");
    EXPECT_TRUE(has(e, "\"gret\"") && has(e, "unknown message id")) << e;
}

TEST(MessageCatalog, UnknownPlaceholderFails)
{
    const std::string e =
        catalogError(R"({"language": "en-US", "messages": {"greet": "Hello {nmae}", "count": "{n}"}})");
    EXPECT_TRUE(has(e, "\"greet\"") && has(e, "unknown placeholder {nmae}")) << e;
    // inside a plural branch too
    const std::string nested = catalogError(
        R"({"language": "en-US", "messages": {"greet": "Hi", "count": "{n, plural, one {# of {total}} other {#}}"}})");
    EXPECT_TRUE(has(nested, "unknown placeholder {total}")) << nested;
}

TEST(MessageCatalog, NumberedArgumentBadPatternAndMissingMessageFail)
{
    EXPECT_TRUE(has(catalogError(R"({"language": "en-US", "messages": {"greet": "Hello {0}", "count": "{n}"}})"),
                    "numbered argument"));
    EXPECT_TRUE(has(catalogError(R"({"language": "en-US", "messages": {"greet": "Hello {name", "count": "{n}"}})"),
                    "not an ICU message pattern"));
    const std::string missing = catalogError(R"({"language": "en-US", "messages": {"greet": "Hello {name}"}})");
    EXPECT_TRUE(has(missing, "no message \"count\"")) << missing;
    EXPECT_TRUE(has(catalogError(R"({"messages": {}})"), "no \"language\""));
    EXPECT_TRUE(has(catalogError("[1]"), "not a JSON object"));
}

TEST(MessageCatalog, EmbeddedCatalogsCoverTheSchema)
{
    ASSERT_NO_THROW(messageCatalogs());
    const std::vector<std::string> langs = messageLanguages();
    ASSERT_GE(langs.size(), 2u);
    EXPECT_NE(std::find(langs.begin(), langs.end(), "zh-CN"), langs.end());
    EXPECT_NE(std::find(langs.begin(), langs.end(), "en-US"), langs.end());
    for (const MessageCatalog& c : messageCatalogs())
        for (const auto& [id, spec] : messageSchema())
            EXPECT_TRUE(spec.optional || c.patterns.count(id)) << c.language << " lacks " << id;
    // every rule declaration's message is in the schema, with its kind's placeholders
    EXPECT_TRUE(messageSchema().count("rule.B-1"));
    EXPECT_TRUE(messageSchema().at("rule.B-1").placeholders.count("target"));
    EXPECT_TRUE(messageSchema().at("rule.S-2.missing").optional);
}

TEST(MessageRender, NamedArgumentsAndPlurals)
{
    Report r;
    r.diagnostics.resize(1);
    r.diagnostics[0].severity = Severity::Info;
    const std::string en = r.toText("en-US");
    EXPECT_TRUE(has(en, "Total: 0 errors, 0 warnings, 1 info\n")) << en;
    r.diagnostics.resize(3);
    r.diagnostics[1].severity = Severity::Error;
    r.diagnostics[2].severity = Severity::Info;
    EXPECT_TRUE(has(r.toText("en-US"), "Total: 1 error, 0 warnings, 2 infos\n")) << r.toText("en-US");
    EXPECT_TRUE(has(r.toText("zh-CN"), "合计：1 处错误，0 处警告，2 处提示\n")) << r.toText("zh-CN");
}

TEST(MessageRender, ArgumentKindsAndFallback)
{
    const Message m = Message("check.failed").text("what", "boom");
    EXPECT_EQ(m.render("en-US"),
              "The check of this document could not complete (internal error: boom); the results are incomplete — "
              "please report the document to the developers");
    EXPECT_EQ(m.render("zh-CN"), "本文档的检查未能完成（内部错误：boom），结果不完整；请将文档报告给开发者");
    EXPECT_EQ(m.render("en-GB"), m.render("en-US"));   // same primary language
    EXPECT_EQ(m.render("fr-FR"), m.render("zh-CN"));   // no catalog: the default one
    EXPECT_EQ(Message().render("en-US"), "");
    // a nested message, a list joined by the catalog's separator, a plural on a number
    Message s = Message("suggest.reason")
                    .list("changes", {Message("suggest.change").text("cell", "C5").text("value", "27"),
                                      Message("suggest.change").text("cell", "D5").text("value", "3")})
                    .message("kind", Message())
                    .list("rules", {Message("value.text").text("text", "N-2"), Message("value.text").text("text", "N-3")})
                    .number("count", 2)
                    .message("slip", Message("suggest.slip.typical"));
    EXPECT_EQ(s.render("zh-CN"), "C5 应为 27、D5 应为 3：使 N-2、N-3 同时成立；其他单元格也能使等式成立，但只有此处符合常见笔误");
    EXPECT_EQ(s.render("en-US"), "C5 should be 27, D5 should be 3: makes N-2, N-3 hold; other cells could balance the "
                                 "totals as well, only this one is a typical slip");
    // a text the data localizes itself, and a suffix
    Message l = Message("value.text").localized("text", {{"zh-CN", "表三"}, {"en-US", "Table three"}});
    l.then(Message("value.blank"));
    EXPECT_EQ(l.render("en-US"), "Table threeblank");
    EXPECT_EQ(l.render("zh-CN"), "表三空白");
}

TEST(MessageRender, DiagnosticRendersOnDemandInEveryLanguage)
{
    Report r;
    Diagnostic d;
    d.rule = "E-1";
    d.text = Message("check.failed").text("what", "x");
    r.diagnostics.push_back(d);
    EXPECT_EQ(d.message("zh-CN"), d.text.render("zh-CN"));
    const std::string json = r.toJson("en-US");
    EXPECT_TRUE(has(json, R"("message":"The check of this document could not complete (internal error: x))")) << json;
    EXPECT_TRUE(has(json, R"("zh-CN":"本文档的检查未能完成（内部错误：x）)")) << json;
}

// A page per rule (issue 10.2): the help texts are catalog messages, required for every rule id.

namespace {

/// The embedded catalog of `lang` with `from` (a whole JSON member, e.g. `"help.B-1.fix": "…"`)
/// replaced by `to`; the error parsing it gives ("" when it loads).
std::string embeddedCatalogError(const std::string& lang, const std::string& from, const std::string& to)
{
    for (const auto& [name, text] : data::messageFiles()) {
        std::string t(text);
        if (t.find("\"language\": \"" + lang + "\"") == std::string::npos)
            continue;
        const size_t at = t.find(from);
        if (at == std::string::npos)
            return "test setup: " + from + " not in " + std::string(name);
        t.replace(at, from.size(), to);
        return catalogError(t, messageSchema());
    }
    return "test setup: no catalog " + lang;
}

/// The JSON member of a help message in the embedded catalog of `lang`, as written there.
std::string helpMember(const std::string& id, const std::string& lang)
{
    const std::string* p = messagePattern(id, lang);
    return p ? "\"" + id + "\": \"" + *p + "\"" : std::string();
}

} // namespace

TEST(RuleHelpCatalog, EveryRuleIdHasWhatWhyFixInEveryCatalog)
{
    const std::vector<std::string> ids = ruleHelpIds();
    const std::vector<std::string> all = ruleIds();
    EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()), std::set<std::string>(all.begin(), all.end()));
    EXPECT_EQ(ids.size(), all.size());
    EXPECT_EQ(ids.size(), 53u);
    for (const MessageCatalog& c : messageCatalogs())
        for (const std::string& id : ids)
            for (const char* part : {"what", "why", "fix"}) {
                const std::string key = "help." + id + "." + part;
                ASSERT_TRUE(c.patterns.count(key)) << c.language << " lacks " << key;
                EXPECT_GT(c.patterns.at(key).size(), 20u) << c.language << " " << key;
                EXPECT_TRUE(messageSchema().at(key).placeholders.empty()) << key;
                EXPECT_FALSE(messageSchema().at(key).optional) << key;
            }
}

TEST(RuleHelpCatalog, MissingMisspeltOrStrayHelpFailsLoading)
{
    const std::string fix = helpMember("help.N-1.fix", "en-US");
    ASSERT_FALSE(fix.empty());
    // left out: the member and its comma
    const std::string missing = embeddedCatalogError("en-US", fix + ",", "");
    EXPECT_TRUE(has(missing, "no message \"help.N-1.fix\"")) << missing;
    // misspelt part and misspelt rule id
    const std::string part = embeddedCatalogError("en-US", "\"help.N-1.fix\"", "\"help.N-1.fxi\"");
    EXPECT_TRUE(has(part, "\"help.N-1.fxi\"") && has(part, "unknown message id")) << part;
    const std::string rule = embeddedCatalogError("zh-CN", "\"help.N-1.fix\"", "\"help.N-01.fix\"");
    EXPECT_TRUE(has(rule, "\"help.N-01.fix\"") && has(rule, "unknown message id")) << rule;
    // a help text for no rule, and a placeholder in a help text
    const std::string stray = embeddedCatalogError("zh-CN", "\"help.N-1.fix\"", "\"help.N-99.what\": \"x\", \"help.N-1.fix\"");
    EXPECT_TRUE(has(stray, "\"help.N-99.what\"") && has(stray, "unknown message id")) << stray;
    const std::string what = helpMember("help.B-1.what", "en-US");
    const std::string placeholder =
        embeddedCatalogError("en-US", what, "\"help.B-1.what\": \"{target} must equal its channels\"");
    EXPECT_TRUE(has(placeholder, "\"help.B-1.what\"") && has(placeholder, "unknown placeholder {target}"))
        << placeholder;
    // a family without its heading
    const std::string family = helpMember("help.family.Y", "zh-CN");
    ASSERT_FALSE(family.empty());
    const std::string noFamily = embeddedCatalogError("zh-CN", family + ",", "");
    EXPECT_TRUE(has(noFamily, "no message \"help.family.Y\"")) << noFamily;
    // the unchanged catalogs load
    EXPECT_EQ(embeddedCatalogError("en-US", fix, fix), "");
    EXPECT_EQ(embeddedCatalogError("zh-CN", family, family), "");
}

TEST(RuleHelpApi, RendersARulesHelpInALanguage)
{
    RuleHelp zh, en, gb;
    ASSERT_TRUE(ruleHelp("N-1", "zh-CN", zh));
    ASSERT_TRUE(ruleHelp("N-1", "en-US", en));
    ASSERT_TRUE(ruleHelp("N-1", "en-GB", gb));
    EXPECT_EQ(zh.id, "N-1");
    EXPECT_EQ(zh.what, *messagePattern("help.N-1.what", "zh-CN"));
    EXPECT_EQ(en.fix, *messagePattern("help.N-1.fix", "en-US"));
    EXPECT_TRUE(has(zh.what, "（七）总计") && has(zh.what, "结转下年度继续办理")) << zh.what;
    EXPECT_TRUE(has(en.what, "carried forward")) << en.what;
    EXPECT_NE(zh.why, en.why);
    EXPECT_EQ(gb.what, en.what);   // same primary language
    EXPECT_EQ(zh.title, "本列勾稽关系");
    EXPECT_EQ(en.title, "Column balance");
    EXPECT_EQ(zh.severities, std::vector<Severity>{Severity::Error});
    EXPECT_EQ(zh.severity, "错误");
    EXPECT_TRUE(has(zh.appliesTo, "表三") && !has(zh.appliesTo, "表二")) << zh.appliesTo;
    // a rule of several declarations: distinct titles and severities, most severe first
    RuleHelp b12;
    ASSERT_TRUE(ruleHelp("B-12", "en-US", b12));
    EXPECT_EQ(b12.severities, (std::vector<Severity>{Severity::Warning, Severity::Info}));
    EXPECT_EQ(b12.severity, "warning / info");
    EXPECT_EQ(b12.title, "More normative documents disclosed than issued / Some issued normative documents not disclosed");
    RuleHelp local;
    ASSERT_TRUE(ruleHelp("R-4", "en-US", local));
    EXPECT_EQ(local.appliesTo, "local statistics tables");
    RuleHelp none;
    EXPECT_FALSE(ruleHelp("B-16", "zh-CN", none));   // spec: "do not check"
    EXPECT_FALSE(ruleHelp("", "zh-CN", none));
}

TEST(RuleHelpApi, IdsInFamilyAndNaturalOrder)
{
    const std::vector<std::string> ids = ruleHelpIds();
    ASSERT_FALSE(ids.empty());
    EXPECT_EQ(ids.front(), "B-1");
    auto pos = [&](const std::string& id) { return std::find(ids.begin(), ids.end(), id) - ids.begin(); };
    EXPECT_LT(pos("B-2"), pos("B-10"));
    EXPECT_LT(pos("B-17"), pos("N-1"));
    EXPECT_LT(pos("R-1"), pos("R-2"));
    EXPECT_LT(pos("S-1"), pos("S-5"));
    EXPECT_EQ(ids.back(), "Y-5");
}

TEST(RuleHelpApi, ReferencePagesHaveAnAnchorPerRule)
{
    for (const std::string& lang : messageLanguages()) {
        const std::string html = ruleReferenceHtml(lang);
        const std::string md = ruleReferenceMarkdown(lang);
        EXPECT_TRUE(has(html, "<html lang=\"" + lang + "\">")) << lang;
        for (const std::string& id : ruleHelpIds()) {
            RuleHelp h;
            ASSERT_TRUE(ruleHelp(id, lang, h));
            EXPECT_TRUE(has(html, "<section class=\"rule\" id=\"" + id + "\">")) << lang << " " << id;
            EXPECT_TRUE(has(md, "<a id=\"" + id + "\"></a>")) << lang << " " << id;
        }
        RuleHelp n3;
        ASSERT_TRUE(ruleHelp("N-3", lang, n3));
        EXPECT_TRUE(has(md, n3.why)) << lang;   // no Markdown special character in it to escape
        EXPECT_EQ(ruleHelpPageName(lang), "rules_" + lang + ".html");
        EXPECT_EQ(ruleHelpLanguage(lang), lang);
    }
    EXPECT_EQ(ruleHelpLanguage("en-GB"), "en-US");
    EXPECT_EQ(ruleHelpLanguage("fr-FR"), "zh-CN");   // the default catalog
    const std::string index = ruleReferenceIndex();
    EXPECT_TRUE(has(index, "| N-1 | error | [Column balance](rules.en-US.md#N-1) | [本列勾稽关系](rules.zh-CN.md#N-1) |"))
        << index;
}

TEST(Languages, TheUiLanguageIsTheBestMatchingCatalog)
{
    EXPECT_EQ(matchLanguage("zh-CN", "en-US"), "zh-CN");
    EXPECT_EQ(matchLanguage("zh_TW", "en-US"), "zh-CN");   // same primary language
    EXPECT_EQ(matchLanguage("zh", "en-US"), "zh-CN");
    EXPECT_EQ(matchLanguage("en-GB", "zh-CN"), "en-US");
    EXPECT_EQ(matchLanguage("en_US", "zh-CN"), "en-US");
    EXPECT_EQ(matchLanguage("de-DE", "en-US"), "en-US");   // no German catalogs: the fallback
    EXPECT_EQ(matchLanguage("", "en-US"), "en-US");
}

TEST(Languages, PluralCategoriesAreIcus)
{
    EXPECT_EQ(pluralCategory("en-US", 1), "one");
    EXPECT_EQ(pluralCategory("en-US", 0), "other");
    EXPECT_EQ(pluralCategory("en-US", 2), "other");
    EXPECT_EQ(pluralCategory("zh-CN", 1), "other");   // Chinese has one form
    EXPECT_EQ(pluralCategory("ru-RU", 3), "few");     // a language with more categories
    EXPECT_EQ(pluralCategory("ru-RU", 5), "many");
    EXPECT_EQ(pluralCategory("en-US", 1LL << 40), "other");
}
