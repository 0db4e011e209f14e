// Attainment in Python: observations (実績値) and their files, grading schemes, assessments of
// one indicator or a whole plan, roll-ups, and reports as pandas DataFrames.
//
// Evaluation works on copies taken with the GIL held (the plan, the scheme) and on a snapshot
// of the observations (copy-on-write), then releases the GIL for the whole-plan evaluation:
// threads evaluate in parallel and never see a plan or a set change under them. A report keeps
// its plan and observations, for its DataFrame and its observations.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "bind_described.hpp"
#include "miyagiplan/eval.hpp"
#include "miyagiplan/io/files.hpp"
#include "miyagiplan/plans/miyagi_it_2013.hpp"
#include "miyagiplan/report.hpp"

namespace miyagiplan::python {
namespace {

using namespace pybind11::literals;
using binding::date_arg;
using binding::list_field;
using binding::member_or_name;
using binding::repr_of;
using binding::value_arg;
using binding::value_field;

// --- Shared state ----------------------------------------------------------------------------

// The plan observations are read against when none is given: the bundled plan, read once.
const plan& bundled_plan() {
  static const plan p = plans::miyagi_it_2013();
  return p;
}

const plan& plan_or_bundled(const model_part<plan>* p) { return p ? p->get() : bundled_plan(); }

void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (out) out << bytes;
  out.close();
  if (!out) throw io_error("cannot write " + path.string());
}

// An observation set Python holds: shared with the reports made from it, copied before an
// add when a report still holds it (so a report's set never changes).
struct shared_observations {
  std::shared_ptr<observation_set> set = std::make_shared<observation_set>();
  std::string source;  // the file read, as given (reports name it)

