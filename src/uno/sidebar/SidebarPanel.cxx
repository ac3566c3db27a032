#include "SidebarPanel.hxx"

#include "CheckSession.hxx"
#include "DocumentReader.hxx"
#include "FindingActions.hxx"
#include "FindingList.hxx"
#include "Fixer.hxx"
#include "IssuesDialog.hxx"
#include "OgiNames.hxx"
#include "RuleHelpPage.hxx"
#include "Strings.hxx"
#include "UnoUtil.hxx"

#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/awt/XRequestCallback.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>
#include <com/sun/star/util/XModifyBroadcaster.hpp>
#include <com/sun/star/util/XModifyListener.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XControlModel.hpp>
#include <com/sun/star/awt/XFixedText.hpp>
#include <com/sun/star/awt/XLayoutConstrains.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XToolkit.hpp>
#include <com/sun/star/awt/XWindow2.hpp>
#include <com/sun/star/awt/XWindowListener.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/awt/grid/XGridColumn.hpp>
#include <com/sun/star/awt/grid/XGridColumnModel.hpp>
#include <com/sun/star/awt/grid/XGridRowSelection.hpp>
#include <com/sun/star/awt/grid/XGridSelectionListener.hpp>
#include <com/sun/star/awt/grid/XMutableGridDataModel.hpp>
#include <com/sun/star/graphic/XGraphic.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XDocumentEventBroadcaster.hpp>
#include <com/sun/star/document/XDocumentEventListener.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/drawing/XDrawPageSupplier.hpp>
#include <com/sun/star/drawing/XShape.hpp>
#include <com/sun/star/drawing/XShapes.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XController2.hpp>
#include <com/sun/star/frame/XDispatchHelper.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/text/XTextTablesSupplier.hpp>
#include <com/sun/star/ui/LayoutSize.hpp>
#include <com/sun/star/ui/UIElementType.hpp>
#include <com/sun/star/ui/XDeck.hpp>
#include <com/sun/star/ui/XDecks.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XSidebarProvider.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/util/XModifiable.hpp>
#include <com/sun/star/view/SelectionType.hpp>
#include <cppuhelper/implbase10.hxx>
#include <cppuhelper/weakref.hxx>
#include <rtl/ref.hxx>

#include <algorithm>
#include <array>
#include <memory>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

using namespace css;
using rtl::OUString;

