#include "Settings.hxx"

#include "OgiNames.hxx"
#include "UnoUtil.hxx"

#include <ogi/Checker.h>

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>
#include <com/sun/star/util/XChangesListener.hpp>
#include <com/sun/star/util/XChangesNotifier.hpp>

#include <cppuhelper/implbase1.hxx>

#include <mutex>
#include <optional>

using namespace css;
using rtl::OUString;

namespace ogiuno {

namespace {

uno::Reference<uno::XInterface> openSettings(const uno::Reference<uno::XComponentContext>& ctx, bool update)
{
    uno::Reference<lang::XMultiServiceFactory> provider(
        ctx->getServiceManager()->createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx),
        uno::UNO_QUERY_THROW);
    beans::NamedValue path;
    path.Name = "nodepath";
    path.Value <<= OUString(OGI_CONFIG_PATH);
    uno::Sequence<uno::Any> args(1);
    args[0] <<= path;
    return provider->createInstanceWithArguments(update ? OUString("com.sun.star.configuration.ConfigurationUpdateAccess")
                                                        : OUString("com.sun.star.configuration.ConfigurationAccess"),
                                                 args);
}

template <typename T> void get(const uno::Reference<container::XNameAccess>& node, const char* name, T& value)
{
    const OUString key = OUString::createFromAscii(name);
    if (node->hasByName(key))
        node->getByName(key) >>= value;
}

} // namespace

sal_Int32 MarkStyle::color(ogi::Severity s) const
{
    switch (s) {
    case ogi::Severity::Error: return errorColor;
    case ogi::Severity::Warning: return warningColor;
    case ogi::Severity::Info: return infoColor;
    }
    return infoColor;
}

bool MarkStyle::marks(ogi::Severity s) const
{
    switch (s) {
    case ogi::Severity::Error: return markError;
    case ogi::Severity::Warning: return markWarning;
    case ogi::Severity::Info: return markInfo;
    }
    return true;
}

bool MarkStyle::isMarkColor(sal_Int32 c) const { return c == errorColor || c == warningColor || c == infoColor; }

OUString Settings::severitiesText() const
{
    OUString text;
    const std::pair<bool, const char*> flags[] = {
        {style.markError, "error"}, {style.markWarning, "warning"}, {style.markInfo, "info"}};
    for (const auto& f : flags) {
        if (!f.first)
            continue;
        if (!text.isEmpty())
            text += ",";
        text += OUString::createFromAscii(f.second);
    }
    return text;
}

void Settings::setSeverities(const OUString& list)
{
    style.markError = style.markWarning = style.markInfo = false;
    sal_Int32 index = 0;
    do {
        const std::string token = toStd(list.getToken(0, ',', index).trim());
        ogi::Severity s;
        if (ogi::parseSeverity(token, s)) {
            if (s == ogi::Severity::Error)
                style.markError = true;
            else if (s == ogi::Severity::Warning)
                style.markWarning = true;
            else
                style.markInfo = true;
        }
    } while (index >= 0);
}

void Settings::setDisabledRules(const OUString& list)
{
    std::vector<std::string> unknown;
    disabledRules = ogi::parseRuleList(toStd(list), &unknown);
    for (const std::string& u : unknown)
        logLine("settings: DisabledRules names no rule: " + u);   // the options page shows the kept list
}

