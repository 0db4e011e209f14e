// The plan model in Python: units and quantities, indicators with their baselines and targets,
// measures, areas, goals and the whole plan, with its files.
//
// Every model class is bound to model_part<T> (bindings.hpp): what a plan hands out is a part of it,
// found again by its place at every use, so that plan.indicator("1-1-1").name = "x" changes
// the plan, the part keeps the plan alive, and no edit of the plan can leave it dangling.
// Lists inside the model are live lists (IndicatorList, ...). copy() and the copy module give
// values of their own.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

#include "bind_described.hpp"
#include "miyagiplan/io/files.hpp"
#include "miyagiplan/io/json.hpp"
#include "miyagiplan/io/workbook.hpp"
#include "miyagiplan/model.hpp"
#include "miyagiplan/plans/miyagi_it_2013.hpp"

namespace miyagiplan::python {
namespace {

using namespace pybind11::literals;
using binding::date_arg;
using binding::dated_value_view;
using binding::list_field;
using binding::member_or_name;
using binding::member_repr;
using binding::part_field;
using binding::repr_of;
using binding::unit_arg;
using binding::value_arg;
using binding::value_field;

template <class Enum>
std::string enum_repr(Enum e) {
  return member_repr(py::cast(e));
}

std::string object_repr(py::handle h) { return py::repr(h).cast<std::string>(); }

std::string unit_repr(const unit& u) {
  if (unit::parse(u.symbol) == u)
    return std::string(package_name) + ".Unit(" + repr_of(u.symbol) + ")";
  return std::string(package_name) + ".Unit(" + repr_of(u.symbol) + ", base=" + repr_of(u.base) +
         ", scale=" + std::to_string(u.scale) + ")";
}

std::string quantity_repr(const quantity& q) {
  std::string r = std::string(package_name) + ".Quantity(" + enum_repr(q.state) + ", " +
                  repr_of(q.value) + ", " + repr_of(q.text);
  if (q.note_mark) r += ", note_mark=True";
  return r + ")";
}

std::string dated_repr(const dated_value& v, const std::optional<unit>& own_unit) {
  std::string r = std::string(package_name) + ".DatedValue(" + object_repr(py::cast(v.when)) +
                  ", " + quantity_repr(v.value);
  if (own_unit) r += ", unit=" + unit_repr(*own_unit);
  return r + ")";
}

std::string count_of(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// --- The walk of a plan, as parts ------------------------------------------------------------

void collect_measures(const model_part<measure>& m, std::vector<model_part<measure>>& out) {
  out.push_back(m);
  const std::size_t n = m.get().sub_measures.size();
  for (std::size_t i = 0; i < n; ++i)
    collect_measures(binding::element(m, &measure::sub_measures, i), out);
}

// Every measure in document order, sub-measures after their parent (plan::measures()).
std::vector<model_part<measure>> measures_of(const model_part<plan>& p) {
  std::vector<model_part<measure>> out;
  const std::size_t areas = p.get().areas.size();
  for (std::size_t a = 0; a < areas; ++a) {
    const model_part<area> an = binding::element(p, &plan::areas, a);
    const std::size_t n = an.get().measures.size();
    for (std::size_t i = 0; i < n; ++i) collect_measures(binding::element(an, &area::measures, i), out);
  }
  return out;
}

std::vector<model_part<indicator>> indicators_of(const model_part<plan>& p) {
  std::vector<model_part<indicator>> out;
  for (const model_part<measure>& m : measures_of(p)) {
    const std::size_t n = m.get().indicators.size();
    for (std::size_t k = 0; k < n; ++k) out.push_back(binding::element(m, &measure::indicators, k));
  }
  return out;
}

model_part<indicator> indicator_part(const model_part<plan>& p, const std::string& id) {
  for (const model_part<measure>& m : measures_of(p)) {
    const auto& inds = m.get().indicators;
    for (std::size_t k = 0; k < inds.size(); ++k)
      if (inds[k].id == id) return binding::element(m, &measure::indicators, k);
  }
  p.get().indicator_at(id);  // throws not_found_error, with the library's message
  throw not_found_error("no indicator with id \"" + id + "\"");
}

model_part<measure> measure_part(const model_part<plan>& p, const std::string& id) {
  for (const model_part<measure>& m : measures_of(p))
    if (m.get().id == id) return m;
  p.get().measure_at(id);
  throw not_found_error("no measure with id \"" + id + "\"");
}

model_part<area> area_part(const model_part<plan>& p, const std::string& id) {
  const auto& areas = p.get().areas;
  for (std::size_t a = 0; a < areas.size(); ++a)
    if (areas[a].id == id) return binding::element(p, &plan::areas, a);
  p.get().area_at(id);
  throw not_found_error("no area with id \"" + id + "\"");
}

// plan.add_measure, add_initiative and add_indicator: the library adds a copy, checked first (all
// or nothing); Python gets the new element back as a live part of its parent.
template <class Parent, class Child, void (plan::*add)(std::string_view, Child),
          model_part<Parent> (*parent_of)(const model_part<plan>&, const std::string&),
          std::vector<Child> Parent::*children>
model_part<Child> add_child(const model_part<plan>& p, const std::string& parent_id, const model_part<Child>& x) {
  (p.get().*add)(parent_id, x.get());
  const model_part<Parent> parent = parent_of(p, parent_id);
  return binding::element(parent, children, (parent.get().*children).size() - 1);
}

template <class T>
model_part<T> by_id(const model_part<plan>& p, std::vector<T> plan::*field, const std::string& id,
              const char* kind) {
  const auto& items = p.get().*field;
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].id == id) return binding::element(p, field, i);
  throw not_found_error("no " + std::string(kind) + " with id \"" + id + "\"");
}

// --- Milestone and Revision --------------------------------------------------------------

std::string milestone_repr(const milestone& m) {
  return "<" + std::string(package_name) + ".Milestone " + repr_of(m.when.text()) + " " + repr_of(m.value.text) + ">";
}

std::string revision_repr(const revision& r) {
  std::string out = "<" + std::string(package_name) + ".Revision " + repr_of(r.when.text());
  if (r.target) out += " target " + repr_of(r.target->value.text) + " (" + r.target->when.text() + ")";
  if (r.baseline) out += " baseline " + repr_of(r.baseline->value.text) + " (" + r.baseline->when.text() + ")";
  if (!r.reason.empty()) out += ": " + repr_of(r.reason);
  return out + ">";
}

// --- DatedValue ----------------------------------------------------------------------------

dated_value_view own_dated(dated_value v, std::optional<unit> u) {
  return dated_value_view{model_part<dated_value>(std::move(v)), std::nullopt, std::move(u)};
}

// 2,223百万円 for a number (in its unit, when known), 全所属 for a state.
std::string display_of(const dated_value_view& r) {
  const quantity& q = r.value.get().value;
  if (!q.is_number()) return quantity::of_state(q.state).text;
  if (const auto u = r.unit_now()) return format_quantity(q.value, *u);
  return q.text;
}

void bind_dated_value(py::class_<dated_value_view>& cls) {
  cls.def(py::init([](const date_arg& when, const value_arg& value,
                      const std::optional<unit_arg>& u) {
            std::optional<unit> own;
            if (u) own = binding::unit_of(*u);
            if (!own && !std::holds_alternative<model_part<quantity>>(value))
              throw py::type_error(
                  "a number or text needs its unit: DatedValue(when, 1920, unit=\"百万円\"), "
                  "or give a Quantity");
            quantity q = binding::quantity_of(value, own ? *own : unit{});
            return own_dated(dated_value{binding::expression_of(when), std::move(q)}, std::move(own));
          }),
          "when"_a, "value"_a, "unit"_a = py::none(),
          R"doc(A value at a date, of its own (not yet part of an indicator).

Args:
    when: a DateExpression, a datetime.date or a text parse_date reads (平成25年度末).
    value: a Quantity (in base units), or, with ``unit``, a number in the unit as written
        (1920 for 1,920 百万円) or a text in it (``"1,920 百万円"``, ``"全所属"``).
    unit: the unit (a Unit or its symbol), for reading ``value`` and for ``display`` and
        ``display_value``; an indicator's baseline and target use the indicator's unit.

Indicator.dated_value(when, value) makes one from a number in the indicator's unit.)doc")
      .def_property(
          "when", [](const dated_value_view& r) { return r.value.get().when; },
          [](const dated_value_view& r, const date_arg& when) {
            r.value.get().when = binding::expression_of(when);
          },
          R"doc(The date, a DateExpression (set from one, a datetime.date or a text).)doc")
      .def_property_readonly(
          "period", [](const dated_value_view& r) { return r.value.get().when; },
          R"doc(The date as a span of days: the same DateExpression as ``when``, whose
``first`` and ``last`` are the first and last day (2009-04-01 … 2010-03-31 for 平成21年度).)doc")
      .def_property_readonly(
          "date_text", [](const dated_value_view& r) { return r.value.get().when.text(); },
          "The date's text as the document writes it: 平成 21 年度.")
      .def_property(
          "quantity", [](const dated_value_view& r) { return binding::part(r.value, &dated_value::value); },
          [](const dated_value_view& r, const model_part<quantity>& q) {
            quantity copy = q.get();
            r.value.get().value = std::move(copy);
          },
          R"doc(The value as a Quantity (a part: edits reach the indicator).)doc")
      .def_property_readonly(
          "value",
          [](const dated_value_view& r) -> std::optional<double> {
            const quantity& q = r.value.get().value;
            if (!q.is_number()) return std::nullopt;
            return q.value;
          },
          R"doc(The number in base units (2223000000.0 for 2,223 百万円), or None for a state
(全所属, 実施なし, －).)doc")
      .def_property_readonly(
          "display_value",
          [](const dated_value_view& r) -> std::optional<double> {
            const quantity& q = r.value.get().value;
            const auto u = r.unit_now();
            if (!q.is_number() || !u) return std::nullopt;
            return q.display_value(*u);
          },
          R"doc(The number in the unit as written (2223.0 for 2,223 百万円), or None for a state
or when the unit is unknown.)doc")
      .def_property_readonly(
          "state", [](const dated_value_view& r) { return r.value.get().value.state; },
          "The ValueState: NUMBER, or the state the value is.")
      .def_property_readonly(
          "is_number", [](const dated_value_view& r) { return r.value.get().value.is_number(); },
          "Whether the value is a number (rather than a state).")
      .def_property_readonly(
          "text", [](const dated_value_view& r) { return r.value.get().value.text; },
          "The value's text as the document writes it: 2,223 百万円.")
      .def_property_readonly("display", &display_of,
                             R"doc(The value written as plans write it: 2,223百万円, 58.8％; the
state's text (全所属, 実施なし, －) for a state.)doc")
      .def_property_readonly(
          "estimate", [](const dated_value_view& r) { return r.value.get().estimate(); },
          "Whether the date is marked （見込）: the value is an estimate.")
      .def_property_readonly(
          "unit",
          [](const dated_value_view& r) -> py::object {
            if (r.owner) return py::cast(binding::part(*r.owner, &indicator::unit));
            if (r.own_unit) return py::cast(model_part<unit>(*r.own_unit));
            return py::none();
          },
          "The unit of the value: its indicator's Unit, its own, or None.")
      .def(
          "copy",
          [](const dated_value_view& r) { return own_dated(r.value.get(), r.unit_now()); },
          "A copy of its own, keeping the unit.")
      .def(
          "__copy__",
          [](const dated_value_view& r) { return own_dated(r.value.get(), r.unit_now()); },
          "A copy of its own, keeping the unit.")
      .def(
          "__deepcopy__",
          [](const dated_value_view& r, const py::dict&) {
            return own_dated(r.value.get(), r.unit_now());
          },
          "memo"_a, "A copy of its own, keeping the unit.")
      .def(
          "__eq__", [](const dated_value_view& a, const dated_value_view& b) { return a.value.get() == b.value.get(); },
          py::is_operator(), "The same date and value (units are not compared).")
      .def(
          "__repr__",
          [](const dated_value_view& r) {
            return dated_repr(r.value.get(), r.owner ? std::nullopt : r.own_unit);
          },
          "miyagiplan.DatedValue(miyagiplan.parse_date('平成21年度'), miyagiplan.Quantity(...))")
      .def(py::pickle(
          [](const dated_value_view& r) {
            const auto u = r.unit_now();
            return py::make_tuple(r.value.get().when, model_part<quantity>(r.value.get().value),
                                  u ? py::cast(model_part<unit>(*u)) : py::none());
          },
          [](const py::tuple& t) {
            std::optional<unit> u;
            if (!t[2].is_none()) u = t[2].cast<const model_part<unit>&>().get();
            return own_dated(dated_value{t[0].cast<date_expression>(),
                                         t[1].cast<const model_part<quantity>&>().get()},
                             std::move(u));
          }));
  cls.attr("__hash__") = py::none();
}

}  // namespace

void bind_model(py::module_& m) {
  // Every type first, so that the signatures below name them.
  binding::bind_enum<value_state>(m);
  binding::bind_enum<direction>(m);
  binding::bind_enum<accumulation>(m);
  binding::bind_enum<indicator_role>(m);
  binding::bind_enum<file_format>(m);
  py::class_<model_part<unit>> unit_cls(m, "Unit", R"doc(A unit as plans write it, and its scale: 百万円 is 10^6 円.

Values are held in the base unit (円); the symbol keeps the document's scale for display.)doc");
  py::class_<model_part<quantity>> quantity_cls(
      m, "Quantity", R"doc(A value as plans write it: 2,280 件, 58.8％, 2,223 百万円, or a state that is
not a number (全所属, 実施なし, －).

``value`` is in base units (2223000000.0 for 2,223 百万円); ``text`` keeps the document's
text. Make one with Quantity.of (a number in base units), Quantity.of_state, or
parse_quantity (a text in a unit).)doc");
  py::class_<model_part<bounds>> bounds_cls(
      m, "Bounds", R"doc(The range an indicator's values keep to, in its unit as written: (1, 47) for a
rank among 47 prefectures, (0, 100) for a percentage. Unpacks: ``low, high = bounds``.)doc");
  py::class_<dated_value_view> dated_cls(m, "DatedValue", R"doc(A value at a date: an indicator's baseline (現状値) or target (目標値).

``value`` is the number in base units or None for a state; ``quantity`` the Quantity;
``period`` (also ``when``) the DateExpression; ``display`` the value as plans write it
(2,223百万円). A baseline or target taken from an indicator is a part of it.)doc");
  py::class_<model_part<milestone>> milestone_cls(
      m, "Milestone", R"doc(An expected value at a date (期待値): the expected path of an indicator runs through
its milestones, linear between them and from the baseline before the first. Indicator.milestone
reads a value in the indicator's unit.)doc");
  py::class_<model_part<revision>> revision_cls(
      m, "Revision", R"doc(A revision of an indicator decided at a date: a new target and/or a new baseline
(DatedValue, or None), in force from that date, and the reason. Indicator.revision reads values
in the indicator's unit.)doc");
  py::class_<model_part<indicator>> indicator_cls(
      m, "Indicator", R"doc(A target indicator (目標指標): what is measured, in which unit, which way is
better, how it accrues, and its baseline and target.

Taken from a plan it is a part of the plan: setting a field changes the plan. Made in
Python (Indicator(id=..., ...)) it is a value of its own, to add with Plan.add_indicator.)doc");
  py::class_<model_part<initiative_item>> item_cls(
      m, "InitiativeItem", R"doc(A sub-item of an initiative: a label (・ or （１）), a title and the channels it
is offered through (ＨＰ, メルマガ, ブログ, 携帯サイト, 地デジ).)doc");
  py::class_<model_part<initiative>> initiative_cls(
      m, "Initiative", R"doc(A main initiative (主な取組) of a measure: a number, a title and its items.)doc");
  py::class_<model_part<policy_part>> policy_cls(
      m, "PolicyPart", R"doc(A part of a measure's policy (取組方針): a label ((1), or empty when the policy
is one text) and the text.)doc");
  py::class_<model_part<measure>> measure_cls(
      m, "Measure", R"doc(A measure (施策): its id (3-1, 3-1(2) for a sub-measure), number and title,
its policy, initiatives, indicators and sub-measures.)doc");
  py::class_<model_part<area>> area_cls(
      m, "Area", R"doc(A priority area (重点分野): an id (1 … 5), a number, a title and its measures.)doc");
  py::class_<model_part<goal>> goal_cls(
      m, "Goal", R"doc(A basic goal (基本目標): an id (G1), a number, a title and the ids of the areas it
spans.)doc");
  py::class_<model_part<section>> section_cls(
      m, "Section", R"doc(A section of the plan's text: a key (purpose, positioning, period, …), a heading
and its paragraphs.)doc");
  py::class_<model_part<promotion>> promotion_cls(
      m, "Promotion", R"doc(The plan's promotion structure (推進体制): the organisation, its short name and
head, its partners and the paragraphs that describe it.)doc");
  py::class_<model_part<strategy>> strategy_cls(
      m, "Strategy", R"doc(A related national or prefectural strategy, and where it stands in the lineage:
when adopted and revised, the span it covers, its predecessors and successors (strategy ids).)doc");
  py::class_<problem> problem_cls(m, "Problem", R"doc(A rule the plan breaks, and where: Plan.problems() lists them.

``where`` names the part (``indicator 4-4-1 target``), ``what`` the rule.)doc");
  py::class_<model_part<plan>> plan_cls(m, "Plan", R"doc(A plan: its goals, areas, measures, initiatives and indicators, its text sections,
promotion structure and related strategies.

What a plan hands out (plan.areas, plan.indicator("4-4-1"), indicator.baseline, ...) is a
part of it: it keeps the plan alive, and setting its fields changes the plan. A part is
found by its place (area 4, measure 4, indicator 1); the Plan.add_* and set_target edits,
which check the plan first and change nothing when it would break a rule, keep every place.
copy(), copy.copy and copy.deepcopy give independent plans. Pickles as its JSON text.

>>> plan = miyagiplan.miyagi_it_plan_2013()
>>> plan.indicator("4-4-1").baseline.display
'2,223百万円')doc");
  for (py::handle cls : {unit_cls.ptr(), quantity_cls.ptr(), bounds_cls.ptr(),
                         dated_cls.ptr(), milestone_cls.ptr(), revision_cls.ptr(), indicator_cls.ptr(), item_cls.ptr(),
                         initiative_cls.ptr(), policy_cls.ptr(), measure_cls.ptr(),
                         area_cls.ptr(), goal_cls.ptr(), section_cls.ptr(), promotion_cls.ptr(),
                         strategy_cls.ptr(), problem_cls.ptr(), plan_cls.ptr()})
    cls.attr("__module__") = package_name;

  binding::bind_list<std::string>(m);
  binding::bind_list<indicator>(m);
  binding::bind_list<milestone>(m);
  binding::bind_list<revision>(m);
  binding::bind_list<initiative_item>(m);
  binding::bind_list<initiative>(m);
  binding::bind_list<policy_part>(m);
  binding::bind_list<measure>(m);
  binding::bind_list<area>(m);
  binding::bind_list<goal>(m);
  binding::bind_list<section>(m);
  binding::bind_list<strategy>(m);

  // --- Unit ----------------------------------------------------------------------------------

  unit_cls
      .def(py::init([](const std::string& symbol, const std::optional<std::string>& base,
                       const std::optional<int>& scale) {
             if (!base && !scale) return model_part<unit>(unit::parse(symbol));
             return model_part<unit>(unit{symbol, base.value_or(symbol), scale.value_or(0)});
           }),
           "symbol"_a = "", "base"_a = py::none(), "scale"_a = py::none(),
           R"doc(A unit. With the symbol alone, its scale is read as Unit.parse does
(Unit("百万円") is 10^6 円); with ``base`` or ``scale``, the fields are as given (``base``
defaults to the symbol, ``scale`` to 0).)doc")
      .def_static(
          "parse", [](std::string_view symbol) { return model_part<unit>(unit::parse(symbol)); },
          "symbol"_a,
          R"doc(Splits a written unit into scale and base: 億円 → (8, 円), 百万円 → (6, 円),
件 → (0, 件).)doc")
      .def_property_readonly(
          "factor", [](const model_part<unit>& u) { return u.get().factor(); },
          "10 ** scale: how many base units one symbol unit is (1e6 for 百万円).");
  for_each_field<unit>([&](const auto& f) { binding::bind_field(unit_cls, f); });
  binding::value_methods(unit_cls, &unit_repr);
  unit_cls.def("__str__", [](const model_part<unit>& u) { return u.get().symbol; }, "The symbol.");
  binding::pickle_members(unit_cls, &unit::symbol, &unit::base, &unit::scale);

  // --- Quantity ------------------------------------------------------------------------------

  quantity_cls
      .def(py::init([](const member_or_name<value_state>& state, double value,
                       const std::string& text, bool note_mark) {
             return model_part<quantity>(
                 quantity{binding::member(state), value, text, note_mark});
           }),
           "state"_a = value_state::missing, "value"_a = 0.0, "text"_a = "", "note_mark"_a = false,
           R"doc(A quantity with the fields as given (``value`` in base units). The text is kept
as given: Quantity.of writes it from the value, parse_quantity reads it.)doc")
      .def_static(
          "of",
          [](double value, const unit_arg& u) {
            return model_part<quantity>(quantity::of(value, binding::unit_of(u)));
          },
          "value"_a, "unit"_a,
          R"doc(A number in base units, its text written in ``unit`` (a Unit or its symbol):
Quantity.of(2223e6, "百万円").text == "2,223百万円". RangeError for inf or nan.)doc")
      .def_static(
          "of_state",
          [](const member_or_name<value_state>& s) {
            return model_part<quantity>(quantity::of_state(binding::member(s)));
          },
          "state"_a,
          R"doc(A state that is not a number, with its text (全所属, 実施なし, －). RangeError for
NUMBER.)doc")
      .def_static(
          "parse",
          [](std::string_view text, const unit_arg& u) {
            return model_part<quantity>(parse_quantity(text, binding::unit_of(u)));
          },
          "text"_a, "unit"_a, "The same as parse_quantity(text, unit).")
      .def_property_readonly(
          "is_number", [](const model_part<quantity>& q) { return q.get().is_number(); },
          "Whether the quantity is a number (state NUMBER).")
      .def(
          "display_value",
          [](const model_part<quantity>& q, const unit_arg& u) {
            return q.get().display_value(binding::unit_of(u));
          },
          "unit"_a, "The value in ``unit`` as written: 2223.0 for 2,223 百万円 in 百万円.");
  for_each_field<quantity>([&](const auto& f) { binding::bind_field(quantity_cls, f); });
  binding::value_methods(quantity_cls, &quantity_repr);
  quantity_cls.def("__str__", [](const model_part<quantity>& q) { return q.get().text; }, "The text.");
  binding::pickle_members(quantity_cls, &quantity::state, &quantity::value, &quantity::text, &quantity::note_mark);

  m.def(
      "parse_quantity",
      [](std::string_view text, const unit_arg& u) {
        return model_part<quantity>(parse_quantity(text, binding::unit_of(u)));
      },
      "text"_a, "unit"_a,
      R"doc(Reads a quantity in a unit (a Unit or its symbol): digits of either width with ,
separators and a decimal point, an optional unit that must be ``unit`` (％ and % alike), an
optional （※）; or a state (全所属, 実施なし, －).

Raises ParseError, with the character position, for anything else.

>>> miyagiplan.parse_quantity("2,223 百万円", "百万円").value
2223000000.0)doc");
  m.def(
      "format_quantity",
      [](double value, const unit_arg& u) { return format_quantity(value, binding::unit_of(u)); },
      "value"_a, "unit"_a,
      R"doc(Writes a number in base units as plans do, in ``unit`` (a Unit or its symbol):
the shortest text that reads back, with thousands separators.

>>> miyagiplan.format_quantity(2223e6, "百万円")
'2,223百万円')doc");

  // --- Bounds --------------------------------------------------------------------------------

  binding::bind_described(bounds_cls);
  bounds_cls.def(
      "__iter__", [](const model_part<bounds>& b) { return py::iter(py::make_tuple(b.get().min, b.get().max)); },
      "Iterates over min and max: ``tuple(bounds) == (1.0, 47.0)``.");

  bind_dated_value(dated_cls);

  // --- Indicator -----------------------------------------------------------------------------

  binding::bind_described(milestone_cls, &milestone_repr);
  binding::bind_described(revision_cls, &revision_repr);

  binding::bind_described(indicator_cls);
  indicator_cls.def(
      "milestone",
      [](const model_part<indicator>& n, const date_arg& when, const value_arg& value) {
        return model_part<milestone>(
            milestone{binding::expression_of(when), binding::quantity_of(value, n.get().unit)});
      },
      "when"_a, "value"_a,
      R"doc(A Milestone in this indicator's unit, to append to ``milestones``:
``ind.milestones.append(ind.milestone("平成23年度末", 2500))``.)doc");
  indicator_cls.def(
      "revision",
      [](const model_part<indicator>& n, const date_arg& when, const std::optional<py::tuple>& target,
         const std::optional<py::tuple>& baseline, const std::string& reason) {
        const unit u = n.get().unit;
        auto dated = [&](const std::optional<py::tuple>& t) -> std::optional<dated_value> {
          if (!t) return std::nullopt;
          if (t->size() != 2) throw py::value_error("expected a (when, value) pair");
          return dated_value{binding::expression_of((*t)[0].cast<date_arg>()),
                             binding::quantity_of((*t)[1].cast<value_arg>(), u)};
        };
        return model_part<revision>(revision{binding::expression_of(when), dated(target), dated(baseline), reason});
      },
      "when"_a, "target"_a = py::none(), "baseline"_a = py::none(), "reason"_a = "",
      R"doc(A Revision in this indicator's unit, to append to ``revisions``: ``target`` and
``baseline`` are (when, value) pairs or None —
``ind.revision("平成24年6月1日", target=("平成25年度末", 4500), reason="…")``.)doc");
  indicator_cls.def(
      "dated_value",
      [](const model_part<indicator>& n, const date_arg& when, const value_arg& value) {
        const unit u = n.get().unit;
        return own_dated(dated_value{binding::expression_of(when), binding::quantity_of(value, u)}, u);
      },
      "when"_a, "value"_a,
      R"doc(A DatedValue of its own in this indicator's unit, for Plan.set_target.

``value`` is a number in the unit as written (1920 for 1,920 百万円), a text in it
(``"1,920 百万円"``, ``"全所属"``) or a Quantity; ``when`` a DateExpression, a datetime.date or
a text (平成25年度).)doc");

  binding::bind_described(item_cls);
  binding::bind_described(initiative_cls);
  binding::bind_described(policy_cls);
  binding::bind_described(measure_cls);
  binding::bind_described(area_cls);
  binding::bind_described(goal_cls);
  binding::bind_described(section_cls);
  binding::bind_described(promotion_cls);
  binding::bind_described(strategy_cls);

  // --- Problem -------------------------------------------------------------------------------

  problem_cls
      .def(py::init([](const std::string& where, const std::string& what) {
             return problem{where, what};
           }),
           "where"_a, "what"_a, "A problem with the fields as given.")
      .def_readonly("where", &problem::where, "The part that breaks the rule: indicator 4-4-1.")
      .def_readonly("what", &problem::what, "The rule it breaks, in words.")
      .def(
          "__eq__", [](const problem& a, const problem& b) { return a == b; }, py::is_operator(),
          "The same place and rule.")
      .def(
          "__hash__", [](const problem& p) { return py::hash(py::make_tuple(p.where, p.what)); },
          "A hash of the fields.")
      .def(
          "__repr__",
          [](const problem& p) {
            return std::string(package_name) + ".Problem(" + repr_of(p.where) + ", " +
                   repr_of(p.what) + ")";
          },
          "miyagiplan.Problem('indicator 4-4-1', '...')")
      .def(
          "__str__", [](const problem& p) { return p.where + ": " + p.what; },
          "where: what")
      .def(py::pickle([](const problem& p) { return py::make_tuple(p.where, p.what); },
                      [](const py::tuple& t) {
                        return problem{t[0].cast<std::string>(), t[1].cast<std::string>()};
                      }));

  // --- Plan ----------------------------------------------------------------------------------

  // Brief, counting what a reader of a plan counts first.
  binding::bind_described(plan_cls, [](const plan& p) {
    return "<" + std::string(package_name) + ".Plan " + repr_of(p.id) + " " +
           count_of(p.indicators().size(), "indicator", "indicators") + ">";
  });
  plan_cls
      .def(
          "indicators", [](const model_part<plan>& p) { return indicators_of(p); },
          R"doc(Every indicator, in document order (areas, measures, sub-measures, then their
indicators), as parts of the plan.)doc")
      .def(
          "measures", [](const model_part<plan>& p) { return measures_of(p); },
          "Every measure in document order, sub-measures after their parent, as parts.")
      .def("indicator", &indicator_part, "id"_a,
           "The indicator with this id (4-4-1), a part; NotFoundError (a KeyError) if none.")
      .def("measure", &measure_part, "id"_a,
           "The measure with this id (3-1, 3-1(2)), a part; NotFoundError if none.")
      .def("area", &area_part, "id"_a, "The area with this id (1 … 5), a part; NotFoundError if none.")
      .def(
          "goal",
          [](const model_part<plan>& p, const std::string& id) {
            return by_id(p, &plan::goals, id, "goal");
          },
          "id"_a, "The goal with this id (G1), a part; NotFoundError if none.")
      .def(
          "strategy",
          [](const model_part<plan>& p, const std::string& id) {
            return by_id(p, &plan::strategies, id, "strategy");
          },
          "id"_a, "The strategy with this id, a part; NotFoundError if none.")
      .def(
          "problems", [](const model_part<plan>& p) { return p.get().problems(); },
          R"doc(Every rule the plan breaks, as Problems: duplicate ids, dangling references, a
target date before its baseline, a value outside its bounds, a value text that does not read
in its unit. Empty for a sound plan.)doc")
      .def(
          "validate", [](const model_part<plan>& p) { p.get().validate(); },
          "Raises ValidationError naming every problem; returns None for a sound plan.")
      .def("add_measure", &add_child<area, measure, &plan::add_measure, &area_part, &area::measures>,
          "area_id"_a, "measure"_a,
          R"doc(Adds a copy of a measure at the end of an area, and returns it as a part.

The plan is checked first: ValidationError (a duplicate id, a bad indicator) or NotFoundError
(no such area) leaves it unchanged.)doc")
      .def("add_initiative", &add_child<measure, initiative, &plan::add_initiative, &measure_part, &measure::initiatives>,
          "measure_id"_a, "initiative"_a,
          R"doc(Adds a copy of an initiative at the end of a measure, and returns it as a part.
NotFoundError (no such measure) leaves the plan unchanged.)doc")
      .def("add_indicator", &add_child<measure, indicator, &plan::add_indicator, &measure_part, &measure::indicators>,
          "measure_id"_a, "indicator"_a,
          R"doc(Adds a copy of an indicator at the end of a measure, and returns it as a part.

The plan is checked first: ValidationError (a duplicate id, a value outside the bounds or not
in the unit, a target before the baseline) or NotFoundError leaves it unchanged.)doc")
      .def(
          "set_target",
          [](const model_part<plan>& p, const std::string& indicator_id, const dated_value_view& target) {
            dated_value copy = target.value.get();
            p.get().set_target(indicator_id, std::move(copy));
          },
          "indicator_id"_a, "target"_a,
          R"doc(Sets an indicator's target to a copy of ``target`` (a DatedValue; see
Indicator.dated_value).

The plan is checked first: ValidationError (a date before the baseline, a value outside the
bounds or not in the unit) or NotFoundError leaves it unchanged.)doc")
      .def(
          "to_json", [](const model_part<plan>& p) { return to_json_text(p.get()); },
          R"doc(The plan as JSON text (2-space indent, a final newline); Plan.from_json reads it
back to an equal plan, and the bundled plan's text round-trips byte for byte.)doc")
      .def_static(
          "from_json", [](std::string_view text) { return model_part<plan>(plan_from_json(text)); },
          "text"_a,
          R"doc(Reads a plan from JSON text. SchemaError (its ``where`` a JSON pointer, or line
and column for bad syntax) for a text that is not a plan.)doc")
      .def(
          "save",
          [](const model_part<plan>& p, const std::filesystem::path& path,
             const member_or_name<file_format>& format) {
            save_plan(p.get(), path, binding::member(format));
          },
          "path"_a, "format"_a = file_format::json,
          R"doc(Writes the plan to a file (a str or os.PathLike) as ``format``: a FileFormat or
its name, ``"json"`` (the default), ``"text"``, ``"binary"``, ``"xml"`` or ``"xlsx"`` (a
workbook, one sheet per kind of object: see write_plan_template).

The file is replaced only once the new one is whole. FileError (an OSError) when it cannot
be written.)doc")
      .def_static(
          "load",
          [](const std::filesystem::path& path) { return model_part<plan>(load_plan(path)); }, "path"_a,
          R"doc(Reads a plan file in whichever format it holds (read from its first bytes): JSON, a
Boost archive, or an .xlsx workbook (as save(format="xlsx") and write_plan_template write).

FileError when it cannot be read; SchemaError, its ``where`` starting with the path, when it
is not a plan; for a workbook, every problem at its cell (``file!sheet!C12``), the rules the
plan breaks included.)doc");

  m.def(
      "miyagi_it_plan_2013", [] { return model_part<plan>(plans::miyagi_it_2013()); },
      R"doc(The bundled plan みやぎＩＴ推進プラン２０１３ (Miyagi Prefecture, 平成23～25年度): 2 goals,
5 areas, 17 measures (and 3 sub-measures) and 25 indicators.

A fresh copy at every call, to change freely.)doc");
  m.def(
      "write_plan_template",
      [](const std::filesystem::path& path) {
        py::gil_scoped_release release;
        write_plan_template(path);
      },
      "path"_a,
      R"doc(Writes a blank workbook (.xlsx) to author a plan in Excel: one sheet per kind of object
(計画, 基本目標, 重点分野, 施策, 目標指標 …), each with its Japanese labels in row 1 and its field
names in row 2 and one example row, a sheet リスト for lists of texts, and a sheet 説明 that
explains every column. Plan.load reads the filled workbook back.

FileError (an OSError) when it cannot be written.)doc");
  for (const char* name : {"parse_quantity", "format_quantity", "miyagi_it_plan_2013", "write_plan_template"})
    m.attr(name).attr("__module__") = package_name;
}

}  // namespace miyagiplan::python