namespace ogiuno {

namespace {

// Layout, in pixels.
constexpr sal_Int32 kMargin = 6, kGap = 4, kLine = 20, kButton = 26, kDetail = 96, kHelp = 120;
constexpr sal_Int32 kMinimalWidth = 380; // three readable columns; the sidebar widens to it
constexpr sal_Int32 kRelatedColor = 0xC6DBF7; // light blue: the other operands of the selected finding
// Live re-check: this long after the last edit inside a recognized table (debounce); a live
// check slower than kLiveBudgetMs switches live checking off for the panel (bounded).
constexpr int kLiveDelayMs = 1200;
constexpr long kLiveBudgetMs = 1500;

class SidebarPanel;
std::mutex g_panelsMutex;
std::vector<SidebarPanel*> g_panels;

/// A cell whose background the selection painted, and what it was.
struct PaintedCell {
    OUString table, address;
    sal_Int32 before = -1;
    uno::Reference<drawing::XShape> shape; ///< Calc: the rectangle laid over the cell
};

class SidebarPanel
    : public cppu::WeakImplHelper10<ui::XUIElement, ui::XToolPanel, ui::XSidebarPanel, lang::XComponent,
                                    awt::XActionListener, awt::XWindowListener, awt::grid::XGridSelectionListener,
                                    document::XDocumentEventListener, util::XModifyListener, awt::XCallback> {
public:
    SidebarPanel(const uno::Reference<uno::XComponentContext>& ctx, const uno::Reference<frame::XFrame>& frame,
                 const uno::Reference<awt::XWindow>& parent, const OUString& url)
        : m_ctx(ctx), m_frame(frame), m_parent(parent), m_url(url),
          m_lang(uiLanguage(m_ctx))
    {
        if (m_frame.is() && m_frame->getController().is())
            m_model.set(m_frame->getController()->getModel(), uno::UNO_QUERY);
    }

    ~SidebarPanel() override { unregister(); }

    void build()
    {
        uno::Reference<lang::XMultiComponentFactory> smgr = m_ctx->getServiceManager();
        uno::Reference<awt::XToolkit> toolkit(awt::Toolkit::create(m_ctx), uno::UNO_QUERY_THROW);
        uno::Reference<awt::XControl> container(
            smgr->createInstanceWithContext("com.sun.star.awt.UnoControlContainer", m_ctx), uno::UNO_QUERY_THROW);
        uno::Reference<awt::XControlModel> containerModel(
            smgr->createInstanceWithContext("com.sun.star.awt.UnoControlContainerModel", m_ctx), uno::UNO_QUERY_THROW);
        container->setModel(containerModel);
        uno::Reference<awt::XWindowPeer> parentPeer(m_parent, uno::UNO_QUERY_THROW);
        container->createPeer(toolkit, parentPeer);
        m_container.set(container, uno::UNO_QUERY_THROW);
        m_window.set(container, uno::UNO_QUERY_THROW);

        m_counts = add("Counts", "FixedText", {});
        m_grid = add("Findings", "grid.UnoControlGrid", {});
        m_detail = add("Detail", "FixedText", {{"MultiLine", uno::Any(true)}});
        // The selected finding's rule: what it checks, why, how to fix (the catalogs' help texts).
        m_help = add("Help", "Edit", {{"MultiLine", uno::Any(true)}, {"ReadOnly", uno::Any(true)},
                                      {"VScroll", uno::Any(true)}, {"HelpText", uno::Any(trKey("SidebarHelpHint", m_lang))}});
        m_reasonLabel = add("ReasonLabel", "FixedText", {{"Label", uno::Any(trKey("SidebarReasonLabel", m_lang))}});
        m_reason = add("Reason", "Edit", {{"HelpText", uno::Any(trKey("SidebarReasonHelp", m_lang))}});
        m_ignore = button("Ignore", trKey("SidebarIgnore", m_lang), "ignore");
        m_fix = button("Fix", trKey("SidebarFix", m_lang), "fix");
        m_recheck = button("Recheck", tr(Str::IssuesRecheck, m_lang), "recheck");
        m_reset = button("ResetIgnored", fill(tr(Str::IssuesResetIgnored, m_lang), "N", "0"), "reset");
        m_helpButton = button("HelpButton", trKey("SidebarHelp", m_lang), "help");
        for (ogi::Severity level : {ogi::Severity::Error, ogi::Severity::Warning, ogi::Severity::Info})
            m_icons[static_cast<int>(level)] = severityIcon(m_ctx, level);
        setupGrid();

        m_parent->addWindowListener(this);
        uno::Reference<document::XDocumentEventBroadcaster> events(m_model, uno::UNO_QUERY);
        if (events.is())
            events->addDocumentEventListener(this);
        uno::Reference<util::XModifyBroadcaster> modify(m_model, uno::UNO_QUERY);
        if (modify.is())
            modify->addModifyListener(this);
        {
            std::lock_guard<std::mutex> lock(g_panelsMutex);
            g_panels.push_back(this);
        }
        const awt::Rectangle r = m_parent->getPosSize();
        layout(r.Width, r.Height);
        m_window->setVisible(true);
        std::shared_ptr<const ogi::Report> report = lastReportData(m_model);
        if (!report && m_model.is()) {
            checkDocument(m_ctx, m_model);   // lists at once; marks nothing, no undo step
            report = lastReportData(m_model);
        }
        refill(report);
    }

    const uno::Reference<frame::XFrame>& frame() const { return m_frame; }
    bool shows(const uno::Reference<uno::XInterface>& model) const
    {
        uno::Reference<uno::XInterface> mine(m_model, uno::UNO_QUERY), other(model, uno::UNO_QUERY);
        return mine.is() && mine == other;
    }

    /// Fills the grid from `report` (keeps the selected finding when it is still listed).
    void refill(std::shared_ptr<const ogi::Report> report)
    {
        if (m_disposed)
            return;
        unpaint();
        m_covered = m_edits.load();   // the edits so far (our own marks among them) are in this report
        const std::string keep = selectedFinding() ? ogi::ignoreKey(*selectedFinding()) : std::string();
        m_report = std::move(report);
        m_rows = m_report ? findingRows(*m_report, m_lang) : std::vector<FindingRow>();
        m_selectedRow = -1;
        m_filling = true;
        try {
            uno::Reference<awt::grid::XMutableGridDataModel> data(gridModelProperty("GridDataModel"), uno::UNO_QUERY_THROW);
            uno::Reference<awt::grid::XGridRowSelection> selection(m_grid, uno::UNO_QUERY_THROW);
            selection->deselectAllRows();
            data->removeAllRows();
            for (size_t i = 0; i < m_rows.size(); ++i) {
                const FindingRow& row = m_rows[i];
                uno::Sequence<uno::Any> cells(3);
                // the severity's icon (its word is the cell's tooltip); the symbol if it cannot be read
                const uno::Reference<graphic::XGraphic> icon =
                    row.diagnostic >= 0 ? m_icons[static_cast<int>(
                                              m_report->diagnostics[static_cast<size_t>(row.diagnostic)].severity)]
                                        : nullptr;
                if (icon.is())
                    cells[0] <<= icon;
                else
                    cells[0] <<= row.symbol;
                cells[1] <<= row.where;
                cells[2] <<= row.message;
                data->addRow(uno::Any(), cells);
                const sal_Int32 index = static_cast<sal_Int32>(i);
                data->updateCellToolTip(0, index, uno::Any(row.severity));
                data->updateCellToolTip(1, index, uno::Any(row.where));
                data->updateCellToolTip(2, index, uno::Any(row.message));
            }
        } catch (const uno::Exception& e) {
            logLine("sidebar: list not filled: " + toStd(e.Message));
        }
        m_filling = false;
        OUString counts;
        if (!m_report)
            counts = trKey("SidebarNotChecked", m_lang);
        else if (m_report->diagnostics.empty())
            counts = m_report->tables.empty() ? tr(Str::SummaryNoTables, m_lang) : tr(Str::IssuesNone, m_lang);
        else
            counts = countsText(m_report->count(ogi::Severity::Error), m_report->count(ogi::Severity::Warning),
                                m_report->count(ogi::Severity::Info), m_lang);
        if (m_report && m_report->ignored > 0)
            counts += " " + trCount(Str::SummaryIgnored, m_report->ignored, m_lang);
        setText(m_counts, counts);
        setText(m_detail, OUString());
        showHelp(nullptr);
        setLabel(m_reset, fill(tr(Str::IssuesResetIgnored, m_lang), "N", OUString::number(m_report ? m_report->ignored : 0)));
        if (!keep.empty())
            for (size_t i = 0; i < m_rows.size(); ++i)
                if (m_rows[i].diagnostic >= 0 &&
                    ogi::ignoreKey(m_report->diagnostics[static_cast<size_t>(m_rows[i].diagnostic)]) == keep) {
                    selectRow(static_cast<int>(i), false);   // the list follows; the document is not moved
                    break;
                }
        updateButtons();
    }

    /// The grid row of a finding (report index), or -1.
    int rowOf(int finding) const
    {
        for (size_t i = 0; i < m_rows.size(); ++i)
            if (m_rows[i].diagnostic == finding)
                return static_cast<int>(i);
        return -1;
    }

    /// As a click on grid row `row`: detail, go to the cell, paint its related cells.
    void selectRow(int row, bool goTo)
    {
        if (row < 0 || static_cast<size_t>(row) >= m_rows.size())
            return;
        if (goTo || m_selectedRow != row) {
            m_filling = true;
            try {
                uno::Reference<awt::grid::XGridRowSelection> selection(m_grid, uno::UNO_QUERY_THROW);
                if (!selection->isRowSelected(row)) {
                    selection->deselectAllRows();
                    selection->selectRow(row);
                }
            } catch (const uno::Exception&) {
            }
            m_filling = false;
        }
        m_selectedRow = row;
        unpaint();
        const ogi::Diagnostic* d = selectedFinding();
        if (!d) {
            setText(m_detail, m_rows[static_cast<size_t>(row)].where + "\n" + m_rows[static_cast<size_t>(row)].message);
            showHelp(nullptr);
            updateButtons();
            return;
        }
        setText(m_detail, detailText(*d));
        showHelp(d);
        updateButtons();
        if (goTo && m_model.is()) {
            selectDiagnosticCell(m_model, m_frame, *d);
            paintRelated(*d);
        }
    }

    /// Selects the first error of the list (else its first finding) and goes to it.
    void selectFirst()
    {
        int first = -1;
        for (size_t i = 0; i < m_rows.size() && m_report; ++i) {
            const int d = m_rows[i].diagnostic;
            if (d < 0)
                continue;
            if (first < 0)
                first = static_cast<int>(i);
            if (m_report->diagnostics[static_cast<size_t>(d)].severity == ogi::Severity::Error) {
                first = static_cast<int>(i);
                break;
            }
        }
        if (first >= 0)
            selectRow(first, true);
    }

    const ogi::Diagnostic* selectedFinding() const
    {
        if (!m_report || m_selectedRow < 0 || static_cast<size_t>(m_selectedRow) >= m_rows.size())
            return nullptr;
        const int d = m_rows[static_cast<size_t>(m_selectedRow)].diagnostic;
        if (d < 0 || static_cast<size_t>(d) >= m_report->diagnostics.size())
            return nullptr;
        return &m_report->diagnostics[static_cast<size_t>(d)];
    }
    int selectedIndex() const { return m_selectedRow >= 0 && static_cast<size_t>(m_selectedRow) < m_rows.size() ? m_rows[static_cast<size_t>(m_selectedRow)].diagnostic : -1; }

    void recheck()
    {
        unpaint();
        checkAndTell(m_ctx, m_frame, m_model);   // the report hook refills us
    }

    void ignoreSelected(const OUString& reasonOverride, bool useOverride)
    {
        const ogi::Diagnostic* d = selectedFinding();
        if (!d || isReadOnly(m_model))
            return;
        OUString reason = useOverride ? reasonOverride : OUString();
        if (!useOverride) {
            uno::Reference<awt::XTextComponent> text(m_reason, uno::UNO_QUERY);
            if (text.is())
                reason = text->getText();
        }
        const std::string key = ogi::ignoreKey(*d);
        unpaint();
        if (ignoreFinding(m_ctx, m_frame, m_model, key, reason)) {
            uno::Reference<awt::XTextComponent> text(m_reason, uno::UNO_QUERY);
            if (text.is())
                text->setText(OUString());
        } else {
            setText(m_detail, tr(Str::IssuesCannotIgnore, m_lang));
        }
    }

    void fixSelected()
    {
        const int index = selectedIndex();
        const ogi::Diagnostic* d = selectedFinding();
        if (!d || d->suggestion.empty() || isReadOnly(m_model))
            return;
        unpaint();
        const FixOutcome o = applySuggestion(m_ctx, m_model, std::to_string(index));
        refill(lastReportData(m_model));
        setText(m_detail, o.message);
    }

    void resetIgnored()
    {
        unpaint();
        restoreIgnored(m_ctx, m_frame, m_model);
    }

    std::vector<OUString> state() const
    {
        std::vector<OUString> out;
        out.push_back("counts\t" + textOf(m_counts));
        for (const FindingRow& r : m_rows)
            out.push_back(r.severity + "\t" + r.where + "\t" + r.message);
        auto on = [](const uno::Reference<uno::XInterface>& b) {
            uno::Reference<awt::XControl> c(b, uno::UNO_QUERY);
            bool enabled = false;
            try {
                uno::Reference<beans::XPropertySet> m(c.is() ? c->getModel() : nullptr, uno::UNO_QUERY);
                if (m.is())
                    m->getPropertyValue("Enabled") >>= enabled;
            } catch (...) {
            }
            return OUString(enabled ? "1" : "0");
        };
        out.push_back("buttons\t" + on(m_recheck) + " " + on(m_ignore) + " " + on(m_fix) + " " + on(m_reset));
        out.push_back("selected\t" + OUString::number(selectedIndex()));
        out.push_back("painted\t" + OUString::number(static_cast<sal_Int32>(m_painted.size())));
        // the help shown (its lines, tab-separated), the page 帮助 opens, whether it can act
        out.push_back("help\t" + m_helpText.replaceAll("\n", "\t"));
        out.push_back("helpurl\t" + m_helpUrl);
        out.push_back("helpbutton\t" + on(m_helpButton));
        return out;
    }

    // XUIElement
    uno::Reference<frame::XFrame> SAL_CALL getFrame() override { return m_frame; }
    OUString SAL_CALL getResourceURL() override { return m_url; }
    sal_Int16 SAL_CALL getType() override { return ui::UIElementType::TOOLPANEL; }
    uno::Reference<uno::XInterface> SAL_CALL getRealInterface() override
    {
        return uno::Reference<uno::XInterface>(static_cast<ui::XToolPanel*>(this));
    }

    // XToolPanel
    uno::Reference<awt::XWindow> SAL_CALL getWindow() override { return m_window; }
    uno::Reference<accessibility::XAccessible> SAL_CALL createAccessible(const uno::Reference<accessibility::XAccessible>&) override
    {
        return uno::Reference<accessibility::XAccessible>(m_window, uno::UNO_QUERY);
    }

    // XSidebarPanel: as tall as the list wants, at least a few rows; the deck may give more.
    ui::LayoutSize SAL_CALL getHeightForWidth(sal_Int32) override
    {
        const sal_Int32 fixed = kMargin * 2 + kLine * 2 + kGap * 5 + kDetail + kHelp + kButton * 2;
        const sal_Int32 rows = std::max<sal_Int32>(6, std::min<sal_Int32>(30, static_cast<sal_Int32>(m_rows.size()) + 1));
        return ui::LayoutSize(fixed + 6 * 22, -1, fixed + rows * 22);
    }
    sal_Int32 SAL_CALL getMinimalWidth() override { return kMinimalWidth; }

    // XComponent
    void SAL_CALL dispose() override
    {
        if (m_disposed)
            return;
        m_disposed = true;
        rtl::Reference<SidebarPanel> keep(this);
        unregister();
        containExceptions("sidebar dispose", [&] {
            unpaint();
            if (m_parent.is())
                m_parent->removeWindowListener(this);
            uno::Reference<document::XDocumentEventBroadcaster> events(m_model, uno::UNO_QUERY);
            if (events.is())
                events->removeDocumentEventListener(this);
            uno::Reference<util::XModifyBroadcaster> modify(m_model, uno::UNO_QUERY);
            if (modify.is())
                modify->removeModifyListener(this);
            uno::Reference<lang::XComponent> window(m_window, uno::UNO_QUERY);
            m_window.clear();
            if (window.is())
                window->dispose();
        });
        m_container.clear();
        m_grid.clear();
        m_counts.clear();
        m_detail.clear();
        m_reason.clear();
        m_reasonLabel.clear();
        m_ignore.clear();
        m_fix.clear();
        m_recheck.clear();
        m_reset.clear();
        m_help.clear();
        m_helpButton.clear();
        for (uno::Reference<graphic::XGraphic>& icon : m_icons)
            icon.clear();
        m_parent.clear();
        m_report.reset();
    }
    void SAL_CALL addEventListener(const uno::Reference<lang::XEventListener>&) override {}
    void SAL_CALL removeEventListener(const uno::Reference<lang::XEventListener>&) override {}

    // XActionListener
    void SAL_CALL actionPerformed(const awt::ActionEvent& e) override
    {
        containExceptions("sidebar button", [&] {
            if (e.ActionCommand == "recheck")
                recheck();
            else if (e.ActionCommand == "ignore")
                ignoreSelected(OUString(), false);
            else if (e.ActionCommand == "fix")
                fixSelected();
            else if (e.ActionCommand == "reset")
                resetIgnored();
            else if (e.ActionCommand == "help")
                openHelpPage(m_ctx, m_helpUrl);
        });
    }

    // XGridSelectionListener
    void SAL_CALL selectionChanged(const awt::grid::GridSelectionEvent& e) override
    {
        if (m_filling)
            return;
        containExceptions("sidebar selection", [&] {
            if (e.SelectedRowIndexes.getLength() > 0)
                selectRow(e.SelectedRowIndexes[0], true);
        });
    }

    // XWindowListener (the sidebar's window for us)
    void SAL_CALL windowResized(const awt::WindowEvent& e) override
    {
        containExceptions("sidebar layout", [&] { layout(e.Width, e.Height); });
    }
    void SAL_CALL windowMoved(const awt::WindowEvent&) override {}
    void SAL_CALL windowShown(const lang::EventObject&) override {}
    void SAL_CALL windowHidden(const lang::EventObject&) override {}

    // XDocumentEventListener: our paint never goes into a saved file.
    void SAL_CALL documentEventOccured(const document::DocumentEvent& e) override
    {
        containExceptions("sidebar document event", [&] {
            if (e.EventName.startsWith("OnSave") || e.EventName == "OnPrepareUnload" || e.EventName == "OnUnload")
                unpaint();
        });
    }

    // XModifyListener: an edit schedules a live re-check (debounced: one pending at a time).
    void SAL_CALL modified(const lang::EventObject&) override
    {
        if (m_disposed || !m_liveOn || m_painting)
            return;
        ++m_edits;
        bool expected = false;
        if (m_pending.compare_exchange_strong(expected, true))
            schedule();
    }

    // XCallback: the delay is over, on the office's main thread.
    void SAL_CALL notify(const uno::Any&) override
    {
        m_pending = false;
        if (m_disposed || !m_model.is())
            return;
        containExceptions("live check", [&] {
            if (m_edits.load() == m_covered)
                return;                                   // a check has seen every edit already
            if (!editInRecognizedTable())
                return;
            // A save's deferred check is due (SaveCheck.hxx): it reads the same edits, refreshes
            // this panel, and says what the save found; a check now would make it moot and the
            // save's notice would be lost.
            if (hasPendingCheck(m_model))
                return;
            const auto start = std::chrono::steady_clock::now();
            ReadLimits limits;
            limits.openOtherFiles = false;                // an edit never waits for other files
            limits.maxSheetCells = 20000;
            limits.maxTotalCells = 40000;
            checkDocument(m_ctx, m_model, readSettings(m_ctx), limits);  // no marks, no undo step
            const long ms = static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                  std::chrono::steady_clock::now() - start).count());
            if (ms > kLiveBudgetMs) {
                m_liveOn = false;
                logLine("live check took " + std::to_string(ms) + " ms: switched off for this panel");
            }
        });
    }

