// vnd.org.ogi.reportchecker:ClearMarks — remove our marks (one undo step).
#include "BaseDispatch.hxx"

#include "CheckSession.hxx"
#include "Notifier.hxx"
#include "Settings.hxx"
#include "Strings.hxx"

using namespace css;
using rtl::OUString;

namespace ogiuno {

OUString ClearMarksDispatch::execute(const std::map<std::string, std::string>&, bool& ok)
{
    const std::string lang = uiLanguage(context().ctx);
    uno::Reference<lang::XComponent> model = document();
    if (!model.is()) {
        ok = false;
        return tr(Str::NotADocument, lang);
    }
    const int cells = clearDocument(model, readSettings(context().ctx).style);
    const OUString text = trCount(Str::Cleared, cells, lang);
    notify(context().frame, text, NoticeKind::Info);
    return text;
}

} // namespace ogiuno
