#include "BaseDispatch.hxx"

#include "Notifier.hxx"
#include "Strings.hxx"
#include "UnoUtil.hxx"

#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/FeatureStateEvent.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>

#include <exception>

using namespace css;
using rtl::OUString;

namespace ogiuno {

std::string parseCommand(const OUString& rest, std::map<std::string, std::string>& query)
{
    const sal_Int32 q = rest.indexOf('?');
    if (q < 0)
        return toStd(rest);
    const OUString args = rest.copy(q + 1);
    sal_Int32 index = 0;
    do {
        const OUString pair = args.getToken(0, '&', index);
        const sal_Int32 eq = pair.indexOf('=');
        if (eq > 0)
            query[toStd(pair.copy(0, eq))] = toStd(pair.copy(eq + 1));
        else if (!pair.isEmpty())
            query[toStd(pair)] = std::string();
    } while (index >= 0);
    return toStd(rest.copy(0, q));
}

OUString DocumentDispatch::run(const std::map<std::string, std::string>& query, bool& ok)
{
    Invocation call{query, uiLanguage(context().ctx), uno::Reference<frame::XController>(),
                    uno::Reference<lang::XComponent>()};
    if (context().frame.is())
        call.controller = context().frame->getController();
    if (call.controller.is())
        call.model.set(call.controller->getModel(), uno::UNO_QUERY);
    if (!call.model.is()) {
        ok = false;
        return tr(Str::NotADocument, call.lang);
    }
    return execute(call, ok);
}

void BaseDispatch::dispatchWithNotification(const util::URL& url, const uno::Sequence<beans::PropertyValue>& args,
                                            const uno::Reference<frame::XDispatchResultListener>& listener)
{
    frame::DispatchResultEvent event;
    event.Source = static_cast<cppu::OWeakObject*>(this);
    event.State = frame::DispatchResultState::FAILURE;
    try {
        std::map<std::string, std::string> query;
        OUString rest = url.Complete;
        const sal_Int32 colon = rest.indexOf(':');
        parseCommand(colon >= 0 ? rest.copy(colon + 1) : rest, query);
        for (const beans::PropertyValue& arg : args) {
            OUString value;
            if (arg.Value >>= value)
                query[toStd(arg.Name)] = toStd(value);
        }
        bool ok = true;
        const OUString text = run(query, ok);
        event.State = ok ? frame::DispatchResultState::SUCCESS : frame::DispatchResultState::FAILURE;
        event.Result <<= text;
    } catch (const uno::Exception& e) {
        reportFailure(e.Message, event);
    } catch (const std::exception& e) {
        containExceptions("command", [&] { reportFailure(toOU(e.what()), event); });
    } catch (...) {
        logLine("command failed with an unknown exception");
    }
    try {
        if (listener.is())
            listener->dispatchFinished(event);
    } catch (...) {
    }
}

void BaseDispatch::reportFailure(const OUString& what, frame::DispatchResultEvent& event) noexcept
{
    containExceptions("command failed", [&] {
        logLine("command failed: " + toStd(what));
        const OUString text = fill(tr(Str::Failed, uiLanguage(m_context.ctx)), "ERROR", what);
        event.Result <<= text;
        notify(m_context.frame, text, NoticeKind::Danger);
    });
}

void BaseDispatch::dispatch(const util::URL& url, const uno::Sequence<beans::PropertyValue>& args)
{
    dispatchWithNotification(url, args, uno::Reference<frame::XDispatchResultListener>());
}

void BaseDispatch::addStatusListener(const uno::Reference<frame::XStatusListener>& listener, const util::URL& url)
{
    try {
        if (!listener.is())
            return;
        frame::FeatureStateEvent state;
        state.Source = static_cast<cppu::OWeakObject*>(this);
        state.FeatureURL = url;
        state.IsEnabled = true;
        state.Requery = false;
        listener->statusChanged(state);
    } catch (...) {
    }
}

void BaseDispatch::removeStatusListener(const uno::Reference<frame::XStatusListener>&, const util::URL&) {}

} // namespace ogiuno
