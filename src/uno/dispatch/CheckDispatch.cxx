// vnd.org.ogi.reportchecker:Check — check the document and mark the cells (one undo step),
// then show the summary in an infobar (never a modal dialog).
#include "BaseDispatch.hxx"

#include "CheckSession.hxx"
#include "Notifier.hxx"
#include "OgiNames.hxx"
#include "Strings.hxx"

using namespace css;
using rtl::OUString;

namespace ogiuno {

OUString CheckDispatch::execute(const std::map<std::string, std::string>&, bool& ok)
{
    const std::string lang = uiLanguage(context().ctx);
    uno::Reference<lang::XComponent> model = document();
    if (!model.is()) {
        ok = false;
        return tr(Str::NotADocument, lang);
    }
    const CheckOutcome outcome = checkAndMark(context().ctx, model);
    const OUString text = summaryText(outcome);
    const ogi::Report& r = outcome.report;
    NoticeKind kind = NoticeKind::Success;
    if (r.count(ogi::Severity::Error) > 0)
        kind = NoticeKind::Danger;
    else if (r.count(ogi::Severity::Warning) > 0)
        kind = NoticeKind::Warning;
    else if (r.count(ogi::Severity::Info) > 0 || r.tables.empty())
        kind = NoticeKind::Info;
    const bool findings = !r.diagnostics.empty();
    std::vector<NoticeButton> buttons;
    if (findings)
        buttons.push_back({tr(Str::ButtonDetails, lang), OGI_PROTOCOL "ShowIssues"});
    if (outcome.previousCandidates.size() >= 2)   // never a guess: the user chooses last year's report
        buttons.push_back({tr(Str::ButtonChoosePrevious, lang), OGI_PROTOCOL "ChoosePrevious"});
    notify(context().frame, text, kind, buttons);
    return text;
}

} // namespace ogiuno
