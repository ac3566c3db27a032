// Label normalization (spec §5.3, ICU-based) and value parsing (spec §5.2).
#pragma once

#include "ogi/Number.h"
#include "ogi/Templates.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ogi {

/// Canonical form of a label for matching: NFKC (full-width → half-width, full-width digits),
/// all whitespace removed (incl. U+3000, line breaks), traditional characters as simplified
/// and pinyin glosses dropped ("項(xiàng)" → "项", issue 9.5), quotes unified, 、 and ， unified,
/// item numbering unified ("1．" "1、" "（1）" → "1."; "（一）" → "(一)"; "一." → "一、").
std::string normalizeLabel(std::string_view text);

/// The label without its numbering prefix and without parenthesized notes, for loose
/// matching ("(二)部分公开(区分处理的...)" → "部分公开").
std::string coreLabel(std::string_view normalized);

/// NFKC + whitespace removal, and every Unicode decimal digit (Nd: Arabic-Indic, Devanagari,
/// full-width, …) as its ASCII digit (used for values and text rules: "办结٦٨件" reads "办结68件").
std::string normalizeValueText(std::string_view text);

/// A paragraph as the text rules read it (spec §6.6, issue 9.5). `shown` is normalizeValueText
/// of the original (what a quote shows: the user's characters, NFKC, no white space); `match` is
/// `shown` in simplified characters with pinyin glosses dropped (what patterns see). Both UTF-16;
/// `origin[i]` is the offset in `shown` of unit i of `match` (`match.size() + 1` entries).
struct FoldedText {
    std::u16string shown, match;
    std::vector<int32_t> origin;
};

FoldedText foldText(std::string_view text);

/// normalizeValueText, then simplified characters and no pinyin glosses (UTF-8): for matching
/// free text (headings) against the simplified wording of the rules.
std::string matchText(std::string_view text);

/// True when the text holds a character that the Hant→Hans conversion changes (cheap test).
bool hasTraditional(std::string_view text);

/// True when every run of Han characters of the text is still there, unchanged, in
/// foldText(text).match: no white space or invisible character, no compatibility ideograph,
/// no traditional character, no gloss. Then a word can be looked for in the raw text.
bool foldKeepsHanWords(std::string_view text);

struct Value {
    enum class Kind {
        Missing,  ///< blank or placeholder ("", "-", "—", "——", "/", "无", "N/A")
        Number,   ///< parsed number in `number`
        Invalid,  ///< text that is not a value of the expected type (kept in `raw`)
    };
    Kind kind = Kind::Missing;
    Decimal number;           ///< exact: an int64 count or a fixed-point 万元 amount
    std::string raw;          ///< the original text
    std::string problem;      ///< why Invalid (en-US, short), e.g. "negative", "not an integer", "value too large"

    bool missing() const { return kind == Kind::Missing; }
    bool ok() const { return kind == Kind::Number; }
};

/// Parse a cell's text as the given type. Never guesses: anything it cannot read is Invalid.
Value parseValue(std::string_view text, ValueType type);

/// True when the text looks like a value of some kind (a number, a signed change, a
/// placeholder or blank) rather than a label. Used to split label cells from value cells.
bool looksLikeValue(std::string_view text);

/// Format a number for messages: integers without decimals, else its exact decimals.
std::string formatNumber(Decimal v);

/// A number as written in running text ("68", "1,234", "１２３", "٦٨"): NFKC, digits of every
/// script, thousands separators; nullopt when it is not one or is too large.
std::optional<Decimal> parseTextNumber(std::string_view text);

namespace detail {
/// Whether foldedNoSpace takes c as it is without asking ICU (kept by stripping, no decimal
/// digit); exposed for the unit test that checks the claim against ICU for every such code point.
bool plainChar(char32_t c);
/// Whether foldedNoSpace takes c as it is without asking ICU whatever surrounds it (NFKC-inert,
/// no white space, no digit); exposed for the unit test that checks the claim against ICU.
bool nfkcInert(char32_t c);
} // namespace detail

} // namespace ogi
