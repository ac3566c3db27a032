#include "Highlighter.hxx"

#include "OgiNames.hxx"
#include "Strings.hxx"
#include "UnoUtil.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertyState.hpp>
#include <com/sun/star/beans/XMultiPropertySet.hpp>
#include <com/sun/star/beans/XMultiPropertyStates.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/util/DateTime.hpp>
#include <osl/time.h>
#include <com/sun/star/sheet/XCellFormatRangesSupplier.hpp>
#include <com/sun/star/sheet/XSheetAnnotation.hpp>
#include <com/sun/star/sheet/XSheetAnnotationAnchor.hpp>
#include <com/sun/star/sheet/XSheetAnnotations.hpp>
#include <com/sun/star/sheet/XSheetAnnotationsSupplier.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/CellAddress.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/text/XSimpleText.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/text/XTextTablesSupplier.hpp>
#include <com/sun/star/sheet/XCellAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/util/DateTime.hpp>
#include <com/sun/star/xml/AttributeData.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XSheetCellRangeContainer.hpp>

#include <rtl/ustrbuf.hxx>

#include <cstdio>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <tuple>

using namespace css;
using rtl::OUString;

namespace ogiuno {

namespace {

const char kAttrLocalName[] = "origbg";
const char kAttrPrefix[] = "ogirc";

int rank(ogi::Severity s)
{
    switch (s) {
    case ogi::Severity::Error: return 3;
    case ogi::Severity::Warning: return 2;
    case ogi::Severity::Info: return 1;
    }
    return 0;
}

OUString calcNoteMarker() { return u8("\xE3\x80\x90" OGI_MARK_AUTHOR "\xE3\x80\x91"); } // 【…】
// What we write, in the UI language (strings_*.properties); the constants above still mark ours.
OUString markAuthor() { return trKey("MarkAuthor", officeLanguage()); }
OUString localNoteMarker() { return trKey("MarkNoteHeader", officeLanguage()); }

/// Names of the background properties: Writer cells and Calc cells differ.
struct BackgroundProps {
    const char* color;
    const char* transparent;
};
const BackgroundProps kWriterBg{"BackColor", "BackTransparent"};
const BackgroundProps kCalcBg{"CellBackColor", "IsCellBackgroundTransparent"};

// Namespace URIs of our attribute. LibreOffice 7.4's ODF import drops the last character of
// an unknown attribute's prefix ("ogirc:" comes back as "ogir:"). If such a loaded attribute
// is still in the document's item pool (e.g. held by undo) when we add new ones with our
// prefix and the same URI, the export declares only one prefix for the URI and writes the
// other undeclared, and the attribute is unreadable after the next reload. So new marks use
// a URI that no loaded (renamed-prefix) attribute seen while clearing uses: "#1" or "#2".
// The plain URI is what earlier versions wrote; all three are ours.
OUString namespaceVariant(int n) { return OUString(OGI_ATTR_NAMESPACE "#") + OUString::number(n); }

bool isOurNamespace(const OUString& ns)
{
    return ns == OGI_ATTR_NAMESPACE || ns.startsWith(OGI_ATTR_NAMESPACE "#");
}

bool isOurAttribute(const uno::Reference<container::XNameContainer>& attrs, const OUString& name,
                    xml::AttributeData& data)
{
    try {
        if (!(attrs->getByName(name) >>= data))
            return false;
    } catch (const uno::Exception&) {
        return false; // an entry LibreOffice lists but cannot return (undeclared prefix in a file)
    }
    const sal_Int32 colon = name.indexOf(':');
    const OUString local = colon < 0 ? name : name.copy(colon + 1);
    return isOurNamespace(data.Namespace) && local.equalsAscii(kAttrLocalName);
}

uno::Reference<container::XNameContainer> userAttributes(const uno::Reference<beans::XPropertySet>& props)
{
    uno::Reference<container::XNameContainer> attrs;
    props->getPropertyValue("UserDefinedAttributes") >>= attrs;
    return attrs;
}

/// Finds our saved-background attribute; returns its element name (empty if none). The URI
/// of one whose prefix is not ours (renamed by an import) goes into `loaded`.
OUString findSavedBackground(const uno::Reference<container::XNameContainer>& attrs, OUString& value,
                             std::set<OUString>* loaded = nullptr)
{
    if (!attrs.is())
        return OUString();
    const uno::Sequence<OUString> names = attrs->getElementNames();
    for (const OUString& name : names) {
        xml::AttributeData data;
        if (isOurAttribute(attrs, name, data)) {
            value = data.Value;
            if (loaded && !name.startsWith(OUString::createFromAscii(kAttrPrefix) + ":"))
                loaded->insert(data.Namespace);
            return name;
        }
    }
    return OUString();
}

bool isDefault(const uno::Reference<beans::XPropertySet>& props, const char* name)
{
    uno::Reference<beans::XPropertyState> state(props, uno::UNO_QUERY);
    try {
        return state.is() && state->getPropertyState(OUString::createFromAscii(name)) == beans::PropertyState_DEFAULT_VALUE;
    } catch (const uno::Exception&) {
        return false;
    }
}

void setToDefault(const uno::Reference<beans::XPropertySet>& props, const char* name)
{
    uno::Reference<beans::XPropertyState> state(props, uno::UNO_QUERY);
    if (state.is())
        state->setPropertyToDefault(OUString::createFromAscii(name));
}

/// The background our attribute saves before we paint: what it was and whether it and the
/// cell's attributes were defaults. Stored as "colour,transparent,background-was-default,attributes-were-default".
struct SavedBackground {
    sal_Int32 color = -1;
    bool transparent = true;
    bool wasDefault = false;
    bool attrsWereDefault = false;
};

/// Our attribute holding `saved`, ready to insert into the cell's UserDefinedAttributes.
xml::AttributeData savedBackgroundAttribute(const SavedBackground& saved, const OUString& ns)
{
    xml::AttributeData data;
    data.Namespace = ns.isEmpty() ? namespaceVariant(1) : ns;
    data.Type = "CDATA";
    data.Value = OUString::number(saved.color) + "," + OUString::number(saved.transparent ? 1 : 0) + "," +
                 OUString::number(saved.wasDefault ? 1 : 0) + "," + OUString::number(saved.attrsWereDefault ? 1 : 0);
    return data;
}

SavedBackground parseSavedBackground(const OUString& value)
{
    SavedBackground saved;
    sal_Int32 index = 0;
    saved.color = value.getToken(0, ',', index).toInt32();
    saved.transparent = value.getToken(0, ',', index).toInt32() != 0;
    saved.wasDefault = value.getToken(0, ',', index).toInt32() != 0;
    saved.attrsWereDefault = index >= 0 && value.getToken(0, ',', index).toInt32() != 0;
    return saved;
}

/// Saves the cell's background (unless already saved) and paints it.
void paintBackground(const uno::Reference<beans::XPropertySet>& props, const BackgroundProps& bg, sal_Int32 color,
                     const OUString& ns)
{
    uno::Reference<container::XNameContainer> attrs = userAttributes(props);
    OUString existing;
    if (attrs.is() && findSavedBackground(attrs, existing).isEmpty()) {
        sal_Int32 oldColor = -1;
        bool oldTransparent = true;
        props->getPropertyValue(OUString::createFromAscii(bg.color)) >>= oldColor;
        props->getPropertyValue(OUString::createFromAscii(bg.transparent)) >>= oldTransparent;
        const bool wasDefault = isDefault(props, bg.color);
        const bool attrsWereDefault = attrs->getElementNames().getLength() == 0 && isDefault(props, "UserDefinedAttributes");
        attrs->insertByName(OUString::createFromAscii(kAttrPrefix) + ":" + OUString::createFromAscii(kAttrLocalName),
                            uno::Any(savedBackgroundAttribute({oldColor, oldTransparent, wasDefault, attrsWereDefault}, ns)));
        props->setPropertyValue("UserDefinedAttributes", uno::Any(attrs));
    }
    props->setPropertyValue(OUString::createFromAscii(bg.color), uno::Any(color));
    props->setPropertyValue(OUString::createFromAscii(bg.transparent), uno::Any(false));
}

/// Restores the background saved by paintBackground; false when there was nothing saved.
bool restoreBackground(const uno::Reference<beans::XPropertySet>& props, const BackgroundProps& bg,
                       std::set<OUString>& loaded)
{
    uno::Reference<container::XNameContainer> attrs = userAttributes(props);
    OUString value;
    const OUString name = findSavedBackground(attrs, value, &loaded);
    if (name.isEmpty())
        return false;
    const auto [color, transparent, wasDefault, attrsWereDefault] = parseSavedBackground(value);

    attrs->removeByName(name);
    if (attrs->getElementNames().getLength() == 0 && attrsWereDefault) {
        try {
            setToDefault(props, "UserDefinedAttributes");
        } catch (const uno::Exception&) {
            props->setPropertyValue("UserDefinedAttributes", uno::Any(attrs));
        }
    } else {
        props->setPropertyValue("UserDefinedAttributes", uno::Any(attrs));
    }
    bool restored = false;
    if (wasDefault) {
        try {
            setToDefault(props, bg.color);
            setToDefault(props, bg.transparent);
            restored = true;
        } catch (const uno::Exception&) {
        }
    }
    if (!restored) {
        props->setPropertyValue(OUString::createFromAscii(bg.color), uno::Any(color));
        props->setPropertyValue(OUString::createFromAscii(bg.transparent), uno::Any(transparent));
    }
    return true;
}

bool isOurColor(sal_Int32 c, const MarkStyle& style)
{
    return MarkStyle().isMarkColor(c) || style.isMarkColor(c);   // the default colours count as ours too
}

/// Fallback for documents whose attribute was lost (OOXML): reset one of our colours.
bool resetOurColor(const uno::Reference<beans::XPropertySet>& props, const BackgroundProps& bg, const MarkStyle& style)
{
    sal_Int32 color = -1;
    props->getPropertyValue(OUString::createFromAscii(bg.color)) >>= color;
    if (!isOurColor(color, style))
        return false;
    props->setPropertyValue(OUString::createFromAscii(bg.color), uno::Any(sal_Int32(-1)));
    props->setPropertyValue(OUString::createFromAscii(bg.transparent), uno::Any(true));
    return true;
}


// ---------------------------------------------------------------- the marks record
//
// One user-defined document property (OGI_MARKS_PROPERTY) lists what paintMarks changed: per
// cell its table (index and name), address, the colour we painted, its original background
// (colour, transparent, default) and whether we added a comment/note. User-defined
// properties survive ODF, OOXML, .doc and HTML, unlike the cells' UserDefinedAttributes
// (ODF only), so clearMarks restores exactly what was there in every format we write, looks
// at those cells only, and a document without the property and without our comments costs
// nothing to clear. Its first line carries the fingerprint of the marks (marksFingerprint):
// a save with MarkOnSave whose findings did not change leaves the document alone.
// Format (printable, since HTML keeps a property as a <meta> whose white space it folds):
// "ogi-marks 2|<fingerprint>" then, per cell, ";" and the fields separated by "|": table
// index, table/sheet name, address, painted colour, colour, transparent (0/1), default (0/1),
// comment added (0/1). Names are %-escaped ("%", "|", ";" and white space).

struct RecordEntry {
    sal_Int32 table = -1;  ///< Writer: index in getTextTables(); Calc: sheet index
    OUString name;         ///< Writer: table name; Calc: sheet name
    OUString address;      ///< Writer "B3"; Calc "C5" (no sheet)
    sal_Int32 painted = -1;
    sal_Int32 color = -1;
    bool transparent = true;
    bool wasDefault = true;
    bool comment = false;
};

struct MarkRecord {
    std::string fingerprint;
    std::vector<RecordEntry> entries;
};

OUString escapeName(const OUString& s)
{
    rtl::OUStringBuffer b;
    for (sal_Int32 i = 0; i < s.getLength(); ++i) {
        const sal_Unicode c = s[i];
        if (c == '%' || c == '|' || c == ';' || c <= ' ') {
            static const char hex[] = "0123456789ABCDEF";
            b.append('%').append(static_cast<sal_Unicode>(hex[(c >> 4) & 0xF])).append(static_cast<sal_Unicode>(hex[c & 0xF]));
        } else {
            b.append(c);
        }
    }
    return b.makeStringAndClear();
}

OUString unescapeName(const OUString& s)
{
    rtl::OUStringBuffer b;
    for (sal_Int32 i = 0; i < s.getLength(); ++i) {
        if (s[i] == '%' && i + 2 < s.getLength()) {
            b.append(static_cast<sal_Unicode>(s.copy(i + 1, 2).toInt32(16)));
            i += 2;
        } else {
            b.append(s[i]);
        }
    }
    return b.makeStringAndClear();
}

bool readRecord(const uno::Reference<lang::XComponent>& model, MarkRecord& record)
{
    try {
        OUString value;
        if (!readUserProperty(model, OGI_MARKS_PROPERTY, value))
            return false;
        sal_Int32 line = 0;
        const OUString head = value.trim().getToken(0, ';', line);
        if (!head.startsWith("ogi-marks 2|"))
            return false;
        record.fingerprint = toStd(head.copy(head.indexOf('|') + 1).trim());
        while (line >= 0) {
            const OUString l = value.getToken(0, ';', line).trim();
            if (l.isEmpty())
                continue;
            sal_Int32 i = 0;
            RecordEntry e;
            e.table = l.getToken(0, '|', i).toInt32();
            e.name = unescapeName(l.getToken(0, '|', i));
            e.address = unescapeName(l.getToken(0, '|', i));
            e.painted = l.getToken(0, '|', i).toInt32();
            e.color = l.getToken(0, '|', i).toInt32();
            e.transparent = l.getToken(0, '|', i).toInt32() != 0;
            e.wasDefault = l.getToken(0, '|', i).toInt32() != 0;
            e.comment = i >= 0 && l.getToken(0, '|', i).toInt32() != 0;
            record.entries.push_back(e);
        }
        return true;
    } catch (const uno::Exception& e) {
        logLine("marks record not readable: " + toStd(e.Message));
        return false;
    }
}

void writeRecord(const uno::Reference<lang::XComponent>& model, const MarkRecord* record)
{
    if (!record) {
        writeUserProperty(model, OGI_MARKS_PROPERTY, OUString(), EmptyValue::Remove);
        return;
    }
    rtl::OUStringBuffer value;
    value.append("ogi-marks 2|").append(toOU(record->fingerprint));
    for (const RecordEntry& e : record->entries) {
        value.append(';').append(e.table).append('|').append(escapeName(e.name)).append('|').append(escapeName(e.address));
        value.append('|').append(e.painted).append('|').append(e.color).append('|');
        value.append(sal_Int32(e.transparent ? 1 : 0)).append('|').append(sal_Int32(e.wasDefault ? 1 : 0));
        value.append('|').append(sal_Int32(e.comment ? 1 : 0));
    }
    writeUserProperty(model, OGI_MARKS_PROPERTY, value.makeStringAndClear());
}

/// The cell's background before we paint it.
void originalBackground(const uno::Reference<beans::XPropertySet>& props, const BackgroundProps& bg, RecordEntry& e)
{
    props->getPropertyValue(OUString::createFromAscii(bg.color)) >>= e.color;
    props->getPropertyValue(OUString::createFromAscii(bg.transparent)) >>= e.transparent;
    e.wasDefault = isDefault(props, bg.color);
}

/// Puts back the background of a recorded cell: from its attribute where the format kept it
/// (ODF), else from the record, and only while the cell still shows the colour we painted (the
/// user may have recoloured it since, or undone our marks).
bool restoreRecorded(const uno::Reference<beans::XPropertySet>& props, const BackgroundProps& bg, const RecordEntry& e,
                     std::set<OUString>& loaded)
{
    if (restoreBackground(props, bg, loaded))
        return true;
    sal_Int32 now = -1;
    props->getPropertyValue(OUString::createFromAscii(bg.color)) >>= now;
    if (now != e.painted)
        return false;
    if (e.wasDefault) {
        try {
            setToDefault(props, bg.color);
            setToDefault(props, bg.transparent);
            return true;
        } catch (const uno::Exception&) {
        }
    }
    props->setPropertyValue(OUString::createFromAscii(bg.color), uno::Any(e.color));
    props->setPropertyValue(OUString::createFromAscii(bg.transparent), uno::Any(e.transparent));
    return true;
}

// ---------------------------------------------------------------- Writer

bool isOurAnnotation(const uno::Reference<uno::XInterface>& field)
{
    uno::Reference<lang::XServiceInfo> info(field, uno::UNO_QUERY);
    if (!info.is() || !info->supportsService("com.sun.star.text.textfield.Annotation"))
        return false;
    uno::Reference<beans::XPropertySet> props(field, uno::UNO_QUERY);
    OUString author;
    return props.is() && (props->getPropertyValue("Author") >>= author) &&
           (author == u8(OGI_MARK_AUTHOR) || author == markAuthor());
}

int clearWriter(const uno::Reference<lang::XComponent>& model, const MarkStyle& style, std::set<OUString>& loaded,
                const MarkRecord* record)
{
    int restored = 0;
    // 1. Our comments. Collect first, then dispose (disposing while enumerating is unsafe).
    //    Without a record (marks of an earlier version), a cell holding our comment but no
    //    saved background (attribute lost in OOXML) gets one of our colours reset.
    std::vector<uno::Reference<text::XTextContent>> ours;
    uno::Reference<text::XTextFieldsSupplier> fieldsSupplier(model, uno::UNO_QUERY_THROW);
    uno::Reference<container::XEnumeration> fields = fieldsSupplier->getTextFields()->createEnumeration();
    while (fields->hasMoreElements()) {
        uno::Reference<text::XTextContent> field(fields->nextElement(), uno::UNO_QUERY);
        if (field.is() && isOurAnnotation(field))
            ours.push_back(field);
    }
    for (const auto& field : ours) {
        if (!record) {
            try {
                uno::Reference<beans::XPropertySet> anchor(field->getAnchor(), uno::UNO_QUERY);
                uno::Reference<beans::XPropertySet> cell;
                if (anchor.is())
                    anchor->getPropertyValue("Cell") >>= cell;
                if (cell.is()) {
                    OUString saved;
                    if (findSavedBackground(userAttributes(cell), saved).isEmpty() && resetOurColor(cell, kWriterBg, style))
                        ++restored;
                }
            } catch (const uno::Exception&) {
            }
        }
        field->dispose();
    }
    uno::Reference<text::XTextTablesSupplier> tablesSupplier(model, uno::UNO_QUERY_THROW);
    uno::Reference<container::XNameAccess> byName(tablesSupplier->getTextTables(), uno::UNO_QUERY_THROW);
    uno::Reference<container::XIndexAccess> tables(byName, uno::UNO_QUERY_THROW);
    // 2a. The recorded cells, and only those.
    if (record) {
        for (const RecordEntry& e : record->entries) {
            try {
                uno::Reference<text::XTextTable> table;
                if (!e.name.isEmpty() && byName->hasByName(e.name))
                    table.set(byName->getByName(e.name), uno::UNO_QUERY);
                else if (e.table >= 0 && e.table < tables->getCount()) // names are not kept by OOXML
                    table.set(tables->getByIndex(e.table), uno::UNO_QUERY);
                if (!table.is())
                    continue;
                uno::Reference<beans::XPropertySet> cell(table->getCellByName(e.address), uno::UNO_QUERY);
                if (cell.is() && restoreRecorded(cell, kWriterBg, e, loaded))
                    ++restored;
            } catch (const uno::Exception& ex) {
                logLine("clear: cell " + toStd(e.address) + ": " + toStd(ex.Message));
            }
        }
        return restored;
    }
    // 2b. No record: marks of an earlier version, which always came with our comments; then
    //     every table's saved backgrounds (including nested tables).
    if (ours.empty())
        return restored;
    for (sal_Int32 t = 0; t < tables->getCount(); ++t) {
        uno::Reference<text::XTextTable> table(tables->getByIndex(t), uno::UNO_QUERY);
        if (!table.is())
            continue;
        const uno::Sequence<OUString> names = table->getCellNames();
        for (const OUString& name : names) {
            try {
                uno::Reference<beans::XPropertySet> cell(table->getCellByName(name), uno::UNO_QUERY);
                if (cell.is() && restoreBackground(cell, kWriterBg, loaded))
                    ++restored;
            } catch (const uno::Exception& e) {
                logLine("clear: cell " + toStd(name) + ": " + toStd(e.Message));
            }
        }
    }
    return restored;
}

util::DateTime nowLocal()
{
    TimeValue now{}, local{};
    oslDateTime t{};
    if (!osl_getSystemTime(&now) || !osl_getLocalTimeFromSystemTime(&now, &local) || !osl_getDateTimeFromTimeValue(&local, &t))
        return util::DateTime();
    return util::DateTime(0, t.Seconds, t.Minutes, t.Hours, t.Day, t.Month, t.Year, false);
}

bool markWriterCell(const uno::Reference<lang::XComponent>& model, const uno::Reference<container::XNameAccess>& tables,
                    const HostTable& host, const OUString& address, sal_Int32 color, const OUString& comment,
                    const OUString& ns, RecordEntry& entry)
{
    uno::Reference<text::XTextTable> table(tables->getByName(host.name), uno::UNO_QUERY_THROW);
    uno::Reference<table::XCell> cell = table->getCellByName(address);
    if (!cell.is())
        return false;
    uno::Reference<beans::XPropertySet> props(cell, uno::UNO_QUERY_THROW);
    originalBackground(props, kWriterBg, entry);
    paintBackground(props, kWriterBg, color, ns);
    entry.painted = color;
    if (comment.isEmpty())
        return true; // a mark without a comment of its own (e.g. S-3's other blank cells)

    uno::Reference<lang::XMultiServiceFactory> factory(model, uno::UNO_QUERY_THROW);
    uno::Reference<beans::XPropertySet> note(factory->createInstance("com.sun.star.text.textfield.Annotation"),
                                             uno::UNO_QUERY_THROW);
    note->setPropertyValue("Author", uno::Any(markAuthor()));
    note->setPropertyValue("Initials", uno::Any(OUString("OGI")));
    note->setPropertyValue("Content", uno::Any(comment));
    note->setPropertyValue("DateTimeValue", uno::Any(nowLocal())); // the comment shows when the check ran
    uno::Reference<text::XText> cellText(cell, uno::UNO_QUERY_THROW);
    cellText->insertTextContent(cellText->getEnd(), uno::Reference<text::XTextContent>(note, uno::UNO_QUERY_THROW), false);
    entry.comment = true;
    return true;
}

// ---------------------------------------------------------------- Calc

uno::Reference<container::XIndexAccess> calcSheets(const uno::Reference<lang::XComponent>& model)
{
    uno::Reference<sheet::XSpreadsheetDocument> doc(model, uno::UNO_QUERY_THROW);
    return uno::Reference<container::XIndexAccess>(doc->getSheets(), uno::UNO_QUERY_THROW);
}

/// Calc recomputes the optimal height of the rows after every attribute change
/// (ScDocFunc::ApplyAttributes and ClearItems → AdjustRowHeight), a fifth of a highlight's
/// time (perf), although neither a background, nor our cell attribute, nor a note changes a
/// row's height. The document's IsAdjustHeightEnabled switches that off while we mark or clear
/// and back on after; it is a runtime switch of the model, not saved and not an undo step.
class AdjustHeightOff {
public:
    explicit AdjustHeightOff(const uno::Reference<lang::XComponent>& model)
    {
        try {
            m_props.set(model, uno::UNO_QUERY);
            bool enabled = false;
            if (m_props.is() && (m_props->getPropertyValue("IsAdjustHeightEnabled") >>= enabled) && enabled) {
                m_props->setPropertyValue("IsAdjustHeightEnabled", uno::Any(false));
                m_off = true;
            }
        } catch (const uno::Exception&) {
        }
    }
    ~AdjustHeightOff()
    {
        if (!m_off)
            return;
        try {
            m_props->setPropertyValue("IsAdjustHeightEnabled", uno::Any(true));
        } catch (const uno::Exception&) {
        }
    }
    AdjustHeightOff(const AdjustHeightOff&) = delete;
    AdjustHeightOff& operator=(const AdjustHeightOff&) = delete;

private:
    uno::Reference<beans::XPropertySet> m_props;
    bool m_off = false;
};

// Every attribute call on a Calc cell is one ScDocFunc::ApplyAttributes (or ClearItems) with
// its own undo action and copy of the attributes: the background and our attribute are
// written together, in one call, not in three.
const OUString kCalcMarkNames[] = {"CellBackColor", "IsCellBackgroundTransparent", "UserDefinedAttributes"}; // sorted
const uno::Sequence<OUString>& calcBackgroundNames()
{
    static const uno::Sequence<OUString> names(kCalcMarkNames, 2);
    return names;
}
const uno::Sequence<OUString>& calcMarkNames()
{
    static const uno::Sequence<OUString> names(kCalcMarkNames, 3);
    return names;
}
template <size_t N> uno::Sequence<uno::Any> anys(const uno::Any (&values)[N])
{
    return uno::Sequence<uno::Any>(values, static_cast<sal_Int32>(N));
}

/// paintBackground for a Calc cell: the same attribute and colours, in one call.
void paintCalcBackground(const uno::Reference<beans::XPropertySet>& props, const RecordEntry& original, sal_Int32 color,
                         const OUString& ns)
{
    uno::Reference<container::XNameContainer> attrs = userAttributes(props);
    OUString existing;
    uno::Reference<beans::XMultiPropertySet> multi(props, uno::UNO_QUERY);
    if (!attrs.is() || !findSavedBackground(attrs, existing).isEmpty() || !multi.is()) {
        paintBackground(props, kCalcBg, color, ns);
        return;
    }
    const bool attrsWereDefault = attrs->getElementNames().getLength() == 0 && isDefault(props, "UserDefinedAttributes");
    attrs->insertByName(
        OUString::createFromAscii(kAttrPrefix) + ":" + OUString::createFromAscii(kAttrLocalName),
        uno::Any(savedBackgroundAttribute({original.color, original.transparent, original.wasDefault, attrsWereDefault}, ns)));
    multi->setPropertyValues(calcMarkNames(), anys({uno::Any(color), uno::Any(false), uno::Any(attrs)}));
}

/// restoreRecorded for a Calc cell: our attribute away and the background back in one call
/// (two when one is set to its default and the other to a value).
bool restoreCalcRecorded(const uno::Reference<beans::XPropertySet>& props, const RecordEntry& e, std::set<OUString>& loaded)
{
    uno::Reference<beans::XMultiPropertySet> multi(props, uno::UNO_QUERY);
    uno::Reference<beans::XMultiPropertyStates> states(props, uno::UNO_QUERY);
    if (!multi.is() || !states.is())
        return restoreRecorded(props, kCalcBg, e, loaded);
    uno::Reference<container::XNameContainer> attrs = userAttributes(props);
    OUString value;
    const OUString name = findSavedBackground(attrs, value, &loaded);
    sal_Int32 color = e.color;
    bool transparent = e.transparent;
    bool wasDefault = e.wasDefault;
    // What happens to the attributes: nothing (no attribute of ours), back to default, or set.
    enum class Attrs { Keep, Default, Set } attrAction = Attrs::Keep;
    if (!name.isEmpty()) {
        const SavedBackground saved = parseSavedBackground(value);
        color = saved.color;
        transparent = saved.transparent;
        wasDefault = saved.wasDefault;
        attrs->removeByName(name);
        attrAction = attrs->getElementNames().getLength() == 0 && saved.attrsWereDefault ? Attrs::Default : Attrs::Set;
    } else {
        sal_Int32 now = -1;
        props->getPropertyValue("CellBackColor") >>= now;
        if (now != e.painted)
            return false;
    }
    if (wasDefault) {
        try {
            if (attrAction == Attrs::Default) {
                states->setPropertiesToDefault(calcMarkNames());
                return true;
            }
            states->setPropertiesToDefault(calcBackgroundNames());
            if (attrAction == Attrs::Set)
                props->setPropertyValue("UserDefinedAttributes", uno::Any(attrs));
            return true;
        } catch (const uno::Exception&) {
        }
    }
    if (attrAction == Attrs::Default) {
        try {
            setToDefault(props, "UserDefinedAttributes");
            attrAction = Attrs::Keep;
        } catch (const uno::Exception&) {
            attrAction = Attrs::Set;
        }
    }
    if (attrAction == Attrs::Set)
        multi->setPropertyValues(calcMarkNames(), anys({uno::Any(color), uno::Any(transparent), uno::Any(attrs)}));
    else
        multi->setPropertyValues(calcBackgroundNames(), anys({uno::Any(color), uno::Any(transparent)}));
    return true;
}

/// Removes the notes of the given cells, one call per sheet; cell by cell when that fails
/// (e.g. a sheet protected in part), so that every note that can go goes.
void removeCalcNotes(const uno::Reference<lang::XComponent>& model, const uno::Reference<container::XIndexAccess>& sheets,
                     const std::map<sal_Int32, std::vector<table::CellRangeAddress>>& notesBySheet)
{
    for (const auto& [index, cells] : notesBySheet) {
        try {
            uno::Reference<sheet::XSheetCellRangeContainer> ranges(
                uno::Reference<lang::XMultiServiceFactory>(model, uno::UNO_QUERY_THROW)
                    ->createInstance("com.sun.star.sheet.SheetCellRanges"),
                uno::UNO_QUERY_THROW);
            ranges->addRangeAddresses(
                uno::Sequence<table::CellRangeAddress>(cells.data(), static_cast<sal_Int32>(cells.size())), false);
            uno::Reference<sheet::XSheetOperation>(ranges, uno::UNO_QUERY_THROW)->clearContents(sheet::CellFlags::ANNOTATION);
            continue;
        } catch (const uno::Exception& ex) {
            logLine("clear: notes of sheet " + std::to_string(index) + " in one call: " + toStd(ex.Message));
        }
        uno::Reference<table::XCellRange> sheet(sheets->getByIndex(index), uno::UNO_QUERY);
        for (const table::CellRangeAddress& a : cells) {
            try {
                uno::Reference<sheet::XSheetOperation>(sheet->getCellRangeByPosition(a.StartColumn, a.StartRow,
                                                                                     a.EndColumn, a.EndRow),
                                                       uno::UNO_QUERY_THROW)
                    ->clearContents(sheet::CellFlags::ANNOTATION);
            } catch (const uno::Exception& ex) {
                logLine("clear: note at " + std::to_string(a.StartColumn) + "," + std::to_string(a.StartRow) + ": " +
                        toStd(ex.Message));
            }
        }
    }
}

int clearCalc(const uno::Reference<lang::XComponent>& model, const MarkStyle& style, std::set<OUString>& loaded,
              const MarkRecord* record)
{
    int restored = 0;
    const OUString marker = calcNoteMarker();
    uno::Reference<container::XIndexAccess> sheets = calcSheets(model);
    if (record) {
        // The recorded cells, and only those: background back, our note (if we added it) away.
        AdjustHeightOff heightOff(model);
        // Our notes go in one clearContents per sheet (one ScDocFunc::DeleteContents, one
        // drawing undo), not one per cell.
        std::map<sal_Int32, std::vector<table::CellRangeAddress>> notesBySheet;
        uno::Reference<container::XNameAccess> byName(sheets, uno::UNO_QUERY);
        for (const RecordEntry& e : record->entries) {
            try {
                uno::Reference<sheet::XSpreadsheet> sheet;
                if (byName.is() && !e.name.isEmpty() && byName->hasByName(e.name))
                    sheet.set(byName->getByName(e.name), uno::UNO_QUERY);
                else if (e.table >= 0 && e.table < sheets->getCount())
                    sheet.set(sheets->getByIndex(e.table), uno::UNO_QUERY);
                if (!sheet.is())
                    continue;
                uno::Reference<table::XCellRange> range =
                    uno::Reference<table::XCellRange>(sheet, uno::UNO_QUERY_THROW)->getCellRangeByName(e.address);
                uno::Reference<table::XCell> cell = range->getCellByPosition(0, 0);
                uno::Reference<beans::XPropertySet> props(cell, uno::UNO_QUERY_THROW);
                if (restoreCalcRecorded(props, e, loaded))
                    ++restored;
                if (e.comment) {
                    uno::Reference<sheet::XSheetAnnotationAnchor> anchor(cell, uno::UNO_QUERY_THROW);
                    uno::Reference<text::XSimpleText> note(anchor->getAnnotation(), uno::UNO_QUERY);
                    if (note.is() && (note->getString().startsWith(marker) || note->getString().startsWith(localNoteMarker()))) {
                        const table::CellRangeAddress a =
                            uno::Reference<sheet::XCellRangeAddressable>(range, uno::UNO_QUERY_THROW)->getRangeAddress();
                        notesBySheet[a.Sheet].push_back(a);
                    }
                }
            } catch (const uno::Exception& ex) {
                logLine("clear: cell " + toStd(e.name) + "." + toStd(e.address) + ": " + toStd(ex.Message));
            }
        }
        removeCalcNotes(model, sheets, notesBySheet);
        return restored;
    }
    // No record: marks of an earlier version, which always came with our notes. A sheet
    // without our notes is not looked at further.
    for (sal_Int32 s = 0; s < sheets->getCount(); ++s) {
        uno::Reference<sheet::XSpreadsheet> sheet(sheets->getByIndex(s), uno::UNO_QUERY);
        if (!sheet.is())
            continue;
        // Notes (backwards, so that indices stay valid while removing).
        uno::Reference<sheet::XSheetAnnotations> notes =
            uno::Reference<sheet::XSheetAnnotationsSupplier>(sheet, uno::UNO_QUERY_THROW)->getAnnotations();
        uno::Reference<container::XIndexAccess> noteList(notes, uno::UNO_QUERY_THROW);
        bool anyOurs = false;
        for (sal_Int32 i = noteList->getCount() - 1; i >= 0; --i) {
            uno::Reference<sheet::XSheetAnnotation> note(noteList->getByIndex(i), uno::UNO_QUERY);
            uno::Reference<text::XSimpleText> text(note, uno::UNO_QUERY);
            if (!note.is() || !text.is())
                continue;
            if (!text->getString().startsWith(marker) && !text->getString().startsWith(localNoteMarker()))
                continue;
            anyOurs = true;
            const table::CellAddress at = note->getPosition();
            try {
                uno::Reference<beans::XPropertySet> cell(sheet->getCellByPosition(at.Column, at.Row), uno::UNO_QUERY_THROW);
                OUString saved;
                if (findSavedBackground(userAttributes(cell), saved).isEmpty() && resetOurColor(cell, kCalcBg, style))
                    ++restored;
            } catch (const uno::Exception&) {
            }
            notes->removeByIndex(i);
        }
        if (!anyOurs)
            continue;
        // Saved backgrounds: ranges of uniform formatting, so each attribute is looked at once.
        uno::Reference<container::XIndexAccess> ranges =
            uno::Reference<sheet::XCellFormatRangesSupplier>(sheet, uno::UNO_QUERY_THROW)->getCellFormatRanges();
        std::vector<uno::Reference<beans::XPropertySet>> marked;
        for (sal_Int32 i = 0; i < ranges->getCount(); ++i) {
            uno::Reference<beans::XPropertySet> range(ranges->getByIndex(i), uno::UNO_QUERY);
            OUString saved;
            if (range.is() && !findSavedBackground(userAttributes(range), saved).isEmpty())
                marked.push_back(range);
        }
        for (const auto& range : marked) {
            uno::Reference<table::XCellRange> cells(range, uno::UNO_QUERY);
            table::CellRangeAddress a;
            uno::Reference<sheet::XCellRangeAddressable> addressable(range, uno::UNO_QUERY);
            if (!addressable.is() || !cells.is())
                continue;
            a = addressable->getRangeAddress();
            for (sal_Int32 r = 0; r <= a.EndRow - a.StartRow; ++r)
                for (sal_Int32 c = 0; c <= a.EndColumn - a.StartColumn; ++c) {
                    uno::Reference<beans::XPropertySet> cell(cells->getCellByPosition(c, r), uno::UNO_QUERY);
                    if (cell.is() && restoreBackground(cell, kCalcBg, loaded))
                        ++restored;
                }
        }
    }
    return restored;
}

bool markCalcCell(const uno::Reference<container::XIndexAccess>& sheets, const HostTable& host, const OUString& address,
                  sal_Int32 color, const OUString& comment, const OUString& ns, RecordEntry& entry)
{
    uno::Reference<sheet::XSpreadsheet> sheet(sheets->getByIndex(host.sheet), uno::UNO_QUERY_THROW);
    // Address "Sheet.C5": the sheet name may itself contain dots, the cell part cannot.
    const OUString cellName = address.copy(address.lastIndexOf('.') + 1);
    uno::Reference<table::XCellRange> range(sheet, uno::UNO_QUERY_THROW);
    uno::Reference<table::XCellRange> cellRange = range->getCellRangeByName(cellName);
    uno::Reference<table::XCell> cell = cellRange->getCellByPosition(0, 0);
    uno::Reference<beans::XPropertySet> props(cell, uno::UNO_QUERY_THROW);
    entry.address = cellName;
    originalBackground(props, kCalcBg, entry);
    paintCalcBackground(props, entry, color, ns);
    entry.painted = color;
    if (comment.isEmpty())
        return true; // a mark without a note of its own (e.g. S-3's other blank cells)

    // A cell has at most one note. If the user already wrote one, it is left alone (editing
    // a note's text through the API is not undoable, and replacing it would change its author):
    // the cell is only coloured; the finding is still in the summary and in ShowIssues.
    uno::Reference<sheet::XSheetAnnotationAnchor> anchor(cell, uno::UNO_QUERY_THROW);
    uno::Reference<text::XSimpleText> existing(anchor->getAnnotation(), uno::UNO_QUERY);
    if (existing.is() && !existing->getString().isEmpty())
        return true;
    const table::CellAddress at = uno::Reference<sheet::XCellAddressable>(cell, uno::UNO_QUERY_THROW)->getCellAddress();
    uno::Reference<sheet::XSheetAnnotationsSupplier>(sheet, uno::UNO_QUERY_THROW)
        ->getAnnotations()
        ->insertNew(at, localNoteMarker() + "\n" + comment);
    entry.comment = true;
    return true;
}

} // namespace

OUString commentText(const std::vector<const ogi::Diagnostic*>& diagnostics, const std::string& lang)
{
    OUString text;
    for (const ogi::Diagnostic* d : diagnostics) {
        if (!text.isEmpty())
            text += "\n";
        text += "[" + toOU(d->rule) + "] " + toOU(d->message(lang));
    }
    return text;
}

int clearMarks(const uno::Reference<lang::XComponent>& model, DocKind kind, const MarkStyle& style,
               OUString* markNamespace)
{
    std::set<OUString> loaded;
    MarkRecord record;
    const bool recorded = readRecord(model, record);
    const MarkRecord* r = recorded ? &record : nullptr;
    const int restored = kind == DocKind::Writer ? clearWriter(model, style, loaded, r) : clearCalc(model, style, loaded, r);
    if (recorded)
        writeRecord(model, nullptr);
    if (markNamespace)
        *markNamespace = loaded.count(namespaceVariant(1)) ? namespaceVariant(2) : namespaceVariant(1);
    return restored;
}

namespace {

/// One cell to mark: its colour and its comment (empty: colour only).
struct PlannedMark {
    int tableIndex;
    std::string address;
    sal_Int32 color;
    OUString comment;
};

/// What paintMarks paints: one colour (the most severe) and one comment per cell; then S-3's
/// other blank cells in a lighter shade with no comment (when recognize's one-per-table S-3
/// lists them as related cells).
std::vector<PlannedMark> planMarks(const ReadResult& read, const ogi::Report& report, const std::string& lang,
                                   const MarkStyle& style)
{
    struct CellMarks {
        int tableIndex;
        std::string address;
        std::vector<const ogi::Diagnostic*> diagnostics;
        ogi::Severity worst = ogi::Severity::Info;
    };
    std::vector<CellMarks> cells;
    std::map<std::pair<int, std::string>, size_t> index;
    for (const ogi::Diagnostic& d : report.diagnostics) {
        if (d.cell.tableIndex < 0 || d.cell.tableIndex >= static_cast<int>(read.hosts.size()) || d.cell.address.empty())
            continue; // document-level finding: shown in the summary only
        if (!style.marks(d.severity))
            continue; // the user does not mark this severity (options)
        auto key = std::make_pair(d.cell.tableIndex, d.cell.address);
        auto it = index.find(key);
        if (it == index.end()) {
            it = index.emplace(key, cells.size()).first;
            cells.push_back({d.cell.tableIndex, d.cell.address, {}, d.severity});
        }
        CellMarks& m = cells[it->second];
        m.diagnostics.push_back(&d);
        if (rank(d.severity) > rank(m.worst))
            m.worst = d.severity;
    }
    std::vector<PlannedMark> plan;
    plan.reserve(cells.size());
    for (const CellMarks& m : cells)
        plan.push_back({m.tableIndex, m.address, style.color(m.worst), commentText(m.diagnostics, lang)});
    // S-3 is one finding per table (issue 9.6): its comment is on the first blank cell (above);
    // the other blank cells get a lighter shade of its colour and no comment each, so a table
    // left blank does not fill the margin. A cell marked above keeps its mark.
    for (const ogi::Diagnostic& d : report.diagnostics) {
        if (d.rule != "S-3" || !style.marks(d.severity))
            continue;
        const sal_Int32 c = style.color(d.severity);
        const sal_Int32 light = (((c >> 16 & 0xFF) + 0xFF) / 2) << 16 | (((c >> 8 & 0xFF) + 0xFF) / 2) << 8 |
                                ((c & 0xFF) + 0xFF) / 2;   // halfway to white
        for (const ogi::CellRef& r : d.related) {
            if (r.tableIndex < 0 || r.tableIndex >= static_cast<int>(read.hosts.size()) || r.address.empty() ||
                !index.emplace(std::make_pair(r.tableIndex, r.address), cells.size()).second)
                continue;
            plan.push_back({r.tableIndex, r.address, light, OUString()});
        }
    }
    return plan;
}

std::string fingerprintOf(const std::vector<PlannedMark>& plan, DocKind kind)
{
    // FNV-1a 64 over what the marks are: stable across runs and builds.
    sal_uInt64 h = 1469598103934665603ULL;
    auto feed = [&](const std::string& s) {
        for (unsigned char ch : s) {
            h ^= ch;
            h *= 1099511628211ULL;
        }
        h ^= 0xFF;
        h *= 1099511628211ULL;
    };
    feed(kind == DocKind::Writer ? "W" : "C");
    for (const PlannedMark& m : plan) {
        feed(std::to_string(m.tableIndex));
        feed(m.address);
        feed(std::to_string(m.color));
        feed(toStd(m.comment));
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

} // namespace

std::string marksFingerprint(const ReadResult& read, const ogi::Report& report, const std::string& lang,
                             const MarkStyle& style)
{
    return fingerprintOf(planMarks(read, report, lang, style), read.kind);
}

std::string recordedMarksFingerprint(const uno::Reference<lang::XComponent>& model, int* cells)
{
    MarkRecord record;
    if (!readRecord(model, record))
        return std::string();
    if (cells)
        *cells = static_cast<int>(record.entries.size());
    return record.fingerprint;
}

bool hasMarksRecord(const uno::Reference<lang::XComponent>& model)
{
    MarkRecord record;
    return readRecord(model, record);
}

int paintMarks(const uno::Reference<lang::XComponent>& model, const ReadResult& read, const ogi::Report& report,
               const std::string& lang, const MarkStyle& style, const OUString& markNamespace,
               const std::function<void(sal_Int32, sal_Int32)>& progress)
{
    const std::vector<PlannedMark> plan = planMarks(read, report, lang, style);
    MarkRecord record;
    record.fingerprint = fingerprintOf(plan, read.kind);

    uno::Reference<container::XNameAccess> writerTables;
    uno::Reference<container::XIndexAccess> sheets;
    std::map<OUString, sal_Int32> tableIndex; // Writer: name → index in getTextTables()
    if (read.kind == DocKind::Writer) {
        writerTables = uno::Reference<text::XTextTablesSupplier>(model, uno::UNO_QUERY_THROW)->getTextTables();
        uno::Reference<container::XIndexAccess> byIndex(writerTables, uno::UNO_QUERY_THROW);
        for (sal_Int32 i = 0; i < byIndex->getCount(); ++i) {
            uno::Reference<container::XNamed> named(byIndex->getByIndex(i), uno::UNO_QUERY);
            if (named.is())
                tableIndex.emplace(named->getName(), i);
        }
    } else {
        sheets = calcSheets(model);
    }
    std::optional<AdjustHeightOff> heightOff;
    if (read.kind != DocKind::Writer && !plan.empty())
        heightOff.emplace(model);

    int marked = 0;
    sal_Int32 done = 0;
    for (const PlannedMark& m : plan) {
        if (progress && ++done % 32 == 0)
            progress(done, static_cast<sal_Int32>(plan.size()));
        const HostTable& host = read.hosts[static_cast<size_t>(m.tableIndex)];
        try {
            RecordEntry entry;
            entry.name = host.name;
            entry.address = toOU(m.address);
            bool done;
            if (read.kind == DocKind::Writer) {
                auto it = tableIndex.find(host.name);
                entry.table = it == tableIndex.end() ? -1 : it->second;
                done = markWriterCell(model, writerTables, host, toOU(m.address), m.color, m.comment, markNamespace, entry);
            } else {
                entry.table = host.sheet;
                done = markCalcCell(sheets, host, toOU(m.address), m.color, m.comment, markNamespace, entry);
            }
            if (done) {
                record.entries.push_back(entry);
                ++marked;
            }
        } catch (const uno::Exception& e) {
            logLine("mark " + m.address + ": " + toStd(e.Message)); // e.g. a protected cell
        }
    }
    if (!record.entries.empty())
        writeRecord(model, &record);
    return marked;
}

} // namespace ogiuno
