// The 年报检查 deck's panel (Sidebar.xcu, made by SidebarFactory): the findings of the
// document's last check in a grid (severity, where in words, message), grouped by table
// (FindingList.hxx), the counts per severity, a detail box, and the buttons 重新检查, 忽略 (with
// an optional reason), 修正 (when the finding has a suggestion), 恢复已忽略 and 帮助. The severity
// column shows the severity's icon (RuleHelpPage.hxx). Selecting a finding shows its rule's
// help (what it checks, why, how to fix; the catalogs' texts), 帮助 opens the packaged help page
// at that rule (the page's top when nothing is selected), and it selects its cell (which brings it into view) and paints its related cells — the
// other operands of the failing rule — until another finding is selected, the panel goes, or
// the document is saved; that paint is not an undo step and leaves the modified flag alone.
// Buttons that cannot act are disabled (no finding selected, read-only document, no
// suggestion, nothing ignored). Every check of the document (toolbar, save, service, fix)
// refreshes the panels that show it.
#pragma once

#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include <string>
#include <vector>

namespace ogiuno {

/// Creates the panel window as a child of `parent` (the sidebar's, or any window) for the
/// document shown in `frame`. Throws when the toolkit cannot make it.
css::uno::Reference<css::ui::XUIElement> createFindingsPanel(const css::uno::Reference<css::uno::XComponentContext>& ctx,
                                                             const css::uno::Reference<css::frame::XFrame>& frame,
                                                             const css::uno::Reference<css::awt::XWindow>& parent,
                                                             const rtl::OUString& resourceUrl);

/// Opens the 年报检查 deck in the frame's sidebar (shows the sidebar if needed); false when
/// the frame has none (hidden documents, no view).
bool openDeck(const css::uno::Reference<css::uno::XComponentContext>& ctx,
              const css::uno::Reference<css::frame::XFrame>& frame);

/// What the Sidebar command asks of the frame's panel, as if the user clicked (scripts, tests).
struct PanelRequest {
    int select = -1;         ///< finding (index in the report) to select
    bool firstError = false; ///< select the first error (else the first finding)
    int ignore = -1;         ///< finding to ignore …
    rtl::OUString reason;    ///< … with this reason
    int fix = -1;            ///< finding whose suggestion to apply
    bool recheck = false;
    bool resetIgnored = false;
};

/// Runs `request` on the panel of `frame` (found = false when there is none: then nothing is
/// clicked). Returns the panel's state, one line each: "counts\t<text>", then per row
/// "<severity>\t<where>\t<message>" (a heading row has an empty severity), then
/// "buttons\t<recheck> <ignore> <fix> <reset>" as 1/0 for enabled, "selected\t<finding>",
/// "painted\t<cells>", "help\t<the help box's lines, tab-separated>", "helpurl\t<the page 帮助
/// opens>", "helpbutton\t<1/0>".
std::vector<rtl::OUString> runPanel(const css::uno::Reference<css::frame::XFrame>& frame, const PanelRequest& request,
                                    bool& found);

} // namespace ogiuno
