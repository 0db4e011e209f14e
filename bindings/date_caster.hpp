// miyagiplan::sys_days <-> datetime.date, exactly: a day is a day, with no time zone.
// (pybind11/chrono.h goes through time_point and local midnight, which shifts days under
// some TZ settings; it is not used.)
//
// Python → C++ accepts datetime.date and its subclasses, but not datetime.datetime: a
// datetime carries a time and maybe a time zone, and silently dropping them is how days go
// wrong. Passing one fails the cast, so pybind11 raises TypeError. A date before 1400 (the
// first year the library supports) raises RangeError.
//
// C++ → Python refuses a day outside the years 1400 … 9999 with RangeError: wrap a
// maybe-missing day in std::optional instead (with pybind11/stl.h).
//
// bindings.hpp includes this header, so that every bind_*.cpp sees the same caster (a
// translation unit without it would treat the day as an unregistered class).
#pragma once

// pybind11 includes Python.h, which must come before datetime.h.
#include <datetime.h>
#include <pybind11/pybind11.h>

#include <string>

#include "miyagiplan/calendar/civil.hpp"
#include "miyagiplan/error.hpp"

namespace pybind11::detail {

template <>
struct type_caster<miyagiplan::sys_days> {
 public:
  PYBIND11_TYPE_CASTER(miyagiplan::sys_days, const_name("datetime.date"));

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
    value = miyagiplan::days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
    return true;
  }

  static handle cast(miyagiplan::sys_days src, return_value_policy /*policy*/, handle /*parent*/) {
    const miyagiplan::civil_date c = miyagiplan::civil_from_days(src);
    if (c.year < miyagiplan::min_supported_year || c.year > miyagiplan::max_supported_year)
      throw miyagiplan::range_error("year " + std::to_string(c.year) + " is outside 1400 … 9999, the years supported");
    import_datetime_api();
    return PyDate_FromDate(c.year, static_cast<int>(c.month), static_cast<int>(c.day));
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
