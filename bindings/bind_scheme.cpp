// Grading schemes in Python: the bands that turn a rate into a grade, the levels that roll
// grades up, and the Scheme that holds them (presets, JSON, pickling).
#include <pybind11/stl.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "bind_described.hpp"
#include "eval_bindings.hpp"

namespace miyagiplan::python {
namespace {

using namespace pybind11::literals;
using binding::list_field;
using binding::member_or_name;
using binding::member_repr;
using binding::repr_of;
using binding::value_field;

py::object floor_value(double v) { return v == no_floor ? py::none() : py::cast(v); }
double floor_of(const std::optional<double>& v) { return v ? *v : no_floor; }

// A band's or level's floor, which Python reads and sets as None where there is none.
template <class T>
void floor_field(py::class_<model_part<T>>& cls, const char* name, double T::*floor, const char* doc) {
  cls.def_property(
      name, [floor](const model_part<T>& x) { return floor_value(x.get().*floor); },
      [floor](const model_part<T>& x, const std::optional<double>& v) { x.get().*floor = floor_of(v); }, doc);
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

}  // namespace

void bind_schemes(py::module_& m) {
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
  binding::in_package(band_cls);
  binding::in_package(level_cls);
  binding::in_package(scheme_cls);
  binding::bind_list<grade_band>(m);
  binding::bind_list<rollup_level>(m);

  // --- Schemes -------------------------------------------------------------------------------

  band_cls.def(py::init([](const std::string& label, const std::optional<double>& min_rate,
                           bool reached, double points) {
                 return model_part<grade_band>(grade_band{label, floor_of(min_rate), reached, points});
               }),
               "label"_a = "", "min_rate"_a = py::none(), "reached"_a = false, "points"_a = 0.0,
               "A band with the fields as given (``min_rate`` None: no floor).");
  value_field(band_cls, "label", &grade_band::label, "The grade: A, B, C.");
  floor_field(band_cls, "min_rate", &grade_band::min_rate,
              "The least rate for the grade (0.8 for 80 %), or None for no floor.");
  value_field(band_cls, "reached", &grade_band::reached,
              "Whether the grade needs the target reached.");
  value_field(band_cls, "points", &grade_band::points, "What the grade counts for in a roll-up.");
  binding::value_methods(band_cls, &band_repr);
  binding::pickle_members(band_cls, &grade_band::label, &grade_band::min_rate, &grade_band::reached, &grade_band::points);

  level_cls.def(py::init([](const std::string& label, const std::optional<double>& min_points) {
                  return model_part<rollup_level>(rollup_level{label, floor_of(min_points)});
                }),
                "label"_a = "", "min_points"_a = py::none(),
                "A level with the fields as given (``min_points`` None: no floor).");
  value_field(level_cls, "label", &rollup_level::label, "The rating: 順調, 概ね順調, ….");
  floor_field(level_cls, "min_points", &rollup_level::min_points,
              "The least average points for the rating, or None for no floor.");
  binding::value_methods(level_cls, &level_repr);
  binding::pickle_members(level_cls, &rollup_level::label, &rollup_level::min_points);

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
}

}  // namespace miyagiplan::python
