// Label normalization and value parsing. ICU does the Unicode work (NFKC folds full-width
// punctuation and digits, U+3000 and friends); what remains is the report-specific folding
// of spec §5.3: quotes, 、/，, numbering styles, parenthesized notes.
#include "ogi/Text.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <unordered_map>

namespace ogi {
namespace {

std::u32string toU32(const icu::UnicodeString& s)
{
    std::u32string out;
    out.reserve(static_cast<size_t>(s.length()));
    for (int32_t i = 0; i < s.length();) {
        const UChar32 c = s.char32At(i);
        out.push_back(static_cast<char32_t>(c));
        i += U16_LENGTH(c);
    }
    return out;
}

std::string toUtf8(const std::u32string& s)
{
    // the exact size first, then the bytes in place: every label and paragraph goes through here
    size_t n = 0;
    for (char32_t c : s)
        n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    std::string out(n, '\0');
    char* p = out.data();
    for (char32_t c : s) {
        if (c < 0x80) {
            *p++ = static_cast<char>(c);
        } else if (c < 0x800) {
            *p++ = static_cast<char>(0xC0 | (c >> 6));
            *p++ = static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            *p++ = static_cast<char>(0xE0 | (c >> 12));
            *p++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            *p++ = static_cast<char>(0x80 | (c & 0x3F));
        } else {
            *p++ = static_cast<char>(0xF0 | (c >> 18));
            *p++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            *p++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            *p++ = static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

/// The code points of UTF-8 text, as ICU's UnicodeString::fromUTF8 reads them (an ill-formed
/// sequence becomes U+FFFD), decoded directly when the text is well formed (labels always are).
std::u32string decodeUtf8(std::string_view text)
{
    std::u32string out;
    out.reserve(text.size());
    const auto* data = reinterpret_cast<const uint8_t*>(text.data());
    const int32_t size = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
    for (int32_t i = 0; i < size;) {
        UChar32 c = 0;
        U8_NEXT(data, i, size, c);
        if (c < 0)
            return toU32(icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))));
        out.push_back(static_cast<char32_t>(c));
    }
    if (static_cast<size_t>(size) != text.size())
        return toU32(icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))));
    return out;
}

/// Characters that are kept by stripping and (beyond ASCII) are no decimal digit, whatever ICU says about
/// the rest: printable ASCII, CJK punctuation, kana, ideographs (extension A and the unified
/// block), full-width forms. The hot path of every cell and paragraph; a unit test checks the
/// claim against ICU for every code point (Normalize.PlainRangesAgreeWithIcu).
bool plainChar(UChar32 c)
{
    return (c > 0x20 && c < 0x7F) || (c >= 0x3001 && c <= 0x9FFF) || (c >= 0xFF01 && c <= 0xFF0F) ||
           (c >= 0xFF1A && c <= 0xFFEF);   // not the full-width digits
}

bool isDroppable(UChar32 c)
{
    if (plainChar(c))
        return false;
    if (u_isUWhiteSpace(c) || u_isWhitespace(c))
        return true;
    const int8_t type = u_charType(c);
    return type == U_FORMAT_CHAR || type == U_CONTROL_CHAR;   // ZWSP, BOM, soft hyphen, controls
}

/// Drop white space and invisible characters; `removed` tells whether anything went.
icu::UnicodeString stripped(const icu::UnicodeString& s, bool& removed)
{
    const int32_t n = s.length();
    int32_t i = 0;
    while (i < n) {                                // most text has nothing to drop: no copy
        const int32_t at = i;
        UChar32 c = 0;
        U16_NEXT(s.getBuffer(), i, n, c);
        if (isDroppable(c)) {
            i = at;
            break;
        }
    }
    removed = i < n;
    if (!removed)
        return s;
    icu::UnicodeString out(s, 0, i);
    while (i < n) {
        UChar32 c = 0;
        U16_NEXT(s.getBuffer(), i, n, c);
        if (!isDroppable(c))
            out.append(c);
    }
    return out;
}

