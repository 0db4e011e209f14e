// The bundled plans, built into the library: nothing to find at run time.
#pragma once

#include "miyagiplan/config.hpp"
#include "miyagiplan/model/plan.hpp"

namespace miyagiplan::plans {

// みやぎＩＴ推進プラン２０１３ (Miyagi Prefecture, 平成23～25年度), encoded from the document
// in data/plans/miyagi-it-plan-2013.json. Read once, then copied: the caller owns its copy.
MIYAGIPLAN_FUNC plan miyagi_it_2013();

}  // namespace miyagiplan::plans
