// Definitions of find_dates: every date expression in running text, found by a cheap scan for
// where one may start (sixteen bytes at a time) and read by the general reader of
// calendar_read-inl.hpp on a bounded window. Part of src/calendar.cpp, or included inline by the
// header-only target (MIYAGIPLAN_HEADER_ONLY).
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "miyagiplan/calendar/calendar_parse-inl.hpp"
#include "miyagiplan/calendar/calendar_text-inl.hpp"
#include "miyagiplan/calendar/date_expression.hpp"
#include "miyagiplan/calendar/era.hpp"
#include "miyagiplan/config.hpp"
#include "miyagiplan/detail/text.hpp"

namespace miyagiplan {
namespace detail {
// Finding dates in running text: a cheap scan for where one may start, then the parser on a
// bounded window, keeping the longest prefix it reads.

// The code point at byte i of valid UTF-8 (invalid bytes read as themselves), and its length.
inline char32_t code_point_at(std::string_view t, std::size_t i, std::size_t& n) noexcept {
  const auto b = static_cast<unsigned char>(t[i]);
  if (b < 0x80) return n = 1, b;
  if ((b & 0xE0) == 0xC0 && i + 1 < t.size()) return n = 2, char32_t((b & 0x1Fu) << 6 | (static_cast<unsigned char>(t[i + 1]) & 0x3Fu));
  if ((b & 0xF0) == 0xE0 && i + 2 < t.size())
    return n = 3, char32_t((b & 0x0Fu) << 12 | (static_cast<unsigned char>(t[i + 1]) & 0x3Fu) << 6 |
                           (static_cast<unsigned char>(t[i + 2]) & 0x3Fu));
  return n = 1, invalid_utf8;
}

// The start of the code point that ends just before byte i.
inline std::size_t previous_start(std::string_view t, std::size_t i) noexcept {
  std::size_t k = i;
  while (k > 0 && i - k < 4) {
    --k;
    if ((static_cast<unsigned char>(t[k]) & 0xC0) != 0x80) return k;
  }
  return i - 1;
}

inline bool is_space(char32_t c) noexcept {
  return c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\n' || c == U'\r';
}

inline bool is_ascii_alnum(char32_t c) noexcept {
  const char32_t u = ascii_upper(c);
  return digit_value(c) >= 0 || (u >= U'A' && u <= U'Z');
}

// Whether the era name at byte i (an era added at run time) has a number after it (未来3年).
inline bool added_era_then_number(std::string_view t, std::size_t i) noexcept {
  cursor in(t.substr(i));
  era e{};
  bool letter = false;
  if (!read_era(in, e, letter)) return false;
  in.skip_spaces();
  const char32_t d = in.peek();
  return digit_value(d) >= 0 || kanji_digit_value(d) >= 0 || kanji_multiplier(d) > 0 || d == U'元';
}

// Whether a date may start at byte i (the first byte of code point c): an era name or ligature,
// 皇紀, an era letter or FY before a number, or digits before 年, 月 or a separator.
inline bool may_start_date(std::string_view t, std::size_t i, char32_t c, std::size_t n) noexcept {
  std::size_t k = i + n, m = 0;
  auto next = [&] {  // the next code point after spaces
    char32_t d = 0;
    for (;;) {
      if (k >= t.size()) return char32_t{0};
      d = code_point_at(t, k, m);
      if (!is_space(d)) return d;
      k += m;
    }
  };
  // Most characters of a Japanese text start nothing: decide those first.
  if (c >= 0x80 && digit_value(c) < 0 && c != U'明' && c != U'大' && c != U'昭' && c != U'平' && c != U'令' &&
      c != U'皇' && (c < U'\u337B' || c > U'\u337E') && c != U'\u32FF' && ascii_upper(c) == c) {
    return starts_added_era(c) && added_era_then_number(t, i);
  }
  const bool after_alnum = i > 0 && [&] {
    std::size_t pm = 0;
    return is_ascii_alnum(code_point_at(t, previous_start(t, i), pm));
  }();
  if (digit_value(c) >= 0) {
    if (after_alnum) return false;
    for (;;) {  // the rest of the digits
      if (k >= t.size()) return false;
      const char32_t d = code_point_at(t, k, m);
      if (digit_value(d) < 0) break;
      k += m;
    }
    const char32_t d = next();
    return d == U'年' || d == U'月' || is_separator(d) || d == U'－';
  }
  switch (c) {
    case U'明': case U'大': case U'昭': case U'平': case U'令': {
      for (const auto& e : era_names)
        if (e.first == c) {
          if (next() != e.second) continue;
          k += m;
          const char32_t d = next();
          return digit_value(d) >= 0 || kanji_digit_value(d) >= 0 || kanji_multiplier(d) > 0 || d == U'元';
        }
      return starts_added_era(c) && added_era_then_number(t, i);  // 大未来, added at run time
    }
    case U'\u337E': case U'\u337D': case U'\u337C': case U'\u337B': case U'\u32FF': case U'皇': {
      if (c == U'皇' && next() != U'紀') return false;
      if (c == U'皇') k += m;
      const char32_t d = next();
      return digit_value(d) >= 0 || kanji_digit_value(d) >= 0 || kanji_multiplier(d) > 0 || d == U'元';
    }
    default: break;
  }
  const char32_t u = ascii_upper(c);
  if (after_alnum || u < U'A' || u > U'Z') return false;
  const char32_t d = next();
  if (u == U'F') return ascii_upper(d) == U'Y';
  for (const auto& e : era_list())
    if (u == static_cast<char32_t>(e.letter)) return digit_value(d) >= 0 || d == U'元';
  return false;
}

// The byte where the code point at `position` (counted from the start of w) begins.
inline std::size_t byte_of_position(std::string_view w, std::size_t position) noexcept {
  cursor in(w);
  while (in.position() < position && !in.at_end()) in.advance();
  return in.offset();
}

inline std::string_view trim_end(std::string_view w) noexcept {
  while (!w.empty()) {
    std::size_t n = 0;
    const std::size_t k = previous_start(w, w.size());
    if (!is_space(code_point_at(w, k, n))) break;
    w = w.substr(0, k);
  }
  return w;
}

// The longest prefix of a window from a start that reads as a date; 0 when none does.
inline std::size_t longest_date(std::string_view window, const parse_options& o, date_reading& r) noexcept {
  std::string_view w = trim_end(window);
  for (int tries = 0; tries < 24 && !w.empty(); ++tries) {
    failure f{0, ""};
    if (read_date(w, o, r, f)) {
      // A number with no mark at the end of a text that has 年 or 月 (平成22年 3 回) is prose.
      std::size_t n = 0;
      const std::size_t k = previous_start(w, w.size());
      if (digit_value(code_point_at(w, k, n)) < 0 || (w.find("年") == std::string_view::npos && w.find("月") == std::string_view::npos))
        return w.size();
      std::size_t cut = k;
      while (cut > 0) {
        const std::size_t p = previous_start(w, cut);
        if (digit_value(code_point_at(w, p, n)) < 0) break;
        cut = p;
      }
      w = trim_end(w.substr(0, cut));
      continue;
    }
    if (f.position == 0) return 0;
    const std::size_t at = byte_of_position(w, f.position);
    w = trim_end(w.substr(0, at >= w.size() ? previous_start(w, w.size()) : at));
  }
  return 0;
}

inline std::size_t count_code_points(std::string_view t, std::size_t from, std::size_t to) noexcept {
  std::size_t n = 0;
  for (std::size_t i = from; i < to; ++i) n += (static_cast<unsigned char>(t[i]) & 0xC0) != 0x80;
  return n;
}

// Lead bytes a date may start with: ASCII digits and letters, and the three-byte forms of kanji,
// ligatures and full-width characters.
inline constexpr auto date_lead_bytes = [] {
  std::array<bool, 256> a{};
  for (unsigned c = '0'; c <= '9'; ++c) a[c] = true;
  for (const char c : {'M', 'T', 'S', 'H', 'R', 'F', 'm', 't', 's', 'h', 'r', 'f'})
    a[static_cast<unsigned char>(c)] = true;
  for (unsigned c = 0xE3; c <= 0xE7; ++c) a[c] = true;
  a[0xEF] = true;
  return a;
}();

inline constexpr std::size_t find_window = 256;  // bytes: longer than any date with its spaces
}  // namespace detail

namespace detail {
// The first characters a date may start with, for the eras in force: ASCII digits, era letters
// and F (of FY) in either case; of the three-byte characters only full-width digits and letters,
// the first kanji of an era's name, ligatures and 皇.
struct date_starts {
  std::array<bool, 128> ascii{};
  char32_t added[256] = {};  // first characters of the names of eras added at run time
  std::size_t added_count = 0;
  explicit date_starts(const era_table& t) noexcept {
    for (char c = '0'; c <= '9'; ++c) ascii[static_cast<unsigned char>(c)] = true;
    ascii['F'] = ascii['f'] = true;
    for (const era_info& e : t) {
      ascii[static_cast<unsigned char>(e.letter)] = true;
      ascii[static_cast<unsigned char>(e.letter | 0x20)] = true;
    }
    for (std::size_t i = builtin_eras.size(); i < t.size(); ++i) added[added_count++] = cursor(t[i].kanji).peek();
  }
  bool wide(char32_t c) const noexcept {
    switch (c) {
      case U'明': case U'大': case U'昭': case U'平': case U'令': case U'皇':
      case U'\u337B': case U'\u337C': case U'\u337D': case U'\u337E': case U'\u32FF':
        return true;
      default: break;
    }
    if (c >= U'\uFF10' && c <= U'\uFF19') return true;  // full-width digits
    // Full-width letters as their ASCII forms: only era letters and F start a date (ＩＣＴ
    // and ＮＰＯ are frequent in plans and would each be tried for nothing).
    const char32_t u = ascii_upper(c);
    if (u != c) return ascii[static_cast<unsigned char>(u)];
    for (std::size_t k = 0; k < added_count; ++k)
      if (added[k] == c) return true;
    return false;
  }
};

// The date that starts at byte i, read once to where it ends; 0 when none does. The reading
// must be what the matched text reads alone: that is checked, and the rare start whose longest
// date is shorter than where one reading stopped (a form refused further on) goes back to
// trying shorter windows.
inline std::size_t date_at(std::string_view window, const parse_options& o, date_reading& r) noexcept {
  std::size_t stop = 0;
  failure f{0, ""};
  if (read_expression(window, o, r, f, &stop) && stop > 0) {
    const std::string_view w = trim_end(window.substr(0, stop));
    std::size_t n = 0;
    const std::size_t k = w.empty() ? 0 : previous_start(w, w.size());
    // A number with no mark at the end after 年 or 月 (平成22年 3 回) is prose: the long way.
    const bool unmarked = !w.empty() && digit_value(code_point_at(w, k, n)) >= 0 &&
                          (w.find("年") != std::string_view::npos || w.find("月") != std::string_view::npos);
    date_reading alone;
    if (!w.empty() && !unmarked && read_date(w, o, alone, f) && alone.kind == r.kind && alone.days == r.days &&
        alone.estimate == r.estimate && alone.proleptic == r.proleptic)
      return w.size();
  }
  return longest_date(window, o, r);
}
}  // namespace detail

namespace detail {
// Code points in t[from, to): the bytes that are no continuation byte (10xxxxxx), eight at a time.
inline std::size_t count_code_points_fast(std::string_view t, std::size_t from, std::size_t to) noexcept {
  std::size_t n = to - from, i = from;
  for (; i + 8 <= to; i += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, t.data() + i, 8);
    // One bit per continuation byte, summed by a multiply (no popcount instruction is assumed).
    const std::uint64_t ones = (w & ~(w << 1) & 0x8080808080808080u) >> 7;
    n -= static_cast<std::size_t>((ones * 0x0101010101010101u) >> 56);
  }
  for (; i < to; ++i) n -= (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80;
  return n;
}

// The byte after the run of ASCII letters and digits (either width) that starts at byte i.
inline std::size_t end_of_alnum_run(std::string_view t, std::size_t i) noexcept {
  while (i < t.size()) {
    const auto b = static_cast<unsigned char>(t[i]);
    if ((b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z')) {
      ++i;
      continue;
    }
    if (b != 0xEF || i + 2 >= t.size()) break;
    // Full-width: EF BC 90–99 (digits), EF BC A1–BA (capitals), EF BD 81–9A (small letters).
    const auto b1 = static_cast<unsigned char>(t[i + 1]), b2 = static_cast<unsigned char>(t[i + 2]);
    if (!(b1 == 0xBC && ((b2 >= 0x90 && b2 <= 0x99) || (b2 >= 0xA1 && b2 <= 0xBA))) &&
        !(b1 == 0xBD && b2 >= 0x81 && b2 <= 0x9A))
      break;
    i += 3;
  }
  return i;
}

// The date that starts at byte i (code point c of n bytes), if one may start there: its length
// in bytes and its reading; 0 when none.
inline std::size_t match_at(std::string_view text, std::size_t i, char32_t c, std::size_t n, const parse_options& o,
                            date_reading& r) noexcept {
  if (!may_start_date(text, i, c, n)) return 0;
  const std::size_t size = text.size();
  std::string_view window = text.substr(i, find_window);
  if (window.size() < size - i) {  // end on a character's first byte
    std::size_t e = window.size();
    while (e > 0 && (static_cast<unsigned char>(text[i + e]) & 0xC0) == 0x80) --e;
    window = window.substr(0, e);
  }
  const std::size_t length = date_at(window, o, r);
  // A number run into letters or digits (H2O) is a name, not a date.
  if (length > 0 && i + length < size) {
    std::size_t m = 0;
    if (is_ascii_alnum(code_point_at(text, i + length, m)) &&
        digit_value(code_point_at(text, previous_start(text, i + length), m)) >= 0)
      return 0;
  }
  return length;
}

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define MIYAGIPLAN_FIND_DATES_VECTOR 1
// Sixteen bytes at once with the compiler's vector extension (SSE2, NEON, or scalar code where
// neither is): which bytes may start a date with the built-in eras — an ASCII digit or letter,
// a full-width digit or letter, the first kanji of a built-in era (明 大 昭 平 令), 皇, or an
// era ligature. A Japanese text has few: the scan skips the rest sixteen bytes at a time.
using byte16 = unsigned char __attribute__((vector_size(16)));

inline byte16 load16(const char* p) noexcept {
  byte16 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// The first byte of p[0, 16) at which a date may start, 16 when none; p must have 18 bytes readable.
[[gnu::always_inline]] inline unsigned first_date_start(const char* p) noexcept {
  using u8 = unsigned char;
  const byte16 b0 = load16(p), b1 = load16(p + 1), b2 = load16(p + 2);
  const auto eq = [](byte16 v, u8 c) { return reinterpret_cast<byte16>(v == c); };
  const auto in = [](byte16 v, u8 lo, u8 hi) { return reinterpret_cast<byte16>(static_cast<byte16>(v - lo) <= u8(hi - lo)); };
  // A superset is enough (the characters found are checked one by one after, by date_starts),
  // and few tests are cheaper than exact ones: any ASCII letter (a date starts with M T S H R
  // or F; letters are rare in Japanese text), any full-width digit or letter (the same, among
  // them ：；＜＝＞？＠ [ ] and the like), and each kanji told by its last two bytes alone:
  // continuation bytes, which no lead byte or ASCII equals.
  const byte16 lower = b0 | u8(0x20);
  byte16 hit = in(b0, '0', '9') | in(lower, 'a', 'z');
  // Full-width EF BC 90–BA (digits to Ｚ) and EF BD 81–9A (ａ–ｚ).
  hit |= (eq(b1, 0xBC) & in(b2, 0x90, 0xBA)) | (eq(b1, 0xBD) & in(b2, 0x81, 0x9A));
  // 明 E6 98 8E, 昭 E6 98 AD, 大 E5 A4 A7, 平 E5 B9 B3, 令 E4 BB A4, 皇 E7 9A 87.
  hit |= (eq(b1, 0x98) & (eq(b2, 0x8E) | eq(b2, 0xAD))) | (eq(b1, 0xA4) & eq(b2, 0xA7)) | (eq(b1, 0xB9) & eq(b2, 0xB3)) |
         (eq(b1, 0xBB) & eq(b2, 0xA4)) | (eq(b1, 0x9A) & eq(b2, 0x87));
  // Ligatures: ㍻ ㍼ ㍽ ㍾ E3 8D BB–BE, ㋿ E3 8B BF.
  hit |= (eq(b1, 0x8D) & in(b2, 0xBB, 0xBE)) | (eq(b1, 0x8B) & eq(b2, 0xBF));
  std::uint64_t half[2];
  std::memcpy(half, &hit, sizeof half);
  if (half[0]) return static_cast<unsigned>(std::countr_zero(half[0])) / 8;
  if (half[1]) return 8 + static_cast<unsigned>(std::countr_zero(half[1])) / 8;
  return 16;
}
#endif

// The scan. Fast: whole blocks without a possible start skipped by the vector test, a run of
// letters and digits that starts nothing skipped at once (none after a letter or digit starts a
// date), code points counted eight bytes at a time. Without Fast, every character is tried one
// by one: the reference the fast scan must equal (tests/unit/unit-find-dates.cpp compares them).
template <bool Fast>
std::vector<date_match> scan_dates(std::string_view text, const parse_options& options) {
  std::vector<date_match> out;
  const era_table& table = era_list();
  const date_starts starts(table);
  std::size_t i = 0, counted = 0, position = 0;  // byte i; `position` code points up to byte `counted`
  const std::size_t size = text.size();
  auto count = [&](std::size_t from, std::size_t to) {
    return Fast ? count_code_points_fast(text, from, to) : count_code_points(text, from, to);
  };
#if defined(MIYAGIPLAN_FIND_DATES_VECTOR)
  // Only with the built-in eras: an added era's name may start with any kanji.
  const bool vector_scan = Fast && table.size() == builtin_eras.size();
#endif
  while (i < size) {
#if defined(MIYAGIPLAN_FIND_DATES_VECTOR)
    if (vector_scan) {
      // The tail, under 18 bytes, goes byte by byte.
      while (i + 18 <= size) {
        const unsigned skip = first_date_start(text.data() + i);
        i += skip;
        if (skip < 16) break;
      }
      if (i >= size) break;
    }
#endif
    const auto b = static_cast<unsigned char>(text[i]);
    std::size_t n = 1;
    char32_t c = b;
    if (b < 0x80) {
      if (!starts.ascii[b]) {
        ++i;
        continue;
      }
    } else if (b >= 0xE0 && b < 0xF0 && i + 2 < size && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80 &&
               (static_cast<unsigned char>(text[i + 2]) & 0xC0) == 0x80) {
      // Three bytes, most of a Japanese text: decoded in place and dropped unless they may start.
      // (A cut sequence is skipped byte by byte, so that it never swallows the next character.)
      c = char32_t((b & 0x0Fu) << 12 | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6 |
                   (static_cast<unsigned char>(text[i + 2]) & 0x3Fu));
      n = 3;
      if (!starts.wide(c)) {
        i += 3;
        continue;
      }
      c = code_point_at(text, i, n);  // the checked decoding, for what follows
    } else {
      ++i;  // the rest of a character that starts nothing, or a byte that is no UTF-8
      continue;
    }
    date_reading r;
    const std::size_t length = match_at(text, i, c, n, options, r);
    if (length == 0) {
      // No letter or digit right after a letter or digit starts a date (H2O, ＩＣＴ, 2,280): the
      // rest of the run is skipped at once.
      i = Fast && is_ascii_alnum(c) ? end_of_alnum_run(text, i) : i + n;
      continue;
    }
    position += count(counted, i);
    const std::size_t begin = position;
    position += count(i, i + length);
    counted = i + length;
    out.push_back({begin, position, date_expression(std::string(text.substr(i, length)), r)});
    i += length;
  }
  return out;
}

}  // namespace detail

MIYAGIPLAN_FUNC std::vector<date_match> detail::find_dates_reference(std::string_view text, const parse_options& options) {
  return detail::scan_dates<false>(text, options);
}

MIYAGIPLAN_FUNC std::vector<date_match> find_dates(std::string_view text, const parse_options& options) {
  return detail::scan_dates<true>(text, options);
}

}  // namespace miyagiplan