/// Characters that NFKC leaves as they are whatever surrounds them (quick check "yes",
/// combining class 0, a normalization boundary on both sides) and that are no white space,
/// invisible character or decimal digit: CJK punctuation up to U+3029 and the ideographs of
/// extension A and the unified block. Text made of them, ASCII and full-width ASCII is folded
/// without ICU (Normalize.InertRangesAgreeWithIcu checks the claim for every one).
bool nfkcInert(UChar32 c) { return (c >= 0x3001 && c <= 0x3029) || (c >= 0x3400 && c <= 0x9FFF); }

} // namespace

namespace detail {
bool plainChar(char32_t c) { return ogi::plainChar(static_cast<UChar32>(c)); }
bool nfkcInert(char32_t c) { return ogi::nfkcInert(static_cast<UChar32>(c)); }
} // namespace detail

namespace {

/// foldedNoSpace of text made of ASCII, nfkcInert characters, U+3000 and the full-width ASCII
/// variants (U+FF01–FF5E, which NFKC maps to U+0021–007E: "，" "（" "１"), the bulk of report
/// text: white space dropped, full-width forms mapped, the rest kept. False (and `out` left
/// unspecified) when the text holds anything else: then ICU folds it.
bool foldedNoSpaceFast(std::string_view text, std::u32string& out)
{
    out.clear();
    out.reserve(text.size());
    const auto* data = reinterpret_cast<const uint8_t*>(text.data());
    const int32_t size = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
    if (static_cast<size_t>(size) != text.size())
        return false;
    for (int32_t i = 0; i < size;) {
        UChar32 c = 0;
        U8_NEXT(data, i, size, c);
        if (c >= 0 && c < 0x80) {
            if (c > 0x20 && c != 0x7F)
                out.push_back(static_cast<char32_t>(c));
        } else if (nfkcInert(c)) {
            out.push_back(static_cast<char32_t>(c));
        } else if (c >= 0xFF01 && c <= 0xFF5E) {
            out.push_back(static_cast<char32_t>(c - 0xFEE0));
        } else if (c != 0x3000) {
            return false;                         // ill-formed, or something ICU has to look at
        }
    }
    return true;
}

/// NFKC with every kind of white space and invisible formatting character removed. Spaces
/// are dropped before normalizing (so that NFKC sees the final neighbours) and again after
/// it (NFKC turns U+3000 or "¨" into spaces), until nothing changes — the result is stable
/// under a second application (found by FuzzValue: "a\0\u0303"). The work stays in ICU's
/// UTF-16 until the end: one decoding, one normalization pass (none when ICU's quick check
/// says the text is already NFKC), one conversion out.
std::u32string foldedNoSpace(std::string_view text)
{
    // Fast path: ASCII (most cells are plain numbers) and the bulk of Chinese text need no ICU.
    if (std::u32string fast; foldedNoSpaceFast(text, fast))
        return fast;
    bool removed = false;
    icu::UnicodeString u = stripped(
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))), removed);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    for (int round = 0; round < 4 && U_SUCCESS(status); ++round) {
        UErrorCode st = U_ZERO_ERROR;
        if (nfkc->spanQuickCheckYes(u, st) == u.length() && U_SUCCESS(st))
            break;                                // already NFKC (and stripped): stable
        st = U_ZERO_ERROR;
        icu::UnicodeString n = nfkc->normalize(u, st);
        if (U_FAILURE(st))
            break;
        u = stripped(n, removed);
        if (!removed)
            break;
    }
    // Decimal digits of every script (NFKC folds only the full-width ones): ICU's Nd class
    // and digit value, so "٦٨" (Arabic-Indic), "६८" (Devanagari), "𝟔𝟖" all read 68.
    std::u32string s;
    s.reserve(static_cast<size_t>(u.length()));
    const int32_t n = u.length();
    for (int32_t i = 0; i < n;) {
        UChar32 c = 0;
        U16_NEXT(u.getBuffer(), i, n, c);
        if (c >= 0x80 && !plainChar(c) && u_charType(c) == U_DECIMAL_DIGIT_NUMBER) {
            const int32_t d = u_charDigitValue(c);
            if (d >= 0 && d <= 9)
                c = U'0' + d;
        }
        s.push_back(static_cast<char32_t>(c));
    }
    return s;
}

