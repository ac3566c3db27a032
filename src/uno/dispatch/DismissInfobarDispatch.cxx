// vnd.org.ogi.reportchecker:DismissInfobar — the "忽略" button of the save-time infobar:
// removes our infobar from this frame; the document is not touched.
#include "BaseDispatch.hxx"

#include "Notifier.hxx"

using namespace css;
using rtl::OUString;

namespace ogiuno {

OUString DismissInfobarDispatch::run(const std::map<std::string, std::string>&, bool&)
{
    dismiss(context().frame);
    return OUString();
}

} // namespace ogiuno
