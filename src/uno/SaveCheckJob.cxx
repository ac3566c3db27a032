#include "SaveCheckJob.hxx"

#include "OgiNames.hxx"
#include "SaveCheck.hxx"
#include "UnoUtil.hxx"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <cppuhelper/supportsservice.hxx>

#include <exception>

using namespace css;
using rtl::OUString;

namespace ogiuno {

namespace {

template <typename T> bool findArg(const uno::Sequence<beans::NamedValue>& args, const char* name, T& value)
{
    for (const beans::NamedValue& a : args)
        if (a.Name.equalsAscii(name))
            return a.Value >>= value;
    return false;
}

} // namespace

uno::Any SaveCheckJob::execute(const uno::Sequence<beans::NamedValue>& args)
{
    OUString event;
    try {
        uno::Sequence<beans::NamedValue> environment;
        findArg(args, "Environment", environment);
        uno::Reference<frame::XModel> model;
        findArg(environment, "EventName", event);
        findArg(environment, "Model", model);
        if (model.is())
            checkOnSave(m_ctx, uno::Reference<lang::XComponent>(model, uno::UNO_QUERY), event);
    } catch (const uno::Exception& e) {
        logLine(toStd(event) + ": save check failed, the document is saved unchecked: " + toStd(e.Message));
    } catch (const std::exception& e) {
        logLine(toStd(event) + ": save check failed, the document is saved unchecked: " + e.what());
    } catch (...) {
        logLine(toStd(event) + ": save check failed with an unknown exception, the document is saved unchecked");
    }
    return uno::Any();
}

} // namespace ogiuno
