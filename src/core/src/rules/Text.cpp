// Text kinds (spec §6.6): textzero (the text says there was none, the table has some) and
// textcount (a number the text states must equal the sum of table cells), and the document
// index they share: the paragraphs folded, split into sentences and matched once per check
// (issue 11), never once per table.
#include "rules/Kind.h"

#include <unicode/brkiter.h>
#include <unicode/regex.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <set>

namespace ogi {
namespace rules {

std::string toUtf8(std::u16string_view u)
{
    std::string s;
    icu::UnicodeString(u.data(), static_cast<int32_t>(u.size())).toUTF8String(s);
    return s;
}

} // namespace rules

using rules::toUtf8;
using namespace rules;

namespace {

std::string toUtf8(const icu::UnicodeString& u)
{
    std::string s;
    u.toUTF8String(s);
    return s;
}

/// One sentence break iterator per thread (created once; BreakIterator is not thread-safe).
icu::BreakIterator* sentenceIterator()
{
    thread_local std::unique_ptr<icu::BreakIterator> it = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> b(
            icu::BreakIterator::createSentenceInstance(icu::Locale::getChinese(), status));
        if (U_FAILURE(status))
            b.reset();
        return b;
    }();
    return it.get();
}

/// The regex time limit of one sentence, in the matcher's units (about 10,000 engine steps
/// each): ~1,000 steps per character. The bounded patterns need a few dozen; this is the last
/// guard (issue 16.7), never what decides a finding.
int32_t timeLimitFor(int32_t length)
{
    return 200 + length / 10;
}

bool containsAny(std::u16string_view text, const std::vector<std::u16string>& needles)
{
    return std::any_of(needles.begin(), needles.end(),
                       [&](const std::u16string& n) { return text.find(n) != std::u16string_view::npos; });
}

} // namespace

namespace {

/// Every text rule's prefilter words; empty when some text rule has none (then every
/// paragraph is folded).
const std::vector<std::string>& allPrefilters()
{
    static const std::vector<std::string> all = [] {
        std::vector<std::string> words;
        for (const RuleDecl& r : ruleCatalog()) {
            if (r.kind != "textcount" && r.kind != "textzero")
                continue;
            if (r.prefilter.empty())
                return std::vector<std::string>{};
            words.insert(words.end(), r.prefilter.begin(), r.prefilter.end());
        }
        std::sort(words.begin(), words.end());
        words.erase(std::unique(words.begin(), words.end()), words.end());
        return words;
    }();
    return all;
}

/// The catalog's prefilter words by their first character, made once. A word is compared only
/// where its first character stands: a word opens with a well-formed BMP character (one whose
/// first character is not is never looked for), so wherever it occurs that character decodes at
/// its first byte, also in text that is not valid UTF-8. Grouped by their first two bytes, the
/// words of a Chinese text were compared at most characters (one pair leads 64 ideographs).
struct PrefilterWords {
    std::vector<uint16_t> group = std::vector<uint16_t>(0x10000, 0);   ///< first character -> 1 + index in words
    std::vector<std::vector<std::string>> words;                        ///< by their first character