  std::shared_ptr<const observation_set> snapshot() const { return set; }
  observation_set& to_change() {
    if (set.use_count() > 1) set = std::make_shared<observation_set>(*set);
    return *set;
  }
};

shared_observations shared(observation_set s, std::string source = {}) {
  return shared_observations{std::make_shared<observation_set>(std::move(s)), std::move(source)};
}

// An indicator's assessment, with the observations it was made from.
struct assessment_ref {
  indicator_assessment value;
  std::shared_ptr<const observation_set> observations;
};

// A report, with the plan, observations and scheme it was made from (its renderers read them).
struct report_ref {
  report value;
  std::shared_ptr<const plan> source;
  std::shared_ptr<const observation_set> observations;
  std::shared_ptr<const scheme> used_scheme;
  std::string observations_source;  // the actuals' file, when they were read from one
};

std::string member_repr(py::handle member) {
  return std::string(package_name) + "." +
         py::str(py::type::handle_of(member).attr("__name__")).cast<std::string>() + "." +
         member.attr("name").cast<std::string>();
}

std::string optional_repr(const std::optional<double>& v) {
  return v ? repr_of(*v) : std::string("None");
}

py::object floor_value(double v) { return v == no_floor ? py::none() : py::cast(v); }
double floor_of(const std::optional<double>& v) { return v ? *v : no_floor; }

// --- Arguments -------------------------------------------------------------------------------

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

observation_status status_or_default(const std::optional<member_or_name<observation_status>>& s,
                                     const date_expression& when) {
  if (s) return binding::member(*s);
  return when.estimate() ? observation_status::estimate : observation_status::actual;
}

// An observation of an indicator of `p`, its value and total read in the indicator's unit;
// checked as a file's would be (the indicator exists, the value keeps to its bounds).
observation observation_in(const plan& p, const std::string& indicator_id, const date_arg& when,
                           const value_arg& value, const std::optional<value_arg>& total,
                           const std::optional<member_or_name<observation_status>>& status,
                           const std::string& source, const std::string& note,
                           const std::optional<date_arg>& published) {
  const indicator& ind = p.indicator_at(indicator_id);
  observation o;
  o.indicator_id = indicator_id;
  o.when = binding::expression_of(when);
  o.value = binding::quantity_of(value, ind.unit);
  if (total) {
    const quantity t = binding::quantity_of(*total, ind.unit);
    if (!t.is_number()) throw validation_error("indicator " + indicator_id, "a total must be a number");
    o.total = t.value;
  }
  o.status = status_or_default(status, o.when);
  o.source = source;
  o.note = note;
  if (published) o.published = binding::expression_of(*published);
  observation_set check;
  check.add(o, &p);
  return o;
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

// --- Reports as DataFrames -------------------------------------------------------------------

// pandas takes each column whole: numbers as float64 arrays (NaN where there is none), counts
// as int64 arrays, and text and dates as lists, which it keeps as objects (str, datetime.date).
template <class Rows, class Cell>
py::object column(const Rows& rows, Cell cell) {
  using value = std::decay_t<decltype(cell(*rows.begin()))>;
  if constexpr (std::is_arithmetic_v<value>) {
    using stored = std::conditional_t<std::is_floating_point_v<value>, double, std::int64_t>;
    py::array_t<stored> out(static_cast<py::ssize_t>(rows.size()));
    auto cells = out.template mutable_unchecked<1>();
    py::ssize_t k = 0;
    for (const auto& row : rows) cells(k++) = static_cast<stored>(cell(row));
    return out;
  } else {
    std::vector<value> out;
    out.reserve(rows.size());
    for (const auto& row : rows) out.push_back(cell(row));
    return py::cast(out);
  }
}

double number_or_nan(const std::optional<double>& v, double factor = 1) {
  return v ? *v / factor : std::numeric_limits<double>::quiet_NaN();
}

// A figure of the plan in its indicator's unit as written, NaN for a state (－, 実施なし).
double written_number(const dated_value& v, const unit& u) {
  return number_or_nan(v.value.is_number() ? std::optional<double>(v.value.display_value(u)) : std::nullopt);
}

// The columns in the order given (a dict of them, as pandas.DataFrame takes).
struct frame_columns {
  std::vector<std::string> order;
  py::dict columns;

  void add(const std::string& name, py::object values) {
    order.push_back(name);
    columns[py::str(name)] = std::move(values);
  }
  py::object dataframe() const {
    return py::module_::import("pandas").attr("DataFrame")(columns, "columns"_a = py::cast(order));
  }
};

py::object indicators_frame(const report_ref& r) {
  const std::vector<indicator_assessment>& rows = r.value.indicators;
  const plan& p = *r.source;
  auto indicator_of = [&p](const indicator_assessment& ia) -> const indicator& {
    return p.indicator_at(ia.indicator_id);
  };
  // The assessment's figures are in base units; the frame gives them in the unit as written.
  auto in_unit = [&](std::optional<double> assessment::*figure) {
    return column(rows, [&](const indicator_assessment& ia) {
      return number_or_nan(ia.assessment.*figure, indicator_of(ia).unit.factor());
    });
  };
  frame_columns frame;
  frame.add("id", column(rows, [&](const auto& ia) { return indicator_of(ia).id; }));
  frame.add("name", column(rows, [&](const auto& ia) { return indicator_of(ia).name; }));
  frame.add("unit", column(rows, [&](const auto& ia) { return indicator_of(ia).unit.symbol; }));
  frame.add("baseline", column(rows, [&](const auto& ia) {
              const indicator& ind = indicator_of(ia);
              return written_number(ind.baseline, ind.unit);
            }));
  frame.add("baseline_date", column(rows, [&](const auto& ia) { return indicator_of(ia).baseline.when.last(); }));
  frame.add("target", column(rows, [&](const auto& ia) {
              const indicator& ind = indicator_of(ia);
              return written_number(ind.target, ind.unit);
            }));
  frame.add("target_date", column(rows, [&](const auto& ia) { return indicator_of(ia).target.when.last(); }));
  frame.add("actual", in_unit(&assessment::actual));
  frame.add("expected", in_unit(&assessment::expected));
  frame.add("rate", column(rows, [](const auto& ia) { return number_or_nan(ia.assessment.rate); }));
  frame.add("grade", column(rows, [](const auto& ia) { return ia.assessment.grade; }));
  frame.add("status", column(rows, [](const auto& ia) { return std::string(to_string(ia.assessment.status)); }));
  frame.add("explanation", column(rows, [](const auto& ia) { return ia.explanation; }));
  return frame.dataframe();
}

py::object rollups_frame(const report_ref& r) {
  std::vector<const rollup*> rows;
  for (const auto* group : {&r.value.measures, &r.value.areas, &r.value.goals, &r.value.overall})
    for (const rollup& x : *group) rows.push_back(&x);
  frame_columns frame;
  frame.add("kind", column(rows, [](const rollup* x) { return x->kind; }));
  frame.add("id", column(rows, [](const rollup* x) { return x->id; }));
  frame.add("title", column(rows, [](const rollup* x) { return x->title; }));
  frame.add("rating", column(rows, [](const rollup* x) { return x->rating; }));
  frame.add("average_points", column(rows, [](const rollup* x) { return number_or_nan(x->average_points); }));
  frame.add("evaluable", column(rows, [](const rollup* x) { return x->evaluable; }));
  frame.add("total", column(rows, [](const rollup* x) { return x->total; }));
  // One column per grade label, in the scheme's band order.
  std::vector<std::string> labels;
  for (const rollup* x : rows)
    for (const auto& [label, count] : x->grade_counts)
      if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(label);
  for (const std::string& label : labels)
    frame.add(label, column(rows, [&label](const rollup* x) {
                std::size_t n = 0;
                for (const auto& [counted, count] : x->grade_counts)
                  if (counted == label) n = count;
                return n;
              }));
  return frame.dataframe();
}

// --- Reports as text, Markdown, CSV, JSON and HTML -------------------------------------------

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
          .evaluation = &r.value};
}

