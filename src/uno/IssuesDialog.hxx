// The issue list: a non-modal dialog (recipe §6: DialogProvider2 + dialogs/Issues.xdl,
// setVisible, a reference kept alive) listing every diagnostic of the document's last check
// as "✖ 表三_依申请公开_2021 J8 [N-3] message", with counts per severity, a detail field, and
// the buttons 重新检查 (check and mark again, refill) and 关闭. Selecting an entry selects the
// cell in the document (Writer: the table cell range, Calc: the sheet cell), which scrolls it
// into view. One dialog per frame; opening it again refreshes and raises it. Closing the
// frame closes its dialog.
#pragma once

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include <ogi/Diagnostic.h>

#include <vector>

namespace ogiuno {

/// One line of the list per diagnostic, in report order (also the dispatch result).
std::vector<rtl::OUString> issueEntries(const ogi::Report& report, const std::string& lang);

/// Opens (or refreshes and raises) the issue list of the document shown in `frame`. When no
/// check has run yet in this session, checks first (without marking). `select` >= 0 selects
/// that entry and jumps to its cell, as a click would; `recheck` runs the 重新检查 button;
/// `ignore` >= 0 runs 忽略此项 on that entry, `resetIgnored` the 恢复已忽略 button (both record
/// the choice in the document, IgnoreList.hxx, and check again); `fixEntry` >= 0 runs 修正 on
/// that entry (Fixer.hxx).
/// Returns the entries shown. The dialog may fail to open (no GUI resources): the entries
/// are still returned.
std::vector<rtl::OUString> showIssues(const css::uno::Reference<css::uno::XComponentContext>& ctx,
                                      const css::uno::Reference<css::frame::XFrame>& frame,
                                      const css::uno::Reference<css::lang::XComponent>& model, int select,
                                      bool recheck, int ignore = -1, bool resetIgnored = false,
                                      int fixEntry = -1);

/// Moves the document's selection to the cell of a diagnostic; false when it has no cell or
/// the cell is gone.
bool selectDiagnosticCell(const css::uno::Reference<css::lang::XComponent>& model,
                          const css::uno::Reference<css::frame::XFrame>& frame, const ogi::Diagnostic& d);

} // namespace ogiuno
