// One calendar call on one value, at close to the C++ cost. pybind11 spends some 250 ns
// matching arguments and a Python wrapper as much again; analysts call these in map and apply.
// So the functions the package exports (to_western, to_wareki, fiscal_year, parse_date) are
// METH_FASTCALL functions of the C API: one positional str or datetime.date is converted here,
// with the C API's datetime.date and str in place (no copy of the text), and anything else —
// keywords, a column, a datetime subclass, a text that is not a date — goes to the general
// function the fast one was made with, which converts, raises and documents as before.
#include "bindings.hpp"

#include <cstring>
#include <string>

namespace miyagiplan::python {
using namespace pybind11::literals;

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"  // the C API's macros cast C-style
#endif

namespace {

// A str's characters as they are stored: ASCII as UTF-8, else UCS-2 or UCS-4 in place.
template <class Read>
bool read_str(PyObject* o, Read read) {
  const Py_ssize_t n = PyUnicode_GET_LENGTH(o);
  const auto size = static_cast<std::size_t>(n);
  if (PyUnicode_IS_ASCII(o)) return read(std::string_view(static_cast<const char*>(PyUnicode_DATA(o)), size));
  switch (PyUnicode_KIND(o)) {
    case PyUnicode_2BYTE_KIND:
      return read(std::u16string_view(reinterpret_cast<const char16_t*>(PyUnicode_DATA(o)), size));
    case PyUnicode_4BYTE_KIND:
      return read(std::u32string_view(reinterpret_cast<const char32_t*>(PyUnicode_DATA(o)), size));
    default:
      return false;  // Latin-1 beyond ASCII: no date form uses it; the general path says why
  }
}

bool day_of(PyObject* o, sys_days& out) {
  if (!PyDate_CheckExact(o)) return false;
  const int y = PyDateTime_GET_YEAR(o);
  if (y < min_supported_year) return false;
  out = days_from_civil(y, static_cast<unsigned>(PyDateTime_GET_MONTH(o)), static_cast<unsigned>(PyDateTime_GET_DAY(o)));
  return true;
}

PyObject* date_of(sys_days d) {
  const civil_date c = civil_from_days(d);
  if (c.year < min_supported_year || c.year > max_supported_year) return nullptr;
  return PyDate_FromDate(c.year, static_cast<int>(c.month), static_cast<int>(c.day));
}

enum class scalar { to_western, to_wareki, fiscal_year, parse_date };

// The result for one positional argument, or nullptr (no Python error set) for the general path.
template <scalar S>
PyObject* fast(PyObject* arg) {
  if constexpr (S == scalar::to_western || S == scalar::parse_date) {
    if (!PyUnicode_CheckExact(arg)) return nullptr;
    date_reading r;
    date_reading_failure failure;
    const parse_options options;
    if (!read_str(arg, [&](auto text) { return try_read_date(text, options, r, failure); })) return nullptr;
    if constexpr (S == scalar::to_western) {
      return names_a_day(r.kind) ? date_of(r.days.first) : nullptr;
    } else {
      // The expression keeps its source text: the str's own, as UTF-8.
      Py_ssize_t n = 0;
      const char* utf8 = PyUnicode_AsUTF8AndSize(arg, &n);
      if (!utf8) return PyErr_Clear(), nullptr;
      return py::cast(date_expression(std::string(utf8, static_cast<std::size_t>(n)), r)).release().ptr();
    }
  } else {
    sys_days d;
    if (!day_of(arg, d)) return nullptr;
    if constexpr (S == scalar::to_wareki) {
      char buf[max_formatted_date];
      const std::size_t n = format_date_to(buf, d, date_style::kanji);
      return n ? PyUnicode_FromStringAndSize(buf, static_cast<Py_ssize_t>(n)) : nullptr;
    } else {
      return py::cast(fiscal_year::of(d)).release().ptr();
    }
  }
}

// to_wareki(day, style="abbrev"): a style given by name, as the peers and analysts call it.
PyObject* wareki_with_style(PyObject* day_arg, PyObject* name) {
  if (!PyUnicode_CheckExact(name) || !PyUnicode_IS_ASCII(name)) return nullptr;
  const std::string_view n(static_cast<const char*>(PyUnicode_DATA(name)), static_cast<std::size_t>(PyUnicode_GET_LENGTH(name)));
  date_style style{};
  if (n == "kanji") style = date_style::kanji;
  else if (n == "abbrev") style = date_style::abbrev;
  else if (n == "western") style = date_style::western;
  else if (n == "iso") style = date_style::iso;
  else return nullptr;
  sys_days d;
  if (!day_of(day_arg, d)) return nullptr;
  char buf[max_formatted_date];
  const std::size_t size = format_date_to(buf, d, style);
  return size ? PyUnicode_FromStringAndSize(buf, static_cast<Py_ssize_t>(size)) : nullptr;
}

bool is_style_keyword(PyObject* kwnames) {
  if (PyTuple_Size(kwnames) != 1) return false;
  PyObject* k = PyTuple_GetItem(kwnames, 0);
  return PyUnicode_CheckExact(k) && PyUnicode_CompareWithASCIIString(k, "style") == 0;
}

// self is the general function.
template <scalar S>
PyObject* call(PyObject* general, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  try {
    PyObject* result = nullptr;
    if (nargs == 1 && kwnames == nullptr) result = fast<S>(args[0]);
    if constexpr (S == scalar::to_wareki)
      if (nargs == 2 && kwnames == nullptr) result = wareki_with_style(args[0], args[1]);
    if constexpr (S == scalar::to_wareki)
      if (nargs == 1 && kwnames && is_style_keyword(kwnames)) result = wareki_with_style(args[0], args[1]);
    if (result) return result;
  } catch (...) {
    // the general path raises what the case calls for
  }
  if (PyErr_Occurred()) PyErr_Clear();
  return PyObject_Vectorcall(general, args, static_cast<std::size_t>(nargs), kwnames);
}

}  // namespace

void bind_scalar(py::module_& m) {
  PyDateTime_IMPORT;
  if (!PyDateTimeAPI) throw py::error_already_set();
  m.def(
      "_scalar_fast",
      [](const std::string& name, const py::object& general, const std::string& signature) {
        using fastcall = PyObject* (*)(PyObject*, PyObject* const*, Py_ssize_t, PyObject*);
        fastcall f = nullptr;
        if (name == "to_western") f = &call<scalar::to_western>;
        else if (name == "to_wareki") f = &call<scalar::to_wareki>;
        else if (name == "fiscal_year") f = &call<scalar::fiscal_year>;
        else if (name == "parse_date") f = &call<scalar::parse_date>;
        else throw py::value_error("no fast path for " + name);
        // METH_FASTCALL functions are stored as PyCFunction (through void(*)(), as CPython does).
        const auto c = reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(f));
        // The definition lives as long as the function: the module's life, made once per name.
        std::string doc;
        if (!signature.empty()) doc = name + signature + "\n--\n\n";
        if (py::hasattr(general, "__doc__") && !general.attr("__doc__").is_none())
          doc += general.attr("__doc__").cast<std::string>();
        auto* def = new PyMethodDef{strdup(name.c_str()), c,
                                    METH_FASTCALL | METH_KEYWORDS, strdup(doc.c_str())};
        const py::str module_name(package_name);
        PyObject* fn = PyCFunction_NewEx(def, general.ptr(), module_name.ptr());
        if (!fn) throw py::error_already_set();
        return py::reinterpret_steal<py::object>(fn);
      },
      "name"_a, "general"_a, "signature"_a = "",
      "The one-value fast path of a calendar function, over its general function (internal).");
}

#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

}  // namespace miyagiplan::python
