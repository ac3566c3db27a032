// Exact numbers (spec §5.2; issue 9.1): counts are integers, 万元 amounts fixed-point decimals.
// No floating point anywhere in a rule: a Decimal is a 128-bit integer scaled by 10^6, so any
// int64 count and any amount with up to six decimals is held exactly, and a sum of millions of
// cells cannot overflow. Parsing and formatting use std::from_chars/std::to_chars only: the
// process locale (de_DE's decimal comma) never changes what "2.9" means.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ogi {

class Decimal {
public:
    __extension__ typedef __int128 Rep;
    static constexpr int kScale = 6;                    ///< decimal places held exactly
    static constexpr std::int64_t kOne = 1'000'000;     ///< 10^kScale

    constexpr Decimal() = default;
    /// An integer count.
    constexpr Decimal(std::int64_t units) : m_v(static_cast<Rep>(units) * kOne) {} // NOLINT: implicit on purpose

    enum class ParseError { None, Syntax, TooLarge, TooPrecise };
    /// Plain ASCII decimal: optional sign, digits, optional '.' and fraction digits (no
    /// separators, no exponent). The integer part must fit an int64 (TooLarge otherwise,
    /// never wrapped); more than kScale significant decimals is TooPrecise.
    static std::optional<Decimal> parse(std::string_view s, ParseError* error = nullptr);

    static Decimal fromRaw(Rep raw) { Decimal d; d.m_v = raw; return d; }
    Rep raw() const { return m_v; }

    bool isInteger() const { return m_v % kOne == 0; }
    /// The integer value when it is one and fits an int64.
    std::optional<std::int64_t> toInt64() const;
    /// "242", "2.9", "-1", "0.05", "9007199254740993": shortest exact form, '.' always.
    std::string toString() const;

    /// Exact arithmetic; throws std::overflow_error rather than wrap (unreachable for sums of
    /// parsed cells: each is below 2^63 units, the representation holds 2^127 / 10^6).
    Decimal operator+(Decimal o) const;
    Decimal operator-(Decimal o) const;
    Decimal operator-() const { return fromRaw(-m_v); }
    Decimal& operator+=(Decimal o) { return *this = *this + o; }
    Decimal& operator-=(Decimal o) { return *this = *this - o; }

    friend bool operator==(Decimal a, Decimal b) { return a.m_v == b.m_v; }
    friend bool operator!=(Decimal a, Decimal b) { return a.m_v != b.m_v; }
    friend bool operator<(Decimal a, Decimal b) { return a.m_v < b.m_v; }
    friend bool operator<=(Decimal a, Decimal b) { return a.m_v <= b.m_v; }
    friend bool operator>(Decimal a, Decimal b) { return a.m_v > b.m_v; }
    friend bool operator>=(Decimal a, Decimal b) { return a.m_v >= b.m_v; }

private:
    Rep m_v = 0;
};

} // namespace ogi
