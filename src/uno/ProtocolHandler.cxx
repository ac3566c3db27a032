#include "ProtocolHandler.hxx"

#include "OgiNames.hxx"
#include "UnoUtil.hxx"
#include "dispatch/BaseDispatch.hxx"

#include <com/sun/star/frame/DispatchDescriptor.hpp>
#include <cppuhelper/supportsservice.hxx>

#include <cstring>

using namespace css;
using rtl::OUString;

namespace ogiuno {

namespace {

template <typename T> uno::Reference<frame::XDispatch> make(const DispatchContext& c)
{
    return uno::Reference<frame::XDispatch>(static_cast<cppu::OWeakObject*>(new T(c)), uno::UNO_QUERY);
}

/// The commands of our protocol; the path of the URL selects the entry.
struct Command {
    const char* path;
    uno::Reference<frame::XDispatch> (*create)(const DispatchContext&);
};
const Command kCommands[] = {
    {"Check", &make<CheckDispatch>},
    {"ClearMarks", &make<ClearMarksDispatch>},
    {"ShowIssues", &make<ShowIssuesDispatch>},
    {"InsertTemplate", &make<InsertTemplateDispatch>},
    {"InsertSkeleton", &make<InsertSkeletonDispatch>},
    {"DismissInfobar", &make<DismissInfobarDispatch>},
    {"ChoosePrevious", &make<ChoosePreviousDispatch>},
    {"Fix", &make<FixDispatch>},
    {"FillTotals", &make<FillTotalsDispatch>},
    {"FillZeros", &make<FillZerosDispatch>},
    {"Sentences", &make<SentencesDispatch>},
    {"Sidebar", &make<SidebarDispatch>},
};

} // namespace

void ProtocolHandler::initialize(const uno::Sequence<uno::Any>& args)
{
    if (args.getLength() > 0)
        args[0] >>= m_frame;
}

uno::Reference<frame::XDispatch> ProtocolHandler::queryDispatch(const util::URL& url, const OUString&, sal_Int32)
{
    try {
        const OUString protocol = OGI_PROTOCOL;
        if (!url.Complete.startsWith(protocol))
            return uno::Reference<frame::XDispatch>();
        std::map<std::string, std::string> query;
        const std::string path = parseCommand(url.Complete.copy(protocol.getLength()), query);
        for (const Command& c : kCommands)
            if (path == c.path)
                return c.create(DispatchContext{m_ctx, m_frame});
    } catch (...) {
    }
    return uno::Reference<frame::XDispatch>();
}

uno::Sequence<uno::Reference<frame::XDispatch>>
ProtocolHandler::queryDispatches(const uno::Sequence<frame::DispatchDescriptor>& requests)
{
    uno::Sequence<uno::Reference<frame::XDispatch>> result(requests.getLength());
    for (sal_Int32 i = 0; i < requests.getLength(); ++i)
        result[i] = queryDispatch(requests[i].FeatureURL, requests[i].FrameName, requests[i].SearchFlags);
    return result;
}

} // namespace ogiuno
