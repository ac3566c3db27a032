#include "IgnoreList.hxx"

#include "CheckSession.hxx"
#include "OgiNames.hxx"
#include "UnoUtil.hxx"


using namespace css;
using rtl::OUString;

namespace ogiuno {

std::set<std::string> readIgnored(const uno::Reference<lang::XComponent>& model)
{
    std::set<std::string> keys;
    try {
        OUString value;
        if (!readUserProperty(model, OGI_IGNORE_PROPERTY, value))
            return keys;
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
    OUString value;
    for (const std::string& k : keys)
        value += (value.isEmpty() ? OUString() : OUString(";")) + toOU(k);
    return writeUserProperty(model, OGI_IGNORE_PROPERTY, value, EmptyValue::Remove);
}

} // namespace ogiuno