/// Traditional → simplified characters (issue 9.5: reports copied by mirror sites) with ICU's
/// "Hant-Hans" transliterator, one character at a time, so that every unit of the simplified
/// text knows the character of the user's text it stands for (quotes show the original). The
/// set of characters it changes is the transliterator's source set, tested before any work;
/// the per-character table is built once, on the first traditional character seen.
class Simplifier {
public:
    static const Simplifier& instance()
    {
        static const Simplifier s;
        return s;
    }

    /// Whether the conversion changes c: one bit per BMP character (the hot path of every
    /// label and paragraph), the table beyond it.
    bool changes(char32_t c) const
    {
        if (c < 0x3400)
            return false;
        if (c < 0x10000)
            return (m_bmp[c >> 6] >> (c & 63)) & 1;
        return m_table.count(c) > 0;
    }

    /// The simplified form of c, or null when the conversion leaves it alone.
    const std::u32string* map(char32_t c) const
    {
        auto it = m_table.find(c);
        return it == m_table.end() ? nullptr : &it->second;
    }

private:
    Simplifier()
    {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> trans(icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
        if (U_FAILURE(status) || !trans)
            return;                               // no ICU transliteration data: no conversion
        icu::UnicodeSet source;
        trans->getSourceSet(source);
        // The source set is wider than what changes (一, 中, 公 … are in it): transliterate it
        // once, one character per line (one call: far cheaper than one per character), and keep
        // the characters that really change.
        std::vector<UChar32> chars;
        icu::UnicodeString all;
        const int32_t ranges = source.getRangeCount();
        for (int32_t r = 0; r < ranges; ++r)
            for (UChar32 c = std::max<UChar32>(source.getRangeStart(r), 0x3400); c <= source.getRangeEnd(r); ++c) {
                chars.push_back(c);
                all.append(c).append(static_cast<UChar>(u'\n'));
            }
        trans->transliterate(all);
        const std::u32string out = toU32(all);
        size_t k = 0;
        std::u32string piece;
        for (char32_t d : out) {
            if (d != U'\n') {
                piece.push_back(d);
                continue;
            }
            if (k >= chars.size())
                break;
            const UChar32 c = chars[k++];
            if (piece.size() != 1 || piece[0] != static_cast<char32_t>(c))
                m_table.emplace(static_cast<char32_t>(c), piece);
            piece.clear();
        }
        if (k != chars.size())                    // a rule ate a line break: trust nothing
            m_table.clear();
        // Idempotent, as normalization must be: drop the few mappings into a character that is
        // mapped again (苎 → 苧 → 苎), until none is left.
        for (bool again = true; again;) {
            again = false;
            std::vector<char32_t> drop;
            for (const auto& [from, to] : m_table)
                if (std::any_of(to.begin(), to.end(), [&](char32_t d) { return m_table.count(d) > 0; }))
                    drop.push_back(from);
            for (char32_t c : drop)
                m_table.erase(c);
            again = !drop.empty();
        }
        for (const auto& entry : m_table)
            if (entry.first < 0x10000)
                m_bmp[static_cast<size_t>(entry.first) >> 6] |= uint64_t(1) << (entry.first & 63);
    }

    std::vector<uint64_t> m_bmp = std::vector<uint64_t>(0x10000 / 64, 0);
    std::unordered_map<char32_t, std::u32string> m_table;
};

bool isHan(char32_t c)
{
    UErrorCode status = U_ZERO_ERROR;
    return c >= 0x2E80 && uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_HAN;
}

bool isPinyinLetter(char32_t c)
{
    if (c >= U'a' && c <= U'z')
        return true;
    UErrorCode status = U_ZERO_ERROR;
    return c >= 0xC0 && c < 0x2000 && u_islower(static_cast<UChar32>(c)) &&
           uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_LATIN;   // à ǎ ü ḿ …
}

/// Length of a pinyin gloss "(xiàng)" at s[i] after a Han character (`before`), 0 if there is
/// none: lower-case Latin letters only, with a tone mark or at least two of them.
size_t glossLength(const std::u32string& s, size_t i, char32_t before)
{
    if (s[i] != U'(' || !isHan(before))
        return 0;
    size_t j = i + 1;
    bool tone = false;
    while (j < s.size() && j - i - 1 < 12 && isPinyinLetter(s[j])) {
        tone = tone || s[j] >= 0x80;
        ++j;
    }
    const size_t letters = j - i - 1;
    if (j >= s.size() || s[j] != U')' || letters == 0 || (!tone && letters < 2))
        return 0;
    return j + 1 - i;
}

/// Whether simplified() could change s (a traditional character or a gloss's parenthesis).
bool mayNeedSimplifying(const std::u32string& s)
{
    const Simplifier& simp = Simplifier::instance();
    for (size_t i = 0; i < s.size(); ++i)
        if ((s[i] == U'(' && i > 0 && glossLength(s, i, s[i - 1])) || simp.changes(s[i]))
            return true;
    return false;
}

/// s in simplified characters without pinyin glosses; origin[k] (if given) is the index in s
/// of the character that unit k of the result comes from.
std::u32string simplified(const std::u32string& s, std::vector<int32_t>* origin = nullptr)
{
    const Simplifier& simp = Simplifier::instance();
    std::u32string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        // after the last character kept: "項(xiàng)(xiang)" loses both glosses in one pass
        if (const size_t gloss = out.empty() ? 0 : glossLength(s, i, out.back())) {
            i += gloss - 1;
            continue;
        }
        const std::u32string* to = simp.changes(s[i]) ? simp.map(s[i]) : nullptr;
        const size_t n = to ? to->size() : 1;
        if (to)
            out += *to;
        else
            out.push_back(s[i]);
        if (origin)
            origin->insert(origin->end(), n, static_cast<int32_t>(i));
    }
    return out;
}

