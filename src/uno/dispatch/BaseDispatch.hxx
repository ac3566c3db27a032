// Shared base of our command dispatches (one small class per command, as in the SDK's
// WordCount example): status "enabled", notification of the result, and a catch-all so that
// no exception ever leaves a command; DocumentDispatch adds the prologue of the commands that
// act on the frame's document.
#pragma once

#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XNotifyingDispatch.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase1.hxx>

#include <map>
#include <string>

namespace ogiuno {

struct DispatchContext {
    css::uno::Reference<css::uno::XComponentContext> ctx;
    css::uno::Reference<css::frame::XFrame> frame;
};

class BaseDispatch : public cppu::WeakImplHelper1<css::frame::XNotifyingDispatch> {
public:
    explicit BaseDispatch(DispatchContext context) : m_context(std::move(context)) {}

    // XNotifyingDispatch / XDispatch
    void SAL_CALL dispatchWithNotification(const css::util::URL& url,
                                           const css::uno::Sequence<css::beans::PropertyValue>& args,
                                           const css::uno::Reference<css::frame::XDispatchResultListener>& listener) override;
    void SAL_CALL dispatch(const css::util::URL& url, const css::uno::Sequence<css::beans::PropertyValue>& args) override;
    void SAL_CALL addStatusListener(const css::uno::Reference<css::frame::XStatusListener>& listener,
                                    const css::util::URL& url) override;
    void SAL_CALL removeStatusListener(const css::uno::Reference<css::frame::XStatusListener>& listener,
                                       const css::util::URL& url) override;

protected:
    /// The command itself. `query` holds the URL's arguments (…?Template=2021-t3), and the
    /// dispatch arguments (PropertyValue name → string value) are merged into it.
    /// Returns the result text; sets `ok` to false for a failure.
    virtual rtl::OUString run(const std::map<std::string, std::string>& query, bool& ok) = 0;

    const DispatchContext& context() const { return m_context; }

private:
    /// A failed command: logged, the result text set, an infobar shown; throws nothing.
    void reportFailure(const rtl::OUString& what, css::frame::DispatchResultEvent& event) noexcept;

    DispatchContext m_context;
};

/// What a command on the frame's document is given (DocumentDispatch::run, its prologue).
struct Invocation {
    const std::map<std::string, std::string>& query;            ///< URL and dispatch arguments
    std::string lang;                                            ///< the UI language
    css::uno::Reference<css::frame::XController> controller;    ///< the frame's controller
    css::uno::Reference<css::lang::XComponent> model;           ///< the frame's document, never null
};

/// A command that acts on the frame's document. The prologue every such command shares is
/// written once, in run(): the UI language, the frame's controller and model; without a model
/// the command fails with "not a document" (Str::NotADocument) and execute() is not called.
class DocumentDispatch : public BaseDispatch {
public:
    using BaseDispatch::BaseDispatch;

protected:
    rtl::OUString run(const std::map<std::string, std::string>& query, bool& ok) override;
    /// The command on `call.model`; returns the result text, sets `ok` to false for a failure.
    virtual rtl::OUString execute(const Invocation& call, bool& ok) = 0;
};

/// Splits "Path?A=1&B=2" into the path and the arguments.
std::string parseCommand(const rtl::OUString& rest, std::map<std::string, std::string>& query);

// One class per command (dispatch/<Name>Dispatch.cxx).
class CheckDispatch : public DocumentDispatch {
public:
    using DocumentDispatch::DocumentDispatch;
protected:
    rtl::OUString execute(const Invocation& call, bool& ok) override;
};

class ClearMarksDispatch : public DocumentDispatch {
public:
    using DocumentDispatch::DocumentDispatch;
protected:
    rtl::OUString execute(const Invocation& call, bool& ok) override;
};

class ShowIssuesDispatch : public DocumentDispatch {
public:
    using DocumentDispatch::DocumentDispatch;
protected:
    rtl::OUString execute(const Invocation& call, bool& ok) override;
};

/// InsertTemplate?Template=<id> and InsertSkeleton (TemplateInserter); an unknown id fails
/// with a clear message and inserts nothing.
/// Without ?Template (the toolbar's 插入模板 drop-down, ControlType DropdownButton in
/// Addons.xcu): its status listener gets the list of templates (ControlCommand "SetList"),
/// and the chosen entry comes back as the dispatch argument Text.
class InsertTemplateDispatch : public DocumentDispatch {
public:
    using DocumentDispatch::DocumentDispatch;
    void SAL_CALL addStatusListener(const css::uno::Reference<css::frame::XStatusListener>& listener,
                                    const css::util::URL& url) override;
protected:
    /// The template is looked up first (an unknown id fails even without a document), then the prologue.
    rtl::OUString run(const std::map<std::string, std::string>& query, bool& ok) override;
    rtl::OUString execute(const Invocation& call, bool& ok) override;
};

/// DismissInfobar: removes our infobar (the save-time infobar's "忽略" button).
class DismissInfobarDispatch : public BaseDispatch {
public:
    using BaseDispatch::BaseDispatch;
protected:
    rtl::OUString run(const std::map<std::string, std::string>& query, bool& ok) override;   // no document needed
};

/// ChoosePrevious: 选择上年报告… (file picker, or the argument URL), recorded in the document.
class ChoosePreviousDispatch : public DocumentDispatch {
public:
    using DocumentDispatch::DocumentDispatch;
protected:
    rtl::OUString execute(const Invocation& call, bool& ok) override;
};

class InsertSkeletonDispatch : public DocumentDispatch {
public:
    using DocumentDispatch::DocumentDispatch;
protected:
    rtl::OUString execute(const Invocation& call, bool& ok) override;
};

// Changes on request (issue 14, Fixer.hxx): Fix, FillTotals, FillZeros, Sentences.
// Name is a class name: it cannot be parenthesized (bugprone-macro-parentheses).
#define OGI_SIMPLE_DISPATCH(Name)                                                                  \
    class Name : public DocumentDispatch { /* NOLINT(bugprone-macro-parentheses) */                \
    public:                                                                                        \
        using DocumentDispatch::DocumentDispatch;                                                  \
    protected:                                                                                     \
        rtl::OUString execute(const Invocation& call, bool& ok) override;                          \
    };
OGI_SIMPLE_DISPATCH(FixDispatch)
OGI_SIMPLE_DISPATCH(FillTotalsDispatch)
OGI_SIMPLE_DISPATCH(FillZerosDispatch)
OGI_SIMPLE_DISPATCH(SentencesDispatch)
// Sidebar: opens the 年报检查 deck; arguments act on its panel (SidebarDispatch.cxx).
OGI_SIMPLE_DISPATCH(SidebarDispatch)
#undef OGI_SIMPLE_DISPATCH

} // namespace ogiuno
