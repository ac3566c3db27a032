// vnd.org.ogi.reportchecker:ShowIssues — show the last check's findings as text (for now in
// the infobar and as the dispatch result; a sidebar list is a later step).
#include "BaseDispatch.hxx"

#include "CheckSession.hxx"
#include "Notifier.hxx"
#include "Strings.hxx"

using namespace css;
using rtl::OUString;

namespace ogiuno {

OUString ShowIssuesDispatch::execute(const std::map<std::string, std::string>&, bool& ok)
{
    const std::string lang = uiLanguage(context().ctx);
    uno::Reference<lang::XComponent> model = document();
    if (!model.is()) {
        ok = false;
        return tr(Str::NotADocument, lang);
    }
    OUString text = lastReportText(model);
    if (text.isEmpty())
        text = tr(Str::NothingChecked, lang);
    notify(context().frame, text, NoticeKind::Info);
    return text;
}

} // namespace ogiuno
