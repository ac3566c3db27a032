// vnd.org.ogi.reportchecker:Sentences — 生成数字句子: writes the standard numeric sentences of
// sections 三 and 四 from the tables at the cursor (Writer: two paragraphs; Calc: the selected
// cell and the one below, which must be empty), one undo step. Preview=1 only answers them.
#include "BaseDispatch.hxx"

#include "FillCommon.hxx"

namespace ogiuno {

rtl::OUString SentencesDispatch::execute(const Invocation& call, bool& ok)
{
    if (flag(call.query, "Preview")) {
        rtl::OUString text;
        for (const std::string& s : sentencesOf(call.model))
            text += (text.isEmpty() ? rtl::OUString() : rtl::OUString("\n")) + toOU(s);
        return text;
    }
    const FixOutcome o = insertSentences(context().ctx, call.model, context().frame);
    ok = o.ok;
    notify(context().frame, o.message, o.ok ? NoticeKind::Success : NoticeKind::Warning);
    return o.message;
}

} // namespace ogiuno
