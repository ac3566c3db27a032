#include "IssuesDialog.hxx"

#include "CheckSession.hxx"
#include "DocumentReader.hxx"
#include "Fixer.hxx"
#include "IgnoreList.hxx"
#include "OgiNames.hxx"
#include "Strings.hxx"
#include "UnoUtil.hxx"
#include "sidebar/FindingActions.hxx"

#include <com/sun/star/awt/DialogProvider2.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XDialogProvider2.hpp>
#include <com/sun/star/awt/XFixedText.hpp>
#include <com/sun/star/awt/XItemListener.hpp>
#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XTopWindow.hpp>
#include <com/sun/star/awt/XTopWindowListener.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/frame/XTitle.hpp>
#include <com/sun/star/deployment/PackageInformationProvider.hpp>
#include <com/sun/star/deployment/XPackageInformationProvider.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/text/XTextTablesSupplier.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <cppuhelper/implbase3.hxx>
#include <rtl/ref.hxx>

#include <algorithm>
#include <memory>

using namespace css;
using rtl::OUString;

namespace ogiuno {

namespace {

const char* severitySymbol(ogi::Severity s)
{
    switch (s) {
    case ogi::Severity::Error: return "\xE2\x9C\x96";       // ✖
    case ogi::Severity::Warning: return "\xE2\x9A\xA0";     // ⚠
    case ogi::Severity::Info: return "\xE2\x84\xB9";        // ℹ
    }
    return "";
}

/// "Sheet1.C5" → "C5" when the address starts with the table's name.
std::string shortAddress(const ogi::CellRef& c)
{
    if (!c.table.empty() && c.address.size() > c.table.size() && c.address.compare(0, c.table.size(), c.table) == 0 &&
        c.address[c.table.size()] == '.')
        return c.address.substr(c.table.size() + 1);
    return c.address;
}

std::string tableLabel(const ogi::Report& r, const ogi::Diagnostic& d)
{
    // The table in words (its title), not the document's internal table name.
    if (d.table >= 0 && static_cast<size_t>(d.table) < r.tables.size() && !r.tables[static_cast<size_t>(d.table)].title.empty())
        return r.tables[static_cast<size_t>(d.table)].title;
    if (!d.cell.table.empty())
        return d.cell.table;
    if (d.table >= 0 && static_cast<size_t>(d.table) < r.tables.size())
        return r.tables[static_cast<size_t>(d.table)].location;
    return std::string();
}

OUString detailText(const ogi::Report& r, const ogi::Diagnostic& d, const std::string& lang)
{
    OUString s = toOU("[" + d.rule + "] " + d.message(lang));
    if (d.table >= 0 && static_cast<size_t>(d.table) < r.tables.size()) {
        const ogi::TableInfo& t = r.tables[static_cast<size_t>(d.table)];
        if (!t.title.empty())
            s += "\n" + fill(tr(Str::DetailTable, lang), "TABLE", toOU(t.title));
    }
    if (!d.cell.address.empty())
        s += "\n" + fill(tr(Str::DetailCell, lang), "CELL", toOU(shortAddress(d.cell)));
    if (!d.expected.empty() || !d.actual.empty())
        s += "\n" + fill(fill(tr(Str::DetailExpectedActual, lang), "EXPECTED", toOU(d.expected)), "ACTUAL", toOU(d.actual));
    if (d.suggestion.hasReason())   // issue 14: the likely cause and its fix (修正)
        s += "\n" + fill(trKey(d.suggestion.empty() ? "DetailUndecided" : "DetailSuggestion", lang), "REASON",
                         toOU(d.suggestion.reason(lang)));
    return s;
}

class IssuesDialog;
std::vector<rtl::Reference<IssuesDialog>> g_dialogs; // one per frame; UI thread only

class IssuesDialog : public cppu::WeakImplHelper3<awt::XActionListener, awt::XItemListener, awt::XTopWindowListener> {
public:
    IssuesDialog(const uno::Reference<uno::XComponentContext>& ctx, const uno::Reference<frame::XFrame>& frame,
                 const uno::Reference<lang::XComponent>& model)
        : m_ctx(ctx), m_frame(frame), m_model(model), m_lang(uiLanguage(m_ctx))
    {
    }

    const uno::Reference<frame::XFrame>& frame() const { return m_frame; }
    const uno::Reference<lang::XComponent>& model() const { return m_model; }

