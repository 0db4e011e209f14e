// What the bind_*.cpp files share: one function per topic, each adding its names to the
// extension module. module.cpp calls them in order (errors first, so that every later
// binding can raise the library's exceptions).
#pragma once

#include <pybind11/pybind11.h>

#include "date_caster.hpp"  // boost::gregorian::date <-> datetime.date, in every bind_*.cpp

namespace miyagiplan::python {

namespace py = pybind11;

// The public package. Every class, enum and exception sets __module__ to it, so that reprs,
// signatures, pickles and help() name miyagiplan.FiscalYear rather than miyagiplan._core.
inline constexpr const char* package_name = "miyagiplan";

void bind_errors(py::module_& m);
void bind_calendar(py::module_& m);

}  // namespace miyagiplan::python