void appendUtf16(char32_t c, std::u16string& out)
{
    if (c < 0x10000) {
        out.push_back(static_cast<char16_t>(c));
    } else {
        out.push_back(static_cast<char16_t>(0xD7C0 + (c >> 10)));
        out.push_back(static_cast<char16_t>(0xDC00 | (c & 0x3FF)));
    }
}

bool isChineseNumeral(char32_t c)
{
    return std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos;
}

bool isDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

/// Length of the item-numbering prefix at the start of s (normalized form), 0 if none.
/// Handles "一、", "(一)", "1.", "(1)".
size_t numberingPrefixLength(const std::u32string& s)
{
    size_t i = 0;
    if (!s.empty() && s[0] == U'(') {
        size_t j = 1;
        while (j < s.size() && (isChineseNumeral(s[j]) || isDigit(s[j])))
            ++j;
        if (j > 1 && j < s.size() && s[j] == U')')
            return j + 1;
        return 0;
    }
    while (i < s.size() && isChineseNumeral(s[i]))
        ++i;
    if (i > 0)
        return (i < s.size() && s[i] == U'、') ? i + 1 : 0;
    while (i < s.size() && isDigit(s[i]))
        ++i;
    if (i > 0 && i < s.size() && s[i] == U'.')
        return i + 1;
    return 0;
}

} // namespace

std::string normalizeValueText(std::string_view text)
{
    // ASCII (most value cells): foldedNoSpace keeps the printable characters; no UTF-32 copy
    if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        std::string out;
        out.reserve(text.size());
        for (char c : text)
            if (static_cast<unsigned char>(c) > 0x20 && c != 0x7F)
                out.push_back(c);
        return out;
    }
    return toUtf8(foldedNoSpace(text));
}

