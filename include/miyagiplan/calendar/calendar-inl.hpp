// Definitions of the calendar's parsing and formatting. Compiled once by src/calendar.cpp, or
// included inline by the header-only target (MIYAGIPLAN_HEADER_ONLY).
#pragma once

#include <cstring>
#include <new>
#include <type_traits>

#include "miyagiplan/calendar/date_expression.hpp"
#include "miyagiplan/calendar/era.hpp"
#include "miyagiplan/calendar/fiscal.hpp"
#include "miyagiplan/calendar/format.hpp"
#include "miyagiplan/detail/enum_names.hpp"
#include "miyagiplan/detail/text.hpp"
#include "miyagiplan/error.hpp"

namespace miyagiplan {
namespace detail {

constexpr int kanji_digit_value(char32_t c) noexcept {
  switch (c) {
    case U'〇': case U'零': return 0;
    case U'一': return 1;
    case U'二': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

constexpr int kanji_multiplier(char32_t c) noexcept {
  return c == U'十' ? 10 : c == U'百' ? 100 : c == U'千' ? 1000 : 0;
}

constexpr char32_t ascii_upper(char32_t c) noexcept {
  if (c >= U'a' && c <= U'z') return c - 32;
  if (c >= U'\uFF21' && c <= U'\uFF3A') return c - 0xFF21 + U'A';  // full-width capitals
  if (c >= U'\uFF41' && c <= U'\uFF5A') return c - 0xFF41 + U'A';  // full-width small letters
  return c;
}

constexpr bool is_range_mark(char32_t c) noexcept {
  switch (c) {
    case U'～': case U'〜': case U'~': case U'－': case U'−': case U'‐': case U'‒': case U'–':
    case U'—': case U'―':
      return true;
    default:
      return false;
  }
}

constexpr bool is_separator(char32_t c) noexcept {
  return c == U'.' || c == U'/' || c == U'-' || c == U'．' || c == U'／';
}

// Reads an era name: kanji (平成), ligature (㍻), or a letter (H, h, Ｈ). `letter` tells which.
// The eras as documents write them: two kanji, or one ligature.
inline constexpr struct {
  char32_t first, second, ligature;
  era id;
} era_names[] = {
    {U'明', U'治', U'\u337E', era::meiji},  {U'大', U'正', U'\u337D', era::taisho},
    {U'昭', U'和', U'\u337C', era::showa},  {U'平', U'成', U'\u337B', era::heisei},
    {U'令', U'和', U'\u32FF', era::reiwa},
};

inline bool read_era(cursor& in, era& e, bool& letter) noexcept {
  const char32_t c = in.peek();
  for (const auto& n : era_names) {
    if (c == n.ligature) {
      in.advance();
      e = n.id, letter = false;
      return true;
    }
    if (c == n.first && in.peek_after() == n.second) {
      in.advance(), in.advance();
      e = n.id, letter = false;
      return true;
    }
  }
  const char32_t up = ascii_upper(c);
  for (const auto& info : eras) {
    if (up == static_cast<char32_t>(info.letter)) {
      // A letter is an era only when a number follows (so that "FY" is not 'F' … ).
      cursor probe = in;
      probe.advance();
      probe.skip_spaces();
      const char32_t next = probe.peek();
      if (digit_value(next) < 0 && kanji_digit_value(next) < 0 && next != U'元') return false;
      in.advance();
      e = info.id, letter = true;
      return true;
    }
  }
  return false;
}

enum class number_status { none, ok, too_long };

// Reads a number: digits of either width, mixed freely (1２), or kanji numerals, either
// positional (二〇一〇) or with 十/百/千 (二十二).
inline number_status read_number(cursor& in, int& value) noexcept {
  int digits = 0;
  value = 0;
  for (int d = digit_value(in.peek()); d >= 0; d = digit_value(in.peek())) {
    if (++digits > 4) return number_status::too_long;
    value = value * 10 + d;
    in.advance();
  }
  if (digits > 0) return number_status::ok;
  int total = 0, current = -1, last_multiplier = 10000, positional_digits = 0;
  bool any = false, with_multipliers = false;
  for (;;) {
    const char32_t c = in.peek();
    if (const int d = kanji_digit_value(c); d >= 0) {
      if (with_multipliers) {
        if (current >= 0) return number_status::too_long;  // 二三十: two digits in one place
        current = d;
      } else {
        if (++positional_digits > 4) return number_status::too_long;
        current = (current < 0 ? 0 : current) * 10 + d;
      }
    } else if (const int m = kanji_multiplier(c); m > 0) {
      if (m >= last_multiplier || (positional_digits > 1)) return number_status::too_long;
      with_multipliers = true;
      total += (current < 0 ? 1 : current) * m;
      current = -1, last_multiplier = m;
    } else {
      break;
    }
    any = true;
    in.advance();
  }
  if (!any) return number_status::none;
  value = total + (current < 0 ? 0 : current);
  return number_status::ok;
}

// ---------------------------------------------------------------------------------------------
// One side of an expression (a range has two): which fields it names and how.

enum class slot : std::uint8_t { none, year, month, day };

struct side {
  bool has_era = false;
  era era_id = era::heisei;
  bool era_letter = false;
  bool fy_prefix = false;  // FY2013
  bool numeric = false;    // H22.12.31, 2010-12-31: separators rather than 年月日
  int year = 0, month = 0, day = 0;
  slot last = slot::none;  // the finest field named
  bool year_marked = false, fiscal = false, end = false;
  unsigned quarter = 0, half = 0;
  std::size_t era_pos = 0, year_pos = 0, month_pos = 0, day_pos = 0;
  bool empty() const noexcept { return last == slot::none; }
};

struct failure {
  std::size_t position;
  const char* expected;
};

inline constexpr const char* expected_number = "a number";

// Reads one side. `inherit` is the left side when reading the right side of a range.
inline bool read_side(cursor& in, side& s, const side* inherit, failure& f) noexcept {
  in.skip_spaces();
  const std::size_t start = in.position();
  if (read_era(in, s.era_id, s.era_letter)) {
    s.has_era = true, s.era_pos = start;
    in.skip_spaces();
  } else if (ascii_upper(in.peek()) == U'F' && ascii_upper(in.peek_after()) == U'Y') {
    in.advance(), in.advance();
    s.fy_prefix = true;
    in.skip_spaces();
  }
  // The fields in order; a right side without an era starts from what its mark says.
  slot next = slot::year;
  if (inherit && !s.has_era && !s.fy_prefix) next = slot::none;  // decided by the mark below
  for (;;) {
    const std::size_t pos = in.position();
    int value = 0;
    bool gannen = false;
    if (s.has_era && next == slot::year && in.peek() == U'元') {
      in.advance();
      value = 1, gannen = true;
    } else {
      const number_status st = read_number(in, value);
      if (st == number_status::too_long) return f = {pos, "a number of at most 4 digits"}, false;
      if (st == number_status::none) {
        if (s.last == slot::none && !(inherit && s.fy_prefix == false && !s.has_era))
          return f = {pos, s.has_era ? "an era year (a number or 元)" : "a date"}, false;
        if (s.last == slot::none) return f = {pos, expected_number}, false;
        return f = {pos, expected_number}, false;
      }
    }
    in.skip_spaces();
    const char32_t mark = in.peek();
    slot field = next;
    if (field == slot::none) {  // a right side: 25年度, 12月, 31日
      field = mark == U'年' ? slot::year : mark == U'月' ? slot::month : mark == U'日' ? slot::day
                                                                                  : inherit->last;
      if (field == slot::none) return f = {pos, "a date"}, false;
    }
    // 元 stands before 年, or before the range mark of 平成元～3年度.
    if (gannen && mark != U'年' && !(inherit == nullptr && (is_range_mark(mark) || mark == U'-')))
      return f = {in.position(), "年 after 元"}, false;
    switch (field) {
      case slot::year: s.year = value, s.year_pos = pos; break;
      case slot::month: s.month = value, s.month_pos = pos; break;
      case slot::day: s.day = value, s.day_pos = pos; break;
      case slot::none: break;
    }
    s.last = field;
    const slot after = field == slot::year ? slot::month : field == slot::month ? slot::day : slot::none;
    // Marks after the number: 年 (年度, 年度末, 年度第1四半期), 月 (月末), 日, or a separator.
    if (mark == U'年' && field == slot::year) {
      in.advance();
      s.year_marked = true;
      in.skip_spaces();
      if (in.accept(U'度')) {
        s.fiscal = true;
        in.skip_spaces();
        if (in.accept(U'末')) {
          s.end = true;
        } else if (in.accept(U'第')) {
          in.skip_spaces();
          // One digit: a number reader would read 第一四半期 as 第14 + 半期.
          const char32_t qc = in.peek();
          const int q = digit_value(qc) >= 0 ? digit_value(qc) : kanji_digit_value(qc);
          if (q < 1 || q > 4) return f = {in.position(), "a quarter 1–4"}, false;
          in.advance();
          in.skip_spaces();
          if (!in.accept(U"四半期")) return f = {in.position(), "四半期"}, false;
          s.quarter = static_cast<unsigned>(q);
        } else if (in.accept(U"上半期")) {
          s.half = 1;
        } else if (in.accept(U"下半期")) {
          s.half = 2;
        }
        return true;
      }
      const char32_t c = in.peek();
      if (digit_value(c) < 0 && kanji_digit_value(c) < 0 && kanji_multiplier(c) == 0) return true;
      next = slot::month;
      continue;
    }
    if (mark == U'月' && field == slot::month) {
      in.advance();
      in.skip_spaces();
      if (in.accept(U'末')) {
        s.end = true;
        return true;
      }
      const char32_t c = in.peek();
      if (digit_value(c) < 0 && kanji_digit_value(c) < 0 && kanji_multiplier(c) == 0) return true;
      next = slot::day;
      continue;
    }
    if (mark == U'日' && field == slot::day) {
      in.advance();
      return true;
    }
    if (mark == U'年' || mark == U'月' || mark == U'日')
      return f = {in.position(), field == slot::year    ? "年"
                                 : field == slot::month ? "月"
                                                        : "日 or the end of the date"},
             false;
    // A separator continues a numeric date (H22.12.31, 2010-12-31) before any 年 mark;
    // in 平成23-25年度 the dash is a range mark. A right side restating its era letter reads
    // like a left one (H22.4～H23.3).
    if (is_separator(mark) && after != slot::none && !s.year_marked &&
        (s.era_letter || (!s.has_era && !inherit))) {
      cursor probe = in;
      probe.advance();
      probe.skip_spaces();
      if (digit_value(probe.peek()) >= 0) {
        in = probe;
        s.numeric = true;
        next = after;
        continue;
      }
      // Only a dash can also be a range mark; after any other separator a number is missing.
      if (mark != U'-') return f = {probe.position(), expected_number}, false;
    }
    return true;
  }
}

// ---------------------------------------------------------------------------------------------
// From fields to days, with the era policy.

inline bool western_year(const side& s, int& y, failure& f, std::size_t pos) noexcept {
  if (s.has_era) {
    if (s.year < 1) return f = {s.year_pos, "an era year of 1 (元年) or more"}, false;
    y = info(s.era_id).first_year + s.year - 1;
  } else {
    y = s.year;
  }
  if (y < min_supported_year || y > max_supported_year - 1)
    return f = {pos, "a year between 1400 and 9998"}, false;
  return true;
}

inline bool check_month(const side& s, failure& f) noexcept {
  if (s.month < 1 || s.month > 12) return f = {s.month_pos, "a month 1–12"}, false;
  return true;
}

// Whether a side names a fiscal year (or a part of one): 平成21年度, FY2013, a bare H13.
inline bool names_fiscal_year(const side& s) noexcept {
  return s.fiscal || s.fy_prefix || (s.era_letter && s.last == slot::year && !s.year_marked);
}

// The span a complete side names, and its own kind.
inline bool side_days(const side& s, const parse_options& o, date_kind& kind, day_span& days,
                      failure& f) noexcept {
  int y = 0;
  if (!western_year(s, y, f, s.year_pos)) return false;
  if (names_fiscal_year(s)) {
    if (s.last != slot::year) return f = {s.month_pos, "年度 after the year"}, false;
    const fiscal_year fy(y, o.fiscal_start_month);
    days = fy.days(), kind = date_kind::fiscal_year;
    if (s.end) days.first = days.last, kind = date_kind::fiscal_year_end;
    if (s.quarter) days = fy.quarter(s.quarter), kind = date_kind::fiscal_quarter;
    if (s.half) days = fy.half(s.half), kind = date_kind::fiscal_half;
    return true;
  }
  switch (s.last) {
    case slot::year:
      if (!s.has_era && !s.year_marked && !s.numeric && s.year < 1000)
        return f = {s.year_pos, "a four-digit Western year"}, false;
      days = {days_from_civil(y, 1, 1), days_from_civil(y, 12, 31)}, kind = date_kind::year;
      return true;
    case slot::month: {
      if (!check_month(s, f)) return false;
      const auto m = static_cast<unsigned>(s.month);
      days = {days_from_civil(y, m, 1), days_from_civil(y, m, last_day_of_month(y, m))};
      kind = date_kind::month;
      if (s.end) days.first = days.last, kind = date_kind::month_end;
      return true;
    }
    case slot::day: {
      if (!check_month(s, f)) return false;
      const auto m = static_cast<unsigned>(s.month);
      if (s.day < 1 || static_cast<unsigned>(s.day) > last_day_of_month(y, m))
        return f = {s.day_pos, "a day that exists in the month"}, false;
      days.first = days.last = days_from_civil(y, m, static_cast<unsigned>(s.day));
      kind = date_kind::day;
      return true;
    }
    case slot::none: break;
  }
  return f = {0, "a date"}, false;
}

inline constexpr const char* era_start_expectation[] = {
    "a date from 明治6年1月1日 (1873-01-01), when the Gregorian calendar began",
    "a date on or after 大正's first day (1912-07-30)",
    "a date on or after 昭和's first day (1926-12-25)",
    "a date on or after 平成's first day (1989-01-08)",
    "a date on or after 令和's first day (2019-05-01)",
};

// An era label must name days that reach into its era; past the era's end is proleptic.
// A fiscal label names its whole year (§3), so 平成31年度末 is FY2019's end, not proleptic.
inline bool check_era(const side& s, const day_span& named_days, const parse_options& o,
                      bool& proleptic, failure& f) noexcept {
  if (!s.has_era) return true;
  const era_info& e = info(s.era_id);
  const day_span days =
      names_fiscal_year(s) ? fiscal_year(e.first_year + s.year - 1, o.fiscal_start_month).days()
                           : named_days;
  if (days.last < e.first_serial)
    return f = {s.era_id == era::meiji ? s.year_pos : s.era_pos,
                era_start_expectation[static_cast<std::size_t>(s.era_id)]},
           false;
  const auto last = last_serial(s.era_id);
  if (last && days.first > *last) {
    if (o.strict) return f = {s.year_pos, "a year within the era's span (strict mode)"}, false;
    proleptic = true;
  }
  return true;
}

// Fills the right side's missing fields from the left (平成22年4～12月: era and year).
inline void inherit_fields(side& right, const side& left) noexcept {
  if (right.has_era || right.fy_prefix) return;
  right.has_era = left.has_era, right.era_id = left.era_id, right.era_letter = left.era_letter;
  right.era_pos = left.era_pos;
  right.fy_prefix = left.fy_prefix;  // FY2011～2013 counts fiscal years on both sides
  if (right.year_pos == 0 && right.last != slot::year) right.year = left.year, right.year_pos = left.year_pos;
  if (right.last == slot::day && right.month == 0) right.month = left.month, right.month_pos = left.month_pos;
}

// A left side cut short by the range mark takes its granularity from the right (平成23～25年度).
inline void complete_left(side& left, const side& right) noexcept {
  if (right.fiscal || right.fy_prefix) {
    if (left.last == slot::year && !left.year_marked) left.fiscal = true;
    left.end = false;
  }
  if (right.year_marked && left.last == slot::year) left.year_marked = true;
}

inline bool read_qualifiers(cursor& in, date_reading& r, failure& f) noexcept {
  for (;;) {
    in.skip_spaces();
    const char32_t open = in.peek();
    if (open != U'（' && open != U'(') return true;
    in.advance();
    in.skip_spaces();
    const std::size_t pos = in.position();
    if (in.accept(U"見込")) {
      in.accept(U'み');
      r.estimate = true;
    } else if (!in.accept(U"実績")) {
      return f = {pos, "見込 or 実績"}, false;
    }
    in.skip_spaces();
    if (!in.accept(U'）') && !in.accept(U')')) return f = {in.position(), "）"}, false;
  }
}

inline date_kind span_kind(const side& right, date_kind right_kind) noexcept {
  switch (right_kind) {
    case date_kind::day: case date_kind::month_end: return date_kind::day_span;
    case date_kind::month: return date_kind::month_span;
    case date_kind::year: return date_kind::year_span;
    default: return date_kind::fiscal_year_span;
  }
  (void)right;
}

inline bool read_expression(std::string_view text, const parse_options& o, date_reading& r,
                            failure& f) noexcept {
  r = {};
  cursor in(text);
  side left;
  if (!read_side(in, left, nullptr, f)) return false;
  in.skip_spaces();
  bool proleptic = false;
  date_kind kind{};
  day_span days{};
  // A dash the side did not take as a separator is a range mark, after a numeric date too (H10.3-).
  if (is_range_mark(in.peek()) || in.peek() == U'-') {
    in.advance();
    in.skip_spaces();
    const char32_t c = in.peek();
    const bool open = c == end_of_text || c == U'（' || c == U'(';
    if (open) {
      if (!side_days(left, o, kind, days, f) || !check_era(left, days, o, proleptic, f)) return false;
      days.last = open_end_serial, kind = date_kind::open_ended;
    } else {
      const std::size_t right_start = in.position();
      side right;
      if (!read_side(in, right, &left, f)) return false;
      inherit_fields(right, left);
      complete_left(left, right);
      date_kind lk{}, rk{};
      day_span ld{}, rd{};
      if (!side_days(left, o, lk, ld, f) || !check_era(left, ld, o, proleptic, f)) return false;
      if (!side_days(right, o, rk, rd, f) || !check_era(right, rd, o, proleptic, f)) return false;
      if (rd.last < ld.first) return f = {right_start, "an end after the start"}, false;
      days = {ld.first, rd.last};
      kind = span_kind(right, rk);
    }
  } else {
    if (!side_days(left, o, kind, days, f) || !check_era(left, days, o, proleptic, f)) return false;
  }
  if (!read_qualifiers(in, r, f)) return false;
  in.skip_spaces();
  if (!in.at_end()) return f = {in.position(), "the end of the date"}, false;
  r.kind = kind, r.days = days, r.proleptic = proleptic;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Code units of any width: UTF-8 bytes (char), or whole code points (char16_t, char32_t) as
// Python and numpy hold texts.
template <class Unit>
constexpr char32_t unit_value(Unit u) noexcept {
  return static_cast<char32_t>(static_cast<std::make_unsigned_t<Unit>>(u));
}

// Up to `max_digits` ASCII digits at p, and no more: the value, and p moved past them.
template <class Unit>
bool ascii_number(const Unit*& p, const Unit* end, int max_digits, int& value) noexcept {
  value = 0;
  int n = 0;
  auto digit = [&] { return p < end && unit_value(*p) >= U'0' && unit_value(*p) <= U'9'; };
  while (digit() && n < max_digits) value = value * 10 + static_cast<int>(unit_value(*p++) - U'0'), ++n;
  return n > 0 && !digit();
}

// The UTF-8 bytes of a code point of the Basic Multilingual Plane, worked out at compile time.
struct utf8_bytes {
  char data[3] = {};
  std::size_t size = 0;
};
constexpr utf8_bytes utf8_of_bmp(char32_t c) noexcept {
  if (c < 0x80) return {{static_cast<char>(c)}, 1};
  if (c < 0x800) return {{static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))}, 2};
  return {{static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
           static_cast<char>(0x80 | (c & 0x3F))},
          3};
}

// The code point C at p: its UTF-8 bytes for char, one unit otherwise.
template <char32_t C, class Unit>
bool accept_code_point(const Unit*& p, const Unit* end) noexcept {
  if constexpr (sizeof(Unit) == 1) {
    constexpr utf8_bytes bytes = utf8_of_bmp(C);
    if (static_cast<std::size_t>(end - p) < bytes.size || std::memcmp(p, bytes.data, bytes.size) != 0) return false;
    p += bytes.size;
    return true;
  } else {
    if (p >= end || unit_value(*p) != C) return false;
    ++p;
    return true;
  }
}

// An era's two kanji at p: six bytes of UTF-8 for char, two units otherwise.
template <class Unit>
const era_info* accept_era_name(const Unit*& p, const Unit* end) noexcept {
  for (const auto& n : era_names) {
    if constexpr (sizeof(Unit) == 1) {
      const std::string_view kanji = info(n.id).kanji;
      if (static_cast<std::size_t>(end - p) >= kanji.size() && std::memcmp(p, kanji.data(), kanji.size()) == 0) {
        p += kanji.size();
        return &info(n.id);
      }
    } else if (end - p >= 2 && unit_value(p[0]) == n.first && unit_value(p[1]) == n.second) {
      p += 2;
      return &info(n.id);
    }
  }
  return nullptr;
}

// The forms most texts take (平成22年12月31日, H22.12.31, 2010-12-31), read straight from the
// code units. It only ever accepts what read_expression accepts, with the same result; anything
// else (spaces, full-width digits, kanji numerals, 元年, ranges, a date to refuse) returns false
// and goes the long way, which also says what is wrong.
template <class Unit>
bool read_common_day(const Unit* p, const Unit* const end, const parse_options& o, date_reading& r) noexcept {
  int year = 0, month = 0, day = 0;
  const era_info* e = nullptr;
  if (p == end) return false;
  const char32_t first = unit_value(*p);
  if (first >= 0x80) {  // 平成22年12月31日
    e = accept_era_name(p, end);
    if (!e || !ascii_number(p, end, 2, year) || !accept_code_point<U'年'>(p, end) ||
        !ascii_number(p, end, 2, month) || !accept_code_point<U'月'>(p, end) ||
        !ascii_number(p, end, 2, day) || !accept_code_point<U'日'>(p, end))
      return false;
  } else if ((first | 0x20) >= U'a' && (first | 0x20) <= U'z') {  // H22.12.31
    for (const auto& candidate : eras)
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
    const auto last = last_serial(e->id);
    if (last && s > *last) {
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

// Code points → UTF-8, for the general reader (UTF-16 pairs joined; a lone surrogate stays
// invalid, as the reader will say).
template <class Unit>
std::string utf8_of(std::basic_string_view<Unit> text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (std::size_t i = 0; i < text.size(); ++i) {
    char32_t c = unit_value(text[i]);
    if constexpr (sizeof(Unit) == 2) {
      if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.size() && unit_value(text[i + 1]) >= 0xDC00 &&
          unit_value(text[i + 1]) <= 0xDFFF)
        c = 0x10000 + ((c - 0xD800) << 10) + (unit_value(text[++i]) - 0xDC00);
    }
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | ((c >> 18) & 0x07));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// Where reading stopped at a byte that is no character (bad UTF-8, NUL), that is the failure,
// whatever the grammar wanted there.
inline bool read_date(std::string_view text, const parse_options& o, date_reading& r,
                      failure& f) noexcept {
  if (read_common_day(text, o, r) || read_expression(text, o, r, f)) return true;
  cursor at(text);
  while (at.position() < f.position && !at.at_end()) at.advance();
  if (at.peek() == invalid_utf8) f.expected = "valid UTF-8 text";
  return false;
}

[[noreturn]] inline void throw_parse_error(std::string_view text, const failure& f) {
  throw parse_error(std::string(text), f.position, f.expected);
}

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
  static_assert(info(era::meiji).kanji.size() == 6, "every era's name is two kanji of 3 bytes");
  std::memcpy(out, info(e).kanji.data(), 6);
  out += 6;
  if (year == 1) return put_text(out, "元");
  return year < 100 ? put_small(out, year) : put_number(out, year);
}

}  // namespace detail

MIYAGIPLAN_FUNC std::size_t format_date_to(char* out, sys_days day, date_style style) noexcept;

namespace detail {
inline std::string iso_text(sys_days d) {
  char buf[max_formatted_date];
  return std::string(buf, format_date_to(buf, d, date_style::iso));
}
}  // namespace detail

// -----------------------------------------------------------------------------------------------

MIYAGIPLAN_FUNC bool try_read_date(std::string_view text, const parse_options& options,
                                   date_reading& out, date_reading_failure& failure) noexcept {
  detail::failure f{0, ""};
  if (detail::read_date(text, options, out, f)) return true;
  failure = {f.position, f.expected};
  return false;
}

namespace detail {
// A text of wider code units: the common forms in place, the rest as UTF-8.
template <class Unit>
bool try_read_units(std::basic_string_view<Unit> text, const parse_options& options, date_reading& out,
                    date_reading_failure& failure) noexcept {
  if (read_common_day(text.data(), text.data() + text.size(), options, out)) return true;
  try {
    return try_read_date(utf8_of(text), options, out, failure);
  } catch (const std::bad_alloc&) {
    failure = {0, "memory for the text"};
    return false;
  }
}
}  // namespace detail

MIYAGIPLAN_FUNC bool try_read_date(std::u16string_view text, const parse_options& options, date_reading& out,
                                   date_reading_failure& failure) noexcept {
  return detail::try_read_units(text, options, out, failure);
}

MIYAGIPLAN_FUNC bool try_read_date(std::u32string_view text, const parse_options& options, date_reading& out,
                                   date_reading_failure& failure) noexcept {
  return detail::try_read_units(text, options, out, failure);
}

MIYAGIPLAN_FUNC date_expression parse_date(std::string_view text, const parse_options& options) {
  date_reading r;
  detail::failure f{0, ""};
  if (!detail::read_date(text, options, r, f)) detail::throw_parse_error(text, f);
  return date_expression(std::string(text), r);
}

MIYAGIPLAN_FUNC sys_days to_western(std::string_view text, const parse_options& options) {
  date_reading r;
  detail::failure f{0, ""};
  if (!detail::read_date(text, options, r, f)) detail::throw_parse_error(text, f);
  if (!names_a_day(r.kind)) detail::throw_parse_error(text, {0, "a text that names one day"});
  return r.days.first;
}

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

MIYAGIPLAN_FUNC fiscal_year fiscal_year::parse(std::string_view text, unsigned start_month) {
  parse_options o;
  o.fiscal_start_month = start_month;
  const date_expression e = parse_date(text, o);
  if (e.kind() != date_kind::fiscal_year) throw parse_error(std::string(text), 0, "a fiscal year (年度)");
  return fiscal_year::of(e.days().first, start_month);
}

MIYAGIPLAN_FUNC std::optional<era> fiscal_year::naming_era(era_rule rule) const noexcept {
  if (rule == era_rule::first_day) return era_of(days().first);
  if (days().last < first_era_serial) return std::nullopt;
  std::optional<era> found;
  for (const auto& e : eras)
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

MIYAGIPLAN_FUNC std::size_t format_date_to(char* out, sys_days day, date_style style) noexcept {
  using namespace detail;
  const civil_date c = civil_from_days(day);
  char* p = out;
  switch (style) {
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

MIYAGIPLAN_FUNC std::string format_date(sys_days d, date_style style) {
  char buf[max_formatted_date];
  const std::size_t n = format_date_to(buf, d, style);
  if (n == 0) throw range_error(detail::iso_text(d) + " is before 1873-01-01, the first day of the eras");
  return std::string(buf, n);
}

MIYAGIPLAN_FUNC std::string format_era_date(const era_date& d, date_style style) {
  return format_date(to_gregorian(d), style);
}

namespace detail {
inline constexpr std::string_view date_kind_names[] = {
    "day",       "month_end", "month",      "year",       "fiscal_year",      "fiscal_year_end",
    "fiscal_quarter", "fiscal_half", "day_span", "month_span", "year_span", "fiscal_year_span",
    "open_ended"};
inline constexpr std::string_view date_style_names[] = {"kanji", "abbrev", "western", "iso"};

}  // namespace detail

MIYAGIPLAN_FUNC std::string_view to_string(date_kind k) noexcept {
  return detail::date_kind_names[static_cast<std::size_t>(k)];
}
MIYAGIPLAN_FUNC date_kind date_kind_from_string(std::string_view name) {
  return detail::enum_from_name<date_kind>(detail::date_kind_names, name, "date kind");
}
MIYAGIPLAN_FUNC std::string_view to_string(date_style s) noexcept {
  return detail::date_style_names[static_cast<std::size_t>(s)];
}
MIYAGIPLAN_FUNC date_style date_style_from_string(std::string_view name) {
  return detail::enum_from_name<date_style>(detail::date_style_names, name, "date style");
}

}  // namespace miyagiplan
