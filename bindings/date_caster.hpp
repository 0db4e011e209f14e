// boost::gregorian::date <-> datetime.date, exactly: a day is a day, with no time zone.
// (pybind11/chrono.h goes through time_point and local midnight, which shifts days under
// some TZ settings; it is not used.)
//
// Python → C++ accepts datetime.date and its subclasses, but not datetime.datetime: a
// datetime carries a time and maybe a time zone, and silently dropping them is how days go
// wrong. Passing one fails the cast, so pybind11 raises TypeError. A date before 1400 (which
// boost::gregorian::date cannot hold) raises RangeError.
//
// C++ → Python refuses special values (not_a_date_time, ±infinity) with RangeError, as
// format_date does: wrap a maybe-missing day in std::optional instead (with pybind11/stl.h).
//
// bindings.hpp includes this header, so that every bind_*.cpp sees the same caster (a
// translation unit without it would treat the date as an unregistered class).
#pragma once

// pybind11 includes Python.h, which must come before datetime.h.
#include <datetime.h>
#include <pybind11/pybind11.h>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <string>

#include "miyagiplan/calendar/civil.hpp"
#include "miyagiplan/error.hpp"

namespace pybind11::detail {

template <>
struct type_caster<boost::gregorian::date> {
 public:
  PYBIND11_TYPE_CASTER(boost::gregorian::date, const_name("datetime.date"));

  bool load(handle src, bool /*convert*/) {
    if (!src) return false;
    import_datetime_api();
    PyObject* obj = src.ptr();
    if (!PyDate_Check(obj) || PyDateTime_Check(obj)) return false;
    // The accessor macros cast C-style, inside our expansion rather than the system header's.
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"
#endif
    const int y = PyDateTime_GET_YEAR(obj);
    const int m = PyDateTime_GET_MONTH(obj);
    const int d = PyDateTime_GET_DAY(obj);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
    if (y < miyagiplan::min_supported_year)
      throw miyagiplan::range_error("datetime.date(" + std::to_string(y) + ", " +
                                    std::to_string(m) + ", " + std::to_string(d) +
                                    ") is before 1400-01-01, the first day supported");
    value = boost::gregorian::date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                                   static_cast<unsigned short>(d));
    return true;
  }

  static handle cast(const boost::gregorian::date& src, return_value_policy /*policy*/,
                     handle /*parent*/) {
    if (src.is_special()) throw miyagiplan::range_error("not a date");
    import_datetime_api();
    const auto ymd = src.year_month_day();
    return PyDate_FromDate(static_cast<int>(ymd.year), static_cast<int>(ymd.month.as_number()),
                           static_cast<int>(ymd.day.as_number()));
  }

 private:
  // PyDateTimeAPI is a static of datetime.h, so each translation unit imports it once.
  static void import_datetime_api() {
    if (!PyDateTimeAPI) {
      PyDateTime_IMPORT;
      if (!PyDateTimeAPI) throw error_already_set();
    }
  }
};

}  // namespace pybind11::detail