    // XEventListener
    void SAL_CALL disposing(const lang::EventObject& e) override
    {
        uno::Reference<uno::XInterface> source(e.Source, uno::UNO_QUERY), model(m_model, uno::UNO_QUERY);
        if (source.is() && source == model) {
            m_painted.clear();   // the document is gone: nothing to restore
            m_model.clear();
        }
    }

private:
    /// After kLiveDelayMs, the callback runs on the main thread (AsyncCallback), holding only a
    /// weak reference meanwhile; edits in between are covered by the same run.
    void schedule()
    {
        uno::WeakReference<awt::XCallback> weak(uno::Reference<awt::XCallback>(this));
        uno::Reference<uno::XComponentContext> ctx = m_ctx;
        std::thread([weak, ctx] {
            std::this_thread::sleep_for(std::chrono::milliseconds(kLiveDelayMs));
            try {
                uno::Reference<awt::XCallback> callback(weak);
                if (callback.is())
                    awt::AsyncCallback::create(ctx)->addCallback(callback, uno::Any());
            } catch (...) {
            }
        }).detach();
    }

    /// The cursor (Writer) or the active sheet (Calc) is in a table of the last report.
    bool editInRecognizedTable() const
    {
        if (!m_report || !m_frame.is())
            return false;
        uno::Reference<frame::XController> controller = m_frame->getController();
        std::string where;
        bool sheet = false;
        if (documentKind(m_model) == DocKind::Writer) {
            uno::Reference<text::XTextViewCursorSupplier> vcs(controller, uno::UNO_QUERY);
            uno::Reference<beans::XPropertySet> cursor(vcs.is() ? vcs->getViewCursor() : nullptr, uno::UNO_QUERY);
            uno::Reference<container::XNamed> table;
            if (cursor.is())
                cursor->getPropertyValue("TextTable") >>= table;
            if (!table.is())
                return false;
            where = toStd(table->getName());
        } else {
            uno::Reference<sheet::XSpreadsheetView> view(controller, uno::UNO_QUERY);
            uno::Reference<container::XNamed> active(view.is() ? view->getActiveSheet() : nullptr, uno::UNO_QUERY);
            if (!active.is())
                return false;
            where = toStd(active->getName()) + ".";
            sheet = true;
        }
        for (const ogi::TableInfo& t : m_report->tables)
            if (sheet ? t.location.compare(0, where.size(), where) == 0 : t.location == where)
                return true;
        for (const ogi::Diagnostic& d : m_report->diagnostics)   // the other half of a joined table
            if (!sheet && d.cell.table == where)
                return true;
        return false;
    }

