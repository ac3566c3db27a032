// The user's settings of the extension, in our own configuration component
// (extension/registry/schema/.../OgiReportChecker.xcs.in, node OGI_CONFIG_PATH). Read on
// every use (a configuration read costs microseconds), so a change in the options page
// applies to the next save or check without a restart.
#pragma once

#include <ogi/Diagnostic.h>

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include <set>
#include <string>

namespace ogiuno {

/// How marks look and which findings get one.
struct MarkStyle {
    sal_Int32 errorColor = 0xFFB3B3;
    sal_Int32 warningColor = 0xFFE699;
    sal_Int32 infoColor = 0xCCE5FF;
    bool markError = true;
    bool markWarning = true;
    bool markInfo = true;

    sal_Int32 color(ogi::Severity s) const;
    bool marks(ogi::Severity s) const;
    /// One of our three colours (used to recognise our marks after an OOXML reload).
    bool isMarkColor(sal_Int32 c) const;
};

struct Settings {
    bool checkOnSave = true;  ///< run the check when a document is saved
    bool markOnSave = false;  ///< mark before the bytes are written (the marks are saved)
    MarkStyle style;
    std::set<std::string> disabledRules; ///< rule ids not checked (by the toolbar, on save, by macros)
    bool applyIgnored = true;            ///< leave out the findings the document records as ignored

    /// "error,warning,info" ↔ the mark flags.
    rtl::OUString severitiesText() const;
    void setSeverities(const rtl::OUString& list);
    /// A user's list of rule ids ("S-3, B-11"); ids that name no rule are logged and dropped.
    void setDisabledRules(const rtl::OUString& list);
};

/// The current settings; the defaults when the configuration cannot be read (logged).
Settings readSettings(const css::uno::Reference<css::uno::XComponentContext>& ctx);

/// Writes all settings and commits; throws on failure.
void writeSettings(const css::uno::Reference<css::uno::XComponentContext>& ctx, const Settings& settings);

/// The disabled rule ids as the options page shows them: "B-11, S-3".
rtl::OUString disabledRulesText(const Settings& settings);

/// "#RRGGBB" ↔ colour. parseColor returns false (and leaves `color`) for anything else.
rtl::OUString colorText(sal_Int32 color);
bool parseColor(const rtl::OUString& text, sal_Int32& color);

} // namespace ogiuno
