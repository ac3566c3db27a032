// Boost.JSON's implementation, compiled once into ogi_core (header-only mode; see CMakeLists.txt),
// and the data files' parse helper (JsonFile.h).
#include <boost/json/src.hpp>

#include "JsonFile.h"

#include <stdexcept>
#include <string>

namespace ogi {

boost::json::value parseJsonObjectFile(std::string_view file, std::string_view text, std::string_view what)
{
    boost::json::error_code ec;
    boost::json::value root = boost::json::parse(boost::json::string_view(text.data(), text.size()), ec);
    if (ec)
        throw std::runtime_error(std::string(file) + ": not JSON: " + ec.message());
    if (!root.is_object())
        throw std::runtime_error(std::string(file) + ": not " + std::string(what));
    return root;
}

} // namespace ogi
