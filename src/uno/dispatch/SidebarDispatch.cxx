// vnd.org.ogi.reportchecker:Sidebar — opens the 年报检查 deck beside the document (the infobar's
// 查看). Arguments, for scripts and tests, act on the deck's panel as clicks would:
// Select=<n> selects finding n (report order) and goes to its cell; First=1 the first error;
// Ignore=<n> (with Reason=<text>) its 忽略; Fix=<n> its 修正; Recheck=1 重新检查;
// ResetIgnored=1 恢复已忽略. The result is the panel's state (SidebarPanel.hxx: runPanel), or the
// finding list of the last check when the frame shows no panel (hidden documents).
#include "BaseDispatch.hxx"

#include "CheckSession.hxx"
#include "Strings.hxx"
#include "UnoUtil.hxx"
#include "sidebar/FindingList.hxx"
#include "sidebar/SidebarPanel.hxx"

#include <cstdlib>

using namespace css;
using rtl::OUString;

namespace ogiuno {

namespace {

int intArg(const std::map<std::string, std::string>& query, const char* name)
{
    auto it = query.find(name);
    return it == query.end() || it->second.empty() ? -1 : std::atoi(it->second.c_str());
}

bool flagArg(const std::map<std::string, std::string>& query, const char* name)
{
    auto it = query.find(name);
    return it != query.end() && (it->second == "1" || it->second == "true");
}

} // namespace

OUString SidebarDispatch::execute(const Invocation& call, bool&)
{
    const std::map<std::string, std::string>& query = call.query;
    const std::string& lang = call.lang;
    const uno::Reference<lang::XComponent>& model = call.model;
    openDeck(context().ctx, context().frame);
    PanelRequest request;
    request.select = intArg(query, "Select");
    request.firstError = flagArg(query, "First");
    request.ignore = intArg(query, "Ignore");
    auto reason = query.find("Reason");
    if (reason != query.end())
        request.reason = toOU(reason->second);
    request.fix = intArg(query, "Fix");
    request.recheck = flagArg(query, "Recheck");
    request.resetIgnored = flagArg(query, "ResetIgnored");
    bool found = false;
    std::vector<OUString> lines = runPanel(context().frame, request, found);
    if (!found) {
        std::shared_ptr<const ogi::Report> report = lastReportData(model);
        if (!report) {
            checkDocument(context().ctx, model);
            report = lastReportData(model);
        }
        lines.push_back("panel\t0");
        if (report)
            for (const FindingRow& r : findingRows(*report, lang))
                lines.push_back(r.severity + "\t" + r.where + "\t" + r.message);
    }
    OUString text;
    for (const OUString& l : lines)
        text += (text.isEmpty() ? OUString() : OUString("\n")) + l;
    return text;
}

} // namespace ogiuno
