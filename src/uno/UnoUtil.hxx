// Small conversions between the engine's UTF-8 std::string and UNO's OUString. The 7.4 SDK
// is built without LIBO_INTERNAL_ONLY: no u"" literals, no OUStringLiteral (recipe pitfall 2).
#pragma once

#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/uno/Exception.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <rtl/string.hxx>
#include <rtl/ustring.hxx>

#include <cstring>
#include <exception>
#include <string>

namespace ogiuno {

using rtl::OString;
using rtl::OUString;

inline OUString toOU(const std::string& s)
{
    return OUString(s.data(), static_cast<sal_Int32>(s.size()), RTL_TEXTENCODING_UTF8);
}

/// UTF-8 literal (our sources contain Chinese) → OUString.
inline OUString u8(const char* s)
{
    return OUString(s, static_cast<sal_Int32>(std::strlen(s)), RTL_TEXTENCODING_UTF8);
}

inline std::string toStd(const OUString& s)
{
    OString o = rtl::OUStringToOString(s, RTL_TEXTENCODING_UTF8);
    return std::string(o.getStr(), static_cast<size_t>(o.getLength()));
}

/// Logs to stderr with our prefix (the office's own log is not available to extensions).
void logLine(const std::string& text);

/// A user-defined document property (File ▸ Properties ▸ Custom Properties) holding a string:
/// true and `value` when the document has it as a string; false when the document has no such
/// property (or no user-defined properties, or a value of another type). UNO exceptions pass.
bool readUserProperty(const css::uno::Reference<css::lang::XComponent>& model, const OUString& name, OUString& value);

/// What writeUserProperty does with an empty value.
enum class EmptyValue { Store, Remove };
/// Sets the string property `name` (added as a removable property when missing); with
/// EmptyValue::Remove an empty `value` removes it instead. False when the document has no
/// user-defined properties (nothing written). UNO exceptions pass.
bool writeUserProperty(const css::uno::Reference<css::lang::XComponent>& model, const OUString& name,
                       const OUString& value, EmptyValue empty = EmptyValue::Store);

/// Runs `f` and contains every exception it throws (logged with `where`): the body of a UNO
/// listener or callback, which must never let an exception out into the office (issue 9.2).
template <class F> void containExceptions(const char* where, F&& f) noexcept
{
    try {
        f();
    } catch (const css::uno::Exception& e) {
        try { logLine(std::string(where) + ": " + toStd(e.Message)); } catch (...) {}
    } catch (const std::exception& e) {
        try { logLine(std::string(where) + ": " + e.what()); } catch (...) {}
    } catch (...) {
        try { logLine(std::string(where) + ": unknown exception"); } catch (...) {}
    }
}

} // namespace ogiuno
