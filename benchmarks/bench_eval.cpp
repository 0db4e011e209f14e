// Attainment evaluation: the allocation-free core `assess` on one indicator of each hard kind
// (a level, a period total, a frequency) with a handful of points; `evaluate` of the bundled plan
// with its illustrative actuals; and a synthetic plan of 10,000 indicators with 10 fiscal years of
// observations each. The sizes of the value types the evaluation walks are reported as counters.
//
// Target (benchmarks/peers/README.md, BENCHMARKS.md): ≥ 20 million indicator assessments per
// second on one core for the core `assess`.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "synthetic.hpp"
#include "miyagiplan/calendar.hpp"
#include "miyagiplan/eval.hpp"
#include "miyagiplan/plans/miyagi_it_2013.hpp"

#ifndef MIYAGIPLAN_ILLUSTRATIVE_ACTUALS
#error "MIYAGIPLAN_ILLUSTRATIVE_ACTUALS (the path of examples/illustrative-actuals.csv) comes from benchmarks/CMakeLists.txt"
#endif

namespace {

using namespace miyagiplan;

const plan& bundled() {
  static const plan p = plans::miyagi_it_2013();
  return p;
}

// The plan's last day, 平成25年度末: every indicator has its whole period behind it.
const sys_days plan_end = days_from_civil(2014, 3, 31);

// 平成{year}年度 or 平成{year}年度末, parsed once per text.
day_span fiscal_days(int heisei_year, bool year_end) {
  static std::map<std::pair<int, bool>, day_span> cache;
  auto [it, fresh] = cache.try_emplace({heisei_year, year_end});
  if (fresh)
    it->second = parse_date("平成" + std::to_string(heisei_year) + (year_end ? "年度末" : "年度")).days();
  return it->second;
}

observation_point point(day_span days, double value, std::uint32_t index) {
  observation_point p;
  p.days = days;
  p.value = value;
  p.index = index;
  return p;
}

// ---------------------------------------------------------------------------------------------
// assess: one indicator, a handful of points (平成21 … 25年度), the Miyagi scheme.

struct assess_case {
  const char* indicator_id;
  bool year_end;  // the points are 年度末 levels (else fiscal-year flows)
  double values[5];
};

// 1-1-1: a level (2,280 件 → 4,000 件 by 平成25年度末). 3-2-1: a period total (82,500 件 over
// 平成23～25年度). 4-5-2: a frequency (1 回／年 every fiscal year of 平成23～25年度).
constexpr assess_case assess_cases[] = {
    {"1-1-1", true, {2400, 2650, 2900, 3500, 4150}},
    {"3-2-1", false, {25000, 25500, 26000, 27500, 28000}},
    {"4-5-2", false, {0, 0, 1, 1, 1}},
};

std::vector<observation_point> points_of(const assess_case& c) {
  std::vector<observation_point> points;
  for (std::uint32_t k = 0; k < 5; ++k)
    points.push_back(point(fiscal_days(21 + static_cast<int>(k), c.year_end), c.values[k], k));
  return points;
}

void assess_one(benchmark::State& state, const assess_case& c, const scheme& s) {
  const indicator& ind = bundled().indicator_at(c.indicator_id);
  const std::vector<observation_point> points = points_of(c);
  sys_days as_of = plan_end;
  if (!assess(ind, points, as_of, s).evaluable()) {
    state.SkipWithError("the case is not evaluable: it would not measure the full path");
    return;
  }
  for (auto _ : state) {
    benchmark::DoNotOptimize(as_of);
    assessment a = assess(ind, points, as_of, s);
    benchmark::DoNotOptimize(a);
  }
  state.SetItemsProcessed(state.iterations());  // items_per_second = assessments per second
  state.SetLabel(std::string(to_string(ind.accumulation)) + ", " + std::to_string(points.size()) + " points");
}

const bool assess_registered = [] {
  const scheme miyagi = scheme::miyagi();
  for (const assess_case& c : assess_cases) {
    const std::string kind = c.indicator_id == std::string_view("1-1-1")   ? "level"
                             : c.indicator_id == std::string_view("3-2-1") ? "period_total"
                                                                            : "frequency";
    benchmark::RegisterBenchmark(("assess/" + kind).c_str(), assess_one, c, miyagi);
  }
  // The same level under 総務省's scheme, whose grade labels are too long for the short-string
  // buffer: the cost of the label copy in assess.
  benchmark::RegisterBenchmark("assess/level/soumu_scheme", assess_one, assess_cases[0], scheme::soumu());
  return true;
}();

// ---------------------------------------------------------------------------------------------
// A synthetic plan: the bundled plan's areas and goals, its measures replaced by measures of 100
// copies each of its indicators (new ids), and 10 fiscal years of observations per indicator
// (平成16 … 25年度: 年度末 levels for levels, running totals and completions, fiscal-year flows
// for the others).

struct synthetic_plan {
  plan p;
  observation_set observations;
  std::vector<const indicator*> indicators;
  std::vector<std::vector<observation_point>> points;  // by indicator, as points_for gives them
};

double number_or(const quantity& q, double fallback) { return q.is_number() ? q.value : fallback; }

std::unique_ptr<synthetic_plan> make_synthetic(std::size_t count) {
  constexpr std::size_t per_measure = 100;
  constexpr int years = 10, first_year = 16;  // 平成16 … 25年度
  auto out = std::make_unique<synthetic_plan>();
  plan& p = out->p;
  p = bench::cloned_plan(count, "S", per_measure);
  out->indicators = p.indicators();

  std::uint32_t index = 0;
  std::uint64_t noise = 88172645463325252ull;  // xorshift: the same values every run
  auto jitter = [&] {
    noise ^= noise << 13, noise ^= noise >> 7, noise ^= noise << 17;
    return 0.9 + 0.2 * static_cast<double>(noise % 1000) / 1000.0;
  };
  for (const indicator* ind : out->indicators) {
    const bool levels = ind->accumulation == accumulation::level ||
                        ind->accumulation == accumulation::running_total ||
                        ind->accumulation == accumulation::completion;
    const double base = number_or(ind->baseline.value, 0);
    const double target = number_or(ind->target.value, 1);
    std::vector<observation_point> points;
    for (int y = 0; y < years; ++y) {
      const date_expression when = parse_date("平成" + std::to_string(first_year + y) + (levels ? "年度末" : "年度"));
      double value = 0;
      std::optional<double> total;
      switch (ind->accumulation) {
        case accumulation::level:
        case accumulation::running_total:
        case accumulation::flow:
          value = (base + (target - base) * (y + 1) / years) * jitter();
          break;
        case accumulation::period_total: value = target / 3 * jitter(); break;
        case accumulation::completion: value = 12.0 * (y + 1), total = 120.0; break;
        case accumulation::frequency: value = y % 4 == 0 ? 0 : 1; break;
      }
      observation o{ind->id, when, quantity::of(value, ind->unit), total, observation_status::actual,
                    "synthetic", "", std::nullopt};
      points.push_back({when.days(), o.value.value, total.value_or(0), o.value.state, false, false,
                        sys_days::min(), index++});
      out->observations.add(std::move(o));
    }
    out->points.push_back(std::move(points));
  }
  // The points built here are what points_for gives (checked on a few indicators).
  for (std::size_t k : {std::size_t{0}, count / 2, count - 1}) {
    const auto expected = out->observations.points_for(out->indicators[k]->id);
    const auto& mine = out->points[k];
    bool same = expected.size() == mine.size();
    for (std::size_t j = 0; same && j < mine.size(); ++j)
      same = expected[j].days == mine[j].days && expected[j].value == mine[j].value && expected[j].index == mine[j].index;
    if (!same) throw std::logic_error("synthetic points differ from points_for");
  }
  return out;
}

const synthetic_plan& synthetic(std::size_t count) {
  static std::map<std::size_t, std::unique_ptr<synthetic_plan>> made;
  auto& slot = made[count];
  if (!slot) slot = make_synthetic(count);
  return *slot;
}

// The core over every indicator of the synthetic plan, its points grouped beforehand: the
// throughput of assess when the data do not all sit in L1.
void assess_synthetic(benchmark::State& state) {
  const synthetic_plan& s = synthetic(static_cast<std::size_t>(state.range(0)));
  const scheme miyagi = scheme::miyagi();
  std::size_t evaluable = 0;
  for (auto _ : state) {
    evaluable = 0;
    for (std::size_t k = 0; k < s.indicators.size(); ++k) {
      assessment a = assess(*s.indicators[k], s.points[k], plan_end, miyagi);
      evaluable += a.evaluable();
      benchmark::DoNotOptimize(a);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(s.indicators.size()));
  state.counters["evaluable"] = static_cast<double>(evaluable);
}
BENCHMARK(assess_synthetic)->Name("assess/synthetic_plan")->Arg(10000);

// ---------------------------------------------------------------------------------------------
// evaluate: the whole report (grouping, assessments, explanations, roll-ups).

void evaluate_bundled(benchmark::State& state) {
  const plan& p = bundled();
  const observation_set obs = observation_set::load(MIYAGIPLAN_ILLUSTRATIVE_ACTUALS, p);
  const sys_days as_of = plan_end;
  std::size_t indicators = 0;
  for (auto _ : state) {
    report r = evaluate(p, obs, as_of);
    indicators = r.indicators.size();
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(indicators));
  state.counters["indicators"] = static_cast<double>(indicators);
  state.counters["observations"] = static_cast<double>(obs.size());
}
BENCHMARK(evaluate_bundled)->Name("evaluate/bundled_plan")->Unit(benchmark::kMicrosecond);

// Sizes 1,000, 3,000 and 10,000 show how evaluate scales with the plan.
void evaluate_synthetic(benchmark::State& state) {
  const synthetic_plan& s = synthetic(static_cast<std::size_t>(state.range(0)));
  const sys_days as_of = plan_end;
  for (auto _ : state) {
    report r = evaluate(s.p, s.observations, as_of);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(s.indicators.size()));
  state.counters["indicators"] = static_cast<double>(s.indicators.size());
  state.counters["observations"] = static_cast<double>(s.observations.size());
}
BENCHMARK(evaluate_synthetic)
    ->Name("evaluate/synthetic_plan")
    ->Arg(1000)
    ->Arg(3000)
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond);

// Grouping the observations by indicator, as evaluate does first (one points_for per indicator).
void points_for_synthetic(benchmark::State& state) {
  const synthetic_plan& s = synthetic(static_cast<std::size_t>(state.range(0)));
  std::size_t k = 0;
  for (auto _ : state) {
    std::vector<observation_point> points = s.observations.points_for(s.indicators[k++ % s.indicators.size()]->id);
    benchmark::DoNotOptimize(points);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["observations"] = static_cast<double>(s.observations.size());
}
BENCHMARK(points_for_synthetic)->Name("points_for/synthetic_plan")->Arg(1000)->Arg(10000);

// ---------------------------------------------------------------------------------------------
// The sizes of what the evaluation walks, in bytes.

void sizes(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(state.iterations());
  state.counters["sizeof_indicator"] = sizeof(indicator);
  state.counters["sizeof_observation"] = sizeof(observation);
  state.counters["sizeof_observation_point"] = sizeof(observation_point);
  state.counters["sizeof_assessment"] = sizeof(assessment);
  state.counters["sizeof_date_expression"] = sizeof(date_expression);
}
BENCHMARK(sizes)->Iterations(1);

}  // namespace
