// Definitions of the calendar's writing of dates: days and era dates as text, fiscal-year
// labels, and the checked conversions between days and era dates. Part of src/calendar.cpp, or
// included inline by the header-only target (MIYAGIPLAN_HEADER_ONLY).
#pragma once

#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "miyagiplan/calendar/calendar_lunisolar-inl.hpp"
#include "miyagiplan/calendar/calendar_text-inl.hpp"
#include "miyagiplan/calendar/era.hpp"
#include "miyagiplan/calendar/fiscal.hpp"
#include "miyagiplan/calendar/format.hpp"
#include "miyagiplan/calendar/lunisolar.hpp"
#include "miyagiplan/config.hpp"
#include "miyagiplan/error.hpp"

namespace miyagiplan {
namespace detail {

// Writes a number of at most 4 digits; `width` pads with zeros.
inline char* put_number(char* out, int v, int width = 1) noexcept {
  char buf[8];
  int n = 0;
  do buf[n++] = static_cast<char>('0' + v % 10), v /= 10;
  while (v > 0);
  while (n < width) buf[n++] = '0';
  while (n > 0) *out++ = buf[--n];
  return out;
}

inline char* put_text(char* out, std::string_view s) noexcept {
  std::memcpy(out, s.data(), s.size());
  return out + s.size();
}

// Writes a number below 100 without a branch: two bytes from a table, the pointer moved by one
// or two (a spare byte is overwritten by what comes next, inside the caller's buffer).
inline char* put_small(char* out, int v) noexcept {
  static constexpr char digits[] =
      "0001020304050607080910111213141516171819202122232425262728293031323334353637383940414243444546474849"
      "5051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";
  std::memcpy(out, digits + 2 * v + (v < 10), 2);
  return out + 1 + (v >= 10);
}

inline char* put_era_year(char* out, era e, int year) noexcept {
  out = put_text(out, info(e).kanji);  // at most 12 bytes (add_era checks)
  if (year == 1) return put_text(out, "元");
  return year < 100 ? put_small(out, year) : put_number(out, year);
}

}  // namespace detail

MIYAGIPLAN_FUNC std::size_t format_date_to(char* out, sys_days day, date_style style) noexcept;
MIYAGIPLAN_FUNC std::size_t format_date_to(char* out, sys_days day, const format_options& options) noexcept;

namespace detail {
inline std::string iso_text(sys_days d) {
  char buf[max_formatted_date];
  return std::string(buf, format_date_to(buf, d, date_style::iso));
}
}  // namespace detail

MIYAGIPLAN_FUNC era_date to_era_date(sys_days d) {
  const auto e = era_date_of(d);
  if (!e) throw range_error(detail::iso_text(d) + " is before 1873-01-01, the first day of the eras");
  return *e;
}

MIYAGIPLAN_FUNC sys_days to_gregorian(const era_date& d) {
  if (!is_valid(d))
    throw range_error(std::string(info(d.era).kanji) + std::to_string(d.year) + "年" +
                      std::to_string(d.month) + "月" + std::to_string(d.day) +
                      "日 is not a day of its era");
  return to_sys_days(d);
}

MIYAGIPLAN_FUNC std::optional<era> fiscal_year::naming_era(era_rule rule) const noexcept {
  if (rule == era_rule::first_day) return era_of(days().first);
  if (days().last < first_era_serial) return std::nullopt;
  std::optional<era> found;
  for (const auto& e : era_list())
    if (e.first_year <= year_ && e.first_serial <= days().last) found = e.id;
  return found;
}

MIYAGIPLAN_FUNC std::string fiscal_year::label(fiscal_label style, era_rule rule) const {
  char buf[32];
  char* p = buf;
  if (style == fiscal_label::fy) {
    p = detail::put_text(p, "FY");
    p = detail::put_number(p, year_);
    return std::string(buf, p);
  }
  if (style == fiscal_label::era) {
    const auto e = naming_era(rule);
    if (!e) throw range_error("fiscal year " + std::to_string(year_) + " is before the eras");
    p = detail::put_era_year(p, *e, year_ - info(*e).first_year + 1);
  } else {
    p = detail::put_number(p, year_);
  }
  p = detail::put_text(p, "年度");
  return std::string(buf, p);
}

// (flatten: the table helpers inlined, as a small translation unit would have them.)
[[gnu::flatten]] MIYAGIPLAN_FUNC std::size_t format_date_to(char* out, sys_days day, date_style style) noexcept {
  using namespace detail;
  const civil_date c = civil_from_days(day);
  char* p = out;
  switch (style) {
    case date_style::jisx0301:
    case date_style::koki: {
      format_options o;
      o.style = style;
      return format_date_to(out, day, o);
    }
    case date_style::kanji:
    case date_style::abbrev: {
      const auto e = era_of(day);
      if (!e) return 0;
      const int y = c.year - info(*e).first_year + 1;
      if (style == date_style::abbrev) {
        *p++ = info(*e).letter;
        p = y < 100 ? put_small(p, y) : put_number(p, y);
        *p++ = '.';
        p = put_small(p, static_cast<int>(c.month));
        *p++ = '.';
        p = put_small(p, static_cast<int>(c.day));
        return static_cast<std::size_t>(p - out);
      }
      p = put_era_year(p, *e, y);
      break;
    }
    case date_style::western:
      p = put_number(p, c.year);
      break;
    case date_style::iso:
      p = put_number(p, c.year, 4);
      *p++ = '-';
      p = put_number(p, static_cast<int>(c.month), 2);
      *p++ = '-';
      p = put_number(p, static_cast<int>(c.day), 2);
      return static_cast<std::size_t>(p - out);
  }
  p = put_text(p, "年");
  p = put_small(p, static_cast<int>(c.month));
  p = put_text(p, "月");
  p = put_small(p, static_cast<int>(c.day));
  p = put_text(p, "日");
  return static_cast<std::size_t>(p - out);
}

namespace detail {

// A number in kanji: 三十一, 十二, 五 (with 十, 百, 千), or digit by digit (二〇二三) for a
// Western year.
inline char* put_kanji_number(char* out, int v, bool positional) noexcept {
  static constexpr std::string_view digits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (positional || v == 0) {
    char buf[8];
    int n = 0;
    do buf[n++] = static_cast<char>(v % 10), v /= 10;
    while (v > 0);
    while (n > 0) out = put_text(out, digits[static_cast<int>(buf[--n])]);
    return out;
  }
  static constexpr std::pair<int, std::string_view> places[] = {{1000, "千"}, {100, "百"}, {10, "十"}};
  for (const auto& [place, name] : places) {
    const int d = v / place;
    v %= place;
    if (d == 0) continue;
    if (d > 1) out = put_text(out, digits[d]);  // 十二, not 一十二
    out = put_text(out, name);
  }
  return v > 0 ? put_text(out, digits[v]) : out;
}

// A number as the options write it: digits, zero-padded to `width`, or kanji.
inline char* put_field(char* out, int v, const format_options& o, int width, bool western_year = false) noexcept {
  if (o.kanji_numerals) return put_kanji_number(out, v, western_year);
  return put_number(out, v, o.zero_pad ? width : 1);
}

inline constexpr std::string_view weekday_names[] = {"日", "月", "火", "水", "木", "金", "土"};

// A day before 1873 in the kanji style, as the lunisolar calendar named it; 0 when it cannot.
inline std::size_t format_lunisolar_to(char* out, sys_days day, const format_options& o) noexcept {
  const auto d = to_lunisolar(day);
  if (!d) return 0;
  char* p = put_lunisolar(out, *d, o.gannen, o.zero_pad, o.kanji_numerals);
  if (o.weekday) {
    p = put_text(p, "（");
    p = put_text(p, weekday_names[static_cast<std::size_t>(((day_count_of(day) + 4) % 7 + 7) % 7)]);
    p = put_text(p, "）");
  }
  return static_cast<std::size_t>(p - out);
}

}  // namespace detail

MIYAGIPLAN_FUNC std::size_t format_date_to(char* out, sys_days day, const format_options& o) noexcept {
  using namespace detail;
  const civil_date c = civil_from_days(day);
  char* p = out;
  switch (o.style) {
    case date_style::iso:
      return format_date_to(out, day, date_style::iso);
    case date_style::abbrev:
    case date_style::jisx0301: {
      const auto e = era_of(day);
      if (!e) return 0;
      // JIS X 0301: R05.03.31, every field two digits; the abbreviation pads when asked.
      const int width = o.style == date_style::jisx0301 || o.zero_pad ? 2 : 1;
      *p++ = info(*e).letter;
      p = put_number(p, c.year - info(*e).first_year + 1, width);
      *p++ = '.';
      p = put_number(p, static_cast<int>(c.month), width);
      *p++ = '.';
      p = put_number(p, static_cast<int>(c.day), width);
      return static_cast<std::size_t>(p - out);
    }
    case date_style::kanji: {
      const auto e = era_of(day);
      if (!e) return o.lunisolar ? format_lunisolar_to(out, day, o) : 0;
      const int y = c.year - info(*e).first_year + 1;
      p = put_text(p, info(*e).kanji);
      p = y == 1 && o.gannen ? put_text(p, "元") : put_field(p, y, o, 2);
      p = put_text(p, "年");
      if (o.with_western) {  // 令和5年（2023年）
        p = put_text(p, "（");
        p = put_field(p, c.year, o, 4, true);
        p = put_text(p, "年）");
      }
      break;
    }
    case date_style::western:
      p = put_field(p, c.year, o, 4, true);
      p = put_text(p, "年");
      break;
    case date_style::koki:  // 皇紀: the year counted from 660 BC
      p = put_text(p, "皇紀");
      p = put_field(p, c.year + 660, o, 4, true);
      p = put_text(p, "年");
      break;
  }
  p = put_field(p, static_cast<int>(c.month), o, 2);
  p = put_text(p, "月");
  p = put_field(p, static_cast<int>(c.day), o, 2);
  p = put_text(p, "日");
  if (o.weekday) {
    p = put_text(p, "（");
    p = put_text(p, weekday_names[static_cast<std::size_t>(((day_count_of(day) + 4) % 7 + 7) % 7)]);
    p = put_text(p, "）");
  }
  return static_cast<std::size_t>(p - out);
}

MIYAGIPLAN_FUNC std::string format_date(sys_days d, const format_options& options) {
  char buf[max_formatted_date];
  const std::size_t n = format_date_to(buf, d, options);
  if (n == 0 && options.lunisolar && options.style == date_style::kanji)
    throw range_error(detail::iso_text(d) + " has no lunisolar era date (the tables hold 445–1872; no era named "
                      "654–686 and 686–701)");
  if (n == 0) throw range_error(detail::iso_text(d) + " is before 1873-01-01, the first day of the eras");
  return std::string(buf, n);
}

MIYAGIPLAN_FUNC std::string format_date(sys_days d, date_style style) {
  char buf[max_formatted_date];
  const std::size_t n = format_date_to(buf, d, style);
  if (n == 0) throw range_error(detail::iso_text(d) + " is before 1873-01-01, the first day of the eras");
  return std::string(buf, n);
}

MIYAGIPLAN_FUNC std::string format_era_date(const era_date& d, date_style style) {
  return format_date(to_gregorian(d), style);
}

}  // namespace miyagiplan
