// Definitions of find_dates: every date expression in running text, found by a cheap scan for
// where one may start (sixteen bytes at a time with SSE2) and read by the general reader of
// calendar_read-inl.hpp on a bounded window. Part of src/calendar.cpp, or included inline by the
// header-only target (MIYAGIPLAN_HEADER_ONLY).
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
    if (c >= U'\uFF10' && c <= U'\uFF5A') return true;  // full-width digits and letters
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
#if defined(__SSE2__)
// Sixteen bytes at once: a bit for each byte at which a date may start with the built-in eras —
// an ASCII digit or era letter (M T S H R, F of FY, either case), a full-width digit or letter,
// the first kanji of a built-in era (明 大 昭 平 令), 皇, or an era ligature. A Japanese text has
// few: the scan skips the rest sixteen bytes at a time. p must have 18 bytes readable.
[[gnu::always_inline, gnu::flatten]] inline unsigned date_start_bits(const char* p) noexcept {
  const __m128i b0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i b1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
  const __m128i b2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 2));
  auto eq = [](__m128i v, int c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(c))); };
  // lo <= v <= hi, unsigned
  auto in = [](__m128i v, int lo, int hi) {
    const __m128i d = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(lo)));
    return _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(static_cast<char>(hi - lo))), d);
  };
  const __m128i lower = _mm_or_si128(b0, _mm_set1_epi8(0x20));
  __m128i hit = in(b0, '0', '9');
  for (const int letter : {'m', 't', 's', 'h', 'r', 'f'}) hit = _mm_or_si128(hit, eq(lower, letter));
  // Full-width digits EF BC 90–99, and the full-width era letters and F: Ｍ Ｔ Ｓ Ｈ Ｒ Ｆ
  // (EF BC AD B4 B3 A8 B2 A6) and ｍ ｔ ｓ ｈ ｒ ｆ (EF BD 8D 94 93 88 92 86); other full-width
  // letters (ＩＴ) start nothing.
  const __m128i ef = eq(b0, 0xEF);
  __m128i wide = in(b2, 0x90, 0x99);
  for (const int c : {0xAD, 0xB4, 0xB3, 0xA8, 0xB2, 0xA6}) wide = _mm_or_si128(wide, eq(b2, c));
  __m128i small = eq(b2, 0x8D);
  for (const int c : {0x94, 0x93, 0x88, 0x92, 0x86}) small = _mm_or_si128(small, eq(b2, c));
  hit = _mm_or_si128(hit, _mm_and_si128(ef, _mm_or_si128(_mm_and_si128(eq(b1, 0xBC), wide), _mm_and_si128(eq(b1, 0xBD), small))));
  // 明 E6 98 8E, 昭 E6 98 AD, 大 E5 A4 A7, 平 E5 B9 B3, 令 E4 BB A4, 皇 E7 9A 87.
  auto kanji = [&](int x, int y, int z) { return _mm_and_si128(_mm_and_si128(eq(b0, x), eq(b1, y)), eq(b2, z)); };
  hit = _mm_or_si128(hit, _mm_or_si128(kanji(0xE6, 0x98, 0x8E), kanji(0xE6, 0x98, 0xAD)));
  hit = _mm_or_si128(hit, _mm_or_si128(kanji(0xE5, 0xA4, 0xA7), kanji(0xE5, 0xB9, 0xB3)));
  hit = _mm_or_si128(hit, _mm_or_si128(kanji(0xE4, 0xBB, 0xA4), kanji(0xE7, 0x9A, 0x87)));
  // Ligatures: ㍻ ㍼ ㍽ ㍾ E3 8D BB–BE, ㋿ E3 8B BF.
  const __m128i e3 = eq(b0, 0xE3);
  hit = _mm_or_si128(hit, _mm_and_si128(_mm_and_si128(e3, eq(b1, 0x8D)), in(b2, 0xBB, 0xBE)));
  hit = _mm_or_si128(hit, _mm_and_si128(_mm_and_si128(e3, eq(b1, 0x8B)), eq(b2, 0xBF)));
  return static_cast<unsigned>(_mm_movemask_epi8(hit));
}
#endif
}  // namespace detail

MIYAGIPLAN_FUNC std::vector<date_match> find_dates(std::string_view text, const parse_options& options) {
  std::vector<date_match> out;
  const era_table& table = era_list();
  const detail::date_starts starts(table);
  std::size_t i = 0, counted = 0, position = 0;  // byte i; `position` code points up to byte `counted`
  const std::size_t size = text.size();
#if defined(__SSE2__)
  // With the built-in eras only (an added era's name may start with any kanji), whole blocks
  // without a possible start are skipped; the loop below looks at the rest byte by byte.
  std::size_t block = 0;  // the first byte not yet known to hold no start
  const bool vector_scan = table.size() == builtin_eras.size();
#endif
  while (i < size) {
#if defined(__SSE2__)
    if (vector_scan && i >= block) {
      // Blocks start at i; a block with no start moves i past it (a character cut at its end is
      // looked at again from the next block, whose bits cover its lead byte only if it starts there).
      bool found = false;
      while (i + 18 <= size) {
        const unsigned bits = detail::date_start_bits(text.data() + i);
        if (bits != 0) {
          const auto skip = static_cast<std::size_t>(__builtin_ctz(bits));
          i += skip;
          block = i + 1;
          found = true;
          break;
        }
        i += 16;
      }
      if (!found) block = size;  // the tail, byte by byte
      if (i >= size) break;
    }
#endif
    {
    const auto b = static_cast<unsigned char>(text[i]);
    std::size_t n = 1;
    char32_t c = b;
    if (b < 0x80) {
      if (!starts.ascii[b]) {
        ++i;
        continue;
      }
    } else if (b >= 0xE0 && b < 0xF0 && i + 2 < size) {
      // Three bytes, most of a Japanese text: decoded in place and dropped unless they may start.
      c = char32_t((b & 0x0Fu) << 12 | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6 |
                   (static_cast<unsigned char>(text[i + 2]) & 0x3Fu));
      n = 3;
      if (!starts.wide(c)) {
        i += 3;
        continue;
      }
      c = detail::code_point_at(text, i, n);  // the checked decoding, for what follows
    } else {
      i += b >= 0xC0 && b < 0xE0 && i + 1 < size ? 2 : 1;
      continue;
    }
    if (!detail::may_start_date(text, i, c, n)) {
      i += n;
      continue;
    }
    std::string_view window = text.substr(i, detail::find_window);
    if (window.size() < size - i) {  // end on a character's first byte
      std::size_t e = window.size();
      while (e > 0 && (static_cast<unsigned char>(text[i + e]) & 0xC0) == 0x80) --e;
      window = window.substr(0, e);
    }
    date_reading r;
    std::size_t length = detail::date_at(window, options, r);
    // A number run into letters or digits (H2O) is a name, not a date.
    if (length > 0 && i + length < size) {
      std::size_t m = 0;
      if (detail::is_ascii_alnum(detail::code_point_at(text, i + length, m)) &&
          detail::digit_value(detail::code_point_at(text, detail::previous_start(text, i + length), m)) >= 0)
        length = 0;
    }
    if (length == 0) {
      i += n;
      continue;
    }
    position += detail::count_code_points(text, counted, i);
    const std::size_t begin = position;
    position += detail::count_code_points(text, i, i + length);
    counted = i + length;
    out.push_back({begin, position, date_expression(std::string(text.substr(i, length)), r)});
    i += length;
    }
  }
  return out;
}

}  // namespace miyagiplan
