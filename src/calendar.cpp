// The compiled home of the calendar's definitions: the shared text helpers, reading dates and
// writing them.
#include "miyagiplan/calendar/calendar_text-inl.hpp"
#include "miyagiplan/calendar/calendar_eras-inl.hpp"
#include "miyagiplan/calendar/calendar_lunisolar-inl.hpp"
#include "miyagiplan/calendar/calendar_fast-inl.hpp"
#include "miyagiplan/calendar/calendar_read-inl.hpp"
#include "miyagiplan/calendar/calendar_parse-inl.hpp"
#include "miyagiplan/calendar/calendar_find-inl.hpp"
#include "miyagiplan/calendar/calendar_write-inl.hpp"
