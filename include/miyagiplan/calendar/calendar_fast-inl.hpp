// Definitions of the fast paths of the calendar's reader: the forms plans write most (平成22年12月31日,
// H22.12.31, 2010-12-31; 平成23年度, 平成23～25年度末) read straight from the code units, before the
// general reader of calendar_read-inl.hpp. Part of src/calendar.cpp, or included inline by the
// header-only target (MIYAGIPLAN_HEADER_ONLY).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

#include "miyagiplan/calendar/calendar_text-inl.hpp"
#include "miyagiplan/calendar/date_expression.hpp"
#include "miyagiplan/calendar/era.hpp"
#include "miyagiplan/calendar/fiscal.hpp"
#include "miyagiplan/config.hpp"

namespace miyagiplan {
namespace detail {

// UTF-8 bytes as one number (the first byte lowest), to compare a few at once; spelt out
// rather than looped so that the compiler makes it one load.
template <std::size_t... I>
constexpr std::uint64_t utf8_key(const char* bytes, std::index_sequence<I...>) noexcept {
  return ((std::uint64_t{static_cast<unsigned char>(bytes[I])} << (8 * I)) | ...);
}
template <std::size_t N>
constexpr std::uint64_t utf8_key(const char* bytes) noexcept {
  static_assert(N <= 8);
  return utf8_key(bytes, std::make_index_sequence<N>{});
}

// The built-in eras' names (two kanji, six bytes) as keys, in the order of builtin_eras.
inline constexpr auto builtin_era_keys = [] {
  std::array<std::uint64_t, builtin_eras.size()> keys{};
  for (std::size_t i = 0; i < keys.size(); ++i) keys[i] = utf8_key<6>(builtin_eras[i].kanji.data());
  return keys;
}();

// The kanji form of a day in a built-in era, in UTF-8: 平成22年12月31日, 令和元年5月1日 (18 to 22
// bytes). Read from the end, where 日 always is, each number's width taken from whether the byte
// before its last digit is a digit too, and every check folded into the one answer: no branch
// depends on the text. Over a million different days (bench_calendar many_days/kanji) the
// branches of a reader that walks the text forwards (which era, one digit or two, 元 or not)
// mispredicted so often that a text took 43 ns, against 29 ns for one text read again and again;
// read from the end, 28 ns (17 ns for the one text).
inline bool kanji_day_fields(const char* text, std::size_t size, const era_info*& e, int& year, int& month,
                             int& day) noexcept {
  if (size < 18 || size > 22) return false;
  // Every index read below stays inside the text: 18 bytes are enough for the shortest form.
  std::size_t at = size;  // the text before `at` is still to read
  bool ok = true;
  const auto kanji_before = [&](std::uint64_t kanji) {
    ok &= utf8_key<3>(text + at - 3) == kanji;
    at -= 3;
  };
  const auto digit = [&](std::size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(text[i])) - '0'; };
  // One or two ASCII digits before `at` (a third would leave the era name out of place).
  const auto number_before = [&](int& value) {
    const unsigned ones = digit(at - 1), tens = digit(at - 2);
    const bool two = tens < 10;
    ok &= ones < 10;
    value = static_cast<int>(ones + unsigned{two} * tens * 10u);
    at -= std::size_t{1} + two;
  };
  kanji_before(utf8_key<3>("日"));
  number_before(day);
  kanji_before(utf8_key<3>("月"));
  number_before(month);
  kanji_before(utf8_key<3>("年"));
  // The year: 元, or one or two digits.
  const bool gannen = utf8_key<3>(text + at - 3) == utf8_key<3>("元");
  const unsigned ones = digit(at - 1), tens = digit(at - 2);
  const bool two = tens < 10;
  ok &= gannen | (ones < 10);
  year = gannen ? 1 : static_cast<int>(ones + unsigned{two} * tens * 10u);
  at -= gannen ? std::size_t{3} : std::size_t{1} + two;
  ok &= at == 6;
  const std::uint64_t name = utf8_key<6>(text);
  std::size_t index = 0;
  bool named = false;
  for (std::size_t i = 0; i < builtin_era_keys.size(); ++i) {
    const bool match = name == builtin_era_keys[i];
    named |= match;
    index |= std::size_t{match} * i;
  }
  e = &builtin_eras[index];
  return ok && named;
}

// The forms most texts take (平成22年12月31日, H22.12.31, 2010-12-31), read straight from the
// code units. It only ever accepts what read_expression accepts, with the same result; anything
// else (spaces, full-width digits, kanji numerals, 元年 but in UTF-8's kanji form, ranges, a date
// to refuse) returns false and goes the long way, which also says what is wrong.
template <class Unit>
[[gnu::flatten]] bool read_common_day(const Unit* p, const Unit* const end, const parse_options& o,
                                      date_reading& r) noexcept {
  int year = 0, month = 0, day = 0;
  const era_info* e = nullptr;
  if (p == end) return false;
  const char32_t first = unit_value(*p);
  if (first >= 0x80) {  // 平成22年12月31日
    if constexpr (sizeof(Unit) == 1) {
      if (!kanji_day_fields(p, static_cast<std::size_t>(end - p), e, year, month, day)) return false;
      p = end;
    } else {
      e = accept_era_name(p, end);
      if (!e || !ascii_number(p, end, 2, year) || !accept_code_point<U'年'>(p, end) ||
          !ascii_number(p, end, 2, month) || !accept_code_point<U'月'>(p, end) ||
          !ascii_number(p, end, 2, day) || !accept_code_point<U'日'>(p, end))
        return false;
    }
  } else if ((first | 0x20) >= U'a' && (first | 0x20) <= U'z') {  // H22.12.31
    // The built-in letters in a fixed loop; an added era's letter goes the long way.
    for (const auto& candidate : builtin_eras)
      if ((first | 0x20) == static_cast<char32_t>(candidate.letter | 0x20)) e = &candidate;
    ++p;
    auto separator = [&] {
      if (p >= end || (unit_value(*p) != U'.' && unit_value(*p) != U'/' && unit_value(*p) != U'-')) return false;
      ++p;
      return true;
    };
    if (!e || !ascii_number(p, end, 2, year) || !separator() || !ascii_number(p, end, 2, month) || !separator() ||
        !ascii_number(p, end, 2, day))
      return false;
  } else {  // 2010-12-31
    if (!ascii_number(p, end, 4, year) || year < 1000 || !accept_code_point<U'-'>(p, end) ||
        !ascii_number(p, end, 2, month) || !accept_code_point<U'-'>(p, end) || !ascii_number(p, end, 2, day))
      return false;
  }
  if (p != end) return false;
  if (e) {
    if (year < 1) return false;
    year += e->first_year - 1;
  }
  if (year < min_supported_year || year > max_supported_year - 1 || month < 1 || month > 12 || day < 1 ||
      static_cast<unsigned>(day) > last_day_of_month(year, static_cast<unsigned>(month)))
    return false;
  const sys_days s = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  bool proleptic = false;
  if (e) {
    if (s < e->first_serial) return false;
    // The era after e in the table in force ends e (e is a built-in era: see above).
    const era_table& t = era_list();
    const auto next = static_cast<std::size_t>(e->id) + 1;
    if (next < t.size() && s >= t[next].first_serial) {
      if (o.strict) return false;
      proleptic = true;
    }
  }
  r = {};
  r.kind = date_kind::day;
  r.days = {s, s};
  r.proleptic = proleptic;
  return true;
}

inline bool read_common_day(std::string_view text, const parse_options& o, date_reading& r) noexcept {
  return read_common_day(text.data(), text.data() + text.size(), o, r);
}

// The fiscal forms plans write most (平成23年度, 平成25年度末, 平成23～25年度, 平成23～25年度末), read
// straight from the code units: some 3× faster than the general reader, which walks code points
// and fills a side per year. Like read_common_day it accepts only what read_expression accepts,
// with the same result (a test compares them over every era and year); 元, full-width digits,
// spaces, qualifiers and anything to refuse go the long way.
template <class Unit>
bool read_common_fiscal(const Unit* p, const Unit* const end, const parse_options& o, date_reading& r) noexcept {
  if (p == end || unit_value(*p) < 0x80) return false;
  const era_info* e = accept_era_name(p, end);
  int first = 0, last = 0;
  if (!e || !ascii_number(p, end, 2, first)) return false;
  last = first;
  const bool span = accept_code_point<U'～'>(p, end);
  if (span && !ascii_number(p, end, 2, last)) return false;
  if (!accept_code_point<U'年'>(p, end) || !accept_code_point<U'度'>(p, end)) return false;
  const bool fiscal_end = accept_code_point<U'末'>(p, end);
  if (p != end || first < 1 || last < 1) return false;
  // The era check of a fiscal label takes its whole year (check_era); past the era's end is proleptic.
  const auto last_day = last_serial(e->id);
  bool proleptic = false;
  auto year_days = [&](int era_year, day_span& days) {
    days = fiscal_year(e->first_year + era_year - 1, o.fiscal_start_month).days();
    if (days.last < e->first_serial) return false;
    if (last_day && days.first > *last_day) {
      if (o.strict) return false;
      proleptic = true;
    }
    return true;
  };
  day_span from, to;
  if (!year_days(first, from) || !year_days(last, to) || to.last < from.first) return false;
  r = {};
  r.days = {from.first, to.last};
  r.kind = span ? date_kind::fiscal_year_span : date_kind::fiscal_year;
  if (fiscal_end && !span) r.days.first = r.days.last, r.kind = date_kind::fiscal_year_end;
  r.proleptic = proleptic;
  return true;
}

}  // namespace detail
}  // namespace miyagiplan
