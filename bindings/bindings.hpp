// What the bind_*.cpp files share: one function per topic, each adding its names to the
// extension module. module.cpp calls them in order (errors first, so that every later
// binding can raise the library's exceptions; the model before evaluation, whose functions
// take plans and indicators).
#pragma once

#include <pybind11/pybind11.h>

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <functional>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "argument_casters.hpp"  // strict str and float arguments, in every bind_*.cpp
#include "date_caster.hpp"  // sys_days <-> datetime.date, in every bind_*.cpp
#include "miyagiplan/calendar.hpp"
#include "miyagiplan/error.hpp"
#include "miyagiplan/eval/scheme.hpp"
#include "miyagiplan/model/plan.hpp"

namespace miyagiplan::python {

namespace py = pybind11;

// The public package. Every class, enum and exception sets __module__ to it, so that reprs,
// signatures, pickles and help() name miyagiplan.FiscalYear rather than miyagiplan._core.
inline constexpr const char* package_name = "miyagiplan";

void bind_errors(py::module_& m);
void bind_calendar(py::module_& m);
void bind_model(py::module_& m);  // after bind_calendar: dates in the model are DateExpressions
void bind_eval(py::module_& m);   // after bind_model: adds Plan.evaluate and Plan.observation
void bind_vector(py::module_& m);  // column-at-a-time calendar functions for numpy and pandas
void bind_scalar(py::module_& m);  // one-value fast paths of the calendar functions (C API)

// A model value as Python holds it (the Python class of a plan part is bound to model_part<part>).
//
// A model_part either owns its value (made in Python, or a copy), or is a part of another one's
// value: plan.indicator("4-4-1") is "indicator 1 of measure 4 of area 4" of that plan, found
// by its path. A part keeps its root alive (the shared_ptr) and finds itself again at every use by
// the steps that led to it, never through a stored pointer: edits through it reach the root,
// and an edit of the root that reallocates its vectors (every Plan.add_*, which replaces the
// plan with a checked copy) cannot leave it dangling. A part whose place is gone (a shorter
// list) raises miyagiplan.Error on use.
//
// Model parts are used with the GIL held; whole-plan work that releases the GIL copies the value
// first.
template <class T>
class model_part {
 public:
  model_part() : model_part(T{}) {}
  explicit model_part(T value) {
    auto owned = std::make_shared<T>(std::move(value));
    T* raw = owned.get();
    root_ = std::move(owned);
    locate_ = [raw]() noexcept -> T* { return raw; };
  }
  // A part of `parent`: `step(parent_value)` is a pointer to it, or nullptr once it is gone.
  // `what` names it in that error ("Indicator").
  template <class Parent, class Step>
  model_part(const model_part<Parent>& parent, Step step, const char* what)
      : root_(parent.root()),
        locate_([parent, step]() -> T* {
          Parent* p = parent.find();
          return p ? step(*p) : nullptr;
        }),
        what_(what) {}

  // The value, or nullptr when the part's place is gone.
  T* find() const { return locate_(); }
  T& get() const {
    if (T* p = locate_()) return *p;
    throw error(std::string("this ") + what_ +
                " is no longer part of its plan (or scheme): its place there has been removed");
  }
  const std::shared_ptr<void>& root() const noexcept { return root_; }

