// vnd.org.ogi.reportchecker:InsertTemplate?Template=<id> and :InsertSkeleton — insert a
// national template (Writer: table at the cursor; Calc: new sheet with live totals) or the
// 2021 report skeleton, as one undo step (TemplateInserter). An unknown id inserts nothing
// and fails with a message. The result text names what was inserted.
#include "BaseDispatch.hxx"

#include "Notifier.hxx"
#include "Strings.hxx"
#include "TemplateInserter.hxx"
#include "UnoUtil.hxx"

#include <ogi/Templates.h>

#include <com/sun/star/frame/XController.hpp>

using namespace css;
using rtl::OUString;

namespace ogiuno {

namespace {

uno::Reference<frame::XController> controllerOf(const DispatchContext& c)
{
    return c.frame.is() ? c.frame->getController() : uno::Reference<frame::XController>();
}

} // namespace

OUString InsertTemplateDispatch::execute(const std::map<std::string, std::string>& query, bool& ok)
{
    const std::string lang = uiLanguage(context().ctx);
    auto it = query.find("Template");
    const std::string id = it == query.end() ? std::string() : it->second;
    const ogi::TemplateDef* def = ogi::findTemplate(id);
    if (!def) {
        ok = false;
        const OUString text = fill(tr(Str::UnknownTemplate, lang), "TEMPLATE", toOU(id));
        notify(context().frame, text, NoticeKind::Danger);
        return text;
    }
    uno::Reference<lang::XComponent> model = document();
    if (!model.is()) {
        ok = false;
        return tr(Str::NotADocument, lang);
    }
    const InsertOutcome out = insertTemplate(model, controllerOf(context()), id);
    OUString text = fill(tr(Str::InsertedTemplate, lang), "TITLE", toOU(lang == "zh-CN" ? def->titleZh : def->titleEn));
    text = fill(text, "NAME", out.names.empty() ? OUString() : out.names.front());
    logLine(toStd(text));
    return text;
}

OUString InsertSkeletonDispatch::execute(const std::map<std::string, std::string>&, bool& ok)
{
    const std::string lang = uiLanguage(context().ctx);
    uno::Reference<lang::XComponent> model = document();
    if (!model.is()) {
        ok = false;
        return tr(Str::NotADocument, lang);
    }
    const InsertOutcome out = insertSkeleton(model, controllerOf(context()));
    OUString names;
    for (const OUString& n : out.names)
        names += (names.isEmpty() ? OUString() : OUString(", ")) + n;
    const OUString text = fill(tr(Str::InsertedSkeleton, lang), "NAMES", names);
    logLine(toStd(text));
    return text;
}

} // namespace ogiuno
