// Reading the core's data files (rules.json, formats.json, templates, message catalogs): one
// place that parses a file's text and says which file is wrong when it is not a JSON object.
// Internal to the core; each caller checks the object's contents itself.
#pragma once

#include <boost/json/value.hpp>

#include <string_view>

namespace ogi {

/// The text parsed as a JSON value whose root is an object. Throws std::runtime_error
/// "<file>: not JSON: <why>" when it does not parse and "<file>: not <what>" when the root is
/// no object (`what`: "a JSON object", "a template object", …).
boost::json::value parseJsonObjectFile(std::string_view file, std::string_view text, std::string_view what);

} // namespace ogi
