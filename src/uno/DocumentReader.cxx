#include "DocumentReader.hxx"

#include "UnoUtil.hxx"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>

using namespace css;
using rtl::OUString;

namespace ogiuno {

DocKind documentKind(const uno::Reference<uno::XInterface>& model)
{
    uno::Reference<lang::XServiceInfo> info(model, uno::UNO_QUERY);
    if (info.is() && info->supportsService("com.sun.star.text.TextDocument"))
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
    if (result.kind == DocKind::Writer)
        readWriterDocument(model, result, limits);
    else
        readCalcDocument(model, result, limits);
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

int writerLettersToIndex(const OUString& letters)
{
    // Writer names columns in bijective base 52: A..Z, a..z, then AA, AB, ... (sw_GetCellName).
    int value = 0;
    for (sal_Int32 i = 0; i < letters.getLength(); ++i) {
        sal_Unicode c = letters[i];
        int digit;
        if (c >= 'A' && c <= 'Z')
            digit = c - 'A';
        else if (c >= 'a' && c <= 'z')
            digit = 26 + (c - 'a');
        else
            return -1;
        value = value * 52 + digit + 1;
    }
    return value - 1;
}

OUString calcColumnName(sal_Int32 col)
{
    OUString name;
    sal_Int32 n = col + 1;
    while (n > 0) {
        sal_Int32 rem = (n - 1) % 26;
        name = OUString(static_cast<sal_Unicode>('A' + rem)) + name;
        n = (n - 1) / 26;
    }
    return name;
}

} // namespace ogiuno
