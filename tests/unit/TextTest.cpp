// Normalization (spec §5.3) and value parsing (spec §5.2) as tables of cases.
#include "ogi/Text.h"

#include "Seeds.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <random>

#include <clocale>
#include <cstdio>
#include <cstdlib>

#include <gtest/gtest.h>

using namespace ogi;

struct SameLabel {
    const char* a;
    const char* b;
};

class NormalizeEquivalent : public ::testing::TestWithParam<SameLabel> {};

TEST_P(NormalizeEquivalent, SpellingsNormalizeAlike)
{
    EXPECT_EQ(normalizeLabel(GetParam().a), normalizeLabel(GetParam().b));
}

INSTANTIATE_TEST_SUITE_P(Labels, NormalizeEquivalent, ::testing::Values(
    SameLabel{"统 计 指 标", "统计指标"},
    SameLabel{"统\u3000计\u3000指\u3000标", "统计指标"},                       // ideographic spaces
    SameLabel{"本年新\n制作数量", "本年新制作数量"},                              // line break inside a header
    SameLabel{"本年新 制作数量", "本年新制作数量"},
    SameLabel{"（一）主动公开政府信息数", "(一)主动公开政府信息数"},              // full/half-width brackets
    SameLabel{"（ 一 ）主动公开", "(一)主动公开"},
    SameLabel{"其中：主动公开规范性文件数", "其中:主动公开规范性文件数"},          // colon
    SameLabel{"1.当面申请数", "1．当面申请数"},                                   // numbering variants
    SameLabel{"1.当面申请数", "1、当面申请数"},
    SameLabel{"1.当面申请数", "（1）当面申请数"},
    SameLabel{"1.当面申请数", "１．当面申请数"},                                  // full-width digit
    SameLabel{"一、主动公开情况", "一.主动公开情况"},
    SameLabel{"3.危及“三安全一稳定”", "3.危及\"三安全一稳定\""},                 // quote styles
    SameLabel{"3.危及“三安全一稳定”", "3.危及'三安全一稳定'"},
    SameLabel{"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
              "1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请"},   // 、 vs ，
    SameLabel{"第二十条第（一）项", "第二十条第(一)项"},
    SameLabel{"\u200b统计数\u00a0", "统计数"}));                                    // zero-width and no-break space

TEST(Normalize, IsStableUnderASecondApplication)
{
    // found by FuzzValue: a combining mark that meets its base only after invisible
    // characters are dropped; "¨" whose NFKC form starts with a space
    for (const std::string s : {std::string("a\0\u0303", 4) + "", std::string("a\0\xcc\x83", 4), std::string("x\u00a8y"),
                                std::string("\u3000\u0301e"), std::string("（ 一 ）\u200b主动")}) {
        const std::string once = normalizeLabel(s);
        EXPECT_EQ(normalizeLabel(once), once);
    }
}

TEST(Normalize, DifferentLabelsStayDifferent)
{
    EXPECT_NE(normalizeLabel("（二）被依法纠错数"), normalizeLabel("（三）其他情形数"));
    EXPECT_NE(normalizeLabel("规范性文件"), normalizeLabel("行政规范性文件"));
    EXPECT_NE(normalizeLabel("1.当面申请数"), normalizeLabel("2.当面申请数"));
}

TEST(Normalize, CoreLabelDropsNumberingAndNotes)
{
    EXPECT_EQ(coreLabel(normalizeLabel("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")), coreLabel(normalizeLabel("(二)部分公开")));
    EXPECT_EQ(coreLabel(normalizeLabel("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")), "部分公开");
    EXPECT_EQ(coreLabel(normalizeLabel("其中：主动公开规范性文件数")), "主动公开规范性文件数");
    EXPECT_EQ(coreLabel(normalizeLabel("1. 专职人员数 (不包括政府公报及政府网站工作人员数)")), "专职人员数");
    // a note cut by a page break (seed 004): the unclosed parenthesis is dropped too
    EXPECT_EQ(coreLabel(normalizeLabel("(四) 政府信息公开专项经费 (不包括用于政府公报编辑管理及政府网站建设维")), "政府信息公开专项经费");
    EXPECT_EQ(coreLabel(normalizeLabel("一、主动公开情况")), "主动公开情况");
}

struct ValueCase {
    const char* text;
    ValueType type;
    Value::Kind kind;
    const char* number;   ///< exact, as Decimal::toString() writes it
};

