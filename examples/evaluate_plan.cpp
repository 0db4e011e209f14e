// Evaluates the bundled plan against an actuals file (by default the illustrative values of
// examples/illustrative-actuals.csv) as of a date, and prints each indicator's grade and the
// roll-ups.   example_evaluate_plan [actuals.csv] [as-of, e.g. 平成25年度末] [scheme]
#include <iostream>

#include "miyagiplan/miyagiplan.hpp"

namespace mp = miyagiplan;

int main(int argc, char** argv) try {
  const mp::plan plan = mp::plans::miyagi_it_2013();
  const char* actuals = argc > 1 ? argv[1] : MIYAGIPLAN_EXAMPLES_DIR "/illustrative-actuals.csv";
  const mp::sys_days as_of = mp::to_western(argc > 2 ? argv[2] : "平成25年度末");
  const mp::scheme scheme = mp::scheme::preset(argc > 3 ? argv[3] : "miyagi");
  const mp::report report = mp::evaluate(plan, mp::observation_set::load(actuals, plan), as_of, scheme);

  std::cout << plan.title << ", as of " << mp::format_date(as_of) << " (" << scheme.name << ")\n";
  for (const auto& a : report.indicators)
    std::cout << "  " << a.indicator_id << "  " << a.assessment.grade << "  " << a.explanation << "\n";
  for (const auto* group : {&report.measures, &report.areas, &report.goals, &report.overall})
    for (const auto& r : *group)
      std::cout << r.kind << " " << r.id << "  " << r.rating << "  (" << r.evaluable << " of " << r.total
                << " indicators evaluable)\n";
} catch (const mp::error& e) {
  std::cerr << "error: " << e.what() << "\n";
  return 1;
}
