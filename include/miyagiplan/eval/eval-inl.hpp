// Definitions of schemes and evaluation. Compiled once by src/evaluate.cpp, or inline when
// header-only.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "miyagiplan/calendar.hpp"
#include "miyagiplan/detail/json_reader.hpp"
#include "miyagiplan/error.hpp"
#include "miyagiplan/eval/evaluate.hpp"
#include "miyagiplan/eval/scheme.hpp"
#include "miyagiplan/io/json.hpp"

namespace miyagiplan {
// ---------------------------------------------------------------------------------------------
// Schemes.

MIYAGIPLAN_FUNC scheme scheme::miyagi() {
  return {"miyagi", formula::baseline_relative, false,
          {{"A", no_floor, true, 3}, {"B", 0.8, false, 2}, {"C", no_floor, false, 1}}, "N",
          {{"順調", 2.5}, {"概ね順調", 2.0}, {"やや遅れている", 1.5}, {"遅れている", no_floor}}, "N"};
}

MIYAGIPLAN_FUNC scheme scheme::soumu() {
  return {"soumu", formula::baseline_relative, false,
          {{"目標超過達成", 1.2, true, 5}, {"目標達成", no_floor, true, 4}, {"相当程度進展あり", 0.8, false, 3},
           {"進展が大きくない", 0.0, false, 2}, {"目標に向かっていない", no_floor, false, 1}},
          "判定不能",
          {{"目標超過達成", 4.5}, {"目標達成", 3.5}, {"相当程度進展あり", 2.5}, {"進展が大きくない", 1.5},
           {"目標に向かっていない", no_floor}},
          "判定不能"};
}

MIYAGIPLAN_FUNC scheme scheme::open_sdg() {
  return {"open_sdg", formula::cagr_ratio, false,
          {{"target_achieved", no_floor, true, 5}, {"substantial_progress", 0.95, false, 4},
           {"moderate_progress", 0.6, false, 3}, {"limited_progress", 0.0, false, 2},
           {"deterioration", no_floor, false, 1}},
          "not_available",
          {{"target_achieved", 4.5}, {"substantial_progress", 3.5}, {"moderate_progress", 2.5},
           {"limited_progress", 1.5}, {"deterioration", no_floor}},
          "not_available"};
}

MIYAGIPLAN_FUNC scheme scheme::unsd_2023() {
  return {"unsd_2023", formula::unsd_2023, false,
          {{"on_track", 0.95, false, 3}, {"fair_progress", 0.10, false, 2},
           {"stagnation_or_regression", no_floor, false, 1}},
          "insufficient_data",
          {{"on_track", 2.5}, {"fair_progress", 1.5}, {"stagnation_or_regression", no_floor}},
          "insufficient_data"};
}

MIYAGIPLAN_FUNC scheme scheme::okr() {
  return {"okr", formula::baseline_relative, true,
          {{"green", 0.7, false, 3}, {"yellow", 0.4, false, 2}, {"red", no_floor, false, 1}}, "grey",
          {{"green", 2.5}, {"yellow", 1.5}, {"red", no_floor}}, "grey"};
}

MIYAGIPLAN_FUNC scheme scheme::ibaraki() {
  return {"ibaraki", formula::expected_progress, false,
          {{"A", 1.0, false, 4}, {"B+", 0.8, false, 3}, {"B", 0.5, false, 2}, {"C", no_floor, false, 1}}, "N",
          {{"順調", 3.5}, {"概ね順調", 2.5}, {"やや遅れている", 1.5}, {"遅れている", no_floor}}, "N"};
}

MIYAGIPLAN_FUNC scheme scheme::nagayo() {
  return {"nagayo", formula::baseline_change, false,
          {{"S", no_floor, true, 4}, {"A", 0.1, false, 3}, {"B", -0.1, false, 2}, {"C", no_floor, false, 1}},
          "－",
          {{"S", 3.5}, {"A", 2.5}, {"B", 1.5}, {"C", no_floor}}, "－"};
}

MIYAGIPLAN_FUNC std::vector<std::string> scheme::preset_names() {
  return {"miyagi", "soumu", "open_sdg", "unsd_2023", "okr", "ibaraki", "nagayo"};
}

MIYAGIPLAN_FUNC scheme scheme::preset(std::string_view name) {
  if (name == "miyagi") return miyagi();
  if (name == "soumu") return soumu();
  if (name == "open_sdg") return open_sdg();
  if (name == "unsd_2023") return unsd_2023();
  if (name == "okr") return okr();
  if (name == "ibaraki") return ibaraki();
  if (name == "nagayo") return nagayo();
  throw not_found_error("no scheme named \"" + std::string(name) +
                        "\" (presets: miyagi, soumu, open_sdg, unsd_2023, okr, ibaraki, nagayo)");
}

MIYAGIPLAN_FUNC void scheme::validate() const {
  const std::string where = "scheme " + name;
  if (bands.empty()) throw validation_error(where, "has no grade bands");
  const auto& last = bands.back();
  if (last.reached || last.min_rate != no_floor)
    throw validation_error(where, "its last band must have no floor and need no reached target, so that every rate gets a grade");
  for (std::size_t k = 1; k < rollup.size(); ++k)
    if (rollup[k].min_points > rollup[k - 1].min_points)
      throw validation_error(where, "roll-up levels must go from the highest to the lowest");
  if (!rollup.empty() && rollup.back().min_points != no_floor)
    throw validation_error(where, "its last roll-up level must have no floor");
  if (!(no_change_band >= 0) || !std::isfinite(no_change_band))
    throw validation_error(where, "its no-change band must be a finite number of 0 or more");
  if (!std::isfinite(no_change_points)) throw validation_error(where, "its no-change points must be finite");
}

namespace detail {
inline ordered_json floor_json(double v) { return v == no_floor ? ordered_json(nullptr) : number_json(v); }
}  // namespace detail

MIYAGIPLAN_FUNC std::string scheme::to_json_text() const {
  ordered_json j;
  j["schema"] = "miyagiplan.Scheme.1";
  j["name"] = name;
  j["formula"] = to_string(formula);
  j["clamp"] = clamp;
  j["bands"] = ordered_json::array();
  for (const auto& b : bands)
    j["bands"].push_back({{"label", b.label}, {"min_rate", detail::floor_json(b.min_rate)},
                          {"reached", b.reached}, {"points", detail::number_json(b.points)}});
  j["not_evaluable"] = not_evaluable;
  j["rollup"] = ordered_json::array();
  for (const auto& l : rollup)
    j["rollup"].push_back({{"label", l.label}, {"min_points", detail::floor_json(l.min_points)}});
  j["rollup_not_evaluable"] = rollup_not_evaluable;
  // Written only when not the default, so that older scheme files and their readers see no change.
  const scheme defaults;
  if (excluded != defaults.excluded) j["excluded"] = excluded;
  if (projection != defaults.projection) j["projection"] = to_string(projection);
  if (rollup_by != defaults.rollup_by) j["rollup_by"] = to_string(rollup_by);
  if (no_change_band != defaults.no_change_band) {
    j["no_change_band"] = detail::number_json(no_change_band);
    j["no_change"] = no_change;
    j["no_change_points"] = detail::number_json(no_change_points);
  }
  return j.dump(2, ' ', false) + "\n";
}

MIYAGIPLAN_FUNC scheme scheme::from_json(std::string_view text) {
  using namespace detail;
  const ordered_json j = parse_json(text);
  object_reader r(j, "Scheme");
  scheme s;
  r.required("name", s.name);
  r.required("formula", s.formula);
  r.if_present("clamp", s.clamp);
  r.each_object("bands", [&](object_reader& b) {
    grade_band band;
    b.required("label", band.label);
    b.if_present("min_rate", band.min_rate);
    b.if_present("reached", band.reached);
    b.required("points", band.points);
    s.bands.push_back(std::move(band));
  });
  r.required("not_evaluable", s.not_evaluable);
  if (j.contains("rollup"))
    r.each_object("rollup", [&](object_reader& l) {
      rollup_level level;
      l.required("label", level.label);
      l.if_present("min_points", level.min_points);
      s.rollup.push_back(std::move(level));
    });
  s.rollup_not_evaluable = s.not_evaluable;
  r.if_present("rollup_not_evaluable", s.rollup_not_evaluable);
  r.if_present("excluded", s.excluded);
  r.if_present("projection", s.projection);
  r.if_present("rollup_by", s.rollup_by);
  r.if_present("no_change_band", s.no_change_band);
  r.if_present("no_change", s.no_change);
  r.if_present("no_change_points", s.no_change_points);
  r.done();
  try {
    s.validate();
  } catch (const validation_error& e) {
    throw schema_error("/bands", e.what());
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Assessment.

namespace detail {

inline constexpr double days_per_year = 365.2425;

// Whether `a` is at least as good as `b` in the indicator's direction ("keep" means at least).
inline bool meets(double a, double b, direction d) noexcept {
  constexpr double tolerance = 1e-9;
  const double slack = tolerance * std::max(1.0, std::fabs(b));
  return d == direction::decrease ? a <= b + slack : a >= b - slack;
}

// Accumulations whose values count events from zero: a missing baseline (－) means none yet.
inline bool counts_from_zero(accumulation a) noexcept {
  return a == accumulation::completion || a == accumulation::frequency ||
         a == accumulation::period_total || a == accumulation::running_total;
}

inline std::optional<double> number_of(const quantity& q, accumulation acc) noexcept {
  switch (q.state) {
    case value_state::number: return q.value;
    case value_state::none_done: return 0.0;
    case value_state::missing: return counts_from_zero(acc) ? std::optional<double>(0.0) : std::nullopt;
    case value_state::all: return std::nullopt;
  }
  return std::nullopt;
}

inline double fraction_elapsed(sys_days from, sys_days to, sys_days as_of) noexcept {
  if (to <= from) return as_of >= to ? 1.0 : 0.0;
  return std::clamp(static_cast<double>((as_of - from).count()) / static_cast<double>((to - from).count()), 0.0, 1.0);
}

// The last point at or before as_of; points are in order of their last day.
inline std::ptrdiff_t latest_at(std::span<const observation_point> points, sys_days as_of) noexcept {
  const auto it = std::upper_bound(points.begin(), points.end(), as_of,
                                   [](sys_days d, const observation_point& p) { return d < p.days.last; });
  return (it - points.begin()) - 1;
}

// The compound annual growth rate between two values `years` apart; a zero becomes 0.001 (Open SDG).
inline std::optional<double> cagr(double from, double to, double years) noexcept {
  if (years <= 0) return std::nullopt;
  if (from == 0) from = 0.001;
  if (to == 0) to = 0.001;
  if (from < 0 || to < 0) return std::nullopt;
  return std::pow(to / from, 1.0 / years) - 1.0;
}

// The target and baseline in force on a day: the document's, replaced by each revision decided by then.
struct values_in_force {
  const dated_value* baseline;
  const dated_value* target;
  std::uint32_t revisions = 0;
};
inline values_in_force in_force(const indicator& ind, sys_days as_of) noexcept {
  values_in_force v{&ind.baseline, &ind.target, 0};
  for (const revision& r : ind.revisions) {
    if (r.when.empty() || r.when.days().last > as_of) continue;
    ++v.revisions;
    if (r.target) v.target = &*r.target;
    if (r.baseline) v.baseline = &*r.baseline;
  }
  return v;
}

// A figure an evaluation as of a day may use: published by then (an unknown date: always).
inline bool known_by(const observation_point& p, sys_days as_of) noexcept { return p.published <= as_of; }

// The expected value on a day: through the milestones between baseline and target (each at its
// date, linear between them), else the straight line from the baseline to the target.
inline double expected_value(const indicator& ind, double baseline, sys_days baseline_day, double target,
                             sys_days target_day, sys_days as_of, bool& from_milestones) noexcept {
  double from = baseline;
  sys_days from_day = baseline_day;
  for (const milestone& m : ind.milestones) {
    if (!m.value.is_number() || m.when.empty()) continue;
    const sys_days d = m.when.days().last;
    if (d <= from_day || d >= target_day) continue;
    from_milestones = true;
    if (as_of <= d) return from + (m.value.value - from) * fraction_elapsed(from_day, d, as_of);
    from = m.value.value, from_day = d;
  }
  return from + (target - from) * fraction_elapsed(from_day, target_day, as_of);
}

// The value at `day` at the present pace, from (day, value) pairs in date order.
inline std::optional<double> project(projection method, const std::vector<std::pair<double, double>>& series,
                                     double day) noexcept {
  const std::size_t n = series.size();
  if (n < 2) return std::nullopt;
  switch (method) {
    case projection::last_two: {
      const auto& [x1, y1] = series[n - 2];
      const auto& [x2, y2] = series[n - 1];
      return y2 + (y2 - y1) / (x2 - x1) * (day - x2);
    }
    case projection::least_squares: {
      double mx = 0, my = 0;
      for (const auto& [x, y] : series) mx += x, my += y;
      mx /= static_cast<double>(n), my /= static_cast<double>(n);
      double sxy = 0, sxx = 0;
      for (const auto& [x, y] : series) sxy += (x - mx) * (y - my), sxx += (x - mx) * (x - mx);
      if (sxx == 0) return std::nullopt;
      return my + sxy / sxx * (day - mx);
    }
    case projection::cagr: {
      const auto rate = cagr(series.front().second, series.back().second,
                             (series.back().first - series.front().first) / days_per_year);
      if (!rate) return std::nullopt;
      return series.back().second * std::pow(1.0 + *rate, (day - series.back().first) / days_per_year);
    }
  }
  return std::nullopt;
}

struct level_inputs {
  double baseline, target, actual;
  sys_days baseline_day, target_day, actual_day, as_of;
  direction dir;
};

// The rate of a level, running total or flow by a formula; nullopt where it is undefined.
inline std::optional<double> level_rate(formula f, const level_inputs& in, double expected) noexcept {
  const double b = in.baseline, t = in.target, x = in.actual;
  const bool reached = meets(x, t, in.dir);
  auto relative = [&](double goal) -> std::optional<double> {
    if (goal == b) return reached ? std::optional<double>(1.0) : std::nullopt;
    return (x - b) / (goal - b);
  };
  switch (f) {
    case formula::baseline_relative: {
      if (t == b) {  // nothing to close: reached or not; otherwise fall back to the ratio
        if (reached) return 1.0;
        return in.dir == direction::decrease ? (x != 0 ? std::optional<double>(t / x) : std::nullopt)
                                             : (t != 0 ? std::optional<double>(x / t) : std::nullopt);
      }
      return relative(t);
    }
    case formula::simple_ratio:
      if (in.dir == direction::decrease) return x != 0 ? std::optional<double>(t / x) : std::nullopt;
      return t != 0 ? std::optional<double>(x / t) : std::nullopt;
    case formula::expected_progress:
      return relative(expected);
    case formula::cagr_ratio: {
      const auto observed = cagr(b, x, (in.actual_day - in.baseline_day).count() / days_per_year);
      const auto required = cagr(b, t, (in.target_day - in.baseline_day).count() / days_per_year);
      if (!observed || !required || *required == 0) return std::nullopt;
      const double d = in.dir == direction::decrease ? -1.0 : 1.0;
      return d * *observed / std::fabs(*required);
    }
    case formula::baseline_change:
      if (b == 0) return std::nullopt;
      return (in.dir == direction::decrease ? -1.0 : 1.0) * (x - b) / std::fabs(b);
    case formula::unsd_2023: {
      const auto observed = cagr(b, x, (in.actual_day - in.baseline_day).count() / days_per_year);
      if (!observed || t == b) return std::nullopt;
      const double years_left = std::max(0.0, (in.target_day - in.actual_day).count() / days_per_year);
      const double projected = x * std::pow(1.0 + *observed, years_left);
      return (projected - b) / (t - b);
    }
  }
  return std::nullopt;
}

inline void grade(assessment& a, const scheme& s) {
  if (a.rate && s.clamp) a.rate = std::clamp(*a.rate, 0.0, 1.0);
  if (a.actual && (a.rate || a.reached)) {
    for (const auto& band : s.bands) {
      if (band.reached && !a.reached) continue;
      if (band.min_rate != no_floor && (!a.rate || *a.rate < band.min_rate)) continue;
      if (band.min_rate == no_floor && !band.reached && !a.rate) continue;
      a.grade = band.label;
      a.points = band.points;
      return;
    }
  }
  a.grade = s.not_evaluable;
  a.status = progress_status::not_evaluable;
}

}  // namespace detail

MIYAGIPLAN_FUNC assessment assess(const indicator& ind, std::span<const observation_point> points,
                                  sys_days as_of, const scheme& s) {
  using namespace detail;
  assessment a;
  a.as_of = as_of;
  a.formula = s.formula;
  const values_in_force now = in_force(ind, as_of);
  const dated_value& baseline = *now.baseline;
  const dated_value& target = *now.target;
  a.revisions_in_force = now.revisions;
  if (now.revisions > 0) {
    if (now.target != &ind.target) a.original_target = number_of(ind.target.value, ind.accumulation);
    if (now.baseline != &ind.baseline) a.original_baseline = number_of(ind.baseline.value, ind.accumulation);
  }
  a.baseline_estimate = baseline.estimate();
  const day_span period = target.when.days();
  const direction dir = ind.direction;

  // The latest figure known by as_of: a 除外 takes the indicator out of this evaluation.
  {
    std::ptrdiff_t k = latest_at(points, as_of);
    while (k >= 0 && !known_by(points[static_cast<std::size_t>(k)], as_of)) --k;
    if (k >= 0 && points[static_cast<std::size_t>(k)].excluded) {
      a.used_begin = static_cast<std::uint32_t>(k), a.used_end = a.used_begin + 1;
      a.baseline = number_of(baseline.value, ind.accumulation);
      a.target = number_of(target.value, ind.accumulation);
      a.status = progress_status::excluded;
      a.grade = s.excluded;
      return a;
    }
  }
  auto skipped = [&](const observation_point& p) { return p.excluded || !known_by(p, as_of); };
  auto note_figure = [&](const observation_point& p) {
    a.figure_age = static_cast<std::int32_t>((as_of - p.days.last).count());
    if (p.published != sys_days::min()) a.figure_published = p.published;
  };

  switch (ind.accumulation) {
    case accumulation::level:
    case accumulation::running_total:
    case accumulation::flow: {
      a.baseline = number_of(baseline.value, ind.accumulation);
      a.target = number_of(target.value, ind.accumulation);
      std::ptrdiff_t k = latest_at(points, as_of);
      while (k >= 0 && (points[static_cast<std::size_t>(k)].state == value_state::missing ||
                        skipped(points[static_cast<std::size_t>(k)])))
        --k;
      if (k < 0 || !a.target) break;
      const observation_point& p = points[static_cast<std::size_t>(k)];
      a.used_begin = static_cast<std::uint32_t>(k), a.used_end = a.used_begin + 1;
      note_figure(p);
      a.actual = p.state == value_state::number ? p.value : 0.0;
      a.reached = meets(*a.actual, *a.target, dir);
      if (!a.baseline) {  // nothing to start from: only the ratio to the target can be said
        a.formula = formula::simple_ratio;
        a.rate = level_rate(formula::simple_ratio, {0, *a.target, *a.actual, {}, {}, {}, as_of, dir}, 0);
        break;
      }
      const sys_days b_day = baseline.when.days().last, t_day = period.last;
      a.expected = expected_value(ind, *a.baseline, b_day, *a.target, t_day, as_of, a.expected_from_milestones);
      a.rate = level_rate(s.formula, {*a.baseline, *a.target, *a.actual, b_day, t_day, p.days.last, as_of, dir},
                          *a.expected);
      // At the present pace: the baseline, then every figure known by as_of after it (the
      // final one where a date has two), projected to the target date.
      std::vector<std::pair<double, double>> series;
      series.emplace_back(static_cast<double>(b_day.time_since_epoch().count()), *a.baseline);
      for (std::ptrdiff_t j = 0; j <= k; ++j) {
        const observation_point& q = points[static_cast<std::size_t>(j)];
        if (skipped(q) || q.days.last <= b_day || q.state == value_state::all || q.state == value_state::missing)
          continue;
        const double x = static_cast<double>(q.days.last.time_since_epoch().count());
        const double y = q.state == value_state::number ? q.value : 0.0;
        if (series.back().first == x) series.back().second = y;
        else series.emplace_back(x, y);
      }
      a.projected = project(s.projection, series, static_cast<double>(t_day.time_since_epoch().count()));
      if (a.projected && !std::isfinite(*a.projected)) a.projected.reset();
      if (a.projected) a.will_reach = meets(*a.projected, *a.target, dir);
      break;
    }
    case accumulation::period_total: {
      // The fiscal-year flows inside the target's period are summed; the baseline (often a part
      // year) is shown, not used as a starting level.
      a.formula = formula::baseline_relative;
      a.baseline = 0.0;
      a.target = number_of(target.value, ind.accumulation);
      if (!a.target) break;
      double sum = 0;
      bool any = false;
      for (std::size_t k = 0; k < points.size(); ++k) {
        const observation_point& p = points[k];
        if (p.days.last > as_of || skipped(p) || !period.contains(p.days.first) || !period.contains(p.days.last))
          continue;
        note_figure(p);
        if (!any) a.used_begin = static_cast<std::uint32_t>(k);
        a.used_end = static_cast<std::uint32_t>(k + 1);
        any = true;
        sum += p.state == value_state::number ? p.value : 0.0;
      }
      if (!any) break;
      a.actual = sum;
      a.reached = meets(sum, *a.target, dir);
      a.expected = *a.target * fraction_elapsed(period.first - day_count(1), period.last, as_of);
      a.rate = *a.target != 0 ? std::optional<double>(sum / *a.target) : std::nullopt;
      break;
    }
    case accumulation::completion: {
      // The share done: a count over its total (全所属 = every department), or the state 全所属.
      a.formula = formula::baseline_relative;
      a.baseline = 0.0;
      a.target = 1.0;
      std::ptrdiff_t k = latest_at(points, as_of);
      while (k >= 0 && skipped(points[static_cast<std::size_t>(k)])) --k;
      if (k < 0) break;
      const observation_point& p = points[static_cast<std::size_t>(k)];
      note_figure(p);
      double whole = p.total;
      if (whole <= 0 && target.value.is_number()) whole = target.value.value;
      if (p.state == value_state::all) a.actual = 1.0;
      else if (p.state == value_state::number && whole > 0) a.actual = p.value / whole;
      else if (p.state == value_state::none_done) a.actual = 0.0;
      else break;
      a.used_begin = static_cast<std::uint32_t>(k), a.used_end = a.used_begin + 1;
      a.reached = *a.actual >= 1.0 - 1e-12;
      a.expected = fraction_elapsed(period.first - day_count(1), period.last, as_of);
      a.rate = a.actual;
      break;
    }
    case accumulation::frequency: {
      // Every fiscal year of the period must reach the target count (1回／年).
      a.formula = formula::baseline_relative;
      a.baseline = number_of(baseline.value, ind.accumulation);
      a.target = number_of(target.value, ind.accumulation);
      if (!a.target) break;
      std::uint32_t years = 0;
      for (fiscal_year fy = fiscal_year::of(period.first); fy.days().first <= period.last; fy = fy.next()) {
        ++years;
        if (fy.days().last > as_of) continue;
        ++a.years_due;
        for (std::size_t k = 0; k < points.size(); ++k) {
          const observation_point& p = points[k];
          if (skipped(p) || !fy.contains(p.days.first) || !fy.contains(p.days.last)) continue;
          if (a.used_end == 0) a.used_begin = static_cast<std::uint32_t>(k);
          a.used_end = static_cast<std::uint32_t>(k + 1);
          a.actual = p.state == value_state::number ? p.value : 0.0;
          if (meets(*a.actual, *a.target, dir)) {
            ++a.years_met;
            break;
          }
        }
      }
      if (a.years_due == 0 || !a.actual) break;
      a.reached = a.years_met == years;
      a.expected = *a.target;
      a.rate = static_cast<double>(a.years_met) / a.years_due;
      break;
    }
  }

  if (a.actual) {
    if (a.reached) a.status = progress_status::achieved;
    else if (ind.accumulation == accumulation::frequency)
      a.status = a.years_met == a.years_due ? progress_status::on_track : progress_status::behind;
    else if (a.expected)
      a.status = meets(*a.actual, *a.expected, dir) ? progress_status::on_track : progress_status::behind;
    else
      a.status = progress_status::behind;
  }
  grade(a, s);
  // Inside the no-change band: a change too small to call either way (現状維持).
  const bool leveled = ind.accumulation == accumulation::level || ind.accumulation == accumulation::running_total ||
                       ind.accumulation == accumulation::flow;
  if (s.no_change_band > 0 && leveled && a.evaluable() && !a.reached && a.actual && a.baseline &&
      std::fabs(*a.actual - *a.baseline) / ind.unit.factor() < s.no_change_band) {
    a.grade = s.no_change;
    a.points = s.no_change_points;
  }
  return a;
}

// ---------------------------------------------------------------------------------------------
// Explanations and reports.

namespace detail {

inline std::string percent(double rate) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f %%", rate * 100);
  return buf;
}

}  // namespace detail

namespace detail {

// An enum's name in the language of a text: its description's Japanese words, or its name.
template <described_enum E>
std::string_view enum_words(E e, language lang) {
  const auto i = static_cast<std::size_t>(e);
  return lang == language::ja && i < enum_count<E> ? enum_description<E>::japanese[i] : to_string(e);
}

}  // namespace detail

MIYAGIPLAN_FUNC std::string explain(const assessment& a, const indicator& ind, const scheme& s, language lang) {
  using detail::percent;
  (void)s;
  const bool ja = lang == language::ja;
  auto q = [&](double v) { return format_quantity(v, ind.unit); };
  const std::string grade_arrow = " → " + a.grade;
  if (a.status == progress_status::excluded)
    return std::string(ja ? "評価の対象外（除外）" : "excluded from the evaluation (除外)") + grade_arrow;
  // The values in force on the as-of day, and what the document said where a revision changed them.
  const detail::values_in_force now = detail::in_force(ind, a.as_of);
  const dated_value& target = *now.target;
  const dated_value& baseline = *now.baseline;
  std::string revised;
  if (now.revisions > 0) {
    for (const revision& r : ind.revisions) {
      if (r.when.empty() || r.when.days().last > a.as_of) continue;
      const std::string what = r.target && r.baseline ? (ja ? "目標値と現状値" : "target and baseline")
                               : r.target             ? (ja ? "目標値" : "target")
                                                      : (ja ? "現状値" : "baseline");
      revised += ja ? "。" + r.when.text() + "に" + what + "を見直し" + (r.reason.empty() ? "" : "（" + r.reason + "）")
                    : "; " + what + " revised on " + r.when.text() + (r.reason.empty() ? "" : " (" + r.reason + ")");
    }
    if (now.target != &ind.target)
      revised += ja ? "：当初の目標値 " + ind.target.value.text + "（" + ind.target.when.text() + "）"
                    : ": the original target was " + ind.target.value.text + " (" + ind.target.when.text() + ")";
    if (now.baseline != &ind.baseline)
      revised += ja ? "、当初の現状値 " + ind.baseline.value.text + "（" + ind.baseline.when.text() + "）"
                    : ", the original baseline " + ind.baseline.value.text + " (" + ind.baseline.when.text() + ")";
  }
  std::string out;
  if (!a.actual) {
    if (!a.target)
      out = ja ? "目標値（" + target.value.text + "）が比較できる数値でない"
               : "the target (" + target.value.text + ") is not a number to compare with";
    else
      out = ja ? detail::day_text(a.as_of) + " までに比較できる実績値がない"
               : "no actual at or before " + detail::day_text(a.as_of) + " to compare";
    return out + revised + grade_arrow;
  }
  switch (ind.accumulation) {
    case accumulation::period_total:
      out = ja ? "期間計：" + target.when.text() + "の年度値の合計 " + q(*a.actual) + "、目標 " + q(*a.target) +
                     " に対して " + percent(a.rate.value_or(0)) + "（現状値 " + baseline.value.text + "（" +
                     baseline.when.text() + "）は表示のみで、起点には用いない）"
               : "period total: the fiscal-year flows inside " + target.when.text() + " sum to " + q(*a.actual) +
                     " of the target " + q(*a.target) + " = " + percent(a.rate.value_or(0)) + " (the baseline " +
                     baseline.value.text + " for " + baseline.when.text() + " is shown, not used as a start)";
      break;
    case accumulation::completion:
      out = ja ? "完了：全体の " + percent(*a.actual) + " が完了（目標 " + target.value.text + "）"
               : "completion: " + percent(*a.actual) + " of the whole done (target " + target.value.text + ")";
      break;
    case accumulation::frequency:
      out = ja ? "毎年度：期限の来た " + std::to_string(a.years_due) + " 年度のうち " + std::to_string(a.years_met) +
                     " 年度で " + q(*a.target) + " に到達（目標は" + target.when.text() + "の毎年度）"
               : "frequency: " + std::to_string(a.years_met) + " of " + std::to_string(a.years_due) +
                     " fiscal years due reached " + q(*a.target) + " (target every year of " + target.when.text() + ")";
      break;
    default: {
      const std::string name(detail::enum_words(a.formula, lang));
      if (!a.baseline) {
        out = ja ? name + "（数値の現状値なし）：実績値 " + q(*a.actual) + "、目標 " + q(*a.target)
                 : name + " (no numeric baseline): " + q(*a.actual) + " against the target " + q(*a.target);
      } else if (a.formula == formula::baseline_relative || a.formula == formula::expected_progress) {
        const double goal = a.formula == formula::expected_progress ? a.expected.value_or(*a.target) : *a.target;
        out = name + (ja ? "：" : ": ") + "(" + q(*a.actual) + " − " + q(*a.baseline) + ") / (" + q(goal) + " − " +
              q(*a.baseline) + ")";
      } else if (a.formula == formula::simple_ratio) {
        out = name + (ja ? "：" : ": ") +
              (ind.direction == direction::decrease ? q(*a.target) + " / " + q(*a.actual)
                                                    : q(*a.actual) + " / " + q(*a.target));
      } else {
        out = ja ? name + "：" + q(*a.baseline) + "（" + baseline.when.text() + "）から " + q(*a.actual) +
                       "、目標 " + q(*a.target) + "（" + target.when.text() + "）に対して"
                 : name + ": from " + q(*a.baseline) + " (" + baseline.when.text() + ") to " + q(*a.actual) +
                       ", against the target " + q(*a.target) + " (" + target.when.text() + ")";
      }
      out += a.rate ? " = " + (a.formula == formula::cagr_ratio ? std::to_string(*a.rate) : percent(*a.rate))
                    : std::string(ja ? "（算出不能）" : " (undefined)");
      if (a.baseline_estimate) out += ja ? "。現状値は見込値" : "; the baseline is an estimate (見込)";
    }
  }
  if (a.expected && ind.accumulation != accumulation::frequency) {
    const std::string expected =
        ind.accumulation == accumulation::completion ? percent(*a.expected) : q(*a.expected);
    out += ja ? "。" + detail::day_text(a.as_of) + " 時点の期待値 " + expected +
                    (a.expected_from_milestones ? "（設定された期待値による）" : "")
              : "; expected by " + detail::day_text(a.as_of) + (a.expected_from_milestones ? " (from the milestones)" : "") +
                    ": " + expected;
  }
  out += revised;
  if (a.figure_published && a.figure_age)
    out += ja ? "。用いた数値は" + std::to_string(*a.figure_age) + "日前時点のもの（" + detail::day_text(*a.figure_published) + "公表）"
              : "; the figure used is " + std::to_string(*a.figure_age) + " days old (published " +
                    detail::day_text(*a.figure_published) + ")";
  out += ja ? "。" : "; ";
  out += a.reached ? std::string(ja ? "目標達成" : "target reached") : std::string(detail::enum_words(a.status, lang));
  return out + grade_arrow;
}

MIYAGIPLAN_FUNC sys_days resolve_as_of(const plan& p, std::optional<std::string_view> text) {
  if (text) {
    const date_expression d = parse_date(*text);
    if (d.open_ended())
      throw range_error("as-of \"" + std::string(*text) + "\" is an open span: name a day, or a span with an end");
    return d.days().last;
  }
  // The last day of the plan's period; of its latest target when the period is empty or open.
  if (!p.period.empty() && !p.period.open_ended()) return p.period.days().last;
  sys_days last = p.period.empty() ? sys_days{} : p.period.days().first;
  for (const auto* ind : p.indicators())
    if (!ind->target.when.empty() && !ind->target.when.open_ended())
      last = std::max(last, ind->target.when.days().last);
  return last;
}

namespace detail {

// The members of a roll-up: each assessment with its indicator's weight.
using weighted_members = std::vector<std::pair<const indicator_assessment*, double>>;

inline rollup roll_up(std::string kind, std::string id, std::string title, const weighted_members& members,
                      const scheme& s) {
  rollup r{std::move(kind), std::move(id), std::move(title), s.rollup_not_evaluable, std::nullopt, std::nullopt,
           0, members.size(), {}};
  for (const auto& band : s.bands) r.grade_counts.emplace_back(band.label, 0);
  if (s.no_change_band > 0) r.grade_counts.emplace_back(s.no_change, 0);
  r.grade_counts.emplace_back(s.not_evaluable, 0);
  double sum = 0, weights = 0;
  for (const auto& [m, weight] : members) {
    if (m->assessment.status == progress_status::excluded) {  // out of the roll-up altogether
      --r.total;
      continue;
    }
    for (auto& [label, count] : r.grade_counts)
      if (label == m->assessment.grade) {
        ++count;
        break;
      }
    if (!m->assessment.evaluable()) continue;
    ++r.evaluable;
    sum += weight * m->assessment.points;
    weights += weight;
  }
  if (r.evaluable > 0) {
    r.sum_points = sum;
    // All weights 0: every grade counts the same, as without weights.
    r.average_points = weights > 0 ? sum / weights : std::optional<double>();
    if (!r.average_points) {
      double plain = 0;
      for (const auto& [m, weight] : members)
        if (m->assessment.evaluable()) plain += m->assessment.points;
      r.average_points = plain / static_cast<double>(r.evaluable);
    }
    const double measured = s.rollup_by == rollup_basis::sum ? *r.sum_points : *r.average_points;
    for (const auto& level : s.rollup)
      if (measured >= level.min_points) {
        r.rating = level.label;
        break;
      }
  }
  return r;
}

}  // namespace detail

namespace detail {
// The assessment with the observations it used (known by its day, not excluded unless it is the
// exclusion itself), its explanation and, when excluded, the reason the 除外 figure gives.
inline indicator_assessment assessment_with(const indicator& ind, std::span<const observation_point> points,
                                            const observation_set& obs, sys_days as_of, const scheme& s) {
  indicator_assessment out{ind.id, assess(ind, points, as_of, s), {}, {}, {}};
  const assessment& a = out.assessment;
  const bool excluded = a.status == progress_status::excluded;
  for (std::uint32_t k = a.used_begin; k < a.used_end; ++k)
    if (known_by(points[k], as_of) && points[k].excluded == excluded) out.observations.push_back(points[k].index);
  if (excluded && !out.observations.empty()) out.excluded_reason = obs.at(out.observations.front()).note;
  out.explanation = explain(out, ind, s);
  return out;
}
}  // namespace detail

MIYAGIPLAN_FUNC std::string explain(const indicator_assessment& a, const indicator& ind, const scheme& s,
                                    language lang) {
  std::string out = explain(a.assessment, ind, s, lang);
  if (a.assessment.status == progress_status::excluded && !a.excluded_reason.empty()) {
    const std::string arrow = " → " + a.assessment.grade;
    out.insert(out.size() - arrow.size(), (lang == language::ja ? "：" : ": ") + a.excluded_reason);
  }
  return out;
}

MIYAGIPLAN_FUNC indicator_assessment evaluate(const indicator& ind, const observation_set& obs, sys_days as_of,
                                              const scheme& s) {
  const std::vector<observation_point> points = obs.points_for(ind.id);
  return detail::assessment_with(ind, points, obs, as_of, s);
}

MIYAGIPLAN_FUNC indicator_assessment evaluate(const indicator& ind, const observation& actual, sys_days as_of,
                                              const scheme& s) {
  observation_set::check(actual, ind);
  observation_set one;
  one.add(actual);
  return evaluate(ind, one, as_of, s);
}

MIYAGIPLAN_FUNC report evaluate(const plan& p, const observation_set& obs, sys_days as_of, const scheme& s) {
  s.validate();
  report r{p.id, s.name, as_of, {}, {}, {}, {}, {}};
  for (const indicator* ind : p.indicators()) {
    // One indicator's points at a time: the set keeps each indicator's positions, so this is one
    // pass over the set in all, and memory holds the largest indicator's points, not everyone's.
    const std::vector<observation_point> points = obs.points_for(ind->id);
    r.indicators.push_back(detail::assessment_with(*ind, points, obs, r.as_of, s));
  }
  // Roll-ups: a measure (with its sub-measures), an area, a goal over its areas.
  std::unordered_map<const indicator*, const indicator_assessment*> assessment_of;
  {
    std::size_t k = 0;
    for (const indicator* ind : p.indicators()) assessment_of.emplace(ind, &r.indicators[k++]);
  }
  auto members_of = [&](const std::vector<const indicator*>& inds) {
    detail::weighted_members out;
    for (const indicator* i : inds) out.emplace_back(assessment_of.at(i), i->weight);
    return out;
  };
  auto indicators_under = [](const measure& m) {
    std::vector<const indicator*> out;
    std::vector<const measure*> stack{&m};
    while (!stack.empty()) {
      const measure* x = stack.back();
      stack.pop_back();
      for (const auto& i : x->indicators) out.push_back(&i);
      for (auto it = x->sub_measures.rbegin(); it != x->sub_measures.rend(); ++it) stack.push_back(&*it);
    }
    return out;
  };
  std::unordered_map<std::string, std::vector<const indicator*>> area_indicators;
  for (const auto& a : p.areas) {
    std::vector<const indicator*> all;
    for (const auto& m : a.measures) {
      const auto inds = indicators_under(m);
      if (!inds.empty()) r.measures.push_back(detail::roll_up("measure", m.id, m.title, members_of(inds), s));
      all.insert(all.end(), inds.begin(), inds.end());
    }
    r.areas.push_back(detail::roll_up("area", a.id, a.title, members_of(all), s));
    area_indicators[a.id] = std::move(all);
  }
  // Goals roll up separately only when they divide the areas: goals that span the same areas
  // (the bundled plan relates both of its goals to all five) would repeat one roll-up the
  // document never makes, so such a plan gets one roll-up of the whole instead.
  auto spans = [](const goal& g) {
    std::vector<std::string> ids = g.areas;
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  bool distinct = true;
  for (std::size_t i = 0; i < p.goals.size() && distinct; ++i)
    for (std::size_t j = i + 1; j < p.goals.size() && distinct; ++j)
      if (spans(p.goals[i]) == spans(p.goals[j])) distinct = false;
  if (distinct) {
    for (const auto& g : p.goals) {
      std::vector<const indicator*> all;
      for (const auto& id : g.areas) {
        const auto& inds = area_indicators[id];
        all.insert(all.end(), inds.begin(), inds.end());
      }
      r.goals.push_back(detail::roll_up("goal", g.id, g.title, members_of(all), s));
    }
  } else {
    r.overall.push_back(detail::roll_up("plan", p.id, p.title, members_of(p.indicators()), s));
  }
  return r;
}

}  // namespace miyagiplan
