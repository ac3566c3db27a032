#include "PreviousReport.hxx"

#include "CheckSession.hxx"
#include "DocumentReader.hxx"
#include "UnoUtil.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/ucb/SimpleFileAccess.hpp>
#include <com/sun/star/ucb/XSimpleFileAccess3.hpp>
#include <com/sun/star/util/DateTime.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <cppuhelper/weakref.hxx>
#include <osl/file.hxx>

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>
#include <set>

using namespace css;
using rtl::OUString;

namespace ogiuno {

namespace {

// ---- session state -----------------------------------------------------------------------

struct Override {
    uno::WeakReference<uno::XInterface> document;
    std::shared_ptr<const ogi::Snapshot> snapshot;
};

struct CachedFile {
    util::DateTime modified;
    sal_Int64 size = -1;
    std::shared_ptr<const ogi::Snapshot> snapshot;   // null: read, but not a report
};

/// A folder's entries (sorted URLs) as listed when it had this modification time.
struct CachedFolder {
    TimeValue modified{0, 0};
    std::vector<OUString> entries;
};

std::mutex g_mutex;
std::vector<Override> g_overrides;
std::map<OUString, CachedFile> g_files;
std::map<OUString, CachedFolder> g_folders;

bool sameTime(const util::DateTime& a, const util::DateTime& b)
{
    return a.Year == b.Year && a.Month == b.Month && a.Day == b.Day && a.Hours == b.Hours && a.Minutes == b.Minutes &&
           a.Seconds == b.Seconds && a.NanoSeconds == b.NanoSeconds;
}

// ---- files ---------------------------------------------------------------------------------

std::string systemPath(const OUString& url)
{
    OUString path;
    if (osl::FileBase::getSystemPathFromFileURL(url, path) != osl::FileBase::E_None)
        return toStd(url);
    return toStd(path);
}

std::string fileName(const std::string& path)
{
    const size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string lowerExtension(const std::string& name)
{
    const size_t dot = name.find_last_of('.');
    std::string ext = dot == std::string::npos ? std::string() : name.substr(dot + 1);
    for (char& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

bool isReportFileName(const std::string& name)
{
    static const std::set<std::string> kinds = {"odt", "fodt", "docx", "doc", "rtf", "wps", "ods", "fods", "xlsx", "xls"};
    if (name.empty() || name[0] == '.' || name.rfind("~$", 0) == 0)
        return false;   // hidden files, office lock files (.~lock.x#), Word owner files (~$x.docx)
    return kinds.count(lowerExtension(name)) > 0;
}

/// The years a file name mentions ("某某区2021年度报告.docx" → {2021}).
std::set<int> yearsInName(const std::string& name)
{
    std::set<int> years;
    for (size_t i = 0; i + 4 <= name.size(); ++i) {
        const auto digit = [&](size_t k) { return k < name.size() && std::isdigit(static_cast<unsigned char>(name[k])); };
        if (digit(i) && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4) && (i == 0 || !digit(i - 1))) {
            const int y = std::stoi(name.substr(i, 4));
            if (y >= 1990 && y <= 2099)
                years.insert(y);
        }
    }
    return years;
}

beans::PropertyValue prop(const char* name, const uno::Any& value)
{
    beans::PropertyValue p;
    p.Name = OUString::createFromAscii(name);
    p.Value = value;
    return p;
}

/// The office's open document with this URL, or null.
uno::Reference<lang::XComponent> openDocument(const uno::Reference<frame::XDesktop2>& desktop, const OUString& url)
{
    uno::Reference<container::XEnumeration> all = desktop->getComponents()->createEnumeration();
    while (all.is() && all->hasMoreElements()) {
        uno::Reference<frame::XModel> m(all->nextElement(), uno::UNO_QUERY);
        if (m.is() && m->getURL() == url)
            return uno::Reference<lang::XComponent>(m, uno::UNO_QUERY);
    }
    return uno::Reference<lang::XComponent>();
}

void closeQuietly(const uno::Reference<lang::XComponent>& doc)
{
    try {
        uno::Reference<util::XCloseable> c(doc, uno::UNO_QUERY);
        if (c.is())
            c->close(true);
        else
            doc->dispose();
    } catch (const uno::Exception& e) {
        logLine("closing a previous-year report: " + toStd(e.Message));
        try {
            doc->dispose();
        } catch (...) {
        }
    }
}

/// Snapshot of a file, uncached.
std::shared_ptr<const ogi::Snapshot> readFile(const uno::Reference<uno::XComponentContext>& ctx, const OUString& url,
                                              std::string* error)
{
    uno::Reference<frame::XDesktop2> desktop = frame::Desktop::create(ctx);
    uno::Reference<lang::XComponent> open = openDocument(desktop, url);
    if (open.is())
        return snapshotOfDocument(open, systemPath(url));
    uno::Sequence<beans::PropertyValue> args(4);
    args[0] = prop("Hidden", uno::Any(true));
    args[1] = prop("ReadOnly", uno::Any(true));
    args[2] = prop("MacroExecutionMode", uno::Any(sal_Int16(0)));   // document::MacroExecMode::NEVER_EXECUTE
    args[3] = prop("UpdateDocMode", uno::Any(sal_Int16(0)));        // document::UpdateDocMode::NO_UPDATE
    uno::Reference<lang::XComponent> doc;
    try {
        doc = desktop->loadComponentFromURL(url, "_blank", 0, args);
    } catch (const uno::Exception& e) {
        if (error)
            *error = toStd(e.Message);
        return nullptr;
    }
    if (!doc.is()) {
        if (error)
            *error = "LibreOffice could not open it";
        return nullptr;
    }
    std::shared_ptr<const ogi::Snapshot> snap;
    try {
        snap = snapshotOfDocument(doc, systemPath(url));
    } catch (const uno::Exception& e) {
        if (error)
            *error = toStd(e.Message);   // neither a text document nor a spreadsheet
    }
    closeQuietly(doc);
    return snap;
}

// ---- document properties -----------------------------------------------------------------

OUString readProperty(const uno::Reference<lang::XComponent>& model, const char* name)
{
    OUString value;
    try {
        if (!readUserProperty(model, OUString::createFromAscii(name), value))
            value.clear();
    } catch (const uno::Exception& e) {
        logLine(std::string("document property ") + name + " not readable: " + toStd(e.Message));
    }
    return value;
}

void writeProperty(const uno::Reference<lang::XComponent>& model, const char* name, const OUString& value)
{
    if (!writeUserProperty(model, OUString::createFromAscii(name), value))
        throw uno::RuntimeException("the document has no user-defined properties");
}

} // namespace

std::string documentPath(const uno::Reference<lang::XComponent>& model)
{
    uno::Reference<frame::XModel> m(model, uno::UNO_QUERY);
    if (!m.is() || m->getURL().isEmpty())
        return {};
    return systemPath(m->getURL());
}

std::shared_ptr<const ogi::Snapshot> snapshotOfDocument(const uno::Reference<lang::XComponent>& model, const std::string& path)
{
    const ReadResult read = readDocument(model);
    auto snap = std::make_shared<ogi::Snapshot>(ogi::makeSnapshot(read.doc, path));
    if (!snap->hasTables())
        return nullptr;
    return snap;
}

std::shared_ptr<const ogi::Snapshot> snapshotOfFile(const uno::Reference<uno::XComponentContext>& ctx, const OUString& url,
                                                    std::string* error)
{
    uno::Reference<ucb::XSimpleFileAccess3> files = ucb::SimpleFileAccess::create(ctx);
    if (!files->exists(url) || files->isFolder(url)) {
        if (error)
            *error = "no such file";
        return nullptr;
    }
    const util::DateTime modified = files->getDateTimeModified(url);
    const sal_Int64 size = files->getSize(url);
    {
        std::lock_guard<std::mutex> lock(g_mutex);
        auto it = g_files.find(url);
        if (it != g_files.end() && sameTime(it->second.modified, modified) && it->second.size == size) {
            if (!it->second.snapshot && error)
                *error = "no report table in it";
            return it->second.snapshot;
        }
    }
    std::string why;
    std::shared_ptr<const ogi::Snapshot> snap = readFile(ctx, url, &why);
    if (!snap && why.empty())
        why = "no report table in it";
    if (error)
        *error = why;
    std::lock_guard<std::mutex> lock(g_mutex);
    g_files[url] = CachedFile{modified, size, snap};
    return snap;
}

std::string choosePrevious(const uno::Reference<uno::XComponentContext>& ctx, const uno::Reference<lang::XComponent>& model,
                           const OUString& url)
{
    if (isReadOnly(model))
        return "the document is read-only";
    uno::Reference<frame::XModel> self(model, uno::UNO_QUERY);
    if (self.is() && self->getURL() == url)
        return "that is this document";
    std::string error;
    std::shared_ptr<const ogi::Snapshot> snap = snapshotOfFile(ctx, url, &error);
    if (!snap)
        return error;
    writeProperty(model, OGI_PREVIOUS_PROPERTY, url);
    writeProperty(model, OGI_PREVIOUS_SNAPSHOT_PROPERTY, toOU(snap->toJson()));
    setSessionPrevious(model, nullptr, true);   // the choice replaces a session override
    return {};
}

void setSessionPrevious(const uno::Reference<lang::XComponent>& model, std::shared_ptr<const ogi::Snapshot> snapshot,
                        bool clear)
{
    uno::Reference<uno::XInterface> key(model, uno::UNO_QUERY);
    std::lock_guard<std::mutex> lock(g_mutex);
    std::vector<Override> kept;
    for (Override& o : g_overrides) {
        uno::Reference<uno::XInterface> doc(o.document);
        if (doc.is() && doc != key)
            kept.push_back(std::move(o));
    }
    if (!clear)
        kept.push_back(Override{key, std::move(snapshot)});
    g_overrides.swap(kept);
}

namespace {

/// The folder's modification time (a local folder: every check asks, a stat is cheap), false
/// when it is not a local folder.
bool localFolderTime(const OUString& folder, TimeValue& modified)
{
    osl::DirectoryItem item;
    if (osl::DirectoryItem::get(folder, item) != osl::FileBase::E_None)
        return false;
    osl::FileStatus status(osl_FileStatus_Mask_Type | osl_FileStatus_Mask_ModifyTime);
    if (item.getFileStatus(status) != osl::FileBase::E_None || status.getFileType() != osl::FileStatus::Directory)
        return false;
    modified = status.getModifyTime();
    return true;
}

/// The folder's entries, sorted. A local folder is listed again only when its modification time
/// changed (a file added, removed or renamed): every check looks for last year's report there,
/// and listing it was 3 % of a Writer check. False (logged) when the folder is not readable.
bool folderEntries(const uno::Reference<uno::XComponentContext>& ctx, const OUString& folder, std::vector<OUString>& names)
{
    TimeValue modified{0, 0};
    const bool local = localFolderTime(folder, modified);
    if (local) {
        std::lock_guard<std::mutex> lock(g_mutex);
        auto it = g_folders.find(folder);
        if (it != g_folders.end() && it->second.modified.Seconds == modified.Seconds &&
            it->second.modified.Nanosec == modified.Nanosec) {
            names = it->second.entries;
            return true;
        }
    }
    uno::Sequence<OUString> entries;
    try {
        entries = ucb::SimpleFileAccess::create(ctx)->getFolderContents(folder, false);
    } catch (const uno::Exception& e) {
        logLine("previous-year search: folder not readable: " + toStd(e.Message));
        return false;
    }
    names.assign(entries.begin(), entries.end());
    std::sort(names.begin(), names.end());
    if (local) {
        std::lock_guard<std::mutex> lock(g_mutex);
        g_folders[folder] = CachedFolder{modified, names};
    }
    return true;
}

} // namespace

PreviousLookup findPrevious(const uno::Reference<uno::XComponentContext>& ctx, const uno::Reference<lang::XComponent>& model,
                            const ogi::ReportIdentity& current, bool openFiles)
{
    PreviousLookup out;
    {
        uno::Reference<uno::XInterface> key(model, uno::UNO_QUERY);
        std::lock_guard<std::mutex> lock(g_mutex);
        for (const Override& o : g_overrides) {
            uno::Reference<uno::XInterface> doc(o.document);
            if (doc.is() && doc == key) {
                out.snapshot = o.snapshot;
                out.source = o.snapshot ? "given" : "";
                return out;
            }
        }
    }
    // (b) the report the user chose, read again when it is at hand, else its stored snapshot
    const OUString chosen = readProperty(model, OGI_PREVIOUS_PROPERTY);
    if (!chosen.isEmpty()) {
        if (openFiles) {
            std::string error;
            if (auto snap = snapshotOfFile(ctx, chosen, &error)) {
                out.snapshot = snap;
                out.source = "chosen";
                return out;
            }
            logLine("the chosen previous-year report " + systemPath(chosen) + " is not at hand (" + error +
                    "): using its stored snapshot");
        }
        std::string error;
        if (auto stored = ogi::Snapshot::fromJson(toStd(readProperty(model, OGI_PREVIOUS_SNAPSHOT_PROPERTY)), &error)) {
            out.snapshot = std::make_shared<const ogi::Snapshot>(std::move(*stored));
            out.source = "stored";
        } else {
            logLine("the stored previous-year snapshot is not usable: " + error);
        }
        return out;   // a choice was made: the folder is not searched
    }
    // (a) the one report of the same unit for Y−1 beside the document
    uno::Reference<frame::XModel> self(model, uno::UNO_QUERY);
    if (!openFiles || !self.is() || self->getURL().isEmpty() || !current.year || current.unitKey().empty())
        return out;
    const OUString url = self->getURL();
    const sal_Int32 slash = url.lastIndexOf('/');
    if (slash <= 0)
        return out;
    std::vector<OUString> names;
    if (!folderEntries(ctx, url.copy(0, slash), names))
        return out;
    constexpr size_t kMaxOpened = 40;   // a folder of a whole region's reports: bounded work per check
    size_t opened = 0;
    std::vector<std::shared_ptr<const ogi::Snapshot>> found;
    for (const OUString& entry : names) {
        if (entry == url)
            continue;
        const std::string path = systemPath(entry);
        const std::string name = fileName(path);
        if (!isReportFileName(name))
            continue;
        const std::set<int> years = yearsInName(name);
        if (!years.empty() && !years.count(current.year - 1))
            continue;   // the name says another year: not opened
        if (++opened > kMaxOpened)
            break;
        std::shared_ptr<const ogi::Snapshot> snap = snapshotOfFile(ctx, entry);
        if (snap && ogi::isPreviousYearOf(snap->identity(), current)) {
            found.push_back(snap);
            out.candidates.push_back(toOU(path));
        }
    }
    if (found.size() == 1) {
        out.snapshot = found.front();
        out.source = "folder";
        out.candidates.clear();
    }
    return out;
}

} // namespace ogiuno
