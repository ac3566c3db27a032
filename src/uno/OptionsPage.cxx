#include "OptionsPage.hxx"

#include "OgiNames.hxx"
#include "RuleHelpPage.hxx"
#include "Settings.hxx"
#include "Strings.hxx"
#include "UnoUtil.hxx"

#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <cppuhelper/supportsservice.hxx>

#include <exception>

using namespace css;
using rtl::OUString;

namespace ogiuno {

namespace {

/// The control models of the page, by the ids of OptionsPage.xdl.
class Page {
public:
    explicit Page(const uno::Reference<awt::XWindow>& window) : m_controls(window, uno::UNO_QUERY_THROW) {}

    void setLabel(const char* id, const OUString& label) { model(id)->setPropertyValue("Label", uno::Any(label)); }
    void setChecked(const char* id, bool on) { model(id)->setPropertyValue("State", uno::Any(sal_Int16(on ? 1 : 0))); }
    bool checked(const char* id)
    {
        sal_Int16 state = 0;
        model(id)->getPropertyValue("State") >>= state;
        return state == 1;
    }
    void setText(const char* id, const OUString& text) { model(id)->setPropertyValue("Text", uno::Any(text)); }
    OUString text(const char* id)
    {
        OUString t;
        model(id)->getPropertyValue("Text") >>= t;
        return t;
    }

private:
    uno::Reference<beans::XPropertySet> model(const char* id)
    {
        uno::Reference<awt::XControl> control = m_controls->getControl(OUString::createFromAscii(id));
        if (!control.is())
            throw uno::RuntimeException("options page: no control " + OUString::createFromAscii(id));
        return uno::Reference<beans::XPropertySet>(control->getModel(), uno::UNO_QUERY_THROW);
    }
    uno::Reference<awt::XControlContainer> m_controls;
};

struct ColorField {
    const char* field;
    sal_Int32 MarkStyle::*color;
};
const ColorField kColorFields[] = {
    {"ErrorColor", &MarkStyle::errorColor},
    {"WarningColor", &MarkStyle::warningColor},
    {"InfoColor", &MarkStyle::infoColor},
};

void setLabels(Page& page, const std::string& lang)
{
    page.setLabel("SaveLine", tr(Str::OptSaveGroup, lang));
    page.setLabel("CheckOnSave", tr(Str::OptCheckOnSave, lang));
    page.setLabel("MarkOnSave", tr(Str::OptMarkOnSave, lang));
    page.setLabel("MarkLine", tr(Str::OptMarkGroup, lang));
    page.setLabel("MarkError", tr(Str::OptMarkError, lang));
    page.setLabel("MarkWarning", tr(Str::OptMarkWarning, lang));
    page.setLabel("MarkInfo", tr(Str::OptMarkInfo, lang));
    for (const char* label : {"ErrorColorLabel", "WarningColorLabel", "InfoColorLabel"})
        page.setLabel(label, tr(Str::OptColor, lang));
    page.setLabel("RulesLine", tr(Str::OptRulesGroup, lang));
    page.setLabel("DisabledRulesLabel", tr(Str::OptDisabledRules, lang));
    page.setLabel("Hint", tr(Str::OptHint, lang));
    page.setLabel("HelpButton", trKey("OptHelp", lang));
}

void show(Page& page, const Settings& s)
{
    page.setChecked("CheckOnSave", s.checkOnSave);
    page.setChecked("MarkOnSave", s.markOnSave);
    page.setChecked("MarkError", s.style.markError);
    page.setChecked("MarkWarning", s.style.markWarning);
    page.setChecked("MarkInfo", s.style.markInfo);
    for (const ColorField& f : kColorFields)
        page.setText(f.field, colorText(s.style.*f.color));
    page.setText("DisabledRules", disabledRulesText(s));
}

/// The page's values over `s`; a colour that does not parse keeps its previous value.
Settings collect(Page& page, Settings s)
{
    s.checkOnSave = page.checked("CheckOnSave");
    s.markOnSave = page.checked("MarkOnSave");
    s.style.markError = page.checked("MarkError");
    s.style.markWarning = page.checked("MarkWarning");
    s.style.markInfo = page.checked("MarkInfo");
    for (const ColorField& f : kColorFields)
        if (!parseColor(page.text(f.field), s.style.*f.color))
            logLine(std::string("options: ignored colour ") + f.field + " = " + toStd(page.text(f.field)));
    s.setDisabledRules(page.text("DisabledRules"));
    return s;
}

} // namespace

sal_Bool OptionsPage::callHandlerMethod(const uno::Reference<awt::XWindow>& window, const uno::Any& event,
                                        const OUString& method)
{
    if (method == "openHelp") {   // the page's 规则说明… button (OptionsPage.xdl)
        bool opened = false;
        containExceptions("options page help",
                          [&] { opened = openHelpPage(m_ctx, helpPageUrl(m_ctx, uiLanguage(m_ctx), std::string())); });
        return opened;
    }
    if (method != "external_event")
        return false;
    try {
        OUString what;
        event >>= what;
        Page page(window);
        if (what == "initialize") {
            setLabels(page, uiLanguage(m_ctx));
            show(page, readSettings(m_ctx));
        } else if (what == "back") {
            show(page, readSettings(m_ctx));
        } else if (what == "ok") {
            writeSettings(m_ctx, collect(page, readSettings(m_ctx)));
        } else {
            return false;
        }
        return true;
    } catch (const uno::Exception& e) {
        logLine("options page: " + toStd(e.Message));
    } catch (const std::exception& e) {
        logLine(std::string("options page: ") + e.what());
    } catch (...) {
        logLine("options page: unknown exception");
    }
    return false;
}

uno::Sequence<OUString> OptionsPage::getSupportedMethodNames()
{
    uno::Sequence<OUString> names(2);
    names[0] = "external_event";
    names[1] = "openHelp";
    return names;
}

} // namespace ogiuno
