// miyagiplan::sys_days <-> datetime.date, exactly: a day is a day, with no time zone.
// (pybind11/chrono.h goes through time_point and local midnight, which shifts days under
// some TZ settings; it is not used.)
//
// Python → C++ accepts the ways Python holds a day:
// - datetime.date and its subclasses;
// - datetime.datetime and pandas.Timestamp (a datetime subclass): the day of its date, as its
//   own fields say it (no time zone conversion);
// - numpy.datetime64 of day precision or finer: the day it falls in (floor). Coarser units
//   (a month, a year) name no day and NaT names nothing: RangeError. numpy is never imported
//   for this: a datetime64 is recognised by its type's name, and numpy is loaded already when
//   there is one; pandas.NaT likewise raises RangeError.
// A day before 1400 (the first year the library supports) raises RangeError.
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

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "miyagiplan/calendar/civil.hpp"
#include "miyagiplan/calendar/lunisolar.hpp"
#include "miyagiplan/error.hpp"

namespace pybind11::detail {

template <>
struct type_caster<miyagiplan::sys_days> {
 public:
  PYBIND11_TYPE_CASTER(miyagiplan::sys_days, const_name("datetime.date"));

  bool load(handle src, bool /*convert*/) {
    if (!src) return false;
    PyObject* obj = src.ptr();
    const std::string_view type_name = Py_TYPE(obj)->tp_name;
    if (type_name == "numpy.datetime64") return load_datetime64(src);
    if (type_name == "NaTType" || type_name.ends_with(".NaTType"))
      throw miyagiplan::range_error("pandas.NaT is no day");
    import_datetime_api();
    if (!PyDate_Check(obj)) return false;
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
    if (y < first_year)
      throw miyagiplan::range_error("datetime.date(" + std::to_string(y) + ", " +
                                    std::to_string(m) + ", " + std::to_string(d) +
                                    ") is before 445-01-01, the first day supported");
    value = miyagiplan::days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
    return true;
  }

  static handle cast(miyagiplan::sys_days src, return_value_policy /*policy*/, handle /*parent*/) {
    const miyagiplan::civil_date c = miyagiplan::civil_from_days(src);
    if (c.year < first_year || c.year > miyagiplan::max_supported_year)
      throw miyagiplan::range_error("year " + std::to_string(c.year) + " is outside 445 … 9999, the years supported");
    import_datetime_api();
    return PyDate_FromDate(c.year, static_cast<int>(c.month), static_cast<int>(c.day));
  }

 private:
  // Days as far back as the lunisolar tables go (445), for the eras before 1873.
  static constexpr int first_year = miyagiplan::first_lunisolar_year;

  // A numpy.datetime64 scalar: numpy is loaded (the value exists), so importing it is a lookup.
  bool load_datetime64(handle src) {
    const module_ numpy = module_::import("numpy");
    if (numpy.attr("isnat")(src).cast<bool>())
      throw miyagiplan::range_error("numpy.datetime64('NaT') is no day");
    const tuple info = numpy.attr("datetime_data")(src.attr("dtype"));
    const std::string unit = info[std::size_t{0}].cast<std::string>();
    static constexpr std::string_view day_or_finer[] = {"D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as"};
    bool fine = false;
    for (std::string_view u : day_or_finer) fine = fine || u == unit;
    if (!fine)
      throw miyagiplan::range_error("numpy.datetime64 of unit '" + unit +
                                    "' names no day (day precision or finer is needed)");
    // numpy casts to a coarser unit by flooring, so a time before 1970 stays in its own day.
    const auto count = src.attr("astype")("datetime64[D]").attr("astype")("int64").cast<long long>();
    const auto first = miyagiplan::days_from_civil(first_year, 1, 1);
    const auto last = miyagiplan::days_from_civil(miyagiplan::max_supported_year, 12, 31);
    if (count < first.time_since_epoch().count() || count > last.time_since_epoch().count())
      throw miyagiplan::range_error("numpy.datetime64 " + str(src).cast<std::string>() +
                                    " is outside 445 … 9999, the years supported");
    value = miyagiplan::sys_days{miyagiplan::day_count{static_cast<std::int32_t>(count)}};
    return true;
  }

  // PyDateTimeAPI is a static of datetime.h, so each translation unit imports it once.
  static void import_datetime_api() {
    if (!PyDateTimeAPI) {
      PyDateTime_IMPORT;
      if (!PyDateTimeAPI) throw error_already_set();
    }
  }
};

}  // namespace pybind11::detail
