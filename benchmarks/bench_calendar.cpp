// The calendar's hot paths: reading the plan's date texts, converting days to eras and fiscal
// years, and formatting. Bare civil_from_days is the reference the era conversion builds on.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "miyagiplan/calendar.hpp"

namespace {

using namespace miyagiplan;

// The texts the parser meets in the plan: plain, abbreviated, full-width, qualified, ranged.
struct sample_text {
  const char* name;
  std::string_view text;
};
constexpr sample_text sample_texts[] = {
    {"kanji", "平成22年12月31日"},
    {"abbrev", "H22.12.31"},
    {"full_width", "平成２２年１２月３１日"},
    {"estimate", "平成22年度（見込）"},
    {"fiscal_span", "平成23～25年度末"},
};

// The forms of #14: a weekday checked against its day, a suffix, dual notation, から…まで across
// eras, a compact ISO day (separate names, so the plan's five above stay comparable).
constexpr sample_text new_form_texts[] = {
    {"weekday", "令和5年3月31日（金）"},
    {"as_of", "令和2年10月1日現在"},
    {"dual", "平成２３年度（２０１１年度）"},
    {"kara_made", "平成31年4月1日から令和元年5月31日まで"},
    {"compact_iso", "20101231"},
};

// Days spread over the whole supported era range (1873 … 2100), so that the era search and the
// branch predictor see every era rather than one memorised day.
constexpr std::size_t day_count = 4096;  // a power of two: indices wrap with a mask
std::vector<sys_days> spread_days() {
  const sys_days first = days_from_civil(1873, 1, 1);
  const auto span = static_cast<std::size_t>((days_from_civil(2100, 12, 31) - first).count() + 1);
  std::vector<sys_days> spread(day_count);
  for (std::size_t i = 0; i < day_count; ++i)
    spread[i] = first + miyagiplan::day_count(static_cast<std::int32_t>(i * 7919 % span));  // 7919: prime, coprime to span
  return spread;
}
const std::vector<sys_days> days = spread_days();

// Runs `op` on each spread day in turn.
template <class Op>
void over_days(benchmark::State& state, Op op) {
  std::size_t i = 0;
  for (auto _ : state) op(days[i++ & (day_count - 1)]);
  state.SetItemsProcessed(state.iterations());
}

void parse_date_bench(benchmark::State& state, std::string_view text) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(text);  // the text is opaque to the optimiser
    date_expression e = parse_date(text);
    benchmark::DoNotOptimize(e);
  }
}

void try_read_date_bench(benchmark::State& state, std::string_view text) {
  const parse_options options;
  for (auto _ : state) {
    benchmark::DoNotOptimize(text);
    date_reading reading;
    date_reading_failure failure;
    bool ok = try_read_date(text, options, reading, failure);
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(reading);
  }
}

const bool parse_benchmarks_registered = [] {
  for (const sample_text& s : sample_texts) {
    benchmark::RegisterBenchmark((std::string("parse_date/") + s.name).c_str(), parse_date_bench,
                                 s.text);
    benchmark::RegisterBenchmark((std::string("try_read_date/") + s.name).c_str(),
                                 try_read_date_bench, s.text);
  }
  for (const sample_text& s : new_form_texts)
    benchmark::RegisterBenchmark((std::string("try_read_date/new_forms/") + s.name).c_str(), try_read_date_bench,
                                 s.text);
  return true;
}();

// A million days drawn uniformly from 1873-01-01 … 2100-12-31, as the peers workload draws them
// (benchmarks/peers): eras, 元年 and the widths of the numbers vary from one day to the next as
// in a real column of dates. The spread days above step 7919 days at a time, a pattern the
// branch predictor partly learns; these it cannot.
std::vector<sys_days> random_days() {
  std::mt19937_64 rng(20130401);
  std::uniform_int_distribution<std::int32_t> pick_day(day_count_of(days_from_civil(1873, 1, 1)),
                                                       day_count_of(days_from_civil(2100, 12, 31)));
  std::vector<sys_days> random(1'000'000);
  for (sys_days& d : random) d = from_day_count(pick_day(rng));
  return random;
}

