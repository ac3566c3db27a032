#include "Strings.hxx"

#include "OgiNames.hxx"
#include "UnoUtil.hxx"

#include <com/sun/star/deployment/PackageInformationProvider.hpp>
#include <com/sun/star/deployment/XPackageInformationProvider.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/resource/StringResourceWithLocation.hpp>
#include <com/sun/star/resource/XStringResourceResolver.hpp>
#include <com/sun/star/resource/XStringResourceWithLocation.hpp>
#include <com/sun/star/task/XInteractionHandler.hpp>

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/uno/Sequence.hxx>

#include <cstdlib>
#include <cstdio>
#include <map>
#include <mutex>

using namespace css;
using rtl::OUString;

namespace ogiuno {

namespace {

const struct {
    Str id;
    const char* key;
} kKeys[] = {
#define OGI_KEY(name) {Str::name, #name}
    OGI_KEY(SeverityError), OGI_KEY(SeverityWarning), OGI_KEY(SeverityInfo), OGI_KEY(SummaryCounts),
    OGI_KEY(SummaryTables), OGI_KEY(SummaryAllFine), OGI_KEY(SummaryNoTables), OGI_KEY(SummaryReadOnly),
    OGI_KEY(SummaryMarked), OGI_KEY(Cleared), OGI_KEY(NothingChecked), OGI_KEY(NotImplemented),
    OGI_KEY(UnknownCommand), OGI_KEY(UnknownTemplate), OGI_KEY(NotADocument), OGI_KEY(ButtonDetails),
    OGI_KEY(Failed), OGI_KEY(InsertedTemplate), OGI_KEY(InsertedSkeleton), OGI_KEY(IssuesTitle),
    OGI_KEY(IssuesNone), OGI_KEY(IssuesRecheck), OGI_KEY(IssuesClose), OGI_KEY(IssuesHint),
    OGI_KEY(IssuesIgnore), OGI_KEY(SummaryIgnored), OGI_KEY(IssuesResetIgnored), OGI_KEY(IssuesCannotIgnore),
    OGI_KEY(SaveProblems), OGI_KEY(ButtonMarkAndShow), OGI_KEY(ButtonIgnore), OGI_KEY(OptSaveGroup),
    OGI_KEY(OptCheckOnSave), OGI_KEY(OptMarkOnSave), OGI_KEY(OptMarkGroup), OGI_KEY(OptMarkError),
    OGI_KEY(OptMarkWarning), OGI_KEY(OptMarkInfo), OGI_KEY(OptColor), OGI_KEY(OptHint),
    OGI_KEY(OptRulesGroup), OGI_KEY(OptDisabledRules), OGI_KEY(CountError), OGI_KEY(CountWarning),
    OGI_KEY(CountInfo), OGI_KEY(CountSeparator), OGI_KEY(TableSeparator), OGI_KEY(MoreTables),
    OGI_KEY(ProductName), OGI_KEY(DetailTable), OGI_KEY(DetailCell), OGI_KEY(DetailExpectedActual),
    OGI_KEY(SummaryPrevious), OGI_KEY(SummaryPreviousStored),
    OGI_KEY(SummaryPreviousAsk), OGI_KEY(ChoosePreviousTitle), OGI_KEY(ChosenPrevious),
    OGI_KEY(ChoosePreviousFailed), OGI_KEY(ButtonChoosePrevious),
#undef OGI_KEY
};

// The office's context (the first one uiLanguage() sees) and one string resource per language.
// Never destroyed: UNO references must not be released by static destructors at library unload.
std::mutex g_mutex;
uno::Reference<uno::XComponentContext>* g_ctx = nullptr;
std::map<std::string, uno::Reference<resource::XStringResourceResolver>>* g_resources = nullptr;
bool g_loggedFailure = false;

uno::Reference<resource::XStringResourceResolver> resourcesFor(const std::string& lang)
{
    std::lock_guard<std::mutex> lock(g_mutex);
    if (!g_resources)
        g_resources = new std::map<std::string, uno::Reference<resource::XStringResourceResolver>>;
    auto it = g_resources->find(lang);
    if (it != g_resources->end())
        return it->second;
    uno::Reference<resource::XStringResourceResolver> res;
    try {
        if (!g_ctx || !g_ctx->is())
            throw uno::RuntimeException("no component context yet");
        const uno::Reference<uno::XComponentContext>& ctx = *g_ctx;
        const OUString folder =
            deployment::PackageInformationProvider::get(ctx)->getPackageLocation(OGI_EXTENSION_ID) + "/resources/";
        lang::Locale locale;
        locale.Language = lang == "zh-CN" ? OUString("zh") : OUString("en");
        locale.Country = lang == "zh-CN" ? OUString("CN") : OUString("US");
        // The service wants a handler argument of the handler's type; an empty one is accepted.
        res.set(resource::StringResourceWithLocation::create(ctx, folder, true, locale, "strings", OUString(),
                                                             uno::Reference<task::XInteractionHandler>()),
                uno::UNO_QUERY_THROW);
    } catch (const uno::Exception& e) {
        if (!g_loggedFailure)
            logLine("cannot read the UI strings: " + toStd(e.Message));
        g_loggedFailure = true;
        return res; // not cached: a later call (with a context) may succeed
    }
    (*g_resources)[lang] = res;
    return res;
}

OUString resolve(const std::string& key, const std::string& lang, bool* found = nullptr)
{
    if (found)
        *found = false;
    const uno::Reference<resource::XStringResourceResolver> res = resourcesFor(lang);
    const OUString ouKey = OUString::createFromAscii(key.c_str());
    if (!res.is())
        return ouKey;
    try {
        if (!res->hasEntryForId(ouKey))
            return ouKey;
        if (found)
            *found = true;
        return res->resolveString(ouKey);
    } catch (const uno::Exception&) {
        return ouKey;
    }
}

std::string readConfiguredLocale(const uno::Reference<uno::XComponentContext>& ctx)
{
    try {
        uno::Reference<lang::XMultiServiceFactory> provider(
            ctx->getServiceManager()->createInstanceWithContext(
                "com.sun.star.configuration.ConfigurationProvider", ctx),
            uno::UNO_QUERY_THROW);
        beans::NamedValue path;
        path.Name = "nodepath";
        path.Value <<= OUString("/org.openoffice.Setup/L10N");
        uno::Sequence<uno::Any> args(1);
        args[0] <<= path;
        uno::Reference<container::XNameAccess> access(
            provider->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess",
                                                  args),
            uno::UNO_QUERY_THROW);
        OUString locale;
        access->getByName("ooLocale") >>= locale;
        return toStd(locale);
    } catch (...) {
        return {};
    }
}

} // namespace

