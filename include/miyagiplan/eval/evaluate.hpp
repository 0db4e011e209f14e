// Attainment (達成度): how far each indicator has come by a date, on the rules of its
// accumulation, graded by a scheme; and the roll-ups of measures, areas and goals.
// Evaluations are pure functions of their arguments: no globals, safe from any thread.
#pragma once

// Header-only mode: the outermost public header includes the definitions at its end.
#if defined(MIYAGIPLAN_HEADER_ONLY) && !defined(MIYAGIPLAN_OUTERMOST_HEADER)
#define MIYAGIPLAN_OUTERMOST_HEADER
#define MIYAGIPLAN_OUTERMOST_EVAL_EVALUATE_HPP
#endif

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "miyagiplan/calendar/fiscal.hpp"
#include "miyagiplan/config.hpp"
#include "miyagiplan/language.hpp"
#include "miyagiplan/eval/observation.hpp"
#include "miyagiplan/eval/scheme.hpp"
#include "miyagiplan/model/plan.hpp"

namespace miyagiplan {

enum class progress_status : std::uint8_t {
  achieved,       // the target is reached
  on_track,       // at or beyond the value expected by now
  behind,         // short of the value expected by now
  not_evaluable,  // no actual, or nothing to compare it with
  excluded,       // taken out of the evaluation (除外), with a reason
};

struct assessment {
  miyagiplan::formula formula = formula::baseline_relative;  // the formula that gave the rate
  sys_days as_of{};
  std::optional<double> actual;    // base units: the latest level, a sum of flows, a share done
  std::optional<double> baseline;  // as used: － and 実施なし count as 0 where that is meaningful
  std::optional<double> target;
  std::optional<double> expected;  // the value expected at as_of, linear in time
  std::optional<double> rate;      // 達成率 by the formula (1.0 = 100 %)
  bool reached = false;
  std::string grade;               // by the scheme's bands, or its not_evaluable label
  double points = 0;               // the grade's points for roll-ups
  progress_status status = progress_status::not_evaluable;
  bool baseline_estimate = false;  // the baseline is a 見込 figure
  std::uint32_t used_begin = 0;    // the observations used: [used_begin, used_end) of the
  std::uint32_t used_end = 0;      // points given, in date order
  std::uint32_t years_met = 0;     // frequency: fiscal years that met the target so far
  std::uint32_t years_due = 0;     //            fiscal years of the period ended by as_of
  // The target and baseline in force on as_of: revisions decided by then replace the document's.
  std::uint32_t revisions_in_force = 0;    // how many revisions were decided by as_of
  std::optional<double> original_target;   // the document's, when a revision changed it
  std::optional<double> original_baseline;
  bool expected_from_milestones = false;   // the expected value runs through the milestones
  std::optional<std::int32_t> figure_age;  // days from the end of the figure used to as_of
  std::optional<sys_days> figure_published;  // when that figure was published, if the file says
  std::optional<double> projected;         // the value expected at the target date at the present pace
  std::optional<bool> will_reach;          // whether the projected value reaches the target
  bool evaluable() const noexcept {
    return status != progress_status::not_evaluable && status != progress_status::excluded;
  }
};

// The core: one indicator, its points in date order (see observation_set::points_for).
// No allocation beyond the grade label; no explanation text.
MIYAGIPLAN_FUNC assessment assess(const indicator& ind, std::span<const observation_point> points,
                                  sys_days as_of, const scheme& s);

// A sentence a person can read: which rule and formula, with which numbers; in English (the
// default, as reports keep it) or Japanese.
MIYAGIPLAN_FUNC std::string explain(const assessment& a, const indicator& ind, const scheme& s,
                                    language lang = language::en);

// The day a plan is evaluated at, one rule for every caller: a text naming one day (平成26年3月31日,
// H26.3.31, 2014-03-31, 平成25年度末) is that day; a text naming a span (平成25年度) its last day;
// none the last day of the plan's period, or of its latest target when the period is empty or
// open. Throws parse_error for a text that does not read, range_error for an open span (H26～).
MIYAGIPLAN_FUNC sys_days resolve_as_of(const plan& p, std::optional<std::string_view> text = std::nullopt);

struct indicator_assessment {
  std::string indicator_id;
  miyagiplan::assessment assessment;
  std::vector<std::size_t> observations;  // indices into the observation_set
  std::string explanation;
  std::string excluded_reason;            // the note of the 除外 figure, when excluded
};

// The explanation of an indicator's assessment, with the reason of an exclusion (the 除外 figure's note).
MIYAGIPLAN_FUNC std::string explain(const indicator_assessment& a, const indicator& ind, const scheme& s,
                                    language lang = language::en);

struct rollup {
  std::string kind;  // measure, area, goal, plan
  std::string id;
  std::string title;
  std::string rating;  // 順調 … by the scheme's roll-up levels
  std::optional<double> average_points;  // weighted by the indicators' weights
  std::optional<double> sum_points;      // the weighted sum, which rollup_basis::sum rates
  std::size_t evaluable = 0;
  std::size_t total = 0;
  std::vector<std::pair<std::string, std::size_t>> grade_counts;  // label → count, band order
};

struct report {
  std::string plan_id;
  std::string scheme_name;
  sys_days as_of{};
  std::vector<indicator_assessment> indicators;  // document order
  std::vector<rollup> measures;                  // measures with indicators of their own
  std::vector<rollup> areas;
  std::vector<rollup> goals;                     // when the goals divide the areas between them
  std::vector<rollup> overall;                   // else one roll-up of the whole plan (kind "plan")
  const indicator_assessment* find(std::string_view indicator_id) const noexcept {
    for (const auto& a : indicators)
      if (a.indicator_id == indicator_id) return &a;
    return nullptr;
  }
};

MIYAGIPLAN_FUNC indicator_assessment evaluate(const indicator& ind, const observation_set& obs,
                                              sys_days as_of, const scheme& s = scheme::miyagi());
// One figure of one indicator, checked first as a file's figure is (observation_set::check:
// bounds, finiteness; validation_error), then evaluated as of a day.
MIYAGIPLAN_FUNC indicator_assessment evaluate(const indicator& ind, const observation& actual, sys_days as_of,
                                              const scheme& s = scheme::miyagi());
MIYAGIPLAN_FUNC report evaluate(const plan& p, const observation_set& obs, sys_days as_of,
                                const scheme& s = scheme::miyagi());

// Every fiscal year at once: the plan evaluated as of the last day (年度末) of each fiscal year of
// its period, with how each indicator's grade moved and how many got each grade or rating.
struct year_evaluation {
  fiscal_year year;   // 平成23年度
  report evaluation;  // as of year.last_day()
};

// How a grade moved from the year before: up to a better band, down to a worse one.
enum class grade_movement : std::uint8_t { up, same, down, not_comparable };

struct grade_change {
  std::string indicator_id;
  fiscal_year year;       // the later of the two years
  std::string previous;   // the grade in the year before
  std::string current;
  grade_movement movement = grade_movement::not_comparable;  // not comparable: either is not a band
};

// How many indicators got each grade (kind "indicator"), or roll-ups of a kind (measure, area,
// goal, plan) each rating, year by year: 施策 rated 順調: 22 → 13.
struct year_counts {
  std::string kind;
  std::string label;
  std::vector<std::size_t> counts;  // one per year, in the order of years_report::years
};

struct years_report {
  std::string plan_id;
  std::string scheme_name;
  std::vector<year_evaluation> years;  // the period's first fiscal year first
  std::vector<grade_change> changes;   // each indicator in document order, each year after the first
  std::vector<year_counts> counts;     // indicators' grades, then the roll-ups' ratings by kind
  const year_evaluation* find(const fiscal_year& y) const noexcept {
    for (const auto& e : years)
      if (e.year == y) return &e;
    return nullptr;
  }
};

// The fiscal years of a plan's period, up to the one resolve_as_of(p) falls in: 平成23～25年度 →
// 2011, 2012, 2013. Throws range_error for a plan without a period, or one of more than 100 years.
MIYAGIPLAN_FUNC std::vector<fiscal_year> plan_fiscal_years(const plan& p);

// evaluate(p, obs, y.last_day(), s) for each of plan_fiscal_years(p), and what changed between them.
MIYAGIPLAN_FUNC years_report evaluate_years(const plan& p, const observation_set& obs,
                                            const scheme& s = scheme::miyagi());

template <>
struct enum_description<grade_movement> {
  static constexpr std::string_view type = "grade movement", python = "GradeMovement";
  static constexpr std::string_view doc = "How an indicator's grade moved from the fiscal year before.";
  static constexpr std::array<std::string_view, 4> names{"up", "same", "down", "not_comparable"};
  static constexpr std::array<std::string_view, 4> docs{"to a better band", "the same grade", "to a worse band",
                                                        "either year's grade is not a band"};
};

template <>
struct enum_description<progress_status> {
  static constexpr std::string_view type = "progress status", python = "ProgressStatus";
  static constexpr std::string_view doc = "Where an indicator stands against what was expected by the as-of day.";
  static constexpr std::array<std::string_view, 5> names{"achieved", "on_track", "behind", "not_evaluable",
                                                         "excluded"};
  static constexpr std::array<std::string_view, 5> docs{
      "the target is reached", "at or beyond the value expected by now", "short of the value expected by now",
      "no actual, or nothing to compare it with", "taken out of the evaluation (除外), with a reason"};
  static constexpr std::array<std::string_view, 5> japanese{"目標達成", "想定どおり", "想定未満", "判定不能", "除外"};
};

}  // namespace miyagiplan

#define MIYAGIPLAN_NEEDS_EVAL_DEFINITIONS
#ifdef MIYAGIPLAN_OUTERMOST_EVAL_EVALUATE_HPP
#include "miyagiplan/header_only-inl.hpp"
#endif
