// Attainment in Python: the enums, observations (bind_observations.cpp) and grading schemes
// (bind_scheme.cpp); here the assessments of one indicator or a whole plan (evaluate() and
// Plan.evaluate), roll-ups, and reports with their renderers and DataFrames (report_frames.cpp).
//
// Evaluation works on copies taken with the GIL held (the plan, the scheme) and on a snapshot
// of the observations (copy-on-write), then releases the GIL for the whole-plan evaluation:
// threads evaluate in parallel and never see a plan or a set change under them. A report keeps
// its plan and observations, for its DataFrame and its observations.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "bind_described.hpp"
#include "eval_bindings.hpp"
#include "miyagiplan/report.hpp"

namespace miyagiplan::python {
namespace {

using namespace pybind11::literals;
using binding::date_arg;
using binding::repr_of;
using binding::value_arg;

std::string optional_repr(const std::optional<double>& v) {
  return v ? repr_of(*v) : std::string("None");
}

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
    o.value = binding::quantity_of(*actual, ind.unit, parse_actual);
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

// --- Reports as text, Markdown, CSV, JSON, HTML and .xlsx -----------------------------------

language language_of(const std::string& code) {
  if (code == "ja") return language::ja;
  if (code == "en") return language::en;
  throw py::value_error("lang: expected \"ja\" or \"en\", not \"" + code + "\"");
}

// What the library's renderers need of a Python Report; everything stays owned by `r`.
report_input input_of(const report_ref& r) {
  return {.plan = *r.source,
          .plan_source = {},
          .actuals = r.observations.get(),
          .actuals_source = r.observations_source,
          .scheme = *r.used_scheme,
          .as_of = r.value.as_of,
          .evaluation = &r.value,
          .record = r.record.get()};
}

// A record given as a dict (the JSON's shape), JSON text, or the path of a JSON file: read and
// checked against the report by the library (schema_error with a JSON pointer, validation_error).
evaluation_record record_arg(const py::object& given, const report& r) {
  evaluation_record record;
  std::string source;
  if (py::isinstance<py::dict>(given)) {
    record = record_from_json(py::module_::import("json").attr("dumps")(given, "ensure_ascii"_a = false).cast<std::string>());
  } else if (py::isinstance<py::str>(given) && py::str(given).cast<std::string>().starts_with("{")) {
    record = record_from_json(given.cast<std::string>());
  } else {
    source = py::str(py::module_::import("os").attr("fspath")(given)).cast<std::string>();
    record = load_record(source);
  }
  check_record(record, r, source);
  return record;
}

// --- Every fiscal year at once ----------------------------------------------------------------

years_ref evaluate_plan_years(const model_part<plan>& p, const shared_observations& observations, const scheme_arg& s) {
  auto source = std::make_shared<const plan>(p.get());
  const scheme sch = scheme_of(s);
  auto set = observations.snapshot();
  years_report y;
  {
    py::gil_scoped_release release;
    y = evaluate_years(*source, *set, sch);
  }
  return years_ref{std::move(y), std::move(source), std::move(set), std::make_shared<const scheme>(sch),
                   observations.source};
}

report_input input_of(const years_ref& y) {
  const report& last = y.value.years.back().evaluation;
  return {.plan = *y.source,
          .plan_source = {},
          .actuals = y.observations.get(),
          .actuals_source = y.observations_source,
          .scheme = *y.used_scheme,
          .as_of = last.as_of,
          .evaluation = &last,
          .years = &y.value};
}

// A report (a Report's or a YearsReport's) as text in a format.
template <class Ref>
std::string render(const Ref& r, report_format format, const std::string& lang, int width) {
  if (width < 40 || width > 1000) throw py::value_error("width: expected 40 to 1000 columns");
  const report_input input = input_of(r);
  const render_options options{.lang = language_of(lang), .width = width};
  py::gil_scoped_release release;
  return render_report(input, format, options);
}

// The report as an .xlsx workbook at `path`, written whole or not at all.
template <class Ref>
void write_excel(const Ref& r, const std::filesystem::path& path, const std::string& lang) {
  const report_input input = input_of(r);
  const render_options options{.lang = language_of(lang)};
  py::gil_scoped_release release;
  write_report(input, report_format::xlsx, path, options);
}

void bind_years(py::module_& m, py::object plan_cls) {
  binding::bind_enum<grade_movement>(m);
  py::class_<grade_change>(m, "GradeChange",
                           "How an indicator's grade moved from one fiscal year to the next. Read-only.")
      .def_readonly("indicator_id", &grade_change::indicator_id, "The indicator's id.")
      .def_property_readonly(
          "fiscal_year", [](const grade_change& c) { return c.year.year(); }, "The later fiscal year (2012 for 平成24年度).")
      .def_readonly("previous", &grade_change::previous, "The grade in the fiscal year before.")
      .def_readonly("current", &grade_change::current, "The grade in this fiscal year.")
      .def_readonly("movement", &grade_change::movement, "The GradeMovement: UP to a better band, DOWN, SAME.")
      .def("__repr__", [](const grade_change& c) {
        return "<" + std::string(package_name) + ".GradeChange " + c.indicator_id + " FY" + std::to_string(c.year.year()) +
               ": " + c.previous + " → " + c.current + " (" + std::string(to_string(c.movement)) + ")>";
      });
  py::class_<years_ref>(m, "YearsReport", R"doc(A plan evaluated as of the last day (年度末) of every fiscal year of its period
(Plan.evaluate_years), with each indicator's grade changes and the counts of grades and ratings
year by year. Read-only; keeps the plan and observations it was made from.

``report[2012]`` is the Report of 平成24年度; ``report.to_dataframe()`` has one row per
indicator and fiscal year; the renderers show the last year's report and the year-over-year
tables, as ``miyagiplan report --years`` does.)doc")
      .def_property_readonly(
          "fiscal_years",
          [](const years_ref& y) {
            std::vector<int> out;
            for (const auto& e : y.value.years) out.push_back(e.year.year());
            return out;
          },
          "The fiscal years, as their starting years: [2011, 2012, 2013].")
      .def_property_readonly(
          "reports",
          [](const years_ref& y) {
            std::vector<report_ref> out;
            for (std::size_t k = 0; k < y.value.years.size(); ++k) out.push_back(y.year(k));
            return out;
          },
          "One Report per fiscal year, in order.")
      .def(
          "__getitem__",
          [](const years_ref& y, int fiscal_year) {
            for (std::size_t k = 0; k < y.value.years.size(); ++k)
              if (y.value.years[k].year.year() == fiscal_year) return y.year(k);
            throw not_found_error("no fiscal year " + std::to_string(fiscal_year) + " in this report");
          },
          "fiscal_year"_a, "The Report of a fiscal year, by its starting year (2012 for 平成24年度).")
      .def("__len__", [](const years_ref& y) { return y.value.years.size(); })
      .def_property_readonly(
          "changes", [](const years_ref& y) { return y.value.changes; },
          "The GradeChanges: each indicator in document order, each year after the first.")
      .def("to_dataframe", &years_frame,
           R"doc(A pandas DataFrame with one row per indicator and fiscal year: the column
fiscal_year (2011, …), then Report.to_dataframe()'s columns, then previous_grade and movement
(None in the first year).)doc")
      .def("counts_dataframe", &counts_frame,
           R"doc(A pandas DataFrame of the counts year by year: kind (indicator, measure, area, goal,
plan), label (a grade or rating), then one column per fiscal year ("2011", …).)doc")
      .def(
          "to_text",
          [](const years_ref& y, const std::string& lang, int width) { return render(y, report_format::text, lang, width); },
          "lang"_a = "ja", "width"_a = 80, "As ``miyagiplan report --years`` writes text.")
      .def(
          "to_markdown", [](const years_ref& y, const std::string& lang) { return render(y, report_format::markdown, lang, 80); },
          "lang"_a = "ja", "As ``miyagiplan report --years --format markdown``.")
      .def(
          "to_csv", [](const years_ref& y) { return render(y, report_format::csv, "ja", 80); },
          "CSV with one row per indicator and fiscal year (``--years --format csv``).")
      .def(
          "to_json", [](const years_ref& y) { return render(y, report_format::json, "ja", 80); },
          "JSON (\"miyagiplan.Years.1\"): a report per year, the changes and the counts.")
      .def(
          "to_html", [](const years_ref& y, const std::string& lang) { return render(y, report_format::html, lang, 80); },
          "lang"_a = "ja", "The last year's dashboard with the year-over-year tables.")
      .def("to_excel", &write_excel<years_ref>, "path"_a, "lang"_a = "ja",
           "An .xlsx workbook: the last year's sheets, plus the grades and counts year by year.")
      .def("__repr__", [](const years_ref& y) {
        return "<" + std::string(package_name) + ".YearsReport " + repr_of(y.value.plan_id) + " FY" +
               std::to_string(y.value.years.front().year.year()) + "–FY" + std::to_string(y.value.years.back().year.year()) +
               " by " + y.value.scheme_name + ">";
      });
  plan_cls.attr("evaluate_years") = py::cpp_function(
      &evaluate_plan_years, py::name("evaluate_years"), py::is_method(plan_cls), "observations"_a,
      "scheme"_a = "miyagi",
      R"doc(Evaluates the plan as of the last day (年度末) of every fiscal year of its period and
returns a YearsReport: a Report per year, each indicator's grade changes and the counts of
grades and ratings year by year — what ``miyagiplan report --years`` shows. RangeError for a
plan without a period.)doc");
}

std::string assessment_repr(const assessment& a) {
  return "<" + std::string(package_name) + ".Assessment grade " + repr_of(a.grade) + ", rate " +
         optional_repr(a.rate) + ", " + std::string(to_string(a.status)) + ">";
}

py::list observations_used(const assessment_ref& r) {
  py::list out;
  for (std::size_t k : r.value.observations)
    out.append(model_part<observation>(r.observations->at(k)));
  return out;
}

const rollup& rollup_in(const std::vector<rollup>& group, const std::string& id, const char* kind) {
  for (const rollup& x : group)
    if (x.id == id) return x;
  throw not_found_error("no " + std::string(kind) + " roll-up with id \"" + id + "\"");
}

assessment_ref assessment_in(const report_ref& r, std::size_t k) {
  return assessment_ref{r.value.indicators[k], r.observations};
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
  py::class_<assessment> assessment_cls(
      m, "Assessment", R"doc(How far an indicator has come by a date: the numbers used (in base units), the
rate (達成率, 1.0 = 100 %), the grade and the status. Read-only.)doc");
  py::class_<assessment_ref> indicator_assessment_cls(
      m, "IndicatorAssessment", R"doc(An indicator's Assessment, the observations it used and an explanation a person
can read. ``grade``, ``rate`` and ``status`` are the assessment's. Read-only.)doc");
  py::class_<rollup> rollup_cls(
      m, "Rollup", R"doc(The rating of a measure, area or goal, rolled up from the grades of its
indicators. Read-only.)doc");
  py::class_<report_ref> report_cls(
      m, "Report", R"doc(The assessment of every indicator of a plan at a date, with the roll-ups of its
measures, areas and goals. Read-only; keeps the plan and observations it was made from.

``report.find("1-1-1")`` (or ``report["1-1-1"]``) is an IndicatorAssessment;
``report.area("1").rating`` a roll-up's rating; ``report.to_dataframe()`` a pandas DataFrame.)doc");
  binding::in_package(assessment_cls);
  binding::in_package(indicator_assessment_cls);
  binding::in_package(rollup_cls);
  binding::in_package(report_cls);

  // --- Assessments ---------------------------------------------------------------------------

  assessment_cls
      .def_readonly("formula", &assessment::formula, "The Formula that gave the rate.")
      .def_property_readonly(
          "as_of", [](const assessment& a) { return a.as_of; },
          "The day of the assessment, a datetime.date.")
      .def_readonly("actual", &assessment::actual,
                    R"doc(The actual used, in base units: the latest level, a sum of flows, a share
done; None when there is none.)doc")
      .def_readonly("baseline", &assessment::baseline,
                    "The baseline as used, in base units (－ and 実施なし count as 0 where meaningful).")
      .def_readonly("target", &assessment::target, "The target as used, in base units, or None.")
      .def_readonly("expected", &assessment::expected,
                    "The value expected by as_of (linear in time), in base units, or None.")
      .def_readonly("rate", &assessment::rate, "The rate (達成率) by the formula, 1.0 = 100 %; or None.")
      .def_readonly("reached", &assessment::reached, "Whether the target is reached.")
      .def_readonly("grade", &assessment::grade,
                    "The grade by the scheme's bands (A, B, C), or its not-evaluable label (N).")
      .def_readonly("points", &assessment::points, "The grade's points for roll-ups.")
      .def_readonly("status", &assessment::status, "The ProgressStatus.")
      .def_readonly("baseline_estimate", &assessment::baseline_estimate,
                    "Whether the baseline is a 見込 (estimate) figure.")
      .def_readonly("used_begin", &assessment::used_begin,
                    "The first of the observations used, as an index into the indicator's points in date order.")
      .def_readonly("used_end", &assessment::used_end, "One past the last observation used.")
      .def_readonly("years_met", &assessment::years_met,
                    "For a frequency: the fiscal years that met the target so far.")
      .def_readonly("years_due", &assessment::years_due,
                    "For a frequency: the fiscal years of the period ended by as_of.")
      .def_readonly("revisions_in_force", &assessment::revisions_in_force,
                    "How many revisions of the target or baseline were decided by the as-of day.")
      .def_readonly("original_target", &assessment::original_target,
                    "The document's target in base units, when a revision in force changed it; else None.")
      .def_readonly("original_baseline", &assessment::original_baseline,
                    "The document's baseline in base units, when a revision in force changed it; else None.")
      .def_readonly("expected_from_milestones", &assessment::expected_from_milestones,
                    "Whether the expected value runs through the indicator's milestones.")
      .def_readonly("figure_age", &assessment::figure_age,
                    "Days from the end of the period of the figure used to the as-of day, or None.")
      .def_property_readonly(
          "figure_published", [](const assessment& a) { return a.figure_published; },
          "When the figure used was published (a datetime.date), or None when not known.")
      .def_readonly("projected", &assessment::projected,
                    "The value expected at the target date at the present pace (base units), or None.")
      .def_readonly("will_reach", &assessment::will_reach,
                    "Whether the projected value reaches the target; None without a projection.")
      .def_property_readonly("evaluable", &assessment::evaluable,
                             "Whether the indicator could be judged (status is not NOT_EVALUABLE).")
      .def("__repr__", &assessment_repr, "<miyagiplan.Assessment grade 'B', rate 0.8, behind>");

  indicator_assessment_cls
      .def_property_readonly(
          "indicator_id", [](const assessment_ref& r) { return r.value.indicator_id; },
          "The indicator's id.")
      .def_property_readonly(
          "assessment", [](const assessment_ref& r) { return r.value.assessment; },
          "The Assessment.")
      .def_property_readonly("observations", &observations_used,
                             "Copies of the Observations the assessment used, in date order.")
      .def_property_readonly(
          "observation_indices", [](const assessment_ref& r) { return r.value.observations; },
          "The positions of those observations in the Observations evaluated.")
      .def_property_readonly(
          "excluded_reason", [](const assessment_ref& r) { return r.value.excluded_reason; },
          "Why the indicator is excluded (the 除外 figure's note); empty when it is not.")
      .def_property_readonly(
          "explanation", [](const assessment_ref& r) { return r.value.explanation; },
          "A sentence a person can read: which rule and formula, with which numbers.")
      .def_property_readonly(
          "grade", [](const assessment_ref& r) { return r.value.assessment.grade; },
          "The assessment's grade.")
      .def_property_readonly(
          "rate", [](const assessment_ref& r) { return r.value.assessment.rate; },
          "The assessment's rate (1.0 = 100 %), or None.")
      .def_property_readonly(
          "status", [](const assessment_ref& r) { return r.value.assessment.status; },
          "The assessment's ProgressStatus.")
      .def(
          "__repr__",
          [](const assessment_ref& r) {
            const assessment& a = r.value.assessment;
            return "<" + std::string(package_name) + ".IndicatorAssessment " +
                   repr_of(r.value.indicator_id) + " grade " + repr_of(a.grade) + ", rate " +
                   optional_repr(a.rate) + ", " + std::string(to_string(a.status)) + ">";
          },
          "<miyagiplan.IndicatorAssessment '1-1-1' grade 'B', rate 0.8, behind>");

  rollup_cls.def_readonly("kind", &rollup::kind, "What is rolled up: measure, area or goal.")
      .def_readonly("id", &rollup::id, "Its id.")
      .def_readonly("title", &rollup::title, "Its title.")
      .def_readonly("rating", &rollup::rating,
                    "The rating by the scheme's roll-up levels (順調 …), or its not-evaluable label.")
      .def_readonly("average_points", &rollup::average_points,
                    "The average points of the evaluable grades, weighted by the indicators' weights, or None.")
      .def_readonly("sum_points", &rollup::sum_points,
                    "The weighted sum of their points (what a RollupBasis.SUM scheme rates), or None.")
      .def_readonly("evaluable", &rollup::evaluable, "How many of its indicators could be judged.")
      .def_readonly("total", &rollup::total, "How many indicators it has.")
      .def_property_readonly(
          "grade_counts",
          [](const rollup& r) {
            py::dict out;
            for (const auto& [label, count] : r.grade_counts) out[py::str(label)] = count;
            return out;
          },
          "How many indicators got each grade, as a dict in the scheme's band order.")
      .def(
          "__repr__",
          [](const rollup& r) {
            return "<" + std::string(package_name) + ".Rollup " + r.kind + " " + repr_of(r.id) +
                   " " + repr_of(r.rating) + ": " + std::to_string(r.evaluable) + " of " +
                   std::to_string(r.total) + " evaluable>";
          },
          "<miyagiplan.Rollup area '1' '順調': 3 of 3 evaluable>");

  report_cls
      .def_property_readonly(
          "plan_id", [](const report_ref& r) { return r.value.plan_id; }, "The plan's id.")
      .def_property_readonly(
          "scheme_name", [](const report_ref& r) { return r.value.scheme_name; },
          "The scheme's name.")
      .def_property_readonly(
          "as_of", [](const report_ref& r) { return r.value.as_of; },
          "The day of the report, a datetime.date.")
      .def_property_readonly(
          "indicators",
          [](const report_ref& r) {
            py::list out;
            for (std::size_t k = 0; k < r.value.indicators.size(); ++k)
              out.append(assessment_in(r, k));
            return out;
          },
          "Every indicator's IndicatorAssessment, in document order.")
      .def_property_readonly(
          "measures", [](const report_ref& r) { return r.value.measures; },
          "The Rollups of the measures with indicators of their own (or of their sub-measures).")
      .def_property_readonly(
          "areas", [](const report_ref& r) { return r.value.areas; }, "The Rollups of the areas.")
      .def_property_readonly(
          "goals", [](const report_ref& r) { return r.value.goals; },
          "The Rollups of the goals, when the goals divide the areas between them; else empty.")
      .def_property_readonly(
          "overall", [](const report_ref& r) -> py::object {
            if (r.value.overall.empty()) return py::none();
            return py::cast(r.value.overall.front());
          },
          R"doc(The Rollup of the whole plan (kind "plan") when its goals do not divide the areas
(the bundled plan relates both goals to all five areas); None when the goals roll up.)doc")
      .def(
          "find",
          [](const report_ref& r, const std::string& id) -> std::optional<assessment_ref> {
            for (std::size_t k = 0; k < r.value.indicators.size(); ++k)
              if (r.value.indicators[k].indicator_id == id) return assessment_in(r, k);
            return std::nullopt;
          },
          "indicator_id"_a, "The IndicatorAssessment of an indicator, or None if the plan has none.")
      .def(
          "__getitem__",
          [](const report_ref& r, const std::string& id) {
            for (std::size_t k = 0; k < r.value.indicators.size(); ++k)
              if (r.value.indicators[k].indicator_id == id) return assessment_in(r, k);
            throw not_found_error("no indicator with id \"" + id + "\" in the report");
          },
          "indicator_id"_a, "The IndicatorAssessment of an indicator; NotFoundError if none.")
      .def(
          "__len__", [](const report_ref& r) { return r.value.indicators.size(); },
          "The number of indicators assessed.")
      .def(
          "__iter__",
          [](const report_ref& r) {
            py::list out;
            for (std::size_t k = 0; k < r.value.indicators.size(); ++k)
              out.append(assessment_in(r, k));
            return py::iter(out);
          },
          "Iterates over the IndicatorAssessments, in document order.")
      .def(
          "measure",
          [](const report_ref& r, const std::string& id) {
            return rollup_in(r.value.measures, id, "measure");
          },
          "id"_a, "The Rollup of a measure; NotFoundError if none.")
      .def(
          "area",
          [](const report_ref& r, const std::string& id) {
            return rollup_in(r.value.areas, id, "area");
          },
          "id"_a, "The Rollup of an area; NotFoundError if none.")
      .def(
          "goal",
          [](const report_ref& r, const std::string& id) {
            return rollup_in(r.value.goals, id, "goal");
          },
          "id"_a, "The Rollup of a goal; NotFoundError if none.")
      .def("to_dataframe", &indicators_frame,
           R"doc(A pandas DataFrame, one row per indicator in document order, with the columns
id, name, unit, baseline, baseline_date, target, target_date, actual, expected, rate, grade,
status, explanation.

baseline, target, actual and expected are in each indicator's unit as written (2223.0 for
2,223 百万円), NaN for a state or none; the dates are the last days (datetime.date) of the
baseline's and target's date expressions; rate is 1.0 for 100 % (NaN when none); status is
the ProgressStatus's name. pandas is imported when called.)doc")
      .def(
          "to_json", [](const report_ref& r) { return render(r, report_format::json, "ja", 80); },
          R"doc(The report as JSON text ("miyagiplan.Report.1"), exactly as ``miyagiplan report
--format json`` writes it for the same plan, actuals, as-of day and scheme.)doc")
      .def(
          "to_text",
          [](const report_ref& r, const std::string& lang, int width) {
            return render(r, report_format::text, lang, width);
          },
          "lang"_a = "ja", "width"_a = 80,
          R"doc(The report as a text table ``width`` columns wide (wide characters count two), with
labels in ``lang``: "ja" (default) or "en".)doc")
      .def(
          "to_markdown",
          [](const report_ref& r, const std::string& lang) { return render(r, report_format::markdown, lang, 80); },
          "lang"_a = "ja", "The report as Markdown, labels and explanations in ``lang`` (\"ja\" or \"en\").")
      .def(
          "to_csv", [](const report_ref& r) { return render(r, report_format::csv, "ja", 80); },
          "The report as CSV, one row per indicator (as ``miyagiplan report --format csv``).")
      .def(
          "to_html",
          [](const report_ref& r, const std::string& lang) { return render(r, report_format::html, lang, 80); },
          "lang"_a = "ja",
          R"doc(The report as one self-contained HTML page (inline CSS and SVG charts), labels and
explanations in ``lang`` ("ja" or "en").)doc")
      .def(
          "explain",
          [](const report_ref& r, const std::string& indicator_id, const std::string& lang) {
            for (const auto& ia : r.value.indicators)
              if (ia.indicator_id == indicator_id)
                return explain(ia.assessment, *r.source->find_indicator(indicator_id), *r.used_scheme,
                               language_of(lang));
            throw not_found_error("no assessment of indicator \"" + indicator_id + "\" in this report");
          },
          "indicator_id"_a, "lang"_a = "ja",
          R"doc(Why the indicator got its grade, in ``lang``: "ja" (default, as the Japanese
reports say it) or "en" (IndicatorAssessment.explanation).)doc")
      .def(
          "new_record",
          [](const report_ref& r) {
            return py::module_::import("json").attr("loads")(to_json_text(record_of(r.value, *r.source)));
          },
          R"doc(This evaluation's record to fill in, as a dict ("miyagiplan.EvaluationRecord.1"): an
entry per indicator and measure with its grade, and empty ``reason`` (評価理由), ``opinion``
(適切 / おおむね適切 / 要検討, or "none"), ``comment`` and ``response`` (対応方針). Save it with
``json.dump(..., ensure_ascii=False)``; ``miyagiplan report --new-record FILE`` writes the same.)doc")
      .def(
          "with_record",
          [](const report_ref& r, const py::object& record) {
            report_ref out = r;
            out.record = std::make_shared<const evaluation_record>(record_arg(record, r.value));
            return out;
          },
          "record"_a,
          R"doc(This Report with an evaluation record attached, which every renderer then shows beside
the grades (as ``miyagiplan report --record FILE``): a dict as new_record gives, its JSON text,
or the path of a JSON file. SchemaError (with the JSON pointer) for what does not read;
ValidationError for a record of another plan or an entry naming no indicator or measure.)doc")
      .def_property_readonly(
          "record",
          [](const report_ref& r) -> py::object {
            if (!r.record) return py::none();
            return py::module_::import("json").attr("loads")(to_json_text(*r.record));
          },
          "The attached evaluation record, as a dict, or None.")
      .def("to_excel", &write_excel<report_ref>, "path"_a, "lang"_a = "ja",
           R"doc(Writes the report as an .xlsx workbook (a str or os.PathLike), as ``miyagiplan report
--format xlsx`` does: a sheet per table (indicators, measures, areas, goals and their areas, the
evaluation's settings, grades and ratings), one value per cell, no merged cells, units in their
own columns, numbers as numbers, dates as Excel dates with the 和暦 in the next column, a frozen
header row and filters; headers in ``lang`` ("ja" or "en"). The file is replaced only once the
new one is whole; FileError when it cannot be written.)doc")
      .def("rollups_dataframe", &rollups_frame,
           R"doc(A pandas DataFrame of the roll-ups: measures, then areas, then goals, with the
columns kind, id, title, rating, average_points, evaluable, total, and one column per grade
label counting the indicators that got it.)doc")
      .def(
          "__repr__",
          [](const report_ref& r) {
            return "<" + std::string(package_name) + ".Report " + repr_of(r.value.plan_id) +
                   " as of " + format_date(r.value.as_of, date_style::iso) + " by " +
                   r.value.scheme_name + ": " + std::to_string(r.value.indicators.size()) +
                   " indicators>";
          },
          "<miyagiplan.Report 'miyagi-it-2013' as of 2014-03-31 by miyagi: 25 indicators>");

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
  bind_years(m, plan_cls);
}

}  // namespace miyagiplan::python
