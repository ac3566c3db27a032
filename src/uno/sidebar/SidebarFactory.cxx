#include "SidebarFactory.hxx"

#include "OgiNames.hxx"
#include "SidebarPanel.hxx"
#include "UnoUtil.hxx"

#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/NoSuchElementException.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <cppuhelper/supportsservice.hxx>

using namespace css;
using rtl::OUString;

namespace ogiuno {

uno::Reference<ui::XUIElement> SidebarFactory::createUIElement(const OUString& resourceUrl,
                                                               const uno::Sequence<beans::PropertyValue>& args)
{
    if (resourceUrl != OGI_PANEL_URL)
        throw container::NoSuchElementException("unknown panel " + resourceUrl, static_cast<cppu::OWeakObject*>(this));
    uno::Reference<frame::XFrame> frame;
    uno::Reference<awt::XWindow> parent;
    for (const beans::PropertyValue& a : args) {
        if (a.Name == "Frame")
            a.Value >>= frame;
        else if (a.Name == "ParentWindow")
            a.Value >>= parent;
    }
    if (!parent.is())
        throw lang::IllegalArgumentException("no ParentWindow", static_cast<cppu::OWeakObject*>(this), 1);
    try {
        return createFindingsPanel(m_ctx, frame, parent, resourceUrl);
    } catch (const uno::RuntimeException&) {
        throw;
    } catch (const uno::Exception& e) {
        logLine("sidebar: panel not created: " + toStd(e.Message));
        throw uno::RuntimeException("panel not created: " + e.Message, static_cast<cppu::OWeakObject*>(this));
    }
}

} // namespace ogiuno