std::string normalizeLabel(std::string_view text)
{
    std::u32string s = foldedNoSpace(text);
    if (mayNeedSimplifying(s))
        s = simplified(s);
    for (char32_t& c : s) {
        switch (c) {
        case U'\u201C': case U'\u201D': case U'\u201E': case U'\u2018': case U'\u2019':
        case U'\'': case U'\u300C': case U'\u300D': case U'\u300E': case U'\u300F':
            c = U'"';
            break;
        case U',': case U'\uFF64':   // half-width ideographic comma
            c = U'、';                 // 、 and ，/, are equivalent inside labels (spec §5.3)
            break;
        case U'\u2013': case U'\u2212': case U'\u2015': case U'\u2500':
            c = U'\u2014';            // dashes → em dash
            break;
        default:
            break;
        }
    }
    // Numbering: "1、" / "1." → "1."; "(1)" → "1."; "一." / "一、" → "一、"; "(一)" stays.
    size_t i = 0;
    while (i < s.size() && isDigit(s[i]))
        ++i;
    if (i > 0 && i < s.size() && (s[i] == U'、' || s[i] == U'.'))
        s[i] = U'.';
    else if (!s.empty() && s[0] == U'(') {
        size_t j = 1;
        while (j < s.size() && isDigit(s[j]))
            ++j;
        if (j > 1 && j < s.size() && s[j] == U')')
            s = s.substr(1, j - 1) + U"." + s.substr(j + 1);
    } else {
        i = 0;
        while (i < s.size() && isChineseNumeral(s[i]))
            ++i;
        if (i > 0 && i < s.size() && s[i] == U'.')
            s[i] = U'、';
    }
    return toUtf8(s);
}

FoldedText foldText(std::string_view text)
{
    FoldedText f;
    const std::u32string shown = foldedNoSpace(text);
    std::vector<int32_t> at;   // offset in f.shown of each character of `shown`
    at.reserve(shown.size() + 1);
    f.shown.reserve(shown.size());
    for (char32_t c : shown) {
        at.push_back(static_cast<int32_t>(f.shown.size()));
        appendUtf16(c, f.shown);
    }
    at.push_back(static_cast<int32_t>(f.shown.size()));
    if (!mayNeedSimplifying(shown)) {
        f.match = f.shown;
        f.origin.resize(f.shown.size() + 1);
        for (size_t i = 0; i < f.origin.size(); ++i)
            f.origin[i] = static_cast<int32_t>(i);
        return f;
    }
    std::vector<int32_t> from;
    const std::u32string match = simplified(shown, &from);
    f.match.reserve(match.size());
    f.origin.reserve(match.size() + 1);
    for (size_t k = 0; k < match.size(); ++k) {
        const size_t before = f.match.size();
        appendUtf16(match[k], f.match);
        f.origin.insert(f.origin.end(), f.match.size() - before, at[static_cast<size_t>(from[k])]);
    }
    f.origin.push_back(static_cast<int32_t>(f.shown.size()));
    return f;
}

std::string matchText(std::string_view text)
{
    const std::u32string s = foldedNoSpace(text);
    return toUtf8(mayNeedSimplifying(s) ? simplified(s) : s);
}

bool hasTraditional(std::string_view text)
{
    const icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    const Simplifier& simp = Simplifier::instance();
    for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1))
        if (simp.changes(static_cast<char32_t>(u.char32At(i))))
            return true;
    return false;
}

namespace {
/// Whether the text at byte `i` (just after an opening parenthesis) starts like a pinyin gloss:
/// a lower-case Latin letter (glossLength decides the rest once the text is folded). Real
/// reports are full of "（" that open no gloss; they must not make every paragraph fold.
bool opensGloss(std::string_view text, size_t i)
{
    if (i >= text.size())
        return false;
    UChar32 cp = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, text.size(), cp);
    if (cp >= 0xFF41 && cp <= 0xFF5A)            // full-width a…z: NFKC makes them ASCII
        return true;
    return cp > 0 && isPinyinLetter(static_cast<char32_t>(cp));
}
} // namespace

