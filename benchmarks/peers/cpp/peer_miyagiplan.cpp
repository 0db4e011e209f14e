// miyagiplan's side of the peers harness (benchmarks/peers/run).
//
//   peer_miyagiplan generate --work DIR [--n N] [--seed S]
//     writes the one workload every peer reads:
//       days.txt            N days (counts of days since 1970-01-01), uniform over 1873-01-01 … 2100-12-31
//       kanji.txt           each day as 平成22年12月31日 (元年 for year 1)     } written by
//       abbrev.txt          each day as H22.12.31                             } format_date_to
//       iso.txt             each day as 2010-12-31                            }
//       fiscal.txt          N fiscal expressions as the plan writes them: 平成25年度, 平成25年度末,
//                           平成23～25年度, 平成23～25年度末 (one era per expression)
//       fiscal_expected.txt "first last" day counts of each, from fiscal-year arithmetic (not
//                           from the parser, which is checked against it like every peer)
//       to_era_expected.txt "era year month day" of each day (era 0 = 明治 … 4 = 令和)
//   peer_miyagiplan run --work DIR [--reps R] [--budget SECONDS] [--only op,op]
//     times miyagiplan on it (see peer_common.hpp for the protocol) and prints JSON lines.
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "miyagiplan/calendar.hpp"
#include "peer_common.hpp"

namespace {

using namespace miyagiplan;

std::string day_text(sys_days d, date_style style) {
  char buf[max_formatted_date];
  return std::string(buf, format_date_to(buf, d, style));
}

// The last fiscal year an era names under era_rule::latest: the year before the next era's 元年.
int last_fiscal_year_of(era e) {
  const auto next = static_cast<std::size_t>(e) + 1;
  return next < builtin_eras.size() ? builtin_eras[next].first_year - 1 : 9998;
}

std::string era_year_text(int y) { return y == 1 ? std::string("元") : std::to_string(y); }

int generate(int argc, char** argv) {
  std::string work;
  std::size_t n = 1'000'000;
  std::uint64_t seed = 20130401;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string_view a = argv[i];
    if (a == "--work") work = argv[i + 1];
    else if (a == "--n") n = std::stoul(argv[i + 1]);
    else if (a == "--seed") seed = std::stoull(argv[i + 1]);
  }
  if (work.empty()) throw std::runtime_error("--work DIR is required");
  std::mt19937_64 rng(seed);
  const std::int32_t first = day_count_of(days_from_civil(1873, 1, 1)), last = day_count_of(days_from_civil(2100, 12, 31));
  std::uniform_int_distribution<std::int32_t> pick_day(first, last);
  std::vector<std::string> days, kanji, abbrev, iso, to_era_expected;
  for (std::size_t i = 0; i < n; ++i) {
    const sys_days d = from_day_count(pick_day(rng));
    days.push_back(std::to_string(day_count_of(d)));
    kanji.push_back(day_text(d, date_style::kanji));
    abbrev.push_back(day_text(d, date_style::abbrev));
    iso.push_back(day_text(d, date_style::iso));
    // Era and year from the era table and the Gregorian year alone (not from to_era_date).
    const civil_date c = civil_from_days(d);
    std::size_t e = builtin_eras.size() - 1;
    while (d < builtin_eras[e].first_serial) --e;
    to_era_expected.push_back(std::to_string(e) + " " + std::to_string(c.year - builtin_eras[e].first_year + 1) +
                              " " + std::to_string(c.month) + " " + std::to_string(c.day));
  }
  // Fiscal expressions: a fiscal year 1873 … 2099 named by its era (era_rule::latest, as
  // fiscal_year::label does), in one of four forms; a span stays inside its era.
  std::uniform_int_distribution<int> pick_year(1873, 2099), pick_form(0, 3), pick_length(1, 4);
  std::vector<std::string> fiscal, fiscal_expected;
  for (std::size_t i = 0; i < n; ++i) {
    const int y = pick_year(rng);
    const int form = pick_form(rng);
    const int length = pick_length(rng);
    const era e = *fiscal_year(y).naming_era(era_rule::latest);
    const int era_year = y - info(e).first_year + 1;
    const int y2 = std::min(y + length, last_fiscal_year_of(e));
    const bool span = form >= 2 && y2 > y;
    std::string text(info(e).kanji);
    text += era_year_text(era_year);
    if (span) text += "～" + std::to_string(y2 - info(e).first_year + 1);
    text += "年度";
    if (form % 2 == 1) text += "末";
    sys_days from = fiscal_year(y).days().first;
    const sys_days to = fiscal_year(span ? y2 : y).days().last;
    if (!span && form % 2 == 1) from = to;  // 年度末: the last day; 平成23～25年度末 is the whole span
    fiscal.push_back(std::move(text));
    fiscal_expected.push_back(std::to_string(day_count_of(from)) + " " + std::to_string(day_count_of(to)));
  }
  peers::write_lines(work + "/days.txt", days);
  peers::write_lines(work + "/kanji.txt", kanji);
  peers::write_lines(work + "/abbrev.txt", abbrev);
  peers::write_lines(work + "/iso.txt", iso);
  peers::write_lines(work + "/to_era_expected.txt", to_era_expected);
  peers::write_lines(work + "/fiscal.txt", fiscal);
  peers::write_lines(work + "/fiscal_expected.txt", fiscal_expected);
  return 0;
}