    void unregister()
    {
        std::lock_guard<std::mutex> lock(g_panelsMutex);
        g_panels.erase(std::remove(g_panels.begin(), g_panels.end(), this), g_panels.end());
    }

    uno::Reference<uno::XInterface> add(const char* name, const char* kind,
                                        const std::vector<std::pair<const char*, uno::Any>>& props)
    {
        uno::Reference<lang::XMultiComponentFactory> smgr = m_ctx->getServiceManager();
        const OUString base = "com.sun.star.awt." + OUString::createFromAscii(kind);
        // "grid.UnoControlGrid" → model "grid.UnoControlGridModel"; "Edit" → "UnoControlEdit(Model)".
        const OUString control = base.indexOf("UnoControl") >= 0 ? base : "com.sun.star.awt.UnoControl" + OUString::createFromAscii(kind);
        uno::Reference<awt::XControl> c(smgr->createInstanceWithContext(control, m_ctx), uno::UNO_QUERY_THROW);
        uno::Reference<awt::XControlModel> model(smgr->createInstanceWithContext(control + "Model", m_ctx), uno::UNO_QUERY_THROW);
        uno::Reference<beans::XPropertySet> mp(model, uno::UNO_QUERY_THROW);
        for (const auto& [prop, value] : props)
            mp->setPropertyValue(OUString::createFromAscii(prop), value);
        c->setModel(model);
        m_container->addControl(OUString::createFromAscii(name), c);
        return c;
    }

