// vnd.org.ogi.reportchecker:ShowIssues — 检查结果列表. Without arguments, in a window with a
// sidebar, it opens the 年报检查 deck at the first finding (the dialog is kept for what the deck
// cannot serve: hidden documents, and scripts). Otherwise the issue list (IssuesDialog): a non-modal dialog
// with every diagnostic of the last check (checks first when there was none). Arguments, for
// scripts and tests: Select=<n> selects entry n and jumps to its cell as a click would;
// Recheck=1 runs the dialog's 重新检查 button; Ignore=<n> its 忽略此项 on entry n; ResetIgnored=1
// its 恢复已忽略; Fix=<n> its 修正 on entry n. The result is the list's entries, one a line.
#include "BaseDispatch.hxx"

#include "CheckSession.hxx"
#include "IssuesDialog.hxx"
#include "sidebar/SidebarPanel.hxx"
#include "Strings.hxx"
#include "UnoUtil.hxx"

#include <cstdlib>

using namespace css;
using rtl::OUString;

namespace ogiuno {

OUString ShowIssuesDispatch::execute(const Invocation& call, bool&)
{
    const std::map<std::string, std::string>& query = call.query;
    const std::string& lang = call.lang;
    const uno::Reference<lang::XComponent>& model = call.model;
    if (query.empty() && openDeck(context().ctx, context().frame)) {
        PanelRequest first;
        first.firstError = true;
        bool found = false;
        runPanel(context().frame, first, found);
        if (found) {
            std::shared_ptr<const ogi::Report> report = lastReportData(model);
            OUString text;
            for (const OUString& e : report ? issueEntries(*report, lang) : std::vector<OUString>())
                text += (text.isEmpty() ? OUString() : OUString("\n")) + e;
            return text;
        }
    }
    int select = -1;
    auto it = query.find("Select");
    if (it != query.end() && !it->second.empty())
        select = std::atoi(it->second.c_str());
    auto re = query.find("Recheck");
    const bool recheck = re != query.end() && (re->second == "1" || re->second == "true");
    int ignore = -1;
    auto ig = query.find("Ignore");
    if (ig != query.end() && !ig->second.empty())
        ignore = std::atoi(ig->second.c_str());
    auto rs = query.find("ResetIgnored");
    const bool reset = rs != query.end() && (rs->second == "1" || rs->second == "true");
    int fix = -1;
    auto fx = query.find("Fix");
    if (fx != query.end() && !fx->second.empty())
        fix = std::atoi(fx->second.c_str());
    const std::vector<OUString> entries =
        showIssues(context().ctx, context().frame, model, select, recheck, ignore, reset, fix);
    OUString text;
    for (const OUString& e : entries)
        text += (text.isEmpty() ? OUString() : OUString("\n")) + e;
    return text;
}

} // namespace ogiuno
