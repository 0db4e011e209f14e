// Attainment in Python: the enums, then observations (bind_observations.cpp), grading schemes
// (bind_scheme.cpp), assessments, roll-ups and reports (bind_report.cpp, report_frames.cpp), and
// here the evaluation of one indicator or a whole plan: evaluate() and Plan.evaluate.
//
// Evaluation works on copies taken with the GIL held (the plan, the scheme) and on a snapshot
// of the observations (copy-on-write), then releases the GIL for the whole-plan evaluation:
// threads evaluate in parallel and never see a plan or a set change under them. A report keeps
// its plan and observations, for its DataFrame and its observations.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "bind_described.hpp"
#include "eval_bindings.hpp"

namespace miyagiplan::python {
namespace {

using namespace pybind11::literals;
using binding::date_arg;
using binding::value_arg;

// A scheme: a Scheme, a preset's name, or a JSON scheme file (a str or a path) — read by the
// same rule as the command line's --scheme (scheme::from_name_or_file).
using scheme_arg = std::variant<model_part<scheme>, std::string, std::filesystem::path>;

scheme scheme_of(const scheme_arg& a) {
  if (const auto* n = std::get_if<model_part<scheme>>(&a)) return n->get();
  if (const auto* path = std::get_if<std::filesystem::path>(&a)) return scheme::load(*path);
  return scheme::from_name_or_file(std::get<std::string>(a));
}

// The day of an as_of argument: a datetime.date, or the last day a DateExpression or a text
// names (平成25年度末, and 平成25年度 for its last day).
sys_days day_of(const date_arg& a) {
  if (const auto* d = std::get_if<sys_days>(&a)) return *d;
  return binding::expression_of(a).last();
}

// --- Evaluation ------------------------------------------------------------------------------

assessment_ref evaluate_indicator(const model_part<indicator>& ind_node,
                                  const std::optional<value_arg>& actual,
                                  const std::optional<date_arg>& as_of, const scheme_arg& s,
                                  const shared_observations* observations,
                                  const std::optional<date_arg>& when) {
  const indicator ind = ind_node.get();
  const scheme sch = scheme_of(s);
  sch.validate();
  const sys_days day = as_of ? day_of(*as_of) : ind.target.when.last();
  std::shared_ptr<const observation_set> set =
      observations ? observations->snapshot() : std::make_shared<const observation_set>();
  if (actual) {
    observation o;
    o.indicator_id = ind.id;
    if (when)
      o.when = binding::expression_of(*when);
    else if (as_of && !std::holds_alternative<sys_days>(*as_of))
      o.when = binding::expression_of(*as_of);  // observed at the text's date: 平成24年度末
    else
      o.when = parse_date(format_date(day, date_style::iso));
    o.value = binding::quantity_of(*actual, ind.unit);
    o.status = o.when.estimate() ? observation_status::estimate : observation_status::actual;
    observation_set::check(o, ind);  // what a file's figure must keep to: bounds, finiteness
    auto with_actual = std::make_shared<observation_set>(*set);
    with_actual->add(std::move(o));
    set = std::move(with_actual);
  }
  return assessment_ref{evaluate(ind, *set, day, sch), set};
}

report_ref evaluate_plan(const model_part<plan>& p, const shared_observations* observations,
                         const std::optional<date_arg>& as_of, const scheme_arg& s) {
  // Copies taken with the GIL held: no other thread can change them once it is released.
  auto source = std::make_shared<const plan>(p.get());
  const scheme sch = scheme_of(s);
  auto set = observations ? observations->snapshot() : std::make_shared<const observation_set>();
  // The command line's rule: a day, the last day of a span, or by default the plan's last day.
  const sys_days day = as_of ? day_of(*as_of) : resolve_as_of(*source);
  report r;
  {
    py::gil_scoped_release release;
    r = evaluate(*source, *set, day, sch);
  }
  return report_ref{std::move(r), std::move(source), std::move(set), std::make_shared<const scheme>(sch),
                    observations ? observations->source : std::string()};
}

}  // namespace

void bind_eval(py::module_& m) {
  binding::bind_enum<observation_status>(m);
  binding::bind_enum<formula>(m);
  binding::bind_enum<progress_status>(m);
  binding::bind_enum<projection>(m);
  binding::bind_enum<rollup_basis>(m);
  bind_observations(m);
  bind_schemes(m);
  bind_reports(m);

  // --- evaluate and Plan.evaluate --------------------------------------------------------------

  m.def("evaluate", &evaluate_indicator, "indicator"_a, "actual"_a = py::none(),
        "as_of"_a = py::none(), "scheme"_a = "miyagi", "observations"_a = py::none(),
        "when"_a = py::none(),
        R"doc(Assesses one indicator, and returns an IndicatorAssessment.

Args:
    indicator: an Indicator (plan.indicator("1-1-1")).
    actual: one actual value: a number in the indicator's unit as written (3656 件; 2150
        for 2,150 百万円), a text in it (``"3,656"``, ``"全所属"``) or a Quantity; or None.
    as_of: the day to assess at: a datetime.date, or a DateExpression or text whose last day
        it is (平成24年度末); by default the last day of the indicator's target.
    scheme: a Scheme, a preset's name (default ``"miyagi"``) or a JSON scheme file's path.
    observations: Observations to assess, with ``actual`` added to them.
    when: the date ``actual`` was observed at (a DateExpression, datetime.date or text); by
        default ``as_of`` (its text when it is one).

``actual`` is checked as a file's figure is: ValidationError for a value outside the
indicator's bounds (a rank 0 of 47, 120 %) or not finite.

>>> ind = miyagiplan.miyagi_it_plan_2013().indicator("1-1-1")
>>> miyagiplan.evaluate(ind, 3656, as_of="平成24年度末").grade
'B')doc");
  m.def(
      "evaluate",
      [](const model_part<plan>& p, const shared_observations* observations,
         const std::optional<date_arg>& as_of, const scheme_arg& s) {
        return evaluate_plan(p, observations, as_of, s);
      },
      "plan"_a, "observations"_a = py::none(), "as_of"_a = py::none(), "scheme"_a = "miyagi",
      "Assesses a whole plan: the same as plan.evaluate(observations, as_of, scheme).");
  m.attr("evaluate").attr("__module__") = package_name;

  py::object plan_cls = m.attr("Plan");
  plan_cls.attr("evaluate") = py::cpp_function(
      &evaluate_plan, py::name("evaluate"), py::is_method(plan_cls),
      py::sibling(py::getattr(plan_cls, "evaluate", py::none())), "observations"_a = py::none(),
      "as_of"_a = py::none(), "scheme"_a = "miyagi",
      R"doc(Assesses every indicator at a date, rolls the grades up into the measures, areas and
goals, and returns a Report.

Args:
    observations: the Observations (None: no actuals, every indicator not evaluable).
    as_of: the day: a datetime.date, or a DateExpression or text whose last day it is
        (平成25年度末, or 平成25年度 for its last day); by default the last day of the plan's
        period, or of its latest target when the period is empty or open — the rule of
        ``miyagiplan report`` (miyagiplan::resolve_as_of).
    scheme: a Scheme, a preset's name (default ``"miyagi"``), or the path of a JSON scheme
        file (a str or a pathlib.Path), as ``miyagiplan report --scheme`` reads it.

The plan, scheme and observations are copied first and the GIL is released while the
evaluation runs: threads can evaluate at once.)doc");
}

}  // namespace miyagiplan::python