    /// Whether one of the words starts at `at`, where the character `c` (cp < 0: ill-formed) opens.
    bool wordAt(std::string_view text, size_t at, UChar32 c) const
    {
        if (c < 0 || c >= 0x10000)
            return false;
        const uint16_t g = group[static_cast<size_t>(c)];
        if (!g)
            return false;
        for (const std::string& w : words[g - 1u])
            if (text.compare(at, w.size(), w) == 0)
                return true;
        return false;
    }
};

const PrefilterWords& prefilterWords()
{
    static const PrefilterWords words = [] {
        PrefilterWords l;
        for (const std::string& w : allPrefilters()) {
            int32_t i = 0;
            UChar32 c = 0;
            U8_NEXT(reinterpret_cast<const uint8_t*>(w.data()), i, static_cast<int32_t>(w.size()), c);
            if (c < 0 || c >= 0x10000)
                continue;                         // never matched: its first character is no BMP one
            uint16_t& g = l.group[static_cast<size_t>(c)];
            if (!g) {
                l.words.emplace_back();
                g = static_cast<uint16_t>(l.words.size());   // at most one group per BMP character
            }
            l.words[g - 1u].push_back(w);
        }
        return l;
    }();
    return words;
}

/// Whether the raw text contains one of the catalog's prefilter words: one pass, a word
/// compared only where its first character stands.
bool containsAnyPrefilter(std::string_view text)
{
    const PrefilterWords& words = prefilterWords();
    const auto* data = reinterpret_cast<const uint8_t*>(text.data());
    const int32_t size = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
    for (int32_t at = 0; at < size; ++at) {
        int32_t next = at;
        UChar32 c = 0;
        U8_NEXT(data, next, size, c);
        if (words.wordAt(text, static_cast<size_t>(at), c))
            return true;
    }
    return false;
}

/// The white space that folding removes (compactText drops it from the raw text).
bool isFoldedSpace(UChar32 c)
{
    return (c >= 0 && c <= 0x20) || c == 0x7F || c == 0xA0 || c == 0xAD || c == 0x3000 ||
           (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x206F) ||
           c == 0xFEFF;
}

/// Only an ASCII byte or the lead bytes C2, E2, E3, EF can start a white space character; none
/// of them is ever a trail byte, so every other byte is passed without decoding.
constexpr std::array<bool, 256> kMayOpenSpace = [] {
    std::array<bool, 256> t{};
    for (int b = 0; b < 256; ++b)
        t[static_cast<size_t>(b)] = !((b > 0x20 && b < 0x7F) || (b >= 0x80 && b != 0xC2 && b != 0xE2 && b != 0xE3 && b != 0xEF));
    return t;
}();

/// The raw text without white space (which folding removes): when nothing in it folds into
/// another Han character (foldKeepsHanWords), a prefilter word is in the folded text only if it
/// is in this one.
std::string compactText(const std::string& raw)
{
    std::string compact;
    compact.reserve(raw.size());
    const auto* data = reinterpret_cast<const uint8_t*>(raw.data());
    const int32_t size = static_cast<int32_t>(std::min<size_t>(raw.size(), INT32_MAX));
    int32_t run = 0;   // start of the bytes kept and not yet copied
    for (int32_t i = 0; i < size;) {
        if (!kMayOpenSpace[data[i]]) {
            ++i;
            continue;
        }
        const int32_t at = i;
        UChar32 c = 0;
        U8_NEXT(data, i, size, c);
        if (isFoldedSpace(c)) {
            compact.append(raw, static_cast<size_t>(run), static_cast<size_t>(at - run));
            run = i;
        }
    }
    compact.append(raw, static_cast<size_t>(run), static_cast<size_t>(size - run));
    return compact;
}

/// What one pass over a paragraph's raw text tells: whether it holds white space (then its
/// compact text differs and is looked at instead), else whether a prefilter word is in it.
struct RawScan {
    bool spaced = false;
    bool prefiltered = false;
};

/// compactText and containsAnyPrefilter in one pass for the common paragraph, one with no white
/// space (issue 11: the paragraphs were read three times each per check). A well-formed
/// ideograph (lead byte E4–E9) is no white space and holds no character's first byte after its
/// own, so it is decoded inline and passed whole; any other byte is decoded where it stands and
/// passed alone, as compactText and containsAnyPrefilter look at it.
RawScan scanRaw(const std::string& raw)
{
    RawScan out;
    if (raw.size() > INT32_MAX) {             // compactText reads no further: its text is shorter
        out.spaced = true;
        return out;
    }
    const PrefilterWords& words = prefilterWords();
    const auto* data = reinterpret_cast<const uint8_t*>(raw.data());
    const size_t size = raw.size();
    for (size_t i = 0; i < size;) {
        const uint8_t b = data[i];
        UChar32 c = 0;
        size_t step = 1;
        if (b >= 0xE4 && b <= 0xE9 && i + 2 < size && (data[i + 1] & 0xC0) == 0x80 && (data[i + 2] & 0xC0) == 0x80) {
            c = static_cast<UChar32>((uint32_t(b & 0x0F) << 12) | (uint32_t(data[i + 1] & 0x3F) << 6) |
                                     uint32_t(data[i + 2] & 0x3F));
            step = 3;
        } else {
            int32_t next = static_cast<int32_t>(i);
            U8_NEXT(data, next, static_cast<int32_t>(size), c);
            if (kMayOpenSpace[b] && isFoldedSpace(c)) {
                out.spaced = true;
                return out;
            }
        }
        if (!out.prefiltered && words.wordAt(raw, i, c))
            out.prefiltered = true;
        i += step;
    }
    return out;
}

} // namespace

