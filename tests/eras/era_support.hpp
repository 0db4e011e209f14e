// What the era test programs share (each runs its cases in processes of their own, since an
// added era changes the process's era table).
#pragma once

#include <atomic>
#include <cstdlib>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "miyagiplan/calendar.hpp"

namespace era_tests {

inline std::string iso(miyagiplan::sys_days s) {
  char buf[miyagiplan::max_formatted_date];
  return std::string(buf, miyagiplan::format_date_to(buf, s, miyagiplan::date_style::iso));
}

inline miyagiplan::sys_days day(int y, unsigned m, unsigned d) { return miyagiplan::days_from_civil(y, m, d); }

}  // namespace era_tests
