// Definitions of the calendar before 1873: the lunisolar tables (lunisolar_data.hpp, generated
// from data/calendar/), the eras from 大化, and what the reader and the writer need of them.
// Part of src/calendar.cpp, or included inline by the header-only target (MIYAGIPLAN_HEADER_ONLY).
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "miyagiplan/calendar/lunisolar.hpp"
#include "miyagiplan/calendar/lunisolar_data.hpp"
#include "miyagiplan/config.hpp"
#include "miyagiplan/detail/text.hpp"
#include "miyagiplan/error.hpp"

namespace miyagiplan {
namespace detail {

inline constexpr std::int32_t unix_epoch_jdn = 2440588;  // 1970-01-01
constexpr sys_days from_jdn(std::int32_t jdn) noexcept { return sys_days(day_count(jdn - unix_epoch_jdn)); }
constexpr std::int32_t jdn_of(sys_days d) noexcept { return day_count_of(d) + unix_epoch_jdn; }

static_assert(lunisolar_first_year == first_lunisolar_year &&
              lunisolar_first_year + static_cast<int>(std::size(lunisolar_year_rows)) - 1 == last_lunisolar_year);
static_assert(from_jdn(lunisolar_end_jdn) == gregorian_reform_serial);

inline constexpr std::size_t meiji_row = std::size(lunisolar_era_rows) - 1;  // 明治, the last row

inline const lunisolar_year_row* lunisolar_row(int year) noexcept {
  if (year < first_lunisolar_year || year > last_lunisolar_year) return nullptr;
  return &lunisolar_year_rows[static_cast<std::size_t>(year - first_lunisolar_year)];
}

inline std::int32_t lunisolar_year_end(int year) noexcept {  // the JDN after its last day
  return year < last_lunisolar_year ? lunisolar_row(year + 1)->first_jdn : lunisolar_end_jdn;
}

inline unsigned lunisolar_month_count(const lunisolar_year_row& r) noexcept { return r.leap ? 13u : 12u; }

// The place of a month in its year (the leap month right after its namesake), or -1 when the
// year has no such month.
inline int lunisolar_month_index(const lunisolar_year_row& r, unsigned month, bool leap) noexcept {
  if (month < 1 || month > 12 || (leap && r.leap != month)) return -1;
  return static_cast<int>(month) - 1 + (r.leap && (month > r.leap || leap) ? 1 : 0);
}

inline std::int32_t lunisolar_month_first(const lunisolar_year_row& r, int index) noexcept {
  std::int32_t jdn = r.first_jdn;
  for (int k = 0; k < index; ++k) jdn += 29 + ((r.long_months >> k) & 1);
  return jdn;
}

inline constexpr const char* lunisolar_year_expectation =
    "an era year before 1873 (the lunisolar calendar runs 445–1872, to 明治5年)";

// Why a lunisolar month or day does not exist, as the reader says it: for a 閏 month the year has
// not, the leap month it has; for a day past its month, the month's length.
inline const char* lunisolar_leap_expectation(unsigned leap) noexcept {
  static constexpr const char* text[] = {
      "a month without 閏 (that year has no leap month)", "閏1月 or no 閏 (that year's leap month is 閏1月)",
      "閏2月 or no 閏 (that year's leap month is 閏2月)",     "閏3月 or no 閏 (that year's leap month is 閏3月)",
      "閏4月 or no 閏 (that year's leap month is 閏4月)",     "閏5月 or no 閏 (that year's leap month is 閏5月)",
      "閏6月 or no 閏 (that year's leap month is 閏6月)",     "閏7月 or no 閏 (that year's leap month is 閏7月)",
      "閏8月 or no 閏 (that year's leap month is 閏8月)",     "閏9月 or no 閏 (that year's leap month is 閏9月)",
      "閏10月 or no 閏 (that year's leap month is 閏10月)",   "閏11月 or no 閏 (that year's leap month is 閏11月)",
      "閏12月 or no 閏 (that year's leap month is 閏12月)"};
  return text[leap <= 12 ? leap : 0];
}

inline const char* lunisolar_day_expectation(std::int32_t length) noexcept {
  return length == 30   ? "a day that exists in the month (1–30: that lunisolar month has 30 days)"
         : length == 29 ? "a day that exists in the month (1–29: that lunisolar month has 29 days)"
                        : "a day that exists in the month (1–2: 明治5年12月, the last lunisolar month, has 2 days)";
}

// The days of a lunisolar year (month 0), month (day 0) or day; nullptr, or what was expected and
// in which field (0 the year, 1 the month, 2 the day).
inline const char* lunisolar_span(int year, int month, bool leap, int day, day_span& out, int& field) noexcept {
  const lunisolar_year_row* r = lunisolar_row(year);
  if (!r) return field = 0, lunisolar_year_expectation;
  if (month == 0) {
    out = {from_jdn(r->first_jdn), from_jdn(lunisolar_year_end(year) - 1)};
    return nullptr;
  }
  if (month < 1 || month > 12) return field = 1, "a month 1–12";
  const int index = lunisolar_month_index(*r, static_cast<unsigned>(month), leap);
  if (index < 0) return field = 1, lunisolar_leap_expectation(r->leap);
  const std::int32_t first = lunisolar_month_first(*r, index);
  const std::int32_t end = index + 1 < static_cast<int>(lunisolar_month_count(*r)) ? lunisolar_month_first(*r, index + 1)
                                                                                  : lunisolar_year_end(year);
  if (day == 0) {
    out = {from_jdn(first), from_jdn(end - 1)};
    return nullptr;
  }
  if (day < 1 || day > end - first) return field = 2, lunisolar_day_expectation(end - first);
  out.first = out.last = from_jdn(first + day - 1);
  return nullptr;
}

// Reads the name of an era before 明治 (read_era has 明治 and the eras after): the longest name
// that matches (天平感宝 before 天平). Its row in lunisolar_era_rows.
inline bool read_historical_era(cursor& in, std::size_t& row) noexcept {
  const char32_t c = in.peek();
  if (c < 0x3400) return false;  // every name is kanji
  std::size_t best = 0, best_length = 0;
  for (std::size_t i = 0; i < meiji_row; ++i) {
    const std::u32string_view name = lunisolar_era_rows[i].name;
    if (name[0] != c || name.size() <= best_length) continue;
    cursor probe = in;
    if (probe.accept(name)) best = i, best_length = name.size();
  }
  if (best_length == 0) return false;
  for (std::size_t k = 0; k < best_length; ++k) in.advance();
  row = best;
  return true;
}

inline historical_era historical_era_of(const lunisolar_era_row& r) noexcept {
  return {r.kanji, r.first_year, from_jdn(r.first_jdn), from_jdn(r.end_jdn), static_cast<court>(r.court)};
}

// The row of the era in force on a day for a court (see to_lunisolar); nullptr when none is.
inline const lunisolar_era_row* lunisolar_era_on(std::int32_t jdn, court prefer) noexcept {
  const lunisolar_era_row* found = nullptr;
  for (const lunisolar_era_row& r : lunisolar_era_rows) {
    if (jdn < r.first_jdn || jdn >= r.end_jdn) continue;
    const auto c = static_cast<court>(r.court);
    if (c != court::both && c != prefer) continue;
    const bool own = c != court::both, found_own = found && static_cast<court>(found->court) != court::both;
    if (!found || (own && !found_own) || (own == found_own && r.first_jdn > found->first_jdn)) found = &r;
  }
  return found;
}

inline char* put_lunisolar(char* out, const lunisolar_date& d, bool gannen, bool pad, bool kanji_numerals) noexcept;

}  // namespace detail

MIYAGIPLAN_FUNC std::optional<historical_era> find_historical_era(std::string_view kanji) noexcept {
  for (const detail::lunisolar_era_row& r : detail::lunisolar_era_rows)
    if (r.kanji == kanji) return detail::historical_era_of(r);
  return std::nullopt;
}

MIYAGIPLAN_FUNC day_span lunisolar_year_days(int year) { return lunisolar_month_days(year, 0, false); }

MIYAGIPLAN_FUNC day_span lunisolar_month_days(int year, unsigned month, bool leap) {
  day_span out{};
  int field = 0;
  if (year < first_lunisolar_year || year > last_lunisolar_year)
    throw range_error("lunisolar year " + std::to_string(year) + ": the tables hold 445–1872");
  if (const char* why = detail::lunisolar_span(year, static_cast<int>(month), leap, 0, out, field))
    throw range_error("lunisolar year " + std::to_string(year) + (leap ? " 閏" : " ") + std::to_string(month) +
                      "月: expected " + why);
  return out;
}

MIYAGIPLAN_FUNC unsigned lunisolar_leap_month(int year) {
  const detail::lunisolar_year_row* r = detail::lunisolar_row(year);
  if (!r) throw range_error("lunisolar year " + std::to_string(year) + ": the tables hold 445–1872");
  return r->leap;
}

MIYAGIPLAN_FUNC sys_days to_gregorian(const lunisolar_date& d) {
  const auto e = find_historical_era(d.era);
  const std::string text = e ? format_lunisolar(d) : std::string(d.era);
  if (!e) throw range_error("\"" + text + "\" is no era before 1873");
  if (d.year < 1 || d.day < 1) throw range_error(text + " is no lunisolar day");
  day_span days{};
  int field = 0;
  if (const char* why = detail::lunisolar_span(e->first_year + d.year - 1, static_cast<int>(d.month), d.leap,
                                               static_cast<int>(d.day), days, field))
    throw range_error(text + " is no lunisolar day: expected " + why);
  if (days.first < e->first_day || days.first >= e->end_day)
    throw range_error(text + " is not a day of its era");
  return days.first;
}

MIYAGIPLAN_FUNC std::optional<lunisolar_date> to_lunisolar(sys_days d, court prefer) noexcept {
  using namespace detail;
  const std::int32_t jdn = jdn_of(d);
  if (jdn < lunisolar_year_rows[0].first_jdn || jdn >= lunisolar_end_jdn) return std::nullopt;
  const lunisolar_era_row* e = lunisolar_era_on(jdn, prefer);
  if (!e) return std::nullopt;
  // The last year that starts on or before the day.
  const auto* next = std::upper_bound(std::begin(lunisolar_year_rows), std::end(lunisolar_year_rows), jdn,
                                      [](std::int32_t j, const lunisolar_year_row& r) { return j < r.first_jdn; });
  const int year = first_lunisolar_year + static_cast<int>(next - std::begin(lunisolar_year_rows)) - 1;
  const lunisolar_year_row& r = *lunisolar_row(year);
  int index = 0;
  std::int32_t first = r.first_jdn;
  while (index + 1 < static_cast<int>(lunisolar_month_count(r)) && jdn >= lunisolar_month_first(r, index + 1))
    first = lunisolar_month_first(r, ++index);
  const bool leap = r.leap && index == static_cast<int>(r.leap);
  const unsigned month = static_cast<unsigned>(index) + 1 - (r.leap && index >= static_cast<int>(r.leap) ? 1 : 0);
  return lunisolar_date{e->kanji, year - e->first_year + 1, month, leap, static_cast<unsigned>(jdn - first + 1)};
}

namespace detail {
inline char* put_lunisolar(char* out, const lunisolar_date& d, bool gannen, bool pad, bool kanji_numerals) noexcept {
  auto put = [&](std::string_view s) {
    for (const char ch : s) *out++ = ch;
  };
  auto number = [&](int v) {
    if (kanji_numerals && v < 100) {
      static constexpr std::string_view digits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
      if (v >= 10) put(v >= 20 ? digits[v / 10] : ""), put("十");
      put(digits[v % 10]);
      return;
    }
    char buf[8];
    int n = 0;
    do buf[n++] = static_cast<char>('0' + v % 10), v /= 10;
    while (v > 0);
    if (pad && n < 2) buf[n++] = '0';
    while (n > 0) *out++ = buf[--n];
  };
  put(d.era);
  if (d.year == 1 && gannen) put("元");
  else number(d.year);
  put("年");
  if (d.leap) put("閏");
  number(static_cast<int>(d.month));
  put("月");
  number(static_cast<int>(d.day));
  put("日");
  return out;
}
}  // namespace detail

MIYAGIPLAN_FUNC std::string format_lunisolar(const lunisolar_date& d) {
  char buf[96];
  if (d.era.size() > 12 || d.month > 99 || d.day > 99 || d.year < 0 || d.year > 9999)
    return std::string(d.era) + std::to_string(d.year) + "年" + std::to_string(d.month) + "月" + std::to_string(d.day) + "日";
  return std::string(buf, detail::put_lunisolar(buf, d, true, false, false));
}

}  // namespace miyagiplan
