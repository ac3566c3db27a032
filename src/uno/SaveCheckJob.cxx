#include "SaveCheckJob.hxx"

#include "DocumentReader.hxx"
#include "OgiNames.hxx"
#include "SaveCheck.hxx"
#include "UnoUtil.hxx"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XFrames.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XLayoutManager.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <cppuhelper/supportsservice.hxx>
#include <cppuhelper/weakref.hxx>

#include <exception>
#include <mutex>
#include <vector>

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

/// A window opened before the extension was installed has no toolbar of ours: LibreOffice makes
/// add-on toolbars when a window's layout is made, not when an extension adds one (7.4: the
/// layout manager's createElement cannot make one either). The first time such a Writer or Calc
/// window is activated after the installation (OnFocus, a job event LibreOffice registers at
/// once), its layout is made again (XLayoutManager::reset), which makes our toolbar. A window
/// that has it, shown or hidden, is left alone, and each window is looked at once. Only the
/// windows that were open when the library was first asked (the installation) are candidates:
/// a window opened later made its layout with our toolbar in it, and if it has none the user
/// closed it — that window is never touched.
void ensureToolbar(const uno::Reference<uno::XComponentContext>& ctx, const uno::Reference<frame::XModel>& model)
{
    static std::mutex mutex;
    // The windows looked at, weakly. Never destroyed: UNO references must not be released by
    // static destructors at library unload (Strings.cxx).
    static auto* seen = new std::vector<uno::WeakReference<frame::XFrame>>;
    static auto* preexisting = [&ctx] {
        auto* frames = new std::vector<uno::WeakReference<frame::XFrame>>;
        uno::Reference<container::XIndexAccess> all(frame::Desktop::create(ctx)->getFrames(), uno::UNO_QUERY);
        for (sal_Int32 i = 0; all.is() && i < all->getCount(); ++i) {
            uno::Reference<frame::XFrame> f(all->getByIndex(i), uno::UNO_QUERY);
            if (f.is())
                frames->emplace_back(f);
        }
        return frames;
    }();
    try {
        documentKind(model);
    } catch (const lang::IllegalArgumentException&) {
        return; // not Writer or Calc: our toolbar is not theirs
    }
    uno::Reference<frame::XController> controller = model->getCurrentController();
    uno::Reference<frame::XFrame> frame = controller.is() ? controller->getFrame() : nullptr;
    if (!frame.is())
        return;
    uno::Reference<beans::XPropertySet> props(frame, uno::UNO_QUERY_THROW);
    uno::Reference<frame::XLayoutManager> layout(props->getPropertyValue("LayoutManager"), uno::UNO_QUERY);
    // A window being opened is activated before its layout is made (then it has no toolbar at
    // all yet, and makes ours itself): not looked at yet.
    if (!layout.is() || !layout->getElement("private:resource/toolbar/standardbar").is())
        return;
    {
        std::lock_guard<std::mutex> lock(mutex);
        for (auto it = seen->begin(); it != seen->end();) {
            const uno::Reference<frame::XFrame> f(*it);
            if (!f.is()) {
                it = seen->erase(it);
                continue;
            }
            if (f == frame)
                return;
            ++it;
        }
        seen->emplace_back(frame);
        bool wasOpen = false;
        for (const auto& w : *preexisting)
            wasOpen = wasOpen || uno::Reference<frame::XFrame>(w) == frame;
        if (!wasOpen)
            return;
    }
    if (layout->getElement("private:resource/toolbar/addon_" OGI_TOOLBAR_NODE).is())
        return;
    logLine("a window opened before the installation: its toolbars are made again to show ours");
    layout->reset();
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
        if (model.is() && event == "OnFocus")
            ensureToolbar(m_ctx, model);
        else if (model.is() && (event.endsWith("Done") || event.endsWith("Failed")))
            saveFinished(m_ctx, uno::Reference<lang::XComponent>(model, uno::UNO_QUERY));
        else if (model.is())
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
