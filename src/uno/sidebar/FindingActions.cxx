#include "FindingActions.hxx"

#include "IgnoreList.hxx"
#include "Notifier.hxx"
#include "OgiNames.hxx"
#include "SidebarPanel.hxx"
#include "Strings.hxx"
#include "UnoUtil.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/document/XUndoAction.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerListener.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/sheet/XSheetAnnotation.hpp>
#include <com/sun/star/sheet/XSheetAnnotationsSupplier.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/util/XModifiable.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/weakref.hxx>

#include <algorithm>
#include <mutex>
#include <set>
#include <vector>

using namespace css;
using rtl::OUString;

namespace ogiuno {

namespace {

// The reasons, beside the ignore list (IgnoreList.hxx): "key<TAB>reason" lines.
const char* const kReasonsProperty = OGI_IGNORE_PROPERTY "Reasons";

OUString readReasonsText(const uno::Reference<lang::XComponent>& model)
{
    OUString value;
    try {
        readUserProperty(model, OUString::createFromAscii(kReasonsProperty), value);
    } catch (const uno::Exception& e) {
        logLine("ignore reasons not readable: " + toStd(e.Message));
    }
    return value;
}

void writeReasonsText(const uno::Reference<lang::XComponent>& model, const OUString& value)
{
    writeUserProperty(model, OUString::createFromAscii(kReasonsProperty), value, EmptyValue::Remove);
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
    IgnoreUndoAction(const OUString& title, const uno::Reference<lang::XComponent>& model, IgnoreState before, IgnoreState after)
        : m_title(title), m_model(model), m_before(std::move(before)), m_after(std::move(after))
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

void watchUndo(const uno::Reference<uno::XComponentContext>& ctx, const uno::Reference<frame::XFrame>& frame,
               const uno::Reference<lang::XComponent>& model);

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
    if (ok) {
        tellOutcome(frame, outcome);   // the infobar follows the ignore list
        watchUndo(ctx, frame, model);
    }
    return ok;
}

/// After an undo or redo of one of our steps, the infobar and the deck follow the document:
/// it is checked again (no marks, no undo step). One watcher per document, kept by its undo
/// manager's listener list only.
class UndoWatcher : public cppu::WeakImplHelper1<document::XUndoManagerListener> {
public:
    UndoWatcher(const uno::Reference<uno::XComponentContext>& ctx, const uno::Reference<frame::XFrame>& frame,
                const uno::Reference<lang::XComponent>& model)
        : m_ctx(ctx), m_frame(frame), m_model(model)
    {
        const std::string lang = uiLanguage(m_ctx);
        for (const char* key : {"UndoCheck", "UndoClear", "UndoIgnore", "UndoRestoreIgnored"})
            m_titles.push_back(trKey(key, lang));
    }
    void SAL_CALL actionUndone(const document::UndoManagerEvent& e) override { follow(e.UndoActionTitle); }
    void SAL_CALL actionRedone(const document::UndoManagerEvent& e) override { follow(e.UndoActionTitle); }
    void SAL_CALL undoActionAdded(const document::UndoManagerEvent&) override {}
    void SAL_CALL allActionsCleared(const lang::EventObject&) override {}
    void SAL_CALL redoActionsCleared(const lang::EventObject&) override {}
    void SAL_CALL resetAll(const lang::EventObject&) override {}
    void SAL_CALL enteredContext(const document::UndoManagerEvent&) override {}
    void SAL_CALL enteredHiddenContext(const document::UndoManagerEvent&) override {}
    void SAL_CALL leftContext(const document::UndoManagerEvent&) override {}
    void SAL_CALL leftHiddenContext(const document::UndoManagerEvent&) override {}
    void SAL_CALL cancelledContext(const document::UndoManagerEvent&) override {}
    void SAL_CALL disposing(const lang::EventObject&) override {}

private:
    void follow(const OUString& title)
    {
        if (std::find(m_titles.begin(), m_titles.end(), title) == m_titles.end())
            return;
        containExceptions("after undo", [&] {
            uno::Reference<lang::XComponent> model(m_model.get(), uno::UNO_QUERY);
            uno::Reference<frame::XFrame> frame(m_frame.get(), uno::UNO_QUERY);
            if (!model.is())
                return;
            CheckOutcome outcome = checkDocument(m_ctx, model);
            outcome.markedCells = countMarks(model);
            outcome.painted = outcome.markedCells > 0;
            tellOutcome(frame, outcome);
        });
    }

