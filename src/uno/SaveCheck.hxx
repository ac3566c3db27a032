// The save-time check: what happens when a Writer or Calc document is saved (OnSave /
// OnSaveAs, delivered by SaveCheckJob). Policy only; reading, checking and marking are
// CheckSession's.
//
// - Setting CheckOnSave off: nothing at all.
// - Cheap exits: a Writer document without text tables, or whose tables hold more than
//   kMaxWriterCells cells, is not read; a Calc sheet whose used area exceeds kMaxSheetCells,
//   or that would take the document beyond kMaxCalcCells, is skipped by the reader (logged).
//   The last report then has no tables (from those sheets).
// - By default the document is only checked (the save writes it unchanged), and that check
//   is deferred until after the save (awt::AsyncCallback posted when the save has ended —
//   OnSaveDone / OnSaveFailed, saveFinished() — never while it is written; run earlier when the
//   report is asked for), so it adds nothing to the save itself. With MarkOnSave the cells are cleared and
//   marked before the bytes are written (idempotent: the previous marks are replaced), within
//   a time budget (what is not read in it is named in one info finding, E-2), and not at all
//   when the marks this check would lay out are the recorded ones (Highlighter.hxx). A
//   read-only document is never marked.
// - A document changed since it was last saved: before the check starts, our infobar is replaced
//   at once by "正在检查年报表格…" / "Checking the report tables…" (the previous result never stays
//   on screen meanwhile); the outcome below replaces it in turn, or removes it. An unchanged
//   document keeps its infobar (the same check, the same result).
// - Errors or warnings: an infobar "本文档的年报表格有 N 处错误、M 处警告" with the buttons
//   标记并查看 (Check) / 查看 (ShowIssues, when already marked) and 忽略 (DismissInfobar).
//   Hidden documents cannot show one (logged).
// - The result is remembered as the document's last report (getLastReport).
// Throws whatever the check throws: the caller (the job) catches everything.
//
// Testing hook: when the office runs with OGI_TEST_FAIL_ON_SAVE set (non-empty), the check
// throws a std::runtime_error after the settings are read, to prove that a failing check
// never breaks a save. Only the environment of the office process can set it; no setting
// or document can.
#pragma once

#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

namespace ogiuno {

void checkOnSave(const css::uno::Reference<css::uno::XComponentContext>& ctx,
                 const css::uno::Reference<css::lang::XComponent>& model, const rtl::OUString& eventName);

/// OnSaveDone, OnSaveAsDone, OnSaveFailed, OnSaveAsFailed: the deferred check of that save (if
/// any) runs from the event loop now.
void saveFinished(const css::uno::Reference<css::uno::XComponentContext>& ctx,
                  const css::uno::Reference<css::lang::XComponent>& model);

} // namespace ogiuno
