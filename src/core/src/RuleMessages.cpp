// The messages of the rule declarations (data/rules.json): one catalog id per declaration.
#include "ogi/Message.h"

#include "Rules.h"

namespace ogi {

MessageSchema ruleMessageSchema()
{
    return {};
}

} // namespace ogi
