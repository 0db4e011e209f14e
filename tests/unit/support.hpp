// What the unit suites share.
#pragma once

#include "miyagiplan/miyagiplan.hpp"

namespace test_support {

// The bundled plan, read once for the whole suite.
inline const miyagiplan::plan& bundled() {
  static const miyagiplan::plan p = miyagiplan::plans::miyagi_it_2013();
  return p;
}

}  // namespace test_support
