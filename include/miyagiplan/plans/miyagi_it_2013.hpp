// The bundled plans, built into the library: nothing to find at run time.
#pragma once

// Header-only mode: the outermost public header includes the definitions at its end.
#if defined(MIYAGIPLAN_HEADER_ONLY) && !defined(MIYAGIPLAN_OUTERMOST_HEADER)
#define MIYAGIPLAN_OUTERMOST_HEADER
#define MIYAGIPLAN_OUTERMOST_PLANS_MIYAGI_IT_2013_HPP
#endif

#include "miyagiplan/config.hpp"
#include "miyagiplan/model/plan.hpp"

namespace miyagiplan::plans {

// みやぎＩＴ推進プラン２０１３ (Miyagi Prefecture, 平成23～25年度), encoded from the document
// in data/plans/miyagi-it-plan-2013.json. Read once, then copied: the caller owns its copy.
MIYAGIPLAN_FUNC plan miyagi_it_2013();

}  // namespace miyagiplan::plans

#define MIYAGIPLAN_NEEDS_PLANS_DEFINITIONS
#ifdef MIYAGIPLAN_OUTERMOST_PLANS_MIYAGI_IT_2013_HPP
#include "miyagiplan/header_only-inl.hpp"
#endif
