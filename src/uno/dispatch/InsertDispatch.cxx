// vnd.org.ogi.reportchecker:InsertTemplate?Template=<id> and :InsertSkeleton — accepted
// URLs with a clear "not implemented yet" failure (template insertion is a later issue).
#include "BaseDispatch.hxx"

#include "Notifier.hxx"
#include "Strings.hxx"
#include "UnoUtil.hxx"

#include <ogi/Templates.h>

using namespace css;
using rtl::OUString;

namespace ogiuno {

OUString InsertTemplateDispatch::execute(const std::map<std::string, std::string>& query, bool& ok)
{
    const std::string lang = uiLanguage(context().ctx);
    ok = false;
    auto it = query.find("Template");
    const std::string id = it == query.end() ? std::string() : it->second;
    OUString text;
    if (!ogi::findTemplate(id))
        text = fill(tr(Str::UnknownTemplate, lang), "TEMPLATE", toOU(id));
    else
        text = fill(tr(Str::NotImplemented, lang), "COMMAND", toOU("InsertTemplate?Template=" + id));
    notify(context().frame, text, NoticeKind::Info);
    return text;
}

OUString InsertSkeletonDispatch::execute(const std::map<std::string, std::string>&, bool& ok)
{
    const std::string lang = uiLanguage(context().ctx);
    ok = false;
    const OUString text = fill(tr(Str::NotImplemented, lang), "COMMAND", OUString("InsertSkeleton"));
    notify(context().frame, text, NoticeKind::Info);
    return text;
}

} // namespace ogiuno
