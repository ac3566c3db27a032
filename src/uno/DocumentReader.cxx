#include "DocumentReader.hxx"

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
            d.messages["zh-CN"] = where + " 的内容过大（" + cells + " 个单元格位置），未读取，其中的表格未检查";
            d.messages["en-US"] = where + " is too large to read (" + cells + " cell positions); tables in it were not checked";
            break;
        case UnreadPart::Why::SaveLimit:
            d.severity = ogi::Severity::Info;
            d.messages["zh-CN"] = "保存时未检查 " + where + "（" + cells + " 个有内容的单元格，超出保存时检查的范围）；请用“检查表格”检查";
            d.messages["en-US"] = where + " was not checked on save (" + cells +
                                  " cells with content, beyond the save-time check's bound); use Check Tables";
            break;
        case UnreadPart::Why::Deadline:
            d.severity = ogi::Severity::Info;
            d.messages["zh-CN"] = "保存时的检查用完了时间预算，未检查 " + where + "；请用“检查表格”检查";
            d.messages["en-US"] = "The save-time check ran out of its time budget before " + where +
                                  "; use Check Tables to check it";
            break;
        }
        report.diagnostics.push_back(std::move(d));
    }
}

OUString calcColumnName(sal_Int32 col) { return toOU(ogi::calcColumnName(col)); }

} // namespace ogiuno