class ParseValue : public ::testing::TestWithParam<ValueCase> {};

TEST_P(ParseValue, Parses)
{
    const ValueCase& c = GetParam();
    const Value v = parseValue(c.text, c.type);
    EXPECT_EQ(v.kind, c.kind) << c.text << " problem: " << v.problem;
    if (c.kind == Value::Kind::Number)
        EXPECT_EQ(v.number.toString(), c.number) << c.text;
    EXPECT_EQ(v.raw, c.text);
}

using K = Value::Kind;
INSTANTIATE_TEST_SUITE_P(Values, ParseValue, ::testing::Values(
    ValueCase{"0", ValueType::Int, K::Number, "0"},
    ValueCase{"242", ValueType::Int, K::Number, "242"},
    ValueCase{" 242 ", ValueType::Int, K::Number, "242"},
    ValueCase{"１２３", ValueType::Int, K::Number, "123"},              // full-width digits
    ValueCase{"10,998", ValueType::Int, K::Number, "10998"},            // thousands separator
    ValueCase{"1，234，567", ValueType::Int, K::Number, "1234567"},     // full-width separators
    ValueCase{"288条", ValueType::Int, K::Number, "288"},               // trailing unit
    ValueCase{"5件", ValueType::Int, K::Number, "5"},
    ValueCase{"167人次", ValueType::Int, K::Number, "167"},
    ValueCase{"3.0", ValueType::Int, K::Number, "3"},
    ValueCase{"2.9", ValueType::Dec, K::Number, "2.9"},
    ValueCase{"2.9万元", ValueType::Dec, K::Number, "2.9"},
    ValueCase{"0.05", ValueType::Dec, K::Number, "0.05"},
    ValueCase{"1483180", ValueType::Amount, K::Number, "1483180"},
    ValueCase{"1,483,180元", ValueType::Amount, K::Number, "1483180"},
    ValueCase{"23(增)", ValueType::Signed, K::Number, "23"},
    ValueCase{"23（增）", ValueType::Signed, K::Number, "23"},
    ValueCase{"1(减)", ValueType::Signed, K::Number, "-1"},
    ValueCase{"+1036", ValueType::Signed, K::Number, "1036"},
    ValueCase{"-1", ValueType::Signed, K::Number, "-1"},
    ValueCase{"增3", ValueType::Signed, K::Number, "3"},
    ValueCase{"减少1", ValueType::Signed, K::Number, "-1"},
    ValueCase{"0", ValueType::Signed, K::Number, "0"},
    // blanks and placeholders are "missing", never 0 silently
    ValueCase{"", ValueType::Int, K::Missing, "0"},
    ValueCase{"  ", ValueType::Int, K::Missing, "0"},
    ValueCase{"\u3000", ValueType::Int, K::Missing, "0"},
    ValueCase{"-", ValueType::Int, K::Missing, "0"},
    ValueCase{"—", ValueType::Int, K::Missing, "0"},
    ValueCase{"——", ValueType::Int, K::Missing, "0"},
    ValueCase{"/", ValueType::Int, K::Missing, "0"},
    ValueCase{"无", ValueType::Int, K::Missing, "0"},
    ValueCase{"N/A", ValueType::Dec, K::Missing, "0"},
    ValueCase{"", ValueType::Heading, K::Missing, "0"},
    // anything else is reported, never guessed
    ValueCase{"abc", ValueType::Int, K::Invalid, "0"},
    ValueCase{"-3", ValueType::Int, K::Invalid, "0"},
    ValueCase{"2.5", ValueType::Int, K::Invalid, "0"},
    ValueCase{"1,23", ValueType::Int, K::Invalid, "0"},
    ValueCase{"12元", ValueType::Dec, K::Invalid, "0"},               // unit 元 in a 万元 cell
    ValueCase{"约100", ValueType::Int, K::Invalid, "0"},
    ValueCase{"不变", ValueType::Signed, K::Invalid, "0"},
    ValueCase{"5", ValueType::Heading, K::Invalid, "0"},
    // exact at any size (issue 9.1): no double rounding above 2^53, overflow is reported
    ValueCase{"2,000,001", ValueType::Int, K::Number, "2000001"},
    ValueCase{"9007199254740993", ValueType::Int, K::Number, "9007199254740993"},    // 2^53 + 1
    ValueCase{"9223372036854775807", ValueType::Int, K::Number, "9223372036854775807"},
    ValueCase{"9223372036854775808", ValueType::Int, K::Invalid, "0"},               // > int64: too large
    ValueCase{"99999999999999999999999999", ValueType::Dec, K::Invalid, "0"},
    ValueCase{"0.1234567", ValueType::Dec, K::Invalid, "0"},                         // beyond 6 decimals
    ValueCase{"12.3400000", ValueType::Dec, K::Number, "12.34"},
    ValueCase{"0.000001", ValueType::Dec, K::Number, "0.000001"},
    // digits of every script (issue 9.2)
    ValueCase{"٦٨", ValueType::Int, K::Number, "68"},                 // Arabic-Indic
    ValueCase{"۶۸", ValueType::Int, K::Number, "68"},                 // Extended Arabic-Indic (Persian)
    ValueCase{"६८", ValueType::Int, K::Number, "68"},                 // Devanagari
    ValueCase{"৬৮", ValueType::Int, K::Number, "68"},                 // Bengali
    ValueCase{"๖๘", ValueType::Int, K::Number, "68"},                 // Thai
    ValueCase{"𝟔𝟖", ValueType::Int, K::Number, "68"},                 // mathematical bold
    // units after a count (issue 9.9)
    ValueCase{"2笔", ValueType::Int, K::Number, "2"},
    ValueCase{"3家", ValueType::Int, K::Number, "3"},
    ValueCase{"4项", ValueType::Int, K::Number, "4"},
    ValueCase{"5次", ValueType::Int, K::Number, "5"},
    ValueCase{"6个", ValueType::Int, K::Number, "6"},
    ValueCase{"7人", ValueType::Int, K::Number, "7"}));

