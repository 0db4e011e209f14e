// The one place the version lives; CMake reads it from here.
#pragma once

#define MIYAGIPLAN_VERSION_MAJOR 0
#define MIYAGIPLAN_VERSION_MINOR 1
#define MIYAGIPLAN_VERSION_PATCH 0

namespace miyagiplan {
inline constexpr const char* version_string = "0.1.0";
}  // namespace miyagiplan