    uno::Reference<uno::XInterface> button(const char* name, const OUString& label, const char* command)
    {
        uno::Reference<uno::XInterface> b = add(name, "Button", {{"Label", uno::Any(label)}});
        uno::Reference<awt::XButton> xb(b, uno::UNO_QUERY_THROW);
        xb->setActionCommand(OUString::createFromAscii(command));
        xb->addActionListener(this);
        return b;
    }

    uno::Any gridModelProperty(const char* name) const
    {
        uno::Reference<awt::XControl> c(m_grid, uno::UNO_QUERY_THROW);
        uno::Reference<beans::XPropertySet> m(c->getModel(), uno::UNO_QUERY_THROW);
        return m->getPropertyValue(OUString::createFromAscii(name));
    }

    void setupGrid()
    {
        uno::Reference<awt::XControl> c(m_grid, uno::UNO_QUERY_THROW);
        uno::Reference<beans::XPropertySet> m(c->getModel(), uno::UNO_QUERY_THROW);
        uno::Reference<lang::XMultiComponentFactory> smgr = m_ctx->getServiceManager();
        uno::Reference<awt::grid::XGridColumnModel> columns(
            smgr->createInstanceWithContext("com.sun.star.awt.grid.DefaultGridColumnModel", m_ctx), uno::UNO_QUERY_THROW);
        const struct {
            const char* title;
            sal_Int32 width, flexibility;
        } kColumns[] = {{"SidebarColumnSeverity", 36, 0}, {"SidebarColumnWhere", 80, 1}, {"SidebarColumnMessage", 100, 1}};
        for (const auto& col : kColumns) {
            uno::Reference<awt::grid::XGridColumn> column = columns->createColumn();
            column->setTitle(trKey(col.title, m_lang));
            column->setColumnWidth(col.width);
            column->setMinWidth(24);
            column->setFlexibility(col.flexibility);
            columns->addColumn(column);
        }
        m->setPropertyValue("ColumnModel", uno::Any(columns));
        m->setPropertyValue("GridDataModel",
                            uno::Any(smgr->createInstanceWithContext("com.sun.star.awt.grid.DefaultGridDataModel", m_ctx)));
        m->setPropertyValue("ShowRowHeader", uno::Any(false));
        m->setPropertyValue("ShowColumnHeader", uno::Any(true));
        m->setPropertyValue("SelectionModel", uno::Any(view::SelectionType_SINGLE));
        m->setPropertyValue("HScroll", uno::Any(false));
        m->setPropertyValue("VScroll", uno::Any(true));
        m->setPropertyValue("HelpText", uno::Any(tr(Str::IssuesHint, m_lang)));
        uno::Reference<awt::grid::XGridRowSelection>(m_grid, uno::UNO_QUERY_THROW)->addSelectionListener(this);
    }

