// The shared flow of 补全合计 and 空白填 0: the change list, the user's OK, one undo step.
#pragma once

#include "BaseDispatch.hxx"
#include "CheckSession.hxx"
#include "Fixer.hxx"
#include "Notifier.hxx"
#include "Strings.hxx"
#include "UnoUtil.hxx"

namespace ogiuno {

inline bool flag(const std::map<std::string, std::string>& q, const char* name)
{
    auto it = q.find(name);
    return it != q.end() && (it->second == "1" || it->second == "true");
}

inline rtl::OUString runFill(const DispatchContext& c, const Invocation& call, Fill what, bool& ok)
{
    const std::string& lang = call.lang;
    const css::uno::Reference<css::lang::XComponent>& model = call.model;
    const std::map<std::string, std::string>& query = call.query;
    const FixOutcome preview = previewFill(model, what);
    const rtl::OUString list = changeList(preview.changes, lang);
    if (flag(query, "Preview"))
        return list;
    if (preview.changes.empty() || isReadOnly(model)) {
        const FixOutcome o = applyFill(c.ctx, model, what);   // says why nothing changes
        ok = false;
        notify(c.frame, o.message, NoticeKind::Info);
        return o.message;
    }
    if (!flag(query, "Confirm")) {
        const rtl::OUString title = trKey(what == Fill::Totals ? "FillTotalsTitle" : "FillZerosTitle", lang);
        if (!confirmChanges(c.ctx, c.frame, title, trKey("FillIntro", lang) + "\n\n" + list)) {
            ok = false;
            return trKey("FillCancelled", lang);
        }
    }
    const FixOutcome o = applyFill(c.ctx, model, what);
    ok = o.ok;
    notify(c.frame, o.message, o.ok ? NoticeKind::Success : NoticeKind::Warning);
    return o.message + "\n" + changeList(o.changes, lang);
}

} // namespace ogiuno
