// The JSON document of the library's readers and writers: nlohmann's, its keys in file order.
#pragma once

#include <nlohmann/json.hpp>

namespace miyagiplan {

using ordered_json = nlohmann::ordered_json;

}  // namespace miyagiplan
