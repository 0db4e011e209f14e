// The library's exceptions in Python. Each kind derives from miyagiplan.Error and from the
// builtin it is a case of (as Arrow does), so that callers can catch either:
//
//   Error(Exception)
//   ├── ParseError(Error, ValueError)       .text .position .expected
//   ├── RangeError(Error, ValueError)
//   ├── SchemaError(Error, ValueError)      .where
//   ├── ValidationError(Error, ValueError)  .where
//   ├── NotFoundError(Error, KeyError)
//   └── FileError(Error, OSError)
//
// pybind11's register_exception takes one base only, so the classes are made with
// PyErr_NewExceptionWithDoc and one translator maps the C++ types, most derived first.
#include <exception>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "bindings.hpp"
#include "miyagiplan/error.hpp"

namespace miyagiplan::python {
namespace {

// The classes live as long as the process: the module holds a reference and so do these
// (never released, so that the translator can use them at any time, even during shutdown).
struct exception_types {
  PyObject* error = nullptr;
  PyObject* parse = nullptr;
  PyObject* range = nullptr;
  PyObject* schema = nullptr;
  PyObject* validation = nullptr;
  PyObject* not_found = nullptr;
  PyObject* file = nullptr;
};
exception_types types;

PyObject* add_exception(py::module_& m, const char* name, const char* doc,
                        std::initializer_list<PyObject*> bases,
                        std::initializer_list<const char*> attributes) {
  py::tuple base_tuple(bases.size());
  std::size_t i = 0;
  for (PyObject* base : bases) base_tuple[i++] = py::handle(base);
  // Attributes default to None on the class, so that an instance raised from Python code
  // (ParseError("...")) has them too.
  py::dict namespace_dict;
  for (const char* attribute : attributes) namespace_dict[attribute] = py::none();
  const std::string qualified = std::string(package_name) + "." + name;  // sets __module__
  PyObject* type =
      PyErr_NewExceptionWithDoc(qualified.c_str(), doc, base_tuple.ptr(), namespace_dict.ptr());
  if (!type) throw py::error_already_set();
  m.add_object(name, py::handle(type));
  return type;
}

// A C++ text as a Python str. Invalid UTF-8 (bytes a caller passed in, quoted back in a
// message) becomes U+FFFD by the library's one decoder, so that the error about bad input can
// always be raised.
py::str text_of(std::string_view s) {
  const std::string valid = miyagiplan::detail::valid_text(s, /*keep_nul=*/true);
  PyObject* decoded =
      PyUnicode_DecodeUTF8(valid.data(), static_cast<Py_ssize_t>(valid.size()), "strict");
  if (!decoded) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(decoded);
}

// Sets the Python error: an instance of `type` with the C++ message and the attributes.
void set_error(PyObject* type, std::string_view message,
               std::initializer_list<std::pair<const char*, py::object>> attributes = {}) {
  try {
    py::object instance = py::reinterpret_borrow<py::object>(type)(text_of(message));
    for (const auto& [name, value] : attributes) instance.attr(name) = value;
    PyErr_SetObject(type, instance.ptr());
  } catch (py::error_already_set& e) {
    e.restore();  // could not even make the exception: report why
  }
}

void translate(std::exception_ptr p) {
  try {
    if (p) std::rethrow_exception(p);
  } catch (const parse_error& e) {
    set_error(types.parse, e.what(),
              {{"text", text_of(e.input())},
               {"position", py::int_(e.position())},
               {"expected", text_of(e.expected())}});
  } catch (const schema_error& e) {
    set_error(types.schema, e.what(), {{"where", text_of(e.where())}});
  } catch (const validation_error& e) {
    set_error(types.validation, e.what(), {{"where", text_of(e.where())}});
  } catch (const not_found_error& e) {
    set_error(types.not_found, e.what());
  } catch (const range_error& e) {
    set_error(types.range, e.what());
  } catch (const io_error& e) {
    set_error(types.file, e.what());
  } catch (const error& e) {
    set_error(types.error, e.what());
  }
  // Anything else falls through to pybind11's own translators.
}

}  // namespace

void bind_errors(py::module_& m) {
  types.error = add_exception(m, "Error", R"doc(The base of every error miyagiplan raises.

Catch it to handle any failure of the library; catch a subclass, or the builtin it also
derives from (ValueError, OSError), to handle one kind.)doc",
                              {PyExc_Exception}, {});
  types.parse = add_exception(m, "ParseError", R"doc(A text that could not be read.

Attributes:
    text: the whole text being read.
    position: the character (code point, as str indexing counts) where reading stopped.
    expected: what was expected there, in words.

Also a ValueError.)doc",
                              {types.error, PyExc_ValueError}, {"text", "position", "expected"});
  types.range = add_exception(m, "RangeError",
                              R"doc(A date or value outside what the calendar or the model supports.

For example a day before 1873-01-01 (明治6年1月1日, the first day of the eras) where an era
is needed. Also a ValueError.)doc",
                              {types.error, PyExc_ValueError}, {});
  types.schema = add_exception(m, "SchemaError",
                               R"doc(A document (JSON, archive, CSV) that does not fit its schema.

Attributes:
    where: the spot, as a JSON pointer or file:line:column (may be empty).

Also a ValueError.)doc",
                               {types.error, PyExc_ValueError}, {"where"});
  types.validation = add_exception(
      m, "ValidationError",
      R"doc(A model that breaks a rule (a duplicate id, a target before its baseline, ...).

Attributes:
    where: the part of the model that breaks it.

Also a ValueError.)doc",
      {types.error, PyExc_ValueError}, {"where"});
  types.not_found = add_exception(m, "NotFoundError",
                                  R"doc(An id that names nothing: plan.indicator("9-9-9"), Scheme.preset("x").

Also a KeyError, so that lookups can be caught as a dict's are.)doc",
                                  {types.error, PyExc_KeyError}, {});
  types.file = add_exception(m, "FileError", R"doc(A file that cannot be opened, read or written.

Also an OSError.)doc",
                             {types.error, PyExc_OSError}, {});
  py::register_exception_translator(&translate);
}

}  // namespace miyagiplan::python