TEST(Values, TooLargeIsSaidSo)
{
    EXPECT_EQ(parseValue("9223372036854775808", ValueType::Int).problem, "value too large");
    EXPECT_EQ(parseValue("123456789012345678901234567890", ValueType::Amount).problem, "value too large");
}

TEST(Decimal, ExactArithmetic)
{
    // 2,000,001 vs parts 2,000,000 and 20,000,015 vs 20,000,000: a relative tolerance of
    // 1e-6 called both equal; exact arithmetic does not.
    EXPECT_NE(Decimal(2'000'001), Decimal(1'000'000) + Decimal(1'000'000));
    EXPECT_NE(Decimal(20'000'015), Decimal(20'000'000));
    EXPECT_EQ(*Decimal::parse("0.1") + *Decimal::parse("0.2"), *Decimal::parse("0.3"));   // double: false
    const Decimal big = *Decimal::parse("9007199254740993");
    EXPECT_NE(big, *Decimal::parse("9007199254740992"));
    EXPECT_EQ((big + big).toString(), "18014398509481986");
    const Decimal max = *Decimal::parse("9223372036854775807");
    EXPECT_EQ((max + max + max).toString(), "27670116110564327421");   // sums never wrap
    EXPECT_EQ(max.toInt64(), INT64_MAX);
    EXPECT_FALSE((max + 1).toInt64());
    Decimal::ParseError err{};
    EXPECT_FALSE(Decimal::parse("9223372036854775808", &err));
    EXPECT_EQ(err, Decimal::ParseError::TooLarge);
    EXPECT_FALSE(Decimal::parse("1e5"));
    EXPECT_FALSE(Decimal::parse("1,5"));
    EXPECT_FALSE(Decimal::parse("."));
    EXPECT_FALSE(Decimal::parse("1."));
}

TEST(Decimal, LocaleIndependent)
{
    // an office running under de_DE (decimal comma) reads "2.9" as 2.9 and writes "2.9"
    // The locale is compiled for this test (localedef, Debian package `locales`), so that the
    // test never depends on what the machine happens to have generated.
    const std::string dir = ::testing::TempDir() + "ogi-locales";
    const std::string cmd = "mkdir -p '" + dir + "' && localedef -i de_DE -f UTF-8 '" + dir + "/de_DE.UTF-8' 2>/dev/null";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    ::setenv("LOCPATH", dir.c_str(), 1);
    const char* old = std::setlocale(LC_ALL, nullptr);
    const std::string saved = old ? old : "C";
    ASSERT_NE(std::setlocale(LC_ALL, "de_DE.UTF-8"), nullptr);
    char probe[16];
    std::snprintf(probe, sizeof probe, "%.1f", 2.5);
    ASSERT_STREQ(probe, "2,5");   // the locale is really active: printf writes a decimal comma
    EXPECT_EQ(parseValue("2.9", ValueType::Dec).number.toString(), "2.9");
    EXPECT_EQ(formatNumber(*Decimal::parse("1234.5")), "1234.5");
    EXPECT_EQ(parseValue("1,234", ValueType::Int).number.toString(), "1234");
    std::setlocale(LC_ALL, saved.c_str());
    ::unsetenv("LOCPATH");
}

