// Findings the user chose to ignore (the issue list's 忽略此项), kept in the document itself: a
// user-defined document property (OGI_IGNORE_PROPERTY, 文件 › 属性 › 自定义属性) holding the
// ogi::ignoreKey()s separated by ";". ODF and OOXML both save such properties, so an ignored
// finding stays ignored after a reload, on any machine with the extension.
#pragma once

#include <com/sun/star/lang/XComponent.hpp>

#include <set>
#include <string>

namespace ogiuno {

/// The ignored keys of the document; empty when there are none or they cannot be read.
std::set<std::string> readIgnored(const css::uno::Reference<css::lang::XComponent>& model);

/// Replaces the ignored keys (an empty set removes the property). False, and nothing changed,
/// for a read-only document or one without document properties.
bool writeIgnored(const css::uno::Reference<css::lang::XComponent>& model, const std::set<std::string>& keys);

} // namespace ogiuno