const std::vector<TextIndex::Paragraph>& TextIndex::paragraphs() const
{
    if (m_built)
        return m_paragraphs;
    m_built = true;
    m_byBlock.assign(m_doc->blocks.size(), -1);
    for (size_t i = 0; i < m_doc->blocks.size(); ++i) {
        const Block& b = m_doc->blocks[i];
        if (b.kind != Block::Kind::Paragraph || b.text.empty())
            continue;
        // Most paragraphs hold none of the rules' words: skip them before folding, when the raw
        // text shows it (no traditional characters, no white space inside a word, …).
        // One pass tells whether the text is its own compact form (no white space) and finds the
        // words; only a paragraph with white space is copied before it is known to be kept.
        const RawScan scan = scanRaw(b.text);
        std::string spaced;
        if (scan.spaced) {
            spaced = compactText(b.text);
            if (spaced.empty())
                continue;
        }
        const std::string_view compact = scan.spaced ? std::string_view(spaced) : std::string_view(b.text);
        const bool mayChange = !foldKeepsHanWords(compact);
        if (!mayChange && !allPrefilters().empty() &&
            !(scan.spaced ? containsAnyPrefilter(compact) : scan.prefiltered))
            continue;                             // none of the rules' words: never folded
        Paragraph p;
        p.block = i;
        if (scan.spaced)
            p.compact = std::move(spaced);
        else
            p.compact = b.text;
        p.mayChange = mayChange;
        m_byBlock[i] = static_cast<int>(m_paragraphs.size());
        m_paragraphs.push_back(std::move(p));
    }
    return m_paragraphs;
}

const FoldedText& TextIndex::fold(const Paragraph& p)
{
    if (!p.folded) {
        p.text = foldText(p.compact);
        p.folded = true;
    }
    return p.text;
}

const std::vector<std::pair<int32_t, int32_t>>& TextIndex::sentences(const Paragraph& p)
{
    if (p.split)
        return p.sentences;
    p.split = true;
    fold(p);
    const int32_t n = static_cast<int32_t>(p.text.match.size());
    if (icu::BreakIterator* bi = sentenceIterator()) {
        const icu::UnicodeString alias(false, p.text.match.data(), n);   // read-only, no copy
        bi->setText(alias);
        int32_t from = bi->first();
        for (int32_t to = bi->next(); to != icu::BreakIterator::DONE; from = to, to = bi->next())
            p.sentences.emplace_back(from, to);
        bi->setText(icu::UnicodeString());   // drop the reference to `alias`
    }
    if (p.sentences.empty())
        p.sentences.emplace_back(0, n);
    return p.sentences;
}

const TextIndex::Paragraph* TextIndex::paragraph(size_t block) const
{
    paragraphs();
    return block < m_byBlock.size() && m_byBlock[block] >= 0 ? &m_paragraphs[static_cast<size_t>(m_byBlock[block])]
                                                              : nullptr;
}

