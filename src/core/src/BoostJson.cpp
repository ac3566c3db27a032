// Boost.JSON's implementation, compiled once into ogi_core (header-only mode; see CMakeLists.txt).
#include <boost/json/src.hpp>