    void layout(sal_Int32 width, sal_Int32 height)
    {
        if (!m_window.is() || width <= 0 || height <= 0)
            return;
        m_window->setPosSize(0, 0, width, height, awt::PosSize::POSSIZE);
        const sal_Int32 w = std::max<sal_Int32>(width - 2 * kMargin, 60);
        auto place = [](const uno::Reference<uno::XInterface>& c, sal_Int32 x, sal_Int32 y, sal_Int32 cw, sal_Int32 ch) {
            uno::Reference<awt::XWindow> win(c, uno::UNO_QUERY);
            if (win.is())
                win->setPosSize(x, y, std::max<sal_Int32>(cw, 1), std::max<sal_Int32>(ch, 1), awt::PosSize::POSSIZE);
        };
        sal_Int32 y = kMargin;
        place(m_counts, kMargin, y, w, kLine);
        y += kLine + kGap;
        const sal_Int32 bottom = height - kMargin - 2 * kButton - kGap * 4 - kDetail - kHelp - kLine;
        const sal_Int32 gridHeight = std::max<sal_Int32>(bottom - y, 60);
        place(m_grid, kMargin, y, w, gridHeight);
        y += gridHeight + kGap;
        place(m_detail, kMargin, y, w, kDetail);
        y += kDetail + kGap;
        place(m_help, kMargin, y, w, kHelp);
        y += kHelp + kGap;
        place(m_reasonLabel, kMargin, y, w, kLine);
        y += kLine;
        // [reason …………] [忽略] [修正]
        const sal_Int32 small = std::min<sal_Int32>(80, (w - 2 * kGap) / 4);
        place(m_reason, kMargin, y, w - 2 * small - 2 * kGap, kButton);
        place(m_ignore, kMargin + w - 2 * small - kGap, y, small, kButton);
        place(m_fix, kMargin + w - small, y, small, kButton);
        y += kButton + kGap;
        // [重新检查] [恢复已忽略（N）] [帮助]: each as wide as its label needs (en-US "Restore
        // Ignored (0)" is clipped in a third of the deck), the rest shared out alike.
        const std::array<uno::Reference<uno::XInterface>, 3> row{m_recheck, m_reset, m_helpButton};
        std::array<sal_Int32, 3> widths{};
        sal_Int32 wanted = 0;
        for (size_t i = 0; i < row.size(); ++i) {
            uno::Reference<awt::XLayoutConstrains> constrains(row[i], uno::UNO_QUERY);
            widths[i] = constrains.is() ? constrains->getPreferredSize().Width : 0;
            wanted += widths[i];
        }
        const sal_Int32 room = w - 2 * kGap;
        for (size_t i = 0; i < row.size(); ++i)
            widths[i] = wanted <= 0 ? room / 3
                        : wanted <= room ? widths[i] + (room - wanted) / 3
                                         : widths[i] * room / wanted;
        sal_Int32 x = kMargin;
        for (size_t i = 0; i < row.size(); ++i) {
            const sal_Int32 cw = i + 1 == row.size() ? kMargin + w - x : widths[i];
            place(row[i], x, y, cw, kButton);
            x += widths[i] + kGap;
        }
    }

    void updateButtons()
    {
        const bool readOnly = !m_model.is() || isReadOnly(m_model);
        const ogi::Diagnostic* d = selectedFinding();
        enable(m_recheck, m_model.is());
        enable(m_ignore, d && !readOnly);
        enable(m_reason, d && !readOnly);
        enable(m_reasonLabel, d && !readOnly);
        enable(m_fix, d && !d->suggestion.empty() && !readOnly);
        enable(m_reset, m_report && m_report->ignored > 0 && !readOnly);
        enable(m_helpButton, !m_helpUrl.isEmpty());
    }

    /// The help of `d`'s rule in the help box, and the page 帮助 opens at it (the page's top
    /// without a finding or for a finding without help).
    void showHelp(const ogi::Diagnostic* d)
    {
        const std::string rule = d ? d->rule : std::string();
        m_helpText = ruleHelpText(rule, m_lang);
        try {
            m_helpUrl = helpPageUrl(m_ctx, m_lang, rule);
        } catch (const uno::Exception& e) {
            m_helpUrl.clear();
            logLine("sidebar: no help page: " + toStd(e.Message));
        }
        uno::Reference<awt::XTextComponent> text(m_help, uno::UNO_QUERY);
        if (text.is())
            text->setText(m_helpText);
    }

    static void enable(const uno::Reference<uno::XInterface>& c, bool on)
    {
        // Through the model, so that the control's state can be read back (tests, accessibility).
        uno::Reference<awt::XControl> control(c, uno::UNO_QUERY);
        uno::Reference<beans::XPropertySet> model(control.is() ? control->getModel() : nullptr, uno::UNO_QUERY);
        if (model.is())
            model->setPropertyValue("Enabled", uno::Any(on));
    }
    static void setText(const uno::Reference<uno::XInterface>& c, const OUString& text)
    {
        uno::Reference<awt::XFixedText> fixed(c, uno::UNO_QUERY);
        if (fixed.is())
            fixed->setText(text);
    }
    static OUString textOf(const uno::Reference<uno::XInterface>& c)
    {
        uno::Reference<awt::XFixedText> fixed(c, uno::UNO_QUERY);
        return fixed.is() ? fixed->getText() : OUString();
    }
    static void setLabel(const uno::Reference<uno::XInterface>& c, const OUString& label)
    {
        uno::Reference<awt::XButton> b(c, uno::UNO_QUERY);
        if (b.is())
            b->setLabel(label);
    }

    OUString detailText(const ogi::Diagnostic& d) const
    {
        OUString s = findingWhere(*m_report, d, m_lang) + "\n" + toOU(d.message(m_lang));
        if (!d.expected.empty() || !d.actual.empty())
            s += "\n" + fill(fill(tr(Str::DetailExpectedActual, m_lang), "EXPECTED", toOU(d.expected)), "ACTUAL",
                             toOU(d.actual));
        if (d.suggestion.hasReason())
            s += "\n" + trKey(d.suggestion.empty() ? "SidebarUndecided" : "SidebarSuggestion", m_lang) +
                 toOU(d.suggestion.reason(m_lang));
        return s;
    }