    /// Creates the dialog window; false when the toolkit cannot (then nothing is kept).
    bool open()
    {
        try {
            uno::Reference<deployment::XPackageInformationProvider> info = deployment::PackageInformationProvider::get(m_ctx);
            const OUString url = info->getPackageLocation(OGI_EXTENSION_ID) + "/dialogs/Issues.xdl";
            uno::Reference<awt::XDialogProvider2> provider = awt::DialogProvider2::create(m_ctx);
            uno::Sequence<beans::NamedValue> args(1);
            args[0].Name = "ParentWindow";
            uno::Reference<awt::XWindowPeer> parent;
            if (m_frame.is())
                parent.set(m_frame->getContainerWindow(), uno::UNO_QUERY);
            args[0].Value <<= parent;
            m_dialog = provider->createDialogWithArguments(url, args);
            if (!m_dialog.is())
                return false;
            uno::Reference<awt::XControlContainer> controls(m_dialog, uno::UNO_QUERY_THROW);
            m_list.set(controls->getControl("IssueList"), uno::UNO_QUERY_THROW);
            m_counts.set(controls->getControl("Counts"), uno::UNO_QUERY_THROW);
            m_detail.set(controls->getControl("Detail"), uno::UNO_QUERY_THROW);
            uno::Reference<awt::XFixedText> hint(controls->getControl("Hint"), uno::UNO_QUERY_THROW);
            hint->setText(tr(Str::IssuesHint, m_lang));
            m_dialog->setTitle(
                fill(fill(trKey("IssuesWindowTitle", m_lang), "TITLE", tr(Str::IssuesTitle, m_lang)), "DOCUMENT",
                     documentTitle()));
            setButton(controls, "Recheck", tr(Str::IssuesRecheck, m_lang), "recheck");
            setButton(controls, "Close", tr(Str::IssuesClose, m_lang), "close");
            setButton(controls, "Ignore", tr(Str::IssuesIgnore, m_lang), "ignore");
            m_reset = setButton(controls, "ResetIgnored", resetLabel(0), "reset");
            m_fix = setButton(controls, "Fix", trKey("IssuesFix", m_lang), "fix");
            uno::Reference<awt::XWindow>(m_fix, uno::UNO_QUERY_THROW)->setEnable(false);
            m_list->addItemListener(this);
            uno::Reference<awt::XTopWindow> top(m_dialog, uno::UNO_QUERY);
            if (top.is())
                top->addTopWindowListener(this);
            if (m_frame.is())
                m_frame->addEventListener(uno::Reference<lang::XEventListener>(static_cast<awt::XActionListener*>(this)));
            uno::Reference<awt::XWindow> window(m_dialog, uno::UNO_QUERY_THROW);
            placeBesideDocument(window);
            window->setVisible(true);
            return true;
        } catch (const uno::Exception& e) {
            logLine("issue list: cannot open the dialog: " + toStd(e.Message));
            m_dialog.clear();
            return false;
        }
    }

    /// Top right of the document window, so that the list does not cover the tables (which
    /// sit in the middle of the page). Coordinates relative to the parent window, kept inside it.
    void placeBesideDocument(const uno::Reference<awt::XWindow>& window)
    {
        try {
            if (!m_frame.is() || !m_frame->getContainerWindow().is())
                return;
            const awt::Rectangle parent = m_frame->getContainerWindow()->getPosSize();
            const awt::Rectangle own = window->getPosSize();
            const sal_Int32 x = std::max<sal_Int32>(0, parent.Width - own.Width - 24);
            const sal_Int32 y = std::max<sal_Int32>(0, std::min<sal_Int32>(120, parent.Height - own.Height));
            window->setPosSize(x, y, 0, 0, awt::PosSize::POS);
        } catch (const uno::Exception& e) {
            logLine("issue list: not placed: " + toStd(e.Message));   // the toolkit's default place
        }
    }

    void raise()
    {
        try {
            uno::Reference<awt::XWindow> window(m_dialog, uno::UNO_QUERY);
            if (window.is())
                window->setVisible(true);
            uno::Reference<awt::XTopWindow> top(m_dialog, uno::UNO_QUERY);
            if (top.is())
                top->toFront();
        } catch (const uno::Exception&) {
        }
    }

