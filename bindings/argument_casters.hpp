// What Python passes in, read strictly at the edge, so that bad input is a miyagiplan error
// (and a ValueError) rather than pybind11's TypeError "incompatible function arguments":
//
// - a str that is no text (a lone surrogate such as "\ud800", which UTF-8 cannot hold) is a
//   ParseError at the surrogate's position, for every std::string / std::string_view argument;
// - an int too large for a double (10**400) is a RangeError, for every double argument.
//
// Full specialisations of pybind11's casters for std::string, std::string_view and double:
// bindings.hpp includes this header, and every bind_*.cpp includes bindings.hpp, so that all
// translation units see the same casters.
#pragma once

#include <pybind11/pybind11.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "miyagiplan/error.hpp"

namespace miyagiplan::python {

// Throws parse_error when `src` is a str that UTF-8 cannot hold (a lone surrogate); else nothing.
inline void require_text(pybind11::handle src) {
  PyObject* s = src.ptr();
  if (!s || !PyUnicode_Check(s)) return;
  if (PyUnicode_AsUTF8AndSize(s, nullptr)) return;  // caches the UTF-8 (the caster reuses it)
  PyErr_Clear();
  std::size_t position = 0;
  const Py_ssize_t n = PyUnicode_GetLength(s);
  for (Py_ssize_t i = 0; i < n; ++i) {
    const Py_UCS4 c = PyUnicode_ReadChar(s, i);
    if (c >= 0xD800 && c <= 0xDFFF) {
      position = static_cast<std::size_t>(i);
      break;
    }
  }
  PyObject* replaced = PyUnicode_AsEncodedString(s, "utf-8", "replace");  // U+D800 → ?
  std::string input;
  if (replaced) {
    input.assign(PyBytes_AS_STRING(replaced), static_cast<std::size_t>(PyBytes_GET_SIZE(replaced)));
    Py_DECREF(replaced);
  } else {
    PyErr_Clear();
  }
  throw parse_error(std::move(input), position, "text (a lone surrogate is no character)");
}

}  // namespace miyagiplan::python

namespace pybind11::detail {

template <>
struct type_caster<std::string> : string_caster<std::string> {
  bool load(handle src, bool convert) {
    miyagiplan::python::require_text(src);
    return string_caster<std::string>::load(src, convert);
  }
};

template <>
struct type_caster<std::string_view> : string_caster<std::string_view, true> {
  bool load(handle src, bool convert) {
    miyagiplan::python::require_text(src);
    return string_caster<std::string_view, true>::load(src, convert);
  }
};

template <>
struct type_caster<double> {
 public:
  PYBIND11_TYPE_CASTER(double, const_name("float"));

  bool load(handle src, bool convert) {
    if (!src) return false;
    // An int past a double's range is no number to the library, in either pass (so also where
    // pybind11 converts implicitly, which loads without conversion: Observation(..., 10**400)).
    if (PyLong_Check(src.ptr()) && !PyBool_Check(src.ptr())) {
      PyLong_AsDouble(src.ptr());
      if (PyErr_Occurred()) {
        const bool overflow = PyErr_ExceptionMatches(PyExc_OverflowError) != 0;
        PyErr_Clear();
        if (overflow) throw_too_large(src);
      }
    }
    if (!convert && !PyFloat_Check(src.ptr())) return false;
    const double v = PyFloat_AsDouble(src.ptr());
    if (v == -1.0 && PyErr_Occurred()) {
      const bool overflow = PyErr_ExceptionMatches(PyExc_OverflowError) != 0;
      PyErr_Clear();
      if (overflow) throw_too_large(src);
      if (convert && PyNumber_Check(src.ptr())) {
        auto as_float = reinterpret_steal<object>(PyNumber_Float(src.ptr()));
        PyErr_Clear();
        return as_float && load(as_float, false);
      }
      return false;
    }
    value = v;
    return true;
  }

  [[noreturn]] static void throw_too_large(handle src) {
    const std::string digits = str(repr(src)).cast<std::string>();
    throw miyagiplan::range_error("an integer too large for a number (past ±1.8e308): " +
                                  digits.substr(0, 40) + "… (" + std::to_string(digits.size()) + " digits)");
  }

  static handle cast(double src, return_value_policy /*policy*/, handle /*parent*/) {
    return PyFloat_FromDouble(src);
  }
};

}  // namespace pybind11::detail
