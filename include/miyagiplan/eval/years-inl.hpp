// Definitions of the evaluation of every fiscal year at once (evaluate_years in
// miyagiplan/eval/evaluate.hpp). Part of src/evaluate.cpp, or included inline by the
// header-only target (MIYAGIPLAN_HEADER_ONLY).
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "miyagiplan/error.hpp"
#include "miyagiplan/eval/evaluate.hpp"

namespace miyagiplan {
namespace detail {

inline grade_movement movement_between(const scheme& s, const std::string& previous, const std::string& current) {
  const int before = s.band_rank(previous), now = s.band_rank(current);
  if (before < 0 || now < 0) return previous == current ? grade_movement::same : grade_movement::not_comparable;
  return now < before ? grade_movement::up : now > before ? grade_movement::down : grade_movement::same;
}

// The counts of one kind, label by label, over the years: labels in the scheme's order, then
// any other label met (none, when the scheme names every label it gives).
inline void count_labels(std::vector<year_counts>& out, const std::string& kind, std::vector<std::string> labels,
                         const std::vector<std::vector<std::string>>& given_by_year) {
  for (const auto& given : given_by_year)
    for (const auto& g : given)
      if (std::find(labels.begin(), labels.end(), g) == labels.end()) labels.push_back(g);
  for (auto& label : labels) {
    year_counts c{kind, std::move(label), {}};
    for (const auto& given : given_by_year) c.counts.push_back(static_cast<std::size_t>(std::count(given.begin(), given.end(), c.label)));
    out.push_back(std::move(c));
  }
}

}  // namespace detail

MIYAGIPLAN_FUNC std::vector<fiscal_year> plan_fiscal_years(const plan& p) {
  if (p.period.empty())
    throw range_error("plan \"" + p.id + "\" has no period (計画期間) to take its fiscal years from: evaluate as of a day");
  const fiscal_year first = fiscal_year::of(p.period.days().first);
  const fiscal_year last = std::max(first, fiscal_year::of(resolve_as_of(p)));
  if (last.year() - first.year() >= 100)
    throw range_error("plan \"" + p.id + "\" spans " + std::to_string(last.year() - first.year() + 1) +
                      " fiscal years: at most 100 are evaluated year by year");
  std::vector<fiscal_year> out;
  for (fiscal_year y = first; y <= last; y = y.next()) out.push_back(y);
  return out;
}

MIYAGIPLAN_FUNC years_report evaluate_years(const plan& p, const observation_set& obs, const scheme& s) {
  s.validate();
  years_report r{p.id, s.name, {}, {}, {}};
  for (const fiscal_year& y : plan_fiscal_years(p)) r.years.push_back({y, evaluate(p, obs, y.last_day(), s)});

  for (std::size_t i = 0; i < (r.years.empty() ? 0 : r.years.front().evaluation.indicators.size()); ++i)
    for (std::size_t k = 1; k < r.years.size(); ++k) {
      const std::string& before = r.years[k - 1].evaluation.indicators[i].assessment.grade;
      const std::string& now = r.years[k].evaluation.indicators[i].assessment.grade;
      r.changes.push_back({r.years[k].evaluation.indicators[i].indicator_id, r.years[k].year, before, now,
                           detail::movement_between(s, before, now)});
    }

  std::vector<std::string> grades;
  for (const auto& b : s.bands) grades.push_back(b.label);
  if (s.no_change_band > 0) grades.push_back(s.no_change);
  grades.push_back(s.not_evaluable);
  grades.push_back(s.excluded);
  std::vector<std::vector<std::string>> given;
  for (const auto& y : r.years) {
    given.emplace_back();
    for (const auto& a : y.evaluation.indicators) given.back().push_back(a.assessment.grade);
  }
  detail::count_labels(r.counts, "indicator", grades, given);

  std::vector<std::string> ratings;
  for (const auto& level : s.rollup) ratings.push_back(level.label);
  ratings.push_back(s.rollup_not_evaluable);
  const std::pair<const char*, std::vector<rollup> report::*> kinds[] = {
      {"measure", &report::measures}, {"area", &report::areas}, {"goal", &report::goals}, {"plan", &report::overall}};
  for (const auto& [kind, group] : kinds) {
    if (r.years.empty() || (r.years.front().evaluation.*group).empty()) continue;  // a kind the plan does not roll up
    given.clear();
    for (const auto& y : r.years) {
      given.emplace_back();
      for (const auto& roll : y.evaluation.*group) given.back().push_back(roll.rating);
    }
    detail::count_labels(r.counts, kind, ratings, given);
  }
  return r;
}

}  // namespace miyagiplan
