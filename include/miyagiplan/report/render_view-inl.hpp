// What every report format reads: the inputs and options of render_report, with the look-ups
// the renderers share. Included by render-inl.hpp.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "miyagiplan/report/labels.hpp"
#include "miyagiplan/report/render.hpp"
#include "miyagiplan/report/text_table.hpp"

namespace miyagiplan::present {

struct report_view {
  const miyagiplan::plan& plan;
  std::string plan_source;
  const miyagiplan::observation_set* actuals;
  std::string actuals_source;
  const miyagiplan::scheme& scheme;
  std::optional<miyagiplan::sys_days> as_of;
  const miyagiplan::report* report;  // when actuals are given
  const miyagiplan::years_report* years;  // when every fiscal year is evaluated
  const miyagiplan::evaluation_record* record;  // what was written of the evaluation
  language lang;
  int width;

  report_view(const report_input& in, const render_options& options)
      : plan(in.plan),
        plan_source(in.plan_source),
        actuals(in.actuals),
        actuals_source(in.actuals_source),
        scheme(in.scheme),
        as_of(in.as_of),
        report(in.actuals ? in.evaluation : nullptr),
        years(in.actuals ? in.years : nullptr),
        record(in.actuals ? in.record : nullptr),
        lang(options.lang),
        width(options.width) {}

  const miyagiplan::indicator_assessment* assessment(const std::string& id) const {
    return report ? report->find(id) : nullptr;
  }
  const miyagiplan::rollup* measure_rollup(const std::string& id) const { return rollup_in(report ? &report->measures : nullptr, id); }
  const miyagiplan::rollup* area_rollup(const std::string& id) const { return rollup_in(report ? &report->areas : nullptr, id); }
  // The indicator's observations in date order (empty without actuals).
  std::vector<miyagiplan::observation_point> points(const std::string& id) const {
    return actuals ? actuals->points_for(id) : std::vector<miyagiplan::observation_point>{};
  }
  value_style style(const miyagiplan::indicator& ind) const { return style_for(ind, actuals); }
  // The date expression of the latest observation an assessment used, if any.
  const miyagiplan::date_expression* actual_date(const miyagiplan::indicator_assessment& a) const {
    if (!actuals || a.observations.empty()) return nullptr;
    const std::size_t k = a.observations.back();
    return k < actuals->size() ? &actuals->date_of(k) : nullptr;
  }
  // The explanation of an assessment in the report's language.
  std::string explanation(const miyagiplan::indicator_assessment& a, const miyagiplan::indicator& ind) const {
    return lang == language::en ? a.explanation : explain(a, ind, scheme, lang);
  }
  // Labels of the grade counts, in band order, the not-evaluable label last.
  std::vector<std::string> grade_labels() const {
    std::vector<std::string> out;
    for (const auto& b : scheme.bands) out.push_back(b.label);
    if (scheme.no_change_band > 0) out.push_back(scheme.no_change);  // as the roll-ups count them
    out.push_back(scheme.not_evaluable);
    return out;
  }

 private:
  static const miyagiplan::rollup* rollup_in(const std::vector<miyagiplan::rollup>* group, const std::string& id) {
    if (group)
      for (const auto& r : *group)
        if (r.id == id) return &r;
    return nullptr;
  }
};

// Every measure of an area with its depth (0 for a measure, 1 for a sub-measure), in order.
inline void for_each_measure(const miyagiplan::area& a,
                             const std::function<void(const miyagiplan::measure&, int depth)>& fn) {
  std::function<void(const miyagiplan::measure&, int)> walk = [&](const miyagiplan::measure& m, int depth) {
    fn(m, depth);
    for (const auto& sub : m.sub_measures) walk(sub, depth + 1);
  };
  for (const auto& m : a.measures) walk(m, 0);
}

}  // namespace miyagiplan::present
