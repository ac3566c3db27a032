#include "RuleHelpPage.hxx"

#include "OgiNames.hxx"
#include "Strings.hxx"
#include "UnoUtil.hxx"

#include <ogi/RuleHelp.h>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/deployment/PackageInformationProvider.hpp>
#include <com/sun/star/deployment/XPackageInformationProvider.hpp>
#include <com/sun/star/graphic/GraphicProvider.hpp>
#include <com/sun/star/graphic/XGraphicProvider.hpp>
#include <com/sun/star/system/SystemShellExecute.hpp>
#include <com/sun/star/system/SystemShellExecuteFlags.hpp>
#include <com/sun/star/system/XSystemShellExecute.hpp>

using namespace css;
using rtl::OUString;

namespace ogiuno {

namespace {

OUString packageRoot(const uno::Reference<uno::XComponentContext>& ctx)
{
    return deployment::PackageInformationProvider::get(ctx)->getPackageLocation(OGI_EXTENSION_ID);
}

const char* severityFile(ogi::Severity s)
{
    switch (s) {
    case ogi::Severity::Error: return "/icons/severity_error_16.png";
    case ogi::Severity::Warning: return "/icons/severity_warning_16.png";
    case ogi::Severity::Info: return "/icons/severity_info_16.png";
    }
    return "/icons/severity_info_16.png";
}

} // namespace

OUString helpPageUrl(const uno::Reference<uno::XComponentContext>& ctx, const std::string& lang,
                     const std::string& ruleId)
{
    OUString url = packageRoot(ctx) + "/help/" + toOU(ogi::ruleHelpPageName(ogi::ruleHelpLanguage(lang)));
    ogi::RuleHelp help;
    if (!ruleId.empty() && ogi::ruleHelp(ruleId, lang, help))
        url += "#" + toOU(ruleId);
    return url;
}

bool openHelpPage(const uno::Reference<uno::XComponentContext>& ctx, const OUString& url)
{
    try {
        uno::Reference<system::XSystemShellExecute> shell = system::SystemShellExecute::create(ctx);
        shell->execute(url, OUString(), system::SystemShellExecuteFlags::URIS_ONLY);
        return true;
    } catch (const uno::Exception& e) {
        logLine("help page not opened (" + toStd(url) + "): " + toStd(e.Message));
        return false;
    }
}

OUString severityIconUrl(const uno::Reference<uno::XComponentContext>& ctx, ogi::Severity s)
{
    return packageRoot(ctx) + OUString::createFromAscii(severityFile(s));
}

uno::Reference<graphic::XGraphic> severityIcon(const uno::Reference<uno::XComponentContext>& ctx, ogi::Severity s)
{
    try {
        uno::Reference<graphic::XGraphicProvider> provider = graphic::GraphicProvider::create(ctx);
        uno::Sequence<beans::PropertyValue> args(1);
        args[0].Name = "URL";
        args[0].Value <<= severityIconUrl(ctx, s);
        return provider->queryGraphic(args);
    } catch (const uno::Exception& e) {
        logLine("severity icon not read: " + toStd(e.Message));
        return nullptr;
    }
}

OUString ruleHelpText(const std::string& ruleId, const std::string& lang)
{
    ogi::RuleHelp h;
    if (ruleId.empty() || !ogi::ruleHelp(ruleId, lang, h))
        return OUString();
    OUString text = fill(fill(trKey("SidebarHelpTitle", lang), "RULE", toOU(h.id)), "TITLE", toOU(h.title));
    text += "\n" + fill(trKey("SidebarHelpWhat", lang), "TEXT", toOU(h.what));
    text += "\n" + fill(trKey("SidebarHelpWhy", lang), "TEXT", toOU(h.why));
    text += "\n" + fill(trKey("SidebarHelpFix", lang), "TEXT", toOU(h.fix));
    return text;
}

} // namespace ogiuno