namespace {
/// Whether folding may change the Han text around a character at or above U+0080 (any but
/// the opening parenthesis, which foldKeepsHanWords looks at itself): white space and format
/// characters go, radicals and compatibility ideographs fold into other characters, a
/// traditional character is simplified, an ill-formed sequence (cp < 0) is replaced.
bool breaksHanWords(UChar32 cp)
{
    return cp < 0 || (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
           (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF || cp == 0x00A0 || cp == 0x00AD ||
           (cp >= 0x2E80 && cp <= 0x2FDF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x1D00 && cp < 0x1E00) ||
           u_charType(cp) == U_FORMAT_CHAR || Simplifier::instance().changes(static_cast<char32_t>(cp));
}

/// breaksHanWords of every BMP character, one bit each, made once: asking ICU for the type of
/// each punctuation mark of a paragraph (u_charType) was most of the cost of the test (issue 11).
class HanWordBreakers {
public:
    static const HanWordBreakers& instance()
    {
        static const HanWordBreakers t;
        return t;
    }
    bool breaks(UChar32 cp) const
    {
        return cp >= 0 && cp < 0x10000 ? ((m_bmp[static_cast<size_t>(cp) >> 6] >> (cp & 63)) & 1) != 0
                                       : breaksHanWords(cp);
    }

private:
    HanWordBreakers() : m_bmp(0x10000 / 64, 0)
    {
        for (UChar32 cp = 0x80; cp < 0x10000; ++cp)
            if (breaksHanWords(cp))
                m_bmp[static_cast<size_t>(cp) >> 6] |= uint64_t(1) << (cp & 63);
    }
    std::vector<uint64_t> m_bmp;
};
} // namespace

bool foldKeepsHanWords(std::string_view text)
{
    const HanWordBreakers& breakers = HanWordBreakers::instance();
    for (size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (c <= 0x20 || c == 0x7F || (c == '(' && opensGloss(text, i + 1)))
                return false;                     // spaces and controls go; "(xiàng)" is a gloss
            ++i;
            continue;
        }
        // the common case, decoded inline: a well-formed three-byte unified ideograph
        if (c >= 0xE4 && c <= 0xE9 && i + 2 < text.size()) {
            const unsigned char t1 = static_cast<unsigned char>(text[i + 1]), t2 = static_cast<unsigned char>(text[i + 2]);
            const char32_t ideograph = (char32_t(c & 0x0F) << 12) | (char32_t(t1 & 0x3F) << 6) | char32_t(t2 & 0x3F);
            if ((t1 & 0xC0) == 0x80 && (t2 & 0xC0) == 0x80 && ideograph >= 0x4E00) {
                if (breakers.breaks(static_cast<UChar32>(ideograph)))
                    return false;
                i += 3;
                continue;
            }
        }
        UChar32 cp = 0;
        U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, text.size(), cp);
        if (cp == 0xFF08) {                       // "（": NFKC makes it "(", which may open a gloss
            if (opensGloss(text, i))
                return false;
            continue;
        }
        if (breakers.breaks(cp))
            return false;
    }
    return true;
}

std::string coreLabel(std::string_view normalized)
{
    std::u32string s = decodeUtf8(normalized);
    s.erase(0, numberingPrefixLength(s));
    const std::u32string qizhong = U"其中:";
    if (s.compare(0, qizhong.size(), qizhong) == 0)
        s.erase(0, qizhong.size());
    // Drop parenthesized notes, including one left unclosed by a line or page break.
    std::u32string out;
    int depth = 0;
    for (char32_t c : s) {
        if (c == U'(') {
            ++depth;
            continue;
        }
        if (c == U')') {
            if (depth > 0)
                --depth;
            continue;
        }
        if (depth == 0)
            out.push_back(c);
    }
    return toUtf8(out);
}

