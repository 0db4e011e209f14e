// Everything: the calendar, the plan model and its formats, evaluation, the bundled plans.
#pragma once

#include "miyagiplan/calendar.hpp"
#include "miyagiplan/version.hpp"
