#include "Notifier.hxx"

#include "OgiNames.hxx"
#include "Strings.hxx"
#include "UnoUtil.hxx"

#include <com/sun/star/awt/XWindow2.hpp>
#include <com/sun/star/beans/StringPair.hpp>
#include <com/sun/star/frame/InfobarType.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XInfobarProvider.hpp>

using namespace css;
using rtl::OUString;

namespace ogiuno {

void notify(const uno::Reference<frame::XFrame>& frame, const OUString& text, NoticeKind kind,
            const OUString& buttonLabel, const OUString& buttonCommand)
{
    std::vector<NoticeButton> buttons;
    if (!buttonLabel.isEmpty())
        buttons.push_back({buttonLabel, buttonCommand});
    notify(frame, text, kind, buttons);
}

bool dismiss(const uno::Reference<frame::XFrame>& frame)
{
    try {
        if (!frame.is())
            return false;
        uno::Reference<frame::XInfobarProvider> infobars(frame->getController(), uno::UNO_QUERY);
        const OUString id = OGI_EXTENSION_ID;
        if (infobars.is() && infobars->hasInfobar(id)) {
            infobars->removeInfobar(id);
            return true;
        }
    } catch (const uno::Exception& e) {
        logLine("infobar not removed: " + toStd(e.Message));
    } catch (...) {
    }
    return false;
}

namespace {

/// Removes our infobar and appends one with `text`; throws what the provider throws.
void show(const uno::Reference<frame::XInfobarProvider>& infobars, const OUString& text, NoticeKind kind,
          const std::vector<NoticeButton>& buttonList)
{
    const OUString id = OGI_EXTENSION_ID;
    sal_Int32 type = frame::InfobarType::INFO;
    switch (kind) {
    case NoticeKind::Info: type = frame::InfobarType::INFO; break;
    case NoticeKind::Success: type = frame::InfobarType::SUCCESS; break;
    case NoticeKind::Warning: type = frame::InfobarType::WARNING; break;
    case NoticeKind::Danger: type = frame::InfobarType::DANGER; break;
    }
    if (infobars->hasInfobar(id))
        infobars->removeInfobar(id);
    uno::Sequence<beans::StringPair> buttons(static_cast<sal_Int32>(buttonList.size()));
    for (size_t i = 0; i < buttonList.size(); ++i)
        buttons[static_cast<sal_Int32>(i)] = beans::StringPair(buttonList[i].label, buttonList[i].command);
    infobars->appendInfobar(id, productName(), text, type, buttons, true);
}

} // namespace

bool notifyProgress(const uno::Reference<frame::XFrame>& frame, const OUString& text)
{
    try {
        if (!frame.is())
            return false;
        uno::Reference<awt::XWindow2> window(frame->getContainerWindow(), uno::UNO_QUERY);
        uno::Reference<frame::XInfobarProvider> infobars(frame->getController(), uno::UNO_QUERY);
        if (!window.is() || !window->isVisible() || !infobars.is())
            return false;
        show(infobars, text, NoticeKind::Info, {});
        return true;
    } catch (const uno::Exception& e) {
        logLine("progress infobar not shown: " + toStd(e.Message));
    } catch (...) {
    }
    return false;
}

void notify(const uno::Reference<frame::XFrame>& frame, const OUString& text, NoticeKind kind,
            const std::vector<NoticeButton>& buttonList)
{
    logLine(toStd(text));
    try {
        if (!frame.is())
            return;
        uno::Reference<frame::XInfobarProvider> infobars(frame->getController(), uno::UNO_QUERY);
        if (!infobars.is())
            return;
        show(infobars, text, kind, buttonList);
    } catch (const uno::Exception& e) {
        logLine("infobar not shown: " + toStd(e.Message)); // e.g. a hidden document
    } catch (...) {
    }
}

} // namespace ogiuno
