// User-defined document properties (see UnoUtil.hxx): the ignore list and its reasons, last
// year's report, the marks record keep their state in the document this way.
#include "UnoUtil.hxx"

#include <com/sun/star/beans/PropertyAttribute.hpp>
#include <com/sun/star/beans/XPropertyContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>

using namespace css;

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

bool readUserProperty(const uno::Reference<lang::XComponent>& model, const OUString& name, OUString& value)
{
    uno::Reference<beans::XPropertySet> props(userProperties(model), uno::UNO_QUERY);
    if (!props.is() || !props->getPropertySetInfo()->hasPropertyByName(name))
        return false;
    return props->getPropertyValue(name) >>= value;
}

bool writeUserProperty(const uno::Reference<lang::XComponent>& model, const OUString& name, const OUString& value,
                       EmptyValue empty)
{
    uno::Reference<beans::XPropertyContainer> container = userProperties(model);
    uno::Reference<beans::XPropertySet> props(container, uno::UNO_QUERY);
    if (!container.is() || !props.is())
        return false;
    const bool exists = props->getPropertySetInfo()->hasPropertyByName(name);
    if (value.isEmpty() && empty == EmptyValue::Remove) {
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