namespace {

bool isPlaceholder(std::string_view s)
{
    static constexpr std::string_view kPlaceholders[] = {
        "", "-", "--", "—", "——", "–", "/", "\\", "无", "N/A", "n/a", "NA", "空", "…", "...", "×",
    };
    static constexpr size_t kLongest = [] {
        size_t n = 0;
        for (std::string_view p : kPlaceholders)
            n = std::max(n, p.size());
        return n;
    }();
    if (s.size() > kLongest)
        return false;                             // labels, most values
    for (std::string_view p : kPlaceholders)
        if (s == p)
            return true;
    return false;
}

bool endsWith(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.compare(0, prefix.size(), prefix) == 0;
}

/// Units written after a count in real tables: 件 条 篇 人次 …, and 笔/家/项/个/次/人 (issue
/// 9.9: "2笔" is the count 2). Longest first.
const std::initializer_list<std::string_view> kCountUnits = {"人次", "件", "条", "个", "人", "次", "篇", "项", "笔", "家"};

/// Plain decimal number: optional sign, digits with optional thousands groups, optional
/// fraction; exact (Decimal). `problem` says why not, when it is a number we cannot hold.
/// Values are parsed for every cell of every check: no allocation unless a comma has to go.
bool parsePlainNumber(std::string_view s, Decimal& out, std::string* problem = nullptr)
{
    if (s.empty())
        return false;
    size_t i = 0;
    if (s[i] == '+' || s[i] == '-')
        ++i;
    size_t groupLen = 0;
    bool sawComma = false, sawDigit = false;
    for (; i < s.size() && s[i] != '.'; ++i) {
        const char c = s[i];
        if (c >= '0' && c <= '9') {
            ++groupLen;
            sawDigit = true;
        } else if (c == ',') {
            // thousands separator: 1-3 digits before the first, exactly 3 between
            if (!sawDigit || (sawComma ? groupLen != 3 : groupLen > 3))
                return false;
            sawComma = true;
            groupLen = 0;
        } else {
            return false;
        }
    }
    if (!sawDigit || (sawComma && groupLen != 3))
        return false;
    // the sign, the digits without their separators, the fraction (Decimal::parse checks its digits)
    std::string withoutCommas;
    std::string_view digits = s;
    if (sawComma) {
        withoutCommas.reserve(s.size());
        for (size_t k = 0; k < i; ++k)
            if (s[k] != ',')
                withoutCommas.push_back(s[k]);
        withoutCommas.append(s.substr(i));
        digits = withoutCommas;
    }
    Decimal::ParseError err = Decimal::ParseError::None;
    const std::optional<Decimal> d = Decimal::parse(digits, &err);
    if (!d) {
        if (problem && err == Decimal::ParseError::TooLarge)
            *problem = "value too large";
        else if (problem && err == Decimal::ParseError::TooPrecise)
            *problem = "more than 6 decimal places";
        return false;
    }
    out = *d;
    return true;
}

std::string_view stripUnit(std::string_view s, std::initializer_list<std::string_view> units, std::string* found = nullptr)
{
    for (std::string_view u : units)
        if (endsWith(s, u) && s.size() > u.size()) {
            if (found)
                *found = std::string(u);
            return s.substr(0, s.size() - u.size());
        }
    return s;
}

Value invalid(std::string raw, std::string problem)
{
    Value v;
    v.kind = Value::Kind::Invalid;
    v.raw = std::move(raw);
    v.problem = std::move(problem);
    return v;
}

bool parseSigned(std::string_view s, Decimal& out, std::string* problem = nullptr)
{
    // "23(增)", "1(减)", "+1036", "-1", "增3", "减少1", "增加3", "0"
    struct Word {
        std::string_view word, bracketed;
        int sign;
    };
    static constexpr Word kWords[] = {
        {"增加", "(增加)", 1}, {"减少", "(减少)", -1}, {"新增", "(新增)", 1}, {"增", "(增)", 1}, {"减", "(减)", -1},
    };
    // every word opens with a Han character and every bracketed one ends with ')': a plain
    // number ("23", "+1036") meets none of them
    const bool mayHaveWord = !s.empty() && (static_cast<unsigned char>(s.front()) >= 0x80 || s.back() == ')');
    for (const Word& w : kWords) {
        if (!mayHaveWord)
            break;
        if (endsWith(s, w.bracketed)) {
            Decimal v;
            if (parsePlainNumber(s.substr(0, s.size() - w.bracketed.size()), v, problem) && v >= 0) {
                out = w.sign < 0 ? -v : v;
                return true;
            }
            return false;
        }
        if (startsWith(s, w.word)) {
            Decimal v;
            if (parsePlainNumber(stripUnit(s.substr(w.word.size()), {"项", "个", "件"}), v, problem) && v >= 0) {
                out = w.sign < 0 ? -v : v;
                return true;
            }
            return false;
        }
    }
    return parsePlainNumber(stripUnit(s, {"项", "个", "件"}), out, problem);
}

/// False only when the text surely normalizes to something without a digit: every code point
/// is an ASCII non-digit, a CJK ideograph or CJK/general punctuation. Anything else (full-width
/// digits, superscripts, circled numbers…) may become a digit under NFKC.
bool mayHoldDigit(std::string_view s)
{
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (c >= '0' && c <= '9')
                return true;
            ++i;
            continue;
        }
        if ((c & 0xF0) != 0xE0 || i + 2 >= s.size())
            return true;                      // 2- or 4-byte sequences: not worth the analysis
        const char32_t cp = ((c & 0x0F) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                            (static_cast<unsigned char>(s[i + 2]) & 0x3F);
        const bool safe = (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3000 && cp <= 0x303F) ||
                          (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
                          (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
                          (cp >= 0xFF5B && cp <= 0xFF65);
        if (!safe)
            return true;
        i += 3;
    }
    return false;
}

} // namespace

Value parseValue(std::string_view text, ValueType type)
{
    // Most value cells are a plain run of ASCII digits: no normalizing, no units, no signed
    // words; every type but Heading reads it as the non-negative whole number it is.
    if (type != ValueType::Heading && !text.empty() && text.size() <= 18 &&
        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        // at most 18 digits: below 10^18, an int64 holds it (what Decimal::parse reads it as)
        std::int64_t units = 0;
        for (char c : text)
            units = units * 10 + (c - '0');
        Value v;
        v.raw = std::string(text);
        v.kind = Value::Kind::Number;
        v.number = Decimal(units);
        return v;
    }
    const std::string s = normalizeValueText(text);
    Value v;
    v.raw = std::string(text);
    if (isPlaceholder(s)) {
        v.kind = Value::Kind::Missing;
        return v;
    }
    Decimal number;
    std::string problem;
    auto unreadable = [&](const char* what) { return invalid(v.raw, problem.empty() ? what : problem); };
    switch (type) {
    case ValueType::Heading:
        return invalid(v.raw, "a heading row must not hold a value");
    case ValueType::Int: {
        if (!parsePlainNumber(stripUnit(s, kCountUnits), number, &problem))
            return unreadable("not a number");
        if (number < 0)
            return invalid(v.raw, "negative");
        if (!number.isInteger())
            return invalid(v.raw, "not an integer");
        break;
    }
    case ValueType::Dec: {
        std::string unit;
        const std::string_view body = stripUnit(s, {"万元", "元"}, &unit);
        if (unit == "元")
            return invalid(v.raw, "unit 元 in a 万元 cell");
        if (!parsePlainNumber(body, number, &problem))
            return unreadable("not a number");
        if (number < 0)
            return invalid(v.raw, "negative");
        break;
    }
    case ValueType::Signed:
        if (!parseSigned(s, number, &problem))
            return unreadable("not a signed number");
        if (!number.isInteger())
            return invalid(v.raw, "not a whole number");   // 本年增/减 counts items
        break;
    case ValueType::Amount:
        if (!parsePlainNumber(stripUnit(s, {"万元", "元"}), number, &problem))
            return unreadable("not an amount");
        if (number < 0)
            return invalid(v.raw, "negative");
        break;
    }
    v.kind = Value::Kind::Number;
    v.number = number;
    return v;
}

bool looksLikeValue(std::string_view text)
{
    if (!mayHoldDigit(text)) // labels: only a short placeholder can be a value without digits
        return text.size() <= 24 && isPlaceholder(normalizeValueText(text));
    const std::string s = normalizeValueText(text);
    if (isPlaceholder(s))
        return true;
    Decimal n;
    if (parseSigned(s, n))
        return true;
    if (parsePlainNumber(stripUnit(s, {"万元", "元"}), n))
        return true;
    return parsePlainNumber(stripUnit(s, kCountUnits), n);
}

std::string formatNumber(Decimal v)
{
    return v.toString();
}

std::optional<Decimal> parseTextNumber(std::string_view text)
{
    Decimal d;
    if (text.empty() || text.size() > 64 || !parsePlainNumber(normalizeValueText(text), d))
        return std::nullopt;
    return d;
}

const char* toString(ValueType t)
{
    switch (t) {
    case ValueType::Int: return "int";
    case ValueType::Dec: return "dec";
    case ValueType::Signed: return "signed";
    case ValueType::Amount: return "amount";
    case ValueType::Heading: return "heading";
    }
    return "int";
}

} // namespace ogi