void logLine(const std::string& text)
{
    std::fprintf(stderr, "[ogi-report-checker] %s\n", text.c_str());
    std::fflush(stderr);
}

std::string uiLanguage(const uno::Reference<uno::XComponentContext>& ctx)
{
    std::string locale;
    if (const char* env = std::getenv("OGI_UI_LANG"))
        locale = env;
    if (ctx.is()) {
        std::lock_guard<std::mutex> lock(g_mutex);
        if (!g_ctx)
            g_ctx = new uno::Reference<uno::XComponentContext>(ctx);
    }
    if (locale.empty())
        locale = readConfiguredLocale(ctx);
    return locale.rfind("zh", 0) == 0 ? "zh-CN" : "en-US";
}

const char* stringKey(Str id)
{
    for (const auto& k : kKeys)
        if (k.id == id)
            return k.key;
    return "";
}

OUString tr(Str id, const std::string& lang)
{
    return resolve(stringKey(id), lang);
}

OUString trKey(const char* key, const std::string& lang)
{
    return resolve(key, lang);
}

std::string officeLanguage()
{
    uno::Reference<uno::XComponentContext> ctx;
    {
        std::lock_guard<std::mutex> lock(g_mutex);
        if (g_ctx)
            ctx = *g_ctx;
    }
    if (!ctx.is() && !std::getenv("OGI_UI_LANG"))
        return "zh-CN";
    return uiLanguage(ctx);
}

OUString productName()
{
    return tr(Str::ProductName, officeLanguage());
}

OUString trCount(Str id, long long n, const std::string& lang)
{
    return trCountKey(stringKey(id), n, lang);
}

OUString trCountKey(const char* key, long long n, const std::string& lang)
{
    // CLDR plural categories of our two languages: English one/other, Chinese other only.
    const std::string base = key;
    bool found = false;
    OUString text;
    if (n == 1 && lang != "zh-CN")
        text = resolve(base + ".one", lang, &found);
    if (!found)
        text = resolve(base + ".other", lang);
    return fill(text, "N", OUString::number(static_cast<sal_Int64>(n)));
}

OUString countsText(int errors, int warnings, int infos, const std::string& lang)
{
    OUString text;
    const std::pair<Str, int> parts[] = {{Str::CountError, errors}, {Str::CountWarning, warnings}, {Str::CountInfo, infos}};
    for (const auto& [id, n] : parts) {
        if (n == 0)
            continue;
        if (!text.isEmpty())
            text += tr(Str::CountSeparator, lang);
        text += trCount(id, n, lang);
    }
    return text;
}

const std::string& localizedData(const std::string& zh, const std::string& en, const std::string& lang)
{
    return lang == "zh-CN" || en.empty() ? zh : en;
}

OUString fill(OUString text, const char* name, const OUString& value)
{
    OUString token = "%" + OUString::createFromAscii(name) + "%";
    sal_Int32 from = 0;
    for (;;) {
        sal_Int32 pos = text.indexOf(token, from);
        if (pos < 0)
            return text;
        text = text.replaceAt(pos, token.getLength(), value);
        from = pos + value.getLength();
    }
}

} // namespace ogiuno
