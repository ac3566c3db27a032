// Turns a Writer or Calc document model into the engine's ogi::Document, remembering for
// each table where it lives in the host document (for the highlighter).
#pragma once

#include <ogi/Table.h>

#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <rtl/ustring.hxx>

#include <vector>

namespace ogiuno {

enum class DocKind { Writer, Calc };

/// Where an ogi::Table came from.
struct HostTable {
    rtl::OUString name;      ///< Writer: the text table's name. Calc: the sheet name.
    sal_Int32 sheet = -1;    ///< Calc: sheet index
};

struct ReadResult {
    DocKind kind = DocKind::Writer;
    ogi::Document doc;
    std::vector<HostTable> hosts; ///< parallel to doc.tables
};

/// The document kind, or throws css::lang::IllegalArgumentException for anything else.
DocKind documentKind(const css::uno::Reference<css::uno::XInterface>& model);

/// Reads every table and (Writer) paragraph in reading order. Throws
/// IllegalArgumentException when the model is neither a text document nor a spreadsheet.
ReadResult readDocument(const css::uno::Reference<css::lang::XComponent>& model);

// Implemented in WriterReader.cxx / CalcReader.cxx.
void readWriterDocument(const css::uno::Reference<css::lang::XComponent>& model, ReadResult& out);
void readCalcDocument(const css::uno::Reference<css::lang::XComponent>& model, ReadResult& out);

/// Writer cell-name letters ("A".."Z","a".."z","AA",...) → 0-based box index.
int writerLettersToIndex(const rtl::OUString& letters);
/// Calc column index → letters ("A", ..., "Z", "AA", ...).
rtl::OUString calcColumnName(sal_Int32 col);

} // namespace ogiuno