TEST(Values, TextNumbers)
{
    EXPECT_EQ(parseTextNumber("68")->toString(), "68");
    EXPECT_EQ(parseTextNumber("٦٨")->toString(), "68");
    EXPECT_EQ(parseTextNumber("１２３")->toString(), "123");
    EXPECT_EQ(parseTextNumber("1,234")->toString(), "1234");
    EXPECT_EQ(parseTextNumber("1，234")->toString(), "1234");
    EXPECT_FALSE(parseTextNumber("99999999999999999999999"));
    EXPECT_FALSE(parseTextNumber(""));
    EXPECT_EQ(normalizeValueText("办结٦٨件"), "办结68件");
}

TEST(Values, LooksLikeValueSeparatesLabelsFromValues)
{
    EXPECT_TRUE(looksLikeValue("0"));
    EXPECT_TRUE(looksLikeValue(""));
    EXPECT_TRUE(looksLikeValue("——"));
    EXPECT_TRUE(looksLikeValue("23(增)"));
    EXPECT_TRUE(looksLikeValue("2.9"));
    EXPECT_FALSE(looksLikeValue("规章"));
    EXPECT_FALSE(looksLikeValue("（七）总计"));
    EXPECT_FALSE(looksLikeValue("1.当面申请数"));
    // NFKC makes digits of superscripts and circled numbers: whatever parses is a value
    // (found by FuzzValue)
    EXPECT_TRUE(looksLikeValue("\u00b9"));
    EXPECT_TRUE(looksLikeValue("\u2460"));
}

TEST(Values, FormatNumber)
{
    EXPECT_EQ(formatNumber(242), "242");
    EXPECT_EQ(formatNumber(*Decimal::parse("2.9")), "2.9");
    EXPECT_EQ(formatNumber(-1), "-1");
    EXPECT_EQ(formatNumber(*Decimal::parse("0.05")), "0.05");
    EXPECT_EQ(formatNumber(*Decimal::parse("-0.000001")), "-0.000001");
    EXPECT_EQ(formatNumber(*Decimal::parse("9223372036854775807")), "9223372036854775807");
}

// --- Folding's fast paths (issue 9: no slower than before) against a plain ICU reference ---

namespace {

std::u32string toU32(const icu::UnicodeString& u)
{
    std::u32string out;
    for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1))
        out.push_back(static_cast<char32_t>(u.char32At(i)));
    return out;
}

bool droppable(UChar32 c)
{
    const int8_t type = u_charType(c);
    return u_isUWhiteSpace(c) || u_isWhitespace(c) || type == U_FORMAT_CHAR || type == U_CONTROL_CHAR;
}

/// The folding as spec §5.3 words it, one ICU call per step and character, nothing skipped.
std::string referenceFold(const std::string& text)
{
    auto strip = [](const icu::UnicodeString& in, bool& removed) {
        icu::UnicodeString out;
        removed = false;
        for (char32_t c : toU32(in)) {
            if (droppable(static_cast<UChar32>(c)))
                removed = true;
            else
                out.append(static_cast<UChar32>(c));
        }
        return out;
    };
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    bool removed = false;
    icu::UnicodeString u = strip(icu::UnicodeString::fromUTF8(text), removed);
    for (int round = 0; round < 4; ++round) {
        u = strip(nfkc->normalize(u, status), removed);
        if (!removed)
            break;
    }
    icu::UnicodeString out;
    for (char32_t c : toU32(u)) {
        auto cp = static_cast<UChar32>(c);
        if (cp >= 0x80 && u_charType(cp) == U_DECIMAL_DIGIT_NUMBER && u_charDigitValue(cp) >= 0)
            cp = U'0' + u_charDigitValue(cp);
        out.append(cp);
    }
    std::string s;
    out.toUTF8String(s);
    return s;
}

} // namespace