 private:
  std::shared_ptr<void> root_;
  std::function<T*()> locate_;
  const char* what_ = nullptr;
};

// ---------------------------------------------------------------------------------------------
// What the model and attainment bindings share. In a namespace of its own, so that nothing here
// meets the file-local helpers of bind_calendar.cpp in unqualified lookup.
namespace binding {

// Python's repr of a text or a number, for reprs that evaluate back.
inline std::string repr_of(std::string_view text) {
  return py::repr(py::str(std::string(text))).cast<std::string>();
}
inline std::string repr_of(double value) { return py::repr(py::float_(value)).cast<std::string>(); }

inline std::string type_name_of(py::handle h) {
  return py::str(py::type::handle_of(h).attr("__name__")).cast<std::string>();
}

// "miyagiplan.Formula.BASELINE_RELATIVE": an enum member as Python code names it.
inline std::string member_repr(py::handle member) {
  return std::string(package_name) + "." + type_name_of(member) + "." + member.attr("name").cast<std::string>();
}

template <class Class>
void in_package(Class& cls) {
  cls.attr("__module__") = package_name;
}

// An argument that takes an enum member or its name: direction=Direction.DECREASE or
// direction="decrease".
template <class Enum>
using member_or_name = std::variant<Enum, std::string>;

template <class Enum, class FromString>
Enum member(const member_or_name<Enum>& v, FromString from_string) {
  if (const Enum* e = std::get_if<Enum>(&v)) return *e;
  return from_string(std::get<std::string>(v));
}

template <described_enum Enum>
Enum member(const member_or_name<Enum>& v) {
  return member(v, [](std::string_view name) { return enum_from_string<Enum>(name); });
}

// str(member) is the C++ name; replaces pybind11's __str__ outright.
template <class Enum, class Name>
void set_enum_str(py::enum_<Enum>& cls, Name name) {
  cls.attr("__str__") = py::cpp_function(
      [name](Enum e) { return std::string(name(e)); }, py::name("__str__"), py::is_method(cls),
      "The member's name as the C++ library spells it; from_string reads it back.");
}

// str(member) is the C++ name, and Enum.from_string(name) reads it back.
template <class Enum, class ToString, class FromString>
void name_enum(py::enum_<Enum>& cls, ToString to_string, FromString from_string, const char* from_string_doc) {
  set_enum_str(cls, to_string);
  cls.def_static(
      "from_string", [from_string](std::string_view name) { return from_string(name); }, py::arg("name"),
      from_string_doc);
}

// The Python names of the model's parts and of the live lists that hold them.
template <class T>
struct names;
#define MIYAGIPLAN_PYTHON_NAMES(T, NAME, LIST) \
  template <>                                   \
  struct names<T> {                             \
    static constexpr const char* python = NAME; \
    static constexpr const char* list = LIST;   \
  };
MIYAGIPLAN_PYTHON_NAMES(std::string, "str", "StringList")
MIYAGIPLAN_PYTHON_NAMES(miyagiplan::unit, "Unit", "")
MIYAGIPLAN_PYTHON_NAMES(miyagiplan::quantity, "Quantity", "")
MIYAGIPLAN_PYTHON_NAMES(miyagiplan::bounds, "Bounds", "")
MIYAGIPLAN_PYTHON_NAMES(miyagiplan::dated_value, "DatedValue", "")
MIYAGIPLAN_PYTHON_NAMES(miyagiplan::milestone, "Milestone", "MilestoneList")
MIYAGIPLAN_PYTHON_NAMES(miyagiplan::revision, "Revision", "RevisionList")
MIYAGIPLAN_PYTHON_NAMES(miyagiplan::indicator, "Indicator", "IndicatorList")
MIYAGIPLAN_PYTHON_NAMES(miyagiplan::initiative_item, "InitiativeItem", "InitiativeItemList")
MIYAGIPLAN_PYTHON_NAMES(miyagiplan::initiative, "Initiative", "InitiativeList")
MIYAGIPLAN_PYTHON_NAMES(miyagiplan::policy_part, "PolicyPart", "PolicyPartList")
MIYAGIPLAN_PYTHON_NAMES(miyagiplan::measure, "Measure", "MeasureList")
MIYAGIPLAN_PYTHON_NAMES(miyagiplan::area, "Area", "AreaList")
MIYAGIPLAN_PYTHON_NAMES(miyagiplan::goal, "Goal", "GoalList")
MIYAGIPLAN_PYTHON_NAMES(miyagiplan::section, "Section", "SectionList")
MIYAGIPLAN_PYTHON_NAMES(miyagiplan::promotion, "Promotion", "")
MIYAGIPLAN_PYTHON_NAMES(miyagiplan::strategy, "Strategy", "StrategyList")
MIYAGIPLAN_PYTHON_NAMES(miyagiplan::plan, "Plan", "")
MIYAGIPLAN_PYTHON_NAMES(miyagiplan::grade_band, "GradeBand", "GradeBandList")
MIYAGIPLAN_PYTHON_NAMES(miyagiplan::rollup_level, "RollupLevel", "RollupLevelList")
MIYAGIPLAN_PYTHON_NAMES(miyagiplan::scheme, "Scheme", "")
#undef MIYAGIPLAN_PYTHON_NAMES

template <class T>
inline constexpr bool is_text = std::is_same_v<T, std::string>;

// The part `field` of a model part's value.
template <class T, class F>
model_part<F> part(const model_part<T>& parent, F T::*field) {
  return model_part<F>(
      parent, [field](T& t) { return &(t.*field); }, names<F>::python);
}

// Element i of the vector `field` of a model part's value.
template <class T, class E>
model_part<E> element(const model_part<T>& parent, std::vector<E> T::*field, std::size_t i) {
  return model_part<E>(
      parent,
      [field, i](T& t) -> E* {
        std::vector<E>& v = t.*field;
        return i < v.size() ? &v[i] : nullptr;
      },
      names<E>::python);
}

// --- Arguments Python gives in more than one form ---------------------------------------------

// A date: a DateExpression, a datetime.date (a day) or a text parse_date reads.
using date_arg = std::variant<date_expression, sys_days, std::string>;

inline date_expression expression_of(const date_arg& a) {
  if (const auto* e = std::get_if<date_expression>(&a)) return *e;
  if (const auto* d = std::get_if<sys_days>(&a)) return parse_date(format_date(*d, date_style::iso));
  return parse_date(std::get<std::string>(a));
}

// A baseline or target as Python sees it: the value, and where its unit comes from (the
// indicator it belongs to, or a unit of its own for one made in Python).
struct dated_value_view {
  model_part<dated_value> value;
  std::optional<model_part<indicator>> owner;
  std::optional<unit> own_unit;

