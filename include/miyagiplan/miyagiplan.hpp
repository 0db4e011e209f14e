// Everything: the calendar, the plan model and its formats, evaluation, the bundled plans.
#pragma once

#include "miyagiplan/calendar.hpp"
#include "miyagiplan/eval.hpp"
#include "miyagiplan/io/archive.hpp"
#include "miyagiplan/io/files.hpp"
#include "miyagiplan/io/json.hpp"
#include "miyagiplan/io/workbook.hpp"
#include "miyagiplan/model.hpp"
#include "miyagiplan/office.hpp"
#include "miyagiplan/plans/miyagi_it_2013.hpp"
#include "miyagiplan/report.hpp"
#include "miyagiplan/version.hpp"
