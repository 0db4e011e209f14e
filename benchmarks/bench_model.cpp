// The model's formats: the bundled plan, JSON both ways and Boost archives both ways; then, on a
// plan of 10,000 indicators, reading a plan against parsing its JSON alone (the ratio is what
// the model's checks cost).
#include <benchmark/benchmark.h>

#include <cstddef>
#include <sstream>
#include <string>
#include <vector>

#include "miyagiplan/miyagiplan.hpp"

namespace mp = miyagiplan;

namespace {

const mp::plan& bundled() {
  static const mp::plan p = mp::plans::miyagi_it_2013();
  return p;
}

// The bundled plan with its measures holding `count` indicators, copies of its own in turn
// under new ids.
mp::plan synthetic_plan(std::size_t count) {
  mp::plan p = bundled();
  std::vector<mp::indicator> pool;
  for (const mp::indicator* i : p.indicators()) pool.push_back(*i);
  std::vector<mp::measure*> measures;
  for (mp::area& a : p.areas)
    for (mp::measure& m : a.measures) {
      m.indicators.clear();
      measures.push_back(&m);
    }
  for (std::size_t n = 0; n < count; ++n) {
    mp::measure& m = *measures[n % measures.size()];
    mp::indicator i = pool[n % pool.size()];
    i.id = m.id + "-s" + std::to_string(n);
    m.indicators.push_back(std::move(i));
  }
  return p;
}

const mp::plan& large() {
  static const mp::plan p = synthetic_plan(10'000);
  return p;
}

void bundled_plan(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(mp::plans::miyagi_it_2013());
}
BENCHMARK(bundled_plan);

void to_json_text(benchmark::State& state, const mp::plan& (*which)()) {
  const mp::plan& p = which();
  for (auto _ : state) benchmark::DoNotOptimize(mp::to_json_text(p));
  state.SetBytesProcessed(state.iterations() *
                          static_cast<std::int64_t>(mp::to_json_text(p).size()));
}
BENCHMARK_CAPTURE(to_json_text, bundled, bundled);
BENCHMARK_CAPTURE(to_json_text, large, large)->Unit(benchmark::kMillisecond);

void plan_from_json(benchmark::State& state, const mp::plan& (*which)()) {
  const std::string json = mp::to_json_text(which());
  for (auto _ : state) benchmark::DoNotOptimize(mp::plan_from_json(json));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(json.size()));
}
BENCHMARK_CAPTURE(plan_from_json, bundled, bundled);
BENCHMARK_CAPTURE(plan_from_json, large, large)->Unit(benchmark::kMillisecond);

// The same text, parsed only: no schema checks, no dates or quantities read.
void ordered_json_parse(benchmark::State& state, const mp::plan& (*which)()) {
  const std::string json = mp::to_json_text(which());
  for (auto _ : state) benchmark::DoNotOptimize(nlohmann::ordered_json::parse(json));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(json.size()));
}
BENCHMARK_CAPTURE(ordered_json_parse, bundled, bundled);
BENCHMARK_CAPTURE(ordered_json_parse, large, large)->Unit(benchmark::kMillisecond);

void save_archive(benchmark::State& state, mp::archive_format format) {
  std::stringstream out;
  for (auto _ : state) {
    out.str("");
    mp::save_archive(bundled(), out, format);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(out.str().size()));
}
BENCHMARK_CAPTURE(save_archive, text, mp::archive_format::text);
BENCHMARK_CAPTURE(save_archive, binary, mp::archive_format::binary);
BENCHMARK_CAPTURE(save_archive, xml, mp::archive_format::xml);

void load_archive(benchmark::State& state, mp::archive_format format) {
  std::stringstream in;
  mp::save_archive(bundled(), in, format);
  for (auto _ : state) {
    in.clear();
    in.seekg(0);
    benchmark::DoNotOptimize(mp::load_archive(in, format));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(in.str().size()));
}
BENCHMARK_CAPTURE(load_archive, text, mp::archive_format::text);
BENCHMARK_CAPTURE(load_archive, binary, mp::archive_format::binary);
BENCHMARK_CAPTURE(load_archive, xml, mp::archive_format::xml);

}  // namespace
