// The help of the rules inside the UNO layer (issue 10.2, 12): the page the extension packages
// (help/rules_<lang>.html, rendered by the core from the catalogs at build time, an anchor per
// rule id), opened with the desktop's browser through com.sun.star.system.SystemShellExecute,
// and the severity icons of the deck's list (icons/severity_<level>_16.png).
#pragma once

#include <ogi/Diagnostic.h>

#include <com/sun/star/graphic/XGraphic.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include <string>

namespace ogiuno {

/// The URL of the packaged help page in the catalog language `lang` falls back to, at rule
/// `ruleId` ("…/help/rules_zh-CN.html#N-1"; no anchor for an empty id or a rule without help).
rtl::OUString helpPageUrl(const css::uno::Reference<css::uno::XComponentContext>& ctx, const std::string& lang,
                          const std::string& ruleId);

/// Opens `url` with the system's browser; false (logged) when the desktop cannot.
bool openHelpPage(const css::uno::Reference<css::uno::XComponentContext>& ctx, const rtl::OUString& url);

/// The URL of a severity's icon inside the installed extension.
rtl::OUString severityIconUrl(const css::uno::Reference<css::uno::XComponentContext>& ctx, ogi::Severity s);

/// The icon of a severity as a graphic (null, logged, when it cannot be read).
css::uno::Reference<css::graphic::XGraphic> severityIcon(const css::uno::Reference<css::uno::XComponentContext>& ctx,
                                                         ogi::Severity s);

/// The deck's help text of a rule in `lang`: its id and title, then what it checks, why it
/// matters, how to fix it, each under its label from the string resources; empty for a rule
/// without help (E-1, H-1…).
rtl::OUString ruleHelpText(const std::string& ruleId, const std::string& lang);

} // namespace ogiuno
