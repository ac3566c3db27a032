// Event handler of our options page (OptionsDialog.xcu, extension/options/OptionsPage.xdl):
// the options dialog calls callHandlerMethod(window, "initialize" | "ok" | "back",
// "external_event"). "initialize" sets the labels in the UI language and shows the settings,
// "back" shows them again (Reset), "ok" writes them. Converts between controls and
// Settings only. The page's button 规则说明… calls callHandlerMethod(window, event, "openHelp"),
// which opens the packaged help page of the rules (RuleHelpPage.hxx).
#pragma once

#include "OgiNames.hxx"
#include "ServiceInfo.hxx"

#include <com/sun/star/awt/XContainerWindowEventHandler.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase2.hxx>

namespace ogiuno {

class OptionsPage
    : public ServiceInfo<OptionsPage,
                         cppu::WeakImplHelper2<css::awt::XContainerWindowEventHandler, css::lang::XServiceInfo>> {
public:
    explicit OptionsPage(const css::uno::Reference<css::uno::XComponentContext>& ctx) : m_ctx(ctx) {}

    // XContainerWindowEventHandler
    sal_Bool SAL_CALL callHandlerMethod(const css::uno::Reference<css::awt::XWindow>& window,
                                        const css::uno::Any& event, const rtl::OUString& method) override;
    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedMethodNames() override;

    // XServiceInfo (ServiceInfo.hxx)
    static constexpr const char* kImplementationName = OGI_OPTIONS_IMPL;
    static constexpr const char* kServiceName = OGI_OPTIONS_IMPL;

private:
    css::uno::Reference<css::uno::XComponentContext> m_ctx;
};

} // namespace ogiuno
