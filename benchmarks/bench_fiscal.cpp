// The fiscal forms plans write most, read by the byte-level fast path (read_common_fiscal) and,
// for comparison, by the general reader (a trailing space keeps a text off the fast path).
// Target (issue 15): ≤ 40 ns a text on the fast path.
#include <benchmark/benchmark.h>

#include <string>

#include "miyagiplan/calendar.hpp"

namespace {

using namespace miyagiplan;

void read_fiscal(benchmark::State& state, std::string text) {
  const parse_options options;
  date_reading r;
  date_reading_failure f;
  for (auto _ : state) {
    benchmark::DoNotOptimize(text.data());
    const bool ok = try_read_date(text, options, r, f);
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK_CAPTURE(read_fiscal, fast_year, std::string("平成23年度"))->Name("fiscal/fast/平成23年度");
BENCHMARK_CAPTURE(read_fiscal, fast_end, std::string("平成25年度末"))->Name("fiscal/fast/平成25年度末");
BENCHMARK_CAPTURE(read_fiscal, fast_span, std::string("平成23～25年度"))->Name("fiscal/fast/平成23～25年度");
BENCHMARK_CAPTURE(read_fiscal, general_year, std::string("平成23年度 "))->Name("fiscal/general/平成23年度");
BENCHMARK_CAPTURE(read_fiscal, general_end, std::string("平成25年度末 "))->Name("fiscal/general/平成25年度末");
BENCHMARK_CAPTURE(read_fiscal, general_span, std::string("平成23～25年度 "))->Name("fiscal/general/平成23～25年度");

}  // namespace