    // --- painting the related cells -------------------------------------------------------
    uno::Reference<beans::XPropertySet> cellProps(const OUString& table, const OUString& address, OUString& prop) const
    {
        if (documentKind(m_model) == DocKind::Writer) {
            prop = "BackColor";
            uno::Reference<text::XTextTablesSupplier> supplier(m_model, uno::UNO_QUERY_THROW);
            uno::Reference<container::XNameAccess> tables = supplier->getTextTables();
            if (!tables->hasByName(table))
                return nullptr;
            uno::Reference<text::XTextTable> t(tables->getByName(table), uno::UNO_QUERY_THROW);
            return uno::Reference<beans::XPropertySet>(t->getCellByName(address), uno::UNO_QUERY);
        }
        prop = "CellBackColor";
        uno::Reference<sheet::XSpreadsheetDocument> doc(m_model, uno::UNO_QUERY_THROW);
        uno::Reference<container::XNameAccess> sheets(doc->getSheets(), uno::UNO_QUERY_THROW);
        if (!sheets->hasByName(table))
            return nullptr;
        uno::Reference<table::XCellRange> sheet(sheets->getByName(table), uno::UNO_QUERY_THROW);
        return uno::Reference<beans::XPropertySet>(sheet->getCellRangeByName(address), uno::UNO_QUERY);
    }

    uno::Reference<drawing::XShapes> drawPage(const OUString& table) const
    {
        uno::Reference<sheet::XSpreadsheetDocument> doc(m_model, uno::UNO_QUERY_THROW);
        uno::Reference<container::XNameAccess> sheets(doc->getSheets(), uno::UNO_QUERY_THROW);
        if (!sheets->hasByName(table))
            return nullptr;
        uno::Reference<drawing::XDrawPageSupplier> supplier(sheets->getByName(table), uno::UNO_QUERY_THROW);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations" // a sheet's draw page has no other accessor
        return uno::Reference<drawing::XShapes>(supplier->getDrawPage(), uno::UNO_QUERY);
#pragma GCC diagnostic pop
    }

    /// A half-transparent rectangle over a Calc cell, behind the cell's text (layer "back").
    uno::Reference<drawing::XShape> overlay(const OUString& table, const uno::Reference<beans::XPropertySet>& cell)
    {
        uno::Reference<drawing::XShapes> page = drawPage(table);
        uno::Reference<lang::XMultiServiceFactory> factory(m_model, uno::UNO_QUERY);
        if (!page.is() || !factory.is())
            return nullptr;
        awt::Point pos;
        awt::Size size;
        cell->getPropertyValue("Position") >>= pos;
        cell->getPropertyValue("Size") >>= size;
        uno::Reference<drawing::XShape> shape(factory->createInstance("com.sun.star.drawing.RectangleShape"), uno::UNO_QUERY_THROW);
        page->add(shape);
        shape->setPosition(pos);
        shape->setSize(size);
        uno::Reference<beans::XPropertySet> props(shape, uno::UNO_QUERY_THROW);
        props->setPropertyValue("FillColor", uno::Any(kRelatedColor));
        props->setPropertyValue("LineColor", uno::Any(sal_Int32(0x3465A4)));
        props->setPropertyValue("LayerID", uno::Any(sal_Int16(1)));   // SC_LAYER_BACK: behind the cells, not clickable
        props->setPropertyValue("Name", uno::Any(OUString("OgiReportCheckerRelated")));
        return shape;
    }

    /// Runs `f` with the document's undo manager locked and its modified flag kept.
    template <class F> void quietly(F&& f)
    {
        uno::Reference<document::XUndoManagerSupplier> us(m_model, uno::UNO_QUERY);
        uno::Reference<document::XUndoManager> undo = us.is() ? us->getUndoManager() : nullptr;
        uno::Reference<util::XModifiable> modifiable(m_model, uno::UNO_QUERY);
        const bool wasModified = modifiable.is() && modifiable->isModified();
        auto restore = [&] {
            if (undo.is())
                undo->unlock();
        };
        if (undo.is())
            undo->lock();
        m_painting = true;   // our own change is no edit to check again
        try {
            f();
        } catch (...) {
            m_painting = false;
            restore();
            throw;
        }
        restore();
        if (modifiable.is() && !wasModified && modifiable->isModified())
            modifiable->setModified(false);
        m_painting = false;
    }

    void paintRelated(const ogi::Diagnostic& d)
    {
        if (!m_model.is() || isReadOnly(m_model) || d.related.empty())
            return;
        containExceptions("sidebar paint", [&] {
            quietly([&] {
                for (const ogi::CellRef& c : d.related) {
                    if (c.table.empty() || c.address.empty() || (c.table == d.cell.table && c.address == d.cell.address))
                        continue;
                    std::string address = c.address;
                    if (address.size() > c.table.size() && address.compare(0, c.table.size(), c.table) == 0 &&
                        address[c.table.size()] == '.')
                        address = address.substr(c.table.size() + 1);
                    PaintedCell p{toOU(c.table), toOU(address), -1, nullptr};
                    bool seen = false;
                    for (const PaintedCell& o : m_painted)
                        seen = seen || (o.table == p.table && o.address == p.address);
                    if (seen)
                        continue;
                    OUString prop;
                    uno::Reference<beans::XPropertySet> cell = cellProps(p.table, p.address, prop);
                    if (!cell.is())
                        continue;
                    if (documentKind(m_model) == DocKind::Calc) {
                        // Calc records cell attributes in its undo stack whatever the undo manager's
                        // lock says; a rectangle on the sheet's background layer is not recorded.
                        p.shape = overlay(p.table, cell);
                        if (p.shape.is())
                            m_painted.push_back(p);
                        continue;
                    }
                    cell->getPropertyValue(prop) >>= p.before;
                    cell->setPropertyValue(prop, uno::Any(kRelatedColor));
                    m_painted.push_back(p);
                }
            });
        });
    }

