// vnd.org.ogi.reportchecker:Sentences — 生成数字句子: writes the standard numeric sentences of
// sections 三 and 四 from the tables at the cursor (Writer: two paragraphs; Calc: the selected
// cell and the one below, which must be empty), one undo step. Preview=1 only answers them.
#include "BaseDispatch.hxx"

#include "FillCommon.hxx"

namespace ogiuno {

rtl::OUString SentencesDispatch::execute(const std::map<std::string, std::string>& query, bool& ok)
{
    const std::string lang = uiLanguage(context().ctx);
    css::uno::Reference<css::lang::XComponent> model = document();
    if (!model.is()) {
        ok = false;
        return tr(Str::NotADocument, lang);
    }
    if (flag(query, "Preview")) {
        rtl::OUString text;
        for (const std::string& s : sentencesOf(model))
            text += (text.isEmpty() ? rtl::OUString() : rtl::OUString("\n")) + toOU(s);
        return text;
    }
    const FixOutcome o = insertSentences(context().ctx, model, context().frame);
    ok = o.ok;
    notify(context().frame, o.message, o.ok ? NoticeKind::Success : NoticeKind::Warning);
    return o.message;
}

} // namespace ogiuno
