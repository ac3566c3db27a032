// The job bound to OnSave/OnSaveAs in Jobs.xcu (recipe §4.3): unpacks the job arguments
// and hands the document to checkOnSave (SaveCheck.cxx). Also bound to OnFocus: a window opened
// before the extension was installed gets our toolbar when it is next activated (SaveCheckJob.cxx). The office creates one instance per
// event, so it keeps no state. Nothing may escape: a failing check must never fail or delay
// a save, so everything is caught and logged.
#pragma once

#include "OgiNames.hxx"
#include "ServiceInfo.hxx"

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/task/XJob.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase2.hxx>

namespace ogiuno {

class SaveCheckJob
    : public ServiceInfo<SaveCheckJob, cppu::WeakImplHelper2<css::task::XJob, css::lang::XServiceInfo>> {
public:
    explicit SaveCheckJob(const css::uno::Reference<css::uno::XComponentContext>& ctx) : m_ctx(ctx) {}

    // XJob: args hold "Environment" with "EventName" and "Model" (no frame for document events).
    css::uno::Any SAL_CALL execute(const css::uno::Sequence<css::beans::NamedValue>& args) override;

    // XServiceInfo (ServiceInfo.hxx)
    static constexpr const char* kImplementationName = OGI_SAVE_JOB_IMPL;
    static constexpr const char* kServiceName = "com.sun.star.task.Job";

private:
    css::uno::Reference<css::uno::XComponentContext> m_ctx;
};

} // namespace ogiuno
