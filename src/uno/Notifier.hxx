// Tells the user about a result without blocking: an infobar on the document's frame
// (XInfobarProvider; it throws on hidden documents, recipe §6, so failures are swallowed),
// and always a log line.
#pragma once

#include <com/sun/star/frame/XFrame.hpp>
#include <rtl/ustring.hxx>

#include <string>
#include <vector>

namespace ogiuno {

enum class NoticeKind { Info, Success, Warning, Danger };

/// Shows (or replaces) our infobar; optional "details" button dispatching `buttonCommand`.
void notify(const css::uno::Reference<css::frame::XFrame>& frame, const rtl::OUString& text, NoticeKind kind,
            const rtl::OUString& buttonLabel = rtl::OUString(), const rtl::OUString& buttonCommand = rtl::OUString());

/// A button of an infobar: label and the command URL it dispatches.
struct NoticeButton {
    rtl::OUString label;
    rtl::OUString command;
};

/// Shows (or replaces) our infobar with several buttons.
void notify(const css::uno::Reference<css::frame::XFrame>& frame, const rtl::OUString& text, NoticeKind kind,
            const std::vector<NoticeButton>& buttonList);

/// Replaces our infobar at once with a progress notice (an info bar without buttons, e.g. "正在检查年报表格…"),
/// so that a previous result never stays on screen while a new check runs; the result replaces it in
/// turn (notify) or it is removed (dismiss). Not logged (the log keeps the results). False, and nothing
/// shown, when the frame's window is hidden (a hidden document cannot show an infobar) or has none.
bool notifyProgress(const css::uno::Reference<css::frame::XFrame>& frame, const rtl::OUString& text);

/// Removes our infobar from the frame, if shown; true when one was removed.
bool dismiss(const css::uno::Reference<css::frame::XFrame>& frame);

} // namespace ogiuno