    /// Puts the painted cells back (only those still in our colour: a check in between may
    /// have set them itself).
    void unpaint()
    {
        if (m_painted.empty())
            return;
        std::vector<PaintedCell> painted;
        painted.swap(m_painted);
        if (!m_model.is())
            return;
        containExceptions("sidebar unpaint", [&] {
            quietly([&] {
                for (const PaintedCell& p : painted) {
                    if (p.shape.is()) {
                        uno::Reference<drawing::XShapes> page(drawPage(p.table), uno::UNO_QUERY);
                        if (page.is())
                            page->remove(p.shape);
                        continue;
                    }
                    OUString prop;
                    uno::Reference<beans::XPropertySet> cell = cellProps(p.table, p.address, prop);
                    if (!cell.is())
                        continue;
                    sal_Int32 now = -1;
                    cell->getPropertyValue(prop) >>= now;
                    if (now == kRelatedColor)
                        cell->setPropertyValue(prop, uno::Any(p.before));
                }
            });
        });
    }

    uno::Reference<uno::XComponentContext> m_ctx;
    uno::Reference<frame::XFrame> m_frame;
    uno::Reference<awt::XWindow> m_parent;
    OUString m_url;
    std::string m_lang;
    uno::Reference<lang::XComponent> m_model;
    uno::Reference<awt::XControlContainer> m_container;
    uno::Reference<awt::XWindow> m_window;
    uno::Reference<uno::XInterface> m_counts, m_grid, m_detail, m_reasonLabel, m_reason, m_ignore, m_fix, m_recheck, m_reset;
    uno::Reference<uno::XInterface> m_help, m_helpButton;
    uno::Reference<graphic::XGraphic> m_icons[3];   ///< by ogi::Severity
    OUString m_helpText, m_helpUrl;
    std::shared_ptr<const ogi::Report> m_report;
    std::vector<FindingRow> m_rows;
    int m_selectedRow = -1;
    bool m_filling = false;
    bool m_disposed = false;
    std::vector<PaintedCell> m_painted;
    std::atomic<long> m_edits{0};
    long m_covered = 0;
    std::atomic<bool> m_pending{false};
    bool m_liveOn = true;
    bool m_painting = false;
};

rtl::Reference<SidebarPanel> panelOf(const uno::Reference<frame::XFrame>& frame)
{
    std::lock_guard<std::mutex> lock(g_panelsMutex);
    for (SidebarPanel* p : g_panels)
        if (p->frame() == frame)
            return rtl::Reference<SidebarPanel>(p);
    return nullptr;
}

/// CheckSession's report hook: every check refreshes the panels of its document.
void refreshPanels(const uno::Reference<uno::XInterface>& model)
{
    std::vector<rtl::Reference<SidebarPanel>> panels;
    {
        std::lock_guard<std::mutex> lock(g_panelsMutex);
        for (SidebarPanel* p : g_panels)
            if (p->shows(model))
                panels.emplace_back(p);
    }
    for (const rtl::Reference<SidebarPanel>& p : panels)
        containExceptions("sidebar refresh", [&] { p->refill(lastReportData(model)); });
}

struct HookInstaller {
    HookInstaller() { setReportListener(&refreshPanels); }
} g_installHook;

} // namespace

uno::Reference<ui::XUIElement> createFindingsPanel(const uno::Reference<uno::XComponentContext>& ctx,
                                                   const uno::Reference<frame::XFrame>& frame,
                                                   const uno::Reference<awt::XWindow>& parent, const OUString& url)
{
    rtl::Reference<SidebarPanel> panel(new SidebarPanel(ctx, frame, parent, url));
    panel->build();
    return uno::Reference<ui::XUIElement>(static_cast<ui::XUIElement*>(panel.get()));
}

bool openDeck(const uno::Reference<uno::XComponentContext>& ctx, const uno::Reference<frame::XFrame>& frame)
{
    try {
        uno::Reference<awt::XWindow2> window(frame.is() ? frame->getContainerWindow() : nullptr, uno::UNO_QUERY);
        if (!window.is() || !window->isVisible())
            return false;   // hidden documents have no sidebar
        uno::Reference<frame::XController2> controller(frame->getController(), uno::UNO_QUERY);
        uno::Reference<ui::XSidebarProvider> sidebar(controller.is() ? controller->getSidebar() : nullptr);
        if (sidebar.is()) {
            uno::Reference<ui::XDecks> decks = sidebar->getDecks();
            uno::Reference<ui::XDeck> deck;
            if (decks.is() && decks->hasByName(OGI_DECK_ID))
                deck.set(decks->getByName(OGI_DECK_ID), uno::UNO_QUERY);
            if (deck.is() && sidebar->isVisible() && deck->isActive())
                return true;   // already open: asking again would toggle it closed
            if (!sidebar->isVisible())
                sidebar->setVisible(true);
            if (deck.is()) {
                deck->activate(true);
                if (!deck->isActive())
                    sidebar->showDecks(true);
                return true;
            }
        }
        uno::Reference<frame::XDispatchHelper> helper = frame::DispatchHelper::create(ctx);
        uno::Reference<frame::XDispatchProvider> provider(frame, uno::UNO_QUERY_THROW);
        helper->executeDispatch(provider, ".uno:SidebarDeck." OGI_DECK_ID, OUString(), 0,
                                uno::Sequence<beans::PropertyValue>());
        return true;
    } catch (const uno::Exception& e) {
        logLine("sidebar: deck not opened: " + toStd(e.Message));
        return false;
    }
}

std::vector<OUString> runPanel(const uno::Reference<frame::XFrame>& frame, const PanelRequest& request, bool& found)
{
    rtl::Reference<SidebarPanel> panel = panelOf(frame);
    found = panel.is();
    if (!panel.is())
        return {};
    if (request.recheck)
        panel->recheck();
    if (request.resetIgnored)
        panel->resetIgnored();
    if (request.ignore >= 0) {
        panel->selectRow(panel->rowOf(request.ignore), false);
        panel->ignoreSelected(request.reason, true);
    }
    if (request.fix >= 0) {
        panel->selectRow(panel->rowOf(request.fix), false);
        panel->fixSelected();
    }
    if (request.select >= 0)
        panel->selectRow(panel->rowOf(request.select), true);
    else if (request.firstError)
        panel->selectFirst();
    return panel->state();
}

} // namespace ogiuno
