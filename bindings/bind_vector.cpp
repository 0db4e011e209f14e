// Column-at-a-time calendar functions for numpy and pandas: the loops run in C++ without the
// GIL and without a Python object per result. Days cross as int64 day counts since 1970-01-01,
// which numpy views as datetime64[D] without a copy; NaT is INT64_MIN, as in numpy.
// The Python wrappers (miyagiplan/_vector.py) add Series handling and the errors= convention.
#include <pybind11/numpy.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "bindings.hpp"
#include "miyagiplan/calendar.hpp"

namespace miyagiplan::python {
namespace {

constexpr std::int64_t not_a_time = std::numeric_limits<std::int64_t>::min();

struct readings {
  py::array_t<std::int64_t> first, last;
  py::array_t<std::uint8_t> kind;  // date_kind, or 255 where the text is not a date
};

constexpr std::uint8_t unreadable = 255;

// Reads every text of a 1-D array: dtype object (str, or anything else → unreadable) or 'U'.
readings read_all(const py::array& values, bool strict, unsigned fiscal_start_month) {
  if (values.ndim() != 1) throw py::value_error("expected a one-dimensional array of texts");
  const auto n = static_cast<std::size_t>(values.shape(0));
  readings out{py::array_t<std::int64_t>(static_cast<py::ssize_t>(n)),
               py::array_t<std::int64_t>(static_cast<py::ssize_t>(n)),
               py::array_t<std::uint8_t>(static_cast<py::ssize_t>(n))};
  std::int64_t* first = out.first.mutable_data();
  std::int64_t* last = out.last.mutable_data();
  std::uint8_t* kind = out.kind.mutable_data();
  parse_options options;
  options.strict = strict;
  options.fiscal_start_month = fiscal_start_month;



  // Each text is read where it lies, in the width Python or numpy keeps it (PEP 393: 1, 2 or 4
  // bytes a character); the common forms need no conversion at all.
  auto read_units = [&](std::size_t i, const void* data, std::size_t length, int width, bool ascii) noexcept {
    date_reading r;
    date_reading_failure f;
    bool ok = false;
    if (ascii) {
      ok = try_read_date(std::string_view(static_cast<const char*>(data), length), options, r, f);
    } else if (width == 4) {
      std::u32string_view units(static_cast<const char32_t*>(data), length);
      ok = try_read_date(units.substr(0, units.find(U'\0')), options, r, f);  // numpy pads with NULs
    } else if (width == 2) {
      ok = try_read_date(std::u16string_view(static_cast<const char16_t*>(data), length), options, r, f);
    } else {  // Latin-1: ASCII is UTF-8 already; other Latin-1 texts are no dates but are read all the same
      const auto* bytes = static_cast<const unsigned char*>(data);
      std::u32string wide(bytes, bytes + length);
      ok = try_read_date(std::u32string_view(wide), options, r, f);
    }
    if (ok) first[i] = day_count_of(r.days.first), last[i] = day_count_of(r.days.last), kind[i] = static_cast<std::uint8_t>(r.kind);
    else first[i] = last[i] = not_a_time, kind[i] = unreadable;
  };

  const char dtype = values.dtype().kind();
  if (dtype == 'O') {
    // Where each str keeps its characters is taken with the GIL; the str objects are immutable
    // and the array keeps them alive, so the reading runs without it.
    struct source {
      const void* data = nullptr;
      std::size_t length = 0;
      int width = 0;  // 1, 2 or 4 bytes a character; 0: not a str
      bool ascii = false;
    };
    std::vector<source> sources(n);
    const auto* objects = static_cast<PyObject* const*>(values.data());
    const auto stride = static_cast<std::size_t>(values.strides(0)) / sizeof(PyObject*);
    for (std::size_t i = 0; i < n; ++i) {
      PyObject* o = objects[i * stride];
      if (!PyUnicode_Check(o) || PyUnicode_READY(o) != 0) continue;
      sources[i] = {PyUnicode_DATA(o), static_cast<std::size_t>(PyUnicode_GET_LENGTH(o)),
                    static_cast<int>(PyUnicode_KIND(o)), PyUnicode_IS_ASCII(o) != 0};
    }
    py::gil_scoped_release release;
    for (std::size_t i = 0; i < n; ++i) {
      const source& src = sources[i];
      if (src.width) {
        read_units(i, src.data, src.length, src.width, src.ascii);
      } else {
        first[i] = last[i] = not_a_time, kind[i] = unreadable;
      }
    }
  } else if (dtype == 'U') {
    const auto width = static_cast<std::size_t>(values.itemsize()) / 4;
    const auto* base = static_cast<const char*>(values.data());
    const auto stride = static_cast<std::size_t>(values.strides(0));
    py::gil_scoped_release release;
    for (std::size_t i = 0; i < n; ++i) read_units(i, base + i * stride, width, 4, false);
  } else {
    throw py::type_error("expected an array of str (dtype object or U), not dtype " +
                         py::str(values.dtype()).cast<std::string>());
  }
  return out;
}

py::array_t<std::int64_t> fiscal_years(const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& days,
                                       unsigned start_month) {
  if (start_month < 1 || start_month > 12) throw range_error("a fiscal year starts in a month 1–12");
  const auto n = static_cast<std::size_t>(days.size());
  py::array_t<std::int64_t> out(days.size());
  const std::int64_t* in = days.data();
  std::int64_t* years = out.mutable_data();
  py::gil_scoped_release release;
  for (std::size_t i = 0; i < n; ++i)
    years[i] = in[i] == not_a_time ? not_a_time
                                   : fiscal_year::of(from_day_count(static_cast<std::int32_t>(in[i])), start_month).year();
  return out;
}

// Formats every day; NaT and days before the eras become None.
py::array format_all(const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& days,
                     const format_options& options) {
  const auto n = static_cast<std::size_t>(days.size());
  const std::int64_t* in = days.data();
  std::string text;
  std::vector<std::uint32_t> ends(n);
  {
    py::gil_scoped_release release;
    text.reserve(n * 24);
    char buffer[max_formatted_date];
    for (std::size_t i = 0; i < n; ++i) {
      const int first_year = options.lunisolar ? first_lunisolar_year : min_supported_year;
      const bool valid = in[i] != not_a_time && in[i] >= day_count_of(days_from_civil(first_year, 1, 1)) &&
                         in[i] <= day_count_of(days_from_civil(max_supported_year, 12, 31));
      const std::size_t length = valid ? format_date_to(buffer, from_day_count(static_cast<std::int32_t>(in[i])), options) : 0;
      text.append(buffer, length);
      ends[i] = static_cast<std::uint32_t>(text.size());
    }
  }
  py::array out(py::dtype("O"), py::array::ShapeContainer{static_cast<py::ssize_t>(n)});
  auto** objects = static_cast<PyObject**>(out.mutable_data());
  std::uint32_t start = 0;
  for (std::size_t i = 0; i < n; ++i) {
    PyObject* o = ends[i] == start ? Py_NewRef(Py_None)
                                   : PyUnicode_DecodeUTF8(text.data() + start, ends[i] - start, nullptr);
    if (!o) throw py::error_already_set();
    Py_XDECREF(objects[i]);
    objects[i] = o;
    start = ends[i];
  }
  return out;
}

}  // namespace

void bind_vector(py::module_& m) {
  m.def(
      "_read_dates",
      [](const py::array& values, bool strict, unsigned fiscal_start_month) {
        readings r = read_all(values, strict, fiscal_start_month);
        return py::make_tuple(r.first, r.last, r.kind);
      },
      py::arg("values"), py::arg("strict") = false, py::arg("fiscal_start_month") = 4,
      R"doc(Reads a 1-D array of texts: (first, last, kind) arrays of int64 days since 1970-01-01
(INT64_MIN where a text is not a date) and uint8 DateKind codes (255 there). Use
miyagiplan.parse_dates or miyagiplan.to_western instead.)doc");
  m.def("_fiscal_years", &fiscal_years, py::arg("days"), py::arg("start_month") = 4,
        "The fiscal year (its starting Western year) of int64 day counts; INT64_MIN stays.");
  m.def(
      "_format_days",
      [](const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& days, date_style style,
         bool zero_pad, bool gannen, bool with_western, bool weekday, bool kanji_numerals, bool lunisolar) {
        return format_all(days, {style, zero_pad, gannen, with_western, weekday, kanji_numerals, lunisolar});
      },
      py::arg("days"), py::arg("style"), py::arg("zero_pad") = false, py::arg("gannen") = true,
      py::arg("with_western") = false, py::arg("weekday") = false, py::arg("kanji_numerals") = false,
      py::arg("lunisolar") = false,
      "Formats int64 day counts as texts of a DateStyle and options; None for NaT or days before 1873 "
      "(with lunisolar, days 445–1872 an era named are written in the lunisolar calendar).");
}

}  // namespace miyagiplan::python
