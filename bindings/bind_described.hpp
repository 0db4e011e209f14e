// Python classes made from the descriptions (miyagiplan/describe.hpp): a described enum becomes
// a Python enum (UPPER_CASE members, str() the C++ name, from_string); a described model type gets
// a property per field, an __init__ taking every field by position or keyword, ==, copies, a
// repr and pickling. A field added to a description appears in Python with no change here.
#pragma once

#include <pybind11/stl.h>

#include <cctype>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "bindings.hpp"
#include "miyagiplan/describe.hpp"
#include "miyagiplan/io/json.hpp"

namespace miyagiplan::python {
namespace binding {

// --- Enums -----------------------------------------------------------------------------------

inline std::string upper_case(std::string_view name) {
  std::string out(name);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// The Python enum of a described enum, with its members' docs from the description.
template <described_enum E>
py::enum_<E> bind_enum(py::module_& m) {
  using d = enum_description<E>;
  py::enum_<E> cls(m, d::python.data(), d::doc.data());
  for (std::size_t i = 0; i < enum_count<E>; ++i) {
    const std::string upper = upper_case(d::names[i]);  // pybind11 copies it into a str
    cls.value(upper.c_str(), static_cast<E>(i), d::docs[i].data());
  }
  name_enum(
      cls, [](E e) { return to_string(e); }, [](std::string_view name) { return enum_from_string<E>(name); },
      "The member named ``name`` (as str gives). Raises ParseError for an unknown name.");
  in_package(cls);
  return cls;
}

// --- What a field looks like to Python -------------------------------------------------------

template <class T>
inline constexpr bool is_vector_v = false;
template <class T>
inline constexpr bool is_vector_v<std::vector<T>> = true;
template <class T>
inline constexpr bool is_optional_v = false;
template <class T>
inline constexpr bool is_optional_v<std::optional<T>> = true;

template <class M>
inline constexpr bool is_plain_v = std::is_same_v<M, std::string> || std::is_same_v<M, int> ||
                                   std::is_same_v<M, double> || std::is_same_v<M, bool> ||
                                   std::is_same_v<M, std::optional<std::string>>;

// The argument type __init__ takes for a field of type M, and its default.
template <class M>
struct init_arg {
  using type = M;
  static py::object fallback() { return py::cast(M{}); }
  static M value(const type& a) { return a; }
};
template <described_enum E>
struct init_arg<E> {
  using type = member_or_name<E>;
  static py::object fallback() { return py::cast(E{}); }
  static E value(const type& a) {
    return member(a);
  }
};
template <class E>
struct init_arg<std::vector<E>> {
  using type = py::iterable;
  static py::object fallback() { return py::tuple(); }
  static std::vector<E> value(const type& a) { return elements_from<E>(a); }
};
template <>
struct init_arg<std::optional<std::string>> {
  using type = std::optional<std::string>;
  static py::object fallback() { return py::none(); }
  static std::optional<std::string> value(const type& a) { return a; }
};
template <>
struct init_arg<unit> {
  using type = unit_arg;
  static py::object fallback() { return py::str(""); }
  static unit value(const type& a) { return unit_of(a); }
};
template <>
struct init_arg<date_expression> {
  using type = std::optional<date_arg>;
  static py::object fallback() { return py::none(); }
  static date_expression value(const type& a) { return a ? expression_of(*a) : date_expression(); }
};
template <>
struct init_arg<dated_value> {
  using type = std::optional<dated_value_view>;
  static py::object fallback() { return py::none(); }
  static dated_value value(const type& a) { return a ? a->value.get() : dated_value{}; }
};
template <described S>
struct init_arg<S> {
  using type = std::optional<model_part<S>>;
  static py::object fallback() { return py::none(); }
  static S value(const type& a) { return a ? a->get() : S{}; }
};

// An optional field takes what its value type takes, where None already means "absent" there
// (a date, a dated value, a model part), and keeps None as nullopt rather than a default value.
template <class M>
  requires is_optional_v<typename init_arg<M>::type>
struct init_arg<std::optional<M>> {
  using type = typename init_arg<M>::type;
  static py::object fallback() { return py::none(); }
  static std::optional<M> value(const type& a) {
    if (!a) return std::nullopt;
    return init_arg<M>::value(a);
  }
};

template <described T, std::size_t I>
using member_at = typename std::remove_cvref_t<decltype(std::get<I>(description<T>::fields))>::member_type;

// --- Properties ------------------------------------------------------------------------------

template <described T, class F>
void bind_field(py::class_<model_part<T>>& cls, const F& f) {
  using M = typename F::member_type;
  const char* name = f.code_name.data();
  const char* doc = f.doc.data();
  const auto member = f.member;
  if constexpr (is_plain_v<M>) {
    value_field(cls, name, member, doc);
  } else if constexpr (described_enum<M>) {
    enum_field(cls, name, member, doc);
  } else if constexpr (is_vector_v<M>) {
    list_field(cls, name, member, doc);
  } else if constexpr (std::is_same_v<M, unit>) {
    cls.def_property(
        name, [member](const model_part<T>& n) { return part(n, member); },
        [member](const model_part<T>& n, const unit_arg& u) { n.get().*member = unit_of(u); }, doc);
  } else if constexpr (std::is_same_v<M, date_expression> || std::is_same_v<M, std::optional<date_expression>>) {
    cls.def_property(
        name, [member](const model_part<T>& n) { return n.get().*member; },
        [member](const model_part<T>& n, const typename init_arg<M>::type& when) {
          n.get().*member = init_arg<M>::value(when);
        },
        doc);
  } else if constexpr (std::is_same_v<M, dated_value>) {
    cls.def_property(
        name, [member](const model_part<T>& n) { return dated_value_view::part_of(n, member); },
        [member](const model_part<T>& n, const dated_value_view& v) {
          dated_value copy = v.value.get();
          n.get().*member = std::move(copy);
        },
        doc);
  } else if constexpr (std::is_same_v<M, std::optional<dated_value>>) {  // None, or a DatedValue
    cls.def_property(
        name,
        [member](const model_part<T>& n) -> py::object {
          if (!(n.get().*member)) return py::none();
          return py::cast(dated_value_view{
              model_part<dated_value>(
                  n, [member](T& t) { return t.*member ? &*(t.*member) : nullptr; }, names<dated_value>::python),
              std::nullopt, std::nullopt});
        },
        [member](const model_part<T>& n, const std::optional<dated_value_view>& v) {
          if (v) {
            dated_value copy = v->value.get();
            n.get().*member = std::move(copy);
          } else {
            (n.get().*member).reset();
          }
        },
        doc);
  } else if constexpr (is_optional_v<M>) {  // an optional model part: None, or a part
    using S = typename M::value_type;
    cls.def_property(
        name,
        [member](const model_part<T>& n) -> py::object {
          if (!(n.get().*member)) return py::none();
          return py::cast(model_part<S>(
              n, [member](T& t) { return t.*member ? &*(t.*member) : nullptr; }, names<S>::python));
        },
        [member](const model_part<T>& n, const std::optional<model_part<S>>& v) {
          if (v) {
            S copy = v->get();
            n.get().*member = std::move(copy);
          } else {
            (n.get().*member).reset();
          }
        },
        doc);
  } else {
    static_assert(described<M>, "a field Python can see");
    part_field(cls, name, member, doc);
  }
}

// --- __init__ and repr ------------------------------------------------------------------------

template <described T, std::size_t... I>
void bind_init(py::class_<model_part<T>>& cls, std::index_sequence<I...>) {
  constexpr auto& fields = description<T>::fields;
  cls.def(py::init([](const typename init_arg<member_at<T, I>>::type&... args) {
            T value{};
            ((value.*std::get<I>(fields).member = init_arg<member_at<T, I>>::value(args)), ...);
            return model_part<T>(std::move(value));
          }),
          (py::arg(std::get<I>(fields).code_name.data()) = init_arg<member_at<T, I>>::fallback())...,
          "Every field by position or keyword, in the order of the description; those left out keep their "
          "defaults.");
}

inline std::string python_repr(py::handle h) { return py::repr(h).cast<std::string>(); }

// <miyagiplan.Measure '1-1' '防災対策の推進': 1 indicator> for a type whose description names
// `brief` fields; miyagiplan.PolicyPart('(1)', 'text') — what evaluates back — for a small value.
template <described T>
std::string described_repr(const T& v) {
  using d = description<T>;
  std::string out;
  if constexpr (requires { d::brief; }) {
    out = "<" + std::string(package_name) + "." + std::string(d::python);
    for_each_field<T>([&](const auto& f) {
      for (std::string_view b : d::brief)
        if (b == f.name) out += " " + python_repr(py::cast(v.*f.member));
    });
    if constexpr (requires { d::counted; }) {
      for_each_field<T>([&](const auto& f) {
        if constexpr (is_vector_v<typename std::remove_cvref_t<decltype(f)>::member_type>) {
          if (f.name != d::counted) return;
          const std::size_t n = (v.*f.member).size();
          const std::string_view many = d::counted;
          out += ": " + std::to_string(n) + " " + std::string(n == 1 ? many.substr(0, many.size() - 1) : many);
        }
      });
    }
    if constexpr (requires { d::listed; }) {
      for_each_field<T>([&](const auto& f) {
        if (f.name == d::listed) out += ": " + std::string(f.name) + " " + python_repr(py::cast(v.*f.member));
      });
    }
    return out + ">";
  } else {
    // Positional while no field is left out; keywords after a field left at its default.
    const T fallback{};
    std::string args;
    bool keywords = false;
    for_each_field<T>([&](const auto& f) {
      if (v.*f.member == fallback.*f.member) {
        keywords = true;
        return;
      }
      args += (args.empty() ? "" : ", ") + (keywords ? std::string(f.code_name) + "=" : std::string()) +
              python_repr(py::cast(v.*f.member));
    });
    return std::string(package_name) + "." + std::string(d::python) + "(" + args + ")";
  }
}

// Everything a described model class has in Python; `repr` may replace the described one.
template <described T, class Repr = std::string (*)(const T&)>
void bind_described(py::class_<model_part<T>>& cls, Repr repr = &described_repr<T>) {
  for_each_field<T>([&](const auto& f) { bind_field(cls, f); });
  bind_init(cls, std::make_index_sequence<field_count<T>>());
  value_methods(cls, repr);
  // Pickled as its JSON text, read back through the JSON reader.
  cls.def(py::pickle([](const model_part<T>& n) { return ordered_json(n.get()).dump(); },
                     [](const std::string& text) { return model_part<T>(parse_json(text).get<T>()); }));
}

}  // namespace binding
}  // namespace miyagiplan::python