namespace {

Settings readFrom(const uno::Reference<container::XNameAccess>& node)
{
    Settings s;
    get(node, "CheckOnSave", s.checkOnSave);
    get(node, "MarkOnSave", s.markOnSave);
    get(node, "ApplyIgnored", s.applyIgnored);
    get(node, "ErrorColor", s.style.errorColor);
    get(node, "WarningColor", s.style.warningColor);
    get(node, "InfoColor", s.style.infoColor);
    OUString disabled;
    get(node, "DisabledRules", disabled);
    s.setDisabledRules(disabled);
    OUString severities = s.severitiesText();
    get(node, "MarkSeverities", severities);
    s.setSeverities(severities);
    return s;
}

/// The settings as last read, kept until the configuration says they changed. A check reads
/// them each time, and opening the configuration node was 2.4 % of a check.
struct SettingsCache {
    std::mutex mutex;
    uno::Reference<uno::XComponentContext> ctx;
    uno::Reference<container::XNameAccess> node;   ///< read-only; its listener clears `value`
    std::optional<Settings> value;
    unsigned long generation = 0;                 ///< counts the changes heard of
};

SettingsCache& cache()
{
    static SettingsCache* c = new SettingsCache;   // never destroyed: no UNO call after the office ends
    return *c;
}

/// Any committed change of our settings (options page, writeSettings, a macro, an extension
/// update) makes the next readSettings read them again.
class SettingsChanged : public cppu::WeakImplHelper1<util::XChangesListener> {
public:
    void SAL_CALL changesOccurred(const util::ChangesEvent&) override { forget(false); }
    void SAL_CALL disposing(const lang::EventObject&) override { forget(true); }

private:
    static void forget(bool node) noexcept
    {
        SettingsCache& c = cache();
        std::lock_guard<std::mutex> lock(c.mutex);
        c.value.reset();
        ++c.generation;
        if (node) {
            c.node.clear();
            c.ctx.clear();
        }
    }
};

} // namespace

Settings readSettings(const uno::Reference<uno::XComponentContext>& ctx)
{
    SettingsCache& c = cache();
    uno::Reference<container::XNameAccess> node;
    unsigned long generation = 0;
    {
        std::lock_guard<std::mutex> lock(c.mutex);
        if (c.value && c.ctx == ctx)
            return *c.value;
        if (c.ctx == ctx)
            node = c.node;
        generation = c.generation;
    }
    try {
        bool listening = node.is();
        if (!node.is()) {
            node.set(openSettings(ctx, false), uno::UNO_QUERY_THROW);
            uno::Reference<util::XChangesNotifier> notifier(node, uno::UNO_QUERY);
            if (notifier.is()) {
                notifier->addChangesListener(new SettingsChanged);
                listening = true;
            }
        }
        Settings s = readFrom(node);
        if (listening) {
            std::lock_guard<std::mutex> lock(c.mutex);
            if (c.generation == generation) {   // no change heard of since the read began
                c.ctx = ctx;
                c.node = node;
                c.value = s;
            }
        }
        return s;
    } catch (const uno::Exception& e) {
        logLine("settings not readable, using defaults: " + toStd(e.Message));
    }
    return Settings();
}

void writeSettings(const uno::Reference<uno::XComponentContext>& ctx, const Settings& s)
{
    uno::Reference<uno::XInterface> access = openSettings(ctx, true);
    uno::Reference<beans::XPropertySet> node(access, uno::UNO_QUERY_THROW);
    node->setPropertyValue("CheckOnSave", uno::Any(s.checkOnSave));
    node->setPropertyValue("MarkOnSave", uno::Any(s.markOnSave));
    node->setPropertyValue("ApplyIgnored", uno::Any(s.applyIgnored));
    node->setPropertyValue("ErrorColor", uno::Any(s.style.errorColor));
    node->setPropertyValue("WarningColor", uno::Any(s.style.warningColor));
    node->setPropertyValue("InfoColor", uno::Any(s.style.infoColor));
    node->setPropertyValue("MarkSeverities", uno::Any(s.severitiesText()));
    node->setPropertyValue("DisabledRules", uno::Any(disabledRulesText(s)));
    uno::Reference<util::XChangesBatch>(access, uno::UNO_QUERY_THROW)->commitChanges();
}

OUString disabledRulesText(const Settings& s)
{
    OUString text;
    for (const std::string& id : ogi::ruleIds())      // catalog order, not alphabetical
        if (s.disabledRules.count(id))
            text += (text.isEmpty() ? OUString() : OUString(", ")) + toOU(id);
    return text;
}

OUString colorText(sal_Int32 color)
{
    OUString hex = OUString::number(color & 0xFFFFFF, 16).toAsciiUpperCase();
    while (hex.getLength() < 6)
        hex = "0" + hex;
    return "#" + hex;
}

bool parseColor(const OUString& text, sal_Int32& color)
{
    OUString t = text.trim();
    if (t.startsWith("#"))
        t = t.copy(1);
    if (t.getLength() != 6)
        return false;
    for (sal_Int32 i = 0; i < t.getLength(); ++i) {
        const sal_Unicode c = t[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return false;
    }
    color = t.toInt32(16);
    return true;
}

} // namespace ogiuno