std::string render(const report_ref& r, report_format format, const std::string& lang, int width) {
  if (width < 40 || width > 1000) throw py::value_error("width: expected 40 to 1000 columns");
  const report_input input = input_of(r);
  const render_options options{.lang = language_of(lang), .width = width};
  py::gil_scoped_release release;
  return render_report(input, format, options);
}

// The report as an .xlsx workbook at `path`, written whole or not at all.
void write_excel(const report_ref& r, const std::filesystem::path& path, const std::string& lang) {
  const report_input input = input_of(r);
  const render_options options{.lang = language_of(lang)};
  py::gil_scoped_release release;
  write_report(input, report_format::xlsx, path, options);
}

// --- Reprs -----------------------------------------------------------------------------------

std::string observation_repr(const observation& o) {
  std::string r = std::string(package_name) + ".Observation(" + repr_of(o.indicator_id) + ", " +
                  py::repr(py::cast(o.when)).cast<std::string>() + ", " +
                  py::repr(py::cast(model_part<quantity>(o.value))).cast<std::string>();
  if (o.total) r += ", total=" + repr_of(*o.total);
  if (o.status != (o.when.estimate() ? observation_status::estimate : observation_status::actual))
    r += ", status=" + member_repr(py::cast(o.status));
  if (!o.source.empty()) r += ", source=" + repr_of(o.source);
  if (!o.note.empty()) r += ", note=" + repr_of(o.note);
  if (o.published) r += ", published=" + py::repr(py::cast(*o.published)).cast<std::string>();
  return r + ")";
}

std::string band_repr(const grade_band& b) {
  std::string r = std::string(package_name) + ".GradeBand(" + repr_of(b.label);
  if (b.min_rate != no_floor) r += ", min_rate=" + repr_of(b.min_rate);
  if (b.reached) r += ", reached=True";
  return r + ", points=" + repr_of(b.points) + ")";
}

std::string level_repr(const rollup_level& l) {
  std::string r = std::string(package_name) + ".RollupLevel(" + repr_of(l.label);
  if (l.min_points != no_floor) r += ", min_points=" + repr_of(l.min_points);
  return r + ")";
}

