// vnd.org.ogi.reportchecker:FillTotals — 补全合计: every total cell of the recognized tables
// computed from its parts. The list of changes (cell, old, new) is shown first (a query box);
// OK applies them as one undo step and checks again. Arguments for scripts and tests:
// Preview=1 only answers the list; Confirm=1 applies without asking.
#include "BaseDispatch.hxx"

#include "FillCommon.hxx"

namespace ogiuno {

rtl::OUString FillTotalsDispatch::execute(const Invocation& call, bool& ok)
{
    return runFill(context(), call, Fill::Totals, ok);
}

} // namespace ogiuno
