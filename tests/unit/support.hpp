// What the unit suites share.
#pragma once

#include <string>
#include <vector>

#include "miyagiplan/miyagiplan.hpp"

namespace test_support {

// The bundled plan, read once for the whole suite.
inline const miyagiplan::plan& bundled() {
  static const miyagiplan::plan p = miyagiplan::plans::miyagi_it_2013();
  return p;
}

// A day by its Gregorian year, month and day.
inline miyagiplan::sys_days ymd(int y, int m, int d) {
  return miyagiplan::days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

// The ids of indicators, in the order given.
inline std::vector<std::string> ids_of(const std::vector<const miyagiplan::indicator*>& list) {
  std::vector<std::string> out;
  for (const auto* i : list) out.push_back(i->id);
  return out;
}

}  // namespace test_support
