// Definitions of the bundled plans. Compiled once by src/plans.cpp, or inline when header-only.
#pragma once

#include "miyagiplan/io/json.hpp"
#include "miyagiplan/plans/miyagi_it_2013.hpp"
#include "miyagiplan/plans/miyagi_it_2013_data.hpp"  // generated from data/ by the build

namespace miyagiplan::plans {

MIYAGIPLAN_FUNC plan miyagi_it_2013() {
  // Read on first use (thread-safe static initialisation); every caller gets its own copy.
  static const plan bundled = plan_from_json(data::miyagi_it_2013_json);
  return bundled;
}

}  // namespace miyagiplan::plans
