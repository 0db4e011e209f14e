// Grading schemes as data: which formula gives the rate, which bands turn a rate into a grade,
// and how the grades of a measure, area or goal roll up into one rating. Presets name the
// schemes in real use; a user writes their own in code or JSON.
#pragma once

// Header-only mode: the outermost public header includes the definitions at its end.
#if defined(MIYAGIPLAN_HEADER_ONLY) && !defined(MIYAGIPLAN_OUTERMOST_HEADER)
#define MIYAGIPLAN_OUTERMOST_HEADER
#define MIYAGIPLAN_OUTERMOST_EVAL_SCHEME_HPP
#endif

#include <cstdint>
#include <filesystem>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "miyagiplan/config.hpp"
#include "miyagiplan/describe.hpp"

namespace miyagiplan {

enum class formula : std::uint8_t {
  baseline_relative,  // (actual − baseline) / (target − baseline)
  simple_ratio,       // actual / target; target / actual when lower is better
  expected_progress,  // (actual − baseline) / (expected − baseline), expected linear in time
  cagr_ratio,         // Statistics Canada / Open SDG: d · CAGR_observed / |CAGR_required|
  unsd_2023,          // UNSD Progress Chart 2023: CAGR extrapolated to the target date
  baseline_change,    // d · (actual − baseline) / |baseline|: direction and distance from the baseline (Nagayo)
};

// What a roll-up rating compares with its levels' min_points.
enum class rollup_basis : std::uint8_t {
  average,  // the weighted average of the points of the evaluable grades (Miyagi)
  sum,      // the weighted sum of their points (Sano, Aioi)
};

// How the value at the target date is projected from the values so far ("at this pace").
enum class projection : std::uint8_t {
  last_two,       // the line through the last two values (the baseline counts as one)
  least_squares,  // the least-squares line through the baseline and every value so far
  cagr,           // the compound annual growth from the first value to the last, carried on
};

inline constexpr double no_floor = -std::numeric_limits<double>::infinity();

// A grade: given when the rate is at least min_rate and, if `reached` is set, the target has
// been reached. Bands are tried in order; the first that holds gives the grade.
struct grade_band {
  std::string label;
  double min_rate = no_floor;
  bool reached = false;
  double points = 0;  // what the grade counts for in a roll-up
  friend bool operator==(const grade_band&, const grade_band&) = default;
};

// A roll-up rating: given when the average (or, by the scheme's rollup_by, the sum of) points
// of the evaluable grades reaches min_points.
struct rollup_level {
  std::string label;
  double min_points = no_floor;
  friend bool operator==(const rollup_level&, const rollup_level&) = default;
};

struct scheme {
  std::string name;
  miyagiplan::formula formula = formula::baseline_relative;
  bool clamp = false;  // clamp the rate into [0, 1] (OKR)
  std::vector<grade_band> bands;
  std::string not_evaluable = "N";
  std::vector<rollup_level> rollup;
  std::string rollup_not_evaluable = "N";
  std::string excluded = "－";  // the grade of an indicator taken out of the evaluation (除外)
  miyagiplan::projection projection = projection::last_two;
  rollup_basis rollup_by = rollup_basis::average;  // roll-ups weigh each grade by its indicator's weight
  // A no-change band (Fukuoka City: under ±3 points of a survey is 現状維持): a change from the
  // baseline smaller than this, in the indicator's unit as written, gets `no_change` unless the
  // target is reached. 0: none.
  double no_change_band = 0;
  std::string no_change = "現状維持";
  double no_change_points = 0;

  // A grade's band (0 = the best) and a rating's level (0 = the best), or -1 for a label that is
  // none of them (not evaluable, excluded, no change): such a label is not better or worse.
  int band_rank(std::string_view grade) const { return rank_of(bands, grade); }
  int rollup_rank(std::string_view rating) const { return rank_of(rollup, rating); }

  // Throws validation_error: no bands, no band without a floor, unordered levels, a negative
  // or infinite no-change band.
  MIYAGIPLAN_FUNC void validate() const;

  // Miyagi's practice (the default): A reached; B rate ≥ 80 %; C; N. Roll-up 順調 / 概ね順調 /
  // やや遅れている / 遅れている from the average of A = 3, B = 2, C = 1 (≥ 2.5, ≥ 2.0, ≥ 1.5).
  MIYAGIPLAN_FUNC static scheme miyagi();
  // 総務省's five levels: 目標超過達成 (reached, rate ≥ 120 %), 目標達成, 相当程度進展あり
  // (≥ 80 %), 進展が大きくない (≥ 0), 目標に向かっていない.
  MIYAGIPLAN_FUNC static scheme soumu();
  // Open SDG / Statistics Canada: target_achieved, substantial (R ≥ 0.95), moderate (≥ 0.6),
  // limited (≥ 0), deterioration.
  MIYAGIPLAN_FUNC static scheme open_sdg();
  // UNSD Progress Chart 2023: on_track (≥ 0.95), fair (≥ 0.10), stagnation_or_regression.
  MIYAGIPLAN_FUNC static scheme unsd_2023();
  // OKR: the rate clamped to 0.0–1.0; green ≥ 0.7, yellow ≥ 0.4, red.
  MIYAGIPLAN_FUNC static scheme okr();
  // Ibaraki's KPI 進捗状況調書: each year against its 期待値 (the milestones, else the straight
  // line), by progress from the baseline: A 順調 (≥ 期待値), B+ (≥ 80 %), B (≥ 50 %), C. The
  // percentages are read as progress towards the 期待値 (our reading; Ibaraki states the bands).
  MIYAGIPLAN_FUNC static scheme ibaraki();
  // Nagayo: by direction and distance from the baseline: S target passed, A above the baseline
  // by more than 10 %, B within ±10 %, C below, − not measurable.
  MIYAGIPLAN_FUNC static scheme nagayo();

