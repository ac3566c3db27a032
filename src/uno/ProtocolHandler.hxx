// Protocol handler for vnd.org.ogi.reportchecker:* — matches the command and hands off to
// its dispatch class; nothing else. The office creates one instance per frame.
#pragma once

#include "OgiNames.hxx"
#include "ServiceInfo.hxx"

#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase3.hxx>

namespace ogiuno {

class ProtocolHandler
    : public ServiceInfo<ProtocolHandler,
                         cppu::WeakImplHelper3<css::frame::XDispatchProvider, css::lang::XInitialization,
                                               css::lang::XServiceInfo>> {
public:
    explicit ProtocolHandler(const css::uno::Reference<css::uno::XComponentContext>& ctx) : m_ctx(ctx) {}

    // XInitialization: args[0] is the frame. Kept cheap: called for every new frame.
    void SAL_CALL initialize(const css::uno::Sequence<css::uno::Any>& args) override;

    // XDispatchProvider
    css::uno::Reference<css::frame::XDispatch> SAL_CALL queryDispatch(const css::util::URL& url,
                                                                       const rtl::OUString& target,
                                                                       sal_Int32 flags) override;
    css::uno::Sequence<css::uno::Reference<css::frame::XDispatch>> SAL_CALL
    queryDispatches(const css::uno::Sequence<css::frame::DispatchDescriptor>& requests) override;

    // XServiceInfo (ServiceInfo.hxx)
    static constexpr const char* kImplementationName = OGI_HANDLER_IMPL;
    static constexpr const char* kServiceName = "com.sun.star.frame.ProtocolHandler";

private:
    css::uno::Reference<css::uno::XComponentContext> m_ctx;
    css::uno::Reference<css::frame::XFrame> m_frame;
};

} // namespace ogiuno
