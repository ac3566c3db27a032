// UI strings of the extension (zh-CN and en-US), chosen by the office UI language, read from
// the package's resources/strings_<lang>.properties through LibreOffice's string-resource
// service (com.sun.star.resource.StringResourceWithLocation, recipe §8 option a). Only the
// keys are here. Rule messages come from the engine, which has its own zh-CN/en-US templates.
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
    SummaryCounts,      ///< %COUNTS% (countsText)
    SummaryTables,      ///< %TABLES%
    SummaryAllFine,     ///< plural, %N% (number of recognized tables)
    SummaryNoTables,
    SummaryReadOnly,
    SummaryMarked,      ///< plural, %N% cells
    Cleared,            ///< plural, %N% cells
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
    IssuesNone,
    IssuesRecheck,
    IssuesClose,
    IssuesHint,
    IssuesIgnore,
    SummaryIgnored,     ///< plural, %N%
    IssuesResetIgnored, ///< %N%
    IssuesCannotIgnore,
    // Save-time check and its options page (SaveCheck, OptionsPage).
    SaveProblems,       ///< %COUNTS% (countsText)
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
    // Counts ("1 处错误", "2 warnings"; plural, %N%), joined by CountSeparator without zero parts.
    CountError,
    CountWarning,
    CountInfo,
    CountSeparator,
    TableSeparator,
    MoreTables,         ///< %N%
    ProductName,        ///< one name per language: toolbar, menu, options, infobar title
    // Last year's report (PreviousReport, ChoosePreviousDispatch; issue 13).
    SummaryPrevious,        ///< %TITLE% %FILE%
    SummaryPreviousStored,  ///< %TITLE% %FILE%
    SummaryPreviousAsk,     ///< %N% %FILES%
    ChoosePreviousTitle,
    ChosenPrevious,         ///< %TITLE% %FILE%
    ChoosePreviousFailed,   ///< %FILE% %ERROR%
    ButtonChoosePrevious,
    DetailTable,        ///< %TABLE% (the issue list's detail box)
    DetailCell,         ///< %CELL%
    DetailExpectedActual, ///< %EXPECTED% %ACTUAL%
};

/// "zh-CN" when the office UI language is Chinese, else "en-US". OGI_UI_LANG in the
/// environment overrides it (tests).
std::string uiLanguage(const css::uno::Reference<css::uno::XComponentContext>& ctx);

/// The string in `lang` ("zh-CN"/"en-US"); the key itself when the resources cannot be read
/// (logged once).
rtl::OUString tr(Str id, const std::string& lang);

/// The string of a resource key that has no Str id (the sidebar's and undo titles' keys,
/// "SidebarRecheck"); the key itself when missing.
rtl::OUString trKey(const char* key, const std::string& lang);

/// A plural string of a resource key without Str id (key.one / key.other), %N% filled in.
rtl::OUString trCountKey(const char* key, long long n, const std::string& lang);

/// A plural string (key.one / key.other) for `n`, with %N% filled in.
rtl::OUString trCount(Str id, long long n, const std::string& lang);

/// "1 处错误、2 处警告" / "1 error, 2 warnings": the non-zero counts only (empty when all are 0).
rtl::OUString countsText(int errors, int warnings, int infos, const std::string& lang);

/// The office's UI language as uiLanguage() saw it last (its stored context); for code without a context.
std::string officeLanguage();

/// The product name in the office's UI language (the context seen by uiLanguage()).
rtl::OUString productName();

/// The resource key of a string (tests, logs).
const char* stringKey(Str id);

/// Of a text the data carry in both languages (a template's titleZh / titleEn), the one of `lang`;
/// the Chinese one when the English one is empty.
const std::string& localizedData(const std::string& zh, const std::string& en, const std::string& lang);

/// Replaces %NAME% in `text`.
rtl::OUString fill(rtl::OUString text, const char* name, const rtl::OUString& value);

} // namespace ogiuno