// One day, or "E" when the text does not read as one day.
std::string day_answer(bool ok, const date_reading& r) {
  return ok && r.kind == date_kind::day ? std::to_string(day_count_of(r.days.first)) : std::string("E");
}

std::string span_answer(bool ok, const date_reading& r) {
  return ok ? std::to_string(day_count_of(r.days.first)) + " " + std::to_string(day_count_of(r.days.last)) : std::string("E");
}

int run(int argc, char** argv) {
  const peers::options o = peers::parse_options(argc, argv, 2);
  const peers::lines kanji = peers::read_lines(o.work + "/kanji.txt");
  const peers::lines abbrev = peers::read_lines(o.work + "/abbrev.txt");
  const peers::lines iso = peers::read_lines(o.work + "/iso.txt");
  const peers::lines fiscal = peers::read_lines(o.work + "/fiscal.txt");
  const std::vector<std::int32_t> days = peers::read_days(o.work + "/days.txt");
  std::vector<sys_days> dates;
  dates.reserve(days.size());
  for (std::int32_t d : days) dates.push_back(from_day_count(d));
  const parse_options po;

  // Parsing: the allocation-free core, and parse_date (which keeps the text in the result).
  const std::pair<const char*, const peers::lines*> day_inputs[] = {
      {"parse_kanji", &kanji}, {"parse_abbrev", &abbrev}, {"parse_iso", &iso}};
  for (const auto& [op, input] : day_inputs) {
    const auto& items = input->items;
    peers::measure(
        o, {op, "miyagiplan try_read_date", "C++", "", items.size()},
        [&](std::size_t i) {
          date_reading r;
          date_reading_failure f;
          const bool ok = try_read_date(items[i], po, r, f);
          return day_answer(ok, r);
        },
        [&](std::size_t i) -> std::uint64_t {
          date_reading r;
          date_reading_failure f;
          return try_read_date(items[i], po, r, f) ? static_cast<std::uint32_t>(day_count_of(r.days.first)) : 0u;
        });
    peers::measure(
        o, {op, "miyagiplan parse_date", "C++", "allocates: the result keeps the text", items.size()},
        [&](std::size_t i) {
          try {
            const date_expression e = parse_date(items[i], po);
            return day_answer(true, e.reading());
          } catch (const parse_error&) {
            return std::string("E");
          }
        },
        [&](std::size_t i) -> std::uint64_t {
          try {
            return static_cast<std::uint32_t>(day_count_of(parse_date(items[i], po).days().first));
          } catch (const parse_error&) {
            return 0;
          }
        });
  }
  peers::measure(
      o, {"parse_fiscal", "miyagiplan try_read_date", "C++", "", fiscal.items.size()},
      [&](std::size_t i) {
        date_reading r;
        date_reading_failure f;
        const bool ok = try_read_date(fiscal.items[i], po, r, f);
        return span_answer(ok, r);
      },
      [&](std::size_t i) -> std::uint64_t {
        date_reading r;
        date_reading_failure f;
        return try_read_date(fiscal.items[i], po, r, f) ? static_cast<std::uint32_t>(day_count_of(r.days.last)) : 0u;
      });
  peers::measure(
      o, {"parse_fiscal", "miyagiplan parse_date", "C++", "allocates: the result keeps the text", fiscal.items.size()},
      [&](std::size_t i) {
        try {
          return span_answer(true, parse_date(fiscal.items[i], po).reading());
        } catch (const parse_error&) {
          return std::string("E");
        }
      },
      [&](std::size_t i) -> std::uint64_t {
        try {
          return static_cast<std::uint32_t>(day_count_of(parse_date(fiscal.items[i], po).days().last));
        } catch (const parse_error&) {
          return 0;
        }
      });

  // Formatting: into a caller's buffer, and format_date (a day in, a std::string out).
  const std::pair<const char*, date_style> styles[] = {{"format_kanji", date_style::kanji},
                                                       {"format_abbrev", date_style::abbrev}};
  for (const auto& [op, style] : styles) {
    const date_style st = style;
    peers::measure(
        o, {op, "miyagiplan format_date_to", "C++", "", days.size()},
        [&](std::size_t i) { return day_text(dates[i], st); },
        [&](std::size_t i) -> std::uint64_t {
          char buf[max_formatted_date];
          const std::size_t len = format_date_to(buf, dates[i], st);
          return len + (len ? static_cast<unsigned char>(buf[len - 1]) : 0u);
        });
    peers::measure(
        o, {op, "miyagiplan format_date", "C++", "sys_days in, std::string out", days.size()},
        [&](std::size_t i) { return format_date(dates[i], st); },
        [&](std::size_t i) -> std::uint64_t {
          const std::string s = format_date(dates[i], st);
          return s.size() + static_cast<unsigned char>(s.back());
        });
  }

  // Day → era date, and the bare arithmetic it builds on.
  peers::measure(
      o, {"to_era", "miyagiplan era_date_of(sys_days)", "C++", "", days.size()},
      [&](std::size_t i) {
        const auto e = era_date_of(dates[i]);
        if (!e) return std::string("E");
        return std::to_string(static_cast<int>(e->era)) + " " + std::to_string(e->year) + " " +
               std::to_string(e->month) + " " + std::to_string(e->day);
      },
      [&](std::size_t i) -> std::uint64_t {
        const auto e = era_date_of(dates[i]);
        if (!e) return 0;
        return static_cast<std::uint64_t>(static_cast<unsigned>(e->era)) + static_cast<unsigned>(e->year) +
               e->month + e->day;
      });
  peers::measure(o, {"to_era", "civil_from_days (bare arithmetic)", "C++", "reference: no era", days.size()},
                 peers::no_answers{}, [&](std::size_t i) -> std::uint64_t {
                   const civil_date c = civil_from_days(dates[i]);
                   return static_cast<unsigned>(c.year) + c.month + c.day;
                 });
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::string_view mode = argc > 1 ? argv[1] : "";
    if (mode == "generate") return generate(argc, argv);
    if (mode == "run") return run(argc, argv);
    std::cerr << "usage: peer_miyagiplan generate --work DIR [--n N] [--seed S]\n"
                 "       peer_miyagiplan run --work DIR [--reps R] [--budget SECONDS] [--only op,op]\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "peer_miyagiplan: " << e.what() << "\n";
    return 1;
  }
}
