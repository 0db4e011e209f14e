// What the bindings of attainment share (bind_eval.cpp and the files it calls):
// the Python-held observation sets, assessments and reports, and the DataFrames of a report.
#pragma once

#include <memory>
#include <string>

#include "bindings.hpp"
#include "miyagiplan/eval.hpp"

namespace miyagiplan::python {

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
  std::shared_ptr<const evaluation_record> record = {};  // shown beside the grades, when attached
};

// A years_report with what it was made from, as report_ref keeps a report's.
struct years_ref {
  years_report value;
  std::shared_ptr<const plan> source;
  std::shared_ptr<const observation_set> observations;
  std::shared_ptr<const scheme> used_scheme;
  std::string observations_source;
  // The Report of the k-th year, sharing the plan, observations and scheme.
  report_ref year(std::size_t k) const {
    return report_ref{value.years.at(k).evaluation, source, observations, used_scheme, observations_source};
  }
};

void bind_observations(py::module_& m);  // Observation, Observations, Plan.observation
void bind_schemes(py::module_& m);       // GradeBand, RollupLevel, Scheme

// A report as pandas DataFrames (report_frames.cpp): one row per indicator, one per roll-up.
py::object indicators_frame(const report_ref& r);
py::object rollups_frame(const report_ref& r);
// Every fiscal year's: one row per indicator and year; the counts with a column per year.
py::object years_frame(const years_ref& y);
py::object counts_frame(const years_ref& y);

}  // namespace miyagiplan::python
