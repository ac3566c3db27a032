#include "ogi/Number.h"

#include <charconv>
#include <stdexcept>

namespace ogi {

std::optional<Decimal> Decimal::parse(std::string_view s, ParseError* error)
{
    ParseError dummy;
    ParseError& err = error ? *error : dummy;
    err = ParseError::Syntax;
    bool neg = false;
    if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
        neg = s.front() == '-';
        s.remove_prefix(1);
    }
    const size_t dot = s.find('.');
    const std::string_view whole = s.substr(0, dot);
    const std::string_view frac = dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
    if (whole.empty() || (dot != std::string_view::npos && frac.empty()))
        return std::nullopt;
    for (std::string_view part : {whole, frac})
        for (char c : part)
            if (c < '0' || c > '9')
                return std::nullopt;
    std::int64_t units = 0;
    const auto [end, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), units);
    if (ec == std::errc::result_out_of_range) {
        err = ParseError::TooLarge;
        return std::nullopt;
    }
    if (ec != std::errc() || end != whole.data() + whole.size())
        return std::nullopt;
    Rep fraction = 0;
    for (size_t i = 0; i < frac.size(); ++i) {
        if (i >= static_cast<size_t>(kScale)) {
            if (frac[i] != '0') {
                err = ParseError::TooPrecise;
                return std::nullopt;
            }
            continue;
        }
        fraction = fraction * 10 + (frac[i] - '0');
    }
    for (size_t i = frac.size(); i < static_cast<size_t>(kScale); ++i)
        fraction *= 10;
    Decimal d = fromRaw(static_cast<Rep>(units) * kOne + fraction);
    if (neg)
        d = -d;
    err = ParseError::None;
    return d;
}

std::optional<std::int64_t> Decimal::toInt64() const
{
    if (!isInteger())
        return std::nullopt;
    const Rep u = m_v / kOne;
    if (u > INT64_MAX || u < INT64_MIN)
        return std::nullopt;
    return static_cast<std::int64_t>(u);
}

std::string Decimal::toString() const
{
    // |raw| < 2^127 ≈ 1.7e38: split into 10^18 chunks, each printed by std::to_chars.
    using U = unsigned __int128;
    const bool neg = m_v < 0;
    U mag = neg ? static_cast<U>(-(m_v + 1)) + 1 : static_cast<U>(m_v);
    const U whole = mag / static_cast<U>(kOne);
    std::uint64_t frac = static_cast<std::uint64_t>(mag % static_cast<U>(kOne));
    constexpr std::uint64_t kChunk = 1'000'000'000'000'000'000ULL;
    char buf[64];
    std::string out = neg ? "-" : "";
    const std::uint64_t hi = static_cast<std::uint64_t>(whole / (static_cast<U>(kChunk) * kChunk));
    const std::uint64_t mid = static_cast<std::uint64_t>((whole / kChunk) % kChunk);
    const std::uint64_t lo = static_cast<std::uint64_t>(whole % kChunk);
    auto put = [&](std::uint64_t v, int width) {
        auto r = std::to_chars(buf, buf + sizeof buf, v);
        const std::string digits(buf, r.ptr);
        if (width > 0 && static_cast<int>(digits.size()) < width)
            out.append(static_cast<size_t>(width) - digits.size(), '0');
        out += digits;
    };
    if (hi) {
        put(hi, 0);
        put(mid, 18);
        put(lo, 18);
    } else if (mid) {
        put(mid, 0);
        put(lo, 18);
    } else {
        put(lo, 0);
    }
    if (frac) {
        std::string f;
        {
            auto r = std::to_chars(buf, buf + sizeof buf, frac);
            f.assign(buf, r.ptr);
        }
        f.insert(0, static_cast<size_t>(kScale) - f.size(), '0');
        while (!f.empty() && f.back() == '0')
            f.pop_back();
        out += "." + f;
    }
    return out == "-0" ? "0" : out;
}

Decimal Decimal::operator+(Decimal o) const
{
    Rep r;
    if (__builtin_add_overflow(m_v, o.m_v, &r))
        throw std::overflow_error("value too large");
    return fromRaw(r);
}

Decimal Decimal::operator-(Decimal o) const
{
    Rep r;
    if (__builtin_sub_overflow(m_v, o.m_v, &r))
        throw std::overflow_error("value too large");
    return fromRaw(r);
}

} // namespace ogi
