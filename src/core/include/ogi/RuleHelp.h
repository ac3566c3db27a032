// A page per rule, from the data (issue 10.2): what a rule checks, why it matters and how to fix
// a finding, in every language with a message catalog. The texts live in the catalogs
// (data/messages/<lang>.json, ids "help.<rule id>.what|why|fix"); loading a catalog fails when
// a rule of data/rules.json lacks one of them or a help id names no rule. The same data renders
// the rule reference (docs/rules*.md, tools: ogi_rule_docs) and the help page packaged in the
// extension (help/rules_<lang>.html), and the deck shows a finding's help.
#pragma once

#include "ogi/Diagnostic.h"

#include <string>
#include <vector>

namespace ogi {

/// The help of one rule, rendered in one language.
struct RuleHelp {
    std::string id;                    ///< "N-1"
    std::string title;                 ///< its declarations' titles, " / " between distinct ones
    std::vector<Severity> severities;  ///< distinct severities of its declarations, most severe first
    std::string severity;              ///< the same in words ("警告 / 提示")
    std::string appliesTo;             ///< the tables it applies to, in words
    std::string what, why, fix;        ///< what it checks, why it matters, how to fix a finding
};

/// Every rule id of data/rules.json grouped by family in the order the families first appear
/// there (B, N, L, P, S, R, X, Y), in natural order inside a family (B-2 before B-10).
std::vector<std::string> ruleHelpIds();

/// The help of rule `id` in `lang` (the catalog fallback of Message::render: same primary
/// language, else zh-CN). False when no rule has that id.
bool ruleHelp(const std::string& id, const std::string& lang, RuleHelp& out);

/// The family heading of a rule id's letter ("B" → "统计表（2014年格式）"), in `lang`.
std::string ruleFamilyTitle(const std::string& letter, const std::string& lang);

/// The catalog language whose texts `lang` gets (the fallback of Message::render: "en-GB" →
/// "en-US", an unknown language → zh-CN): the help page to open for a UI language.
std::string ruleHelpLanguage(const std::string& lang);

/// File name of the help page of a language inside the extension's help/ folder
/// ("rules_zh-CN.html"); the anchor of a rule on it is its id ("#N-1").
std::string ruleHelpPageName(const std::string& lang);

/// The rule reference of one language as Markdown (docs/rules.<lang>.md) and as a standalone
/// HTML page (help/rules_<lang>.html), each with an anchor per rule id.
std::string ruleReferenceMarkdown(const std::string& lang);
std::string ruleReferenceHtml(const std::string& lang);
/// The index (docs/rules.md): one row per rule, its severity and its title in every language,
/// linked to the per-language pages.
std::string ruleReferenceIndex();

} // namespace ogi
