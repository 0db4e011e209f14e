// Definitions shared by the calendar's reader and writer: character classes, the eras as
// documents write them, code units of any width, UTF-8. Part of src/calendar.cpp, or included
// inline by the header-only target (MIYAGIPLAN_HEADER_ONLY).
#pragma once

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

#include "miyagiplan/calendar/era.hpp"
#include "miyagiplan/config.hpp"
#include "miyagiplan/detail/text.hpp"

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

// The eras as documents write them: two kanji, or one ligature.
inline constexpr struct {
  char32_t first, second, ligature;
  era id;
} era_names[] = {
    {U'明', U'治', U'\u337E', era::meiji},  {U'大', U'正', U'\u337D', era::taisho},
    {U'昭', U'和', U'\u337C', era::showa},  {U'平', U'成', U'\u337B', era::heisei},
    {U'令', U'和', U'\u32FF', era::reiwa},
};

// Reads an era name: kanji (平成), ligature (㍻), or a letter (H, h, Ｈ). `letter` tells which.
inline bool read_era(cursor& in, era& e, bool& letter) noexcept {
  const char32_t c = in.peek();
  for (const auto& n : era_names) {
    if (c == n.ligature) {
      in.advance();
      e = n.id, letter = false;
      return true;
    }
    if (c == n.first) {
      // A PDF's text may break a line, or put spaces, between the two kanji (平 \n成).
      cursor probe = in;
      probe.advance();
      for (char32_t w = probe.peek(); w == U' ' || w == U'\t' || w == U'\u3000' || w == U'\n' || w == U'\r';
           w = probe.peek())
        probe.advance();
      if (probe.peek() == n.second) {
        probe.advance();
        in = probe;
        e = n.id, letter = false;
        return true;
      }
    }
  }
  const era_table& table = era_list();
  // Eras added at run time: their names as given (one to four kanji).
  for (std::size_t i = builtin_eras.size(); i < table.size(); ++i) {
    cursor probe = in;
    cursor name(table[i].kanji);
    while (!name.at_end() && probe.peek() == name.peek()) probe.advance(), name.advance();
    if (name.at_end()) {
      in = probe;
      e = table[i].id, letter = false;
      return true;
    }
  }
  const char32_t up = ascii_upper(c);
  for (const auto& info : table) {
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

// Whether the name of an era added at run time starts with c.
inline bool starts_added_era(char32_t c) noexcept {
  const era_table& t = era_list();
  for (std::size_t i = builtin_eras.size(); i < t.size(); ++i)
    if (cursor(t[i].kanji).peek() == c) return true;
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

// The code point C at p: its UTF-8 bytes for char, one unit otherwise.
template <char32_t C, class Unit>
bool accept_code_point(const Unit*& p, const Unit* end) noexcept {
  if constexpr (sizeof(Unit) == 1) {
    constexpr utf8_bytes bytes = encode_utf8(C);
    if (static_cast<std::size_t>(end - p) < bytes.size || std::memcmp(p, bytes.data, bytes.size) != 0) return false;
    p += bytes.size;
    return true;
  } else {
    if (p >= end || unit_value(*p) != C) return false;
    ++p;
    return true;
  }
}

// A built-in era's two kanji at p: six bytes of UTF-8 for char, two units otherwise (eras added
// at run time go the long way).
template <class Unit>
const era_info* accept_era_name(const Unit*& p, const Unit* end) noexcept {
  for (const auto& n : era_names) {
    if constexpr (sizeof(Unit) == 1) {
      const std::string_view kanji = builtin_eras[static_cast<std::size_t>(n.id)].kanji;
      if (static_cast<std::size_t>(end - p) >= kanji.size() && std::memcmp(p, kanji.data(), kanji.size()) == 0) {
        p += kanji.size();
        return &builtin_eras[static_cast<std::size_t>(n.id)];
      }
    } else if (end - p >= 2 && unit_value(p[0]) == n.first && unit_value(p[1]) == n.second) {
      p += 2;
      return &builtin_eras[static_cast<std::size_t>(n.id)];
    }
  }
  return nullptr;
}

}  // namespace detail
}  // namespace miyagiplan
