#include "IgnoreList.hxx"

#include "CheckSession.hxx"
#include "OgiNames.hxx"
#include "UnoUtil.hxx"

#include <com/sun/star/beans/PropertyAttribute.hpp>
#include <com/sun/star/beans/XPropertyContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>

using namespace css;
using rtl::OUString;

namespace ogiuno {

namespace {

uno::Reference<beans::XPropertyContainer> userProperties(const uno::Reference<lang::XComponent>& model)
{
    uno::Reference<document::XDocumentPropertiesSupplier> supplier(model, uno::UNO_QUERY);
    if (!supplier.is() || !supplier->getDocumentProperties().is())
        return uno::Reference<beans::XPropertyContainer>();
    return supplier->getDocumentProperties()->getUserDefinedProperties();
}

} // namespace

std::set<std::string> readIgnored(const uno::Reference<lang::XComponent>& model)
{
    std::set<std::string> keys;
    try {
        uno::Reference<beans::XPropertySet> props(userProperties(model), uno::UNO_QUERY);
        const OUString name = OGI_IGNORE_PROPERTY;
        if (!props.is() || !props->getPropertySetInfo()->hasPropertyByName(name))
            return keys;
        OUString value;
        props->getPropertyValue(name) >>= value;
        sal_Int32 index = 0;
        do {
            const OUString key = value.getToken(0, ';', index).trim();
            if (!key.isEmpty())
                keys.insert(toStd(key));
        } while (index >= 0);
    } catch (const uno::Exception& e) {
        logLine("ignored findings not readable: " + toStd(e.Message));
    }
    return keys;
}

bool writeIgnored(const uno::Reference<lang::XComponent>& model, const std::set<std::string>& keys)
{
    if (isReadOnly(model))
        return false;
    uno::Reference<beans::XPropertyContainer> container = userProperties(model);
    uno::Reference<beans::XPropertySet> props(container, uno::UNO_QUERY);
    if (!container.is() || !props.is())
        return false;
    const OUString name = OGI_IGNORE_PROPERTY;
    OUString value;
    for (const std::string& k : keys)
        value += (value.isEmpty() ? OUString() : OUString(";")) + toOU(k);
    const bool exists = props->getPropertySetInfo()->hasPropertyByName(name);
    if (keys.empty()) {
        if (exists)
            container->removeProperty(name);
    } else if (exists) {
        props->setPropertyValue(name, uno::Any(value));
    } else {
        container->addProperty(name, beans::PropertyAttribute::REMOVABLE, uno::Any(value));
    }
    return true;
}

} // namespace ogiuno
