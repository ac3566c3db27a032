// libFuzzer: value parsing and label normalization never crash, never loop, and agree with
// themselves (a value that parses is a value, normalization is idempotent).
#include "ogi/Text.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    for (ogi::ValueType t : {ogi::ValueType::Int, ogi::ValueType::Dec, ogi::ValueType::Signed,
                             ogi::ValueType::Amount, ogi::ValueType::Heading}) {
        const ogi::Value v = ogi::parseValue(text, t);
        if (v.ok() && t != ogi::ValueType::Heading && !ogi::looksLikeValue(text))
            std::abort();
        if ((t == ogi::ValueType::Int || t == ogi::ValueType::Dec) && v.ok() && v.number < 0)
            std::abort();
    }
    const std::string n = ogi::normalizeLabel(text);
    if (ogi::normalizeLabel(n) != n)
        std::abort();
    (void)ogi::coreLabel(n);
    // exact numbers: whatever parses formats back to something that parses to the same value
    if (const auto d = ogi::parseTextNumber(text)) {
        const auto again = ogi::Decimal::parse(d->toString());
        if (!again || *again != *d)
            std::abort();
    }
    return 0;
}