const std::vector<TextMatch>& TextIndex::matches(const RuleDecl& rule) const
{
    auto found = m_matches.find(&rule);
    if (found != m_matches.end())
        return found->second;
    std::vector<TextMatch>& out = m_matches[&rule];
    if (!rule.compiled)
        return out;
    UErrorCode status = U_ZERO_ERROR;
    icu::RegexMatcher* m = rules::cachedMatcher(rule.compiled);
    if (!m)
        return out;
    icu::RegexMatcher* ex = rule.excludingCompiled ? rules::cachedMatcher(rule.excludingCompiled) : nullptr;
    static const icu::UnicodeString none;
    struct Release {   // the matchers keep a reference to the text they were reset to
        icu::RegexMatcher* m;
        icu::RegexMatcher* ex;
        const icu::UnicodeString& none;
        ~Release()
        {
            m->reset(none);
            if (ex)
                ex->reset(none);
        }
    } release{m, ex, none};
    auto stop = [](char16_t c) { return c == u'。' || c == u';' || c == u'!' || c == u'?'; };
    for (const Paragraph& p : paragraphs()) {
        if (!p.mayChange && !rule.prefilter.empty() &&
            std::none_of(rule.prefilter.begin(), rule.prefilter.end(),
                         [&](const std::string& w) { return p.compact.find(w) != std::string::npos; }))
            continue;                             // decided on the raw text: not folded for this rule
        const std::u16string& t = fold(p).match;
        if (!rule.prefilter16.empty() && !containsAny(t, rule.prefilter16))
            continue;                             // cheap test before the regex
        const int32_t n = static_cast<int32_t>(t.size());
        const icu::UnicodeString text(false, t.data(), n);   // read-only alias of the folded text
        std::string excluded;
        if (ex) {
            ex->reset(text);
            ex->setTimeLimit(timeLimitFor(n), status);
            if (ex->find(status) && U_SUCCESS(status))
                for (int32_t g = 1; g <= ex->groupCount() && excluded.empty(); ++g)   // first group that took part
                    if (ex->start(g, status) >= 0)
                        excluded = toUtf8(ex->group(g, status));
            status = U_ZERO_ERROR;
        }
        m->reset(text);
        for (const auto& [begin, end] : sentences(p)) {
            const std::u16string_view sentence(t.data() + begin, static_cast<size_t>(end - begin));
            if (!rule.prefilter16.empty() && !containsAny(sentence, rule.prefilter16))
                continue;
            m->region(begin, end, status);
            m->setTimeLimit(timeLimitFor(end - begin), status);
            while (U_SUCCESS(status) && m->find(status) && U_SUCCESS(status)) {
                const int32_t start = m->start(status), stopAt = m->end(status);
                // the quote: up to 30 characters either side, within the sentence and its clause (;)
                int32_t from = start, to = stopAt;
                while (from > begin && start - from < 30 && !stop(t[static_cast<size_t>(from - 1)]))
                    --from;
                while (to < end && to - stopAt < 30 && !stop(t[static_cast<size_t>(to)]))
                    ++to;
                const int32_t a = p.text.origin[static_cast<size_t>(from)], z = p.text.origin[static_cast<size_t>(to)];
                TextMatch tm;
                tm.sentence = toUtf8(std::u16string_view(p.text.shown).substr(static_cast<size_t>(a), static_cast<size_t>(z - a)));
                if (m->groupCount() >= 1)
                    tm.number = toUtf8(m->group(1, status));
                tm.excluded = excluded;
                out.push_back(std::move(tm));
            }
            status = U_ZERO_ERROR;                // a time-out ends this sentence only
        }
    }
    return out;
}

std::vector<TextMatch> textMatches(const RuleDecl& rule, const Document& doc)
{
    const TextIndex index(doc);
    return index.matches(rule);
}

const std::vector<TextMatch>& textMatches(const RuleDecl& rule, const TableFacts& facts)
{
    if (facts.text)
        return facts.text->matches(rule);
    thread_local std::unique_ptr<TextIndex> own;   // facts made without a shared index (tests)
    thread_local std::vector<TextMatch> result;
    own = std::make_unique<TextIndex>(*facts.doc);
    result = own->matches(rule);
    return result;
}

