#include "Strings.hxx"

#include "UnoUtil.hxx"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/uno/Sequence.hxx>

#include <cstdlib>
#include <cstdio>

using namespace css;
using rtl::OUString;

namespace ogiuno {

namespace {

struct Entry {
    Str id;
    const char* zh;
    const char* en;
};

const Entry kStrings[] = {
    {Str::SeverityError, "错误", "error"},
    {Str::SeverityWarning, "警告", "warning"},
    {Str::SeverityInfo, "提示", "info"},
    {Str::SummaryCounts, "年报检查：%ERRORS% 个错误，%WARNINGS% 个警告，%INFOS% 条提示。",
     "Report check: %ERRORS% error(s), %WARNINGS% warning(s), %INFOS% info(s)."},
    {Str::SummaryTables, "涉及表格：%TABLES%。", "Tables: %TABLES%."},
    {Str::SummaryAllFine, "年报检查：%TABLES% 张统计表均未发现问题。",
     "Report check: no problems found in %TABLES% table(s)."},
    {Str::SummaryNoTables, "年报检查：未识别到年报统计表格。",
     "Report check: no report statistics tables were recognized."},
    {Str::SummaryReadOnly, "文档为只读，未做标记。", "The document is read-only; no cells were marked."},
    {Str::SummaryMarked, "已标记 %CELLS% 个单元格，详情见单元格批注。",
     "%CELLS% cell(s) marked; see the comments on the cells."},
    {Str::Cleared, "已清除 %CELLS% 个单元格的检查标记。", "Removed the check marks of %CELLS% cell(s)."},
    {Str::NothingChecked, "尚未检查此文档。", "This document has not been checked yet."},
    {Str::NotImplemented, "“%COMMAND%”功能尚未实现。", "\"%COMMAND%\" is not implemented yet."},
    {Str::UnknownCommand, "未知命令：%COMMAND%", "Unknown command: %COMMAND%"},
    {Str::UnknownTemplate, "未知模板：%TEMPLATE%", "Unknown template: %TEMPLATE%"},
    {Str::NotADocument, "当前窗口不是文本文档或电子表格。",
     "The current window is neither a text document nor a spreadsheet."},
    {Str::ButtonDetails, "查看", "Details"},
    {Str::Failed, "年报检查失败：%ERROR%", "Report check failed: %ERROR%"},
    {Str::InsertedTemplate, "已插入模板“%TITLE%”（%NAME%）。", "Inserted the template \"%TITLE%\" (%NAME%)."},
    {Str::InsertedSkeleton, "已插入年报框架（表格：%NAMES%）。", "Inserted the report skeleton (tables: %NAMES%)."},
    {Str::IssuesTitle, "年报检查结果", "Report Check Results"},
    {Str::IssuesCounts, "✖ 错误 %ERRORS%    ⚠ 警告 %WARNINGS%    ℹ 提示 %INFOS%",
     "✖ %ERRORS% error(s)    ⚠ %WARNINGS% warning(s)    ℹ %INFOS% info(s)"},
    {Str::IssuesNone, "未发现问题。", "No problems found."},
    {Str::IssuesRecheck, "重新检查", "Check Again"},
    {Str::IssuesClose, "关闭", "Close"},
    {Str::IssuesHint, "选择一条，光标即跳到对应单元格。", "Select an entry to go to its cell."},
    {Str::IssuesIgnore, "忽略此项", "Ignore"},
    {Str::SummaryIgnored, "另有 %N% 项已忽略。", "%N% ignored finding(s) not shown."},
    {Str::IssuesResetIgnored, "恢复已忽略（%N%）", "Restore Ignored (%N%)"},
    {Str::IssuesCannotIgnore, "只读文档不能记录忽略项。", "A read-only document cannot record ignored findings."},
    {Str::SaveProblems, "本文档的年报表格有 %ERRORS% 处错误、%WARNINGS% 处警告。",
     "The report tables of this document have %ERRORS% error(s) and %WARNINGS% warning(s)."},
    {Str::ButtonMarkAndShow, "标记并查看", "Mark and Show"},
    {Str::ButtonIgnore, "忽略", "Ignore"},
    {Str::OptSaveGroup, "保存时", "When saving"},
    {Str::OptCheckOnSave, "保存时检查年报表格", "Check the report tables when saving"},
    {Str::OptMarkOnSave, "保存时标记问题单元格（标记随文件保存）",
     "Mark the problem cells when saving (the marks are saved in the file)"},
    {Str::OptMarkGroup, "标记", "Marks"},
    {Str::OptMarkError, "标记错误", "Mark errors"},
    {Str::OptMarkWarning, "标记警告", "Mark warnings"},
    {Str::OptMarkInfo, "标记提示", "Mark infos"},
    {Str::OptColor, "背景颜色", "Background"},
    {Str::OptRulesGroup, "规则", "Rules"},
    {Str::OptDisabledRules, "不检查的规则（编号，逗号分隔，如 S-3, B-11）",
     "Rules not checked (ids, comma-separated, e.g. S-3, B-11)"},
    {Str::OptHint, "颜色格式为 #RRGGBB。未勾选的级别不做标记，但仍出现在检查结果中。",
     "Colours are written #RRGGBB. Unticked severities are not marked but still appear in the results."},
    {Str::SummaryPrevious, "上年报告：%TITLE%（%FILE%）。", "Last year's report: %TITLE% (%FILE%)."},
    {Str::SummaryPreviousStored, "上年报告：%TITLE%（%FILE% 不在原处，使用文档中保存的上年数据）。",
     "Last year's report: %TITLE% (%FILE% is not at hand; the data stored in this document were used)."},
    {Str::SummaryPreviousAsk, "同一文件夹中有 %N% 份可能的上年报告（%FILES%），未做跨年度检查：请用“选择上年报告…”指定一份。",
     "The folder holds %N% reports that could be last year's (%FILES%); no cross-year check was made: pick one with \"Choose Last Year's Report…\"."},
    {Str::ChoosePreviousTitle, "选择上年报告", "Choose Last Year's Report"},
    {Str::ChosenPrevious, "已选择上年报告：%TITLE%（%FILE%），已记录在本文档中。",
     "Last year's report: %TITLE% (%FILE%), recorded in this document."},
    {Str::ChoosePreviousFailed, "不能以“%FILE%”作为上年报告：%ERROR%", "\"%FILE%\" cannot serve as last year's report: %ERROR%"},
    {Str::ButtonChoosePrevious, "选择上年报告…", "Choose Last Year's Report…"},
};

std::string readConfiguredLocale(const uno::Reference<uno::XComponentContext>& ctx)
{
    try {
        uno::Reference<lang::XMultiServiceFactory> provider(
            ctx->getServiceManager()->createInstanceWithContext(
                "com.sun.star.configuration.ConfigurationProvider", ctx),
            uno::UNO_QUERY_THROW);
        beans::NamedValue path;
        path.Name = "nodepath";
        path.Value <<= OUString("/org.openoffice.Setup/L10N");
        uno::Sequence<uno::Any> args(1);
        args[0] <<= path;
        uno::Reference<container::XNameAccess> access(
            provider->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess",
                                                  args),
            uno::UNO_QUERY_THROW);
        OUString locale;
        access->getByName("ooLocale") >>= locale;
        return toStd(locale);
    } catch (...) {
        return {};
    }
}

} // namespace

void logLine(const std::string& text)
{
    std::fprintf(stderr, "[ogi-report-checker] %s\n", text.c_str());
    std::fflush(stderr);
}

std::string uiLanguage(const uno::Reference<uno::XComponentContext>& ctx)
{
    std::string locale;
    if (const char* env = std::getenv("OGI_UI_LANG"))
        locale = env;
    if (locale.empty())
        locale = readConfiguredLocale(ctx);
    return locale.rfind("zh", 0) == 0 ? "zh-CN" : "en-US";
}

OUString tr(Str id, const std::string& lang)
{
    for (const Entry& e : kStrings)
        if (e.id == id)
            return u8(lang == "zh-CN" ? e.zh : e.en);
    return OUString();
}

OUString fill(OUString text, const char* name, const OUString& value)
{
    OUString token = "%" + OUString::createFromAscii(name) + "%";
    sal_Int32 from = 0;
    for (;;) {
        sal_Int32 pos = text.indexOf(token, from);
        if (pos < 0)
            return text;
        text = text.replaceAt(pos, token.getLength(), value);
        from = pos + value.getLength();
    }
}

} // namespace ogiuno
