// The messages of the rule declarations (data/rules.json): each names its catalog message
// ("rule.B-1"), whose placeholders are those of the declaration's kind; a kind's message
// variants ("rule.S-2.missing") are optional — without one the plain message is used.
#include "ogi/Message.h"

#include "rules/Kind.h"

namespace ogi {

MessageSchema ruleMessageSchema()
{
    MessageSchema out;
    for (const RuleDecl& r : ruleCatalog()) {
        if (r.messageId.empty() || !r.impl)
            continue;
        MessageSpec spec{r.impl->placeholders(), false};
        // placeholders a declaration accepts beyond its kind's (Y-1's {lhs1}…{lhsN})
        for (const char* side : {"lhs", "rhs"})
            for (size_t i = 1; i <= 32; ++i)
                if (r.impl->acceptsPlaceholder(r, side + std::to_string(i)))
                    spec.placeholders.insert(side + std::to_string(i));
        MessageSpec& plain = out[r.messageId];
        plain.placeholders.insert(spec.placeholders.begin(), spec.placeholders.end());
        for (const std::string& v : r.impl->variants()) {
            MessageSpec& variant = out[r.messageId + "." + v];
            variant.placeholders.insert(spec.placeholders.begin(), spec.placeholders.end());
            variant.optional = true;
        }
    }
    return out;
}

} // namespace ogi
