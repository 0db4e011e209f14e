// National scale: a tenth of a nation on one core. All 1,741 municipalities × ~30 plans × ~100
// indicators × ~10 years is some 50 million figures; a tenth of it is 300,000 indicators (3,000
// measures of 100, copies of the bundled plan's indicators with new ids) and 5.1 million
// observations (17 fiscal years each, 平成9 … 25年度).
//
//   evaluate/nation_tenth   the whole report: grouping, 300,000 assessments, roll-ups
//   load/nation_tenth_csv   the same observations streamed from a CSV file (rows per second)
//
// Counters give the observations, the indicators and the set's memory per observation.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "synthetic.hpp"
#include "miyagiplan/calendar.hpp"
#include "miyagiplan/eval.hpp"
#include "miyagiplan/plans/miyagi_it_2013.hpp"

namespace {

using namespace miyagiplan;

constexpr std::size_t nation_indicators = 300'000, per_measure = 100;
constexpr int years = 17, first_year = 9;  // 平成9 … 25年度
const sys_days plan_end = days_from_civil(2014, 3, 31);

struct nation {
  plan p;
  observation_set observations;
  std::filesystem::path csv;
  std::uintmax_t csv_bytes = 0;
};

double number_or(const quantity& q, double fallback) { return q.is_number() ? q.value : fallback; }

// Resident memory in KiB (VmRSS of /proc/self/status).
long resident_kib() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return 0;
}

std::unique_ptr<nation> make_nation() {
  auto out = std::make_unique<nation>();
  plan& p = out->p;
  p = bench::cloned_plan(nation_indicators, "N", per_measure);
  // The CSV an office would send: display units, so values read back as written.
  out->csv = std::filesystem::temp_directory_path() / "miyagiplan-bench-nation.csv";
  {
    std::ofstream csv(out->csv, std::ios::binary);
    csv << "indicator,date,value\n";
    std::string row;
    for (const indicator* ind : p.indicators()) {
      const bool levels = ind->accumulation != accumulation::flow && ind->accumulation != accumulation::period_total &&
                          ind->accumulation != accumulation::frequency;
      const double base = number_or(ind->baseline.value, 0) / ind->unit.factor();
      const double target = number_or(ind->target.value, 1) / ind->unit.factor();
      for (int y = 0; y < years; ++y) {
        double value = base + (target - base) * (y + 1) / years;
        if (ind->accumulation == accumulation::completion) value = 0;  // 0 of the whole done
        if (ind->accumulation == accumulation::frequency) value = y % 4 == 0 ? 0 : 1;
        if (ind->bounds) value = std::max(ind->bounds->min, std::min(ind->bounds->max, value));
        char number[32];
        std::snprintf(number, sizeof number, "%.0f", value);
        row = ind->id + ",平成" + std::to_string(first_year + y) + (levels ? "年度末," : "年度,") + number + "\n";
        csv << row;
      }
    }
  }
  out->csv_bytes = std::filesystem::file_size(out->csv);
  out->observations = observation_set::load(out->csv, p);
  return out;
}

const nation& the_nation() {
  static const std::unique_ptr<nation> made = make_nation();
  return *made;
}

void evaluate_nation(benchmark::State& state) {
  const nation& n = the_nation();
  std::size_t evaluable = 0;
  for (auto _ : state) {
    report r = evaluate(n.p, n.observations, plan_end);
    evaluable = 0;
    for (const auto& ia : r.indicators) evaluable += ia.assessment.evaluable();
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n.observations.size()));
  state.counters["observations"] = static_cast<double>(n.observations.size());
  state.counters["indicators"] = static_cast<double>(nation_indicators);
  state.counters["evaluable"] = static_cast<double>(evaluable);
}
BENCHMARK(evaluate_nation)->Name("evaluate/nation_tenth")->Unit(benchmark::kSecond)->Iterations(3);

void load_nation(benchmark::State& state) {
  const nation& n = the_nation();
  std::size_t rows = 0;
  double set_mib = 0;
  for (auto _ : state) {
    const long before = resident_kib();
    observation_set set = observation_set::load(n.csv, n.p);
    set_mib = std::max(set_mib, static_cast<double>(resident_kib() - before) / 1024.0);
    rows = set.size();
    benchmark::DoNotOptimize(set);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(rows));
  state.counters["rows"] = static_cast<double>(rows);
  state.counters["file_MiB"] = static_cast<double>(n.csv_bytes) / (1024.0 * 1024.0);
  state.counters["set_MiB"] = set_mib;
  state.counters["bytes_per_row"] = set_mib * 1024.0 * 1024.0 / static_cast<double>(rows);
}
BENCHMARK(load_nation)->Name("load/nation_tenth_csv")->Unit(benchmark::kSecond)->Iterations(3);

}  // namespace