  // By name: miyagi, soumu, open_sdg, unsd_2023, okr, ibaraki, nagayo. Throws not_found_error.
  MIYAGIPLAN_FUNC static scheme preset(std::string_view name);
  MIYAGIPLAN_FUNC static std::vector<std::string> preset_names();

  // A user's scheme in JSON ({"schema": "miyagiplan.Scheme.1", "name", "formula", "clamp",
  // "bands": [{"label", "min_rate"?, "reached"?, "points"}], "not_evaluable", "rollup": [...],
  // "excluded"?, "projection"?, "rollup_by"?, "no_change_band"?, "no_change"?, "no_change_points"?}).
  MIYAGIPLAN_FUNC static scheme from_json(std::string_view text);
  MIYAGIPLAN_FUNC std::string to_json_text() const;

  // A scheme file: from_json, then validate. Errors name the file (io_error, schema_error).
  // Defined with the other files (miyagiplan/io/files-inl.hpp).
  MIYAGIPLAN_FUNC static scheme load(const std::filesystem::path& path);
  // What a user names: a preset's name (miyagi, …) or the path of a JSON scheme file (a value
  // ending in .json, holding a '/', or naming an existing file). Throws not_found_error naming
  // the presets for any other name.
  MIYAGIPLAN_FUNC static scheme from_name_or_file(std::string_view value);

  friend bool operator==(const scheme&, const scheme&) = default;

 private:
  template <class Labelled>
  static int rank_of(const std::vector<Labelled>& levels, std::string_view label) {
    for (std::size_t k = 0; k < levels.size(); ++k)
      if (levels[k].label == label) return static_cast<int>(k);
    return -1;
  }
};

template <>
struct enum_description<projection> {
  static constexpr std::string_view type = "projection", python = "Projection";
  static constexpr std::string_view doc = "How the value at the target date is projected at the present pace.";
  static constexpr std::array<std::string_view, 3> names{"last_two", "least_squares", "cagr"};
  static constexpr std::array<std::string_view, 3> docs{
      "the line through the last two values, the baseline counting as one",
      "the least-squares line through the baseline and every value so far",
      "the compound annual growth rate from the first value to the last, carried on to the target date"};
};

template <>
struct enum_description<formula> {
  static constexpr std::string_view type = "formula", python = "Formula";
  static constexpr std::string_view doc = "The formula that gives an indicator's rate (達成率).";
  static constexpr std::array<std::string_view, 6> names{"baseline_relative", "simple_ratio", "expected_progress",
                                                         "cagr_ratio", "unsd_2023", "baseline_change"};
  static constexpr std::array<std::string_view, 6> docs{
      "(actual − baseline) / (target − baseline)", "actual / target; target / actual when lower is better",
      "(actual − baseline) / (expected − baseline), expected through the milestones or linear in time",
      "Statistics Canada / Open SDG: d · CAGR_observed / |CAGR_required|",
      "UNSD Progress Chart 2023: CAGR extrapolated to the target date",
      "d · (actual − baseline) / |baseline|: the direction and distance from the baseline (Nagayo)"};
  static constexpr std::array<std::string_view, 6> japanese{"現状値基準", "単純比", "期待値基準",
                                                            "年平均成長率比", "UNSD 2023 方式", "現状値からの変化"};
};

template <>
struct enum_description<rollup_basis> {
  static constexpr std::string_view type = "roll-up basis", python = "RollupBasis";
  static constexpr std::string_view doc = "What a roll-up rating compares with its levels.";
  static constexpr std::array<std::string_view, 2> names{"average", "sum"};
  static constexpr std::array<std::string_view, 2> docs{
      "the weighted average of the points of the evaluable grades (Miyagi)",
      "the weighted sum of their points (Sano, Aioi)"};
};

}  // namespace miyagiplan

#define MIYAGIPLAN_NEEDS_EVAL_DEFINITIONS
#ifdef MIYAGIPLAN_OUTERMOST_EVAL_SCHEME_HPP
#include "miyagiplan/header_only-inl.hpp"
#endif
