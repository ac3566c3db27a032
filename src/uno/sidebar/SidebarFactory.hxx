// The panel factory of the 年报检查 deck (Factories.xcu: toolpanel OgiReportCheckerPanelFactory):
// the sidebar calls createUIElement(ImplementationURL, {Frame, ParentWindow, Sidebar, …}) and
// gets the findings panel (SidebarPanel.hxx) as a child of ParentWindow.
#pragma once

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/ui/XUIElementFactory.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase2.hxx>

namespace ogiuno {

class SidebarFactory : public cppu::WeakImplHelper2<css::ui::XUIElementFactory, css::lang::XServiceInfo> {
public:
    explicit SidebarFactory(const css::uno::Reference<css::uno::XComponentContext>& ctx) : m_ctx(ctx) {}

    // XUIElementFactory
    css::uno::Reference<css::ui::XUIElement> SAL_CALL
    createUIElement(const rtl::OUString& resourceUrl, const css::uno::Sequence<css::beans::PropertyValue>& args) override;

    // XServiceInfo
    rtl::OUString SAL_CALL getImplementationName() override;
    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override;
    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override;

    static rtl::OUString implementationName();
    static css::uno::Sequence<rtl::OUString> serviceNames();

private:
    css::uno::Reference<css::uno::XComponentContext> m_ctx;
};

} // namespace ogiuno
