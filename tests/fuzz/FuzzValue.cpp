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
    // the text rules' folding (issue 9.5): every unit of the simplified text points into the
    // shown text, in order; simplifying again changes nothing
    const ogi::FoldedText f = ogi::foldText(text);
    if (f.origin.size() != f.match.size() + 1 || f.origin.back() != static_cast<int32_t>(f.shown.size()))
        std::abort();
    for (size_t i = 0; i + 1 < f.origin.size(); ++i)
        if (f.origin[i] < 0 || f.origin[i] > f.origin[i + 1])
            std::abort();
    const std::string m = ogi::matchText(text);
    if (ogi::matchText(m) != m)
        std::abort();
    // exact numbers: whatever parses formats back to something that parses to the same value
    if (const auto d = ogi::parseTextNumber(text)) {
        const auto again = ogi::Decimal::parse(d->toString());
        if (!again || *again != *d)
            std::abort();
    }
    return 0;
}