namespace {

/// Each total's parts by template (the HARD definitions, totalDefinitions), built once.
const std::map<std::string, std::vector<std::string>>& partsOfTotals(const std::string& templateId)
{
    static const std::map<std::string, std::map<std::string, std::vector<std::string>>> all = [] {
        std::map<std::string, std::map<std::string, std::vector<std::string>>> m;
        for (const TemplateDef& t : templates())
            for (auto& [total, parts] : totalDefinitions(t.id))
                m[t.id].emplace(total, parts);
        return m;
    }();
    static const std::map<std::string, std::vector<std::string>> none;
    auto it = all.find(templateId);
    return it == all.end() ? none : it->second;
}

/// A table value as a sentence is compared with it (issue 9.4: a blank total is not 0).
struct Resolved {
    enum class State { Value, Blank, NotAssessable } state = State::Value;
    Decimal value;
    bool viaParts = false;   ///< the cell is blank; `value` is the sum of its parts
};

Resolved resolve(const TableFacts& f, const std::string& key, int depth = 0)
{
    Resolved r;
    auto it = f.values.find(key);
    if (it == f.values.end() || it->second.kind == Value::Kind::Invalid) {
        r.state = Resolved::State::NotAssessable;   // R-1 / the type rules say why
        return r;
    }
    if (it->second.ok()) {
        r.value = it->second.number;
        return r;
    }
    r.state = Resolved::State::Blank;
    const auto& defs = partsOfTotals(f.rec->tmpl->id);
    auto d = defs.find(key);
    if (d == defs.end() || depth > 4)
        return r;
    Decimal sum;
    for (const std::string& part : d->second) {
        if (!f.rec->tmpl->cellForKey(part))
            continue;
        const Resolved p = resolve(f, part, depth + 1);
        if (p.state != Resolved::State::Value)
            return r;                             // the parts are blank too: the table is blank there
        sum += p.value;
    }
    r.state = Resolved::State::Value;
    r.value = sum;
    r.viaParts = true;
    return r;
}

/// Sum of a target set; Blank when a cell of it is blank and has no filled parts.
Resolved resolveSet(const TableFacts& f, const std::vector<std::string>& keys, std::string* blankKey = nullptr)
{
    Resolved total;
    for (const std::string& k : keys) {
        const Resolved r = resolve(f, k);
        if (r.state == Resolved::State::NotAssessable)
            return r;
        if (r.state == Resolved::State::Blank) {
            total.state = Resolved::State::Blank;
            if (blankKey && blankKey->empty())
                *blankKey = k;
            continue;
        }
        total.value += r.value;
        total.viaParts = total.viaParts || r.viaParts;
    }
    return total;
}

/// textzero: the text says there was none ("未收到…申请", "均获维持"), the table has some: the
/// first non-zero of `target` (or of the keys of the first target set).
void textZero(const RuleDecl& rule, const TableFacts& f, std::vector<Diagnostic>& out)
{
    const std::vector<std::string> keys =
        rule.targetSets.empty() ? std::vector<std::string>{rule.target} : rule.targetSets.front();
    std::string hit;
    Resolved value;
    for (const std::string& k : keys) {
        const Resolved r = resolve(f, k);
        if (r.state == Resolved::State::Value && r.value != 0) {
            hit = k;
            value = r;
            break;
        }
    }
    if (hit.empty())
        return;
    const std::vector<TextMatch>& matches = textMatches(rule, f);
    if (matches.empty())
        return;
    Finding fd;
    fd.target = hit;
    fd.related = keys;
    fd.expected = "0";
    fd.actual = formatNumber(value.value);
    fd.args.common["quote"] = matches.front().sentence;
    emitTableFinding(rule, f, std::move(fd), out);
    if (value.viaParts)
        appendNote(out.back(), Note::TotalFromParts);
}

/// textcount: a number stated in the text must equal the sum of one of the target sets. A
/// blank total is compared through its parts; when the table is blank there, the finding says
/// so (actual blank) instead of reading 0 (issue 9.4).
void textCount(const RuleDecl& rule, const TableFacts& f, std::vector<Diagnostic>& out)
{
    if (rule.targetSets.empty() || rule.targetSets.front().empty())
        return;
    std::vector<Resolved> sums;
    std::string blankKey;
    for (const auto& set : rule.targetSets) {
        sums.push_back(resolveSet(f, set, &blankKey));
        if (sums.back().state == Resolved::State::NotAssessable)
            return;                               // not assessable (R-1 / the type rules say why)
    }
    const auto filled = [](const Resolved& r) { return r.state == Resolved::State::Value; };
    for (const TextMatch& m : textMatches(rule, f)) {
        const std::optional<Decimal> parsed = parseTextNumber(m.number);
        if (!parsed)
            continue;                             // not a number we can hold: nothing to compare
        const Decimal stated = *parsed;
        // "不含申请人主动撤销的5件": the stated number may leave those out, or the table may.
        const std::optional<Decimal> excluded = m.excluded.empty() ? std::nullopt : parseTextNumber(m.excluded);
        const auto holds = [&](const Resolved& r) {
            return filled(r) && (r.value == stated || (excluded && (r.value == stated + *excluded ||
                                                                     r.value + *excluded == stated)));
        };
        if (std::any_of(sums.begin(), sums.end(), holds))
            continue;
        const auto first = std::find_if(sums.begin(), sums.end(), filled);
        if (first == sums.end() && stated == 0)
            continue;                             // "0 件" and a blank table: S-3 says it
        Finding fd;
        const size_t set = first == sums.end() ? 0 : static_cast<size_t>(first - sums.begin());
        fd.target = first == sums.end() ? blankKey : rule.targetSets[set].front();
        for (const auto& s : rule.targetSets)
            fd.related.insert(fd.related.end(), s.begin(), s.end());
        fd.expected = formatNumber(stated);
        fd.actual = first == sums.end() ? std::string() : formatNumber(first->value);   // blank, never "0"
        fd.args.common["quote"] = m.sentence;
        emitTableFinding(rule, f, std::move(fd), out);
        if (first != sums.end() && first->viaParts)
            appendNote(out.back(), Note::TotalFromParts);
        return;                                   // one finding per table: the first mismatch
    }
}


/// Settings of both text kinds: the pattern (ICU, `{N}` the stated number), the prefilter
/// words, the target cells.
void parseTextSettings(RuleDecl& r, const Settings& s)
{
    r.pattern = s.string("pattern");
    if (r.pattern.empty())
        s.fail("kind " + r.kind + " needs a pattern");
    r.compiled = compilePattern(r.pattern, s.where());
    r.prefilter = s.strings("prefilter");
    for (const std::string& p : r.prefilter) {
        const icu::UnicodeString u = icu::UnicodeString::fromUTF8(p);
        r.prefilter16.emplace_back(u.getBuffer(), static_cast<size_t>(u.length()));
    }
    r.targetSets = s.stringLists("targets");
    for (const auto& set : r.targetSets)
        if (set.empty())
            s.fail("an empty target set in \"targets\"");
}

class TextZeroKind : public RuleKind {
public:
    Scope scope() const override { return Scope::Table; }
    std::set<std::string> fields() const override { return {"pattern", "prefilter", "target", "targets"}; }
    std::set<std::string> placeholders() const override { return tablePlaceholders({"quote"}); }

