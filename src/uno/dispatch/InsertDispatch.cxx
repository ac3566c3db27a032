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

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/frame/ControlCommand.hpp>
#include <com/sun/star/frame/FeatureStateEvent.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XStatusListener.hpp>

using namespace css;
using rtl::OUString;

namespace ogiuno {

namespace {

} // namespace

void InsertTemplateDispatch::addStatusListener(const uno::Reference<frame::XStatusListener>& listener,
                                               const util::URL& url)
{
    if (url.Complete.indexOf('?') >= 0)
        return BaseDispatch::addStatusListener(listener, url);   // a menu entry: "enabled" only
    try {
        if (!listener.is())
            return;
        const std::string lang = uiLanguage(context().ctx);
        const std::vector<const ogi::TemplateDef*> all = ogi::insertableTemplates();
        uno::Sequence<OUString> entries(static_cast<sal_Int32>(all.size()));
        for (size_t i = 0; i < all.size(); ++i)
            entries[static_cast<sal_Int32>(i)] = toOU(ogi::templateDisplayName(*all[i], lang));
        frame::ControlCommand command;
        command.Command = "SetList";
        command.Arguments.realloc(1);
        command.Arguments[0] = beans::NamedValue("List", uno::Any(entries));
        frame::FeatureStateEvent state;
        state.Source = static_cast<cppu::OWeakObject*>(this);
        state.FeatureURL = url;
        state.IsEnabled = true;
        state.State <<= command;
        listener->statusChanged(state);
    } catch (const uno::Exception& e) {
        logLine("template list not sent to the toolbar: " + toStd(e.Message));
    } catch (...) {
        logLine("template list not sent to the toolbar");
    }
}

namespace {

/// The template a dispatch names: ?Template=<id>, or the toolbar drop-down's entry (Text); its id in `id`.
const ogi::TemplateDef* chosenTemplate(const std::map<std::string, std::string>& query, std::string& id)
{
    auto it = query.find("Template");
    auto chosen = query.find("Text");          // an entry of the toolbar drop-down
    id = it != query.end() ? it->second : chosen != query.end() ? chosen->second : std::string();
    return it != query.end() ? ogi::findTemplate(id) : ogi::findTemplateByName(id);
}

} // namespace

OUString InsertTemplateDispatch::run(const std::map<std::string, std::string>& query, bool& ok)
{
    std::string id;
    if (!chosenTemplate(query, id)) {
        ok = false;
        const OUString text = fill(tr(Str::UnknownTemplate, uiLanguage(context().ctx)), "TEMPLATE", toOU(id));
        notify(context().frame, text, NoticeKind::Danger);
        return text;
    }
    return DocumentDispatch::run(query, ok);
}

OUString InsertTemplateDispatch::execute(const Invocation& call, bool&)
{
    const std::string& lang = call.lang;
    std::string id;
    const ogi::TemplateDef* def = chosenTemplate(call.query, id);   // found: run() checked it
    const InsertOutcome out = insertTemplate(call.model, call.controller, def->id);
    OUString text = fill(tr(Str::InsertedTemplate, lang), "TITLE", toOU(localizedData(def->titleZh, def->titleEn, lang)));
    text = fill(text, "NAME", out.names.empty() ? OUString() : out.names.front());
    logLine(toStd(text));
    return text;
}

OUString InsertSkeletonDispatch::execute(const Invocation& call, bool&)
{
    const std::string& lang = call.lang;
    const InsertOutcome out = insertSkeleton(call.model, call.controller);
    OUString names;
    for (const OUString& n : out.names)
        names += (names.isEmpty() ? OUString() : trKey("ListSeparator", lang)) + n;
    const OUString text = fill(tr(Str::InsertedSkeleton, lang), "NAMES", names);
    logLine(toStd(text));
    return text;
}

} // namespace ogiuno
