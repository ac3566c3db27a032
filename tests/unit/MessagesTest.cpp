// Message catalogs (issue 10.3): the embedded catalogs load and cover every message the engine
// emits; a catalog with a misspelt key, an unknown message id, an unknown placeholder, a
// numbered argument, a bad pattern or a missing message fails loading; rendering uses ICU
// MessageFormat with named arguments and plurals, on demand, in any language with a catalog.
#include "ogi/Diagnostic.h"
#include "ogi/Message.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>

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
