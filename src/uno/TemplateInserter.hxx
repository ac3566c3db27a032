// Inserts the national templates (exact labels and merges from the engine's generator,
// ogi::generateTable) into a document: in Writer as a text table at the view cursor, in Calc
// as a new sheet with live formulas in every total cell (ogi::totalDefinitions); and the 2021
// report skeleton (ogi::reportSkeleton2021). Each insertion is one undo step.
#pragma once

#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <rtl/ustring.hxx>

#include <string>
#include <vector>

namespace ogiuno {

/// What was inserted: Writer table names or Calc sheet names, in order.
struct InsertOutcome {
    std::vector<rtl::OUString> names;
};

/// Inserts the template `templateId` (must be a known id: ogi::findTemplate). Writer: at the
/// view cursor of `controller` (at the end of the body text when the cursor is not in the
/// body, e.g. inside a table cell); Calc: as a new sheet after the active one, made active.
/// One undo step named after the command (resource UndoInsertTemplate: "插入模板" / "Insert Template").
InsertOutcome insertTemplate(const css::uno::Reference<css::lang::XComponent>& model,
                             const css::uno::Reference<css::frame::XController>& controller,
                             const std::string& templateId);

/// The 2021 report skeleton. Writer: headings ("Heading 1"/"Heading 2"), placeholder
/// paragraphs ("Text body") and the three tables, at the view cursor. Calc: the three 2021
/// tables as sheets. One undo step (resource UndoInsertSkeleton: "插入年报框架" / "Insert Skeleton").
InsertOutcome insertSkeleton(const css::uno::Reference<css::lang::XComponent>& model,
                             const css::uno::Reference<css::frame::XController>& controller);

} // namespace ogiuno
