// vnd.org.ogi.reportchecker:FillZeros — 空白填 0: every blank or placeholder value cell of the
// recognized tables set to 0, after the same change list as 补全合计 (Preview=1, Confirm=1).
#include "BaseDispatch.hxx"

#include "FillCommon.hxx"

namespace ogiuno {

rtl::OUString FillZerosDispatch::execute(const Invocation& call, bool& ok)
{
    return runFill(context(), call, Fill::Blanks, ok);
}

} // namespace ogiuno
