#include "FindingActions.hxx"

#include "IgnoreList.hxx"
#include "Notifier.hxx"
#include "OgiNames.hxx"
#include "SidebarPanel.hxx"
#include "Strings.hxx"
#include "UnoUtil.hxx"

#include <com/sun/star/beans/PropertyAttribute.hpp>
#include <com/sun/star/beans/XPropertyContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/document/XUndoAction.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/weakref.hxx>

#include <set>

using namespace css;
using rtl::OUString;

namespace ogiuno {

namespace {

// The reasons, beside the ignore list (IgnoreList.hxx): "key<TAB>reason" lines.
const char* const kReasonsProperty = OGI_IGNORE_PROPERTY "Reasons";

uno::Reference<beans::XPropertyContainer> userProperties(const uno::Reference<lang::XComponent>& model)
{
    uno::Reference<document::XDocumentPropertiesSupplier> supplier(model, uno::UNO_QUERY);
    if (!supplier.is() || !supplier->getDocumentProperties().is())
        return uno::Reference<beans::XPropertyContainer>();
    return supplier->getDocumentProperties()->getUserDefinedProperties();
}

OUString readReasonsText(const uno::Reference<lang::XComponent>& model)
{
    OUString value;
    try {
        uno::Reference<beans::XPropertySet> props(userProperties(model), uno::UNO_QUERY);
        const OUString name = OUString::createFromAscii(kReasonsProperty);
        if (props.is() && props->getPropertySetInfo()->hasPropertyByName(name))
            props->getPropertyValue(name) >>= value;
    } catch (const uno::Exception& e) {
        logLine("ignore reasons not readable: " + toStd(e.Message));
    }
    return value;
}

void writeReasonsText(const uno::Reference<lang::XComponent>& model, const OUString& value)
{
    uno::Reference<beans::XPropertyContainer> container = userProperties(model);
    uno::Reference<beans::XPropertySet> props(container, uno::UNO_QUERY);
    if (!container.is() || !props.is())
        return;
    const OUString name = OUString::createFromAscii(kReasonsProperty);
    const bool exists = props->getPropertySetInfo()->hasPropertyByName(name);
    if (value.isEmpty()) {
        if (exists)
            container->removeProperty(name);
    } else if (exists) {
        props->setPropertyValue(name, uno::Any(value));
    } else {
        container->addProperty(name, beans::PropertyAttribute::REMOVABLE, uno::Any(value));
    }
}

OUString reasonsText(const std::map<std::string, OUString>& reasons)
{
    OUString text;
    for (const auto& [key, reason] : reasons)
        if (!reason.isEmpty())
            text += (text.isEmpty() ? OUString() : OUString("\n")) + toOU(key) + "\t" +
                    reason.replace('\n', ' ').replace('\t', ' ');
    return text;
}

/// The ignore list and its reasons as they were before and after one user action; undo and
/// redo put them back (the document's undo manager cannot: document properties are not
/// undoable). The marks of the same action are undone by the office, in the same step.
struct IgnoreState {
    std::set<std::string> keys;
    OUString reasons;
};

class IgnoreUndoAction : public cppu::WeakImplHelper1<document::XUndoAction> {
public:
    IgnoreUndoAction(OUString title, const uno::Reference<lang::XComponent>& model, IgnoreState before, IgnoreState after)
        : m_title(std::move(title)), m_model(model), m_before(std::move(before)), m_after(std::move(after))
    {
    }
    OUString SAL_CALL getTitle() override { return m_title; }
    void SAL_CALL undo() override { apply(m_before); }
    void SAL_CALL redo() override { apply(m_after); }

private:
    void apply(const IgnoreState& state)
    {
        containExceptions("ignore undo", [&] {
            uno::Reference<lang::XComponent> model(m_model.get(), uno::UNO_QUERY);
            if (!model.is())
                return;
            writeIgnored(model, state.keys);
            writeReasonsText(model, state.reasons);
        });
    }