    uno::Reference<uno::XComponentContext> m_ctx;
    uno::WeakReference<uno::XInterface> m_frame, m_model;
    std::vector<OUString> m_titles;
};

std::mutex g_watchMutex;
std::vector<uno::WeakReference<uno::XInterface>> g_watched;

/// Our undo watcher on the document, once.
void watchUndo(const uno::Reference<uno::XComponentContext>& ctx, const uno::Reference<frame::XFrame>& frame,
               const uno::Reference<lang::XComponent>& model)
{
    uno::Reference<uno::XInterface> key(model, uno::UNO_QUERY);
    {
        std::lock_guard<std::mutex> lock(g_watchMutex);
        std::vector<uno::WeakReference<uno::XInterface>> kept;
        bool known = false;
        for (const auto& w : g_watched) {
            uno::Reference<uno::XInterface> doc(w);
            if (!doc.is())
                continue;
            known = known || doc == key;
            kept.push_back(w);
        }
        if (!known)
            kept.emplace_back(key);
        g_watched.swap(kept);
        if (known)
            return;
    }
    uno::Reference<document::XUndoManager> undo = undoManager(model);
    if (undo.is())
        undo->addUndoManagerListener(new UndoWatcher(ctx, frame, model));
}

struct SaveNotice {
    uno::WeakReference<uno::XInterface> document;
    std::string signature;
};
std::mutex g_noticeMutex;
std::vector<SaveNotice> g_notices;

/// True when `signature` is what the last save of this document said; records it either way.
bool sameAsLastSave(const uno::Reference<lang::XComponent>& model, const std::string& signature)
{
    uno::Reference<uno::XInterface> key(model, uno::UNO_QUERY);
    std::lock_guard<std::mutex> lock(g_noticeMutex);
    bool same = false;
    std::vector<SaveNotice> kept;
    for (SaveNotice& n : g_notices) {
        uno::Reference<uno::XInterface> doc(n.document);
        if (!doc.is())
            continue;
        if (doc == key) {
            same = n.signature == signature;
            continue;
        }
        kept.push_back(std::move(n));
    }
    kept.push_back(SaveNotice{key, signature});
    g_notices.swap(kept);
    return same;
}

} // namespace

int countMarks(const uno::Reference<lang::XComponent>& model)
{
    int count = 0;
    try {
        if (documentKind(model) == DocKind::Writer) {
            uno::Reference<text::XTextFieldsSupplier> supplier(model, uno::UNO_QUERY_THROW);
            uno::Reference<container::XEnumeration> fields = supplier->getTextFields()->createEnumeration();
            const OUString author = u8(OGI_MARK_AUTHOR);
            while (fields->hasMoreElements()) {
                uno::Reference<lang::XServiceInfo> info(fields->nextElement(), uno::UNO_QUERY);
                uno::Reference<beans::XPropertySet> props(info, uno::UNO_QUERY);
                OUString a;
                if (info.is() && props.is() && info->supportsService("com.sun.star.text.textfield.Annotation") &&
                    (props->getPropertyValue("Author") >>= a) && (a == author || a == trKey("MarkAuthor", officeLanguage())))
                    ++count;
            }
            return count;
        }
        uno::Reference<sheet::XSpreadsheetDocument> doc(model, uno::UNO_QUERY_THROW);
        uno::Reference<container::XIndexAccess> sheets(doc->getSheets(), uno::UNO_QUERY_THROW);
        const OUString marker = u8("\xE3\x80\x90" OGI_MARK_AUTHOR "\xE3\x80\x91"); // 【…】, Highlighter.hxx
        for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
            uno::Reference<sheet::XSheetAnnotationsSupplier> notes(sheets->getByIndex(i), uno::UNO_QUERY);
            uno::Reference<container::XIndexAccess> list(notes.is() ? notes->getAnnotations() : nullptr, uno::UNO_QUERY);
            for (sal_Int32 j = 0; list.is() && j < list->getCount(); ++j) {
                uno::Reference<text::XText> note(list->getByIndex(j), uno::UNO_QUERY);
                if (note.is() && (note->getString().startsWith(marker) ||
                                  note->getString().startsWith(trKey("MarkNoteHeader", officeLanguage()))))
                    ++count;
            }
        }
    } catch (const uno::Exception& e) {
        logLine("marks not counted: " + toStd(e.Message));
    }
    return count;
}

void tellSaveOutcome(const uno::Reference<lang::XComponent>& model, const uno::Reference<frame::XFrame>& frame,
                     const CheckOutcome& outcome, bool changed)
{
    const std::string& lang = outcome.lang;
    const int errors = outcome.report->count(ogi::Severity::Error);
    const int warnings = outcome.report->count(ogi::Severity::Warning);
    const int marks = countMarks(model);
    std::string signature = std::to_string(errors) + "/" + std::to_string(warnings) + "/" + std::to_string(marks);
    for (const ogi::Diagnostic& d : outcome.report->diagnostics)
        signature += "|" + ogi::ignoreKey(d);
    if (sameAsLastSave(model, signature) && !changed)
        return;   // nothing changed since the last save: no repeated nag
    if (errors + warnings == 0 && marks == 0) {
        dismiss(frame);
        return;
    }
    OUString text;
    if (errors + warnings > 0)
        text = fill(tr(Str::SaveProblems, lang), "COUNTS", countsText(errors, warnings, 0, lang));
    if (marks > 0)
        text += (text.isEmpty() ? OUString() : OUString(" ")) + trCountKey("SaveMarks", marks, lang);
    std::vector<NoticeButton> buttons;
    if (errors + warnings > 0)
        buttons.push_back(outcome.painted || marks > 0 ? NoticeButton{tr(Str::ButtonDetails, lang), OGI_PROTOCOL "Sidebar"}
                                                       : NoticeButton{tr(Str::ButtonMarkAndShow, lang), OGI_PROTOCOL "Check"});
    if (marks > 0)
        buttons.push_back({trKey("ButtonClearMarks", lang), OGI_PROTOCOL "ClearMarks"});
    buttons.push_back({tr(Str::ButtonIgnore, lang), OGI_PROTOCOL "DismissInfobar"});
    notify(frame, text, errors > 0 ? NoticeKind::Danger : warnings > 0 ? NoticeKind::Warning : NoticeKind::Info, buttons);
}

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
    return summaryText(o, /*withTables=*/false);   // one or two lines: the deck lists the tables
}

void tellOutcome(const uno::Reference<frame::XFrame>& frame, const CheckOutcome& outcome)
{
    const std::string& lang = outcome.lang;
    const ogi::Report& r = *outcome.report;
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
    CheckOutcome outcome = checkAndMark(ctx, model);
    tellOutcome(frame, outcome);
    watchUndo(ctx, frame, model);
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
