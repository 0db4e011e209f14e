// The compiled home of the calendar's parsing and formatting.
#include "miyagiplan/calendar/calendar-inl.hpp"
