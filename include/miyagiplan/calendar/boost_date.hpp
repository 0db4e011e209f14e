// boost::gregorian::date at the edge: the one header of the library that needs Boost.Date_Time.
// A day of the API is a miyagiplan::sys_days; these convert to and from Boost's dates.
#pragma once

#include <cstdint>
#include <string>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "miyagiplan/calendar/civil.hpp"
#include "miyagiplan/error.hpp"

namespace miyagiplan {

// boost::gregorian::date counts Julian day numbers; 1970-01-01 is JDN 2440588.
inline constexpr std::int64_t unix_epoch_jdn = 2440588;

// Throws range_error for a day outside the years Boost can hold (1400 … 9999).
inline boost::gregorian::date to_boost_date(sys_days day) {
  const civil_date c = civil_from_days(day);
  if (c.year < min_supported_year || c.year > max_supported_year)
    throw range_error("day " + std::to_string(day_count_of(day)) + " since 1970-01-01 is outside " +
                      "the years 1400 … 9999 a boost::gregorian::date holds");
  return boost::gregorian::date(static_cast<unsigned short>(c.year), static_cast<unsigned short>(c.month),
                                static_cast<unsigned short>(c.day));
}

// Throws range_error for a special value (not_a_date_time, ±infinity).
inline sys_days to_sys_days(const boost::gregorian::date& d) {
  if (d.is_special()) throw range_error("not a date");
  return from_day_count(static_cast<std::int32_t>(static_cast<std::int64_t>(d.day_number()) - unix_epoch_jdn));
}

}  // namespace miyagiplan
