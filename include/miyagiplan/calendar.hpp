// 和暦 and 年度: eras, era dates, fiscal years, the plan's date expressions, formatting, and the
// lunisolar calendar before 1873.
#pragma once

#include "miyagiplan/calendar/civil.hpp"
#include "miyagiplan/calendar/date_expression.hpp"
#include "miyagiplan/calendar/era.hpp"
#include "miyagiplan/calendar/fiscal.hpp"
#include "miyagiplan/calendar/format.hpp"
#include "miyagiplan/calendar/lunisolar.hpp"
#include "miyagiplan/error.hpp"
