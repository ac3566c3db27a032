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
        readWriterDocument(model, result);
    else
        readCalcDocument(model, result, limits);
    return result;
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