    void parse(RuleDecl& r, const Settings& s) const override
    {
        parseTextSettings(r, s);
        r.target = s.string("target");
        if (r.target.empty() == r.targetSets.empty())
            s.fail("kind textzero needs either a target or targets");
    }

    void evaluate(const RuleDecl& rule, const TableFacts& f, std::vector<Diagnostic>& out) const override
    {
        textZero(rule, f, out);
    }
};

class TextCountKind : public RuleKind {
public:
    Scope scope() const override { return Scope::Table; }
    std::set<std::string> fields() const override { return {"pattern", "prefilter", "targets", "excluding"}; }
    std::set<std::string> placeholders() const override { return tablePlaceholders({"quote"}); }

    void parse(RuleDecl& r, const Settings& s) const override
    {
        parseTextSettings(r, s);
        if (r.targetSets.empty())
            s.fail("kind textcount needs targets");
        r.excluding = s.string("excluding");
        if (!r.excluding.empty())
            r.excludingCompiled = compilePattern(r.excluding, s.where() + " excluding");
    }

    void evaluate(const RuleDecl& rule, const TableFacts& f, std::vector<Diagnostic>& out) const override
    {
        textCount(rule, f, out);
    }
};

} // namespace

namespace rules {

void registerTextKinds(KindRegistry& r)
{
    r.add<TextZeroKind>("textzero");
    r.add<TextCountKind>("textcount");
}

} // namespace rules
} // namespace ogi