    void refill(std::shared_ptr<const ogi::Report> report)
    {
        m_report = std::move(report);
        if (!m_dialog.is() || !m_report)
            return;
        const std::vector<OUString> entries = issueEntries(*m_report, m_lang);
        uno::Sequence<OUString> items(static_cast<sal_Int32>(entries.size()));
        for (size_t i = 0; i < entries.size(); ++i)
            items[static_cast<sal_Int32>(i)] = entries[i];
        uno::Reference<awt::XControl> control(m_list, uno::UNO_QUERY_THROW);
        uno::Reference<beans::XPropertySet> model(control->getModel(), uno::UNO_QUERY_THROW);
        model->setPropertyValue("StringItemList", uno::Any(items));
        OUString counts = countsText(m_report->count(ogi::Severity::Error), m_report->count(ogi::Severity::Warning),
                                     m_report->count(ogi::Severity::Info), m_lang);
        if (m_report->diagnostics.empty())
            counts = tr(Str::IssuesNone, m_lang);
        if (m_report->previous.used)
            counts += "    " + previousText(*m_report, m_lang);   // which report served as last year's
        m_counts->setText(counts);
        m_detail->setText(OUString());
        if (m_reset.is()) {
            m_reset->setLabel(resetLabel(m_report->ignored));
            uno::Reference<awt::XWindow>(m_reset, uno::UNO_QUERY_THROW)->setEnable(m_report->ignored > 0);
        }
    }

    /// 忽略此项: entry `index` is recorded as ignored in the document, then checked again.
    /// False (with a note in the detail box) when the document cannot record it.
    bool ignore(int index)
    {
        if (!m_report || index < 0 || static_cast<size_t>(index) >= m_report->diagnostics.size())
            return false;
        // One undo step "忽略此项" that also puts the ignore list back (FindingActions.hxx).
        if (!ignoreFinding(m_ctx, m_frame, m_model, ogi::ignoreKey(m_report->diagnostics[static_cast<size_t>(index)]),
                           OUString()))
            return cannotIgnore();
        refill(lastReportData(m_model));
        return true;
    }

    /// 修正: entry `index`'s suggestion is written (one undo step), then checked again.
    bool fix(int index)
    {
        if (!m_report || index < 0 || static_cast<size_t>(index) >= m_report->diagnostics.size())
            return false;
        const FixOutcome o = applySuggestion(m_ctx, m_model, std::to_string(index));
        refill(lastReportData(m_model));
        if (m_detail.is())
            m_detail->setText(o.message);
        return o.ok;
    }

    /// 恢复已忽略: every ignored finding of the document comes back.
    bool resetIgnored()
    {
        if (readIgnored(m_model).empty())
            return true;
        if (!restoreIgnored(m_ctx, m_frame, m_model))
            return cannotIgnore();
        refill(lastReportData(m_model));
        return true;
    }

    /// As a click on entry `index`: detail text and jump to the cell.
    void select(int index, bool updateList)
    {
        if (!m_report || index < 0 || static_cast<size_t>(index) >= m_report->diagnostics.size())
            return;
        const ogi::Diagnostic& d = m_report->diagnostics[static_cast<size_t>(index)];
        if (m_dialog.is()) {
            if (updateList)
                m_list->selectItemPos(static_cast<sal_Int16>(index), true);
            m_detail->setText(detailText(*m_report, d, m_lang));
            if (m_fix.is())
                uno::Reference<awt::XWindow>(m_fix, uno::UNO_QUERY_THROW)
                    ->setEnable(!d.suggestion.empty() && !isReadOnly(m_model));   // read-only: no fix
        }
        selectDiagnosticCell(m_model, m_frame, d);
    }

    void recheck()
    {
        checkAndTell(m_ctx, m_frame, m_model);
        refill(lastReportData(m_model));
    }

    void close()
    {
        rtl::Reference<IssuesDialog> keep(this);
        for (auto it = g_dialogs.begin(); it != g_dialogs.end(); ++it)
            if (it->get() == this) {
                g_dialogs.erase(it);
                break;
            }
        try {
            if (m_frame.is())
                m_frame->removeEventListener(uno::Reference<lang::XEventListener>(static_cast<awt::XActionListener*>(this)));
        } catch (...) {
        }
        try {
            if (m_dialog.is()) {
                if (m_list.is())
                    m_list->removeItemListener(this);
                uno::Reference<awt::XTopWindow> top(m_dialog, uno::UNO_QUERY);
                if (top.is())
                    top->removeTopWindowListener(this);
                uno::Reference<lang::XComponent> component(m_dialog, uno::UNO_QUERY);
                m_dialog.clear();
                if (component.is())
                    component->dispose();
            }
        } catch (...) {
        }
        m_list.clear();
        m_counts.clear();
        m_detail.clear();
        m_reset.clear();
        m_fix.clear();
    }

