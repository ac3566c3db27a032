#include "DocumentReader.hxx"

#include "EditGuards.hxx"
#include "UnoUtil.hxx"
#include "ogi/SheetSplit.h"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>

using namespace css;
using rtl::OUString;

namespace ogiuno {

DocKind documentKind(const uno::Reference<uno::XInterface>& model)
{
    uno::Reference<lang::XServiceInfo> info(model, uno::UNO_QUERY);
    // Writer/Web (an .html file opened by double-click) is a Writer model that names itself a
    // WebDocument, not a TextDocument.
    if (info.is() && (info->supportsService("com.sun.star.text.TextDocument") ||
                      info->supportsService("com.sun.star.text.WebDocument")))
        return DocKind::Writer;
    if (info.is() && info->supportsService("com.sun.star.sheet.SpreadsheetDocument"))
        return DocKind::Calc;
    throw lang::IllegalArgumentException(
        "org.ogi.reportchecker: the document is neither a text document nor a spreadsheet",
        uno::Reference<uno::XInterface>(), 0);
}

ReadResult readDocument(const uno::Reference<lang::XComponent>& model, const ReadLimits& limits)
{
    ReadResult result;
    result.kind = documentKind(model);
    uno::Reference<frame::XModel> xModel(model, uno::UNO_QUERY);
    if (xModel.is()) {
        OUString url = xModel->getURL();
        result.doc.name = toStd(url.copy(url.lastIndexOf('/') + 1));
    }
    if (result.kind == DocKind::Writer) {
        // Writer reads each cell's and paragraph's text through a text export that opens and
        // closes an "action" of the view; with the controllers locked those nest in one action
        // and the view does not recompute its cursor after every cell (issue 11: 31 % of a
        // check). Reading changes nothing, so unlocking has nothing to lay out.
        ControllerLock lock(model);
        readWriterDocument(model, result, limits);
    } else {
        readCalcDocument(model, result, limits);
    }
    return result;
}

void addReaderFindings(const ReadResult& read, ogi::Report& report)
{
    for (const UnreadPart& part : read.unread) {
        ogi::Diagnostic d;
        d.rule = kNotReadRule;
        const std::string where = toStd(part.where), cells = std::to_string(part.cells);
        d.expected = where; // the ignore key of a document-level finding (one per part)
        d.actual = "not read";
        switch (part.why) {
        case UnreadPart::Why::TooLarge:
            d.severity = ogi::Severity::Warning;
            d.text = ogi::Message("reader.too-large").text("where", where).text("cells", cells);
            break;
        case UnreadPart::Why::SaveLimit:
            d.severity = ogi::Severity::Info;
            d.text = ogi::Message("reader.save-limit").text("where", where).text("cells", cells);
            break;
        case UnreadPart::Why::Deadline:
            d.severity = ogi::Severity::Info;
            d.text = ogi::Message("reader.deadline").text("where", where);
            break;
        }
        report.diagnostics.push_back(std::move(d));
    }
}

OUString calcColumnName(sal_Int32 col) { return toOU(ogi::calcColumnName(col)); }

} // namespace ogiuno