    OUString m_title;
    uno::WeakReference<uno::XInterface> m_model;
    IgnoreState m_before, m_after;
};

uno::Reference<document::XUndoManager> undoManager(const uno::Reference<lang::XComponent>& model)
{
    uno::Reference<document::XUndoManagerSupplier> supplier(model, uno::UNO_QUERY);
    return supplier.is() ? supplier->getUndoManager() : uno::Reference<document::XUndoManager>();
}

/// Writes `after` and checks again, all in one undo step titled `titleKey`.
bool changeIgnored(const uno::Reference<uno::XComponentContext>& ctx, const uno::Reference<frame::XFrame>& frame,
                   const uno::Reference<lang::XComponent>& model, const IgnoreState& after, const char* titleKey)
{
    if (isReadOnly(model))
        return false;
    const std::string lang = uiLanguage(ctx);
    IgnoreState before{readIgnored(model), readReasonsText(model)};
    const OUString title = trKey(titleKey, lang);
    uno::Reference<document::XUndoManager> undo = undoManager(model);
    if (undo.is()) {
        undo->enterUndoContext(title);
        undo->addUndoAction(new IgnoreUndoAction(title, model, before, after));
    }
    bool ok = false;
    CheckOutcome outcome;
    try {
        ok = writeIgnored(model, after.keys);
        if (ok) {
            writeReasonsText(model, after.reasons);
            outcome = checkAndMark(ctx, model);
        }
    } catch (...) {
        if (undo.is())
            undo->leaveUndoContext();
        throw;
    }
    if (undo.is())
        undo->leaveUndoContext();
    if (ok)
        tellOutcome(frame, outcome);   // the infobar follows the ignore list
    return ok;
}

} // namespace

std::map<std::string, OUString> ignoreReasons(const uno::Reference<lang::XComponent>& model)
{
    std::map<std::string, OUString> out;
    const OUString text = readReasonsText(model);
    sal_Int32 index = 0;
    while (index >= 0 && !text.isEmpty()) {
        const OUString line = text.getToken(0, '\n', index);
        const sal_Int32 tab = line.indexOf('\t');
        if (tab > 0)
            out[toStd(line.copy(0, tab))] = line.copy(tab + 1);
    }
    return out;
}

OUString infobarText(const CheckOutcome& o)
{
    const std::string& lang = o.lang;
    const ogi::Report& r = o.report;
    if (r.tables.empty() && r.diagnostics.empty())
        return tr(Str::SummaryNoTables, lang);
    const int errors = r.count(ogi::Severity::Error), warnings = r.count(ogi::Severity::Warning),
              infos = r.count(ogi::Severity::Info);
    const OUString ignored = r.ignored > 0 ? " " + trCount(Str::SummaryIgnored, r.ignored, lang) : OUString();
    if (errors + warnings + infos == 0)
        return trCount(Str::SummaryAllFine, static_cast<long long>(r.tables.size()), lang) + ignored + previousText(o);
    OUString text = fill(tr(Str::SummaryCounts, lang), "COUNTS", countsText(errors, warnings, infos, lang));
    if (o.readOnly)
        text += " " + tr(Str::SummaryReadOnly, lang);
    else if (o.painted)
        text += " " + trCount(Str::SummaryMarked, o.markedCells, lang);
    return text + ignored + previousText(o);
}

void tellOutcome(const uno::Reference<frame::XFrame>& frame, const CheckOutcome& outcome)
{
    const std::string& lang = outcome.lang;
    const ogi::Report& r = outcome.report;
    NoticeKind kind = NoticeKind::Success;
    if (r.count(ogi::Severity::Error) > 0)
        kind = NoticeKind::Danger;            // red: errors
    else if (r.count(ogi::Severity::Warning) > 0)
        kind = NoticeKind::Warning;           // yellow: warnings only
    else if (r.count(ogi::Severity::Info) > 0 || r.tables.empty())
        kind = NoticeKind::Info;
    std::vector<NoticeButton> buttons;
    if (!r.diagnostics.empty())
        buttons.push_back({tr(Str::ButtonDetails, lang), OGI_PROTOCOL "Sidebar"});
    if (outcome.previousCandidates.size() >= 2)   // never a guess: the user chooses last year's report
        buttons.push_back({tr(Str::ButtonChoosePrevious, lang), OGI_PROTOCOL "ChoosePrevious"});
    notify(frame, infobarText(outcome), kind, buttons);
}

CheckOutcome checkAndTell(const uno::Reference<uno::XComponentContext>& ctx, const uno::Reference<frame::XFrame>& frame,
                          const uno::Reference<lang::XComponent>& model)
{
    // The previous run's infobar goes at once: a long check must not leave stale counts on screen.
    notify(frame, trKey("InfobarChecking", uiLanguage(ctx)), NoticeKind::Info);
    const CheckOutcome outcome = checkAndMark(ctx, model);
    tellOutcome(frame, outcome);
    return outcome;
}

bool ignoreFinding(const uno::Reference<uno::XComponentContext>& ctx, const uno::Reference<frame::XFrame>& frame,
                   const uno::Reference<lang::XComponent>& model, const std::string& key, const OUString& reason)
{
    IgnoreState after{readIgnored(model), OUString()};
    after.keys.insert(key);
    std::map<std::string, OUString> reasons = ignoreReasons(model);
    if (!reason.trim().isEmpty())
        reasons[key] = reason.trim();
    after.reasons = reasonsText(reasons);
    return changeIgnored(ctx, frame, model, after, "UndoIgnore");
}

bool restoreIgnored(const uno::Reference<uno::XComponentContext>& ctx, const uno::Reference<frame::XFrame>& frame,
                    const uno::Reference<lang::XComponent>& model)
{
    return changeIgnored(ctx, frame, model, IgnoreState{}, "UndoRestoreIgnored");
}

} // namespace ogiuno