    // XActionListener (buttons)
    void SAL_CALL actionPerformed(const awt::ActionEvent& e) override
    {
        containExceptions("issue list", [&] {
            if (e.ActionCommand == "recheck")
                recheck();
            else if (e.ActionCommand == "ignore")
                ignore(m_list.is() ? m_list->getSelectedItemPos() : -1);
            else if (e.ActionCommand == "reset")
                resetIgnored();
            else if (e.ActionCommand == "fix")
                fix(m_list.is() ? m_list->getSelectedItemPos() : -1);
            else if (e.ActionCommand == "close")
                close();
        });
    }

    // XItemListener (list selection)
    void SAL_CALL itemStateChanged(const awt::ItemEvent& e) override
    {
        containExceptions("issue list", [&] {
            sal_Int16 pos = m_list.is() ? m_list->getSelectedItemPos() : -1;
            if (pos < 0)
                pos = static_cast<sal_Int16>(e.Selected);
            select(pos, false);
        });
    }

    // XTopWindowListener
    void SAL_CALL windowOpened(const lang::EventObject&) override {}
    void SAL_CALL windowClosing(const lang::EventObject&) override { containExceptions("issue list", [&] { close(); }); }
    void SAL_CALL windowClosed(const lang::EventObject&) override {}
    void SAL_CALL windowMinimized(const lang::EventObject&) override {}
    void SAL_CALL windowNormalized(const lang::EventObject&) override {}
    void SAL_CALL windowActivated(const lang::EventObject&) override {}
    void SAL_CALL windowDeactivated(const lang::EventObject&) override {}

    // XEventListener: our frame goes away → so does the dialog.
    void SAL_CALL disposing(const lang::EventObject& e) override
    {
        containExceptions("issue list", [&] {
            uno::Reference<uno::XInterface> source(e.Source, uno::UNO_QUERY), frame(m_frame, uno::UNO_QUERY);
            if (source.is() && source == frame)
                close();
        });
    }

private:
    uno::Reference<awt::XButton> setButton(const uno::Reference<awt::XControlContainer>& controls, const char* name,
                                           const OUString& label, const char* command)
    {
        uno::Reference<awt::XButton> button(controls->getControl(OUString::createFromAscii(name)), uno::UNO_QUERY_THROW);
        button->setLabel(label);
        button->setActionCommand(OUString::createFromAscii(command));
        button->addActionListener(this);
        return button;
    }

    bool cannotIgnore()
    {
        if (m_detail.is())
            m_detail->setText(tr(Str::IssuesCannotIgnore, m_lang));
        return false;
    }

    OUString resetLabel(int ignored) const
    {
        return fill(tr(Str::IssuesResetIgnored, m_lang), "N", OUString::number(ignored));
    }

    OUString documentTitle() const
    {
        try {
            // The document's own title ("report.odt"), not the frame's ("report.odt - LibreOffice Writer").
            uno::Reference<frame::XController> controller(m_frame.is() ? m_frame->getController() : nullptr);
            uno::Reference<frame::XTitle> title(controller.is() ? controller->getModel() : nullptr, uno::UNO_QUERY);
            if (title.is())
                return title->getTitle();
            uno::Reference<frame::XTitle> frameTitle(m_frame, uno::UNO_QUERY);
            return frameTitle.is() ? frameTitle->getTitle() : OUString();
        } catch (const uno::Exception&) {
            return OUString();
        }
    }

