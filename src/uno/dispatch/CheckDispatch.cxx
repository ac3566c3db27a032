// vnd.org.ogi.reportchecker:Check — check the document and mark the cells (one undo step),
// show the summary in an infobar (never a modal dialog), and open the 年报检查 deck at the
// first error (the infobar's 标记并查看 dispatches this command too).
#include "BaseDispatch.hxx"

#include "CheckSession.hxx"
#include "Strings.hxx"
#include "sidebar/FindingActions.hxx"
#include "sidebar/SidebarPanel.hxx"

using namespace css;
using rtl::OUString;

namespace ogiuno {

OUString CheckDispatch::execute(const Invocation& call, bool&)
{
    const CheckOutcome outcome = checkAndTell(context().ctx, context().frame, call.model);
    if (!outcome.report->diagnostics.empty() && openDeck(context().ctx, context().frame)) {
        PanelRequest first;
        first.firstError = true;
        bool found = false;
        runPanel(context().frame, first, found);
    }
    return infobarText(outcome);
}

} // namespace ogiuno
