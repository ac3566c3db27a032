// The IDL service org.ogi.reportchecker.ReportChecker: converts and routes only.
#pragma once

#include "OgiNames.hxx"
#include "ServiceInfo.hxx"

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase2.hxx>
#include <org/ogi/reportchecker/XReportChecker.hpp>

namespace ogiuno {

class ReportCheckerService
    : public ServiceInfo<ReportCheckerService,
                         cppu::WeakImplHelper2<org::ogi::reportchecker::XReportChecker, css::lang::XServiceInfo>> {
public:
    explicit ReportCheckerService(const css::uno::Reference<css::uno::XComponentContext>& ctx);

    // XReportChecker
    css::uno::Sequence<org::ogi::reportchecker::Diagnostic> SAL_CALL
    check(const css::uno::Reference<css::lang::XComponent>& document) override;
    sal_Int32 SAL_CALL highlight(const css::uno::Reference<css::lang::XComponent>& document) override;
    sal_Int32 SAL_CALL clearMarks(const css::uno::Reference<css::lang::XComponent>& document) override;
    rtl::OUString SAL_CALL checkToJson(const css::uno::Reference<css::lang::XComponent>& document) override;
    rtl::OUString SAL_CALL getLastReport(const css::uno::Reference<css::lang::XComponent>& document) override;
    css::uno::Sequence<org::ogi::reportchecker::Diagnostic> SAL_CALL
    checkAgainst(const css::uno::Reference<css::lang::XComponent>& document,
                 const css::uno::Reference<css::lang::XComponent>& previous) override;
    rtl::OUString SAL_CALL getSnapshot(const css::uno::Reference<css::lang::XComponent>& document) override;
    void SAL_CALL usePrevious(const css::uno::Reference<css::lang::XComponent>& document,
                              const rtl::OUString& previous) override;
    rtl::OUString SAL_CALL choosePrevious(const css::uno::Reference<css::lang::XComponent>& document,
                                          const rtl::OUString& previousUrl) override;
    css::uno::Sequence<org::ogi::reportchecker::Diagnostic> SAL_CALL
    getSuggestions(const css::uno::Reference<css::lang::XComponent>& document) override;
    sal_Bool SAL_CALL applySuggestion(const css::uno::Reference<css::lang::XComponent>& document,
                                      const rtl::OUString& finding) override;
    sal_Int32 SAL_CALL fillTotals(const css::uno::Reference<css::lang::XComponent>& document) override;
    css::uno::Sequence<rtl::OUString> SAL_CALL getRuleIds() override;
    css::uno::Sequence<rtl::OUString> SAL_CALL parseRuleList(const rtl::OUString& list,
                                                             css::uno::Sequence<rtl::OUString>& unknown) override;

    // XServiceInfo (ServiceInfo.hxx)
    static constexpr const char* kImplementationName = OGI_CHECKER_IMPL;
    static constexpr const char* kServiceName = OGI_SERVICE_NAME;

private:
    css::uno::Reference<css::uno::XComponentContext> m_ctx;
};

} // namespace ogiuno