  std::optional<unit> unit_now() const {
    if (owner) return owner->get().unit;
    return own_unit;
  }
  // The dated value `field` of a model part; an indicator's values are in its unit.
  template <class T>
  static dated_value_view part_of(const model_part<T>& n, dated_value T::*field) {
    if constexpr (std::is_same_v<T, indicator>) return {part(n, field), n, std::nullopt};
    else return {part(n, field), std::nullopt, std::nullopt};
  }
};

// A unit: a Unit, or its symbol (read by Unit.parse: 百万円 is 10^6 円).
using unit_arg = std::variant<model_part<unit>, std::string>;

inline unit unit_of(const unit_arg& a) {
  if (const auto* n = std::get_if<model_part<unit>>(&a)) return n->get();
  return unit::parse(std::get<std::string>(a));
}

// A number in a unit as written (2,223 for 2,223 百万円), held in base units. Scaled in decimal
// by the quantity parser, as a file's text would be, so that 0.07 億円 is exactly 7,000,000 円;
// the text is written anew (2,223百万円).
inline quantity quantity_in(double shown, const unit& u) {
  char buffer[400];
  const auto written = std::to_chars(buffer, buffer + sizeof buffer, shown, std::chars_format::fixed);
  if (written.ec == std::errc()) {
    try {
      quantity q = parse_quantity(std::string_view(buffer, static_cast<std::size_t>(written.ptr - buffer)), u);
      q.text = format_quantity(q.value, u);
      return q;
    } catch (const parse_error&) {
      // more digits than the parser reads: scale in binary
    }
  }
  return quantity::of(shown * u.factor(), u);
}

// A value: a Quantity (in base units), a number in the unit as written, or a text in it
// (2,223; 2,223 百万円; 全所属).
using value_arg = std::variant<model_part<quantity>, double, std::string>;

// A text is read by `parse`: parse_quantity for a plan's values, parse_actual for an actual's
// (which may be written in another unit of the same base: 18億7200万円 for 百万円).
inline quantity quantity_of(const value_arg& v, const unit& u,
                            quantity (*parse)(std::string_view, const unit&) = parse_quantity) {
  if (const auto* q = std::get_if<model_part<quantity>>(&v)) return q->get();
  if (const auto* d = std::get_if<double>(&v)) return quantity_in(*d, u);
  return parse(std::get<std::string>(v), u);
}

// --- Live lists ------------------------------------------------------------------------------
// plan.areas, measure.indicators, indicator.notes: a list view of the vector inside the model,
// so that append, del, [i] = ... change the model (a plain list would be a copy that swallows
// edits silently). Items of model parts are parts too; items of text lists are str.

template <class E>
using list_node = model_part<std::vector<E>>;

template <class E>
E element_from(py::handle h) {
  if constexpr (is_text<E>) {
    if (!py::isinstance<py::str>(h))
      throw py::type_error("expected a str, not " + type_name_of(h));
    return h.cast<std::string>();
  } else {
    if (!py::isinstance<model_part<E>>(h))
      throw py::type_error(std::string("expected a miyagiplan.") + names<E>::python + ", not " +
                           type_name_of(h));
    return h.cast<const model_part<E>&>().get();  // a copy, taken before anything changes
  }
}

// Every item of an iterable (a list, a tuple, another live list), checked before any is kept.
template <class E>
std::vector<E> elements_from(py::handle items) {
  if (py::isinstance<py::str>(items))
    throw py::type_error(std::string("expected an iterable of ") +
                         (is_text<E> ? "str" : names<E>::python) + ", not a str");
  std::vector<E> out;
  for (py::handle h : py::iter(items)) out.push_back(element_from<E>(h));
  return out;
}

template <class E>
bool element_equals(const E& value, py::handle h) {
  if constexpr (is_text<E>)
    return py::isinstance<py::str>(h) && h.cast<std::string>() == value;
  else
    return py::isinstance<model_part<E>>(h) && h.cast<const model_part<E>&>().get() == value;
}

template <class E>
py::object list_item(const list_node<E>& l, std::size_t i) {
  if constexpr (is_text<E>) {
    return py::str(l.get()[i]);
  } else {
    return py::cast(model_part<E>(
        l,
        [i](std::vector<E>& v) -> E* { return i < v.size() ? &v[i] : nullptr; },
        names<E>::python));
  }
}

// Python's index rules: -1 is the last; IndexError outside.
inline std::size_t list_index(std::size_t size, py::ssize_t i) {
  const auto n = static_cast<py::ssize_t>(size);
  if (i < 0) i += n;
  if (i < 0 || i >= n) throw py::index_error("list index out of range");
  return static_cast<std::size_t>(i);
}

template <class E>
py::list list_items(const list_node<E>& l) {
  py::list out;
  const std::size_t n = l.get().size();
  for (std::size_t i = 0; i < n; ++i) out.append(list_item(l, i));
  return out;
}

template <class E>
void bind_list(py::module_& m) {
  using L = list_node<E>;
  const std::string item = is_text<E> ? "str" : std::string(names<E>::python);
  const std::string doc = "A live list of " + item + R"doc(, inside the object it was taken from.

Reading, assigning, appending, inserting and deleting change that object; iteration sees
the items as they are when it starts. Items of model parts are themselves parts, found by
their position: after an insertion or deletion before them, an item taken earlier refers to
whatever is at its position now. Compares equal to a list or tuple of equal items.)doc";
  py::class_<L> cls(m, names<E>::list, doc.c_str());
  in_package(cls);
  cls.def(
         "__len__", [](const L& l) { return l.get().size(); }, "The number of items.")
      .def(
          "__getitem__",
          [](const L& l, py::ssize_t i) { return list_item(l, list_index(l.get().size(), i)); },
          py::arg("index"), "The item at ``index`` (negative counts from the end).")
      .def(
          "__getitem__",
          [](const L& l, const py::slice& s) {
            std::size_t start = 0, stop = 0, step = 0, count = 0;
            if (!s.compute(l.get().size(), &start, &stop, &step, &count))
              throw py::error_already_set();
            py::list out;
            for (std::size_t k = 0; k < count; ++k) out.append(list_item(l, start + k * step));
            return out;
          },
          py::arg("slice"), "The items of a slice, as a plain list.")
      .def(
          "__setitem__",
          [](const L& l, py::ssize_t i, py::handle value) {
            E v = element_from<E>(value);
            std::vector<E>& items = l.get();
            items[list_index(items.size(), i)] = std::move(v);
          },
          py::arg("index"), py::arg("value"), "Replaces the item at ``index`` with a copy of ``value``.")
      .def(
          "__delitem__",
          [](const L& l, py::ssize_t i) {
            std::vector<E>& items = l.get();
            items.erase(items.begin() + static_cast<std::ptrdiff_t>(list_index(items.size(), i)));
          },
          py::arg("index"), "Removes the item at ``index``.")
      .def(
          "__iter__", [](const L& l) { return py::iter(list_items(l)); },
          "Iterates over the items as they are now.")
      .def(
          "__contains__",
          [](const L& l, py::handle value) {
            for (const E& e : l.get())
              if (element_equals(e, value)) return true;
            return false;
          },
          py::arg("value"), "Whether an item equals ``value``.")
      .def(
          "__eq__",
          [](const L& l, py::handle other) -> py::object {
            if (!py::isinstance<L>(other) && !py::isinstance<py::list>(other) &&
                !py::isinstance<py::tuple>(other))
              return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            const py::list theirs =
                py::isinstance<L>(other)
                    ? list_items(other.template cast<const L&>())
                    : py::list(py::reinterpret_borrow<py::object>(other));
            const std::vector<E>& mine = l.get();
            if (theirs.size() != mine.size()) return py::bool_(false);
            for (std::size_t k = 0; k < mine.size(); ++k)
              if (!element_equals(mine[k], theirs[k])) return py::bool_(false);
            return py::bool_(true);
          },
          py::arg("other"), "Equal items, in the same order, as another list, tuple or live list.")
      .def(
          "__repr__", [](const L& l) { return py::repr(list_items(l)).template cast<std::string>(); },
          "The items, as a list shows them.")
      .def(
          "append", [](const L& l, py::handle value) { l.get().push_back(element_from<E>(value)); },
          py::arg("value"), "Adds a copy of ``value`` at the end.")
      .def(
          "insert",
          [](const L& l, py::ssize_t i, py::handle value) {
            E v = element_from<E>(value);
            std::vector<E>& items = l.get();
            const auto n = static_cast<py::ssize_t>(items.size());
            if (i < 0) i = std::max<py::ssize_t>(0, i + n);
            items.insert(items.begin() + std::min(i, n), std::move(v));
          },
          py::arg("index"), py::arg("value"),
          "Inserts a copy of ``value`` before ``index``, as list.insert does.")
      .def(
          "extend",
          [](const L& l, py::handle values) {
            std::vector<E> more = elements_from<E>(values);
            std::vector<E>& items = l.get();
            items.insert(items.end(), std::make_move_iterator(more.begin()),
                         std::make_move_iterator(more.end()));
          },
          py::arg("values"), "Adds copies of every item of an iterable at the end.")
      .def(
          "pop",
          [](const L& l, py::ssize_t i) -> py::object {
            std::vector<E>& items = l.get();
            const std::size_t k = list_index(items.size(), i);
            E removed = std::move(items[k]);
            items.erase(items.begin() + static_cast<std::ptrdiff_t>(k));
            if constexpr (is_text<E>)
              return py::str(removed);
            else
              return py::cast(model_part<E>(std::move(removed)));
          },
          py::arg("index") = -1, "Removes the item at ``index`` and returns it (as a value of its own).")
      .def(
          "clear", [](const L& l) { l.get().clear(); }, "Removes every item.")
      .def(
          "index",
          [](const L& l, py::handle value) {
            const std::vector<E>& items = l.get();
            for (std::size_t k = 0; k < items.size(); ++k)
              if (element_equals(items[k], value)) return k;
            throw py::value_error("the value is not in the list");
          },
          py::arg("value"), "The position of the first item equal to ``value``; ValueError if none.")
      .def(
          "count",
          [](const L& l, py::handle value) {
            std::size_t n = 0;
            for (const E& e : l.get())
              if (element_equals(e, value)) ++n;
            return n;
          },
          py::arg("value"), "The number of items equal to ``value``.")
      .def(
          "copy", [](const L& l) { return list_items(l); },
          "The items now, as a plain list (of parts still inside the object).");
  cls.attr("__hash__") = py::none();
}

// --- Fields of a model class --------------------------------------------------------------------

// A field Python reads and writes as a plain value (str, int, float, bool, Optional[str]).
template <class T, class F>
void value_field(py::class_<model_part<T>>& cls, const char* name, F T::*field, const char* doc) {
  cls.def_property(
      name, [field](const model_part<T>& n) -> F { return n.get().*field; },
      [field](const model_part<T>& n, F v) { n.get().*field = std::move(v); }, doc);
}

// A field that is an enum; it is set from a member or its name.
template <class T, described_enum Enum>
void enum_field(py::class_<model_part<T>>& cls, const char* name, Enum T::*field, const char* doc) {
  cls.def_property(
      name, [field](const model_part<T>& n) -> Enum { return n.get().*field; },
      [field](const model_part<T>& n, const member_or_name<Enum>& v) { n.get().*field = member(v); }, doc);
}

// A field that is a model part: read as a part (edits reach the owner), set from a copy.
template <class T, class F>
void part_field(py::class_<model_part<T>>& cls, const char* name, F T::*field, const char* doc) {
  cls.def_property(
      name, [field](const model_part<T>& n) { return part(n, field); },
      [field](const model_part<T>& n, const model_part<F>& v) {
        F copy = v.get();
        n.get().*field = std::move(copy);
      },
      doc);
}

// A vector field: read as a live list, set from any iterable of items.
template <class T, class E>
void list_field(py::class_<model_part<T>>& cls, const char* name, std::vector<E> T::*field,
                const char* doc) {
  cls.def_property(
      name,
      [field](const model_part<T>& n) {
        return list_node<E>(
            n, [field](T& t) { return &(t.*field); }, names<E>::list);
      },
      [field](const model_part<T>& n, py::handle items) {
        std::vector<E> v = elements_from<E>(items);
        n.get().*field = std::move(v);
      },
      doc);
}

// ==, copies and a repr, for every model class. Model values are mutable: no hash.
template <class T, class Repr>
void value_methods(py::class_<model_part<T>>& cls, Repr repr) {
  cls.def(
         "__eq__", [](const model_part<T>& a, const model_part<T>& b) { return a.get() == b.get(); },
         py::is_operator(), "Equal values: every field the same.")
      .def(
          "copy", [](const model_part<T>& n) { return model_part<T>(n.get()); },
          "A copy of its own: a value that is no part of anything, to change freely.")
      .def(
          "__copy__", [](const model_part<T>& n) { return model_part<T>(n.get()); },
          "A copy of its own (model values copy deeply: they hold no shared parts).")
      .def(
          "__deepcopy__", [](const model_part<T>& n, const py::dict&) { return model_part<T>(n.get()); },
          py::arg("memo"), "A copy of its own.")
      .def(
          "__repr__", [repr](const model_part<T>& n) { return repr(n.get()); }, "The value in brief.");
  cls.attr("__hash__") = py::none();
}

// Pickling as the tuple of the given members, in order; unpickling sets them on a fresh value.
// For the small values whose file form needs a context (a quantity's text is read in its unit).
template <class T, class... M>
void pickle_members(py::class_<model_part<T>>& cls, M T::*... members) {
  cls.def(py::pickle([members...](const model_part<T>& n) { return py::make_tuple(n.get().*members...); },
                     [members...](const py::tuple& t) {
                       T v{};
                       std::size_t i = 0;
                       ((v.*members = t[i++].template cast<M>()), ...);
                       return model_part<T>(std::move(v));
                     }));
}

}  // namespace binding

}  // namespace miyagiplan::python
