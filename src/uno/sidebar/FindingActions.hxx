// What the deck's buttons, the issue list and the Check command do to a document, each as
// one user action = one undo step named after it (issue 12, "small things"):
//   check (检查表格/重新检查)  → "年报检查" step (the marks), infobar, deck refreshed;
//   ignore (忽略)              → "忽略此项" step: the ignore list of the document *and* the renewed
//                                marks, undone together (our own XUndoAction restores the list);
//   restore (恢复已忽略)       → "恢复已忽略" step, likewise.
// The infobar is one or two lines: counts, marks, ignored findings, last year's report; red
// when there are errors, yellow for warnings only. It is replaced as soon as a check starts.
#pragma once

#include "CheckSession.hxx"

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include <map>
#include <string>

namespace ogiuno {

/// The infobar text of a check: counts, marks, ignored findings, last year's report (no table list).
rtl::OUString infobarText(const CheckOutcome& outcome);

/// Shows the outcome of a check in the frame's infobar (red / yellow / green / info).
void tellOutcome(const css::uno::Reference<css::frame::XFrame>& frame, const CheckOutcome& outcome);

/// Check and mark (one undo step), infobar replaced at once and then filled; returns the outcome.
CheckOutcome checkAndTell(const css::uno::Reference<css::uno::XComponentContext>& ctx,
                          const css::uno::Reference<css::frame::XFrame>& frame,
                          const css::uno::Reference<css::lang::XComponent>& model);

/// 忽略: records the finding with ignore key `key` (and an optional reason) in the document and
/// checks again, as one undo step; false for a read-only document (nothing changed).
bool ignoreFinding(const css::uno::Reference<css::uno::XComponentContext>& ctx,
                   const css::uno::Reference<css::frame::XFrame>& frame,
                   const css::uno::Reference<css::lang::XComponent>& model, const std::string& key,
                   const rtl::OUString& reason);

/// 恢复已忽略: every ignored finding comes back (one undo step); false for a read-only document.
bool restoreIgnored(const css::uno::Reference<css::uno::XComponentContext>& ctx,
                    const css::uno::Reference<css::frame::XFrame>& frame,
                    const css::uno::Reference<css::lang::XComponent>& model);

/// The save-time infobar (SaveCheck): problems → their counts, red for errors, yellow for
/// warnings, with 查看 (marked) or 标记并查看, and 忽略; a document that carries our marks says so
/// ("文档含年报检查标记 N 处", its marks are saved with it) with 清除标记; nothing to say → a stale
/// bar of ours goes away. `changed`: the document was modified before this save; a save of an
/// unchanged document whose notice would be the same as last time repeats nothing.
void tellSaveOutcome(const css::uno::Reference<css::lang::XComponent>& model,
                     const css::uno::Reference<css::frame::XFrame>& frame, const CheckOutcome& outcome, bool changed);

/// The cells that carry our comment or note (Writer annotations by our author, Calc notes
/// opening with our marker).
int countMarks(const css::uno::Reference<css::lang::XComponent>& model);

/// The reasons given for ignored findings (ignore key → reason), kept in the document.
std::map<std::string, rtl::OUString> ignoreReasons(const css::uno::Reference<css::lang::XComponent>& model);

} // namespace ogiuno
