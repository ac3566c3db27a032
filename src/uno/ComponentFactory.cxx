// The component's entry points: a factory table listing every implementation. The
// .components "constructor" attribute is not used: it is ignored when the extension is added
// to a running office (recipe pitfall 5), component_getFactory always works.
#include "OgiNames.hxx"
#include "OptionsPage.hxx"
#include "ProtocolHandler.hxx"
#include "ReportCheckerService.hxx"
#include "SaveCheckJob.hxx"
#include "sidebar/SidebarFactory.hxx"

#include <cppuhelper/factory.hxx>
#include <cppuhelper/implementationentry.hxx>
#include <uno/lbnames.h>

using namespace css;

namespace {

uno::Reference<uno::XInterface> SAL_CALL createChecker(const uno::Reference<uno::XComponentContext>& ctx)
{
    return static_cast<cppu::OWeakObject*>(new ogiuno::ReportCheckerService(ctx));
}

uno::Reference<uno::XInterface> SAL_CALL createHandler(const uno::Reference<uno::XComponentContext>& ctx)
{
    return static_cast<cppu::OWeakObject*>(new ogiuno::ProtocolHandler(ctx));
}

uno::Reference<uno::XInterface> SAL_CALL createSaveCheckJob(const uno::Reference<uno::XComponentContext>& ctx)
{
    return static_cast<cppu::OWeakObject*>(new ogiuno::SaveCheckJob(ctx));
}

uno::Reference<uno::XInterface> SAL_CALL createOptionsPage(const uno::Reference<uno::XComponentContext>& ctx)
{
    return static_cast<cppu::OWeakObject*>(new ogiuno::OptionsPage(ctx));
}

uno::Reference<uno::XInterface> SAL_CALL createSidebarFactory(const uno::Reference<uno::XComponentContext>& ctx)
{
    return static_cast<cppu::OWeakObject*>(new ogiuno::SidebarFactory(ctx));
}

const cppu::ImplementationEntry kEntries[] = {
    {createChecker, ogiuno::ReportCheckerService::implementationName, ogiuno::ReportCheckerService::serviceNames,
     cppu::createSingleComponentFactory, nullptr, 0},
    {createHandler, ogiuno::ProtocolHandler::implementationName, ogiuno::ProtocolHandler::serviceNames,
     cppu::createSingleComponentFactory, nullptr, 0},
    {createSaveCheckJob, ogiuno::SaveCheckJob::implementationName, ogiuno::SaveCheckJob::serviceNames,
     cppu::createSingleComponentFactory, nullptr, 0},
    {createOptionsPage, ogiuno::OptionsPage::implementationName, ogiuno::OptionsPage::serviceNames,
     cppu::createSingleComponentFactory, nullptr, 0},
    {createSidebarFactory, ogiuno::SidebarFactory::implementationName, ogiuno::SidebarFactory::serviceNames,
     cppu::createSingleComponentFactory, nullptr, 0},
    {nullptr, nullptr, nullptr, nullptr, nullptr, 0},
};

} // namespace

extern "C" SAL_DLLPUBLIC_EXPORT void* SAL_CALL component_getFactory(const char* implName, void* serviceManager,
                                                                      void* registryKey)
{
    return cppu::component_getFactoryHelper(implName, serviceManager, registryKey, kEntries);
}

extern "C" SAL_DLLPUBLIC_EXPORT void SAL_CALL component_getImplementationEnvironment(const char** envTypeName,
                                                                                       uno_Environment**)
{
    *envTypeName = CPPU_CURRENT_LANGUAGE_BINDING_NAME;
}