// Each random day written in one style, the texts in one block as the peers harness holds them.
struct day_texts {
  std::string storage;
  std::vector<std::string_view> items;
};
day_texts random_day_texts(date_style style) {
  day_texts t;
  std::vector<std::size_t> ends;
  char out[max_formatted_date];
  for (sys_days d : random_days()) t.storage.append(out, format_date_to(out, d, style)), ends.push_back(t.storage.size());
  std::size_t begin = 0;
  for (std::size_t end : ends) t.items.emplace_back(t.storage.data() + begin, end - begin), begin = end;
  return t;
}

void try_read_date_many_bench(benchmark::State& state, date_style style) {
  const day_texts texts = random_day_texts(style);
  const parse_options options;
  std::size_t i = 0;
  for (auto _ : state) {
    date_reading reading;
    date_reading_failure failure;
    bool ok = try_read_date(texts.items[i], options, reading, failure);
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(reading);
    if (++i == texts.items.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK_CAPTURE(try_read_date_many_bench, kanji, date_style::kanji)->Name("try_read_date/many_days/kanji");

// Runs `op` on each random day in turn.
template <class Op>
void over_random_days(benchmark::State& state, Op op) {
  const std::vector<sys_days> random = random_days();
  std::size_t i = 0;
  for (auto _ : state) {
    op(random[i]);
    if (++i == random.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}

void to_western_bench(benchmark::State& state) {
  std::string_view text = "平成22年12月末";
  for (auto _ : state) {
    benchmark::DoNotOptimize(text);
    sys_days d = to_western(text);
    benchmark::DoNotOptimize(d);
  }
}
BENCHMARK(to_western_bench)->Name("to_western/month_end");

// Over days in steps, or over a million random ones (the peers' workload, which the branch
// predictor cannot learn).
void format_date_to_bench(benchmark::State& state, date_style style, bool random_days) {
  char out[max_formatted_date];
  const auto format = [&](sys_days s) {
    std::size_t n = format_date_to(out, s, style);
    benchmark::DoNotOptimize(n);
    benchmark::ClobberMemory();  // the text written to `out` counts as used
  };
  if (random_days)
    over_random_days(state, format);
  else
    over_days(state, format);
}
BENCHMARK_CAPTURE(format_date_to_bench, kanji, date_style::kanji, false)->Name("format_date_to/kanji");
BENCHMARK_CAPTURE(format_date_to_bench, abbrev, date_style::abbrev, false)->Name("format_date_to/abbrev");
BENCHMARK_CAPTURE(format_date_to_bench, many_kanji, date_style::kanji, true)->Name("format_date_to/many_days/kanji");

// The formatting options of #14.
void format_options_bench(benchmark::State& state, format_options options) {
  char out[max_formatted_date];
  over_days(state, [&](sys_days s) {
    std::size_t n = format_date_to(out, s, options);
    benchmark::DoNotOptimize(n);
    benchmark::ClobberMemory();
  });
}
BENCHMARK_CAPTURE(format_options_bench, jisx0301, format_options{.style = date_style::jisx0301})
    ->Name("format_date_to/options/jisx0301");
BENCHMARK_CAPTURE(format_options_bench, western_weekday, format_options{.with_western = true, .weekday = true})
    ->Name("format_date_to/options/with_western_weekday");
BENCHMARK_CAPTURE(format_options_bench, kanji_numerals, format_options{.kanji_numerals = true})
    ->Name("format_date_to/options/kanji_numerals");

void format_date_bench(benchmark::State& state) {
  std::size_t i = 0;
  for (auto _ : state) {
    std::string text = format_date(days[i++ & (day_count - 1)], date_style::kanji);
    benchmark::DoNotOptimize(text);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(format_date_bench)->Name("format_date/kanji");

void to_era_date_bench(benchmark::State& state) {
  over_days(state, [](sys_days s) {
    std::optional<era_date> e = era_date_of(s);
    benchmark::DoNotOptimize(e);
  });
}
BENCHMARK(to_era_date_bench)->Name("to_era_date/serial");

void to_era_date_many_bench(benchmark::State& state) {
  over_random_days(state, [](sys_days s) {
    std::optional<era_date> e = era_date_of(s);
    benchmark::DoNotOptimize(e);
  });
}
BENCHMARK(to_era_date_many_bench)->Name("to_era_date/many_days");

void civil_from_days_bench(benchmark::State& state) {
  over_days(state, [](sys_days s) {
    civil_date c = civil_from_days(s);
    benchmark::DoNotOptimize(c);
  });
}
BENCHMARK(civil_from_days_bench)->Name("civil_from_days/reference");

void civil_from_days_many_bench(benchmark::State& state) {
  over_random_days(state, [](sys_days s) {
    civil_date c = civil_from_days(s);
    benchmark::DoNotOptimize(c);
  });
}
BENCHMARK(civil_from_days_many_bench)->Name("civil_from_days/many_days");

void fiscal_year_of_bench(benchmark::State& state) {
  over_days(state, [](sys_days s) {
    fiscal_year fy = fiscal_year::of(s);
    benchmark::DoNotOptimize(fy);
  });
}
BENCHMARK(fiscal_year_of_bench)->Name("fiscal_year_of/serial");

}  // namespace

#include <fstream>
#include <sstream>

namespace {
// A scan (find_dates, or the reference scan) over `text`, again and again: the dates found and
// the bytes scanned per second.
template <class Scan>
void measure_scan(benchmark::State& state, const std::string& text, Scan scan) {
  std::size_t found = 0;
  for (auto _ : state) {
    auto matches = scan(text);
    found = matches.size();
    benchmark::DoNotOptimize(matches);
  }
  state.counters["dates"] = static_cast<double>(found);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}

void measure_find_dates(benchmark::State& state, const std::string& text) {
  measure_scan(state, text, [](const std::string& t) { return miyagiplan::find_dates(t); });
}

std::string plan_text() {
  std::ifstream in(MIYAGIPLAN_PLAN_TEXT, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// find_dates over the whole plan text (about 13,000 characters, 85 dates).
void find_dates_bench(benchmark::State& state) { measure_find_dates(state, plan_text()); }

// The same text through the reference scan, which tries every character (what the fast scan
// of find_dates saves).
void find_dates_reference_bench(benchmark::State& state) {
  measure_scan(state, plan_text(), [](const std::string& t) { return miyagiplan::detail::find_dates_reference(t); });
}
}  // namespace
BENCHMARK(find_dates_bench)->Name("find_dates/plan_text");
BENCHMARK(find_dates_reference_bench)->Name("find_dates/plan_text_every_character");

namespace {
// find_dates over texts of the forms of #14 as a PDF's extraction writes them (full-width
// digits, stray spaces), and over prose without a date (how fast the scan skips).
void find_dates_text_bench(benchmark::State& state, std::string_view sentence) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += sentence;
  measure_find_dates(state, text);
}
}  // namespace
BENCHMARK_CAPTURE(find_dates_text_bench, pdf_text,
                  "本計画は令和5年3月31日（金）現在の状況をもとに、平成２３年度から平成２５年度までを期間とし、"
                  "統計（H22.12.31）は 平 成 22 年 度末見込 とした。件数は2,280 件、第3四半期。")
    ->Name("find_dates/pdf_text");
BENCHMARK_CAPTURE(find_dates_text_bench, prose,
                  "県民のだれもが地域社会の一員として、ＩＴの恩恵を享受できる安全・安心な地域社会の創造を目指し、"
                  "情報通信基盤の整備と利活用の促進に取り組みます。")
    ->Name("find_dates/prose");
