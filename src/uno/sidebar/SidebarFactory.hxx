// The panel factory of the 年报检查 deck (Factories.xcu: toolpanel OgiReportCheckerPanelFactory):
// the sidebar calls createUIElement(ImplementationURL, {Frame, ParentWindow, Sidebar, …}) and
// gets the findings panel (SidebarPanel.hxx) as a child of ParentWindow.
#pragma once

#include "OgiNames.hxx"
#include "ServiceInfo.hxx"

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/ui/XUIElementFactory.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase2.hxx>

namespace ogiuno {

class SidebarFactory
    : public ServiceInfo<SidebarFactory, cppu::WeakImplHelper2<css::ui::XUIElementFactory, css::lang::XServiceInfo>> {
public:
    explicit SidebarFactory(const css::uno::Reference<css::uno::XComponentContext>& ctx) : m_ctx(ctx) {}

    // XUIElementFactory
    css::uno::Reference<css::ui::XUIElement> SAL_CALL
    createUIElement(const rtl::OUString& resourceUrl, const css::uno::Sequence<css::beans::PropertyValue>& args) override;

    // XServiceInfo (ServiceInfo.hxx)
    static constexpr const char* kImplementationName = OGI_PANEL_FACTORY_IMPL;
    static constexpr const char* kServiceName = OGI_PANEL_FACTORY_IMPL;

private:
    css::uno::Reference<css::uno::XComponentContext> m_ctx;
};

} // namespace ogiuno
