// UI strings of the extension (zh-CN and en-US), chosen by the office UI language.
// A compiled-in table (recipe §8 option b): the set is small; rule messages come from the
// engine, which has its own zh-CN/en-US templates.
#pragma once

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include <string>

namespace ogiuno {

enum class Str {
    SeverityError,
    SeverityWarning,
    SeverityInfo,
    SummaryCounts,      ///< %ERRORS% %WARNINGS% %INFOS%
    SummaryTables,      ///< %TABLES%
    SummaryAllFine,     ///< %TABLES% (number of recognized tables)
    SummaryNoTables,
    SummaryReadOnly,
    SummaryMarked,      ///< %CELLS%
    Cleared,            ///< %CELLS%
    NothingChecked,
    NotImplemented,     ///< %COMMAND%
    UnknownCommand,     ///< %COMMAND%
    UnknownTemplate,    ///< %TEMPLATE%
    NotADocument,
    ButtonDetails,
    Failed,             ///< %ERROR%
    // Template insertion and the issue list (TemplateInserter, InsertDispatch, IssuesDialog).
    InsertedTemplate,   ///< %TITLE% %NAME%
    InsertedSkeleton,   ///< %NAMES%
    IssuesTitle,
    IssuesCounts,       ///< %ERRORS% %WARNINGS% %INFOS%
    IssuesNone,
    IssuesRecheck,
    IssuesClose,
    IssuesHint,
    IssuesIgnore,
    SummaryIgnored,     ///< %N%
    IssuesResetIgnored, ///< %N%
    IssuesCannotIgnore,
    // Save-time check and its options page (SaveCheck, OptionsPage).
    SaveProblems,       ///< %ERRORS% %WARNINGS%
    ButtonMarkAndShow,
    ButtonIgnore,
    OptSaveGroup,
    OptCheckOnSave,
    OptMarkOnSave,
    OptMarkGroup,
    OptMarkError,
    OptMarkWarning,
    OptMarkInfo,
    OptColor,
    OptHint,
    OptRulesGroup,
    OptDisabledRules,
    // Last year's report (PreviousReport, ChoosePreviousDispatch; issue 13).
    SummaryPrevious,        ///< %TITLE% %FILE%
    SummaryPreviousStored,  ///< %TITLE% %FILE%
    SummaryPreviousAsk,     ///< %N% %FILES%
    ChoosePreviousTitle,
    ChosenPrevious,         ///< %TITLE% %FILE%
    ChoosePreviousFailed,   ///< %FILE% %ERROR%
    ButtonChoosePrevious,
};

/// "zh-CN" when the office UI language is Chinese, else "en-US". OGI_UI_LANG in the
/// environment overrides it (tests).
std::string uiLanguage(const css::uno::Reference<css::uno::XComponentContext>& ctx);

/// The string in `lang` ("zh-CN"/"en-US").
rtl::OUString tr(Str id, const std::string& lang);

/// Replaces %NAME% in `text`.
rtl::OUString fill(rtl::OUString text, const char* name, const rtl::OUString& value);

} // namespace ogiuno
