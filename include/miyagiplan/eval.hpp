// Attainment evaluation: observations, grading schemes, assessments and reports.
#pragma once

#include "miyagiplan/eval/evaluate.hpp"
#include "miyagiplan/eval/observation.hpp"
#include "miyagiplan/eval/record.hpp"
#include "miyagiplan/eval/scheme.hpp"
#include "miyagiplan/model.hpp"
