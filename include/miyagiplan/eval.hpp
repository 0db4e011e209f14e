// Attainment evaluation: observations, grading schemes, assessments and reports.
#pragma once

#include "miyagiplan/eval/evaluate.hpp"
#include "miyagiplan/eval/observation.hpp"
#include "miyagiplan/eval/scheme.hpp"
#include "miyagiplan/model.hpp"
#include "miyagiplan/office.hpp"

#ifdef MIYAGIPLAN_HEADER_ONLY
#include "miyagiplan/eval/eval-inl.hpp"
#include "miyagiplan/eval/observation-inl.hpp"
#endif
