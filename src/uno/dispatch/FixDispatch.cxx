// vnd.org.ogi.reportchecker:Fix?Finding=<n or ignore key> — 修正: applies the suggestion of a
// finding (its index in the last check's list, as the issue list and the sidebar number
// them, or its ignore key "N-2|2021-t3|R3_7.NP"), as one undo step, and checks again.
#include "BaseDispatch.hxx"

#include "Fixer.hxx"
#include "Notifier.hxx"
#include "Strings.hxx"

using namespace css;
using rtl::OUString;

namespace ogiuno {

OUString FixDispatch::execute(const Invocation& call, bool& ok)
{
    auto it = call.query.find("Finding");
    if (it == call.query.end() || it->second.empty()) {
        ok = false;
        return "Fix: the argument Finding=<index or ignore key> is missing";
    }
    const FixOutcome o = applySuggestion(context().ctx, call.model, it->second);
    ok = o.ok;
    notify(context().frame, o.message, o.ok ? NoticeKind::Success : NoticeKind::Warning);
    return o.message;
}

} // namespace ogiuno