std::string scheme_repr(const scheme& s) {
  for (const std::string& name : scheme::preset_names())
    if (scheme::preset(name) == s)
      return std::string(package_name) + ".Scheme.preset(" + repr_of(name) + ")";
  std::string r = std::string(package_name) + ".Scheme(" + repr_of(s.name) +
                  ", formula=" + member_repr(py::cast(s.formula));
  if (s.clamp) r += ", clamp=True";
  r += ", bands=[";
  for (std::size_t k = 0; k < s.bands.size(); ++k) r += (k ? ", " : "") + band_repr(s.bands[k]);
  r += "], not_evaluable=" + repr_of(s.not_evaluable) + ", rollup=[";
  for (std::size_t k = 0; k < s.rollup.size(); ++k) r += (k ? ", " : "") + level_repr(s.rollup[k]);
  r += "], rollup_not_evaluable=" + repr_of(s.rollup_not_evaluable);
  const scheme defaults;
  if (s.excluded != defaults.excluded) r += ", excluded=" + repr_of(s.excluded);
  if (s.projection != defaults.projection) r += ", projection=" + member_repr(py::cast(s.projection));
  if (s.rollup_by != defaults.rollup_by) r += ", rollup_by=" + member_repr(py::cast(s.rollup_by));
  if (s.no_change_band != defaults.no_change_band)
    r += ", no_change_band=" + repr_of(s.no_change_band) + ", no_change=" + repr_of(s.no_change) +
         ", no_change_points=" + repr_of(s.no_change_points);
  return r + ")";
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

template <class Items>
py::list observation_list(const Items& items) {
  py::list out;
  for (const observation& o : items) out.append(model_part<observation>(o));
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
  py::class_<model_part<observation>> observation_cls(
      m, "Observation", R"doc(An actual (実績値): what is reported for an indicator at a date.

``value`` is a Quantity in base units; Plan.observation makes one from a number in the
indicator's unit. An Observation is a value of its own: Observations holds copies.)doc");
  py::class_<shared_observations> observations_cls(
      m, "Observations", R"doc(A set of observations, read from CSV or JSON against a plan (so that values are
read in each indicator's unit), or built with add.

List-like: len, iteration and [i] give copies of the observations, in the order added.
``plan`` arguments default to the bundled plan (miyagiplan.miyagi_it_plan_2013()).)doc");
  py::class_<model_part<grade_band>> band_cls(
      m, "GradeBand", R"doc(A grade: given when the rate is at least ``min_rate`` (None: no floor) and, if
``reached``, the target has been reached. A scheme tries its bands in order; the first that
holds gives the grade, worth ``points`` in a roll-up.)doc");
  py::class_<model_part<rollup_level>> level_cls(
      m, "RollupLevel", R"doc(A roll-up rating: given when the average points of the evaluable grades reach
``min_points`` (None: no floor).)doc");
  py::class_<model_part<scheme>> scheme_cls(
      m, "Scheme", R"doc(A grading scheme, as data: the formula for the rate, the bands that turn a rate
into a grade, and the levels that roll grades up into a measure's, area's or goal's rating.

Presets: Scheme.miyagi() (the default: A / B ≥ 80 % / C / N, rolled up to 順調 …
遅れている), soumu(), open_sdg(), unsd_2023(), okr(), or Scheme.preset(name). Each call gives
a fresh Scheme, to change freely. Functions taking a scheme also take a preset's name.)doc");
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
  for (py::handle cls : {observation_cls.ptr(), observations_cls.ptr(), band_cls.ptr(),
                         level_cls.ptr(), scheme_cls.ptr(), assessment_cls.ptr(),
                         indicator_assessment_cls.ptr(), rollup_cls.ptr(), report_cls.ptr()})
    cls.attr("__module__") = package_name;
  binding::bind_list<grade_band>(m);
  binding::bind_list<rollup_level>(m);

  // --- Enums ---------------------------------------------------------------------------------

  // --- Observation ---------------------------------------------------------------------------

  observation_cls.def(
      py::init([](const std::string& indicator_id, const date_arg& when,
                  const model_part<quantity>& value, const std::optional<double>& total,
                  const std::optional<member_or_name<observation_status>>& status,
                  const std::string& source, const std::string& note, const std::optional<date_arg>& published) {
        observation o;
        o.indicator_id = indicator_id;
        o.when = binding::expression_of(when);
        o.value = value.get();
        o.total = total;
        o.status = status_or_default(status, o.when);
        o.source = source;
        o.note = note;
        if (published) o.published = binding::expression_of(*published);
        return model_part<observation>(std::move(o));
      }),
      "indicator_id"_a, "when"_a, "value"_a, "total"_a = py::none(), "status"_a = py::none(),
      "source"_a = "", "note"_a = "", "published"_a = py::none(),
      R"doc(An observation with the fields as given.

Args:
    indicator_id: the indicator's id (1-1-1).
    when: a DateExpression, a datetime.date or a text (平成23年度末, 平成25年度（見込）).
    value: a Quantity in base units. For a number in the indicator's unit, use
        Plan.observation(indicator_id, when, 2900), which reads it in the unit.
    total: for a completion, the whole, in base units (or None).
    status: an ObservationStatus or its name; by default ESTIMATE when ``when`` is marked
        （見込）, else ACTUAL. EXCLUDED (除外) takes the indicator out of the evaluation from
        this date; ``note`` gives the reason.
    source, note: free text.
    published: when the figure was published (公表日), or None: an evaluation as of an
        earlier day does not use it.)doc");
  value_field(observation_cls, "indicator_id", &observation::indicator_id,
              "The indicator's id: 1-1-1.");
  observation_cls.def_property(
      "when", [](const model_part<observation>& o) { return o.get().when; },
      [](const model_part<observation>& o, const date_arg& when) {
        o.get().when = binding::expression_of(when);
      },
      "The date, a DateExpression (set from one, a datetime.date or a text).");
  binding::part_field(observation_cls, "value", &observation::value,
                  "The value, a Quantity in base units.");
  value_field(observation_cls, "total", &observation::total,
              "For a completion, the whole (all departments) in base units; None when not given.");
  binding::enum_field(observation_cls, "status", &observation::status,
                  "ACTUAL (実績) or ESTIMATE (見込), an ObservationStatus (set from a member or name).");
  value_field(observation_cls, "source", &observation::source, "Where the figure comes from.");
  value_field(observation_cls, "note", &observation::note, "A note; for an EXCLUDED figure, the reason.");
  observation_cls.def_property(
      "published", [](const model_part<observation>& o) { return o.get().published; },
      [](const model_part<observation>& o, const std::optional<date_arg>& when) {
        o.get().published = when ? std::optional<date_expression>(binding::expression_of(*when)) : std::nullopt;
      },
      "When the figure was published (公表日), a DateExpression, or None.");
  binding::value_methods(observation_cls, &observation_repr);
  observation_cls.def(py::pickle(
      [](const model_part<observation>& n) {
        const observation& o = n.get();
        return py::make_tuple(o.indicator_id, o.when, model_part<quantity>(o.value), o.total, o.status,
                              o.source, o.note, o.published);
      },
      [](const py::tuple& t) {
        return model_part<observation>(observation{
            t[0].cast<std::string>(), t[1].cast<date_expression>(),
            t[2].cast<const model_part<quantity>&>().get(), t[3].cast<std::optional<double>>(),
            t[4].cast<observation_status>(), t[5].cast<std::string>(), t[6].cast<std::string>(),
            t.size() > 7 ? t[7].cast<std::optional<date_expression>>() : std::nullopt});
      }));

  // --- Observations --------------------------------------------------------------------------

  observations_cls
      .def(py::init([](const py::iterable& items, const model_part<plan>* p) {
             shared_observations observations;
             for (py::handle h : items) {
               if (!py::isinstance<model_part<observation>>(h))
                 throw py::type_error("expected a miyagiplan.Observation, not " +
                                      binding::type_name_of(h));
               observations.set->add(h.cast<const model_part<observation>&>().get(), p ? &p->get() : nullptr);
             }
             return observations;
           }),
           "observations"_a = py::tuple(), "plan"_a = py::none(),
           R"doc(A set of the given Observations, each checked against ``plan`` when one is given
(ValidationError: no such indicator, a value outside its bounds).)doc")
      .def(
          "add",
          [](shared_observations& observations, const model_part<observation>& o, const model_part<plan>* p) {
            observation copy = o.get();
            observations.to_change().add(std::move(copy), p ? &p->get() : nullptr);
          },
          "observation"_a, "plan"_a = py::none(),
          R"doc(Adds a copy of an Observation, checked against ``plan`` when one is given
(ValidationError: no such indicator, a value outside its bounds).)doc")
      .def(
          "items", [](const shared_observations& observations) { return observation_list(observations.set->items()); },
          "Copies of every observation, in the order added, as a list.")
      .def(
          "__len__", [](const shared_observations& observations) { return observations.set->size(); },
          "The number of observations.")
      .def(
          "__iter__",
          [](const shared_observations& observations) { return py::iter(observation_list(observations.set->items())); },
          "Iterates over copies of the observations.")
      .def(
          "__getitem__",
          [](const shared_observations& observations, py::ssize_t i) {
            const observation_set& set = *observations.set;
            return model_part<observation>(set.at(binding::list_index(set.size(), i)));
          },
          "index"_a, "A copy of the observation at ``index``.")
      .def(
          "for_indicator",
          [](const shared_observations& observations, const std::string& id) {
            py::list out;
            for (const std::uint32_t k : observations.set->positions_of(id))
              out.append(model_part<observation>(observations.set->at(k)));
            return out;
          },
          "indicator_id"_a, "Copies of one indicator's observations, in the order added.")
      .def_static(
          "from_csv",
          [](const std::filesystem::path& path, const model_part<plan>* p, std::string_view encoding) {
            const office::text_encoding e = office::text_encoding_from_string(encoding);
            const std::string text = office::to_utf8(read_file(path), e, path.string());
            return shared(observation_set::from_csv(text, plan_or_bundled(p), path.string()), path.string());
          },
          "path"_a, "plan"_a = py::none(), "encoding"_a = "auto",
          R"doc(Reads a CSV file (a str or os.PathLike) with a header row:
indicator,date,value[,status,total,source,note], or value_base in place of value for numbers
in base units (or the Japanese names 指標ID, 時点, 実績値, 基本単位の値, 区分, 全体, 出典, 備考).
Values are read in each indicator's unit of ``plan`` (default: the bundled plan).

``encoding``: "auto" (a UTF-8 byte order mark or valid UTF-8 is UTF-8, anything else CP932, as
Japanese Excel saves CSV), "utf-8" or "cp932" (also "shift_jis").

Raises SchemaError (also a ValueError) naming every bad cell, its ``where`` the first one's
file:line:column; FileError when the file cannot be read.)doc")
      .def_static(
          "from_file",
          [](const std::filesystem::path& path, const model_part<plan>* p, std::string_view encoding,
             const std::optional<std::string>& sheet) {
            load_options options;
            options.encoding = office::text_encoding_from_string(encoding);
            options.sheet = sheet.value_or("");
            return shared(observation_set::load(path, plan_or_bundled(p), options), path.string());
          },
          "path"_a, "plan"_a = py::none(), "encoding"_a = "auto", "sheet"_a = py::none(),
          R"doc(Reads actuals from any file an office keeps, by its extension: .csv (in ``encoding``,
as from_csv), .json, or .xlsx (``sheet``, default the first): a header row naming the
columns in English or Japanese (指標ID, 時点, 実績値 …), dates as date cells (1900 or 1904
system) or text (平成23年度末), values as numbers or text (2,900 件), a formula's saved value.

Raises SchemaError naming every bad cell (``actuals.xlsx!実績!C12``, or file:line:column);
nothing of a bad file is kept. FileError when the file cannot be read or has another
extension.)doc")
      .def_static(
          "from_csv_text",
          [](std::string_view text, const model_part<plan>* p, std::string_view file_name) {
            return shared(observation_set::from_csv(text, plan_or_bundled(p), file_name));
          },
          "text"_a, "plan"_a = py::none(), "file_name"_a = "<csv>",
          "Reads CSV text as from_csv does; errors name ``file_name``.")
      .def_static(
          "from_json",
          [](const std::filesystem::path& path, const model_part<plan>* p) {
            const std::string text = read_file(path);
            return shared(observation_set::from_json(text, plan_or_bundled(p), path.string()), path.string());
          },
          "path"_a, "plan"_a = py::none(),
          R"doc(Reads a JSON file: {"schema": "miyagiplan.Observations.1", "observations":
[{"indicator", "date", "value" | "value_base", "status"?, "total"?, "source"?, "note"?}]}.

Raises SchemaError, its ``where`` the file and JSON pointer.)doc")
      .def_static(
          "from_json_text",
          [](std::string_view text, const model_part<plan>* p, std::string_view file_name) {
            return shared(observation_set::from_json(text, plan_or_bundled(p), file_name));
          },
          "text"_a, "plan"_a = py::none(), "file_name"_a = "<json>",
          "Reads JSON text as from_json does; errors name ``file_name``.")
      .def_static(
          "load",
          [](const std::filesystem::path& path, const model_part<plan>* p) {
            return shared(observation_set::load(path, plan_or_bundled(p)), path.string());
          },
          "path"_a, "plan"_a = py::none(),
          "Reads a .csv or .json file by its extension (FileError for another).")
      .def(
          "to_csv",
          [](const shared_observations& observations, const model_part<plan>* p) {
            return observations.set->to_csv(plan_or_bundled(p));
          },
          "plan"_a = py::none(),
          R"doc(The observations as CSV text, values in each indicator's unit of ``plan``
(default: the bundled plan); from_csv_text reads it back.)doc")
      .def(
          "to_csv",
          [](const shared_observations& box, const std::filesystem::path& path, const model_part<plan>* p,
             std::string_view encoding) {
            const std::string bytes =
                box.set->to_csv(plan_or_bundled(p), office::text_encoding_from_string(encoding));
            write_bytes(path, bytes);
          },
          "path"_a, "plan"_a = py::none(), "encoding"_a = "cp932",
          R"doc(Writes the observations as a CSV file (a str or os.PathLike) in ``encoding``: "cp932"
(the default: Shift_JIS, as Japanese Excel opens CSV) or "utf-8". SchemaError naming the
character and its line and column when CP932 has no code for one; FileError when the file
cannot be written.)doc")
      .def(
          "to_json",
          [](const shared_observations& observations, const model_part<plan>* p) {
            return observations.set->to_json_text(plan_or_bundled(p));
          },
          "plan"_a = py::none(),
          "The observations as JSON text (values in each indicator's unit); from_json_text reads it back.")
      .def(
          "copy", [](const shared_observations& observations) { return observations; },
          "A copy (cheap: shared until either changes).")
      .def(
          "__copy__", [](const shared_observations& observations) { return observations; },
          "A copy (shared until either changes).")
      .def(
          "__deepcopy__", [](const shared_observations& observations, const py::dict&) { return observations; },
          "memo"_a, "A copy (shared until either changes).")
      .def(
          "__eq__",
          [](const shared_observations& a, const shared_observations& b) { return *a.set == *b.set; },
          py::is_operator(), "The same observations in the same order.")
      .def(
          "__repr__",
          [](const shared_observations& observations) {
            const std::size_t n = observations.set->size();
            return "<" + std::string(package_name) + ".Observations " + std::to_string(n) +
                   (n == 1 ? " observation>" : " observations>");
          },
          "<miyagiplan.Observations 75 observations>")
      .def(py::pickle(
          [](const shared_observations& observations) { return observation_list(observations.set->items()); },
          [](const py::list& items) {
            shared_observations observations;
            for (py::handle h : items) observations.set->add(h.cast<const model_part<observation>&>().get());
            return observations;
          }));
  observations_cls.attr("__hash__") = py::none();

  // --- Schemes -------------------------------------------------------------------------------

  band_cls.def(py::init([](const std::string& label, const std::optional<double>& min_rate,
                           bool reached, double points) {
                 return model_part<grade_band>(grade_band{label, floor_of(min_rate), reached, points});
               }),
               "label"_a = "", "min_rate"_a = py::none(), "reached"_a = false, "points"_a = 0.0,
               "A band with the fields as given (``min_rate`` None: no floor).");
  value_field(band_cls, "label", &grade_band::label, "The grade: A, B, C.");
  band_cls.def_property(
      "min_rate", [](const model_part<grade_band>& b) { return floor_value(b.get().min_rate); },
      [](const model_part<grade_band>& b, const std::optional<double>& v) {
        b.get().min_rate = floor_of(v);
      },
      "The least rate for the grade (0.8 for 80 %), or None for no floor.");
  value_field(band_cls, "reached", &grade_band::reached,
              "Whether the grade needs the target reached.");
  value_field(band_cls, "points", &grade_band::points, "What the grade counts for in a roll-up.");
  binding::value_methods(band_cls, &band_repr);
  band_cls.def(py::pickle(
      [](const model_part<grade_band>& b) {
        const grade_band& v = b.get();
        return py::make_tuple(v.label, v.min_rate, v.reached, v.points);
      },
      [](const py::tuple& t) {
        return model_part<grade_band>(grade_band{t[0].cast<std::string>(), t[1].cast<double>(),
                                           t[2].cast<bool>(), t[3].cast<double>()});
      }));

  level_cls.def(py::init([](const std::string& label, const std::optional<double>& min_points) {
                  return model_part<rollup_level>(rollup_level{label, floor_of(min_points)});
                }),
                "label"_a = "", "min_points"_a = py::none(),
                "A level with the fields as given (``min_points`` None: no floor).");
  value_field(level_cls, "label", &rollup_level::label, "The rating: 順調, 概ね順調, ….");
  level_cls.def_property(
      "min_points", [](const model_part<rollup_level>& l) { return floor_value(l.get().min_points); },
      [](const model_part<rollup_level>& l, const std::optional<double>& v) {
        l.get().min_points = floor_of(v);
      },
      "The least average points for the rating, or None for no floor.");
  binding::value_methods(level_cls, &level_repr);
  level_cls.def(py::pickle(
      [](const model_part<rollup_level>& l) {
        return py::make_tuple(l.get().label, l.get().min_points);
      },
      [](const py::tuple& t) {
        return model_part<rollup_level>(rollup_level{t[0].cast<std::string>(), t[1].cast<double>()});
      }));

  scheme_cls.def(
      py::init([](const std::string& name, const member_or_name<formula>& f, bool clamp,
                  const py::iterable& bands, const std::string& not_evaluable,
                  const py::iterable& rollup, const std::string& rollup_not_evaluable,
                  const std::string& excluded, const member_or_name<projection>& pace,
                  const member_or_name<rollup_basis>& rollup_by, double no_change_band, const std::string& no_change,
                  double no_change_points) {
        return model_part<scheme>(scheme{name, binding::member(f), clamp,
                                   binding::elements_from<grade_band>(bands), not_evaluable,
                                   binding::elements_from<rollup_level>(rollup), rollup_not_evaluable,
                                   excluded, binding::member(pace), binding::member(rollup_by), no_change_band,
                                   no_change, no_change_points});
      }),
      "name"_a = "", "formula"_a = formula::baseline_relative, "clamp"_a = false,
      "bands"_a = py::tuple(), "not_evaluable"_a = "N", "rollup"_a = py::tuple(),
      "rollup_not_evaluable"_a = "N", "excluded"_a = "－", "projection"_a = projection::last_two,
      "rollup_by"_a = rollup_basis::average, "no_change_band"_a = 0.0, "no_change"_a = "現状維持",
      "no_change_points"_a = 0.0,
      R"doc(A scheme with the fields as given (``formula`` a Formula or its name; ``bands``
GradeBands, the last with no floor; ``rollup`` RollupLevels from the highest to the lowest).
validate() checks it; evaluation does too.)doc");
  value_field(scheme_cls, "name", &scheme::name, "The scheme's name: miyagi.");
  binding::enum_field(scheme_cls, "formula", &scheme::formula,
                  "The Formula for the rate (set from a member or its name).");
  value_field(scheme_cls, "clamp", &scheme::clamp, "Whether the rate is clamped into [0, 1] (OKR).");
  list_field(scheme_cls, "bands", &scheme::bands, "The grade bands, in order: a live list of GradeBand.");
  value_field(scheme_cls, "not_evaluable", &scheme::not_evaluable,
              "The grade of an indicator that cannot be judged: N.");
  list_field(scheme_cls, "rollup", &scheme::rollup,
             "The roll-up levels, highest first: a live list of RollupLevel.");
  value_field(scheme_cls, "rollup_not_evaluable", &scheme::rollup_not_evaluable,
              "The rating of a roll-up with nothing evaluable: N.");
  value_field(scheme_cls, "excluded", &scheme::excluded,
              "The grade of an indicator taken out of the evaluation (除外): －.");
  binding::enum_field(scheme_cls, "projection", &scheme::projection,
                      "How ``projected`` is found at the present pace: a Projection (set from a member or name).");
  binding::enum_field(scheme_cls, "rollup_by", &scheme::rollup_by,
                      "What roll-up levels compare with: a RollupBasis, AVERAGE (Miyagi) or SUM (Sano, Aioi).");
  value_field(scheme_cls, "no_change_band", &scheme::no_change_band,
              "A change from the baseline under this, in the indicator's unit as written, is ``no_change`` "
              "(3 for Fukuoka City's ±3 points); 0: none.");
  value_field(scheme_cls, "no_change", &scheme::no_change, "The grade inside the no-change band: 現状維持.");
  value_field(scheme_cls, "no_change_points", &scheme::no_change_points, "What that grade counts for in a roll-up.");
  scheme_cls
      .def(
          "validate", [](const model_part<scheme>& s) { s.get().validate(); },
          R"doc(Raises ValidationError for a scheme that cannot grade: no bands, a last band with a
floor or needing the target reached, unordered roll-up levels.)doc")
      .def(
          "to_json", [](const model_part<scheme>& s) { return s.get().to_json_text(); },
          R"doc(The scheme as JSON ({"schema": "miyagiplan.Scheme.1", ...}); from_json reads it back.)doc")
      .def_static(
          "from_json", [](std::string_view text) { return model_part<scheme>(scheme::from_json(text)); },
          "text"_a, "Reads a scheme from JSON text; SchemaError, with a JSON pointer, if it is not one.")
      .def_static(
          "preset", [](std::string_view name) { return model_part<scheme>(scheme::preset(name)); },
          "name"_a,
          R"doc(A fresh copy of the preset ``name`` (one of preset_names()); NotFoundError for
another name.)doc")
      .def_static("preset_names", &scheme::preset_names,
                  "The names of the presets: miyagi, soumu, open_sdg, unsd_2023, okr, ibaraki, nagayo.")
      .def_static(
          "ibaraki", [] { return model_part<scheme>(scheme::ibaraki()); },
          R"doc(Ibaraki: each year against its 期待値 (the milestones, else the straight line), by
progress from the baseline: A (≥ 期待値), B+ (≥ 80 %), B (≥ 50 %), C.)doc")
      .def_static(
          "nagayo", [] { return model_part<scheme>(scheme::nagayo()); },
          R"doc(Nagayo: by direction and distance from the baseline: S target passed, A more than
10 % better than the baseline, B within ±10 %, C worse, － not measurable.)doc")
      .def_static(
          "miyagi", [] { return model_part<scheme>(scheme::miyagi()); },
          R"doc(Miyagi's practice (the default): A reached; B rate ≥ 80 %; C; N. Roll-up 順調 /
概ね順調 / やや遅れている / 遅れている from the average of A = 3, B = 2, C = 1 (≥ 2.5, ≥ 2.0,
≥ 1.5).)doc")
      .def_static(
          "soumu", [] { return model_part<scheme>(scheme::soumu()); },
          R"doc(総務省's five levels: 目標超過達成 (reached, rate ≥ 120 %), 目標達成, 相当程度進展あり
(≥ 80 %), 進展が大きくない (≥ 0), 目標に向かっていない.)doc")
      .def_static(
          "open_sdg", [] { return model_part<scheme>(scheme::open_sdg()); },
          R"doc(Open SDG / Statistics Canada (CAGR ratio): target_achieved, substantial (R ≥ 0.95),
moderate (≥ 0.6), limited (≥ 0), deterioration.)doc")
      .def_static(
          "unsd_2023", [] { return model_part<scheme>(scheme::unsd_2023()); },
          "UNSD Progress Chart 2023: on_track (≥ 0.95), fair_progress (≥ 0.10), stagnation_or_regression.")
      .def_static(
          "okr", [] { return model_part<scheme>(scheme::okr()); },
          "OKR: the rate clamped to 0.0–1.0; green ≥ 0.7, yellow ≥ 0.4, red.");
  binding::value_methods(scheme_cls, &scheme_repr);
  scheme_cls.def(py::pickle([](const model_part<scheme>& s) { return s.get().to_json_text(); },
                            [](const std::string& text) { return model_part<scheme>(scheme::from_json(text)); }));

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
      .def("to_excel", &write_excel, "path"_a, "lang"_a = "ja",
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

  // --- Functions and Plan methods ------------------------------------------------------------

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
  plan_cls.attr("observation") = py::cpp_function(
      [](const model_part<plan>& p, const std::string& indicator_id, const date_arg& when,
         const value_arg& value, const std::optional<value_arg>& total,
         const std::optional<member_or_name<observation_status>>& status,
         const std::string& source, const std::string& note, const std::optional<date_arg>& published) {
        return model_part<observation>(
            observation_in(p.get(), indicator_id, when, value, total, status, source, note, published));
      },
      py::name("observation"), py::is_method(plan_cls),
      py::sibling(py::getattr(plan_cls, "observation", py::none())), "indicator_id"_a, "when"_a,
      "value"_a, "total"_a = py::none(), "status"_a = py::none(), "source"_a = "", "note"_a = "",
      "published"_a = py::none(),
      R"doc(An Observation of one of the plan's indicators, its value read in the indicator's
unit: a number as written (2900 for 2,900 件; 2150 for 2,150 百万円), a text (``"2,900"``,
``"全所属"``) or a Quantity. ``total`` likewise; ``status`` an ObservationStatus or its name
(default: ESTIMATE for a date marked （見込）); EXCLUDED (除外) needs the reason in ``note``;
``published`` the day the figure was published (公表日), or None.

NotFoundError for an unknown indicator; ValidationError for a value outside its bounds.)doc");
}

}  // namespace miyagiplan::python
