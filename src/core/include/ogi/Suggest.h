// Which cell to change, and the changes a user can ask for (issue 14): the likely culprit
// of failing equalities, totals computed from their parts, blanks filled with 0, and the
// standard numeric sentences of sections 三 and 四 written from the tables.
//
// The culprit: the equality rules of a table (kind eq over its keys: B-1…B-7, B-13, N-1,
// N-2, N-3, N-5, L-1…L-3; and the numbers stated in the text, X-1…X-4, as equations with a
// constant) form a small linear system. A single cell that appears in every failing equation
// and whose one required value makes them all hold while breaking no passing one is the
// suggestion. Several such cells: the one whose required value is a typical slip of what is
// written (digits transposed, a digit dropped or added), if exactly one is; else no
// suggestion, and the findings name the candidates. No single cell: a number entered in the
// neighbouring applicant column (−k in one, +k in the next, table three). With last year's
// report, a candidate that still holds last year's number is a total copied from last year.
#pragma once

#include "ogi/Diagnostic.h"
#include "ogi/Table.h"

#include <string>
#include <vector>

namespace ogi {

struct TableFacts; // Rules.h (engine internals)
struct Snapshot;   // CrossYear.h

/// Engine internals (Checker): adds suggestions to the diagnostics out[first…] of one table,
/// re-pointing the findings a suggestion explains at the suggested cell (the total they were
/// written against joins `related`). With last year's report (`previous`), a cell that holds
/// exactly last year's number for it is named as "a total copied from last year" ("last-year").
void attachSuggestions(const TableFacts& facts, std::vector<Diagnostic>& out, size_t first,
                       const Snapshot* previous = nullptr);

/// The slip that turns `written` into `intended` ("transposed", "dropped-digit",
/// "added-digit"), or empty. Digits only: "96" → "69" is transposed, "12" → "123" is a
/// dropped digit (the writer left one out), "1203" → "123" an added one.
std::string classifySlip(const std::string& written, const std::string& intended);

/// Where the number of a text suggestion (kind "text") stands in one paragraph of the host
/// document: [begin, end) in UTF-16 code units of `paragraph` (as the host's strings count),
/// found by the finding's own rule pattern, whose stated number it must be. False when the
/// paragraph does not hold it.
bool locateStatedNumber(const Diagnostic& d, const std::string& paragraph, size_t& begin, size_t& end);

/// 补全合计: every total cell of the recognized tables computed from its parts (N-2, N-3,
/// L-1…L-3, B-1…B-7, subtotal rows N-5), in dependency order; only the cells whose value
/// changes are listed. Totals with a part that is not a number are left alone.
std::vector<CellChange> totalChanges(const Document& doc);

/// 空白填 0: every blank or placeholder value cell ("", "-", "/", "无", …) of the recognized
/// tables, to be set to "0" (heading rows excepted: they must stay empty).
std::vector<CellChange> blankChanges(const Document& doc);

/// 生成数字句子: the standard sentences of section 三 (table three) and section 四 (table four)
/// written from the first recognized table of each (2019/2021 format), e.g.
/// "本年新收政府信息公开申请12件，上年结转政府信息公开申请3件，办结政府信息公开申请14件（其中予以公开5件、…），
/// 结转下年度继续办理1件。" Empty strings for a table the document does not have. Numbers are the
/// tables' as written (blank = 0); the sentences satisfy X-1…X-4 by construction.
struct NumericSentences {
    std::string three; ///< section 三
    std::string four;  ///< section 四
};
NumericSentences numericSentences(const Document& doc);

} // namespace ogi
