// vnd.org.ogi.reportchecker:ClearMarks — remove our marks (one undo step).
#include "BaseDispatch.hxx"

#include "CheckSession.hxx"
#include "Notifier.hxx"
#include "Settings.hxx"
#include "Strings.hxx"

using namespace css;
using rtl::OUString;

namespace ogiuno {

OUString ClearMarksDispatch::execute(const Invocation& call, bool&)
{
    const int cells = clearDocument(call.model, readSettings(context().ctx).style);
    const OUString text = trCount(Str::Cleared, cells, call.lang);
    notify(context().frame, text, NoticeKind::Info);
    return text;
}

} // namespace ogiuno
