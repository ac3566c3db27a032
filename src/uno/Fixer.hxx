// Changes made on request (issue 14): 修正 (a finding's suggestion), 补全合计 (totals from their
// parts), 空白填 0 (blank value cells), 生成数字句子 (the sentences of sections 三 and 四). The engine
// computes every change (ogi/Suggest.h); this file only writes them: each command is one undo
// step, checks again afterwards (marks are renewed when the document had them), and changes
// nothing in a read-only document.
#pragma once

#include <ogi/Diagnostic.h>

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include <string>
#include <vector>

namespace ogiuno {

struct FixOutcome {
    bool ok = false;               ///< the change was made
    rtl::OUString message;         ///< what happened (zh-CN or en-US), for the infobar / the dispatch result
    std::vector<ogi::CellChange> changes; ///< the cells written (or, for a preview, to be written)
};

/// The finding `which` of the document's last check (checked first when there was none): its
/// index in the report ("3", the issue list's entry) or its ignore key ("N-2|2021-t3|R3_7.NP").
/// Applies its suggestion to a fresh check of the document. Text findings (kind "text",
/// Writer) replace only the stated number in the sentence.
FixOutcome applySuggestion(const css::uno::Reference<css::uno::XComponentContext>& ctx,
                           const css::uno::Reference<css::lang::XComponent>& model, const std::string& which);

enum class Fill { Totals, Blanks };

/// The changes 补全合计 / 空白填 0 would make, without making them.
FixOutcome previewFill(const css::uno::Reference<css::lang::XComponent>& model, Fill what);
/// Makes them (one undo step) and checks again.
FixOutcome applyFill(const css::uno::Reference<css::uno::XComponentContext>& ctx,
                     const css::uno::Reference<css::lang::XComponent>& model, Fill what);

/// The two sentences (section 三, section 四) from the document's tables; empty when none.
std::vector<std::string> sentencesOf(const css::uno::Reference<css::lang::XComponent>& model);
/// Inserts them at the view cursor (Writer: two paragraphs; Calc: the selected cell and the
/// one below), one undo step.
FixOutcome insertSentences(const css::uno::Reference<css::uno::XComponentContext>& ctx,
                           const css::uno::Reference<css::lang::XComponent>& model,
                           const css::uno::Reference<css::frame::XFrame>& frame);

/// "C12：5 → 7" lines of a change list (dialogs, dispatch results).
rtl::OUString changeList(const std::vector<ogi::CellChange>& changes, const std::string& lang);

/// Asks the user to confirm a change list (a modal query box on the frame); false = cancel.
bool confirmChanges(const css::uno::Reference<css::uno::XComponentContext>& ctx,
                    const css::uno::Reference<css::frame::XFrame>& frame, const rtl::OUString& title,
                    const rtl::OUString& text);

} // namespace ogiuno
