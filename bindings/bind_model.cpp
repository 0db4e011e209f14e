// The plan model in Python: units and quantities, indicators with their baselines and targets,
// measures, areas, goals and the whole plan, with its files.
//
// Every model class is bound to node<T> (bindings.hpp): what a plan hands out is a part of it,
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

#include "bindings.hpp"
#include "miyagiplan/io/files.hpp"
#include "miyagiplan/io/json.hpp"
#include "miyagiplan/model.hpp"
#include "miyagiplan/plans/miyagi_it_2013.hpp"

namespace miyagiplan::python {
namespace {

using namespace pybind11::literals;
using kit::date_arg;
using kit::list_field;
using kit::member_or_name;
using kit::part_field;
using kit::repr_of;
using kit::unit_arg;
using kit::value_arg;
using kit::value_field;

// A baseline or target as Python sees it: the value, and where its unit comes from (the
// indicator it belongs to, or a unit of its own for one made in Python).
struct dated_ref {
  node<dated_value> value;
  std::optional<node<indicator>> owner;
  std::optional<unit> own_unit;

  std::optional<unit> unit_now() const {
    if (owner) return owner->get().unit;
    return own_unit;
  }
};

std::string member_repr(py::handle member) {
  return std::string(package_name) + "." +
         py::str(py::type::handle_of(member).attr("__name__")).cast<std::string>() + "." +
         member.attr("name").cast<std::string>();
}

template <class Enum>
std::string enum_repr(Enum e) {
  return member_repr(py::cast(e));
}

std::string object_repr(py::handle h) { return py::repr(h).cast<std::string>(); }

std::string texts_repr(const std::vector<std::string>& texts) {
  return object_repr(py::cast(texts));
}

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

// <miyagiplan.Indicator '4-4-1' '情報システムの維持管理経費'>
std::string brief(const char* type, const std::string& id, const std::string& title,
                  const std::string& tail = "") {
  return "<" + std::string(package_name) + "." + type + " " + repr_of(id) + " " + repr_of(title) +
         tail + ">";
}

std::string count_of(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// A value from its JSON text (the format's own readers), for pickling.
template <class T>
T from_json_text(const std::string& text) {
  return parse_json(text).get<T>();
}

template <class T>
std::string to_json_string(const T& v) {
  const ordered_json j = v;
  return j.dump();
}

// Pickled as its JSON text, read back through the JSON readers.
template <class T>
void pickle_as_json(py::class_<node<T>>& cls) {
  cls.def(py::pickle([](const node<T>& n) { return to_json_string(n.get()); },
                     [](const std::string& text) { return node<T>(from_json_text<T>(text)); }));
}

std::optional<date_expression> optional_expression(const std::optional<date_arg>& a) {
  if (!a) return std::nullopt;
  return kit::expression_of(*a);
}

template <class E>
std::vector<E> items_of(py::handle items) {
  return kit::elements_from<E>(items);
}

// --- The walk of a plan, as parts ------------------------------------------------------------

void collect_measures(const node<measure>& m, std::vector<node<measure>>& out) {
  out.push_back(m);
  const std::size_t n = m.get().sub_measures.size();
  for (std::size_t i = 0; i < n; ++i)
    collect_measures(kit::element(m, &measure::sub_measures, i), out);
}

// Every measure in document order, sub-measures after their parent (plan::measures()).
std::vector<node<measure>> measures_of(const node<plan>& p) {
  std::vector<node<measure>> out;
  const std::size_t areas = p.get().areas.size();
  for (std::size_t a = 0; a < areas; ++a) {
    const node<area> an = kit::element(p, &plan::areas, a);
    const std::size_t n = an.get().measures.size();
    for (std::size_t i = 0; i < n; ++i) collect_measures(kit::element(an, &area::measures, i), out);
  }
  return out;
}

std::vector<node<indicator>> indicators_of(const node<plan>& p) {
  std::vector<node<indicator>> out;
  for (const node<measure>& m : measures_of(p)) {
    const std::size_t n = m.get().indicators.size();
    for (std::size_t k = 0; k < n; ++k) out.push_back(kit::element(m, &measure::indicators, k));
  }
  return out;
}

node<indicator> indicator_part(const node<plan>& p, const std::string& id) {
  for (const node<measure>& m : measures_of(p)) {
    const auto& inds = m.get().indicators;
    for (std::size_t k = 0; k < inds.size(); ++k)
      if (inds[k].id == id) return kit::element(m, &measure::indicators, k);
  }
  p.get().indicator_at(id);  // throws not_found_error, with the library's message
  throw not_found_error("no indicator with id \"" + id + "\"");
}

node<measure> measure_part(const node<plan>& p, const std::string& id) {
  for (const node<measure>& m : measures_of(p))
    if (m.get().id == id) return m;
  p.get().measure_at(id);
  throw not_found_error("no measure with id \"" + id + "\"");
}

node<area> area_part(const node<plan>& p, const std::string& id) {
  const auto& areas = p.get().areas;
  for (std::size_t a = 0; a < areas.size(); ++a)
    if (areas[a].id == id) return kit::element(p, &plan::areas, a);
  p.get().area_at(id);
  throw not_found_error("no area with id \"" + id + "\"");
}

template <class T>
node<T> by_id(const node<plan>& p, std::vector<T> plan::*field, const std::string& id,
              const char* kind) {
  const auto& items = p.get().*field;
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].id == id) return kit::element(p, field, i);
  throw not_found_error("no " + std::string(kind) + " with id \"" + id + "\"");
}

// --- DatedValue ----------------------------------------------------------------------------

dated_ref own_dated(dated_value v, std::optional<unit> u) {
  return dated_ref{node<dated_value>(std::move(v)), std::nullopt, std::move(u)};
}

dated_ref dated_part(const node<indicator>& ind, dated_value indicator::*field) {
  return dated_ref{kit::part(ind, field), ind, std::nullopt};
}

// 2,223百万円 for a number (in its unit, when known), 全所属 for a state.
std::string display_of(const dated_ref& r) {
  const quantity& q = r.value.get().value;
  if (!q.is_number()) return quantity::of_state(q.state).text;
  if (const auto u = r.unit_now()) return format_quantity(q.value, *u);
  return q.text;
}

void bind_dated_value(py::class_<dated_ref>& cls) {
  cls.def(py::init([](const date_arg& when, const value_arg& value,
                      const std::optional<unit_arg>& u) {
            std::optional<unit> own;
            if (u) own = kit::unit_of(*u);
            if (!own && !std::holds_alternative<node<quantity>>(value))
              throw py::type_error(
                  "a number or text needs its unit: DatedValue(when, 1920, unit=\"百万円\"), "
                  "or give a Quantity");
            quantity q = kit::quantity_of(value, own ? *own : unit{});
            return own_dated(dated_value{kit::expression_of(when), std::move(q)}, std::move(own));
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
          "when", [](const dated_ref& r) { return r.value.get().when; },
          [](const dated_ref& r, const date_arg& when) {
            r.value.get().when = kit::expression_of(when);
          },
          R"doc(The date, a DateExpression (set from one, a datetime.date or a text).)doc")
      .def_property_readonly(
          "period", [](const dated_ref& r) { return r.value.get().when; },
          R"doc(The date as a span of days: the same DateExpression as ``when``, whose
``first`` and ``last`` are the first and last day (2009-04-01 … 2010-03-31 for 平成21年度).)doc")
      .def_property_readonly(
          "date_text", [](const dated_ref& r) { return r.value.get().when.text(); },
          "The date's text as the document writes it: 平成 21 年度.")
      .def_property(
          "quantity", [](const dated_ref& r) { return kit::part(r.value, &dated_value::value); },
          [](const dated_ref& r, const node<quantity>& q) {
            quantity copy = q.get();
            r.value.get().value = std::move(copy);
          },
          R"doc(The value as a Quantity (a part: edits reach the indicator).)doc")
      .def_property_readonly(
          "value",
          [](const dated_ref& r) -> std::optional<double> {
            const quantity& q = r.value.get().value;
            if (!q.is_number()) return std::nullopt;
            return q.value;
          },
          R"doc(The number in base units (2223000000.0 for 2,223 百万円), or None for a state
(全所属, 実施なし, －).)doc")
      .def_property_readonly(
          "display_value",
          [](const dated_ref& r) -> std::optional<double> {
            const quantity& q = r.value.get().value;
            const auto u = r.unit_now();
            if (!q.is_number() || !u) return std::nullopt;
            return q.display_value(*u);
          },
          R"doc(The number in the unit as written (2223.0 for 2,223 百万円), or None for a state
or when the unit is unknown.)doc")
      .def_property_readonly(
          "state", [](const dated_ref& r) { return r.value.get().value.state; },
          "The ValueState: NUMBER, or the state the value is.")
      .def_property_readonly(
          "is_number", [](const dated_ref& r) { return r.value.get().value.is_number(); },
          "Whether the value is a number (rather than a state).")
      .def_property_readonly(
          "text", [](const dated_ref& r) { return r.value.get().value.text; },
          "The value's text as the document writes it: 2,223 百万円.")
      .def_property_readonly("display", &display_of,
                             R"doc(The value written as plans write it: 2,223百万円, 58.8％; the
state's text (全所属, 実施なし, －) for a state.)doc")
      .def_property_readonly(
          "estimate", [](const dated_ref& r) { return r.value.get().estimate(); },
          "Whether the date is marked （見込）: the value is an estimate.")
      .def_property_readonly(
          "unit",
          [](const dated_ref& r) -> py::object {
            if (r.owner) return py::cast(kit::part(*r.owner, &indicator::unit));
            if (r.own_unit) return py::cast(node<unit>(*r.own_unit));
            return py::none();
          },
          "The unit of the value: its indicator's Unit, its own, or None.")
      .def(
          "copy",
          [](const dated_ref& r) { return own_dated(r.value.get(), r.unit_now()); },
          "A copy of its own, keeping the unit.")
      .def(
          "__copy__",
          [](const dated_ref& r) { return own_dated(r.value.get(), r.unit_now()); },
          "A copy of its own, keeping the unit.")
      .def(
          "__deepcopy__",
          [](const dated_ref& r, const py::dict&) {
            return own_dated(r.value.get(), r.unit_now());
          },
          "memo"_a, "A copy of its own, keeping the unit.")
      .def(
          "__eq__", [](const dated_ref& a, const dated_ref& b) { return a.value.get() == b.value.get(); },
          py::is_operator(), "The same date and value (units are not compared).")
      .def(
          "__repr__",
          [](const dated_ref& r) {
            return dated_repr(r.value.get(), r.owner ? std::nullopt : r.own_unit);
          },
          "miyagiplan.DatedValue(miyagiplan.parse_date('平成21年度'), miyagiplan.Quantity(...))")
      .def(py::pickle(
          [](const dated_ref& r) {
            const auto u = r.unit_now();
            return py::make_tuple(r.value.get().when, node<quantity>(r.value.get().value),
                                  u ? py::cast(node<unit>(*u)) : py::none());
          },
          [](const py::tuple& t) {
            std::optional<unit> u;
            if (!t[2].is_none()) u = t[2].cast<const node<unit>&>().get();
            return own_dated(dated_value{t[0].cast<date_expression>(),
                                         t[1].cast<const node<quantity>&>().get()},
                             std::move(u));
          }));
  cls.attr("__hash__") = py::none();
}

}  // namespace

void bind_model(py::module_& m) {
  // Every type first, so that the signatures below name them.
  py::enum_<value_state> state_cls(m, "ValueState", R"doc(What a quantity is: a number, or a state that is not one.

str(state) is its C++ name (``"none_done"``); from_string reads it back.)doc");
  py::enum_<direction> direction_cls(m, "Direction", R"doc(Which way is better for an indicator.

Attributes taking a Direction also take its name (``"decrease"``).)doc");
  py::enum_<accumulation> accumulation_cls(
      m, "Accumulation", R"doc(How an indicator's value accrues over time; each has its own attainment rule.

Attributes taking an Accumulation also take its name (``"flow"``).)doc");
  py::enum_<file_format> format_cls(m, "FileFormat", R"doc(The format of a plan file (Plan.save).

JSON is the exchange format; TEXT, BINARY and XML are Boost archives (BINARY is fastest but
depends on the machine: keep it for caches). Plan.save also takes the name (``"xml"``).)doc");
  py::class_<node<unit>> unit_cls(m, "Unit", R"doc(A unit as plans write it, and its scale: 百万円 is 10^6 円.

Values are held in the base unit (円); the symbol keeps the document's scale for display.)doc");
  py::class_<node<quantity>> quantity_cls(
      m, "Quantity", R"doc(A value as plans write it: 2,280 件, 58.8％, 2,223 百万円, or a state that is
not a number (全所属, 実施なし, －).

``value`` is in base units (2223000000.0 for 2,223 百万円); ``text`` keeps the document's
text. Make one with Quantity.of (a number in base units), Quantity.of_state, or
parse_quantity (a text in a unit).)doc");
  py::class_<node<bounds>> bounds_cls(
      m, "Bounds", R"doc(The range an indicator's values keep to, in its unit as written: (1, 47) for a
rank among 47 prefectures, (0, 100) for a percentage. Unpacks: ``low, high = bounds``.)doc");
  py::class_<dated_ref> dated_cls(m, "DatedValue", R"doc(A value at a date: an indicator's baseline (現状値) or target (目標値).

``value`` is the number in base units or None for a state; ``quantity`` the Quantity;
``period`` (also ``when``) the DateExpression; ``display`` the value as plans write it
(2,223百万円). A baseline or target taken from an indicator is a part of it.)doc");
  py::class_<node<indicator>> indicator_cls(
      m, "Indicator", R"doc(A target indicator (目標指標): what is measured, in which unit, which way is
better, how it accrues, and its baseline and target.

Taken from a plan it is a part of the plan: setting a field changes the plan. Made in
Python (Indicator(id=..., ...)) it is a value of its own, to add with Plan.add_indicator.)doc");
  py::class_<node<initiative_item>> item_cls(
      m, "InitiativeItem", R"doc(A sub-item of an initiative: a label (・ or （１）), a title and the channels it
is offered through (ＨＰ, メルマガ, ブログ, 携帯サイト, 地デジ).)doc");
  py::class_<node<initiative>> initiative_cls(
      m, "Initiative", R"doc(A main initiative (主な取組) of a measure: a number, a title and its items.)doc");
  py::class_<node<policy_part>> policy_cls(
      m, "PolicyPart", R"doc(A part of a measure's policy (取組方針): a label ((1), or empty when the policy
is one text) and the text.)doc");
  py::class_<node<measure>> measure_cls(
      m, "Measure", R"doc(A measure (施策): its id (3-1, 3-1(2) for a sub-measure), number and title,
its policy, initiatives, indicators and sub-measures.)doc");
  py::class_<node<area>> area_cls(
      m, "Area", R"doc(A priority area (重点分野): an id (1 … 5), a number, a title and its measures.)doc");
  py::class_<node<goal>> goal_cls(
      m, "Goal", R"doc(A basic goal (基本目標): an id (G1), a number, a title and the ids of the areas it
spans.)doc");
  py::class_<node<section>> section_cls(
      m, "Section", R"doc(A section of the plan's text: a key (purpose, positioning, period, …), a heading
and its paragraphs.)doc");
  py::class_<node<promotion>> promotion_cls(
      m, "Promotion", R"doc(The plan's promotion structure (推進体制): the organisation, its short name and
head, its partners and the paragraphs that describe it.)doc");
  py::class_<node<strategy>> strategy_cls(
      m, "Strategy", R"doc(A related national or prefectural strategy, and where it stands in the lineage:
when adopted and revised, the span it covers, its predecessors and successors (strategy ids).)doc");
  py::class_<problem> problem_cls(m, "Problem", R"doc(A rule the plan breaks, and where: Plan.problems() lists them.

``where`` names the part (``indicator 4-4-1 target``), ``what`` the rule.)doc");
  py::class_<node<plan>> plan_cls(m, "Plan", R"doc(A plan: its goals, areas, measures, initiatives and indicators, its text sections,
promotion structure and related strategies.

What a plan hands out (plan.areas, plan.indicator("4-4-1"), indicator.baseline, ...) is a
part of it: it keeps the plan alive, and setting its fields changes the plan. A part is
found by its place (area 4, measure 4, indicator 1); the Plan.add_* and set_target edits,
which check the plan first and change nothing when it would break a rule, keep every place.
copy(), copy.copy and copy.deepcopy give independent plans. Pickles as its JSON text.

>>> plan = miyagiplan.miyagi_it_plan_2013()
>>> plan.indicator("4-4-1").baseline.display
'2,223百万円')doc");
  for (py::handle cls : {state_cls.ptr(), direction_cls.ptr(), accumulation_cls.ptr(),
                         format_cls.ptr(), unit_cls.ptr(), quantity_cls.ptr(), bounds_cls.ptr(),
                         dated_cls.ptr(), indicator_cls.ptr(), item_cls.ptr(),
                         initiative_cls.ptr(), policy_cls.ptr(), measure_cls.ptr(),
                         area_cls.ptr(), goal_cls.ptr(), section_cls.ptr(), promotion_cls.ptr(),
                         strategy_cls.ptr(), problem_cls.ptr(), plan_cls.ptr()})
    cls.attr("__module__") = package_name;

  kit::bind_list<std::string>(m);
  kit::bind_list<indicator>(m);
  kit::bind_list<initiative_item>(m);
  kit::bind_list<initiative>(m);
  kit::bind_list<policy_part>(m);
  kit::bind_list<measure>(m);
  kit::bind_list<area>(m);
  kit::bind_list<goal>(m);
  kit::bind_list<section>(m);
  kit::bind_list<strategy>(m);

  // --- Enums ---------------------------------------------------------------------------------

  state_cls.value("NUMBER", value_state::number, "a number: 2,280")
      .value("ALL", value_state::all, "全所属: every department (a completion target)")
      .value("NONE_DONE", value_state::none_done,
             "実施なし: not done (zero for counts and frequencies)")
      .value("MISSING", value_state::missing, "－: no value given");
  kit::name_enum(state_cls, [](value_state s) { return to_string(s); },
                 [](std::string_view name) { return enum_from_string<value_state>(name); },
                 R"doc(The state named ``name`` (``"none_done"``, as str gives).

Raises ParseError for an unknown name.)doc");

  direction_cls.value("INCREASE", direction::increase, "more is better (登録件数)")
      .value("DECREASE", direction::decrease, "less is better: a cost to cut, a rank (40位→30位)")
      .value("KEEP", direction::keep, "keep the value where it is");
  kit::name_enum(direction_cls, [](direction d) { return to_string(d); },
                 [](std::string_view name) { return enum_from_string<direction>(name); },
                 R"doc(The direction named ``name`` (``"decrease"``, as str gives).

Raises ParseError for an unknown name.)doc");

  accumulation_cls.value("LEVEL", accumulation::level, "a level at a date (登録件数)")
      .value("RUNNING_TOTAL", accumulation::running_total,
             "a total since a start, never falling (［累計］)")
      .value("FLOW", accumulation::flow, "a value per fiscal year (年間利用件数, 売上高)")
      .value("PERIOD_TOTAL", accumulation::period_total,
             "a total over the target's period (82,500 件 over 平成23～25年度)")
      .value("COMPLETION", accumulation::completion, "a share of a whole done by a date (全所属)")
      .value("FREQUENCY", accumulation::frequency,
             "a number of times per fiscal year, every year of the period (1回／年)");
  kit::name_enum(accumulation_cls, [](accumulation a) { return to_string(a); },
                 [](std::string_view name) { return enum_from_string<accumulation>(name); },
                 R"doc(The accumulation named ``name`` (``"running_total"``, as str gives).

Raises ParseError for an unknown name.)doc");

  format_cls.value("JSON", file_format::json, "JSON text (the exchange format)")
      .value("TEXT", file_format::text, "a Boost text archive")
      .value("BINARY", file_format::binary,
             "a Boost binary archive (fastest; depends on byte order and word size)")
      .value("XML", file_format::xml, "a Boost XML archive");
  kit::name_enum(format_cls, [](file_format f) { return to_string(f); },
                 [](std::string_view name) { return enum_from_string<file_format>(name); },
                 R"doc(The format named ``name`` (``"json"``, ``"text"``, ``"binary"``, ``"xml"``).

Raises ParseError for an unknown name.)doc");

  // --- Unit ----------------------------------------------------------------------------------

  unit_cls
      .def(py::init([](const std::string& symbol, const std::optional<std::string>& base,
                       const std::optional<int>& scale) {
             if (!base && !scale) return node<unit>(unit::parse(symbol));
             return node<unit>(unit{symbol, base.value_or(symbol), scale.value_or(0)});
           }),
           "symbol"_a = "", "base"_a = py::none(), "scale"_a = py::none(),
           R"doc(A unit. With the symbol alone, its scale is read as Unit.parse does
(Unit("百万円") is 10^6 円); with ``base`` or ``scale``, the fields are as given (``base``
defaults to the symbol, ``scale`` to 0).)doc")
      .def_static(
          "parse", [](std::string_view symbol) { return node<unit>(unit::parse(symbol)); },
          "symbol"_a,
          R"doc(Splits a written unit into scale and base: 億円 → (8, 円), 百万円 → (6, 円),
件 → (0, 件).)doc")
      .def_property_readonly(
          "factor", [](const node<unit>& u) { return u.get().factor(); },
          "10 ** scale: how many base units one symbol unit is (1e6 for 百万円).");
  value_field(unit_cls, "symbol", &unit::symbol, "The unit as the document writes it: 百万円.");
  value_field(unit_cls, "base", &unit::base, "The unit values are held in: 円.");
  value_field(unit_cls, "scale", &unit::scale,
              "The power of ten: symbol = 10 ** scale × base (6 for 百万円, 8 for 億円).");
  kit::value_methods(unit_cls, &unit_repr);
  unit_cls.def("__str__", [](const node<unit>& u) { return u.get().symbol; }, "The symbol.");
  unit_cls.def(py::pickle(
      [](const node<unit>& u) {
        const unit& v = u.get();
        return py::make_tuple(v.symbol, v.base, v.scale);
      },
      [](const py::tuple& t) {
        return node<unit>(unit{t[0].cast<std::string>(), t[1].cast<std::string>(), t[2].cast<int>()});
      }));

  // --- Quantity ------------------------------------------------------------------------------

  quantity_cls
      .def(py::init([](const member_or_name<value_state>& state, double value,
                       const std::string& text, bool note_mark) {
             return node<quantity>(
                 quantity{kit::member(state, &value_state_from_string), value, text, note_mark});
           }),
           "state"_a = value_state::missing, "value"_a = 0.0, "text"_a = "", "note_mark"_a = false,
           R"doc(A quantity with the fields as given (``value`` in base units). The text is kept
as given: Quantity.of writes it from the value, parse_quantity reads it.)doc")
      .def_static(
          "of",
          [](double value, const unit_arg& u) {
            return node<quantity>(quantity::of(value, kit::unit_of(u)));
          },
          "value"_a, "unit"_a,
          R"doc(A number in base units, its text written in ``unit`` (a Unit or its symbol):
Quantity.of(2223e6, "百万円").text == "2,223百万円". RangeError for inf or nan.)doc")
      .def_static(
          "of_state",
          [](const member_or_name<value_state>& s) {
            return node<quantity>(quantity::of_state(kit::member(s, &value_state_from_string)));
          },
          "state"_a,
          R"doc(A state that is not a number, with its text (全所属, 実施なし, －). RangeError for
NUMBER.)doc")
      .def_static(
          "parse",
          [](std::string_view text, const unit_arg& u) {
            return node<quantity>(parse_quantity(text, kit::unit_of(u)));
          },
          "text"_a, "unit"_a, "The same as parse_quantity(text, unit).")
      .def_property_readonly(
          "is_number", [](const node<quantity>& q) { return q.get().is_number(); },
          "Whether the quantity is a number (state NUMBER).")
      .def(
          "display_value",
          [](const node<quantity>& q, const unit_arg& u) {
            return q.get().display_value(kit::unit_of(u));
          },
          "unit"_a, "The value in ``unit`` as written: 2223.0 for 2,223 百万円 in 百万円.");
  kit::enum_field(quantity_cls, "state", &quantity::state, &value_state_from_string,
                  "The ValueState: NUMBER, or the state (set from a member or its name).");
  value_field(quantity_cls, "value", &quantity::value,
              "The number in base units (円 for 百万円); 0 for a state.");
  value_field(quantity_cls, "text", &quantity::text,
              "The document's text: 2,223 百万円, 562 校（※）, 全所属.");
  value_field(quantity_cls, "note_mark", &quantity::note_mark,
              "Whether the text carries （※）: a note of the indicator applies to it.");
  kit::value_methods(quantity_cls, &quantity_repr);
  quantity_cls.def("__str__", [](const node<quantity>& q) { return q.get().text; }, "The text.");
  quantity_cls.def(py::pickle(
      [](const node<quantity>& q) {
        const quantity& v = q.get();
        return py::make_tuple(v.state, v.value, v.text, v.note_mark);
      },
      [](const py::tuple& t) {
        return node<quantity>(quantity{t[0].cast<value_state>(), t[1].cast<double>(),
                                       t[2].cast<std::string>(), t[3].cast<bool>()});
      }));

  m.def(
      "parse_quantity",
      [](std::string_view text, const unit_arg& u) {
        return node<quantity>(parse_quantity(text, kit::unit_of(u)));
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
      [](double value, const unit_arg& u) { return format_quantity(value, kit::unit_of(u)); },
      "value"_a, "unit"_a,
      R"doc(Writes a number in base units as plans do, in ``unit`` (a Unit or its symbol):
the shortest text that reads back, with thousands separators.

>>> miyagiplan.format_quantity(2223e6, "百万円")
'2,223百万円')doc");

  // --- Bounds --------------------------------------------------------------------------------

  bounds_cls
      .def(py::init([](double min, double max) { return node<bounds>(bounds{min, max}); }),
           "min"_a, "max"_a, "The range ``min`` … ``max``, in the indicator's unit as written.")
      .def(
          "__iter__",
          [](const node<bounds>& b) {
            return py::iter(py::make_tuple(b.get().min, b.get().max));
          },
          "Iterates over min and max: ``tuple(bounds) == (1.0, 47.0)``.");
  value_field(bounds_cls, "min", &bounds::min, "The least value allowed.");
  value_field(bounds_cls, "max", &bounds::max, "The greatest value allowed.");
  kit::value_methods(bounds_cls, [](const bounds& b) {
    return std::string(package_name) + ".Bounds(" + repr_of(b.min) + ", " + repr_of(b.max) + ")";
  });
  bounds_cls.def(py::pickle(
      [](const node<bounds>& b) { return py::make_tuple(b.get().min, b.get().max); },
      [](const py::tuple& t) {
        return node<bounds>(bounds{t[0].cast<double>(), t[1].cast<double>()});
      }));

  bind_dated_value(dated_cls);

  // --- Indicator -----------------------------------------------------------------------------

  indicator_cls.def(
      py::init([](const std::string& id, const std::string& name, const unit_arg& u,
                  const member_or_name<direction>& d, const member_or_name<accumulation>& a,
                  const std::optional<node<bounds>>& b, const std::optional<dated_ref>& baseline,
                  const std::optional<dated_ref>& target, const std::string& source,
                  const py::iterable& notes) {
        indicator i;
        i.id = id;
        i.name = name;
        i.unit = kit::unit_of(u);
        i.direction = kit::member(d, &direction_from_string);
        i.accumulation = kit::member(a, &accumulation_from_string);
        if (b) i.bounds = b->get();
        if (baseline) i.baseline = baseline->value.get();
        if (target) i.target = target->value.get();
        i.source = source;
        i.notes = items_of<std::string>(notes);
        return node<indicator>(std::move(i));
      }),
      "id"_a = "", "name"_a = "", "unit"_a = "", "direction"_a = direction::increase,
      "accumulation"_a = accumulation::level, "bounds"_a = py::none(), "baseline"_a = py::none(),
      "target"_a = py::none(), "source"_a = "", "notes"_a = py::tuple(),
      R"doc(An indicator of its own, to add to a plan with Plan.add_indicator.

``unit`` is a Unit or its symbol; ``direction`` and ``accumulation`` members or their names;
``baseline`` and ``target`` DatedValues (Indicator.dated_value makes them from numbers in the
unit); ``notes`` a list of str.)doc");
  value_field(indicator_cls, "id", &indicator::id, "The id, area-measure-n: 4-4-1.");
  value_field(indicator_cls, "name", &indicator::name, "The name as written, with ［累計］.");
  indicator_cls.def_property(
      "unit", [](const node<indicator>& n) { return kit::part(n, &indicator::unit); },
      [](const node<indicator>& n, const unit_arg& u) { n.get().unit = kit::unit_of(u); },
      "The Unit (set from a Unit or its symbol).");
  kit::enum_field(indicator_cls, "direction", &indicator::direction, &direction_from_string,
                  "Which way is better, a Direction (set from a member or its name).");
  kit::enum_field(indicator_cls, "accumulation", &indicator::accumulation,
                  &accumulation_from_string,
                  "How the value accrues, an Accumulation (set from a member or its name).");
  indicator_cls.def_property(
      "bounds",
      [](const node<indicator>& n) -> py::object {
        if (!n.get().bounds) return py::none();
        return py::cast(node<bounds>(
            n, [](indicator& i) { return i.bounds ? &*i.bounds : nullptr; }, "Bounds"));
      },
      [](const node<indicator>& n, const std::optional<node<bounds>>& b) {
        if (b) {
          bounds copy = b->get();
          n.get().bounds = copy;
        } else {
          n.get().bounds.reset();
        }
      },
      "The Bounds its values keep to (a rank among 47: 1 … 47), or None.");
  indicator_cls.def_property(
      "baseline", [](const node<indicator>& n) { return dated_part(n, &indicator::baseline); },
      [](const node<indicator>& n, const dated_ref& v) {
        dated_value copy = v.value.get();
        n.get().baseline = std::move(copy);
      },
      R"doc(The baseline (現状値), a DatedValue: ``baseline.value`` (base units or None),
``baseline.period.first``, ``baseline.display`` (2,223百万円), ``baseline.estimate``.)doc");
  indicator_cls.def_property(
      "target", [](const node<indicator>& n) { return dated_part(n, &indicator::target); },
      [](const node<indicator>& n, const dated_ref& v) {
        dated_value copy = v.value.get();
        n.get().target = std::move(copy);
      },
      R"doc(The target (目標値), a DatedValue. Setting it here is not checked; Plan.set_target
checks the plan first.)doc");
  value_field(indicator_cls, "source", &indicator::source,
              "The document's line: 平成 21 年度：2,223 百万円 → 平成 25 年度：1,920 百万円.");
  list_field(indicator_cls, "notes", &indicator::notes, "The notes (※ …), a live list of str.");
  indicator_cls.def(
      "dated_value",
      [](const node<indicator>& n, const date_arg& when, const value_arg& value) {
        const unit u = n.get().unit;
        return own_dated(dated_value{kit::expression_of(when), kit::quantity_of(value, u)}, u);
      },
      "when"_a, "value"_a,
      R"doc(A DatedValue of its own in this indicator's unit, for Plan.set_target.

``value`` is a number in the unit as written (1920 for 1,920 百万円), a text in it
(``"1,920 百万円"``, ``"全所属"``) or a Quantity; ``when`` a DateExpression, a datetime.date or
a text (平成25年度).)doc");
  kit::value_methods(indicator_cls, [](const indicator& i) { return brief("Indicator", i.id, i.name); });
  pickle_as_json(indicator_cls);

  // --- Initiatives, policy, measures, areas, goals -------------------------------------------

  item_cls.def(py::init([](const std::string& label, const std::string& title,
                           const py::iterable& channels) {
                 return node<initiative_item>(
                     initiative_item{label, title, items_of<std::string>(channels)});
               }),
               "label"_a = "", "title"_a = "", "channels"_a = py::tuple(),
               "An item with the fields as given (``channels`` a list of str).");
  value_field(item_cls, "label", &initiative_item::label, "The label: ・ or （１）.");
  value_field(item_cls, "title", &initiative_item::title, "The title.");
  list_field(item_cls, "channels", &initiative_item::channels,
             "The channels (ＨＰ, メルマガ, ブログ, 携帯サイト, 地デジ), a live list of str.");
  kit::value_methods(item_cls, [](const initiative_item& i) {
    std::string r = std::string(package_name) + ".InitiativeItem(" + repr_of(i.label) + ", " +
                    repr_of(i.title);
    if (!i.channels.empty()) r += ", channels=" + texts_repr(i.channels);
    return r + ")";
  });
  pickle_as_json(item_cls);

  initiative_cls.def(py::init([](int number, const std::string& title, const py::iterable& items) {
                       return node<initiative>(
                           initiative{number, title, items_of<initiative_item>(items)});
                     }),
                     "number"_a = 0, "title"_a = "", "items"_a = py::tuple(),
                     "An initiative with the fields as given (``items`` InitiativeItems).");
  value_field(initiative_cls, "number", &initiative::number, "The number within its measure.");
  value_field(initiative_cls, "title", &initiative::title, "The title.");
  list_field(initiative_cls, "items", &initiative::items,
             "The sub-items, a live list of InitiativeItem.");
  kit::value_methods(initiative_cls, [](const initiative& i) {
    return "<" + std::string(package_name) + ".Initiative " + std::to_string(i.number) + " " +
           repr_of(i.title) + ": " + count_of(i.items.size(), "item", "items") + ">";
  });
  pickle_as_json(initiative_cls);

  policy_cls.def(py::init([](const std::string& label, const std::string& text) {
                   return node<policy_part>(policy_part{label, text});
                 }),
                 "label"_a = "", "text"_a = "", "A policy part with the fields as given.");
  value_field(policy_cls, "label", &policy_part::label,
              "The label, (1), or empty when the policy is one text.");
  value_field(policy_cls, "text", &policy_part::text, "The text.");
  kit::value_methods(policy_cls, [](const policy_part& p) {
    return std::string(package_name) + ".PolicyPart(" + repr_of(p.label) + ", " + repr_of(p.text) +
           ")";
  });
  pickle_as_json(policy_cls);

  measure_cls.def(py::init([](const std::string& id, int number, const std::string& title,
                              const py::iterable& policy, const py::iterable& initiatives,
                              const py::iterable& indicators, const py::iterable& sub_measures) {
                    return node<measure>(measure{id, number, title, items_of<policy_part>(policy),
                                                 items_of<initiative>(initiatives),
                                                 items_of<indicator>(indicators),
                                                 items_of<measure>(sub_measures)});
                  }),
                  "id"_a = "", "number"_a = 0, "title"_a = "", "policy"_a = py::tuple(),
                  "initiatives"_a = py::tuple(), "indicators"_a = py::tuple(),
                  "sub_measures"_a = py::tuple(),
                  "A measure of its own, to add to a plan with Plan.add_measure.");
  value_field(measure_cls, "id", &measure::id, "The id: 3-1, and 3-1(2) for a sub-measure.");
  value_field(measure_cls, "number", &measure::number, "The number within its area.");
  value_field(measure_cls, "title", &measure::title, "The title.");
  list_field(measure_cls, "policy", &measure::policy,
             "The policy (取組方針), a live list of PolicyPart.");
  list_field(measure_cls, "initiatives", &measure::initiatives,
             "The main initiatives (主な取組), a live list of Initiative.");
  list_field(measure_cls, "indicators", &measure::indicators,
             "The measure's own indicators (目標指標), a live list of Indicator.");
  list_field(measure_cls, "sub_measures", &measure::sub_measures,
             "The sub-measures ((1)–(3) of 3-1), a live list of Measure.");
  kit::value_methods(measure_cls, [](const measure& x) {
    return brief("Measure", x.id, x.title,
                 ": " + count_of(x.indicators.size(), "indicator", "indicators"));
  });
  pickle_as_json(measure_cls);

  area_cls.def(py::init([](const std::string& id, int number, const std::string& title,
                           const py::iterable& measures) {
                 return node<area>(area{id, number, title, items_of<measure>(measures)});
               }),
               "id"_a = "", "number"_a = 0, "title"_a = "", "measures"_a = py::tuple(),
               "An area with the fields as given.");
  value_field(area_cls, "id", &area::id, "The id: 1 … 5.");
  value_field(area_cls, "number", &area::number, "The number.");
  value_field(area_cls, "title", &area::title, "The title.");
  list_field(area_cls, "measures", &area::measures,
             "The measures (施策), a live list of Measure (sub-measures are inside theirs).");
  kit::value_methods(area_cls, [](const area& a) {
    return brief("Area", a.id, a.title, ": " + count_of(a.measures.size(), "measure", "measures"));
  });
  pickle_as_json(area_cls);

  goal_cls.def(py::init([](const std::string& id, int number, const std::string& title,
                           const py::iterable& areas) {
                 return node<goal>(goal{id, number, title, items_of<std::string>(areas)});
               }),
               "id"_a = "", "number"_a = 0, "title"_a = "", "areas"_a = py::tuple(),
               "A goal with the fields as given (``areas`` a list of area ids).");
  value_field(goal_cls, "id", &goal::id, "The id: G1.");
  value_field(goal_cls, "number", &goal::number, "The number.");
  value_field(goal_cls, "title", &goal::title, "The title.");
  list_field(goal_cls, "areas", &goal::areas,
             "The ids of the areas the goal spans, a live list of str.");
  kit::value_methods(goal_cls, [](const goal& g) {
    return brief("Goal", g.id, g.title, ": areas " + texts_repr(g.areas));
  });
  pickle_as_json(goal_cls);

  section_cls.def(py::init([](const std::string& key, const std::string& heading,
                              const py::iterable& paragraphs) {
                    return node<section>(section{key, heading, items_of<std::string>(paragraphs)});
                  }),
                  "key"_a = "", "heading"_a = "", "paragraphs"_a = py::tuple(),
                  "A section with the fields as given.");
  value_field(section_cls, "key", &section::key, "The key: purpose, positioning, period, ….");
  value_field(section_cls, "heading", &section::heading, "The heading.");
  list_field(section_cls, "paragraphs", &section::paragraphs, "The paragraphs, a live list of str.");
  kit::value_methods(section_cls,
                     [](const section& x) { return brief("Section", x.key, x.heading); });
  pickle_as_json(section_cls);

  promotion_cls.def(
      py::init([](const std::string& organisation, const std::string& short_name,
                  const std::string& head, const py::iterable& partners,
                  const py::iterable& paragraphs) {
        return node<promotion>(promotion{organisation, short_name, head,
                                         items_of<std::string>(partners),
                                         items_of<std::string>(paragraphs)});
      }),
      "organisation"_a = "", "short_name"_a = "", "head"_a = "", "partners"_a = py::tuple(),
      "paragraphs"_a = py::tuple(), "A promotion structure with the fields as given.");
  value_field(promotion_cls, "organisation", &promotion::organisation,
              "The organisation: ＩＴ戦略推進本部 ….");
  value_field(promotion_cls, "short_name", &promotion::short_name, "Its short name.");
  value_field(promotion_cls, "head", &promotion::head, "Who heads it (the governor).");
  list_field(promotion_cls, "partners", &promotion::partners, "Its partners, a live list of str.");
  list_field(promotion_cls, "paragraphs", &promotion::paragraphs,
             "The paragraphs that describe it, a live list of str.");
  kit::value_methods(promotion_cls, [](const promotion& p) {
    return "<" + std::string(package_name) + ".Promotion " + repr_of(p.organisation) + ">";
  });
  pickle_as_json(promotion_cls);

  strategy_cls.def(
      py::init([](const std::string& id, const std::string& name, const std::string& owner,
                  const std::optional<std::string>& body, const std::string& category,
                  const std::optional<date_arg>& adopted, const std::optional<date_arg>& revised,
                  const std::optional<date_arg>& span, const std::string& description,
                  const py::iterable& notes, const py::iterable& predecessors,
                  const py::iterable& successors) {
        return node<strategy>(strategy{id, name, owner, body, category,
                                       optional_expression(adopted), optional_expression(revised),
                                       optional_expression(span), description,
                                       items_of<std::string>(notes),
                                       items_of<std::string>(predecessors),
                                       items_of<std::string>(successors)});
      }),
      "id"_a = "", "name"_a = "", "owner"_a = "", "body"_a = py::none(), "category"_a = "",
      "adopted"_a = py::none(), "revised"_a = py::none(), "span"_a = py::none(),
      "description"_a = "", "notes"_a = py::tuple(), "predecessors"_a = py::tuple(),
      "successors"_a = py::tuple(),
      R"doc(A strategy with the fields as given; the dates are DateExpressions, datetime.dates
or texts (平成１０年３月), or None.)doc");
  value_field(strategy_cls, "id", &strategy::id, "The id.");
  value_field(strategy_cls, "name", &strategy::name, "The name.");
  value_field(strategy_cls, "owner", &strategy::owner, "Whose it is: 国, 県, 教育庁.");
  value_field(strategy_cls, "body", &strategy::body,
              "The body that adopted it (ＩＴ戦略本部, 総務省, …), or None.");
  value_field(strategy_cls, "category", &strategy::category, "Its category.");
  for (auto [name, field, doc] :
       {std::tuple{"adopted", &strategy::adopted, "When it was adopted (平成１０年３月), or None."},
        std::tuple{"revised", &strategy::revised, "When it was revised, or None."},
        std::tuple{"span", &strategy::span, "The span it covers, or None."}}) {
    strategy_cls.def_property(
        name, [field = field](const node<strategy>& s) { return s.get().*field; },
        [field = field](const node<strategy>& s, const std::optional<date_arg>& when) {
          s.get().*field = optional_expression(when);
        },
        doc);
  }
  value_field(strategy_cls, "description", &strategy::description, "What it is.");
  list_field(strategy_cls, "notes", &strategy::notes, "Notes, a live list of str.");
  list_field(strategy_cls, "predecessors", &strategy::predecessors,
             "The ids of the strategies it follows, a live list of str.");
  list_field(strategy_cls, "successors", &strategy::successors,
             "The ids of the strategies that follow it, a live list of str.");
  kit::value_methods(strategy_cls, [](const strategy& s) { return brief("Strategy", s.id, s.name); });
  pickle_as_json(strategy_cls);

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

  plan_cls.def(
      py::init([](const std::string& id, const std::string& title, const std::string& issuer,
                  const std::optional<date_arg>& period, const py::iterable& sections,
                  const std::optional<node<promotion>>& promo, const py::iterable& goals,
                  const std::string& goal_area_note, const py::iterable& areas,
                  const py::iterable& strategies) {
        plan p;
        p.id = id;
        p.title = title;
        p.issuer = issuer;
        if (period) p.period = kit::expression_of(*period);
        p.sections = items_of<section>(sections);
        if (promo) p.promotion = promo->get();
        p.goals = items_of<goal>(goals);
        p.goal_area_note = goal_area_note;
        p.areas = items_of<area>(areas);
        p.strategies = items_of<strategy>(strategies);
        return node<plan>(std::move(p));
      }),
      "id"_a = "", "title"_a = "", "issuer"_a = "", "period"_a = py::none(),
      "sections"_a = py::tuple(), "promotion"_a = py::none(), "goals"_a = py::tuple(),
      "goal_area_note"_a = "", "areas"_a = py::tuple(), "strategies"_a = py::tuple(),
      R"doc(A plan with the fields as given (``period`` a DateExpression, datetime.date or text
such as 平成23～25年度; the lists of Sections, Goals, Areas, Strategies).
miyagiplan.miyagi_it_plan_2013() gives the bundled plan.)doc");
  value_field(plan_cls, "id", &plan::id, "The plan's id: miyagi-it-2013.");
  value_field(plan_cls, "title", &plan::title, "The title: みやぎＩＴ推進プラン２０１３.");
  value_field(plan_cls, "issuer", &plan::issuer, "Who issued it: 宮城県.");
  plan_cls.def_property(
      "period", [](const node<plan>& p) { return p.get().period; },
      [](const node<plan>& p, const date_arg& when) { p.get().period = kit::expression_of(when); },
      "The plan's period, a DateExpression (平成23～25年度).");
  list_field(plan_cls, "sections", &plan::sections, "The text sections, a live list of Section.");
  part_field(plan_cls, "promotion", &plan::promotion, "The promotion structure (推進体制).");
  list_field(plan_cls, "goals", &plan::goals, "The basic goals (基本目標), a live list of Goal.");
  value_field(plan_cls, "goal_area_note", &plan::goal_area_note,
              "Why goals relate to areas as they do.");
  list_field(plan_cls, "areas", &plan::areas, "The priority areas (重点分野), a live list of Area.");
  list_field(plan_cls, "strategies", &plan::strategies,
             "The related strategies, a live list of Strategy.");
  plan_cls
      .def(
          "indicators", [](const node<plan>& p) { return indicators_of(p); },
          R"doc(Every indicator, in document order (areas, measures, sub-measures, then their
indicators), as parts of the plan.)doc")
      .def(
          "measures", [](const node<plan>& p) { return measures_of(p); },
          "Every measure in document order, sub-measures after their parent, as parts.")
      .def("indicator", &indicator_part, "id"_a,
           "The indicator with this id (4-4-1), a part; NotFoundError (a KeyError) if none.")
      .def("measure", &measure_part, "id"_a,
           "The measure with this id (3-1, 3-1(2)), a part; NotFoundError if none.")
      .def("area", &area_part, "id"_a, "The area with this id (1 … 5), a part; NotFoundError if none.")
      .def(
          "goal",
          [](const node<plan>& p, const std::string& id) {
            return by_id(p, &plan::goals, id, "goal");
          },
          "id"_a, "The goal with this id (G1), a part; NotFoundError if none.")
      .def(
          "strategy",
          [](const node<plan>& p, const std::string& id) {
            return by_id(p, &plan::strategies, id, "strategy");
          },
          "id"_a, "The strategy with this id, a part; NotFoundError if none.")
      .def(
          "problems", [](const node<plan>& p) { return p.get().problems(); },
          R"doc(Every rule the plan breaks, as Problems: duplicate ids, dangling references, a
target date before its baseline, a value outside its bounds, a value text that does not read
in its unit. Empty for a sound plan.)doc")
      .def(
          "validate", [](const node<plan>& p) { p.get().validate(); },
          "Raises ValidationError naming every problem; returns None for a sound plan.")
      .def(
          "add_measure",
          [](const node<plan>& p, const std::string& area_id, const node<measure>& x) {
            measure copy = x.get();
            p.get().add_measure(area_id, std::move(copy));
            const node<area> a = area_part(p, area_id);
            return kit::element(a, &area::measures, a.get().measures.size() - 1);
          },
          "area_id"_a, "measure"_a,
          R"doc(Adds a copy of a measure at the end of an area, and returns it as a part.

The plan is checked first: ValidationError (a duplicate id, a bad indicator) or NotFoundError
(no such area) leaves it unchanged.)doc")
      .def(
          "add_initiative",
          [](const node<plan>& p, const std::string& measure_id, const node<initiative>& x) {
            initiative copy = x.get();
            p.get().add_initiative(measure_id, std::move(copy));
            const node<measure> mn = measure_part(p, measure_id);
            return kit::element(mn, &measure::initiatives, mn.get().initiatives.size() - 1);
          },
          "measure_id"_a, "initiative"_a,
          R"doc(Adds a copy of an initiative at the end of a measure, and returns it as a part.
NotFoundError (no such measure) leaves the plan unchanged.)doc")
      .def(
          "add_indicator",
          [](const node<plan>& p, const std::string& measure_id, const node<indicator>& x) {
            indicator copy = x.get();
            p.get().add_indicator(measure_id, std::move(copy));
            const node<measure> mn = measure_part(p, measure_id);
            return kit::element(mn, &measure::indicators, mn.get().indicators.size() - 1);
          },
          "measure_id"_a, "indicator"_a,
          R"doc(Adds a copy of an indicator at the end of a measure, and returns it as a part.

The plan is checked first: ValidationError (a duplicate id, a value outside the bounds or not
in the unit, a target before the baseline) or NotFoundError leaves it unchanged.)doc")
      .def(
          "set_target",
          [](const node<plan>& p, const std::string& indicator_id, const dated_ref& target) {
            dated_value copy = target.value.get();
            p.get().set_target(indicator_id, std::move(copy));
          },
          "indicator_id"_a, "target"_a,
          R"doc(Sets an indicator's target to a copy of ``target`` (a DatedValue; see
Indicator.dated_value).

The plan is checked first: ValidationError (a date before the baseline, a value outside the
bounds or not in the unit) or NotFoundError leaves it unchanged.)doc")
      .def(
          "to_json", [](const node<plan>& p) { return to_json_text(p.get()); },
          R"doc(The plan as JSON text (2-space indent, a final newline); Plan.from_json reads it
back to an equal plan, and the bundled plan's text round-trips byte for byte.)doc")
      .def_static(
          "from_json", [](std::string_view text) { return node<plan>(plan_from_json(text)); },
          "text"_a,
          R"doc(Reads a plan from JSON text. SchemaError (its ``where`` a JSON pointer, or line
and column for bad syntax) for a text that is not a plan.)doc")
      .def(
          "save",
          [](const node<plan>& p, const std::filesystem::path& path,
             const member_or_name<file_format>& format) {
            save_plan(p.get(), path, kit::member(format, &file_format_from_string));
          },
          "path"_a, "format"_a = file_format::json,
          R"doc(Writes the plan to a file (a str or os.PathLike) as ``format``: a FileFormat or
its name, ``"json"`` (the default), ``"text"``, ``"binary"`` or ``"xml"``.

The file is replaced only once the new one is whole. FileError (an OSError) when it cannot
be written.)doc")
      .def_static(
          "load",
          [](const std::filesystem::path& path) { return node<plan>(load_plan(path)); }, "path"_a,
          R"doc(Reads a plan file in whichever format it holds (read from its first bytes).

FileError when it cannot be read; SchemaError, its ``where`` starting with the path, when it
is not a plan.)doc");
  kit::value_methods(plan_cls, [](const plan& p) {
    return "<" + std::string(package_name) + ".Plan " + repr_of(p.id) + " " +
           count_of(p.indicators().size(), "indicator", "indicators") + ">";
  });
  plan_cls.def(py::pickle([](const node<plan>& p) { return to_json_text(p.get()); },
                          [](const std::string& text) { return node<plan>(plan_from_json(text)); }));

  m.def(
      "miyagi_it_plan_2013", [] { return node<plan>(plans::miyagi_it_2013()); },
      R"doc(The bundled plan みやぎＩＴ推進プラン２０１３ (Miyagi Prefecture, 平成23～25年度): 2 goals,
5 areas, 17 measures (and 3 sub-measures) and 25 indicators.

A fresh copy at every call, to change freely.)doc");
  for (const char* name : {"parse_quantity", "format_quantity", "miyagi_it_plan_2013"})
    m.attr(name).attr("__module__") = package_name;
}

}  // namespace miyagiplan::python
