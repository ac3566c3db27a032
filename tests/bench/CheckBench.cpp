// Benchmarks of the engine: recognize + check a full 2021 report (three tables) and the old
// statistics table, side by side with a baseline that only reads every cell once
// (normalize + parse), i.e. the least any checker must do.
#include "Seeds.h"

#include "ogi/Checker.h"
#include "ogi/Templates.h"
#include "ogi/Text.h"

#include <benchmark/benchmark.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

using namespace ogi;

namespace {

/// The body of a 2021 report: six sections, three tables.
void addReport2021Body(Document& doc)
{
    doc.addParagraph("一、总体情况", 1);
    for (int i = 0; i < 40; ++i)
        doc.addParagraph("本年度，我局认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外。");
    int n = 0;
    for (const char* id : {"2021-t2", "2021-t3", "2021-t4"}) {
        doc.addParagraph(++n == 1 ? "二、主动公开政府信息情况" : n == 2 ? "三、收到和处理政府信息公开申请情况" : "四、政府信息公开行政复议、行政诉讼情况", 1);
        doc.addTable(generateTable(id, test::consistentValues(id, 7)));
    }
    doc.addParagraph("五、存在的主要问题及改进情况", 1);
    for (int i = 0; i < 5; ++i)
        doc.addParagraph("主要问题是公开内容的针对性还不够强，下一步将加强解读回应，提升公开质量。");
    doc.addParagraph("六、其他需要报告的事项", 1);
    doc.addParagraph("本年度未收取信息处理费。");
}

/// A whole 2021 report; `copies` > 1 repeats its body (sections, tables) to show that the check
/// is linear in the document's size (issue 11: 30× the content within 35× the time).
Document report2021(int copies = 1)
{
    Document doc;
    doc.addParagraph("某某局2021年政府信息公开工作年度报告", 1);
    for (int i = 0; i < copies; ++i)
        addReport2021Body(doc);
    return doc;
}

/// A 2019 report: its table three and four are the versions the labels alone cannot rank
/// (2019 表三's rows are all in 2021 表三; 表四 is the same), so the recognizer maps both
/// versions to decide (issue 9.3).
Document report2019()
{
    Document doc;
    doc.addParagraph("某某局2019年政府信息公开工作年度报告", 1);
    for (const char* id : {"2019-t2", "2019-t3", "2019-t4"})
        doc.addTable(generateTable(id, test::consistentValues(id, 7)));
    return doc;
}

Document oldTable()
{
    Document doc;
    doc.addParagraph("某某局2017年度政府信息公开情况统计表");
    doc.addTable(generateTable("old", test::consistentValues("old", 7)));
    return doc;
}

void baseline(benchmark::State& state, const Document& doc)
{
    for (auto _ : state) {
        size_t n = 0;
        for (const Table& t : doc.tables)
            for (const Cell& c : t.cells) {
                n += normalizeLabel(c.text).size();
                benchmark::DoNotOptimize(parseValue(c.text, ValueType::Int));
            }
        benchmark::DoNotOptimize(n);
    }
}

/// The floor of the floor: NFKC of every cell (ICU's normalizer alone, no parsing).
void nfkcBaseline(benchmark::State& state, const Document& doc)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    for (auto _ : state) {
        int32_t n = 0;
        for (const Table& t : doc.tables)
            for (const Cell& c : t.cells) {
                UErrorCode st = U_ZERO_ERROR;
                n += nfkc->normalize(icu::UnicodeString::fromUTF8(c.text), st).length();
            }
        benchmark::DoNotOptimize(n);
    }
}

void check(benchmark::State& state, const Document& doc)
{
    const Checker checker;
    (void)checker.check(doc);   // first call parses the embedded templates and rules
    for (auto _ : state) {
        Report r = checker.check(doc);
        if (!r.diagnostics.empty())
            state.SkipWithError("consistent document produced diagnostics");
        benchmark::DoNotOptimize(r);
    }
}

void BM_Baseline_ReadCells_Report2021(benchmark::State& s) { baseline(s, report2021()); }
void BM_Check_Report2021(benchmark::State& s) { check(s, report2021()); }
void BM_Baseline_NFKC_Report2021(benchmark::State& s) { nfkcBaseline(s, report2021()); }
void BM_Check_Report2021x30(benchmark::State& s) { check(s, report2021(30)); }
void BM_Baseline_ReadCells_Report2019(benchmark::State& s) { baseline(s, report2019()); }
void BM_Check_Report2019(benchmark::State& s) { check(s, report2019()); }
void BM_Baseline_ReadCells_OldTable(benchmark::State& s) { baseline(s, oldTable()); }
void BM_Check_OldTable(benchmark::State& s) { check(s, oldTable()); }
void BM_Check_Seed004(benchmark::State& state)
{
    const Document doc = test::loadSeed(4);
    const Checker checker;
    (void)checker.check(doc);   // the first call parses the embedded data and builds ICU's Hant-Hans table
    for (auto _ : state)
        benchmark::DoNotOptimize(checker.check(doc));
}

} // namespace

BENCHMARK(BM_Baseline_ReadCells_Report2021)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Check_Report2021)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Baseline_NFKC_Report2021)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Check_Report2021x30)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Baseline_ReadCells_Report2019)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Check_Report2019)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Baseline_ReadCells_OldTable)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Check_OldTable)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Check_Seed004)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