    uno::Reference<uno::XComponentContext> m_ctx;
    uno::Reference<frame::XFrame> m_frame;
    uno::Reference<lang::XComponent> m_model;
    std::string m_lang;
    uno::Reference<awt::XDialog> m_dialog;
    uno::Reference<awt::XListBox> m_list;
    uno::Reference<awt::XFixedText> m_counts;
    uno::Reference<awt::XTextComponent> m_detail;
    uno::Reference<awt::XButton> m_reset;
    uno::Reference<awt::XButton> m_fix;
    std::shared_ptr<const ogi::Report> m_report;
};

} // namespace

std::vector<OUString> issueEntries(const ogi::Report& report, const std::string& lang)
{
    std::vector<OUString> out;
    for (const ogi::Diagnostic& d : report.diagnostics) {
        std::string line = severitySymbol(d.severity);
        const std::string table = tableLabel(report, d);
        const std::string cell = shortAddress(d.cell);
        line += " " + (table.empty() ? std::string("—") : table);
        if (!cell.empty())
            line += " " + cell;
        line += " [" + d.rule + "] " + d.message(lang);
        out.push_back(toOU(line));
    }
    return out;
}

bool selectDiagnosticCell(const uno::Reference<lang::XComponent>& model, const uno::Reference<frame::XFrame>& frame,
                          const ogi::Diagnostic& d)
{
    try {
        if (!frame.is() || d.cell.table.empty())
            return false;
        uno::Reference<frame::XController> controller = frame->getController();
        uno::Reference<view::XSelectionSupplier> selection(controller, uno::UNO_QUERY);
        if (!selection.is())
            return false;
        const std::string cell = shortAddress(d.cell);
        if (documentKind(model) == DocKind::Writer) {
            uno::Reference<text::XTextTablesSupplier> supplier(model, uno::UNO_QUERY_THROW);
            uno::Reference<container::XNameAccess> tables = supplier->getTextTables();
            const OUString name = toOU(d.cell.table);
            if (!tables->hasByName(name))
                return false;
            uno::Reference<table::XCellRange> table(tables->getByName(name), uno::UNO_QUERY_THROW);
            const OUString addr = toOU(cell.empty() ? std::string("A1") : cell);
            uno::Reference<table::XCellRange> range = table->getCellRangeByName(addr + ":" + addr);
            return range.is() && selection->select(uno::Any(range));
        }
        uno::Reference<sheet::XSpreadsheetDocument> doc(model, uno::UNO_QUERY_THROW);
        uno::Reference<container::XNameAccess> sheets(doc->getSheets(), uno::UNO_QUERY_THROW);
        const OUString name = toOU(d.cell.table);
        if (!sheets->hasByName(name))
            return false;
        uno::Reference<sheet::XSpreadsheet> sheet(sheets->getByName(name), uno::UNO_QUERY_THROW);
        uno::Reference<sheet::XSpreadsheetView> view(controller, uno::UNO_QUERY);
        if (view.is())
            view->setActiveSheet(sheet);
        if (cell.empty())
            return true;
        uno::Reference<table::XCellRange> range = sheet->getCellRangeByName(toOU(cell));
        return range.is() && selection->select(uno::Any(range));
    } catch (const uno::Exception& e) {
        logLine("issue list: cannot select the cell: " + toStd(e.Message));
        return false;
    }
}

std::vector<OUString> showIssues(const uno::Reference<uno::XComponentContext>& ctx, const uno::Reference<frame::XFrame>& frame,
                                 const uno::Reference<lang::XComponent>& model, int select, bool recheck,
                                 int ignore, bool resetIgnored, int fixEntry)
{
    std::shared_ptr<const ogi::Report> report = lastReportData(model);
    if (recheck) {
        checkAndMark(ctx, model);
        report = lastReportData(model);
    } else if (!report) {
        checkDocument(ctx, model);
        report = lastReportData(model);
    }
    rtl::Reference<IssuesDialog> dialog;
    for (const rtl::Reference<IssuesDialog>& d : g_dialogs)
        if (d->frame() == frame && d->model() == model)
            dialog = d;
    if (!dialog.is()) {
        // A dialog of another document once shown in this frame is stale.
        for (size_t i = g_dialogs.size(); i-- > 0;)
            if (g_dialogs[i]->frame() == frame)
                g_dialogs[i]->close();
        dialog = new IssuesDialog(ctx, frame, model);
        if (dialog->open())
            g_dialogs.push_back(dialog);
    } else {
        dialog->raise();
    }
    dialog->refill(report);
    if (ignore >= 0)
        dialog->ignore(ignore);
    if (resetIgnored)
        dialog->resetIgnored();
    if (fixEntry >= 0)
        dialog->fix(fixEntry);
    report = lastReportData(model);
    if (select >= 0)
        dialog->select(select, true);
    return report ? issueEntries(*report, uiLanguage(ctx)) : std::vector<OUString>();
}

} // namespace ogiuno
