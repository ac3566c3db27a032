// vnd.org.ogi.reportchecker:ChoosePrevious — 工具 › 年报检查 › 选择上年报告…: the user picks last
// year's report once (a file picker opened on the document's folder); it is recorded in the
// document (its URL and a snapshot of its values, PreviousReport.hxx) and the document is
// checked against it. The argument URL=<file URL> picks without the dialog (macros, tests).
// The result text is the infobar's text.
#include "BaseDispatch.hxx"

#include "CheckSession.hxx"
#include "Notifier.hxx"
#include "OgiNames.hxx"
#include "PreviousReport.hxx"
#include "Strings.hxx"
#include "UnoUtil.hxx"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/FilePicker.hpp>
#include <com/sun/star/ui/dialogs/TemplateDescription.hpp>
#include <com/sun/star/ui/dialogs/XFilePicker3.hpp>
#include <osl/file.hxx>

using namespace css;
using rtl::OUString;

namespace ogiuno {

namespace {

/// The file the user picks, or "" when the dialog is cancelled.
OUString pickFile(const uno::Reference<uno::XComponentContext>& ctx, const uno::Reference<lang::XComponent>& model,
                  const std::string& lang)
{
    uno::Reference<ui::dialogs::XFilePicker3> picker =
        ui::dialogs::FilePicker::createWithMode(ctx, ui::dialogs::TemplateDescription::FILEOPEN_SIMPLE);
    picker->setTitle(tr(Str::ChoosePreviousTitle, lang));
    picker->appendFilter(trKey("ChoosePreviousFilterReports", lang), "*.odt;*.docx;*.doc;*.rtf;*.wps;*.ods;*.xlsx;*.xls");
    picker->appendFilter(trKey("ChoosePreviousFilterAll", lang), "*.*");
    uno::Reference<frame::XModel> m(model, uno::UNO_QUERY);
    const OUString url = m.is() ? m->getURL() : OUString();
    if (url.lastIndexOf('/') > 0)
        picker->setDisplayDirectory(url.copy(0, url.lastIndexOf('/')));
    if (picker->execute() != ui::dialogs::ExecutableDialogResults::OK)
        return OUString();
    const uno::Sequence<OUString> files = picker->getSelectedFiles();
    return files.getLength() > 0 ? files[0] : OUString();
}

/// Why a file cannot serve, in the UI language: PreviousReport's reasons are English sentences
/// (for the log), each known one has a resource; anything else is LibreOffice's own message.
OUString reason(const std::string& error, const std::string& lang)
{
    static const std::pair<const char*, const char*> keys[] = {
        {"no report table in it", "PreviousNoTables"},
        {"the document is read-only", "PreviousReadOnly"},
        {"that is this document", "PreviousIsThisDocument"},
        {"no such file", "PreviousNoSuchFile"},
        {"LibreOffice could not open it", "PreviousNotOpened"},
    };
    for (const auto& [en, key] : keys)
        if (error == en)
            return trKey(key, lang);
    return fill(trKey("PreviousUnreadable", lang), "DETAIL", toOU(error));
}

/// The file name of a file URL, decoded ("%E7%A9%BA.odt" → "空.odt").
OUString fileNameOf(const OUString& url)
{
    OUString path;
    if (osl::FileBase::getSystemPathFromFileURL(url, path) != osl::FileBase::E_None)
        path = url;
    return path.copy(path.lastIndexOf('/') + 1);
}

} // namespace

OUString ChoosePreviousDispatch::execute(const Invocation& call, bool& ok)
{
    const std::map<std::string, std::string>& query = call.query;
    const std::string& lang = call.lang;
    const uno::Reference<lang::XComponent>& model = call.model;
    auto it = query.find("URL");
    const OUString url = it != query.end() && !it->second.empty() ? toOU(it->second) : pickFile(context().ctx, model, lang);
    if (url.isEmpty())
        return OUString();   // cancelled: nothing changes
    const std::string error = choosePrevious(context().ctx, model, url);
    const OUString file = fileNameOf(url);
    if (!error.empty()) {
        ok = false;
        OUString text = fill(tr(Str::ChoosePreviousFailed, lang), "FILE", file);
        text = fill(text, "ERROR", reason(error, lang));
        notify(context().frame, text, NoticeKind::Warning);
        return text;
    }
    const CheckOutcome outcome = checkAndMark(context().ctx, model);
    const ogi::Report& r = *outcome.report;
    NoticeKind kind = NoticeKind::Success;
    if (r.count(ogi::Severity::Error) > 0)
        kind = NoticeKind::Danger;
    else if (r.count(ogi::Severity::Warning) > 0)
        kind = NoticeKind::Warning;
    else if (r.count(ogi::Severity::Info) > 0)
        kind = NoticeKind::Info;
    const OUString text = summaryText(outcome);
    const bool findings = !r.diagnostics.empty();
    notify(context().frame, text, kind, findings ? tr(Str::ButtonDetails, lang) : OUString(),
           findings ? OUString(OGI_PROTOCOL "ShowIssues") : OUString());
    return text;
}

} // namespace ogiuno