TEST(Normalize, PlainRangesAgreeWithIcu)
{
    int checked = 0;
    for (char32_t c = 0; c < 0x110000; ++c) {
        if (!detail::plainChar(c))
            continue;
        ++checked;
        const auto cp = static_cast<UChar32>(c);
        ASSERT_FALSE(droppable(cp)) << std::hex << static_cast<uint32_t>(c);
        if (c >= 0x80)   // beyond ASCII a plain character is never a digit to map
            ASSERT_NE(u_charType(cp), U_DECIMAL_DIGIT_NUMBER) << std::hex << static_cast<uint32_t>(c);
    }
    EXPECT_GT(checked, 28000);   // ASCII, CJK punctuation … ideographs, full-width forms
}

TEST(Normalize, InertRangesAgreeWithIcu)
{
    // foldedNoSpace keeps these without ICU: NFKC must leave each as it is in any context (quick
    // check yes, combining class 0, boundaries on both sides), and none is white space, invisible
    // or a digit to map; the full-width ASCII variants it maps itself are NFKC's mapping.
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    ASSERT_TRUE(U_SUCCESS(status));
    int checked = 0;
    for (char32_t c = 0; c < 0x110000; ++c) {
        if (!detail::nfkcInert(c))
            continue;
        ++checked;
        const auto cp = static_cast<UChar32>(c);
        ASSERT_EQ(u_getIntPropertyValue(cp, UCHAR_NFKC_QUICK_CHECK), UNORM_YES) << std::hex << static_cast<uint32_t>(c);
        ASSERT_EQ(u_getCombiningClass(cp), 0) << std::hex << static_cast<uint32_t>(c);
        ASSERT_TRUE(nfkc->hasBoundaryBefore(cp) && nfkc->hasBoundaryAfter(cp)) << std::hex << static_cast<uint32_t>(c);
        ASSERT_FALSE(droppable(cp)) << std::hex << static_cast<uint32_t>(c);
        ASSERT_NE(u_charType(cp), U_DECIMAL_DIGIT_NUMBER) << std::hex << static_cast<uint32_t>(c);
        ASSERT_NE(u_charType(cp), U_UNASSIGNED) << std::hex << static_cast<uint32_t>(c);
    }
    EXPECT_GT(checked, 27000);   // CJK punctuation, extension A, the unified ideographs
    for (UChar32 c = 0xFF01; c <= 0xFF5E; ++c) {
        UErrorCode st = U_ZERO_ERROR;
        const icu::UnicodeString n = nfkc->normalize(icu::UnicodeString(c), st);
        ASSERT_TRUE(n.length() == 1 && n.char32At(0) == c - 0xFEE0) << std::hex << c;
    }
}

TEST(Normalize, FoldingAgreesWithThePlainIcuReference)
{
    // Real text (every cell and paragraph of every seed) and random mixes of what folding acts on.
    std::vector<std::string> inputs;
    for (int seed = 0; seed <= 4; ++seed) {   // the five seed reports (Seeds.h)
        const Document doc = test::loadSeed(seed);
        for (const Block& b : doc.blocks)
            inputs.push_back(b.text);
        for (const Table& t : doc.tables)
            for (const Cell& c : t.cells)
                inputs.push_back(c.text);
    }
    ASSERT_GT(inputs.size(), 500u);
    const std::vector<UChar32> alphabet = {
        U'1', U'a', U' ', U'\t', 0x3000, 0xA0, 0xAD, 0x200B, 0xFEFF, 0x2028, 0x0303, 0x00A8, 0x0308, 0xFF11, 0xFF0C,
        0xFF08, 0x0666, 0x0968, 0x1D7D4, 0x4E00, 0x9805, 0x3001, 0x2460, 0x00BD, 0xFB01, 0x1100, 0x1161, 0x3164, 0x0000};
    std::mt19937 rng(20261202);
    for (int i = 0; i < 20000; ++i) {
        icu::UnicodeString u;
        const int len = 1 + static_cast<int>(rng() % 8);
        for (int k = 0; k < len; ++k)
            u.append(alphabet[rng() % alphabet.size()]);
        std::string s;
        u.toUTF8String(s);
        inputs.push_back(s);
    }
    for (const std::string& s : inputs)
        ASSERT_EQ(normalizeValueText(s), referenceFold(s)) << s;
}
