// XServiceInfo written once for the classes of the factory table (ComponentFactory.cxx), as
// cppu::supportsService is for the one method: a class derives from
//     ServiceInfo<Self, cppu::WeakImplHelperN<Ifc..., css::lang::XServiceInfo>>
// and names its implementation and its service as two constants (from OgiNames.hxx):
//     static constexpr const char* kImplementationName = OGI_..._IMPL;
//     static constexpr const char* kServiceName = "com.sun.star....";
// The SDK of LibreOffice 7.4 has no variadic cppu::WeakImplHelper, hence the helper as a parameter.
#pragma once

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/Sequence.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <rtl/ustring.hxx>

namespace ogiuno {

template <typename Self, typename Helper> class ServiceInfo : public Helper {
public:
    /// For the factory table (cppu::ImplementationEntry).
    static rtl::OUString implementationName() { return rtl::OUString::createFromAscii(Self::kImplementationName); }
    static css::uno::Sequence<rtl::OUString> serviceNames()
    {
        const rtl::OUString name = rtl::OUString::createFromAscii(Self::kServiceName);
        return css::uno::Sequence<rtl::OUString>(&name, 1);   // no initializer list outside LibreOffice
    }

    // XServiceInfo
    rtl::OUString SAL_CALL getImplementationName() override { return implementationName(); }
    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override { return cppu::supportsService(this, name); }
    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override { return serviceNames(); }
};

} // namespace ogiuno
