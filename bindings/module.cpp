// The extension module miyagiplan._core; the package miyagiplan re-exports it.
#include <string_view>

#include "bindings.hpp"
#include "miyagiplan/version.hpp"

static_assert(std::string_view(MIYAGIPLAN_VERSION_STRING) == miyagiplan::version_string,
              "the build's version and version.hpp disagree");

PYBIND11_MODULE(_core, m) {
  m.doc() = R"doc(The compiled core of miyagiplan; import miyagiplan instead.

Japanese prefectural plans, their indicators and attainment, with 和暦 (Japanese eras) and
年度 (fiscal years).)doc";
  m.attr("__version__") = MIYAGIPLAN_VERSION_STRING;
  miyagiplan::python::bind_errors(m);
  miyagiplan::python::bind_calendar(m);
  miyagiplan::python::bind_model(m);
  miyagiplan::python::bind_eval(m);
  miyagiplan::python::bind_vector(m);
  miyagiplan::python::bind_scalar(m);
}
