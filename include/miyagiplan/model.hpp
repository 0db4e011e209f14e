// The plan model and its quantities.
#pragma once

#include "miyagiplan/calendar.hpp"
#include "miyagiplan/model/plan.hpp"
#include "miyagiplan/model/quantity.hpp"
